"""Reading generated scans end to end: kind, fields as the clerk would check them, orientation."""

from __future__ import annotations

import io
import json
import unicodedata

import pytest
from PIL import Image

from desktop.domain.documents import DocumentKind, FieldName
from desktop.matching.names import fold_variants
from desktop.ocr.pipeline import PageResult
from tests.docgen import KINDS, Sample
from tests.ocr.conftest import Reader


def wrong_fields(sample: Sample, result: PageResult) -> list[str]:
    """Fields the clerk would find wrong. Tesseract's Japanese model does not know variant kanji
    (髙, 﨑), and digit width is only inferred from spacing, so a name equal up to 髙/高 and text
    equal up to width count as right (verification compares on such folded keys anyway)."""
    wrong = []
    for name in FieldName:
        expected, got = sample.fields.get(name.value), result.fields[name].value
        if expected and got:
            expected = fold_variants(unicodedata.normalize("NFKC", expected))
            got = fold_variants(unicodedata.normalize("NFKC", got))
        if expected != got:
            wrong.append(f"{name.value}: {got!r} != {expected!r}")
    return wrong


# Names in large print inside ruled tables (住民票, 印鑑登録証明書) still misread now and then.
TABLE_KINDS = ("residence_certificate", "seal_certificate", "power_of_attorney", "application_form")


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_reads_clean(read_sample: Reader, kind: str) -> None:
    sample, result = read_sample(kind, 1)
    assert result.kind.value == kind
    assert len(wrong_fields(sample, result)) <= (2 if kind in TABLE_KINDS else 0)


@pytest.mark.parametrize(
    ("kind", "degradations"),
    [
        ("drivers_license", ("skew", "jpeg50")),
        ("mynumber_front", ("dpi200",)),
        ("residence_card", ("blur",)),
        ("passport", ("skew",)),
    ],
)
def test_degraded_scans_still_read(
    read_sample: Reader, kind: str, degradations: tuple[str, ...]
) -> None:
    sample, result = read_sample(kind, 2, *degradations)
    assert result.kind.value == kind
    assert len(wrong_fields(sample, result)) <= 1


def test_an_upside_down_card_is_turned_upright(read_sample: Reader) -> None:
    sample, result = read_sample("drivers_license", 3, "upside_down")
    assert result.rotation == 180
    assert result.kind is DocumentKind.DRIVERS_LICENSE
    assert result.fields[FieldName.NUMBER].value == sample.fields["number"]
    assert result.fields[FieldName.BIRTH_DATE].value == sample.fields["birth_date"]


def test_field_boxes_lie_on_the_stored_image_around_the_value(read_sample: Reader) -> None:
    _, result = read_sample("drivers_license", 1)
    stored = Image.open(io.BytesIO(result.image_data))
    box = result.fields[FieldName.NUMBER].box
    assert box is not None
    left, top, right, bottom = box
    assert 0 <= left < right <= stored.width
    assert 0 <= top < bottom <= stored.height
    # The number's box holds dark print: its darkest pixels are ink, not paper.
    assert stored.convert("L").crop(box).getextrema()[0] < 100
    assert 0 < result.fields[FieldName.NUMBER].confidence <= 1


def test_json_has_the_seven_fields_and_the_kind(read_sample: Reader) -> None:
    sample, result = read_sample("mynumber_front", 1)
    document = result.to_json("scan.png", 1)
    assert json.loads(json.dumps(document, ensure_ascii=False)) == document
    assert document["file"] == "scan.png"
    assert document["page"] == 1
    assert document["kind"] == "mynumber_front"
    assert document["fields"] == {n.value: result.fields[n].value for n in FieldName}
    assert document["fields"]["birth_date"] == sample.fields["birth_date"]
    assert document["masked"] == []
    assert 0 < float(document["confidence"]) <= 1  # type: ignore[arg-type]
