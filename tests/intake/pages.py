"""Pages for the intake tests as a scanner delivers them: cover sheets, text, ID copies, blanks."""

from __future__ import annotations

import io
import random
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFilter, ImageFont, ImageOps

from desktop.intake.cover_sheet import render_cover_sheet
from desktop.intake.pages import LoadedPage
from desktop.resources import font_file

A4_INCHES = (8.27, 11.69)


def a4(dpi: int, paper: int = 246) -> Image.Image:
    return Image.new("L", (round(A4_INCHES[0] * dpi), round(A4_INCHES[1] * dpi)), paper)


def font(dpi: int, points: float = 10.5) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_file("mincho")), round(points * dpi / 72))


def cover_sheet(reference: str, dpi: int = 300) -> Image.Image:
    pdf_bytes = render_cover_sheet(reference, date(2026, 11, 20), "髙橋 一郎", ["開示"])
    with pdfium.PdfDocument(pdf_bytes) as pdf:
        page = pdf[0]
        bitmap = page.render(scale=dpi / 72)
        image = bitmap.to_pil().convert("L")
        bitmap.close()
        page.close()
    return image


def text_page(lines: int, dpi: int = 200, seed: int = 0) -> Image.Image:
    image = a4(dpi)
    draw = ImageDraw.Draw(image)
    face = font(dpi)
    rnd = random.Random(seed)
    for line in range(lines):
        words = "".join(
            rnd.choice("開示等請求書私は下記の者を代理人と定めます住所氏名") for _ in range(25)
        )
        draw.text((dpi, dpi * (1.2 + 0.3 * line)), words, font=face, fill=25)
    return image


def id_card_copy(dpi: int = 200) -> Image.Image:
    """A photocopied ID card alone in the middle of an A4 sheet."""
    image = a4(dpi)
    draw = ImageDraw.Draw(image)
    mm = dpi / 25.4
    left, top = round(60 * mm), round(90 * mm)
    draw.rounded_rectangle(
        (left, top, left + round(85.6 * mm), top + round(54 * mm)),
        radius=round(3 * mm),
        fill=205,
        outline=120,
        width=2,
    )
    draw.rectangle(
        (left + round(60 * mm), top + round(12 * mm), left + round(82 * mm), top + round(40 * mm)),
        fill=150,
    )
    face = font(dpi, 7)
    for row, text in enumerate(
        ("氏名 山田 花子", "住所 東京都新宿区西新宿二丁目8番1号", "令和9年5月1日まで有効")
    ):
        draw.text((left + round(4 * mm), top + round((6 + 7 * row) * mm)), text, font=face, fill=40)
    return image


def blank_back(dpi: int = 200, seed: int = 0, bleed: bool = True) -> Image.Image:
    """The empty back of a sheet: scanner noise, dust, and the front's text showing through."""
    rnd = random.Random(seed)
    image = a4(dpi, paper=240)
    if bleed:
        ghost = text_page(20, dpi, seed)
        ghost = ImageOps.mirror(ghost).point(lambda v: 225 if v < 128 else 240)
        image = ghost.filter(ImageFilter.GaussianBlur(2))
    image = Image.blend(image, _noise(image.size, 60), 0.12)
    draw = ImageDraw.Draw(image)
    for _ in range(200):  # specks
        x, y = rnd.randrange(image.width), rnd.randrange(image.height)
        draw.point((x, y), fill=rnd.randrange(0, 80))
    for _ in range(4):  # dust
        x, y = rnd.randrange(image.width), rnd.randrange(image.height)
        draw.ellipse((x, y, x + 3, y + 3), fill=40)
    return image


def _noise(size: tuple[int, int], sigma: float) -> Image.Image:
    """Sensor noise: one random tile repeated (drawing noise for every pixel is slow)."""
    tile = Image.effect_noise((256, 256), sigma)
    noise = Image.new("L", size)
    for x in range(0, size[0], 256):
        for y in range(0, size[1], 256):
            noise.paste(tile, (x, y))
    return noise


def scanned(image: Image.Image, *, skew: float = 0.0, jpeg: int | None = None) -> Image.Image:
    """As a sheet comes out of a scanner: slightly turned, JPEG-compressed."""
    if skew:
        image = image.rotate(skew, resample=Image.Resampling.BILINEAR, expand=True, fillcolor=246)
    if jpeg is not None:
        buffer = io.BytesIO()
        image.save(buffer, format="JPEG", quality=jpeg)
        buffer.seek(0)
        with Image.open(buffer) as decoded:
            image = decoded.convert(image.mode)
    return image


def loaded(image: Image.Image, page_no: int, dpi: int = 200) -> LoadedPage:
    return LoadedPage.of(Path("batch.pdf"), page_no, image, dpi)
