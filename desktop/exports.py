"""Files Kaiji Desk writes for its users (PDFs, CSVs, ZIPs, backups): all or nothing.

Every such file is written to a temporary file in the same folder, flushed to the disk and then
renamed over its final name, so a full disk, a pulled cable or a crash leaves the old file or no
file, never a truncated one under the final name. A failure is an `ExportFailed` a user can read.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from desktop.domain.errors import KnownError

__all__ = [
    "ExportFailed",
    "atomic_target",
    "write_atomically",
]


class ExportFailed(KnownError):
    def __init__(self, path: Path, why: str) -> None:
        super().__init__(
            f"ファイル {path} を保存できません（{why}）。途中までのファイルは残していません。"
            "保存先とディスクの空きを確認してください。",
            f"The file {path} could not be saved ({why}). No partial file was left. "
            "Check the folder and the free disk space.",
        )
        self.path = path
        self.reason = why


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":  # Windows cannot open a folder; its rename is durable enough.
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _discard(tmp: Path) -> None:
    with suppress(OSError):
        tmp.unlink()


@contextmanager
def atomic_target(path: Path) -> Iterator[Path]:
    """A temporary file (empty, owner-only) beside `path` to write to; when the block ends it is
    flushed to disk and renamed to `path`. If the block or the rename fails, the temporary file
    is removed and the failure raised as `ExportFailed` (a `KnownError` from the block passes
    through unchanged)."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        # Created private: what the app exports is personal data.
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
        yield tmp
        with tmp.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        _fsync_folder(path.parent)
    except KnownError:
        _discard(tmp)
        raise
    except OSError as exc:
        _discard(tmp)
        raise ExportFailed(path, exc.strerror or type(exc).__name__) from exc
    except BaseException:
        _discard(tmp)
        raise


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` all at once or not at all (`ExportFailed`)."""
    with atomic_target(path) as tmp:
        descriptor = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
