"""The folded letter in its window envelope: the addressee inside the window with room to
spare, addresses broken between components, fold marks where the sheet is folded, the company's
shift, and the calibration print."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pypdfium2
import pytest

from desktop import cli
from desktop.config import Paths, Settings, save_settings
from desktop.domain.envelopes import NAGA3_WINDOW
from desktop.letters import LetterKind, render_letter, specimen
from desktop.letters.calibration import calibration_sheet
from desktop.letters.layout import Paper
from tests.letters.pdf_reading import PlacedChar, page_texts, placed_chars

WINDOW = NAGA3_WINDOW.window_on_sheet()  # x 20–110, y 13–58 mm on the sheet


def _window_chars(pdf: bytes) -> list[PlacedChar]:
    return [c for c in placed_chars(pdf) if c.left_mm < 115 and c.top_mm < 65]


def _lines(chars: list[PlacedChar]) -> list[str]:
    """The window's text line by line, read back from the positions of the characters."""
    rows: list[list[PlacedChar]] = []
    for char in sorted(chars, key=lambda c: (c.top_mm + c.bottom_mm) / 2):
        middle = (char.top_mm + char.bottom_mm) / 2
        if rows and abs(middle - (rows[-1][0].top_mm + rows[-1][0].bottom_mm) / 2) < 1.5:
            rows[-1].append(char)
        else:
            rows.append([char])
    return ["".join(c.char for c in sorted(row, key=lambda c: c.left_mm)) for row in rows]


def _letter(address: str, building: str, name: str = "山田 花子") -> bytes:
    data = specimen(LetterKind.ACKNOWLEDGEMENT)
    addressee = replace(data.addressee, address=address, building=building, name=name)
    return render_letter(replace(data, addressee=addressee))


def _margins(chars: list[PlacedChar]) -> tuple[float, float, float, float]:
    return (
        min(c.left_mm for c in chars) - WINDOW.left,
        min(c.top_mm for c in chars) - WINDOW.top,
        WINDOW.right - max(c.right_mm for c in chars),
        WINDOW.bottom - max(c.bottom_mm for c in chars),
    )


def test_a_four_line_address_keeps_well_inside_the_window() -> None:
    # 〒, two address lines and the building: four small lines, then the name.
    pdf = _letter("東京都世田谷区北沢二丁目10番15号 下北沢グランドメゾン弐番館", "1203号室")
    chars = _window_chars(pdf)
    assert len(_lines(chars)) == 5
    assert min(_margins(chars)) >= 3.0  # the spec's margin for the sheet's play
    assert _margins(chars)[3] >= 8.0  # room below for a fifth line


def test_a_five_line_address_still_fits_inside_the_margin() -> None:
    pdf = _letter(
        "北海道札幌市中央区北一条西二丁目1番地1 札幌中央ビジネスセンター北館",
        "グランドメゾン札幌駅前タワーレジデンス 2501号室",
        "長谷川 左衛門三郎太郎",
    )
    chars = _window_chars(pdf)
    assert len(_lines(chars)) >= 6
    assert min(_margins(chars)) >= 3.0


def test_address_lines_break_only_between_components() -> None:
    pdf = _letter(
        "東京都江戸川区南葛西六丁目三番地先 なぎさニュータウン三丁目25番15号",
        "グランドメゾンなぎさ 1203号室",
    )
    lines = _lines(_window_chars(pdf))
    assert any("25番15号" in line for line in lines), lines
    assert any("グランドメゾン" in line for line in lines), lines
    assert any("1203号室" in line for line in lines), lines


def test_fold_marks_sit_at_the_thirds_of_the_sheet_in_both_margins() -> None:
    document = pypdfium2.PdfDocument(render_letter(specimen(LetterKind.ACKNOWLEDGEMENT)))
    try:
        image = document[0].render(scale=300 / 72).to_pil().convert("L")
    finally:
        document.close()
    dots = 300 / 25.4

    def dark_rows(x_mm: float) -> list[float]:
        x = round(x_mm * dots)
        return [y / dots for y in range(image.height) if image.getpixel((x, y)) < 160]

    for x_mm in (6.0, 204.0):
        rows = dark_rows(x_mm)
        assert rows, x_mm
        assert all(abs(row - 99) < 0.5 or abs(row - 198) < 0.5 for row in rows), rows
        assert any(abs(row - 99) < 0.5 for row in rows)
        assert any(abs(row - 198) < 0.5 for row in rows)


def test_the_company_shift_moves_the_addressee_by_as_much() -> None:
    data = specimen(LetterKind.ACKNOWLEDGEMENT)
    plain = _window_chars(render_letter(data))
    moved = _window_chars(render_letter(data, paper=Paper(shift_x_mm=4, shift_y_mm=-2)))
    assert [c.char for c in moved] == [c.char for c in plain]
    assert moved[0].left_mm - plain[0].left_mm == pytest.approx(4, abs=0.05)
    assert moved[0].top_mm - plain[0].top_mm == pytest.approx(-2, abs=0.05)


def test_the_calibration_sheet_outlines_the_window_and_names_the_spec() -> None:
    pdf = calibration_sheet(Paper(shift_x_mm=2))
    text = page_texts(pdf)[0]
    assert "長形3号" in text
    assert "90×45" in text
    document = pypdfium2.PdfDocument(pdf)
    try:
        image = document[0].render(scale=300 / 72).to_pil().convert("L")
    finally:
        document.close()
    dots = 300 / 25.4
    middle = round((WINDOW.top + WINDOW.bottom) / 2 * dots)
    row = [x / dots for x in range(image.width) if image.getpixel((x, middle)) < 128]
    # the outline's left and right edges, moved 2 mm right by the shift
    assert any(abs(x - (WINDOW.left + 2)) < 0.4 for x in row), row
    assert any(abs(x - (WINDOW.right + 2)) < 0.4 for x in row), row


@pytest.mark.parametrize("filler", [32, 33, 34, 35, 36])
def test_no_printed_line_ends_with_an_opening_bracket_or_starts_with_a_stop(filler: int) -> None:
    from desktop.domain.line_breaking import CANNOT_END, CANNOT_START

    data = specimen(LetterKind.PARTIAL_DISCLOSURE)
    # A detail whose bracket or stop falls at the end of a line for some filler length.
    detail = "当" * filler + "（社内メモ）、与信ランク。「備考」（担当者記入欄）。"
    outcome = replace(data.outcomes[0], detail=detail)
    for page in page_texts(render_letter(replace(data, outcomes=(outcome,)))):
        for line in (line.strip() for line in page.splitlines() if line.strip()):
            assert line[0] not in CANNOT_START, line
            assert line[-1] not in CANNOT_END, line


def test_the_calibration_command_uses_the_companys_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KAIJI_HOME", str(tmp_path))
    save_settings(Settings(paths=Paths.resolve(), envelope_shift_x_mm=4, envelope_shift_y_mm=-2))
    out = tmp_path / "calibration.pdf"
    assert cli.main(["letters", "calibration", "--out", str(out)]) == 0
    text = page_texts(out.read_bytes())[0]
    assert "左 24 mm・上 11 mm" in text  # the window on the sheet, moved by the shift
    assert "補正 右 4 mm・下 -2 mm" in text
