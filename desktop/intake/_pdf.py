"""Pages from PDF files, rendered by PDFium at 300 dpi."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from desktop.intake.pages import IntakeLimits, LoadedPage
from desktop.intake.refusals import (
    BrokenFile,
    EmptyFile,
    NotAnImage,
    PasswordProtected,
    TooManyPages,
    TooManyPixels,
)

PDF_DPI = 300
_POINTS_PER_INCH = 72
# PDFium's FPDF_ERR_FORMAT and FPDF_ERR_PASSWORD / FPDF_ERR_SECURITY.
_ERR_FORMAT = 3
_PASSWORD_ERRORS = (4, 5)


def _open(path: Path) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        if exc.err_code in _PASSWORD_ERRORS:
            raise PasswordProtected(path) from exc
        if exc.err_code == _ERR_FORMAT and not _starts_like_pdf(path):
            raise NotAnImage(path) from exc
        raise BrokenFile(path) from exc


def _starts_like_pdf(path: Path) -> bool:
    with path.open("rb") as file:
        return b"%PDF" in file.read(1024)


def pdf_page_count(path: Path) -> int:
    with _open(path) as pdf:
        try:
            return len(pdf)
        except pdfium.PdfiumError as exc:
            raise BrokenFile(path) from exc


def load_pdf(path: Path, limits: IntakeLimits) -> list[LoadedPage]:
    scale = PDF_DPI / _POINTS_PER_INCH
    with _open(path) as pdf:
        count = len(pdf)
        if count == 0:
            raise EmptyFile(path)
        if count > limits.max_pages:
            raise TooManyPages(path, count, limits.max_pages)
        for index in range(count):
            try:
                width, height = pdf.get_page_size(index)
            except pdfium.PdfiumError as exc:
                raise BrokenFile(path) from exc
            if width * scale * height * scale > limits.max_pixels:
                raise TooManyPixels(path, limits.max_pixels)
        pages = []
        for index in range(count):
            try:
                page = pdf[index]
                bitmap = page.render(scale=scale)
                image = bitmap.to_pil().convert("RGB")  # a copy: the bitmap's buffer is freed
            except pdfium.PdfiumError as exc:
                raise BrokenFile(path) from exc
            bitmap.close()
            page.close()
            pages.append(LoadedPage.of(path, index + 1, image, PDF_DPI))
    return pages
