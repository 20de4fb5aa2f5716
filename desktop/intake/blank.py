"""Recognising the blank pages a scanner delivers (empty backs of duplex scans, separators)."""

from __future__ import annotations

from PIL import Image

# Punched holes, staple shadows and the scanner's dark edges live in the margins.
_MARGIN_X = 0.08
_MARGIN_Y = 0.06
# Averaged down to about this width, single specks of dust and noise fade below the ink threshold
# while text strokes stay dark.
_WORK_WIDTH = 600
# Ink is much darker than the paper; bleed-through from the back and grey recycled paper are not.
_INK_CONTRAST = 80
# One line of 10.5 pt text covers about 0.1 % of the page inside the margins.
_MAX_INK_FRACTION = 0.0003


def ink_fraction(image: Image.Image) -> float:
    """The share of the page (inside the margins) covered by ink darker than the paper."""
    grey = image if image.mode == "L" else image.convert("L")
    width, height = grey.size
    inner = grey.crop(
        (
            int(width * _MARGIN_X),
            int(height * _MARGIN_Y),
            int(width * (1 - _MARGIN_X)),
            int(height * (1 - _MARGIN_Y)),
        )
    )
    small = inner.reduce(max(1, inner.width // _WORK_WIDTH))
    histogram = small.histogram()
    total = sum(histogram)
    if total == 0:
        return 0.0
    paper = _median(histogram, total)
    return sum(histogram[: max(0, paper - _INK_CONTRAST)]) / total


def is_blank(image: Image.Image) -> bool:
    """Whether a scanned page carries nothing worth keeping (noise and bleed-through aside)."""
    return ink_fraction(image) < _MAX_INK_FRACTION


def _median(histogram: list[int], total: int) -> int:
    running = 0
    for value, count in enumerate(histogram):
        running += count
        if running * 2 >= total:
            return value
    return len(histogram) - 1
