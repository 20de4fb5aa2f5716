"""Queries on issued letters, their prints and a case's changed addressee."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from desktop.store.db import flush_new
from desktop.store.letter_models import (
    Letter,
    LetterAddressee,
    LetterNumberCounter,
    LetterPrint,
)
from desktop.store.models import Case


def by_id(session: Session, letter_id: int) -> Letter | None:
    return session.get(Letter, letter_id)


def of_case(session: Session, case_id: int) -> list[Letter]:
    """Every issued letter of the case, old versions included, oldest first."""
    return list(
        session.scalars(select(Letter).where(Letter.case_id == case_id).order_by(Letter.id))
    )


def current(session: Session, case_id: int, kind: str) -> Letter | None:
    """The version of the case's letter of `kind` that no correction replaced."""
    return session.scalar(
        select(Letter).where(
            Letter.case_id == case_id, Letter.kind == kind, Letter.superseded_by.is_(None)
        )
    )


def by_version(session: Session, case_id: int, kind: str, version: int) -> Letter | None:
    return session.scalar(
        select(Letter).where(
            Letter.case_id == case_id, Letter.kind == kind, Letter.version == version
        )
    )


def next_version(session: Session, case_id: int, kind: str) -> int:
    last = session.scalar(
        select(func.max(Letter.version)).where(Letter.case_id == case_id, Letter.kind == kind)
    )
    return (last or 0) + 1


def next_number(session: Session, series: str, year: int) -> int:
    """The next serial of `series` in `year`, taken atomically: the counter row is created if
    missing (a concurrent creator wins silently), then incremented in one UPDATE … RETURNING,
    which holds the row until commit, so two workstations never get the same serial."""
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    session.execute(
        insert(LetterNumberCounter)
        .values(series=series, year=year, last=0)
        .on_conflict_do_nothing(index_elements=["series", "year"])
    )
    serial = session.scalar(
        update(LetterNumberCounter)
        .where(LetterNumberCounter.series == series, LetterNumberCounter.year == year)
        .values(last=LetterNumberCounter.last + 1)
        .returning(LetterNumberCounter.last)
    )
    assert serial is not None  # the row exists: inserted above or by another workstation
    return int(serial)


def by_number(session: Session, number: str) -> Letter | None:
    return session.scalar(select(Letter).where(Letter.document_number == number))


def add(session: Session, letter: Letter) -> bool:
    """Store an issued letter; False when another workstation issued the same version first
    (the transaction is then spoiled and the caller raises)."""
    session.add(letter)
    return flush_new(session)


def print_count(session: Session, letter_id: int) -> int:
    return (
        session.scalar(select(func.count(LetterPrint.id)).where(LetterPrint.letter_id == letter_id))
        or 0
    )


def add_print(session: Session, record: LetterPrint) -> None:
    session.add(record)
    session.flush()


def prints_of(session: Session, letter_ids: Iterable[int]) -> list[LetterPrint]:
    """The print records of the letters, oldest first."""
    return list(
        session.scalars(
            select(LetterPrint)
            .where(LetterPrint.letter_id.in_(list(letter_ids)))
            .order_by(LetterPrint.id)
        )
    )


def unprinted_count(session: Session, case_id: int, kinds: Sequence[str]) -> int:
    """Current letters of the case of `kinds` never printed."""
    return (
        session.scalar(
            select(func.count(Letter.id)).where(
                Letter.case_id == case_id,
                Letter.kind.in_(kinds),
                Letter.superseded_by.is_(None),
                Letter.id.not_in(select(LetterPrint.letter_id)),
            )
        )
        or 0
    )


def unprinted_in_status(session: Session, status: str) -> list[tuple[Letter, str]]:
    """Current, never printed letters of cases in `status` with the case reference, oldest
    first."""
    rows = session.execute(
        select(Letter, Case.reference)
        .join(Case, Case.id == Letter.case_id)
        .where(
            Case.status == status,
            Letter.superseded_by.is_(None),
            Letter.id.not_in(select(LetterPrint.letter_id)),
        )
        .order_by(Letter.created_at, Letter.id)
    )
    return [(letter, reference) for letter, reference in rows]


def changed_addressee(session: Session, case_id: int) -> LetterAddressee | None:
    """The approved change of where the case's letters go, if any."""
    return session.get(LetterAddressee, case_id)


def save_addressee(session: Session, row: LetterAddressee) -> None:
    session.add(row)
    session.flush()
