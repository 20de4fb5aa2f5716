"""Importing the customer registry (顧客台帳の取込み) from a CSV file: administrators only.

The administrator picks the file, its encoding (detected by default) and the source system it
comes from. Each of our items is mapped to a CSV column, prefilled from the mapping saved for that
source or, failing that, from the usual header names; the first rows are shown to check it. The
import runs in the background with a progress bar and can be stopped; afterwards the rejected rows
are listed with their line numbers and reasons.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop.domain.errors import KnownError
from desktop.domain.progress import CancelToken, Progress
from desktop.domain.roles import Role
from desktop.gui.context import GuiContext
from desktop.gui.forms.customer_import_dialog import Ui_CustomerImportDialog
from desktop.gui.operations import Operation
from desktop.services import customers
from desktop.services.context import CurrentUser
from desktop.services.customers import Encoding, ImportReport, Preview, SavedMapping

log = logging.getLogger("kaiji.gui.customer_import")

ENCODINGS: tuple[Encoding, ...] = ("auto", "utf-8", "cp932")


class CustomerImportDialog(QDialog):
    """Choose a file and its column mapping, import it, and show what was rejected."""

    imported = Signal(object)  # the ImportReport

    def __init__(
        self,
        gui: GuiContext,
        user: CurrentUser,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._gui = gui
        self._user = user
        self._operation: Operation[ImportReport] | None = None
        self._importing = False
        self._admin = user.role is Role.ADMIN
        self._saved: SavedMapping | None = None
        self.preview: Preview | None = None
        self.report: ImportReport | None = None
        self.ui = Ui_CustomerImportDialog()
        self.ui.setupUi(self)
        self._setup_encodings()
        self._setup_tables()
        ui = self.ui
        ui.browseButton.clicked.connect(self.browse)
        ui.fileEdit.editingFinished.connect(self.load_preview)
        ui.encodingCombo.currentIndexChanged.connect(self.load_preview)
        ui.sourceCombo.lineEdit().editingFinished.connect(self.load_saved_mapping)
        ui.sourceCombo.activated.connect(self.load_saved_mapping)
        ui.importButton.clicked.connect(self.start_import)
        ui.cancelImportButton.clicked.connect(self.stop_import)
        ui.closeButton.clicked.connect(self.reject)
        for button in (ui.browseButton, ui.importButton, ui.cancelImportButton, ui.closeButton):
            button.setAutoDefault(False)
        ui.rejectedTable.hide()
        ui.progressBar.setValue(0)
        if not self._admin:
            ui.reportLabel.setText(self.tr("Only an administrator may import the registry."))
        else:
            self._load_sources()
        self._update_buttons()
        ui.fileEdit.setFocus()

    # --- set-up ----------------------------------------------------------------------------

    def _setup_encodings(self) -> None:
        labels = {
            "auto": self.tr("Detect (UTF-8 or Shift_JIS)"),
            "utf-8": "UTF-8",
            "cp932": "Shift_JIS (CP932)",
        }
        for value in ENCODINGS:
            self.ui.encodingCombo.addItem(labels[value], value)

    def field_labels(self) -> dict[str, str]:
        return {
            "customer_no": self.tr("Customer no. (required)"),
            "name": self.tr("Name (required)"),
            "name_kana": self.tr("Kana"),
            "birth_date": self.tr("Birth date"),
            "postal_code": self.tr("Postal code"),
            "address": self.tr("Address"),
            "phone": self.tr("Phone"),
        }

    def _setup_tables(self) -> None:
        table = self.ui.mappingTable
        labels = self.field_labels()
        table.setColumnCount(2)
        table.setHorizontalHeaderLabels([self.tr("Item"), self.tr("CSV column")])
        table.setRowCount(len(customers.FIELDS))
        for row, name in enumerate(customers.FIELDS):
            table.setItem(row, 0, QTableWidgetItem(labels[name]))
            combo = QComboBox(table)
            combo.currentIndexChanged.connect(self._update_buttons)
            table.setCellWidget(row, 1, combo)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        rejected = self.ui.rejectedTable
        rejected.setColumnCount(2)
        rejected.setHorizontalHeaderLabels([self.tr("Line"), self.tr("Reason")])
        rejected.verticalHeader().hide()
        rejected.horizontalHeader().setStretchLastSection(True)

    def column_combo(self, field: str) -> QComboBox:
        widget = self.ui.mappingTable.cellWidget(customers.FIELDS.index(field), 1)
        assert isinstance(widget, QComboBox)
        return widget

    # --- choosing the file and the mapping -------------------------------------------------------

    @property
    def encoding(self) -> Encoding:
        value = self.ui.encodingCombo.currentData()
        return value if value in ENCODINGS else "auto"

    @property
    def source(self) -> str:
        return str(self.ui.sourceCombo.currentText()).strip()

    def browse(self) -> None:
        path = self._gui.ui.choose_open_file(
            self, self.tr("Customer registry"), self.tr("CSV files (*.csv *.txt)")
        )
        if path is not None:
            self.ui.fileEdit.setText(str(path))
            self.load_preview()

    def _load_sources(self) -> None:
        services = self._gui.services
        self._gui.op(self, lambda: customers.saved_sources(services)).success(
            self._show_sources
        ).run()

    def _show_sources(self, sources: list[str]) -> None:
        combo = self.ui.sourceCombo
        current = combo.currentText()
        combo.clear()
        combo.addItems(sources)
        combo.setEditText(current)

    def load_saved_mapping(self) -> None:
        """Use the mapping and encoding saved for the source, if it has one."""
        source = self.source
        if not source or not self._admin:
            self._saved = None
            return
        services = self._gui.services
        (
            self._gui.op(self, lambda: customers.load_saved_mapping(services, source))
            .success(self._apply_saved)
            .failure(self._show_error)
            .run()
        )

    def _apply_saved(self, saved: SavedMapping | None) -> None:
        self._saved = saved
        if saved is not None:
            index = self.ui.encodingCombo.findData(saved.encoding)
            if index >= 0 and index != self.ui.encodingCombo.currentIndex():
                self.ui.encodingCombo.setCurrentIndex(index)  # reloads the preview
                return
        self._fill_mapping()

    def load_preview(self) -> None:
        text = self.ui.fileEdit.text().strip()
        if not text or not self._admin:
            return
        path, encoding = Path(text), self.encoding
        (
            self._gui.op(self, lambda: customers.preview_file(path, encoding))
            .success(self._show_preview)
            .failure(self._preview_failed)
            .run()
        )

    def _preview_failed(self, error: KnownError) -> None:
        self.preview = None
        self.ui.previewTable.clear()
        self.ui.previewTable.setRowCount(0)
        self._fill_mapping()
        self._show_error(error)

    def _show_preview(self, preview: Preview) -> None:
        self.preview = preview
        self.ui.reportLabel.setText(
            self.tr("Read as %1.").replace(
                "%1", "UTF-8" if preview.encoding == "utf-8" else "CP932"
            )
        )
        table = self.ui.previewTable
        table.clear()
        table.setColumnCount(len(preview.header))
        table.setHorizontalHeaderLabels(preview.header)
        table.setRowCount(len(preview.rows))
        for row, record in enumerate(preview.rows):
            for column, value in enumerate(record[: len(preview.header)]):
                table.setItem(row, column, QTableWidgetItem(value))
        self._fill_mapping()

    def _fill_mapping(self) -> None:
        """Offer the file's columns for each item; select the saved, else the recognised one."""
        header = self.preview.header if self.preview else []
        saved = self._saved.mapping if self._saved else {}
        recognised = self.preview.recognised if self.preview else {}
        for name in customers.FIELDS:
            combo = self.column_combo(name)
            combo.clear()
            combo.addItem(self.tr("(not in the file)"), "")
            for column in header:
                combo.addItem(column, column)
            wanted = saved.get(name) if saved.get(name) in header else recognised.get(name)
            combo.setCurrentIndex(max(0, combo.findData(wanted or "")))
        self._update_buttons()

    def mapping(self) -> dict[str, str]:
        """Item → CSV header, for the items mapped to a column."""
        chosen = {
            name: str(self.column_combo(name).currentData() or "") for name in customers.FIELDS
        }
        return {name: column for name, column in chosen.items() if column}

    # --- importing -------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        mapped = self.mapping()
        ready = self.preview is not None and {"customer_no", "name"} <= set(mapped)
        ui = self.ui
        ui.importButton.setEnabled(self._admin and ready and not self._importing)
        ui.cancelImportButton.setEnabled(self._importing)
        ui.closeButton.setEnabled(not self._importing)
        for widget in (ui.fileEdit, ui.browseButton, ui.encodingCombo, ui.sourceCombo):
            widget.setEnabled(self._admin and not self._importing)
        ui.mappingTable.setEnabled(self._admin and not self._importing)

    def start_import(self) -> None:
        if self._importing or self.preview is None:
            return
        self._importing = True
        self.report = None
        self.ui.rejectedTable.hide()
        self.ui.progressBar.setRange(0, 0)
        self.ui.reportLabel.setText(self.tr("Importing…"))
        self._update_buttons()
        services, user = self._gui.services, self._user
        path, encoding = Path(self.ui.fileEdit.text().strip()), self.encoding
        mapping, source = self.mapping(), self.source or None

        def work(progress: Progress, cancel: CancelToken) -> ImportReport:
            return customers.import_customers(
                services,
                user,
                path,
                encoding=encoding,
                mapping=mapping,
                source=source,
                progress=progress,
                cancel=cancel,
            )

        self._operation = (
            Operation.tracked(self, self._gui.runner, work)
            .on_long_thread()  # minutes of writing: the database worker stays free for the rest
            .on_progress(self._advanced)
            .success(self._finished)
            .failure(self._failed)
        )
        self._operation.run()

    def stop_import(self) -> None:
        """Stop after the batch being written; the batches already written stay imported."""
        if self._importing and self._operation is not None:
            self._operation.cancel()
            self.ui.reportLabel.setText(self.tr("Stopping after the current batch…"))

    def _advanced(self, done: int, total: int) -> None:
        bar = self.ui.progressBar
        if total > 0:
            bar.setRange(0, total)
            bar.setValue(min(done, total))
        else:
            bar.setRange(0, 0)

    def _finished(self, report: ImportReport) -> None:
        self._importing = False
        self.report = report
        bar = self.ui.progressBar
        bar.setRange(0, 1)
        bar.setValue(1)
        summary = self.tr("%1 added, %2 updated, %3 rejected.")
        summary = summary.replace("%1", str(report.inserted)).replace("%2", str(report.updated))
        summary = summary.replace("%3", str(len(report.rejected)))
        if report.cancelled:
            summary += " " + self.tr("The import was stopped; the rows before it are imported.")
        self.ui.reportLabel.setText(summary)
        self._show_rejected(report)
        self._update_buttons()
        if self.source:
            self._load_sources()
        log.info("registry import finished in the dialog")
        self.imported.emit(report)

    def _show_rejected(self, report: ImportReport) -> None:
        table: QTableWidget = self.ui.rejectedTable
        table.setRowCount(len(report.rejected))
        english = self._gui.language != "ja"
        for row, rejected in enumerate(report.rejected):
            table.setItem(row, 0, QTableWidgetItem(str(rejected.row)))
            reason = rejected.reason_en if english else rejected.reason_ja
            table.setItem(row, 1, QTableWidgetItem(reason))
        table.setVisible(bool(report.rejected))

    def _failed(self, error: KnownError) -> None:
        self._importing = False
        self.ui.progressBar.setRange(0, 1)
        self.ui.progressBar.setValue(0)
        self.ui.reportLabel.setText("")
        self._update_buttons()
        self._show_error(error)

    def _show_error(self, error: KnownError) -> None:
        self._gui.messages.error(self, error.message(self._gui.language))

    def reject(self) -> None:
        """Closing while importing stops the import instead (the dialog stays until it ends)."""
        if self._importing:
            self.stop_import()
            return
        super().reject()
