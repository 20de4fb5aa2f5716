"""Pages for the demo's cases: a request form and a driving licence drawn for the requester, as
the scanner would have stored them (fictitious, nothing to mask)."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from PIL import Image, ImageDraw

from desktop.domain.documents import DocumentKind, FieldName
from desktop.services.documents import PageToStore

_DPI = 100
_FORM_SIZE = (827, 1169)  # A4 at 100 dpi
_CARD_SIZE = (338, 213)  # ID-1 (85.6 × 54 mm) at 100 dpi


def _png(size: tuple[int, int], lines: list[str], frame: bool) -> bytes:
    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    if frame:
        draw.rounded_rectangle((4, 4, size[0] - 5, size[1] - 5), radius=12, outline=0, width=2)
    for n, line in enumerate(lines):
        draw.text((24, 24 + 22 * n), line, fill=0)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _fields(name: str, postal: str, address: str, birth: date | None) -> dict[str, dict[str, Any]]:
    read = {
        FieldName.NAME: name,
        FieldName.POSTAL_CODE: postal,
        FieldName.ADDRESS: address,
        FieldName.BIRTH_DATE: birth.isoformat() if birth else "",
    }
    return {
        field.value: {"value": value, "confidence": 0.97, "box": None}
        for field, value in read.items()
        if value
    }


def demo_pages(
    reference: str, name: str, postal: str, address: str, birth: date | None
) -> list[PageToStore]:
    """The two pages of a demo envelope: the request form and a copy of a driving licence."""
    fields = _fields(name, postal, address, birth)
    pages = []
    for number, (kind, size, title) in enumerate(
        (
            (DocumentKind.APPLICATION_FORM, _FORM_SIZE, "REQUEST FOR DISCLOSURE (demo)"),
            (DocumentKind.DRIVERS_LICENSE, _CARD_SIZE, "DRIVING LICENCE (demo)"),
        ),
        start=1,
    ):
        data = _png(size, [title, reference], frame=kind is DocumentKind.DRIVERS_LICENSE)
        pages.append(
            PageToStore(
                source_name=f"{reference}.pdf",
                source_page=number,
                dpi=_DPI,
                kind=kind,
                kind_confidence=0.95,
                image_data=data,
                width=size[0],
                height=size[1],
                text=f"{kind.label_ja} {name} {address}",
                fields=dict(fields),
                extras={},
                masked=[],
                warnings=[],
            )
        )
    return pages
