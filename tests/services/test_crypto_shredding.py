"""What the audit log keeps of a page's values goes with the page: corrections and re-readings are
sealed with the page's own key, which `kaiji purge` destroys; the chain still verifies. A purge
says the file was compacted only when it was."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import Engine, select, text

from desktop.domain.documents import FieldName
from desktop.services import audit_log, cases, documents, retention
from desktop.services.context import JST, ServiceContext
from desktop.store import documents as document_store
from desktop.store import payloads
from desktop.store.db import unit_of_work
from desktop.store.models import AuditEvent, Document
from tests.conftest import FrozenClock, Staff, both_databases
from tests.factories import envelope
from tests.services.test_retention import _PATH_TO_CLOSED, _page
from tests.workflow import move

TODAY = date(2026, 11, 20)
CORRECTED = "QUOKKA-CORRECTED-7"
REREAD = "ZEBRA-REREAD-42"


def _engine(ctx: ServiceContext) -> Engine:
    bind = ctx.sessions.kw["bind"]
    assert isinstance(bind, Engine)
    return bind


def _closed_case_with_corrections(
    ctx: ServiceContext, staff: Staff, clock: FrozenClock
) -> tuple[int, int]:
    """A case closed in January whose page was re-read and then corrected by a clerk."""
    now = clock.instant
    clock.instant = datetime(2026, 1, 15, 11, tzinfo=JST)
    case_id = cases.log_envelope(
        ctx, staff.clerk, envelope(1, received_on=date(2026, 1, 15))
    ).case_id
    (page_id,) = documents.add_pages(ctx, staff.clerk, case_id, [_page("p")]).document_ids
    (page,) = documents.list_documents(ctx, staff.clerk, case_id)
    reread = replace(
        _page("p"), fields={"name": {"value": REREAD, "confidence": 0.9, "box": [1, 2, 3, 4]}}
    )
    documents.replace_reading(ctx, staff.clerk, page_id, page.version, reread)
    (page,) = documents.list_documents(ctx, staff.clerk, case_id)
    documents.correct_field(ctx, staff.clerk, page_id, page.version, FieldName.NAME, CORRECTED)
    move(ctx, staff, case_id, *_PATH_TO_CLOSED)
    clock.instant = now
    return case_id, page_id


def _audit_text(ctx: ServiceContext) -> str:
    with unit_of_work(ctx.sessions) as session:
        rows = session.scalars(select(AuditEvent).order_by(AuditEvent.seq))
        return json.dumps([e.changes for e in rows], ensure_ascii=False)


def _logged_values(
    ctx: ServiceContext, page_id: int, action: str
) -> list[dict[str, object] | None]:
    with unit_of_work(ctx.sessions) as session:
        page = session.get(Document, page_id)
        assert page is not None
        events = session.scalars(select(AuditEvent).where(AuditEvent.action == action))
        return [payloads.open_values(page, e.changes) for e in events]


@both_databases
def test_a_purge_destroys_the_values_the_audit_log_kept_and_the_chain_still_verifies(
    ctx: ServiceContext, staff: Staff, clock: FrozenClock
) -> None:
    _, page_id = _closed_case_with_corrections(ctx, staff, clock)
    # Before the purge: the log holds the values sealed, and the office can still read them.
    assert CORRECTED not in _audit_text(ctx)
    assert REREAD not in _audit_text(ctx)
    (correction,) = _logged_values(ctx, page_id, "document_field_corrected")
    assert correction is not None
    assert correction["after"] == CORRECTED
    (rereading,) = _logged_values(ctx, page_id, "document_reread")
    assert rereading is not None
    assert REREAD in json.dumps(rereading)

    retention.purge(ctx, None, TODAY, dry_run=False)

    assert _logged_values(ctx, page_id, "document_field_corrected") == [None]
    assert _logged_values(ctx, page_id, "document_reread") == [None]
    with unit_of_work(ctx.sessions) as session:
        everything = " ".join(
            str(row)
            for table in ("documents", "audit_events")
            for row in session.execute(text(f"SELECT * FROM {table}"))  # noqa: S608
        )
    assert CORRECTED not in everything
    assert REREAD not in everything
    assert audit_log.verify_audit_log(ctx).ok


def test_after_a_purge_the_values_are_not_in_the_database_file(
    ctx: ServiceContext, staff: Staff, clock: FrozenClock
) -> None:
    _closed_case_with_corrections(ctx, staff, clock)
    database = _engine(ctx).url.database
    assert database
    files = [Path(database), Path(f"{database}-wal")]

    def on_disk() -> bytes:
        return b"".join(f.read_bytes() for f in files if f.exists())

    assert CORRECTED.encode() in on_disk()  # the page's fields, until the purge
    report = retention.purge(ctx, None, TODAY, dry_run=False)
    assert report.compacted
    assert CORRECTED.encode() not in on_disk()
    assert REREAD.encode() not in on_disk()
    assert audit_log.verify_audit_log(ctx).ok


def test_a_reader_holding_a_snapshot_means_not_compacted(
    ctx: ServiceContext, staff: Staff, clock: FrozenClock
) -> None:
    _closed_case_with_corrections(ctx, staff, clock)
    database = _engine(ctx).url.database
    assert database
    reader = sqlite3.connect(database, isolation_level=None)
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM documents").fetchone()

        report = retention.purge(ctx, None, TODAY, dry_run=False)

        assert len(report.purged) == 1
        assert report.compacted is False
        assert report.to_json()["compacted"] is False
    finally:
        reader.close()


@both_databases
def test_a_page_stored_in_a_case_after_its_purge_is_destroyed_by_the_next(
    ctx: ServiceContext, staff: Staff, clock: FrozenClock
) -> None:
    case_id, _ = _closed_case_with_corrections(ctx, staff, clock)
    retention.purge(ctx, None, TODAY, dry_run=False)
    with unit_of_work(ctx.sessions) as session:
        # A workstation still on an older version stores one more page into the ended case.
        late = Document(
            case_id=case_id,
            version=1,
            position=9,
            kind="drivers_license",
            image=b"\x01late page",
            sha256="0" * 64,
            width=1,
            height=1,
            ocr_text="LATE-PAGE-TEXT",
            fields={},
            extras={},
            masked=[],
            warnings=[],
            added_by=staff.clerk.user_id,
            added_at=clock.now(),
        )
        document_store.add(session, late)
        late_id = late.id

    assert [c.case_id for c in retention.due_for_purge(ctx, TODAY)] == [case_id]
    retention.purge(ctx, None, TODAY, dry_run=False)

    with unit_of_work(ctx.sessions) as session:
        page = session.get(Document, late_id)
        assert page is not None
        assert (page.image, page.ocr_text) == (None, "")
        assert page.destroyed_at is not None
    assert retention.due_for_purge(ctx, TODAY) == []
    assert audit_log.verify_audit_log(ctx).ok
