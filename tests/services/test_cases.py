"""Logging envelopes, finding cases again, moving them through their statuses."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.domain.deadlines import DeadlineState
from desktop.domain.errors import InvalidInput
from desktop.domain.requests import RequestKind
from desktop.domain.status import CaseStatus, CommentRequired, TransitionNotAllowed
from desktop.services import case_list, cases
from desktop.services.context import ServiceContext
from desktop.store.db import unit_of_work
from desktop.store.models import AuditEvent
from tests.conftest import FrozenClock, Staff
from tests.factories import envelope, mail_number
from tests.workflow import advance


def _last_event(ctx: ServiceContext) -> AuditEvent:
    from sqlalchemy import select

    with unit_of_work(ctx.sessions) as session:
        return session.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()  # type: ignore[return-value]


def test_logged_envelope_is_a_received_case_with_deadline(
    ctx: ServiceContext, staff: Staff
) -> None:
    logged = cases.log_envelope(ctx, staff.clerk, envelope(received_on=date(2026, 11, 18)))
    detail = cases.get_case(ctx, logged.case_id)
    assert logged.reference == f"KD2026-{logged.case_id:06d}"
    assert detail.status is CaseStatus.RECEIVED
    assert detail.sender_name == "山田 太郎"
    assert detail.kinds == (RequestKind.DISCLOSURE,)
    assert detail.tracking_number == mail_number(1)
    # APPI profile: 14 days, the day of receipt not counted.
    assert detail.deadline.due_on == date(2026, 12, 2)
    assert detail.deadline.days_left == 12
    assert detail.deadline.state is DeadlineState.ON_TIME
    event = _last_event(ctx)
    assert (event.action, event.actor_name, event.case_id) == (
        "case_created",
        "clerk",
        logged.case_id,
    )
    assert event.changes["sender_name"] == "山田 太郎"
    assert event.changes["received_on"] == "2026-11-18"


def test_number_typed_with_full_width_digits_and_hyphens(ctx: ServiceContext, staff: Staff) -> None:
    number = mail_number(7)
    typed = f"{number[:3]}－{number[3:5]}ー{number[5:10]}‐{number[10]}"
    typed = typed.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    logged = cases.log_envelope(ctx, staff.clerk, envelope(tracking_number=typed))
    assert logged.tracking.check_digit_ok is True
    assert cases.get_case(ctx, logged.case_id).tracking_number == number


def test_duplicate_number_points_to_the_existing_case(ctx: ServiceContext, staff: Staff) -> None:
    first = cases.log_envelope(ctx, staff.clerk, envelope(3))
    spaced = mail_number(3)
    with pytest.raises(cases.DuplicateMailNumber) as caught:
        cases.log_envelope(
            ctx, staff.clerk2, envelope(tracking_number=f"{spaced[:3]}-{spaced[3:]}")
        )
    assert caught.value.case_id == first.case_id
    assert first.reference in caught.value.message_ja
    assert case_list.count_cases(ctx, case_list.CaseQuery()) == 1


def test_failed_check_digit_warns_but_logs(ctx: ServiceContext, staff: Staff) -> None:
    good = mail_number(5)
    wrong = good[:10] + str((int(good[10]) + 1) % 10)
    logged = cases.log_envelope(ctx, staff.clerk, envelope(tracking_number=wrong))
    assert logged.tracking.valid_format
    assert logged.tracking.check_digit_ok is False
    assert cases.get_case(ctx, logged.case_id).tracking_number == wrong


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"tracking_number": "12345"}, "impossible format"),
        ({"tracking_number": "ABCDEFGHIJK"}, "impossible format"),
        ({"sender_name": "  "}, "sender's name"),
        ({"request_kinds": frozenset()}, "at least one kind"),
        ({"received_on": date(2026, 11, 21)}, "future"),
        ({"postmark_on": date(2026, 11, 19)}, "postmark is later"),
        ({"sender_postal_code": "160-002"}, "7 digits"),
    ],
)
def test_bad_envelopes_are_refused_without_storing(
    ctx: ServiceContext, staff: Staff, overrides: dict[str, object], message: str
) -> None:
    with pytest.raises(InvalidInput, match=message) as caught:
        cases.log_envelope(ctx, staff.clerk, envelope(**overrides))
    assert caught.value.message_ja
    assert case_list.count_cases(ctx, case_list.CaseQuery()) == 0


def test_repeat_requester_found_despite_variant_kanji(ctx: ServiceContext, staff: Staff) -> None:
    old = cases.log_envelope(
        ctx,
        staff.clerk,
        envelope(
            1,
            sender_name="髙橋 一郎",
            received_on=date(2026, 3, 2),
            sender_birth_date=date(1970, 5, 5),
            sender_address="大阪府大阪市北区梅田1-1-1",
        ),
    )
    cases.log_envelope(
        ctx,
        staff.clerk,
        envelope(
            2,
            sender_name="高橋 一郎",
            received_on=date(2025, 10, 1),
            sender_birth_date=date(1970, 5, 5),
        ),
    )
    cases.log_envelope(
        ctx,
        staff.clerk,
        envelope(
            3,
            sender_name="高橋 一郎",
            received_on=date(2026, 6, 1),
            sender_birth_date=date(1990, 1, 1),
            sender_address="札幌市中央区北一条西2丁目",
        ),
    )
    found = case_list.repeat_requesters(
        ctx,
        sender_name="高橋　一郎",
        received_on=date(2026, 11, 20),
        sender_birth_date=date(1970, 5, 5),
    )
    # The 2025 case is more than 365 days old; the third shares only the name.
    assert [c.case_id for c in found] == [old.case_id]
    assert found[0].matched_on == ("name", "birth_date")

    by_address = case_list.repeat_requesters(
        ctx,
        sender_name="高橋一郎",
        received_on=date(2026, 11, 20),
        sender_address="北区梅田一丁目1番1号",
    )
    assert [c.case_id for c in by_address] == [old.case_id]


def test_linking_to_an_earlier_case(ctx: ServiceContext, staff: Staff) -> None:
    old = cases.log_envelope(ctx, staff.clerk, envelope(1))
    new = cases.log_envelope(ctx, staff.clerk, envelope(2, related_case_id=old.case_id))
    detail = cases.get_case(ctx, new.case_id)
    assert detail.related_case_id == old.case_id
    assert detail.related_case_reference == old.reference


def test_search_by_name_number_address_and_filters(ctx: ServiceContext, staff: Staff) -> None:
    a = cases.log_envelope(ctx, staff.clerk, envelope(1, sender_name="渡邊 花子"))
    b = cases.log_envelope(
        ctx,
        staff.clerk,
        envelope(
            2,
            sender_name="佐藤 次郎",
            sender_address="大阪府大阪市北区梅田3-1-1",
            request_kinds=frozenset({RequestKind.CORRECTION}),
        ),
    )

    def found(**query: object) -> list[int]:
        q = case_list.CaseQuery(**query)  # type: ignore[arg-type]
        return [r.case_id for r in case_list.list_cases(ctx, q, 50)]

    assert found(text="渡辺花子") == [a.case_id]
    number = mail_number(2)
    assert found(text=f"{number[:3]}-{number[3:5]}-{number[5:10]}-{number[10]}") == [b.case_id]
    assert found(text="梅田三丁目1番1号") == [b.case_id]
    assert found(text=b.reference) == [b.case_id]
    assert found(kind=RequestKind.CORRECTION) == [b.case_id]
    assert set(found()) == {a.case_id, b.case_id}
    assert found(statuses=frozenset({CaseStatus.CLOSED})) == []


def test_paging_and_sorting(ctx: ServiceContext, staff: Staff) -> None:
    for serial in range(1, 13):
        cases.log_envelope(
            ctx, staff.clerk, envelope(serial, received_on=date(2026, 11, 1) + timedelta(serial))
        )
    query = case_list.CaseQuery(sort="received_on", descending=False)
    first = case_list.list_cases(ctx, query, 5)
    second = case_list.list_cases(ctx, query, 5, first[-1])
    assert [r.received_on.day for r in first + second] == list(range(2, 12))
    assert case_list.count_cases(ctx, query) == 12


def test_status_sorts_in_workflow_order(ctx: ServiceContext, staff: Staff) -> None:
    ids = [cases.log_envelope(ctx, staff.clerk, envelope(n)).case_id for n in (1, 2, 3)]
    for case_id, target in zip(ids, (CaseStatus.VERIFYING, CaseStatus.SCANNED), strict=False):
        d = cases.get_case(ctx, case_id)
        cases.change_status(ctx, staff.clerk, case_id, d.version, target)
    rows = case_list.list_cases(ctx, case_list.CaseQuery(sort="status", descending=False), 10)
    assert [r.status for r in rows] == [
        CaseStatus.RECEIVED,
        CaseStatus.SCANNED,
        CaseStatus.VERIFYING,
    ]


def test_overdue_and_due_soon(ctx: ServiceContext, staff: Staff, clock: FrozenClock) -> None:
    late = cases.log_envelope(ctx, staff.clerk, envelope(1, received_on=date(2026, 11, 2)))
    soon = cases.log_envelope(ctx, staff.clerk, envelope(2, received_on=date(2026, 11, 8)))
    cases.log_envelope(ctx, staff.clerk, envelope(3, received_on=date(2026, 11, 19)))
    assert cases.get_case(ctx, late.case_id).deadline.state is DeadlineState.OVERDUE
    assert cases.get_case(ctx, soon.case_id).deadline.days_left == 2
    overdue = case_list.list_cases(ctx, case_list.CaseQuery(overdue_only=True), 10)
    assert [r.case_id for r in overdue] == [late.case_id]
    due_soon = case_list.list_cases(ctx, case_list.CaseQuery(due_soon_only=True), 10)
    assert [r.case_id for r in due_soon] == [soon.case_id]
    load = case_list.workload(ctx)
    assert (load.pending, load.overdue, load.due_soon) == (3, 1, 1)


def test_status_walk_with_pause_while_awaiting_documents(
    ctx: ServiceContext, staff: Staff, clock: FrozenClock
) -> None:
    case_id = cases.log_envelope(ctx, staff.clerk, envelope(received_on=date(2026, 11, 18))).case_id
    d = cases.get_case(ctx, case_id)
    assert set(d.next_statuses) == {CaseStatus.SCANNED, CaseStatus.VERIFYING, CaseStatus.WITHDRAWN}
    d, _ = cases.change_status(ctx, staff.clerk, case_id, d.version, CaseStatus.VERIFYING)
    d, _ = cases.change_status(ctx, staff.clerk, case_id, d.version, CaseStatus.AWAITING_DOCUMENTS)
    assert d.deadline.state is DeadlineState.PAUSED

    clock.advance(days=6)  # documents arrive six days later
    d, _ = cases.change_status(ctx, staff.clerk, case_id, d.version, CaseStatus.VERIFYING)
    assert d.deadline.due_on == date(2026, 12, 2) + timedelta(days=6)
    assert not d.deadline.paused


def test_backward_moves_need_a_comment_and_are_audited(ctx: ServiceContext, staff: Staff) -> None:
    case_id = cases.log_envelope(ctx, staff.clerk, envelope()).case_id
    d = cases.get_case(ctx, case_id)
    d, _ = cases.change_status(ctx, staff.clerk, case_id, d.version, CaseStatus.SCANNED)
    with pytest.raises(CommentRequired):
        cases.change_status(ctx, staff.clerk, case_id, d.version, CaseStatus.RECEIVED, " ")
    d, _ = cases.change_status(
        ctx, staff.clerk, case_id, d.version, CaseStatus.RECEIVED, "別の案件の書類だった"
    )
    event = _last_event(ctx)
    assert event.changes["comment"] == "別の案件の書類だった"
    with pytest.raises(
        TransitionNotAllowed, match="cannot go from 'Received' to 'Awaiting documents'"
    ):
        cases.change_status(ctx, staff.clerk, case_id, d.version, CaseStatus.AWAITING_DOCUMENTS)


def test_closed_case_cannot_be_edited(ctx: ServiceContext, staff: Staff) -> None:
    case_id = cases.log_envelope(ctx, staff.clerk, envelope()).case_id
    d = cases.get_case(ctx, case_id)
    d, _ = cases.change_status(ctx, staff.clerk, case_id, d.version, CaseStatus.WITHDRAWN, "取下げ")
    assert d.next_statuses == ()
    with pytest.raises(InvalidInput, match="cannot be edited"):
        cases.update_case(ctx, staff.clerk, case_id, d.version, {"note": "x"})


def test_update_records_before_and_after(ctx: ServiceContext, staff: Staff) -> None:
    case_id = cases.log_envelope(ctx, staff.clerk, envelope()).case_id
    d = cases.get_case(ctx, case_id)
    d, changes = cases.update_case(
        ctx,
        staff.clerk,
        case_id,
        d.version,
        {"sender_address": "東京都新宿区西新宿2-8-1 101"},
        request_kinds=frozenset({RequestKind.DISCLOSURE, RequestKind.PURPOSE_NOTICE}),
    )
    assert changes.cases == frozenset({case_id})
    assert set(d.kinds) == {RequestKind.DISCLOSURE, RequestKind.PURPOSE_NOTICE}
    event = _last_event(ctx)
    assert event.changes["sender_address"] == {
        "before": "東京都新宿区西新宿二丁目8番1号",
        "after": "東京都新宿区西新宿2-8-1 101",
    }
    assert event.changes["request_kinds"]["after"] == ["disclosure", "purpose_notice"]


def test_extension_records_reason_and_new_date(ctx: ServiceContext, staff: Staff) -> None:
    case_id = cases.log_envelope(ctx, staff.clerk, envelope(received_on=date(2026, 11, 18))).case_id
    d = cases.get_case(ctx, case_id)
    d, _ = cases.extend_deadline(ctx, staff.clerk, case_id, d.version, "保有データが多く調査中")
    assert d.deadline.due_on == date(2026, 12, 16)
    assert d.extension_reason == "保有データが多く調査中"
    assert _last_event(ctx).changes["due_on"] == {"before": "2026-12-02", "after": "2026-12-16"}


def test_after_a_request_for_documents_is_sent_the_case_waits_for_them(
    ctx: ServiceContext, staff: Staff
) -> None:
    case_id = cases.log_envelope(ctx, staff.clerk, envelope()).case_id
    advance(ctx, staff, case_id, CaseStatus.SENT)
    d = cases.get_case(ctx, case_id)
    assert CaseStatus.AWAITING_DOCUMENTS in d.next_statuses
    with pytest.raises(CommentRequired):
        cases.change_status(ctx, staff.clerk, case_id, d.version, CaseStatus.AWAITING_DOCUMENTS)
    d, _ = cases.change_status(
        ctx, staff.clerk, case_id, d.version, CaseStatus.AWAITING_DOCUMENTS, "補正のお願いを発送"
    )
    assert d.deadline.state is DeadlineState.PAUSED
