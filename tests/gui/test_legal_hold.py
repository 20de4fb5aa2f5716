"""The legal-hold button of the case workspace: supervisors and admins place and lift holds."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.gui.case_workspace import CaseWorkspace
from desktop.gui.context import GuiContext
from desktop.gui.legal_hold import HoldState, LegalHoldButton, load_hold
from desktop.services import cases, retention
from desktop.services.context import CurrentUser, ServiceContext
from desktop.store.db import unit_of_work
from desktop.store.models import AuditEvent
from tests.conftest import Staff, recording_sessions
from tests.gui.conftest import RecordingMessages


def workspace(qtbot: QtBot, gui: GuiContext, user: CurrentUser, case_id: int) -> CaseWorkspace:
    window = CaseWorkspace(gui, user, case_id, "R-1")
    qtbot.addWidget(window)
    return window


def hold_reasons(ctx: ServiceContext) -> list[tuple[bool, str]]:
    with unit_of_work(ctx.sessions) as session:
        rows = session.scalars(
            select(AuditEvent)
            .where(AuditEvent.action == "legal_hold_changed")
            .order_by(AuditEvent.seq)
        )
        return [(row.changes["legal_hold"]["after"], row.changes["reason"]) for row in rows]


def click(button: LegalHoldButton) -> None:
    QtBot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_supervisor_puts_the_case_on_hold_and_lifts_it_with_reasons(
    qtbot: QtBot,
    gui: GuiContext,
    ctx: ServiceContext,
    staff: Staff,
    case_id: int,
    messages: RecordingMessages,
) -> None:
    window = workspace(qtbot, gui, staff.supervisor, case_id)
    button = window.legal_hold
    assert button is not None
    assert button.text() == "Legal hold: off"

    messages.text_answers.append("訴訟提起の予告あり（法務部 11/20 連絡）")
    click(button)
    assert retention.retention_state(ctx, case_id).legal_hold
    assert button.text() == "Legal hold: on"

    messages.text_answers.append("和解成立")
    click(button)
    assert not retention.retention_state(ctx, case_id).legal_hold
    assert button.text() == "Legal hold: off"
    assert hold_reasons(ctx) == [
        (True, "訴訟提起の予告あり（法務部 11/20 連絡）"),
        (False, "和解成立"),
    ]
    assert len(messages.texts("ask_text")) == 2


def test_a_hold_needs_a_reason(
    qtbot: QtBot,
    gui: GuiContext,
    ctx: ServiceContext,
    staff: Staff,
    case_id: int,
    messages: RecordingMessages,
) -> None:
    button = LegalHoldButton(gui, staff.admin, case_id)
    qtbot.addWidget(button)
    messages.text_answers.extend([None, "  "])
    click(button)  # cancelled
    click(button)  # blank
    assert not retention.retention_state(ctx, case_id).legal_hold
    assert len(messages.texts("warning")) == 1
    assert hold_reasons(ctx) == []
    assert button.text() == "Legal hold: off"


def test_the_button_follows_other_changes_to_the_case(
    qtbot: QtBot,
    gui: GuiContext,
    ctx: ServiceContext,
    staff: Staff,
    case_id: int,
    messages: RecordingMessages,
) -> None:
    """An edit elsewhere in the workspace bumps the version; the hold still goes through."""
    button = LegalHoldButton(gui, staff.supervisor, case_id)
    qtbot.addWidget(button)
    detail = cases.get_case(ctx, case_id)
    gui.op(
        None,
        lambda: cases.update_case(
            ctx, staff.clerk, case_id, detail.version, {"sender_name": "山田 太朗"}
        ),
    ).run()
    messages.text_answers.append("監督官庁からの照会")
    click(button)
    assert retention.retention_state(ctx, case_id).legal_hold
    assert messages.texts("warning") == []


def test_a_clerk_does_not_see_the_button(
    qtbot: QtBot, gui: GuiContext, staff: Staff, case_id: int
) -> None:
    window = workspace(qtbot, gui, staff.clerk, case_id)
    assert window.legal_hold is None
    assert window.findChildren(LegalHoldButton) == []


def test_the_hold_and_the_version_it_is_toggled_from_are_read_in_one_transaction(
    ctx: ServiceContext, staff: Staff, case_id: int
) -> None:
    counted, opened = recording_sessions(ctx)
    state = load_hold(counted, case_id)
    assert len(opened) == 1
    assert state == HoldState(held=False, version=cases.get_case(ctx, case_id).version)
    retention.set_legal_hold(ctx, staff.supervisor, case_id, state.version, True, "予告あり")
    after = load_hold(ctx, case_id)
    assert after.held
    assert after.version == cases.get_case(ctx, case_id).version
