"""The stored part of the reason catalog: added reasons in order, retirements, and a code or
retirement another workstation stored first."""

from __future__ import annotations

import dataclasses

from desktop.domain.reasons import BUSINESS_HINDRANCE
from desktop.services.context import ServiceContext
from desktop.store import reasons as reason_store
from desktop.store.db import unit_of_work
from tests.conftest import Staff, both_databases
from tests.services.test_reasons import COMPETITION_LAW as SECRET


@both_databases
def test_added_reasons_come_back_in_the_order_they_were_added(
    ctx: ServiceContext, staff: Staff
) -> None:
    second = dataclasses.replace(SECRET, code="another_secret")
    now = ctx.clock.now()
    with unit_of_work(ctx.sessions) as session:
        assert reason_store.add_reason(session, SECRET, staff.admin.user_id, now) is not None
        assert reason_store.add_reason(session, second, staff.admin.user_id, now) is not None
    with unit_of_work(ctx.sessions) as session:
        assert reason_store.added_reasons(session) == (SECRET, second)
        assert reason_store.code_is_added(session, "trade_secret")
        assert not reason_store.code_is_added(session, "unknown_code")


@both_databases
def test_a_code_or_retirement_stored_first_elsewhere_is_refused(
    ctx: ServiceContext, staff: Staff
) -> None:
    now = ctx.clock.now()
    with unit_of_work(ctx.sessions) as session:
        reason_store.add_reason(session, SECRET, staff.admin.user_id, now)
        assert reason_store.retire(session, BUSINESS_HINDRANCE, staff.admin.user_id, now)
    with ctx.sessions() as session:
        assert reason_store.add_reason(session, SECRET, staff.admin.user_id, now) is None
    with ctx.sessions() as session:
        assert not reason_store.retire(session, BUSINESS_HINDRANCE, staff.admin.user_id, now)
    with unit_of_work(ctx.sessions) as session:
        assert reason_store.retired_codes(session) == frozenset({BUSINESS_HINDRANCE})
