"""An ID-1 card (85.6 × 54 mm) lying on a flatbed scanner: the lid around it, rounded corners,
a tinted background with a faint security pattern and a grey photo placeholder."""

from __future__ import annotations

import math
import random

from PIL import ImageDraw

from tests.docgen.canvas import SCANNER_LID, Box, Color, Page, mm

CARD_W, CARD_H = mm(85.6), mm(54)
MARGIN_X, MARGIN_Y = 45, 40


def _shade(color: Color, by: int) -> Color:
    r, g, b = color
    return (max(0, r - by), max(0, g - by), max(0, b - by))


def scanned_card(
    rng: random.Random, tint: Color, *, width: int = CARD_W, height: int = CARD_H
) -> tuple[Page, tuple[int, int]]:
    """A scanner image with a blank card on it, and the card's top-left corner in the image."""
    page = Page.blank(width + 2 * MARGIN_X, height + 2 * MARGIN_Y, SCANNER_LID)
    x0 = MARGIN_X + rng.randint(-12, 12)
    y0 = MARGIN_Y + rng.randint(-10, 10)
    draw = page.draw
    radius = mm(3.2)
    # A soft shadow where the lid does not press the card flat.
    draw.rounded_rectangle(
        (x0 + 3, y0 + 4, x0 + width + 3, y0 + height + 4), radius, fill=(214, 214, 210)
    )
    draw.rounded_rectangle(
        (x0, y0, x0 + width, y0 + height), radius, fill=tint, outline=_shade(tint, 40), width=2
    )
    _guilloche(draw, rng, (x0, y0, x0 + width, y0 + height), _shade(tint, 12))
    return page, (x0, y0)


def _guilloche(draw: ImageDraw.ImageDraw, rng: random.Random, box: Box, color: Color) -> None:
    """Faint wavy lines, light enough not to disturb reading."""
    left, top, right, bottom = box
    phase = rng.uniform(0, math.tau)
    period = rng.uniform(90, 160)
    for y in range(top + mm(3), bottom - mm(2), 28):
        points = [
            (x, y + 7 * math.sin(phase + x / period * math.tau))
            for x in range(left + mm(2), right - mm(2), 8)
        ]
        draw.line(points, fill=color, width=1)


def photo(page: Page, box: Box) -> None:
    """The grey placeholder where the holder's photograph is."""
    draw = page.draw
    left, top, right, bottom = box
    draw.rectangle(box, fill=(196, 198, 200), outline=(150, 150, 150), width=2)
    cx, w, h = (left + right) // 2, right - left, bottom - top
    figure = (150, 152, 156)
    draw.ellipse((cx - w // 5, top + h // 6, cx + w // 5, top + h // 6 + w * 2 // 5), fill=figure)
    draw.chord(
        (left + w // 8, top + h * 3 // 5, right - w // 8, bottom + h // 3), 180, 360, fill=figure
    )
    draw.rectangle(box, outline=(150, 150, 150), width=2)
    page.other_boxes["photo"] = box
