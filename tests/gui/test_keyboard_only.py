"""A case from the envelope to closed on a 1366×768 laptop with the keyboard alone: key clicks and
input-method commits only, no service call for any action. The desktop's file chooser, printer and
message boxes are the test's stand-ins (they answer as the clerk would)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from desktop.config import Paths, Settings
from desktop.domain.decisions import FeeStatus, ResponseMethod
from desktop.domain.outcomes import Outcome
from desktop.domain.requests import RequestKind
from desktop.domain.status import CaseStatus
from desktop.gui.case_workspace import CaseWorkspace
from desktop.gui.context import GuiContext
from desktop.gui.intake_dialog import IntakeDialog
from desktop.gui.mail_dialogs import OutgoingMailDialog
from desktop.gui.main_window import MainWindow
from desktop.gui.review_queue import ReviewQueueDialog
from desktop.services import cases
from desktop.services.context import ServiceContext
from tests.conftest import Staff
from tests.docgen import generate
from tests.factories import letterhead
from tests.gui.conftest import RecordingMessages, fake_ui, tracking_number
from tests.gui.keyboard import focused, type_here
from tests.gui.test_letters_panel import PaperTray
from tests.gui.test_main_window import _type_envelope

SCREEN = QRect(0, 0, 1366, 728)  # 1366×768 less the task bar
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def settings(paths: Paths) -> Settings:
    return letterhead(paths)


def _key(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(focused(), key, modifier)


def _tab_to(qtbot: QtBot, widget: QWidget, limit: int = 40) -> None:
    for _ in range(limit):
        if focused() is widget:
            return
        _key(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {widget!r}; it stopped at {focused()!r}")


def _choose(qtbot: QtBot, combo: QComboBox, value: str) -> None:
    """Arrow keys on the focused combo until it shows `value`."""
    _tab_to(qtbot, combo)
    for key in (Qt.Key.Key_Home, *[Qt.Key.Key_Down] * combo.count()):
        if combo.currentData() == value:
            return
        _key(qtbot, key)
    assert combo.currentData() == value


def _status(ctx: ServiceContext, case_id: int) -> CaseStatus:
    return cases.get_case(ctx, case_id).status


def test_keyboard_only_from_envelope_to_closed_at_1366x768(  # noqa: PLR0915 - one story
    qtbot: QtBot,
    gui: GuiContext,
    ctx: ServiceContext,
    staff: Staff,
    messages: RecordingMessages,
    tmp_path: Path,
) -> None:
    window = MainWindow(gui, staff.clerk)
    qtbot.addWidget(window)
    window.setGeometry(SCREEN)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    # The envelope: Ctrl+N, the scanner's number, the fields, Ctrl+Enter.
    qtbot.keyClick(window.table, Qt.Key.Key_N, CTRL)
    dialog = window.intake_dialog
    assert isinstance(dialog, IntakeDialog)
    qtbot.waitUntil(dialog.ui.trackingEdit.hasFocus)
    _type_envelope(qtbot, dialog, tracking_number(900))
    assert dialog.logged is not None
    case_id = dialog.logged.case_id
    qtbot.waitUntil(lambda: window.selected_case_id() == case_id)

    # The case window: Ctrl+D from the list; it fits the laptop's screen.
    window.activateWindow()  # the window manager's part once the dialog has closed
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.table)  # back on the list
    _key(qtbot, Qt.Key.Key_D, CTRL)
    workspace = window.detail.workspaces[case_id]
    assert isinstance(workspace, CaseWorkspace)
    qtbot.addWidget(workspace)
    workspace.fit_to(SCREEN)
    workspace.activateWindow()
    qtbot.waitUntil(workspace.isActiveWindow)
    assert SCREEN.contains(workspace.geometry())

    # The pages: Ctrl+O (the file chooser answers with the scanned licence).
    scan = tmp_path / "licence.png"
    generate("drivers_license", 90).image.save(scan, dpi=(300, 300))
    fake_ui(gui).choose_open_files = lambda *_args: [scan]
    _key(qtbot, Qt.Key.Key_O, CTRL)
    assert workspace.documents.thumbnails.count() == 1

    # Ctrl+G: start verification, then go to the decision.
    assert workspace.header.step_label.text() == "確認を始める"
    _key(qtbot, Qt.Key.Key_G, CTRL)
    assert _status(ctx, case_id) is CaseStatus.VERIFYING
    _key(qtbot, Qt.Key.Key_G, CTRL)
    editor = workspace.decision.editors[RequestKind.DISCLOSURE]
    assert focused() is editor.outcome_combo
    _choose(qtbot, editor.outcome_combo, Outcome.FULL.value)
    _choose(qtbot, editor.method_combo, ResponseMethod.PAPER.value)
    _choose(qtbot, editor.fee_combo, FeeStatus.PAID.value)
    _tab_to(qtbot, workspace.decision.save_button)
    _key(qtbot, Qt.Key.Key_Space)
    assert _status(ctx, case_id) is CaseStatus.DECIDED, messages.said
    assert workspace.header.step_label.text() == "承認を依頼"
    _key(qtbot, Qt.Key.Key_G, CTRL)
    assert _status(ctx, case_id) is CaseStatus.IN_REVIEW

    # The supervisor, at their own desk: Ctrl+Shift+R, Ctrl+Enter, yes.
    boss = MainWindow(gui, staff.supervisor)
    qtbot.addWidget(boss)
    boss.setGeometry(SCREEN)
    boss.show()
    boss.activateWindow()
    qtbot.waitUntil(boss.isActiveWindow)
    qtbot.keyClick(boss.table, Qt.Key.Key_R, CTRL | Qt.KeyboardModifier.ShiftModifier)
    queue = boss.review_dialog
    assert isinstance(queue, ReviewQueueDialog)  # closed below (it deletes itself)
    queue.activateWindow()
    qtbot.waitUntil(queue.isActiveWindow)
    queue.table.setFocus()
    messages.confirm_answers = [True]
    _key(qtbot, Qt.Key.Key_Return, CTRL)
    assert _status(ctx, case_id) is CaseStatus.APPROVED
    queue.close()
    boss.close()

    # Back in the case window: issue the letter, print it (to the test's printer).
    workspace.activateWindow()
    qtbot.waitUntil(workspace.isActiveWindow)
    assert workspace.header.step_label.text() == "通知書を発行・印刷"
    _key(qtbot, Qt.Key.Key_G, CTRL)
    assert focused() is workspace.letters.issue_button
    _key(qtbot, Qt.Key.Key_Space)
    tray = PaperTray(name="PDF")
    fake_ui(gui).print_pdf = tray
    _tab_to(qtbot, workspace.letters.print_button)
    _key(qtbot, Qt.Key.Key_Space)
    assert len(tray.printed) == 1
    assert _status(ctx, case_id) is CaseStatus.LETTER_PRINTED

    # Posted: Ctrl+G opens the mail dialog; the scanner types the number; Ctrl+Enter records.
    _key(qtbot, Qt.Key.Key_G, CTRL)
    mail = workspace.letters.mail_dialog
    assert isinstance(mail, OutgoingMailDialog)
    qtbot.waitExposed(mail)
    qtbot.waitUntil(lambda: focused() is mail.number.edit)
    type_here(qtbot, tracking_number(901))
    _key(qtbot, Qt.Key.Key_Return)
    assert _status(ctx, case_id) is CaseStatus.LETTER_PRINTED  # the scanner's Enter never saves
    _key(qtbot, Qt.Key.Key_Return, CTRL)
    assert _status(ctx, case_id) is CaseStatus.SENT

    # Nothing came back: Ctrl+G closes the case (after a yes).
    workspace.activateWindow()
    qtbot.waitUntil(workspace.isActiveWindow)
    assert workspace.header.step_label.text() == "案件を完了"
    messages.confirm_answers = [True]
    _key(qtbot, Qt.Key.Key_G, CTRL)
    assert _status(ctx, case_id) is CaseStatus.CLOSED
    assert workspace.header.step_button.isHidden()
