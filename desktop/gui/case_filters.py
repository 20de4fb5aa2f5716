"""The case list's filters in the toolbar: search text, status, kind, overdue and due soon.

The bar turns what is set into a `CaseQuery` and says when it changed (typing is debounced); it
can also show a query set elsewhere (a workload count, a dashboard figure).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QLineEdit, QToolBar

from desktop.domain.requests import RequestKind
from desktop.domain.status import CaseStatus
from desktop.gui.display import label
from desktop.gui.workload_bar import WorkloadFilter
from desktop.services.case_list import CaseQuery

SEARCH_DEBOUNCE_MS = 250
OPEN_STATUSES = "open"  # the status filter entry for every case still pending
_OPEN = frozenset(s for s in CaseStatus if s.is_open)


class CaseFilterBar(QObject):
    """The filter widgets of the main toolbar and the query they stand for."""

    changed = Signal()

    def __init__(self, language: str, due_soon_days: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(
            self.tr("Search reference, name, address, mail no. (Ctrl+F)")
        )
        self.search_edit.setMinimumWidth(260)
        self.search_edit.setMaximumWidth(420)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self._changed)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self.search_edit.returnPressed.connect(self._changed)
        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("All statuses"), None)
        self.status_combo.addItem(self.tr("Pending (not answered)"), OPEN_STATUSES)
        for status in CaseStatus:
            self.status_combo.addItem(label(status, language), status.value)
        self.status_combo.setToolTip(self.tr("Status"))
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("All requests"), None)
        for kind in RequestKind:
            self.kind_combo.addItem(label(kind, language), kind.value)
        self.kind_combo.setToolTip(self.tr("Kind of request"))
        self.overdue_action = QAction(self.tr("&Overdue only"), self)
        self.overdue_action.setCheckable(True)
        self.overdue_action.setIconText(self.tr("Overdue only"))
        self.due_soon_action = QAction(
            self.tr("&Due within %1 days").replace("%1", str(due_soon_days)), self
        )
        self.due_soon_action.setCheckable(True)
        self.due_soon_action.setIconText(
            self.tr("Due within %1 days").replace("%1", str(due_soon_days))
        )
        self.status_combo.currentIndexChanged.connect(self._changed)
        self.kind_combo.currentIndexChanged.connect(self._changed)
        self.overdue_action.toggled.connect(self._changed)
        self.due_soon_action.toggled.connect(self._changed)

    def _changed(self) -> None:
        self._search_timer.stop()
        self.changed.emit()

    def add_to(self, toolbar: QToolBar) -> None:
        toolbar.addWidget(self.search_edit)
        toolbar.addWidget(self.status_combo)
        toolbar.addWidget(self.kind_combo)
        toolbar.addAction(self.overdue_action)
        toolbar.addAction(self.due_soon_action)

    def set_enabled(self, enabled: bool) -> None:
        for widget in (self.search_edit, self.status_combo, self.kind_combo):
            widget.setEnabled(enabled)
        for action in (self.overdue_action, self.due_soon_action):
            action.setEnabled(enabled)

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def query(self, current: CaseQuery) -> CaseQuery:
        """The query the filters stand for, sorted as `current` is."""
        status = self.status_combo.currentData()
        if status is None:
            statuses: frozenset[CaseStatus] = frozenset()
        elif status == OPEN_STATUSES:
            statuses = _OPEN
        else:
            statuses = frozenset({CaseStatus(str(status))})
        kind = self.kind_combo.currentData()
        # Start from the sort only: a filter without a toolbar control (a dashboard's week) must
        # not linger unseen once the clerk changes a toolbar filter.
        return CaseQuery(
            sort=current.sort,
            descending=current.descending,
            statuses=statuses,
            kind=RequestKind(str(kind)) if kind is not None else None,
            overdue_only=self.overdue_action.isChecked(),
            due_soon_only=self.due_soon_action.isChecked(),
            text=self.search_edit.text().strip(),
        )

    def set_filters(
        self,
        *,
        status: str | None = None,
        overdue: bool = False,
        due_soon: bool = False,
        text: str = "",
        kind: str | None = None,
    ) -> None:
        """Show these filters, then say `changed` once."""
        widgets: tuple[QObject, ...] = (
            self.status_combo,
            self.kind_combo,
            self.overdue_action,
            self.due_soon_action,
            self.search_edit,
        )
        for widget in widgets:
            widget.blockSignals(True)
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(status)))
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind)))
        self.overdue_action.setChecked(overdue)
        self.due_soon_action.setChecked(due_soon)
        self.search_edit.setText(text)
        for widget in widgets:
            widget.blockSignals(False)
        self._changed()

    def show_query(self, query: CaseQuery) -> None:
        """Show what the toolbar can of a query set elsewhere (a dashboard figure)."""
        if len(query.statuses) == 1:
            status: str | None = next(iter(query.statuses)).value
        elif query.statuses == _OPEN:
            status = OPEN_STATUSES
        else:
            status = None
        self.set_filters(
            status=status,
            overdue=query.overdue_only,
            due_soon=query.due_soon_only,
            text=query.text,
            kind=query.kind.value if query.kind else None,
        )

    def toggle_workload(self, chosen: WorkloadFilter, current: CaseQuery) -> None:
        """Show the cases behind one workload count; choosing the count shown clears it."""
        if workload_key(self.query(current)) is chosen:
            self.set_filters()
        elif chosen is WorkloadFilter.PENDING:
            self.set_filters(status=OPEN_STATUSES)
        elif chosen is WorkloadFilter.OVERDUE:
            self.set_filters(overdue=True)
        elif chosen is WorkloadFilter.DUE_SOON:
            self.set_filters(due_soon=True)
        else:
            self.set_filters(status=CaseStatus.IN_REVIEW.value)


def workload_key(query: CaseQuery) -> WorkloadFilter | None:
    """The workload count a query shows exactly, if any."""
    plain = not query.kind and not query.text
    if not plain:
        return None
    if query.overdue_only and not query.due_soon_only and not query.statuses:
        return WorkloadFilter.OVERDUE
    if query.due_soon_only and not query.overdue_only and not query.statuses:
        return WorkloadFilter.DUE_SOON
    if not query.overdue_only and not query.due_soon_only:
        if query.statuses == frozenset({CaseStatus.IN_REVIEW}):
            return WorkloadFilter.IN_REVIEW
        if query.statuses == _OPEN:
            return WorkloadFilter.PENDING
    return None
