"""How long `modelward assess` and `modelward --version` take, against bare imports.

Run on demand, not as a test: ``python benchmarks/bench_assess.py [-n 15]``. Every command
runs N times, interleaved round by round so that a busy machine slows them all alike, after
one untimed warm-up each; the medians and their ratios come from this one run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = Path("wards") / "tao-xuyen.yaml"
PY = sys.executable

COMMANDS: dict[str, list[str]] = {
    "python -c pass": [PY, "-c", "pass"],
    "python -c 'import click'": [PY, "-c", "import click"],
    "python -c 'import click, pydantic, rich, yaml'": [
        PY,
        "-c",
        "import click, pydantic, rich, yaml",
    ],
    "modelward --version": [PY, "-m", "modelward", "--version"],
    f"modelward assess {SAMPLE}": [PY, "-m", "modelward", "assess", str(SAMPLE)],
}

RATIOS = [
    (f"modelward assess {SAMPLE}", "python -c 'import click, pydantic, rich, yaml'"),
    ("modelward --version", "python -c 'import click'"),
]


def run_once(argv: list[str]) -> float:
    """Seconds one run of a command takes; its output goes to /dev/null."""
    env = {k: v for k, v in os.environ.items() if k != "MODELWARD_LANG"}
    start = time.perf_counter()
    done = subprocess.run(
        argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, check=False
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(argv)} failed ({done.returncode}):\n{done.stderr.decode()}")
    return elapsed


def main() -> None:
    """Time every command, then print the medians in milliseconds and the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=15, help="timed runs of each command")
    n = parser.parse_args().n

    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for argv in COMMANDS.values():
        run_once(argv)  # warm-up: file-system caches, .pyc files
    for _ in range(n):
        for name, argv in COMMANDS.items():
            times[name].append(run_once(argv))

    medians = {name: statistics.median(t) * 1000 for name, t in times.items()}
    width = max(len(name) for name in COMMANDS)
    print(f"{n} runs each, interleaved; Python {sys.version.split()[0]} ({PY})")
    print(f"{'command':<{width}}  {'median':>9}  {'min':>9}  {'max':>9}")
    for name, t in times.items():
        print(
            f"{name:<{width}}  {medians[name]:>6.1f} ms  {min(t) * 1000:>6.1f} ms"
            f"  {max(t) * 1000:>6.1f} ms"
        )
    print()
    for slow, base in RATIOS:
        print(f"{slow}  /  {base}:  {medians[slow] / medians[base]:.2f}×")


if __name__ == "__main__":
    main()
