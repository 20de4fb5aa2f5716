"""The A4 12-up label sheet for a batch of letters."""

from __future__ import annotations

from dataclasses import replace

from desktop.letters import LetterKind, render_address_labels, specimen
from tests.letters.pdf_reading import page_texts, placed_chars, squash

LABEL_WIDTH, LABEL_HEIGHT, LEFT, TOP = 86.4, 42.3, 18.6, 21.6


def test_thirteen_addresses_fill_one_sheet_and_start_another() -> None:
    data = specimen(LetterKind.NO_DATA)
    addressees = [replace(data.addressee, name=f"宛先{n:02d}") for n in range(13)]
    pages = page_texts(render_address_labels(addressees, data.sender))
    assert len(pages) == 2
    first, second = squash(pages[0]), squash(pages[1])
    assert all(f"宛先{n:02d}様" in first for n in range(12))
    assert "宛先12様" in second
    assert "宛先12様" not in first
    assert squash(data.addressee.address) in first


def test_a_long_address_stays_on_its_label() -> None:
    data = specimen(LetterKind.NO_DATA)
    long = replace(
        data.addressee,
        address="北海道札幌市中央区北一条西二丁目1番地1 札幌駅前とても長い名前のグランドタワー" * 2,
        building="2501号室",
    )
    pdf = render_address_labels([long], data.sender)
    for char in placed_chars(pdf):
        assert char.left_mm >= LEFT
        assert char.right_mm <= LEFT + LABEL_WIDTH
        assert char.top_mm >= TOP
        assert char.bottom_mm <= TOP + LABEL_HEIGHT
    assert squash(long.address) in squash(page_texts(pdf)[0])
