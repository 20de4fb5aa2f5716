"""One scanned page on screen: zoom, rotate, and a highlight over the box a field was read from."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPixmap, QWheelEvent
from PySide6.QtWidgets import (
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QWidget,
)

HIGHLIGHT = QColor(255, 193, 7)  # amber: visible on white paper and on coloured card bands
MASK_OUTLINE = QColor(198, 40, 40)
ZOOM_STEP = 1.25


class PageView(QGraphicsView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setBackgroundBrush(QBrush(QColor("#eceff1")))
        self._pixmap = QGraphicsPixmapItem()
        self.scene().addItem(self._pixmap)
        self._highlight = QGraphicsRectItem()
        self._highlight.setPen(QPen(HIGHLIGHT, 6))
        self._highlight.setBrush(QBrush(QColor(255, 193, 7, 60)))
        self._highlight.setZValue(2)
        self._highlight.hide()
        self.scene().addItem(self._highlight)
        self._mask_items: list[QGraphicsRectItem] = []
        self._rotation = 0
        self._fitted = True

    @property
    def rotation(self) -> int:
        return self._rotation

    @property
    def highlighted(self) -> QRectF | None:
        return self._highlight.rect() if self._highlight.isVisible() else None

    def show_page(
        self, pixmap: QPixmap, masked: tuple[tuple[int, int, int, int], ...] = ()
    ) -> None:
        self._pixmap.setPixmap(pixmap)
        self.scene().setSceneRect(QRectF(pixmap.rect()))
        for item in self._mask_items:
            self.scene().removeItem(item)
        self._mask_items = []
        for left, top, right, bottom in masked:
            # The black is in the pixels already; the outline tells the clerk why it is there.
            item = QGraphicsRectItem(QRectF(left, top, right - left, bottom - top))
            item.setPen(QPen(MASK_OUTLINE, 3, Qt.PenStyle.DashLine))
            item.setZValue(1)
            self.scene().addItem(item)
            self._mask_items.append(item)
        self.highlight(None)
        self._rotation = 0
        self.resetTransform()
        self.fit()

    def clear(self) -> None:
        self.show_page(QPixmap())

    def highlight(self, box: tuple[int, int, int, int] | None) -> None:
        if box is None:
            self._highlight.hide()
            return
        left, top, right, bottom = box
        self._highlight.setRect(QRectF(left, top, right - left, bottom - top))
        self._highlight.show()
        self.ensureVisible(self._highlight, 40, 40)

    def fit(self) -> None:
        if not self._pixmap.pixmap().isNull():
            self.fitInView(self._pixmap, Qt.AspectRatioMode.KeepAspectRatio)
        self._fitted = True

    def zoom(self, factor: float) -> None:
        self._fitted = False
        self.scale(factor, factor)

    def rotate_by(self, degrees: int) -> None:
        self._rotation = (self._rotation + degrees) % 360
        self.rotate(degrees)
        if self._fitted:
            self.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom(ZOOM_STEP if event.angleDelta().y() > 0 else 1 / ZOOM_STEP)
            event.accept()
            return
        super().wheelEvent(event)

    def resizeEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self._fitted:
            self.fit()
