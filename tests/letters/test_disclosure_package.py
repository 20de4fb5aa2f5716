"""Electromagnetic-record disclosure: the ZIP, the encrypted letter and the password sheet."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import pypdfium2
import pytest

from desktop.letters import (
    LetterKind,
    PackageError,
    disclosure_package,
    generate_password,
    password_sheet,
    specimen,
)
from tests.letters.pdf_reading import letter_text, page_texts, squash

RECORDS = {
    "お客様情報": [
        {"項目": "氏名", "内容": "山田 花子"},
        {"項目": "住所", "内容": '東京都新宿区西新宿二丁目8番1号, "見本ハイツ"305号室'},
    ],
    "ご注文履歴": [
        {"注文日": "2026-01-05", "商品": "見本の品"},
        {"注文日": "2026-02-05", "商品": "詰め合わせ", "備考": "改行を\n含む"},
    ],
    "a/b:c": [],
}
PASSWORD = "Xy7kPq3mRt9w"


@pytest.fixture(scope="module")
def package() -> zipfile.ZipFile:
    data = specimen(LetterKind.DISCLOSURE)
    return zipfile.ZipFile(io.BytesIO(disclosure_package(data, RECORDS, PASSWORD)))


def test_the_json_round_trips(package: zipfile.ZipFile) -> None:
    document = json.loads(package.read("data.json").decode("utf-8"))
    assert document["sections"] == RECORDS
    assert document["reference"] == specimen(LetterKind.DISCLOSURE).reference


def test_each_section_is_a_csv_that_excel_reads_as_utf8(package: zipfile.ZipFile) -> None:
    names = sorted(n for n in package.namelist() if n.endswith(".csv"))
    assert names == ["01_お客様情報.csv", "02_ご注文履歴.csv", "03_a_b_c.csv"]
    for name, (section, rows) in zip(names, RECORDS.items(), strict=True):
        raw = package.read(name)
        assert raw.startswith(b"\xef\xbb\xbf"), section
        read = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
        columns = list(dict.fromkeys(key for row in rows for key in row))
        assert read == [{c: row.get(c, "") for c in columns} for row in rows]


def test_the_letter_opens_only_with_the_password(package: zipfile.ZipFile) -> None:
    letter = package.read("letter.pdf")
    with pytest.raises(pypdfium2.PdfiumError):
        pypdfium2.PdfDocument(letter)
    with pytest.raises(pypdfium2.PdfiumError):
        pypdfium2.PdfDocument(letter, password="wrong-password")
    text = squash("".join(page_texts(letter, password=PASSWORD)))
    data = specimen(LetterKind.DISCLOSURE)
    assert data.reference in text
    assert squash(data.addressee.name + "様") in text


def test_the_password_sheet_prints_the_password_and_the_case() -> None:
    data = specimen(LetterKind.DISCLOSURE)
    text = letter_text(password_sheet(data, PASSWORD))
    assert PASSWORD in text
    assert data.reference in text
    assert squash(data.addressee.name + "様") in text
    # the sheet is about the password only: none of the disclosed data is on it
    assert data.disclosed[0].rows[0][1] not in text


def test_a_short_password_is_refused() -> None:
    with pytest.raises(PackageError) as error:
        disclosure_package(specimen(LetterKind.DISCLOSURE), RECORDS, "abc")
    assert "8文字以上" in error.value.message("ja")


def test_generated_passwords_are_long_random_and_unambiguous() -> None:
    passwords = {generate_password() for _ in range(200)}
    assert len(passwords) == 200
    for password in passwords:
        assert len(password) == 12
        assert not set(password) & set("0Oo1Il")
        assert any(c.isdigit() for c in password)
        assert any(c.isalpha() for c in password)
