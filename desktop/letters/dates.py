"""Dates as letters print them: 令和8年11月20日, 2026年11月20日, or both; 20 November 2026."""

from __future__ import annotations

from datetime import date

from desktop.domain.eras import era_of, format_era
from desktop.letters.model import DateStyle

_MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def format_date(day: date, language: str, style: str) -> str:
    """`day` in the letter's language and date style (English letters add the era on request)."""
    if language == "en":
        western = f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"
        if style == DateStyle.WESTERN:
            return western
        return f"{western} ({format_era(day)})"
    western = f"{day.year}年{day.month}月{day.day}日"
    if style == DateStyle.WESTERN:
        return western
    if style == DateStyle.ERA:
        return format_era(day)
    return f"{format_era(day)}（{western}）"


def format_following(day: date, previous: date, language: str, style: str, same_year: str) -> str:
    """`day` written after `previous` in one sentence: 同年11月21日 when the year repeats."""
    same = day.year == previous.year
    if style != DateStyle.WESTERN:  # 平成31年 and 令和元年 share 2019 but are not the same year
        same = same and era_of(day) == era_of(previous)
    if language == "ja" and same_year and same:
        return same_year.format(month=day.month, day=day.day)
    return format_date(day, language, style)
