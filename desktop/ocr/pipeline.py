"""The OCR pipeline's public face: read one page, or many in parallel.

`read_page` reads a PIL image in this process; `read_pages` reads encoded page images (PNG, JPEG,
TIFF bytes) in a pool of worker processes. Both return `PageResult`s whose text, fields and image
hold no My Number and no health-insurance number.
"""

from __future__ import annotations

from desktop.ocr.batch import ReadCancelled, iter_pages, read_pages
from desktop.ocr.engine import TesseractUnavailable
from desktop.ocr.page import read_page
from desktop.ocr.results import FieldReading, MaskedRegion, PageResult

__all__ = [
    "FieldReading",
    "MaskedRegion",
    "PageResult",
    "ReadCancelled",
    "TesseractUnavailable",
    "iter_pages",
    "read_page",
    "read_pages",
]
