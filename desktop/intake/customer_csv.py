"""Reading the customer registry's CSV files (顧客台帳) of older systems: the encoding, the
headers, the mapping of columns to fields, and each row checked and normalized.

The file may be UTF-8 (with or without BOM) or Shift_JIS/CP932; its headers are recognised in
Japanese or English, or named by a mapping. Nothing here knows the database: the import service
adds the search keys and stores the rows.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import json
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal, NamedTuple, TextIO

from desktop.domain.eras import DateParseError, parse_date
from desktop.domain.errors import InvalidInput, KnownError
from desktop.matching.keys import digits_only

Encoding = Literal["utf-8", "cp932", "auto"]

_READ_CHUNK = 1 << 20
PREVIEW_ROWS = 5

FIELDS = ("customer_no", "name", "name_kana", "birth_date", "postal_code", "address", "phone")
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "customer_no": ("顧客番号", "会員番号", "customer_id", "customer_no"),
    "name": ("氏名", "名前", "name"),
    "name_kana": ("フリガナ", "カナ", "氏名カナ", "kana"),
    "birth_date": ("生年月日", "birth_date"),
    "postal_code": ("郵便番号", "postal_code", "zip"),
    "address": ("住所", "address"),
    "phone": ("電話番号", "phone", "tel"),
}
# Longest text each field may hold (the columns of the customers table).
_MAX_LENGTH = {
    "customer_no": 64,
    "name": 200,
    "name_kana": 200,
    "address": 400,
    "phone": 32,
}


class ImportRefused(KnownError):
    """The file, the mapping or the user cannot be used for an import; nothing was stored."""


@dataclass(frozen=True)
class RejectedRow:
    """A row left out, with the CSV line it ends on and why (Japanese and English)."""

    row: int
    reason_ja: str
    reason_en: str


class RowRejected(Exception):
    """Why one record cannot be imported (Japanese and English)."""

    def __init__(self, reason_ja: str, reason_en: str) -> None:
        super().__init__(reason_en)
        self.reason_ja = reason_ja
        self.reason_en = reason_en


class CustomerRecord(NamedTuple):
    """One record checked and normalized; `birth_date` is ISO text (YYYY-MM-DD) or None and
    `columns_json` the JSON object of every column of the record, already encoded."""

    customer_no: str
    name: str
    name_kana: str
    birth_date: str | None
    postal_code: str
    address: str
    phone: str
    columns_json: str


@dataclass(frozen=True)
class FileFacts:
    """What reading the whole file once tells: its hash, its encoding and its number of lines."""

    sha256: str
    encoding: str
    lines: int


_CODEC = {"utf-8": "utf-8-sig", "cp932": "cp932"}


def inspect_file(path: Path, encoding: Encoding) -> FileFacts:
    """SHA-256, the encoding that decodes the whole file, and its number of lines."""
    candidates = ["utf-8", "cp932"] if encoding == "auto" else [encoding]
    decoders = {name: codecs.getincrementaldecoder(name)("strict") for name in candidates}
    digest = hashlib.sha256()
    lines = 0
    binary = False
    try:
        with path.open("rb") as stream:
            while chunk := stream.read(_READ_CHUNK):
                digest.update(chunk)
                lines += chunk.count(b"\n")
                binary = binary or b"\0" in chunk
                for name, decoder in list(decoders.items()):
                    try:
                        decoder.decode(chunk)
                    except UnicodeDecodeError:
                        del decoders[name]
        for name, decoder in list(decoders.items()):
            try:
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                del decoders[name]
    except OSError as exc:
        raise ImportRefused(
            f"ファイル {path.name} を読めません: {exc.strerror}",
            f"Cannot read the file {path.name}: {exc.strerror}",
        ) from exc
    if binary or not decoders:
        wanted = " / ".join(candidates).upper()
        raise ImportRefused(
            f"{path.name} は {wanted} の CSV ファイルとして読めません。"
            "文字コードを確認するか、表計算ソフトで CSV として保存し直してください。",
            f"{path.name} cannot be read as a {wanted} CSV file. Check its encoding, or save "
            "it again as CSV from the spreadsheet program.",
        )
    return FileFacts(digest.hexdigest(), next(iter(decoders)), lines)


def open_text(path: Path, encoding: str) -> TextIO:
    """The file as text in the encoding `inspect_file` found, ready for `csv.reader`."""
    return path.open(encoding=_CODEC[encoding], newline="")


class Records:
    """`csv.reader` over `stream` whose malformed input (a field longer than the csv module's
    limit, 131,072 characters) is refused naming the line, instead of escaping as `csv.Error`."""

    def __init__(self, stream: TextIO, file_name: str) -> None:
        self._reader = csv.reader(stream)
        self._file_name = file_name

    @property
    def line_num(self) -> int:
        return self._reader.line_num

    def __iter__(self) -> Records:
        return self

    def __next__(self) -> list[str]:
        try:
            return next(self._reader)
        except csv.Error as exc:
            raise _malformed(self._file_name, self._reader.line_num, exc) from exc


def _malformed(file_name: str, line: int, exc: csv.Error) -> ImportRefused:
    if "field larger than field limit" in str(exc):
        limit = f"{csv.field_size_limit():,}"
        return ImportRefused(
            f"{file_name} の {line} 行目に {limit} 文字を超える項目があり、CSV として読めません。"
            "何も取り込んでいません。",
            f"Line {line} of {file_name} has a field longer than {limit} characters and cannot "
            "be read as CSV. Nothing was imported.",
        )
    return ImportRefused(
        f"{file_name} の {line} 行目を CSV として読めません（{exc}）。何も取り込んでいません。",
        f"Line {line} of {file_name} cannot be read as CSV ({exc}). Nothing was imported.",
    )


def check_records(path: Path, encoding: str) -> None:
    """Read every record once, so a file that is not valid CSV is refused before anything of it
    is stored (rows are written batch by batch: a failure half-way would leave half a file)."""
    with open_text(path, encoding) as stream:
        for _ in Records(stream, path.name):
            pass


def read_header(record: list[str] | None) -> list[str]:
    if not record:
        raise ImportRefused("ファイルが空です。", "The file is empty.")
    header = [h.strip() for h in record]
    duplicates = sorted(h for h, n in Counter(header).items() if n > 1)
    if duplicates:
        raise ImportRefused(
            f"見出しが重複しています: {'、'.join(duplicates)}",
            f"Duplicate column headers: {', '.join(duplicates)}",
        )
    return header


def column_indexes(header: list[str], mapping: Mapping[str, str] | None) -> dict[str, int]:
    """The column index of each field (-1: not in the file)."""
    unknown = sorted(set(mapping or {}) - set(FIELDS))
    if unknown:
        raise ImportRefused(
            f"対応表に不明な項目があります: {', '.join(unknown)}"
            f"（使える項目: {', '.join(FIELDS)}）",
            f"Unknown fields in the mapping: {', '.join(unknown)} (known: {', '.join(FIELDS)})",
        )
    folded = {h.casefold(): i for i, h in enumerate(header)}
    columns: dict[str, int] = {}
    for name in FIELDS:
        if mapping and name in mapping:
            if mapping[name] not in header:
                raise ImportRefused(
                    f"見出し「{mapping[name]}」がファイルにありません。",
                    f"The file has no column headed {mapping[name]!r}.",
                )
            columns[name] = header.index(mapping[name])
            continue
        found = [folded[a.casefold()] for a in HEADER_ALIASES[name] if a.casefold() in folded]
        columns[name] = found[0] if found else -1
    missing = [n for n in ("customer_no", "name") if columns[n] < 0]
    if missing:
        raise ImportRefused(
            f"顧客番号と氏名の列が見つかりません（{', '.join(missing)}）。"
            "--mapping で見出しを指定してください。",
            f"No column for {', '.join(missing)}; name the headers with --mapping.",
        )
    return columns


def batches(reader: Iterator[list[str]], size: int) -> Iterator[list[tuple[int, list[str]]]]:
    """Records with the CSV line they end on, `size` at a time; blank lines skipped."""
    batch: list[tuple[int, list[str]]] = []
    for record in reader:
        if not record or record == [""]:
            continue
        batch.append((getattr(reader, "line_num", 0), record))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


# One encoder for every row: `json.dumps` with options builds a new one each call.
_JSON = json.JSONEncoder(ensure_ascii=False, check_circular=False)


def read_record(record: list[str], header: list[str], columns: dict[str, int]) -> CustomerRecord:
    """Check and normalize one record; `RowRejected` says why it cannot be imported."""
    if len(record) != len(header):
        raise RowRejected(
            f"列の数が {len(record)} です（見出しは {len(header)} 列）",
            f"{len(record)} columns where the header has {len(header)}",
        )
    text = {f: record[i].strip() if i >= 0 else "" for f, i in columns.items()}
    if not text["customer_no"]:
        raise RowRejected("顧客番号がありません", "the customer number is missing")
    if not text["name"]:
        raise RowRejected("氏名がありません", "the name is missing")
    for name, limit in _MAX_LENGTH.items():
        if len(text[name]) > limit:
            raise RowRejected(
                f"{name} が長すぎます（{limit} 文字まで）", f"{name} is longer than {limit}"
            )
    return CustomerRecord(
        customer_no=text["customer_no"],
        name=text["name"],
        name_kana=text["name_kana"],
        birth_date=_birth_date(text["birth_date"]),
        postal_code=_postal_code(text["postal_code"]),
        address=text["address"],
        phone=text["phone"],
        columns_json=_JSON.encode(dict(zip(header, record, strict=True))),
    )


@lru_cache(maxsize=65536)
def _birth_date(text: str) -> str | None:
    """ISO text of the birth date (a registry repeats dates: parsed once each)."""
    if not text:
        return None
    try:
        return parse_date(text).isoformat()
    except DateParseError as exc:
        raise RowRejected("生年月日を日付として読めません", "the birth date is not a date") from exc


@lru_cache(maxsize=65536)
def _postal_code(text: str) -> str:
    """NNN-NNNN from any width and punctuation; empty stays empty."""
    if not text:
        return ""
    digits = digits_only(text)
    if len(digits) != 7:  # noqa: PLR2004 - Japanese postal codes have 7 digits
        raise RowRejected("郵便番号が 7 桁ではありません", "the postal code does not have 7 digits")
    return f"{digits[:3]}-{digits[3:]}"


@dataclass(frozen=True)
class Preview:
    """The first rows of a file as the import will read them."""

    encoding: str
    header: list[str]
    rows: list[list[str]]
    recognised: dict[str, str]  # field → header found by its usual names


def preview_file(path: Path, encoding: Encoding = "auto", rows: int = PREVIEW_ROWS) -> Preview:
    """Header, first `rows` records and recognised columns, for choosing the mapping."""
    detected = inspect_file(path, encoding).encoding
    with open_text(path, detected) as stream:
        reader = Records(stream, path.name)
        header = read_header(next(reader, None))
        first: list[list[str]] = []
        for record in reader:
            if len(first) >= rows:
                break
            if record and record != [""]:
                first.append(record)
    return Preview(detected, header, first, recognise_headers(header))


def recognise_headers(header: list[str]) -> dict[str, str]:
    """Field → header for the columns whose headers are the usual names (氏名, 住所 …)."""
    folded = {h.casefold(): h for h in header}
    found: dict[str, str] = {}
    for name in FIELDS:
        hits = [folded[a.casefold()] for a in HEADER_ALIASES[name] if a.casefold() in folded]
        if hits:
            found[name] = hits[0]
    return found


def load_mapping(path: Path) -> dict[str, str]:
    """Read a `--mapping` JSON file: `{"customer_no": "会員ID", …}`."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as exc:
        raise InvalidInput(
            f"対応表 {path.name} を JSON として読めません。",
            f"Cannot read the mapping {path.name} as JSON.",
        ) from exc
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in data.items()
    ):
        raise InvalidInput(
            '対応表は {"項目": "見出し"} の形の JSON にしてください。',
            'The mapping must be a JSON object like {"field": "header"}.',
        )
    return data
