"""Finding cases: the paged, filtered case list, repeat requesters and the workload."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from desktop.domain import deadlines
from desktop.domain.requests import RequestKind
from desktop.domain.status import CaseStatus
from desktop.matching.addresses import Verdict, compare_addresses
from desktop.matching.keys import address_key, digits_only, kana_key, name_key
from desktop.services.cases import incoming_mail
from desktop.services.context import JST, ServiceContext
from desktop.services.due_dates import deadline_of
from desktop.store import cases as case_store
from desktop.store.db import read_only
from desktop.store.models import Case


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
    sort: str = "received_on"
    descending: bool = True


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


_OPEN_STATUSES = frozenset(s.value for s in CaseStatus if s.is_open)


def case_filter(ctx: ServiceContext, query: CaseQuery) -> case_store.CaseFilter:
    """What the store filters by for `query`, as of today."""
    today = ctx.clock.today()
    text = query.text.strip()
    digits = digits_only(text)
    # "123-45-67890" is a mail number; "山田 3-1" is not.
    mail_digits = digits if len(digits) >= 4 and len(digits) * 2 >= len(text) else ""
    keys = tuple(k for k in {name_key(text), address_key(text)} if k) if text else ()
    return case_store.CaseFilter(
        statuses=frozenset(s.value for s in query.statuses),
        kind=query.kind.value if query.kind else None,
        overdue_on=today if query.overdue_only else None,
        due_from=today if query.due_soon_only else None,
        due_by=today + timedelta(days=ctx.settings.due_soon_days) if query.due_soon_only else None,
        open_statuses=_OPEN_STATUSES - {CaseStatus.AWAITING_DOCUMENTS.value},
        text=text,
        text_keys=keys,
        mail_digits=mail_digits,
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


def _start_of_day(day: date | None) -> datetime | None:
    """The instant an office day begins (the case list filters days, the database stores UTC)."""
    return datetime.combine(day, time(), tzinfo=JST) if day is not None else None


def _row(case: Case, today: date) -> CaseRow:
    mail = incoming_mail(case)
    return CaseRow(
        case_id=case.id,
        reference=case.reference,
        status=CaseStatus(case.status),
        received_on=case.received_on,
        sender_name=case.sender_name,
        sender_address=case.sender_address,
        kinds=tuple(RequestKind(r.kind) for r in case.requests),
        tracking_number=mail.tracking_number if mail else "",
        deadline=deadline_of(case, today),
    )


def count_cases(ctx: ServiceContext, query: CaseQuery) -> int:
    with read_only(ctx.sessions) as session:
        return case_store.count_cases(session, case_filter(ctx, query))


def list_cases(ctx: ServiceContext, query: CaseQuery, offset: int, limit: int) -> list[CaseRow]:
    """One page of the case list, already sorted and filtered by the database."""
    today = ctx.clock.today()
    with read_only(ctx.sessions) as session:
        cases = case_store.list_cases(
            session,
            case_filter(ctx, query),
            offset=offset,
            limit=limit,
            sort=query.sort,
            descending=query.descending,
        )
        return [_row(c, today) for c in cases]


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
        overdue = case_store.count_cases(session, case_filter(ctx, CaseQuery(overdue_only=True)))
        due_soon = case_store.count_cases(session, case_filter(ctx, CaseQuery(due_soon_only=True)))
    return Workload(counts, overdue, due_soon)
