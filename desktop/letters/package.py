"""Disclosure as an electromagnetic record (電磁的記録): one PDF encrypted with AES-256 (PDF 2.0
security handler, revision 6), the issued letter with its annex, carrying the disclosed data as
embedded files (`data.json` and one CSV per table). Nothing travels in clear beside it.

Why a PDF and not an AES ZIP: Windows' and macOS's own archive tools open only ZipCrypto ZIPs
(broken), and AES ZIPs need 7-Zip or similar; every free PDF reader (Adobe Acrobat Reader,
the browsers' viewers, macOS Preview) opens an AES-256 PDF with the password and lists its
attachments. The password is printed on its own sheet, mailed apart (`password_sheet`).

CSV files are UTF-8 with a byte-order mark: Excel on Japanese Windows reads BOM-less CSV as
Shift_JIS and garbles every kanji. Cells a spreadsheet would run as a formula are neutralised
(`domain/spreadsheet.py`). JSON has no BOM (RFC 8259 forbids one).
"""

from __future__ import annotations

import csv
import io
import json
import re
import secrets
from collections.abc import Sequence
from datetime import date

import pikepdf

from desktop.domain.errors import InvalidInput
from desktop.domain.spreadsheet import neutralise
from desktop.letters.compose import Para, frame_letter, placeholder_values
from desktop.letters.model import DisclosedSection, LetterData
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


def csv_bytes(section: DisclosedSection) -> bytes:
    """The table as CSV: its labels as the header row, every cell safe to open in a spreadsheet."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([neutralise(c) for c in section.columns])
    writer.writerows([neutralise(cell) for cell in row] for row in section.rows)
    return buffer.getvalue().encode("utf-8-sig")


def csv_name(index: int, section: str) -> str:
    """A file name for the CSV of `section` that every operating system accepts."""
    cleaned = _UNSAFE_FILENAME.sub("_", section).strip(" .") or "data"
    return f"{index:02d}_{cleaned}.csv"


def data_json(reference: str, letter_date: date, sections: Sequence[DisclosedSection]) -> bytes:
    """The disclosed tables as JSON: each a title and its records keyed by label."""
    document = {
        "reference": reference,
        "date": letter_date.isoformat(),
        "sections": [
            {
                "title": s.title,
                "records": [dict(zip(s.columns, row, strict=True)) for row in s.rows],
            }
            for s in sections
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


def data_files(
    reference: str, letter_date: date, sections: Sequence[DisclosedSection]
) -> dict[str, bytes]:
    """The files the package carries besides the letter, by name."""
    files = {"data.json": data_json(reference, letter_date, sections)}
    for index, section in enumerate(sections, start=1):
        files[csv_name(index, section.title)] = csv_bytes(section)
    return files


def disclosure_package(
    letter_pdf: bytes,
    reference: str,
    letter_date: date,
    sections: Sequence[DisclosedSection],
    password: str,
) -> bytes:
    """The issued letter as an AES-256 PDF that opens only with `password`, the data attached."""
    if len(password) < 8:
        raise PackageError(
            "開示データのパスワードは8文字以上にしてください。",
            "The password for the disclosed data must be at least 8 characters long.",
        )
    stamp = f"D:{letter_date:%Y%m%d}000000+09'00'"
    with pikepdf.open(io.BytesIO(letter_pdf)) as pdf:
        for name, content in data_files(reference, letter_date, sections).items():
            pdf.attachments[name] = pikepdf.AttachedFileSpec(
                pdf,
                content,
                filename=name,
                mime_type="application/json" if name.endswith(".json") else "text/csv",
                creation_date=stamp,
                mod_date=stamp,
            )
        out = io.BytesIO()
        pdf.save(
            out,
            encryption=pikepdf.Encryption(
                owner=secrets.token_urlsafe(24), user=password, R=6, aes=True
            ),
        )
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
