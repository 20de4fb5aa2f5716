"""Printing and editing the same case at two workstations: both lock the case row before the
audit log, so neither waits on the other in the opposite order (a deadlock)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from functools import partial

import pytest

from desktop.domain.errors import CaseConflict
from desktop.domain.status import CaseStatus
from desktop.letters import LetterKind
from desktop.services import cases, decisions, demo, letters
from desktop.services.context import ServiceContext
from tests.conftest import Staff
from tests.factories import envelope
from tests.workflow import advance

ROUNDS = 20


def _together(*calls: Callable[[], object]) -> list[BaseException]:
    """Run the calls in threads released at the same instant; what each raised."""
    start = threading.Barrier(len(calls))
    raised: list[BaseException] = []

    def run(call: Callable[[], object]) -> None:
        start.wait()
        try:
            call()
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion
            raised.append(exc)

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)
    return raised


@pytest.mark.parametrize("ctx", ["postgresql"], indirect=True)
def test_printing_and_editing_the_same_case_never_deadlock(
    ctx: ServiceContext, staff: Staff
) -> None:
    lettered = replace(ctx, settings=demo.demo_settings(ctx.settings))
    for serial in range(1, ROUNDS + 1):
        case_id = cases.log_envelope(ctx, staff.clerk, envelope(serial)).case_id
        advance(ctx, staff, case_id, CaseStatus.APPROVED)
        (kind,) = decisions.get_decisions(ctx, case_id).letter_kinds
        issued = letters.issue_letter(lettered, staff.clerk, case_id, LetterKind(kind))
        version = cases.get_case(ctx, case_id).version

        raised = _together(
            partial(letters.record_print, lettered, staff.clerk, issued.letter_id, "PDF"),
            partial(cases.update_case, ctx, staff.clerk2, case_id, version, {"note": "電話あり"}),
        )

        # The edit may lose the race to the print's status move; nothing else may fail.
        assert [e for e in raised if not isinstance(e, CaseConflict)] == []
        assert cases.get_case(ctx, case_id).status is CaseStatus.LETTER_PRINTED
