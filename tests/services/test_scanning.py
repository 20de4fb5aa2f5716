"""From files to stored pages: read, masked, encrypted; batches routed by cover sheets."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2
import pytest
from PIL import Image
from sqlalchemy import select

from desktop.domain.documents import DocumentKind, FieldName
from desktop.domain.errors import InvalidInput
from desktop.domain.progress import CancelToken
from desktop.intake.refusals import NotAnImage
from desktop.services import cases, documents, scanning
from desktop.services.context import ServiceContext
from desktop.services.cover_sheets import cover_sheet_pdf
from desktop.store.db import unit_of_work
from desktop.store.models import Document
from tests.conftest import Staff
from tests.docgen import generate
from tests.factories import envelope


def _save(image: Image.Image, path: Path) -> Path:
    image.save(path, dpi=(300, 300))
    return path


def _cover_sheet(ctx: ServiceContext, case_id: int) -> Image.Image:
    page = pypdfium2.PdfDocument(cover_sheet_pdf(ctx, case_id))[0]
    image: Image.Image = page.render(scale=300 / 72).to_pil().convert("L")
    return image


def test_a_scan_is_stored_in_the_case_with_what_was_read(
    ctx: ServiceContext, staff: Staff, tmp_path: Path
) -> None:
    case_id = cases.log_envelope(ctx, staff.clerk, envelope()).case_id
    sample = generate("drivers_license", 5)
    path = _save(sample.image, tmp_path / "licence.png")
    progress: list[tuple[int, int]] = []
    outcome = scanning.scan_into_case(
        ctx, staff.clerk, case_id, [path], lambda d, t: progress.append((d, t)), workers=1
    )
    assert not outcome.cancelled
    assert progress[-1] == (1, 1)
    (stored,) = documents.list_documents(ctx, staff.clerk, case_id)
    assert stored.kind is DocumentKind.DRIVERS_LICENSE
    assert stored.fields[FieldName.BIRTH_DATE].value == sample.fields["birth_date"]
    assert stored.fields[FieldName.NUMBER].value == sample.fields["number"]
    assert stored.source_name == "licence.png"


def test_a_my_number_card_back_is_stored_masked_only(
    ctx: ServiceContext, staff: Staff, tmp_path: Path
) -> None:
    case_id = cases.log_envelope(ctx, staff.clerk, envelope()).case_id
    sample = generate("mynumber_back", 6)
    (secret,) = sample.secret_numbers
    path = _save(sample.image, tmp_path / "back.png")
    outcome = scanning.scan_into_case(ctx, staff.clerk, case_id, [path], workers=1)
    assert outcome.masked_pages == 1
    (stored,) = documents.list_documents(ctx, staff.clerk, case_id)
    assert set(stored.masked) == {"my_number"}
    assert "mynumber_back_received" in stored.warnings
    with unit_of_work(ctx.sessions) as session:
        (row,) = session.scalars(select(Document))
        stored_text = row.ocr_text + str(row.fields) + str(row.extras)
    assert secret not in stored_text.replace(" ", "")
    assert secret[-4:] not in stored_text
    # The stored pixels are black where the number was printed.
    png = documents.view_page(ctx, staff.clerk, stored.document_id)
    with Image.open(io.BytesIO(png)) as page:
        gray = page.convert("L")
        for box in stored.masked_boxes:
            assert max(gray.crop(box).getextrema()) < 40


def test_a_refused_file_stores_nothing(ctx: ServiceContext, staff: Staff, tmp_path: Path) -> None:
    case_id = cases.log_envelope(ctx, staff.clerk, envelope()).case_id
    good = _save(generate("drivers_license", 7).image, tmp_path / "good.png")
    bad = tmp_path / "scan.jpg"
    bad.write_text("not a picture")
    with pytest.raises(NotAnImage):
        scanning.scan_into_case(ctx, staff.clerk, case_id, [good, bad], workers=1)
    assert documents.list_documents(ctx, staff.clerk, case_id) == []


def test_cancel_stores_nothing(ctx: ServiceContext, staff: Staff, tmp_path: Path) -> None:
    case_id = cases.log_envelope(ctx, staff.clerk, envelope()).case_id
    good = _save(generate("drivers_license", 8).image, tmp_path / "good.png")
    cancel = CancelToken()
    cancel.cancel()
    outcome = scanning.scan_into_case(
        ctx, staff.clerk, case_id, [good, good], cancel=cancel, workers=1
    )
    assert outcome.cancelled
    assert documents.list_documents(ctx, staff.clerk, case_id) == []


def test_a_batch_is_split_by_cover_sheets_blank_pages_dropped_the_rest_in_the_inbox(
    ctx: ServiceContext, staff: Staff, tmp_path: Path
) -> None:
    first = cases.log_envelope(ctx, staff.clerk, envelope(1)).case_id
    second = cases.log_envelope(ctx, staff.clerk, envelope(2)).case_id
    blank = Image.new("L", (2480, 3508), 250)
    pages = [
        generate("mynumber_front", 9).image,  # before any cover sheet: the inbox
        _cover_sheet(ctx, first),
        generate("drivers_license", 9).image,
        blank,
        _cover_sheet(ctx, second),
        generate("residence_card", 9).image,
    ]
    paths = [_save(page, tmp_path / f"batch_{n:02d}.png") for n, page in enumerate(pages)]
    outcome = scanning.scan_batch(ctx, staff.clerk, paths, workers=1)
    reference = {cid: cases.get_case(ctx, cid).reference for cid in (first, second)}
    assert outcome.routed == {reference[first]: 1, reference[second]: 1}
    assert (outcome.cover_sheets, outcome.blank_pages, outcome.inbox_pages) == (2, 1, 1)
    assert [d.kind for d in documents.list_documents(ctx, staff.clerk, first)] == [
        DocumentKind.DRIVERS_LICENSE
    ]
    assert [d.kind for d in documents.list_documents(ctx, staff.clerk, second)] == [
        DocumentKind.RESIDENCE_CARD
    ]
    (waiting,) = documents.list_documents(ctx, staff.clerk, None)
    assert waiting.source_name == "batch_00.png"

    with pytest.raises(InvalidInput):
        scanning.assign_inbox_pages(ctx, staff.clerk, [waiting.document_id], "KD2026-999999")
    scanning.assign_inbox_pages(ctx, staff.clerk, [waiting.document_id], reference[second].lower())
    assert len(documents.list_documents(ctx, staff.clerk, second)) == 2
    assert documents.list_documents(ctx, staff.clerk, None) == []


def test_files_taken_from_the_scanner_folder_are_set_aside_not_deleted(tmp_path: Path) -> None:
    scan = tmp_path / "scan_0001.pdf"
    scan.write_bytes(b"%PDF-1.4 test")
    (tmp_path / "取込済み").mkdir()
    (tmp_path / "取込済み" / "scan_0001.pdf").write_bytes(b"older")
    (moved,) = scanning.set_aside([scan])
    assert not scan.exists()
    assert moved.parent.name == "取込済み"
    assert moved.read_bytes() == b"%PDF-1.4 test"
    assert (tmp_path / "取込済み" / "scan_0001.pdf").read_bytes() == b"older"
