"""Retention and purge: documents of ended cases go after the retention period, all or nothing
per case; a legal hold keeps them; the case record, decisions and the audit trail stay."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image, ImageDraw
from sqlalchemy import select

from desktop import cli
from desktop.domain.documents import DocumentKind
from desktop.domain.errors import CaseConflict, InvalidInput
from desktop.domain.status import CaseStatus
from desktop.services import audit_log, cases, documents, retention
from desktop.services.context import JST, ServiceContext
from desktop.services.documents import DocumentDestroyed, PageToStore
from desktop.services.retention import RetentionNotAllowed, RetentionPeriodInvalid
from desktop.store.db import unit_of_work
from desktop.store.models import AuditEvent, Case, Document
from tests.conftest import FrozenClock, Staff, both_databases
from tests.factories import envelope
from tests.workflow import move

TODAY = date(2026, 11, 20)
_PATH_TO_CLOSED = (
    CaseStatus.VERIFYING,
    CaseStatus.DECIDED,
    CaseStatus.IN_REVIEW,
    CaseStatus.APPROVED,
    CaseStatus.LETTER_PRINTED,
    CaseStatus.SENT,
    CaseStatus.CLOSED,
)


def _page(label: str) -> PageToStore:
    image = Image.new("L", (300, 200), 255)
    ImageDraw.Draw(image).text((20, 20), label, fill=0)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return PageToStore(
        source_name="scan.pdf",
        source_page=1,
        dpi=300,
        kind=DocumentKind.DRIVERS_LICENSE,
        kind_confidence=0.9,
        image_data=buffer.getvalue(),
        width=300,
        height=200,
        text=f"運転免許証 {label}",
        fields={"name": {"value": "山田 太郎", "confidence": 0.9, "box": [1, 2, 3, 4]}},
        extras={"seal": "present"},
        masked=[],
        warnings=[],
    )


def _ended_case(
    ctx: ServiceContext,
    staff: Staff,
    clock: FrozenClock,
    serial: int,
    ended_on: date,
    *,
    pages: int = 2,
    withdraw: bool = False,
) -> int:
    """A case with `pages` pages, closed (or withdrawn) on `ended_on`; the clock is put back."""
    now = clock.instant
    clock.instant = datetime(ended_on.year, ended_on.month, ended_on.day, 11, tzinfo=JST)
    case_id = cases.log_envelope(ctx, staff.clerk, envelope(serial, received_on=ended_on)).case_id
    if pages:
        documents.add_pages(
            ctx, staff.clerk, case_id, [_page(f"{serial}-{n}") for n in range(pages)]
        )
    targets = (CaseStatus.WITHDRAWN,) if withdraw else _PATH_TO_CLOSED
    move(ctx, staff, case_id, *targets, comment="取下げ" if withdraw else "")
    clock.instant = now
    return case_id


def _pages(ctx: ServiceContext, case_id: int) -> list[Document]:
    with unit_of_work(ctx.sessions) as session:
        return list(session.scalars(select(Document).where(Document.case_id == case_id)))


def _events(ctx: ServiceContext, action: str) -> list[AuditEvent]:
    with unit_of_work(ctx.sessions) as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_add_months_clips_to_the_month_end() -> None:
    assert retention.add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert retention.add_months(date(2026, 5, 20), 6) == date(2026, 11, 20)
    assert retention.add_months(date(2026, 11, 20), -6) == date(2026, 5, 20)


@given(day=st.dates(date(2000, 1, 1), date(2100, 1, 1)), months=st.integers(-36, 36))
def test_add_months_lands_in_the_right_month_on_the_same_or_last_day(
    day: date, months: int
) -> None:
    later = retention.add_months(day, months)
    assert (later.year * 12 + later.month) - (day.year * 12 + day.month) == months
    month_end = (later + timedelta(days=1)).day == 1
    assert later.day == day.day or (later.day < day.day and month_end)


def test_only_ended_cases_past_retention_without_hold_are_due(
    ctx: ServiceContext, staff: Staff, clock: FrozenClock
) -> None:
    due = _ended_case(ctx, staff, clock, 1, date(2026, 5, 20))  # exactly six months ago
    withdrawn = _ended_case(ctx, staff, clock, 2, date(2026, 4, 1), withdraw=True)
    _ended_case(ctx, staff, clock, 3, date(2026, 5, 21))  # one day short
    held = _ended_case(ctx, staff, clock, 4, date(2026, 1, 5))
    _ended_case(ctx, staff, clock, 5, date(2026, 1, 6), pages=0)  # nothing to destroy
    open_case = cases.log_envelope(ctx, staff.clerk, envelope(6, received_on=date(2026, 3, 2)))
    documents.add_pages(ctx, staff.clerk, open_case.case_id, [_page("open")])
    version = cases.get_case(ctx, held).version
    retention.set_legal_hold(ctx, staff.supervisor, held, version, True, "訴訟対応のため")

    found = retention.due_for_purge(ctx, TODAY)

    assert [c.case_id for c in found] == [withdrawn, due]
    sizes = {c.case_id: c.bytes for c in found}
    stored = _pages(ctx, due)
    assert found[1].pages == 2
    assert sizes[due] == sum(len(d.image or b"") for d in stored)
    assert all(c.reference.startswith("KD2026-") for c in found)


def test_purge_destroys_documents_keeps_the_case_and_audits_hashes(
    ctx: ServiceContext, staff: Staff, clock: FrozenClock
) -> None:
    case_id = _ended_case(ctx, staff, clock, 1, date(2026, 3, 10))
    before = _pages(ctx, case_id)
    events_before = len(_events(ctx, "status_changed"))

    dry = retention.purge(ctx, staff.admin, TODAY, dry_run=True)
    assert [c.case_id for c in dry.candidates] == [case_id]
    assert not dry.purged
    assert all(d.image is not None for d in _pages(ctx, case_id))

    report = retention.purge(ctx, staff.admin, TODAY, dry_run=False)

    assert [p.case_id for p in report.purged] == [case_id]
    after = _pages(ctx, case_id)
    assert len(after) == 2
    for page in after:
        assert page.image is None
        assert page.ocr_text == ""
        assert page.fields == {}
        assert page.extras == {}
        assert page.destroyed_at == clock.instant
    with pytest.raises(DocumentDestroyed):
        documents.view_page(ctx, staff.supervisor, after[0].id)
    (event,) = _events(ctx, "documents_destroyed")
    assert event.case_id == case_id
    assert event.actor_name == "admin"
    assert event.changes["count"] == 2
    assert event.changes["documents"] == [{"id": d.id, "sha256": d.sha256} for d in before]
    detail = cases.get_case(ctx, case_id)
    assert detail.status is CaseStatus.CLOSED
    assert len(_events(ctx, "status_changed")) == events_before
    assert audit_log.verify_audit_log(ctx).ok
    state = retention.retention_state(ctx, case_id)
    assert state.documents_destroyed_at == clock.instant
    assert state.purge_due_on is None
    assert retention.purge(ctx, staff.admin, TODAY, dry_run=False).candidates == ()


def test_a_purge_interrupted_half_way_leaves_each_case_whole(
    ctx: ServiceContext, staff: Staff, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _ended_case(ctx, staff, clock, 1, date(2026, 2, 1))
    second = _ended_case(ctx, staff, clock, 2, date(2026, 2, 2))
    intact = _pages(ctx, second)
    real = retention._destroy_case_documents
    calls: list[int] = []

    def fail_on_second(*args: object, **kwargs: object) -> object:
        calls.append(1)
        result = real(*args, **kwargs)  # type: ignore[arg-type]
        if len(calls) == 2:
            raise OSError("power failure")
        return result

    monkeypatch.setattr(retention, "_destroy_case_documents", fail_on_second)
    with pytest.raises(OSError, match="power failure"):
        retention.purge(ctx, staff.admin, TODAY, dry_run=False)

    assert all(d.image is None for d in _pages(ctx, first))
    assert retention.retention_state(ctx, first).documents_destroyed_at is not None
    left = _pages(ctx, second)
    assert [(d.image, d.ocr_text, d.fields, d.destroyed_at) for d in left] == [
        (d.image, d.ocr_text, d.fields, None) for d in intact
    ]
    assert retention.retention_state(ctx, second).documents_destroyed_at is None
    assert [e.case_id for e in _events(ctx, "documents_destroyed")] == [first]
    assert audit_log.verify_audit_log(ctx).ok
    monkeypatch.undo()
    assert [c.case_id for c in retention.due_for_purge(ctx, TODAY)] == [second]


def test_destroyed_images_do_not_linger_in_the_sqlite_file(
    ctx: ServiceContext, staff: Staff, clock: FrozenClock
) -> None:
    case_id = _ended_case(ctx, staff, clock, 1, date(2026, 1, 15), pages=1)
    (page,) = _pages(ctx, case_id)
    assert page.image is not None
    marker = page.image[100:164]
    with unit_of_work(ctx.sessions) as session:
        database = session.get_bind().url.database
    assert database
    files = [Path(database), Path(f"{database}-wal")]

    def on_disk() -> bytes:
        return b"".join(f.read_bytes() for f in files if f.exists())

    assert marker in on_disk()
    assert retention.purge(ctx, None, TODAY, dry_run=False).compacted
    assert marker not in on_disk()


def test_legal_hold_is_for_supervisors_needs_a_reason_and_is_audited(
    ctx: ServiceContext, staff: Staff, clock: FrozenClock
) -> None:
    case_id = _ended_case(ctx, staff, clock, 1, date(2026, 1, 10))
    version = cases.get_case(ctx, case_id).version
    with pytest.raises(RetentionNotAllowed):
        retention.set_legal_hold(ctx, staff.clerk, case_id, version, True, "理由")
    with pytest.raises(InvalidInput):
        retention.set_legal_hold(ctx, staff.supervisor, case_id, version, True, "  ")
    with pytest.raises(RetentionNotAllowed):
        retention.purge(ctx, staff.clerk, TODAY, dry_run=True)

    state, changes = retention.set_legal_hold(
        ctx, staff.supervisor, case_id, version, True, "訴訟の可能性"
    )
    assert state.legal_hold
    assert case_id in changes.cases
    assert retention.purge(ctx, staff.admin, TODAY, dry_run=False).purged == ()
    assert _pages(ctx, case_id)[0].image is not None
    with pytest.raises(CaseConflict):
        retention.set_legal_hold(ctx, staff.admin, case_id, version, False, "解決")
    (event,) = _events(ctx, "legal_hold_changed")
    assert event.actor_name == "supervisor"
    assert event.changes == {
        "legal_hold": {"before": False, "after": True},
        "reason": "訴訟の可能性",
    }

    fresh = cases.get_case(ctx, case_id).version
    retention.set_legal_hold(ctx, staff.admin, case_id, fresh, False, "解決")
    assert [c.case_id for c in retention.due_for_purge(ctx, TODAY)] == [case_id]


def test_a_retention_period_of_less_than_a_month_is_refused(
    ctx: ServiceContext, staff: Staff, clock: FrozenClock
) -> None:
    case_id = _ended_case(ctx, staff, clock, 1, date(2026, 11, 20), pages=1)
    careless = replace(ctx, settings=replace(ctx.settings, retention_months=0))
    with pytest.raises(RetentionPeriodInvalid):
        retention.purge(careless, staff.admin, TODAY, dry_run=False)
    assert _pages(ctx, case_id)[0].image is not None


def test_a_hold_placed_after_listing_still_stops_the_purge(
    ctx: ServiceContext, staff: Staff, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    case_id = _ended_case(ctx, staff, clock, 1, date(2026, 1, 10), pages=1)
    listed = retention.due_for_purge(ctx, TODAY)
    version = cases.get_case(ctx, case_id).version
    retention.set_legal_hold(ctx, staff.supervisor, case_id, version, True, "差止め")
    monkeypatch.setattr(retention, "due_for_purge", lambda _ctx, _today: listed)

    report = retention.purge(ctx, staff.admin, TODAY, dry_run=False)

    assert report.purged == ()
    assert report.skipped == (listed[0].reference,)
    assert _pages(ctx, case_id)[0].image is not None


@both_databases
def test_purge_on_both_databases(ctx: ServiceContext, staff: Staff, clock: FrozenClock) -> None:
    case_id = _ended_case(ctx, staff, clock, 1, date(2026, 4, 30))
    kept = _ended_case(ctx, staff, clock, 2, date(2026, 10, 1))
    report = retention.purge(ctx, None, TODAY, dry_run=False)
    assert [p.case_id for p in report.purged] == [case_id]
    assert report.compacted
    assert all(d.image is None and d.destroyed_at for d in _pages(ctx, case_id))
    assert all(d.image is not None for d in _pages(ctx, kept))
    (event,) = _events(ctx, "documents_destroyed")
    assert event.actor_name == "system"
    with unit_of_work(ctx.sessions) as session:
        case = session.get(Case, case_id)
        assert case is not None
        assert case.documents_destroyed_at is not None


@pytest.mark.usefixtures("kaiji_home")
def test_kaiji_purge_lists_with_dry_run_then_destroys(
    ctx: ServiceContext,
    staff: Staff,
    clock: FrozenClock,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Ended long before any day the test may run on: due whatever today is.
    case_id = _ended_case(ctx, staff, clock, 1, date(2025, 1, 6), pages=1)
    with unit_of_work(ctx.sessions) as session:
        url = session.get_bind().url.render_as_string(hide_password=False)

    assert cli.main(["--db", url, "purge", "--dry-run", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed["dry_run"] is True
    assert [c["case_id"] for c in listed["cases"]] == [case_id]
    assert _pages(ctx, case_id)[0].image is not None

    assert cli.main(["--db", url, "purge"]) == 0
    out = capsys.readouterr().out
    assert "KD2025-" in out
    assert _pages(ctx, case_id)[0].image is None
    assert _events(ctx, "documents_destroyed")[0].occurred_at <= datetime.now(UTC)
