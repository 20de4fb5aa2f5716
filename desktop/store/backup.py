"""Copies of the database while it is in use, and putting one back into an empty database.

SQLite: the backup API copies the file page by page inside one read transaction, so the copy is
the database as it was at one instant, however busy the workstations are; restoring runs the
same API the other way, into the empty database, in one write transaction. PostgreSQL: `pg_dump`
in its custom format (one snapshot of the whole database), restored by `pg_restore` in one
transaction. The workstation key is a separate file and never part of either copy.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.engine import URL

from desktop.domain.errors import KnownError

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"
_SQLITE_WAIT_S = 30.0


class BackupFailed(KnownError):
    pass


class NotEmpty(KnownError):
    def __init__(self, where: str) -> None:
        super().__init__(
            f"復元先のデータベース（{where}）は空ではありません。何も変更していません。"
            "復元は空のデータベースにだけ行えます。",
            f"The database to restore into ({where}) is not empty. Nothing was changed. "
            "A backup can only be restored into an empty database.",
        )


def _where(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)


def _sqlite_path(engine: Engine) -> Path:
    database = engine.url.database
    if not database or database == ":memory:":
        raise BackupFailed(
            "メモリー上のデータベースはバックアップできません。",
            "An in-memory database cannot be backed up.",
        )
    return Path(database)


def file_kind(path: Path) -> str:
    """ "sqlite", "postgresql" (a pg_dump custom-format file) or "" for anything else."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise BackupFailed(
            f"バックアップファイル {path} を読めません（{exc.strerror}）。",
            f"Cannot read the backup file {path} ({exc.strerror}).",
        ) from exc
    if head == SQLITE_MAGIC:
        return "sqlite"
    if head.startswith(PG_DUMP_MAGIC):
        return "postgresql"
    return ""


# --- SQLite ---------------------------------------------------------------------------------


def backup_sqlite(engine: Engine, target: Path) -> None:
    """Copy the live database into `target` (a new file) as of one instant."""
    source = sqlite3.connect(_sqlite_path(engine), timeout=_SQLITE_WAIT_S)
    try:
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
            # One self-contained file: no -wal beside it to be forgotten when it is moved.
            copy.execute("PRAGMA journal_mode = DELETE")
            problem = copy.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            copy.close()
    except sqlite3.Error as exc:
        raise BackupFailed(
            f"データベースをコピーできません（{exc}）。",
            f"The database could not be copied ({exc}).",
        ) from exc
    finally:
        source.close()
    if problem != "ok":
        raise BackupFailed(
            f"コピーしたデータベースの検査で問題が見つかりました（{problem}）。",
            f"The copied database failed its check ({problem}).",
        )


def restore_sqlite(engine: Engine, source: Path) -> None:
    """Copy the backup `source` into the engine's database, which must be empty."""
    target = _sqlite_path(engine)
    try:
        backup = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=_SQLITE_WAIT_S)
        try:
            problem = backup.execute("PRAGMA quick_check").fetchone()[0]
            tables = {row[0] for row in backup.execute("SELECT name FROM sqlite_master")}
            if problem != "ok" or "audit_head" not in tables:
                raise BackupFailed(
                    f"{source} は Kaiji Desk のバックアップではないか、壊れています。",
                    f"{source} is not a Kaiji Desk backup, or it is damaged.",
                )
            database = sqlite3.connect(target, timeout=_SQLITE_WAIT_S)
            try:
                if database.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                    raise NotEmpty(str(target))
                backup.backup(database)
            finally:
                database.close()
        finally:
            backup.close()
    except sqlite3.Error as exc:
        raise BackupFailed(
            f"バックアップを復元できません（{exc}）。", f"The backup could not be restored ({exc})."
        ) from exc


# --- PostgreSQL -----------------------------------------------------------------------------


def _libpq(url: URL) -> tuple[str, dict[str, str]]:
    """The connection string for the PostgreSQL tools, and their environment: the password goes
    in the environment, never on a command line other users can read."""
    env = dict(os.environ)
    if url.password is not None:
        env["PGPASSWORD"] = str(url.password)
    plain = url.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def _run(tool: str, args: list[str], url: URL) -> None:
    executable = shutil.which(tool)
    if executable is None:
        raise BackupFailed(
            f"{tool} が見つかりません。PostgreSQL のクライアント（postgresql-client）を"
            "インストールしてください。",
            f"{tool} was not found. Install the PostgreSQL client tools (postgresql-client).",
        )
    dsn, env = _libpq(url)
    done = subprocess.run(
        [executable, *args, f"--dbname={dsn}"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        detail = done.stderr.strip().splitlines()[-1:] or ["?"]
        raise BackupFailed(f"{tool} が失敗しました: {detail[0]}", f"{tool} failed: {detail[0]}")


def backup_postgres(engine: Engine, target: Path) -> None:
    """`pg_dump` of the whole database into `target`, as of one snapshot."""
    _run("pg_dump", ["--format=custom", f"--file={target}"], engine.url)


def restore_postgres(engine: Engine, source: Path) -> None:
    """`pg_restore` into the engine's database, which must hold no tables; all or nothing."""
    with engine.connect() as connection:
        tables = connection.execute(
            text(
                "SELECT count(*) FROM information_schema.tables "
                "WHERE table_schema NOT IN ('pg_catalog', 'information_schema')"
            )
        ).scalar_one()
    if tables:
        raise NotEmpty(_where(engine))
    _run(
        "pg_restore",
        ["--single-transaction", "--exit-on-error", "--no-owner", str(source)],
        engine.url,
    )
