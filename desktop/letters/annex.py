"""The disclosed data's tables (開示書): one table per source, laid out to be read.

A source with one record (the registry) prints as item / value pairs; a source with many records
as a table whose columns are as wide as their content, in a smaller type when it is wide, headings
repeated on each page. Dates print in the letter's style (令和…), numbers right-aligned; empty
items were left out before (`domain/retained.py`).
"""

from __future__ import annotations

import re
from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from desktop.letters.dates import format_date
from desktop.letters.fonts import GOTHIC, MINCHO, register_fonts
from desktop.letters.model import DisclosedSection

_ISO_DATE = re.compile(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$")
# 1,234 / -56 / 12.5 / ¥3,000 / 3,000円 — not codes with a leading zero (郵便番号, 電話番号).
_NUMBER = re.compile(r"^[-+]?[¥￥]?(0|[1-9]\d{0,2}(,\d{3})+|[1-9]\d*)(\.\d+)?円?$")
_PADDING = 3
_MAX_COLUMN = 60 * mm
_SIZES = (8.5, 7.5, 6.5)  # the type shrinks for a wide table before cells wrap
_HEAD_GREY = colors.Color(0.88, 0.88, 0.88)
_HEADINGS = {"ja": ("項目", "内容"), "en": ("Item", "Value")}


def is_number(text: str) -> bool:
    return bool(_NUMBER.match(text.strip()))


def cell_text(value: str, language: str, date_style: str) -> str:
    """A value as the annex prints it: an ISO date in the letter's style, the rest as it is."""
    match = _ISO_DATE.match(value.strip())
    if match:
        try:
            day = date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return value
        return format_date(day, language, date_style)
    return value


def _style(name: str, font: str, size: float, language: str, **extra: object) -> ParagraphStyle:
    return ParagraphStyle(
        f"annex-{name}-{size}-{language}",
        fontName=font,
        fontSize=size,
        leading=size * 1.35,
        wordWrap="CJK" if language == "ja" else None,
        **extra,
    )


def _para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _title(section: DisclosedSection, language: str) -> Paragraph:
    return _para(section.title, _style("title", GOTHIC, 10.5, language, spaceBefore=8))


def _grid(numeric: list[bool], size: float) -> TableStyle:
    commands: list[tuple[object, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), _HEAD_GREY),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONT", (0, 0), (-1, -1), MINCHO, size, size * 1.35),
        ("FONT", (0, 0), (-1, 0), GOTHIC, size, size * 1.35),
        ("LEFTPADDING", (0, 0), (-1, -1), _PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), _PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]
    commands += [("ALIGN", (i, 1), (i, -1), "RIGHT") for i, n in enumerate(numeric) if n]
    return TableStyle(commands)


def _pairs(section: DisclosedSection, language: str, date_style: str, width: float) -> Table:
    """One record: each item on its own line, label left, value right of it."""
    size = _SIZES[0]
    label_style = _style("label", GOTHIC, size, language)
    value_style = _style("value", MINCHO, size, language)
    number_style = _style("number", MINCHO, size, language, alignment=TA_RIGHT)
    label_width = min(
        max(stringWidth(c, GOTHIC, size) for c in section.columns) + 2 * _PADDING + 2,
        width * 0.4,
    )
    rows: list[list[object]] = [list(_HEADINGS.get(language, _HEADINGS["ja"]))]
    for label, value in zip(section.columns, section.rows[0], strict=True):
        text = cell_text(value, language, date_style)
        style = number_style if is_number(value) else value_style
        rows.append([_para(label, label_style), _para(text, style)])
    table = Table(rows, colWidths=(label_width, width - label_width), repeatRows=1)
    table.setStyle(_grid([False, False], size))
    return table


def _widths(natural: list[float], width: float) -> list[float]:
    """Columns as wide as their content; when they do not fit, the widest give way first."""
    total = sum(natural)
    if total <= width:
        return [w * width / total for w in natural]
    widths = list(natural)
    cap = max(widths)
    while sum(widths) > width and cap > 8 * mm:  # lower a common ceiling until the table fits
        cap -= 1
        widths = [min(w, cap) for w in natural]
    scale = width / sum(widths)
    return [w * scale for w in widths]


def _wide(section: DisclosedSection, language: str, date_style: str, width: float) -> Table:
    """Many records: a table with a column per item, headings repeated on every page."""
    texts = [[cell_text(v, language, date_style) for v in row] for row in section.rows]
    numeric = [
        all(is_number(row[i]) for row in section.rows if row[i].strip())
        for i in range(len(section.columns))
    ]
    for size in _SIZES:

        def natural(i: int, size: float = size) -> float:
            head = float(stringWidth(section.columns[i], GOTHIC, size))
            body = max((float(stringWidth(row[i], MINCHO, size)) for row in texts), default=0.0)
            return float(min(max(head, body) + 2 * _PADDING + 1, _MAX_COLUMN))

        natural_widths = [natural(i) for i in range(len(section.columns))]
        if sum(natural_widths) <= width:
            break
    widths = _widths(natural_widths, width)
    head_style = _style("head", GOTHIC, size, language)
    body_style = _style("cell", MINCHO, size, language)
    number_style = _style("cellnum", MINCHO, size, language, alignment=TA_RIGHT)

    def cell(text: str, i: int) -> object:
        fits = stringWidth(text, MINCHO, size) <= widths[i] - 2 * _PADDING
        if fits and "\n" not in text:
            return text  # plain strings draw far faster than paragraphs
        return _para(text, number_style if numeric[i] else body_style)

    rows: list[list[object]] = [[_para(c, head_style) for c in section.columns]]
    rows += [[cell(text, i) for i, text in enumerate(row)] for row in texts]
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(_grid(numeric, size))
    return table


def annex_tables(
    sections: tuple[DisclosedSection, ...], language: str, date_style: str, width: float
) -> list[Flowable]:
    """The flowables of every disclosed table, each under its source's title."""
    register_fonts()
    flowables: list[Flowable] = []
    for section in sections:
        if not section.rows or not section.columns:
            continue
        flowables.append(_title(section, language))
        if len(section.rows) == 1:
            flowables.append(_pairs(section, language, date_style, width))
        else:
            flowables.append(_wide(section, language, date_style, width))
        flowables.append(Spacer(1, 3 * mm))
    return flowables
