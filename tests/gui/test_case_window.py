"""The case window on a 1366×768 laptop: it fits the screen and remembers its size, every button
can be reached, the verification tab gives the findings the height, the page list never draws
one page over another, and the head shows the case's status, deadline, customer and next step
and takes that step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QAbstractScrollArea, QListWidgetItem, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain.requests import RequesterType
from desktop.domain.status import CaseStatus
from desktop.gui.case_workspace import CaseWorkspace
from desktop.gui.context import GuiContext
from desktop.gui.document_viewer import DocumentViewer
from desktop.services import cases
from desktop.services.context import ServiceContext
from desktop.services.customer_search import link_customer
from tests.conftest import Staff
from tests.gui.test_verification_panel import _customer, _moved_case

LAPTOP = QRect(0, 0, 1366, 728)  # 1366×768 less a 40 px task bar


def _window(
    qtbot: QtBot, gui: GuiContext, staff: Staff, case_id: int, *, kept: bool = True
) -> CaseWorkspace:
    window = CaseWorkspace(gui, staff.clerk, case_id, "R-1")
    if kept:  # closed by the test's end (a window closed by the test deletes itself)
        qtbot.addWidget(window)
    window.fit_to(LAPTOP)
    window.show()
    qtbot.waitExposed(window)
    return window


def _shown_in_window(window: QWidget, widget: QWidget) -> bool:
    """`widget` is on screen inside the window, not scrolled or clipped away."""
    if not widget.isVisible():
        return False
    top_left = widget.mapTo(window, QPoint(0, 0))
    rect = QRect(top_left, widget.size())
    if not window.rect().contains(rect):
        return False
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            viewport = parent.viewport()
            inside = QRect(viewport.mapTo(window, QPoint(0, 0)), viewport.size())
            if not inside.contains(rect):
                return False
        parent = parent.parentWidget()
    return True


def test_at_1366x768_the_window_fits_and_posting_and_closing_can_be_reached(
    qtbot: QtBot, gui: GuiContext, staff: Staff, case_id: int
) -> None:
    window = _window(qtbot, gui, staff, case_id)
    assert LAPTOP.contains(window.frameGeometry()) or LAPTOP.contains(window.geometry())
    assert window.height() <= LAPTOP.height() - 30  # room for the title bar
    assert not window.isModal()
    window.tabs.setCurrentWidget(window.letters)
    for button in (window.letters.send_button, window.letters.close_button):
        button.setFocus()  # Tab reaches it; the page scrolls to show it
        qtbot.waitUntil(lambda b=button: _shown_in_window(window, b))


def test_the_window_size_is_remembered(
    qtbot: QtBot, gui: GuiContext, staff: Staff, case_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(CaseWorkspace, "_available", lambda _self: LAPTOP)
    window = _window(qtbot, gui, staff, case_id, kept=False)
    window.resize(1100, 600)
    window.move(40, 30)
    window.close()
    again = CaseWorkspace(gui, staff.clerk, case_id, "R-1")
    qtbot.addWidget(again)
    assert again.size() == QSize(1100, 600)
    assert LAPTOP.contains(again.geometry())


def test_the_verification_tab_gives_the_findings_the_height_and_folds_the_seals(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff
) -> None:
    case_id = _moved_case(ctx, staff, requester_type=RequesterType.APPOINTED_AGENT)
    window = _window(qtbot, gui, staff, case_id)
    window.tabs.setCurrentWidget(window.verification)
    panel = window.verification
    assert panel.seal_box.isVisible()
    assert not panel.seal_content.isVisible()
    assert panel.seal_box.height() < 100  # one line while folded (the images took 240 px)
    assert panel.checklist.height() > panel.particulars.height()
    rows = panel.checklist.rowCount()
    visible = sum(
        1
        for row in range(rows)
        if panel.checklist.visualRect(panel.checklist.model().index(row, 0)).bottom()
        <= panel.checklist.viewport().height()
    )
    assert visible >= min(rows, 6)
    qtbot.mouseClick(panel.seal_toggle, Qt.MouseButton.LeftButton)
    assert panel.seal_content.isVisible()


def test_a_name_difference_is_explained_with_a_label_not_a_key(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff
) -> None:
    case_id = _moved_case(ctx, staff)
    window = _window(qtbot, gui, staff, case_id)
    assert window.verification.component_label("name") == "Name"
    assert window.verification.component_label("birth_date") == "Date of birth"


def test_the_page_list_lays_out_thumbnails_and_labels_without_overlap(
    qtbot: QtBot, gui: GuiContext, staff: Staff, case_id: int
) -> None:
    viewer = DocumentViewer(gui, staff.clerk, case_id)
    qtbot.addWidget(viewer)
    viewer.resize(900, 420)
    viewer.show()
    qtbot.waitExposed(viewer)
    pages = viewer.thumbnails
    tall = QPixmap(85, 120)
    tall.fill(Qt.GlobalColor.gray)
    wide = QPixmap(120, 76)
    wide.fill(Qt.GlobalColor.darkGray)
    # As the viewer fills it: the labels first, the thumbnails when they have been read.
    for n in range(1, 9):
        pages.addItem(QListWidgetItem(f"{n}. Certificate of residence (住民票の写し)"))
    qtbot.wait(10)
    for n in range(pages.count()):
        pages.item(n).setIcon(QIcon(tall if n % 2 else wide))
    for height in (420, 700):
        viewer.resize(900, height)
        qtbot.wait(10)
        rects = [pages.visualItemRect(pages.item(i)) for i in range(pages.count())]
        for first, second in zip(rects, rects[1:], strict=False):
            assert not first.intersects(second), (first, second)
        grid = pages.gridSize()
        assert all(r.height() <= grid.height() and r.width() <= grid.width() for r in rects)
        assert all(r.width() <= pages.viewport().width() for r in rects)


def test_the_head_shows_status_deadline_customer_and_the_next_step(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff, case_id: int
) -> None:
    window = _window(qtbot, gui, staff, case_id)
    head = window.header
    assert head.status_label.text() == "受付"
    assert "2026/12/02" in head.deadline_label.text()
    assert "not linked" in head.customer_label.text()
    assert head.step_label.text() == "確認を始める"
    decision = window.tabs.indexOf(window.tabs.page_of(window.decision))
    assert not window.tabs.isTabEnabled(decision)
    assert "確認を始める" in window.tabs.tabToolTip(decision)

    link_customer(ctx, staff.clerk, case_id, cases.get_case(ctx, case_id).version, _customer(ctx))
    head.reload()
    assert "山田" in head.customer_label.text() or "C" in head.customer_label.text()
    assert "not linked" not in head.customer_label.text()


def test_the_next_step_moves_the_case_forward_from_the_keyboard(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff, case_id: int
) -> None:
    window = _window(qtbot, gui, staff, case_id)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.documents.thumbnails, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert cases.get_case(ctx, case_id).status is CaseStatus.VERIFYING
    assert window.tabs.currentWidget() is window.tabs.page_of(window.verification)
    assert window.tabs.isTabEnabled(window.tabs.indexOf(window.tabs.page_of(window.decision)))
    assert window.header.step_label.text() == "決定へ進む"

    qtbot.keyClick(window.tabs, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.tabs.page_of(window.decision)
    assert cases.get_case(ctx, case_id).status is CaseStatus.VERIFYING  # deciding is the clerk's


def test_a_case_in_review_does_not_offer_withdrawal_as_the_default_move(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff, case_id: int
) -> None:
    from tests.gui.conftest import open_panel
    from tests.workflow import advance

    advance(ctx, staff, case_id, CaseStatus.IN_REVIEW)
    panel = open_panel(qtbot, gui, staff.clerk, case_id)
    combo = panel.ui.nextStatusCombo
    assert combo.currentData() is None
    assert not panel.ui.changeStatusButton.isEnabled()
    assert [combo.itemData(i) for i in range(combo.count())][1:] == [CaseStatus.WITHDRAWN.value]
