"""Loading page files: formats, orientation, resolution, and refusing what cannot be taken in."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen.canvas import Canvas

from desktop.domain.errors import KnownError
from desktop.intake.loader import SUPPORTED_SUFFIXES, IntakeLimits, load_pages, page_count
from desktop.intake.refusals import (
    BrokenFile,
    EmptyFile,
    FileRefused,
    FileTooLarge,
    NotAnImage,
    PasswordProtected,
    TooManyPages,
    TooManyPixels,
    UnsupportedFile,
)


def _page(size: tuple[int, int] = (400, 300), mode: str = "RGB") -> Image.Image:
    image = Image.new(mode, size, "white")
    ImageDraw.Draw(image).rectangle((20, 20, 120, 60), fill="black")
    return image


def _pdf(path: Path, pages: int, password: str | None = None) -> Path:
    buffer = io.BytesIO()
    encrypt = StandardEncryption(password) if password else None
    canvas = Canvas(buffer, pagesize=A4, encrypt=encrypt)
    for number in range(pages):
        canvas.drawString(72, 720, f"page {number + 1}")
        canvas.showPage()
    canvas.save()
    path.write_bytes(buffer.getvalue())
    return path


def _assert_refused(error: FileRefused, path: Path) -> None:
    assert isinstance(error, KnownError)
    assert path.name in error.message_ja
    assert path.name in error.message_en


def test_jpeg_takes_its_resolution_from_the_file(tmp_path: Path) -> None:
    path = tmp_path / "scan.jpg"
    _page().save(path, dpi=(200, 200))
    [page] = load_pages(path)
    assert (page.source, page.page_no, page.dpi) == (path, 1, 200)
    assert page.image.mode == "RGB"
    assert page.image.size == (400, 300)


def test_png_without_resolution_is_taken_as_300_dpi_and_transparency_becomes_white(
    tmp_path: Path,
) -> None:
    path = tmp_path / "scan.png"
    image = Image.new("RGBA", (50, 40), (0, 0, 0, 0))
    image.save(path)
    [page] = load_pages(path)
    assert page.dpi == 300
    assert page.image.mode == "RGB"
    assert page.image.getpixel((10, 10)) == (255, 255, 255)


def test_every_page_of_a_multipage_tiff_in_order(tmp_path: Path) -> None:
    path = tmp_path / "batch.tiff"
    first, second, third = _page(), _page().convert("1"), _page((300, 500)).convert("L")
    first.save(path, save_all=True, append_images=[second, third], dpi=(400, 400))
    pages = load_pages(path)
    assert [p.page_no for p in pages] == [1, 2, 3]
    assert [p.image.size for p in pages] == [(400, 300), (400, 300), (300, 500)]
    assert all(p.image.mode in ("RGB", "L") for p in pages)
    assert all(p.dpi == 400 for p in pages)
    assert pages[1].image.getpixel((50, 40)) == 0  # the black box survives 1-bit conversion
    assert page_count(path) == 3


def test_pdf_pages_are_rendered_at_300_dpi(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "letter.pdf", pages=2)
    pages = load_pages(path)
    assert [p.page_no for p in pages] == [1, 2]
    assert all(p.dpi == 300 for p in pages)
    width, height = pages[0].image.size
    assert abs(width - 2480) <= 1
    assert abs(height - 3508) <= 1
    assert page_count(path) == 2


def test_a_pdf_saved_under_an_image_name_still_loads(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "scan.jpg", pages=1)
    assert len(load_pages(path)) == 1


def test_exif_orientation_turns_a_phone_photo_upright(tmp_path: Path) -> None:
    # Stored sideways: the top of the document is at the stored image's left edge.
    stored = Image.new("RGB", (400, 200), "white")
    ImageDraw.Draw(stored).rectangle((0, 0, 99, 199), fill=(200, 0, 0))
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to display"
    path = tmp_path / "photo.jpg"
    stored.save(path, exif=exif, quality=95)
    [page] = load_pages(path)
    assert page.image.size == (200, 400)
    red, _, _ = page.image.getpixel((100, 20))
    assert red > 150  # the red strip is now at the top
    _, green, _ = page.image.getpixel((100, 380))
    assert green > 200


@pytest.mark.parametrize("suffix", [".jpg", ".png", ".tif"])
def test_truncated_files_are_refused(tmp_path: Path, suffix: str) -> None:
    whole = tmp_path / f"whole{suffix}"
    Image.effect_noise((300, 300), 40).save(whole)
    data = whole.read_bytes()
    path = tmp_path / f"cut{suffix}"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(BrokenFile) as refused:
        load_pages(path)
    _assert_refused(refused.value, path)


def test_a_tiff_with_a_damaged_last_page_gives_no_page_at_all(tmp_path: Path) -> None:
    whole = tmp_path / "whole.tif"
    frames = [Image.effect_noise((300, 400), 30) for _ in range(3)]
    frames[0].save(whole, save_all=True, append_images=frames[1:])
    path = tmp_path / "cut.tif"
    path.write_bytes(whole.read_bytes()[:-5000])
    with pytest.raises(BrokenFile):
        load_pages(path)


def test_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "scan.png"
    path.touch()
    with pytest.raises(EmptyFile) as refused:
        load_pages(path)
    _assert_refused(refused.value, path)


def test_text_with_an_image_name_is_refused_as_not_an_image(tmp_path: Path) -> None:
    path = tmp_path / "scan.jpg"
    path.write_text("これは画像ではありません\n", encoding="utf-8")
    with pytest.raises(NotAnImage) as refused:
        load_pages(path)
    _assert_refused(refused.value, path)
    with pytest.raises(NotAnImage):
        page_count(path)


def test_text_with_a_pdf_name_is_refused_as_not_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_text("hello", encoding="utf-8")
    with pytest.raises(NotAnImage):
        load_pages(path)


def test_damaged_pdf_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    with pytest.raises(BrokenFile):
        load_pages(path)


def test_password_protected_pdf_is_refused_saying_so(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "locked.pdf", pages=1, password="secret")
    with pytest.raises(PasswordProtected) as refused:
        load_pages(path)
    _assert_refused(refused.value, path)
    assert "password" in refused.value.message_en
    assert "パスワード" in refused.value.message_ja
    with pytest.raises(PasswordProtected):
        page_count(path)


@pytest.mark.parametrize("width", [1200, 2100, 5000])  # Pillow's warning, its error, far beyond
def test_images_above_the_pixel_limit_are_refused(tmp_path: Path, width: int) -> None:
    path = tmp_path / "big.png"
    Image.new("L", (width, 1000), 255).save(path)
    with pytest.raises(TooManyPixels) as refused:
        load_pages(path, IntakeLimits(max_pixels=1_000_000))
    _assert_refused(refused.value, path)


def test_a_decompression_bomb_is_refused_before_decoding(tmp_path: Path) -> None:
    """A small PNG that claims 100 000 × 100 000 pixels (ten gigapixels)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 0, 0, 0, 0)
    path = tmp_path / "bomb.png"
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 100_000))
        + chunk(b"IEND", b"")
    )
    with pytest.raises(TooManyPixels):
        load_pages(path)


def test_a_giant_pdf_page_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(14_000, 14_000))  # about 5 m square
    canvas.showPage()
    canvas.save()
    path = tmp_path / "poster.pdf"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(TooManyPixels):
        load_pages(path)


def test_files_with_too_many_pages_are_refused(tmp_path: Path) -> None:
    limits = IntakeLimits(max_pages=3)
    tiff = tmp_path / "many.tif"
    _page().save(tiff, save_all=True, append_images=[_page() for _ in range(3)])
    pdf = _pdf(tmp_path / "many.pdf", pages=4)
    for path in (tiff, pdf):
        with pytest.raises(TooManyPages) as refused:
            load_pages(path, limits)
        _assert_refused(refused.value, path)
        assert "4" in refused.value.message_en
    assert len(load_pages(pdf, IntakeLimits(max_pages=4))) == 4


def test_files_above_the_size_limit_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "scan.png"
    Image.effect_noise((200, 200), 50).save(path)
    with pytest.raises(FileTooLarge) as refused:
        load_pages(path, IntakeLimits(max_bytes=1000))
    _assert_refused(refused.value, path)


@pytest.mark.parametrize("name", ["scan.docx", "scan.heic", "scan", "scan.gif"])
def test_other_formats_are_refused_by_name(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    _page().save(path, format="PNG")
    with pytest.raises(UnsupportedFile) as refused:
        load_pages(path)
    _assert_refused(refused.value, path)


def test_a_gif_under_a_png_name_is_not_taken_as_an_image(tmp_path: Path) -> None:
    path = tmp_path / "scan.png"
    _page().save(path, format="GIF")
    with pytest.raises(NotAnImage):
        load_pages(path)


def test_suffixes_are_recognised_in_any_case(tmp_path: Path) -> None:
    assert {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".pdf"} <= SUPPORTED_SUFFIXES
    path = tmp_path / "SCAN.JPG"
    _page().save(path, format="JPEG")
    assert len(load_pages(path)) == 1


def test_a_stricter_limit_does_not_stay_in_force_for_other_images(tmp_path: Path) -> None:
    small, large = tmp_path / "small.png", tmp_path / "large.png"
    Image.new("L", (100, 100), 255).save(small)
    Image.new("L", (1500, 1000), 255).save(large)
    load_pages(small, IntakeLimits(max_pixels=20_000))
    with Image.open(large) as image:  # elsewhere in the program, Pillow's own guard applies
        image.load()


def test_a_16_bit_grey_scan_keeps_its_tones(tmp_path: Path) -> None:
    path = tmp_path / "deep.png"
    image = Image.new("I;16", (60, 40), 65535)
    ImageDraw.Draw(image).rectangle((0, 0, 29, 39), fill=32768)
    image.save(path)
    [page] = load_pages(path)
    assert page.image.mode == "L"
    assert page.image.getpixel((50, 20)) == 255
    assert 120 <= page.image.getpixel((10, 20)) <= 135
