"""Finding seal impressions (印影) and showing two of them at the same scale."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw, ImageFont

from desktop.ocr.seals import find_seal, find_seals, same_scale
from desktop.resources import font_file
from tests.docgen import generate, make_person

RED = (208, 48, 42)
Box = tuple[int, int, int, int]


def _mm(value: float, dpi: int) -> int:
    return round(value * dpi / 25.4)


def _page(dpi: int) -> Image.Image:
    """An A4 form with black text, a red heading, a red rule and a small red check stamp."""
    page = Image.new("RGB", (_mm(210, dpi), _mm(297, dpi)), (250, 250, 248))
    draw = ImageDraw.Draw(page)
    body = ImageFont.truetype(str(font_file("mincho")), _mm(3.7, dpi))
    draw.text((_mm(25, dpi), _mm(20, dpi)), "【重要】 委任状の記入について", font=body, fill=RED)
    draw.line((_mm(20, dpi), _mm(30, dpi), _mm(190, dpi), _mm(30, dpi)), fill=RED, width=2)
    for line in range(12):
        draw.text(
            (_mm(25, dpi), _mm(40 + 8 * line, dpi)),
            "私は、下記の者を代理人と定め、保有個人データの開示の請求を委任します。",
            font=body,
            fill=(20, 20, 20),
        )
    check = (_mm(170, dpi), _mm(250, dpi))
    draw.ellipse((*check, check[0] + _mm(5, dpi), check[1] + _mm(5, dpi)), outline=RED, width=3)
    return page


def _press(page: Image.Image, dpi: int, at_mm: tuple[float, float], size_mm: float) -> Box:
    """A round seal with two characters, pressed with its top-left corner at `at_mm`."""
    size = _mm(size_mm, dpi)
    mask = Image.new("L", (size, size), 0)
    draw = ImageDraw.Draw(mask)
    ring = max(2, _mm(0.8, dpi))
    draw.ellipse((0, 0, size - 1, size - 1), outline=230, width=ring)
    face = ImageFont.truetype(str(font_file("mincho")), round(size * 0.36))
    for row, char in enumerate("山田"):
        draw.text(
            (size // 2, round(size * (0.32 + 0.36 * row))), char, font=face, fill=230, anchor="mm"
        )
    left, top = _mm(at_mm[0], dpi), _mm(at_mm[1], dpi)
    page.paste(RED, (left, top, left + size, top + size), mask)
    return (left, top, left + size, top + size)


def _iou(a: Box, b: Box) -> float:
    width = max(0, min(a[2], b[2]) - max(a[0], b[0]))
    height = max(0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = width * height
    return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter)


def _ink_box(image: Image.Image) -> Box | None:
    """Where the non-white pixels are."""
    return image.convert("L").point(lambda v: 255 if v < 200 else 0).getbbox()


def test_the_seal_is_found_and_cropped_on_white() -> None:
    page = _page(300)
    truth = _press(page, 300, (120, 160), 15)
    seal = find_seal(page, 300)
    assert seal is not None
    assert _iou(seal.box, truth) >= 0.7
    assert seal.image.size == (seal.box[2] - seal.box[0], seal.box[3] - seal.box[1])
    assert seal.image.getpixel((0, 0)) == (255, 255, 255)  # the paper tone is gone
    red, green, blue = seal.image.getpixel((seal.image.width // 2, _mm(0.9, 300)))[:3]
    assert red > 150 > green  # the top of the ring keeps its red


def test_no_seal_on_a_page_with_only_red_text_rules_and_small_marks() -> None:
    assert find_seal(_page(300), 300) is None


def test_a_grey_scan_has_no_seal_to_find() -> None:
    page = _page(200)
    _press(page, 200, (120, 160), 15)
    assert find_seal(page.convert("L"), 200) is None


def test_red_shapes_of_the_wrong_size_are_not_seals() -> None:
    page = _page(200)
    _press(page, 200, (20, 200), 5)  # a tiny check stamp
    _press(page, 200, (100, 150), 60)  # a big red logo
    assert find_seals(page, 200) == []


def test_two_seals_are_both_found_from_the_top_down() -> None:
    """A seal-registration certificate: the registered impression above the seal of office."""
    page = _page(200)
    registered = _press(page, 200, (30, 150), 16)
    office = _press(page, 200, (150, 240), 22)
    found = find_seals(page, 200)
    assert len(found) == 2
    assert _iou(found[0].box, registered) >= 0.7
    assert _iou(found[1].box, office) >= 0.7
    first = find_seal(page, 200)
    assert first is not None
    assert _iou(first.box, registered) >= 0.7


def test_the_same_seal_at_two_resolutions_comes_out_the_same_size() -> None:
    fine, coarse = _page(300), _page(200)
    _press(fine, 300, (120, 160), 18)
    _press(coarse, 200, (40, 200), 18)
    seal_fine, seal_coarse = find_seal(fine, 300), find_seal(coarse, 200)
    assert seal_fine is not None
    assert seal_coarse is not None
    left, right = same_scale(seal_fine, 300, seal_coarse, 200, size_mm=25.0)
    assert left.size == right.size == (_mm(25, 300), _mm(25, 300))
    box_left, box_right = _ink_box(left), _ink_box(right)
    assert box_left is not None
    assert box_right is not None
    for a, b in zip(box_left, box_right, strict=True):
        assert abs(a - b) <= 4  # same place, same size, within a pixel or so of resampling
    assert abs((box_left[2] - box_left[0]) - _mm(18, 300)) <= 6


def test_a_seal_larger_than_the_frame_widens_both_frames() -> None:
    page = _page(200)
    _press(page, 200, (60, 150), 28)
    seal = find_seal(page, 200)
    assert seal is not None
    left, right = same_scale(seal, 200, seal, 200, size_mm=20.0)
    assert left.size == right.size
    assert left.width >= _mm(28, 200)


def test_the_seal_of_office_over_print_gives_way_to_the_persons_seal() -> None:
    page = _page(200)
    office = _press(page, 200, (30, 42), 22)  # over the printed lines, above the person's seal
    registered = _press(page, 200, (120, 200), 16)
    seal = find_seal(page, 200)
    assert seal is not None
    assert _iou(seal.box, registered) >= 0.7
    assert _iou(find_seals(page, 200)[1].box, office) >= 0.7


@pytest.mark.parametrize("kind", ["power_of_attorney", "seal_certificate"])
@pytest.mark.parametrize("degrade", [(), ("skew",), ("jpeg50",), ("dpi200",)])
def test_seals_are_found_on_generated_documents(kind: str, degrade: tuple[str, ...]) -> None:
    sample = generate(kind, 7, degrade, person=make_person(7))
    assert sample.seal_box is not None
    seal = find_seal(sample.image, sample.dpi)
    assert seal is not None
    assert _iou(seal.box, sample.seal_box) >= 0.7


def test_the_same_persons_seal_looks_the_same_on_both_documents() -> None:
    person = make_person(11)
    attorney = generate("power_of_attorney", 11, person=person)
    certificate = generate("seal_certificate", 12, ("dpi200",), person=person)
    on_attorney = find_seal(attorney.image, attorney.dpi)
    on_certificate = find_seal(certificate.image, certificate.dpi)
    assert on_attorney is not None
    assert on_certificate is not None
    left, right = same_scale(on_attorney, attorney.dpi, on_certificate, certificate.dpi)
    box_left, box_right = _ink_box(left), _ink_box(right)
    assert box_left is not None
    assert box_right is not None
    for a, b in zip(box_left, box_right, strict=True):
        assert abs(a - b) <= 6
