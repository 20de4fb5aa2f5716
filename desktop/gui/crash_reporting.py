"""Two kinds of errors: known ones get a friendly message, bugs get the crash dialog.

`install_excepthook` routes every exception that escapes a slot or an event handler: a
`KnownError` (database locked or unreachable, disk full …) is shown in the user's language with what
to do; anything else is logged and shown in a crash dialog whose report can be copied for support.
"""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import KnownError
from desktop.gui.messages import Messages

log = logging.getLogger("kaiji.gui.errors")

LOG_TAIL_LINES = 40

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def app_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("kaiji-desk")
    except PackageNotFoundError:
        return "(development)"


def crash_report(exc: BaseException, log_file: Path | None) -> str:
    """A plain-text report: versions, the traceback and the end of the log (no personal data)."""
    lines = [
        f"Kaiji Desk {app_version()} crash report",
        f"Python {platform.python_version()} on {platform.platform()}",
        f"Qt {qVersion()}, PySide6 {pyside_version}",
        "",
        "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)).rstrip(),
    ]
    if log_file is not None and log_file.exists():
        try:
            tail = log_file.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            tail = []
        lines += ["", f"--- last lines of {log_file.name} ---", *tail[-LOG_TAIL_LINES:]]
    return "\n".join(lines)


class CrashDialog(QDialog):
    """Tells the user something went wrong and offers the report to copy."""

    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("CrashDialog", "Unexpected error"))
        self.resize(720, 480)
        intro = QLabel(
            QCoreApplication.translate(
                "CrashDialog",
                "An unexpected error occurred. Your last change may not have been saved.\n"
                "Please copy the report below and send it to your administrator.",
            )
        )
        intro.setWordWrap(True)
        self.report = QPlainTextEdit(report)
        self.report.setReadOnly(True)
        self.report.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.report.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton(QCoreApplication.translate("CrashDialog", "&Copy report"))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.report)
        layout.addWidget(buttons)
        font = QFont(intro.font())
        font.setBold(True)
        intro.setFont(font)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report.toPlainText())


class ErrorHandler:
    """sys.excepthook for the GUI: KnownError → friendly message, anything else → crash dialog."""

    def __init__(self, messages: Messages, language: str, log_file: Path | None) -> None:
        self.messages = messages
        self.language = language
        self.log_file = log_file
        self._previous: ExceptHook | None = None
        self._showing = False

    def install(self) -> None:
        self._previous = sys.excepthook
        sys.excepthook = self.excepthook

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook = self._previous
            self._previous = None

    def excepthook(
        self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if exc.__traceback__ is None and tb is not None:
            exc = exc.with_traceback(tb)
        self.handle(exc)

    def handle(self, exc: BaseException) -> None:
        parent = QApplication.activeWindow()
        if isinstance(exc, KnownError):
            log.info("known error: %s", type(exc).__name__)
            self.messages.error(parent, exc.message(self.language))
            return
        log.critical("unexpected error", exc_info=exc)
        if self._showing or QApplication.instance() is None:
            return  # an error inside the crash dialog itself: logged, not shown again
        self._showing = True
        try:
            CrashDialog(crash_report(exc, self.log_file), parent).exec()
        finally:
            self._showing = False
