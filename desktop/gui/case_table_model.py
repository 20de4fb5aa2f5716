"""The case list as a thin, lazily paged table model (Anki's browser model, on the database).

The model holds one page of rows at a time more than the view has scrolled to: `canFetchMore` /
`fetchMore` load the next ~200 rows in the background, each page starting after the last row
held (keyset paging), so a list of 100 000 cases opens at once and its end costs what its top
does. A refresh reloads what the view shows, from its first visible row on: rows scrolled past
stay as they were, rows below are fetched again as the view reaches them. Filtering and sorting
are done by the database (`CaseQuery`), never in Python.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QTableView

from desktop.domain.errors import KnownError
from desktop.gui.context import GuiContext
from desktop.gui.display import (
    date_with_era,
    days_left_text,
    deadline_color,
    deadline_state_label,
    era_text,
    format_date,
    label,
)
from desktop.matching.tracking import format_tracking
from desktop.services import case_list
from desktop.services.case_list import CaseQuery, CaseRow

log = logging.getLogger("kaiji.gui.case_table_model")

PAGE_SIZE = 200
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    REFERENCE = 0
    RECEIVED = 1
    SENDER = 2
    KINDS = 3
    STATUS = 4
    DUE = 5
    DAYS_LEFT = 6
    TRACKING = 7


# The database column each sortable list column sorts by.
SORT_KEYS: dict[Column, str] = {
    Column.REFERENCE: "reference",
    Column.RECEIVED: "received_on",
    Column.SENDER: "sender_name",
    Column.STATUS: "status",
    Column.DUE: "due_on",
    Column.DAYS_LEFT: "due_on",
    Column.KINDS: "requests",
    Column.TRACKING: "tracking",
}

_CENTERED = frozenset({Column.RECEIVED, Column.DUE, Column.STATUS})


class CaseTableModel(QAbstractTableModel):
    """Rows of `CaseRow`, fetched page by page for the current `CaseQuery`."""

    loaded = Signal()  # a refresh finished (rows and total are current)
    total_changed = Signal(int)

    def __init__(self, gui: GuiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._gui = gui
        self._rows: list[CaseRow] = []
        self._total = 0
        self._query = CaseQuery()
        self._generation = 0
        self._fetching = False
        self._refreshing = False
        self._at_end = False  # a page came back short: nothing after it (whatever the count said)
        self._bold = QFont()
        self._bold.setBold(True)
        self._view: QTableView | None = None

    def follow(self, view: QTableView) -> None:
        """Refresh what `view` shows (its first visible row on) rather than the top of the list."""
        self._view = view

    # --- what the view asks --------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers()[Column(section)]
        if role == Qt.ItemDataRole.ToolTipRole and Column(section) not in SORT_KEYS:
            return self.tr("This column cannot be sorted")
        return None

    def _headers(self) -> dict[Column, str]:
        return {
            Column.REFERENCE: self.tr("Reference"),
            Column.RECEIVED: self.tr("Received"),
            Column.SENDER: self.tr("Sender"),
            Column.KINDS: self.tr("Requests"),
            Column.STATUS: self.tr("Status"),
            Column.DUE: self.tr("Due"),
            Column.DAYS_LEFT: self.tr("Days left"),
            Column.TRACKING: self.tr("Registered mail no."),
        }

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        if role == CASE_ID_ROLE:
            return row.case_id
        handler = {
            Qt.ItemDataRole.DisplayRole: self._display,
            Qt.ItemDataRole.ToolTipRole: self._tooltip,
            Qt.ItemDataRole.ForegroundRole: self._foreground,
            Qt.ItemDataRole.FontRole: self._font,
            Qt.ItemDataRole.TextAlignmentRole: self._alignment,
        }.get(Qt.ItemDataRole(role))
        return handler(row, column) if handler is not None else None

    def _display(self, row: CaseRow, column: Column) -> str:
        language = self._gui.language
        separator = "・" if language == "ja" else ", "
        texts = {
            Column.REFERENCE: row.reference,
            Column.RECEIVED: format_date(row.received_on),
            Column.SENDER: row.sender_name,
            Column.KINDS: separator.join(label(k, language) for k in row.kinds),
            Column.STATUS: label(row.status, language),
            Column.DUE: format_date(row.deadline.due_on),
            Column.DAYS_LEFT: days_left_text(row.deadline) if row.status.is_open else "—",
            Column.TRACKING: format_tracking(row.tracking_number) if row.tracking_number else "",
        }
        return texts[column]

    def _foreground(self, row: CaseRow, column: Column) -> QColor | None:
        return deadline_color(row.deadline) if row.status.is_open else None

    def _font(self, row: CaseRow, column: Column) -> QFont | None:
        overdue = row.status.is_open and row.deadline.days_left < 0
        return self._bold if overdue and column in {Column.DUE, Column.DAYS_LEFT} else None

    def _alignment(self, row: CaseRow, column: Column) -> int | None:
        if column == Column.DAYS_LEFT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return int(Qt.AlignmentFlag.AlignCenter) if column in _CENTERED else None

    def _tooltip(self, row: CaseRow, column: Column) -> str | None:
        if column == Column.RECEIVED:
            return era_text(row.received_on)
        if column in {Column.DUE, Column.DAYS_LEFT}:
            text = date_with_era(row.deadline.due_on)
            if row.status.is_open:
                text += "\n" + deadline_state_label(row.deadline.state)
            return text
        if column == Column.SENDER:
            return row.sender_address or None
        if column == Column.KINDS:
            return "\n".join(label(k, self._gui.language) for k in row.kinds)
        return None

    # --- paging --------------------------------------------------------------------------

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid():
            return False
        if self._fetching or self._refreshing or self._at_end:
            return False
        return len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        generation = self._generation
        query, last = self._query, self._rows[-1] if self._rows else None
        services = self._gui.services
        (
            self._gui.op(self, lambda: case_list.list_cases(services, query, PAGE_SIZE, last))
            .success(lambda rows: self._append(generation, last, rows))
            .failure(lambda error: self._fetch_failed(generation, error))
            .run()
        )

    def _append(self, generation: int, last: CaseRow | None, rows: list[CaseRow]) -> None:
        if generation != self._generation:
            return  # a refresh started meanwhile; its rows replace these
        self._fetching = False
        if (self._rows[-1] if self._rows else None) is not last:
            return
        self._at_end = len(rows) < PAGE_SIZE
        if not rows:
            return
        offset = len(self._rows)
        self.beginInsertRows(QModelIndex(), offset, offset + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def _fetch_failed(self, generation: int, error: KnownError) -> None:
        if generation == self._generation:
            self._fetching = False
            self._refreshing = False
        self._gui.messages.error(None, error.message(self._gui.language))

    # --- query ---------------------------------------------------------------------------

    @property
    def query(self) -> CaseQuery:
        return self._query

    @property
    def total(self) -> int:
        return self._total

    @property
    def loading(self) -> bool:
        return self._refreshing or self._fetching

    def set_query(self, query: CaseQuery) -> None:
        """Show the cases matching `query` (filters and sort), from the first page."""
        self._query = query
        self.refresh()

    def refresh(self) -> None:
        """Reload the count and the rows the view shows, from its first visible row on."""
        self._generation += 1
        generation = self._generation
        self._refreshing = True
        self._fetching = False
        query = self._query
        first, shown = self._visible()
        anchor = self._rows[first] if 0 < first < len(self._rows) else None
        limit = max(PAGE_SIZE, shown)
        services = self._gui.services

        def load() -> tuple[int, list[CaseRow]]:
            count = case_list.count_cases(services, query)
            if anchor is None:
                return count, case_list.list_cases(services, query, limit)
            return count, case_list.list_from(services, query, anchor, limit)

        (
            self._gui.op(self, load)
            .success(lambda result: self._replace(generation, anchor, *result))
            .failure(lambda error: self._fetch_failed(generation, error))
            .run()
        )

    def _visible(self) -> tuple[int, int]:
        """The first row the view shows and how many it shows (0, 0 without a view)."""
        if self._view is None:
            return 0, 0
        height = self._view.viewport().height()
        first = max(0, self._view.rowAt(0))
        last = self._view.rowAt(height - 1)
        return first, (last - first + 1) if last >= first else 0

    def _replace(
        self, generation: int, anchor: CaseRow | None, total: int, rows: list[CaseRow]
    ) -> None:
        if generation != self._generation:
            return
        self._refreshing = False
        self._at_end = False
        first = next((n for n, row in enumerate(self._rows) if row is anchor), 0) if anchor else 0
        if first == 0:
            self.beginResetModel()
            self._rows = rows
            self._total = max(total, len(rows))
            self.endResetModel()
        else:
            self._replace_from(first, rows)
            self._total = max(total, len(self._rows))
        self.total_changed.emit(self._total)
        self.loaded.emit()

    def _replace_from(self, first: int, rows: list[CaseRow]) -> None:
        """Rows `first`… become `rows`; those above stay, so the view keeps its place."""
        above = {row.case_id for row in self._rows[:first]}
        rows = [row for row in rows if row.case_id not in above]
        old, new = len(self._rows) - first, len(rows)
        if new < old:
            self.beginRemoveRows(QModelIndex(), first + new, first + old - 1)
            del self._rows[first + new :]
            self.endRemoveRows()
        if new > old:
            self.beginInsertRows(QModelIndex(), first + old, first + new - 1)
            self._rows.extend(rows[old:])
            self.endInsertRows()
        self._rows[first : first + min(old, new)] = rows[: min(old, new)]
        if min(old, new):
            self.dataChanged.emit(
                self.index(first, 0), self.index(first + min(old, new) - 1, len(Column) - 1)
            )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_KEYS.get(Column(column)) if 0 <= column < len(Column) else None
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._query.sort, self._query.descending):
            return
        self.set_query(replace(self._query, sort=key, descending=descending))

    # --- look-ups ------------------------------------------------------------------------

    def case_id(self, row: int) -> int | None:
        return self._rows[row].case_id if 0 <= row < len(self._rows) else None

    def row_of(self, case_id: int) -> int | None:
        """The row showing `case_id`, if it is loaded."""
        for number, row in enumerate(self._rows):
            if row.case_id == case_id:
                return number
        return None

    def case_row(self, row: int) -> CaseRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None
