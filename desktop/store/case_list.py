"""The case list's queries: filters, the trigram search, sorting by any column, paging by key.

Every sortable column has an index ending in the case id (migration 0012), so a page is the next
`limit` entries of one index after the last row shown, whatever the table's size: no OFFSET.
Rows come back as plain tuples, never as ORM objects: the list reads many and keeps none.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    ColumnClause,
    ColumnElement,
    Integer,
    String,
    cast,
    column,
    exists,
    func,
    literal,
    literal_column,
    or_,
    select,
    text,
    tuple_,
)
from sqlalchemy.orm import InstrumentedAttribute, Session

from desktop.store.models import Case, DeadlinePause, MailItem

# What each list column sorts by.
SORTS: dict[str, InstrumentedAttribute[Any]] = {
    "reference": Case.reference,
    "received_on": Case.received_on,
    "sender_name": Case.sender_name,
    "status": Case.status_rank,
    "due_on": Case.due_on,
    "requests": Case.request_sort,
    "tracking": Case.tracking_sort,
}

# The searched text of a case, spelled as the PostgreSQL trigram index of migration 0009 spells it
# (the planner uses the index only for the same expression).
_PG_BODY: ColumnClause[str] = literal_column(
    "lower(cases.reference || ' ' || cases.sender_name || ' ' || cases.sender_kana || ' ' ||"
    " cases.sender_address || ' ' || cases.name_key || ' ' || cases.address_key)"
)
# A row's deadline pauses as "start/end;start/" (few cases have any: one small look-up per row).
_PAUSES = (
    select(
        func.aggregate_strings(
            cast(DeadlinePause.started_on, String)
            + "/"
            + func.coalesce(cast(DeadlinePause.ended_on, String), ""),
            ";",
        )
    )
    .where(DeadlinePause.case_id == Case.id)
    .scalar_subquery()
)
_TRIGRAM = 3
_TEXT_COLUMNS = (
    Case.reference,
    Case.sender_name,
    Case.sender_kana,
    Case.sender_address,
    Case.name_key,
    Case.address_key,
)  # a trigram index finds substrings of at least this many characters


@dataclass(frozen=True)
class CaseFilter:
    """What the case list shows; empty fields do not filter."""

    statuses: frozenset[str] = frozenset()
    kind: str | None = None
    overdue_on: date | None = None  # only open cases whose due date is before this day
    due_from: date | None = None  # only open cases due on or after this day
    due_by: date | None = None  # only open cases due on or before this day
    open_statuses: frozenset[str] = frozenset()
    # Substrings (lower case) of reference, name, kana, address, their keys or mail numbers:
    # a case matches if it contains any of them (or `mail_digits`, or has `mail_number`).
    text_terms: tuple[str, ...] = ()
    mail_digits: str = ""  # part of a registered-mail number: cases with a number containing it
    mail_number: str = ""  # a whole registered-mail number: the case that has exactly this one
    received_from: date | None = None  # received on or after this day
    received_to: date | None = None  # received on or before this day
    closed_from: datetime | None = None  # closed at or after this instant
    closed_before: datetime | None = None  # closed before this instant
    awaiting_since_before: date | None = None  # awaiting documents since before this day


@dataclass(frozen=True)
class ListedCase:
    """One case as the list shows it, with the key the next page starts after."""

    case_id: int
    reference: str
    status: str
    received_on: date
    sender_name: str
    sender_address: str
    request_kinds: tuple[str, ...]
    tracking_number: str
    profile: str
    extended_due_on: date | None
    extension_reason: str
    pauses: tuple[tuple[date, date | None], ...]
    after: tuple[Any, int]  # (the sort column's value, the case id)


def _conditions(session: Session, flt: CaseFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if flt.statuses:
        conditions.append(Case.status.in_(flt.statuses))
    if flt.kind:
        # The kinds copied onto the row (`request_sort`): the page walks its sort index and
        # stops at a page's worth, with no look-up in another table per case.
        listed = literal(",") + Case.request_sort + literal(",")
        conditions.append(listed.like(_like(f",{flt.kind},"), escape="\\"))
    if flt.overdue_on is not None:
        conditions += [Case.due_on < flt.overdue_on, Case.status.in_(flt.open_statuses)]
    if flt.due_from is not None:
        conditions += [Case.due_on >= flt.due_from, Case.status.in_(flt.open_statuses)]
    if flt.due_by is not None:
        conditions += [Case.due_on <= flt.due_by, Case.status.in_(flt.open_statuses)]
    conditions += _period_conditions(flt)
    if flt.text_terms or flt.mail_digits or flt.mail_number:
        conditions.append(or_(*_text_matches(session, flt)))
    return conditions


def _text_matches(session: Session, flt: CaseFilter) -> list[ColumnElement[bool]]:
    matches: list[ColumnElement[bool]] = []
    if flt.mail_number:
        matches.append(
            Case.id.in_(
                select(MailItem.case_id).where(
                    MailItem.direction.in_(("in", "out")),
                    MailItem.tracking_number == flt.mail_number,
                )
            )
        )
    if session.get_bind().dialect.name == "postgresql":
        matches += [_PG_BODY.like(_like(term), escape="\\") for term in flt.text_terms]
        mail = [*flt.text_terms, flt.mail_digits] if flt.mail_digits else flt.text_terms
        return matches + [Case.mail_numbers.like(_like(t), escape="\\") for t in mail]
    phrases = [_phrase(t) for t in flt.text_terms if len(t) >= _TRIGRAM]
    if flt.mail_digits:
        phrases.append("mail : " + _phrase(flt.mail_digits))
    if phrases:
        found = text("SELECT rowid FROM case_search WHERE case_search MATCH :phrases")
        matches.append(
            Case.id.in_(
                found.bindparams(phrases=" OR ".join(phrases)).columns(column("rowid", Integer))
            )
        )
    for term in (t for t in flt.text_terms if len(t) < _TRIGRAM):
        # Under three characters the trigram index cannot help: the columns are scanned (instr
        # is case-sensitive, so a reference typed in lower case is looked for in upper case too).
        for variant in dict.fromkeys((term, term.upper())):
            matches += [func.instr(c, variant) > 0 for c in _TEXT_COLUMNS]
    return matches


def _phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _like(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _period_conditions(flt: CaseFilter) -> list[ColumnElement[bool]]:
    """When the case came in, was closed, or began waiting for documents (dashboard figures)."""
    conditions: list[ColumnElement[bool]] = []
    if flt.received_from is not None:
        conditions.append(Case.received_on >= flt.received_from)
    if flt.received_to is not None:
        conditions.append(Case.received_on <= flt.received_to)
    if flt.closed_from is not None:
        conditions.append(Case.closed_at >= flt.closed_from)
    if flt.closed_before is not None:
        conditions.append(Case.closed_at < flt.closed_before)
    if flt.awaiting_since_before is not None:
        conditions.append(
            exists().where(
                DeadlinePause.case_id == Case.id,
                DeadlinePause.ended_on.is_(None),
                DeadlinePause.started_on < flt.awaiting_since_before,
            )
        )
    return conditions


def list_page(
    session: Session,
    flt: CaseFilter,
    *,
    sort: str = "received_on",
    descending: bool = True,
    after: tuple[Any, int] | None = None,
    limit: int,
) -> list[ListedCase]:
    """The next `limit` cases in list order after the row whose key is `after` (None: the top)."""
    key = SORTS.get(sort, Case.received_on)
    conditions = _conditions(session, flt)
    if after is not None:
        position = tuple_(key, Case.id)
        conditions.append(position < tuple_(*after) if descending else position > tuple_(*after))
    order = (key.desc(), Case.id.desc()) if descending else (key.asc(), Case.id.asc())
    rows = session.execute(
        select(
            Case.id,
            Case.reference,
            Case.status,
            Case.received_on,
            Case.sender_name,
            Case.sender_address,
            Case.request_sort,
            Case.tracking_sort,
            Case.profile,
            Case.extended_due_on,
            Case.extension_reason,
            key,
            _PAUSES,
        )
        .where(*conditions)
        .order_by(*order)
        .limit(limit)
    ).all()
    return [
        ListedCase(
            case_id=row[0],
            reference=row[1],
            status=row[2],
            received_on=row[3],
            sender_name=row[4],
            sender_address=row[5],
            request_kinds=tuple(k for k in row[6].split(",") if k),
            tracking_number=row[7],
            profile=row[8],
            extended_due_on=row[9],
            extension_reason=row[10],
            pauses=_pauses(row[12]),
            after=(row[11], row[0]),
        )
        for row in rows
    ]


def _pauses(joined: str | None) -> tuple[tuple[date, date | None], ...]:
    if not joined:
        return ()
    spans = (span.split("/") for span in joined.split(";"))
    return tuple(
        (date.fromisoformat(start), date.fromisoformat(end) if end else None)
        for start, end in spans
    )


def count_cases(session: Session, flt: CaseFilter) -> int:
    return session.execute(
        select(func.count()).select_from(Case).where(*_conditions(session, flt))
    ).scalar_one()
