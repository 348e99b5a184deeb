"""The speed and memory targets of issue 7, measured in one run as ratios against baselines.

    python benchmarks/run.py                 # 3,321 wards × 5 periods; memory at 1,000 and 10,000
    python benchmarks/run.py --wards 500 --memory 200,2000 --repeat 3   # a quicker look
    python benchmarks/run.py --startup-only  # start-up and a one-ward assess only (under a minute)
    python benchmarks/run.py --exports-only  # the .xlsx and site exports against a warm summary,
                                             # and a warm site export's memory at 1,000 and 10,000

Every figure is a median of repeated runs of a real command in a fresh process, each taking
turns with its baseline so that a busy machine slows both alike. Prints a table and writes
benchmarks/results.md (the table, the machine, the date).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PY = sys.executable
YAML_LOOP = (
    "import sys, yaml\n"
    "from pathlib import Path\n"
    "for p in sorted(Path(sys.argv[1]).rglob('*.yaml')):\n"
    "    yaml.load(p.read_text(encoding='utf-8'), Loader=yaml.CSafeLoader)\n"
)


def run(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, int]:
    """Wall seconds and peak memory (KiB) of one command in a fresh process.

    Linux's ``ru_maxrss`` of a child starts from the forked parent's size until ``exec``;
    this script stays far smaller than what it measures, so the peak is the command's.
    """
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    stderr = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode not in (0, 3):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{stderr}")
    return elapsed, usage.ru_maxrss


def medians(
    pairs: dict[str, list[str]],
    repeat: int,
    env: dict[str, str],
    before: dict[str, list[str]] | None = None,
) -> dict[str, float]:
    """Run the commands in turn, ``repeat`` rounds; the median seconds of each.

    ``before`` names a command to run (untimed) before each timed one, e.g. to empty a cache.
    """
    times: dict[str, list[float]] = {name: [] for name in pairs}
    for _ in range(repeat):
        for name, cmd in pairs.items():
            if before and name in before:
                run(before[name], env)
            times[name].append(run(cmd, env)[0])
    return {name: statistics.median(values) for name, values in times.items()}


@dataclass
class Line:
    """One row of the results table."""

    what: str
    seconds: str
    baseline: str
    ratio: float | None
    target: str

    @property
    def met(self) -> str:
        if self.target.endswith(" s"):  # an absolute bound on the measured seconds
            seconds = float(self.seconds.split()[0]) / (1000 if self.seconds.endswith("ms") else 1)
            return "yes" if seconds < float(self.target.split()[1]) else "NO"
        limit = float(self.target.split()[-1].rstrip("×"))
        return "yes" if self.ratio is not None and self.ratio <= limit else "NO"


def make(wards: int, periods: int, out: Path) -> Path:
    """Synthetic wards, made once and kept between runs."""
    done = out / "wards" / f"ward-{wards:05d}.yaml"
    if not done.exists():
        if out.exists():
            shutil.rmtree(out)
        subprocess.run(
            [
                PY,
                str(HERE / "make_wards.py"),
                "--wards",
                str(wards),
                "--periods",
                str(periods),
                "--out",
                str(out),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return out


def _table(lines: list[Line]) -> str:
    header = "| what | measured | baseline (same run) | ratio | target | met |\n|---|---:|---|---:|---|---|"
    rows = [
        f"| {x.what} | {x.seconds} | {x.baseline} | {x.ratio:.2f}× | {x.target} | {x.met} |"
        for x in lines
    ]
    return "\n".join([header, *rows])


def exports(
    args: argparse.Namespace, workdir: Path, env: dict[str, str], mw: list[str]
) -> list[Line]:
    """The .xlsx and site exports of many wards, each against a warm ``summary`` (issue 18:
    within a few times it). The cache is filled first, rows and ward pages alike. The site
    is timed twice: over the site the previous run wrote (its unchanged pages are linked in,
    not written) and into a folder that does not exist yet (every page a new file). Then the
    warm site export's peak memory at ``--memory``'s two ward counts."""
    data = make(args.wards, args.periods, workdir / f"w{args.wards}x{args.periods}")
    print(f"exports of {args.wards} wards …", file=sys.stderr)
    summary = [*mw, "summary", str(data), "--format", "json"]
    site = [*mw, "export", str(data), "-o", f"{workdir / 'site'}/"]
    fresh = workdir / "new-site"
    run(summary, env)
    run(site, env)  # the first site export reads every ward in full, once
    timed = medians(
        {
            "warm": summary,
            "xlsx": [*mw, "export", str(data), "-o", str(workdir / "summary.xlsx")],
            "site": site,
            "fresh": [*mw, "export", str(data), "-o", f"{fresh}/"],
        },
        args.repeat,
        env,
        before={
            "fresh": [PY, "-c", f"import shutil; shutil.rmtree({str(fresh)!r}, ignore_errors=True)"]
        },
    )
    base = f"warm `summary` {timed['warm']:.2f} s"
    # A warm site export reads the drawn pages from the cache a chunk at a time and writes
    # them as they come: its peak, like a summary's, must not grow with the wards.
    small, large = (int(n) for n in args.memory.split(","))
    peaks = {}
    for count in (small, large):
        print(f"site export's peak memory at {count} wards …", file=sys.stderr)
        folder = make(count, args.periods, workdir / f"w{count}x{args.periods}")
        out = [*mw, "export", str(folder), "-o", f"{workdir / f'site-{count}'}/"]
        run(out, env)  # fills the cache with its ward pages
        peaks[count] = run(out, env)[1]
    return [
        Line(
            f"`export` to .xlsx, warm cache, {args.wards:,} wards",
            f"{timed['xlsx']:.2f} s",
            base,
            timed["xlsx"] / timed["warm"],
            "≤ 5×",
        ),
        Line(
            f"`export -o site/` (index + a page per ward) over the last one, warm cache, "
            f"{args.wards:,} wards",
            f"{timed['site']:.2f} s",
            base,
            timed["site"] / timed["warm"],
            "≤ 5×",
        ),
        Line(
            f"`export -o new-site/`, a folder not there yet, warm cache, {args.wards:,} wards",
            f"{timed['fresh']:.2f} s",
            base,
            timed["fresh"] / timed["warm"],
            "≤ 5×",
        ),
        Line(
            f"peak memory, warm `export -o site/`, {large:,} wards",
            f"{peaks[large] / 1024:.0f} MiB",
            f"{small:,} wards {peaks[small] / 1024:.0f} MiB",
            peaks[large] / peaks[small],
            "≤ 1.5×",
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wards", type=int, default=3321)
    parser.add_argument("--periods", type=int, default=5)
    parser.add_argument("--memory", default="1000,10000", help="ward counts for the memory ratio")
    parser.add_argument("--repeat", type=int, default=5, help="rounds of the summary timings")
    parser.add_argument(
        "--startup-repeat", type=int, default=21, help="rounds of the start-up timings"
    )
    parser.add_argument(
        "--workdir", type=Path, default=Path(tempfile.gettempdir()) / "modelward-bench"
    )
    parser.add_argument("--out", type=Path, default=HERE / "results.md")
    parser.add_argument(
        "--startup-only",
        action="store_true",
        help="measure start-up and a one-ward assess only; print, write no results.md",
    )
    parser.add_argument(
        "--exports-only",
        action="store_true",
        help="measure the .xlsx and site exports against a warm summary only; print, write "
        "no results.md",
    )
    args = parser.parse_args()

    workdir: Path = args.workdir
    workdir.mkdir(parents=True, exist_ok=True)
    cache = workdir / "cache"
    env = {**os.environ, "MODELWARD_CACHE_DIR": str(cache), "NO_COLOR": "1", "COLUMNS": "100"}
    env.pop("MODELWARD_LANG", None)
    mw = [PY, "-m", "modelward"]
    if args.exports_only:
        print(_table(exports(args, workdir, env, mw)))
        return
    sample = str(ROOT / "wards" / "tao-xuyen.yaml")
    lines: list[Line] = []

    print("start-up …", file=sys.stderr)
    start = medians(
        {
            "click": [PY, "-c", "import click"],
            "version": [*mw, "--version"],
            "imports": [PY, "-c", "import click, pydantic, rich, yaml"],
            "assess": [*mw, "assess", sample],
            "help": [*mw, "--help"],
        },
        args.startup_repeat,
        env,
    )
    ms = lambda s: f"{s * 1000:.0f} ms"  # noqa: E731 - a local formatter
    lines.append(
        Line(
            "`modelward --version`",
            ms(start["version"]),
            f"`import click` {ms(start['click'])}",
            start["version"] / start["click"],
            "≤ 2×",
        )
    )
    lines.append(
        Line(
            "`modelward --help`",
            ms(start["help"]),
            f"`import click` {ms(start['click'])}",
            start["help"] / start["click"],
            "≤ 2×",
        )
    )
    imports = f"`import click, pydantic, rich, yaml` {ms(start['imports'])}"
    lines.append(
        Line(
            "`modelward assess` (sample ward; no cache of any kind: worked out afresh)",
            ms(start["assess"]),
            imports,
            start["assess"] / start["imports"],
            "< 1 s",
        )
    )
    if args.startup_only:
        print(_table(lines))
        return

    data = make(args.wards, args.periods, workdir / f"w{args.wards}x{args.periods}")
    size = sum(p.stat().st_size for p in (data / "wards").glob("*.yaml"))
    print(f"summary of {args.wards} wards ({size / 1e6:.1f} MB) …", file=sys.stderr)
    summary = [*mw, "summary", str(data), "--format", "json"]
    clear = [PY, "-c", f"import shutil; shutil.rmtree({str(cache)!r}, ignore_errors=True)"]
    timed = medians(
        {
            "yaml": [PY, "-c", YAML_LOOP, str(data)],
            "cold1": [*summary, "-j", "1"],
            "cold2": [*summary, "-j", "2"],
            "warm": summary,
            "xlsx": [*mw, "export", str(data), "-o", str(workdir / "summary.xlsx")],
        },
        args.repeat,
        env,
        before={"cold1": clear, "cold2": clear},
    )
    base = f"CSafeLoader loop {timed['yaml']:.2f} s"
    lines.append(
        Line(
            f"`summary`, cold cache, 1 job, {args.wards:,} wards",
            f"{timed['cold1']:.2f} s",
            base,
            timed["cold1"] / timed["yaml"],
            "≤ 1.2×",
        )
    )
    lines.append(
        Line(
            f"`summary`, cold cache, 2 jobs, {args.wards:,} wards",
            f"{timed['cold2']:.2f} s",
            base,
            timed["cold2"] / timed["yaml"],
            "≤ 0.7×",
        )
    )
    lines.append(
        Line(
            f"`summary`, warm cache, {args.wards:,} wards",
            f"{timed['warm']:.2f} s",
            base,
            timed["warm"] / timed["yaml"],
            "≤ 0.15×",
        )
    )
    lines.append(
        Line(
            f"`export` to .xlsx, warm cache, {args.wards:,} wards",
            f"{timed['xlsx']:.2f} s",
            base,
            timed["xlsx"] / timed["yaml"],
            "< 10 s",
        )
    )

    lines += exports(args, workdir, env, mw)

    small, large = (int(n) for n in args.memory.split(","))
    peaks = {}
    for count in (small, large):
        print(f"peak memory at {count} wards …", file=sys.stderr)
        folder = make(count, args.periods, workdir / f"w{count}x{args.periods}")
        _, peaks[count] = run(
            [*mw, "summary", str(folder), "--format", "json", "--no-cache", "-j", "1"], env
        )
    lines.append(
        Line(
            f"peak memory, {large:,} wards",
            f"{peaks[large] / 1024:.0f} MiB",
            f"{small:,} wards {peaks[small] / 1024:.0f} MiB",
            peaks[large] / peaks[small],
            "≤ 1.5×",
        )
    )

    table = _table(lines)
    print(table)
    machine = (
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}"
    )
    args.out.write_text(
        "# Benchmark results\n\n"
        f"Made by `python benchmarks/run.py` on {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC; machine: {machine}.\n"
        f"Data: `benchmarks/make_wards.py`, {args.wards:,} wards × {args.periods} yearly periods "
        f"({size / 1e6:.1f} MB of YAML). Medians of {args.repeat} runs (start-up: {args.startup_repeat}), "
        "each command taking turns with its baseline.\n\n" + table + "\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
