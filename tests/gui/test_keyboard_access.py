"""Keyboard: the case window opens from the list by Ctrl+D, Enter or a double-click; no two
entries of one menu (or one panel) share a mnemonic, in either language; the case window starts
with the focus where Ctrl+O and F5 work."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMenu, QWidget
from pytestqt.qtbot import QtBot

from desktop.gui.case_table_model import CASE_ID_ROLE, Column
from desktop.gui.case_workspace import CaseWorkspace
from desktop.gui.context import GuiContext
from desktop.gui.i18n import install_translators, remove_translators
from desktop.gui.main_window import MainWindow
from desktop.services.context import ServiceContext
from tests.conftest import Staff
from tests.gui.conftest import log_cases
from tests.gui.keyboard import focused

_MNEMONIC = re.compile(r"&([^&\s])")


def _mnemonics(texts: list[str]) -> list[str]:
    found = []
    for text in texts:
        match = _MNEMONIC.search(text.replace("&&", ""))
        if match:
            found.append(match.group(1).upper())
    return found


def _duplicates(texts: list[str]) -> list[str]:
    return [letter for letter, n in Counter(_mnemonics(texts)).items() if n > 1]


def _menus(window: MainWindow) -> Iterator[tuple[str, list[QAction]]]:
    bar_actions = window.menuBar().actions()
    yield "menu bar", bar_actions
    pending = [a.menu() for a in bar_actions]
    while pending:
        menu = pending.pop()
        if isinstance(menu, QMenu):
            actions = menu.actions()
            yield menu.title(), actions
            pending += [a.menu() for a in actions if a.menu() is not None]


@pytest.fixture(params=["en", "ja"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    installed = install_translators(qapp, request.param)
    yield request.param
    remove_translators(qapp, installed)


def test_no_menu_has_two_entries_with_one_mnemonic(
    qtbot: QtBot, gui: GuiContext, staff: Staff, language: str
) -> None:
    window = MainWindow(gui, staff.admin)
    qtbot.addWidget(window)
    for title, actions in _menus(window):
        texts = [a.text() for a in actions if not a.isSeparator()]
        assert _duplicates(texts) == [], f"{language} {title}: {texts}"


def _mnemonic_texts(root: QWidget) -> list[str]:
    texts = [b.text() for b in root.findChildren(QAbstractButton) if b.isVisibleTo(root)]
    texts += [
        label.text()
        for label in root.findChildren(QLabel)
        if label.buddy() is not None and label.isVisibleTo(root)
    ]
    return texts


def test_the_detail_panel_has_no_two_fields_with_one_mnemonic(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff, language: str
) -> None:
    log_cases(ctx, staff.clerk, 1)
    window = MainWindow(gui, staff.clerk)
    qtbot.addWidget(window)
    window.show()
    window.table.selectRow(0)
    texts = _mnemonic_texts(window.detail)
    assert _duplicates(texts) == [], f"{language}: {texts}"


def _window_with_cases(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff
) -> MainWindow:
    log_cases(ctx, staff.clerk, 3)
    window = MainWindow(gui, staff.clerk)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.table.setFocus()
    window.table.selectRow(1)
    return window


def _opened(window: MainWindow) -> CaseWorkspace:
    case_id = window.model.index(1, 0).data(CASE_ID_ROLE)
    workspace = window.detail.workspaces.get(case_id)
    assert workspace is not None
    assert workspace.isVisible()
    return workspace


def test_enter_on_the_list_opens_the_case_window(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff
) -> None:
    window = _window_with_cases(qtbot, gui, ctx, staff)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    _opened(window).close()


def test_ctrl_d_on_the_list_opens_the_case_window(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff
) -> None:
    window = _window_with_cases(qtbot, gui, ctx, staff)
    qtbot.keyClick(focused(), Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    _opened(window).close()


def test_double_click_on_the_list_opens_the_case_window(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff
) -> None:
    window = _window_with_cases(qtbot, gui, ctx, staff)
    rect = window.table.visualRect(window.model.index(1, Column.SENDER))
    # A real double-click: press and release, then the second press comes as a double-click.
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    _opened(window).close()


def test_the_case_window_starts_where_ctrl_o_and_f5_work(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff
) -> None:
    window = _window_with_cases(qtbot, gui, ctx, staff)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    workspace = _opened(window)
    qtbot.waitUntil(workspace.isActiveWindow)
    assert focused() is not workspace.link_button
    assert workspace.documents.isAncestorOf(focused())  # Ctrl+O and F5 are the pages' keys
    workspace.close()
