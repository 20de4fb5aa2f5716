"""The main window's scanning: the scanner's watched folder, batches with cover sheets, a SANE
scanner, and the inbox. Files are taken in from the window's new-scans bar.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from desktop.domain.errors import KnownError
from desktop.domain.progress import CancelToken, Progress
from desktop.gui.context import GuiContext
from desktop.gui.open_dialog import open_dialog
from desktop.gui.scan_intake import (
    InboxDialog,
    NewScansBar,
    WatchedFolderMonitor,
    choose_batch,
    run_batch,
)
from desktop.services.context import CurrentUser

log = logging.getLogger("kaiji.gui.scan_controller")


class ScanController(QObject):
    """Scanned files without a chosen case, for a user who may edit cases."""

    status_message = Signal(str, int)  # text, milliseconds
    pages_added = Signal()  # pages went into the selected case

    def __init__(
        self,
        gui: GuiContext,
        user: CurrentUser,
        window: QWidget,
        new_scans: NewScansBar,
        selected_case: Callable[[], int | None],
    ) -> None:
        super().__init__(window)
        self._gui = gui
        self._user = user
        self._window = window
        self._selected_case = selected_case
        self.new_scans = new_scans
        self.scan_monitor: WatchedFolderMonitor | None = None
        self.inbox_dialog: QWidget | None = None
        self.batch_action = QAction(self.tr("Read a &batch with cover sheets…"), self)
        self.batch_action.setShortcut(QKeySequence("Ctrl+Shift+B"))
        self.batch_action.triggered.connect(self.open_batch)
        self.scanner_action = QAction(self.tr("Scan from the &scanner"), self)
        self.scanner_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.scanner_action.triggered.connect(self.scan_from_scanner)
        self.scanner_action.setVisible(False)  # shown once a SANE scanner is found
        self.inbox_action = QAction(self.tr("&Inbox (pages without a case)…"), self)
        self.inbox_action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.inbox_action.triggered.connect(self.open_inbox)

    def actions(self) -> list[QAction]:
        return [self.batch_action, self.scanner_action, self.inbox_action]

    def start(self) -> None:
        """Watch the scanner's folder (when one is set) and look for a SANE scanner."""
        self.new_scans.add_button.clicked.connect(self._add_new_scans_to_case)
        self.new_scans.route_button.clicked.connect(self._route_new_scans)
        self.new_scans.ignore_button.clicked.connect(self._ignore_new_scans)
        folder = self._gui.services.settings.watched_folder
        if folder:
            self.scan_monitor = WatchedFolderMonitor(self._gui, Path(folder), self)
            self.scan_monitor.files_ready.connect(self.new_scans.offer)
            self.scan_monitor.unavailable.connect(
                lambda text: self.status_message.emit(text, 15000)
            )
            self.scan_monitor.start()
        from desktop.intake import sane

        # `scanimage -L` can take seconds looking for scanners: not on the database worker.
        self._gui.op(self._window, sane.available).on_long_thread().success(
            self._scanner_found
        ).failure(self._scanner_probe_failed).run()

    def _scanner_found(self, found: bool) -> None:
        self.scanner_action.setVisible(found)

    def _scanner_probe_failed(self, error: KnownError) -> None:
        log.warning("looking for a scanner failed: %s", error.message("en"))
        self.status_message.emit(error.message(self._gui.language), 15000)

    def _taken(self, files: list[Path]) -> None:
        """Files stored: move them aside in the scanner's folder so they are not offered again."""
        if self.scan_monitor is not None:
            for path in files:
                self.scan_monitor.watch.mark_done(path)
        from desktop.services.scanning import set_aside

        self._gui.op(self._window, lambda: set_aside(files)).run()

    def _add_new_scans_to_case(self) -> None:
        case_id = self._selected_case()
        if case_id is None:
            self._gui.messages.warning(
                self._window, self.tr("Select the case the pages belong to first.")
            )
            return
        files = self.new_scans.take()
        from desktop.services.scanning import ScanOutcome, scan_into_case

        services, user = self._gui.services, self._user

        def work(progress: Progress, cancel: CancelToken) -> ScanOutcome:
            return scan_into_case(services, user, case_id, files, progress, cancel)

        def done(outcome: ScanOutcome) -> None:
            if outcome.cancelled:
                self.new_scans.offer(files)
            else:
                self._taken(files)
                self.pages_added.emit()

        self._gui.job(self._window, self.tr("Reading scanned pages"), work).success(done).failure(
            lambda error: self._scan_refused(files, error)
        ).run()

    def _scan_refused(self, files: list[Path], error: KnownError) -> None:
        self._gui.runner.show_known_error(self._window, error)
        if self.scan_monitor is not None:
            for path in files:
                self.scan_monitor.watch.ignore(path)

    def _route_new_scans(self) -> None:
        files = self.new_scans.take()
        run_batch(
            self._window,
            self._gui,
            self._user,
            files,
            lambda outcome: (
                self.new_scans.offer(files) if outcome.cancelled else self._taken(files)
            ),
        )

    def _ignore_new_scans(self) -> None:
        for path in self.new_scans.take():
            if self.scan_monitor is not None:
                self.scan_monitor.watch.ignore(path)

    def open_batch(self) -> None:
        choose_batch(self._window, self._gui, self._user)

    def open_inbox(self) -> None:
        self.inbox_dialog = open_dialog(InboxDialog(self._gui, self._user, self._window))

    def scan_from_scanner(self) -> None:
        from desktop.intake import sane

        def work(_progress: Progress, _cancel: CancelToken) -> list[Path]:
            devices = sane.list_devices()
            if not devices:
                return []
            return sane.scan(devices[0])

        def scanned(paths: list[Path]) -> None:
            if paths:
                run_batch(self._window, self._gui, self._user, paths)

        self._gui.job(self._window, self.tr("Scanning"), work).success(scanned).run()
