"""Queries on registered mail: incoming envelopes, outgoing answers and the ones that came back."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.store.cases import OUTGOING
from desktop.store.db import flush_new
from desktop.store.letter_models import MailReturn
from desktop.store.models import MailItem


def add(session: Session, item: MailItem) -> None:
    session.add(item)
    session.flush()


def add_unique(session: Session, item: MailItem) -> bool:
    """Store a mail item; False when another workstation stored the same number first (the
    transaction is then spoiled and the caller raises)."""
    session.add(item)
    return flush_new(session)


def outgoing_by_number(session: Session, number: str) -> MailItem | None:
    return session.scalar(
        select(MailItem).where(MailItem.direction == OUTGOING, MailItem.tracking_number == number)
    )


def is_returned(session: Session, mail_item_id: int) -> bool:
    return (
        session.scalar(select(MailReturn.id).where(MailReturn.mail_item_id == mail_item_id))
        is not None
    )


def add_return(session: Session, returned: MailReturn) -> None:
    session.add(returned)
