"""Electromagnetic-record disclosure: one AES-256 PDF (the letter) carrying the data files, the
password on its own sheet."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pikepdf
import pypdfium2
import pytest

from desktop.domain.spreadsheet import neutralise
from desktop.letters import (
    DisclosedSection,
    LetterKind,
    PackageError,
    disclosure_package,
    generate_password,
    password_sheet,
    render_letter,
    specimen,
)
from tests.letters.pdf_reading import letter_text, page_texts, squash

SECTIONS = (
    DisclosedSection(
        "お客様情報",
        ("氏名", "住所"),
        (("山田 花子", '東京都新宿区西新宿二丁目8番1号, "見本ハイツ"305号室'),),
    ),
    DisclosedSection(
        "ご注文履歴",
        ("注文日", "商品", "備考"),
        (("2026-01-05", "見本の品", ""), ("2026-02-05", "=1+2", "改行を\n含む")),
    ),
    DisclosedSection("a/b:c", ("x",), (("-5",),)),
)
PASSWORD = "Xy7kPq3mRt9w"
LETTER_DATE = date(2026, 11, 20)


@pytest.fixture(scope="module")
def package() -> bytes:
    letter = render_letter(specimen(LetterKind.DISCLOSURE))
    return disclosure_package(letter, "KD2026-000007", LETTER_DATE, SECTIONS, PASSWORD)


def _files(package: bytes) -> dict[str, bytes]:
    with pikepdf.open(io.BytesIO(package), password=PASSWORD) as pdf:
        return {name: spec.get_file().read_bytes() for name, spec in pdf.attachments.items()}


def test_the_json_carries_every_table_by_label(package: bytes) -> None:
    document = json.loads(_files(package)["data.json"].decode("utf-8"))
    assert document["reference"] == "KD2026-000007"
    assert document["date"] == "2026-11-20"
    assert [s["title"] for s in document["sections"]] == ["お客様情報", "ご注文履歴", "a/b:c"]
    assert document["sections"][1]["records"][1] == {
        "注文日": "2026-02-05",
        "商品": "=1+2",
        "備考": "改行を\n含む",
    }


def test_each_table_is_a_csv_that_excel_reads_as_utf8_without_formulas(package: bytes) -> None:
    files = _files(package)
    names = sorted(n for n in files if n.endswith(".csv"))
    assert names == ["01_お客様情報.csv", "02_ご注文履歴.csv", "03_a_b_c.csv"]
    for name, section in zip(names, SECTIONS, strict=True):
        raw = files[name]
        assert raw.startswith(b"\xef\xbb\xbf"), name
        read = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
        assert read[0] == list(section.columns)
        assert read[1:] == [[neutralise(c) for c in row] for row in section.rows]
    assert "'=1+2" in files["02_ご注文履歴.csv"].decode("utf-8-sig")
    assert "'-5" in files["03_a_b_c.csv"].decode("utf-8-sig")


def test_the_package_opens_only_with_the_password_and_is_aes256(package: bytes) -> None:
    with pytest.raises(pypdfium2.PdfiumError):
        pypdfium2.PdfDocument(package)
    with pytest.raises(pypdfium2.PdfiumError):
        pypdfium2.PdfDocument(package, password="wrong-password")
    with pikepdf.open(io.BytesIO(package), password=PASSWORD) as pdf:
        assert pdf.encryption.R == 6
        assert pdf.encryption.stream_method.name == "aesv3"
        assert pdf.encryption.file_method.name == "aesv3"
    text = squash("".join(page_texts(package, password=PASSWORD)))
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
    letter = render_letter(specimen(LetterKind.DISCLOSURE))
    with pytest.raises(PackageError) as error:
        disclosure_package(letter, "KD2026-000007", LETTER_DATE, SECTIONS, "abc")
    assert "8文字以上" in error.value.message("ja")


def test_formula_cells_are_neutralised_and_others_kept() -> None:
    for cell in ("=SUM(A1)", "+81", "-1", "@cmd", "\t=1", "\r=1"):
        assert neutralise(cell) == "'" + cell
    for cell in ("山田", "1,000", "", "a=b", "'quoted"):
        assert neutralise(cell) == cell


def test_generated_passwords_are_long_random_and_unambiguous() -> None:
    passwords = {generate_password() for _ in range(200)}
    assert len(passwords) == 200
    for password in passwords:
        assert len(password) == 12
        assert not set(password) & set("0Oo1Il")
        assert any(c.isdigit() for c in password)
        assert any(c.isalpha() for c in password)
