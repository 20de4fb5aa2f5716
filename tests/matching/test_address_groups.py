"""Addresses as people write them: each way of writing (丁目 Japan Post does not flag, variant
kanji, a building that starts with a numeral, 条 left out …) has its own labelled pairs, the
same address written two ways and another block or town, and every pair must be right. Then
geolonia's public cases, scored as verdicts (`geolonia_suite.py`)."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import pytest

from desktop.matching._address_gazetteer import gazetteer
from desktop.matching._address_parse import MAX_ADDRESS_CHARS
from desktop.matching._address_text import name_key
from desktop.matching.addresses import compare_addresses, parse_address
from tests.matching import geolonia_suite

GROUPS_FILE = Path(__file__).with_name("address_groups.tsv")


def _groups() -> dict[str, list[tuple[str, str, str, str]]]:
    with GROUPS_FILE.open(encoding="utf-8") as file:
        rows = [row for row in csv.reader(file, delimiter="\t") if row and row[0][:1] != "#"]
    assert rows[0] == ["group", "a", "b", "expected", "note"]
    groups: dict[str, list[tuple[str, str, str, str]]] = defaultdict(list)
    for group, a, b, expected, note in rows[1:]:
        groups[group].append((a, b, expected, note))
    return groups


GROUPS = _groups()


def test_every_group_has_both_kinds_of_pairs() -> None:
    assert len(GROUPS) == 12
    for group, pairs in GROUPS.items():
        expected = [e for _, _, e, _ in pairs]
        assert expected.count("match") >= 3, group
        assert expected.count("mismatch") >= 3, group


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_every_pair_of_the_group_is_right(group: str) -> None:
    wrong = [
        f"{note}: {a} | {b} → {verdict}, expected {expected}"
        for a, b, expected, note in GROUPS[group]
        if (verdict := compare_addresses(a, b).verdict) != expected
    ]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_pairs_are_symmetric(group: str) -> None:
    for a, b, _, _ in GROUPS[group]:
        assert compare_addresses(a, b).verdict == compare_addresses(b, a).verdict, (a, b)


@pytest.mark.parametrize(
    ("text", "town", "numbers", "building"),
    [
        ("千代田区紀尾井町1-3一番館", "紀尾井町", (None, "1", "3"), "一番館"),
        ("清須市助七一丁目5", "助七", (1, "5", None), None),
        ("札幌市東区北１６東２－１－１", "北十六条東", (2, "1", "1"), None),
        ("京都市東山区大和大路通四条下る4丁目小松町580", "小松町", (None, "580", None), None),
        ("町田市木曽東四丁目１４ーイ２２ コーポ", "木曽東", (4, "14", "イ22"), "コーポ"),
        ("葛󠄀飾区青戸7-29-8", "青戸", (7, "29", "8"), None),
    ],
)
def test_components_as_a_clerk_reads_them(
    text: str, town: str, numbers: tuple[int | None, str | None, str | None], building: str | None
) -> None:
    parsed = parse_address(text)
    assert parsed.town == town
    assert (parsed.chome, parsed.block, parsed.lot) == numbers
    assert parsed.building == building


def test_the_other_reading_of_bare_numbers_is_shown_in_the_differences() -> None:
    result = compare_addresses("我孫子市我孫子2-6-3", "我孫子市我孫子2丁目6番4号")
    assert result.verdict == "mismatch"
    assert [(d.component, d.a, d.b) for d in result.differences] == [("lot", "3", "4")]


_SPELLINGS = str.maketrans("ヶがノ之乃", "ケケののの")


def test_no_two_places_fold_together() -> None:
    """Folding variant kanji (塩竈/塩釜, 檜/桧 …) never makes two towns of one municipality, or
    two municipalities, the same (Japan Post lists some towns twice, as 日の出 and 日之出)."""
    municipalities: dict[str, set[str]] = defaultdict(set)
    for munis in gazetteer().municipalities.values():
        for muni in munis:
            municipalities[f"{muni.prefecture}{name_key(muni.name)}"].add(muni.name)
            towns: dict[str, set[str]] = defaultdict(set)
            for name, _ in muni.raw_towns:
                towns[name_key(name)].add(name.translate(_SPELLINGS))
            merged = {k: v for k, v in towns.items() if len(v) > 1}
            assert not merged, (muni.name, merged)
    assert not {k: v for k, v in municipalities.items() if len(v) > 1}


def test_parsing_stays_linear_in_the_length() -> None:
    """An address-sized start is parsed: a long run of what the new readings look for (大字,
    条, directions, kana lots) gives the same as its first MAX_ADDRESS_CHARS characters."""
    for unit in ("字", "北1西", "上る1丁目", "-イ2", "町の", "千葉"):
        text = "札幌市東区" + unit * 5000
        assert parse_address(text) == parse_address(text[:MAX_ADDRESS_CHARS])


def test_geolonia_suite() -> None:
    """geolonia's cases (see ../shared/peer-addresses/README.md): the same address in its normal
    form is a match; another block, 丁目 or town of the municipality is never one."""
    figures = geolonia_suite.score(geolonia_suite.cases())
    assert figures.same >= 7000
    assert figures.same_right >= figures.same * 0.998, figures.wrong["same"]
    assert figures.block_right >= figures.block - 1, figures.wrong["block"]
    assert figures.chome_right == figures.chome, figures.wrong["chome"]
    assert figures.town_right == figures.town, figures.wrong["town"]
