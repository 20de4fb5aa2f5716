"""Backup and restore: a copy taken while clerks work restores into an empty database, whose audit
log verifies and whose every page and letter opens with the workstation key; the key is never in
the copy, and a database that holds anything is never restored over."""

from __future__ import annotations

import io
import json
import threading
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from sqlalchemy import Engine

from desktop import cli
from desktop.domain.documents import DocumentKind
from desktop.domain.status import CaseStatus
from desktop.services import audit_log, backup, cases, documents, letters
from desktop.services.context import ServiceContext
from desktop.services.documents import PageToStore
from desktop.store.backup import NotEmpty
from desktop.store.db import create_db_engine
from tests.conftest import Staff, _reset_postgres, both_databases
from tests.factories import envelope
from tests.workflow import move


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
        fields={},
        extras={},
        masked=[],
        warnings=[],
    )


def _engine(ctx: ServiceContext) -> Engine:
    bind = ctx.sessions.kw["bind"]
    assert isinstance(bind, Engine)
    return bind


def _case_with_pages_and_letters(ctx: ServiceContext, staff: Staff) -> int:
    case_id = cases.log_envelope(ctx, staff.clerk, envelope(1)).case_id
    documents.add_pages(ctx, staff.clerk, case_id, [_page("one"), _page("two")])
    move(
        ctx,
        staff,
        case_id,
        CaseStatus.VERIFYING,
        CaseStatus.DECIDED,
        CaseStatus.IN_REVIEW,
        CaseStatus.APPROVED,
        CaseStatus.LETTER_PRINTED,
    )
    return case_id


def _empty_like(ctx: ServiceContext, tmp_path: Path) -> ServiceContext:
    """The same services on an empty database of the same kind (PostgreSQL: the test database,
    emptied)."""
    engine = _engine(ctx)
    if engine.dialect.name == "postgresql":
        url = engine.url.render_as_string(hide_password=False)
        engine.dispose()
        _reset_postgres(url).dispose()
        target = create_db_engine(url)
    else:
        target = create_db_engine(f"sqlite:///{tmp_path / 'restored' / 'kaiji.db'}")
    return ServiceContext.on(target, ctx.settings, ctx.clock)


@both_databases
def test_a_backup_restores_into_an_empty_database_verified_and_every_blob_opens(
    ctx: ServiceContext, staff: Staff, tmp_path: Path
) -> None:
    case_id = _case_with_pages_and_letters(ctx, staff)
    pages_before = [
        documents.view_page(ctx, staff.clerk, d.document_id)
        for d in documents.list_documents(ctx, staff.clerk, case_id)
    ]
    stored = letters.letters_of_case(ctx, case_id)
    assert stored
    pdfs_before = [letters.letter_pdf(ctx, staff.clerk, s.letter_id) for s in stored]
    target = tmp_path / "backups" / "kaiji.backup"
    target.parent.mkdir()

    report = backup.take_backup(ctx, _engine(ctx), target)

    assert report.bytes == target.stat().st_size > 0
    assert ctx.settings.effective_key_file.read_bytes() not in target.read_bytes()
    assert target.stat().st_mode & 0o077 == 0
    restored_ctx = _empty_like(ctx, tmp_path)
    restored = backup.restore_backup(restored_ctx, _engine(restored_ctx), target)
    assert restored.chain.ok, restored.chain.problem
    assert restored.sealed.unreadable == ()
    assert (restored.sealed.pages, restored.sealed.letters) == (2, len(stored))
    assert audit_log.verify_audit_log(restored_ctx).ok
    assert [
        documents.view_page(restored_ctx, staff.clerk, d.document_id)
        for d in documents.list_documents(restored_ctx, staff.clerk, case_id)
    ] == pages_before
    assert [
        letters.letter_pdf(restored_ctx, staff.clerk, s.letter_id) for s in stored
    ] == pdfs_before
    _engine(restored_ctx).dispose()


@both_databases
def test_a_database_that_holds_anything_is_not_restored_over(
    ctx: ServiceContext, staff: Staff, tmp_path: Path
) -> None:
    first = cases.log_envelope(ctx, staff.clerk, envelope(1)).case_id
    target = tmp_path / "backups" / "kaiji.backup"
    target.parent.mkdir()
    backup.take_backup(ctx, _engine(ctx), target)
    second = cases.log_envelope(ctx, staff.clerk, envelope(2)).case_id

    with pytest.raises(NotEmpty):
        backup.restore_backup(ctx, _engine(ctx), target)

    assert [cases.get_case(ctx, c).case_id for c in (first, second)] == [first, second]
    assert audit_log.verify_audit_log(ctx).ok


def test_a_backup_taken_while_clerks_log_envelopes_is_consistent(
    ctx: ServiceContext, staff: Staff, tmp_path: Path
) -> None:
    for serial in range(1, 4):
        cases.log_envelope(ctx, staff.clerk, envelope(serial))
    stop = threading.Event()
    logged: list[int] = []

    def clerk_at_work() -> None:
        serial = 10
        while not stop.is_set():
            logged.append(cases.log_envelope(ctx, staff.clerk2, envelope(serial)).case_id)
            serial += 1

    worker = threading.Thread(target=clerk_at_work)
    worker.start()
    try:
        backups = []
        for n in range(3):
            target = tmp_path / "backups" / f"kaiji-{n}.backup"
            target.parent.mkdir(exist_ok=True)
            backup.take_backup(ctx, _engine(ctx), target)
            backups.append(target)
    finally:
        stop.set()
        worker.join()
    assert logged, "the clerk saved while the backups were taken"
    for n, target in enumerate(backups):
        restored_ctx = ServiceContext.on(
            create_db_engine(f"sqlite:///{tmp_path / f'restored-{n}' / 'kaiji.db'}"),
            ctx.settings,
            ctx.clock,
        )
        report = backup.restore_backup(restored_ctx, _engine(restored_ctx), target)
        assert report.chain.ok, report.chain.problem
        _engine(restored_ctx).dispose()


def test_a_backup_is_not_written_beside_the_key(ctx: ServiceContext, tmp_path: Path) -> None:
    beside_key = ctx.settings.effective_key_file.with_name("kaiji.backup")
    with pytest.raises(backup.BackupRefused):
        backup.take_backup(ctx, _engine(ctx), beside_key)
    assert not beside_key.exists()


def test_a_postgresql_dump_is_not_restored_into_sqlite(ctx: ServiceContext, tmp_path: Path) -> None:
    dump = tmp_path / "other.backup"
    dump.write_bytes(b"PGDMP\x01\x0e\x00" + b"\x00" * 100)
    with pytest.raises(backup.BackupRefused):
        backup.restore_backup(ctx, _engine(ctx), dump)


@pytest.mark.usefixtures("kaiji_home")
def test_kaiji_backup_and_restore_on_the_command_line(
    ctx: ServiceContext, staff: Staff, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _case_with_pages_and_letters(ctx, staff)
    url = _engine(ctx).url.render_as_string(hide_password=False)
    target = tmp_path / "offsite" / "kaiji.backup"
    target.parent.mkdir()

    assert cli.main(["--db", url, "backup", str(target), "--json"]) == 0
    written = json.loads(capsys.readouterr().out)
    assert written["bytes"] == target.stat().st_size

    empty = f"sqlite:///{tmp_path / 'new' / 'kaiji.db'}"
    assert cli.main(["--db", empty, "restore", str(target), "--json"]) == 0
    restored = json.loads(capsys.readouterr().out)
    assert restored["audit_ok"] is True
    assert restored["pages"] == 2
    assert restored["unreadable"] == []

    assert cli.main(["--db", empty, "restore", str(target)]) == 2
    assert "not empty" in capsys.readouterr().err
