"""No My Number and no health-insurance number survives reading: not in the text, the fields, the
JSON, nor in what a fresh Tesseract read of the stored image shows; a licence number stays."""

from __future__ import annotations

import io
import json
import os
import re

import pytesseract
import pytest
from PIL import Image
from stdnum.jp import in_

from desktop.domain.documents import DocumentKind, FieldName
from desktop.domain.personal_numbers import is_my_number
from desktop.ocr.pipeline import PageResult, read_page
from tests.ocr.conftest import Reader
from tests.ocr.render import render

MY_NUMBER = "52813706421" + in_.calc_check_digit("52813706421")


def digits_of(text: str) -> str:
    return re.sub(r"\D", "", text)


def fresh_read(result: PageResult) -> str:
    """What Tesseract alone reads on the stored image, upright and upside down."""
    os.environ["OMP_THREAD_LIMIT"] = "1"
    image = Image.open(io.BytesIO(result.image_data)).convert("L")
    return pytesseract.image_to_string(image, lang="jpn", config="--dpi 300 --psm 6")


def assert_nowhere(secrets: list[str], result: PageResult) -> None:
    shown = result.text + json.dumps(result.to_json("f", 1), ensure_ascii=False)
    shown += json.dumps(result.extras, ensure_ascii=False)
    shown += "".join(str(r.value) for r in result.fields.values())
    fresh = fresh_read(result)
    for secret in secrets:
        assert digits_of(secret) not in digits_of(shown)
        assert digits_of(secret) not in digits_of(fresh)


@pytest.mark.parametrize("degradations", [(), ("upside_down",)])
def test_my_number_card_back_is_masked_and_flagged(
    read_sample: Reader, degradations: tuple[str, ...]
) -> None:
    sample, result = read_sample("mynumber_back", 4, *degradations)
    assert result.kind is DocumentKind.MYNUMBER_BACK
    assert "mynumber_back_received" in result.warnings
    assert {r.reason for r in result.masked} == {"my_number"}
    assert sample.secret_numbers
    assert_nowhere(sample.secret_numbers, result)


@pytest.mark.parametrize("degradations", [(), ("skew", "noise")])
def test_health_insurance_numbers_are_masked(
    read_sample: Reader, degradations: tuple[str, ...]
) -> None:
    sample, result = read_sample("health_insurance", 5, *degradations)
    assert result.kind is DocumentKind.HEALTH_INSURANCE
    reasons = {r.reason for r in result.masked}
    assert {"insurance_number", "insurer_number"} <= reasons
    assert result.fields[FieldName.NUMBER].value is None
    assert_nowhere(sample.secret_numbers, result)
    # The clerk still gets the holder's name and birth date.
    assert result.fields[FieldName.BIRTH_DATE].value == sample.fields["birth_date"]


def test_a_my_number_printed_on_another_document_is_masked() -> None:
    page = render(
        [
            (60, 40, "住民票の写し", 44),
            (60, 140, "氏名 山田 太郎", 34),
            (60, 210, "住所 東京都新宿区西新宿二丁目8番1号", 34),
            (60, 280, f"個人番号 {MY_NUMBER[:4]} {MY_NUMBER[4:8]} {MY_NUMBER[8:]}", 34),
            (60, 350, "世帯主 山田 太郎", 34),
        ],
        size=(1240, 460),
    )
    result = read_page(page, 300)
    assert [r.reason for r in result.masked] == ["my_number"]
    assert "my_number_masked" in result.warnings
    assert_nowhere([MY_NUMBER], result)
    assert result.fields[FieldName.NAME].value == "山田 太郎"


def test_a_licence_number_with_a_my_number_check_digit_is_kept() -> None:
    number = "30123456789" + in_.calc_check_digit("30123456789")
    assert is_my_number(number)  # the case that must not be mistaken for a My Number
    card = render(
        [
            (40, 30, "氏名 山田 太郎", 34),
            (520, 36, "昭和60年 1月 1日生", 28),
            (40, 100, "住所 東京都新宿区西新宿二丁目8番1号", 30),
            (40, 220, "2027年(令和09年)05月01日まで有効", 32),
            (40, 380, f"番号 第 {number} 号", 34),
            (40, 560, "運転免許証", 32),
            (620, 560, "東京都公安委員会", 28),
        ]
    )
    result = read_page(card, 300)
    assert result.kind is DocumentKind.DRIVERS_LICENSE
    assert result.masked == ()
    assert result.fields[FieldName.NUMBER].value == number
    assert number in digits_of(result.text)


def test_a_blurred_my_number_card_back_is_still_recognised_and_masked(read_sample: Reader) -> None:
    # Blur takes the small print that names the card; the number's check digit still tells.
    sample, result = read_sample("mynumber_back", 1, "blur")
    assert result.kind is DocumentKind.MYNUMBER_BACK
    assert "mynumber_back_received" in result.warnings
    assert_nowhere(sample.secret_numbers, result)
