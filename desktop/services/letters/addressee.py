"""Sending a case's letters to another address, approved by a supervisor with a reason."""

from __future__ import annotations

from desktop.domain.errors import InvalidInput
from desktop.domain.personal_numbers import refuse_personal_numbers
from desktop.domain.roles import Permission
from desktop.letters import Addressee
from desktop.matching.keys import digits_only
from desktop.services.case_guard import require_open
from desktop.services.cases import CaseNotFound
from desktop.services.changes import Changes
from desktop.services.context import CurrentUser, ServiceContext
from desktop.services.letters.content import addressee_of, postal_text, verified_id_side
from desktop.services.letters.stored import addressee_json
from desktop.store import audit
from desktop.store import cases as case_store
from desktop.store import letters as letter_store
from desktop.store.db import unit_of_work
from desktop.store.letter_models import LetterAddressee


def change_addressee(
    ctx: ServiceContext,
    actor: CurrentUser,
    case_id: int,
    *,
    postal_code: str,
    address: str,
    name: str,
    reason: str,
    approved_by: CurrentUser,
    building: str = "",
) -> Changes:
    """Send the case's letters to another address: needs a supervisor's approval and a reason."""
    actor.require(Permission.EDIT_CASE)
    approved_by.require(Permission.APPROVE)
    refuse_personal_numbers(
        {
            ("郵便番号", "postal code"): postal_code,
            ("住所", "address"): address,
            ("建物名", "building"): building,
            ("氏名", "name"): name,
            ("変更の理由", "reason"): reason,
        }
    )
    why = reason.strip()
    if not why:
        raise InvalidInput(
            "送付先を変更する理由を入力してください。", "Enter why the address is changed."
        )
    postal = digits_only(postal_code)
    if len(postal) != 7:
        raise InvalidInput("郵便番号は7桁で入力してください。", "A postal code has 7 digits.")
    if not address.strip() or not name.strip():
        raise InvalidInput(
            "送付先の住所と氏名を入力してください。", "Enter the address and the name."
        )
    now = ctx.clock.now()
    with unit_of_work(ctx.sessions) as session:
        case = case_store.lock(session, case_id)
        if case is None:
            raise CaseNotFound(case_id)
        require_open(case)
        before, source = addressee_of(ctx, session, case, verified_id_side(ctx, session, case_id))
        row = letter_store.changed_addressee(session, case_id) or LetterAddressee(case_id=case_id)
        row.postal_code = postal_text(postal)
        row.address = address.strip()
        row.building = building.strip()
        row.name = name.strip()
        row.reason = why
        row.changed_by = actor.user_id
        row.approved_by = approved_by.user_id
        row.changed_at = now
        letter_store.save_addressee(session, row)
        after = Addressee(row.postal_code, row.address, row.building, row.name)
        audit.record(
            session,
            actor.actor,
            "addressee_changed",
            entity="case",
            entity_id=case_id,
            case_id=case_id,
            changes={
                "before": addressee_json(before, source),
                "after": addressee_json(after, "changed"),
                "reason": why,
                "approved_by": approved_by.username,
            },
            now=now,
        )
    return Changes(cases=frozenset({case_id}))
