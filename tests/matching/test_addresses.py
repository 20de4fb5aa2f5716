"""Tests of Japanese address matching: parsing into components, verdicts and differences, the
labelled pairs (≥ 98 % right), properties (normalizing is idempotent, verdicts are symmetric, the
same components in different notations match) and use from several threads."""

from __future__ import annotations

import csv
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import NamedTuple

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.matching.addresses import (
    AddressComparison,
    Difference,
    ParsedAddress,
    Verdict,
    address_key,
    compare_addresses,
    parse_address,
)

PAIRS = Path(__file__).with_name("address_pairs.tsv")
SLOW = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _verdict(a: str, b: str) -> Verdict:
    return compare_addresses(a, b).verdict


# --- parsing ---------------------------------------------------------------------------------


def test_parse_every_component() -> None:
    parsed = parse_address(
        "〒160-0023 東京都新宿区西新宿二丁目８番１号　メゾン・ド・ルーナ１０１号室"
    )
    assert parsed == ParsedAddress(
        postal_code="160-0023",
        prefecture="東京都",
        municipality="新宿区",
        town="西新宿",
        chome=2,
        block="8",
        lot="1",
        building="メゾン・ド・ルーナ",
        room="101",
    )
    assert parsed.normalized() == "〒160-0023 東京都新宿区西新宿2丁目8-1 メゾン・ド・ルーナ 101号室"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("新宿区西新宿2-8-1-101", "東京都新宿区西新宿2丁目8-1 101号室"),
        ("西多摩郡瑞穂町大字箱根ヶ崎2335番地", "東京都西多摩郡瑞穂町箱根ケ崎2335番地"),
        ("久米島町字宇江城123", "沖縄県島尻郡久米島町宇江城123番地"),
        ("札幌市中央区北1条西2丁目1番地1", "北海道札幌市中央区北一条西2丁目1-1"),
        ("京都市下京区四条通烏丸東入長刀鉾町10番地", "京都府京都市下京区長刀鉾町10番地"),
        ("〒060-0001 中央区北1条西2-1-1", "〒060-0001 北海道札幌市中央区北一条西2丁目1-1"),
        ("大阪府中央区難波5-1-60", "大阪府大阪市中央区難波5丁目1-60"),
        ("板橋区大山町二十三番地の一", "東京都板橋区大山町23番地1"),
        ("長野市大字南長野字幅下692-2", "長野県長野市南長野字幅下692番地2"),
        ("矢巾町南矢幅13地割123", "岩手県紫波郡矢巾町南矢幅第13地割123番地"),
        ("渋谷区道玄坂1ー2ー3 センタ―ビル #501", "東京都渋谷区道玄坂1丁目2-3 センタービル 501号室"),
    ],
)
def test_normalized_rendering(text: str, expected: str) -> None:
    assert parse_address(text).normalized() == expected


def test_long_vowel_inside_katakana_is_not_a_dash() -> None:
    parsed = parse_address("世田谷区松原1ー2ー3 メゾン・ド・ルーナ－101")
    assert (parsed.chome, parsed.block, parsed.lot) == (1, "2", "3")
    assert parsed.building == "メゾン・ド・ルーナ"
    assert parsed.room == "101"


def test_prefecture_is_implied_only_when_unambiguous() -> None:
    assert parse_address("府中市宮西町2-24").prefecture == "東京都"  # only Tokyo's has 宮西町
    assert parse_address("府中市府中町1-2-3").prefecture is None  # Tokyo and Hiroshima
    assert parse_address("〒726-0005 府中市府中町1-2-3").prefecture == "広島県"


def test_unknown_text_does_not_crash() -> None:
    assert parse_address("") == ParsedAddress()
    assert parse_address("不明").town == "不明"
    assert parse_address("〒999-9999 どこか1-2").postal_code == "999-9999"


# --- verdicts and differences ----------------------------------------------------------------


def test_room_differs_is_a_mismatch_with_both_values() -> None:
    result = compare_addresses("目黒区自由が丘1-29-3-201", "目黒区自由ヶ丘1丁目29番3号 202号室")
    assert result.verdict is Verdict.MISMATCH
    assert result.differences == (Difference("room", "201", "202"),)


def test_missing_room_is_partial_and_building_on_one_side_does_not_matter() -> None:
    result = compare_addresses("目黒区自由が丘1-29-3 サンハイツ 201号室", "目黒区自由が丘1-29-3")
    assert result.verdict is Verdict.PARTIAL
    assert result.differences == (Difference("room", "201", None),)
    same = compare_addresses("目黒区自由が丘1-29-3 サンハイツ", "東京都目黒区自由が丘1-29-3")
    assert same == AddressComparison(Verdict.MATCH, (), 1.0)


def test_building_names_that_differ_are_partial() -> None:
    result = compare_addresses("道玄坂1-2-3 センタービル 501", "道玄坂1-2-3 センターヒルズ 501")
    assert result.verdict is Verdict.PARTIAL
    assert [d.component for d in result.differences] == ["building"]
    assert 0.9 < result.score < 1.0


def test_postal_code_contradicting_the_town() -> None:
    result = compare_addresses("〒160-0022 新宿区西新宿2-8-1", "東京都新宿区西新宿2丁目8番1号")
    assert result.verdict is Verdict.MISMATCH
    assert result.differences == (Difference("postal_code", "160-0022", None),)
    assert _verdict("〒160-0023 新宿区西新宿2-8-1", "東京都新宿区西新宿2丁目8番1号") == "match"
    assert _verdict("〒163-8001 新宿区西新宿2-8-1", "新宿区西新宿2-8-1") == "match"  # office


def test_different_prefecture_for_the_same_town_name() -> None:
    result = compare_addresses("東京都府中市府中町1-2-3", "広島県府中市府中町1-2-3")
    assert result.verdict is Verdict.MISMATCH
    assert result.differences[0] == Difference("prefecture", "東京都", "広島県")


def test_scores() -> None:
    assert compare_addresses("新宿区西新宿2-8-1", "新宿区西新宿2-8-1").score == 1.0
    near = compare_addresses("新宿区西新宿2-8-1", "新宿区西新宿2-8-2").score
    far = compare_addresses("新宿区西新宿2-8-1", "大阪市北区梅田3-1-3").score
    assert 0.0 <= far < near < 1.0


def test_compare_accepts_parsed_addresses() -> None:
    a = parse_address("新宿区西新宿2-8-1")
    assert compare_addresses(a, "東京都新宿区西新宿二丁目8番1号").verdict is Verdict.MATCH
    assert compare_addresses(a, ParsedAddress(town="西新宿", chome=2)).verdict is Verdict.PARTIAL


def test_address_key() -> None:
    key = address_key("東京都新宿区西新宿二丁目8番1号 メゾン 101号室")
    assert key == "新宿区西新宿/2-8-1"
    assert address_key("新宿区西新宿２－８－１") == key
    assert address_key("東京都西多摩郡瑞穂町大字箱根ケ崎2335") == "瑞穂町箱根ケ崎/-2335-"
    assert address_key("瑞穂町箱根ヶ崎2335") == "瑞穂町箱根ケ崎/-2335-"


# --- the labelled pairs ----------------------------------------------------------------------


def _labelled_pairs() -> list[tuple[str, str, str, str]]:
    with PAIRS.open(encoding="utf-8") as file:
        rows = [row for row in csv.reader(file, delimiter="\t") if row and row[0][:1] != "#"]
    assert rows[0] == ["a", "b", "expected", "note"]
    return [(a, b, expected, note) for a, b, expected, note in rows[1:]]


def test_labelled_pairs_are_at_least_98_percent_right() -> None:
    pairs = _labelled_pairs()
    assert len(pairs) >= 300
    assert {expected for _, _, expected, _ in pairs} == {"match", "partial", "mismatch"}
    wrong = [
        f"{note}: {a} | {b} → {verdict}, expected {expected}"
        for a, b, expected, note in pairs
        if (verdict := _verdict(a, b)) != expected
    ]
    assert len(wrong) <= len(pairs) * 0.02, "\n".join(wrong)


# --- properties ------------------------------------------------------------------------------


class Place(NamedTuple):
    """A real place (Japan Post's list) and the ways each part of it is written."""

    postal_code: str | None
    prefectures: tuple[str, ...]
    municipalities: tuple[str, ...]
    towns: tuple[str, ...]
    has_chome: bool
    kyoto_direction: str | None = None


PLACES = [
    Place("160-0023", ("東京都",), ("新宿区", "新宿區"), ("西新宿",), True),
    Place("152-0035", ("東京都",), ("目黒区",), ("自由が丘", "自由ヶ丘", "自由ケ丘"), True),
    Place("100-0013", ("東京都",), ("千代田区",), ("霞が関", "霞ヶ関", "霞ケ関"), True),
    Place("151-0051", ("東京都",), ("渋谷区",), ("千駄ヶ谷", "千駄ケ谷"), True),
    Place("132-0024", ("東京都",), ("江戸川区",), ("一之江", "一の江", "一ノ江"), True),
    Place(
        "190-1221", ("東京都",), ("西多摩郡瑞穂町", "瑞穂町"), ("箱根ケ崎", "大字箱根ヶ崎"), False
    ),
    Place("060-0001", ("北海道",), ("札幌市中央区",), ("北一条西", "北1条西", "北１条西"), True),
    Place("070-0035", ("北海道",), ("旭川市",), ("5条通", "五条通", "５条通"), True),
    Place("080-0015", ("北海道",), ("帯広市",), ("西五条南", "西5条南"), True),
    Place("062-0933", ("北海道",), ("札幌市豊平区",), ("平岸三条", "平岸3条"), True),
    Place("600-8008", ("京都府",), ("京都市下京区",), ("長刀鉾町",), False, "四条通烏丸東入"),
    Place(None, ("京都府",), ("京都市上京区",), ("玄武町",), False, "今出川通烏丸東入"),
    Place("904-0301", ("沖縄県",), ("中頭郡読谷村", "読谷村"), ("座喜味", "字座喜味"), False),
    Place("503-1501", ("岐阜県",), ("不破郡関ケ原町", "関ヶ原町"), ("関ケ原", "大字関ヶ原"), False),
    Place("350-2217", ("埼玉県",), ("鶴ヶ島市", "鶴ケ島市"), ("三ツ木", "大字三ツ木"), False),
    Place("850-0058", ("長崎県", "長﨑縣"), ("長崎市", "長﨑市"), ("尾上町",), False),
    Place("252-0206", ("神奈川県", "神奈川縣"), ("相模原市中央区",), ("淵野辺", "渕野辺"), True),
    Place("530-0001", ("大阪府",), ("大阪市北区",), ("梅田",), True),
    Place("460-0001", ("愛知県",), ("名古屋市中区",), ("三の丸", "三ノ丸"), True),
    Place("760-0017", ("香川県",), ("高松市", "髙松市"), ("番町",), True),
]
BUILDINGS = [
    ("メゾン・ド・ルーナ", "メゾンドルーナ", "メゾン ド ルーナ"),
    ("センタービル", "ｾﾝﾀｰﾋﾞﾙ", "センタ―ビル"),
    ("コーポ田中", "コーポ・田中"),
    ("第二松本ビル", "第2松本ビル"),
]
DASHES = "-－‐‑‒–—―−ーｰ─━"
KANJI_DIGITS = "〇一二三四五六七八九"
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


class Parts(NamedTuple):
    """The components of one address, to be written in several notations."""

    place: Place
    chome: int | None
    block: int
    lot: int | None
    building: tuple[str, ...] | None
    room: int | None


def _kanji(n: int) -> str:
    if n >= 100:
        return "".join(KANJI_DIGITS[int(d)] for d in str(n))
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else "十" if tens == 1 else KANJI_DIGITS[tens] + "十"
    return head + (KANJI_DIGITS[ones] if ones else "")


@st.composite
def _parts(draw: st.DrawFn) -> Parts:
    place = draw(st.sampled_from(PLACES))
    lot = draw(st.none() | st.integers(1, 30))
    return Parts(
        place=place,
        chome=draw(st.integers(1, 9)) if place.has_chome else None,
        block=draw(st.integers(1, 40) if place.has_chome else st.integers(1, 3000)),
        lot=lot,
        building=draw(st.none() | st.sampled_from(BUILDINGS)),
        room=draw(st.integers(101, 1505)) if lot is not None and draw(st.booleans()) else None,
    )


def _numbers(draw: st.DrawFn, parts: Parts, num: Callable[[int], str], dash: str) -> str:
    chome, block, lot = parts.chome, parts.block, parts.lot
    numbers = [n for n in (chome, block, lot) if n is not None]
    style = draw(st.sampled_from(["units", "banchi", "hyphen", "no", "mixed"]))
    text = f"{num(chome)}丁目" if chome else ""
    if style == "units":
        return text + f"{num(block)}番" + (f"{num(lot)}号" if lot else "")
    if style == "banchi":
        separator = draw(st.sampled_from(["", "の", "ノ", dash]))
        return text + f"{num(block)}番地" + (separator + num(lot) if lot else "")
    if style == "no":
        return draw(st.sampled_from(["の", "ノ"])).join(num(n) for n in numbers)
    if style == "mixed" and chome:
        return text + dash.join(num(n) for n in numbers[1:])
    return dash.join(num(n) for n in numbers)


@st.composite
def _render(draw: st.DrawFn, parts: Parts, with_building: bool = True) -> str:
    """One notation of the parts: widths, numerals, separators, spellings all drawn."""
    place = parts.place
    width = draw(st.sampled_from(["half", "full", "kanji"]))
    dash = draw(st.sampled_from(DASHES))

    def num(n: int) -> str:
        return (
            _kanji(n)
            if width == "kanji"
            else str(n).translate(FULL_WIDTH)
            if (width == "full")
            else str(n)
        )

    space = draw(st.sampled_from(["", " ", "　"]))
    head = [draw(st.sampled_from(place.prefectures)) if draw(st.booleans()) else ""]
    head.append(draw(st.sampled_from(place.municipalities)))
    if place.kyoto_direction and draw(st.booleans()):
        head.append(place.kyoto_direction)
    head.append(draw(st.sampled_from(place.towns)))
    text = space.join(head) + space + _numbers(draw, parts, num, dash)
    if with_building and parts.building is not None:
        text += draw(st.sampled_from([" ", "　"])) + draw(st.sampled_from(parts.building))
        if parts.room:
            room = draw(st.sampled_from(["{}号室", " {}", "#{}", "{}号", "-{}"]))
            text += room.format(num(parts.room) if "号" in room else parts.room)
    elif parts.room:
        room = draw(st.sampled_from([" {}号室", "-{}", " #{}", "{}号室"]))
        if room == "{}号室" and text[-1] not in "号番地":
            room = " {}号室"
        text += room.format(num(parts.room) if "号" in room else parts.room)
    if place.postal_code and draw(st.booleans()):
        code = place.postal_code.replace("-", draw(st.sampled_from(["-", "－", ""])))
        text = draw(st.sampled_from(["〒{}", "〒{} ", "{} ", "〒{}　"])).format(code) + text
    return text


@st.composite
def _same_address_twice(draw: st.DrawFn) -> tuple[str, str]:
    parts = draw(_parts())
    return draw(_render(parts)), draw(_render(parts, with_building=draw(st.booleans())))


@st.composite
def _any_address(draw: st.DrawFn) -> str:
    return draw(_render(draw(_parts())))


FRAGMENTS = [
    "東京都", "新宿区", "西新宿", "2", "丁目", "8", "番", "番地", "-", "1", "号", " ", "メゾン",
    "101", "号室", "#", "〒160-0023", "北1条西", "札幌市中央区", "京都市下京区", "四条通烏丸東入",
    "長刀鉾町", "大字", "字", "ビル", "3F", "の", "ー", "一", "二十三", "センター", "・", "ヶ",
    "府中市", "府中町", "広島県", "12", "A", "室", "階", "第", "地割", "郡", "町", "村",
]  # fmt: skip
_junk = st.lists(st.sampled_from(FRAGMENTS), max_size=12).map("".join)


@SLOW
@given(_same_address_twice())
def test_same_components_in_different_notations_match(pair: tuple[str, str]) -> None:
    a, b = pair
    result = compare_addresses(a, b)
    assert result.verdict is Verdict.MATCH, (parse_address(a), parse_address(b), result)


@SLOW
@given(_any_address() | _junk)
def test_normalizing_twice_is_normalizing_once(text: str) -> None:
    once = parse_address(text).normalized()
    assert parse_address(once).normalized() == once


@SLOW
@given(_any_address() | _junk, _any_address() | _junk)
def test_verdict_is_symmetric(a: str, b: str) -> None:
    forward, backward = compare_addresses(a, b), compare_addresses(b, a)
    assert forward.verdict == backward.verdict
    assert forward.score == backward.score
    mirrored = tuple(Difference(d.component, d.b, d.a) for d in backward.differences)
    assert forward.differences == mirrored


# --- threads ---------------------------------------------------------------------------------


def test_parsing_from_several_threads() -> None:
    places = [
        ("160-0023", "新宿区西新宿"),
        ("600-8008", "京都市下京区長刀鉾町"),
        ("060-0001", "中央区北1条西"),
    ]
    texts = [
        f"〒{code} {town}{n}-{n % 7 + 1}-{n % 5 + 1}" for n in range(1, 41) for code, town in places
    ]
    parse_address.cache_clear()
    with ThreadPoolExecutor(max_workers=4) as pool:
        threaded = list(pool.map(lambda t: parse_address(t).normalized(), texts))
    parse_address.cache_clear()
    assert threaded == [parse_address(t).normalized() for t in texts]
