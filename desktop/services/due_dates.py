"""A case's deadline as the domain computes it from the stored row (profile, pauses, extension)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from desktop.domain import deadlines
from desktop.store.models import Case


def profile_of(case: Case) -> deadlines.JurisdictionProfile:
    return deadlines.PROFILES.get(case.profile, deadlines.PROFILES[deadlines.DEFAULT_PROFILE])


def deadline_of(case: Case, today: date) -> deadlines.Deadline:
    return deadline_from(
        received_on=case.received_on,
        profile=case.profile,
        pauses=[(p.started_on, p.ended_on) for p in case.pauses],
        extended_due_on=case.extended_due_on,
        extension_reason=case.extension_reason,
        today=today,
    )


def deadline_from(
    *,
    received_on: date,
    profile: str,
    pauses: Sequence[tuple[date, date | None]],
    extended_due_on: date | None,
    extension_reason: str,
    today: date,
) -> deadlines.Deadline:
    """The deadline from the stored columns (the case list reads rows, not cases)."""
    extension = deadlines.Extension(extended_due_on, extension_reason) if extended_due_on else None
    jurisdiction = deadlines.PROFILES.get(profile, deadlines.PROFILES[deadlines.DEFAULT_PROFILE])
    return deadlines.deadline(
        received_on, jurisdiction, [deadlines.Pause(*p) for p in pauses], extension, today
    )
