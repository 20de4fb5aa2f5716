"""A4 sheets of address labels for a batch of letters sent in envelopes without a window.

The grid is the common A4 12-up sheet (2 × 6 labels of 86.4 × 42.3 mm, no gaps, margins 18.6 mm
left and 21.6 mm top), as sold by the major Japanese label makers. A label printed for an issued
letter carries its label code (`desktop/domain/sealing.py`) bottom left, for the sealing check.
"""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop.domain.sealing import label_code
from desktop.letters.codes import draw_qr
from desktop.letters.fonts import MINCHO, register_fonts
from desktop.letters.layout import wrap_address, wrap_line
from desktop.letters.model import Addressee, Sender
from desktop.letters.texts import fill, load_texts
from desktop.letters.validation import LetterDataError

COLUMNS, ROWS = 2, 6
LABEL_WIDTH, LABEL_HEIGHT = 86.4 * mm, 42.3 * mm
LEFT_MARGIN, TOP_MARGIN = 18.6 * mm, 21.6 * mm
_PADDING = 5 * mm
_CODE_SIZE = 8 * mm


def _draw_label(
    canvas: Canvas, x: float, top: float, lines: list[str], name: str, sender: str
) -> None:
    width = LABEL_WIDTH - 2 * _PADDING
    size = 10.0
    while True:
        small = [part for line in lines for part in wrap_address(line, MINCHO, size, width)]
        names = wrap_line(name, MINCHO, size * 1.3, width)
        needed = len(small) * size * 1.35 + len(names) * size * 1.3 * 1.25 + 9 * mm
        if needed <= LABEL_HEIGHT - 2 * _PADDING or size <= 6.5:
            break
        size -= 0.5
    y = top - _PADDING - size
    canvas.setFont(MINCHO, size)
    for line in small:
        canvas.drawString(x + _PADDING, y, line)
        y -= size * 1.35
    y -= 1.5 * mm
    canvas.setFont(MINCHO, size * 1.3)
    for line in names:
        canvas.drawString(x + _PADDING, y - size * 0.3, line)
        y -= size * 1.3 * 1.25
    canvas.setFont(MINCHO, 6.5)
    canvas.drawRightString(x + LABEL_WIDTH - _PADDING, top - LABEL_HEIGHT + _PADDING, sender)


def render_address_labels(
    addressees: Sequence[Addressee], sender: Sender, keys: Sequence[str] | None = None
) -> bytes:
    """An A4 label sheet (12 a page) with one label per addressee, in the order given; `keys`
    name the letter each label is for."""
    if not addressees:
        raise LetterDataError(
            "宛名ラベルを作る宛先がありません。", "There are no addresses to print."
        )
    register_fonts()
    common = load_texts("common", "ja")
    out = BytesIO()
    canvas = Canvas(out, pagesize=A4, invariant=True, initialFontName=MINCHO)
    page_height = A4[1]
    per_page = COLUMNS * ROWS
    for index, addressee in enumerate(addressees):
        if index and index % per_page == 0:
            canvas.showPage()
        slot = index % per_page
        column, row = slot % COLUMNS, slot // COLUMNS
        x = LEFT_MARGIN + column * LABEL_WIDTH
        top = page_height - TOP_MARGIN - row * LABEL_HEIGHT
        lines = [fill(common.text("postal"), {"postal_code": addressee.postal_code}, "postal")]
        lines.append(addressee.address)
        if addressee.building:
            lines.append(addressee.building)
        name = fill(common.text("addressee"), {"name": addressee.name}, "addressee")
        _draw_label(canvas, x, top, lines, name, sender.company)
        if keys is not None:
            bottom = top - LABEL_HEIGHT
            draw_qr(canvas, label_code(keys[index]), x + _PADDING, bottom + 3 * mm, _CODE_SIZE)
    canvas.showPage()
    canvas.save()
    return out.getvalue()
