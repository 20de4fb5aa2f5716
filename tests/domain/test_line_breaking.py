"""Japanese line breaking: 禁則 in running text, addresses broken between components only."""

from __future__ import annotations

import pytest

from desktop.domain.line_breaking import CANNOT_END, CANNOT_START, break_address, break_text


def _width(limit: int):  # type: ignore[no-untyped-def]
    return lambda text: len(text) <= limit


@pytest.mark.parametrize("limit", range(4, 20))
def test_no_line_starts_with_closing_or_ends_with_opening_punctuation(limit: int) -> None:
    text = (
        "ご請求の内容（開示・訂正等）については、「お問い合わせ窓口」までご連絡ください。"
        "なお、受付時間（平日9:00〜17:00）以外のお電話には、翌営業日にご返信いたします。"
    )
    lines = break_text(text, _width(limit))
    assert "".join(lines) == text
    for line in lines[1:]:
        assert line[0] not in CANNOT_START, lines
    for line in lines[:-1]:
        assert line[-1] not in CANNOT_END, lines


@pytest.mark.parametrize("limit", range(7, 24))
def test_an_address_breaks_only_between_components(limit: int) -> None:
    address = "東京都新宿区西新宿三丁目25番15号 グランドメゾン西新宿 1203号室"
    lines = break_address(address, _width(limit))
    assert "".join(lines).replace(" ", "") == address.replace(" ", "")
    for whole in ("東京都", "新宿区", "三丁目", "25番15号", "グランドメゾン", "1203号室"):
        assert any(whole in line for line in lines), (whole, lines)


def test_place_names_stay_whole_where_a_suffix_repeats() -> None:
    assert break_address("三重県四日市市九段1-2-3", _width(7)) == ["三重県四日市市", "九段1-2-3"]
    assert break_address("京都府京都市左京区", _width(6)) == ["京都府京都市", "左京区"]


def test_a_block_number_in_hyphens_or_with_no_stays_whole() -> None:
    assert break_address("札幌市中央区1-2-3", _width(6)) == ["札幌市中央区", "1-2-3"]
    assert break_address("旭川市十条2番地の1", _width(6)) == ["旭川市十条", "2番地の1"]


def test_a_component_longer_than_the_line_is_still_broken_rather_than_lost() -> None:
    lines = break_address("ハイパーグランドメゾンスーパーレジデンス", _width(8))
    assert "".join(lines) == "ハイパーグランドメゾンスーパーレジデンス"
    assert all(len(line) <= 8 for line in lines)
    assert all(line[0] not in CANNOT_START for line in lines)


def test_explicit_newlines_are_kept() -> None:
    assert break_text("一行目\n二行目", _width(10)) == ["一行目", "二行目"]


def test_a_building_after_a_space_moves_to_the_next_line_whole() -> None:
    address = "東京都千代田区丸の内一丁目2番3号 見本ビル12階"
    lines = break_address(address, _width(22))
    assert lines == ["東京都千代田区丸の内一丁目2番3号", "見本ビル12階"]
