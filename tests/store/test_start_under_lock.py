"""Start-up while another workstation holds the database: the window waits with a message and
tries again, never a traceback; on PostgreSQL a save that waits too long says another workstation
is saving."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop.config import Paths, Settings
from desktop.services import cases, setup
from desktop.services.context import ServiceContext
from desktop.store import migrate
from desktop.store.db import DatabaseBusy, create_db_engine
from tests.conftest import Staff, _pg_url, with_test_key
from tests.factories import envelope


def _settings(tmp_path: Path, key_file: Path) -> Settings:
    return with_test_key(Settings(paths=Paths(tmp_path, tmp_path, tmp_path)), key_file)


def test_start_up_waits_for_another_workstations_lock_and_then_opens(
    tmp_path: Path, key_file: Path
) -> None:
    path = tmp_path / "kaiji.db"
    other_workstation = sqlite3.connect(path, isolation_level=None)
    other_workstation.execute("BEGIN IMMEDIATE")  # e.g. its own schema upgrade, under way
    engine = create_db_engine(f"sqlite:///{path}", busy_timeout_ms=50)
    told: list[str] = []

    def on_wait(busy: DatabaseBusy, attempt: int) -> None:
        told.append(busy.message("en"))
        other_workstation.execute("ROLLBACK")  # the other workstation finishes meanwhile

    try:
        ctx = setup.start_up(engine, _settings(tmp_path, key_file), on_wait=on_wait)
        assert migrate.current_revision(engine) == migrate.HEAD_REVISION
        assert isinstance(ctx, ServiceContext)
    finally:
        other_workstation.close()
        engine.dispose()
    assert len(told) == 1
    assert "another workstation is saving" in told[0]


def test_start_up_under_a_lock_that_stays_ends_with_the_message(
    tmp_path: Path, key_file: Path
) -> None:
    path = tmp_path / "kaiji.db"
    other_workstation = sqlite3.connect(path, isolation_level=None)
    other_workstation.execute("BEGIN IMMEDIATE")
    engine = create_db_engine(f"sqlite:///{path}", busy_timeout_ms=50)
    waits: list[int] = []
    try:
        with pytest.raises(DatabaseBusy) as caught:
            setup.start_up(
                engine,
                _settings(tmp_path, key_file),
                on_wait=lambda _busy, attempt: waits.append(attempt),
                attempts=3,
            )
    finally:
        other_workstation.close()
        engine.dispose()
    assert waits == [1, 2]
    assert "他の端末が保存中です" in caught.value.message_ja


@pytest.mark.parametrize("ctx", ["postgresql"], indirect=True)
def test_a_postgresql_save_behind_a_stuck_workstation_says_try_again(
    ctx: ServiceContext, staff: Staff
) -> None:
    stuck = create_db_engine(_pg_url())
    try:
        with stuck.connect() as connection:
            # A workstation hung in the middle of a save, holding the audit head.
            connection.execute(text("SELECT * FROM audit_head FOR UPDATE"))
            with pytest.raises(DatabaseBusy) as caught:
                cases.log_envelope(ctx, staff.clerk, envelope(1))
            connection.rollback()
    finally:
        stuck.dispose()
    assert "another workstation is saving" in caught.value.message("en")
    assert "try again" in caught.value.message("en")
