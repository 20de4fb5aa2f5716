"""Telling full-width digits (２３番) from half-width ones (23番) by their spacing on the page.

Tesseract's Japanese model has no full-width digits: it reads ２３ as 23. A value must be kept as
printed, and full-width digits are easy to see: each sits alone in a square cell, a narrow glyph
with a wide gap on both sides, where half-width digits stand shoulder to shoulder.
"""

from __future__ import annotations

import re
from typing import cast

from PIL import Image

from desktop.ocr.engine import Box, Line

__all__ = ["as_printed", "looks_full_width", "value_as_printed"]

_FULL_WIDTH = str.maketrans("0123456789-", "０１２３４５６７８９－")
_DIGIT_RUN = re.compile(r"\d+(?:[ -]\d+)*")
_SPACE_IN_NUMBER = re.compile(r"(?<=[0-9０-９]) (?=[0-9０-９])")
_INK = 128
# In em units (the height of the line's ink): a full-width digit's glyph is about half an em wide
# with about half an em of paper on either side; half-width neighbours are a tenth of an em apart.
_NARROW = 0.7
_WIDE_GAP = 0.28
_TALL = 0.45  # shorter ink is a speck or a hyphen, not a digit


def _columns(image: Image.Image, box: Box) -> tuple[list[tuple[int, int]], int]:
    """The runs of inked columns in `box` (left, right exclusive) and the ink's height."""
    crop = image.crop(box).point(lambda v: 255 if v < _INK else 0)
    bbox = crop.getbbox()
    if bbox is None:
        return [], 0
    height = bbox[3] - bbox[1]
    profile = cast(
        "list[int]", list(crop.resize((crop.width, 1), Image.Resampling.BOX).get_flattened_data())
    )
    runs: list[tuple[int, int]] = []
    start = None
    for x, value in enumerate([*profile, 0]):
        if value and start is None:
            start = x
        elif not value and start is not None:
            runs.append((start, x))
            start = None
    return runs, height


def _glyph_height(image: Image.Image, box: Box, run: tuple[int, int]) -> int:
    column = image.crop((box[0] + run[0], box[1], box[0] + run[1], box[3]))
    bbox = column.point(lambda v: 255 if v < _INK else 0).getbbox()
    return 0 if bbox is None else bbox[3] - bbox[1]


def looks_full_width(image: Image.Image, line: Line, start: int, end: int) -> bool:
    """Whether the digits at `line.text[start:end]` are printed full width on `image`."""
    box = line.box
    height = box[3] - box[1]
    span = line.span_box(start, end)
    band = (
        max(0, span[0] - height // 2),
        box[1],
        min(image.width, span[2] + height // 2),
        box[3],
    )
    runs, ink_height = _columns(image, band)
    em = max(ink_height, 1)
    digits = sum(ch.isdigit() for ch in line.text[start:end])
    alone = 0
    for i, (left, right) in enumerate(runs):
        gap_before = left - runs[i - 1][1] if i > 0 else 0
        gap_after = runs[i + 1][0] - right if i + 1 < len(runs) else 0
        if (
            right - left <= _NARROW * em
            and min(gap_before, gap_after) >= _WIDE_GAP * em
            and _glyph_height(image, band, (left, right)) >= _TALL * em
        ):
            alone += 1
    # Tesseract's box may hold only part of a long number: two lone glyphs settle it.
    return alone >= max(1, min(digits, 2))


def as_printed(image: Image.Image, line: Line, start: int, end: int) -> str:
    """`line.text[start:end]` with its digits full width when any of its digit groups is printed
    so: an address's block number is printed in one width throughout (２丁目２３番４号)."""
    text = line.text[start:end]
    for match in _DIGIT_RUN.finditer(text):
        if looks_full_width(image, line, start + match.start(), start + match.end()):
            return _DIGIT_RUN.sub(lambda m: m.group().translate(_FULL_WIDTH), text)
    return text


def value_as_printed(image: Image.Image, lines: list[Line], value: str, box: Box) -> str:
    """`value` (read from `lines` within `box`) with its digits full width where printed so.

    The value may have lost spaces Tesseract put between digits (２ ３ read as "2 3").
    """
    inside = [ln for ln in lines if ln.box[1] < box[3] and ln.box[3] > box[1]]
    tokens = []
    for token in value.split(" "):
        spaced = re.compile(" ?".join(re.escape(ch) for ch in token))
        found = next(((ln, m) for ln in inside if (m := spaced.search(ln.text))), None)
        if found is None or not _DIGIT_RUN.search(token):
            tokens.append(token)
            continue
        line, match = found
        printed = as_printed(image, line, match.start(), match.end())
        tokens.append(_SPACE_IN_NUMBER.sub("", printed))
    return " ".join(tokens)
