"""How big the paper really is, judged from the picture rather than the file's dpi tag.

Phones write 72 dpi into a 4032-pixel photo of a card (really ~700 dpi), web images say 600 dpi
at 175 real, and a photocopy puts a card somewhere on an A4 sheet. Taking the tag at its word
enlarged a phone photo 4× (minutes and gigabytes per page) and left small web images too small
to read. So: find the card in the picture when it lies on a desk or a sheet, then take its
resolution from its known size (ID-1: 85.6 mm long), and trust the tag only when the size it
implies fits the shape of what is pictured.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from PIL import Image, ImageFilter

from desktop.ocr.engine import Box

__all__ = ["Framing", "frame"]

_CARD_LONG_IN = 85.6 / 25.4
_A4_LONG_IN = 297 / 25.4
_CARD_ASPECT = (1.42, 1.8)  # ID-1 is 1.59; a flatbed margin or a slight angle moves it
_PAGE_ASPECT = (1.25, 1.45)  # A4, letter, a passport's data page
_THUMB = 400  # long side of the copy the card is looked for on
_CONTRAST = 16  # grey levels between a card and the desk or sheet it lies on
_SOLID = 0.8  # share of a card's bounding box that differs from the background
_MAX_SHARE = 0.7  # a "card" covering more of the picture is the picture itself


@dataclass(frozen=True)
class Framing:
    """Where the document is in the picture (None: all of it) and its resolution in there."""

    crop: Box | None
    dpi: float
    card: bool


def _aspect(width: int, height: int) -> float:
    return max(width, height) / max(1, min(width, height))


def _border_level(thumb: Image.Image) -> int:
    """The background's grey: the median of the picture's outermost pixels."""
    width, height = thumb.size
    ring = [
        *(thumb.getpixel((x, 0)) for x in range(width)),
        *(thumb.getpixel((x, height - 1)) for x in range(width)),
        *(thumb.getpixel((0, y)) for y in range(height)),
        *(thumb.getpixel((width - 1, y)) for y in range(height)),
    ]
    values = sorted(cast("list[int]", ring))
    return values[len(values) // 2]


def _card_shaped(box: Box, size: tuple[int, int]) -> bool:
    """A card's proportions, not most of the picture, and not a speck."""
    width, height = box[2] - box[0], box[3] - box[1]
    return (
        _CARD_ASPECT[0] <= _aspect(width, height) <= _CARD_ASPECT[1]
        and width * height <= _MAX_SHARE * size[0] * size[1]
        and min(width, height) >= 0.1 * min(size)
    )


def _solid(mask: Image.Image, box: Box) -> bool:
    """Whether most of `box` in `mask` is set: a card, not a block of text on a sheet."""
    filled = mask.crop(box).resize((1, 1), Image.Resampling.BOX).getpixel((0, 0))
    return cast("int", filled) >= _SOLID * 255


def _card_on_background(gray: Image.Image) -> Box | None:
    """The box of one card-shaped solid object on a plain background, in `gray` pixels."""
    factor = _THUMB / max(gray.size)
    if factor >= 1:
        return None
    thumb = gray.resize(
        (max(1, round(gray.width * factor)), max(1, round(gray.height * factor))),
        Image.Resampling.BOX,
    ).filter(ImageFilter.BoxBlur(1))
    level = _border_level(thumb)
    differs = thumb.point(lambda v: 255 if abs(v - level) > _CONTRAST else 0)
    # Closing fills the card's light patches; opening drops text lying on the background.
    solid = differs.filter(ImageFilter.MaxFilter(5)).filter(ImageFilter.MinFilter(9))
    box = solid.filter(ImageFilter.MaxFilter(5)).getbbox()
    if box is None:
        return None
    if not _card_shaped(box, thumb.size) or not _solid(solid, box):
        return None
    width, height = box[2] - box[0], box[3] - box[1]
    margin = 0.03 * max(width, height)
    return (
        max(0, round((box[0] - margin) / factor)),
        max(0, round((box[1] - margin) / factor)),
        min(gray.width, round((box[2] + margin) / factor)),
        min(gray.height, round((box[3] + margin) / factor)),
    )


def frame(gray: Image.Image, tagged_dpi: int) -> Framing:
    """Where the document is in `gray` and its real resolution there, whatever the tag says."""
    card = _card_on_background(gray)
    if card is not None:
        long_px = max(card[2] - card[0], card[3] - card[1])
        return Framing(card, long_px / (_CARD_LONG_IN * 1.06), True)
    long_px = max(gray.size)
    aspect = _aspect(*gray.size)
    tagged_long = long_px / max(tagged_dpi, 1)
    if _CARD_ASPECT[0] <= aspect <= _CARD_ASPECT[1]:
        # A card scanned alone, with the scanner's margin around it (≈ 7 %).
        if 2.8 <= tagged_long <= 4.8:
            return Framing(None, tagged_dpi, True)
        return Framing(None, long_px / (_CARD_LONG_IN * 1.07), True)
    if _PAGE_ASPECT[0] <= aspect <= _PAGE_ASPECT[1] and not 4.3 <= tagged_long <= 15:
        return Framing(None, long_px / _A4_LONG_IN, False)
    return Framing(None, min(max(tagged_dpi, 100), 600), False)
