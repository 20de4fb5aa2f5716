"""Where the case's letters go (送付先の変更): the current addressee and a new one.

Letters go by default to the verified address. Sending them elsewhere needs a reason and a
supervisor's approval: a supervisor at the desk approves themselves; otherwise the supervisor types
their user name and password here, checked like a login (a wrong password counts as a failed login).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import KnownError
from desktop.domain.roles import Permission, can
from desktop.gui.context import GuiContext
from desktop.letters import Addressee, LetterKind
from desktop.services import auth, letters
from desktop.services.changes import Changes
from desktop.services.context import CurrentUser, ServiceContext

log = logging.getLogger("kaiji.gui.addressee")


def current_addressee(services: ServiceContext, case_id: int) -> Addressee:
    """Where the case's letters go today (verified address, or the one changed before)."""
    return letters.letter_data(services, case_id, LetterKind.ACKNOWLEDGEMENT).addressee


def approve_and_change(
    services: ServiceContext,
    user: CurrentUser,
    case_id: int,
    approver: tuple[str, str] | None,
    new: Addressee,
    reason: str,
) -> Changes:
    """Check the approving supervisor's password (None: `user` approves), then change."""
    approved_by = user if approver is None else auth.login(services, *approver)
    return letters.change_addressee(
        services,
        user,
        case_id,
        postal_code=new.postal_code,
        address=new.address,
        building=new.building,
        name=new.name,
        reason=reason,
        approved_by=approved_by,
    )


class AddresseeDialog(QDialog):
    """Shows the current addressee; on OK sends the letters to the new one, approved."""

    changed = Signal()  # the addressee was changed

    def __init__(
        self, gui: GuiContext, user: CurrentUser, case_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._gui = gui
        self._user = user
        self._case_id = case_id
        self.self_approved = can(user.role, Permission.APPROVE)
        self.setWindowTitle(self.tr("Change addressee"))
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_current())
        layout.addWidget(self._build_new())
        layout.addWidget(self._build_approval())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button.setText(self.tr("&Change addressee"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(560, 0)
        self._load_current()

    # --- building ------------------------------------------------------------------------

    def _build_current(self) -> QGroupBox:
        self.current_label = QLabel(self.tr("Loading…"))
        self.current_label.setWordWrap(True)
        box = QGroupBox(self.tr("Letters go to"))
        QVBoxLayout(box).addWidget(self.current_label)
        return box

    def _build_new(self) -> QGroupBox:
        self.postal_edit = QLineEdit()
        self.postal_edit.setPlaceholderText("123-4567")
        self.address_edit = QLineEdit()
        self.building_edit = QLineEdit()
        self.name_edit = QLineEdit()
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setFixedHeight(64)
        self.reason_edit.setPlaceholderText(self.tr("Required; kept in the audit log."))
        form = QFormLayout()
        form.addRow(self.tr("Postal code"), self.postal_edit)
        form.addRow(self.tr("Address"), self.address_edit)
        form.addRow(self.tr("Building"), self.building_edit)
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Reason"), self.reason_edit)
        box = QGroupBox(self.tr("New addressee"))
        box.setLayout(form)
        return box

    def _build_approval(self) -> QGroupBox:
        box = QGroupBox(self.tr("Supervisor's approval"))
        self.supervisor_edit = QLineEdit()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        if self.self_approved:
            text = self.tr("You approve this change as %1.").replace("%1", self._user.display_name)
            QVBoxLayout(box).addWidget(QLabel(text))
            return box
        form = QFormLayout(box)
        form.addRow(QLabel(self.tr("A supervisor enters their user name and password to approve.")))
        form.addRow(self.tr("Supervisor's user name"), self.supervisor_edit)
        form.addRow(self.tr("Password"), self.password_edit)
        return box

    @property
    def ok_button(self) -> QPushButton:
        button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        return button

    # --- the current addressee -----------------------------------------------------------

    def _load_current(self) -> None:
        services, case_id = self._gui.services, self._case_id
        (
            self._gui.op(self, lambda: current_addressee(services, case_id))
            .success(self._show_current)
            .failure(self._current_unknown)
            .run()
        )

    def _show_current(self, addressee: Addressee) -> None:
        postal = f"〒{addressee.postal_code}" if addressee.postal_code else ""
        lines = (postal, addressee.address, addressee.building, addressee.name)
        self.current_label.setText("\n".join(line for line in lines if line))
        # Start the new addressee from the current one: often only one line changes.
        for edit, value in (
            (self.postal_edit, addressee.postal_code),
            (self.address_edit, addressee.address),
            (self.building_edit, addressee.building),
            (self.name_edit, addressee.name),
        ):
            if not edit.text():
                edit.setText(value)

    def _current_unknown(self, error: KnownError) -> None:
        self.current_label.setText(error.message(self._gui.language))

    # --- changing ------------------------------------------------------------------------

    def entered_addressee(self) -> Addressee:
        return Addressee(
            self.postal_edit.text(),
            self.address_edit.text(),
            self.building_edit.text(),
            self.name_edit.text(),
        )

    def accept(self) -> None:
        reason = self.reason_edit.toPlainText().strip()
        if not reason:
            self._gui.messages.warning(self, self.tr("Enter why the letters go elsewhere."))
            self.reason_edit.setFocus()
            return
        approver: tuple[str, str] | None = None
        if not self.self_approved:
            username = self.supervisor_edit.text().strip()
            if not username or not self.password_edit.text():
                self._gui.messages.warning(
                    self, self.tr("A supervisor must enter their user name and password.")
                )
                self.supervisor_edit.setFocus()
                return
            approver = (username, self.password_edit.text())
        services, user, case_id = self._gui.services, self._user, self._case_id
        new = self.entered_addressee()
        self.buttons.setEnabled(False)
        (
            self._gui.op(
                self,
                lambda: approve_and_change(services, user, case_id, approver, new, reason),
            )
            .success(self._changed)
            .failure(self._refused)
            .with_progress(self.tr("Saving…"))
            .run()
        )

    def _changed(self, _changes: Changes) -> None:
        self.buttons.setEnabled(True)
        log.info("addressee of case %s changed", self._case_id)
        self.changed.emit()
        super().accept()

    def _refused(self, error: KnownError) -> None:
        self.buttons.setEnabled(True)
        self.password_edit.clear()
        self._gui.messages.error(self, error.message(self._gui.language))
