"""A case's deadline as the domain computes it from the stored row (profile, pauses, extension)."""

from __future__ import annotations

from datetime import date

from desktop.domain import deadlines
from desktop.store.models import Case


def profile_of(case: Case) -> deadlines.JurisdictionProfile:
    return deadlines.PROFILES.get(case.profile, deadlines.PROFILES[deadlines.DEFAULT_PROFILE])


def deadline_of(case: Case, today: date) -> deadlines.Deadline:
    pauses = [deadlines.Pause(p.started_on, p.ended_on) for p in case.pauses]
    extension = (
        deadlines.Extension(case.extended_due_on, case.extension_reason)
        if case.extended_due_on
        else None
    )
    return deadlines.deadline(case.received_on, profile_of(case), pauses, extension, today)
