"""What the letters tab shows of a case, read in one transaction so it is never torn."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.services.cases import CaseDetail, case_detail, load_case
from desktop.services.context import ServiceContext
from desktop.services.decisions import CaseDecisions, decisions_view
from desktop.services.letters.printing import PrintLine, print_history_in
from desktop.services.letters.stored import StoredLetter, letters_of_case_in
from desktop.store.db import read_only


@dataclass(frozen=True)
class CaseLetters:
    """The case, its decisions, its issued letters (old versions too) and their prints."""

    case: CaseDetail
    decisions: CaseDecisions
    letters: tuple[StoredLetter, ...]
    user_names: dict[int, str]
    prints: dict[int, list[PrintLine]]


def case_letters(ctx: ServiceContext, case_id: int) -> CaseLetters:
    with read_only(ctx.sessions) as session:
        case = load_case(session, case_id)
        issued = letters_of_case_in(session, case.id, case.reference)
        names, prints = print_history_in(session, [s.letter_id for s in issued])
        return CaseLetters(
            case_detail(case, ctx.clock.today()),
            decisions_view(session, case),
            tuple(issued),
            names,
            prints,
        )
