"""Many pages in worker processes: page order, progress, cancel, broken input."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.domain.documents import DocumentKind, FieldName
from desktop.domain.progress import CancelToken
from desktop.ocr import batch, placement
from desktop.ocr.batch import ReadCancelled, UnreadablePage, read_pages
from desktop.ocr.results import PageResult
from tests.ocr.render import png, render

NAMES = ("山田 太郎", "佐藤 花子", "鈴木 一郎")


def pages() -> list[bytes]:
    return [
        png(render([(40, 40, "委任状", 40), (40, 140, f"委任者 氏名 {name}", 34)], (900, 260)))
        for name in NAMES
    ]


def test_two_workers_return_every_page_in_order_with_progress() -> None:
    seen: list[tuple[int, int]] = []
    results = read_pages(
        pages(), 300, progress=lambda done, total: seen.append((done, total)), workers=2
    )
    assert [r.fields[FieldName.NAME].value for r in results] == list(NAMES)
    assert all(r.kind is DocumentKind.POWER_OF_ATTORNEY for r in results)
    assert seen[0] == (0, 3)
    assert seen[-1] == (3, 3)


def test_cancel_stops_the_reading() -> None:
    cancel = CancelToken()

    def stop_after_the_first(done: int, _total: int) -> None:
        if done == 1:
            cancel.cancel()

    with pytest.raises(ReadCancelled) as stopped:
        read_pages(pages(), 300, progress=stop_after_the_first, cancel=cancel, workers=1)
    assert stopped.value.done == 1
    assert "中止" in stopped.value.message_ja


def test_bytes_that_are_no_image_give_a_known_error() -> None:
    with pytest.raises(UnreadablePage) as broken:
        read_pages([b"not an image"], 300)
    assert "1" in broken.value.message_en


@pytest.fixture
def in_workers_only() -> Iterator[None]:
    placement.read_in_workers_only()
    yield
    placement.read_in_workers_only(False)


def _not_here(*_args: object) -> PageResult:
    raise AssertionError("a page was read in the window's process")


@pytest.mark.usefixtures("in_workers_only")
def test_the_desktop_reads_no_page_in_its_own_process(monkeypatch: pytest.MonkeyPatch) -> None:
    # Only this process's module is patched: a spawned worker imports its own.
    monkeypatch.setattr(batch, "read_page", _not_here)
    results = read_pages(pages()[:2], 300, workers=1)
    assert [r.fields[FieldName.NAME].value for r in results] == list(NAMES[:2])
    again = batch.reread_page(pages()[2], 300, DocumentKind.POWER_OF_ATTORNEY)
    assert again.fields[FieldName.NAME].value == NAMES[2]
