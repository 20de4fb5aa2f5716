"""Masking that fails closed: a card that may show a My Number is never stored legible.

Reading a My Number card back is fragile: the 個人番号 label is printed white on a dark band,
the digits large on grey boxes, and a grey photocopy or a fax turns both into noise, so the words
that name the card are often lost. A card-sized page is therefore suspected when any of these is
seen: the 個人番号 label, a group of twelve or more digits (4-4-4 or not) that is not printed as a
licence number, or the card back's layout (a dark band across the top half). A suspected card
gets a digits-only reading to find every long digit group; whatever is found is masked, and a
suspected card on which no digits can be located is blacked out whole and held for the clerk
("possible My Number — mask or discard").
"""

from __future__ import annotations

import re
from typing import cast

from PIL import Image

from desktop.ocr.engine import Box, Line, read_lines

__all__ = ["POSSIBLE_MY_NUMBER", "dark_band", "digit_groups", "long_digit_groups", "labelled"]

POSSIBLE_MY_NUMBER = "possible_my_number"

_LABEL = re.compile(r"個\s*人\s*番\s*号(?!\s*カ\s*ー\s*ド)|INDIVIDUAL\s*NUMBER", re.IGNORECASE)
_LICENCE_MARK = re.compile(r"第\s*$")
_RUN = re.compile(r"\d(?:[ \-]{0,2}\d)*")
_DARK = 96  # grey level under which a pixel of a band counts as dark
_SECRET_DIGITS = 12


def labelled(text: str) -> bool:
    """Whether `text` holds the 個人番号 label (not the card's name 個人番号カード)."""
    return _LABEL.search(text) is not None


def long_digit_groups(lines: list[Line]) -> list[tuple[Box, str]]:
    """Digit runs of 12 or more (spaces and hyphens between groups allowed, junk around them
    too), except a licence number printed 第 … 号."""
    found = []
    for line in lines:
        for match in _RUN.finditer(line.text):
            digits = re.sub(r"\D", "", match.group())
            if len(digits) < _SECRET_DIGITS or _LICENCE_MARK.search(line.text[: match.start()]):
                continue
            found.append((line.span_box(match.start(), match.end()), digits))
    return found


def digit_groups(page: Image.Image, dpi: int, min_digits: int = 8) -> list[tuple[Box, str]]:
    """The lines of `page` that a digits-only reading finds at least `min_digits` digits on, by
    box: where a number printed large on grey boxes, in ruled cells or on a dark band is,
    whatever the Japanese model made of it."""
    found = []
    for line in read_lines(page, dpi, whitelist="0123456789"):
        digits = re.sub(r"\D", "", line.text)
        if len(digits) >= min_digits:
            found.append((line.box, digits))
    return found


def dark_band(color: Image.Image) -> Box | None:
    """A dark band across the top half of a card (where the card back prints 個人番号 in white),
    as the box of the card under it where the number is printed; None when there is none."""
    gray = color.convert("L")
    width, height = gray.size
    small = gray.resize((64, max(1, round(64 * height / max(width, 1)))), Image.Resampling.BOX)
    dark_rows = []
    for y in range(small.height // 2):
        row = cast("list[int]", [small.getpixel((x, y)) for x in range(small.width)])
        longest = run = 0
        for value in row:
            run = run + 1 if value < _DARK else 0
            longest = max(longest, run)
        if longest >= 0.4 * small.width:
            dark_rows.append(y)
    if not dark_rows or len(dark_rows) > 0.15 * small.width:  # a band, not a dark card
        return None
    top = dark_rows[0] * height // small.height
    bottom = min(height, (dark_rows[-1] + 1) * height // small.height + height // 3)
    return (0, top, width, bottom)
