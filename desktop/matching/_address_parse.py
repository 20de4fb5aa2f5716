"""Splitting a Japanese address into its components (private helper of `addresses`).

The head (prefecture, municipality, town) is recognised against Japan Post's list of places
(`_address_gazetteer`), on a folded, space-free copy of the text whose positions map back to the
cleaned text; the tail (丁目, 番/番地, 号, building, room) is read by patterns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.matching._address_gazetteer import (
    Municipality,
    PostalPlace,
    Town,
    gazetteer,
    merged_towns,
    postal_places,
    town_has_chome,
)
from desktop.matching._address_text import PREFECTURES, clean, fold, kanji_to_int

# Each prefecture by its first two characters (unique): its folded name, and its name without
# 県, 府 or 都 as people also write it (北海道 has no shorter form).
_PREFECTURES = {
    fold(p)[:2]: (fold(p), fold(p)[:-1] if p != "北海道" else fold(p), p) for p in PREFECTURES
}

_POSTAL_MARKED = re.compile(r"(?:〒|郵便番号|郵便)\s*[:：]?\s*(\d{3})\s*-?\s*(\d{4})(?!\d)")
_POSTAL_LEADING = re.compile(r"^\s*(\d{3})-?(\d{4})(?![\d-])")
# Kyoto's street directions (烏丸通四条下ル) stand before the town and are often dropped.
# A direction may count the blocks or side streets it goes (下る4丁目, 上る一筋目).
_KYOTO_DIRECTION = re.compile(
    r"(?:上る|上ル|上がる|下る|下ル|下がる|[東西南北]入る|[東西南北]入ル|[東西南北]入)"
    r"(?:(?:\d+|[一二三四五六七八九十]+)(?:丁目|筋目))?"
)
_STREETISH = re.compile(r"通|上る|上ル|下る|下ル|入る|入ル|[東西南北]入")
_PARENTHESIZED = re.compile(r"\([^)]*\)")
_AZA = re.compile(r"^(?:[-\s,、]|大字|小字|字)+")
_NUMBERS_FOLLOW = frozenset("0123456789-")  # after a whole town name, not inside one
_FORMER_CITY = re.compile(r"(.{1,4}?)市")
_GUN_WORD = re.compile(r".{1,5}?郡")
_AZA_WORD = re.compile(r"(?:大字|小字|字)+")
# Hokkaido's 条 left out (北16西2), or written as a dash (平岸3-5-1-1 is 平岸3条5丁目1-1).
_JO_LEFT_OUT = re.compile(
    r"(\D{1,6}?)(\d+)(?:(?=[東西南北]\d)|-(?=\d)|-?(?=[東西南北]))([東西南北])?"
)
_FALLBACK_MUNICIPALITY = re.compile(r"(.{1,6}?郡)?(.{1,6}?市.{1,5}?区|.{1,6}?[市区町村])")
# The first number that counts 丁目/番/号 (not 1条, 2線, 第3地割 inside a town name).
_CHAIN_START = re.compile(r"\d+(?!\d)(?!\s*(?:条|線|地割|番町))")
_BARE_NUMERAL = re.compile(r"^(\s*)([〇一二三四五六七八九十百千]+)(?=\s|$)")
_CHIWARI = re.compile(r"第?(\d+)地割")
# A lot may carry a letter or kana (14-イ22, 14-A22), never the first number.
_ELEMENT = re.compile(
    r"((?:[A-Za-zア-ン](?=\d))?\d+)\s*(丁目|丁(?=[\s\d-]|$)|番地|番(?![館町])|号室|号(?![棟館])|室|)"
)  # fmt: skip
_SEPARATOR = re.compile(r"\s*-\s*|\s+(?=\d)")
# A bare number followed by these is part of a building name or floor (3F, 2号館, 21世紀ビル).
_NOT_AN_ELEMENT = re.compile(r"[Ff階棟館期]|号[館棟]|世紀|[A-Za-z]")
_ROOM_PATTERNS = (
    re.compile(r"(?:#|No\.?|Room|ROOM|room)\s*([A-Za-z]?\d+(?:-\d+)?[A-Za-z]?)\s*(?:号室|号|室)?$"),
    re.compile(r"([A-Za-z]?-?\d+[A-Za-z]?)\s*(?:号室|室|号)$"),
    re.compile(r"(?:^|(?<=[\s-]))([A-EG-Za-eg-z]?\d+[A-EG-Za-eg-z]?)$"),
    re.compile(r"(?<=[^\d\sA-Za-z#-])(\d{3,})$"),
)
_BRACKETS = str.maketrans("()[]「」", "      ")
_RANK = {"丁目": 0, "丁": 0, "番地": 1, "番": 1, "号": 2}
_CHOME_LIMIT = 50  # 2-8-1 starts with 丁目 in a town that has them, unless it is this large


Numbers = tuple[str | None, str | None, str | None, str | None]  # 丁目, 番, 号, room


@dataclass(frozen=True, slots=True)
class Parts:
    """The components found in one address, as strings for display."""

    postal_code: str | None
    prefecture: str | None
    municipality: str | None
    town: str | None
    chome: int | None
    block: str | None
    lot: str | None
    building: str | None
    room: str | None
    other_numbers: Numbers | None = None


def _compact(text: str) -> tuple[str, list[int]]:
    """The folded text without spaces, and for each of its characters the index in `text`."""
    folded = fold(text)
    positions = [i for i, char in enumerate(folded) if char != " "]
    return "".join(folded[i] for i in positions), positions


def _postal_code(text: str) -> tuple[str | None, str]:
    match = _POSTAL_MARKED.search(text) or _POSTAL_LEADING.search(text)
    if match is None:
        return None, text
    rest = f"{text[: match.start()]} {text[match.end() :]}".strip()
    return f"{match.group(1)}-{match.group(2)}", rest


def _municipalities(
    key: str, start: int, prefecture: str | None
) -> tuple[int, tuple[Municipality, ...]]:
    places = gazetteer()
    for length in range(min(places.longest_municipality, len(key) - start), 1, -1):
        written = key[start : start + length]
        for table in (places.municipalities, places.wards):
            found = table.get(written, ())
            if prefecture:
                found = tuple(m for m in found if m.prefecture == prefecture)
            if found:
                return start + length, found
    return start, ()


def _longest_town(
    key: str, begin: int, towns: dict[str, Town], longest: int, inner_aza: bool = False
) -> tuple[int, Town | None]:
    """The longest town of `towns` written at `begin` (with 大字/字 inside it if `inner_aza`)."""
    for length in range(min(longest + (4 if inner_aza else 0), len(key) - begin), 0, -1):
        written = key[begin : begin + length]
        if inner_aza:
            written = written[0] + _AZA_WORD.sub("", written[1:])
        town = towns.get(written)
        if town is not None:
            return begin + length, town
    return begin, None


def _match_town_at(key: str, start: int, muni: Municipality) -> tuple[int, Town | None]:
    """The longest town of `muni` written at `start`: 大字/字 before it or inside it
    (木之本町大字西山), a 町 or の left out (西小松川), Hokkaido's 条 left out or a dash
    (北16西2, 平岸3-5)."""
    towns, longest = muni.towns()
    aza = _AZA_WORD.match(key, start)
    best: tuple[int, Town | None] = (start, None)
    for begin in (start, aza.end()) if aza else (start,):
        found = [_longest_town(key, begin, towns, longest)]
        end, town = found[0]
        if town is None or key[end : end + 1] not in _NUMBERS_FOLLOW:
            if "字" in key[begin + 1 : begin + longest + 4]:
                found.append(_longest_town(key, begin, towns, longest, inner_aza=True))
            found.append(_longest_town(key, begin, muni.loose_towns(), longest))
        if muni.prefecture == "北海道" and (jo := _JO_LEFT_OUT.match(key, begin)):
            written = f"{jo[1]}{jo[2]}条{jo[3] or ''}"
            dash = "-" in jo.group() and not jo[3]
            if written in towns and not (dash and jo[1] in towns):  # 西岡3-5-1 is 西岡3丁目
                found.append((jo.end(), towns[written]))
        for end, town in found:
            if town is not None and end > best[0]:
                best = (end, town)
        if best[1] is not None:
            return best
    return best


def _after_directions(text: str, start: int) -> int | None:
    """Where Kyoto's street directions before the numbers end (None: there are none)."""
    last = None
    pos = start
    while direction := _KYOTO_DIRECTION.search(text, pos):
        chain = _CHAIN_START.search(text, pos)
        if chain and chain.start() < direction.start():
            break
        last = pos = direction.end()
    return last


def _match_town(key: str, start: int, muni: Municipality) -> tuple[int, Town | None]:
    if muni.name.startswith("京都市"):  # the town follows the street directions, if any
        directions_end = _after_directions(key, start)
        if directions_end is not None:
            end, town = _match_town_at(key, directions_end, muni)
            if town is not None:
                return end, town
    return _match_town_at(key, start, muni)


def _fits(muni: Municipality, places: tuple[PostalPlace, ...]) -> bool:
    return any(p.prefecture == muni.prefecture and p.municipality == muni.name for p in places)


def _from_postal(places: tuple[PostalPlace, ...]) -> tuple[Municipality, ...]:
    found: list[Municipality] = []
    for place in places:
        for muni in gazetteer().municipalities.get(place.municipality_key, ()):
            if _fits(muni, (place,)) and muni not in found:
                found.append(muni)
    return tuple(found)


@dataclass(slots=True)
class _Head:
    prefecture: str | None = None
    municipality: str | None = None
    town: Town | None = None
    end: int = 0  # in the compact key


def _best_towns(
    key: str, start: int, candidates: tuple[Municipality, ...]
) -> list[tuple[Municipality, int, Town]]:
    """The candidates in which the longest town name is found, with that town."""
    best: list[tuple[Municipality, int, Town]] = []
    for muni in candidates:
        town_end, town = _match_town(key, start, muni)
        if town is not None:
            if best and town_end > best[0][1]:
                best.clear()
            if not best or town_end == best[0][1]:
                best.append((muni, town_end, town))
    return best


def _head(key: str, places: tuple[PostalPlace, ...] | None) -> _Head:
    prefecture = _PREFECTURES.get(key[:2])
    if prefecture and key.startswith(prefecture[0]):
        return _head_after(key, places, _Head(prefecture[2], end=len(prefecture[0])))
    head = _head_after(key, places, _Head())
    if prefecture and key.startswith(prefecture[1]):
        # 岩手花巻市, 千葉市川市 (not 千葉市): the reading that recognises more
        other = _head_after(key, places, _Head(prefecture[2], end=len(prefecture[1])))
        if other.municipality is not None and other.end > head.end:
            return other
    return head


def _former_municipality(
    key: str, start: int, prefecture: str | None
) -> tuple[int, tuple[Municipality, ...]]:
    """A town, and its municipality, written with the municipality it was before a merger: a
    town or village that begins the town's name now (伊香郡木之本町西山 is 長浜市木之本町西山), or
    a city that is a ward now (浦和市高砂 is さいたま市浦和区高砂, where that ward has the town).
    The town starts at the position returned."""
    city = _FORMER_CITY.match(key, start)
    if city is not None:
        wards = tuple(
            m
            for m in gazetteer().wards.get(f"{city[1]}区", ())
            if prefecture in (None, m.prefecture) and _match_town(key, city.end(), m)[1]
        )
        if wards:
            return city.end(), wards
    gun = _GUN_WORD.match(key, start)
    begin = gun.end() if gun else start
    towns, longest = merged_towns()
    for length in range(min(longest, len(key) - begin), 2, -1):
        found = towns.get(key[begin : begin + length], ())
        found = tuple(m for m in found if prefecture in (None, m.prefecture))
        if found:
            return begin, found
    return start, ()


def _head_after(key: str, places: tuple[PostalPlace, ...] | None, head: _Head) -> _Head:
    end, candidates = _municipalities(key, head.end, head.prefecture)
    written = key[head.end : end]
    # A ward written without its designated city (中央区北1条西): the postal code or the town says.
    wards = tuple(
        m
        for m in gazetteer().wards.get(written, ())
        if head.prefecture in (None, m.prefecture) and m not in candidates
    )
    if not candidates and places:
        candidates = tuple(
            m for m in _from_postal(places) if head.prefecture in (None, m.prefecture)
        )
        written = ""
    elif not candidates:
        end, candidates = _former_municipality(key, head.end, head.prefecture)
        written = ""
    if not candidates:
        return head
    head.end = end
    if places and not any(_fits(m, places) for m in candidates):
        candidates = tuple(m for m in wards if _fits(m, places)) or candidates
    elif places and len(candidates) > 1:
        candidates = tuple(m for m in candidates if _fits(m, places))
    best = _best_towns(key, end, candidates)
    if not best and wards:
        best = _best_towns(key, end, wards)
    if best:
        candidates = tuple(muni for muni, _, _ in best)
        head.town, head.end = best[0][2], best[0][1]
    prefectures = {m.prefecture for m in candidates}
    names = {m.name for m in candidates}
    if len(prefectures) == 1:
        head.prefecture = next(iter(prefectures))
    head.municipality = next(iter(names)) if len(names) == 1 else written or None
    return head


def _fallback_head(key: str, head: _Head) -> None:
    """Municipality by pattern when the gazetteer does not know it (a prefecture was written)."""
    match = _FALLBACK_MUNICIPALITY.match(key, head.end)
    if match and match.end() < len(key):
        head.municipality, head.end = match.group(), match.end()


def _aza(text: str) -> str:
    return _AZA.sub("", text.replace(" ", ""))


def _koaza(text: str) -> str | None:
    """The 字 name between the town and its numbers; street directions and notes are dropped."""
    text = _aza(_PARENTHESIZED.sub("", text)).strip("-,、")
    if not text or _STREETISH.search(text) or text in ("番地", "番"):
        return None
    return _CHIWARI.sub(r"第\1地割", text)


def _starts_with_block(elements: list[tuple[str, str]], chome_town: bool | None) -> bool:
    """Whether bare numbers (2-8-1) start at 番 rather than at 丁目.

    Japan Post's 丁目 flag says so for most towns, but not all (みなとみらい has 丁目 and no
    flag): without it, three numbers of which the third is not a room number (≥ 100) are still
    read as 丁目-番-号."""
    plain: list[int] = []
    for number, mark in elements:
        if mark:
            break
        plain.append(int(number if number[0].isdigit() else number[1:]))
    if not plain or plain[0] >= _CHOME_LIMIT:
        return True
    if chome_town:
        return False
    return not (len(plain) >= 4 or (len(plain) == 3 and plain[2] < 100))


def _numbers(text: str, chome_town: bool | None) -> tuple[Numbers, Numbers | None, int]:
    """Read 丁目/番/号/room numbers at the start of `text`; return them, their other reading
    and where they end.

    The other reading is there when bare numbers were read by a guess (Japan Post does not flag
    the town's 丁目, so 2-6 may be 2番6号 or 2丁目6番): the comparison may align it with an
    address whose numbers are marked."""
    elements: list[tuple[str, str]] = []
    pos = 0
    while match := _ELEMENT.match(text, pos):
        number, mark = match.groups()
        if not mark and _NOT_AN_ELEMENT.match(text, match.end(1)):
            break
        if len(elements) == 4 or (elements and elements[-1][1] in ("号室", "室")):
            break  # the room was the last number
        rank = _RANK.get(mark)
        if rank is not None and any(_RANK.get(m, -1) >= rank for _, m in elements):
            break  # 5番23号1丁目マンション: a name that starts with a number
        # Not int(): a run of thousands of digits is over Python's conversion limit.
        elements.append((number.upper().lstrip("0") or "0", mark))
        pos = match.end()
        separator = _SEPARATOR.match(text, pos)
        if separator is not None:
            pos = separator.end()
        elif not mark:
            break
    consumed = len(text[:pos].rstrip(" -")) if elements else 0
    block_first = _starts_with_block(elements, chome_town)
    slots = _slots(elements, 1 if block_first else 0)
    guessed = (
        chome_town is not True
        and bool(elements)
        and not elements[0][1]
        and all(mark not in ("丁目", "丁") for _, mark in elements)
        and (not block_first or int(elements[0][0]) < _CHOME_LIMIT)
    )
    return slots, _slots(elements, 0 if block_first else 1) if guessed else None, consumed


def _slots(elements: list[tuple[str, str]], following: int) -> Numbers:
    """丁目, 番, 号 and room of the numbers, bare ones counted from slot `following`."""
    slots: list[str | None] = [None, None, None, None]
    for number, mark in elements:
        if mark in ("丁目", "丁"):
            slots[0], following = number, 1
        elif mark in ("番地", "番"):
            slots[1], following = number, 2
        elif mark == "号" and slots[2] is None and following <= 2:
            slots[2], following = number, 3
        elif mark in ("号", "号室", "室"):
            slots[3], following = number, 4
        elif following < 4:
            slots[following] = number
            following += 1
    return slots[0], slots[1], slots[2], slots[3]


def _building_and_room(text: str) -> tuple[str | None, str | None]:
    text = text.translate(_BRACKETS).strip(" -,、")
    for pattern in _ROOM_PATTERNS:
        match = pattern.search(text)
        if match:
            building = text[: match.start()].strip(" -#,、")
            return building or None, match.group(1).upper()
    return text or None, None


# Japan's longest real addresses, building and room included, stay well under this; what a form or
# a scan gives beyond it is not parsed (a 40,000-character "address" took seconds).
MAX_ADDRESS_CHARS = 256


def parse(text: str) -> Parts:
    """Split an address into its components (see `addresses.parse_address`)."""
    cleaned = clean(text[:MAX_ADDRESS_CHARS])
    postal, cleaned = _postal_code(cleaned)
    cleaned = cleaned.lstrip("-,、 ")
    places = postal_places(postal.replace("-", "")) if postal else None
    key, positions = _compact(cleaned)
    head = _head(key, places)
    if head.municipality is None and (head.prefecture or not gazetteer().municipalities):
        _fallback_head(key, head)
    if places and head.prefecture is None:
        fitting = {
            p.prefecture
            for p in places
            if head.municipality is None
            or head.municipality in p.municipality
            or p.municipality in head.municipality
        }
        if len(fitting) == 1:
            head.prefecture = next(iter(fitting))
    tail = cleaned[positions[head.end - 1] + 1 :] if head.end else cleaned
    if head.town is not None:  # 箱根ケ崎二三三五: after a known town, a bare numeral is a number
        tail = _BARE_NUMERAL.sub(lambda m: m[1] + str(kanji_to_int(m[2])), tail, count=1)
    kyoto = (head.municipality or "").startswith("京都市")
    chain = _CHAIN_START.search(tail, (_after_directions(tail, 0) or 0) if kyoto else 0)
    between = tail[: chain.start()] if chain else tail
    town: str | None
    building_text = ""
    if head.town is not None:
        town = head.town.name
        if chain is None and between.startswith(" "):
            building_text, between = between, ""
        koaza = _koaza(between)
        if koaza:  # 字 name, or a numbered part (第13地割, 1番町)
            town = f"{town}{koaza}" if koaza[0] in "第0123456789" else f"{town}字{koaza}"
        chome_town: bool | None = town_has_chome(head.town)
    else:
        if chain is None and " " in between.strip():
            between, _, building_text = between.strip().partition(" ")
        if kyoto:  # directions, but no town we know
            directions = list(_KYOTO_DIRECTION.finditer(between))
            between = between[directions[-1].end() :] if directions else between
        town = _aza(between).strip("-,、") or None
        chome_town = None
    chome = block = lot = room = None
    other: Numbers | None = None
    if chain is not None:
        numbers = tail[chain.start() :]
        (chome_text, block, lot, room), other, used = _numbers(numbers, chome_town)
        chome = int(chome_text) if chome_text is not None else None
        building_text = numbers[used:]
    building, tail_room = _building_and_room(building_text)
    return Parts(
        postal_code=postal,
        prefecture=head.prefecture,
        municipality=head.municipality,
        town=town,
        chome=chome,
        block=block,
        lot=lot,
        building=building,
        room=room or tail_room,
        other_numbers=None if other is None else (*other[:3], other[3] or room or tail_room),
    )
