"""Finding values by their labels in certificate layouts, from lines as Tesseract gives them."""

from __future__ import annotations

from desktop.domain.documents import DocumentKind, FieldName
from desktop.ocr.engine import Box, Line, Word
from desktop.ocr.fields import extract_fields


def line(*words: tuple[str, Box]) -> Line:
    """A line of words (text, box), spaced as printed."""
    text = " ".join(t for t, _ in words)
    starts, at = [], 0
    for t, _ in words:
        starts.append(at)
        at += len(t) + 1
    return Line(tuple(Word(t, 0.9, b) for t, b in words), text, tuple(starts))


def test_an_address_beside_a_label_centred_lower_is_read() -> None:
    # 住所 centred in a two-line cell: Tesseract puts the value's line just above the label's.
    lines = [
        line(("生年月日", (850, 790, 1000, 845)), ("昭和21年5月19日", (1190, 790, 1550, 845))),
        line(("沖縄県那覇市久茂地3丁目22-20", (1192, 932, 1796, 989))),
        line(("住所", (850, 980, 939, 1022))),
        line(("備考", (104, 1289, 189, 1330))),
    ]
    fields = extract_fields(DocumentKind.SEAL_CERTIFICATE, lines).fields
    assert fields[FieldName.ADDRESS].value == "沖縄県那覇市久茂地3丁目22-20"


def test_a_wrapped_address_joins_its_first_line_past_a_ruled_lines_remains() -> None:
    lines = [
        line(
            ("ーー", (871, 940, 930, 950)),
            ("福岡県福岡市中央区天神1丁目18-24", (1190, 920, 1881, 996)),
        ),
        line(("住所", (850, 990, 939, 1040)), ("サンライズ天神209号室", (1192, 985, 1646, 1046))),
    ]
    fields = extract_fields(DocumentKind.SEAL_CERTIFICATE, lines).fields
    assert fields[FieldName.ADDRESS].value == (
        "福岡県福岡市中央区天神1丁目18-24 サンライズ天神209号室"
    )


def test_the_date_an_address_was_taken_up_is_not_an_address() -> None:
    lines = [
        line(
            ("住所を定めた年月日", (130, 1340, 600, 1395)),
            ("平成24年6月22日", (640, 1340, 1000, 1395)),
        ),
    ]
    fields = extract_fields(DocumentKind.RESIDENCE_CERTIFICATE, lines).fields
    assert fields[FieldName.ADDRESS].value is None
