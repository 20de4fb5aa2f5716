"""Pages that arrive without a case chosen: the scanner's watched folder, a batch with cover sheets,
a SANE scanner, and the inbox where pages no cover sheet routed wait for the clerk.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import KnownError
from desktop.domain.progress import CancelToken, Progress
from desktop.gui.context import GuiContext
from desktop.gui.display import label
from desktop.gui.file_filters import FILE_FILTER
from desktop.gui.operations import Operation
from desktop.intake.watch import FolderWatch
from desktop.services import documents
from desktop.services.context import CurrentUser
from desktop.services.documents import DocumentSummary

if TYPE_CHECKING:
    # Reading scans imports OCR, PDF and the cover sheets: only when a batch is read.
    from desktop.services.changes import Changes
    from desktop.services.scanning import BatchOutcome

log = logging.getLogger("kaiji.gui.scan_intake")

POLL_MS = 2000


class WatchedFolderMonitor(QObject):
    """Polls the scanner's folder off the GUI thread; announces files that finished writing."""

    files_ready = Signal(list)  # list[Path]
    unavailable = Signal(str)  # the message, once until the folder comes back

    def __init__(self, gui: GuiContext, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._gui = gui
        self.watch = FolderWatch(folder)
        self._polling = False
        self._failing = False
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)

    def start(self) -> None:
        self.timer.start()

    def poll(self) -> None:
        if self._polling:
            return
        self._polling = True
        watch = self.watch
        self._gui.op(self, lambda: watch.poll(time.monotonic())).success(self._polled).failure(
            self._failed
        ).run()

    def _polled(self, ready: list[Path]) -> None:
        self._polling = False
        self._failing = False
        if ready:
            self.files_ready.emit(ready)

    def _failed(self, error: KnownError) -> None:
        self._polling = False
        if not self._failing:
            self._failing = True
            self.unavailable.emit(error.message(self._gui.language))


class NewScansBar(QWidget):
    """Offers the files the scanner just saved: add them to the selected case, or route them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.files: list[Path] = []
        self.text = QLabel()
        self.add_button = QPushButton(self.tr("Add to the selected case"))
        self.route_button = QPushButton(self.tr("Route by cover sheets"))
        self.ignore_button = QPushButton(self.tr("Ignore"))
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.text, 1)
        for button in (self.add_button, self.route_button, self.ignore_button):
            row.addWidget(button)
        self.setStyleSheet("NewScansBar { background: #fff8e1; border-bottom: 1px solid #ffe082; }")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.hide()

    def offer(self, files: Sequence[Path]) -> None:
        self.files = sorted({*self.files, *files})
        self.text.setText(
            self.tr("The scanner saved %1 new file(s): %2")
            .replace("%1", str(len(self.files)))
            .replace("%2", ", ".join(p.name for p in self.files[:3]))
            + ("…" if len(self.files) > 3 else "")
        )
        self.show()

    def take(self) -> list[Path]:
        files, self.files = self.files, []
        self.hide()
        return files


def run_batch(
    parent: QWidget,
    gui: GuiContext,
    user: CurrentUser,
    paths: Sequence[Path],
    done: Callable[[BatchOutcome], None] | None = None,
) -> Operation[BatchOutcome]:
    """Read a batch with cover sheets as a long job; report where the pages went."""
    services = gui.services

    def work(progress: Progress, cancel: CancelToken) -> BatchOutcome:
        from desktop.services import scanning

        return scanning.scan_batch(services, user, paths, progress, cancel)

    def report(outcome: BatchOutcome) -> None:
        if outcome.cancelled:
            gui.messages.info(
                parent, QCoreApplication.translate("ScanIntake", "Cancelled. No page was stored.")
            )
        else:
            lines = [
                QCoreApplication.translate("ScanIntake", "%1: %2 page(s)")
                .replace("%1", reference)
                .replace("%2", str(count))
                for reference, count in sorted(outcome.routed.items())
            ]
            if outcome.inbox_pages:
                lines.append(
                    QCoreApplication.translate(
                        "ScanIntake", "Inbox (no cover sheet): %1 page(s)"
                    ).replace("%1", str(outcome.inbox_pages))
                )
            lines.append(
                QCoreApplication.translate(
                    "ScanIntake", "Cover sheets: %1, blank pages left out: %2"
                )
                .replace("%1", str(outcome.cover_sheets))
                .replace("%2", str(outcome.blank_pages))
            )
            gui.messages.info(parent, "\n".join(lines))
        if done is not None:
            done(outcome)

    job = gui.job(
        parent, QCoreApplication.translate("ScanIntake", "Reading the scanned batch"), work
    )
    job.success(report).run()
    return job


def choose_batch(parent: QWidget, gui: GuiContext, user: CurrentUser) -> None:
    paths = gui.ui.choose_open_files(
        parent,
        QCoreApplication.translate("ScanIntake", "Scanned batch with cover sheets"),
        QCoreApplication.translate("ScanIntake", "Scans (%1)").replace("%1", FILE_FILTER),
    )
    if paths:
        run_batch(parent, gui, user, paths)


class InboxDialog(QDialog):
    """Pages no cover sheet routed: look at them, then move them to the right case."""

    def __init__(self, gui: GuiContext, user: CurrentUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._gui = gui
        self._user = user
        self.pages: list[DocumentSummary] = []
        self.setWindowTitle(self.tr("Inbox — pages without a case"))
        self.list = QListWidget()
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(QSize(140, 140))
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.reference_edit = QLineEdit()
        self.reference_edit.setPlaceholderText(self.tr("Case reference, e.g. KD2026-000123"))
        self.assign_button = QPushButton(self.tr("Move selected pages to this case"))
        self.assign_button.clicked.connect(self.assign)
        self.reference_edit.returnPressed.connect(self.assign)
        self.empty = QLabel(self.tr("The inbox is empty."))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Case:")))
        row.addWidget(self.reference_edit, 1)
        row.addWidget(self.assign_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        self.resize(900, 600)
        self.reload()

    def reload(self) -> None:
        services, user = self._gui.services, self._user

        def load() -> tuple[list[DocumentSummary], dict[int, bytes]]:
            return (
                documents.list_documents(services, user, None),
                documents.view_thumbnails(services, user, None),
            )

        self._gui.op(self, load).success(lambda got: self._show(*got)).run()

    def _show(self, pages: list[DocumentSummary], thumbnails: dict[int, bytes]) -> None:
        self.pages = pages
        self.list.clear()
        for page in pages:
            text = (
                f"{page.source_name} p.{page.source_page}\n{label(page.kind, self._gui.language)}"
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, page.document_id)
            data = thumbnails.get(page.document_id)
            if data:
                pixmap = QPixmap()
                pixmap.loadFromData(data)
                item.setIcon(QIcon(pixmap))
            self.list.addItem(item)
        self.empty.setVisible(not pages)
        self.assign_button.setEnabled(bool(pages))

    def assign(self) -> None:
        ids = [int(item.data(Qt.ItemDataRole.UserRole)) for item in self.list.selectedItems()]
        reference = self.reference_edit.text()
        if not ids or not reference.strip():
            self._gui.messages.warning(
                self, self.tr("Select pages and type the case reference they belong to.")
            )
            return
        services, user = self._gui.services, self._user

        def assign() -> Changes:
            from desktop.services import scanning

            return scanning.assign_inbox_pages(services, user, ids, reference)

        self._gui.op(self, assign).success(lambda _changes: self.reload()).run()
