"""Applying a status transition to a case: the only place that writes `Case.status`.

The domain plans the move (`domain.status.plan_transition`: allowed, explained, who may make it,
what must exist first, what it does); this applies the plan in the caller's unit of work.
"""

from __future__ import annotations

from collections.abc import Mapping

from desktop.domain.status import CaseStatus, TransitionPlan, plan_transition
from desktop.services.changes import Changes
from desktop.services.context import CurrentUser, ServiceContext
from desktop.services.due_dates import deadline_of
from desktop.store import audit
from desktop.store import cases as case_store
from desktop.store.db import Session
from desktop.store.models import Case, DeadlinePause
from desktop.store.workflow import transition_facts


def plan_for(
    case: Case, target: CaseStatus, comment: str = "", *, via: tuple[CaseStatus, ...] = ()
) -> TransitionPlan:
    """The plan for moving `case` from its stored status to `target`."""
    return plan_transition(CaseStatus(case.status), target, comment, via=via)


def apply_transition(
    ctx: ServiceContext,
    session: Session,
    actor: CurrentUser,
    case: Case,
    plan: TransitionPlan,
    *,
    action: str = "status_changed",
    details: Mapping[str, object] | None = None,
) -> Changes:
    """Check who moves and what exists, then write status, pauses, closed_at and due date,
    version-checked, with one audit event (`details` are added to it)."""
    if CaseStatus(case.status) is not plan.current:
        raise ValueError(f"plan from {plan.current} applied to a case in {case.status}")
    actor.require(plan.permission)
    if plan.prerequisites:
        plan.check(transition_facts(session, case.id), actor.user_id)
    today = ctx.clock.today()
    now = ctx.clock.now()
    if plan.ends_pause:
        for pause in case.pauses:
            if pause.ended_on is None:
                pause.ended_on = today
    if plan.starts_pause:
        case.pauses.append(DeadlinePause(started_on=today, ended_on=None))
    case.status = plan.target.value
    if plan.closes:
        case.closed_at = now
    elif plan.reopens:
        case.closed_at = None
    if plan.recomputes_due:
        case.due_on = deadline_of(case, today).due_on
    case.updated_at = now
    case_store.flush_versioned(session, case)
    audit.record(
        session,
        actor.actor,
        action,
        entity="case",
        entity_id=case.id,
        case_id=case.id,
        changes={
            **(details or {}),
            "status": {"before": plan.current, "after": plan.target},
            "comment": plan.comment,
        },
        now=now,
    )
    return Changes(cases=frozenset({case.id}), case_list=True)
