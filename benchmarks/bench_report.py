"""How long `modelward report` takes for one ward (.docx, .html, .md), against `assess`.

Run on demand, not as a test: ``python benchmarks/bench_report.py [-n 15]``. Every command
runs N times, interleaved round by round so that a busy machine slows them all alike, after
one untimed warm-up each; the medians and their ratios to `assess` come from this one run.
The target (issue 17): a DOCX for one ward costs no more than a few times an `assess`.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from bench_assess import PY, SAMPLE, run_once

TARGET = 3.0
"""At most this many times an `assess` of the same period."""


def main() -> None:
    """Time assess and the three reports, then print the medians and the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=15, help="timed runs of each command")
    n = parser.parse_args().n
    with tempfile.TemporaryDirectory() as folder:
        base = [PY, "-m", "modelward"]
        commands = {
            f"modelward assess {SAMPLE} --period 2024": [
                *base,
                "assess",
                str(SAMPLE),
                "--period",
                "2024",
            ],
            "python -c 'import docx'": [PY, "-c", "import docx"],
        }
        for ext in ("docx", "html", "md"):
            out = Path(folder) / f"bao-cao.{ext}"
            commands[f"modelward report {SAMPLE} --period 2024 -o bao-cao.{ext}"] = [
                *base,
                "report",
                str(SAMPLE),
                "--period",
                "2024",
                "-o",
                str(out),
            ]
        times: dict[str, list[float]] = {name: [] for name in commands}
        for argv in commands.values():
            run_once(argv)  # warm-up: the file system cache, .pyc files
        for _ in range(n):
            for name, argv in commands.items():
                times[name].append(run_once(argv))
    medians = {name: statistics.median(t) for name, t in times.items()}
    assess = medians[next(iter(commands))]
    width = max(len(name) for name in medians)
    print(f"medians of {n} interleaved runs (Python {sys.version.split()[0]})")
    for name, value in medians.items():
        print(f"  {name:<{width}}  {value * 1000:7.0f} ms  {value / assess:5.2f}× assess")
    docx = medians[f"modelward report {SAMPLE} --period 2024 -o bao-cao.docx"]
    verdict = "met" if docx / assess <= TARGET else "NOT met"
    print(f"target: .docx ≤ {TARGET:g}× assess: {docx / assess:.2f}× ({verdict})")


if __name__ == "__main__":
    main()
