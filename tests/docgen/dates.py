"""Dates as the different documents print them."""

from __future__ import annotations

from datetime import date

from desktop.domain.eras import era_of

_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")


def _era_year(d: date, width: int) -> tuple[str, str]:
    name, year = era_of(d)
    return name, ("元" if year == 1 else f"{year:{width}d}")


def licence_birth(d: date) -> str:
    """昭和60年 1月 1日生 — a licence's birth date, padded with spaces."""
    name, year = _era_year(d, 2)
    return f"{name}{year}年{d.month:2d}月{d.day:2d}日生"


def licence_issue(d: date, reference: str) -> str:
    """令和04年05月10日 12345 — a licence's date of issue and its reference number."""
    name, year = era_of(d)
    return f"{name}{year:02d}年{d.month:02d}月{d.day:02d}日 {reference}"


def licence_expiry(d: date) -> str:
    """2027年(令和09年)06月01日まで有効."""
    name, year = era_of(d)
    return f"{d.year}年({name}{year:02d}年){d.month:02d}月{d.day:02d}日まで有効"


def era(d: date) -> str:
    """昭和60年1月1日 (元年 for year one)."""
    name, year = _era_year(d, 1)
    return f"{name}{year}年{d.month}月{d.day}日"


def western(d: date, *, padded: bool = False) -> str:
    """2031年5月1日, or 2031年 5月 1日 with `padded` (My Number card expiry)."""
    if padded:
        return f"{d.year}年{d.month:2d}月{d.day:2d}日"
    return f"{d.year}年{d.month}月{d.day}日"


def western_zero(d: date) -> str:
    """2029年05月10日 — residence cards."""
    return f"{d.year}年{d.month:02d}月{d.day:02d}日"


def passport(d: date) -> str:
    """01 JAN 1985."""
    return f"{d.day:02d} {_MONTHS[d.month - 1]} {d.year}"


def add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def one_month_after(d: date) -> date:
    month = d.month % 12 + 1
    year = d.year + (1 if d.month == 12 else 0)
    return date(year, month, min(d.day, 28))
