"""Recording the registered mail that carries the answer, and the mail that comes back."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.config import Paths, Settings
from desktop.domain.status import CaseStatus
from desktop.gui.context import GuiContext
from desktop.gui.letters_panel import LettersPanel
from desktop.gui.mail_dialogs import OutgoingMailDialog, ReturnedMailDialog
from desktop.letters import LetterKind
from desktop.matching.tracking import format_tracking
from desktop.services import cases, letters, mail
from desktop.services.context import ServiceContext
from desktop.services.mail import MailMethod, ReturnReason
from tests.conftest import Staff
from tests.factories import letterhead, mail_number
from tests.gui.conftest import RecordingMessages
from tests.gui.test_letters_panel import approved_case

SENT_NUMBER = mail_number(501)


@pytest.fixture
def settings(paths: Paths) -> Settings:
    return letterhead(paths)


@pytest.fixture
def printed_case(ctx: ServiceContext, staff: Staff) -> int:
    """An approved case whose answer letter has been printed, ready to be mailed."""
    case_id = approved_case(ctx, staff)
    issued = letters.issue_letter(ctx, staff.clerk, case_id, LetterKind.DISCLOSURE)
    letters.record_print(ctx, staff.clerk, issued.letter_id, "Office laser")
    return case_id


def outgoing_dialog(
    qtbot: QtBot, gui: GuiContext, staff: Staff, ctx: ServiceContext, case_id: int
) -> OutgoingMailDialog:
    detail = cases.get_case(ctx, case_id)
    dialog = OutgoingMailDialog(gui, staff.clerk, case_id, detail.version, detail.reference)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def scan(qtbot: QtBot, dialog: OutgoingMailDialog | ReturnedMailDialog, number: str) -> None:
    """What a barcode scanner does: type the digits into the focused field, then Enter."""
    focused = dialog.focusWidget()
    assert focused is dialog.number.edit
    qtbot.keyClicks(focused, number)
    qtbot.keyClick(focused, Qt.Key.Key_Return)


def record(qtbot: QtBot, dialog: OutgoingMailDialog | ReturnedMailDialog) -> None:
    """The clerk saves on purpose: a click on the record button."""
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def sent_case(ctx: ServiceContext, staff: Staff, case_id: int) -> None:
    version = cases.get_case(ctx, case_id).version
    mail.record_outgoing(
        ctx, staff.clerk, case_id, version, SENT_NUMBER, date(2026, 11, 20), MailMethod.REGISTERED
    )


def test_the_scanners_enter_moves_on_and_records_nothing(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff, printed_case: int
) -> None:
    dialog = outgoing_dialog(qtbot, gui, staff, ctx, printed_case)
    scan(qtbot, dialog, SENT_NUMBER)
    assert dialog.isVisible()
    assert dialog.focusWidget() is not dialog.number.edit  # on to the next field
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)  # a second Enter saves nothing either
    assert dialog.isVisible()
    assert cases.get_case(ctx, printed_case).status is CaseStatus.LETTER_PRINTED


def test_a_scanned_number_and_ctrl_enter_record_the_sending(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff, printed_case: int
) -> None:
    dialog = outgoing_dialog(qtbot, gui, staff, ctx, printed_case)
    assert dialog.on_date == date(2026, 11, 20)  # today by default
    dialog.choice.setCurrentIndex(dialog.choice.findData(MailMethod.RESTRICTED_DELIVERY.value))
    scan(qtbot, dialog, SENT_NUMBER)
    with qtbot.waitSignal(dialog.recorded):
        record(qtbot, dialog)

    assert not dialog.isVisible()
    assert cases.get_case(ctx, printed_case).status is CaseStatus.SENT


def test_an_impossible_number_is_an_error_and_records_nothing(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff, case_id: int
) -> None:
    before = cases.get_case(ctx, case_id)
    dialog = outgoing_dialog(qtbot, gui, staff, ctx, case_id)
    scan(qtbot, dialog, "12345-6789")
    assert dialog.isVisible()
    assert dialog.number.hint_is_error
    assert cases.get_case(ctx, case_id).version == before.version


def test_a_wrong_check_digit_is_recorded_only_once_confirmed(
    qtbot: QtBot,
    gui: GuiContext,
    ctx: ServiceContext,
    staff: Staff,
    printed_case: int,
    messages: RecordingMessages,
) -> None:
    dialog = outgoing_dialog(qtbot, gui, staff, ctx, printed_case)
    wrong = SENT_NUMBER[:-1] + str((int(SENT_NUMBER[-1]) + 1) % 10)
    scan(qtbot, dialog, wrong)
    assert dialog.number.hint_is_warning
    assert "check digit" in dialog.number.hint.text()
    assert cases.get_case(ctx, printed_case).status is CaseStatus.LETTER_PRINTED
    messages.confirm_answers.append(False)  # check the number
    record(qtbot, dialog)
    assert len(messages.texts("confirm")) == 1
    assert cases.get_case(ctx, printed_case).status is CaseStatus.LETTER_PRINTED
    messages.confirm_answers.append(True)  # record anyway
    record(qtbot, dialog)
    assert cases.get_case(ctx, printed_case).status is CaseStatus.SENT


def test_a_refused_sending_says_why_and_keeps_the_dialog(
    qtbot: QtBot,
    gui: GuiContext,
    ctx: ServiceContext,
    staff: Staff,
    printed_case: int,
    messages: RecordingMessages,
) -> None:
    dialog = outgoing_dialog(qtbot, gui, staff, ctx, printed_case)
    other = approved_case(ctx, staff, serial=2)
    issued = letters.issue_letter(ctx, staff.clerk, other, LetterKind.DISCLOSURE)
    letters.record_print(ctx, staff.clerk, issued.letter_id, "Office laser")
    sent_case(ctx, staff, other)  # the number went out with another case already

    scan(qtbot, dialog, SENT_NUMBER)
    record(qtbot, dialog)
    assert dialog.isVisible()
    assert any(format_tracking(SENT_NUMBER) in text for text in messages.texts("error"))
    assert dialog.ok_button.isEnabled()  # the clerk can correct the number and try again


def test_returned_mail_reopens_the_case_and_says_which_it_was(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff, printed_case: int
) -> None:
    sent_case(ctx, staff, printed_case)
    dialog = ReturnedMailDialog(gui, staff.clerk)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    scan(qtbot, dialog, SENT_NUMBER)
    dialog.choice.setCurrentIndex(dialog.choice.findData(ReturnReason.UNKNOWN_ADDRESS.value))
    with qtbot.waitSignal(dialog.recorded):
        record(qtbot, dialog)

    detail = cases.get_case(ctx, printed_case)
    assert detail.status is CaseStatus.MAIL_RETURNED
    assert detail.reference in dialog.result_label.text()
    assert dialog.isVisible()  # ready for the next returned envelope
    assert dialog.number.edit.text() == ""
    assert dialog.reason is None  # the next envelope's reason is chosen again

    resend = outgoing_dialog(qtbot, gui, staff, ctx, printed_case)
    scan(qtbot, resend, mail_number(502))  # a re-send is another outgoing item
    record(qtbot, resend)
    assert cases.get_case(ctx, printed_case).status is CaseStatus.SENT


def test_returned_mail_with_an_unknown_number_is_refused(
    qtbot: QtBot,
    gui: GuiContext,
    staff: Staff,
    ctx: ServiceContext,
    printed_case: int,
    messages: RecordingMessages,
) -> None:
    sent_case(ctx, staff, printed_case)
    dialog = ReturnedMailDialog(gui, staff.clerk)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    scan(qtbot, dialog, mail_number(777))
    dialog.choice.setCurrentIndex(dialog.choice.findData(ReturnReason.UNKNOWN_ADDRESS.value))
    record(qtbot, dialog)
    assert messages.texts("error")
    assert cases.get_case(ctx, printed_case).status is CaseStatus.SENT


def test_the_letters_tab_records_sending_and_closes_the_case(
    qtbot: QtBot,
    gui: GuiContext,
    ctx: ServiceContext,
    staff: Staff,
    printed_case: int,
    messages: RecordingMessages,
) -> None:
    panel = LettersPanel(gui, staff.clerk, printed_case)
    qtbot.addWidget(panel)
    assert not panel.close_button.isEnabled()
    panel.send_button.click()
    dialog = panel.mail_dialog
    assert isinstance(dialog, OutgoingMailDialog)
    qtbot.waitExposed(dialog)
    scan(qtbot, dialog, SENT_NUMBER)
    record(qtbot, dialog)
    assert panel.state is not None
    assert panel.state.case.status is CaseStatus.SENT
    assert not panel.send_button.isEnabled()

    messages.confirm_answers = [True]
    panel.close_button.click()
    assert cases.get_case(ctx, printed_case).status is CaseStatus.CLOSED
    assert panel.state.case.status is CaseStatus.CLOSED


def test_returned_mail_has_no_default_reason(
    qtbot: QtBot,
    gui: GuiContext,
    ctx: ServiceContext,
    staff: Staff,
    printed_case: int,
    messages: RecordingMessages,
) -> None:
    sent_case(ctx, staff, printed_case)
    dialog = ReturnedMailDialog(gui, staff.clerk)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.reason is None
    scan(qtbot, dialog, SENT_NUMBER)
    record(qtbot, dialog)  # saving without a reason is refused, with a word why
    assert len(messages.texts("warning")) == 1
    assert cases.get_case(ctx, printed_case).status is CaseStatus.SENT
    dialog.choice.setCurrentIndex(dialog.choice.findData(ReturnReason.REFUSED.value))
    record(qtbot, dialog)
    assert cases.get_case(ctx, printed_case).status is CaseStatus.MAIL_RETURNED
