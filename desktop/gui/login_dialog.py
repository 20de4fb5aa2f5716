"""The log-in dialog: user name, password and display language; errors shown inline.

It is the first window and paints before the database layer is imported: only Qt, its form and
light modules are imported here (ARCHITECTURE.md "Facts": start-up time). Given a `PendingGui`,
Log in waits, saying so, until the database is ready.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from desktop.domain.errors import KnownError
from desktop.gui.forms.login_dialog import Ui_LoginDialog
from desktop.gui.starting import PendingGui

if TYPE_CHECKING:
    from desktop.gui.context import GuiContext
    from desktop.services.context import CurrentUser, ServiceContext

LAST_USER_KEY = "login/last_user"
# Each language is named in itself, so anyone can find theirs.
LANGUAGE_NAMES = {"ja": "日本語", "en": "English"}


class LoginDialog(QDialog):
    """Asks for the user name and password; `user` holds who logged in once accepted."""

    def __init__(
        self,
        gui: GuiContext | PendingGui,
        parent: QWidget | None = None,
        *,
        on_language: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._gui = gui
        self._on_language = on_language
        self._waiting = False  # Log in was asked for before the database was ready
        if isinstance(gui, PendingGui):
            gui.ready.connect(self._database_ready)
        self.user: CurrentUser | None = None
        self.ui = Ui_LoginDialog()
        self.ui.setupUi(self)
        title_font = QFont(self.ui.titleLabel.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.8)
        title_font.setBold(True)
        self.ui.titleLabel.setFont(title_font)
        self.ui.subtitleLabel.setStyleSheet("color: palette(placeholder-text);")
        for code, name in LANGUAGE_NAMES.items():
            self.ui.languageCombo.addItem(name, code)
        self.ui.languageCombo.setCurrentIndex(
            max(
                0, list(LANGUAGE_NAMES).index(gui.language) if gui.language in LANGUAGE_NAMES else 0
            )
        )
        self.ui.languageCombo.currentIndexChanged.connect(self._language_chosen)
        self.ui.errorLabel.hide()
        # Enter in a field is handled here (and not also by the default button).
        self.ui.usernameEdit.installEventFilter(self)
        self.ui.passwordEdit.installEventFilter(self)
        self._retranslate()
        last = str(gui.prefs.value(LAST_USER_KEY, "") or "")
        self.ui.usernameEdit.setText(last)
        (self.ui.passwordEdit if last else self.ui.usernameEdit).setFocus()
        self.setFixedHeight(self.sizeHint().height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the user name goes to the password; Enter in the password logs in."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            if watched is self.ui.usernameEdit and not self.ui.passwordEdit.text():
                self.ui.passwordEdit.setFocus()
            else:
                self.accept()
            return True
        return super().eventFilter(watched, event)

    @property
    def busy(self) -> bool:
        return not self.ui.buttonBox.isEnabled()

    def _context(self) -> GuiContext | None:
        """The GUI context, or None while the database is still being opened."""
        return self._gui.gui if isinstance(self._gui, PendingGui) else self._gui

    def _database_ready(self) -> None:
        if self._waiting:
            self._waiting = False
            self.ui.buttonBox.setEnabled(True)
            self.show_error("")
            self.accept()

    def _retranslate(self) -> None:
        self.ui.retranslateUi(self)
        ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Log &in"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _language_chosen(self, index: int) -> None:
        code = str(self.ui.languageCombo.itemData(index))
        self._gui.runner.language = code
        if self._on_language is not None:
            self._on_language(code)

    def show_error(self, text: str) -> None:
        self.ui.errorLabel.setText(text)
        self.ui.errorLabel.setVisible(bool(text))
        self.setFixedHeight(self.sizeHint().height())

    def accept(self) -> None:
        """Check the password in the background; close only when it was right."""
        if self.busy or self.user is not None:
            return
        username = self.ui.usernameEdit.text().strip()
        password = self.ui.passwordEdit.text()
        if not username:
            self.show_error(self.tr("Enter your user name."))
            self.ui.usernameEdit.setFocus()
            return
        if not password:
            self.show_error(self.tr("Enter your password."))
            self.ui.passwordEdit.setFocus()
            return
        self.ui.buttonBox.setEnabled(False)
        gui = self._context()
        if gui is None:
            self._waiting = True
            self.show_error(self.tr("Opening the database…"))
            return
        services = gui.services
        (
            gui.op(self, lambda: _log_in(services, username, password))
            .success(self._logged_in)
            .failure(self._refused)
            .with_progress(self.tr("Checking the password…"))
            .run()
        )

    def _logged_in(self, user: CurrentUser) -> None:
        self.ui.buttonBox.setEnabled(True)
        self.user = user
        self._gui.prefs.setValue(LAST_USER_KEY, user.username)
        self.show_error("")
        super().accept()

    def _refused(self, error: KnownError) -> None:
        self.ui.buttonBox.setEnabled(True)
        self.show_error(error.message(self._gui.language))
        self.ui.passwordEdit.selectAll()
        self.ui.passwordEdit.setFocus()


def _log_in(services: ServiceContext, username: str, password: str) -> CurrentUser:
    """On the database thread: the services are imported there, never while the window paints."""
    from desktop.services import auth

    return auth.login(services, username, password)
