"""Files only the signed-in user may read: the settings (a database password), the database, logs.

On POSIX the modes do it: folders 0700, files 0600, set when they are created. On Windows the
modes are ignored (Python only maps the write bit to "read-only") and the per-user profile folders
(AppData) already carry an ACL that shuts out other users, so the same calls are harmless there.
Folders and files that already exist are left as they are: an administrator may have chosen
their permissions on purpose (a shared folder given with KAIJI_HOME, say).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from desktop.config.problems import ConfigError

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def private_dir(path: Path) -> Path:
    """Create the folder `path` (and missing parents) readable by its owner only; return it."""
    if not path.is_dir():
        path.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
        if sys.platform != "win32":
            # mkdir's mode is filtered through the umask; say exactly what we mean.
            path.chmod(PRIVATE_DIR_MODE)
    return path


def create_private_file(path: Path) -> bool:
    """Create the empty file `path` (0600) in a private folder unless it exists; True if created."""
    private_dir(path.parent)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    except FileExistsError:
        return False
    os.close(descriptor)
    return True


def write_private_text(path: Path, text: str) -> None:
    """Write `path` atomically (temporary file, then rename) with the owner-only mode."""
    private_dir(path.parent)
    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)  # a left-over from a crash may have other permissions
    descriptor = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    tmp.replace(path)


def readable_by_others(path: Path) -> bool:
    """True when a POSIX group or other users may read `path` (always False on Windows)."""
    return sys.platform != "win32" and bool(path.stat().st_mode & 0o077)


def prepare_database_file(url: str) -> None:
    """Create a SQLite database file empty and private before SQLite opens it.

    SQLite gives its -wal and -shm files the mode of the database file, so they are private too.
    Other databases (PostgreSQL), in-memory databases and URLs that do not parse are left to
    the engine, which reports the latter. ConfigError when the file cannot be created.
    """
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError:
        return
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return
    if parsed.database == ":memory:" or parsed.database.startswith("file:"):
        return
    path = Path(parsed.database)
    try:
        create_private_file(path)
    except OSError as exc:
        raise ConfigError(
            f"データベースファイル {path} を作成できません: {exc.strerror}。"
            "設定の database_url とフォルダーの権限を確認してください。",
            f"Cannot create the database file {path}: {exc.strerror}. "
            "Check database_url in the settings and the folder's permissions.",
        ) from exc
