"""Printing a PDF the app produced (cover sheets, letters) through Qt, or saving it.

pypdfium2 rasterises each page at the printer's resolution (35 ms an A4 page at 300 dpi); the pages
are painted onto the whole sheet at 100 %, so what is printed is exactly the PDF.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from desktop.exports import write_atomically

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


def paint_pdfs(printer: QPrinter, pdfs: Sequence[bytes]) -> int:
    """Paint the PDFs one after the other as one print job, each page at 100 % on the whole sheet;
    the number of pages printed.

    Full-page mode puts the painter's origin at the paper's corner instead of the printable
    area's, so nothing is shrunk into the margins or shifted: the address lands in the
    envelope's window exactly where the PDF puts it. Each PDF is rasterised only when its turn
    comes, so a long batch never holds every page.
    """
    printer.setFullPage(True)
    dpi = min(printer.resolution(), 300)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be opened")
    pages = 0
    try:
        for pdf in pdfs:
            for image in pdf_page_images(pdf, dpi):
                if pages:
                    printer.newPage()
                # At its physical size from the sheet's corner: 100 %, whatever the paper.
                scale = printer.resolution() / dpi
                width, height = round(image.width() * scale), round(image.height() * scale)
                painter.drawImage(QRect(0, 0, width, height), image)
                pages += 1
    finally:
        painter.end()
    return pages


def paint_pdf(printer: QPrinter, pdf: bytes) -> int:
    """Paint every page of `pdf` on `printer`; the number of pages printed."""
    return paint_pdfs(printer, [pdf])


def print_pdfs(parent: QWidget, pdfs: Sequence[bytes], title: str) -> str | None:
    """Ask for a printer once and print every PDF; the printer's name, or None if cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)  # kept referenced (ARCHITECTURE.md)
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        paint_pdfs(printer, pdfs)
        return printer.printerName() or printer.outputFileName() or "PDF"
    finally:
        dialog.deleteLater()


def print_pdf(parent: QWidget, pdf: bytes, title: str) -> str | None:
    """Ask for a printer and print; the printer's name, or None when the clerk cancelled."""
    return print_pdfs(parent, [pdf], title)


def save_pdf(parent: QWidget, pdf: bytes, suggested_name: str, caption: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, caption, suggested_name, "PDF (*.pdf)")
    if not path:
        return None
    target = Path(path)
    if target.suffix.lower() != ".pdf":
        target = target.with_suffix(".pdf")
    # All or nothing: a full disk or an unwritable folder is a message (ExportFailed), never a
    # truncated PDF under the chosen name.
    write_atomically(target, pdf)
    log.info("saved %s", target.name)
    return target
