"""Every parser of outside input (addresses, names and readings, mail numbers, dates) answers any
text — huge, empty, dashes only, digits beyond Python's conversion limit — with a result or a
refusal a clerk can read, never a crash, and in time linear in a capped length."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from desktop.domain.eras import parse_date
from desktop.domain.errors import KnownError
from desktop.matching._address_parse import MAX_ADDRESS_CHARS
from desktop.matching.addresses import address_key, compare_addresses, parse_address
from desktop.matching.names import compare_names, compare_readings, romaji_matches_kana
from desktop.matching.tracking import check_tracking

# What people and scans put in these fields: Japanese, digits of every width, dashes, spaces.
_ALPHABET = st.sampled_from(
    list("0123456789０１２３４５６７８９-－ー―‐−丁目番地号室東京都港区芝公園1アイウエオンッャ ")
    + ["ー", "ヴ", "髙", "﨑", "A", "O", "\u3000", "\n"]
)
outside_text = st.text(_ALPHABET, max_size=400) | st.text(max_size=200)

_FUZZ = settings(max_examples=300, deadline=None)


@_FUZZ
@given(outside_text, outside_text)
@example("1" * 4301, "東京都港区芝公園1-1")
@example("東京都千代田区1-" + "1-" * 20000, "")
@example("ーー", "－－－")
def test_addresses_parse_and_compare_anything(a: str, b: str) -> None:
    parse_address(a)
    address_key(a)
    compare_addresses(a, b)


@_FUZZ
@given(outside_text, outside_text)
@example("ONO", "ーー")
@example("ー", "ー")
@example("A" * 1200, "ア" * 1200)
def test_names_and_readings_compare_anything(a: str, b: str) -> None:
    compare_names(a, b)
    compare_readings(a, b)
    romaji_matches_kana(a, b)
    romaji_matches_kana(a.upper(), b)


@_FUZZ
@given(outside_text)
@example("1" * 5000)
@example("RR12345678JP" * 100)
def test_mail_numbers_check_anything(text: str) -> None:
    check_tracking(text)


@_FUZZ
@given(outside_text)
@example("S" + "9" * 5000 + ".1.1")
@example("令和" + "１" * 4400 + "年1月1日")
def test_dates_parse_or_are_refused(text: str) -> None:
    refusal: KnownError | None = None
    try:
        parse_date(text)
    except KnownError as refused:
        refusal = refused
    if refusal is not None:
        assert refusal.message_ja
        assert refusal.message_en


def test_only_an_address_sized_start_of_a_huge_text_is_parsed() -> None:
    """A 40,000-character "address" took seconds: the work now stops at a real address's size."""
    for huge in ("東京都千代田区1-" + "1-" * 20000, "東京都千代田区" + "あ" * 40000):
        assert parse_address(huge) == parse_address(huge[:MAX_ADDRESS_CHARS])
