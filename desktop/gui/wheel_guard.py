"""The mouse wheel scrolls the page; it changes a value only in the field the user is editing.

Without this, one notch over a combo box or a spin box while scrolling a panel silently turns
全部に応じる into 一部に応じる or a 500-yen fee into 400. One filter on the application covers every
window and dialog, present and future.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QWidget,
)

_GUARDED = (QComboBox, QAbstractSpinBox)


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if not isinstance(watched, _GUARDED):
            return False
        kind = event.type()
        if kind == QEvent.Type.Polish and isinstance(watched, QWidget):
            # The wheel must not hand the field focus and then change it.
            if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            return False
        if kind == QEvent.Type.Wheel and not watched.hasFocus():
            area = _scroll_area_around(watched)
            if area is None:
                # Ignored and filtered: Qt hands the mouse's event on to the parent.
                event.ignore()
                return True
            QApplication.sendEvent(area.viewport(), event.clone())
            return True
        return False


def _scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    return parent


def install_wheel_guard(app: QApplication) -> WheelGuard:
    """Install the guard once; it lives as long as the application."""
    existing = app.findChild(WheelGuard)
    if existing is not None:
        return existing
    guard = WheelGuard(app)
    app.installEventFilter(guard)
    return guard
