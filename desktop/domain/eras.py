"""Japanese era dates (和暦): parse what is printed on forms and ID documents, format for letters.

Accepted forms (after NFKC, so full-width digits, ideographic spaces and the era ligatures
㋿ ㍻ ㍼ ㍽ ㍾ are fine): 令和7年5月1日, 令和元年5月1日, 令和01年05月01日, R7.5.1, R7/5/1,
r07-05-01, H31.4.30, 2025年5月1日, 2025-05-01, 2025/5/1, 2025.5.1, the driver-licence expiry
form 2027年(令和09年)05月01日, each optionally followed by 生, 生まれ, まで, まで有効 or 有効.

An era date must lie inside its era (昭和64年 ends on 1989-01-07, 令和元年 begins on 2019-05-01),
with one exception: documents printed before May 2019 show 平成 years past 31 for future dates (a
licence valid until 平成32年), so a 平成 date on or after 2019-05-01 is accepted as that Gregorian
date. Era years before 1873 (明治5年 and earlier, lunisolar calendar in reality) are read
as Gregorian dates without conversion.
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

from desktop.domain.errors import InvalidInput

__all__ = [
    "DateParseError",
    "Era",
    "ERAS",
    "era_of",
    "format_era",
    "format_era_short",
    "parse_date",
]


class DateParseError(InvalidInput):
    """The text is not a date, or not a real one (2月30日, 令和元年4月30日)."""

    def __init__(self, text: str, reason_ja: str, reason_en: str) -> None:
        super().__init__(
            f"「{text}」は日付として読み取れません（{reason_ja}）。",
            f"Cannot read {text!r} as a date: {reason_en}.",
        )
        self.text = text


@dataclass(frozen=True)
class Era:
    """One Japanese era (元号): name, one-letter abbreviation, first day and year offset."""

    name: str
    name_en: str
    abbreviation: str
    start: date
    offset: int  # Gregorian year = era year + offset


ERAS: tuple[Era, ...] = (
    Era("明治", "Meiji", "M", date(1868, 10, 23), 1867),
    Era("大正", "Taisho", "T", date(1912, 7, 30), 1911),
    Era("昭和", "Showa", "S", date(1926, 12, 25), 1925),
    Era("平成", "Heisei", "H", date(1989, 1, 8), 1988),
    Era("令和", "Reiwa", "R", date(2019, 5, 1), 2018),
)
_BY_TOKEN: dict[str, Era] = {e.name: e for e in ERAS} | {e.abbreviation: e for e in ERAS}
_HEISEI = _BY_TOKEN["平成"]

_ERA = r"(?P<era>明治|大正|昭和|平成|令和|[MTSHR])"
_ERA_YEAR = r"(?P<ey>元|\d{1,3})"
_MD_KANJI = r"(?P<m>\d{1,2})月(?P<d>\d{1,2})日?"
_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.ASCII | re.IGNORECASE)
    for p in (
        # 2027年(令和09年)05月01日 — driver's licence expiry since 2019
        rf"(?P<wy>\d{{4}})年\({_ERA}{_ERA_YEAR}年?\){_MD_KANJI}",
        rf"{_ERA}{_ERA_YEAR}年{_MD_KANJI}",
        rf"{_ERA}\.?{_ERA_YEAR}(?P<sep>[./-])(?P<m>\d{{1,2}})(?P=sep)(?P<d>\d{{1,2}})",
        rf"(?P<y>\d{{4}})年{_MD_KANJI}",
        r"(?P<y>\d{4})(?P<sep>[./-])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})",
    )
)
_SUFFIXES = ("生まれ", "まで有効", "まで", "生", "有効")


def _clean(text: str) -> str:
    cleaned = "".join(unicodedata.normalize("NFKC", text).split())
    for suffix in _SUFFIXES:
        if cleaned.endswith(suffix):
            return cleaned.removesuffix(suffix)
    return cleaned


def _era_end(era: Era) -> date | None:
    """The first day of the next era, or None for the current one."""
    later = [e.start for e in ERAS if e.start > era.start]
    return min(later) if later else None


def _real_date(text: str, year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise DateParseError(
            text, f"{month}月{day}日という日はありません", "no such day in the calendar"
        ) from None


def _from_era(text: str, era: Era, era_year_text: str, month: int, day: int) -> date:
    era_year = 1 if era_year_text == "元" else int(era_year_text)
    if era_year == 0:
        raise DateParseError(text, "元号の0年はありません", "an era has no year 0")
    result = _real_date(text, era_year + era.offset, month, day)
    if result < era.start:
        raise DateParseError(
            text,
            f"{era.name}は{format_era(era.start)}（{era.start.isoformat()}）からです",
            f"{era.name_en} ({era.name}) began on {era.start.isoformat()}",
        )
    end = _era_end(era)
    # 平成 years past 31 printed before the era change stand for 2019-05-01 and later.
    if end is not None and result >= end and era is not _HEISEI:
        last = end - timedelta(days=1)
        raise DateParseError(
            text,
            f"{era.name}は{format_era(last)}（{last.isoformat()}）までです",
            f"{era.name_en} ({era.name}) ended on {last.isoformat()}",
        )
    return result


def parse_date(text: str) -> date:
    """Parse a Japanese or Western date as printed on forms and IDs (和暦・西暦).

    Raises DateParseError (an InvalidInput) with Japanese and English messages when the text is
    not a date, or names a day that does not exist (2月30日, 令和元年4月30日, 昭和64年1月8日).
    """
    cleaned = _clean(text)
    if not cleaned:
        raise DateParseError(text, "空欄です", "the text is empty")
    for pattern in _PATTERNS:
        match = pattern.fullmatch(cleaned)
        if match is None:
            continue
        parts = match.groupdict()
        month, day = int(parts["m"]), int(parts["d"])
        if parts.get("era") is None:
            return _real_date(text, int(parts["y"]), month, day)
        era = _BY_TOKEN[parts["era"].upper()]
        result = _from_era(text, era, parts["ey"], month, day)
        western = parts.get("wy")
        if western is not None and int(western) != result.year:
            raise DateParseError(
                text,
                f"西暦{western}年と{era.name}{parts['ey']}年が一致しません",
                f"the year {western} does not agree with {era.name}{parts['ey']}年",
            )
        return result
    raise DateParseError(
        text,
        "例: 令和7年5月1日、R7.5.1、2025-05-01",
        "expected e.g. 令和7年5月1日, R7.5.1 or 2025-05-01",
    )


def _era_for(d: date) -> Era:
    for era in reversed(ERAS):
        if d >= era.start:
            return era
    msg = f"{d.isoformat()} is before the first supported era (明治, {ERAS[0].start.isoformat()})"
    raise ValueError(msg)


def era_of(d: date) -> tuple[str, int]:
    """The era name and era year of `d`, e.g. ("令和", 7) for 2025-05-01.

    Raises ValueError for dates before 明治 (1868-10-23).
    """
    era = _era_for(d)
    return era.name, d.year - era.offset


def format_era(d: date) -> str:
    """`d` in the era form used in letters: 令和7年5月1日, 令和元年5月1日."""
    name, year = era_of(d)
    year_text = "元" if year == 1 else str(year)
    return f"{name}{year_text}年{d.month}月{d.day}日"


def format_era_short(d: date) -> str:
    """`d` in the abbreviated era form: R7.5.1 (year 1 is written 1)."""
    era = _era_for(d)
    return f"{era.abbreviation}{d.year - era.offset}.{d.month}.{d.day}"
