"""Reading a third-party provision ledger exported as CSV (UTF-8 or CP932), one record a line.

The header names each column by its Japanese heading or its field name (domain/provisions.py
FIELDS); dates are read like every other date (和暦 included). A bad line is reported with its
number and the file's other lines are still read.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from desktop.domain.eras import parse_date
from desktop.domain.errors import InvalidInput
from desktop.domain.provisions import FIELDS, ProvisionRecord, checked
from desktop.intake.customer_csv import Encoding, ImportRefused, inspect_file, open_text


@dataclass(frozen=True)
class BadLine:
    line: int
    reason_ja: str
    reason_en: str


@dataclass
class ProvisionFile:
    encoding: str
    records: list[tuple[int, ProvisionRecord]] = field(default_factory=list)
    bad: list[BadLine] = field(default_factory=list)


def _columns(header: list[str], path: Path) -> dict[str, int]:
    names = [h.strip().lstrip("\ufeff") for h in header]
    columns: dict[str, int] = {}
    for name, label_ja, _ in FIELDS:
        for candidate in (name, label_ja):
            if candidate in names:
                columns[name] = names.index(candidate)
    missing = [label for name, label, _ in FIELDS if name not in columns]
    if missing:
        raise ImportRefused(
            f"{path.name} の見出しに次の列がありません: {'、'.join(missing)}",
            f"{path.name} lacks the columns: {', '.join(missing)}",
        )
    return columns


def read_provisions(path: Path, encoding: Encoding = "auto") -> ProvisionFile:
    facts = inspect_file(path, encoding)
    result = ProvisionFile(facts.encoding)
    with open_text(path, facts.encoding) as stream:
        reader = csv.reader(stream)
        header = next(reader, None)
        if header is None:
            raise ImportRefused(f"{path.name} は空です。", f"{path.name} is empty.")
        columns = _columns(header, path)
        for line, row in enumerate(reader, start=2):
            if not any(cell.strip() for cell in row):
                continue
            values = {name: row[i] if i < len(row) else "" for name, i in columns.items()}
            try:
                provided_on = parse_date(values.pop("provided_on"))
                result.records.append(
                    (line, checked(ProvisionRecord(provided_on=provided_on, **values)))
                )
            except InvalidInput as exc:  # an unreadable date or a blank required field
                result.bad.append(BadLine(line, exc.message("ja"), exc.message("en")))
    return result
