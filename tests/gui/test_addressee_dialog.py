"""Changing where a case's letters go: a reason and a supervisor's approval, checked and audited."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.config import Paths, Settings
from desktop.gui.addressee_dialog import AddresseeDialog, current_addressee
from desktop.gui.context import GuiContext
from desktop.gui.letters_panel import LettersPanel
from desktop.letters import Addressee
from desktop.services.context import CurrentUser, ServiceContext
from desktop.store.db import unit_of_work
from desktop.store.models import AuditEvent
from tests.conftest import PASSWORD, Staff
from tests.factories import letterhead
from tests.gui.conftest import RecordingMessages

NEW = Addressee("530-0001", "大阪府大阪市北区梅田一丁目1番1号", "梅田ビル3階", "山田 花子")


@pytest.fixture
def settings(paths: Paths) -> Settings:
    return letterhead(paths)


def events(ctx: ServiceContext, action: str) -> list[AuditEvent]:
    with unit_of_work(ctx.sessions) as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def open_dialog(qtbot: QtBot, gui: GuiContext, user: CurrentUser, case_id: int) -> AddresseeDialog:
    dialog = AddresseeDialog(gui, user, case_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def fill(dialog: AddresseeDialog, reason: str = "本人から転居の申出（電話記録 11/19）") -> None:
    dialog.postal_edit.setText(NEW.postal_code)
    dialog.address_edit.setText(NEW.address)
    dialog.building_edit.setText(NEW.building)
    dialog.name_edit.setText(NEW.name)
    dialog.reason_edit.setPlainText(reason)


def approve_as(dialog: AddresseeDialog, username: str, password: str) -> None:
    dialog.supervisor_edit.setText(username)
    dialog.password_edit.setText(password)
    qtbot_click(dialog)


def qtbot_click(dialog: AddresseeDialog) -> None:
    QtBot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def test_a_clerk_changes_the_addressee_with_the_supervisors_password(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff, case_id: int
) -> None:
    panel = LettersPanel(gui, staff.clerk, case_id)
    qtbot.addWidget(panel)
    before = current_addressee(ctx, case_id)
    QtBot.mouseClick(panel.addressee_button, Qt.MouseButton.LeftButton)
    dialog = panel.findChild(AddresseeDialog)
    assert isinstance(dialog, AddresseeDialog)
    assert before.address in dialog.current_label.text()
    assert before.name in dialog.current_label.text()
    assert dialog.name_edit.text() == before.name  # the new one starts from the current one
    fill(dialog)

    approve_as(dialog, "supervisor", PASSWORD)

    assert current_addressee(ctx, case_id) == Addressee(
        "530-0001", NEW.address, NEW.building, NEW.name
    )
    assert not dialog.isVisible()
    [event] = events(ctx, "addressee_changed")
    assert event.actor_name == staff.clerk.username
    assert event.case_id == case_id
    assert event.changes["approved_by"] == "supervisor"
    assert event.changes["reason"] == "本人から転居の申出（電話記録 11/19）"
    assert event.changes["before"]["address"] == before.address


def test_a_wrong_password_is_refused_and_counts_as_a_failed_login(
    qtbot: QtBot,
    gui: GuiContext,
    ctx: ServiceContext,
    staff: Staff,
    case_id: int,
    messages: RecordingMessages,
) -> None:
    before = current_addressee(ctx, case_id)
    dialog = open_dialog(qtbot, gui, staff.clerk, case_id)
    fill(dialog)
    approve_as(dialog, "supervisor", "not the password")

    assert current_addressee(ctx, case_id) == before
    assert len(messages.texts("error")) == 1
    assert dialog.isVisible()
    assert dialog.password_edit.text() == ""
    [failed] = events(ctx, "login_failed")
    assert failed.actor_name == "supervisor"
    assert events(ctx, "addressee_changed") == []


@pytest.mark.parametrize("username", ["clerk", "clerk2"])
def test_a_clerks_own_credentials_do_not_approve(
    qtbot: QtBot,
    gui: GuiContext,
    ctx: ServiceContext,
    staff: Staff,
    case_id: int,
    messages: RecordingMessages,
    username: str,
) -> None:
    before = current_addressee(ctx, case_id)
    dialog = open_dialog(qtbot, gui, staff.clerk, case_id)
    fill(dialog)
    approve_as(dialog, username, PASSWORD)

    assert current_addressee(ctx, case_id) == before
    assert len(messages.texts("error")) == 1
    assert events(ctx, "addressee_changed") == []


def test_without_a_reason_nothing_changes(
    qtbot: QtBot,
    gui: GuiContext,
    ctx: ServiceContext,
    staff: Staff,
    case_id: int,
    messages: RecordingMessages,
) -> None:
    before = current_addressee(ctx, case_id)
    dialog = open_dialog(qtbot, gui, staff.clerk, case_id)
    fill(dialog, reason="   ")
    approve_as(dialog, "supervisor", PASSWORD)

    assert current_addressee(ctx, case_id) == before
    assert len(messages.texts("warning")) == 1
    assert events(ctx, "login") == []  # the password was not even checked
    assert dialog.isVisible()


def test_a_supervisor_at_the_desk_approves_the_change_themselves(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff, case_id: int
) -> None:
    dialog = open_dialog(qtbot, gui, staff.supervisor, case_id)
    assert not dialog.supervisor_edit.isVisible()
    assert not dialog.password_edit.isVisible()
    fill(dialog)
    qtbot_click(dialog)

    assert current_addressee(ctx, case_id).name == NEW.name
    [event] = events(ctx, "addressee_changed")
    assert event.changes["approved_by"] == "supervisor"
