"""Small QR codes on letters and labels, from reportlab's own encoder (no further dependency).

The modules are drawn as plain rectangles: reportlab's QR widget goes through its graphics
renderer, which sets an unembedded Helvetica on the page.
"""

from __future__ import annotations

from reportlab.graphics.barcode import qrencoder
from reportlab.pdfgen.canvas import Canvas

_QUIET = 1  # modules of white border; the page around the code is blank anyway


def draw_qr(canvas: Canvas, text: str, x: float, y: float, size: float) -> None:
    """A QR code of `text` (level M), `size` points square, lower-left corner at (x, y)."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(qrencoder.QR8bitByte(text))
    code.make()
    count = code.getModuleCount()
    module = size / (count + 2 * _QUIET)
    canvas.saveState()
    canvas.setFillGray(0)
    for row in range(count):
        for col in range(count):
            if code.isDark(row, col):
                left = x + (col + _QUIET) * module
                bottom = y + size - (row + 1 + _QUIET) * module
                canvas.rect(left, bottom, module, module, stroke=0, fill=1)
    canvas.restoreState()
