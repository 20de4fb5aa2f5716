"""Digits kept as printed: full width where the page prints them full width, else half width."""

from __future__ import annotations

import unicodedata

import pytest
from PIL import Image

from desktop.domain.documents import FieldName
from desktop.ocr.engine import Line, read_lines
from desktop.ocr.preprocess import prepare
from desktop.ocr.width import value_as_printed
from tests.ocr.conftest import Reader
from tests.ocr.render import render

FULL = "東京都新宿区西新宿２丁目８番１号"
HALF = "東京都新宿区西新宿2丁目18番11号"
HYPHENS = "大阪府大阪市北区梅田1-23-4 コーポ桜505"


@pytest.fixture(scope="module")
def lines_and_page() -> tuple[list[Line], Image.Image]:
    image = render([(40, 60, FULL, 40), (40, 200, HALF, 40), (40, 340, HYPHENS, 40)])
    page = prepare(image, 300).image
    return read_lines(page, 300), page


@pytest.mark.parametrize("printed", [FULL, HALF, HYPHENS])
def test_digits_keep_the_width_they_are_printed_in(
    lines_and_page: tuple[list[Line], Image.Image], printed: str
) -> None:
    lines, page = lines_and_page
    folded = unicodedata.normalize("NFKC", printed)
    line = next(ln for ln in lines if folded in ln.text)
    at = line.text.find(folded)
    box = line.span_box(at, at + len(folded))
    assert value_as_printed(page, lines, folded, box) == printed


def test_a_card_address_printed_full_width_reads_full_width(read_sample: Reader) -> None:
    sample, result = read_sample("drivers_license", 1)
    assert "２" in sample.fields["address"]
    assert result.fields[FieldName.ADDRESS].value == sample.fields["address"]
