"""A second look at a name read from a whole page: its cell read alone, at a size Tesseract likes.

Certificates and forms print the name large (twice the size of the rest) inside a ruled table;
read with the whole page, it often comes out as a similar-looking kanji (蓮 → 夢) or as fragments.
Cropped to its own line and scaled so that its characters are about 48 pixels tall, one
single-line pass reads it far better. The second reading is kept only when it looks like a name
and Tesseract is surer of it.
"""

from __future__ import annotations

import re
from typing import cast

from PIL import Image, ImageOps

from desktop.ocr.engine import Box, read_lines
from desktop.ocr.results import FieldReading

__all__ = ["reread_name"]

_INK = 128
_TEXT_HEIGHT = 48  # pixels: where the Japanese model reads best
_NAME = re.compile(r"^[\u3400-\u9fff々ヶ]{1,6}(?: [\u3400-\u9fff々ヶ]{1,6})?$")


def _plausible(name: str | None) -> bool:
    return name is not None and bool(_NAME.match(name)) and len(name.replace(" ", "")) >= 2


def _profile(image: Image.Image, horizontal: bool) -> list[int]:
    size = (image.width, 1) if horizontal else (1, image.height)
    return cast("list[int]", list(image.resize(size, Image.Resampling.BOX).get_flattened_data()))


def _run_around(profile: list[int], at: int, max_gap: int) -> tuple[int, int] | None:
    """The stretch of inked positions holding (or nearest to) `at`, bridging gaps ≤ `max_gap`."""
    inked = [i for i, v in enumerate(profile) if v]
    if not inked:
        return None
    centre = min(inked, key=lambda i: abs(i - at))
    start = end = centre
    while True:
        before = [i for i in inked if start - max_gap - 1 <= i < start]
        after = [i for i in inked if end < i <= end + max_gap + 1]
        if not before and not after:
            return start, end + 1
        start = min([start, *before])
        end = max([end, *after])


def _name_line(page: Image.Image, box: Box) -> Box | None:
    """The box of the printed line holding the name whose (maybe partial) reading is at `box`."""
    height = max(box[3] - box[1], 8)
    region = (
        max(0, box[0] - height // 3),
        max(0, box[1] - height),
        min(page.width, box[2] + 3 * height),
        min(page.height, box[3] + height),
    )
    ink = page.crop(region).point(lambda v: 255 if v < _INK else 0)
    rows = _run_around(_profile(ink, horizontal=False), (box[1] + box[3]) // 2 - region[1], 3)
    if rows is None:
        return None
    band = ink.crop((0, rows[0], ink.width, rows[1]))
    band_height = rows[1] - rows[0]
    columns = _run_around(
        _profile(band, horizontal=True), box[0] - region[0] + height // 3, round(1.5 * band_height)
    )
    if columns is None:
        return None
    return (
        region[0] + columns[0],
        region[1] + rows[0],
        region[0] + columns[1],
        region[1] + rows[1],
    )


def reread_name(page: Image.Image, dpi: int, reading: FieldReading) -> FieldReading:
    """`reading` or, when it reads better, the name read again from its own line alone."""
    if reading.box is None:
        return reading
    line_box = _name_line(page, reading.box)
    if line_box is None or line_box[3] - line_box[1] < 8:
        return reading
    crop = page.crop(line_box)
    factor = min(2.0, max(0.3, _TEXT_HEIGHT / crop.height))
    scaled = crop.resize(
        (max(1, round(crop.width * factor)), max(1, round(crop.height * factor))),
        Image.Resampling.LANCZOS,
    )
    lines = read_lines(ImageOps.expand(scaled, 24, fill=255), dpi, psm=7)
    if len(lines) != 1:
        return reading
    line = lines[0]
    value = " ".join(line.text.replace("　", " ").split())
    if not _plausible(value) or value == reading.value:
        return reading
    if _plausible(reading.value) and line.confidence <= reading.confidence:
        return reading
    return FieldReading(value, round(line.confidence, 3), line_box)
