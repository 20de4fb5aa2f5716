"""Splitting a scanned batch at cover sheets; blank pages are dropped."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PIL import Image

from desktop.intake.batch import split_batch
from desktop.intake.blank import is_blank
from tests.intake.pages import (
    a4,
    blank_back,
    cover_sheet,
    id_card_copy,
    loaded,
    scanned,
    text_page,
)


@pytest.mark.parametrize(
    "page",
    [
        pytest.param(lambda: a4(200), id="white"),
        pytest.param(lambda: blank_back(seed=1, bleed=False), id="noise and dust"),
        pytest.param(lambda: blank_back(seed=2), id="bleed-through"),
        pytest.param(lambda: scanned(blank_back(seed=3), skew=1.5, jpeg=50), id="jpeg, skewed"),
        pytest.param(lambda: a4(200, paper=205), id="grey recycled paper"),
        pytest.param(lambda: blank_back(seed=4).convert("RGB"), id="colour scan"),
    ],
)
def test_blank_pages(page: Callable[[], Image.Image]) -> None:
    assert is_blank(page())


@pytest.mark.parametrize(
    "page",
    [
        pytest.param(lambda: text_page(1), id="one line"),
        pytest.param(lambda: scanned(text_page(3), skew=2, jpeg=50), id="three lines, scanned"),
        pytest.param(id_card_copy, id="ID card copy"),
        pytest.param(lambda: cover_sheet("KD2026-000001", 200), id="cover sheet"),
    ],
)
def test_pages_with_something_on_them_are_not_blank(page: Callable[[], Image.Image]) -> None:
    assert not is_blank(page())


def test_a_batch_is_split_at_its_cover_sheets() -> None:
    stray = loaded(text_page(5, seed=1), 1)
    a1 = loaded(text_page(12, seed=2), 3)
    a2 = loaded(scanned(id_card_copy(), skew=1.0, jpeg=50), 5)
    b1 = loaded(text_page(20, seed=3), 7)
    b2 = loaded(text_page(2, seed=4), 8)
    a3 = loaded(text_page(8, seed=5), 10)
    pages = [
        stray,
        loaded(scanned(cover_sheet("KD2026-000011", 300), jpeg=60), 2, dpi=300),
        a1,
        loaded(blank_back(seed=6), 4),
        a2,
        loaded(scanned(cover_sheet("KD2026-000012", 200), skew=180.0), 6),
        b1,
        b2,
        loaded(scanned(cover_sheet("KD2026-000011", 200), skew=-2.0, jpeg=50), 9),
        a3,
        loaded(blank_back(seed=7), 11),
    ]
    split = split_batch(pages)
    assert split.unrouted == [stray]
    assert split.routed == {"KD2026-000011": [a1, a2, a3], "KD2026-000012": [b1, b2]}
    assert split.cover_sheets == 3
    assert split.blanks == 2


def test_a_batch_without_cover_sheets_waits_for_the_clerk() -> None:
    pages = [loaded(text_page(4, seed=s), s + 1) for s in range(2)]
    split = split_batch(pages)
    assert split.unrouted == pages
    assert split.routed == {}
    assert (split.cover_sheets, split.blanks) == (0, 0)
