"""The passport MRZ: ICAO 9303's own specimen must parse with every check digit holding."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.ocr.mrz import check_digit, find_td3, parse_td3, repair_td3

# The TD3 specimen printed in ICAO Doc 9303 Part 4 (Anna Maria Eriksson of Utopia).
LINE1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
LINE2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10"


@pytest.mark.parametrize(
    ("text", "digit"), [("L898902C3", 6), ("740812", 2), ("120415", 9), ("ZE184226B<<<<<", 1)]
)
def test_check_digits_of_the_icao_specimen(text: str, digit: int) -> None:
    assert check_digit(text) == digit


def test_the_specimen_parses_with_all_checks_holding() -> None:
    mrz = parse_td3(LINE1, LINE2)
    assert mrz.name == "ERIKSSON ANNA MARIA"
    assert mrz.number == "L898902C3"
    assert mrz.nationality == "UTO"
    assert mrz.birth_date == date(1974, 8, 12)
    assert mrz.expiry_date == date(2012, 4, 15)
    assert mrz.sex == "F"
    assert mrz.all_checks_ok


def test_a_misread_digit_fails_its_check_and_the_composite() -> None:
    misread = LINE2[:14] + "5" + LINE2[15:]  # birth 750812 instead of 740812
    mrz = parse_td3(LINE1, misread)
    assert not mrz.birth_ok
    assert not mrz.composite_ok
    assert mrz.number_ok
    assert not mrz.all_checks_ok


def test_the_mrz_is_found_among_other_lines_despite_spaces_and_guillemets() -> None:
    lines = [
        "旅券 PASSPORT",
        "P<UTOERIKSSON«ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
        LINE2.replace("<<", "< <"),
    ]
    found = find_td3(lines)
    assert found is not None
    assert parse_td3(*found).all_checks_ok


def test_a_character_too_many_and_a_letter_for_a_digit_are_repaired() -> None:
    slipped = LINE2[:9] + "3" + LINE2[9:-1] + "O"  # an extra 3 after the number, O for 0
    mrz = repair_td3(LINE1, slipped)
    assert mrz.all_checks_ok
    assert mrz.birth_date == date(1974, 8, 12)
