"""Recording registered mail that goes out with the answer, and mail that comes back (返戻).

Both dialogs open with the cursor in the number field: a barcode scanner types the digits and
Enter, and Enter only moves on to the next field — recording is a click or Ctrl+Enter, never the
scanner's Enter. The number is checked while it is typed: an impossible format is an error and
keeps OK from recording; a check digit that does not match needs the clerk's confirmation (the
domestic check digits are unofficial, ARCHITECTURE.md "Facts"). The returned-mail reason has no
default: the clerk chooses it for every envelope.
"""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import KnownError
from desktop.gui.context import GuiContext
from desktop.gui.display import DUE_SOON_COLOR, OK_COLOR, OVERDUE_COLOR, era_text, label
from desktop.matching.tracking import TrackingCheck, check_tracking
from desktop.services import mail
from desktop.services.context import CurrentUser
from desktop.services.mail import MailMethod, MailResult, ReturnReason

log = logging.getLogger("kaiji.gui.mail")

_MAX_NUMBER_CHARS = 13  # the longest format, S10 (RR123456785JP)
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class TrackingNumberField(QWidget):
    """A registered-mail number with its live check underneath."""

    checked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("Scan the barcode or type the number"))
        self.edit.setMaxLength(32)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        # Room for the longest message, so the dialog does not jump while a number is scanned.
        self.hint.setMinimumHeight(self.hint.fontMetrics().lineSpacing() * 2 + 2)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.hint)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self._typed)
        self._show("", None)

    @property
    def check(self) -> TrackingCheck:
        return check_tracking(self.edit.text())

    @property
    def acceptable(self) -> bool:
        """The number has a possible format (a wrong check digit is only warned about)."""
        return self.check.valid_format

    def clear(self) -> None:
        self.edit.clear()

    def _typed(self) -> None:
        check = self.check
        if not check.normalized:
            self._show("", None)
        elif check.valid_format or len(check.normalized) > _MAX_NUMBER_CHARS:
            self.show_verdict()
        elif check.normalized.isalnum():
            self._show(self.tr("11 digits for registered mail (123-45-67890-1)"), None)
        else:
            self.show_verdict()
        self.checked.emit()

    def show_verdict(self) -> None:
        """Say what is wrong with the number, or show it formatted when it is fine."""
        check = self.check
        if not check.valid_format:
            self._show(
                self.tr(
                    "Impossible number: registered mail has 11 digits (123-45-67890-1), "
                    "parcels 12, international e.g. RR123456785JP."
                ),
                OVERDUE_COLOR.name(),
            )
        elif not check.check_digit_ok:
            self._show(
                self.tr("Please check the number again (the check digit does not match)."),
                DUE_SOON_COLOR.name(),
            )
        else:
            self._show(f"✓ {check.formatted}", OK_COLOR.name())

    @property
    def hint_is_error(self) -> bool:
        return OVERDUE_COLOR.name() in self.hint.styleSheet()

    @property
    def hint_is_warning(self) -> bool:
        return DUE_SOON_COLOR.name() in self.hint.styleSheet()

    def _show(self, text: str, color: str | None) -> None:
        self.hint.setText(text)
        self.hint.setStyleSheet(
            f"color: {color};" if color is not None else "color: palette(placeholder-text);"
        )


class _MailDialog(QDialog):
    """Number, date and a choice; OK runs `_record` in the background."""

    def __init__(self, gui: GuiContext, user: CurrentUser, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._gui = gui
        self._user = user
        self._saving = False
        self.number = TrackingNumberField()
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy/MM/dd")
        today = gui.services.clock.today()
        self.date_edit.setMaximumDate(_qdate(today))
        self.date_edit.setDate(_qdate(today))
        self.date_hint = QLabel()
        self.date_edit.dateChanged.connect(self._date_changed)
        self._date_changed()
        self.choice = QComboBox()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for button in self.buttons.buttons():
            # The scanner's Enter must not press a button: saving is a click or Ctrl+Enter.
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(sequence), self).activated.connect(self.accept)
        self.number.checked.connect(self._update_ok)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter (the scanner's, or any field's) moves on to the next field and never saves."""
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if event.key() in _ENTER_KEYS and not ctrl:
            if self.focusWidget() is self.number.edit and self.number.check.normalized:
                self.number.show_verdict()
            self.focusNextChild()
            return
        super().keyPressEvent(event)

    def _add_number_row(self) -> None:
        # Explicit context: `tr` in a base class would look the text up under the subclass.
        caption = QLabel(QCoreApplication.translate("MailDialogs", "Registered-mail &number"))
        caption.setBuddy(self.number.edit)
        self.form.addRow(caption, self.number)

    def _finish_layout(self, intro: QLabel) -> None:
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._update_ok()
        self.number.setFocus()
        self.setMinimumWidth(620)
        self.adjustSize()

    @property
    def ok_button(self) -> QPushButton:
        button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        return button

    @property
    def on_date(self) -> date:
        chosen = self.date_edit.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def _date_changed(self) -> None:
        self.date_hint.setText(era_text(self.on_date))

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(not self._saving)

    def accept(self) -> None:
        if self._saving:
            return
        if not self.number.acceptable:
            self.number.show_verdict()
            self.number.setFocus()
            self.number.edit.selectAll()
            return
        if not self.number.check.check_digit_ok and not self._gui.messages.confirm(
            self,
            QCoreApplication.translate(
                "MailDialogs",
                "The check digit of %1 does not match. Record this number anyway?",
            ).replace("%1", self.number.check.formatted or self.number.edit.text()),
            ok_label=QCoreApplication.translate("MailDialogs", "Record anyway"),
            cancel_label=QCoreApplication.translate("MailDialogs", "Check the number"),
        ):
            self.number.setFocus()
            self.number.edit.selectAll()
            return
        if not self._choice_made():
            return
        self._saving = True
        self._update_ok()
        self._record()

    def _choice_made(self) -> bool:
        """Whether the choice below the number is made (a subclass may insist on one)."""
        return True

    def _record(self) -> None:
        raise NotImplementedError

    def _done_saving(self) -> None:
        self._saving = False
        self._update_ok()

    def _refused(self, error: KnownError) -> None:
        self._done_saving()
        self._gui.messages.error(self, error.message(self._gui.language))
        self.number.setFocus()
        self.number.edit.selectAll()


class OutgoingMailDialog(_MailDialog):
    """The registered-mail number, date and method of the letter that goes out (発送記録)."""

    recorded = Signal(object)  # the MailResult

    def __init__(
        self,
        gui: GuiContext,
        user: CurrentUser,
        case_id: int,
        expected_version: int,
        reference: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(gui, user, parent)
        self._case_id = case_id
        self._version = expected_version
        self.setWindowTitle(self.tr("Record sending — %1").replace("%1", reference))
        for method in MailMethod:
            self.choice.addItem(label(method, gui.language), method.value)
        self._add_number_row()
        self.form.addRow(self.tr("Sent &on"), self.date_edit)
        self.form.addRow("", self.date_hint)
        self.form.addRow(self.tr("&Method"), self.choice)
        self.ok_button.setText(self.tr("&Record sending"))
        self._finish_layout(
            QLabel(
                self.tr(
                    "Case %1: scan the barcode on the receipt of the letter you mailed, "
                    "or type its number."
                ).replace("%1", reference)
            )
        )

    @property
    def method(self) -> MailMethod:
        return MailMethod(self.choice.currentData())

    def _record(self) -> None:
        services, user = self._gui.services, self._user
        case_id, version = self._case_id, self._version
        number, on_date, method = self.number.edit.text(), self.on_date, self.method
        (
            self._gui.op(
                self,
                lambda: mail.record_outgoing(
                    services, user, case_id, version, number, on_date, method
                ),
            )
            .success(self._recorded)
            .failure(self._refused)
            .with_progress(self.tr("Saving…"))
            .run()
        )

    def _recorded(self, result: MailResult) -> None:
        self._done_saving()
        log.info("case %s: sending recorded", result.case_id)
        self.recorded.emit(result)
        super(_MailDialog, self).accept()


class ReturnedMailDialog(_MailDialog):
    """A letter came back undelivered: its number, the day and why; the case re-opens.

    The dialog stays open for the next returned envelope and says which case each one was.
    """

    recorded = Signal(object)  # the MailResult

    def __init__(self, gui: GuiContext, user: CurrentUser, parent: QWidget | None = None) -> None:
        super().__init__(gui, user, parent)
        self.setWindowTitle(self.tr("Returned mail"))
        for reason in ReturnReason:
            self.choice.addItem(label(reason, gui.language), reason.value)
        self.choice.setPlaceholderText(self.tr("Choose why it came back"))
        self.choice.setCurrentIndex(-1)  # no silent default: the clerk chooses
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self._add_number_row()
        self.form.addRow(self.tr("Returned &on"), self.date_edit)
        self.form.addRow("", self.date_hint)
        self.form.addRow(self.tr("Rea&son"), self.choice)
        self.form.addRow(self.result_label)
        self.ok_button.setText(self.tr("&Record return"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Close"))
        self._finish_layout(
            QLabel(
                self.tr(
                    "Scan the barcode on the returned envelope. The case goes back to the clerk "
                    "to send the letter again."
                )
            )
        )

    @property
    def reason(self) -> ReturnReason | None:
        data = self.choice.currentData()
        return ReturnReason(data) if data is not None else None

    def _choice_made(self) -> bool:
        if self.reason is None:
            self._gui.messages.warning(self, self.tr("Choose why the letter came back."))
            self.choice.setFocus()
            return False
        return True

    def _record(self) -> None:
        services, user = self._gui.services, self._user
        number, on_date, reason = self.number.edit.text(), self.on_date, self.reason
        if reason is None:  # checked by _choice_made
            self._done_saving()
            return
        (
            self._gui.op(
                self, lambda: mail.record_returned(services, user, number, on_date, reason)
            )
            .success(self._recorded)
            .failure(self._refused)
            .with_progress(self.tr("Saving…"))
            .run()
        )

    def _recorded(self, result: MailResult) -> None:
        self._done_saving()
        log.info("case %s: returned mail recorded", result.case_id)
        self.result_label.setText(
            self.tr("%1 came back: case %2 is open again (%3).")
            .replace("%1", result.tracking.formatted)
            .replace("%2", result.reference)
            .replace("%3", label(result.status, self._gui.language))
        )
        self.result_label.setStyleSheet(f"color: {OK_COLOR.name()}; font-weight: bold;")
        self.recorded.emit(result)
        self.number.clear()
        self.choice.setCurrentIndex(-1)  # the next envelope's reason is chosen again
        self.number.setFocus()
