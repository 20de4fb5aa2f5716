"""A4 paper at 300 dpi as a document scanner delivers it, and ruled tables on it."""

from __future__ import annotations

import random
from datetime import date, timedelta

from tests.docgen.canvas import INK, Box, Page, mm

A4_W, A4_H = mm(210), mm(297)
PAPER = (253, 253, 251)
TODAY = date(2026, 11, 20)
COMPANY = "ひかり通信株式会社"
COMPANY_DESK = "お客様相談センター"


def a4_page() -> Page:
    return Page.blank(A4_W, A4_H, PAPER)


def recent_day(rng: random.Random, within_days: int) -> date:
    """A day in the `within_days` before today, as certificates enclosed with a request are."""
    return TODAY - timedelta(days=rng.randint(3, within_days))


def ruled_box(page: Page, box: Box, width: int = 3) -> None:
    page.draw.rectangle(box, outline=INK, width=width)


def ruled_row(page: Page, top: int, bottom: int, columns: list[int], width: int = 3) -> None:
    """One table row from `columns[0]` to `columns[-1]`, divided at the inner column edges."""
    page.draw.rectangle((columns[0], top, columns[-1], bottom), outline=INK, width=width)
    for x in columns[1:-1]:
        page.draw.line((x, top, x, bottom), fill=INK, width=width)


def checkbox(page: Page, xy: tuple[int, int], label: str, checked: bool, size: int = 44) -> int:
    """A printed square with a label, ticked by hand when `checked`; returns the x after it."""
    x, y = xy  # y is the text baseline
    top = y - size + 6
    page.draw.rectangle((x, top, x + size, top + size), outline=INK, width=3)
    if checked:
        page.draw.line(
            [
                (x + 8, top + size // 2),
                (x + size // 2 - 2, top + size - 8),
                (x + size + 10, top - 12),
            ],
            fill=(30, 40, 120),
            width=7,
        )
    box = page.text((x + size + 14, y), label, size)
    return box[2] + 50
