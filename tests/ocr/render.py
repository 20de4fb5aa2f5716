"""Small pages drawn with the bundled font, for cases the document generator does not make."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont

from desktop.resources import font_file

CARD = (1011, 638)  # 85.6 × 54 mm at 300 dpi


def render(lines: list[tuple[int, int, str, int]], size: tuple[int, int] = CARD) -> Image.Image:
    """A white page with each (x, y, text, font size) printed in IPAex Gothic."""
    image = Image.new("RGB", size, (250, 250, 246))
    draw = ImageDraw.Draw(image)
    for x, y, text, points in lines:
        draw.text((x, y), text, font=ImageFont.truetype(str(font_file("gothic")), points), fill=0)
    return image


def png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
