"""Disclosure as an electromagnetic record (電磁的記録): a ZIP of the data and the letter.

The ZIP holds `data.json`, one CSV per section and `letter.pdf`, the letter encrypted with a
password that Kaiji Desk generates and prints on a separate sheet, mailed apart from the data.

CSV files are UTF-8 with a byte-order mark: Excel on Japanese Windows reads BOM-less CSV as
Shift_JIS and garbles every kanji, and the BOM is harmless to other programs. JSON has no BOM
(RFC 8259 forbids one).
"""

from __future__ import annotations

import csv
import io
import json
import re
import secrets
import zipfile

from desktop.domain.errors import InvalidInput
from desktop.letters.compose import Para, compose, frame_letter, placeholder_values
from desktop.letters.model import LetterData
from desktop.letters.render import render_composed
from desktop.letters.texts import PASSWORD_SHEET, fill, load_texts
from desktop.letters.validation import check_letter

# No 0/O/o, 1/I/l: the requester types the password from paper.
PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789"
PASSWORD_LENGTH = 12
_UNSAFE_FILENAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


class PackageError(InvalidInput):
    """The disclosure package cannot be made from what was given (no password, odd records)."""


def generate_password(length: int = PASSWORD_LENGTH) -> str:
    """A random password from unambiguous characters, with at least one digit and one letter."""
    while True:
        password = "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(length))
        if any(c.isdigit() for c in password) and any(c.isalpha() for c in password):
            return password


def _columns(rows: list[dict[str, str]]) -> list[str]:
    """Every key of the rows, in order of first appearance (rows need not share all keys)."""
    columns: dict[str, None] = {}
    for row in rows:
        columns.update(dict.fromkeys(row))
    return list(columns)


def _csv_bytes(rows: list[dict[str, str]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=_columns(rows), restval="", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def csv_name(index: int, section: str) -> str:
    """A file name for the CSV of `section` that every operating system accepts."""
    cleaned = _UNSAFE_FILENAME.sub("_", section).strip(" .") or "data"
    return f"{index:02d}_{cleaned}.csv"


def _check_records(records: dict[str, list[dict[str, str]]]) -> None:
    for section, rows in records.items():
        for row in rows:
            if not all(isinstance(k, str) and isinstance(v, str) for k, v in row.items()):
                raise PackageError(
                    f"開示データ「{section}」に文字列でない値があります。",
                    f"The disclosed data {section!r} holds a value that is not text.",
                )


def disclosure_package(
    data: LetterData, records: dict[str, list[dict[str, str]]], password: str
) -> bytes:
    """The ZIP for an electromagnetic-record disclosure: data.json, CSVs, encrypted letter.pdf."""
    if len(password) < 8:
        raise PackageError(
            "開示データのパスワードは8文字以上にしてください。",
            "The password for the disclosed data must be at least 8 characters long.",
        )
    _check_records(records)
    letter = render_composed([compose(data)], password=password)
    document = {
        "reference": data.reference,
        "date": data.letter_date.isoformat(),
        "sections": records,
    }
    stamp = (data.letter_date.year, data.letter_date.month, data.letter_date.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:

        def add(name: str, content: bytes) -> None:
            archive.writestr(zipfile.ZipInfo(name, date_time=stamp), content)

        add("data.json", json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8"))
        for index, (section, rows) in enumerate(records.items(), start=1):
            add(csv_name(index, section), _csv_bytes(rows))
        add("letter.pdf", letter)
    return out.getvalue()


def password_sheet(data: LetterData, password: str) -> bytes:
    """A one-page letter giving the password of the disclosed data, to be mailed separately."""
    check_letter(data)
    common = load_texts("common", data.language)
    texts = load_texts(PASSWORD_SHEET, data.language)
    values = placeholder_values(data, common)
    source = f"{data.language}/{PASSWORD_SHEET}"
    blocks = [
        Para(texts.subject, "subject"),
        *(Para(fill(paragraph, values, source)) for paragraph in texts.body),
        Para(texts.text("password_label"), "center"),
        Para(password, "password"),
    ]
    return render_composed([frame_letter(data, common, blocks)])
