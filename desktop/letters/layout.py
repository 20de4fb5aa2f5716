"""Where things go on an A4 letter, and the reportlab flowables for composed blocks.

The first page is laid out for the window envelope of the company's settings (`Paper`, from a
spec in `desktop/domain/envelopes.py`): the addressee goes inside the window, less its margin,
and nothing else does; fold marks for 三つ折り sit in the side margins. Lines break by the rule
of `desktop/domain/line_breaking.py`: 禁則 for text, components for addresses.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table, TableStyle

from desktop.domain.envelopes import NAGA3_WINDOW, EnvelopeSpec, Rect, envelope
from desktop.domain.line_breaking import break_address, break_text
from desktop.letters.annex import annex_tables
from desktop.letters.compose import Annex, Block, ComposedLetter, Item
from desktop.letters.fonts import GOTHIC, MINCHO, register_fonts
from desktop.letters.ja_paragraph import JaParagraph

PAGE_WIDTH, PAGE_HEIGHT = A4
LEFT = 20 * mm
RIGHT = 20 * mm
BOTTOM = 24 * mm
LATER_TOP = 20 * mm
FIRST_TOP = 68 * mm  # the body starts below the window area and the sender block
_FOLD_MARK = (4 * mm, 9 * mm)  # from each side edge: inside the printable area, outside the text
TEXT_WIDTH = PAGE_WIDTH - LEFT - RIGHT
# Tables set their cells' font even when every cell is a Paragraph; without this, reportlab's
# default Helvetica lands in the PDF unembedded.
_CELL_FONT = ("FONT", (0, 0), (-1, -1), MINCHO)
_CELL_PADDING = 4
SENDER_WIDTH = 72 * mm  # right of the window: 190 mm - 72 mm leaves the window area clear


@dataclass(frozen=True)
class Paper:
    """The envelope the letters go in and the company's shift of its window (mm)."""

    spec: EnvelopeSpec = field(default=NAGA3_WINDOW)
    shift_x_mm: float = 0
    shift_y_mm: float = 0

    @classmethod
    def named(cls, envelope_key: str, shift_x_mm: float, shift_y_mm: float) -> Paper:
        """The paper for the settings' `envelope`, `envelope_shift_x_mm` and `_y_mm`."""
        return cls(envelope(envelope_key), shift_x_mm, shift_y_mm)

    @property
    def window(self) -> Rect:
        """The part of the sheet the window shows, mm from the top-left corner."""
        return self.spec.window_on_sheet(self.shift_x_mm, self.shift_y_mm)

    @property
    def address_area(self) -> Rect:
        return self.spec.address_area(self.shift_x_mm, self.shift_y_mm)


def _style(name: str, language: str, **overrides: object) -> ParagraphStyle:
    register_fonts()
    base: dict[str, object] = {
        "fontName": MINCHO,
        "fontSize": 10.5,
        "leading": 16,
        "wordWrap": "CJK" if language == "ja" else None,
        "spaceAfter": 2,
    }
    base.update(overrides)
    return ParagraphStyle(f"{name}-{language}", **base)


@cache
def styles(language: str) -> dict[str, ParagraphStyle]:
    """Paragraph styles by block style name, for `language`."""
    return {
        "body": _style("body", language, alignment=TA_LEFT),
        "indented": _style("indented", language, firstLineIndent=10.5 if language == "ja" else 0),
        "subject": _style(
            "subject",
            language,
            fontName=GOTHIC,
            fontSize=14,
            leading=20,
            alignment=TA_CENTER,
            spaceBefore=6,
            spaceAfter=14,
        ),
        "center": _style("center", language, alignment=TA_CENTER, spaceBefore=6, spaceAfter=6),
        "right": _style("right", language, alignment=TA_RIGHT),
        "heading": _style("heading", language, fontName=GOTHIC, spaceBefore=10, keepWithNext=1),
        "contact": _style("contact", language, fontSize=9.5, leading=14, leftIndent=4 * mm),
        "gap": _style("gap", language, spaceBefore=8),
        "label": _style("label", language, fontName=GOTHIC, fontSize=10, leading=16),
        "cell": _style("cell", language, fontSize=8.5, leading=11.5, spaceAfter=0),
        "cell_head": _style("cell_head", language, fontName=GOTHIC, fontSize=8.5, leading=11.5),
        "password": _style(
            "password", language, fontName=GOTHIC, fontSize=20, leading=28, alignment=TA_CENTER
        ),
    }


def _text(text: str) -> str:
    return escape(text).replace("\n", "<br/>")


def paragraph(text: str, style: ParagraphStyle, language: str) -> Flowable:
    """Running text: Japanese broken by the 禁則 rule, English by reportlab at spaces."""
    if language == "ja":
        return JaParagraph(text, style)
    return Paragraph(_text(text), style)


def _item(item: Item, language: str) -> Flowable:
    sheet = styles(language)
    label_width = 38 * mm if language == "en" else 34 * mm
    table = Table(
        [
            [
                paragraph(item.label, sheet["label"], language),
                [paragraph(line, sheet["body"], language) for line in item.lines],
            ]
        ],
        colWidths=(label_width, TEXT_WIDTH - label_width - 6 * mm),
        hAlign="RIGHT",
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                _CELL_FONT,
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


def _annex(annex: Annex, language: str) -> list[Flowable]:
    sheet = styles(language)
    flowables: list[Flowable] = [
        PageBreak(),
        Paragraph(_text(annex.title), sheet["subject"]),
        Paragraph(_text(annex.intro), sheet["body"]),
    ]
    flowables.extend(annex_tables(annex.sections, language, annex.date_style, TEXT_WIDTH))
    return flowables


def _password_box(text: str, language: str) -> Flowable:
    table = Table([[Paragraph(_text(text), styles(language)["password"])]], colWidths=[120 * mm])
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1, colors.black),
                _CELL_FONT,
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 12),
            ]
        )
    )
    return table


def flowables(blocks: tuple[Block, ...], language: str) -> list[Flowable]:
    """reportlab flowables for the composed blocks of one letter."""
    sheet = styles(language)
    result: list[Flowable] = []
    for block in blocks:
        if isinstance(block, Item):
            result.append(_item(block, language))
        elif isinstance(block, Annex):
            result.extend(_annex(block, language))
        elif block.style == "password":
            result.extend((Spacer(1, 4 * mm), _password_box(block.text, language)))
            result.append(Spacer(1, 6 * mm))
        elif block.style == "gap" and not block.text:
            result.append(Spacer(1, 3 * mm))
        else:
            result.append(paragraph(block.text, sheet[block.style], language))
    return result


def _fits(font: str, size: float, width: float) -> Callable[[str], bool]:
    return lambda text: stringWidth(text, font, size) <= width


def wrap_line(text: str, font: str, size: float, width: float) -> list[str]:
    """Running text (a name, a company line) in lines no wider than `width`, keeping 禁則."""
    return break_text(text, _fits(font, size, width))


def wrap_address(text: str, font: str, size: float, width: float) -> list[str]:
    """An address in lines no wider than `width`, broken only between its components."""
    return break_address(text, _fits(font, size, width))


ADDRESS_SIZE = 10.5  # pt; a long address shrinks to fit, down to _SMALLEST
_SMALLEST = 7.0
_NAME_SCALE = 1.35


def draw_addressee(canvas: Canvas, paper: Paper, lines: tuple[str, ...], name: str) -> None:
    """The addressee inside the envelope window, shrinking the type if the address is long."""
    area = paper.address_area
    width, height = area.width * mm, area.height * mm
    size = ADDRESS_SIZE
    while True:
        small = [part for line in lines for part in wrap_address(line, MINCHO, size, width)]
        name_size = size * _NAME_SCALE
        names = wrap_line(name, MINCHO, name_size, width)
        needed = len(small) * size * 1.4 + 3 * mm + len(names) * name_size * 1.3
        if needed <= height or size <= _SMALLEST:
            break
        size -= 0.5
    y = PAGE_HEIGHT - area.top * mm - size
    x = area.left * mm
    canvas.setFont(MINCHO, size)
    for line in small:
        canvas.drawString(x, y, line)
        y -= size * 1.4
    y -= 3 * mm + name_size * 0.3
    canvas.setFont(MINCHO, name_size)
    for line in names:
        canvas.drawString(x, y, line)
        y -= name_size * 1.3


def draw_fold_marks(canvas: Canvas, paper: Paper) -> None:
    """Short ticks at both side edges where the sheet is folded."""
    canvas.saveState()
    canvas.setLineWidth(0.4)
    canvas.setStrokeGray(0.35)
    near, far = _FOLD_MARK
    for fold in paper.spec.folds_mm:
        y = PAGE_HEIGHT - fold * mm
        canvas.line(near, y, far, y)
        canvas.line(PAGE_WIDTH - far, y, PAGE_WIDTH - near, y)
    canvas.restoreState()


def draw_letterhead(canvas: Canvas, letter: ComposedLetter) -> None:
    """Reference and date top right, the sender block right-aligned under them."""
    right = PAGE_WIDTH - RIGHT
    canvas.setFont(MINCHO, 9.5)
    canvas.drawRightString(right, PAGE_HEIGHT - 16 * mm, letter.reference_line)
    canvas.setFont(MINCHO, 10.5)
    canvas.drawRightString(right, PAGE_HEIGHT - 22 * mm, letter.date_line)
    y = PAGE_HEIGHT - 32 * mm
    for index, line in enumerate(letter.sender_lines):
        font, size = (GOTHIC, 11.5) if index == 0 else (MINCHO, 9)
        canvas.setFont(font, size)
        wrap = wrap_line if index == 0 else wrap_address
        for part in wrap(line, font, size, SENDER_WIDTH):
            canvas.drawRightString(right, y, part)
            y -= 5.2 * mm if index == 0 else 4.3 * mm
