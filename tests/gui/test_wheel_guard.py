"""Scrolling over a form never changes a decision, a requester or a fee: the wheel changes a
value only in the field that has the keyboard focus."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.gui.context import GuiContext
from tests.conftest import Staff
from tests.gui.conftest import open_panel


def _notch_down(widget: QWidget) -> bool:
    """One wheel notch over the middle of `widget`, delivered as Qt delivers the mouse's."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def test_scrolling_over_the_detail_panel_changes_no_value(
    qtbot: QtBot, gui: GuiContext, staff: Staff, case_id: int
) -> None:
    panel = open_panel(qtbot, gui, staff.clerk, case_id)
    requester, fee = panel.ui.requesterCombo, panel.ui.feeSpin
    before = (requester.currentIndex(), fee.value())
    panel.ui.nameEdit.setFocus()
    for field in (requester, fee):
        _notch_down(field)
        assert not field.hasFocus()  # the wheel does not hand a field the focus either
    assert (requester.currentIndex(), fee.value()) == before


def test_the_field_being_edited_still_follows_the_wheel(
    qtbot: QtBot, gui: GuiContext, staff: Staff, case_id: int
) -> None:
    panel = open_panel(qtbot, gui, staff.clerk, case_id)
    requester = panel.ui.requesterCombo
    before = requester.currentIndex()
    requester.setFocus()
    qtbot.waitUntil(requester.hasFocus)
    _notch_down(requester)
    assert requester.currentIndex() == before + 1


def test_the_wheel_over_a_field_scrolls_the_page_instead(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QComboBox, QScrollArea, QVBoxLayout

    page = QWidget()
    layout = QVBoxLayout(page)
    combo = QComboBox()
    combo.addItems(["全部に応じる", "一部に応じる", "応じない"])
    layout.addWidget(combo)
    layout.addSpacing(3000)
    area = QScrollArea()
    area.setWidget(page)
    area.resize(300, 200)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    _notch_down(combo)
    assert combo.currentIndex() == 0
    assert area.verticalScrollBar().value() > 0
