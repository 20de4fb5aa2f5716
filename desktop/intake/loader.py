"""Loading page files (JPEG, PNG, multi-page TIFF, PDF) into upright page images.

A file is validated in full before any page is returned: either every page loads, or the file is
refused with a `FileRefused` naming it, and nothing of it is kept.
"""

from __future__ import annotations

from pathlib import Path

from desktop.intake._raster import load_raster, raster_page_count
from desktop.intake.pages import IntakeLimits, LoadedPage
from desktop.intake.refusals import BrokenFile, EmptyFile, FileTooLarge, UnsupportedFile

__all__ = [
    "DEFAULT_LIMITS",
    "SUPPORTED_SUFFIXES",
    "IntakeLimits",
    "LoadedPage",
    "load_pages",
    "page_count",
]

SUPPORTED_SUFFIXES = frozenset({".jpg", ".jpeg", ".jpe", ".png", ".tif", ".tiff", ".pdf"})
DEFAULT_LIMITS = IntakeLimits()


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def load_pages(path: Path, limits: IntakeLimits = DEFAULT_LIMITS) -> list[LoadedPage]:
    """Every page of `path`, or `FileRefused` (a `KnownError`) saying why not."""
    _check_file(path, limits)
    if _is_pdf(path):
        from desktop.intake._pdf import load_pdf  # pdfium only when a PDF is read

        return load_pdf(path, limits)
    return load_raster(path, limits)


def page_count(path: Path, limits: IntakeLimits = DEFAULT_LIMITS) -> int:
    """The number of pages, from the file's structure only (no page is decoded)."""
    _check_file(path, limits)
    if _is_pdf(path):
        from desktop.intake._pdf import pdf_page_count

        return pdf_page_count(path)
    return raster_page_count(path, limits)


def _check_file(path: Path, limits: IntakeLimits) -> None:
    if not is_supported(path):
        raise UnsupportedFile(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise BrokenFile(path) from exc
    if size == 0:
        raise EmptyFile(path)
    if size > limits.max_bytes:
        raise FileTooLarge(path, size, limits.max_bytes)


def _is_pdf(path: Path) -> bool:
    """By the content when it says PDF (a PDF saved as scan.jpg still loads), else by the name."""
    try:
        with path.open("rb") as file:
            head = file.read(1024)
    except OSError as exc:
        raise BrokenFile(path) from exc
    return b"%PDF" in head or path.suffix.lower() == ".pdf"
