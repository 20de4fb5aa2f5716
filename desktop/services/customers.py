"""Importing the customer registry (顧客台帳の取込み) from the CSV files of older systems.

Reading the file (encoding, headers, mapping, each row checked) is `desktop.intake.customer_csv`;
this module adds the search keys and stores the rows. Every column of a row is kept in
`Customer.columns`,
because that is what a disclosure discloses. Rows that cannot be read are reported with their line
number and the reason, and the rest is imported (a file that is not valid CSV at all, such as one
with a field longer than the csv module's limit, is refused naming the line before anything is
stored); importing the same file again updates customers
by their number instead of adding them twice. Batches of `BATCH_ROWS` rows are written in one
transaction each; with many rows the search keys are computed in a process pool meanwhile. A
first import into an empty registry builds the search indexes once at the end instead of row by
row. The mapping and encoding used for a named source (取込元) are saved for its next file.

Only administrators import: the registry decides what every disclosure letter contains, and
`Permission` has no entry for it (`MANAGE_USERS` is about accounts), so the service checks the
role itself rather than bending a permission to mean something else.
"""

from __future__ import annotations

import logging
import multiprocessing
import re
from collections import deque
from collections.abc import Iterator, Mapping
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from desktop.domain.errors import InvalidInput
from desktop.domain.progress import CancelToken, Progress, is_cancelled
from desktop.domain.roles import Role
from desktop.intake.customer_csv import (
    FIELDS,
    CustomerRecord,
    Encoding,
    ImportRefused,
    Preview,
    Records,
    RejectedRow,
    RowRejected,
    batches,
    check_records,
    column_indexes,
    inspect_file,
    load_mapping,
    open_text,
    preview_file,
    read_header,
    read_record,
    recognise_headers,
)
from desktop.matching import addresses, names
from desktop.matching.keys import digits_only
from desktop.services.context import CurrentUser, ServiceContext
from desktop.store import audit
from desktop.store import customers as customer_store
from desktop.store.customers import CustomerRow
from desktop.store.db import unit_of_work

log = logging.getLogger("kaiji.services.customers")


BATCH_ROWS = 10_000
# Below this many lines, starting worker processes costs more than it saves.
POOL_MIN_ROWS = 20_000
POOL_WORKERS = 2
# Below this many lines, dropping and rebuilding the search indexes is not worth it.
BULK_MIN_ROWS = 50_000


@dataclass
class ImportReport:
    """What an import did; personal data never appears here, only counts and line numbers."""

    file_name: str
    sha256: str
    encoding: str
    inserted: int = 0
    updated: int = 0
    rejected: list[RejectedRow] = field(default_factory=list)
    cancelled: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file_name,
            "sha256": self.sha256,
            "encoding": self.encoding,
            "inserted": self.inserted,
            "updated": self.updated,
            "rejected": [[r.row, r.reason_ja, r.reason_en] for r in self.rejected],
            "cancelled": self.cancelled,
        }


def import_customers(
    ctx: ServiceContext,
    user: CurrentUser | None,
    path: Path,
    *,
    encoding: Encoding = "auto",
    mapping: Mapping[str, str] | None = None,
    source: str | None = None,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> ImportReport:
    """Import (insert or update) the customers in the CSV file at `path`.

    `user` None is the system, i.e. an administrator's shell (`kaiji import-customers`).
    `mapping` names the CSV header of a field (`{"customer_no": "会員ID"}`), overriding the
    recognised headers. With a `source`, its saved mapping (and chosen encoding, when
    `encoding` is "auto") is used where none is given, and what this import used is saved.
    `progress(rows_done, total)` is called after each batch (total -1 when
    unknown); `cancel` is checked before each batch is written: batches already written stay, and
    the report and the audit event say the import was cancelled.
    """
    if user is not None and user.role is not Role.ADMIN:
        raise ImportRefused(
            "顧客台帳の取込みは管理者だけが行えます。",
            "Only an administrator may import the customer registry.",
        )
    source = _source_name(source)
    saved = load_saved_mapping(ctx, source) if source else None
    if saved is not None:
        mapping = saved.mapping if mapping is None else mapping
        encoding = saved.encoding if encoding == "auto" else encoding
    facts = inspect_file(path, encoding)
    report = ImportReport(path.name, facts.sha256, facts.encoding)
    actor = audit.SYSTEM if user is None else user.actor
    total = max(facts.lines - 1, 0)
    check_records(path, facts.encoding)
    with open_text(path, facts.encoding) as stream:
        reader = Records(stream, path.name)
        header = read_header(next(reader, None))
        columns = column_indexes(header, mapping)
        bulk = _begin_bulk(ctx, total)
        pool = _pool() if total >= POOL_MIN_ROWS else None
        try:
            done = _run(ctx, reader, header, columns, report, pool, total, progress, cancel)
        except Exception:
            # Batches already committed stay: the audit log must still say the registry changed.
            if report.inserted or report.updated:
                _record(ctx, actor, report, failed=True)
            raise
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)
            if bulk:
                _end_bulk(ctx)
    _record(ctx, actor, report, failed=False)
    if source:
        used = {name: header[index] for name, index in columns.items() if index >= 0}
        save_mapping(ctx, user, source, used, encoding)
    log.info(
        "customers imported: %d rows read, %d inserted, %d updated, %d rejected%s",
        done,
        report.inserted,
        report.updated,
        len(report.rejected),
        " (cancelled)" if report.cancelled else "",
    )
    return report


def _record(ctx: ServiceContext, actor: audit.Actor, report: ImportReport, *, failed: bool) -> None:
    """The one `customers_imported` event: file, hash, encoding and counts, no personal data."""
    with unit_of_work(ctx.sessions) as session:
        audit.record(
            session,
            actor,
            "customers_imported",
            entity="customer",
            changes={
                "file": report.file_name,
                "sha256": report.sha256,
                "encoding": report.encoding,
                "inserted": report.inserted,
                "updated": report.updated,
                "rejected": len(report.rejected),
                "cancelled": report.cancelled,
                "failed": failed,
            },
            now=ctx.clock.now(),
        )


def _begin_bulk(ctx: ServiceContext, total: int) -> bool:
    """Prepare the registry for the import; True when its search indexes were dropped.

    Indexes a crashed earlier import left dropped are restored first. A large first import into
    an empty table drops them and `_end_bulk` builds them once at the end (also when it fails or
    is stopped). Meanwhile a search of the half-filled registry is slower but still right, and
    the first import is re-runnable: the next run updates what this one wrote.
    """
    with unit_of_work(ctx.sessions) as session:
        customer_store.restore_search_indexes(session)
        if total < BULK_MIN_ROWS or not customer_store.is_bulk_loadable(session):
            return False
        customer_store.drop_search_indexes(session)
    log.info("first import into an empty registry: search indexes are built at the end")
    return True


def _end_bulk(ctx: ServiceContext) -> None:
    with unit_of_work(ctx.sessions) as session:
        customer_store.restore_search_indexes(session)


def _run(  # noqa: PLR0913 - the import's state, passed explicitly
    ctx: ServiceContext,
    reader: Iterator[list[str]],
    header: list[str],
    columns: dict[str, int],
    report: ImportReport,
    pool: Executor | None,
    total: int,
    progress: Progress | None,
    cancel: CancelToken | None,
) -> int:
    """Read and hand out batches while earlier ones are written; return the rows read.

    With a pool, the workers normalize rows and compute keys (the expensive part, ~0.3 ms a
    row cold) for the next batches while this process writes; without one it is done inline.
    """
    done = 0
    ahead = 0 if pool is None else POOL_WORKERS
    pending: deque[tuple[int, Future[_Prepared] | _Prepared]] = deque()
    for batch in batches(reader, BATCH_ROWS):
        if is_cancelled(cancel):
            report.cancelled = True
            break
        now = ctx.clock.now()
        work = (
            pool.submit(_prepare, batch, header, columns, now)
            if pool is not None
            else _prepare(batch, header, columns, now)
        )
        pending.append((len(batch), work))
        while len(pending) > ahead:
            done += _write(ctx, *pending.popleft(), report)
            _report_progress(progress, done, total)
    while pending and not report.cancelled:
        done += _write(ctx, *pending.popleft(), report)
        _report_progress(progress, done, total)
    return done


def _report_progress(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total if total >= done else -1)


def _write(
    ctx: ServiceContext, size: int, work: Future[_Prepared] | _Prepared, report: ImportReport
) -> int:
    rows, rejected = work.result() if isinstance(work, Future) else work
    report.rejected.extend(rejected)
    # A number listed twice in one batch: the later line wins, as it would across batches.
    unique = {row.customer_no: row for row in rows}
    with unit_of_work(ctx.sessions) as session:
        customer_store.tune_for_bulk_writes(session)
        existing = customer_store.existing_customer_nos(session, unique.keys())
        customer_store.upsert_customers(session, list(unique.values()))
    inserted = len(unique) - len(existing)
    report.inserted += inserted
    report.updated += len(rows) - inserted
    return size


_Prepared = tuple[list[CustomerRow], list[RejectedRow]]


def _prepare(
    batch: list[tuple[int, list[str]]], header: list[str], columns: dict[str, int], now: datetime
) -> _Prepared:
    """Normalized values with search keys, and the rejected rows, of one batch (in a worker)."""
    rows: list[CustomerRow] = []
    rejected: list[RejectedRow] = []
    for line, record in batch:
        try:
            rows.append(_with_keys(read_record(record, header, columns), now))
        except RowRejected as exc:
            rejected.append(RejectedRow(line, exc.reason_ja, exc.reason_en))
    return rows, rejected


def _with_keys(record: CustomerRecord, now: datetime) -> CustomerRow:
    name_key, kana_key = _name_keys(record.name, record.name_kana)
    return CustomerRow(
        customer_no=record.customer_no,
        name=record.name,
        name_kana=record.name_kana,
        birth_date=record.birth_date,
        postal_code=record.postal_code,
        address=record.address,
        phone=record.phone,
        phone_key=_phone_key(record.phone),
        name_key=name_key,
        kana_key=kana_key,
        address_key=_address_key(record.address),
        columns_json=record.columns_json,
        updated_at=now,
    )


_NOT_ASCII_DIGIT = re.compile(r"[^0-9]")


def _phone_key(text: str) -> str:
    # Most registries write phone numbers in ASCII, where a regex is much cheaper than NFKC.
    return _NOT_ASCII_DIGIT.sub("", text) if text.isascii() else digits_only(text)


@lru_cache(maxsize=65536)
def _name_keys(name: str, kana: str) -> tuple[str, str]:
    return names.name_key(name), names.reading_key(kana) if kana else ""


@lru_cache(maxsize=65536)
def _address_key(address: str) -> str:
    return addresses.address_key(address) if address else ""


def _pool() -> ProcessPoolExecutor:
    # Spawned, not forked: forking a process that has threads (the GUI's) is unsafe.
    return ProcessPoolExecutor(
        POOL_WORKERS,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=addresses.warm_up,
    )


@dataclass(frozen=True)
class SavedMapping:
    """The mapping and encoding a source's last import used, and when."""

    source: str
    mapping: dict[str, str]
    encoding: Encoding
    updated_at: datetime


_SOURCE_MAX = 100


def _source_name(source: str | None) -> str | None:
    if source is None:
        return None
    name = source.strip()
    if len(name) > _SOURCE_MAX:
        raise InvalidInput(
            f"取込元の名前は {_SOURCE_MAX} 文字までです。",
            f"A source name has at most {_SOURCE_MAX} characters.",
        )
    return name or None


def _encoding_choice(value: str) -> Encoding:
    return "utf-8" if value == "utf-8" else "cp932" if value == "cp932" else "auto"


def load_saved_mapping(ctx: ServiceContext, source: str) -> SavedMapping | None:
    """The mapping saved for `source`, or None when it has never been imported."""
    name = _source_name(source)
    if not name:
        return None
    with unit_of_work(ctx.sessions) as session:
        stored = customer_store.mapping_for(session, name)
        if stored is None:
            return None
        mapping = {k: str(v) for k, v in stored.mapping.items() if k in FIELDS}
        return SavedMapping(name, mapping, _encoding_choice(stored.encoding), stored.updated_at)


def saved_sources(ctx: ServiceContext) -> list[str]:
    """The names of the sources that have a saved mapping, in order."""
    with unit_of_work(ctx.sessions) as session:
        return customer_store.mapping_sources(session)


def save_mapping(
    ctx: ServiceContext,
    user: CurrentUser | None,
    source: str,
    mapping: Mapping[str, str],
    encoding: Encoding = "auto",
) -> SavedMapping:
    """Save (or replace) the column mapping of `source`; administrators only, audited."""
    if user is not None and user.role is not Role.ADMIN:
        raise ImportRefused(
            "取込の設定は管理者だけが保存できます。",
            "Only an administrator may save import settings.",
        )
    name = _source_name(source)
    if not name:
        raise InvalidInput("取込元の名前を入力してください。", "Enter a name for the source.")
    unknown = sorted(set(mapping) - set(FIELDS))
    if unknown:
        raise InvalidInput(
            f"対応表に不明な項目があります: {', '.join(unknown)}",
            f"Unknown fields in the mapping: {', '.join(unknown)}",
        )
    wanted = {k: v for k, v in mapping.items() if v}
    now = ctx.clock.now()
    with unit_of_work(ctx.sessions) as session:
        user_id = None if user is None else user.user_id
        customer_store.put_mapping(session, name, wanted, encoding, now, user_id)
        audit.record(
            session,
            audit.SYSTEM if user is None else user.actor,
            "import_mapping_saved",
            entity="import_mapping",
            changes={"source": name, "mapping": wanted, "encoding": encoding},
            now=now,
        )
    return SavedMapping(name, wanted, encoding, now)


# What the import dialog and the command line know of the file from here, the service they call.
__all__ = [
    "FIELDS",
    "Encoding",
    "ImportRefused",
    "ImportReport",
    "Preview",
    "RejectedRow",
    "SavedMapping",
    "import_customers",
    "load_mapping",
    "load_saved_mapping",
    "preview_file",
    "recognise_headers",
    "save_mapping",
    "saved_sources",
]
