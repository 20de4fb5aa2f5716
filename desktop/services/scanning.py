"""From files on disk to stored pages: load, read with OCR (masking included), store encrypted.

The files are all checked before any page is read, and nothing is stored until every page is read:
a refused file or a cancel leaves the case as it was (the files stay where they are).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.domain.documents import DocumentKind
from desktop.domain.errors import InvalidInput
from desktop.domain.progress import CancelToken, Progress
from desktop.domain.roles import Permission
from desktop.intake.batch import split_batch
from desktop.intake.pages import LoadedPage
from desktop.ocr.batch import ReadCancelled, reread_page
from desktop.services import documents
from desktop.services.changes import Changes
from desktop.services.context import CurrentUser, ServiceContext
from desktop.services.documents import PageToStore
from desktop.services.page_reading import load_files, read_all
from desktop.store import cases as case_store
from desktop.store.db import unit_of_work

log = logging.getLogger("kaiji.services.scanning")


@dataclass(frozen=True)
class ScanOutcome:
    document_ids: tuple[int, ...]
    pages: int
    masked_pages: int
    warnings: tuple[str, ...]
    cancelled: bool
    changes: Changes


@dataclass(frozen=True)
class BatchOutcome:
    routed: dict[str, int]  # case reference → pages stored with that case
    inbox_pages: int  # pages no cover sheet routed (or routed to an unknown case)
    cover_sheets: int
    blank_pages: int
    masked_pages: int
    cancelled: bool
    changes: Changes


def read(
    pages: Sequence[LoadedPage],
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    workers: int | None = None,
) -> list[PageToStore] | None:
    """OCR the pages in parallel, ready to store in page order; None when cancelled."""
    results: dict[int, PageToStore] = {}
    try:
        for index, result in read_all(pages, progress, cancel, workers):
            page = pages[index]
            results[index] = PageToStore.from_result(
                page.source.name, page.page_no, page.dpi, result
            )
    except ReadCancelled:
        log.info("reading cancelled after %d of %d pages", len(results), len(pages))
        return None
    return [results[i] for i in range(len(pages))]


def scan_into_case(
    ctx: ServiceContext,
    actor: CurrentUser,
    case_id: int,
    paths: Sequence[Path],
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    workers: int | None = None,
) -> ScanOutcome:
    """Add the pages of `paths` to a case, read and masked."""
    actor.require(Permission.EDIT_CASE)
    read_pages = read(load_files(paths), progress, cancel, workers)
    if read_pages is None:
        return ScanOutcome((), 0, 0, (), True, Changes())
    added = documents.add_pages(ctx, actor, case_id, read_pages)
    warnings = tuple(sorted({w for page in read_pages for w in page.warnings}))
    return ScanOutcome(
        added.document_ids, len(read_pages), added.masked_pages, warnings, False, added.changes
    )


def scan_batch(
    ctx: ServiceContext,
    actor: CurrentUser,
    paths: Sequence[Path],
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    workers: int | None = None,
) -> BatchOutcome:
    """A batch with cover sheets between cases: each case's pages go to it, the rest to the inbox.

    Cover sheets and blank pages are not stored. Pages after a cover sheet naming a case that does
    not exist here wait in the inbox too, so nothing is lost.
    """
    actor.require(Permission.EDIT_CASE)
    split = split_batch(load_files(paths))
    with unit_of_work(ctx.sessions) as session:
        case_ids = {
            reference: case.id
            for reference in split.routed
            if (case := case_store.case_by_reference(session, reference)) is not None
        }
    groups: list[tuple[int | None, str, list[LoadedPage]]] = [
        (case_ids.get(reference), reference, pages) for reference, pages in split.routed.items()
    ]
    groups.append((None, "", list(split.unrouted)))
    ordered = [page for _, _, pages in groups for page in pages]
    stored = read(ordered, progress, cancel, workers) if ordered else []
    if stored is None:
        return BatchOutcome({}, 0, split.cover_sheets, split.blanks, 0, True, Changes())
    routed: dict[str, int] = {}
    inbox = 0
    masked = 0
    affected: set[int] = set()
    start = 0
    for case_id, reference, pages in groups:
        chunk = stored[start : start + len(pages)]
        start += len(pages)
        if not chunk:
            continue
        added = documents.add_pages(ctx, actor, case_id, chunk)
        masked += added.masked_pages
        if case_id is None:
            inbox += len(chunk)
        else:
            routed[reference] = len(chunk)
            affected.add(case_id)
    return BatchOutcome(
        routed,
        inbox,
        split.cover_sheets,
        split.blanks,
        masked,
        False,
        Changes(cases=frozenset(affected)),
    )


def reread(
    ctx: ServiceContext,
    actor: CurrentUser,
    document_id: int,
    expected_version: int,
    kind_hint: DocumentKind | None = None,
) -> Changes:
    """Run OCR again on a stored page, as the kind the clerk chose when given."""
    summary = documents.get_document(ctx, actor, document_id)
    png = documents.view_page(ctx, actor, document_id)
    result = reread_page(png, summary.dpi, kind_hint)
    page = PageToStore.from_result(summary.source_name, summary.source_page, summary.dpi, result)
    return documents.replace_reading(ctx, actor, document_id, expected_version, page)


IMPORTED_FOLDER = "取込済み"


def set_aside(paths: Sequence[Path]) -> list[Path]:
    """Move files taken in from a watched folder into its `取込済み` subfolder (never deleted).

    The watch ignores subfolders, so a restarted workstation does not offer them again.
    """
    moved: list[Path] = []
    for path in paths:
        target_dir = path.parent / IMPORTED_FOLDER
        target_dir.mkdir(exist_ok=True)
        target = target_dir / path.name
        counter = 1
        while target.exists():
            target = target_dir / f"{path.stem}_{counter}{path.suffix}"
            counter += 1
        path.replace(target)
        moved.append(target)
    return moved


def assign_inbox_pages(
    ctx: ServiceContext, actor: CurrentUser, document_ids: Sequence[int], reference: str
) -> Changes:
    """Move inbox pages to the case with this reference (as the clerk typed it)."""
    wanted = reference.strip().upper()
    with unit_of_work(ctx.sessions) as session:
        case = case_store.case_by_reference(session, wanted)
        case_id = case.id if case is not None else None
    if case_id is None:
        raise InvalidInput(
            f"案件番号「{reference}」の案件はありません。",
            f"There is no case with the reference “{reference}”.",
        )
    return documents.assign_to_case(ctx, actor, document_ids, case_id)
