"""Finding cases: the paged, filtered case list, repeat requesters and the workload.

The list pages by key: each page starts after the last row of the one before (`CaseRow.after`),
so a page costs the same at the end of 100 000 cases as at the top, and rows inserted meanwhile
neither repeat nor push others out of view.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta

from desktop.domain import deadlines
from desktop.domain.requests import RequestKind
from desktop.domain.status import CaseStatus
from desktop.matching.addresses import Verdict, compare_addresses
from desktop.matching.keys import address_key, digits_only, kana_key, name_key
from desktop.services.context import JST, ServiceContext
from desktop.services.due_dates import deadline_from
from desktop.store import case_list as list_store
from desktop.store import cases as case_store
from desktop.store.db import read_only


@dataclass(frozen=True)
class CaseQuery:
    """Filters of the case list, as the clerk sets them."""

    statuses: frozenset[CaseStatus] = frozenset()
    kind: RequestKind | None = None
    overdue_only: bool = False
    due_soon_only: bool = False
    awaiting_over_days: int | None = None  # awaiting documents for more than this many days
    received_from: date | None = None
    received_to: date | None = None
    closed_from: date | None = None  # closed on or after this day (office time)
    closed_to: date | None = None  # closed on or before this day (office time)
    text: str = ""
    sort: str = "received_on"  # a key of `SORTS`
    descending: bool = True


# What the list can sort by: every column.
SORTS = tuple(list_store.SORTS)

# A registered-mail number has 11 (domestic) to 13 characters: typed whole, it names one item.
_WHOLE_MAIL_NUMBER = 11


@dataclass(frozen=True)
class CaseRow:
    """One line of the case list."""

    case_id: int
    reference: str
    status: CaseStatus
    received_on: date
    sender_name: str
    sender_address: str
    kinds: tuple[RequestKind, ...]
    tracking_number: str
    deadline: deadlines.Deadline
    after: tuple[object, int] = (None, 0)  # where the next page starts (the sort key, the id)


_OPEN_STATUSES = frozenset(s.value for s in CaseStatus if s.is_open)


def case_filter(ctx: ServiceContext, query: CaseQuery) -> list_store.CaseFilter:
    """What the store filters by for `query`, as of today."""
    today = ctx.clock.today()
    terms, mail_digits, mail_number = search_terms(query.text)
    return list_store.CaseFilter(
        statuses=frozenset(s.value for s in query.statuses),
        kind=query.kind.value if query.kind else None,
        overdue_on=today if query.overdue_only else None,
        due_from=today if query.due_soon_only else None,
        due_by=today + timedelta(days=ctx.settings.due_soon_days) if query.due_soon_only else None,
        open_statuses=_OPEN_STATUSES - {CaseStatus.AWAITING_DOCUMENTS.value},
        text_terms=terms,
        mail_digits=mail_digits,
        mail_number=mail_number,
        received_from=query.received_from,
        received_to=query.received_to,
        closed_from=_start_of_day(query.closed_from),
        closed_before=_start_of_day(
            query.closed_to + timedelta(days=1) if query.closed_to else None
        ),
        awaiting_since_before=(
            today - timedelta(days=query.awaiting_over_days)
            if query.awaiting_over_days is not None
            else None
        ),
    )


def search_terms(typed: str) -> tuple[tuple[str, ...], str, str]:
    """The substrings the search looks for everywhere, digits it looks for in mail numbers, and a
    whole mail number to find exactly.

    "123-45-67890" is a mail number and "山田 3-1" is not. A number is searched as digits only:
    an address key of it would drop a leading "postal code" and match unrelated addresses.
    """
    text = typed.strip()
    if not text:
        return (), "", ""
    digits = digits_only(text)
    if len(digits) >= 4 and len(digits) * 2 >= len(text):
        if len(digits) >= _WHOLE_MAIL_NUMBER and set(unicodedata.normalize("NFKC", text)) <= set(
            "0123456789- "
        ):
            return (), "", digits
        return (text.lower(),), digits, ""
    keys = (text.lower(), name_key(text).lower(), address_key(text).lower())
    return tuple(k for k in dict.fromkeys(keys) if k), "", ""


def _start_of_day(day: date | None) -> datetime | None:
    """The instant an office day begins (the case list filters days, the database stores UTC)."""
    return datetime.combine(day, time(), tzinfo=JST) if day is not None else None


def _row(listed: list_store.ListedCase, today: date) -> CaseRow:
    return CaseRow(
        case_id=listed.case_id,
        reference=listed.reference,
        status=CaseStatus(listed.status),
        received_on=listed.received_on,
        sender_name=listed.sender_name,
        sender_address=listed.sender_address,
        kinds=tuple(RequestKind(k) for k in listed.request_kinds),
        tracking_number=listed.tracking_number,
        deadline=deadline_from(
            received_on=listed.received_on,
            profile=listed.profile,
            pauses=listed.pauses,
            extended_due_on=listed.extended_due_on,
            extension_reason=listed.extension_reason,
            today=today,
        ),
        after=listed.after,
    )


def count_cases(ctx: ServiceContext, query: CaseQuery) -> int:
    with read_only(ctx.sessions) as session:
        return list_store.count_cases(session, case_filter(ctx, query))


def list_cases(
    ctx: ServiceContext, query: CaseQuery, limit: int, after: CaseRow | None = None
) -> list[CaseRow]:
    """The next `limit` rows of the list after `after` (None: from the top), sorted and
    filtered by the database."""
    today = ctx.clock.today()
    with read_only(ctx.sessions) as session:
        listed = list_store.list_page(
            session,
            case_filter(ctx, query),
            sort=query.sort,
            descending=query.descending,
            after=after.after if after is not None else None,
            limit=limit,
        )
    return [_row(row, today) for row in listed]


def list_from(ctx: ServiceContext, query: CaseQuery, first: CaseRow, limit: int) -> list[CaseRow]:
    """`limit` rows from `first` on (itself included if it still matches): a refresh of what the
    clerk sees, without reloading what was scrolled past."""
    key, case_id = first.after
    before = replace(first, after=(key, case_id + 1 if query.descending else case_id - 1))
    return list_cases(ctx, query, limit, before)


@dataclass(frozen=True)
class RepeatCandidate:
    """An earlier case that may be from the same person (同一請求者の過去案件)."""

    case_id: int
    reference: str
    received_on: date
    sender_name: str
    sender_address: str
    status: CaseStatus
    matched_on: tuple[str, ...] = field(default_factory=tuple)


def repeat_requesters(
    ctx: ServiceContext,
    *,
    sender_name: str,
    received_on: date,
    sender_birth_date: date | None = None,
    sender_address: str = "",
    sender_kana: str = "",
    exclude_case_id: int | None = None,
) -> list[RepeatCandidate]:
    """Cases of the last year from the same name that also share the birth date or address."""
    key = name_key(sender_name)
    if not key:
        return []
    since = received_on - timedelta(days=ctx.settings.repeat_requester_window_days)
    wanted_address = sender_address.strip()
    wanted_kana = kana_key(sender_kana)
    found: list[RepeatCandidate] = []
    with read_only(ctx.sessions) as session:
        for case in case_store.recent_cases_of_person(
            session, name_key=key, since=since, exclude_id=exclude_case_id
        ):
            matched = ["name"]
            if sender_birth_date and case.sender_birth_date == sender_birth_date:
                matched.append("birth_date")
            if wanted_address and _same_place(case.sender_address, wanted_address):
                matched.append("address")
            if wanted_kana and kana_key(case.sender_kana) == wanted_kana:
                matched.append("kana")
            if "birth_date" in matched or "address" in matched:
                found.append(
                    RepeatCandidate(
                        case.id,
                        case.reference,
                        case.received_on,
                        case.sender_name,
                        case.sender_address,
                        CaseStatus(case.status),
                        tuple(matched),
                    )
                )
    return found


def _same_place(stored: str, wanted: str) -> bool:
    """Same address as far as both sides say (a room or prefecture left out is fine)."""
    return compare_addresses(stored, wanted).verdict is not Verdict.MISMATCH


@dataclass(frozen=True)
class Workload:
    """What a supervisor sees at a glance: counts by status, overdue and due soon."""

    by_status: dict[CaseStatus, int]
    overdue: int
    due_soon: int

    @property
    def pending(self) -> int:
        return sum(n for s, n in self.by_status.items() if s.is_open)


def workload(ctx: ServiceContext) -> Workload:
    with read_only(ctx.sessions) as session:
        counts = {CaseStatus(s): n for s, n in case_store.status_counts(session).items()}
        overdue = list_store.count_cases(session, case_filter(ctx, CaseQuery(overdue_only=True)))
        due_soon = list_store.count_cases(session, case_filter(ctx, CaseQuery(due_soon_only=True)))
    return Workload(counts, overdue, due_soon)
