"""Long work with progress and a cancel button: reading a batch of scans, importing a registry.

    Job(parent, runner, label, lambda control: service(..., control.progress, control.cancelled))
        .success(on_done).run()

The function runs on the runner's long-job thread (not the database worker, so the rest of the
window keeps answering). It reports `progress(done, total)` from that thread; a queued signal moves
the numbers to the GUI thread, which updates the progress dialog. Cancel sets a flag the function
polls between steps; what it returns (or the KnownError it raises) comes back like an Operation's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.domain.errors import KnownError
from desktop.domain.progress import CancelToken
from desktop.gui.operations import OperationRunner, Outcome, changes_of

T = TypeVar("T")

SHOW_AFTER_MS = 300


class JobControl(QObject):
    """Handed to the job's function: report progress, ask whether the clerk cancelled."""

    _progressed = Signal(int, int)

    def __init__(self) -> None:
        super().__init__()
        self.token = CancelToken()

    def progress(self, done: int, total: int) -> None:
        self._progressed.emit(done, total)

    def cancelled(self) -> bool:
        return self.token.cancelled

    def cancel(self) -> None:
        self.token.cancel()


class Job(Generic[T]):
    def __init__(
        self,
        parent: QWidget,
        runner: OperationRunner,
        label: str,
        fn: Callable[[JobControl], T],
    ) -> None:
        self._parent = parent
        self._runner = runner
        self._label = label
        self._fn = fn
        self.control = JobControl()
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[KnownError], None] | None = None
        self._dialog: QProgressDialog | None = None
        self._timer: QTimer | None = None
        self._last: tuple[int, int] = (0, 0)
        self._done = False

    def success(self, callback: Callable[[T], None]) -> Job[T]:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[KnownError], None]) -> Job[T]:
        self._on_failure = callback
        return self

    def run(self) -> None:
        self._runner._pending.add(self)
        self.control._progressed.connect(self._progress, Qt.ConnectionType.QueuedConnection)
        self._timer = QTimer(self._parent)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._show)
        self._timer.start(SHOW_AFTER_MS)
        self._runner.long_executor.submit(lambda: self._fn(self.control), self._finish)

    @property
    def dialog(self) -> QProgressDialog | None:
        return self._dialog

    def _show(self) -> None:
        if self._done or not shiboken6.isValid(self._parent):
            return
        cancel_text = QCoreApplication.translate("Job", "Cancel")
        dialog = QProgressDialog(self._label, cancel_text, 0, 0, self._parent)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self._cancel)
        self._dialog = dialog
        if self._last[1]:
            self._progress(*self._last)
        dialog.show()

    @Slot()
    def _cancel(self) -> None:
        self.control.cancel()
        if self._dialog is not None:
            self._dialog.setLabelText(QCoreApplication.translate("Job", "Cancelling…"))

    @Slot(int, int)
    def _progress(self, done: int, total: int) -> None:
        self._last = (done, total)
        dialog = self._dialog
        if dialog is not None and shiboken6.isValid(dialog) and not self.control.cancelled():
            dialog.setMaximum(max(total, 1))
            dialog.setValue(done)
            template = QCoreApplication.translate("Job", "{label} ({done} / {total})")
            dialog.setLabelText(template.format(label=self._label, done=done, total=total))

    def _cleanup(self) -> None:
        self._done = True
        self._runner._pending.discard(self)
        if self._timer is not None and shiboken6.isValid(self._timer):
            self._timer.stop()
            self._timer.deleteLater()
        if self._dialog is not None and shiboken6.isValid(self._dialog):
            self._dialog.close()
            self._dialog.deleteLater()
        self._timer = None
        self._dialog = None

    def _finish(self, outcome: Outcome) -> None:
        self._cleanup()
        error = outcome.error
        alive = shiboken6.isValid(self._parent)
        if error is None:
            changes = changes_of(outcome.value)
            if changes is not None and not changes.empty:
                self._runner.changed.emit(changes, self._parent if alive else None)
            if self._on_success is not None and alive:
                self._on_success(outcome.value)  # type: ignore[arg-type]
            return
        if not isinstance(error, KnownError):
            self._runner.report_bug(error)
            return
        if not alive:
            return
        if self._on_failure is not None:
            self._on_failure(error)
        else:
            self._runner.show_known_error(self._parent, error)
