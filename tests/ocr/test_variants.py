"""Variant kanji the Japanese model cannot write (髙, 﨑, 齊 …) are put back from the print."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from desktop.ocr.results import FieldReading
from desktop.ocr.variants import refine_variants
from desktop.resources import font_file


def printed_name(
    text: str, font: str, size: int, blur: float = 0.0
) -> tuple[FieldReading, Image.Image]:
    """`text` printed on a white strip, and a reading of it with the box Tesseract would give."""
    page = Image.new("L", (40 + size * (len(text) + 2), size * 3), 250)
    draw = ImageDraw.Draw(page)
    draw.text((20, size), text, font=ImageFont.truetype(str(font_file(font)), size), fill=0)
    if blur:
        page = page.filter(ImageFilter.GaussianBlur(blur))
    box = page.point(lambda v: 255 if v < 140 else 0).getbbox()
    assert box is not None
    return FieldReading(text, 0.9, box), page


SHAPES = [("mincho", 40, 0.0), ("gothic", 40, 0.0), ("gothic", 30, 0.0), ("mincho", 36, 1.0)]
# (as printed, as the model reads it)
VARIANTS = [
    ("髙木 蓮", "高木 蓮"),
    ("山﨑 淳", "山崎 淳"),
    ("齊藤 隆", "齋藤 隆"),
    ("渡邉 花子", "渡邊 花子"),
    ("濵田 修", "濱田 修"),
    ("髙橋 一郎", "商橋 一郎"),
]


@pytest.mark.parametrize(("font", "size", "blur"), SHAPES)
@pytest.mark.parametrize(("printed", "read"), VARIANTS)
def test_a_variant_the_model_cannot_write_is_read_from_the_glyph(
    printed: str, read: str, font: str, size: int, blur: float
) -> None:
    reading, page = printed_name(printed, font, size, blur)
    as_read = FieldReading(read, reading.confidence, reading.box)
    assert refine_variants(page, as_read).value == printed


@pytest.mark.parametrize(("font", "size", "blur"), SHAPES)
@pytest.mark.parametrize(
    "printed", ["高木 蓮", "山崎 淳", "斎藤 隆", "齋藤 隆", "千葉 浩二", "渡邊 花子"]
)
def test_the_common_form_stays_as_printed(printed: str, font: str, size: int, blur: float) -> None:
    reading, page = printed_name(printed, font, size, blur)
    assert refine_variants(page, reading).value == printed


def test_a_reading_whose_characters_cannot_be_told_apart_is_left_alone() -> None:
    reading, page = printed_name("髙木 蓮", "gothic", 40)
    # Two characters read for three printed: the cells do not line up, nothing is guessed.
    as_read = FieldReading("高木", reading.confidence, reading.box)
    assert refine_variants(page, as_read).value == "高木"
