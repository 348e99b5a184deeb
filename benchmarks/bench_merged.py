"""A summary over wards with merged successors, against the plain tree (issue 16).

    python benchmarks/bench_merged.py                     # 3,321 wards × 5 periods, successors of 3
    python benchmarks/bench_merged.py --wards 300 --repeat 1   # a quicker look

Makes two trees with ``make_wards.py``: the plain one, and the same wards with one ward
formed on 2025-07-01 from every K of them. Times, as ``run.py`` does (medians, each command
taking turns with its baseline), a cold summary with 1 and 2 jobs and a warm one over each,
against the CSafeLoader loop over the same tree; prints the table (nothing is written).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from run import PY, YAML_LOOP, medians  # type: ignore[import-not-found]

HERE = Path(__file__).resolve().parent


def tree(wards: int, periods: int, merged_from: int, out: Path) -> Path:
    cmd = [PY, str(HERE / "make_wards.py"), "--wards", str(wards), "--periods", str(periods)]
    if merged_from:
        cmd += ["--merged-from", str(merged_from)]
    subprocess.run([*cmd, "--out", str(out)], check=True, stdout=subprocess.DEVNULL)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wards", type=int, default=3321)
    parser.add_argument("--periods", type=int, default=5)
    parser.add_argument("--merged-from", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    mw = [str(Path(sys.executable).parent / "modelward")]
    with tempfile.TemporaryDirectory(prefix="modelward-merged-") as tmp:
        work = Path(tmp)
        cache = work / "cache"
        env = {**os.environ, "MODELWARD_CACHE_DIR": str(cache), "NO_COLOR": "1"}
        clear = [PY, "-c", f"import shutil; shutil.rmtree({str(cache)!r}, ignore_errors=True)"]
        rows = []
        for name, merged_from in (("plain", 0), ("merged", args.merged_from)):
            data = tree(args.wards, args.periods, merged_from, work / name)
            files = len(list((data / "wards").glob("*.yaml")))
            summary = [*mw, "summary", str(data), "--format", "json"]
            timed = medians(
                {
                    "yaml": [PY, "-c", YAML_LOOP, str(data)],
                    "cold1": [*summary, "-j", "1"],
                    "cold2": [*summary, "-j", "2"],
                    "warm": summary,
                },
                args.repeat,
                env,
                before={"cold1": clear, "cold2": clear},
            )
            rows.append((name, files, timed))
        print("| tree | files | CSafeLoader loop | cold, 1 job | cold, 2 jobs | warm |")
        print("|---|---:|---:|---:|---:|---:|")
        for name, files, t in rows:
            y = t["yaml"]
            print(
                f"| {name} | {files:,} | {y:.2f} s | {t['cold1']:.2f} s ({t['cold1'] / y:.2f}×) "
                f"| {t['cold2']:.2f} s ({t['cold2'] / y:.2f}×) | {t['warm']:.2f} s "
                f"({t['warm'] / y:.2f}×) |"
            )
        print("targets (run.py): cold 1 job ≤ 1.2×, cold 2 jobs ≤ 0.7×, warm ≤ 0.15×")


if __name__ == "__main__":
    main()
