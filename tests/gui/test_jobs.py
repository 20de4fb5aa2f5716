"""Long jobs: progress reaches the dialog, cancel reaches the work, the GUI thread never waits."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain.errors import InvalidInput
from desktop.gui.jobs import Job, JobControl
from desktop.gui.operations import ImmediateExecutor, OperationRunner, ThreadExecutor
from desktop.services.changes import Changes
from tests.gui.conftest import RecordingMessages


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def threaded(messages: RecordingMessages, bugs: list[BaseException]) -> Iterator[OperationRunner]:
    runner = OperationRunner(
        ImmediateExecutor(), messages, on_bug=bugs.append, long_executor=ThreadExecutor()
    )
    yield runner
    runner.shutdown()
    runner.deleteLater()


def test_progress_is_shown_and_the_result_arrives(
    qtbot: QtBot, threaded: OperationRunner, parent: QWidget
) -> None:
    release = threading.Event()
    results: list[str] = []
    seen: list[tuple[int, int]] = []

    def work(control: JobControl) -> str:
        for page in range(1, 6):
            control.progress(page, 5)
            if page == 3:
                release.wait(5)
        return "done"

    job = Job(parent, threaded, "読み取り中", work).success(results.append)
    job.control._progressed.connect(lambda d, t: seen.append((d, t)))
    job.run()
    qtbot.waitUntil(lambda: job.dialog is not None and job.dialog.value() == 3, timeout=3000)
    assert job.dialog is not None
    assert "3 / 5" in job.dialog.labelText()
    assert threaded.busy
    release.set()
    qtbot.waitUntil(lambda: results == ["done"], timeout=3000)
    assert seen[-1] == (5, 5)
    assert job.dialog is None
    assert not threaded.busy


def test_cancel_reaches_the_work_between_steps(
    qtbot: QtBot, threaded: OperationRunner, parent: QWidget
) -> None:
    steps: list[int] = []
    outcome: list[str] = []

    def work(control: JobControl) -> str:
        for step in range(200):
            if control.cancelled():
                return "cancelled"
            steps.append(step)
            control.progress(step, 200)
            time.sleep(0.01)
        return "finished"

    job = Job(parent, threaded, "読み取り中", work).success(outcome.append)
    job.run()
    qtbot.waitUntil(lambda: job.dialog is not None, timeout=3000)
    assert job.dialog is not None
    (cancel_button,) = job.dialog.findChildren(QPushButton)
    assert cancel_button.text() == "Cancel"
    qtbot.mouseClick(cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: outcome != [], timeout=5000)
    assert outcome == ["cancelled"]
    assert len(steps) < 200


def test_a_known_error_is_a_message_and_changes_are_announced(
    qtbot: QtBot, threaded: OperationRunner, parent: QWidget, messages: RecordingMessages
) -> None:
    heard: list[Changes] = []
    threaded.changed.connect(lambda changes, _initiator: heard.append(changes))

    def refuse(control: JobControl) -> None:
        raise InvalidInput("ファイルが壊れています。", "The file is damaged.")

    Job(parent, threaded, "x", refuse).run()
    qtbot.waitUntil(lambda: messages.said != [], timeout=3000)
    assert messages.said == [("error", "ファイルが壊れています。")]

    Job(parent, threaded, "x", lambda _c: Changes(cases=frozenset({4}))).run()
    qtbot.waitUntil(lambda: heard != [], timeout=3000)
    assert heard == [Changes(cases=frozenset({4}))]
