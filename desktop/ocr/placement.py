"""Where pages are read: in worker processes only, or in the calling thread too.

From the command line the calling thread reads pages alongside the workers. The desktop switches
that off at start: Pillow's filters and JPEG encoding hold the GIL for tens of milliseconds, and
in the window's process that stalls the event loop while a batch is read. A module of its own, so
that the switch costs the start-up no OCR import.
"""

from __future__ import annotations

_workers_only = False


def read_in_workers_only(enabled: bool = True) -> None:
    """Read every page in a worker process, none in this one (the desktop asks at start)."""
    global _workers_only  # noqa: PLW0603 — one switch for the whole process, set once at start
    _workers_only = enabled


def workers_only() -> bool:
    return _workers_only
