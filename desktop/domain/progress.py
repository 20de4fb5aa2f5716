"""How long work reports how far it got and learns that the user wants it stopped.

A use case that reads a batch of scans or imports a registry takes `progress` and `cancel`, both
optional: `progress(done, total)` is called from the worker's thread (total -1 when unknown), and
the work polls `cancel.cancelled` between steps. The GUI sets the token from its own thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

__all__ = ["CancelToken", "Progress", "is_cancelled", "report"]

Progress = Callable[[int, int], None]


class CancelToken:
    """Set once, from any thread; polled by the work between its steps."""

    __slots__ = ("_event",)

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()


def is_cancelled(cancel: CancelToken | None) -> bool:
    """Whether the optional token has been set."""
    return cancel is not None and cancel.cancelled


def report(progress: Progress | None, done: int, total: int) -> None:
    """Call the optional progress callable."""
    if progress is not None:
        progress(done, total)
