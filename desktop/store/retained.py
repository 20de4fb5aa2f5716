"""Queries on the retained data: extracts of a case, label maps, snapshots, letters' disclosures."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.store.decision_models import Decision
from desktop.store.retained_models import (
    CaseExtract,
    LetterDisclosure,
    RetainedSnapshot,
    SourceLabel,
)


def extracts_of_case(session: Session, case_id: int) -> list[CaseExtract]:
    """The case's extracts in the order they were attached."""
    return list(
        session.scalars(
            select(CaseExtract).where(CaseExtract.case_id == case_id).order_by(CaseExtract.id)
        )
    )


def add_extract(session: Session, extract: CaseExtract) -> None:
    session.add(extract)
    session.flush()


def labels_of(session: Session, source: str) -> dict[str, str]:
    """The label map of `source`: column header → readable label."""
    rows = session.scalars(select(SourceLabel).where(SourceLabel.source == source))
    return {row.column: row.label for row in rows}


def set_labels(session: Session, source: str, labels: Mapping[str, str]) -> None:
    """Store the labels given for `source`; an empty label removes that column's entry."""
    current = {
        row.column: row
        for row in session.scalars(select(SourceLabel).where(SourceLabel.source == source))
    }
    for column, label in labels.items():
        row = current.get(column)
        if not label.strip():
            if row is not None:
                session.delete(row)
        elif row is None:
            session.add(SourceLabel(source=source, column=column, label=label.strip()))
        else:
            row.label = label.strip()
    session.flush()


def add_snapshot(session: Session, snapshot: RetainedSnapshot) -> None:
    session.add(snapshot)
    session.flush()


def snapshot_by_id(session: Session, snapshot_id: int) -> RetainedSnapshot | None:
    return session.get(RetainedSnapshot, snapshot_id)


def add_disclosure(session: Session, disclosure: LetterDisclosure) -> None:
    session.add(disclosure)
    session.flush()


def disclosure_of_letter(session: Session, letter_id: int) -> LetterDisclosure | None:
    return session.get(LetterDisclosure, letter_id)


def decided_snapshot_id(session: Session, case_id: int, kind: str) -> int | None:
    """The snapshot the case's decision on `kind` was made on, if any."""
    return session.scalar(
        select(Decision.snapshot_id).where(Decision.case_id == case_id, Decision.kind == kind)
    )
