"""Tests of response deadlines: APPI target, business days around Japanese holidays, GDPR, CCPA."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.deadlines import (
    DEFAULT_PROFILE,
    PROFILES,
    Deadline,
    DeadlineState,
    Extension,
    Pause,
    PeriodUnit,
    add_period,
    base_due_date,
    deadline,
    due_date,
    extend,
    is_business_day,
)
from desktop.domain.errors import InvalidInput

APPI = PROFILES["appi"]
APPI_BUSINESS = PROFILES["appi_business"]
GDPR = PROFILES["gdpr"]
CCPA = PROFILES["ccpa"]


def test_profiles() -> None:
    assert DEFAULT_PROFILE == "appi"
    assert set(PROFILES) == {"appi", "appi_business", "gdpr", "ccpa"}
    assert all(code == profile.code for code, profile in PROFILES.items())
    assert (APPI.period, APPI.unit, APPI.count_first_day) == (14, PeriodUnit.CALENDAR_DAYS, False)
    assert (APPI_BUSINESS.period, APPI_BUSINESS.unit) == (10, PeriodUnit.BUSINESS_DAYS)
    assert (GDPR.period, GDPR.unit, GDPR.extension_period) == (1, PeriodUnit.MONTHS, 2)
    assert (CCPA.period, CCPA.count_first_day, CCPA.pause_while_awaiting) == (45, True, False)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 4, 28), True),  # Tuesday
        (date(2026, 4, 29), False),  # 昭和の日
        (date(2026, 5, 2), False),  # Saturday
        (date(2026, 5, 3), False),  # 憲法記念日 (Sunday)
        (date(2026, 5, 6), False),  # 振替休日 for 5/3
        (date(2026, 5, 7), True),
        (date(2026, 9, 22), False),  # 国民の休日 between 敬老の日 and 秋分の日
        (date(2026, 12, 28), True),  # last working day of the year
        (date(2026, 12, 29), False),  # 年末年始休業 (a Tuesday)
        (date(2027, 1, 3), False),
        (date(2027, 1, 4), True),  # Monday, first working day
        (date(2027, 1, 11), False),  # 成人の日 (second Monday of January)
        (date(2030, 1, 2), False),  # year-end closure on a Wednesday
    ],
)
def test_is_business_day(day: date, expected: bool) -> None:
    assert is_business_day(day) is expected


def test_appi_14_calendar_days_not_counting_the_day_of_receipt() -> None:
    assert base_due_date(date(2026, 4, 28), APPI) == date(2026, 5, 12)


def test_calendar_deadline_on_a_sunday_is_not_moved() -> None:
    # Received Sunday 2026-05-03 (a holiday): day 14 is Sunday 2026-05-17 and stays there.
    due = base_due_date(date(2026, 5, 3), APPI)
    assert due == date(2026, 5, 17)
    assert due.weekday() == 6


def test_appi_business_days_over_golden_week_2026() -> None:
    # Received Tue 4/28. Not working: 4/29 (昭和の日), 5/2–5/6 (Sat, 3 祝, 4 祝, 5 祝, 6 振替),
    # 5/9–5/10 and 5/16–5/17. Business days: 4/30 (1), 5/1 (2), 5/7 (3), 5/8 (4), 5/11 (5),
    # 5/12 (6), 5/13 (7), 5/14 (8), 5/15 (9), 5/18 (10).
    assert base_due_date(date(2026, 4, 28), APPI_BUSINESS) == date(2026, 5, 18)


def test_appi_business_days_over_the_year_end() -> None:
    # Received Fri 12/25. 12/28 (1); closed 12/29–1/3; 1/4 (2) … 1/8 (6); 1/11 成人の日;
    # 1/12 (7) … 1/15 (10).
    assert base_due_date(date(2026, 12, 25), APPI_BUSINESS) == date(2027, 1, 15)


def test_business_days_counting_the_first_day() -> None:
    assert add_period(date(2026, 4, 28), 1, PeriodUnit.BUSINESS_DAYS, count_first_day=True) == (
        date(2026, 4, 28)
    )
    # A holiday is never day 1: from 4/29 the first business day is 4/30.
    assert add_period(date(2026, 4, 29), 1, PeriodUnit.BUSINESS_DAYS, count_first_day=True) == (
        date(2026, 4, 30)
    )


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        (date(2026, 1, 31), date(2026, 2, 28)),
        (date(2024, 1, 31), date(2024, 2, 29)),
        (date(2026, 1, 15), date(2026, 2, 15)),
        (date(2026, 3, 31), date(2026, 4, 30)),
        (date(2026, 12, 15), date(2027, 1, 15)),
    ],
)
def test_gdpr_one_month_clipped_to_the_month_end(received: date, expected: date) -> None:
    assert base_due_date(received, GDPR) == expected


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 1, 15), 1, date(2026, 2, 14)),  # ends the day before the corresponding day
        (date(2026, 1, 31), 1, date(2026, 2, 28)),  # no 2/31: ends at the month end (民法143条)
        (date(2026, 3, 1), 1, date(2026, 3, 31)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),  # no 2/30 either
    ],
)
def test_months_counting_the_first_day(start: date, months: int, expected: date) -> None:
    assert add_period(start, months, PeriodUnit.MONTHS, count_first_day=True) == expected


def test_ccpa_counts_the_day_of_receipt() -> None:
    # 45 days beginning on the day of receipt: 2026-01-01 is day 1, 2026-02-14 is day 45.
    assert base_due_date(date(2026, 1, 1), CCPA) == date(2026, 2, 14)
    assert add_period(date(2026, 1, 1), 45, PeriodUnit.CALENDAR_DAYS, count_first_day=False) == (
        date(2026, 2, 15)
    )


def test_zero_and_negative_periods() -> None:
    for unit in PeriodUnit:
        assert add_period(date(2026, 5, 3), 0, unit, count_first_day=False) == date(2026, 5, 3)
    with pytest.raises(ValueError, match="cannot be negative"):
        add_period(date(2026, 5, 3), -1, PeriodUnit.CALENDAR_DAYS, count_first_day=False)


def test_a_closed_pause_of_five_days_shifts_by_five() -> None:
    pauses = [Pause(date(2026, 5, 1), date(2026, 5, 6))]
    assert due_date(date(2026, 4, 28), APPI, pauses, today=date(2026, 6, 1)) == date(2026, 5, 17)


def test_an_open_pause_counts_up_to_today() -> None:
    pauses = [Pause(date(2026, 5, 1), None)]
    received = date(2026, 4, 28)
    assert due_date(received, APPI, pauses, today=date(2026, 5, 1)) == date(2026, 5, 12)
    assert due_date(received, APPI, pauses, today=date(2026, 5, 4)) == date(2026, 5, 15)
    assert due_date(received, APPI, pauses, today=date(2026, 5, 20)) == date(2026, 5, 31)


def test_overlapping_pauses_are_not_counted_twice() -> None:
    pauses = [Pause(date(2026, 5, 1), date(2026, 5, 6)), Pause(date(2026, 5, 4), date(2026, 5, 8))]
    assert due_date(date(2026, 4, 28), APPI, pauses, date(2026, 6, 1)) == date(2026, 5, 19)
    separate = [
        Pause(date(2026, 5, 1), date(2026, 5, 3)),
        Pause(date(2026, 5, 5), date(2026, 5, 6)),
    ]
    assert due_date(date(2026, 4, 28), APPI, separate, date(2026, 6, 1)) == date(2026, 5, 15)


def test_business_day_profile_shifts_by_business_days_paused() -> None:
    # Paused (5/1, 5/8]: business days 5/7 and 5/8 only (5/2–5/6 are off), so the due date
    # 5/18 moves by two business days to 5/20.
    pauses = [Pause(date(2026, 5, 1), date(2026, 5, 8))]
    assert due_date(date(2026, 4, 28), APPI_BUSINESS, pauses, date(2026, 6, 1)) == date(2026, 5, 20)


def test_ccpa_ignores_pauses() -> None:
    pauses = [Pause(date(2026, 1, 5), None)]
    assert due_date(date(2026, 1, 1), CCPA, pauses, date(2026, 2, 1)) == date(2026, 2, 14)
    state = deadline(date(2026, 1, 1), CCPA, pauses, None, date(2026, 2, 1))
    assert state == Deadline(date(2026, 2, 14), 13, DeadlineState.ON_TIME, paused=False)


def test_invalid_pauses() -> None:
    with pytest.raises(InvalidInput, match="cannot arrive before"):
        Pause(date(2026, 5, 6), date(2026, 5, 1))
    with pytest.raises(InvalidInput, match="before the request was received"):
        due_date(date(2026, 5, 1), APPI, [Pause(date(2026, 4, 30), None)], date(2026, 5, 2))


def test_extension_defaults_to_the_maximum() -> None:
    extension = extend(date(2026, 5, 12), APPI, "  調査に時間を要するため  ")
    assert extension == Extension(date(2026, 5, 26), "調査に時間を要するため")
    assert extend(date(2026, 2, 28), GDPR, "complex").new_due_on == date(2026, 4, 28)
    assert extend(date(2026, 2, 14), CCPA, "complex").new_due_on == date(2026, 3, 31)
    # 10 business days after Fri 2026-05-15: 5/18 … 5/22, 5/25 … 5/29.
    assert extend(date(2026, 5, 15), APPI_BUSINESS, "volume").new_due_on == date(2026, 5, 29)


def test_extension_to_a_chosen_date() -> None:
    assert extend(date(2026, 5, 12), APPI, "reason", date(2026, 5, 13)).new_due_on == (
        date(2026, 5, 13)
    )
    assert extend(date(2026, 5, 12), APPI, "reason", date(2026, 5, 26)).new_due_on == (
        date(2026, 5, 26)
    )


@pytest.mark.parametrize(
    ("reason", "new_due", "match"),
    [
        ("", None, "Enter the reason"),
        ("  \u3000 ", None, "Enter the reason"),
        ("reason", date(2026, 5, 12), "must be after the current one"),
        ("reason", date(2026, 5, 1), "must be after the current one"),
        ("reason", date(2026, 5, 27), "extension to 2026-05-26 at most"),
    ],
)
def test_extension_rules(reason: str, new_due: date | None, match: str) -> None:
    with pytest.raises(InvalidInput, match=match):
        extend(date(2026, 5, 12), APPI, reason, new_due)


def test_no_extension_when_the_profile_allows_none() -> None:
    strict = PROFILES["appi"].__class__(
        "strict",
        "延長なし",
        "No extension",
        14,
        PeriodUnit.CALENDAR_DAYS,
        count_first_day=False,
        pause_while_awaiting=False,
        extension_period=0,
        extension_unit=PeriodUnit.CALENDAR_DAYS,
    )
    with pytest.raises(InvalidInput, match="does not allow an extension") as caught:
        extend(date(2026, 5, 12), strict, "reason")
    assert caught.value.message("ja") == "延長なしでは期限を延長できません。"


@pytest.mark.parametrize(
    ("today", "days_left", "state"),
    [
        (date(2026, 4, 28), 14, DeadlineState.ON_TIME),
        (date(2026, 5, 8), 4, DeadlineState.ON_TIME),
        (date(2026, 5, 9), 3, DeadlineState.DUE_SOON),
        (date(2026, 5, 12), 0, DeadlineState.DUE_SOON),
        (date(2026, 5, 13), -1, DeadlineState.OVERDUE),
    ],
)
def test_deadline_states(today: date, days_left: int, state: DeadlineState) -> None:
    result = deadline(date(2026, 4, 28), APPI, [], None, today)
    assert result == Deadline(date(2026, 5, 12), days_left, state, paused=False)


def test_deadline_is_paused_while_awaiting_documents() -> None:
    pauses = [Pause(date(2026, 5, 10), None)]
    result = deadline(date(2026, 4, 28), APPI, pauses, None, date(2026, 5, 20))
    assert result == Deadline(date(2026, 5, 22), 2, DeadlineState.PAUSED, paused=True)
    resumed = [Pause(date(2026, 5, 10), date(2026, 5, 20))]
    result = deadline(date(2026, 4, 28), APPI, resumed, None, date(2026, 5, 20))
    assert result == Deadline(date(2026, 5, 22), 2, DeadlineState.DUE_SOON, paused=False)


def test_deadline_with_an_extension_uses_the_notified_date() -> None:
    extension = Extension(date(2026, 5, 26), "調査に時間を要するため")
    result = deadline(date(2026, 4, 28), APPI, [], extension, date(2026, 5, 13))
    assert result == Deadline(date(2026, 5, 26), 13, DeadlineState.ON_TIME, paused=False)


@given(
    st.dates(min_value=date(1950, 1, 1), max_value=date(2098, 12, 1)),
    st.integers(min_value=1, max_value=40),
)
def test_business_periods_end_on_a_business_day(start: date, amount: int) -> None:
    end = add_period(start, amount, PeriodUnit.BUSINESS_DAYS, count_first_day=False)
    assert is_business_day(end)
    days = [start + timedelta(days=i) for i in range(1, (end - start).days + 1)]
    assert sum(is_business_day(d) for d in days) == amount
