"""Case cover sheets: what is printed on them, and reading them back from scans."""

from __future__ import annotations

import io
from datetime import date

import pypdfium2 as pdfium
import pytest
import segno
from PIL import Image, ImageDraw

from desktop.domain.errors import InvalidInput
from desktop.intake.cover_sheet import read_cover_sheet, render_cover_sheet
from tests.intake.pages import a4, cover_sheet, id_card_copy, scanned, text_page


def test_the_sheet_is_one_a4_page_with_the_reference_title_and_instruction() -> None:
    data = render_cover_sheet(
        "KD2026-000123", date(2026, 11, 20), "渡邊 齋", ["開示", "利用停止・消去"]
    )
    with pdfium.PdfDocument(data) as pdf:
        assert len(pdf) == 1
        width, height = pdf.get_page_size(0)
        page = pdf[0]
        textpage = page.get_textpage()
        text = textpage.get_text_range()
        textpage.close()
        page.close()
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (210, 297)
    compact = text.replace("\r", "").replace("\n", "")
    for expected in (
        "KD2026-000123",
        "案件カバーシート",
        "Case cover sheet",
        "2026年11月20日",
        "渡邊 齋",
        "利用停止・消去",
        "先頭",
    ):
        assert expected in compact
    assert b"/FontFile2" in data  # the TrueType font travels with the PDF


@pytest.mark.parametrize(
    ("dpi", "skew", "jpeg"),
    [(300, 0.0, None), (200, 0.0, None), (200, 2.0, 50), (300, -1.5, 50), (200, 180.0, 60)],
)
def test_a_scanned_cover_sheet_gives_its_case(dpi: int, skew: float, jpeg: int | None) -> None:
    image = scanned(cover_sheet("KD2026-000042", dpi), skew=skew, jpeg=jpeg)
    assert read_cover_sheet(image) == "KD2026-000042"


def test_a_colour_scan_of_a_cover_sheet_is_read_too() -> None:
    assert read_cover_sheet(cover_sheet("KD2027-000001", 200).convert("RGB")) == "KD2027-000001"


@pytest.mark.parametrize("page", ["text", "card", "blank"])
def test_other_pages_are_not_cover_sheets(page: str) -> None:
    image = {"text": text_page(30), "card": id_card_copy(), "blank": a4(200)}[page]
    assert read_cover_sheet(image) is None


def test_a_foreign_qr_code_is_not_a_cover_sheet() -> None:
    """e.g. the QR code a municipality prints on a residence certificate."""
    page = a4(200)
    buffer = io.BytesIO()
    segno.make("https://example.jp/verify?id=12345").save(buffer, kind="png", scale=8)
    buffer.seek(0)
    with Image.open(buffer) as qr:
        page.paste(qr.convert("L"), (300, 300))
    assert read_cover_sheet(page) is None


@pytest.mark.parametrize("reference", ["", "KD 2026", "KD2026-1\nX", "案件1", "x" * 40])
def test_a_reference_a_sheet_cannot_carry_is_refused(reference: str) -> None:
    with pytest.raises(InvalidInput):
        render_cover_sheet(reference, date(2026, 11, 20), "山田 太郎", ["開示"])


def test_a_sheet_whose_big_code_is_written_over_is_still_read() -> None:
    image = cover_sheet("KD2026-000077", 200)
    dots_per_mm = 200 / 25.4
    middle = image.width // 2
    ImageDraw.Draw(image).rectangle(
        (middle - 30 * dots_per_mm, 85 * dots_per_mm, middle + 30 * dots_per_mm, 145 * dots_per_mm),
        fill=0,
    )
    assert read_cover_sheet(scanned(image, skew=1.0, jpeg=60)) == "KD2026-000077"
