"""The print queue: approved letters not yet printed, printed as one batch with a record each."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2
import pytest
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMenu, QWidget
from pytestqt.qtbot import QtBot

from desktop.config import Paths, Settings
from desktop.domain.status import CaseStatus
from desktop.gui.context import GuiContext
from desktop.gui.print_queue import PrintQueueDialog
from desktop.gui.printing import paint_pdf, paint_pdfs
from desktop.letters import LetterKind
from desktop.services import cases, letters
from desktop.services.context import ServiceContext
from desktop.services.letters import StoredLetter
from tests.conftest import Staff
from tests.factories import letterhead
from tests.gui.conftest import fake_ui
from tests.gui.test_letters_panel import PaperTray, approved_case, print_records
from tests.letters.pdf_reading import page_texts, squash


@pytest.fixture
def settings(paths: Paths) -> Settings:
    return letterhead(paths)


@dataclass
class BatchTray:
    """Stands in for the printer of a batch: one call, the PDFs in order."""

    batches: list[list[bytes]] = field(default_factory=list)

    def __call__(self, parent: QWidget, pdfs: Sequence[bytes], title: str) -> str | None:
        self.batches.append(list(pdfs))
        return "Office laser"


@pytest.fixture
def queued(ctx: ServiceContext, staff: Staff) -> dict[str, StoredLetter]:
    """Two approved cases with an issued, unprinted letter each, by addressee."""
    found = {}
    for serial, name in ((1, "山田 太郎"), (2, "佐藤 花子")):
        case_id = approved_case(ctx, staff, serial=serial, name=name)
        found[name] = letters.issue_letter(ctx, staff.clerk, case_id, LetterKind.DISCLOSURE)
    return found


def open_queue(qtbot: QtBot, gui: GuiContext, staff: Staff) -> PrintQueueDialog:
    dialog = PrintQueueDialog(gui, staff.clerk)
    qtbot.addWidget(dialog)
    return dialog


def test_the_queue_lists_unprinted_letters_with_reference_addressee_and_kind(
    qtbot: QtBot,
    gui: GuiContext,
    ctx: ServiceContext,
    staff: Staff,
    queued: dict[str, StoredLetter],
) -> None:
    dialog = open_queue(qtbot, gui, staff)
    rows = [
        tuple(dialog.table.item(row, col).text() for col in range(3))  # type: ignore[union-attr]
        for row in range(dialog.table.rowCount())
    ]
    assert {r[0] for r in rows} == {s.reference for s in queued.values()}
    assert {r[1] for r in rows} == set(queued)
    assert {r[2] for r in rows} == {"保有個人データ開示決定通知書"}
    assert not dialog.print_button.isEnabled()  # nothing ticked yet

    dialog.select_all_button.click()
    assert sorted(dialog.checked_ids) == sorted(s.letter_id for s in queued.values())
    dialog.select_all_button.click()
    assert dialog.checked_ids == []


def test_print_selected_prints_the_stored_letters_and_records_each(
    qtbot: QtBot,
    gui: GuiContext,
    ctx: ServiceContext,
    staff: Staff,
    queued: dict[str, StoredLetter],
) -> None:
    dialog = open_queue(qtbot, gui, staff)
    tray = BatchTray()
    fake_ui(gui).print_pdfs = tray
    chosen, other = queued["佐藤 花子"], queued["山田 太郎"]
    dialog.set_checked([chosen.letter_id])
    dialog.print_button.click()

    [[printed]] = tray.batches
    assert printed == letters.letter_pdf(ctx, staff.clerk, chosen.letter_id)
    [record] = print_records(ctx)
    assert (record.letter_id, record.printer) == (chosen.letter_id, "Office laser")
    assert record.sha256 == hashlib.sha256(printed).hexdigest()
    assert cases.get_case(ctx, chosen.case_id).status is CaseStatus.LETTER_PRINTED
    assert cases.get_case(ctx, other.case_id).status is CaseStatus.APPROVED
    assert [q.letter_id for q in dialog.queue] == [other.letter_id]  # the rest still waits


def test_address_labels_for_the_selected_letters(
    qtbot: QtBot,
    gui: GuiContext,
    ctx: ServiceContext,
    staff: Staff,
    queued: dict[str, StoredLetter],
) -> None:
    dialog = open_queue(qtbot, gui, staff)
    tray = PaperTray()
    fake_ui(gui).print_pdf = tray
    dialog.select_all_button.click()
    dialog.labels_button.click()
    [sheet] = tray.printed
    text = squash(" ".join(page_texts(sheet)))
    assert "山田太郎" in text
    assert "佐藤花子" in text
    assert print_records(ctx) == []  # labels are not letter prints


def test_a_batch_prints_every_page_of_every_letter_as_one_job(
    qapp: object,
    tmp_path: Path,
    ctx: ServiceContext,
    staff: Staff,
    queued: dict[str, StoredLetter],
) -> None:
    pdfs = [letters.letter_pdf(ctx, staff.clerk, s.letter_id) for s in queued.values()]
    expected = sum(len(pypdfium2.PdfDocument(pdf)) for pdf in pdfs)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "batch.pdf"
    printer.setOutputFileName(str(target))

    assert paint_pdfs(printer, pdfs) == expected
    assert len(pypdfium2.PdfDocument(target)) == expected


def test_the_cases_menu_opens_the_print_queue_and_returned_mail(
    qtbot: QtBot, gui: GuiContext, staff: Staff, queued: dict[str, StoredLetter]
) -> None:
    from desktop.gui.mail_dialogs import ReturnedMailDialog
    from desktop.gui.main_window import MainWindow

    window = MainWindow(gui, staff.clerk)
    qtbot.addWidget(window)
    tray = PaperTray()
    fake_ui(gui).print_pdf = tray
    [case_menu] = [a.menu() for a in window.menuBar().actions()][:1]
    assert isinstance(case_menu, QMenu)
    assert window.print_queue_action in case_menu.actions()
    assert window.returned_mail_action in case_menu.actions()

    window.print_queue_action.trigger()
    dialog = window.findChild(PrintQueueDialog)
    assert dialog is not None
    assert len(dialog.queue) == len(queued)
    dialog.select_all_button.click()
    dialog.labels_button.click()
    assert len(tray.printed) == 1  # the window's printer is the queue's printer
    dialog.close()

    window.returned_mail_action.trigger()
    returned = window.findChild(ReturnedMailDialog)
    assert returned is not None
    assert returned.focusWidget() is returned.number.edit
    returned.close()


def _dark_box_mm(pdf: bytes) -> tuple[float, float, float, float]:
    """Left, top, right, bottom of the dark pixels, in millimetres from the sheet's corner."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        image = document[0].render(scale=150 / 72).to_pil().convert("L")
    finally:
        document.close()
    dark = image.point(lambda v: 255 if v < 128 else 0)
    left, top, right, bottom = dark.getbbox() or (0, 0, 0, 0)
    per_mm = 150 / 25.4
    return left / per_mm, top / per_mm, right / per_mm, bottom / per_mm


def test_what_is_printed_is_the_pdf_at_100_percent_in_place(qapp: object, tmp_path: Path) -> None:
    """The addressee box must sit where the PDF puts it, behind the envelope's window: printing
    into the printable area shrank every page to 96.6 % and moved it 3.5 mm."""
    from io import BytesIO

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    # An address block where a window envelope (長3) shows it: 20 mm from the left, 45 mm down.
    canvas.rect(20 * mm, A4[1] - 75 * mm, 90 * mm, 30 * mm, stroke=0, fill=1)
    canvas.showPage()
    canvas.save()
    source = buffer.getvalue()

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    target = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(target))
    assert paint_pdf(printer, source) == 1

    expected = _dark_box_mm(source)
    printed = _dark_box_mm(target.read_bytes())
    assert expected == pytest.approx((20, 45, 110, 75), abs=0.5)
    assert printed == pytest.approx(expected, abs=0.5)
