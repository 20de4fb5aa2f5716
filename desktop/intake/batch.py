"""Splitting a scanned batch at its cover sheets and routing the pages to their cases.

Cover sheets and blank pages are dropped; pages before the first cover sheet cannot be routed and
go to the inbox for a clerk to assign.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from desktop.intake.blank import is_blank
from desktop.intake.cover_sheet import read_cover_sheet
from desktop.intake.pages import LoadedPage

__all__ = ["BatchSplit", "split_batch"]


@dataclass
class BatchSplit:
    routed: dict[str, list[LoadedPage]] = field(default_factory=dict)  # case reference → pages
    unrouted: list[LoadedPage] = field(default_factory=list)  # before any cover sheet
    cover_sheets: int = 0
    blanks: int = 0


def split_batch(pages: Sequence[LoadedPage]) -> BatchSplit:
    """Pages in scan order, grouped under the case of the last cover sheet before them.

    A reference that appears on two cover sheets collects the pages after both.
    """
    split = BatchSplit()
    current: list[LoadedPage] = split.unrouted
    for page in pages:
        image = page.image
        if is_blank(image):
            split.blanks += 1
            continue
        reference = read_cover_sheet(image)
        if reference is not None:
            split.cover_sheets += 1
            current = split.routed.setdefault(reference, [])
            continue
        current.append(page)
    return split
