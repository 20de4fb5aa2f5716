"""The dashboard: its numbers are the seeded cases', each number lists exactly those cases, and
the annual report shows its table and saves it as CSV and PDF.
"""

from __future__ import annotations

import codecs
import csv
import io
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.domain.requests import RequestKind
from desktop.domain.status import CaseStatus
from desktop.gui.annual_report_dialog import AnnualReportDialog
from desktop.gui.context import GuiContext
from desktop.gui.dashboard import DashboardDialog
from desktop.gui.main_window import MainWindow
from desktop.services import case_list, cases
from desktop.services.case_list import CaseQuery
from desktop.services.context import ServiceContext
from tests.conftest import Staff
from tests.factories import envelope
from tests.gui.conftest import fake_ui

TODAY = date(2026, 11, 20)  # the frozen clock's day


def _seed(ctx: ServiceContext, staff: Staff) -> dict[str, list[int]]:
    """Two overdue cases, one due within three days, one fresh and one withdrawn."""

    def log(serial: int, days_ago: int) -> int:
        received = TODAY - timedelta(days=days_ago)
        return cases.log_envelope(ctx, staff.clerk, envelope(serial, received_on=received)).case_id

    seeded = {
        "overdue": [log(1, 30), log(2, 20)],
        "due_soon": [log(3, 12)],
        "fresh": [log(4, 0)],
        "withdrawn": [log(5, 1)],
    }
    withdrawn = seeded["withdrawn"][0]
    version = cases.get_case(ctx, withdrawn).version
    cases.change_status(ctx, staff.clerk, withdrawn, version, CaseStatus.WITHDRAWN, "取下げ")
    return seeded


def _dialog(qtbot: QtBot, gui: GuiContext) -> DashboardDialog:
    dialog = DashboardDialog(gui)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _listed(ctx: ServiceContext, query: CaseQuery) -> set[int]:
    return {row.case_id for row in case_list.list_cases(ctx, query, 100)}


def test_the_numbers_are_the_seeded_cases_and_each_lists_them(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff
) -> None:
    seeded = _seed(ctx, staff)
    dialog = _dialog(qtbot, gui)
    assert dialog.overdue.count.text() == "2"
    assert dialog.due_soon.count.text() == "1"
    assert dialog.status_buttons[CaseStatus.RECEIVED].count.text() == "4"
    assert dialog.status_buttons[CaseStatus.WITHDRAWN].count.text() == "1"
    assert dialog.status_buttons[CaseStatus.CLOSED].count.text() == "0"
    assert "令和8年11月20日" in dialog.as_of.text()

    emitted: list[CaseQuery] = []
    dialog.filter_requested.connect(emitted.append)
    qtbot.mouseClick(dialog.overdue, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.due_soon, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.status_buttons[CaseStatus.WITHDRAWN], Qt.MouseButton.LeftButton)
    assert [_listed(ctx, q) for q in emitted] == [
        set(seeded["overdue"]),
        set(seeded["due_soon"]),
        set(seeded["withdrawn"]),
    ]


def test_a_weekly_bar_lists_that_weeks_received_cases(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff
) -> None:
    seeded = _seed(ctx, staff)
    dialog = _dialog(qtbot, gui)
    chart = dialog.chart
    assert len(chart.categories) == 8
    received, closed = chart.series
    this_week = {seeded["fresh"][0], seeded["withdrawn"][0]}  # Thursday 11/19 and Friday 11/20
    assert received.values[-1] == len(this_week)
    assert sum(received.values) == sum(len(ids) for ids in seeded.values())  # all within 8 weeks
    assert sum(closed.values) == 0

    emitted: list[CaseQuery] = []
    dialog.filter_requested.connect(emitted.append)
    bar = chart.bar_rect(len(chart.categories) - 1, 0)
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=bar.center().toPoint())
    assert [_listed(ctx, q) for q in emitted] == [this_week]


def _open_dashboard(qtbot: QtBot, window: MainWindow) -> DashboardDialog:
    window.dashboard_action.trigger()
    dialog = window.dashboard_dialog
    assert isinstance(dialog, DashboardDialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_the_main_window_applies_a_clicked_figure(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff
) -> None:
    seeded = _seed(ctx, staff)
    window = MainWindow(gui, staff.supervisor)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    _open_dashboard(qtbot, window).overdue.click()
    assert window.filters.overdue_action.isChecked()
    assert window.model.total == len(seeded["overdue"])

    _open_dashboard(qtbot, window).status_buttons[CaseStatus.WITHDRAWN].click()
    assert not window.filters.overdue_action.isChecked()
    assert window.filters.status_combo.currentData() == CaseStatus.WITHDRAWN.value
    assert window.model.total == 1

    chart = _open_dashboard(qtbot, window).chart
    bar = chart.bar_rect(len(chart.categories) - 1, 0)  # received this week
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=bar.center().toPoint())
    assert window.filters.status_combo.currentData() is None
    this_week = {seeded["fresh"][0], seeded["withdrawn"][0]}
    assert {window.model.case_row(r).case_id for r in range(window.model.rowCount())} == this_week


def test_the_list_a_figure_opens_is_in_front_of_the_dashboard(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff
) -> None:
    _seed(ctx, staff)
    window = MainWindow(gui, staff.supervisor)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    dialog = _open_dashboard(qtbot, window)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.mouseClick(dialog.overdue, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not any(d.isVisible() for d in window.findChildren(DashboardDialog)))
    qtbot.waitUntil(window.isActiveWindow)
    assert window.model.total == 2


def test_the_annual_report_shows_the_years_table_and_saves_it_as_csv_and_pdf(
    qtbot: QtBot,
    gui: GuiContext,
    ctx: ServiceContext,
    staff: Staff,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seeded = _seed(ctx, staff)  # every seeded case asks for a disclosure
    dashboard = _dialog(qtbot, gui)
    dashboard.annual_button.click()
    dialog = dashboard.annual_dialog
    assert isinstance(dialog, AnnualReportDialog)
    qtbot.waitExposed(dialog)
    assert dialog.year_spin.value() == TODAY.year
    table = dialog.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    shown = [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]
    assert len(shown) == len(RequestKind) + 1  # every kind, then the total
    disclosure = next(row for row in shown if row[0] == RequestKind.DISCLOSURE.label_ja)
    assert disclosure[headers.index("受付件数")] == str(sum(len(ids) for ids in seeded.values()))
    assert not dialog.chart_label.pixmap().isNull()

    target = tmp_path / "運用状況.csv"
    fake_ui(gui).choose_save_path = lambda *_args: target
    dialog.csv_button.click()
    data = target.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)  # Excel reads the Japanese headings
    assert list(csv.reader(io.StringIO(data.decode("utf-8-sig")))) == [headers, *shown]

    saved: list[bytes] = []
    fake_ui(gui).save_pdf = lambda _parent, pdf, _name, _caption: saved.append(pdf)
    dialog.pdf_button.click()
    assert len(saved) == 1
    assert saved[0].startswith(b"%PDF")
    dialog.close()
