"""Telling a My Number from a driver's licence number by their check digits."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from stdnum.jp import in_

from desktop.ocr.numbers import digit_runs, is_my_number, licence_check_ok

eleven_digits = st.text(alphabet="0123456789", min_size=11, max_size=11)


@given(eleven_digits)
def test_my_number_check_digit_agrees_with_python_stdnum(first: str) -> None:
    digit = in_.calc_check_digit(first)
    assert is_my_number(first + digit)
    wrong = str((int(digit) + 1) % 10)
    assert not is_my_number(first + wrong)


def test_my_number_needs_exactly_twelve_ascii_digits() -> None:
    number = "12345678901" + in_.calc_check_digit("12345678901")
    assert is_my_number(number)
    assert not is_my_number(number[:-1])
    assert not is_my_number("０" + number[1:])  # full-width digit


def test_licence_check_digit_worked_by_hand() -> None:
    # 3012 3456 78: 3·5+0·4+1·3+2·2+3·7+4·6+5·5+6·4+7·3+8·2 = 153; 153 mod 11 = 10; 11−10 = 1.
    assert licence_check_ok("301234567810")
    assert not licence_check_ok("301234567820")


def test_digit_runs_join_groups_printed_with_spaces_or_hyphens() -> None:
    runs = digit_runs("個人番号 1234 5678 9018 電話 03-1234-5678")
    assert [digits for _, _, digits in runs] == ["123456789018", "0312345678"]
