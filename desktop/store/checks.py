"""Queries on the clerk's verification judgements of a case (seal, form, overrides)."""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desktop.store.models import CaseCheck


def check_of(session: Session, case_id: int) -> CaseCheck | None:
    return session.get(CaseCheck, case_id)


def new_check(session: Session, case_id: int, user_id: int) -> CaseCheck:
    """The case's first judgements, empty; stored with the next flush."""
    check = CaseCheck(case_id=case_id, overrides={}, form_missing="", updated_by=user_id)
    session.add(check)
    return check


def flush_check(session: Session) -> bool:
    """Flush the judgements; False when another workstation saved them since they were read, or
    made the case's first ones meanwhile. The transaction must then be abandoned."""
    try:
        session.flush()
    except (StaleDataError, IntegrityError):
        return False
    return True
