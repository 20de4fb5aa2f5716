"""Confident nonsense is not output: an implausible or unsure value is emptied and flagged."""

from __future__ import annotations

from datetime import date

from desktop.domain.documents import FieldName
from desktop.ocr.honest import plausible_fields
from desktop.ocr.pipeline import read_page
from desktop.ocr.results import ABSENT, FieldReading
from tests.ocr.render import render

TODAY = date(2026, 12, 2)


def fields(**values: tuple[str, float]) -> dict[FieldName, FieldReading]:
    read = dict.fromkeys(FieldName, ABSENT)
    for name, (value, confidence) in values.items():
        read[FieldName(name)] = FieldReading(value, confidence, (0, 0, 10, 10))
    return read


def test_plausible_values_are_kept() -> None:
    read = fields(
        name=("山田 太郎", 0.9),
        address=("東京都千代田区霞が関1丁目1番1号", 0.8),
        postal_code=("1000013", 0.9),
        birth_date=("1988-11-02", 0.9),
        expiry_date=("2031-05-01", 0.9),
    )
    kept, findings = plausible_fields(read, TODAY)
    assert kept == read
    assert findings == []


def test_a_sentence_a_heading_a_zero_postal_code_and_a_future_birth_are_emptied() -> None:
    read = fields(
        name=("上記の者を代理人と定め下記自動車の申請に関する権限を委任します", 0.9),
        name_kana=("委任状", 0.9),
        address=("受任 者", 0.87),
        postal_code=("0000000", 0.9),
        birth_date=("2150-01-01", 0.9),
    )
    kept, findings = plausible_fields(read, TODAY)
    assert all(kept[name].value is None for name in FieldName)
    assert sorted(findings) == [
        "address_unsure",
        "birth_date_unsure",
        "name_kana_unsure",
        "name_unsure",
        "postal_code_unsure",
    ]


def test_a_name_read_with_next_to_no_confidence_is_left_for_the_clerk() -> None:
    kept, findings = plausible_fields(fields(name=("山田 太郎", 0.1)), TODAY)
    assert kept[FieldName.NAME].value is None
    assert findings == ["name_unsure"]


def test_date_with_padding_spaces_reads_as_printed() -> None:
    image = render(
        [
            (60, 80, "健康保険被保険者証", 36),
            (60, 200, "氏名 山田 太郎", 32),
            (60, 300, "生年月日 昭和63年11月 2日", 32),
        ]
    )
    result = read_page(image, 300)
    assert result.fields[FieldName.BIRTH_DATE].value == "1988-11-02"


def test_no_postal_code_from_a_telephone_number() -> None:
    image = render(
        [
            (60, 80, "委任状", 40),
            (60, 200, "住所 福岡市中央区天神1-1-1", 30),
            (60, 300, "TEL 092-000-0000", 30),
        ],
        size=(1240, 1754),
    )
    result = read_page(image, 150)
    assert result.fields[FieldName.POSTAL_CODE].value is None
