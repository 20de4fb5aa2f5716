"""The annual report (運用状況): for a chosen year, the table, the chart, and saving as CSV or PDF.

The table on screen has the same rows as the CSV and the PDF (`annual_report.table_rows`).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.exports import ExportFailed, write_atomically
from desktop.gui.context import GuiContext
from desktop.gui.display import date_with_era
from desktop.services import annual_report
from desktop.services.annual_report import AnnualReport

FIRST_YEAR = 2022  # the amended APPI (and this desk) start here


@dataclass(frozen=True)
class LoadedReport:
    year: int
    report: AnnualReport
    rows: list[list[str]]
    csv: bytes
    chart: bytes


class AnnualReportDialog(QDialog):
    """Year picker, the report as a table and a chart, "Save CSV…" and "Save PDF…"."""

    def __init__(self, gui: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._gui = gui
        self._loaded: LoadedReport | None = None
        self._chart = QPixmap()
        self.setWindowTitle(self.tr("Annual report on requests"))
        this_year = gui.services.clock.today().year
        self.year_spin = QSpinBox()
        self.year_spin.setRange(FIRST_YEAR, this_year)
        self.year_spin.setValue(this_year)
        self.year_spin.valueChanged.connect(self.load)
        self.fiscal_check = QCheckBox(self.tr("Fiscal year (April to March)"))
        self.fiscal_check.toggled.connect(self.load)
        self.period_label = QLabel()
        self._build()
        self.resize(960, 720)
        self._set_loaded(None)
        self.load()

    def _build(self) -> None:
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("Annual report"))
        self.chart_label = QLabel()
        self.chart_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.chart_label.setMinimumHeight(200)
        self.chart_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.chart_label.setStyleSheet("background: white; border: 1px solid #cfd8dc;")
        self.csv_button = QPushButton(self.tr("Save &CSV…"))
        self.csv_button.clicked.connect(self.save_csv)
        self.pdf_button = QPushButton(self.tr("Save &PDF…"))
        self.pdf_button.clicked.connect(self.save_pdf)
        close_button = QPushButton(self.tr("Close"))
        close_button.clicked.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year")))
        top.addWidget(self.year_spin)
        top.addWidget(self.fiscal_check)
        top.addSpacing(16)
        top.addWidget(self.period_label)
        top.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.chart_label)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.csv_button)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

    @property
    def loaded(self) -> LoadedReport | None:
        return self._loaded

    def load(self) -> None:
        services, year = self._gui.services, self.year_spin.value()
        fiscal = self.fiscal_check.isChecked()

        def build() -> LoadedReport:
            report = annual_report.annual_report(services, year, fiscal=fiscal)
            return LoadedReport(
                year,
                report,
                annual_report.table_rows(report),
                annual_report.to_csv(report),
                annual_report.chart_png(report),
            )

        self._gui.op(self, build).success(self._set_loaded).with_progress(
            self.tr("Counting the year's requests…")
        ).run()

    def _set_loaded(self, loaded: LoadedReport | None) -> None:
        self._loaded = loaded
        for button in (self.csv_button, self.pdf_button):
            button.setEnabled(loaded is not None)
        if loaded is None:
            return
        rows = loaded.rows
        header, body = (rows[0], rows[1:]) if rows else ([], [])
        self.table.clear()
        self.table.setColumnCount(len(header))
        self.table.setHorizontalHeaderLabels(header)
        self.table.setRowCount(len(body))
        for row, values in enumerate(body):
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if column:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if row == len(body) - 1:  # the total
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()
        if header:
            self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        report = loaded.report
        self.period_label.setText(
            self.tr("%1 to %2")
            .replace("%1", date_with_era(report.start))
            .replace("%2", date_with_era(report.end))
        )
        self._chart = QPixmap()
        self._chart.loadFromData(loaded.chart)
        self._fit_chart()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_chart()

    def _fit_chart(self) -> None:
        if self._chart.isNull():
            self.chart_label.clear()
            return
        self.chart_label.setPixmap(
            self._chart.scaled(
                self.chart_label.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def _suggested_name(self, suffix: str) -> str:
        year = self._loaded.year if self._loaded else self.year_spin.value()
        return f"kaiji-annual-report-{year}.{suffix}"

    def save_csv(self) -> None:
        loaded = self._loaded
        if loaded is None:
            return
        path = self._gui.ui.choose_save_path(
            self,
            self.tr("Save the annual report as CSV"),
            self._suggested_name("csv"),
            "CSV (*.csv)",
        )
        if path is None:
            return
        target = path
        if target.suffix.lower() != ".csv":
            target = target.with_suffix(".csv")
        try:
            write_atomically(target, loaded.csv)
        except ExportFailed as error:
            self._gui.messages.error(
                self, self.tr("The file could not be saved: %1").replace("%1", error.reason)
            )

    def save_pdf(self) -> None:
        loaded = self._loaded
        if loaded is None:
            return
        self._gui.op(self, lambda: annual_report.to_pdf(loaded.report)).success(
            self._save_pdf
        ).with_progress(self.tr("Preparing the PDF…")).run()

    def _save_pdf(self, pdf: bytes) -> None:
        self._gui.ui.save_pdf(
            self, pdf, self._suggested_name("pdf"), self.tr("Save the annual report as PDF")
        )
