"""Users' display names, looked up in one place for pages, decisions and print records."""

from __future__ import annotations

from desktop.services.context import ServiceContext
from desktop.store import users as user_store
from desktop.store.db import unit_of_work
from tests.conftest import Staff


def test_display_names_of_the_users_asked_for_or_of_everyone(
    ctx: ServiceContext, staff: Staff
) -> None:
    clerk, admin = staff.clerk, staff.admin
    with unit_of_work(ctx.sessions) as session:
        assert user_store.display_names(session, [clerk.user_id, None, 9999]) == {
            clerk.user_id: clerk.display_name
        }
        assert user_store.display_names(session, [None]) == {}
        everyone = user_store.display_names(session)
    assert everyone[admin.user_id] == admin.display_name
    assert len(everyone) == 4
