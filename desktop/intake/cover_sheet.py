"""Case cover sheets (案件カバーシート): printed when an envelope is logged, scanned in front of
the case's pages, and recognised by their QR code so that a mixed batch finds its cases."""

from __future__ import annotations

import io
import re
from datetime import date

import segno
import zxingcpp
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from desktop.domain.errors import InvalidInput
from desktop.resources import font_file

__all__ = ["QR_PREFIX", "read_cover_sheet", "render_cover_sheet"]

QR_PREFIX = "KAIJI-DESK:CASE:"
_FONT = "IPAexGothic"
_REFERENCE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,31}")
_QR_SIZE = 90 * mm
# A second, smaller code in the corner still routes the sheet when the big one is creased,
# stapled through or written on.
_SPARE_QR_SIZE = 32 * mm
_QR_ONLY = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)


def render_cover_sheet(
    reference: str, received_on: date, sender_name: str, kinds: list[str]
) -> bytes:
    """An A4 PDF: title, the case reference large, its QR code, and what the case is."""
    if not _REFERENCE.fullmatch(reference):
        raise InvalidInput(
            f"案件番号「{reference}」はカバーシートに使えません。",
            f"“{reference}” is not a case reference that a cover sheet can carry.",
        )
    _register_font()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=True)
    canvas.setTitle(f"案件カバーシート {reference}")
    width, height = A4
    middle = width / 2

    canvas.setFont(_FONT, 20)
    canvas.drawCentredString(middle, height - 30 * mm, "案件カバーシート / Case cover sheet")
    canvas.setLineWidth(1.5)
    canvas.line(20 * mm, height - 35 * mm, width - 20 * mm, height - 35 * mm)
    canvas.setFont(_FONT, 44)
    canvas.drawCentredString(middle, height - 58 * mm, reference)

    qr_top = height - 70 * mm
    _draw_qr(canvas, QR_PREFIX + reference, middle - _QR_SIZE / 2, qr_top - _QR_SIZE, _QR_SIZE)
    _draw_qr(
        canvas, QR_PREFIX + reference, width - 15 * mm - _SPARE_QR_SIZE, 52 * mm, _SPARE_QR_SIZE
    )

    lines = [
        ("受付日 / Received", f"{received_on.year}年{received_on.month}月{received_on.day}日"),
        ("差出人 / Sender", sender_name),
        ("請求 / Requests", "・".join(kinds)),
    ]
    y = qr_top - _QR_SIZE - 18 * mm
    for label, value in lines:
        canvas.setFont(_FONT, 11)
        canvas.drawString(25 * mm, y, label)
        canvas.setFont(_FONT, 14)
        canvas.drawString(70 * mm, y, _fit(canvas, value, 14, width - 95 * mm))
        y -= 11 * mm

    canvas.setFont(_FONT, 12)
    canvas.drawCentredString(
        middle, 40 * mm, "この用紙を案件の書類の先頭に重ねてスキャンしてください。"
    )
    canvas.drawCentredString(
        middle, 33 * mm, "Place this sheet in front of the case's pages when scanning."
    )
    canvas.setFont(_FONT, 8)
    canvas.drawCentredString(middle, 15 * mm, "開示デスク Kaiji Desk — この用紙は保存されません")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def read_cover_sheet(image: Image.Image) -> str | None:
    """The case reference when `image` is a cover sheet (any orientation), else None."""
    grey = image if image.mode == "L" else image.convert("L")
    for barcode in zxingcpp.read_barcodes(grey, formats=_QR_ONLY):
        text = str(barcode.text)
        if text.startswith(QR_PREFIX):
            reference = text.removeprefix(QR_PREFIX)
            if _REFERENCE.fullmatch(reference):
                return reference
    return None


def _register_font() -> None:
    if _FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(_FONT, str(font_file("gothic"))))


def _draw_qr(canvas: Canvas, payload: str, left: float, bottom: float, size: float) -> None:
    """The QR code as vector squares: sharp at any printer resolution."""
    qr = segno.make(payload, error="m", micro=False)
    rows = [list(row) for row in qr.matrix]
    module = size / len(rows)
    canvas.setFillColorRGB(0, 0, 0)
    for r, row in enumerate(rows):
        y = bottom + size - (r + 1) * module
        c = 0
        while c < len(row):
            if not row[c]:
                c += 1
                continue
            start = c
            while c < len(row) and row[c]:
                c += 1
            # A hair of overlap keeps viewers from drawing seams between neighbouring squares.
            canvas.rect(
                left + start * module,
                y - 0.05,
                (c - start) * module + 0.05,
                module + 0.05,
                stroke=0,
                fill=1,
            )


def _fit(canvas: Canvas, text: str, size: float, width: float) -> str:
    """`text`, cut with an ellipsis if it would run past `width`."""
    if canvas.stringWidth(text, _FONT, size) <= width:
        return text
    while text and canvas.stringWidth(text + "…", _FONT, size) > width:
        text = text[:-1]
    return text + "…"
