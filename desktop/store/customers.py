"""Queries on the customer registry (登録情報): bulk upsert, look-ups by search key, saved
import mappings."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Sequence
from datetime import UTC, date, datetime
from typing import Any, Literal, NamedTuple, cast

from sqlalchemy import ColumnElement, Index, Select, Table, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import InstrumentedAttribute

from desktop.store.models import Customer, ImportMapping


class CustomerRow(NamedTuple):
    """One normalized registry row as the import writes it (compact to pass between processes).

    `birth_date` is ISO text (YYYY-MM-DD) or None; `columns_json` is the JSON object of every
    column of the CSV row, already encoded; `updated_at` is also the `created_at` of a new row.
    """

    customer_no: str
    name: str
    name_kana: str
    birth_date: str | None
    postal_code: str
    address: str
    phone: str
    phone_key: str
    name_key: str
    kana_key: str
    address_key: str
    columns_json: str
    updated_at: datetime


_ROW_COLUMNS = (*CustomerRow._fields[:-2], "columns", "updated_at")
# On re-import a customer keeps its id and created_at; everything else is the file's.
_SQLITE_UPSERT = (
    f"INSERT INTO customers ({', '.join((*_ROW_COLUMNS, 'created_at'))}) "
    f"VALUES ({', '.join('?' * (len(_ROW_COLUMNS) + 1))}) "
    "ON CONFLICT (customer_no) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in _ROW_COLUMNS[1:])
)


def count_customers(session: Session) -> int:
    return session.execute(select(func.count(Customer.id))).scalar_one()


def has_customers(session: Session) -> bool:
    return session.execute(select(Customer.id).limit(1)).first() is not None


def by_customer_no(session: Session, customer_no: str) -> Customer | None:
    return session.execute(
        select(Customer).where(Customer.customer_no == customer_no)
    ).scalar_one_or_none()


def by_id(session: Session, customer_id: int) -> Customer | None:
    return session.get(Customer, customer_id)


def existing_customer_nos(session: Session, customer_nos: Collection[str]) -> set[str]:
    """Which of `customer_nos` are already registered (to tell inserts from updates)."""
    if not customer_nos:
        return set()
    if session.get_bind().dialect.name == "sqlite":
        # One JSON parameter instead of thousands of bound values (compiling those is slow).
        found_nos = session.connection().exec_driver_sql(
            "SELECT customer_no FROM customers WHERE customer_no IN "
            "(SELECT value FROM json_each(?))",
            (json.dumps(list(customer_nos), ensure_ascii=False),),
        )
        return {row[0] for row in found_nos}
    found = session.execute(
        select(Customer.customer_no).where(Customer.customer_no.in_(list(customer_nos)))
    ).scalars()
    return set(found)


def upsert_customers(session: Session, rows: Sequence[CustomerRow]) -> None:
    """Insert or update (by `customer_no`) in one executemany.

    A `customer_no` may appear only once in `rows`: PostgreSQL refuses to update one row twice
    in a statement. The row's `created_at` is kept on update.
    """
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        # Straight to the driver: for a million rows SQLAlchemy's per-value bind processing
        # costs more than SQLite itself. Stamps as UTCDateTime stores them (naive UTC text).
        # A batch shares one stamp, so each is formatted once.
        stamps: dict[datetime, str] = {}
        for row in rows:
            if row.updated_at not in stamps:
                stamps[row.updated_at] = _sqlite_stamp(row.updated_at)
        session.connection().exec_driver_sql(
            _SQLITE_UPSERT,
            [(*row[:-1], stamps[row.updated_at], stamps[row.updated_at]) for row in rows],
        )
        return
    if dialect != "postgresql":
        raise NotImplementedError(f"upsert on {dialect}")
    table = cast(Table, Customer.__table__)
    statement = pg_insert(table)
    statement = statement.on_conflict_do_update(
        index_elements=[table.c.customer_no],
        set_={c: statement.excluded[c] for c in _ROW_COLUMNS[1:]},
    )
    session.execute(statement, [_pg_values(row) for row in rows])


def _sqlite_stamp(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def _pg_values(row: CustomerRow) -> dict[str, Any]:
    values: dict[str, Any] = row._asdict()
    values["birth_date"] = date.fromisoformat(row.birth_date) if row.birth_date else None
    values["columns"] = json.loads(values.pop("columns_json"))
    values["created_at"] = row.updated_at
    return values


# --- Bulk loading ------------------------------------------------------------------------------


def _search_indexes() -> list[Index]:
    """The secondary indexes (search keys); the unique customer_no index is not among them."""
    return sorted(cast(Table, Customer.__table__).indexes, key=lambda ix: str(ix.name))


def is_bulk_loadable(session: Session) -> bool:
    """True for an empty customers table on SQLite: a first import may build indexes last."""
    return session.get_bind().dialect.name == "sqlite" and not has_customers(session)


def drop_search_indexes(session: Session) -> None:
    """Drop the search-key indexes before a first bulk import; `restore_search_indexes` after.

    SQLite maintains seven B-trees per inserted row otherwise; sorting each column once at the
    end is several times cheaper for a million rows.
    """
    connection = session.connection()
    for index in _search_indexes():
        index.drop(connection, checkfirst=True)


def restore_search_indexes(session: Session) -> None:
    """Create any search-key index that is missing (after a bulk import, or one cut short)."""
    connection = session.connection()
    for index in _search_indexes():
        index.create(connection, checkfirst=True)


def tune_for_bulk_writes(session: Session) -> None:
    """A larger page cache for this connection while it writes many rows (SQLite only)."""
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("PRAGMA cache_size = -131072")  # 128 MiB


# --- Candidate look-ups (each one an index range, never a scan) ------------------------------


def _ids(session: Session, query: Select[int]) -> list[int]:
    return list(session.execute(query).scalars())


# The indexed search keys a candidate look-up may compare for equality.
SearchKey = Literal["phone_key", "name_key", "kana_key", "birth_date", "postal_code"]


def ids_where_equal(session: Session, key: SearchKey, value: object, limit: int) -> list[int]:
    """Ids of customers whose indexed search `key` equals `value` (at most `limit`)."""
    column: InstrumentedAttribute[Any] = getattr(Customer, key)
    return _ids(session, select(Customer.id).where(column == value).limit(limit))


def ids_by_name_and_birth_date(
    session: Session, name_key: str, birth_date: date, limit: int
) -> list[int]:
    """Ids with both the name key and the birth date: the strongest look-up, checked first."""
    query = (
        select(Customer.id)
        .where(Customer.name_key == name_key, Customer.birth_date == birth_date)
        .limit(limit)
    )
    return _ids(session, query)


def ids_by_address_prefix(session: Session, prefix: str, limit: int) -> list[int]:
    """Ids whose address key starts with `prefix`, by index on both databases.

    SQLite compares text bytewise, so the prefix is a range of its index; PostgreSQL's order
    depends on the collation, so there LIKE uses the `text_pattern_ops` index of migration 0003.
    """
    condition: ColumnElement[bool]
    if session.get_bind().dialect.name == "postgresql":
        pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        condition = Customer.address_key.like(pattern, escape="\\")
    else:
        condition = (Customer.address_key >= prefix) & (
            Customer.address_key < prefix + "\U0010ffff"
        )
    return _ids(session, select(Customer.id).where(condition).limit(limit))


class CustomerSummary(NamedTuple):
    """The fields a candidate list shows and ranks by (not the imported columns)."""

    id: int
    customer_no: str
    name: str
    name_kana: str
    birth_date: date | None
    postal_code: str
    address: str
    phone: str
    name_key: str
    kana_key: str
    phone_key: str


def summaries_by_ids(session: Session, ids: Iterable[int]) -> list[CustomerSummary]:
    wanted = sorted(set(ids))
    if not wanted:
        return []
    columns = [getattr(Customer, name) for name in CustomerSummary._fields]
    rows = session.execute(select(*columns).where(Customer.id.in_(wanted)))
    return [CustomerSummary(*row) for row in rows]


# --- Saved column mappings ------------------------------------------------------------------


def mapping_for(session: Session, source: str) -> ImportMapping | None:
    return session.execute(
        select(ImportMapping).where(ImportMapping.source == source)
    ).scalar_one_or_none()


def mapping_sources(session: Session) -> list[str]:
    return list(
        session.execute(select(ImportMapping.source).order_by(ImportMapping.source)).scalars()
    )


def put_mapping(
    session: Session,
    source: str,
    mapping: dict[str, str],
    encoding: str,
    now: datetime,
    user_id: int | None,
) -> ImportMapping:
    """Create or replace the saved mapping of `source`."""
    stored = mapping_for(session, source)
    if stored is None:
        stored = ImportMapping(source=source)
        session.add(stored)
    stored.mapping = dict(mapping)
    stored.encoding = encoding
    stored.updated_at = now
    stored.updated_by = user_id
    session.flush()
    return stored
