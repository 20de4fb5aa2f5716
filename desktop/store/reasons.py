"""Queries on the reasons administrators added to the catalog and on retirements (理由)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.reasons import Reason, ReasonGround
from desktop.store.db import flush_new
from desktop.store.decision_models import AddedReason, ReasonRetirement


def added_reasons(session: Session) -> tuple[Reason, ...]:
    """The reasons administrators added, oldest first (as the catalog lists them)."""
    rows: Sequence[AddedReason] = session.scalars(
        select(AddedReason).order_by(AddedReason.id)
    ).all()
    return tuple(
        Reason(
            code=row.code,
            ground=ReasonGround(row.ground),
            legal_basis_ja=row.legal_basis_ja,
            legal_basis_en=row.legal_basis_en,
            title_ja=row.title_ja,
            title_en=row.title_en,
            letter_ja=row.letter_ja,
            letter_en=row.letter_en,
        )
        for row in rows
    )


def retired_codes(session: Session) -> frozenset[str]:
    return frozenset(session.scalars(select(ReasonRetirement.code)))


def code_is_added(session: Session, code: str) -> bool:
    return session.scalar(select(AddedReason.id).where(AddedReason.code == code)) is not None


def add_reason(session: Session, reason: Reason, user_id: int, now: datetime) -> int | None:
    """Store an added reason and return its id; None when another workstation stored the same
    code just now (the transaction must then be abandoned)."""
    row = AddedReason(
        code=reason.code,
        ground=reason.ground.value,
        legal_basis_ja=reason.legal_basis_ja,
        legal_basis_en=reason.legal_basis_en,
        title_ja=reason.title_ja,
        title_en=reason.title_en,
        letter_ja=reason.letter_ja,
        letter_en=reason.letter_en,
        created_by=user_id,
        created_at=now,
    )
    session.add(row)
    return row.id if flush_new(session) else None


def retire(session: Session, code: str, user_id: int, now: datetime) -> bool:
    """Record the retirement of `code`; False when another workstation retired it just now
    (the transaction must then be abandoned)."""
    session.add(ReasonRetirement(code=code, retired_by=user_id, retired_at=now))
    return flush_new(session)
