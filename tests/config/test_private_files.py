"""The settings file, the database and the logs are readable by their owner only (POSIX modes)."""

from __future__ import annotations

import logging
import sqlite3
import stat
import sys
from pathlib import Path

import pytest

from desktop.config import Paths, Settings, config_path, prepare_database_file, save_settings
from desktop.logsetup import LOG_FILE, PrivateRotatingFileHandler, logging_to

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes; Windows uses ACLs")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_settings_file_is_0600_in_a_0700_folder(paths: Paths) -> None:
    save_settings(Settings(paths=paths, database_url="postgresql://kaiji:secret@db/kaiji"))
    assert _mode(config_path(paths)) == 0o600
    assert _mode(paths.config_dir) == 0o700


def test_saving_again_makes_a_loose_settings_file_private(paths: Paths) -> None:
    paths.config_dir.mkdir(parents=True)
    config_path(paths).write_text("language = 'en'\n", encoding="utf-8")
    config_path(paths).chmod(0o644)
    save_settings(Settings(paths=paths))
    assert _mode(config_path(paths)) == 0o600


def test_the_database_file_and_its_wal_are_0600_in_a_0700_folder(tmp_path: Path) -> None:
    database = tmp_path / "data" / "kaiji.db"
    prepare_database_file(f"sqlite:///{database}")
    assert _mode(database) == 0o600
    assert _mode(database.parent) == 0o700
    with sqlite3.connect(database) as connection:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("CREATE TABLE t (x)")
        assert _mode(database.with_name("kaiji.db-wal")) == 0o600
    connection.close()


def test_an_existing_database_file_is_left_alone(tmp_path: Path) -> None:
    database = tmp_path / "kaiji.db"
    database.write_bytes(b"")
    database.chmod(0o640)
    prepare_database_file(f"sqlite:///{database}")
    assert _mode(database) == 0o640


@pytest.mark.parametrize("url", ["postgresql+psycopg://h/kaiji", "sqlite://", "not a url"])
def test_other_databases_are_not_touched(url: str, tmp_path: Path) -> None:
    prepare_database_file(url)
    assert list(tmp_path.iterdir()) == []


def test_log_files_are_0600_in_a_0700_folder_also_after_rotation(tmp_path: Path) -> None:
    log_dir = tmp_path / "log"
    with logging_to(log_dir, console_level=None):
        logging.getLogger("kaiji.test").info("started")
    assert _mode(log_dir) == 0o700
    assert _mode(log_dir / LOG_FILE) == 0o600
    handler = PrivateRotatingFileHandler(log_dir / LOG_FILE, maxBytes=10, backupCount=2)
    try:
        handler.emit(logging.makeLogRecord({"msg": "a line longer than ten bytes"}))
        handler.emit(logging.makeLogRecord({"msg": "another line longer than ten"}))
    finally:
        handler.close()
    assert (log_dir / f"{LOG_FILE}.1").exists()
    assert {_mode(f) for f in log_dir.iterdir()} == {0o600}
