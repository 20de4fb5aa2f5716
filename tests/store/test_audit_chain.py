"""The audit log is append-only and any edit or deletion is found by `kaiji audit verify`."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from desktop.cli import main
from desktop.services.audit_log import verify_audit_log
from desktop.services.cases import log_envelope
from desktop.services.context import ServiceContext
from tests.conftest import Staff, both_databases
from tests.factories import envelope


def _engine(ctx: ServiceContext) -> Engine:
    bind = ctx.sessions.kw["bind"]
    assert isinstance(bind, Engine)
    return bind


def _log_three(ctx: ServiceContext, staff: Staff) -> None:
    for serial in (1, 2, 3):
        log_envelope(ctx, staff.clerk, envelope(serial, sender_name=f"請求者 {serial}"))


def _bypass_protection(engine: Engine, sql: str) -> None:
    """What someone with direct database access could do: drop the guard, then tamper."""
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("ALTER TABLE audit_events DISABLE TRIGGER USER"))
            connection.execute(text(sql))
            connection.execute(text("ALTER TABLE audit_events ENABLE TRIGGER USER"))
        else:
            connection.execute(text("DROP TRIGGER audit_events_no_update"))
            connection.execute(text("DROP TRIGGER audit_events_no_delete"))
            connection.execute(text(sql))


@both_databases
def test_intact_chain_verifies(ctx: ServiceContext, staff: Staff) -> None:
    _log_three(ctx, staff)
    report = verify_audit_log(ctx)
    assert report.ok
    # Four users were created, then three cases.
    assert report.events == 7


@both_databases
def test_database_refuses_to_edit_or_delete_events(ctx: ServiceContext, staff: Staff) -> None:
    _log_three(ctx, staff)
    engine = _engine(ctx)
    for sql in (
        "UPDATE audit_events SET actor_name = 'someone' WHERE seq = 5",
        "DELETE FROM audit_events WHERE seq = 5",
    ):
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
            connection.execute(text(sql))
    assert verify_audit_log(ctx).ok


@both_databases
def test_edited_event_is_named(ctx: ServiceContext, staff: Staff) -> None:
    _log_three(ctx, staff)
    _bypass_protection(_engine(ctx), "UPDATE audit_events SET actor_name = 'clerk2' WHERE seq = 6")
    report = verify_audit_log(ctx)
    assert not report.ok
    assert report.first_bad_seq == 6
    assert report.events == 5
    assert "edited" in report.problem


@both_databases
def test_deleted_event_is_named(ctx: ServiceContext, staff: Staff) -> None:
    _log_three(ctx, staff)
    _bypass_protection(_engine(ctx), "DELETE FROM audit_events WHERE seq = 5")
    report = verify_audit_log(ctx)
    assert not report.ok
    assert report.first_bad_seq == 5


@both_databases
def test_deleting_the_newest_events_is_noticed(ctx: ServiceContext, staff: Staff) -> None:
    _log_three(ctx, staff)
    _bypass_protection(_engine(ctx), "DELETE FROM audit_events WHERE seq >= 6")
    report = verify_audit_log(ctx)
    assert not report.ok
    assert report.first_bad_seq == 6


def test_cli_audit_verify_exit_codes(
    ctx: ServiceContext, staff: Staff, capsys: pytest.CaptureFixture[str]
) -> None:
    _log_three(ctx, staff)
    url = str(_engine(ctx).url)
    assert main(["--db", url, "audit", "verify"]) == 0
    assert "7 events" in capsys.readouterr().out
    _bypass_protection(_engine(ctx), "UPDATE audit_events SET changes = '{}' WHERE seq = 6")
    assert main(["--db", url, "audit", "verify", "--json"]) == 1
    out = capsys.readouterr().out
    assert '"ok": false' in out
    assert '"first_bad_event": 6' in out
