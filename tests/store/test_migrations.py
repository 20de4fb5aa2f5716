"""The schema is created and upgraded by Alembic; an older database keeps its data."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, inspect, text

from desktop.store import migrate
from desktop.store.db import create_db_engine


@pytest.mark.parametrize("db_url", ["sqlite", "postgresql"], indirect=True)
def test_empty_database_is_brought_to_head(engine: Engine) -> None:
    assert migrate.current_revision(engine) is None
    assert migrate.upgrade(engine) is True
    assert migrate.current_revision(engine) == migrate.HEAD_REVISION
    tables = set(inspect(engine).get_table_names())
    assert {"users", "customers", "cases", "case_requests", "mail_items", "audit_events"} <= tables
    assert migrate.upgrade(engine) is False


@pytest.mark.parametrize("db_url", ["sqlite", "postgresql"], indirect=True)
def test_older_revision_is_upgraded_not_recreated(engine: Engine) -> None:
    migrate.upgrade(engine, "0001")
    now = datetime(2026, 1, 5, tzinfo=UTC)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO customers (customer_no, name, name_kana, postal_code, address, phone,"
                " name_key, kana_key, columns, created_at, updated_at) VALUES ('C1', '山田 太郎',"
                " 'ヤマダ タロウ', '160-0023', '東京都新宿区西新宿2-8-1', '', '山田太郎',"
                " 'ヤマダタロウ', '{}', :now, :now)"
            ),
            {"now": now},
        )
    assert "address_key" not in {c["name"] for c in inspect(engine).get_columns("customers")}

    migrate.upgrade(engine)

    assert migrate.current_revision(engine) == migrate.HEAD_REVISION
    assert "address_key" in {c["name"] for c in inspect(engine).get_columns("customers")}
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT name, address_key FROM customers")).all()
    assert [tuple(r) for r in rows] == [("山田 太郎", "")]


def test_head_constant_matches_the_migration_scripts() -> None:
    assert migrate.script_head() == migrate.HEAD_REVISION


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    engine = create_db_engine(f"sqlite:///{tmp_path}/k.db")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()


def test_locked_database_is_a_message_not_a_crash(tmp_path: Path) -> None:
    from desktop.config import Paths, Settings
    from desktop.domain.roles import Role
    from desktop.services import auth, case_list
    from desktop.services.context import ServiceContext
    from desktop.store.db import DatabaseUnavailable

    path = f"{tmp_path}/locked.db"
    other_workstation = create_db_engine(f"sqlite:///{path}")
    migrate.upgrade(other_workstation)
    engine = create_db_engine(f"sqlite:///{path}", busy_timeout_ms=50)
    ctx = ServiceContext.on(engine, Settings(paths=Paths(tmp_path, tmp_path, tmp_path)))  # type: ignore[arg-type]
    with other_workstation.connect() as holding:  # BEGIN IMMEDIATE: holds the write lock
        holding.exec_driver_sql("SELECT 1")
        with pytest.raises(DatabaseUnavailable, match="busy") as caught:
            auth.create_user(
                ctx, None, username="clerk", display_name="", role=Role.CLERK, password="x" * 12
            )
        # The case list only reads: it shows the last saved state instead of waiting.
        assert case_list.count_cases(ctx, case_list.CaseQuery()) == 0
    assert "失われていません" in caught.value.message_ja
    engine.dispose()
    other_workstation.dispose()
