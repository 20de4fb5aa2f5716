"""Drawing on a page at scanner resolution, remembering where each piece of text went."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from desktop.resources import font_file

Box = tuple[int, int, int, int]
Color = tuple[int, int, int]

DPI = 300
INK: Color = (28, 28, 30)
GREY: Color = (110, 110, 110)
WHITE: Color = (255, 255, 255)
SCANNER_LID: Color = (238, 238, 235)
_DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
_FONT_FILES = {
    "gothic": font_file("gothic"),
    "mincho": font_file("mincho"),
    "mono": _DEJAVU / "DejaVuSansMono.ttf",
    "sans": _DEJAVU / "DejaVuSans.ttf",
    "sans-bold": _DEJAVU / "DejaVuSans-Bold.ttf",
}


def mm(value: float) -> int:
    """Millimetres to pixels at 300 dpi."""
    return round(value * DPI / 25.4)


@lru_cache(maxsize=128)
def font(name: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(_FONT_FILES[name]), size)


def union(*boxes: Box) -> Box:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


@dataclass
class Page:
    """An RGB image being drawn on, with the boxes of the ground-truth fields."""

    image: Image.Image
    field_boxes: dict[str, Box] = field(default_factory=dict)
    secret_boxes: list[Box] = field(default_factory=list)
    other_boxes: dict[str, Box] = field(default_factory=dict)

    @classmethod
    def blank(cls, width: int, height: int, color: Color = WHITE) -> Page:
        return cls(Image.new("RGB", (width, height), color))

    @property
    def draw(self) -> ImageDraw.ImageDraw:
        return ImageDraw.Draw(self.image)

    def text(
        self,
        xy: tuple[int, int],
        text: str,
        size: int,
        *,
        face: str = "gothic",
        fill: Color = INK,
        max_width: int | None = None,
        anchor: str = "ls",
    ) -> Box:
        """Draw `text` with its baseline at `xy` (by default) and return its ink box (padded).

        With `max_width` the size shrinks until the text fits, as on cards with long addresses.
        """
        typeface = font(face, size)
        while max_width is not None and size > 12 and typeface.getlength(text) > max_width:
            size -= 1
            typeface = font(face, size)
        self.draw.text(xy, text, font=typeface, fill=fill, anchor=anchor)
        left, top, right, bottom = self.draw.textbbox(xy, text, font=typeface, anchor=anchor)
        ink = (math.floor(left), math.floor(top), math.ceil(right), math.ceil(bottom))
        return self.pad(ink, 3)

    def width_of(self, text: str, size: int, face: str = "gothic") -> int:
        return round(font(face, size).getlength(text))

    def pad(self, box: Box, by: int) -> Box:
        width, height = self.image.size
        return (
            max(0, box[0] - by),
            max(0, box[1] - by),
            min(width, box[2] + by),
            min(height, box[3] + by),
        )

    def field(self, name: str, box: Box) -> Box:
        """Record where the ground-truth field `name` is printed."""
        self.field_boxes[name] = box
        return box

    def spaced_name(
        self,
        xy: tuple[int, int],
        family: str,
        given: str,
        size: int,
        *,
        face: str = "gothic",
        gap: float = 0.8,
        fill: Color = INK,
    ) -> Box:
        """A name as Japanese documents print it: family, a clear gap, given name."""
        first = self.text(xy, family, size, face=face, fill=fill)
        x = xy[0] + self.width_of(family, size, face) + round(size * gap)
        second = self.text((x, xy[1]), given, size, face=face, fill=fill)
        return union(first, second)


def address_lines(
    page: Page, xy: tuple[int, int], address: str, building: str, size: int, max_width: int
) -> Box:
    """An address on one line, or with the building on a second line when it does not fit."""
    full = f"{address} {building}" if building else address
    if not building or page.width_of(full, size) <= max_width:
        return page.text(xy, full, size, max_width=max_width)
    first = page.text(xy, address, size, max_width=max_width)
    second = page.text((xy[0], xy[1] + round(size * 1.3)), building, size, max_width=max_width)
    return union(first, second)
