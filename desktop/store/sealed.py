"""The rows that hold something sealed with the workstation key: page images and letters.

Read to check a restored database (every blob opens) and to re-seal them under a new key
(`kaiji key rotate`), a case at a time.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.store.letter_models import Letter
from desktop.store.models import Case, Document

_BATCH = 200


class SealedBlob(NamedTuple):
    kind: str  # "page" or "letter"
    row_id: int
    blob: bytes
    sha256: str


def sealed_blobs(session: Session) -> Iterator[SealedBlob]:
    """Every sealed page and letter, a batch at a time."""
    last = 0
    while True:
        pages = session.execute(
            select(Document.id, Document.image, Document.sha256)
            .where(Document.id > last, Document.image.is_not(None))
            .order_by(Document.id)
            .limit(_BATCH)
        ).all()
        for row_id, image, digest in pages:
            yield SealedBlob("page", row_id, image or b"", digest)
        if len(pages) < _BATCH:
            break
        last = pages[-1][0]
    last = 0
    while True:
        letters = session.execute(
            select(Letter.id, Letter.blob, Letter.sha256)
            .where(Letter.id > last)
            .order_by(Letter.id)
            .limit(_BATCH)
        ).all()
        for row_id, blob, digest in letters:
            yield SealedBlob("letter", row_id, blob, digest)
        if len(letters) < _BATCH:
            break
        last = letters[-1][0]


def case_ids(session: Session) -> list[int]:
    return list(session.scalars(select(Case.id).order_by(Case.id)))


def pages_of(session: Session, case_id: int | None) -> list[Document]:
    """The stored page images of a case (None: the inbox)."""
    owner = Document.case_id.is_(None) if case_id is None else Document.case_id == case_id
    query = select(Document).where(owner, Document.image.is_not(None)).order_by(Document.id)
    return list(session.scalars(query))


def letters_of(session: Session, case_id: int) -> list[Letter]:
    return list(session.scalars(select(Letter).where(Letter.case_id == case_id)))


def all_pages(session: Session) -> Iterator[list[Document]]:
    """Every stored page image, a batch at a time (the caller flushes and lets go of each)."""
    last = 0
    while batch := list(
        session.scalars(
            select(Document)
            .where(Document.id > last, Document.image.is_not(None))
            .order_by(Document.id)
            .limit(_BATCH)
        )
    ):
        yield batch
        last = batch[-1].id


def all_letters(session: Session) -> Iterator[list[Letter]]:
    last = 0
    while batch := list(
        session.scalars(select(Letter).where(Letter.id > last).order_by(Letter.id).limit(_BATCH))
    ):
        yield batch
        last = batch[-1].id
