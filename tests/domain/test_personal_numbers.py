"""Telling a My Number from a driver's licence number by their check digits, and finding the
never-kept numbers in what a person types."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.jp import in_

from desktop.domain.personal_numbers import (
    PersonalNumberRefused,
    digit_runs,
    is_my_number,
    licence_check_ok,
    personal_numbers_in,
    refuse_personal_numbers,
)

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


# A My Number with a valid check digit (番号法施行令 8条), as a person might type it.
TYPED_MY_NUMBERS = (
    "502228208731",
    "5022 2820 8731",
    "5022-2820-8731",
    "５０２２　２８２０　８７３１",
    "５０２２－２８２０－８７３１",
    "5022‐2820‐8731",
    "個人番号 502228208731 を確認済み",
)


@pytest.mark.parametrize("text", TYPED_MY_NUMBERS)
def test_a_typed_my_number_is_found_in_any_width_and_grouping(text: str) -> None:
    assert personal_numbers_in(text) == ("my_number",)


@pytest.mark.parametrize(
    "text",
    [
        "502228208732",  # wrong check digit: a licence or other number
        "5022282087310",  # 13 digits
        "〒100-0001 東京都千代田区千代田1-1",
        "書留番号 1234-5678-9012",
        "電話 090-1234-5678",
        "",
    ],
)
def test_other_numbers_are_left_alone(text: str) -> None:
    assert "my_number" not in personal_numbers_in(text)


@pytest.mark.parametrize(
    "text",
    [
        "保険証 記号 1234 番号 56",
        "記号：ｱｲｳ12　番号：３４５",
        "被保険者番号 12345678",
        "保険者番号：06123456",
    ],
)
def test_an_insurance_number_is_found(text: str) -> None:
    assert "insurance_number" in personal_numbers_in(text)


def test_refusal_names_the_field_in_both_languages() -> None:
    with pytest.raises(PersonalNumberRefused) as caught:
        refuse_personal_numbers({("備考", "Note"): "本人確認済 5022 2820 8731"})
    assert "「備考」" in caught.value.message_ja
    assert "個人番号" in caught.value.message_ja
    assert '"Note"' in caught.value.message_en
    refuse_personal_numbers({("備考", "Note"): "免許証番号 502228208732", ("x", "x"): None})


@given(eleven_digits, st.sampled_from(["", " ", "-"]))
def test_every_valid_my_number_is_found_however_grouped(first: str, separator: str) -> None:
    number = first + in_.calc_check_digit(first)
    typed = separator.join((number[:4], number[4:8], number[8:]))
    assert "my_number" in personal_numbers_in(f"メモ {typed} 以上")
