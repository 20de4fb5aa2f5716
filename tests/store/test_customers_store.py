"""The registry's storage: the 0003 upgrade keeps and indexes data, a bulk first import
rebuilds its search indexes, and an import cut short leaves none missing."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, inspect, text

from desktop.services.context import ServiceContext
from desktop.services.customers import import_customers
from desktop.store import customers as customer_store
from desktop.store import migrate
from desktop.store.db import unit_of_work
from tests.conftest import Staff

SEARCH_INDEXES = {
    "ix_customers_address_key",
    "ix_customers_birth_date",
    "ix_customers_kana_key",
    "ix_customers_name_key",
    "ix_customers_phone_key",
    "ix_customers_postal_code",
}


def _indexes(engine: Engine) -> set[str]:
    return {str(ix["name"]) for ix in inspect(engine).get_indexes("customers")}


@pytest.mark.parametrize("db_url", ["sqlite", "postgresql"], indirect=True)
def test_upgrade_to_0003_fills_phone_keys_and_adds_the_new_columns(engine: Engine) -> None:
    migrate.upgrade(engine, "0002")
    now = datetime(2026, 1, 5, tzinfo=UTC)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO customers (customer_no, name, name_kana, postal_code, address, phone,"
                " name_key, kana_key, address_key, columns, created_at, updated_at) VALUES"
                " ('C1', '山田 太郎', '', '', '', '０３－１２３４－５６７８', '山田太郎', '', '',"
                " '{}', :now, :now)"
            ),
            {"now": now},
        )
    migrate.upgrade(engine, "0003")
    with engine.connect() as connection:
        phone_key = connection.execute(text("SELECT phone_key FROM customers")).scalar_one()
    assert phone_key == "0312345678"
    assert _indexes(engine) >= SEARCH_INDEXES
    assert "no_retained_data" in {c["name"] for c in inspect(engine).get_columns("cases")}
    assert "import_mappings" in inspect(engine).get_table_names()


def _csv(tmp_path: Path, rows: int) -> Path:
    path = tmp_path / "many.csv"
    lines = ["顧客番号,氏名,電話番号,住所"]
    lines += [
        f"C{n:06d},試験 {n},03-0000-{n % 10000:04d},東京都新宿区西新宿2-8-{n % 50}"
        for n in range(rows)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_bulk_first_import_ends_with_every_search_index(
    ctx: ServiceContext, staff: Staff, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("desktop.services.customers.BULK_MIN_ROWS", 10)
    monkeypatch.setattr("desktop.services.customers.BATCH_ROWS", 20)
    dropped: list[bool] = []
    real_drop = customer_store.drop_search_indexes
    monkeypatch.setattr(
        customer_store, "drop_search_indexes", lambda s: (dropped.append(True), real_drop(s))
    )
    report = import_customers(ctx, staff.admin, _csv(tmp_path, 100))
    assert report.inserted == 100
    assert dropped == [True]
    engine = ctx.sessions.kw["bind"]
    assert _indexes(engine) >= SEARCH_INDEXES
    # A second import into a filled registry keeps its indexes throughout.
    assert import_customers(ctx, staff.admin, _csv(tmp_path, 100)).updated == 100
    assert dropped == [True]


def test_indexes_a_crashed_import_left_dropped_are_restored_by_the_next(
    ctx: ServiceContext, staff: Staff, tmp_path: Path
) -> None:
    with unit_of_work(ctx.sessions) as session:
        customer_store.drop_search_indexes(session)
    engine = ctx.sessions.kw["bind"]
    assert not SEARCH_INDEXES & _indexes(engine)
    import_customers(ctx, staff.admin, _csv(tmp_path, 3))
    assert _indexes(engine) >= SEARCH_INDEXES
