"""The review queue: oldest first with overdue cases in red; approve with Ctrl+Enter, return only
with a comment, open with Enter; nobody approves their own decision.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog, QMenu
from pytestqt.qtbot import QtBot

from desktop.domain.decisions import KindDecision, ResponseMethod
from desktop.domain.outcomes import Outcome
from desktop.domain.requests import RequestKind
from desktop.domain.roles import Role
from desktop.domain.status import CaseStatus, SelfApprovalRefused
from desktop.gui.context import GuiContext
from desktop.gui.display import OVERDUE_COLOR
from desktop.gui.main_window import MainWindow
from desktop.gui.messages import QtMessages
from desktop.gui.review_queue import ReviewQueueDialog
from desktop.services import cases, decisions
from desktop.services.context import CurrentUser, ServiceContext
from tests.conftest import Staff
from tests.factories import envelope
from tests.gui.conftest import RecordingMessages


def _in_review(
    ctx: ServiceContext, staff: Staff, serial: int, received_on: date, decider: CurrentUser
) -> int:
    """A disclosure case decided by `decider` and submitted for review."""
    case_id = cases.log_envelope(
        ctx, staff.clerk, envelope(serial, received_on=received_on)
    ).case_id
    version = cases.get_case(ctx, case_id).version
    cases.change_status(ctx, staff.clerk, case_id, version, CaseStatus.VERIFYING, "")
    full = KindDecision(RequestKind.DISCLOSURE, Outcome.FULL, method=ResponseMethod.PAPER)
    decided, _ = decisions.record_decisions(
        ctx, decider, case_id, cases.get_case(ctx, case_id).version, [full]
    )
    decisions.submit_for_review(ctx, decider, case_id, decided.version)
    return case_id


def _queue(qtbot: QtBot, gui: GuiContext, user: CurrentUser) -> ReviewQueueDialog:
    dialog = ReviewQueueDialog(gui, user)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _status(ctx: ServiceContext, case_id: int) -> CaseStatus:
    return cases.get_case(ctx, case_id).status


def test_oldest_first_overdue_in_red_and_ctrl_enter_approves_once_confirmed(
    qtbot: QtBot,
    gui: GuiContext,
    ctx: ServiceContext,
    staff: Staff,
    messages: RecordingMessages,
) -> None:
    recent = _in_review(ctx, staff, 1, date(2026, 11, 18), staff.clerk)
    overdue = _in_review(ctx, staff, 2, date(2026, 10, 20), staff.clerk)
    middle = _in_review(ctx, staff, 3, date(2026, 11, 10), staff.clerk)
    dialog = _queue(qtbot, gui, staff.supervisor)
    table = dialog.table
    references = [table.item(row, 0).text() for row in range(table.rowCount())]
    assert references == [cases.get_case(ctx, c).reference for c in (overdue, middle, recent)]
    assert table.item(0, 0).foreground().color() == OVERDUE_COLOR
    assert table.item(2, 0).foreground().color() != OVERDUE_COLOR

    table.selectRow(0)
    table.setFocus()
    overdue_reference = cases.get_case(ctx, overdue).reference
    messages.confirm_answers = [False]
    qtbot.keyClick(table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert overdue_reference in messages.texts("confirm")[-1]
    assert _status(ctx, overdue) is CaseStatus.IN_REVIEW  # not without a yes

    messages.confirm_answers = [True]
    qtbot.keyClick(table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert _status(ctx, overdue) is CaseStatus.APPROVED
    assert table.rowCount() == 2
    assert _status(ctx, middle) is CaseStatus.IN_REVIEW
    assert dialog.feedback.text() == f"{overdue_reference} approved."


def test_enter_opens_the_selected_case(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff
) -> None:
    case_id = _in_review(ctx, staff, 1, date(2026, 11, 18), staff.clerk)
    dialog = _queue(qtbot, gui, staff.supervisor)
    opened: list[tuple[int, str]] = []
    dialog.open_case_requested.connect(lambda cid, ref: opened.append((cid, ref)))
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert opened == [(case_id, cases.get_case(ctx, case_id).reference)]
    assert _status(ctx, case_id) is CaseStatus.IN_REVIEW


def test_returning_needs_a_comment_and_sends_the_case_back_to_the_clerk(
    qtbot: QtBot,
    gui: GuiContext,
    ctx: ServiceContext,
    staff: Staff,
    messages: RecordingMessages,
) -> None:
    case_id = _in_review(ctx, staff, 1, date(2026, 11, 18), staff.clerk)
    dialog = _queue(qtbot, gui, staff.supervisor)
    messages.text_answers = ["   ", "開示範囲の説明を追記してください"]
    dialog.return_button.click()
    assert messages.required == [True]  # the comment box cannot be closed with nothing in it
    assert messages.texts("warning")
    assert _status(ctx, case_id) is CaseStatus.IN_REVIEW

    dialog.return_button.click()
    assert _status(ctx, case_id) is CaseStatus.REWORK
    assert (
        decisions.get_decisions(ctx, case_id).return_comment == "開示範囲の説明を追記してください"
    )
    assert dialog.table.rowCount() == 0


def test_a_supervisor_cannot_approve_a_decision_they_made(
    qtbot: QtBot,
    gui: GuiContext,
    ctx: ServiceContext,
    staff: Staff,
    messages: RecordingMessages,
) -> None:
    case_id = _in_review(ctx, staff, 1, date(2026, 11, 18), staff.supervisor)
    dialog = _queue(qtbot, gui, staff.supervisor)
    assert dialog.table.item(0, 7).text() == staff.supervisor.display_name
    messages.confirm_answers = [True]
    dialog.approve_button.click()
    assert messages.texts("error") == [SelfApprovalRefused().message("ja")]
    assert _status(ctx, case_id) is CaseStatus.IN_REVIEW
    assert dialog.table.rowCount() == 1


def test_only_supervisors_get_the_queue_and_opening_a_case_opens_its_window(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff
) -> None:
    case_id = _in_review(ctx, staff, 1, date(2026, 11, 18), staff.clerk)
    clerk_window = MainWindow(gui, staff.clerk)
    qtbot.addWidget(clerk_window)
    assert staff.clerk.role is Role.CLERK
    assert not any(
        clerk_window.review_action in menu.actions() for menu in clerk_window.findChildren(QMenu)
    )
    window = MainWindow(gui, staff.supervisor)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert any(window.review_action in menu.actions() for menu in window.findChildren(QMenu))
    window.review_action.trigger()
    dialog = window.review_dialog
    assert isinstance(dialog, ReviewQueueDialog)
    qtbot.addWidget(dialog)
    dialog.open_button.click()
    assert window.selected_case_id() == case_id
    assert window.detail.case_id == case_id
    workspace = window.detail.workspaces[case_id]  # the case window itself, in front
    qtbot.addWidget(workspace)
    assert workspace.isVisible()


def test_an_empty_return_comment_cannot_be_accepted_and_says_why(qtbot: QtBot) -> None:
    seen: list[tuple[bool, str]] = []

    def answer() -> None:
        (box,) = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QInputDialog) and w.isVisible()
        ]
        try:
            ok = box.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
            seen.append((ok.isEnabled(), box.labelText()))
            qtbot.keyClick(box, Qt.Key.Key_Return)  # Enter does not close it empty
            box.setTextValue("範囲を見直してください")
            seen.append((ok.isEnabled(), box.labelText()))
            ok.click()
        finally:
            if box.isVisible():
                box.reject()

    QTimer.singleShot(0, answer)
    value = QtMessages().ask_text(None, "Return", "What should change?", required=True)
    assert value == "範囲を見直してください"
    (empty_ok, empty_label), (filled_ok, filled_label) = seen
    assert not empty_ok
    assert "Required" in empty_label
    assert filled_ok
    assert filled_label == "What should change?"
