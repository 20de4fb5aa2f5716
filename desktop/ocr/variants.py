"""Variant kanji in names that the Japanese model cannot write: 髙, 﨑, 齊, 邉 ….

Tesseract's `jpn` data has 高 but not 髙, 崎 but not 﨑, 齋 but not 齊, so a card printed 髙木 reads
高木, and the clerk's record would lose the form the family register uses. For each character of
a name that belongs to a group below, the printed glyph is compared with every member of its
group drawn in the bundled Mincho and Gothic fonts, and the closest drawing is kept. The groups
are structural variants (the ladder 髙 against the 口 of 高, 立 against 大 in 﨑): a few pixels of
the glyph tell them apart in any typeface, which a reading model trained without them cannot.
"""

from __future__ import annotations

from functools import cache
from typing import cast

from PIL import Image, ImageDraw, ImageFilter, ImageFont, ImageOps

from desktop.ocr.engine import Box
from desktop.ocr.results import FieldReading
from desktop.resources import font_file

__all__ = ["CANDIDATES", "refine_variants"]

# Members of a group: what the model reads first, then the variants it cannot write.
_GROUPS = (
    "高髙",
    "崎﨑",
    "齋齊斎斉",
    "邊邉",
    "濱濵",
    "桑桒",
    "柳栁",
    "嶋嶌",
    "徳德",
    "恵惠",
    "栄榮",
    "黒黑",
    "曽曾",
)
# What the model reads for a variant it lacks, when that is not the group's first member.
_MISREADS = {"商": "高髙", "演": "濱濵", "葉": "桑桒"}

CANDIDATES: dict[str, str] = {
    **{member: group for group in _GROUPS for member in group},
    **{read: read + group for read, group in _MISREADS.items()},
}

_SIDE = 32  # pixels of the square both glyphs are compared on
_INK = 140
_MARGIN = 0.04  # a variant replaces the reading only when it matches this much better


def _normalised(glyph: Image.Image) -> Image.Image | None:
    """The glyph's ink, centred on a white square of `_SIDE` pixels and slightly blurred."""
    ink_box = glyph.point(lambda v: 255 if v < _INK else 0).getbbox()
    if ink_box is None:
        return None
    ink = glyph.crop(ink_box)
    side = max(ink.size)
    square = Image.new("L", (side, side), 255)
    square.paste(ink, ((side - ink.width) // 2, (side - ink.height) // 2))
    small = square.resize((_SIDE, _SIDE), Image.Resampling.LANCZOS)
    return small.filter(ImageFilter.GaussianBlur(0.8))


@cache
def _drawings(char: str) -> tuple[tuple[float, ...], ...]:
    drawings = []
    for name in ("mincho", "gothic"):
        font = ImageFont.truetype(str(font_file(name)), 96)
        canvas = Image.new("L", (128, 128), 255)
        ImageDraw.Draw(canvas).text((16, 8), char, font=font, fill=0)
        glyph = _normalised(canvas)
        if glyph is not None:
            drawings.append(_standardised(glyph))
    return tuple(drawings)


def _standardised(image: Image.Image) -> tuple[float, ...]:
    values = [float(v) for v in cast("list[int]", list(image.get_flattened_data()))]
    mean = sum(values) / len(values)
    centred = [v - mean for v in values]
    norm = sum(v * v for v in centred) ** 0.5 or 1.0
    return tuple(v / norm for v in centred)


def _likeness(printed: tuple[float, ...], char: str) -> float:
    return max(
        (sum(a * b for a, b in zip(printed, drawn, strict=True)) for drawn in _drawings(char)),
        default=-1.0,
    )


def _cells(crop: Image.Image, count: int) -> list[Box] | None:
    """`count` character cells across a one-line crop, from its columns of ink."""
    ink = crop.point(lambda v: 255 if v < _INK else 0)
    rows = ink.getbbox()
    if rows is None:
        return None
    height = rows[3] - rows[1]
    columns = cast(
        "list[int]", list(ink.resize((ink.width, 1), Image.Resampling.BOX).get_flattened_data())
    )
    runs: list[list[int]] = []
    for x, value in enumerate(columns):
        if not value:
            continue
        if runs and runs[-1][1] == x:
            runs[-1][1] = x + 1
        else:
            runs.append([x, x + 1])
    cells: list[list[int]] = []
    for start, end in runs:
        if cells and end - cells[-1][0] <= 1.12 * height:
            cells[-1][1] = end
        else:
            cells.append([start, end])
    if len(cells) != count:
        return None
    return [(start, rows[1], end, rows[3]) for start, end in cells]


def refine_variants(page: Image.Image, reading: FieldReading) -> FieldReading:
    """`reading` (a name on `page`) with each variant kanji the print shows put back."""
    if reading.value is None or reading.box is None:
        return reading
    chars = reading.value.replace(" ", "")
    if not any(c in CANDIDATES for c in chars):
        return reading
    crop = page.crop(reading.box).convert("L")
    cells = _cells(crop, len(chars))
    if cells is None:
        return reading
    chosen = list(chars)
    for i, (char, cell) in enumerate(zip(chars, cells, strict=True)):
        group = CANDIDATES.get(char)
        if group is None:
            continue
        glyph = _normalised(ImageOps.expand(crop.crop(cell), 2, fill=255))
        if glyph is None:
            continue
        printed = _standardised(glyph)
        scores = {member: _likeness(printed, member) for member in group}
        best = max(scores, key=lambda m: scores[m])
        if best != char and scores[best] >= scores.get(char, -1.0) + _MARGIN:
            chosen[i] = best
    if chosen == list(chars):
        return reading
    value = []
    it = iter(chosen)
    for c in reading.value:
        value.append(c if c == " " else next(it))
    return FieldReading("".join(value), reading.confidence, reading.box)
