"""How fast addresses are compared: target 20 000 comparisons a second on one core.

Run on demand: `.venv/bin/python tests/bench/bench_address_matching.py [--seconds S]`. The workload
is the labelled pairs of tests/matching/address_pairs.tsv. Prints comparisons per second for:

- baseline: `==` on the NFKC forms of the two strings (measured in the same run);
- compare parsed: `compare_addresses` on two already-parsed addresses;
- parse+compare, warm: `compare_addresses` on strings whose parse is in the LRU cache;
- parse+compare, cold: every string parsed afresh (all caches cleared: postal lookups included);

with each one's cost as a ratio to the baseline, and the one-off cost of building the place list.
"""

from __future__ import annotations

import argparse
import csv
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

from desktop.matching._address_gazetteer import postal_places, town_has_chome
from desktop.matching._address_text import building_key, name_key
from desktop.matching.addresses import compare_addresses, parse_address, warm_up

PAIRS = Path(__file__).parents[1] / "matching" / "address_pairs.tsv"
TARGET = 20_000


def _pairs() -> list[tuple[str, str]]:
    with PAIRS.open(encoding="utf-8") as file:
        rows = [row for row in csv.reader(file, delimiter="\t") if row and row[0][:1] != "#"]
    return [(row[0], row[1]) for row in rows[1:]]


def _rate(run: Callable[[], int], seconds: float) -> float:
    """Comparisons per second: repeat `run` (which returns how many it did) for `seconds`."""
    done = 0
    start = time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds:
        done += run()
    return done / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0, help="time per measurement")
    args = parser.parse_args()
    pairs = _pairs()

    start = time.perf_counter()
    warm_up()
    build = time.perf_counter() - start

    def baseline() -> int:
        for a, b in pairs:
            _ = unicodedata.normalize("NFKC", a) == unicodedata.normalize("NFKC", b)
        return len(pairs)

    def cold() -> int:
        for cache in (parse_address, postal_places, town_has_chome, name_key, building_key):
            cache.cache_clear()
        for a, b in pairs:
            compare_addresses(a, b)
        return len(pairs)

    def warm() -> int:
        for a, b in pairs:
            compare_addresses(a, b)
        return len(pairs)

    parsed = [(parse_address(a), parse_address(b)) for a, b in pairs]

    def compare_parsed() -> int:
        for a, b in parsed:
            compare_addresses(a, b)
        return len(parsed)

    base = _rate(baseline, args.seconds)
    rates = {
        "compare parsed": _rate(compare_parsed, args.seconds),
        "parse+compare, warm cache": _rate(warm, args.seconds),
        "parse+compare, cold": _rate(cold, args.seconds),
    }
    print(f"place list built in {build * 1000:.0f} ms (once per process)")  # noqa: T201
    print(f"{len(pairs)} pairs; target {TARGET:,} comparisons/s on one core")  # noqa: T201
    print(f"{'baseline: == on NFKC strings':30} {base:12,.0f}/s   1.0x the baseline's time")  # noqa: T201
    for name, rate in rates.items():
        note = (
            ("ok" if rate >= TARGET else "BELOW TARGET")
            if "cold" not in name
            else (f"(a parse: {1e6 / rate / 2:.0f} µs)")
        )
        print(f"{name:30} {rate:12,.0f}/s {base / rate:6.1f}x the baseline's time  {note}")  # noqa: T201


if __name__ == "__main__":
    main()
