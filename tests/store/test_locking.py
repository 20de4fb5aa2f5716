"""Two workstations editing the same case: the second save gets a conflict, never overwrites."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from desktop.domain.status import CaseStatus
from desktop.services import cases
from desktop.services.context import ServiceContext
from desktop.store.db import create_db_engine
from tests.conftest import Staff, both_databases
from tests.factories import envelope


@both_databases
def test_stale_copy_cannot_overwrite(ctx: ServiceContext, staff: Staff) -> None:
    case_id = cases.log_envelope(ctx, staff.clerk, envelope()).case_id
    mine = cases.get_case(ctx, case_id)
    theirs = cases.get_case(ctx, case_id)

    cases.update_case(ctx, staff.clerk2, case_id, theirs.version, {"note": "電話あり"})
    with pytest.raises(cases.CaseConflict, match="Another workstation") as caught:
        cases.update_case(ctx, staff.clerk, case_id, mine.version, {"note": "上書き"})

    assert "別の端末" in caught.value.message_ja
    assert cases.get_case(ctx, case_id).note == "電話あり"
    with pytest.raises(cases.CaseConflict):
        cases.change_status(ctx, staff.clerk, case_id, mine.version, CaseStatus.SCANNED)


@both_databases
def test_second_workstation_on_its_own_connection(ctx: ServiceContext, staff: Staff) -> None:
    """A separate engine (another process's pool) sees the version written by the first."""
    case_id = cases.log_envelope(ctx, staff.clerk, envelope()).case_id
    bind = ctx.sessions.kw["bind"]
    assert isinstance(bind, Engine)
    other_engine = create_db_engine(bind.url.render_as_string(hide_password=False))
    other = ServiceContext.on(other_engine, ctx.settings, ctx.clock)
    try:
        copy = cases.get_case(ctx, case_id)
        cases.change_status(other, staff.clerk2, case_id, copy.version, CaseStatus.SCANNED)
        with pytest.raises(cases.CaseConflict):
            cases.update_case(ctx, staff.clerk, case_id, copy.version, {"note": "x"})
        fresh = cases.get_case(ctx, case_id)
        assert fresh.status is CaseStatus.SCANNED
        detail, _ = cases.update_case(ctx, staff.clerk, case_id, fresh.version, {"note": "x"})
        assert detail.note == "x"
        assert detail.version == fresh.version + 1
    finally:
        other_engine.dispose()


@pytest.mark.parametrize("ctx", ["postgresql"], indirect=True)
def test_race_between_read_and_write_is_caught_by_the_update(
    ctx: ServiceContext, staff: Staff, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even when the version check passes, the versioned UPDATE refuses a row changed since.

    Only PostgreSQL lets two transactions interleave like this; SQLite sessions start with
    BEGIN IMMEDIATE, so the second writer waits for the first instead.
    """
    case_id = cases.log_envelope(ctx, staff.clerk, envelope()).case_id
    copy = cases.get_case(ctx, case_id)
    real_check = cases._check_version

    def check_then_lose_the_race(case: object, expected: int) -> None:
        real_check(case, expected)  # type: ignore[arg-type]
        monkeypatch.setattr(cases, "_check_version", real_check)
        cases.update_case(ctx, staff.clerk2, case_id, copy.version, {"note": "先に保存"})

    monkeypatch.setattr(cases, "_check_version", check_then_lose_the_race)
    with pytest.raises(cases.CaseConflict):
        cases.update_case(ctx, staff.clerk, case_id, copy.version, {"note": "後から"})
    assert cases.get_case(ctx, case_id).note == "先に保存"
