"""Reading many pages in worker processes, results in page order, with progress and cancel.

Workers are started with `spawn` (safe under a Qt GUI, and the same on every platform): they get
encoded image bytes and return plain `PageResult` dataclasses.

Whether the calling thread reads pages too is `ocr/placement.py`'s switch.
"""

from __future__ import annotations

import io
import multiprocessing
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from itertools import islice

from PIL import Image, UnidentifiedImageError

from desktop.domain.documents import DocumentKind
from desktop.domain.errors import KnownError
from desktop.domain.progress import CancelToken, Progress, is_cancelled
from desktop.ocr import placement
from desktop.ocr.page import read_page
from desktop.ocr.results import PageResult

__all__ = ["ReadCancelled", "UnreadablePage", "iter_pages", "read_pages", "reread_page"]


class ReadCancelled(KnownError):
    """The user stopped the reading before every page was done."""

    def __init__(self, done: int, total: int) -> None:
        super().__init__(
            f"読み取りを中止しました（{total}ページ中{done}ページ完了）。",
            f"Reading was cancelled ({done} of {total} pages done).",
        )
        self.done, self.total = done, total

    def __reduce__(self) -> tuple[type[ReadCancelled], tuple[int, int]]:
        return type(self), (self.done, self.total)


class UnreadablePage(KnownError):
    """A page's bytes are not an image Pillow can open."""

    def __init__(self, index: int) -> None:
        super().__init__(
            f"{index + 1}ページ目の画像を読み込めません。"
            "ファイルが壊れていないか確認してください。",
            f"Page {index + 1} is not a readable image; check that the file is not damaged.",
        )
        self.index = index

    def __reduce__(self) -> tuple[type[UnreadablePage], tuple[int]]:
        return type(self), (self.index,)


def _read_one(index: int, data: bytes, dpi: int) -> tuple[int, PageResult]:
    """Worker entry point (top level, so that spawned processes can import it)."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            return index, read_page(image, dpi)
    except (UnidentifiedImageError, OSError):
        raise UnreadablePage(index) from None


def _reread_one(data: bytes, dpi: int, kind_hint: DocumentKind | None) -> PageResult:
    """Worker entry point for reading one stored page again, as the kind the clerk chose."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            return read_page(image.convert("RGB"), dpi, kind_hint)
    except (UnidentifiedImageError, OSError):
        raise UnreadablePage(0) from None


def reread_page(data: bytes, dpi: int, kind_hint: DocumentKind | None = None) -> PageResult:
    """Read one page again: in a worker process when `placement.workers_only()`."""
    if not placement.workers_only():
        return _reread_one(data, dpi, kind_hint)
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return pool.submit(_reread_one, data, dpi, kind_hint).result()


def _cores() -> int:
    counter = getattr(os, "process_cpu_count", None) or os.cpu_count
    return counter() or 1


def _in_process(
    images: Sequence[bytes], dpi: int, cancel: CancelToken | None
) -> Iterator[tuple[int, PageResult]]:
    for index, data in enumerate(images):
        if is_cancelled(cancel):
            raise ReadCancelled(index, len(images))
        yield _read_one(index, data, dpi)


def _in_pool(
    images: Sequence[bytes],
    dpi: int,
    cancel: CancelToken | None,
    processes: int,
    *,
    read_here: bool = True,
) -> Iterator[tuple[int, PageResult]]:
    """`processes` worker processes, and this thread when `read_here`, read the pages.

    This thread has its engine loaded already (or loads it in a fifth of the time a new process
    takes to start), so it reads pages while the workers start instead of waiting for them.
    """
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=processes, mp_context=context) as pool:
        queued = iter(enumerate(images))
        # A short queue, so that a cancel leaves little work already handed out.
        pending: set[Future[tuple[int, PageResult]]] = {
            pool.submit(_read_one, index, data, dpi)
            for index, data in islice(queued, 2 * processes)
        }
        done = 0
        try:
            while True:
                if is_cancelled(cancel):
                    raise ReadCancelled(done, len(images))
                finished = {future for future in pending if future.done()}
                pending -= finished
                for future in finished:
                    done += 1
                    yield future.result()
                    for index, data in islice(queued, 1):
                        pending.add(pool.submit(_read_one, index, data, dpi))
                if finished:
                    continue
                page = next(queued, None) if read_here else None
                if page is not None:
                    done += 1
                    yield _read_one(page[0], page[1], dpi)
                elif pending:
                    wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
                else:
                    return
        finally:
            for future in pending:
                future.cancel()


def iter_pages(
    images: Sequence[bytes],
    dpi: int,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    workers: int | None = None,
) -> Iterator[tuple[int, PageResult]]:
    """Yield (page index, result) as each page finishes; raise ReadCancelled when cancelled."""
    total = len(images)
    size = max(1, min(workers or _cores(), total))
    if progress is not None:
        progress(0, total)
    # One worker reads in this process: starting another would only add its start-up time.
    if placement.workers_only():
        results = _in_pool(images, dpi, cancel, size, read_here=False)
    elif size == 1:
        results = _in_process(images, dpi, cancel)
    else:
        results = _in_pool(images, dpi, cancel, size - 1)
    for done, item in enumerate(results, start=1):
        yield item
        if progress is not None:
            progress(done, total)


def read_pages(
    images: Sequence[bytes],
    dpi: int,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    workers: int | None = None,
) -> list[PageResult]:
    """Read encoded page images (PNG, JPEG, TIFF …) in parallel; results in page order.

    `workers` defaults to the number of cores this process may use. `progress(done, total)` is
    called in the caller's thread; `cancel` is polled and stops the work with ReadCancelled.
    """
    results: dict[int, PageResult] = {}
    for index, result in iter_pages(images, dpi, progress, cancel, workers):
        results[index] = result
    return [results[i] for i in range(len(images))]
