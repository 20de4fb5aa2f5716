"""The case list model: paging with fetchMore, sorting by the database, colours, qtmodeltester."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QTableView

from desktop.gui.case_table_model import (
    CASE_ID_ROLE,
    PAGE_SIZE,
    SORT_KEYS,
    CaseTableModel,
    Column,
)
from desktop.gui.context import GuiContext
from desktop.gui.display import DUE_SOON_COLOR, OVERDUE_COLOR
from desktop.services import case_list
from desktop.services.case_list import CaseQuery
from desktop.services.context import ServiceContext
from tests.conftest import Staff
from tests.gui.conftest import MANY_CASES as CASES
from tests.gui.conftest import log_cases


@pytest.fixture
def ctx(ctx_many: ServiceContext) -> ServiceContext:
    """This module's tests run on the 500-case database."""
    return ctx_many


@pytest.fixture
def many_cases(many_cases_template: tuple[object, list[int]]) -> list[int]:
    return many_cases_template[1]


@pytest.fixture
def model(gui: GuiContext) -> CaseTableModel:
    return CaseTableModel(gui)


def test_model_passes_the_model_tester(qtmodeltester, model: CaseTableModel, many_cases) -> None:  # type: ignore[no-untyped-def]
    model.refresh()
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() >= PAGE_SIZE


def test_pages_are_fetched_on_demand(model: CaseTableModel, many_cases: list[int]) -> None:
    model.refresh()
    assert model.total == CASES
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * PAGE_SIZE
    model.fetchMore(QModelIndex())
    assert model.rowCount() == CASES
    assert not model.canFetchMore(QModelIndex())
    ids = {model.index(r, 0).data(CASE_ID_ROLE) for r in range(model.rowCount())}
    assert ids == set(many_cases)


def test_sorting_by_due_date_asks_the_database(
    model: CaseTableModel, many_cases: list[int]
) -> None:
    model.refresh()
    model.sort(Column.DUE, Qt.SortOrder.AscendingOrder)
    assert model.query.sort == "due_on"
    assert not model.query.descending
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    dues = [model.index(r, Column.DUE).data() for r in range(model.rowCount())]
    assert dues == sorted(dues)
    model.sort(Column.DUE, Qt.SortOrder.DescendingOrder)
    first_page = [model.index(r, Column.DUE).data() for r in range(model.rowCount())]
    assert first_page == sorted(first_page, reverse=True)
    assert first_page[0] > dues[0]


def test_every_column_sorts(model: CaseTableModel, many_cases) -> None:  # type: ignore[no-untyped-def]
    model.refresh()
    for column in Column:
        model.sort(column, Qt.SortOrder.AscendingOrder)
        assert model.query.sort == SORT_KEYS[column]
        assert (
            model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) is None
        )
        assert model.rowCount() == PAGE_SIZE


def test_refresh_after_scrolling_reloads_what_is_shown(
    qtbot, model: CaseTableModel, many_cases: list[int]
) -> None:  # type: ignore[no-untyped-def]
    view = QTableView()
    qtbot.addWidget(view)
    view.resize(800, 400)
    view.setModel(model)
    model.follow(view)
    model.refresh()
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    view.show()
    view.scrollTo(model.index(CASES - 1, 0))
    first = view.rowAt(0)
    assert first > 2 * PAGE_SIZE
    shown = [model.case_id(r) for r in range(model.rowCount())]
    model.refresh()
    assert [model.case_id(r) for r in range(model.rowCount())] == shown
    assert view.rowAt(0) == first  # the clerk's place is kept


def test_overdue_rows_are_red_and_due_soon_amber(
    model: CaseTableModel, ctx: ServiceContext, staff: Staff
) -> None:
    log_cases(ctx, staff.clerk, 30, start=CASES)
    model.set_query(replace(CaseQuery(), sort="due_on", descending=False))
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    colours = {}
    for row in range(model.rowCount()):
        days = model.case_row(row).deadline.days_left  # type: ignore[union-attr]
        colours[days] = model.index(row, Column.SENDER).data(Qt.ItemDataRole.ForegroundRole)
    assert colours[-1] == OVERDUE_COLOR
    assert colours[2] == DUE_SOON_COLOR
    assert colours[10] is None


def test_search_filters_in_the_database(model: CaseTableModel, many_cases) -> None:  # type: ignore[no-untyped-def]
    model.set_query(CaseQuery(text="花子0123"))
    assert model.total == 1
    assert model.index(0, Column.SENDER).data() == "試験 花子0123"
    assert model.index(0, Column.RECEIVED).data(Qt.ItemDataRole.ToolTipRole).startswith("令和")


def test_a_short_page_ends_the_list_whatever_the_count_said(
    model: CaseTableModel, many_cases: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Cases removed between the count and the pages (retention, another workstation).
    real_count = case_list.count_cases
    monkeypatch.setattr(case_list, "count_cases", lambda *a: real_count(*a) + 50)
    model.refresh()
    fetches = 0
    while model.canFetchMore(QModelIndex()) and fetches < 10:
        model.fetchMore(QModelIndex())
        fetches += 1
    assert model.rowCount() == CASES
    assert not model.canFetchMore(QModelIndex())
