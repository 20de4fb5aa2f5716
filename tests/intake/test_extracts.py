"""Extracts from other systems: CSV/TSV in UTF-8 or CP932, and Excel workbooks, read as text."""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from openpyxl import Workbook

from desktop.intake.extracts import ExtractRefused, read_extract_bytes

HEADERS = ("注文日", "商品", "金額")


def test_a_cp932_csv_reads_like_a_utf8_one() -> None:
    text = "注文日,商品,金額\r\n2026-01-05,髙﨑の見本,1200\r\n"
    sjis = read_extract_bytes("a.csv", text.replace("髙﨑", "高崎").encode("cp932"))
    utf8 = read_extract_bytes("a.csv", ("\ufeff" + text).encode("utf-8"))
    assert sjis.headers == utf8.headers == HEADERS
    assert sjis.rows == (("2026-01-05", "高崎の見本", "1200"),)
    assert utf8.rows == (("2026-01-05", "髙﨑の見本", "1200"),)
    assert (sjis.encoding, utf8.encoding) == ("cp932", "utf-8")


def test_a_tsv_and_short_rows_are_read_to_the_full_width() -> None:
    extract = read_extract_bytes("a.tsv", "注文日\t商品\t金額\n2026-01-05\t品\n\n".encode())
    assert extract.rows == (("2026-01-05", "品", ""),)


def test_an_xlsx_gives_dates_as_iso_and_whole_numbers_without_a_point() -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(list(HEADERS))
    sheet.append([datetime(2026, 1, 5), "見本", 1200.0])
    sheet.append([date(2026, 2, 1), None, 12.5])
    out = io.BytesIO()
    book.save(out)
    extract = read_extract_bytes("a.xlsx", out.getvalue())
    assert extract.headers == HEADERS
    assert extract.rows == (("2026-01-05", "見本", "1200"), ("2026-02-01", "", "12.5"))
    assert extract.encoding == "xlsx"


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("a.pdf", b"%PDF", "CSV・TSV・Excel"),
        ("a.csv", b"", "データがありません"),
        ("a.csv", b"a,,b\n1,2,3\n", "空の列名"),
        ("a.csv", b"a,a\n1,2\n", "同じ列名"),
        ("a.xlsx", b"not a workbook", "Excel ファイルを読めません"),
    ],
)
def test_unusable_files_are_refused_in_words(name: str, content: bytes, words: str) -> None:
    with pytest.raises(ExtractRefused) as error:
        read_extract_bytes(name, content)
    assert words in error.value.message("ja")
