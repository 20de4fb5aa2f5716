"""The folder a document scanner saves into: which files are complete and not yet taken in.

A scanner writes a file progressively, so a file is reported only once its size and modification
time have stayed the same for `settle_seconds`. The caller supplies the time (`time.monotonic()` in
the application, a hand-moved clock in tests) and polls whenever it likes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from desktop.intake.loader import is_supported
from desktop.intake.refusals import WatchedFolderUnavailable

__all__ = ["FolderWatch"]


@dataclass(frozen=True)
class _Version:
    size: int
    mtime_ns: int


@dataclass
class _Seen:
    version: _Version
    stable_since: float
    reported: bool = False


class FolderWatch:
    """New, complete page files in one folder (not its subfolders), each reported once."""

    def __init__(self, folder: Path, settle_seconds: float = 2.0) -> None:
        self.folder = folder
        self.settle_seconds = settle_seconds
        self._seen: dict[Path, _Seen] = {}
        self._done: set[Path] = set()
        self._ignored: dict[Path, _Version | None] = {}

    def poll(self, now: float) -> list[Path]:
        """Files that have settled since the last poll, in name order.

        Raises `WatchedFolderUnavailable` when the folder cannot be listed.
        """
        present = self._scan()
        for gone in self._seen.keys() - present.keys():
            del self._seen[gone]
        self._done &= present.keys()
        self._ignored = {
            path: version
            for path, version in self._ignored.items()
            if version is None or present.get(path) == version
        }
        ready = []
        for path, version in sorted(present.items()):
            if path in self._done or path in self._ignored:
                continue
            seen = self._seen.get(path)
            if seen is None or seen.version != version:
                # New, or still being written (or rewritten after it was reported).
                self._seen[path] = _Seen(version, now)
            elif not seen.reported and now - seen.stable_since >= self.settle_seconds:
                seen.reported = True
                ready.append(path)
        return ready

    def mark_done(self, path: Path) -> None:
        """`path` was taken in: never report it again while it stays in the folder."""
        self._done.add(path)

    def ignore(self, path: Path, *, for_good: bool = False) -> None:
        """Stop reporting `path` — until its content changes, or `for_good`."""
        if for_good:
            self._ignored[path] = None
            return
        try:
            stat = path.stat()
        except OSError:
            return  # already gone: nothing to ignore
        self._ignored[path] = _Version(stat.st_size, stat.st_mtime_ns)

    def _scan(self) -> dict[Path, _Version]:
        try:
            entries = list(os.scandir(self.folder))
        except OSError as exc:
            raise WatchedFolderUnavailable(self.folder) from exc
        found = {}
        for entry in entries:
            # Hidden files are the scanner's own temporary files.
            if entry.name.startswith(".") or not is_supported(Path(entry.name)):
                continue
            try:
                if not entry.is_file():
                    continue
                stat = entry.stat()
            except OSError:  # removed between listing and looking
                continue
            if stat.st_size > 0:
                found[Path(entry.path)] = _Version(stat.st_size, stat.st_mtime_ns)
        return found
