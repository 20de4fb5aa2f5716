"""Queries on the third-party provision ledger."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.provisions import ProvisionRecord
from desktop.store.letter_models import ProvisionEntry


def add_records(
    session: Session,
    records: list[ProvisionRecord],
    *,
    source: str,
    user_id: int | None,
    now: datetime,
) -> list[int]:
    rows = [
        ProvisionEntry(
            customer_no=r.customer_no,
            provided_on=r.provided_on,
            recipient=r.recipient,
            recipient_address=r.recipient_address,
            recipient_representative=r.recipient_representative,
            items=r.items,
            basis=r.basis,
            keep_until=r.keep_until,
            source=source,
            created_by=user_id,
            created_at=now,
        )
        for r in records
    ]
    session.add_all(rows)
    session.flush()
    return [row.id for row in rows]


def kept_for(session: Session, customer_no: str, today: date) -> list[ProvisionRecord]:
    """The customer's records still within their retention period, oldest first."""
    rows = session.scalars(
        select(ProvisionEntry)
        .where(ProvisionEntry.customer_no == customer_no, ProvisionEntry.keep_until >= today)
        .order_by(ProvisionEntry.provided_on, ProvisionEntry.id)
    )
    return [
        ProvisionRecord(
            provided_on=row.provided_on,
            recipient=row.recipient,
            recipient_address=row.recipient_address,
            recipient_representative=row.recipient_representative,
            items=row.items,
            customer_no=row.customer_no,
            basis=row.basis,
        )
        for row in rows
    ]
