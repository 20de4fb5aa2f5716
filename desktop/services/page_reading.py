"""Reading page files without a database: load, OCR and mask (the `kaiji ocr` command's path).

Nothing here imports the store, so a command that only reads pages starts without SQLAlchemy or
the ciphers (ARCHITECTURE.md "Facts": start-up time). Storing the pages is `services/scanning.py`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from desktop.domain.errors import KnownError
from desktop.domain.progress import CancelToken, Progress
from desktop.intake.loader import load_pages
from desktop.intake.pages import LoadedPage
from desktop.ocr.batch import iter_pages
from desktop.ocr.results import PageResult


class NoPages(KnownError):
    def __init__(self) -> None:
        super().__init__("読み取るページがありません。", "There are no pages to read.")


def load_files(paths: Sequence[Path]) -> list[LoadedPage]:
    """Every page of every file; any refused file refuses the lot (nothing half-loaded)."""
    pages = [page for path in paths for page in load_pages(path)]
    if not pages:
        raise NoPages
    return pages


def read_all(
    pages: Sequence[LoadedPage],
    progress: Progress | None,
    cancel: CancelToken | None,
    workers: int | None,
) -> Iterator[tuple[int, PageResult]]:
    """(page index, result) for every page, read in parallel in groups of one resolution."""
    total = len(pages)
    by_dpi: dict[int, list[int]] = {}
    for index, page in enumerate(pages):
        by_dpi.setdefault(page.dpi, []).append(index)
    done_before = 0

    def report(done: int, _total: int) -> None:
        if progress is not None:
            progress(done_before + done, total)

    for dpi, indexes in by_dpi.items():
        images = [pages[i].png for i in indexes]
        for position, result in iter_pages(images, dpi, report, cancel, workers):
            yield indexes[position], result
        done_before += len(indexes)


def read_files_for_report(
    paths: Sequence[Path],
    progress: Progress | None = None,
    workers: int | None = None,
    masked_dir: Path | None = None,
) -> list[dict[str, object]]:
    """`kaiji ocr`: every page of every file read and masked, as `OcrPage.to_json` objects.

    Nothing is stored; the masked digits are in none of the values. With `masked_dir`, the exact
    image each page would be stored as is written there (FILE_pN.jpg), for an auditor to look at.
    """
    pages = load_files(paths)
    report: list[dict[str, object]] = [{} for _ in pages]
    for index, result in read_all(pages, progress, None, workers):
        page = pages[index]
        report[index] = result.to_json(str(page.source), page.page_no)
        if masked_dir is not None:
            masked_dir.mkdir(parents=True, exist_ok=True)
            target = masked_dir / f"{page.source.stem}_p{page.page_no}.jpg"
            target.write_bytes(result.image_data)
            report[index]["masked_image"] = str(target)
    return report
