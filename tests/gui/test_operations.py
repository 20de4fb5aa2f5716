"""The background-operation API: callbacks, known errors, bugs, Changes, the real worker thread,
and long work: progress reaches the dialog, cancel reaches the work, the GUI thread never waits.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain.errors import InvalidInput
from desktop.domain.progress import CancelToken, Progress
from desktop.gui.operations import (
    ImmediateExecutor,
    Operation,
    OperationRunner,
    ThreadExecutor,
    changes_of,
)
from desktop.services.changes import Changes
from tests.gui.conftest import RecordingMessages


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_success_callback_gets_the_value(runner: OperationRunner, parent: QWidget) -> None:
    got: list[int] = []
    Operation(parent, lambda: 6 * 7, runner).success(got.append).run()
    assert got == [42]
    assert not runner.busy


def test_known_error_goes_to_a_friendly_message(
    runner: OperationRunner, parent: QWidget, messages: RecordingMessages
) -> None:
    def refuse() -> None:
        raise InvalidInput("入力が正しくありません。", "Wrong input.")

    Operation(parent, refuse, runner).success(lambda _: pytest.fail("no success")).run()
    assert messages.said == [("error", "入力が正しくありません。")]


def test_known_error_goes_to_the_failure_callback_instead(
    runner: OperationRunner, parent: QWidget, messages: RecordingMessages
) -> None:
    failures: list[str] = []

    def refuse() -> None:
        raise InvalidInput("だめ", "no")

    Operation(parent, refuse, runner).failure(lambda e: failures.append(e.message("en"))).run()
    assert failures == ["no"]
    assert messages.said == []


def test_a_bug_goes_to_the_crash_handler_not_the_failure_callback(
    messages: RecordingMessages, parent: QWidget
) -> None:
    bugs: list[BaseException] = []
    runner = OperationRunner(ImmediateExecutor(), messages, on_bug=bugs.append)

    def broken() -> None:
        raise ZeroDivisionError

    Operation(parent, broken, runner).failure(lambda _: pytest.fail("not a known error")).run()
    assert len(bugs) == 1
    assert isinstance(bugs[0], ZeroDivisionError)


def test_changes_are_announced_with_their_initiator(
    runner: OperationRunner, parent: QWidget
) -> None:
    heard: list[tuple[Changes, object]] = []
    runner.changed.connect(lambda changes, initiator: heard.append((changes, initiator)))
    changes = Changes(cases=frozenset({3}), case_list=True)
    Operation(parent, lambda: ("detail", changes), runner).run()
    Operation(parent, Changes, runner).run()  # empty: nothing to announce
    assert heard == [(changes, parent)]


def test_changes_of_finds_the_changes_in_a_result() -> None:
    changes = Changes(users=True)

    class Result:
        def __init__(self) -> None:
            self.changes = changes

    assert changes_of(changes) is changes
    assert changes_of(Result()) is changes
    assert changes_of(("x", changes)) is changes
    assert changes_of(42) is None


def test_callbacks_are_skipped_when_the_parent_is_gone(runner: OperationRunner) -> None:
    widget = QWidget()
    got: list[int] = []
    operation = Operation(widget, lambda: 1, runner).success(got.append)
    import shiboken6

    shiboken6.delete(widget)
    operation.run()
    assert got == []


def test_the_real_worker_thread_delivers_on_the_gui_thread(
    qtbot: QtBot, parent: QWidget, messages: RecordingMessages, bugs: list[BaseException]
) -> None:
    executor = ThreadExecutor()
    runner = OperationRunner(executor, messages, on_bug=bugs.append)
    worker_threads: list[str] = []
    delivered_on: list[threading.Thread] = []

    def work() -> int:
        worker_threads.append(threading.current_thread().name)
        return 7

    def done(value: int) -> None:
        delivered_on.append(threading.current_thread())

    try:
        Operation(parent, work, runner).success(done).with_progress("…").run()
        assert runner.busy
        qtbot.waitUntil(lambda: bool(delivered_on), timeout=5000)
    finally:
        runner.shutdown()
    assert worker_threads[0].startswith("kaiji-db")
    assert delivered_on == [threading.main_thread()]
    assert not runner.busy


@pytest.fixture
def threaded(messages: RecordingMessages, bugs: list[BaseException]) -> Iterator[OperationRunner]:
    runner = OperationRunner(
        ImmediateExecutor(), messages, on_bug=bugs.append, long_executor=ThreadExecutor()
    )
    yield runner
    runner.shutdown()
    runner.deleteLater()


def test_long_work_shows_its_progress_and_the_result_arrives(
    qtbot: QtBot, threaded: OperationRunner, parent: QWidget
) -> None:
    release = threading.Event()
    results: list[str] = []
    seen: list[tuple[int, int]] = []
    worker_threads: list[threading.Thread] = []

    def work(progress: Progress, _cancel: CancelToken) -> str:
        worker_threads.append(threading.current_thread())
        for page in range(1, 6):
            progress(page, 5)
            if page == 3:
                release.wait(5)
        return "done"

    job = Operation.job(parent, threaded, "読み取り中", work).success(results.append)
    job.on_progress(lambda done, total: seen.append((done, total))).run()
    qtbot.waitUntil(lambda: job.dialog is not None and job.dialog.value() == 3, timeout=3000)
    assert job.dialog is not None
    assert "3 / 5" in job.dialog.labelText()
    assert threaded.busy
    release.set()
    qtbot.waitUntil(lambda: results == ["done"], timeout=3000)
    assert seen[-1] == (5, 5)
    assert job.dialog is None
    assert not threaded.busy
    # The long-job thread: this runner's database "worker" runs calls on the GUI thread.
    assert worker_threads[0] is not threading.main_thread()


def test_cancel_reaches_the_work_between_steps(
    qtbot: QtBot, threaded: OperationRunner, parent: QWidget
) -> None:
    steps: list[int] = []
    outcome: list[str] = []

    def work(progress: Progress, cancel: CancelToken) -> str:
        for step in range(200):
            if cancel.cancelled:
                return "cancelled"
            steps.append(step)
            progress(step, 200)
            time.sleep(0.01)
        return "finished"

    job = threaded.job(parent, "読み取り中", work).success(outcome.append)
    job.run()
    qtbot.waitUntil(lambda: job.dialog is not None, timeout=3000)
    assert job.dialog is not None
    (cancel_button,) = job.dialog.findChildren(QPushButton)
    assert cancel_button.text() == "Cancel"
    qtbot.mouseClick(cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: outcome != [], timeout=5000)
    assert outcome == ["cancelled"]
    assert len(steps) < 200


def test_a_view_with_its_own_stop_button_cancels_the_operation(
    runner: OperationRunner, parent: QWidget
) -> None:
    results: list[str] = []

    def work(progress: Progress, cancel: CancelToken) -> str:
        progress(1, 2)
        return "stopped" if cancel.cancelled else "all"

    operation = Operation.tracked(parent, runner, work)
    operation.cancel()
    operation.success(results.append).run()
    assert results == ["stopped"]
    assert not runner.busy


def test_long_work_refused_is_a_message_and_its_changes_are_announced(
    qtbot: QtBot, threaded: OperationRunner, parent: QWidget, messages: RecordingMessages
) -> None:
    heard: list[Changes] = []
    threaded.changed.connect(lambda changes, _initiator: heard.append(changes))

    def refuse(_progress: Progress, _cancel: CancelToken) -> None:
        raise InvalidInput("ファイルが壊れています。", "The file is damaged.")

    threaded.job(parent, "x", refuse).run()
    qtbot.waitUntil(lambda: messages.said != [], timeout=3000)
    assert messages.said == [("error", "ファイルが壊れています。")]

    threaded.job(parent, "x", lambda _p, _c: Changes(cases=frozenset({4}))).run()
    qtbot.waitUntil(lambda: heard != [], timeout=3000)
    assert heard == [Changes(cases=frozenset({4}))]
