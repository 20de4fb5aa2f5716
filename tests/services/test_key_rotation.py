"""`kaiji key rotate`: afterwards every page and letter opens with the new key, the audit log
verifies with it (anchors taken before included), the old key is refused; a rotation stopped at
any point is finished by running it again."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import Engine

from desktop import cli
from desktop.services import audit_log, backup, documents, key_rotation, letters, setup
from desktop.services.context import ServiceContext
from desktop.store import audit
from desktop.store.db import unit_of_work
from desktop.store.keys import WorkstationKey
from tests.conftest import Staff, both_databases
from tests.services.test_backup import _case_with_pages_and_letters
from tests.store.test_audit_chain import _bypass_protection


def _engine(ctx: ServiceContext) -> Engine:
    bind = ctx.sessions.kw["bind"]
    assert isinstance(bind, Engine)
    return bind


def _own_key(ctx: ServiceContext, tmp_path: Path) -> ServiceContext:
    """The services with a copy of the test key, which this test may rotate."""
    folder = tmp_path / "keys"
    folder.mkdir()
    key_file = folder / "kaiji.key"
    shutil.copy(ctx.settings.effective_key_file, key_file)
    return ServiceContext.on(_engine(ctx), replace(ctx.settings, key_file=str(key_file)), ctx.clock)


def _everything_opens(ctx: ServiceContext, staff: Staff, case_id: int) -> None:
    sealed = backup.check_sealed(ctx)
    assert sealed.unreadable == ()
    assert sealed.pages == 2
    for page in documents.list_documents(ctx, staff.clerk, case_id):
        assert documents.view_page(ctx, staff.clerk, page.document_id).startswith(b"\x89PNG")
    for stored in letters.letters_of_case(ctx, case_id):
        assert letters.letter_pdf(ctx, staff.clerk, stored.letter_id).startswith(b"%PDF")


@both_databases
def test_after_rotation_everything_opens_with_the_new_key_and_the_old_one_is_refused(
    ctx: ServiceContext, staff: Staff, tmp_path: Path
) -> None:
    ctx = _own_key(ctx, tmp_path)
    case_id = _case_with_pages_and_letters(ctx, staff)
    key_file = ctx.settings.effective_key_file
    old = WorkstationKey.from_file(key_file)
    anchor = audit_log.verify_audit_log(ctx).head
    assert anchor is not None

    report = key_rotation.rotate_key(ctx)

    new = WorkstationKey.from_file(key_file)
    assert new.secret != old.secret
    assert (report.old_fingerprint, report.new_fingerprint) == (old.fingerprint, new.fingerprint)
    assert report.pages == 2
    assert report.letters == len(letters.letters_of_case(ctx, case_id)) > 0
    assert not key_rotation.pending_key_file(key_file).exists()
    chain = audit_log.verify_audit_log(ctx, anchor)
    assert chain.ok, chain.problem
    _everything_opens(ctx, staff, case_id)
    # The old key: refused at start, refused to save, and it opens none of the blobs.
    on_old_key = ServiceContext.on(
        _engine(ctx), replace(ctx.settings, key_file=str(report.retired_key)), ctx.clock
    )
    with pytest.raises(audit.WrongKey):
        setup.check_workstation_key(on_old_key)
    with pytest.raises(audit.WrongKey), unit_of_work(on_old_key.sessions) as session:
        audit.record(session, audit.SYSTEM, "forged", entity="case")
    assert backup.check_sealed(on_old_key).pages == 0
    # A second rotation re-keys a chain that was rotated before.
    key_rotation.rotate_key(ctx)
    assert audit_log.verify_audit_log(ctx, anchor).ok
    _everything_opens(ctx, staff, case_id)


def test_a_rotation_stopped_half_way_is_finished_by_running_it_again(
    ctx: ServiceContext, staff: Staff, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = _own_key(ctx, tmp_path)
    first = _case_with_pages_and_letters(ctx, staff)
    original = key_rotation._reseal_case
    calls = 0

    def power_cut(*args: object) -> tuple[int, int]:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise KeyboardInterrupt
        return original(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(key_rotation, "_reseal_case", power_cut)
    with pytest.raises(KeyboardInterrupt):
        key_rotation.rotate_key(ctx)
    monkeypatch.undo()
    # Nothing switched yet: the chain still verifies with the current key.
    assert key_rotation.pending_key_file(ctx.settings.effective_key_file).exists()
    assert audit_log.verify_audit_log(ctx).ok

    key_rotation.rotate_key(ctx)

    assert audit_log.verify_audit_log(ctx).ok
    _everything_opens(ctx, staff, first)


def test_a_rotation_stopped_after_the_database_switched_only_swaps_the_files(
    ctx: ServiceContext, staff: Staff, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = _own_key(ctx, tmp_path)
    case_id = _case_with_pages_and_letters(ctx, staff)

    def crash(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(key_rotation, "_swap_files", crash)
    with pytest.raises(KeyboardInterrupt):
        key_rotation.rotate_key(ctx)
    monkeypatch.undo()
    with pytest.raises(audit.WrongKey):
        setup.check_workstation_key(ctx)

    report = key_rotation.rotate_key(ctx)

    assert (report.pages, report.letters) == (0, 0)
    setup.check_workstation_key(ctx)
    assert audit_log.verify_audit_log(ctx).ok
    _everything_opens(ctx, staff, case_id)


def test_a_rotation_record_changed_in_the_database_is_found(
    ctx: ServiceContext, staff: Staff, tmp_path: Path
) -> None:
    ctx = _own_key(ctx, tmp_path)
    _case_with_pages_and_letters(ctx, staff)
    key_rotation.rotate_key(ctx)
    # Someone with the database removes the sealed previous key from the rotation record.
    _bypass_protection(
        _engine(ctx),
        f"UPDATE audit_events SET changes = '{{}}' WHERE action = '{audit.KEY_ROTATED}'",
    )
    report = audit_log.verify_audit_log(ctx)
    assert not report.ok
    assert "rotation" in report.problem


@pytest.mark.usefixtures("kaiji_home")
def test_kaiji_key_rotate_on_the_command_line(
    kaiji_home: Path, ctx: ServiceContext, staff: Staff, capsys: pytest.CaptureFixture[str]
) -> None:
    _case_with_pages_and_letters(ctx, staff)
    url = _engine(ctx).url.render_as_string(hide_password=False)
    key_file = kaiji_home / "data" / "kaiji.key"
    before = WorkstationKey.from_file(key_file).fingerprint

    assert cli.main(["--db", url, "key", "rotate", "--json"]) == 0

    done = json.loads(capsys.readouterr().out)
    assert done["old_fingerprint"] == before
    assert done["new_fingerprint"] == WorkstationKey.from_file(key_file).fingerprint != before
    assert done["pages_resealed"] == 2
    assert cli.main(["--db", url, "audit", "verify"]) == 0
