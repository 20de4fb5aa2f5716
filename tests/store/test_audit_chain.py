"""The audit log is append-only, keyed with a key outside the database, and any edit, deletion,
insertion or re-hashing by someone holding the database is found by `kaiji audit verify`."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from desktop.cli import main
from desktop.services import setup
from desktop.services.audit_log import read_anchor, verify_audit_log
from desktop.services.cases import log_envelope
from desktop.services.context import ServiceContext
from desktop.store.audit import GENESIS_HASH, WrongKey
from tests.conftest import Staff, both_databases
from tests.factories import envelope


def _engine(ctx: ServiceContext) -> Engine:
    bind = ctx.sessions.kw["bind"]
    assert isinstance(bind, Engine)
    return bind


def _log_three(ctx: ServiceContext, staff: Staff) -> None:
    for serial in (1, 2, 3):
        log_envelope(ctx, staff.clerk, envelope(serial, sender_name=f"請求者 {serial}"))


def _bypass_protection(engine: Engine, *statements: str) -> None:
    """What someone with direct database access could do: turn the guard off, tamper, and turn
    it back on so that nothing looks out of place."""
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("ALTER TABLE audit_events DISABLE TRIGGER USER"))
            for sql in statements:
                connection.execute(text(sql))
            connection.execute(text("ALTER TABLE audit_events ENABLE TRIGGER USER"))
        else:
            for event in ("update", "delete"):
                connection.execute(text(f"DROP TRIGGER audit_events_no_{event}"))
            for sql in statements:
                connection.execute(text(sql))
            for event in ("UPDATE", "DELETE"):
                connection.execute(
                    text(
                        f"CREATE TRIGGER audit_events_no_{event.lower()} BEFORE {event} "
                        "ON audit_events BEGIN SELECT RAISE(ABORT, 'append-only'); END"
                    )
                )


def _plain_hash(row: dict[str, object]) -> str:
    """How the chain used to be hashed: SHA-256 over the event, which anyone can recompute."""
    payload = {
        k: row[k]
        for k in (
            "seq",
            "occurred_at",
            "actor_id",
            "actor_name",
            "action",
            "entity",
            "entity_id",
            "case_id",
            "changes",
            "prev_hash",
        )
    }
    canonical = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def _rows(engine: Engine) -> list[dict[str, object]]:
    with engine.connect() as connection:
        result = connection.execute(text("SELECT * FROM audit_events ORDER BY seq"))
        rows = [dict(row._mapping) for row in result]
    for row in rows:
        stamp = row["occurred_at"]
        moment = datetime.fromisoformat(stamp) if isinstance(stamp, str) else stamp
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        row["occurred_at"] = moment.astimezone(UTC).isoformat(timespec="microseconds")
        if isinstance(row["changes"], str):
            row["changes"] = json.loads(row["changes"])
    return rows


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


def _url(ctx: ServiceContext) -> str:
    return _engine(ctx).url.render_as_string(hide_password=False)


@pytest.mark.usefixtures("kaiji_home")
def test_cli_audit_verify_exit_codes(
    ctx: ServiceContext, staff: Staff, capsys: pytest.CaptureFixture[str]
) -> None:
    _log_three(ctx, staff)
    url = _url(ctx)
    assert main(["--db", url, "audit", "verify"]) == 0
    assert "7 events" in capsys.readouterr().out
    _bypass_protection(_engine(ctx), "UPDATE audit_events SET changes = '{}' WHERE seq = 6")
    assert main(["--db", url, "audit", "verify", "--json"]) == 1
    out = capsys.readouterr().out
    assert '"ok": false' in out
    assert '"first_bad_event": 6' in out


@both_databases
def test_an_event_forged_the_way_the_app_hashes_is_caught(
    ctx: ServiceContext, staff: Staff
) -> None:
    """An attacker inserts an event hashed exactly as SHA-256 over its content and moves the head
    on: without the key its MAC cannot be right."""
    _log_three(ctx, staff)
    engine = _engine(ctx)
    last = _rows(engine)[-1]
    forged = dict(last, seq=8, action="case_closed", prev_hash=last["hash"])
    forged["hash"] = _plain_hash(forged)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO audit_events (seq, occurred_at, actor_id, actor_name, action, entity,"
                " entity_id, case_id, changes, prev_hash, hash) VALUES (8, :at, :actor, :name,"
                " 'case_closed', :entity, :entity_id, :case_id, :changes, :prev, :hash)"
            ),
            {
                "at": last["occurred_at"],
                "actor": last["actor_id"],
                "name": last["actor_name"],
                "entity": last["entity"],
                "entity_id": last["entity_id"],
                "case_id": last["case_id"],
                "changes": json.dumps(last["changes"]),
                "prev": last["hash"],
                "hash": forged["hash"],
            },
        )
        connection.execute(
            text("UPDATE audit_head SET seq = 8, hash = :hash WHERE id = 1"),
            {"hash": forged["hash"]},
        )
    report = verify_audit_log(ctx)
    assert not report.ok
    assert report.first_bad_seq == 8
    assert "without the key" in report.problem
    assert "鍵" in report.problem_ja


@both_databases
def test_a_re_hashed_chain_is_caught(ctx: ServiceContext, staff: Staff) -> None:
    """Edit an event after dropping the triggers, then re-hash every event after it and the head:
    what passed `verify` before the chain was keyed."""
    _log_three(ctx, staff)
    engine = _engine(ctx)
    rows = _rows(engine)
    rows[5]["actor_name"] = "clerk2"
    statements = []
    prev = rows[4]["hash"]
    for row in rows[5:]:
        row["prev_hash"] = prev
        row["hash"] = prev = _plain_hash(row)
        statements.append(
            f"UPDATE audit_events SET actor_name = '{row['actor_name']}', "
            f"prev_hash = '{row['prev_hash']}', hash = '{row['hash']}' WHERE seq = {row['seq']}"
        )
    statements.append(f"UPDATE audit_head SET hash = '{prev}' WHERE id = 1")
    _bypass_protection(engine, *statements)
    report = verify_audit_log(ctx)
    assert not report.ok
    assert report.first_bad_seq == 6


@both_databases
def test_dropped_triggers_are_reported(ctx: ServiceContext, staff: Staff) -> None:
    _log_three(ctx, staff)
    engine = _engine(ctx)
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("DROP TRIGGER audit_events_no_delete ON audit_events"))
            connection.execute(
                text("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_truncate")
            )
        else:
            connection.execute(text("DROP TRIGGER audit_events_no_delete"))
    report = verify_audit_log(ctx)
    assert not report.ok
    assert report.events == 7
    assert "audit_events_no_delete" in report.missing_protection
    if engine.dialect.name == "postgresql":
        assert "audit_events_no_truncate" in report.missing_protection
    assert "protection" in report.problem


@pytest.mark.parametrize("ctx", ["postgresql"], indirect=True)
def test_truncate_is_refused_on_postgresql(ctx: ServiceContext, staff: Staff) -> None:
    _log_three(ctx, staff)
    engine = _engine(ctx)
    for table in ("audit_events", "audit_head"):
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
            connection.execute(text(f"TRUNCATE {table}"))
    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
        connection.execute(text("DELETE FROM audit_head"))
    assert verify_audit_log(ctx).ok


@both_databases
@pytest.mark.usefixtures("kaiji_home")
def test_an_anchor_proves_the_newest_events_were_not_removed(
    ctx: ServiceContext, staff: Staff, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _log_three(ctx, staff)
    url = _url(ctx)
    anchor_file = tmp_path / "anchor.json"
    assert main(["--db", url, "audit", "anchor", "--output", str(anchor_file)]) == 0
    assert read_anchor(anchor_file).seq == 7
    # Remove the last two events and point the head at the one before: the chain itself is
    # whole again, only the anchor kept outside the database tells.
    engine = _engine(ctx)
    kept = _rows(engine)[4]
    _bypass_protection(
        engine,
        "DELETE FROM audit_events WHERE seq >= 6",
        f"UPDATE audit_head SET seq = 5, hash = '{kept['hash']}' WHERE id = 1",
    )
    assert verify_audit_log(ctx).ok
    capsys.readouterr()
    assert main(["--db", url, "audit", "verify", "--anchor", str(anchor_file)]) == 1
    out = capsys.readouterr().out
    assert "6–7" in out
    assert "removed" in out


@both_databases
def test_another_workstation_key_is_refused(
    ctx: ServiceContext, staff: Staff, tmp_path: Path
) -> None:
    _log_three(ctx, staff)
    other_key = tmp_path / "other.key"
    setup.ensure_key_file(other_key)
    other = ServiceContext.on(
        _engine(ctx), replace(ctx.settings, key_file=str(other_key)), ctx.clock
    )
    with pytest.raises(WrongKey) as caught:
        log_envelope(other, staff.clerk, envelope(9))
    assert "バックアップ" in caught.value.message_ja
    with pytest.raises(WrongKey):
        setup.check_workstation_key(other)
    with pytest.raises(WrongKey):
        verify_audit_log(other)
    assert verify_audit_log(ctx).ok


def test_init_refuses_a_new_key_over_sealed_data(
    ctx: ServiceContext, staff: Staff, tmp_path: Path
) -> None:
    _log_three(ctx, staff)
    lost = replace(ctx.settings, key_file=str(tmp_path / "gone" / "kaiji.key"))
    other = ServiceContext.on(_engine(ctx), lost, ctx.clock)
    with pytest.raises(setup.KeyLost) as caught:
        setup.initialize(other, _engine(ctx), lost, admin_password=None)
    assert "バックアップから戻して" in caught.value.message_ja
    assert not (tmp_path / "gone" / "kaiji.key").exists()
    assert verify_audit_log(ctx).ok


@both_databases
def test_a_log_written_before_keying_is_keyed_once_and_its_start_is_authenticated(
    ctx: ServiceContext, staff: Staff
) -> None:
    """A database from before the keyed chain: its events keep their plain hashes, `kaiji init`
    keys the chain from the next event on, and moving that boundary is caught."""
    _log_three(ctx, staff)
    engine = _engine(ctx)
    rows = _rows(engine)
    prev = GENESIS_HASH
    statements = []
    for row in rows:
        row["prev_hash"] = prev
        row["hash"] = prev = _plain_hash(row)
        statements.append(
            f"UPDATE audit_events SET prev_hash = '{row['prev_hash']}', hash = '{row['hash']}' "
            f"WHERE seq = {row['seq']}"
        )
    statements.append(
        f"UPDATE audit_head SET hash = '{prev}', key_fingerprint = NULL, keyed_from = NULL, "
        "keyed_from_mac = NULL WHERE id = 1"
    )
    _bypass_protection(engine, *statements)
    assert not verify_audit_log(ctx).ok  # not keyed yet: an administrator must run init
    report = setup.initialize(ctx, engine, ctx.settings, admin_password=None)
    assert report.audit_log_keyed
    log_envelope(ctx, staff.clerk, envelope(4))
    keyed = verify_audit_log(ctx)
    assert keyed.ok
    assert keyed.unkeyed_events == 7
    assert keyed.events == 9  # the keying itself is an event
    _bypass_protection(engine, "UPDATE audit_head SET keyed_from = 10 WHERE id = 1")
    moved = verify_audit_log(ctx)
    assert not moved.ok
    assert "tampered" in moved.problem
