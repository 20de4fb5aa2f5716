"""Tests of Japan Post tracking numbers: normalization, service, check digit, display form."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.matching.tracking import (
    MailService,
    TrackingCheck,
    check_tracking,
    format_tracking,
    normalize_tracking,
)

# 1234567890 mod 7 = 3; 12345678901 mod 7 = 3;
# S10 serial 12345678: 1·8+2·6+3·4+4·2+5·3+6·5+7·9+8·7 = 204, 204 mod 11 = 6, 11 − 6 = 5.
REGISTERED_OK = "12345678903"
PARCEL_OK = "123456789013"
S10_OK = "RR123456785JP"

HYPHENS = [
    "-",
    "\u2010",
    "\u2011",
    "\u2012",
    "\u2013",
    "\u2014",
    "\u2015",
    "\u2212",
    "\u30fc",
    "\uff70",
    "\u2500",
    "\u2501",
    "\uff0d",
]


def test_registered_number_with_a_good_check_digit() -> None:
    result = check_tracking("123-45-67890-3")
    assert result == TrackingCheck(
        number="123-45-67890-3",
        normalized=REGISTERED_OK,
        service=MailService.REGISTERED,
        valid_format=True,
        check_digit_ok=True,
        formatted="123-45-67890-3",
    )


@pytest.mark.parametrize(
    ("text", "service", "formatted"),
    [
        (REGISTERED_OK, MailService.REGISTERED, "123-45-67890-3"),
        (PARCEL_OK, MailService.PARCEL, "1234-5678-9013"),
        (S10_OK, MailService.INTERNATIONAL, S10_OK),
        ("AA473124829GB", MailService.INTERNATIONAL, "AA473124829GB"),  # the UPU S10 example
        ("RR000000080JP", MailService.INTERNATIONAL, "RR000000080JP"),  # 11 − 1 = 10 → 0
        ("RR000000155JP", MailService.INTERNATIONAL, "RR000000155JP"),  # 11 − 0 = 11 → 5
    ],
)
def test_check_digit_ok(text: str, service: MailService, formatted: str) -> None:
    result = check_tracking(text)
    assert (result.service, result.valid_format, result.check_digit_ok) == (service, True, True)
    assert result.formatted == formatted


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("12345678904", MailService.REGISTERED),
        ("12345678902", MailService.REGISTERED),
        ("123456789014", MailService.PARCEL),
        ("123456789012", MailService.PARCEL),
        ("RR123456786JP", MailService.INTERNATIONAL),
        ("RR123456784JP", MailService.INTERNATIONAL),
        ("RR000000085JP", MailService.INTERNATIONAL),  # 10 must become 0, not stay as 5 or so
    ],
)
def test_off_by_one_check_digit_is_flagged_but_format_valid(
    text: str, service: MailService
) -> None:
    result = check_tracking(text)
    assert (result.service, result.valid_format, result.check_digit_ok) == (service, True, False)


@pytest.mark.parametrize("hyphen", HYPHENS)
def test_every_hyphen_look_alike_is_removed(hyphen: str) -> None:
    text = hyphen.join(["123", "45", "67890", "3"])
    assert normalize_tracking(text) == REGISTERED_OK
    assert check_tracking(text).check_digit_ok is True


def test_full_width_letters_digits_and_spaces() -> None:
    result = check_tracking("ｒｒ　１２３４５６７８５　ｊｐ")
    assert result.normalized == S10_OK
    assert result.service is MailService.INTERNATIONAL
    assert result.check_digit_ok is True
    assert normalize_tracking("１２３４－５６７８－９０１３") == PARCEL_OK
    assert normalize_tracking(" 123 45\t67890 3\n") == REGISTERED_OK


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "1234567890",  # 10 digits
        "1234567890123",  # 13 digits
        "1234567890A",  # letter in a domestic number
        "123-45-6789O-3",  # OCR's O for 0
        "R123456785JP",  # one letter only
        "RR12345678JP",  # 8 digits
        "RR1234567855JP",
        "121234567851P",
        "書留12345678903",
    ],
)
def test_invalid_format(text: str) -> None:
    result = check_tracking(text)
    assert result.valid_format is False
    assert result.service is None
    assert result.check_digit_ok is None
    assert result.formatted == result.normalized


def test_to_json_has_exactly_the_cli_keys() -> None:
    assert check_tracking("ＲＲ１２３４５６７８５ＪＰ").to_json() == {
        "number": "ＲＲ１２３４５６７８５ＪＰ",
        "normalized": S10_OK,
        "service": "international",
        "valid_format": True,
        "check_digit_ok": True,
    }
    assert check_tracking("abc").to_json() == {
        "number": "abc",
        "normalized": "ABC",
        "service": None,
        "valid_format": False,
        "check_digit_ok": None,
    }


def test_format_tracking() -> None:
    assert format_tracking(REGISTERED_OK) == "123-45-67890-3"
    assert format_tracking(PARCEL_OK) == "1234-5678-9013"
    assert format_tracking("1234－5678－9013") == "1234-5678-9013"
    assert format_tracking(S10_OK) == S10_OK
    assert format_tracking("12345") == "12345"


@given(st.text())
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize_tracking(text)
    assert normalize_tracking(once) == once


@given(st.text(alphabet="0123456789", min_size=10, max_size=10))
def test_any_ten_digits_with_their_check_digit_are_valid(digits: str) -> None:
    result = check_tracking(digits + str(int(digits) % 7))
    assert (result.service, result.valid_format, result.check_digit_ok) == (
        MailService.REGISTERED,
        True,
        True,
    )
    assert normalize_tracking(result.formatted) == result.normalized


@given(st.text(alphabet="0123456789", min_size=11, max_size=11))
def test_any_eleven_digits_with_their_check_digit_are_valid_parcels(digits: str) -> None:
    good = digits + str(int(digits) % 7)
    bad = digits + str((int(digits) % 7 + 1) % 10)
    assert check_tracking(good).check_digit_ok is True
    assert check_tracking(bad).check_digit_ok is False
