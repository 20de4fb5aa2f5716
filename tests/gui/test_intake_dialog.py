"""The intake dialog: number checks, the scanner's Enter, duplicates, repeat requesters, saving."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop.domain.requests import FeeForm, RequestKind
from desktop.gui.context import GuiContext
from desktop.gui.display import DUE_SOON_COLOR, OVERDUE_COLOR
from desktop.gui.intake_dialog import IntakeDialog
from desktop.gui.messages import SaveChoice
from desktop.services import cases
from desktop.services.context import ServiceContext
from tests.conftest import Staff
from tests.gui.conftest import RecordingMessages, tracking_number
from tests.gui.keyboard import commit_text, focused


@pytest.fixture
def dialog(qtbot: QtBot, gui: GuiContext, staff: Staff) -> IntakeDialog:
    dialog = IntakeDialog(gui, staff.clerk)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.ui.trackingEdit.hasFocus)
    return dialog


def _formatted(number: str) -> str:
    return f"{number[:3]}-{number[3:5]}-{number[5:10]}-{number[10]}"


def test_scanner_enter_moves_on_and_does_not_save(qtbot: QtBot, dialog: IntakeDialog) -> None:
    qtbot.keyClicks(dialog.ui.trackingEdit, tracking_number(5))
    qtbot.keyClick(dialog.ui.trackingEdit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.logged is None
    assert focused() is dialog.ui.receivedEdit
    assert dialog.ui.trackingHint.text().startswith("✓ 100-00-00005-")


def test_full_width_digits_with_hyphens_are_accepted(dialog: IntakeDialog) -> None:
    number = tracking_number(12)
    wide = str.maketrans("0123456789-", "０１２３４５６７８９－")
    full_width = _formatted(number).translate(wide)
    commit_text(dialog.ui.trackingEdit, full_width)
    check = dialog.tracking_check()
    assert check.valid_format
    assert check.normalized == number


def test_impossible_number_is_red_and_failed_check_digit_only_warns(
    qtbot: QtBot, dialog: IntakeDialog
) -> None:
    hint = dialog.ui.trackingHint
    qtbot.keyClicks(dialog.ui.trackingEdit, "12345")
    assert OVERDUE_COLOR.name() not in hint.styleSheet()  # still typing: no red yet
    qtbot.keyClick(dialog.ui.trackingEdit, Qt.Key.Key_Return)
    assert OVERDUE_COLOR.name() in hint.styleSheet()
    number = tracking_number(3)
    wrong = number[:10] + str((int(number[10]) + 1) % 10)
    dialog.ui.trackingEdit.setText(wrong)
    assert DUE_SOON_COLOR.name() in hint.styleSheet()
    assert dialog.tracking_check().valid_format
    assert dialog.tracking_check().check_digit_ok is False


def _fill_minimum(dialog: IntakeDialog, number: str, name: str = "山田 太郎") -> None:
    dialog.ui.trackingEdit.setText(number)
    commit_text(dialog.ui.nameEdit, name)
    dialog.kind_checks[RequestKind.DISCLOSURE].setChecked(True)


def test_failed_check_digit_does_not_block_saving(
    dialog: IntakeDialog, ctx: ServiceContext, messages: RecordingMessages
) -> None:
    number = tracking_number(3)
    _fill_minimum(dialog, number[:10] + str((int(number[10]) + 1) % 10))
    dialog.accept()
    assert dialog.logged is not None
    assert dialog.logged.tracking.check_digit_ok is False
    assert messages.texts("confirm")[0].startswith(f"Logged as case {dialog.logged.reference}.")


def test_missing_fields_are_named_inline(dialog: IntakeDialog, messages: RecordingMessages) -> None:
    dialog.ui.trackingEdit.setText(tracking_number(1))
    dialog.accept()
    assert dialog.ui.errorLabel.isVisibleTo(dialog)
    assert focused() is dialog.ui.nameEdit
    commit_text(dialog.ui.nameEdit, "山田 太郎")
    dialog.accept()
    assert focused() is dialog.kind_checks[RequestKind.PURPOSE_NOTICE]
    assert dialog.logged is None
    assert messages.said == []


def test_fee_amount_chooses_money_order_and_saves_its_date(
    dialog: IntakeDialog, ctx: ServiceContext
) -> None:
    _fill_minimum(dialog, tracking_number(8))
    dialog.ui.feeSpin.setValue(500)
    assert dialog.ui.feeFormCombo.currentData() == FeeForm.MONEY_ORDER.value
    dialog.ui.moneyOrderEdit.setText("R8.10.1")
    commit_text(dialog.ui.birthEdit, "昭和60年1月1日")
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.logged is not None
    detail = cases.get_case(ctx, dialog.logged.case_id)
    assert detail.fee_amount == 500
    assert detail.fee_form is FeeForm.MONEY_ORDER
    assert detail.money_order_issued_on == date(2026, 10, 1)
    assert detail.sender_birth_date == date(1985, 1, 1)


def test_duplicate_number_offers_to_open_the_existing_case(
    qtbot: QtBot,
    dialog: IntakeDialog,
    ctx: ServiceContext,
    staff: Staff,
    messages: RecordingMessages,
) -> None:
    number = tracking_number(40)
    first = cases.log_envelope(
        ctx,
        staff.clerk,
        cases.EnvelopeInput(
            tracking_number=number,
            received_on=date(2026, 11, 19),
            sender_name="先 太郎",
            request_kinds=frozenset({RequestKind.DISCLOSURE}),
        ),
    )
    _fill_minimum(dialog, _formatted(number))
    messages.confirm_answers.append(True)
    with qtbot.waitSignal(dialog.open_case_requested) as opened:
        dialog.accept()
    assert opened.args == [first.case_id, first.reference]
    assert first.reference in messages.texts("confirm")[0]
    assert not dialog.isVisible()


def test_a_number_already_logged_is_flagged_as_soon_as_it_is_entered(
    qtbot: QtBot, dialog: IntakeDialog, ctx: ServiceContext, staff: Staff
) -> None:
    number = tracking_number(41)
    first = cases.log_envelope(
        ctx,
        staff.clerk,
        cases.EnvelopeInput(
            tracking_number=number,
            received_on=date(2026, 11, 19),
            sender_name="先 太郎",
            request_kinds=frozenset({RequestKind.DISCLOSURE}),
        ),
    )
    hint = dialog.ui.trackingHint
    qtbot.keyClicks(dialog.ui.trackingEdit, number)
    qtbot.waitUntil(lambda: first.reference in hint.text(), timeout=3000)
    assert "✓" not in hint.text()
    assert OVERDUE_COLOR.name() in hint.styleSheet()
    dialog.ui.trackingEdit.setText(tracking_number(42))
    assert hint.text().startswith("✓")


def test_postal_code_fills_the_address_but_never_over_typed_text(dialog: IntakeDialog) -> None:
    address = dialog.ui.addressEdit
    commit_text(dialog.ui.postalEdit, "100-0001")
    assert address.text() == "東京都千代田区千代田"
    dialog.ui.postalEdit.clear()
    commit_text(dialog.ui.postalEdit, "６００８２１６")  # full width, as an input method types it
    assert address.text() == "京都府京都市下京区東塩小路町"
    address.setFocus()
    address.end(False)
    commit_text(address, "901")
    dialog.ui.postalEdit.clear()
    commit_text(dialog.ui.postalEdit, "1000001")
    assert address.text() == "京都府京都市下京区東塩小路町901"


def test_repeat_requesters_are_listed_and_can_be_linked(
    qtbot: QtBot, dialog: IntakeDialog, ctx: ServiceContext, staff: Staff
) -> None:
    earlier = cases.log_envelope(
        ctx,
        staff.clerk,
        cases.EnvelopeInput(
            tracking_number=tracking_number(60),
            received_on=date(2026, 6, 1),
            sender_name="山田 太郎",
            sender_birth_date=date(1985, 1, 1),
            sender_address="東京都千代田区千代田1-1",
            request_kinds=frozenset({RequestKind.DISCLOSURE}),
        ),
    )
    dialog.ui.trackingEdit.setText(tracking_number(61))
    commit_text(dialog.ui.nameEdit, "山田　太郎")
    commit_text(dialog.ui.birthEdit, "S60.1.1")
    qtbot.waitUntil(lambda: dialog.ui.repeatList.count() == 1, timeout=3000)
    entry = dialog.ui.repeatList.item(0)
    assert earlier.reference in entry.text()
    entry.setCheckState(Qt.CheckState.Checked)
    assert dialog.related_case_id == earlier.case_id
    dialog.kind_checks[RequestKind.CORRECTION].setChecked(True)
    dialog.accept()
    assert dialog.logged is not None
    assert cases.get_case(ctx, dialog.logged.case_id).related_case_id == earlier.case_id


# --- unsaved work -------------------------------------------------------------------------


def test_esc_on_an_empty_form_closes_without_asking(
    qtbot: QtBot, dialog: IntakeDialog, messages: RecordingMessages
) -> None:
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert messages.texts("ask_save") == []


def test_esc_with_typed_work_asks_and_cancel_keeps_it(
    qtbot: QtBot, dialog: IntakeDialog, messages: RecordingMessages
) -> None:
    _fill_minimum(dialog, tracking_number(21))
    messages.save_answers.append(SaveChoice.CANCEL)
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert dialog.isVisible()
    assert len(messages.texts("ask_save")) == 1
    assert dialog.ui.nameEdit.text() == "山田 太郎"


def test_cancel_button_with_typed_work_asks_and_discard_closes(
    qtbot: QtBot, dialog: IntakeDialog, messages: RecordingMessages, ctx: ServiceContext
) -> None:
    _fill_minimum(dialog, tracking_number(22))
    messages.save_answers.append(SaveChoice.DISCARD)
    cancel = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert len(messages.texts("ask_save")) == 1
    assert dialog.logged is None


def test_esc_with_typed_work_and_save_logs_the_envelope(
    qtbot: QtBot, dialog: IntakeDialog, messages: RecordingMessages, ctx: ServiceContext
) -> None:
    _fill_minimum(dialog, tracking_number(23))
    messages.save_answers.append(SaveChoice.SAVE)
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert len(messages.texts("ask_save")) == 1
    assert dialog.logged is not None
    assert not dialog.isVisible()
    assert cases.get_case(ctx, dialog.logged.case_id).sender_name == "山田 太郎"


def test_an_agents_section_is_recorded_with_the_case(
    dialog: IntakeDialog, ctx: ServiceContext, messages: RecordingMessages
) -> None:
    from desktop.domain.agents import Agent

    assert not dialog.agent_fields.isEnabled()  # the principal wrote the request
    _fill_minimum(dialog, tracking_number(4))
    dialog.ui.appointedAgentRadio.setChecked(True)
    assert dialog.agent_fields.isEnabled()
    commit_text(dialog.agent_fields.name_edit, "佐藤 弁護")
    commit_text(dialog.agent_fields.postal_edit, "105-0011")
    commit_text(dialog.agent_fields.address_edit, "東京都港区芝公園四丁目2番8号")
    commit_text(dialog.agent_fields.relationship_edit, "任意代理人（弁護士）")
    dialog.accept()

    assert dialog.logged is not None
    assert cases.get_case(ctx, dialog.logged.case_id).agent == Agent(
        name="佐藤 弁護",
        address="東京都港区芝公園四丁目2番8号",
        relationship="任意代理人（弁護士）",
        postal_code="105-0011",
    )
