"""Finding the fields of a page by their printed labels (氏名, 住所, 生年月日, 有効, 第…号 …).

Zones are located from the words Tesseract read, never from fixed coordinates, so a card laid out
a little differently still reads. Every value is checked against what is known before it is kept:
dates against the calendar (era dates included), postal codes against their pattern.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from desktop.domain.documents import DocumentKind, FieldName
from desktop.domain.eras import DateParseError, parse_date
from desktop.ocr.engine import Line, union_box
from desktop.ocr.results import ABSENT, FieldReading

__all__ = ["DATE", "Extraction", "extract_fields", "find_dates"]

_K = DocumentKind
_F = FieldName

DATE = re.compile(
    r"(?:\d{4}\s*年\s*\(\s*(?:令和|平成)\s*(?:元|\d{1,3})\s*年\s*\)\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|(?:明治|大正|昭和|平成|令和)\s*(?:元|\d{1,3})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日?"
    r"|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日?"
    r"|(?<![A-Za-z])[MTSHR]\s?\d{1,2}\.\d{1,2}\.\d{1,2}"
    r"|\d{4}[./-]\d{1,2}[./-]\d{1,2})"
)
# Not the last groups of a telephone number (TEL 092-000-0000 holds 000-0000).
_POSTAL = re.compile(
    r"(?:〒|郵便番号)?\s*(?<![\d\-ー—‐−])(\d{3})\s*[-ー—‐−]\s*(\d{4})(?![\d\-ー—‐−])"
)
_LICENCE_NUMBER = re.compile(r"第\s*((?:\d\s*){12})\s*号")
_RESIDENCE_CARD_NUMBER = re.compile(r"(?<![A-Z])([A-Z]{2}\s*\d{8}\s*[A-Z]{2})(?![A-Z])")
_PASSPORT_NUMBER = re.compile(r"(?<![A-Z])([A-Z]{2}\d{7})(?!\d)")
_KANA = re.compile(r"^[\u3041-\u309f\u30a0-\u30ff\s・]+$")
_LABEL_CUT = re.compile(r"(?:生年月日|性別|住所|氏名|フリガナ|ふりがな|国籍|続柄|本籍|電話|男|女)")
_NAME_LABEL = re.compile(r"(?:氏\s*名|名\s*前)\s*[:：]?\s*")
# A card's small gray 氏名 is often half misread (必名, 岳名): a short first word will do.
_NAME_LABEL_LOOSE = re.compile(r"^\S{0,2}(?:名|氏)(?!称)\S?\s+")
_KANA_LABEL = re.compile(r"(?:フリガナ|ふりがな|カナ)\s*[:：]?\s*")
_ADDRESS_LABEL = re.compile(r"(?:(?<!前)住\s*所(?!\s*を)|住\s*居\s*地)\s*[:：]?\s*")
_PREVIOUS_ADDRESS_LABEL = re.compile(r"前\s*住\s*所\s*[:：]?\s*")
_AGENT_LABEL = re.compile(r"(?:代理人|受任者)(?:\s*氏\s*名)?\s*[:：]?\s*")
_BIRTH_LABEL = re.compile(r"生\s*年\s*月\s*日")
_EXPIRY_WORDS = ("有効", "まで")
_ISSUE_WORDS = ("証明", "交付", "発行", "作成")


@dataclass
class Extraction:
    """The fields of one page, the extras (previous address, agent) and findings."""

    fields: dict[FieldName, FieldReading]
    extras: dict[str, str]
    warnings: list[str]


_DIGIT_LOOKALIKE = re.compile(r"(?<=[\d年和成(])[Oo〇](?=[\d年月])|(?<=\d)[Oo〇]")


_ENGLISH_DATE = re.compile(
    r"(?<!\d)(\d{1,2})\s*(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]*\s*(\d{4})(?!\d)"
)
_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")


def _english_dates(text: str) -> list[tuple[str, int, int]]:
    """Dates printed as on passports and residence cards: 12 JUL 1976."""
    found = []
    for match in _ENGLISH_DATE.finditer(text.upper()):
        day, month, year = (
            int(match.group(1)),
            _MONTHS.index(match.group(2)) + 1,
            int(match.group(3)),
        )
        with contextlib.suppress(ValueError):
            found.append((date(year, month, day).isoformat(), match.start(), match.end()))
    return found


def find_dates(line: Line) -> list[tuple[str, int, int]]:
    """Real dates printed in `line`: ISO text, start and end in `line.text`."""
    found = _english_dates(line.text)
    # O read for 0 keeps the text's length, so the positions stay those of `line.text`.
    for match in DATE.finditer(_DIGIT_LOOKALIKE.sub("0", line.text)):
        try:
            day = parse_date(re.sub(r"\s+", "", match.group()))
        except DateParseError:
            continue
        found.append((day.isoformat(), match.start(), match.end()))
    return found


def _reading(line: Line, value: str, start: int, end: int) -> FieldReading:
    return FieldReading(
        value, round(line.span_confidence(start, end), 3), line.span_box(start, end)
    )


def _segment_end(line: Line, start: int) -> int:
    """Where the text that begins at `start` stops: at a gap wider than three characters."""
    for i in range(1, len(line.words)):
        if line.starts[i] <= start:
            continue
        before, after = line.words[i - 1].box, line.words[i].box
        height = max(before[3] - before[1], after[3] - after[1], 1)
        if after[0] - before[2] > 3 * height and line.starts[i - 1] >= start:
            return line.starts[i]
    return len(line.text)


_RULE_REMAINS = re.compile(r"[ー\-—―_|｜.・]+")


def _aligned(lines: list[Line], i: int, j: int, left: int) -> Line | None:
    """Line `j` when it is next to line `i` and starts at x = `left` (a value's wrapped part)."""
    if not 0 <= j < len(lines):
        return None
    line, other = lines[i], lines[j]
    height = line.box[3] - line.box[1]
    gap = other.box[1] - line.box[3] if j > i else line.box[1] - other.box[3]
    # Dashes before the first word are a ruled line's remains, not print.
    first = next((w for w in other.words if not _RULE_REMAINS.fullmatch(w.text)), other.words[0])
    if abs(first.box[0] - left) > 0.8 * height or gap > 1.2 * height:
        return None
    return other


def _after_label(
    lines: list[Line],
    label: re.Pattern[str],
    clean: Callable[[str], str],
    continued: bool = False,
) -> FieldReading | None:
    """The value printed right of `label`, or on the next line when nothing follows it.

    With `continued`, a next line aligned with the value (an address wrapped on a card) joins it.
    """
    for i, line in enumerate(lines):
        for match in label.finditer(line.text):
            reading = _value_after(lines, i, match.end(), label, clean, continued)
            if reading is not None:
                return reading
    return None


def _mean_confidence(line: Line) -> float:
    return sum(w.confidence for w in line.words) / len(line.words)


def _beside(lines: list[Line], i: int) -> Line | None:
    """A neighbour of line `i` printed right of it at about the same height.

    A label centred on a value taller than itself (a two-line address beside 住所) comes out of
    Tesseract as a line of its own, just below or above its value's first line.
    """
    line = lines[i]
    height = line.box[3] - line.box[1]
    for j in (i - 1, i + 1):
        if not 0 <= j < len(lines):
            continue
        other = lines[j]
        centres = abs(other.box[1] + other.box[3] - line.box[1] - line.box[3]) / 2
        right = other.box[0] > line.box[0] + height and other.box[2] > line.box[2] + 2 * height
        if centres <= 1.1 * height and right:
            return other
    return None


def _value_after(
    lines: list[Line],
    i: int,
    label_end: int,
    label: re.Pattern[str],
    clean: Callable[[str], str],
    continued: bool,
) -> FieldReading | None:
    """The value after a label ending at `label_end` on line `i`, beside it or below it."""
    line = lines[i]
    rest = line.text[label_end : _segment_end(line, label_end)]
    value = clean(rest)
    if not value:
        if rest.strip():
            return None  # something else follows the label on its line
        below = _beside(lines, i) or (lines[i + 1] if i + 1 < len(lines) else None)
        if below is None:
            return None
        value = clean(below.text)
        if not value or label.search(below.text):
            return None
        start = below.text.find(value[0])
        return _reading(below, value, start, start + len(value))
    start = label_end + rest.find(value[0])
    reading = _reading(line, value, start, start + len(value))
    if not continued or reading.box is None:
        return reading
    # A value wrapped in its cell: the label sits beside the first, middle or last of its lines.
    parts, boxes, confidence = [value], [reading.box], reading.confidence
    left = reading.box[0]
    for j, at_end in ((i - 1, False), (i + 1, True)):
        other = _aligned(lines, i, j, left)
        more = clean(other.text) if other is not None else ""
        if other is None or not more or label.search(other.text) or _mean_confidence(other) < 0.6:
            continue
        parts = [*parts, more] if at_end else [more, *parts]
        boxes.append(other.box)
        confidence = min(confidence, other.confidence)
    return FieldReading(" ".join(parts), confidence, union_box(boxes))


def _clean_name(text: str) -> str:
    cut = _LABEL_CUT.search(text)
    if cut is not None:
        text = text[: cut.start()]
    date = DATE.search(text)
    if date is not None:
        text = text[: date.start()]
    text = re.sub(r"[「」【】()（）:：|｜\[\]、。,.・]", "", text)
    text = re.sub(r"\s*様$|\s*殿$|\s*印$", "", text.strip())
    return " ".join(text.split())


def _clean_kana(text: str) -> str:
    cleaned = _clean_name(text)
    return cleaned if cleaned and _KANA.match(cleaned) else ""


def _clean_address(text: str) -> str:
    text = _POSTAL.sub("", text)
    cut = re.search(r"(?:氏名|生年月日|世帯主|電話|TEL)", text)
    if cut is not None:
        text = text[: cut.start()]
    text = re.sub(r"[\s(（|｜:：。、,]+$", "", text)
    text = re.sub(r"^[\sー\-—―|｜:：.。、,_]+", "", text)
    # Tesseract spaces out digits printed full width (２ ３): one number all the same.
    text = re.sub(r"(?<=\d) (?=\d)", "", text)
    return " ".join(text.strip(" :：|").split())


def _name(lines: list[Line]) -> FieldReading | None:
    reading = _after_label(lines, _NAME_LABEL, _clean_name)
    if reading is None:
        reading = _after_label(lines, _NAME_LABEL_LOOSE, _clean_name)
    if reading is not None:
        return reading
    # A label lost altogether: the line next to the address (above on cards, below on forms),
    # past its misread label.
    for i, line in enumerate(lines):
        if not _ADDRESS_LABEL.search(line.text):
            continue
        for j in (i - 1, i + 1):
            if not 0 <= j < len(lines) or len(lines[j].words) < 2:
                continue
            other = lines[j]
            skip = other.starts[1]
            value = _clean_name(other.text[skip : _segment_end(other, skip)])
            plausible = value and not re.search(r"\d", value)
            if plausible and not find_dates(other) and not _ADDRESS_LABEL.search(other.text):
                start = other.text.find(value[0], skip)
                return _reading(other, value, start, start + len(value))
    return None


_ROMAJI_NAME = re.compile(r"\b([A-Z]{2,}(?: [A-Z]{2,})+)\b")
_NOT_NAMES = ("RESIDENCE", "CARD", "PASSPORT", "JAPAN", "MINISTER", "PERMANENT")


def _romaji_name(lines: list[Line]) -> FieldReading | None:
    """A name printed in capitals (residence card): the first such run that is not a heading."""
    for line in lines:
        for match in _ROMAJI_NAME.finditer(line.text):
            if not any(word in match.group(1) for word in _NOT_NAMES):
                return _reading(line, match.group(1), match.start(1), match.end(1))
    return None


def _kana(lines: list[Line], name: FieldReading | None) -> FieldReading | None:
    reading = _after_label(lines, _KANA_LABEL, _clean_kana)
    if reading is not None or name is None or name.box is None:
        return reading
    # Furigana printed just above the name, without a label.
    for line in lines:
        if line.box[3] <= name.box[1] + 4 and name.box[1] - line.box[3] < 60:
            value = _clean_kana(line.text)
            if value:
                start = line.text.find(value[0])
                return _reading(line, value, start, start + len(value))
    return None


def _postal(lines: list[Line]) -> FieldReading | None:
    for line in lines:
        match = _POSTAL.search(line.text)
        if match is not None:
            value = match.group(1) + match.group(2)
            return _reading(line, value, match.start(), match.end())
    return None


def _birth(lines: list[Line]) -> FieldReading | None:
    for i, line in enumerate(lines):
        for iso, start, end in find_dates(line):
            if line.text[end : end + 1] == "生" or _BIRTH_LABEL.search(line.text[:start]):
                return _reading(line, iso, start, end)
        if _BIRTH_LABEL.search(line.text) and not find_dates(line) and i + 1 < len(lines):
            dates = find_dates(lines[i + 1])
            if dates:
                iso, start, end = dates[0]
                return _reading(lines[i + 1], iso, start, end)
    return None


_EXPIRY_LABEL = re.compile(r"有\s*効|expiry", re.IGNORECASE)


def _expiry(lines: list[Line]) -> FieldReading | None:
    """The valid-until date: followed by まで/有効, after 有効期限, or under such a label."""
    for i, line in enumerate(lines):
        dates = find_dates(line)
        for iso, start, end in dates:
            after, before = line.text[end:], line.text[:start]
            if any(w in after[:6] for w in _EXPIRY_WORDS) or "有効" in before:
                return _reading(line, iso, start, end)
        label = _EXPIRY_LABEL.search(line.text)
        if label is None or dates or i + 1 >= len(lines):
            continue
        # A label above its value (passport): the date below it, nearest in x.
        below = find_dates(lines[i + 1])
        if below:
            x = line.span_box(label.start(), label.end())[0]
            iso, start, end = min(
                below, key=lambda d: abs(lines[i + 1].span_box(d[1], d[2])[0] - x)
            )
            return _reading(lines[i + 1], iso, start, end)
    return None


def _issue_date(lines: list[Line], birth: FieldReading | None) -> FieldReading | None:
    """A certificate's issue date: the date near 証明/交付/発行, else the last date printed."""
    born = birth.value if birth else None
    last: FieldReading | None = None
    for line in lines:
        for iso, start, end in find_dates(line):
            if iso == born:
                continue
            if any(w in line.text for w in _ISSUE_WORDS):
                return _reading(line, iso, start, end)
            last = _reading(line, iso, start, end)
    return last


def _number(lines: list[Line], kind: DocumentKind) -> FieldReading | None:
    patterns = {
        _K.DRIVERS_LICENSE: _LICENCE_NUMBER,
        _K.RESIDENCE_CARD: _RESIDENCE_CARD_NUMBER,
        _K.PASSPORT: _PASSPORT_NUMBER,
    }
    pattern = patterns.get(kind)
    if pattern is None:
        return None
    for line in lines:
        match = pattern.search(
            line.text.replace("O", "0") if kind is _K.DRIVERS_LICENSE else line.text
        )
        if match is not None:
            value = re.sub(r"\s+", "", match.group(1))
            return _reading(line, value, match.start(1), match.end(1))
    return None


_PRINCIPAL_HEADER = re.compile(r"^\W*(?:\d+\s*\.?\s*)?(?:ご\s*本人|委任者|本人)")
_AGENT_HEADER = re.compile(r"^\W*(?:\d+\s*\.?\s*)?(?:代理人|受任者)")
_SEAL_NUMBER = re.compile(r"登\s*録\s*番\s*号\s*[:：]?\s*(\d+)")
_GIVEN_NAME = re.compile(r"【\s*名\s*】\s*(\S+)")


def _sections(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """The principal's lines and the agent's (委任者・本人 / 代理人・受任者 headed sections).

    A misread principal heading is made up for by the agent section's second 住所: the agent
    has one address, so a second one (with the 〒 line above it) starts the principal's part.
    """
    principal: list[Line] = []
    agent: list[Line] = []
    current = principal
    for line in lines:
        if len(line.text) <= 30 and _AGENT_HEADER.search(line.text):
            current = agent
        elif len(line.text) <= 30 and _PRINCIPAL_HEADER.search(line.text):
            current = principal
        elif (
            current is agent
            and _ADDRESS_LABEL.search(line.text)
            and any(_ADDRESS_LABEL.search(earlier.text) for earlier in agent)
        ):
            current = principal
            if _POSTAL.search(agent[-1].text):
                principal.append(agent.pop())
        current.append(line)
    return principal, agent


def _register_person(
    lines: list[Line], head: FieldReading | None
) -> tuple[FieldReading | None, FieldReading | None]:
    """A family register's principal: the last person entered (a child of the 筆頭者), named by
    the register's family name and their 【名】; and their birth date printed below it."""
    for i in range(len(lines) - 1, -1, -1):
        match = _GIVEN_NAME.search(lines[i].text)
        if match is None:
            continue
        family = head.value.split()[0] if head is not None and head.value else ""
        given = _reading(lines[i], match.group(1), match.start(1), match.end(1))
        name = FieldReading(f"{family} {given.value}".strip(), given.confidence, given.box)
        for line in lines[i : i + 3]:
            dates = find_dates(line)
            if dates:
                iso, start, end = dates[0]
                return name, _reading(line, iso, start, end)
        return name, None
    return head, _birth(lines)


def _seal_number(lines: list[Line]) -> FieldReading | None:
    for line in lines:
        match = _SEAL_NUMBER.search(line.text)
        if match is not None:
            return _reading(line, match.group(1), match.start(1), match.end(1))
    return None


def extract_fields(kind: DocumentKind, lines: list[Line]) -> Extraction:
    """The seven fields (absent ones None) and the extras printed on a page of `kind`."""
    agent_lines: list[Line] = []
    if kind in (_K.POWER_OF_ATTORNEY, _K.APPLICATION_FORM):
        lines, agent_lines = _sections(lines)
    name = _romaji_name(lines) if kind is _K.RESIDENCE_CARD else None
    name = name or _name(lines)
    birth = _birth(lines)
    if kind is _K.FAMILY_REGISTER:
        name, birth = _register_person(lines, name)
    if kind.is_certificate:
        expiry = _issue_date(lines, birth)
    elif kind in (_K.POWER_OF_ATTORNEY, _K.APPLICATION_FORM):
        expiry = None
    else:
        expiry = _expiry(lines)
    number = _seal_number(lines) if kind is _K.SEAL_CERTIFICATE else _number(lines, kind)
    found: dict[FieldName, FieldReading | None] = {
        _F.NAME: name,
        _F.NAME_KANA: _kana(lines, name),
        _F.ADDRESS: None
        if kind is _K.FAMILY_REGISTER
        else _after_label(lines, _ADDRESS_LABEL, _clean_address, continued=True),
        _F.POSTAL_CODE: _postal(lines),
        _F.BIRTH_DATE: birth,
        _F.EXPIRY_DATE: expiry,
        _F.NUMBER: number,
    }
    extras: dict[str, str] = {}
    previous = _after_label(lines, _PREVIOUS_ADDRESS_LABEL, _clean_address, continued=True)
    if previous is not None and previous.value:
        extras["previous_address"] = previous.value
    agent = _name(agent_lines) if agent_lines else None
    if agent is not None and agent.value:
        extras["agent_name"] = agent.value
    fields = {f: found[f] or ABSENT for f in FieldName}
    return Extraction(fields, extras, [])
