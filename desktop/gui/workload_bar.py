"""The workload bar above the case list: pending, overdue, due soon and in-review counts.

Each count is a button; clicking it filters the list to those cases.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from desktop.domain.status import CaseStatus
from desktop.gui.display import DUE_SOON_COLOR, OVERDUE_COLOR
from desktop.services.case_list import Workload


class WorkloadFilter(StrEnum):
    PENDING = "pending"
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    IN_REVIEW = "in_review"


class _CountButton(QPushButton):
    """A flat button showing a title over a large number."""

    def __init__(self, accent: QColor | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCheckable(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.title = QLabel()
        self.count = QLabel("–")
        for child in (self.title, self.count):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        font = QFont(self.count.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.count.setFont(font)
        colour = accent.name() if accent is not None else "#37474f"
        self.count.setStyleSheet(f"color: {colour};")
        self.title.setStyleSheet("color: #546e7a;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 6, 14, 6)
        layout.setSpacing(0)
        layout.addWidget(self.title)
        layout.addWidget(self.count)
        self.setMinimumWidth(130)
        self.setMinimumHeight(self.title.sizeHint().height() + self.count.sizeHint().height() + 14)
        self.setStyleSheet(
            "QPushButton { background: white; border: 1px solid #cfd8dc; border-radius: 6px;"
            f" border-left: 4px solid {colour}; text-align: left; }}"
            " QPushButton:hover { background: #f5f7f8; }"
            " QPushButton:checked { background: #e3f2fd; border-color: #64b5f6;"
            f" border-left: 4px solid {colour}; }}"
            " QPushButton:focus { border-color: #1e88e5; }"
        )


class WorkloadBar(QWidget):
    """Counts of the cases that need attention; `filter_requested` when one is clicked."""

    filter_requested = Signal(str)  # a WorkloadFilter value

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons: dict[WorkloadFilter, _CountButton] = {
            WorkloadFilter.PENDING: _CountButton(None),
            WorkloadFilter.OVERDUE: _CountButton(OVERDUE_COLOR),
            WorkloadFilter.DUE_SOON: _CountButton(DUE_SOON_COLOR),
            WorkloadFilter.IN_REVIEW: _CountButton(QColor("#1565c0")),
        }
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 2)
        layout.setSpacing(8)
        for key, button in self.buttons.items():
            button.clicked.connect(lambda _checked=False, k=key: self._clicked(k))
            layout.addWidget(button)
        layout.addStretch(1)
        self.retranslate(3)

    def retranslate(self, due_soon_days: int) -> None:
        titles = {
            WorkloadFilter.PENDING: self.tr("Pending"),
            WorkloadFilter.OVERDUE: self.tr("Overdue"),
            WorkloadFilter.DUE_SOON: self.tr("Due within %1 days").replace(
                "%1", str(due_soon_days)
            ),
            WorkloadFilter.IN_REVIEW: self.tr("Awaiting approval"),
        }
        for key, title in titles.items():
            button = self.buttons[key]
            button.title.setText(title)
            button.setMinimumWidth(max(130, button.title.sizeHint().width() + 36))

    def _clicked(self, key: WorkloadFilter) -> None:
        self.filter_requested.emit(key.value)

    def show_workload(self, workload: Workload | None) -> None:
        """Show the counts (None: not loaded, or nothing to show without a user)."""
        counts = {
            WorkloadFilter.PENDING: workload.pending if workload else None,
            WorkloadFilter.OVERDUE: workload.overdue if workload else None,
            WorkloadFilter.DUE_SOON: workload.due_soon if workload else None,
            WorkloadFilter.IN_REVIEW: (
                workload.by_status.get(CaseStatus.IN_REVIEW, 0) if workload else None
            ),
        }
        for key, count in counts.items():
            self.buttons[key].count.setText("–" if count is None else f"{count:,}")

    def set_active(self, key: WorkloadFilter | None) -> None:
        """Mark the count whose filter the list shows (or none)."""
        for name, button in self.buttons.items():
            button.setChecked(name is key)

    def count_text(self, key: WorkloadFilter) -> str:
        return self.buttons[key].count.text()
