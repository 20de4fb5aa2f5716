"""Garbage collection tuned for an interactive program that holds many long-lived objects.

A full collection walks every tracked object, and with Qt, SQLAlchemy and the OCR modules loaded
that took 170–620 ms on the project's 2-core machines, holding the GIL: the window froze whenever
one ran on a worker thread during an import. After start-up everything loaded so far is frozen
(`gc.freeze`: never scanned again, never freed — it lives as long as the program anyway), and
the thresholds let the young generations collect less often, so full collections are rare and
only walk what was created since.
"""

from __future__ import annotations

import gc
import logging

log = logging.getLogger("kaiji.gc")

# Generation 0 collects after this many new container objects (CPython's default is 700): a
# page of rows or a batch of imported records no longer triggers several collections.
YOUNG = 20_000
MIDDLE = 20  # young collections before a middle one (default 10)
OLD = 50  # middle collections before a full one is considered (default 10)


def tune() -> None:
    """Raise the thresholds; call once at start."""
    gc.set_threshold(YOUNG, MIDDLE, OLD)


def freeze_loaded() -> None:
    """Move everything alive now out of the collector's sight (after start-up's loads)."""
    gc.collect()
    gc.freeze()
    log.info("garbage collector: %d objects frozen", gc.get_freeze_count())
