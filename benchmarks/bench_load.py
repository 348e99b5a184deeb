"""How long the loader takes to read the sample ward, against plain libyaml on the same file.

    python benchmarks/bench_load.py [--repeat 300]

Prints the median milliseconds per load for: plain ``yaml.load(text, Loader=yaml.CSafeLoader)``
(the floor: parsing only), ``load_ward`` with its catalogue read each time (what one
``modelward assess`` does), and ``load_ward`` with the catalogue already read (what each ward
after the first costs in ``validate wards/`` or ``summary``). Ratios are against the plain
parse measured in the same run, so they compare across machines; milliseconds do not.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from modelward import loading as loader

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "wards" / "tao-xuyen.yaml"


def medians_ms(cases: list[Callable[[], object]], repeat: int) -> list[float]:
    """The median wall time of one call of each case, in milliseconds.

    The cases take turns, one call each per round, so that a slow patch of the machine
    (another process, a frequency change) falls on all of them alike and the ratios hold.
    """
    for fn in cases:  # warm up: imports, caches, first allocations
        for _ in range(min(10, repeat)):
            fn()
    times: list[list[float]] = [[] for _ in cases]
    gc_was_enabled = gc.isenabled()
    gc.disable()  # a collection landing in one sample is noise, not the loader's cost
    try:
        for _ in range(repeat):
            for fn, samples in zip(cases, times, strict=True):
                start = time.perf_counter()
                fn()
                samples.append(time.perf_counter() - start)
            gc.collect()  # between rounds, outside the timed calls
    finally:
        if gc_was_enabled:
            gc.enable()
    return [statistics.median(samples) * 1000 for samples in times]


def shown(path: Path) -> str:
    """A path relative to the repository where it is inside it."""
    resolved = path.resolve()
    return str(resolved.relative_to(ROOT) if resolved.is_relative_to(ROOT) else path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=300, help="timed calls per case")
    parser.add_argument("--ward", type=Path, default=SAMPLE, help="ward file to load")
    args = parser.parse_args()
    ward: Path = args.ward
    text = ward.read_text(encoding="utf-8")

    cache = loader.CatalogueCache()
    loaded = loader.load_ward(ward, catalogues=cache)  # fills the cache, and checks the file
    catalogue = loaded.catalogue.path

    cases: list[tuple[str, Callable[[], object]]] = [
        ("yaml.load CSafeLoader (ward only)", lambda: yaml.load(text, Loader=yaml.CSafeLoader)),
        ("load_ward, catalogue read each time", lambda: loader.load_ward(ward)),
        ("load_ward, catalogue cached", lambda: loader.load_ward(ward, catalogues=cache)),
        ("load_catalogue alone", lambda: loader.load_catalogue(catalogue)),
    ]
    print(f"ward: {shown(ward)}, {len(text.encode()):,} bytes, {len(loaded.periods)} periods")
    print(f"catalogue: {shown(catalogue)}")
    print(f"python {sys.version.split()[0]}, PyYAML {yaml.__version__}", end=", ")
    print(f"libyaml {'yes' if yaml.__with_libyaml__ else 'NO (pure-Python parser)'}")
    print(f"median of {args.repeat} calls each, the cases taking turns\n")
    results = medians_ms([fn for _, fn in cases], args.repeat)
    base = results[0]
    for (name, _), ms in zip(cases, results, strict=True):
        print(f"  {name:<38} {ms:8.3f} ms   {ms / base:6.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
