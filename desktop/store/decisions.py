"""Queries on decisions per request kind and on the supervisor's reviews of them."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.store.decision_models import CaseReview, Decision


def of_case(session: Session, case_id: int) -> list[Decision]:
    """The case's decisions in the order they were recorded."""
    return list(
        session.scalars(select(Decision).where(Decision.case_id == case_id).order_by(Decision.id))
    )


def of_cases(session: Session, case_ids: Sequence[int]) -> dict[int, list[Decision]]:
    """The decisions of each case, by case id, each in the order they were recorded."""
    rows: dict[int, list[Decision]] = {case_id: [] for case_id in case_ids}
    if rows:
        for row in session.scalars(
            select(Decision).where(Decision.case_id.in_(rows)).order_by(Decision.id)
        ):
            rows[row.case_id].append(row)
    return rows


def replace(session: Session, old: Sequence[Decision], new: Sequence[Decision]) -> None:
    """Delete `old` and store `new` in their place, flushed."""
    for row in old:
        session.delete(row)
    session.flush()  # the unique (case, kind) must be free before the new rows go in
    session.add_all(new)
    session.flush()


def reviews_of_case(session: Session, case_id: int) -> list[CaseReview]:
    return list(
        session.scalars(
            select(CaseReview).where(CaseReview.case_id == case_id).order_by(CaseReview.id)
        )
    )


def add_review(session: Session, review: CaseReview) -> None:
    session.add(review)
