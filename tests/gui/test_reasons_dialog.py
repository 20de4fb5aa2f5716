"""The reason catalog dialog: administrators add reasons and retire them; nothing is deleted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPushButton
from pytestqt.qtbot import QtBot

from desktop.domain.reasons import FORM_DEFECT, SEED_REASONS, ReasonGround
from desktop.gui.context import GuiContext
from desktop.gui.main_window import MainWindow
from desktop.gui.reasons_dialog import ReasonsDialog
from desktop.services import reasons
from desktop.services.context import CurrentUser, ServiceContext
from tests.conftest import Staff
from tests.gui.conftest import RecordingMessages


def open_dialog(qtbot: QtBot, gui: GuiContext, user: CurrentUser) -> ReasonsDialog:
    dialog = ReasonsDialog(gui, user)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def listed_codes(dialog: ReasonsDialog) -> list[str]:
    return [dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())]


def fill_form(dialog: ReasonsDialog, code: str) -> None:
    dialog.code_edit.setText(code)
    dialog.ground_combo.setCurrentIndex(dialog.ground_combo.findData(ReasonGround.OTHER_LAW.value))
    dialog.basis_ja_edit.setText("金融商品取引法第37条")
    dialog.basis_en_edit.setText("Financial Instruments and Exchange Act Art. 37")
    dialog.title_ja_edit.setText("取引記録の保存義務")
    dialog.title_en_edit.setText("Duty to keep trade records")
    dialog.letter_ja_edit.setPlainText("法令により保存が義務付けられているため、削除できません。")
    dialog.letter_en_edit.setPlainText("The law requires us to keep these records.")


def test_every_reason_is_listed_and_an_added_one_joins_the_catalog(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff
) -> None:
    dialog = open_dialog(qtbot, gui, staff.admin)
    assert listed_codes(dialog) == [reason.code for reason in SEED_REASONS]

    fill_form(dialog, "trade_records_kept")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)

    added = reasons.catalog(ctx)["trade_records_kept"]
    assert added.ground is ReasonGround.OTHER_LAW
    assert added.title_ja == "取引記録の保存義務"
    assert added.letter_en == "The law requires us to keep these records."
    assert not added.retired
    assert listed_codes(dialog)[-1] == "trade_records_kept"
    assert dialog.selected() == added
    assert dialog.code_edit.text() == ""  # the form is ready for the next one


def test_a_missing_field_or_a_taken_code_is_told_and_adds_nothing(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff, messages: RecordingMessages
) -> None:
    dialog = open_dialog(qtbot, gui, staff.admin)
    fill_form(dialog, "trade_records_kept")
    dialog.letter_en_edit.clear()
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert "trade_records_kept" not in reasons.catalog(ctx)
    assert len(messages.texts("error")) == 1
    assert dialog.title_ja_edit.text() == "取引記録の保存義務"  # what was typed stays

    fill_form(dialog, FORM_DEFECT)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert FORM_DEFECT in messages.texts("error")[-1]
    assert len(listed_codes(dialog)) == len(SEED_REASONS)
    assert dialog.add_button.isEnabled()


def test_retiring_asks_first_and_keeps_the_reason_listed(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff, messages: RecordingMessages
) -> None:
    dialog = open_dialog(qtbot, gui, staff.admin)
    row = listed_codes(dialog).index(FORM_DEFECT)
    dialog.table.selectRow(row)

    messages.confirm_answers.append(False)
    qtbot.mouseClick(dialog.retire_button, Qt.MouseButton.LeftButton)
    assert not reasons.catalog(ctx)[FORM_DEFECT].retired

    messages.confirm_answers.append(True)
    qtbot.mouseClick(dialog.retire_button, Qt.MouseButton.LeftButton)
    assert reasons.catalog(ctx)[FORM_DEFECT].retired
    assert FORM_DEFECT not in [reason.code for reason in reasons.catalog(ctx).active()]
    assert listed_codes(dialog).index(FORM_DEFECT) == row  # still there, marked
    assert dialog.table.item(row, 4).text() != ""
    assert dialog.table.item(row - 1, 4).text() == ""
    assert not dialog.retire_button.isEnabled()  # a retired reason cannot be retired again
    assert len(messages.texts("confirm")) == 2


def test_there_is_no_way_to_delete_a_reason(qtbot: QtBot, gui: GuiContext, staff: Staff) -> None:
    dialog = open_dialog(qtbot, gui, staff.admin)
    texts = [button.text().replace("&", "").lower() for button in dialog.findChildren(QPushButton)]
    assert any("retire" in text for text in texts)
    assert not any("delete" in text or "remove" in text for text in texts)


def _menu_texts(window: MainWindow) -> list[str]:
    texts: list[str] = []

    def walk(actions: list[QAction]) -> None:
        for action in actions:
            texts.append(action.text())
            menu = action.menu()
            if isinstance(menu, QMenu):
                walk(menu.actions())

    walk(window.menuBar().actions())
    return texts


def test_only_administrators_find_the_catalog_in_the_menu(
    qtbot: QtBot, gui: GuiContext, staff: Staff
) -> None:
    for user, offered in ((staff.admin, True), (staff.supervisor, False), (staff.clerk, False)):
        window = MainWindow(gui, user)
        qtbot.addWidget(window)
        assert (window.reasons_action.text() in _menu_texts(window)) is offered
        window.open_reason_catalog()
        assert bool(window.findChildren(ReasonsDialog)) is offered
        window.close()
