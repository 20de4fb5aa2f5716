"""Retention of submitted documents (保存期間) and their destruction (廃棄).

Closing a case starts the clock: `retention_months` after it closed (or was withdrawn), the pages
the requester sent — images, OCR text, read fields — are destroyed. Decisions, letters and the
audit trail stay. A legal hold (訴訟ホールド等) keeps a case's documents until it is lifted.

Each case is destroyed in its own transaction, so a purge stopped half-way leaves every case either
fully destroyed or untouched. Afterwards the database file is compacted so the freed pages do not
linger: SQLite with `secure_delete` (freed pages are zeroed) and `VACUUM`, PostgreSQL with `VACUUM`.
"""

from __future__ import annotations

import calendar
import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from desktop.domain.errors import CaseConflict, InvalidInput, KnownError
from desktop.domain.roles import Role
from desktop.domain.status import CaseStatus
from desktop.services.cases import CaseNotFound
from desktop.services.changes import Changes
from desktop.services.context import JST, CurrentUser, ServiceContext
from desktop.store import audit
from desktop.store import cases as case_store
from desktop.store import documents as document_store
from desktop.store import retention as retention_store
from desktop.store.db import Session, read_only, unit_of_work
from desktop.store.models import Case

log = logging.getLogger("kaiji.services.retention")

_ENDED = (CaseStatus.CLOSED.value, CaseStatus.WITHDRAWN.value)
_RETENTION_ROLES = frozenset({Role.SUPERVISOR, Role.ADMIN})


class RetentionNotAllowed(KnownError):
    def __init__(self) -> None:
        super().__init__(
            "書類の廃棄と訴訟ホールドの設定は責任者または管理者が行います。",
            "Only a supervisor or an administrator may destroy documents or set a legal hold.",
        )


class RetentionPeriodInvalid(KnownError):
    def __init__(self, months: int) -> None:
        super().__init__(
            f"書類の保存期間の設定（retention_months = {months}）が正しくありません。"
            "1か月以上を設定してください。",
            f"The retention period setting (retention_months = {months}) is not valid; "
            "set at least one month.",
        )


@dataclass(frozen=True)
class PurgeCandidate:
    """A case whose submitted documents have outlived their retention period."""

    case_id: int
    reference: str
    closed_at: datetime
    pages: int
    bytes: int


@dataclass(frozen=True)
class PurgedCase:
    case_id: int
    reference: str
    pages: int
    destroyed_at: datetime


@dataclass(frozen=True)
class PurgeReport:
    dry_run: bool
    candidates: tuple[PurgeCandidate, ...]
    purged: tuple[PurgedCase, ...]
    skipped: tuple[str, ...]  # references put on hold or purged elsewhere since they were listed
    compacted: bool = False  # the database file was rewritten afterwards (VACUUM)

    @property
    def pages(self) -> int:
        return sum(c.pages for c in self.candidates)

    @property
    def bytes(self) -> int:
        return sum(c.bytes for c in self.candidates)

    def to_json(self) -> dict[str, object]:
        return {
            "dry_run": self.dry_run,
            "cases": [
                {
                    "case_id": c.case_id,
                    "reference": c.reference,
                    "closed_at": c.closed_at.isoformat(),
                    "pages": c.pages,
                    "bytes": c.bytes,
                    "purged": any(p.case_id == c.case_id for p in self.purged),
                }
                for c in self.candidates
            ],
            "pages": self.pages,
            "bytes": self.bytes,
            "purged": len(self.purged),
            "skipped": list(self.skipped),
            "compacted": self.compacted,
        }


@dataclass(frozen=True)
class RetentionState:
    """What the case shows about its documents' retention."""

    legal_hold: bool
    documents_destroyed_at: datetime | None
    purge_due_on: date | None  # None while the case is open or its documents are gone
    version: int  # of the case, which placing or lifting a hold is based on


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier), clipped to the month end: 8/31 + 6 → 2/28."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last_day))


def purge_due_on(closed_at: datetime, months: int) -> date:
    """The office day from which a case closed at `closed_at` may be purged."""
    return add_months(closed_at.astimezone(JST).date(), months)


def due_for_purge(ctx: ServiceContext, today: date) -> list[PurgeCandidate]:
    """Ended cases past their retention period, not on hold, with documents still stored."""
    months = ctx.settings.retention_months
    if months < 1:
        # A slip in the settings must not destroy evidence the day a case closes.
        raise RetentionPeriodInvalid(months)
    with read_only(ctx.sessions) as session:
        return _candidates(session, today, months)


def _candidates(session: Session, today: date, months: int) -> list[PurgeCandidate]:
    # Months are uneven; a few days' margin in SQL, the exact rule in Python.
    latest = datetime.combine(add_months(today, -months) + timedelta(days=4), time(), tzinfo=JST)
    return [
        PurgeCandidate(*stored)
        for stored in retention_store.cases_with_stored_pages(session, _ENDED, latest)
        if purge_due_on(stored.closed_at, months) <= today
    ]


def _check_role(actor: CurrentUser | None) -> None:
    """None is the system (the `kaiji purge` command run by the administrator)."""
    if actor is not None and actor.role not in _RETENTION_ROLES:
        raise RetentionNotAllowed


def purge(
    ctx: ServiceContext, actor: CurrentUser | None, today: date, *, dry_run: bool
) -> PurgeReport:
    """Destroy the documents of every case due for purge (or only list them, `dry_run`)."""
    _check_role(actor)
    candidates = tuple(due_for_purge(ctx, today))
    if dry_run or not candidates:
        return PurgeReport(dry_run, candidates, (), ())
    purged: list[PurgedCase] = []
    skipped: list[str] = []
    who = actor.actor if actor is not None else audit.SYSTEM
    for candidate in candidates:
        with unit_of_work(ctx.sessions) as session:
            done = _destroy_case_documents(session, ctx, who, candidate.case_id, today)
        if done is None:
            skipped.append(candidate.reference)
        else:
            purged.append(done)
            log.info("documents of case %s destroyed (%d pages)", done.case_id, done.pages)
    compacted = retention_store.compact(ctx.sessions)
    return PurgeReport(False, candidates, tuple(purged), tuple(skipped), compacted)


def _destroy_case_documents(
    session: Session, ctx: ServiceContext, who: audit.Actor, case_id: int, today: date
) -> PurgedCase | None:
    """One case, in the caller's transaction; None when it is no longer due (checked again here)."""
    case = retention_store.case_for_destruction(session, case_id)
    months = ctx.settings.retention_months
    if (
        case is None
        or case.legal_hold
        or case.closed_at is None
        or case.status not in _ENDED
        or purge_due_on(case.closed_at, months) > today
    ):
        return None
    now = ctx.clock.now()
    # Pages added after an earlier purge (a case reopened by returned mail) go the same way.
    pages = document_store.pages(session, case_id, kept_only=True)
    if not pages:
        return None
    for page in pages:
        page.image = None
        page.ocr_text = ""
        page.fields = {}
        page.extras = {}
        page.payload_key = None  # what the audit log sealed with it can no longer be read
        page.destroyed_at = now
    case.documents_destroyed_at = now
    session.flush()
    audit.record(
        session,
        who,
        "documents_destroyed",
        entity="case",
        entity_id=case.id,
        case_id=case.id,
        changes={
            "count": len(pages),
            "documents": [{"id": p.id, "sha256": p.sha256} for p in pages],
            "closed_at": case.closed_at,
            "retention_months": months,
        },
        now=now,
    )
    return PurgedCase(case.id, case.reference, len(pages), now)


def _state(case: Case, months: int) -> RetentionState:
    due = (
        purge_due_on(case.closed_at, months)
        if case.closed_at is not None and case.documents_destroyed_at is None
        else None
    )
    return RetentionState(case.legal_hold, case.documents_destroyed_at, due, case.version)


def retention_state(ctx: ServiceContext, case_id: int) -> RetentionState:
    """Whether the case is on hold, when its documents were destroyed or will be, and the
    case's version: one read, so a hold toggled on this state is based on what it showed."""
    with read_only(ctx.sessions) as session:
        case = case_store.case_by_id(session, case_id)
        if case is None:
            raise CaseNotFound(case_id)
        return _state(case, ctx.settings.retention_months)


def set_legal_hold(
    ctx: ServiceContext,
    actor: CurrentUser,
    case_id: int,
    expected_version: int,
    on: bool,
    reason: str,
) -> tuple[RetentionState, Changes]:
    """Place or lift a legal hold; the reason goes into the audit log."""
    _check_role(actor)
    if not reason.strip():
        raise InvalidInput(
            "訴訟ホールドの設定・解除の理由を入力してください。",
            "Enter the reason for placing or lifting the legal hold.",
        )
    months = ctx.settings.retention_months
    with unit_of_work(ctx.sessions) as session:
        case = case_store.case_by_id(session, case_id)
        if case is None:
            raise CaseNotFound(case_id)
        reference = case.reference
        if case.version != expected_version:
            raise CaseConflict(reference)
        if case.legal_hold == on:
            return _state(case, months), Changes()
        before = case.legal_hold
        case.legal_hold = on
        case.updated_at = ctx.clock.now()
        case_store.flush_versioned(session, case)
        audit.record(
            session,
            actor.actor,
            "legal_hold_changed",
            entity="case",
            entity_id=case_id,
            case_id=case_id,
            changes={"legal_hold": {"before": before, "after": on}, "reason": reason.strip()},
            now=case.updated_at,
        )
        return _state(case, months), Changes(cases=frozenset({case_id}), case_list=True)
