"""A small grouped bar chart drawn with QPainter: categories along the bottom, one bar per series.

Used for the weekly received/closed counts on the dashboard; it needs nothing beyond QtGui.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

AXIS_COLOR = QColor("#90a4ae")
GRID_COLOR = QColor("#eceff1")
TEXT_COLOR = QColor("#37474f")


@dataclass(frozen=True)
class Series:
    """One row of values, one per category, drawn in `color` and named in the legend."""

    name: str
    color: QColor
    values: tuple[int, ...]


def nice_ceiling(value: int) -> int:
    """The axis maximum: `value` rounded up to 1, 2 or 5 times a power of ten (at least 1)."""
    if value <= 1:
        return 1
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor >= value:
                return step * factor
        step *= 10


class BarChart(QWidget):
    """Grouped bars with a value axis, category labels, a legend and the value above each bar.

    Clicking a bar emits `bar_clicked(category index, series index)`.
    """

    bar_clicked = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._categories: tuple[str, ...] = ()
        self._series: tuple[Series, ...] = ()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(180)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_data(self, categories: Sequence[str], series: Sequence[Series]) -> None:
        for one in series:
            if len(one.values) != len(categories):
                raise ValueError(f"series {one.name!r} has {len(one.values)} values")
        self._categories = tuple(categories)
        self._series = tuple(series)
        self.update()

    @property
    def categories(self) -> tuple[str, ...]:
        return self._categories

    @property
    def series(self) -> tuple[Series, ...]:
        return self._series

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(520, 220)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.fillRect(self.rect(), Qt.GlobalColor.white)
            self._paint(painter)
        finally:
            painter.end()

    def _plot_area(self, metrics: QFontMetrics, maximum: int) -> QRectF:
        line = metrics.height()
        top = 8 + line + 6  # below the legend row
        left = 10 + metrics.horizontalAdvance(str(maximum))
        return QRectF(left, top + line, self.width() - left - 10, self.height() - top - 3 * line)

    def _maximum(self) -> int:
        return nice_ceiling(max((v for s in self._series for v in s.values), default=0))

    def _layout_bars(self, plot: QRectF, maximum: int) -> list[tuple[QRectF, int, int]]:
        """Each bar's rectangle with its category and series index."""
        if not self._categories or plot.width() <= 0 or plot.height() <= 0:
            return []
        group = plot.width() / len(self._categories)
        bar = max(2.0, group * 0.7 / max(1, len(self._series)))
        bars = []
        for index in range(len(self._categories)):
            x0 = plot.left() + index * group + (group - bar * len(self._series)) / 2
            for number, series in enumerate(self._series):
                height = plot.height() * series.values[index] / maximum
                rect = QRectF(x0 + number * bar, plot.bottom() - height, bar - 1, height)
                bars.append((rect, index, number))
        return bars

    def bar_rect(self, category: int, series: int) -> QRectF:
        """Where a bar is drawn (its full column height, so even a zero bar can be clicked)."""
        metrics = QFontMetrics(self.font())
        maximum = self._maximum()
        plot = self._plot_area(metrics, maximum)
        for rect, index, number in self._layout_bars(plot, maximum):
            if (index, number) == (category, series):
                return QRectF(rect.left(), plot.top(), rect.width(), plot.height())
        return QRectF()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        point = QPointF(event.position())
        for category in range(len(self._categories)):
            for series in range(len(self._series)):
                if self.bar_rect(category, series).contains(point):
                    self.bar_clicked.emit(category, series)
                    return
        super().mousePressEvent(event)

    def _paint(self, painter: QPainter) -> None:
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        maximum = self._maximum()
        plot = self._plot_area(metrics, maximum)
        if plot.width() <= 0 or plot.height() <= 0:
            return
        self._paint_legend(painter, metrics)
        self._paint_axis(painter, plot, maximum, metrics)
        painter.setPen(TEXT_COLOR)
        for rect, index, number in self._layout_bars(plot, maximum):
            painter.fillRect(rect, self._series[number].color)
            value = self._series[number].values[index]
            if value:
                label_rect = QRectF(rect.left() - 8, rect.top() - line, rect.width() + 16, line)
                painter.drawText(label_rect, Qt.AlignmentFlag.AlignCenter, str(value))
        if not self._categories:
            return
        group = plot.width() / len(self._categories)
        for index, category in enumerate(self._categories):
            category_rect = QRectF(plot.left() + index * group, plot.bottom() + 2, group, line)
            painter.drawText(category_rect, Qt.AlignmentFlag.AlignCenter, category)

    def _paint_legend(self, painter: QPainter, metrics: QFontMetrics) -> None:
        x = float(self.width() - 10)
        for series in reversed(self._series):
            width = metrics.horizontalAdvance(series.name)
            x -= width
            painter.setPen(TEXT_COLOR)
            painter.drawText(QRectF(x, 8, width, metrics.height()), series.name)
            x -= 16
            painter.fillRect(
                QRectF(x, 8 + metrics.height() / 4, 11, metrics.height() / 2), series.color
            )
            x -= 14

    def _paint_axis(
        self, painter: QPainter, plot: QRectF, maximum: int, metrics: QFontMetrics
    ) -> None:
        for step in range(5):
            value = maximum * step / 4
            y = plot.bottom() - plot.height() * step / 4
            painter.setPen(QPen(GRID_COLOR if step else AXIS_COLOR, 1))
            painter.drawLine(int(plot.left()), int(y), int(plot.right()), int(y))
            if value == int(value):
                painter.setPen(TEXT_COLOR)
                painter.drawText(
                    QRectF(0, y - metrics.height() / 2, plot.left() - 4, metrics.height()),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    str(int(value)),
                )
