"""The background-operation API: callbacks, known errors, bugs, Changes, the real worker thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.domain.errors import InvalidInput
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
