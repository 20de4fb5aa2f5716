"""Where things land on the page: the envelope window, the fonts, the barcode, batch numbering."""

from __future__ import annotations

from dataclasses import replace

import pypdfium2
import pytest
import zxingcpp

from desktop.letters import LetterDataError, LetterKind, render_batch, render_letter, specimen
from tests.letters.pdf_reading import font_rows, page_texts, placed_chars, squash

# The part of a folded A4 sheet that a 長形3号 window shows (mm from the page's top-left corner):
# the window 23 mm from the envelope's left and 13 mm from its top, the sheet 3 mm in from the left.
WINDOW_LEFT, WINDOW_TOP, WINDOW_RIGHT, WINDOW_BOTTOM = 20.0, 13.0, 110.0, 58.0


def _window_text(pdf: bytes) -> str:
    inside = [
        c
        for c in placed_chars(pdf)
        if c.right_mm > WINDOW_LEFT
        and c.left_mm < WINDOW_RIGHT
        and c.bottom_mm > WINDOW_TOP
        and c.top_mm < WINDOW_BOTTOM
    ]
    for char in inside:  # nothing may stick out of the window
        assert char.left_mm >= WINDOW_LEFT
        assert char.right_mm <= WINDOW_RIGHT
        assert char.top_mm >= WINDOW_TOP
        assert char.bottom_mm <= WINDOW_BOTTOM
    return "".join(c.char for c in inside)


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_window_shows_the_addressee_and_nothing_else(language: str) -> None:
    data = specimen(LetterKind.ACKNOWLEDGEMENT, language)
    addressee = data.addressee
    suffix = "様" if language == "ja" else ""
    expected = squash(
        f"〒{addressee.postal_code}{addressee.address}{addressee.building}{addressee.name}{suffix}"
    )
    assert _window_text(render_letter(data)) == expected


def test_a_long_address_is_wrapped_and_stays_inside_the_window() -> None:
    data = specimen(LetterKind.ACKNOWLEDGEMENT)
    long = replace(
        data.addressee,
        address="北海道札幌市中央区北一条西二丁目1番地1 " * 3,
        building="札幌駅前とても長い名前のグランドタワーレジデンス 2501号室",
        name="長谷川 左衛門三郎太郎",
    )
    text = _window_text(render_letter(replace(data, addressee=long)))
    assert text == squash(f"〒{long.postal_code}{long.address}{long.building}{long.name}様")


def test_every_font_is_embedded() -> None:
    batch = render_batch(
        [specimen(kind, language) for kind in LetterKind for language in ("ja", "en")]
    )
    rows = font_rows(batch)
    assert rows
    for row in rows:
        # columns: name type encoding emb sub uni object-id generation (type may be two words)
        assert row[-5] == "yes", row


def _codes(pdf: bytes) -> list[str]:
    """The codes a scanner reads in each page's bottom-right corner."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        found = []
        for page in document:
            image = page.render(scale=200 / 72).to_pil()
            width, height = image.size
            corner = image.crop((width // 2, height * 9 // 10, width, height))
            found.extend(barcode.text for barcode in zxingcpp.read_barcodes(corner))
        return found
    finally:
        document.close()


def test_every_page_carries_its_letter_and_page_in_a_code() -> None:
    data = replace(specimen(LetterKind.DISCLOSURE), reference="KD-2026-004711")  # two pages
    pdf = render_letter(data, key="KD-2026-004711/disclosure/2")
    assert _codes(pdf) == [
        "KJP|KD-2026-004711/disclosure/2|1|2",
        "KJP|KD-2026-004711/disclosure/2|2|2",
    ]
    assert "KD-2026-004711" in page_texts(pdf)[1]  # the reference in words beside the code


def test_each_letter_of_a_batch_starts_a_page_and_counts_its_own_pages() -> None:
    first = specimen(LetterKind.DISCLOSURE)  # two pages with the annex
    second = replace(
        specimen(LetterKind.NO_DATA),
        addressee=replace(first.addressee, name="佐藤 一郎"),
        reference="KD-2026-000124",
    )
    pages = page_texts(render_batch([first, second, first]))
    expected_numbers = ["1 / 2", "2 / 2", "1 / 1", "1 / 2", "2 / 2"]
    assert len(pages) == len(expected_numbers)
    for page, number in zip(pages, expected_numbers, strict=True):
        assert number in page
    assert "山田 花子 様" in pages[0]
    assert "佐藤 一郎 様" in pages[2]
    assert "KD-2026-000124" in pages[2]
    assert "KD-2026-000124" not in pages[3]


def test_an_empty_batch_is_refused_with_a_message() -> None:
    with pytest.raises(LetterDataError) as error:
        render_batch([])
    assert error.value.message("ja") == "印刷する文書がありません。"


def test_rendering_is_repeatable() -> None:
    data = specimen(LetterKind.PARTIAL_DISCLOSURE)
    assert render_letter(data) == render_letter(data)
