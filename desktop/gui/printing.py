"""Printing a PDF the app produced (cover sheets, letters) through Qt, or saving it.

pypdfium2 rasterises each page at the printer's resolution (35 ms an A4 page at 300 dpi); the pages
are painted onto the QPrinter at their paper size, so what is printed is exactly the PDF.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

log = logging.getLogger("kaiji.gui.printing")


def pdf_page_images(pdf: bytes, dpi: int) -> list[QImage]:
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        images = []
        for page in document:
            bitmap = page.render(scale=dpi / 72)
            pil = bitmap.to_pil().convert("RGB")
            data = pil.tobytes("raw", "RGB")
            image = QImage(data, pil.width, pil.height, pil.width * 3, QImage.Format.Format_RGB888)
            images.append(image.copy())  # own the pixels: `data` goes away
        return images
    finally:
        document.close()


def paint_pdf(printer: QPrinter, pdf: bytes) -> int:
    """Paint every page of `pdf` on `printer`; the number of pages printed."""
    dpi = min(printer.resolution(), 300)
    images = pdf_page_images(pdf, dpi)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be opened")
    try:
        for number, image in enumerate(images):
            if number:
                printer.newPage()
            area: QRect = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.setViewport(area.x(), area.y(), size.width(), size.height())
            painter.setWindow(image.rect())
            painter.drawImage(0, 0, image)
            painter.setViewport(area)
    finally:
        painter.end()
    return len(images)


def print_pdf(parent: QWidget, pdf: bytes, title: str) -> str | None:
    """Ask for a printer and print; the printer's name, or None when the clerk cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)  # kept referenced (ARCHITECTURE.md)
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        paint_pdf(printer, pdf)
        return printer.printerName() or printer.outputFileName() or "PDF"
    finally:
        dialog.deleteLater()


def save_pdf(parent: QWidget, pdf: bytes, suggested_name: str, caption: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, caption, suggested_name, "PDF (*.pdf)")
    if not path:
        return None
    target = Path(path)
    if target.suffix.lower() != ".pdf":
        target = target.with_suffix(".pdf")
    target.write_bytes(pdf)
    log.info("saved %s", target.name)
    return target
