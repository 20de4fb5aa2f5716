"""Typing helpers: ASCII through key clicks, Japanese through an input-method commit.

`qtbot.keyClicks` with non-ASCII text aborts the process (ARCHITECTURE.md "Facts"), so Japanese
goes in the way a real input method delivers it: a QInputMethodEvent whose commit string is the
text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def commit_text(widget: QWidget, text: str) -> None:
    """Type `text` into `widget` as an input method commits it (any script)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def type_here(qtbot: QtBot, text: str) -> None:
    """Type into the focused widget: key clicks for ASCII, an IME commit otherwise."""
    if text.isascii():
        qtbot.keyClicks(focused(), text)
    else:
        commit_text(focused(), text)


def tab(qtbot: QtBot, times: int = 1) -> QWidget:
    for _ in range(times):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    return focused()
