"""Editing a case runs the same checks as intake: what intake refuses, an edit refuses too."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.errors import InvalidInput
from desktop.services import cases
from desktop.services.context import ServiceContext
from tests.conftest import Staff, both_databases
from tests.factories import envelope

REFUSED: dict[str, dict[str, object]] = {
    "empty name": {"sender_name": "  "},
    "10,000-character address": {"sender_address": "東" * 10_000},
    "4,301-digit address": {"sender_address": "1" * 4_301},
    "future receipt date": {"received_on": date(2026, 12, 1), "postmark_on": None},
    "negative fee": {"fee_amount": -500},
    "postmark after receipt": {"postmark_on": date(2026, 11, 19)},
    "long note": {"note": "あ" * 10_000},
}


@both_databases
@pytest.mark.parametrize("values", REFUSED.values(), ids=REFUSED.keys())
def test_an_edit_is_refused_where_intake_is(
    ctx: ServiceContext, staff: Staff, values: dict[str, object]
) -> None:
    with pytest.raises(InvalidInput) as on_intake:
        cases.log_envelope(ctx, staff.clerk, envelope(2, **values))
    case_id = cases.log_envelope(ctx, staff.clerk, envelope()).case_id
    before = cases.get_case(ctx, case_id)
    with pytest.raises(InvalidInput) as on_edit:
        cases.update_case(ctx, staff.clerk, case_id, before.version, values)
    assert on_edit.value.message_en == on_intake.value.message_en
    assert cases.get_case(ctx, case_id) == before
