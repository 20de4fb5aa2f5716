"""Two workstations adding pages to the same case at once number them 1, 2, 3, 4: never 1, 2
twice (the case row is locked while the next position is taken, and the database refuses a
second page at the same position)."""

from __future__ import annotations

import contextlib
import threading

import pytest
from sqlalchemy.exc import IntegrityError

from desktop.services import cases, documents
from desktop.services.context import ServiceContext
from desktop.store import documents as document_store
from desktop.store.db import Session, unit_of_work
from desktop.store.models import Document
from tests.conftest import Staff, both_databases
from tests.factories import envelope
from tests.services.test_backup import _page


@both_databases
def test_two_workstations_adding_pages_at_once_get_one_to_four(
    ctx: ServiceContext, staff: Staff, monkeypatch: pytest.MonkeyPatch
) -> None:
    case_id = cases.log_envelope(ctx, staff.clerk, envelope(1)).case_id
    both_read = threading.Barrier(2, timeout=3)
    original = document_store.next_position

    def slow_next_position(session: Session, of_case: int | None) -> int:
        position = original(session, of_case)
        # Each workstation has read the last position; neither has stored its pages yet.
        # A broken barrier: the other one waits for this one to finish, as it should.
        with contextlib.suppress(threading.BrokenBarrierError):
            both_read.wait()
        return position

    monkeypatch.setattr(document_store, "next_position", slow_next_position)
    failures: list[BaseException] = []

    def workstation(clerk_no: int) -> None:
        clerk = staff.clerk if clerk_no == 1 else staff.clerk2
        try:
            documents.add_pages(ctx, clerk, case_id, [_page(f"{clerk_no}a"), _page(f"{clerk_no}b")])
        except BaseException as exc:  # noqa: BLE001 - reported below
            failures.append(exc)

    threads = [threading.Thread(target=workstation, args=(n,)) for n in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    pages = documents.list_documents(ctx, staff.clerk, case_id)
    assert sorted(p.position for p in pages) == [1, 2, 3, 4]


@both_databases
def test_the_database_refuses_two_pages_at_one_position(ctx: ServiceContext, staff: Staff) -> None:
    case_id = cases.log_envelope(ctx, staff.clerk, envelope(1)).case_id
    (first,) = documents.add_pages(ctx, staff.clerk, case_id, [_page("a")]).document_ids

    def store_a_twin() -> None:
        with unit_of_work(ctx.sessions) as session:
            page = session.get(Document, first)
            assert page is not None
            document_store.add(session, _twin(page))

    with pytest.raises(IntegrityError):
        store_a_twin()


def _twin(page: Document) -> Document:
    return Document(
        case_id=page.case_id,
        version=1,
        position=page.position,
        kind=page.kind,
        image=page.image,
        sha256=page.sha256,
        width=1,
        height=1,
        added_by=page.added_by,
        added_at=page.added_at,
    )
