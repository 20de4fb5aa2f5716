"""User management for administrators (利用者管理).

List the users, add one, change a role, lift a lock-out, reset a password, deactivate.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialog, QHeaderView, QTableWidgetItem, QWidget

from desktop.domain.errors import KnownError
from desktop.domain.roles import Role
from desktop.gui.context import GuiContext
from desktop.gui.display import label
from desktop.gui.forms.user_admin_dialog import Ui_UserAdminDialog
from desktop.gui.forms.user_form_dialog import Ui_UserFormDialog
from desktop.services import auth
from desktop.services.auth import UserInfo
from desktop.services.changes import Changes
from desktop.services.context import JST, CurrentUser


class UserFormDialog(QDialog):
    """Asks for a new user's name, role and first password, and creates the user."""

    def __init__(self, gui: GuiContext, actor: CurrentUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._gui = gui
        self._actor = actor
        self.created: UserInfo | None = None
        self.ui = Ui_UserFormDialog()
        self.ui.setupUi(self)
        for role in Role:
            self.ui.roleCombo.addItem(label(role, gui.language), role.value)
        self.ui.errorLabel.hide()

    def accept(self) -> None:
        ui = self.ui
        if ui.passwordEdit.text() != ui.repeatEdit.text():
            self._show_error(self.tr("The two passwords differ."))
            return
        services, actor = self._gui.services, self._actor
        username, display_name = ui.usernameEdit.text(), ui.displayNameEdit.text()
        role, password = Role(str(ui.roleCombo.currentData())), ui.passwordEdit.text()
        ui.buttonBox.setEnabled(False)
        (
            self._gui.op(
                self,
                lambda: auth.create_user(
                    services,
                    actor,
                    username=username,
                    display_name=display_name,
                    role=role,
                    password=password,
                ),
            )
            .success(self._created)
            .failure(self._refused)
            .run()
        )

    def _created(self, result: tuple[UserInfo, Changes]) -> None:
        self.ui.buttonBox.setEnabled(True)
        self.created = result[0]
        super().accept()

    def _refused(self, error: KnownError) -> None:
        self.ui.buttonBox.setEnabled(True)
        self._show_error(error.message(self._gui.language))

    def _show_error(self, text: str) -> None:
        self.ui.errorLabel.setText(text)
        self.ui.errorLabel.setVisible(bool(text))


class UserAdminDialog(QDialog):
    """The list of users with the administrator's actions beside it."""

    def __init__(self, gui: GuiContext, actor: CurrentUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._gui = gui
        self._actor = actor
        self._users: list[UserInfo] = []
        self.ui = Ui_UserAdminDialog()
        self.ui.setupUi(self)
        table = self.ui.usersTable
        table.setColumnCount(4)
        table.setHorizontalHeaderLabels(
            [self.tr("User name"), self.tr("Name"), self.tr("Role"), self.tr("State")]
        )
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in enumerate((130, 150, 90)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for role in Role:
            self.ui.roleCombo.addItem(label(role, gui.language), role.value)
        table.itemSelectionChanged.connect(self._selection_changed)
        self.ui.addButton.clicked.connect(self.add_user)
        self.ui.roleButton.clicked.connect(self.change_role)
        self.ui.unlockButton.clicked.connect(self.unlock)
        self.ui.passwordButton.clicked.connect(self.reset_password)
        self.ui.activeButton.clicked.connect(self.toggle_active)
        self.ui.buttonBox.rejected.connect(self.reject)
        self._selection_changed()
        self.reload()

    def reload(self) -> None:
        services, actor = self._gui.services, self._actor
        self._gui.op(self, lambda: auth.list_users(services, actor)).success(self._show).run()

    def _state(self, user: UserInfo) -> str:
        if not user.active:
            return self.tr("Inactive")
        if user.locked_until is not None and user.locked_until > self._gui.services.clock.now():
            until = user.locked_until.astimezone(JST).strftime("%H:%M")  # office time
            return self.tr("Locked until %1").replace("%1", until)
        return self.tr("Active")

    def _show(self, users: list[UserInfo]) -> None:
        selected = self.selected()
        self._users = users
        table = self.ui.usersTable
        table.setRowCount(len(users))
        for row, user in enumerate(users):
            cells = (
                user.username,
                user.display_name,
                label(user.role, self._gui.language),
                self._state(user),
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, user.user_id)
                table.setItem(row, column, cell)
            if selected is not None and user.user_id == selected.user_id:
                table.selectRow(row)
        self._selection_changed()

    def selected(self) -> UserInfo | None:
        rows: list[QModelIndex] = self.ui.usersTable.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._users):
            return None
        user: UserInfo = self._users[rows[0].row()]
        return user

    def _selection_changed(self) -> None:
        user = self.selected()
        for button in (
            self.ui.roleButton,
            self.ui.passwordButton,
            self.ui.activeButton,
            self.ui.roleCombo,
        ):
            button.setEnabled(user is not None)
        now = self._gui.services.clock.now()
        self.ui.unlockButton.setEnabled(
            user is not None and user.locked_until is not None and user.locked_until > now
        )
        if user is not None:
            self.ui.roleCombo.setCurrentIndex(self.ui.roleCombo.findData(user.role.value))
            self.ui.activeButton.setText(
                self.tr("&Deactivate") if user.active else self.tr("Reac&tivate")
            )

    def _update(
        self,
        user: UserInfo,
        *,
        role: Role | None = None,
        active: bool | None = None,
        new_password: str | None = None,
        unlock: bool = False,
    ) -> None:
        services, actor = self._gui.services, self._actor
        (
            self._gui.op(
                self,
                lambda: auth.update_user(
                    services,
                    actor,
                    user.user_id,
                    role=role,
                    active=active,
                    new_password=new_password,
                    unlock=unlock,
                ),
            )
            .success(lambda _result: self.reload())
            .run()
        )

    def add_user(self) -> None:
        dialog = UserFormDialog(self._gui, self._actor, self)
        dialog.accepted.connect(self.reload)
        dialog.open()

    def change_role(self) -> None:
        user = self.selected()
        if user is not None:
            self._update(user, role=Role(str(self.ui.roleCombo.currentData())))

    def unlock(self) -> None:
        user = self.selected()
        if user is not None:
            self._update(user, unlock=True)

    def toggle_active(self) -> None:
        user = self.selected()
        if user is not None:
            self._update(user, active=not user.active)

    def reset_password(self) -> None:
        user = self.selected()
        if user is None:
            return
        password = self._gui.messages.ask_text(
            self,
            self.tr("Reset password"),
            self.tr("New password for %1 (at least 8 characters):").replace("%1", user.username),
            password=True,
        )
        if password:
            self._update(user, new_password=password, unlock=True)
