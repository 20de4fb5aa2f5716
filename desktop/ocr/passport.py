"""A passport data page: the MRZ gives name, number and dates with check digits to trust them."""

from __future__ import annotations

from PIL import Image

from desktop.domain.documents import FieldName
from desktop.ocr.engine import Line, read_lines, union_box
from desktop.ocr.masking import widen
from desktop.ocr.mrz import find_td3, repair_td3
from desktop.ocr.results import FieldReading

__all__ = ["read_passport"]

_MRZ_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"


def _mrz_zone(page: Image.Image, lines: list[Line]) -> tuple[int, int, int, int]:
    """Where the MRZ is: the lines read with fillers (<), else the bottom quarter of the page."""
    marked = [line for line in lines if line.text.count("<") >= 3 or "くく" in line.text]
    if marked:
        return widen(union_box([line.box for line in marked]), page.size, 20)
    return (0, page.height * 3 // 4, page.width, page.height)


def read_passport(
    page: Image.Image, dpi: int, lines: list[Line], fields: dict[FieldName, FieldReading]
) -> tuple[dict[FieldName, FieldReading], list[str]]:
    """`fields` completed from the MRZ (read once more, in OCR-B's alphabet), and findings."""
    zone = _mrz_zone(page, lines)
    mrz_lines = read_lines(page.crop(zone), dpi, lang="eng", whitelist=_MRZ_CHARS)
    found = find_td3([line.text for line in mrz_lines])
    if found is None:
        return fields, ["mrz_unreadable"]
    mrz = repair_td3(*found)
    box = zone
    updated = dict(fields)
    if mrz.name:
        confidence = 0.95 if mrz.composite_ok else 0.5
        updated[FieldName.NAME] = FieldReading(mrz.name, confidence, box)
    # A value whose check digit fails is never output: the visual zone's reading stays.
    for name, value, ok in (
        (FieldName.NUMBER, mrz.number or None, mrz.number_ok),
        (FieldName.BIRTH_DATE, mrz.birth_date and mrz.birth_date.isoformat(), mrz.birth_ok),
        (FieldName.EXPIRY_DATE, mrz.expiry_date and mrz.expiry_date.isoformat(), mrz.expiry_ok),
    ):
        if value and ok:
            updated[name] = FieldReading(value, 0.95, box)
    return updated, [] if mrz.all_checks_ok else ["mrz_check_digit"]
