"""Extending a deadline from the detail panel: keyboard, required reason, stale copies, who may."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.domain.status import CaseStatus
from desktop.gui.case_detail_panel import CaseDetailPanel
from desktop.gui.context import GuiContext
from desktop.gui.extension_dialog import ExtensionDialog
from desktop.services import cases
from desktop.services.context import ServiceContext
from tests.conftest import Staff
from tests.gui.conftest import RecordingMessages, open_panel
from tests.gui.keyboard import focused, tab, type_here

REASON = "資料の確認に時間を要するため"


def _open_dialog(qtbot: QtBot, panel: CaseDetailPanel) -> ExtensionDialog:
    assert panel.ui.extendButton.isEnabled()
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    qtbot.keyClick(panel, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)  # 期限を延長(&E)…
    qtbot.waitUntil(lambda: panel.extension_dialog is not None)  # a mnemonic animates the click
    dialog = panel.extension_dialog
    assert isinstance(dialog, ExtensionDialog)
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(dialog.ui.newDueEdit.hasFocus)
    return dialog


def test_extend_with_the_keyboard(
    qtbot: QtBot,
    gui: GuiContext,
    ctx: ServiceContext,
    staff: Staff,
    case_id: int,
    messages: RecordingMessages,
) -> None:
    panel = open_panel(qtbot, gui, staff.clerk, case_id)
    assert not panel.ui.extensionReasonLabel.isVisibleTo(panel)
    dialog = _open_dialog(qtbot, panel)
    assert dialog.ui.currentDueLabel.text() == "2026/12/02（令和8年12月2日）"
    assert dialog.new_due_on == date(2026, 12, 16)  # the latest the profile allows
    assert not dialog.ok_button.isEnabled()

    type_here(qtbot, "20261210")  # year, month and day sections in turn
    assert dialog.new_due_on == date(2026, 12, 10)
    assert dialog.ui.newDueHint.text() == "令和8年12月10日"
    assert tab(qtbot) is dialog.ui.reasonEdit
    type_here(qtbot, REASON)
    assert dialog.ok_button.isEnabled()
    qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    stored = cases.get_case(ctx, case_id)
    assert stored.deadline.due_on == date(2026, 12, 10)
    assert stored.extension_reason == REASON
    assert messages.said == []
    qtbot.waitUntil(lambda: panel.extension_dialog is None)
    assert panel.detail is not None
    assert panel.detail.version == stored.version
    assert panel.ui.dueLabel.text() == "2026/12/10（令和8年12月10日）"
    assert panel.ui.extensionTitle.text() == "Extension reason:"  # 延長理由: in Japanese
    assert panel.ui.extensionReasonLabel.text() == REASON
    assert panel.ui.extensionReasonLabel.isVisibleTo(panel)


def test_a_blank_reason_keeps_ok_disabled(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff, case_id: int
) -> None:
    panel = open_panel(qtbot, gui, staff.clerk, case_id)
    dialog = _open_dialog(qtbot, panel)
    assert tab(qtbot) is dialog.ui.reasonEdit
    type_here(qtbot, "   ")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # a new line: still blank
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible()
    assert cases.get_case(ctx, case_id).extension_reason == ""
    type_here(qtbot, "x")
    assert dialog.ok_button.isEnabled()
    dialog.ui.reasonEdit.clear()
    assert not dialog.ok_button.isEnabled()


def test_a_stale_copy_says_so_and_reloads(
    qtbot: QtBot,
    gui: GuiContext,
    ctx: ServiceContext,
    staff: Staff,
    case_id: int,
    messages: RecordingMessages,
) -> None:
    panel = open_panel(qtbot, gui, staff.clerk, case_id)
    loaded = panel.detail
    assert loaded is not None
    # Another workstation saves the same case first.
    cases.update_case(ctx, staff.clerk2, case_id, loaded.version, {"sender_kana": "ヤマダ タロウ"})
    dialog = _open_dialog(qtbot, panel)
    assert tab(qtbot) is dialog.ui.reasonEdit
    type_here(qtbot, REASON)
    dialog.ok_button.click()
    assert len(messages.texts("warning")) == 1
    assert "別の端末で変更されました" in messages.texts("warning")[0]
    fresh = cases.get_case(ctx, case_id)
    assert fresh.extension_reason == ""
    assert fresh.deadline.due_on == date(2026, 12, 2)
    qtbot.waitUntil(lambda: panel.extension_dialog is None)
    assert panel.detail is not None
    assert panel.detail.version == fresh.version
    assert panel.ui.kanaEdit.text() == "ヤマダ タロウ"


def test_only_open_cases_clean_panels_and_editors_may_extend(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff, case_id: int
) -> None:
    panel = open_panel(qtbot, gui, staff.clerk, case_id)
    assert panel.ui.extendButton.isEnabled()
    panel.ui.postalEdit.setText("100-0001")  # unsaved edits: save or revert first
    assert not panel.ui.extendButton.isEnabled()
    panel.revert()
    assert panel.ui.extendButton.isEnabled()

    version = cases.get_case(ctx, case_id).version
    cases.change_status(ctx, staff.clerk, case_id, version, CaseStatus.WITHDRAWN, "取下げ")
    panel.reload()
    assert not panel.ui.extendButton.isEnabled()

    nobody = CaseDetailPanel(gui, None)
    qtbot.addWidget(nobody)
    nobody.show_case(case_id)
    assert not nobody.ui.extendButton.isEnabled()
    assert not nobody.ui.extendButton.isVisibleTo(nobody)
