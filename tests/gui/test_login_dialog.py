"""Logging in: wrong password shown inline, success returns the user, Enter submits, the buttons
work."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop.domain.roles import Role
from desktop.gui.context import GuiContext
from desktop.gui.login_dialog import LAST_USER_KEY, LoginDialog
from desktop.gui.starting import PendingGui
from tests.conftest import PASSWORD


def _dialog(qtbot: QtBot, gui: GuiContext) -> LoginDialog:
    dialog = LoginDialog(gui)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_wrong_password_is_shown_inline(qtbot: QtBot, gui: GuiContext, messages) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, gui)
    qtbot.keyClicks(dialog.ui.usernameEdit, "clerk")
    qtbot.keyClicks(dialog.ui.passwordEdit, "not the password")
    qtbot.keyClick(dialog.ui.passwordEdit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.user is None
    assert dialog.ui.errorLabel.text() == "利用者名またはパスワードが正しくありません。"
    assert dialog.ui.errorLabel.isVisibleTo(dialog)
    assert messages.said == []  # inline, not a message box


def test_enter_logs_in_and_returns_the_user(qtbot: QtBot, gui: GuiContext) -> None:
    dialog = _dialog(qtbot, gui)
    qtbot.keyClicks(dialog.ui.usernameEdit, "supervisor")
    qtbot.keyClicks(dialog.ui.passwordEdit, PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.keyClick(dialog.ui.passwordEdit, Qt.Key.Key_Return)
    assert dialog.user is not None
    assert dialog.user.username == "supervisor"
    assert dialog.user.role is Role.SUPERVISOR
    assert gui.prefs.value(LAST_USER_KEY) == "supervisor"


def test_the_buttons_log_in_and_cancel(qtbot: QtBot, gui: GuiContext) -> None:
    dialog = _dialog(qtbot, gui)
    dialog.ui.usernameEdit.setText("clerk")
    dialog.ui.passwordEdit.setText(PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.user is not None
    again = _dialog(qtbot, gui)
    with qtbot.waitSignal(again.rejected, timeout=5000):
        again.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert again.user is None


def test_empty_user_name_is_asked_for(qtbot: QtBot, gui: GuiContext) -> None:
    dialog = _dialog(qtbot, gui)
    dialog.ui.usernameEdit.clear()
    dialog.accept()
    assert dialog.user is None
    assert dialog.ui.errorLabel.text()


def test_locked_account_message(qtbot: QtBot, gui: GuiContext) -> None:
    dialog = _dialog(qtbot, gui)
    dialog.ui.usernameEdit.setText("clerk2")
    for _ in range(gui.services.settings.lockout_attempts):
        dialog.ui.passwordEdit.setText("wrong password")
        dialog.accept()
    assert "ロック" not in dialog.ui.errorLabel.text()
    dialog.ui.passwordEdit.setText(PASSWORD)
    dialog.accept()
    assert dialog.user is None
    assert "ロック" in dialog.ui.errorLabel.text()


def test_language_choice_switches_messages(qtbot: QtBot, gui: GuiContext) -> None:
    dialog = _dialog(qtbot, gui)
    dialog.ui.languageCombo.setCurrentIndex(dialog.ui.languageCombo.findData("en"))
    assert gui.language == "en"
    dialog.ui.usernameEdit.setText("clerk")
    dialog.ui.passwordEdit.setText("wrong password")
    dialog.accept()
    assert dialog.ui.errorLabel.text() == "The user name or password is not correct."


def test_log_in_waits_for_the_database_then_logs_in(qtbot: QtBot, gui: GuiContext) -> None:
    pending = PendingGui(gui.runner, gui.prefs)
    dialog = LoginDialog(pending)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.ui.usernameEdit.setText("clerk")
    dialog.ui.passwordEdit.setText(PASSWORD)
    dialog.accept()
    assert dialog.user is None
    assert dialog.ui.errorLabel.text() == "Opening the database…"  # no translator in tests
    assert not dialog.ui.buttonBox.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        pending.become_ready(gui)
    assert dialog.user is not None
    assert dialog.user.username == "clerk"
