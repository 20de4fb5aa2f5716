"""Moving test cases through their statuses the way users do: by the use cases, never around."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from desktop.domain.decisions import KindDecision
from desktop.domain.status import CaseStatus
from desktop.services import demo
from desktop.services.context import ServiceContext
from tests.conftest import Staff


def crew(staff: Staff) -> demo.Crew:
    return demo.Crew(staff.clerk, staff.supervisor)


def move(
    ctx: ServiceContext,
    staff: Staff,
    case_id: int,
    *targets: CaseStatus,
    comment: str = "",
    decided: Sequence[KindDecision] | None = None,
    on: date | None = None,
    number: str | None = None,
) -> None:
    """Take the case through `targets` in order, each by its use case (the clerk decides and
    a supervisor approves; letters are issued and printed; mail is recorded)."""
    for target in targets:
        demo.step(
            ctx,
            crew(staff),
            case_id,
            target,
            comment=comment,
            decided=decided,
            on=on,
            number=number,
        )


def advance(ctx: ServiceContext, staff: Staff, case_id: int, target: CaseStatus) -> None:
    """Take a newly logged case to `target` along the usual route."""
    demo.advance(ctx, crew(staff), case_id, target)
