"""Attaching an extract from another system to a case, and the readable labels of its columns.

The clerk picks the file (CSV, TSV or .xlsx); it is read on the long-job thread (a workbook takes
a while), then its columns are listed with a label each, prefilled with the column's own name when
it is readable. The same table edits the registry's labels (`LabelsDialog`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.progress import CancelToken, Progress
from desktop.domain.retained import is_raw_name
from desktop.gui.context import GuiContext
from desktop.intake.extracts import Extract
from desktop.services import retained
from desktop.services.changes import Changes, Done
from desktop.services.context import CurrentUser


class LabelTable(QTableWidget):
    """Column header → readable label; the header is read-only, the label editable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 2, parent)
        self.setHorizontalHeaderLabels([self.tr("Column in the file"), self.tr("Label printed")])
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().hide()
        self.setAccessibleName(self.tr("Labels of the columns"))

    def fill(self, headers: Sequence[str], labels: dict[str, str]) -> None:
        self.setRowCount(len(headers))
        for row, header in enumerate(headers):
            key = QTableWidgetItem(header)
            key.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.setItem(row, 0, key)
            default = "" if is_raw_name(header) else header
            self.setItem(row, 1, QTableWidgetItem(labels.get(header, default)))
        self.resizeColumnToContents(0)

    def labels(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for row in range(self.rowCount()):
            key, label = self.item(row, 0), self.item(row, 1)
            if key is not None:
                found[key.text()] = label.text().strip() if label is not None else ""
        return found


class ExtractDialog(QDialog):
    """Choose a file, name its system, label its columns; OK attaches it to the case."""

    attached = Signal(object)  # Changes

    def __init__(
        self, gui: GuiContext, user: CurrentUser, case_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._gui, self._user, self._case_id = gui, user, case_id
        self._extract: Extract | None = None
        self._path: Path | None = None
        self.setWindowTitle(self.tr("Attach an extract"))
        self.file_label = QLabel(self.tr("(no file chosen)"))
        self.choose_button = QPushButton(self.tr("C&hoose file…"))
        self.choose_button.clicked.connect(self.choose)
        self.source_edit = QLineEdit()
        self.source_edit.setMaxLength(retained.MAX_SOURCE_NAME)
        self.source_edit.setPlaceholderText(self.tr("e.g. the credit management system"))
        self.table = LabelTable()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.attach)
        self.buttons.rejected.connect(self.reject)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(self.choose_button)
        form = QFormLayout()
        form.addRow(self.tr("File"), file_row)
        form.addRow(self.tr("&System"), self.source_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.source_edit.textChanged.connect(self._update)
        self.resize(560, 420)
        self._update()

    def _update(self) -> None:
        ready = self._extract is not None and bool(self.source_edit.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def choose(self) -> None:
        path = self._gui.ui.choose_open_file(
            self, self.tr("Choose an extract"), "CSV, TSV, Excel (*.csv *.tsv *.txt *.xlsx)"
        )
        if path is not None:
            self.load(path)

    def load(self, path: Path) -> None:
        """Read the file off the GUI thread, then show its columns."""

        def work(_progress: Progress, _cancel: CancelToken) -> Extract:
            return retained.read_extract_file(path)

        self._gui.job(self, self.tr("Reading the file…"), work).success(
            lambda extract: self._loaded(path, extract)
        ).run()

    def _loaded(self, path: Path, extract: Extract) -> None:
        self._path, self._extract = path, extract
        self.file_label.setText(
            self.tr("%1 (%2 rows)").replace("%1", path.name).replace("%2", str(len(extract.rows)))
        )
        self.table.fill(extract.headers, {})
        self._update()

    def attach(self) -> None:
        extract, path = self._extract, self._path
        if extract is None or path is None:
            return
        services, user, case_id = self._gui.services, self._user, self._case_id
        source, labels = self.source_edit.text(), self.table.labels()
        self._gui.op(
            self,
            lambda: retained.attach_extract(
                services, user, case_id, source, path.name, extract, labels
            ),
        ).success(self._done).run()

    def _done(self, result: Done[int]) -> None:
        changes: Changes = result.changes
        self.attached.emit(changes)
        self.accept()


class LabelsDialog(QDialog):
    """The readable labels of one source's columns (the registry's, 顧客台帳)."""

    def __init__(
        self,
        gui: GuiContext,
        user: CurrentUser,
        source: str,
        headers: Sequence[str],
        labels: dict[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._gui, self._user, self._source = gui, user, source
        self.setWindowTitle(self.tr("Labels of the columns"))
        self.table = LabelTable()
        self.table.fill(headers, labels)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(480, 400)

    def save(self) -> None:
        services, user, source = self._gui.services, self._user, self._source
        labels = self.table.labels()
        self._gui.op(
            self, lambda: retained.set_source_labels(services, user, source, labels)
        ).success(lambda _result: self.accept()).run()
