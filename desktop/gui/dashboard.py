"""The supervisor's dashboard: what needs attention, the cases by status, and received/closed per
week. Every number is a button; clicking it emits `filter_requested` with the case-list query that
lists those cases, and the main window applies it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.status import CaseStatus
from desktop.gui.bar_chart import BarChart, Series
from desktop.gui.context import GuiContext
from desktop.gui.display import DUE_SOON_COLOR, OVERDUE_COLOR, PAUSED_COLOR, date_with_era, label
from desktop.services import dashboard
from desktop.services.case_list import CaseQuery
from desktop.services.changes import Changes
from desktop.services.dashboard import Dashboard, Figure

RECEIVED_COLOR = QColor("#1e88e5")  # blue 600
CLOSED_COLOR = QColor("#43a047")  # green 600
NEUTRAL_COLOR = QColor("#607d8b")  # blue grey 500
ZERO_COLOR = QColor("#b0bec5")  # blue grey 200
STATUS_COLUMNS = 5


class FigureButton(QPushButton):
    """A title over a large number; the figure's query goes with the click."""

    def __init__(self, title: str, accent: QColor, *, large: bool = True) -> None:
        super().__init__()
        self.query: CaseQuery | None = None
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.title = QLabel(title)
        self.count = QLabel("–")
        for child in (self.title, self.count):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        font = QFont(self.count.font())
        font.setPointSizeF(font.pointSizeF() * (2.0 if large else 1.4))
        font.setBold(True)
        self.count.setFont(font)
        self._accent = accent
        self.title.setStyleSheet("color: #546e7a;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(0)
        layout.addWidget(self.title)
        layout.addWidget(self.count)
        self.setMinimumHeight(self.title.sizeHint().height() + self.count.sizeHint().height() + 14)
        self.setMinimumWidth(120)
        self.setStyleSheet(
            "QPushButton { background: white; border: 1px solid #cfd8dc; border-radius: 6px;"
            f" border-left: 4px solid {accent.name()}; }}"
            " QPushButton:hover { background: #f5f7f8; }"
            " QPushButton:focus { border-color: #1e88e5; }"
        )

    def show_figure(self, figure: Figure) -> None:
        self.query = figure.query
        self.count.setText(f"{figure.count:,}")
        # A zero needs no attention: only the numbers that matter carry the colour.
        colour = self._accent if figure.count else ZERO_COLOR
        self.count.setStyleSheet(f"color: {colour.name()};")
        self.setAccessibleName(f"{self.title.text()}: {figure.count}")


class DashboardDialog(QDialog):
    """The figures as of today; `filter_requested(CaseQuery)` when a number is clicked."""

    filter_requested = Signal(object)  # a CaseQuery

    def __init__(self, gui: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._gui = gui
        self._dashboard: Dashboard | None = None
        self.setWindowTitle(self.tr("Dashboard"))
        self.as_of = QLabel()
        font = QFont(self.as_of.font())
        font.setBold(True)
        self.as_of.setFont(font)
        self.overdue = FigureButton(self.tr("Overdue"), OVERDUE_COLOR)
        self.due_soon = FigureButton("", DUE_SOON_COLOR)
        self.awaiting_long = FigureButton("", PAUSED_COLOR)
        attention = QGroupBox(self.tr("Needs attention"))
        row = QHBoxLayout(attention)
        for button in (self.overdue, self.due_soon, self.awaiting_long):
            row.addWidget(button)
        self.status_buttons: dict[CaseStatus, FigureButton] = {}
        statuses = QGroupBox(self.tr("Cases by status"))
        grid = QGridLayout(statuses)
        for index, status in enumerate(CaseStatus):
            accent = (
                QColor("#1565c0")
                if status in (CaseStatus.IN_REVIEW, CaseStatus.REWORK)
                else NEUTRAL_COLOR
            )
            button = FigureButton(label(status, gui.language), accent, large=False)
            self.status_buttons[status] = button
            grid.addWidget(button, index // STATUS_COLUMNS, index % STATUS_COLUMNS)
        self.chart = BarChart()
        self.chart.setToolTip(self.tr("Click a bar to list those cases"))
        self.chart.bar_clicked.connect(self._bar_clicked)
        weekly = QGroupBox(self.tr("Received and closed per week"))
        QVBoxLayout(weekly).addWidget(self.chart)
        buttons = QHBoxLayout()
        self.annual_button = QPushButton(self.tr("&Annual report…"))
        self.annual_button.clicked.connect(self.open_annual_report)
        reload_button = QPushButton(self.tr("&Reload"))
        reload_button.clicked.connect(self.reload)
        close_button = QPushButton(self.tr("Close"))
        close_button.clicked.connect(self.reject)
        for plain in (self.annual_button, reload_button, close_button):
            plain.setAutoDefault(False)
        buttons.addWidget(self.annual_button)
        buttons.addStretch(1)
        buttons.addWidget(reload_button)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.as_of)
        layout.addWidget(attention)
        layout.addWidget(statuses)
        layout.addWidget(weekly, 1)
        layout.addLayout(buttons)
        for button in (
            self.overdue,
            self.due_soon,
            self.awaiting_long,
            *self.status_buttons.values(),
        ):
            button.clicked.connect(lambda _checked=False, b=button: self._figure_clicked(b))
        self.annual_dialog: QDialog | None = None
        self.resize(980, 720)
        gui.runner.changed.connect(self._on_changes)
        self.reload()

    @property
    def current(self) -> Dashboard | None:
        return self._dashboard

    def reload(self) -> None:
        services = self._gui.services
        self._gui.op(self, lambda: dashboard.dashboard(services)).success(self._show).run()

    def _on_changes(self, changes: Changes, _initiator: QObject | None) -> None:
        if changes.cases or changes.case_list:
            self.reload()

    def _show(self, figures: Dashboard) -> None:
        self._dashboard = figures
        self.as_of.setText(self.tr("As of %1").replace("%1", date_with_era(figures.today)))
        self.overdue.show_figure(figures.overdue)
        self.due_soon.title.setText(
            self.tr("Due within %1 days").replace(
                "%1", str(self._gui.services.settings.due_soon_days)
            )
        )
        self.due_soon.show_figure(figures.due_soon)
        self.awaiting_long.title.setText(
            self.tr("Awaiting documents over %1 days").replace(
                "%1", str(figures.awaiting_alert_days)
            )
        )
        self.awaiting_long.show_figure(figures.awaiting_long)
        for status, button in self.status_buttons.items():
            button.show_figure(figures.by_status[status])
        self.chart.set_data(
            [f"{w.monday.month}/{w.monday.day}〜" for w in figures.weeks],
            [
                Series(
                    self.tr("Received"),
                    RECEIVED_COLOR,
                    tuple(w.received.count for w in figures.weeks),
                ),
                Series(
                    self.tr("Closed"), CLOSED_COLOR, tuple(w.closed.count for w in figures.weeks)
                ),
            ],
        )

    def _figure_clicked(self, button: FigureButton) -> None:
        if button.query is not None:
            self.filter_requested.emit(button.query)

    def _bar_clicked(self, week: int, series: int) -> None:
        if self._dashboard is None:
            return
        figures = self._dashboard.weeks[week]
        self.filter_requested.emit((figures.received if series == 0 else figures.closed).query)

    def open_annual_report(self) -> None:
        from desktop.gui.annual_report_dialog import AnnualReportDialog

        dialog = AnnualReportDialog(self._gui, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._annual_closed)
        self.annual_dialog = dialog
        dialog.open()

    def _annual_closed(self) -> None:
        self.annual_dialog = None
