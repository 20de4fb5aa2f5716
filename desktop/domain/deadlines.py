"""Response deadlines (回答期限) per jurisdiction profile: APPI target, business days, GDPR, CCPA.

The clock starts on the receipt date of the envelope (a legal date, APPI Art. 39). Japanese law does
not count the day of receipt (初日不算入, 民法140条), so 14 days from 2026-04-28 end on 2026-05-12.
The clock stops while the company awaits documents from the requester (補正) when the profile says
so, and an extension (期間延長) sets a new, fixed due date within the maximum the profile allows.

Deadlines in calendar days or months are never moved off a weekend or holiday. APPI only requires
an answer "without delay" (遅滞なく) and the 14 days are the company's own target, so rolling it
forward would only hide slack; for GDPR and CCPA the rule for a period ending on a non-working day
depends on the controller's country and holidays, which we do not know. An unmoved deadline is never
later than the legal one, so staff who meet it are always on time. Business-day periods end on a
business day by construction.
"""

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from desktop.domain.errors import InvalidInput

__all__ = [
    "DEFAULT_PROFILE",
    "PROFILES",
    "Deadline",
    "DeadlineState",
    "Extension",
    "JurisdictionProfile",
    "Pause",
    "PeriodUnit",
    "add_period",
    "base_due_date",
    "deadline",
    "due_date",
    "extend",
    "is_business_day",
]

DUE_SOON_DAYS = 3
_ONE_DAY = timedelta(days=1)
_SATURDAY = 5  # date.weekday()
# 年末年始休業: the company is closed from December 29th to January 3rd.
_YEAR_END_CLOSURE = frozenset({(12, 29), (12, 30), (12, 31), (1, 1), (1, 2), (1, 3)})


class PeriodUnit(StrEnum):
    """How a period is counted."""

    CALENDAR_DAYS = "calendar_days"
    BUSINESS_DAYS = "business_days"
    MONTHS = "months"


@dataclass(frozen=True)
class JurisdictionProfile:
    """The time-limit rules of one law or company policy."""

    code: str
    label_ja: str
    label_en: str
    period: int
    unit: PeriodUnit
    count_first_day: bool  # False: the day of receipt is not counted (民法140条)
    pause_while_awaiting: bool  # the clock stops while awaiting documents (補正)
    extension_period: int  # 0 when the law allows no extension
    extension_unit: PeriodUnit


PROFILES: dict[str, JurisdictionProfile] = {
    profile.code: profile
    for profile in (
        JurisdictionProfile(
            "appi",
            "個人情報保護法（社内目標14日）",
            "APPI (company target, 14 days)",
            14,
            PeriodUnit.CALENDAR_DAYS,
            count_first_day=False,
            pause_while_awaiting=True,
            extension_period=14,
            extension_unit=PeriodUnit.CALENDAR_DAYS,
        ),
        JurisdictionProfile(
            "appi_business",
            "個人情報保護法（10営業日）",
            "APPI (10 business days)",
            10,
            PeriodUnit.BUSINESS_DAYS,
            count_first_day=False,
            pause_while_awaiting=True,
            extension_period=10,
            extension_unit=PeriodUnit.BUSINESS_DAYS,
        ),
        JurisdictionProfile(
            "gdpr",
            "GDPR（1か月、2か月延長可）",
            "GDPR (1 month, +2 months)",
            1,
            PeriodUnit.MONTHS,
            count_first_day=False,
            pause_while_awaiting=True,
            extension_period=2,
            extension_unit=PeriodUnit.MONTHS,
        ),
        # CCPA Regulations §7021(b): the 45 calendar days "begin on the day that the business
        # receives the request, regardless of time required to verify the request" — so the day
        # of receipt is day 1 and verification does not stop the clock.
        JurisdictionProfile(
            "ccpa",
            "CCPA（45日、45日延長可）",
            "CCPA (45 days, +45 days)",
            45,
            PeriodUnit.CALENDAR_DAYS,
            count_first_day=True,
            pause_while_awaiting=False,
            extension_period=45,
            extension_unit=PeriodUnit.CALENDAR_DAYS,
        ),
    )
}
DEFAULT_PROFILE = "appi"


@dataclass(frozen=True)
class Pause:
    """A stretch awaiting documents from the requester (補正待ち).

    The clock stops after `started_on` (the day the request for documents went out) and runs again
    from the day after `ended_on` (the day they arrived); None means still awaiting.
    """

    started_on: date
    ended_on: date | None = None

    def __post_init__(self) -> None:
        if self.ended_on is not None and self.ended_on < self.started_on:
            raise InvalidInput(
                "書類の到着日が補正依頼日より前になっています。",
                "The documents cannot arrive before they were requested.",
            )


@dataclass(frozen=True)
class Extension:
    """An extension of the time limit (期間延長): the new due date and the reason given."""

    new_due_on: date
    reason: str


class DeadlineState(StrEnum):
    """How a case stands against its deadline."""

    ON_TIME = "on_time"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    PAUSED = "paused"


@dataclass(frozen=True)
class Deadline:
    """The deadline of a case as of one day."""

    due_on: date
    days_left: int
    state: DeadlineState
    paused: bool


@functools.cache
def _japanese_holidays(year: int) -> frozenset[date]:
    # holidays.Japan covers 1949–2099; outside that range it is empty (weekends and closure only).
    # Imported here: it costs ~0.2 s and only business-day profiles need it.
    import holidays

    return frozenset(holidays.country_holidays("JP", years=year).keys())


def is_business_day(d: date) -> bool:
    """Whether the company works on `d` (営業日): not a weekend, a Japanese public holiday
    (振替休日 and 国民の休日 included) or the year-end closure from 12/29 to 1/3."""
    if d.weekday() >= _SATURDAY or (d.month, d.day) in _YEAR_END_CLOSURE:
        return False
    return d not in _japanese_holidays(d.year)


def _last_day_of_month(year: int, month: int) -> date:
    first_of_next = date(year + month // 12, month % 12 + 1, 1)
    return first_of_next - _ONE_DAY


def _add_months(start: date, months: int) -> tuple[date, bool]:
    """The same day `months` later, clipped to the month end; and whether that day exists."""
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    last = _last_day_of_month(year, month + 1)
    if start.day > last.day:
        return last, False
    return date(year, month + 1, start.day), True


def _add_business_days(start: date, amount: int) -> date:
    current = start
    while amount > 0:
        current += _ONE_DAY
        if is_business_day(current):
            amount -= 1
    return current


def add_period(start: date, amount: int, unit: PeriodUnit, *, count_first_day: bool) -> date:
    """The last day of a period of `amount` units beginning with the event on `start`.

    Not counting the first day (初日不算入): 14 calendar days from 4/28 end on 5/12; 10 business
    days end on the 10th business day after `start`; one month from 1/31 ends on 2/28 (the same day
    number, clipped to the month end, as in EU Regulation 1182/71 Art. 3). Counting it: `start` is
    day 1 (a business day only if it is one), and a month ends the day before the corresponding
    day, or on the month end when there is none (民法143条).
    """
    if amount < 0:
        msg = f"a period cannot be negative: {amount}"
        raise ValueError(msg)
    if amount == 0:
        return start
    if unit is PeriodUnit.CALENDAR_DAYS:
        return start + timedelta(days=amount - 1 if count_first_day else amount)
    if unit is PeriodUnit.BUSINESS_DAYS:
        if count_first_day and is_business_day(start):
            return _add_business_days(start, amount - 1)
        return _add_business_days(start, amount)
    same_day, exists = _add_months(start, amount)
    if count_first_day and exists:
        return same_day - _ONE_DAY
    return same_day


def base_due_date(received_on: date, profile: JurisdictionProfile) -> date:
    """The due date without pauses or extension."""
    return add_period(
        received_on, profile.period, profile.unit, count_first_day=profile.count_first_day
    )


def _pause_spans(
    received_on: date, pauses: Sequence[Pause], today: date
) -> list[tuple[date, date]]:
    """Pauses as merged (started, ended] spans, an open one ending today."""
    spans: list[tuple[date, date]] = []
    for pause in sorted(pauses, key=lambda p: p.started_on):
        if pause.started_on < received_on:
            raise InvalidInput(
                "補正依頼日が受付日より前になっています。",
                "Documents cannot be requested before the request was received.",
            )
        end = pause.ended_on if pause.ended_on is not None else max(today, pause.started_on)
        if spans and pause.started_on <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], end))
        else:
            spans.append((pause.started_on, end))
    return spans


def _business_days_in(start: date, end: date) -> int:
    """Business days in (start, end]."""
    return sum(is_business_day(start + timedelta(days=i)) for i in range(1, (end - start).days + 1))


def due_date(
    received_on: date, profile: JurisdictionProfile, pauses: Sequence[Pause], today: date
) -> date:
    """The due date with the pauses added: each day awaiting documents moves it by one day
    (business day for business-day profiles). An open pause counts up to `today`. Pauses are
    ignored when the profile does not stop the clock (CCPA)."""
    base = base_due_date(received_on, profile)
    if not profile.pause_while_awaiting:
        return base
    spans = _pause_spans(received_on, pauses, today)
    if profile.unit is PeriodUnit.BUSINESS_DAYS:
        paused = sum(_business_days_in(start, end) for start, end in spans)
        return _add_business_days(base, paused)
    return base + timedelta(days=sum((end - start).days for start, end in spans))


def extend(
    current_due: date,
    profile: JurisdictionProfile,
    reason: str,
    new_due_on: date | None = None,
) -> Extension:
    """Extend the time limit from `current_due` (期間延長).

    The new date defaults to the latest the profile allows (`current_due` + the extension period).
    Raises InvalidInput when the profile allows no extension, the reason is blank, or the new date
    is not after `current_due` or beyond that maximum.
    """
    if profile.extension_period <= 0:
        raise InvalidInput(
            f"{profile.label_ja}では期限を延長できません。",
            f"{profile.label_en} does not allow an extension.",
        )
    if not reason.strip():
        raise InvalidInput(
            "延長の理由を入力してください（請求者に通知します）。",
            "Enter the reason for the extension (it is told to the requester).",
        )
    latest = add_period(
        current_due, profile.extension_period, profile.extension_unit, count_first_day=False
    )
    target = latest if new_due_on is None else new_due_on
    if target <= current_due:
        raise InvalidInput(
            f"延長後の期限は現在の期限（{current_due.isoformat()}）より後にしてください。",
            f"The new due date must be after the current one ({current_due.isoformat()}).",
        )
    if target > latest:
        raise InvalidInput(
            f"{profile.label_ja}で延長できるのは{latest.isoformat()}までです。",
            f"{profile.label_en} allows an extension to {latest.isoformat()} at most.",
        )
    return Extension(new_due_on=target, reason=reason.strip())


def deadline(
    received_on: date,
    profile: JurisdictionProfile,
    pauses: Sequence[Pause],
    extension: Extension | None,
    today: date,
) -> Deadline:
    """Where a case stands on `today`.

    With an extension the due date is the extension's date, which the requester was told; pauses
    do not move it further. The state is PAUSED while documents are awaited (if the profile stops
    the clock), else OVERDUE after the due date, DUE_SOON from 3 days before it, else ON_TIME.
    """
    if extension is not None:
        due = extension.new_due_on
    else:
        due = due_date(received_on, profile, pauses, today)
    paused = profile.pause_while_awaiting and any(
        pause.ended_on is None and pause.started_on <= today for pause in pauses
    )
    days_left = (due - today).days
    if paused:
        state = DeadlineState.PAUSED
    elif days_left < 0:
        state = DeadlineState.OVERDUE
    elif days_left <= DUE_SOON_DAYS:
        state = DeadlineState.DUE_SOON
    else:
        state = DeadlineState.ON_TIME
    return Deadline(due_on=due, days_left=days_left, state=state, paused=paused)
