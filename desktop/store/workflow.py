"""What exists on a case as far as its status transitions ask: decisions, prints, outgoing mail."""

from __future__ import annotations

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from desktop.domain.status import CaseFacts
from desktop.store.cases import OUTGOING
from desktop.store.decision_models import Decision
from desktop.store.letter_models import Letter, LetterPrint, MailReturn
from desktop.store.models import MailItem


def transition_facts(session: Session, case_id: int) -> CaseFacts:
    decided_by = session.execute(
        select(Decision.decided_by)
        .where(Decision.case_id == case_id)
        .order_by(Decision.id)
        .limit(1)
    ).first()
    printed = session.scalar(
        select(
            exists().where(
                LetterPrint.letter_id == Letter.id,
                Letter.case_id == case_id,
                Letter.superseded_by.is_(None),
            )
        )
    )
    outgoing = session.scalar(
        select(
            exists().where(
                MailItem.case_id == case_id,
                MailItem.direction == OUTGOING,
                MailItem.id.not_in(select(MailReturn.mail_item_id)),
            )
        )
    )
    return CaseFacts(
        has_decisions=decided_by is not None,
        decided_by=decided_by[0] if decided_by is not None else None,
        printed=bool(printed),
        outgoing_mail=bool(outgoing),
    )
