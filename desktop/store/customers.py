"""Queries on the customer registry (登録情報)."""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any, cast

from sqlalchemy import Table, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import ClauseElement

from desktop.store.models import Customer


def count_customers(session: Session) -> int:
    return session.execute(select(func.count(Customer.id))).scalar_one()


def by_customer_no(session: Session, customer_no: str) -> Customer | None:
    return session.execute(
        select(Customer).where(Customer.customer_no == customer_no)
    ).scalar_one_or_none()


def existing_customer_nos(session: Session, customer_nos: Collection[str]) -> set[str]:
    """Which of `customer_nos` are already registered (to tell inserts from updates)."""
    if not customer_nos:
        return set()
    found = session.execute(
        select(Customer.customer_no).where(Customer.customer_no.in_(list(customer_nos)))
    ).scalars()
    return set(found)


_UPSERT_KEEP = ("id", "customer_no", "created_at")


def upsert_customers(session: Session, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert or update (by `customer_no`) in one executemany; `rows` hold Customer columns.

    A `customer_no` may appear only once in `rows`: PostgreSQL refuses to update one row twice
    in a statement. The row's `created_at` is kept on update.
    """
    if not rows:
        return
    table = cast(Table, Customer.__table__)
    dialect = session.get_bind().dialect.name
    insert = sqlite_insert if dialect == "sqlite" else pg_insert
    if dialect not in ("sqlite", "postgresql"):
        raise NotImplementedError(f"upsert on {dialect}")
    statement = insert(table)
    statement = statement.on_conflict_do_update(
        index_elements=[table.c.customer_no],
        set_={
            column.name: statement.excluded[column.name]
            for column in table.columns
            if column.name not in _UPSERT_KEEP
        },
    )
    if dialect == "sqlite":
        _sqlite_executemany(session, statement, rows)
    else:
        session.execute(statement, list(rows))


def _sqlite_value(value: object, stamps: dict[datetime, str]) -> object:
    """What SQLAlchemy's SQLite types would bind, without their per-value overhead."""
    if value is None or type(value) is str:
        return value
    if isinstance(value, datetime):
        # UTCDateTime: aware values are stored as naive UTC text; a batch shares its stamps.
        if value not in stamps:
            stamps[value] = value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
        return stamps[value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def _sqlite_executemany(
    session: Session, statement: ClauseElement, rows: Sequence[Mapping[str, Any]]
) -> None:
    """The upsert through the driver's executemany: for a million rows SQLAlchemy's per-value
    bind processing costs more than SQLite itself (measured: ~60 of ~130 µs a row)."""
    connection = session.connection()
    compiled = statement.compile(dialect=connection.dialect, column_keys=list(rows[0]))
    order: list[str] = getattr(compiled, "positiontup", None) or []
    stamps: dict[datetime, str] = {}
    connection.exec_driver_sql(
        compiled.string, [tuple(_sqlite_value(row[key], stamps) for key in order) for row in rows]
    )
