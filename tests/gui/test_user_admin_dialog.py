"""The user list says until when an account is locked in office time (JST), whatever the
workstation's own time zone."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from desktop.domain.errors import KnownError
from desktop.gui.context import GuiContext
from desktop.gui.user_admin_dialog import UserAdminDialog
from desktop.services import auth
from desktop.services.context import ServiceContext
from tests.conftest import Staff


@pytest.fixture
def utc_workstation() -> Iterator[None]:
    before = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if before is None:
        os.environ.pop("TZ")
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_a_lockout_is_shown_in_office_time(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff, utc_workstation: None
) -> None:
    for _ in range(ctx.settings.lockout_attempts):
        with pytest.raises(KnownError):
            auth.login(ctx, staff.clerk.username, "wrong password")
    dialog = UserAdminDialog(gui, staff.admin)
    qtbot.addWidget(dialog)
    table = dialog.ui.usersTable
    row = next(
        r for r in range(table.rowCount()) if table.item(r, 0).text() == staff.clerk.username
    )
    # The clock stands at 01:00 UTC = 10:00 in Tokyo; the lockout lasts lockout_minutes.
    until = f"10:{ctx.settings.lockout_minutes:02d}"
    assert until in table.item(row, 3).text()
