"""Printing issued letters: every print recorded, a reprint with its reason; printing the
last answer letter of an approved case moves it to `letter_printed`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from desktop.domain.errors import KnownError
from desktop.domain.personal_numbers import refuse_personal_numbers
from desktop.domain.roles import Permission
from desktop.domain.status import CaseStatus
from desktop.letters import LetterKind
from desktop.services.changes import Changes
from desktop.services.context import CurrentUser, ServiceContext
from desktop.services.letters.stored import LetterSuperseded, load_letter
from desktop.services.workflow import apply_transition, plan_for
from desktop.store import audit
from desktop.store import cases as case_store
from desktop.store import letters as letter_store
from desktop.store import users as user_store
from desktop.store.db import Session, read_only, unit_of_work
from desktop.store.letter_models import LetterPrint


class ReprintReasonRequired(KnownError):
    def __init__(self) -> None:
        super().__init__(
            "この通知書は印刷済みです。再印刷の理由を入力してください。",
            "This letter was printed before. Enter why it is printed again.",
        )


@dataclass(frozen=True)
class PrintRecord:
    print_id: int
    letter_id: int
    printer: str
    printed_by: int
    printed_at: datetime
    template_version: int
    sha256: str
    reason: str
    reprint: bool
    case_status: CaseStatus
    changes: Changes


@dataclass(frozen=True)
class PrintLine:
    """One recorded printing of a letter, with the printing user's name."""

    printer: str
    printed_by: str
    printed_at: datetime
    template_version: int
    sha256: str
    reason: str


def print_history(
    ctx: ServiceContext, letter_ids: Sequence[int]
) -> tuple[dict[int, str], dict[int, list[PrintLine]]]:
    """User names (by id) and the print records of `letter_ids`, oldest first."""
    with read_only(ctx.sessions) as session:
        return print_history_in(session, letter_ids)


def print_history_in(
    session: Session, letter_ids: Sequence[int]
) -> tuple[dict[int, str], dict[int, list[PrintLine]]]:
    """`print_history` in the caller's transaction."""
    names = user_store.display_names(session)
    prints: dict[int, list[PrintLine]] = {}
    for row in letter_store.prints_of(session, letter_ids):
        prints.setdefault(row.letter_id, []).append(
            PrintLine(
                row.printer,
                names.get(row.printed_by, str(row.printed_by)),
                row.printed_at,
                row.template_version,
                row.sha256,
                row.reason,
            )
        )
    return names, prints


def _unprinted_answers(session: Session, case_id: int) -> int:
    return letter_store.unprinted_count(
        session, case_id, [k.value for k in LetterKind.answer_kinds()]
    )


def record_print(
    ctx: ServiceContext,
    actor: CurrentUser,
    letter_id: int,
    printer: str,
    reason: str | None = None,
) -> PrintRecord:
    """Record that the letter was printed; a reprint needs a reason.

    When the answer letters of an approved case have all been printed, the case moves to
    `letter_printed`.
    """
    actor.require(Permission.EDIT_CASE)
    refuse_personal_numbers({("再印刷の理由", "reprint reason"): reason})
    why = (reason or "").strip()
    now = ctx.clock.now()
    with unit_of_work(ctx.sessions) as session:
        letter = load_letter(session, letter_id)
        case = case_store.lock(session, letter.case_id)
        assert case is not None  # the letter's foreign key
        if letter.superseded_by is not None:
            raise LetterSuperseded(letter.version)
        earlier = letter_store.print_count(session, letter_id)
        if earlier and not why:
            raise ReprintReasonRequired
        record = LetterPrint(
            letter_id=letter_id,
            printer=printer.strip(),
            printed_by=actor.user_id,
            printed_at=now,
            template_version=letter.template_version,
            sha256=letter.sha256,
            reason=why,
        )
        letter_store.add_print(session, record)
        audit.record(
            session,
            actor.actor,
            "letter_reprinted" if earlier else "letter_printed",
            entity="letter",
            entity_id=letter_id,
            case_id=letter.case_id,
            changes={
                "kind": letter.kind,
                "version": letter.version,
                "printer": record.printer,
                "template_version": record.template_version,
                "sha256": record.sha256,
                **({"reason": why} if earlier else {}),
            },
            now=now,
        )
        if (
            case.status == CaseStatus.APPROVED
            and LetterKind(letter.kind).answers
            and _unprinted_answers(session, case.id) == 0
        ):
            plan = plan_for(case, CaseStatus.LETTER_PRINTED)
            apply_transition(ctx, session, actor, case, plan)
        result = PrintRecord(
            print_id=record.id,
            letter_id=letter_id,
            printer=record.printer,
            printed_by=record.printed_by,
            printed_at=record.printed_at,
            template_version=record.template_version,
            sha256=record.sha256,
            reason=why,
            reprint=bool(earlier),
            case_status=CaseStatus(case.status),
            changes=Changes(cases=frozenset({case.id}), case_list=True),
        )
    return result
