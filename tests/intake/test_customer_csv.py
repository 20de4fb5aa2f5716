"""Reading a registry CSV without a database: encoding, headers, mapping and each record."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from desktop.intake.customer_csv import (
    ImportRefused,
    RowRejected,
    batches,
    column_indexes,
    inspect_file,
    read_header,
    read_record,
)

HEADER = ["会員ID", "氏名", "郵便番号", "生年月日", "備考"]


def test_a_shift_jis_file_is_recognised_and_counted(tmp_path: Path) -> None:
    path = tmp_path / "registry.csv"
    path.write_bytes("顧客番号,氏名\r\nC1,山田 太郎\r\n".encode("cp932"))
    facts = inspect_file(path, "auto")
    assert facts.encoding == "cp932"
    assert facts.lines == 2
    assert len(facts.sha256) == 64


def test_a_binary_file_or_a_duplicate_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "photo.csv"
    path.write_bytes(b"\x89PNG\0\0")
    with pytest.raises(ImportRefused):
        inspect_file(path, "auto")
    with pytest.raises(ImportRefused):
        read_header(["氏名", "住所", "氏名"])
    with pytest.raises(ImportRefused):
        read_header(None)


def test_a_mapping_names_the_columns_the_usual_headers_do_not() -> None:
    with pytest.raises(ImportRefused):
        column_indexes(HEADER, None)  # no customer number column by its usual names
    columns = column_indexes(HEADER, {"customer_no": "会員ID"})
    assert columns["customer_no"] == 0
    assert columns["name"] == 1
    assert columns["address"] == -1


def test_a_record_is_normalized_and_keeps_every_column() -> None:
    columns = column_indexes(HEADER, {"customer_no": "会員ID"})
    record = read_record(
        ["C1", " 山田 太郎 ", "１６０－００２３", "昭和50年4月1日", "メモ"], HEADER, columns
    )
    assert record.name == "山田 太郎"
    assert record.postal_code == "160-0023"
    assert record.birth_date == "1975-04-01"
    assert json.loads(record.columns_json)["備考"] == "メモ"


@pytest.mark.parametrize(
    ("values", "reason"),
    [
        (["C1", "山田", "", ""], "columns where the header has"),
        (["", "山田", "", "", ""], "customer number is missing"),
        (["C1", "山田", "123", "", ""], "7 digits"),
        (["C1", "山田", "", "いつか", ""], "not a date"),
    ],
)
def test_a_record_that_cannot_be_imported_says_why(values: list[str], reason: str) -> None:
    columns = column_indexes(HEADER, {"customer_no": "会員ID"})
    with pytest.raises(RowRejected, match=reason):
        read_record(values, HEADER, columns)


def test_batches_skip_blank_lines_and_keep_the_line_numbers() -> None:
    reader = csv.reader(io.StringIO("a\n\nb\nc\n"))
    assert list(batches(reader, 2)) == [[(1, ["a"]), (3, ["b"])], [(4, ["c"])]]
