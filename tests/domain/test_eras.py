"""Tests of Japanese era dates (和暦): parsing what documents print and formatting for letters."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.eras import (
    DateParseError,
    era_of,
    format_era,
    format_era_short,
    parse_date,
)
from desktop.domain.errors import InvalidInput


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("令和7年5月1日", date(2025, 5, 1)),
        ("令和元年5月1日", date(2019, 5, 1)),
        ("令和01年05月01日", date(2019, 5, 1)),
        ("令和1年5月1日", date(2019, 5, 1)),
        ("R7.5.1", date(2025, 5, 1)),
        ("R7/5/1", date(2025, 5, 1)),
        ("R7-5-1", date(2025, 5, 1)),
        ("r07.05.01", date(2025, 5, 1)),
        ("R元.5.1", date(2019, 5, 1)),
        ("R7年5月1日", date(2025, 5, 1)),
        ("H31.4.30", date(2019, 4, 30)),
        ("h1.1.8", date(1989, 1, 8)),
        ("S64.1.7", date(1989, 1, 7)),
        ("S.60.1.1", date(1985, 1, 1)),
        ("昭和元年12月25日", date(1926, 12, 25)),
        ("大正15年12月24日", date(1926, 12, 24)),
        ("T1.7.30", date(1912, 7, 30)),
        ("明治45年7月29日", date(1912, 7, 29)),
        ("M6.1.1", date(1873, 1, 1)),
        # Printed before the era change for a future date: 平成32年 is 2020.
        ("平成32年1月1日", date(2020, 1, 1)),
        ("平成31年5月1日", date(2019, 5, 1)),
        ("H33.3.31", date(2021, 3, 31)),
        # Full width, ideographic spaces and era ligatures (NFKC).
        ("令和７年５月１日", date(2025, 5, 1)),
        ("㋿7年5月1日", date(2025, 5, 1)),
        ("㍻31年4月30日", date(2019, 4, 30)),
        ("㍼64年1月7日", date(1989, 1, 7)),
        ("㍽15年12月24日", date(1926, 12, 24)),
        ("㍾45年7月29日", date(1912, 7, 29)),
        ("Ｒ７．５．１", date(2025, 5, 1)),
        ("令和　7年　5月　1日", date(2025, 5, 1)),
        (" 令和7年5月1日 ", date(2025, 5, 1)),
        # Western forms.
        ("2025年5月1日", date(2025, 5, 1)),
        ("2025-05-01", date(2025, 5, 1)),
        ("2025/5/1", date(2025, 5, 1)),
        ("2025.5.1", date(2025, 5, 1)),
        ("２０２５年５月１日", date(2025, 5, 1)),
        ("2024年2月29日", date(2024, 2, 29)),
        # Trailing words from IDs.
        ("昭和60年 1月 1日生", date(1985, 1, 1)),
        ("平成2年3月4日生まれ", date(1990, 3, 4)),
        ("2030年10月9日まで有効", date(2030, 10, 9)),
        ("令和9年5月1日まで", date(2027, 5, 1)),
        # Driver's licence expiry since 2019.
        ("2027年(令和09年)05月01日まで有効", date(2027, 5, 1)),
        ("2027年（令和09年）05月01日まで有効", date(2027, 5, 1)),
        ("２０２７年（令和０９年）０５月０１日まで有効", date(2027, 5, 1)),
        ("2019年(令和元年)05月01日", date(2019, 5, 1)),
    ],
)
def test_parse_date_accepts_printed_forms(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("令和元年4月30日", r"Reiwa \(令和\) began on 2019-05-01"),
        ("R1.4.30", r"Reiwa \(令和\) began on 2019-05-01"),
        ("昭和64年1月8日", r"Showa \(昭和\) ended on 1989-01-07"),
        ("平成元年1月7日", r"Heisei \(平成\) began on 1989-01-08"),
        ("大正15年12月25日", r"Taisho \(大正\) ended on 1926-12-24"),
        ("明治元年1月1日", r"Meiji \(明治\) began on 1868-10-23"),
        ("令和7年2月29日", "no such day"),
        ("2025年2月30日", "no such day"),
        ("2025-13-01", "no such day"),
        ("R7.4.31", "no such day"),
        ("令和0年5月1日", "no year 0"),
        ("2027年(令和08年)05月01日まで有効", "does not agree"),
        ("2月30日", "expected e.g."),
        ("garbage", "expected e.g."),
        ("令和七年五月一日", "expected e.g."),
        ("2025-05/01", "expected e.g."),
        ("X7.5.1", "expected e.g."),
        ("", "empty"),
        ("　", "empty"),
    ],
)
def test_parse_date_rejects_what_is_not_a_real_date(text: str, match: str) -> None:
    with pytest.raises(DateParseError, match=match):
        parse_date(text)


def test_parse_error_is_invalid_input_with_japanese_and_english_messages() -> None:
    with pytest.raises(InvalidInput, match="Reiwa") as caught:
        parse_date("令和元年4月30日")
    error = caught.value
    assert isinstance(error, DateParseError)
    assert error.text == "令和元年4月30日"
    assert error.message("ja") == (
        "「令和元年4月30日」は日付として読み取れません（令和は令和元年5月1日（2019-05-01）からです）。"
    )
    assert error.message("en").startswith("Cannot read '令和元年4月30日' as a date")


@pytest.mark.parametrize(
    ("day", "era", "long_form", "short_form"),
    [
        (date(2025, 5, 1), ("令和", 7), "令和7年5月1日", "R7.5.1"),
        (date(2019, 5, 1), ("令和", 1), "令和元年5月1日", "R1.5.1"),
        (date(2019, 4, 30), ("平成", 31), "平成31年4月30日", "H31.4.30"),
        (date(1989, 1, 8), ("平成", 1), "平成元年1月8日", "H1.1.8"),
        (date(1989, 1, 7), ("昭和", 64), "昭和64年1月7日", "S64.1.7"),
        (date(1926, 12, 25), ("昭和", 1), "昭和元年12月25日", "S1.12.25"),
        (date(1926, 12, 24), ("大正", 15), "大正15年12月24日", "T15.12.24"),
        (date(1912, 7, 29), ("明治", 45), "明治45年7月29日", "M45.7.29"),
        (date(2100, 12, 31), ("令和", 82), "令和82年12月31日", "R82.12.31"),
    ],
)
def test_format_and_era_of(
    day: date, era: tuple[str, int], long_form: str, short_form: str
) -> None:
    assert era_of(day) == era
    assert format_era(day) == long_form
    assert format_era_short(day) == short_form


def test_era_of_rejects_dates_before_meiji() -> None:
    with pytest.raises(ValueError, match="before the first supported era"):
        era_of(date(1868, 10, 22))


_SUPPORTED_DATES = st.dates(min_value=date(1873, 1, 1), max_value=date(2100, 12, 31))


@given(_SUPPORTED_DATES)
def test_era_format_round_trips(day: date) -> None:
    assert parse_date(format_era(day)) == day
    assert parse_date(format_era_short(day)) == day


@given(_SUPPORTED_DATES)
def test_iso_format_round_trips(day: date) -> None:
    assert parse_date(day.isoformat()) == day
    assert parse_date(f"{day.year}年{day.month}月{day.day}日") == day
