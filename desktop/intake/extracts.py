"""Reading an extract staff attach to a case: what another system holds about the person.

CSV or TSV in UTF-8 (with or without BOM) or CP932, or an Excel workbook (.xlsx, its first
sheet, read with openpyxl). The first row names the columns. Every value becomes text: dates as
ISO (YYYY-MM-DD), whole numbers without ".0". Nothing here knows the database.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from desktop.domain.errors import InvalidInput

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 10_000
MAX_COLUMNS = 200
SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx")


class ExtractRefused(InvalidInput):
    """The file cannot be read as an extract; nothing was attached."""


@dataclass(frozen=True)
class Extract:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    encoding: str  # "utf-8", "cp932" or "xlsx"


def _decode(raw: bytes) -> tuple[str, str]:
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp932"), "cp932"
    except UnicodeDecodeError:
        raise ExtractRefused(
            "ファイルの文字コードを読み取れません（UTF-8 または Shift_JIS で保存してください）。",
            "The file's encoding cannot be read (save it as UTF-8 or Shift_JIS).",
        ) from None


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _table(rows: list[list[str]], encoding: str) -> Extract:
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        raise ExtractRefused("ファイルにデータがありません。", "The file holds no data.")
    headers = [h.strip() for h in rows[0]]
    while headers and not headers[-1]:
        headers.pop()
    if not headers or any(not h for h in headers):
        raise ExtractRefused(
            "1行目に空の列名があります。1行目には各列の名前を入れてください。",
            "The first row has an empty column name; it must name every column.",
        )
    if len(set(headers)) != len(headers):
        raise ExtractRefused("1行目に同じ列名が二つあります。", "Two columns share a name.")
    if len(headers) > MAX_COLUMNS or len(rows) - 1 > MAX_ROWS:
        raise ExtractRefused(
            f"列は{MAX_COLUMNS}列、行は{MAX_ROWS}行までです。",
            f"An extract may have at most {MAX_COLUMNS} columns and {MAX_ROWS} rows.",
        )
    width = len(headers)
    body = tuple(tuple((row + [""] * width)[:width]) for row in rows[1:])
    return Extract(tuple(headers), body, encoding)


def _read_xlsx(raw: bytes) -> Extract:
    from openpyxl import load_workbook  # a few hundred ms to import: only when a workbook comes

    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a damaged file
        raise ExtractRefused(
            "Excel ファイルを読めません（.xlsx 形式で保存してください）。",
            f"The Excel file cannot be read (save it as .xlsx): {exc}",
        ) from exc
    try:
        sheet = book.worksheets[0]
        rows: list[list[str]] = []
        for row in sheet.iter_rows(values_only=True):
            rows.append([_cell(value) for value in row])
            if len(rows) > MAX_ROWS + 1:
                break
    finally:
        book.close()
    return _table(rows, "xlsx")


def read_extract_bytes(name: str, raw: bytes) -> Extract:
    """The extract in `raw`, a file called `name` (its suffix says the format)."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        raise ExtractRefused(
            "抽出データは CSV・TSV・Excel（.xlsx）のファイルで添付してください。",
            "Attach an extract as a CSV, TSV or Excel (.xlsx) file.",
        )
    if len(raw) > MAX_BYTES:
        raise ExtractRefused(
            "ファイルが大きすぎます（20MBまで）。", "The file is too large (20 MB at most)."
        )
    if suffix == ".xlsx":
        return _read_xlsx(raw)
    text, encoding = _decode(raw)
    first = text.split("\n", 1)[0]
    delimiter = "\t" if suffix == ".tsv" or first.count("\t") > first.count(",") else ","
    try:
        rows = [list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as exc:
        raise ExtractRefused(
            f"CSV を読めません: {exc}", f"The CSV file cannot be read: {exc}"
        ) from exc
    return _table(rows, encoding)


def read_extract(path: Path) -> Extract:
    """The extract in the file at `path`."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ExtractRefused(
                "ファイルが大きすぎます（20MBまで）。", "The file is too large (20 MB at most)."
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise ExtractRefused(
            f"{path.name} を読めません: {exc.strerror}", f"Cannot read {path.name}: {exc.strerror}"
        ) from exc
    return read_extract_bytes(path.name, raw)
