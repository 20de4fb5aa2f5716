"""Help has the user guide (with its pictures) and the shortcut list; a search that finds nothing
says so instead of showing a blank list."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from desktop.gui.context import GuiContext
from desktop.gui.help_dialog import GuideDialog, ShortcutsDialog
from desktop.gui.main_window import MainWindow
from tests.conftest import Staff


def test_f1_opens_the_japanese_guide_with_its_screenshots(
    qtbot: QtBot, gui: GuiContext, staff: Staff
) -> None:
    window = MainWindow(gui, staff.clerk)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.table, Qt.Key.Key_F1)
    guide = window.guide_dialog
    assert isinstance(guide, GuideDialog)
    qtbot.addWidget(guide)
    text = guide.browser.toPlainText()
    assert "案件ウィンドウ" in text
    assert "次の作業" in text
    picture = guide.browser.document().resource(
        QTextDocument.ResourceType.ImageResource, QUrl("screenshots/verification.png")
    )
    assert picture is not None
    assert not picture.isNull()


def test_the_shortcut_list_names_the_keys_of_the_case_window(qtbot: QtBot) -> None:
    dialog = ShortcutsDialog()
    qtbot.addWidget(dialog)
    keys = {dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())}
    assert {"Ctrl+G", "Ctrl+K", "Ctrl+O", "Ctrl+N", "F1", "Ctrl+Shift+R"} <= keys


def test_a_search_that_finds_nothing_says_so(
    qtbot: QtBot, gui: GuiContext, staff: Staff, case_id: int
) -> None:
    window = MainWindow(gui, staff.clerk)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert not window.empty_label.isVisible()
    window.filters.search_edit.setText("zzzz")
    qtbot.keyClick(window.filters.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.model.rowCount() == 0)
    assert window.empty_label.isVisible()
    assert window.empty_label.text() == "No matching cases."
    window.filters.search_edit.clear()
    qtbot.keyClick(window.filters.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    assert not window.empty_label.isVisible()
