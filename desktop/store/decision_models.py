"""Tables for decisions (決定), supervisor reviews (承認) and reasons administrators add (理由).

Seed reasons live in `desktop.domain.reasons`; only added reasons and retirements are stored.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.models import Base


class Decision(Base):
    """The decision on one request kind of a case; a case's decisions are replaced as a whole."""

    __tablename__ = "decisions"
    __table_args__ = (UniqueConstraint("case_id", "kind", name="uq_decisions_case_kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    outcome: Mapped[str] = mapped_column(String(32))
    reason_codes: Mapped[list[Any]] = mapped_column(JSON, default=list)
    detail: Mapped[str] = mapped_column(Text, default="")
    method: Mapped[str | None] = mapped_column(String(16))
    method_impossible: Mapped[bool] = mapped_column(Boolean, default=False)
    fee_status: Mapped[str] = mapped_column(String(16))
    # [{"item": "registry/与信ランク", "reason": code}]: the retained items not disclosed
    withheld: Mapped[list[Any]] = mapped_column(JSON, default=list)
    snapshot_id: Mapped[int | None] = mapped_column(ForeignKey("retained_snapshots.id"))
    decided_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime]


class CaseReview(Base):
    """One supervisor review of a case's decisions: approved, or returned with a comment."""

    __tablename__ = "case_reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    # None when the case reached review without recorded decisions (nothing to attribute).
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reviewed_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    result: Mapped[str] = mapped_column(String(16))
    comment: Mapped[str] = mapped_column(Text, default="")
    reviewed_at: Mapped[datetime]


class AddedReason(Base):
    """A reason an administrator added to the catalog; never deleted, only retired."""

    __tablename__ = "reasons"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    ground: Mapped[str] = mapped_column(String(32))
    legal_basis_ja: Mapped[str] = mapped_column(String(200))
    legal_basis_en: Mapped[str] = mapped_column(String(200))
    title_ja: Mapped[str] = mapped_column(String(200))
    title_en: Mapped[str] = mapped_column(String(200))
    letter_ja: Mapped[str] = mapped_column(Text)
    letter_en: Mapped[str] = mapped_column(Text)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime]


class ReasonRetirement(Base):
    """A reason (seed or added) no longer offered for new decisions; old letters still cite it."""

    __tablename__ = "reason_retirements"

    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    retired_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    retired_at: Mapped[datetime]
