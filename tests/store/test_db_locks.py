"""Another workstation holding the write lock: reads go on, saves end with a message, never hang."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from desktop.services import cases, decisions, letters
from desktop.services.context import ServiceContext
from desktop.store import migrate
from desktop.store.db import (
    DatabaseUnavailable,
    create_db_engine,
    read_only,
    unit_of_work,
)
from tests.conftest import Staff, both_databases
from tests.factories import envelope

SHORT_WAIT_MS = 300


def _url(ctx: ServiceContext) -> str:
    bind = ctx.sessions.kw["bind"]
    assert isinstance(bind, Engine)
    return bind.url.render_as_string(hide_password=False)


@pytest.fixture
def impatient(ctx: ServiceContext) -> Iterator[ServiceContext]:
    """A second workstation that waits only briefly for locks."""
    engine = create_db_engine(_url(ctx), busy_timeout_ms=SHORT_WAIT_MS)
    yield ServiceContext.on(engine, ctx.settings, ctx.clock)
    engine.dispose()


def _hold_write_lock(ctx: ServiceContext) -> Iterator[None]:
    """Another process in the middle of a save: it holds the write lock on the audit head."""
    url = _url(ctx)
    if url.startswith("sqlite"):
        holder = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        return
    engine = create_db_engine(url)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT * FROM audit_head FOR UPDATE"))
            yield
            connection.rollback()
    finally:
        engine.dispose()


@both_databases
def test_reads_pass_while_another_workstation_saves(
    ctx: ServiceContext, staff: Staff, impatient: ServiceContext
) -> None:
    case_id = cases.log_envelope(ctx, staff.clerk, envelope()).case_id
    version = cases.get_case(ctx, case_id).version
    holder = _hold_write_lock(ctx)
    next(holder)
    try:
        # The second workstation gives up on a lock after SHORT_WAIT_MS: a read that waited
        # for the write lock would fail here instead of answering.
        with read_only(impatient.sessions) as session:
            assert session.execute(text("SELECT count(*) FROM cases")).scalar_one() == 1
        assert migrate.current_revision(impatient.sessions.kw["bind"]) == migrate.HEAD_REVISION

        with pytest.raises(DatabaseUnavailable) as caught:
            cases.update_case(impatient, staff.clerk, case_id, version, {"note": "電話あり"})
        assert "他の端末" in caught.value.message_ja
        assert "another workstation" in caught.value.message_en
    finally:
        next(holder, None)
    detail, _ = cases.update_case(impatient, staff.clerk, case_id, version, {"note": "電話あり"})
    assert detail.note == "電話あり"


@both_databases
def test_the_case_window_opens_while_another_workstation_saves(
    ctx: ServiceContext, staff: Staff, impatient: ServiceContext
) -> None:
    case_id = cases.log_envelope(ctx, staff.clerk, envelope()).case_id
    holder = _hold_write_lock(ctx)
    next(holder)
    try:
        assert cases.get_case(impatient, case_id).case_id == case_id
        assert decisions.get_decisions(impatient, case_id).decisions == ()
        view = letters.case_letters(impatient, case_id)
        assert view.case.case_id == case_id
        assert view.letters == ()
    finally:
        next(holder, None)


def test_a_read_only_database_file_says_so(ctx: ServiceContext, staff: Staff) -> None:
    path = Path(_url(ctx).removeprefix("sqlite:///"))
    engine = create_db_engine(f"sqlite:///file:{path}?mode=ro&uri=true")
    try:
        readonly = ServiceContext.on(engine, ctx.settings, ctx.clock)
        with pytest.raises(DatabaseUnavailable) as caught:
            cases.log_envelope(readonly, staff.clerk, envelope())
        assert "読み取り専用" in caught.value.message_ja
        assert "read-only" in caught.value.message_en
    finally:
        engine.dispose()


@pytest.mark.parametrize("ctx", ["postgresql"], indirect=True)
def test_a_read_only_transaction_refuses_writes(ctx: ServiceContext) -> None:
    with pytest.raises(DatabaseUnavailable, match="read-only"), read_only(ctx.sessions) as session:
        session.execute(text("UPDATE users SET display_name = 'x'"))
    with unit_of_work(ctx.sessions) as session:
        assert "x" not in session.execute(text("SELECT display_name FROM users")).scalars().all()
