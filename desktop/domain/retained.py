"""The retained personal data of a case (保有個人データ), item by item, and what is withheld.

A case gathers what the company holds about the person: the registry record and the extracts
staff attach from other systems. Each is a source with a title and readable labels for its
columns. The decision on a disclosure marks items withheld, each with its ground (a reason of
the catalog); everything else is disclosed. An item is one column of a source (across its rows),
or a whole source (`<source>/*`).

The snapshot is taken when the decision is recorded and kept sealed: the letter, its annex and
the electronic package are made from it, never from the registry as it stands later.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from desktop.domain.errors import InvalidInput

WHOLE_SOURCE = "*"
REGISTRY_SOURCE = "registry"
# A header that looks like a system's field name (cust_seg_cd, CRDT_RANK2, custseg): never
# printed as such. Plain words (FAX, Email) read as they are.
_ASCII_NAME = re.compile(r"^[A-Za-z0-9_.\-]+$")
_CODE_MARKS = re.compile(r"[_.\d]")


def is_raw_name(header: str) -> bool:
    """True when `header` is a system's field name that a requester could not read."""
    name = header.strip()
    if not _ASCII_NAME.match(name):
        return False
    return bool(_CODE_MARKS.search(name)) or name.islower()


@dataclass(frozen=True)
class Column:
    key: str  # the header in the source system
    label: str  # what the requester reads


@dataclass(frozen=True)
class Source:
    """One table the company holds about the person: the registry record or an extract."""

    key: str  # "registry", or "extract-<id>"
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]

    def item_id(self, column: Column | None = None) -> str:
        return f"{self.key}/{WHOLE_SOURCE if column is None else column.key}"


@dataclass(frozen=True)
class RetainedItem:
    """An item the decision may withhold: a column of a source, or the whole source."""

    item_id: str
    source_title: str
    label: str  # the column's label, or the source's title for the whole source
    whole_source: bool

    @property
    def display(self) -> str:
        """How letters name it: 「与信ランク（顧客台帳）」, or the source's title alone."""
        return self.label if self.whole_source else f"{self.label}（{self.source_title}）"


@dataclass(frozen=True)
class Withholding:
    """One item withheld, and the reason (catalog code) that grounds it."""

    item_id: str
    reason_code: str


@dataclass(frozen=True)
class WithheldItem:
    """What a letter says about one withheld item: its name and its ground — never its value."""

    item: RetainedItem
    reason_code: str


@dataclass(frozen=True)
class Snapshot:
    """Everything retained about the person at one moment, as sources."""

    sources: tuple[Source, ...]

    def items(self) -> dict[str, RetainedItem]:
        """Every item that may be withheld, by id: each whole source, then its columns."""
        found: dict[str, RetainedItem] = {}
        for source in self.sources:
            found[source.item_id()] = RetainedItem(
                source.item_id(), source.title, source.title, True
            )
            for column in source.columns:
                item_id = source.item_id(column)
                found[item_id] = RetainedItem(item_id, source.title, column.label, False)
        return found

    def unlabelled(self) -> tuple[tuple[str, str], ...]:
        """(source title, header) of every column with data still named by its system name."""
        return tuple(
            (source.title, column.key)
            for source in self.sources
            for index, column in enumerate(source.columns)
            if is_raw_name(column.label) and any(row[index].strip() for row in source.rows)
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "sources": [
                {
                    "key": s.key,
                    "title": s.title,
                    "columns": [{"key": c.key, "label": c.label} for c in s.columns],
                    "rows": [list(row) for row in s.rows],
                }
                for s in self.sources
            ]
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Snapshot:
        return cls(
            tuple(
                Source(
                    str(s["key"]),
                    str(s["title"]),
                    tuple(Column(str(c["key"]), str(c["label"])) for c in s["columns"]),
                    tuple(tuple(str(v) for v in row) for row in s["rows"]),
                )
                for s in data.get("sources", [])
            )
        )


def source_of(
    key: str,
    title: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    labels: Mapping[str, str],
) -> Source:
    """A source whose columns carry the label map's label, else their own header."""
    columns = tuple(Column(h, (labels.get(h) or h).strip()) for h in headers)
    width = len(columns)
    table = tuple(tuple((list(row) + [""] * width)[:width]) for row in rows)
    return Source(key, title, columns, table)


def _fail(message_ja: str, message_en: str) -> None:
    raise InvalidInput(message_ja, message_en)


def check_withholdings(
    withholdings: Sequence[Withholding], reason_codes: Sequence[str], partial: bool, kind_ja: str
) -> None:
    """The rules that need no snapshot: only a partial answer withholds, each item once, each on
    one of the decision's own reasons (so the letter's reasons explain every item)."""
    if withholdings and not partial:
        _fail(
            f"「{kind_ja}」で開示しない項目を選べるのは「一部に応じる」ときだけです。",
            "Items can be withheld only when the answer is partial.",
        )
    seen: set[str] = set()
    for withholding in withholdings:
        if withholding.item_id in seen:
            _fail("同じ項目が二度、開示しない項目に選ばれています。", "An item is withheld twice.")
        seen.add(withholding.item_id)
        if withholding.reason_code not in reason_codes:
            _fail(
                "開示しない項目の理由は、この決定の理由から選んでください。",
                "The ground for a withheld item must be one of the decision's reasons.",
            )


def check_against(snapshot: Snapshot, withholdings: Sequence[Withholding], partial: bool) -> None:
    """The rules that need the snapshot: items exist, labels are readable, partial withholds."""
    items = snapshot.items()
    for withholding in withholdings:
        if withholding.item_id not in items:
            _fail(
                "開示しない項目が保有データにありません。画面を読み込み直してください。",
                f"The withheld item {withholding.item_id!r} is not in the retained data.",
            )
    if partial and snapshot.sources and not withholdings:
        _fail(
            "一部開示では、開示しない項目を一つ以上選んでください。",
            "A partial disclosure must withhold at least one item.",
        )
    for title, header in snapshot.unlabelled():
        _fail(
            f"「{title}」の列「{header}」に表示名がありません。表示名を設定してから決定してください。",
            f"Column {header!r} of {title!r} has no readable label; set one before deciding.",
        )


def _withheld_ids(withholdings: Iterable[Withholding]) -> frozenset[str]:
    return frozenset(w.item_id for w in withholdings)


def disclosed(snapshot: Snapshot, withholdings: Iterable[Withholding]) -> tuple[Source, ...]:
    """What goes out: withheld sources and columns removed, then empty columns, rows and sources
    left out (an empty column says nothing and would fill pages)."""
    withheld = _withheld_ids(withholdings)
    result: list[Source] = []
    for source in snapshot.sources:
        if source.item_id() in withheld:
            continue
        keep = [
            index
            for index, column in enumerate(source.columns)
            if source.item_id(column) not in withheld
            and any(row[index].strip() for row in source.rows)
        ]
        rows = tuple(
            tuple(row[i] for i in keep) for row in source.rows if any(row[i].strip() for i in keep)
        )
        if keep and rows:
            columns = tuple(source.columns[i] for i in keep)
            result.append(Source(source.key, source.title, columns, rows))
    return tuple(result)


def withheld_items(
    snapshot: Snapshot, withholdings: Iterable[Withholding]
) -> tuple[WithheldItem, ...]:
    """The withheld items as the letter names them, in the order they were chosen."""
    items = snapshot.items()
    return tuple(
        WithheldItem(items[w.item_id], w.reason_code) for w in withholdings if w.item_id in items
    )


def withheld_values(snapshot: Snapshot, withholdings: Iterable[Withholding]) -> frozenset[str]:
    """Every non-empty value withheld: what must appear in nothing that leaves the building."""
    withheld = _withheld_ids(withholdings)
    values: set[str] = set()
    for source in snapshot.sources:
        whole = source.item_id() in withheld
        for index, column in enumerate(source.columns):
            if whole or source.item_id(column) in withheld:
                values.update(row[index] for row in source.rows if row[index].strip())
    return frozenset(values)
