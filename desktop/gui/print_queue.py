"""The print queue: issued letters of approved cases that nobody has printed yet.

The clerk ticks letters and prints them as one batch: the printer is chosen once, each letter's
stored bytes are printed as they are, and each letter gets its own print record. The address
label sheet for the same letters comes from the addressee each letter was issued to. The sealing
station checks each envelope's pages and label before it is sealed.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import KnownError
from desktop.gui.context import GuiContext
from desktop.gui.letters_panel import letter_title
from desktop.gui.sealing_station import SealingStationDialog
from desktop.services import letters
from desktop.services.changes import Changes
from desktop.services.context import JST, CurrentUser
from desktop.services.letters import QueuedLetter

log = logging.getLogger("kaiji.gui.print_queue")


LETTER_ID_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class BatchRecorded:
    """How recording the batch went: letters recorded, and the ones refused with why."""

    recorded: tuple[int, ...]
    refused: tuple[str, ...]
    changes: Changes


def record_batch(
    gui: GuiContext, user: CurrentUser, ids: Sequence[int], printer: str
) -> BatchRecorded:
    """One print record per letter; a letter refused (printed meanwhile elsewhere) is reported."""
    recorded: list[int] = []
    refused: list[str] = []
    changes = Changes()
    for letter_id in ids:
        try:
            record = letters.record_print(gui.services, user, letter_id, printer)
        except KnownError as error:
            refused.append(error.message(gui.language))
            continue
        recorded.append(letter_id)
        changes |= record.changes
    return BatchRecorded(tuple(recorded), tuple(refused), changes)


class PrintQueueDialog(QDialog):
    """The letters waiting to be printed, with batch printing and the address label sheet."""

    def __init__(self, gui: GuiContext, user: CurrentUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._gui = gui
        self._user = user
        self.queue: list[QueuedLetter] = []
        self.setWindowTitle(self.tr("Print queue"))
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Reference"),
                self.tr("Addressee"),
                self.tr("Letter"),
                self.tr("Version"),
                self.tr("Issued"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._update_buttons)
        self.count_label = QLabel()
        self.select_all_button = QPushButton(self.tr("Select &all"))
        self.select_all_button.clicked.connect(self.select_all)
        self.print_button = QPushButton(self.tr("&Print selected…"))
        self.print_button.clicked.connect(self.print_selected)
        self.labels_button = QPushButton(self.tr("Print address &labels…"))
        self.labels_button.clicked.connect(self.print_labels)
        self.sealing_button = QPushButton(self.tr("&Sealing check…"))
        self.sealing_button.clicked.connect(self.open_sealing_station)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.select_all_button)
        row.addWidget(self.count_label, 1)
        row.addWidget(self.sealing_button)
        row.addWidget(self.labels_button)
        row.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Issued letters of approved cases that have not been printed. Tick the ones "
                    "to print; each is printed exactly as it was issued."
                )
            )
        )
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(820, 480)
        self._update_buttons()
        gui.runner.changed.connect(self._on_changes)
        self.reload()

    def open_sealing_station(self) -> SealingStationDialog:
        station = SealingStationDialog(self._gui, self._user, self)
        station.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        station.show()
        return station

    def _on_changes(self, changes: Changes, _initiator: object) -> None:
        if changes.case_list or changes.cases:
            self.reload()

    def reload(self) -> None:
        services = self._gui.services
        self._gui.op(self, lambda: letters.print_queue(services)).success(self._show).run()

    def _show(self, queue: list[QueuedLetter]) -> None:
        still_chosen = set(self.checked_ids)
        self.queue = queue
        language = self._gui.language
        self.table.blockSignals(True)
        self.table.setRowCount(len(queue))
        for row, letter in enumerate(queue):
            reference = QTableWidgetItem(letter.reference)
            reference.setFlags(reference.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            chosen = letter.letter_id in still_chosen
            reference.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
            reference.setData(LETTER_ID_ROLE, letter.letter_id)
            issued = letter.created_at.astimezone(JST).strftime("%Y/%m/%d %H:%M")
            self.table.setItem(row, 0, reference)
            self.table.setItem(row, 1, QTableWidgetItem(letter.addressee_name))
            self.table.setItem(row, 2, QTableWidgetItem(letter_title(letter.kind, language)))
            self.table.setItem(row, 3, QTableWidgetItem(str(letter.version)))
            self.table.setItem(row, 4, QTableWidgetItem(issued))
        self.table.blockSignals(False)
        self._update_buttons()

    @property
    def checked_ids(self) -> list[int]:
        found = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                found.append(int(item.data(LETTER_ID_ROLE)))
        return found

    def set_checked(self, letter_ids: Sequence[int]) -> None:
        wanted = set(letter_ids)
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None:
                checked = int(item.data(LETTER_ID_ROLE)) in wanted
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def select_all(self) -> None:
        everything = [q.letter_id for q in self.queue]
        self.set_checked([] if self.checked_ids == everything else everything)

    def _update_buttons(self) -> None:
        chosen = len(self.checked_ids)
        self.count_label.setText(
            self.tr("%1 of %2 letters selected")
            .replace("%1", str(chosen))
            .replace("%2", str(len(self.queue)))
        )
        self.print_button.setEnabled(chosen > 0)
        self.labels_button.setEnabled(chosen > 0)
        self.select_all_button.setEnabled(bool(self.queue))

    def print_selected(self) -> None:
        ids = self.checked_ids
        if not ids:
            return
        services, user = self._gui.services, self._user
        (
            self._gui.op(self, lambda: [letters.letter_pdf(services, user, i) for i in ids])
            .success(lambda pdfs: self._print(ids, pdfs))
            .with_progress(self.tr("Preparing the letters…"))
            .run()
        )

    def _failed(self, exc: OSError) -> None:
        log.warning("printing failed: %s", exc)
        self._gui.messages.error(
            self, self.tr("Printing failed: %1").replace("%1", exc.strerror or str(exc))
        )

    def _print(self, ids: list[int], pdfs: list[bytes]) -> None:
        try:
            printer = self._gui.ui.print_pdfs(self, pdfs, self.tr("Letters"))
        except OSError as exc:
            self._failed(exc)
            return
        if printer is None:
            return
        gui, user = self._gui, self._user
        log.info("printed a batch of %d letters", len(ids))
        self._gui.op(self, lambda: record_batch(gui, user, ids, printer)).success(
            self._recorded
        ).run()

    def _recorded(self, result: BatchRecorded) -> None:
        if result.refused:
            self._gui.messages.warning(
                self,
                self.tr("%1 letters printed and recorded. Not recorded:").replace(
                    "%1", str(len(result.recorded))
                )
                + "\n"
                + "\n".join(result.refused),
            )
        if result.changes.empty:  # otherwise `_on_changes` reloads
            self.reload()

    def print_labels(self) -> None:
        ids = self.checked_ids
        if not ids:
            return
        services = self._gui.services
        self._gui.op(self, lambda: letters.labels_pdf(services, ids)).success(
            self._print_labels
        ).run()

    def _print_labels(self, pdf: bytes) -> None:
        try:
            self._gui.ui.print_pdf(self, pdf, self.tr("Address labels"))
        except OSError as exc:
            self._failed(exc)
