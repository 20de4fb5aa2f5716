"""Finding the customer for a case: prefilled search, ranked candidates, keyboard linking."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.gui.context import GuiContext
from desktop.gui.customer_link_dialog import AGREE_COLOR, CustomerLinkDialog
from desktop.services import cases
from desktop.services.context import ServiceContext
from desktop.services.customer_search import case_link, record_no_retained_data
from desktop.services.customers import import_customers
from tests.conftest import Staff
from tests.gui.conftest import RecordingMessages
from tests.gui.keyboard import commit_text

REGISTRY = [
    "顧客番号,氏名,フリガナ,生年月日,郵便番号,住所,電話番号",
    "C001,山田 太郎,ヤマダ タロウ,1985-01-01,101-0001,東京都千代田区千代田1-1,03-1111-2222",
    "C002,山田 太郎,ヤマダ タロウ,1950-05-05,530-0001,大阪府大阪市北区梅田1-1-1,",
    "C003,佐藤 花子,サトウ ハナコ,1985-01-01,101-0001,東京都千代田区千代田1-1,",
]


@pytest.fixture
def registry(ctx: ServiceContext, staff: Staff, tmp_path: Path) -> None:
    path = tmp_path / "registry.csv"
    path.write_text("\n".join(REGISTRY) + "\n", encoding="utf-8")
    import_customers(ctx, staff.admin, path)


def _dialog(qtbot: QtBot, gui: GuiContext, staff: Staff, case_id: int) -> CustomerLinkDialog:
    detail = cases.get_case(gui.services, case_id)
    dialog = CustomerLinkDialog(gui, staff.clerk, detail)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


@pytest.mark.usefixtures("registry")
def test_enter_searches_and_enter_on_a_row_links_it(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff, case_id: int
) -> None:
    dialog = _dialog(qtbot, gui, staff, case_id)
    assert dialog.ui.nameEdit.text() == "山田 太郎"  # the sender, as logged
    assert dialog.ui.addressEdit.text() == "東京都千代田区千代田1-1"
    qtbot.waitUntil(dialog.ui.nameEdit.hasFocus)

    qtbot.keyClick(dialog.ui.nameEdit, Qt.Key.Key_Return)

    numbers = [c.customer_no for c in dialog.candidates]
    assert numbers[0] == "C001"  # name and address agree
    assert set(numbers) == {"C001", "C002", "C003"}
    table = dialog.ui.resultsTable
    assert table.hasFocus()
    assert table.item(0, 1).text() == "C001"
    assert table.item(0, 2).background().color() == AGREE_COLOR  # the name agrees
    c003 = numbers.index("C003")
    assert table.item(c003, 2).background().color() != AGREE_COLOR  # another name

    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Up)
    with qtbot.waitSignal(dialog.linked):
        qtbot.keyClick(table, Qt.Key.Key_Return)

    link = case_link(ctx, case_id)
    assert link.customer_no == "C001"
    assert dialog.result() == dialog.DialogCode.Accepted


@pytest.mark.usefixtures("registry")
def test_edited_query_finds_by_phone_only(
    qtbot: QtBot, gui: GuiContext, staff: Staff, case_id: int
) -> None:
    dialog = _dialog(qtbot, gui, staff, case_id)
    for edit in (dialog.ui.nameEdit, dialog.ui.addressEdit):
        edit.clear()
    dialog.ui.phoneEdit.setFocus()
    commit_text(dialog.ui.phoneEdit, "０３－１１１１－２２２２")
    qtbot.keyClick(dialog.ui.phoneEdit, Qt.Key.Key_Return)
    assert [c.customer_no for c in dialog.candidates] == ["C001"]
    assert dialog.ui.resultsTable.item(0, 7).background().color() == AGREE_COLOR


def test_no_retained_data_after_a_fruitless_search(
    qtbot: QtBot,
    gui: GuiContext,
    ctx: ServiceContext,
    staff: Staff,
    case_id: int,
    messages: RecordingMessages,
) -> None:
    dialog = _dialog(qtbot, gui, staff, case_id)
    qtbot.keyClick(dialog.ui.nameEdit, Qt.Key.Key_Return)
    assert dialog.candidates == []
    assert not dialog.ui.linkButton.isEnabled()

    messages.confirm_answers.append(False)
    qtbot.mouseClick(dialog.ui.noDataButton, Qt.MouseButton.LeftButton)
    assert not case_link(ctx, case_id).no_retained_data  # the clerk said no

    messages.confirm_answers.append(True)
    qtbot.mouseClick(dialog.ui.noDataButton, Qt.MouseButton.LeftButton)
    assert case_link(ctx, case_id).no_retained_data
    assert messages.texts("confirm")


def test_a_case_changed_elsewhere_is_a_warning_and_the_dialog_closes(
    qtbot: QtBot,
    gui: GuiContext,
    ctx: ServiceContext,
    staff: Staff,
    case_id: int,
    messages: RecordingMessages,
) -> None:
    dialog = _dialog(qtbot, gui, staff, case_id)
    version = cases.get_case(ctx, case_id).version
    record_no_retained_data(ctx, staff.clerk2, case_id, version)  # another workstation
    messages.confirm_answers.append(True)
    with qtbot.waitSignal(dialog.conflict):
        qtbot.mouseClick(dialog.ui.noDataButton, Qt.MouseButton.LeftButton)
    assert messages.texts("warning")
    assert dialog.result() == dialog.DialogCode.Rejected
