"""Outgoing registered mail moves a printed case to sent and closed; returned mail re-opens it."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from desktop.domain.errors import InvalidInput
from desktop.domain.status import CaseStatus, TransitionNotAllowed
from desktop.services import cases, mail
from desktop.services.context import ServiceContext
from desktop.store.db import unit_of_work
from desktop.store.models import AuditEvent, Case, MailItem
from tests.conftest import Staff, both_databases
from tests.factories import envelope, mail_number
from tests.workflow import advance

SENT_ON = date(2026, 11, 20)


def _printed_case(ctx: ServiceContext, staff: Staff, serial: int = 1) -> int:
    case_id = cases.log_envelope(ctx, staff.clerk, envelope(serial)).case_id
    advance(ctx, staff, case_id, CaseStatus.LETTER_PRINTED)
    return case_id


def _version(ctx: ServiceContext, case_id: int) -> int:
    return cases.get_case(ctx, case_id).version


def _send(ctx: ServiceContext, staff: Staff, case_id: int, number: str) -> mail.MailResult:
    return mail.record_outgoing(
        ctx,
        staff.clerk,
        case_id,
        _version(ctx, case_id),
        number,
        SENT_ON,
        mail.MailMethod.SIMPLE_REGISTERED,
    )


def test_recording_the_outgoing_number_marks_the_case_sent(
    ctx: ServiceContext, staff: Staff
) -> None:
    case_id = _printed_case(ctx, staff)
    number = mail_number(501)
    scanned = f"{number[:3]}-{number[3:5]}-{number[5:10]}-{number[10]}"

    sent = _send(ctx, staff, case_id, scanned)

    assert sent.status is CaseStatus.SENT
    assert sent.tracking.check_digit_ok is True
    assert cases.get_case(ctx, case_id).status is CaseStatus.SENT
    with unit_of_work(ctx.sessions) as session:
        item = session.get(MailItem, sent.mail_item_id)
        assert item is not None
        assert (item.direction, item.tracking_number, item.on_date, item.method) == (
            "out",
            number,
            SENT_ON,
            "simple_registered",
        )


def test_impossible_number_is_refused_with_a_message(ctx: ServiceContext, staff: Staff) -> None:
    case_id = _printed_case(ctx, staff)
    with pytest.raises(InvalidInput) as refused:
        _send(ctx, staff, case_id, "12345")
    assert "書留番号の形式が正しくありません" in refused.value.message_ja
    assert cases.get_case(ctx, case_id).status is CaseStatus.LETTER_PRINTED


def test_a_wrong_check_digit_warns_but_is_recorded(ctx: ServiceContext, staff: Staff) -> None:
    case_id = _printed_case(ctx, staff)
    number = mail_number(502)
    wrong = number[:10] + str((int(number[10]) + 1) % 10)
    assert _send(ctx, staff, case_id, wrong).tracking.check_digit_ok is False


def test_cannot_send_before_the_letter_is_printed_or_in_the_future(
    ctx: ServiceContext, staff: Staff
) -> None:
    case_id = cases.log_envelope(ctx, staff.clerk, envelope()).case_id
    with pytest.raises(TransitionNotAllowed):
        _send(ctx, staff, case_id, mail_number(503))
    printed = _printed_case(ctx, staff, serial=2)
    with pytest.raises(InvalidInput):
        mail.record_outgoing(
            ctx,
            staff.clerk,
            printed,
            _version(ctx, printed),
            mail_number(503),
            date(2026, 11, 21),
            mail.MailMethod.SIMPLE_REGISTERED,
        )


def test_one_number_cannot_carry_two_answers(ctx: ServiceContext, staff: Staff) -> None:
    first = _printed_case(ctx, staff, serial=1)
    second = _printed_case(ctx, staff, serial=2)
    _send(ctx, staff, first, mail_number(504))
    with pytest.raises(mail.DuplicateOutgoingNumber):
        _send(ctx, staff, second, mail_number(504))


def test_closing_starts_the_retention_clock(ctx: ServiceContext, staff: Staff) -> None:
    case_id = _printed_case(ctx, staff)
    _send(ctx, staff, case_id, mail_number(505))
    mail.close_case(ctx, staff.clerk, case_id, _version(ctx, case_id))
    with unit_of_work(ctx.sessions) as session:
        case = session.get(Case, case_id)
        assert case is not None
        assert case.status == CaseStatus.CLOSED
        assert case.closed_at == ctx.clock.now()


@both_databases
def test_returned_mail_reopens_the_case_and_a_resend_goes_out_again(
    ctx: ServiceContext, staff: Staff
) -> None:
    case_id = _printed_case(ctx, staff)
    _send(ctx, staff, case_id, mail_number(506))

    returned = mail.record_returned(
        ctx, staff.clerk2, mail_number(506), SENT_ON, mail.ReturnReason.UNKNOWN_ADDRESS
    )

    assert returned.case_id == case_id
    detail = cases.get_case(ctx, case_id)
    assert detail.status is CaseStatus.MAIL_RETURNED
    with unit_of_work(ctx.sessions) as session:
        event = session.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()
        assert event is not None
        assert (event.action, event.actor_name) == ("status_changed", "clerk2")
        assert event.changes["reason"] == "unknown_address"
        assert event.changes["tracking_number"] == mail_number(506)
    with pytest.raises(InvalidInput):  # the same item cannot come back twice
        mail.record_returned(ctx, staff.clerk, mail_number(506), SENT_ON, mail.ReturnReason.REFUSED)

    resent = _send(ctx, staff, case_id, mail_number(507))
    assert resent.status is CaseStatus.SENT
    outgoing = [m for m in _mail_items(ctx, case_id) if m.direction == "out"]
    assert [m.tracking_number for m in outgoing] == [mail_number(506), mail_number(507)]


def test_returned_mail_with_an_unknown_number(ctx: ServiceContext, staff: Staff) -> None:
    with pytest.raises(mail.OutgoingMailNotFound):
        mail.record_returned(ctx, staff.clerk, mail_number(508), SENT_ON, mail.ReturnReason.ABSENT)


def _mail_items(ctx: ServiceContext, case_id: int) -> list[MailItem]:
    with unit_of_work(ctx.sessions) as session:
        rows = session.scalars(
            select(MailItem).where(MailItem.case_id == case_id).order_by(MailItem.id)
        )
        return list(rows)


def test_a_stale_case_is_not_sent_twice(ctx: ServiceContext, staff: Staff) -> None:
    case_id = _printed_case(ctx, staff)
    stale = _version(ctx, case_id)
    _send(ctx, staff, case_id, mail_number(509))
    with pytest.raises(cases.CaseConflict):
        mail.record_outgoing(
            ctx,
            staff.clerk2,
            case_id,
            stale,
            mail_number(510),
            SENT_ON,
            mail.MailMethod.RESTRICTED_DELIVERY,
        )
    assert [m.tracking_number for m in _mail_items(ctx, case_id) if m.direction == "out"] == [
        mail_number(509)
    ]
