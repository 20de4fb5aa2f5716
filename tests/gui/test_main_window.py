"""The main window end to end: keyboard intake, search, workload filters, roles, preferences."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu
from pytestqt.qtbot import QtBot

from desktop.domain.requests import FeeForm, RequesterType, RequestKind
from desktop.domain.status import CaseStatus
from desktop.gui.case_table_model import CASE_ID_ROLE, Column
from desktop.gui.context import GuiContext
from desktop.gui.intake_dialog import IntakeDialog
from desktop.gui.main_window import MainWindow
from desktop.gui.messages import SaveChoice
from desktop.gui.operations import OperationRunner
from desktop.gui.workload_bar import WorkloadFilter
from desktop.services import case_list, cases
from desktop.services.context import CurrentUser, ServiceContext
from tests.conftest import Staff
from tests.gui.conftest import RecordingMessages, fake_ui, log_cases, tracking_number
from tests.gui.keyboard import commit_text, focused, tab, type_here


def _window(qtbot: QtBot, gui: GuiContext, user: CurrentUser | None) -> MainWindow:
    window = MainWindow(gui, user)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _reachable_actions(window: MainWindow) -> list[QAction]:
    found: list[QAction] = []

    def walk(actions: list[QAction]) -> None:
        for action in actions:
            found.append(action)
            menu = action.menu()
            if isinstance(menu, QMenu):
                walk(menu.actions())

    walk(window.menuBar().actions())
    walk(window.toolbar.actions())
    return found


def _type_envelope(qtbot: QtBot, dialog: IntakeDialog, number: str) -> None:
    """Fill the intake dialog with the keyboard alone, the way a clerk does."""
    type_here(qtbot, f"{number[:3]}-{number[3:5]}-{number[5:10]}-{number[10]}")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # the barcode scanner's Enter
    assert dialog.isVisible()
    assert focused() is dialog.ui.receivedEdit  # keep today's date
    assert tab(qtbot) is dialog.ui.postmarkEdit
    type_here(qtbot, "R8.11.18")
    assert tab(qtbot) is dialog.ui.nameEdit
    type_here(qtbot, "鈴木 一郎")
    assert tab(qtbot) is dialog.ui.kanaEdit
    type_here(qtbot, "スズキ イチロウ")
    assert tab(qtbot) is dialog.ui.postalEdit
    type_here(qtbot, "1000001")
    assert tab(qtbot) is dialog.ui.addressEdit
    type_here(qtbot, "東京都千代田区千代田１－１")
    assert tab(qtbot) is dialog.ui.birthEdit
    type_here(qtbot, "S50.4.1")
    assert tab(qtbot) is dialog.kind_checks[RequestKind.PURPOSE_NOTICE]
    assert tab(qtbot) is dialog.kind_checks[RequestKind.DISCLOSURE]
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert tab(qtbot, 4) is dialog.kind_checks[RequestKind.THIRD_PARTY_SUSPENSION]
    assert tab(qtbot) is dialog.ui.principalRadio
    qtbot.keyClick(focused(), Qt.Key.Key_Right)  # 法定代理人
    agent = dialog.agent_fields
    assert tab(qtbot) is agent.name_edit  # the form's agent section
    type_here(qtbot, "鈴木 花子")
    assert tab(qtbot) is agent.kana_edit
    type_here(qtbot, "スズキ ハナコ")
    assert tab(qtbot) is agent.postal_edit
    type_here(qtbot, "1000001")
    assert tab(qtbot) is agent.address_edit
    type_here(qtbot, "東京都千代田区千代田１－２")
    assert tab(qtbot) is agent.relationship_edit
    type_here(qtbot, "成年後見人")
    assert tab(qtbot) is dialog.ui.markedCheck
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert tab(qtbot) is dialog.ui.feeSpin
    qtbot.keyClick(focused(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_here(qtbot, "300")
    assert tab(qtbot) is dialog.ui.feeFormCombo
    assert tab(qtbot) is dialog.ui.moneyOrderEdit
    type_here(qtbot, "2026/11/10")
    assert tab(qtbot) is dialog.ui.returnPostageCheck
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert tab(qtbot) is dialog.ui.noteEdit
    qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def _assert_stored(ctx: ServiceContext, case_id: int, number: str) -> None:
    stored = cases.get_case(ctx, case_id)
    assert stored.tracking_number == number
    assert stored.received_on == date(2026, 11, 20)
    assert stored.postmark_on == date(2026, 11, 18)
    assert stored.sender_name == "鈴木 一郎"
    assert stored.sender_kana == "スズキ イチロウ"
    assert stored.sender_postal_code == "100-0001"
    assert stored.sender_birth_date == date(1975, 4, 1)
    assert stored.kinds == (RequestKind.DISCLOSURE,)
    assert stored.requester_type is RequesterType.LEGAL_REPRESENTATIVE
    assert stored.envelope_marked
    assert (stored.fee_amount, stored.fee_form) == (300, FeeForm.MONEY_ORDER)
    assert stored.money_order_issued_on == date(2026, 11, 10)
    assert stored.return_postage_enclosed


def test_log_an_envelope_with_the_keyboard_then_find_it(
    qtbot: QtBot,
    gui: GuiContext,
    ctx: ServiceContext,
    staff: Staff,
    messages: RecordingMessages,
) -> None:
    log_cases(ctx, staff.clerk, 5)
    window = _window(qtbot, gui, staff.clerk)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.intake_dialog
    assert isinstance(dialog, IntakeDialog)
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(dialog.ui.trackingEdit.hasFocus)
    number = tracking_number(900)
    _type_envelope(qtbot, dialog, number)

    assert dialog.logged is not None, dialog.ui.errorLabel.text()
    logged = dialog.logged
    assert messages.texts("confirm")[0].startswith(f"Logged as case {logged.reference}.")
    qtbot.waitUntil(lambda: window.intake_dialog is None)
    _assert_stored(ctx, logged.case_id, number)

    # The list selected the new case; now find it with the search box.
    assert window.selected_case_id() == logged.case_id
    assert window.detail.case_id == logged.case_id
    window.activateWindow()  # a window manager would do this when the dialog closes
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert focused() is window.filters.search_edit
    type_here(qtbot, number[-6:])
    qtbot.keyClick(window.filters.search_edit, Qt.Key.Key_Return)
    model = window.model
    assert model.rowCount() == 1
    assert model.index(0, Column.REFERENCE).data() == logged.reference
    assert model.index(0, Column.SENDER).data() == "鈴木 一郎"
    assert model.index(0, Column.RECEIVED).data() == "2026/11/20"
    assert model.index(0, Column.TRACKING).data() == (
        f"{number[:3]}-{number[3:5]}-{number[5:10]}-{number[10]}"
    )
    assert model.index(0, Column.STATUS).data() == "受付"
    assert model.index(0, Column.DAYS_LEFT).data() == "14 days"


def test_clerk_has_no_user_management_but_admin_has(
    qtbot: QtBot, gui: GuiContext, staff: Staff
) -> None:
    clerk_window = _window(qtbot, gui, staff.clerk)
    assert clerk_window.users_action not in _reachable_actions(clerk_window)
    assert clerk_window.log_action in _reachable_actions(clerk_window)
    admin_window = _window(qtbot, gui, staff.admin)
    assert admin_window.users_action in _reachable_actions(admin_window)


def test_admin_opens_user_management(
    qtbot: QtBot, gui: GuiContext, staff: Staff, messages: RecordingMessages
) -> None:
    from desktop.gui.user_admin_dialog import UserAdminDialog

    window = _window(qtbot, gui, staff.admin)
    window.users_action.trigger()
    dialog = window.findChild(UserAdminDialog)
    assert dialog is not None
    assert dialog.ui.usersTable.rowCount() == 4
    dialog.close()


def test_without_a_user_nothing_is_shown_and_actions_are_off(
    qtbot: QtBot, gui: GuiContext, staff: Staff, ctx: ServiceContext
) -> None:
    log_cases(ctx, staff.clerk, 3)
    window = _window(qtbot, gui, None)
    assert window.model.rowCount() == 0
    assert not window.reload_action.isEnabled()
    assert not window.filters.search_edit.isEnabled()
    assert window.log_action not in _reachable_actions(window)
    assert window.workload.count_text(WorkloadFilter.PENDING) == "–"


def _open_dialogs(window: MainWindow) -> list[QDialog]:
    return [d for d in window.findChildren(QDialog) if d.isVisible()]


def test_without_a_user_no_action_opens_anything_or_reloads(
    qtbot: QtBot, gui: GuiContext, runner: OperationRunner
) -> None:
    window = _window(qtbot, gui, None)
    calls: list[object] = []
    runner.executor.submit = lambda fn, deliver: calls.append(fn)  # type: ignore[method-assign]
    for action in (
        window.open_intake,
        window.open_print_queue,
        window.open_returned_mail,
        window.open_user_admin,
        window.open_reason_catalog,
        window.open_dashboard,
        window.open_review_queue,
        window.open_customer_import,
        window.reload,
        window.refresh_workload,
        window.apply_filters,
    ):
        action()
    assert _open_dialogs(window) == []
    assert calls == []


def test_an_action_the_role_may_not_use_opens_nothing(
    qtbot: QtBot, gui: GuiContext, staff: Staff
) -> None:
    window = _window(qtbot, gui, staff.clerk)
    window.open_user_admin()
    window.open_review_queue()
    window.open_reason_catalog()
    window.open_customer_import()
    assert _open_dialogs(window) == []


def test_the_dialogs_open_beside_the_list_and_are_gone_once_closed(
    qtbot: QtBot, gui: GuiContext, staff: Staff
) -> None:
    window = _window(qtbot, gui, staff.supervisor)
    for action in (window.open_print_queue, window.open_returned_mail, window.open_dashboard):
        action()
        (dialog,) = _open_dialogs(window)
        assert dialog.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        with qtbot.waitSignal(dialog.destroyed, timeout=3000):
            dialog.close()
    assert _open_dialogs(window) == []


def test_workload_counts_filter_the_list(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff
) -> None:
    ids = log_cases(ctx, staff.clerk, 30)  # received over the last 30 days
    version = cases.get_case(ctx, ids[0]).version
    cases.change_status(ctx, staff.clerk, ids[0], version, CaseStatus.WITHDRAWN, "取下げ")
    window = _window(qtbot, gui, staff.supervisor)
    workload = case_list.workload(ctx)
    assert window.workload.count_text(WorkloadFilter.PENDING) == str(workload.pending)
    assert window.workload.count_text(WorkloadFilter.OVERDUE) == str(workload.overdue)
    assert workload.overdue > 0

    window.workload.buttons[WorkloadFilter.OVERDUE].click()
    assert window.filters.overdue_action.isChecked()
    assert window.model.total == workload.overdue
    days = [
        window.model.case_row(r).deadline.days_left  # type: ignore[union-attr]
        for r in range(window.model.rowCount())
    ]
    assert all(d < 0 for d in days)
    assert window.workload.buttons[WorkloadFilter.OVERDUE].isChecked()

    window.workload.buttons[WorkloadFilter.PENDING].click()
    assert not window.filters.overdue_action.isChecked()
    assert window.model.total == workload.pending
    window.workload.buttons[WorkloadFilter.PENDING].click()  # again: back to everything
    assert window.model.total == 30


def test_sorting_by_clicking_a_header(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff
) -> None:
    log_cases(ctx, staff.clerk, 20)
    window = _window(qtbot, gui, staff.clerk)
    header = window.table.horizontalHeader()
    header.sectionClicked.emit(Column.DUE)
    assert (window.model.query.sort, window.model.query.descending) == ("due_on", False)
    dues = [window.model.index(r, Column.DUE).data() for r in range(window.model.rowCount())]
    assert dues == sorted(dues)
    header.sectionClicked.emit(Column.DUE)
    assert window.model.query.descending
    header.sectionClicked.emit(Column.TRACKING)  # every column sorts, mail numbers too
    assert (window.model.query.sort, window.model.query.descending) == ("tracking", False)
    assert header.sortIndicatorSection() == Column.TRACKING
    numbers = [window.model.case_row(r).tracking_number for r in range(window.model.rowCount())]  # type: ignore[union-attr]
    assert numbers == sorted(numbers)


def test_selecting_a_row_shows_the_case(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff
) -> None:
    log_cases(ctx, staff.clerk, 3)
    window = _window(qtbot, gui, staff.clerk)
    window.table.selectRow(1)
    case_id = window.model.index(1, 0).data(CASE_ID_ROLE)
    assert window.detail.case_id == case_id


def test_a_change_elsewhere_refreshes_the_list(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff
) -> None:
    ids = log_cases(ctx, staff.clerk, 3)
    window = _window(qtbot, gui, staff.clerk)
    window.table.selectRow(0)
    selected = window.selected_case_id()
    assert selected is not None
    window.detail.ui.nextStatusCombo.setCurrentIndex(
        window.detail.ui.nextStatusCombo.findData(CaseStatus.SCANNED.value)
    )
    window.detail.ui.changeStatusButton.click()
    row = window.model.row_of(selected)
    assert row is not None
    assert window.model.index(row, Column.STATUS).data() == "取込済"
    assert window.selected_case_id() == selected
    assert len(ids) == window.model.rowCount()
    assert window.model.canFetchMore(QModelIndex()) is False


def test_layout_is_remembered_in_the_injected_settings(
    qtbot: QtBot, gui: GuiContext, staff: Staff
) -> None:
    window = _window(qtbot, gui, staff.clerk)
    window.resize(780, 560)  # the offscreen screen is 800 × 600
    total = sum(window.splitter.sizes())
    window.splitter.setSizes([total - 490, 490])
    sizes = window.splitter.sizes()
    window.close()
    assert gui.prefs.value("main_window/splitter") is not None
    again = _window(qtbot, gui, staff.clerk)
    assert again.size() == window.size()
    assert again.splitter.sizes() == sizes


def test_language_choice_is_saved_for_next_time(
    qtbot: QtBot, gui: GuiContext, staff: Staff, messages: RecordingMessages
) -> None:
    saved: list[str] = []
    gui.save_language = saved.append
    window = _window(qtbot, gui, staff.clerk)
    window.language_actions["en"].trigger()
    assert saved == ["en"]
    assert len(messages.texts("info")) == 1


def test_the_cover_sheet_offered_after_logging_carries_the_case_in_its_qr(
    qtbot: QtBot,
    gui: GuiContext,
    staff: Staff,
    messages: RecordingMessages,
) -> None:
    import pypdfium2

    from desktop.intake.cover_sheet import read_cover_sheet

    window = _window(qtbot, gui, staff.clerk)
    printed: list[tuple[bytes, str]] = []
    fake_ui(gui).print_pdf = lambda _parent, pdf, title: printed.append((pdf, title)) or "printer"
    messages.confirm_answers = [True]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.open_intake()
    dialog = window.intake_dialog
    assert isinstance(dialog, IntakeDialog)
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(dialog.ui.trackingEdit.hasFocus)
    _type_envelope(qtbot, dialog, tracking_number(901))
    assert dialog.logged is not None
    reference = dialog.logged.reference

    assert len(printed) == 1
    pdf, title = printed[0]
    assert title == "Case cover sheet"
    page = pypdfium2.PdfDocument(pdf)[0]
    image = page.render(scale=200 / 72).to_pil()
    assert read_cover_sheet(image) == reference


def test_the_chosen_cases_cover_sheet_can_be_printed_again(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff
) -> None:
    import pypdfium2

    from desktop.intake.cover_sheet import read_cover_sheet

    log_cases(ctx, staff.clerk, 3)
    window = _window(qtbot, gui, staff.clerk)
    printed: list[bytes] = []
    fake_ui(gui).print_pdf = lambda _parent, pdf, _title: printed.append(pdf) or "printer"
    window.table.selectRow(1)
    reference = str(window.model.index(1, Column.REFERENCE).data())
    reprint = next(a for a in _reachable_actions(window) if "cover sheet" in a.text())
    reprint.trigger()
    assert len(printed) == 1
    image = pypdfium2.PdfDocument(printed[0])[0].render(scale=200 / 72).to_pil()
    assert read_cover_sheet(image) == reference


# --- unsaved work -------------------------------------------------------------------------


def _click_row(qtbot: QtBot, window: MainWindow, row: int) -> None:
    rect = window.table.visualRect(window.model.index(row, Column.SENDER))
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _ctrl_q(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(focused(), Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)


def _edit_name(window: MainWindow, name: str) -> None:
    window.detail.ui.nameEdit.clear()
    commit_text(window.detail.ui.nameEdit, name)
    assert window.detail.has_unsaved_changes()


def test_clicking_another_case_with_unsaved_edits_asks_and_cancel_stays(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff, messages: RecordingMessages
) -> None:
    log_cases(ctx, staff.clerk, 3)
    window = _window(qtbot, gui, staff.clerk)
    _click_row(qtbot, window, 0)
    first = window.model.index(0, 0).data(CASE_ID_ROLE)
    assert window.detail.case_id == first
    _edit_name(window, "編集 中")
    messages.save_answers.append(SaveChoice.CANCEL)
    _click_row(qtbot, window, 1)
    assert len(messages.texts("ask_save")) == 1
    assert window.detail.case_id == first
    assert window.selected_case_id() == first
    assert window.detail.ui.nameEdit.text() == "編集 中"


def test_clicking_another_case_and_saving_keeps_the_edit_and_moves_on(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff, messages: RecordingMessages
) -> None:
    log_cases(ctx, staff.clerk, 3)
    window = _window(qtbot, gui, staff.clerk)
    _click_row(qtbot, window, 0)
    first = window.model.index(0, 0).data(CASE_ID_ROLE)
    second = window.model.index(1, 0).data(CASE_ID_ROLE)
    _edit_name(window, "保存 する")
    messages.save_answers.append(SaveChoice.SAVE)
    _click_row(qtbot, window, 1)
    assert cases.get_case(ctx, first).sender_name == "保存 する"
    qtbot.waitUntil(lambda: window.detail.case_id == second)


def test_clicking_another_case_and_discarding_moves_on(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff, messages: RecordingMessages
) -> None:
    log_cases(ctx, staff.clerk, 3)
    window = _window(qtbot, gui, staff.clerk)
    _click_row(qtbot, window, 0)
    first = window.model.index(0, 0).data(CASE_ID_ROLE)
    second = window.model.index(1, 0).data(CASE_ID_ROLE)
    name = cases.get_case(ctx, first).sender_name
    _edit_name(window, "捨てる 編集")
    messages.save_answers.append(SaveChoice.DISCARD)
    _click_row(qtbot, window, 1)
    assert window.detail.case_id == second
    assert cases.get_case(ctx, first).sender_name == name


def test_ctrl_q_with_unsaved_edits_asks_and_cancel_keeps_the_window(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff, messages: RecordingMessages
) -> None:
    log_cases(ctx, staff.clerk, 2)
    window = _window(qtbot, gui, staff.clerk)
    _click_row(qtbot, window, 0)
    _edit_name(window, "編集 中")
    messages.save_answers.append(SaveChoice.CANCEL)
    _ctrl_q(qtbot, window)
    assert len(messages.texts("ask_save")) == 1
    assert window.isVisible()
    assert window.detail.ui.nameEdit.text() == "編集 中"
    messages.save_answers.append(SaveChoice.DISCARD)
    window.close()
    assert not window.isVisible()


def test_closing_without_unsaved_edits_does_not_ask(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff, messages: RecordingMessages
) -> None:
    log_cases(ctx, staff.clerk, 2)
    window = _window(qtbot, gui, staff.clerk)
    _click_row(qtbot, window, 0)
    _ctrl_q(qtbot, window)
    assert not window.isVisible()
    assert messages.texts("ask_save") == []
