"""The one way the GUI runs work in the background (like Anki's CollectionOp/QueryOp).

    Operation(parent, fn, runner).success(on_done).failure(on_known_error) \
        .with_progress(label).run()
    Operation.job(parent, runner, label, lambda progress, cancel: service(..., progress, cancel)) \
        .success(on_done).run()

`fn` runs on the runner's executor — one worker thread, so database work never overlaps and each
service call opens its own session there. Long work (reading a batch of scans, scanning, imports)
runs on the long-job thread instead, so the rest of the window keeps answering: it reports
`progress(done, total)` from that thread, a queued signal moves the numbers to the GUI thread, and
its Cancel button sets the `CancelToken` the work polls between steps.

The result comes back to the GUI thread by a queued signal. A `KnownError` goes to the failure
callback or, without one, to a friendly message box; anything else is a bug and goes to the crash
handler. When the result carries a `Changes` value the runner emits `changed(changes, initiator)`
once, and every view decides whether to refresh.

Tests inject `ImmediateExecutor`, which runs the function and delivers the result at once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.domain.errors import KnownError
from desktop.domain.progress import CancelToken, Progress
from desktop.gui.messages import Messages
from desktop.services.changes import Changes

log = logging.getLogger("kaiji.gui.operations")

T = TypeVar("T")

PROGRESS_DELAY_MS = 500  # a busy dialog for a call that takes a while
JOB_DELAY_MS = 300  # the progress dialog of long work, with its Cancel button

Work = Callable[[Progress, CancelToken], T]


@dataclass(frozen=True)
class Outcome:
    """What a background call produced: a value or the exception it raised."""

    value: object = None
    error: BaseException | None = None


Deliver = Callable[[Outcome], None]


def _call(fn: Callable[[], object]) -> Outcome:
    try:
        return Outcome(value=fn())
    except BaseException as exc:  # noqa: BLE001 — handed to the GUI thread, which decides
        return Outcome(error=exc)


class Executor(Protocol):
    """Runs `fn` somewhere and calls `deliver` with its outcome on the GUI thread."""

    def submit(self, fn: Callable[[], object], deliver: Deliver) -> None: ...

    def shutdown(self) -> None: ...


class ImmediateExecutor:
    """Runs every call at once on the calling thread (tests, and scripts without a worker)."""

    def submit(self, fn: Callable[[], object], deliver: Deliver) -> None:
        deliver(_call(fn))

    def shutdown(self) -> None:
        return None


class ThreadExecutor(QObject):
    """One worker thread for database work; outcomes return through a queued signal."""

    _done = Signal(object, object)

    def __init__(self, parent: QObject | None = None, thread_name: str = "kaiji-db") -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=thread_name)
        self._done.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def submit(self, fn: Callable[[], object], deliver: Deliver) -> None:
        self._pool.submit(self._work, fn, deliver)

    def _work(self, fn: Callable[[], object], deliver: Deliver) -> None:
        outcome = _call(fn)
        if shiboken6.isValid(self):
            self._done.emit(deliver, outcome)

    @Slot(object, object)
    def _deliver(self, deliver: Deliver, outcome: Outcome) -> None:
        deliver(outcome)

    def shutdown(self) -> None:
        """Wait for the call in progress and drop the queued ones."""
        self._pool.shutdown(wait=True, cancel_futures=True)


def changes_of(value: object) -> Changes | None:
    """The `Changes` a service result carries: itself, a `.changes` field or a tuple member."""
    if isinstance(value, Changes):
        return value
    found = getattr(value, "changes", None)
    if isinstance(found, Changes):
        return found
    if isinstance(value, tuple):
        for item in value:
            if isinstance(item, Changes):
                return item
    return None


class OperationRunner(QObject):
    """Owns the executor, the message service and the "operation finished" signal."""

    changed = Signal(object, object)  # Changes, the initiating object (or None)

    def __init__(
        self,
        executor: Executor,
        messages: Messages,
        *,
        language: str = "ja",
        on_bug: Callable[[BaseException], None] | None = None,
        parent: QObject | None = None,
        long_executor: Executor | None = None,
    ) -> None:
        super().__init__(parent)
        self.executor = executor
        # Long jobs (OCR of a batch, imports) get their own thread: the database worker stays free.
        self.long_executor = long_executor or executor
        self.messages = messages
        self.language = language
        self._on_bug = on_bug
        self._pending: set[object] = set()

    def op(self, parent: QObject | None, fn: Callable[[], T]) -> Operation[T]:
        """Shorthand for `Operation(parent, fn, self)`."""
        return Operation(parent, fn, self)

    def job(self, parent: QWidget, label: str, work: Work[T]) -> Operation[T]:
        """Shorthand for `Operation.job(parent, self, label, work)`."""
        return Operation.job(parent, self, label, work)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def report_bug(self, exc: BaseException) -> None:
        """Hand an unexpected exception to the crash handler (sys.excepthook by default)."""
        log.error("operation failed", exc_info=exc)
        if self._on_bug is not None:
            self._on_bug(exc)
            return
        import sys

        sys.excepthook(type(exc), exc, exc.__traceback__)

    def show_known_error(self, parent: QObject | None, exc: KnownError) -> None:
        widget = parent if isinstance(parent, QWidget) else None
        self.messages.error(widget, exc.message(self.language))

    def shutdown(self) -> None:
        self.executor.shutdown()
        if self.long_executor is not self.executor:
            self.long_executor.shutdown()


class _Reporter(QObject):
    """Carries progress from the worker's thread to the GUI thread (a queued signal)."""

    progressed = Signal(int, int)


class Operation(Generic[T]):
    """One background call with its callbacks; build it, then `run()` it once.

    `parent` is the object the result is for: when it has been deleted by the time the result
    arrives, the callbacks are skipped. A widget parent also carries the progress dialog.
    """

    def __init__(
        self, parent: QObject | None, fn: Callable[[], T], runner: OperationRunner
    ) -> None:
        self._parent = parent
        self._fn = fn
        self._runner = runner
        self.cancel_token = CancelToken()
        self._reporter: _Reporter | None = None
        self._long = False
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[KnownError], None] | None = None
        self._on_progress: Callable[[int, int], None] | None = None
        self._progress_label: str | None = None
        self._cancellable = False
        self._initiator: QObject | None = parent
        self._timer: QTimer | None = None
        self._dialog: QProgressDialog | None = None
        self._last: tuple[int, int] = (0, 0)
        self._done = False

    @classmethod
    def tracked(
        cls, parent: QObject | None, runner: OperationRunner, work: Work[T]
    ) -> Operation[T]:
        """An operation whose work reports progress and polls the operation's cancel token."""
        token = CancelToken()
        reporter = _Reporter()
        operation = cls(parent, lambda: work(reporter.progressed.emit, token), runner)
        operation.cancel_token = token
        operation._reporter = reporter
        return operation

    @classmethod
    def job(
        cls, parent: QWidget, runner: OperationRunner, label: str, work: Work[T]
    ) -> Operation[T]:
        """Long work on the long-job thread, with a progress dialog and its Cancel button."""
        return cls.tracked(parent, runner, work).on_long_thread().with_progress(label, cancel=True)

    def success(self, callback: Callable[[T], None]) -> Operation[T]:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[KnownError], None]) -> Operation[T]:
        """Handle a KnownError yourself (bugs still go to the crash handler)."""
        self._on_failure = callback
        return self

    def with_progress(self, label: str, *, cancel: bool = False) -> Operation[T]:
        """Show a progress dialog with `label` if the call takes a while; `cancel` adds a
        Cancel button that sets the cancel token."""
        self._progress_label = label
        self._cancellable = cancel
        return self

    def on_progress(self, callback: Callable[[int, int], None]) -> Operation[T]:
        """Hand each `progress(done, total)` of a tracked operation to `callback`, on the GUI
        thread (for a view that shows progress itself)."""
        self._on_progress = callback
        return self

    def on_long_thread(self) -> Operation[T]:
        """Run on the long-job thread, leaving the database worker free."""
        self._long = True
        return self

    def initiated_by(self, initiator: QObject | None) -> Operation[T]:
        """Who the `changed` signal names as the source (default: the parent widget)."""
        self._initiator = initiator
        return self

    @property
    def dialog(self) -> QProgressDialog | None:
        """The progress dialog, while it is shown."""
        return self._dialog

    def cancel(self) -> None:
        """Ask the work to stop at its next step (it decides what a stop leaves behind)."""
        self.cancel_token.cancel()
        dialog = self._dialog
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.setLabelText(QCoreApplication.translate("Operation", "Cancelling…"))

    def run(self) -> None:
        self._runner._pending.add(self)
        if self._reporter is not None:
            self._reporter.progressed.connect(self._progressed, Qt.ConnectionType.QueuedConnection)
        if self._progress_label is not None and isinstance(self._parent, QWidget):
            self._timer = QTimer(self._parent)
            self._timer.setSingleShot(True)
            self._timer.timeout.connect(self._show_progress)
            self._timer.start(JOB_DELAY_MS if self._cancellable else PROGRESS_DELAY_MS)
        executor = self._runner.long_executor if self._long else self._runner.executor
        executor.submit(self._fn, self._finish)

    def _show_progress(self) -> None:
        if self._done or not self._alive() or not isinstance(self._parent, QWidget):
            return
        cancel_text = QCoreApplication.translate("Operation", "Cancel") if self._cancellable else ""
        dialog = QProgressDialog(self._progress_label or "", cancel_text, 0, 0, self._parent)
        if self._cancellable:
            dialog.setAutoReset(False)
            dialog.canceled.connect(self.cancel)
        else:
            dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        self._dialog = dialog
        if self._last[1]:
            self._show_numbers(*self._last)
        dialog.show()

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        if self._done:
            return
        self._last = (done, total)
        if self._on_progress is not None and self._alive():
            self._on_progress(done, total)
        self._show_numbers(done, total)

    def _show_numbers(self, done: int, total: int) -> None:
        dialog = self._dialog
        if dialog is None or not shiboken6.isValid(dialog) or self.cancel_token.cancelled:
            return
        dialog.setMaximum(max(total, 1))
        dialog.setValue(done)
        template = QCoreApplication.translate("Operation", "{label} ({done} / {total})")
        dialog.setLabelText(
            template.format(label=self._progress_label or "", done=done, total=total)
        )

    def _alive(self) -> bool:
        return self._parent is None or shiboken6.isValid(self._parent)

    def _cleanup(self) -> None:
        self._done = True
        self._runner._pending.discard(self)
        if self._timer is not None and shiboken6.isValid(self._timer):
            self._timer.stop()
            self._timer.deleteLater()
        self._timer = None
        if self._dialog is not None and shiboken6.isValid(self._dialog):
            self._dialog.close()
            self._dialog.deleteLater()
        self._dialog = None

    def _finish(self, outcome: Outcome) -> None:
        self._cleanup()
        error = outcome.error
        if error is None:
            changes = changes_of(outcome.value)
            if changes is not None and not changes.empty:
                initiator = self._initiator
                if initiator is not None and not shiboken6.isValid(initiator):
                    initiator = None
                self._runner.changed.emit(changes, initiator)
            if self._on_success is not None and self._alive():
                self._on_success(outcome.value)  # type: ignore[arg-type]
            return
        if not isinstance(error, KnownError):
            self._runner.report_bug(error)
            return
        log.info("operation refused: %s", type(error).__name__)
        if not self._alive():
            return
        if self._on_failure is not None:
            self._on_failure(error)
        else:
            self._runner.show_known_error(self._parent, error)
