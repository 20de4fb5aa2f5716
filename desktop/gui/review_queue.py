"""The supervisor's review queue: decided cases waiting for approval, oldest and nearest deadline
first. Approve, return with a comment, or open the case window. Enter opens, Ctrl+Enter approves
after a confirmation; what was done is said under the list.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QBrush, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
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
from desktop.gui.display import OVERDUE_COLOR, format_date, label
from desktop.services import decisions
from desktop.services.changes import Changes
from desktop.services.context import CurrentUser
from desktop.services.decisions import ReviewItem

CASE_ID_ROLE = Qt.ItemDataRole.UserRole


class ReviewQueueDialog(QDialog):
    """The cases `in_review`; `open_case_requested(case_id, reference)` when one is opened."""

    open_case_requested = Signal(int, str)

    def __init__(self, gui: GuiContext, user: CurrentUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._gui = gui
        self._user = user
        self._items: list[ReviewItem] = []
        self.setWindowTitle(self.tr("Review queue"))
        self.summary = QLabel()
        self.feedback = QLabel()
        self.feedback.setStyleSheet("color: #2e7d32; font-weight: bold;")
        self.table = QTableWidget(0, 8)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Reference"),
                self.tr("Received"),
                self.tr("Due"),
                self.tr("Days left"),
                self.tr("Requester"),
                self.tr("Requests"),
                self.tr("Outcomes"),
                self.tr("Decided by"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.cellDoubleClicked.connect(lambda _r, _c: self.open_selected())
        self.open_button = QPushButton(self.tr("&Open case (Enter)"))
        self.open_button.clicked.connect(self.open_selected)
        self.return_button = QPushButton(self.tr("&Return…"))
        self.return_button.clicked.connect(self.return_selected)
        self.approve_button = QPushButton(self.tr("&Approve (Ctrl+Enter)"))
        self.approve_button.setStyleSheet("font-weight: bold;")
        self.approve_button.clicked.connect(self.approve_selected)
        close_button = QPushButton(self.tr("Close"))
        close_button.clicked.connect(self.reject)
        for button in (self.open_button, self.return_button, self.approve_button, close_button):
            button.setAutoDefault(False)  # Enter belongs to the queue, see keyPressEvent
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.return_button)
        buttons.addWidget(self.approve_button)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.feedback)
        layout.addLayout(buttons)
        self.resize(1080, 520)
        gui.runner.changed.connect(self._on_changes)
        self._update_buttons()
        self.reload()

    # --- loading --------------------------------------------------------------------------

    @property
    def items(self) -> list[ReviewItem]:
        return self._items

    def reload(self) -> None:
        services = self._gui.services
        self._gui.op(self, lambda: decisions.review_queue(services)).success(self._show).run()

    def _on_changes(self, changes: Changes, initiator: QObject | None) -> None:
        if initiator is not self and (changes.case_list or changes.cases):
            self.reload()

    def _show(self, items: list[ReviewItem]) -> None:
        selected = self.selected_item()
        self._items = list(items)
        language = self._gui.language
        self.summary.setText(
            self.tr("%1 cases waiting for approval").replace("%1", str(len(items)))
        )
        self.table.setRowCount(len(items))
        for row, item in enumerate(items):
            values = (
                item.reference,
                format_date(item.received_on),
                format_date(item.due_on),
                self._days_left_text(item.days_left),
                item.sender_name,
                "、".join(label(kind, language) for kind in item.kinds),
                item.summary(language),
                item.decided_by,
            )
            overdue = item.overdue
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setData(CASE_ID_ROLE, item.case_id)
                if overdue:
                    cell.setForeground(QBrush(OVERDUE_COLOR))
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        keep = next(
            (r for r, i in enumerate(items) if selected and i.case_id == selected.case_id), 0
        )
        if items:
            self.table.selectRow(keep)
        self._update_buttons()

    def _days_left_text(self, days: int) -> str:
        if days < 0:
            return self.tr("%1 days over").replace("%1", str(-days))
        if days == 0:
            return self.tr("Due today")
        return self.tr("%1 days").replace("%1", str(days))

    # --- actions --------------------------------------------------------------------------

    def selected_item(self) -> ReviewItem | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or not 0 <= rows[0].row() < len(self._items):
            return None
        return self._items[rows[0].row()]

    def _update_buttons(self) -> None:
        chosen = self.selected_item() is not None
        for button in (self.open_button, self.return_button, self.approve_button):
            button.setEnabled(chosen)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.approve_selected()
            else:
                self.open_selected()
            return
        super().keyPressEvent(event)

    def open_selected(self) -> None:
        item = self.selected_item()
        if item is not None:
            self.open_case_requested.emit(item.case_id, item.reference)

    def approve_selected(self) -> None:
        item = self.selected_item()
        if item is None:
            return
        if not self._gui.messages.confirm(
            self,
            self.tr("Approve the decision on %1 (%2)?\n%3")
            .replace("%1", item.reference)
            .replace("%2", item.sender_name)
            .replace("%3", item.summary(self._gui.language)),
            ok_label=self.tr("Approve"),
            cancel_label=self.tr("Cancel"),
        ):
            return
        services, user = self._gui.services, self._user
        self._gui.op(
            self, lambda: decisions.approve(services, user, item.case_id, item.version)
        ).success(
            lambda _result: self._done(self.tr("%1 approved.").replace("%1", item.reference))
        ).failure(self._refused).run()

    def _done(self, text: str) -> None:
        self.feedback.setText(text)
        self.reload()

    def return_selected(self) -> None:
        item = self.selected_item()
        if item is None:
            return
        comment = self._gui.messages.ask_text(
            self,
            self.tr("Return for rework"),
            self.tr("What should %1 change? (required)").replace("%1", item.decided_by),
            multiline=True,
            required=True,
        )
        if comment is None:
            return
        if not comment.strip():
            self._gui.messages.warning(self, self.tr("Returning a case needs a comment."))
            return
        services, user = self._gui.services, self._user
        self._gui.op(
            self,
            lambda: decisions.return_for_rework(
                services, user, item.case_id, item.version, comment.strip()
            ),
        ).success(
            lambda _result: self._done(
                self.tr("%1 returned to %2.")
                .replace("%1", item.reference)
                .replace("%2", item.decided_by)
            )
        ).failure(self._refused).run()

    def _refused(self, error: KnownError) -> None:
        self.feedback.setText("")
        self._gui.runner.show_known_error(self, error)
        self.reload()
