"""A paragraph of Japanese running text, broken into lines by the 禁則 rule of
`desktop/domain/line_breaking.py` (reportlab's own CJK wrapping lets a line end with 「（」).

Plain text only: newlines are kept as line breaks; the style gives font, size, leading,
alignment, indents and the space around the paragraph.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from desktop.domain.line_breaking import break_text


class JaParagraph(Flowable):  # type: ignore[misc]
    """Japanese text laid out line by line with 禁則; splits between lines across pages."""

    def __init__(self, text: str, style: ParagraphStyle, *, first_line: bool = True) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self._first_line = first_line  # a continuation on the next page has no first-line indent
        self._lines: list[str] = []
        self._width = 0.0

    def _indent(self, index: int) -> float:
        first = self.style.firstLineIndent if index == 0 and self._first_line else 0
        return float(self.style.leftIndent + first)

    def _break(self, width: float) -> list[str]:
        style = self.style
        room = width - style.leftIndent - style.rightIndent
        first_room = room - (style.firstLineIndent if self._first_line else 0)

        def measure(limit: float) -> Callable[[str], bool]:
            return lambda text: stringWidth(text, style.fontName, style.fontSize) <= limit

        return break_text(self.text, measure(room), measure(first_room))

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._width = avail_width
        self._lines = self._break(avail_width)
        return avail_width, len(self._lines) * self.style.leading

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        lines = self._break(avail_width)
        fit = int(avail_height // self.style.leading)
        if fit <= 0 or fit >= len(lines):
            return [] if fit <= 0 else [self]
        head = JaParagraph("\n".join(lines[:fit]), self.style, first_line=self._first_line)
        tail = JaParagraph("\n".join(lines[fit:]), self.style, first_line=False)
        return [head, tail]

    def draw(self) -> None:
        canvas = self.canv
        style = self.style
        canvas.setFont(style.fontName, style.fontSize)
        y = len(self._lines) * style.leading - style.fontSize
        for index, line in enumerate(self._lines):
            if style.alignment == TA_CENTER:
                canvas.drawCentredString(self._width / 2, y, line)
            elif style.alignment == TA_RIGHT:
                canvas.drawRightString(self._width - style.rightIndent, y, line)
            else:
                canvas.drawString(self._indent(index), y, line)
            y -= style.leading
