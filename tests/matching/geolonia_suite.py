"""geolonia's public address cases (MIT, `../shared/peer-addresses/`) scored as verdicts.

Each row gives an address as people wrote it and geolonia's normal form (prefecture, city, town
with its 丁目 in kanji, 番地号 or the rest). Kaiji Desk splits town and 丁目 and 番/号 differently,
so the normal form is written back as one address and the two are compared: the verdict a clerk
needs is `match`. Then the same normal form with another block (the first number + 1), another
丁目 (+ 1) and another town of the same municipality (one from another row) must be `mismatch`.

Run: `.venv/bin/python -m tests.matching.geolonia_suite [--show N]` (prints the figures and the
first N failures of each kind); `test_geolonia_suite.py` holds the thresholds.
"""

from __future__ import annotations

import argparse
import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from desktop.matching._address_text import kanji_to_int
from desktop.matching.addresses import Verdict, compare_addresses

SUITE = Path(__file__).resolve().parents[2] / ".." / "shared" / "peer-addresses"
CASES = SUITE / "geolonia_addresses.csv"
_FIRST_NUMBER = re.compile(r"\d+")
_CHOME = re.compile(r"([〇一二三四五六七八九十]+)丁目$")


@dataclass(frozen=True)
class Case:
    written: str
    normal: str  # geolonia's normal form, written as one address
    other_block: str | None  # the normal form with the first block number changed
    other_chome: str | None  # the normal form with the 丁目 changed
    other_town: str | None  # the normal form in another town of the same municipality
    note: str


@dataclass
class Figures:
    same: int = 0
    same_right: int = 0
    block: int = 0
    block_right: int = 0
    chome: int = 0
    chome_right: int = 0
    town: int = 0
    town_right: int = 0
    wrong: dict[str, list[str]] = field(
        default_factory=lambda: {"same": [], "block": [], "chome": [], "town": []}
    )


def cases() -> list[Case]:
    with CASES.open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    towns: dict[str, list[str]] = {}
    for row in rows:
        if row["町字"] and row["町字"] not in towns.setdefault(row["市区町村"], []):
            towns[row["市区町村"]].append(row["町字"])
    found: list[Case] = []
    for row in rows:
        if not row["町字"]:
            continue  # geolonia found no town: nothing to compare a clerk's verdict with
        rest = row["番地号"] + row["その他"]
        head = row["都道府県"] + row["市区町村"]
        normal = head + row["町字"] + rest
        other_block = None
        if number := _FIRST_NUMBER.match(rest):
            changed = str(int(number.group()) + 1)
            other_block = (
                head + row["町字"] + rest[: number.start()] + changed + rest[number.end() :]
            )
        other_chome = None
        if (chome := _CHOME.search(row["町字"])) and chome.start() > 0:  # not 花巻市十二丁目
            changed = f"{kanji_to_int(chome[1]) + 1}丁目"
            other_chome = head + row["町字"][: chome.start()] + changed + rest
        neighbours = [t for t in towns[row["市区町村"]] if t != row["町字"]]
        other_town = head + neighbours[0] + rest if neighbours and number else None
        found.append(Case(row["住所"], normal, other_block, other_chome, other_town, row["備考"]))
    return found


def score(all_cases: list[Case]) -> Figures:
    figures = Figures()
    for case in all_cases:
        figures.same += 1
        if compare_addresses(case.written, case.normal).verdict is Verdict.MATCH:
            figures.same_right += 1
        else:
            figures.wrong["same"].append(f"{case.written} | {case.normal} {case.note}")
        if case.other_block:
            figures.block += 1
            if compare_addresses(case.written, case.other_block).verdict is Verdict.MISMATCH:
                figures.block_right += 1
            else:
                figures.wrong["block"].append(f"{case.written} | {case.other_block}")
        if case.other_chome:
            figures.chome += 1
            if compare_addresses(case.written, case.other_chome).verdict is Verdict.MISMATCH:
                figures.chome_right += 1
            else:
                figures.wrong["chome"].append(f"{case.written} | {case.other_chome}")
        if case.other_town:
            figures.town += 1
            if compare_addresses(case.written, case.other_town).verdict is Verdict.MISMATCH:
                figures.town_right += 1
            else:
                figures.wrong["town"].append(f"{case.written} | {case.other_town}")
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="failures to print of each kind")
    args = parser.parse_args()
    figures = score(cases())
    for name, right, total in (
        ("same address → match", figures.same_right, figures.same),
        ("another block → mismatch", figures.block_right, figures.block),
        ("another 丁目 → mismatch", figures.chome_right, figures.chome),
        ("another town → mismatch", figures.town_right, figures.town),
    ):
        print(f"{name:28} {right:5}/{total:5}  {100 * right / total:6.2f} %")  # noqa: T201
    for kind, lines in figures.wrong.items():
        for line in lines[: args.show]:
            print(f"{kind}: {line}")  # noqa: T201


if __name__ == "__main__":
    main()
