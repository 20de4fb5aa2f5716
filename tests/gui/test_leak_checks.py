"""The leak checks every GUI test runs under find windows, timers and threads left behind."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.conftest import LeakCheck


def test_leaks_are_reported_and_cleaned_up(qapp: QApplication) -> None:
    check = LeakCheck.start(qapp)
    check.thread_grace_s = 0.0
    window = QWidget()
    window.setObjectName("leakyWindow")
    window.show()
    timer = QTimer(qapp)
    timer.setObjectName("leakyTimer")
    timer.start(60_000)
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, name="leaky-thread")
    thread.start()
    try:
        problems = check.finish()
    finally:
        stop.set()
        thread.join()
        timer.deleteLater()
    assert len(problems) == 3
    assert "'leakyWindow'" in problems[0]
    assert "'leakyTimer' in QApplication" in problems[1]
    assert "leaky-thread" in problems[2]
    assert not shiboken6.isValid(window)  # closed and deleted: later tests do not see it
    assert not timer.isActive()
    assert check.finish() == []


def test_closed_widgets_and_their_timers_are_not_leaks(qapp: QApplication, qtbot: QtBot) -> None:
    check = LeakCheck.start(qapp)
    window = QWidget()
    QTimer(window).start(60_000)  # stops when its window is deleted
    window.show()
    window.close()
    window.deleteLater()
    assert check.finish() == []
