"""Queries on the customer registry (登録情報)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.store.models import Customer


def count_customers(session: Session) -> int:
    return session.execute(select(func.count(Customer.id))).scalar_one()


def by_customer_no(session: Session, customer_no: str) -> Customer | None:
    return session.execute(
        select(Customer).where(Customer.customer_no == customer_no)
    ).scalar_one_or_none()
