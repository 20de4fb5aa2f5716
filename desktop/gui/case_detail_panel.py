"""The detail panel beside the case list: deadline, status moves and the envelope fields.

Edits are saved with the version the panel loaded; when another workstation saved the case in
between, the service refuses (CaseConflict), the panel says so and reloads the newest version.
Only the status moves the domain allows from the current status (and the user's role) are offered;
a move backwards asks for the reason. An open case whose profile allows it can have its deadline
extended (期限の延長) through the extension dialog; the reason is shown under the due date.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QWidget

from desktop.domain.errors import CaseConflict, KnownError
from desktop.domain.requests import FeeForm, RequesterType, RequestKind
from desktop.domain.roles import Permission, can
from desktop.domain.status import CaseStatus, ManualMove
from desktop.gui.context import GuiContext
from desktop.gui.date_input import DateInput, tab_leaves
from desktop.gui.display import (
    date_with_era,
    days_left_text,
    deadline_color,
    deadline_state_label,
    era_text,
    label,
)
from desktop.gui.extension_dialog import ExtensionDialog, extension_profile
from desktop.gui.forms.case_detail import Ui_CaseDetail
from desktop.gui.widgets import align_form_labels, request_kind_checks
from desktop.matching.tracking import format_tracking
from desktop.services import cases
from desktop.services.cases import CaseDetail
from desktop.services.changes import Changes
from desktop.services.context import JST, CurrentUser

if TYPE_CHECKING:
    from desktop.gui.case_workspace import CaseWorkspace

log = logging.getLogger("kaiji.gui.case_detail")

_BADGE = "QLabel {{ background: {bg}; color: {fg}; border-radius: 9px; padding: 2px 10px; }}"


class CaseDetailPanel(QWidget):
    """Shows one case and lets the clerk edit it and move its status."""

    def __init__(
        self, gui: GuiContext, user: CurrentUser | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._gui = gui
        self._user = user
        self._detail: CaseDetail | None = None
        self._generation = 0
        self._busy = False
        self._after_save: Callable[[], None] | None = None
        self._kept: tuple[dict[str, object], frozenset[RequestKind] | None] | None = None
        self.extension_dialog: ExtensionDialog | None = None
        self.ui = Ui_CaseDetail()
        self.ui.setupUi(self)
        language = gui.language
        # The English names are long: one column keeps the panel narrow.
        self.kind_checks = request_kind_checks(
            self.ui.requestsGrid, language, 2 if language == "ja" else 1, self.ui.returnPostageCheck
        )
        self.postmark = DateInput(self.ui.postmarkEdit, self.ui.postmarkHint, language)
        self.birth_date = DateInput(self.ui.birthEdit, self.ui.birthHint, language)
        self.money_order_date = DateInput(self.ui.moneyOrderEdit, self.ui.moneyOrderHint, language)
        for requester in RequesterType:
            self.ui.requesterCombo.addItem(label(requester, language), requester.value)
        for form in (FeeForm.NONE, FeeForm.MONEY_ORDER, FeeForm.STAMPS):
            self.ui.feeFormCombo.addItem(label(form, language), form.value)
        tab_leaves(self.ui.receivedEdit)
        self.ui.receivedEdit.setMaximumDate(self._qdate(gui.services.clock.today()))
        font = QFont(self.ui.referenceLabel.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.ui.referenceLabel.setFont(font)
        self.ui.versionLabel.hide()
        self.retention_label = QLabel()
        self.retention_label.setStyleSheet("color: #546e7a;")
        self.retention_label.setWordWrap(True)
        self.retention_label.hide()
        self.ui.contentLayout.insertWidget(1, self.retention_label)
        align_form_labels(self.ui.deadlineForm, self.ui.senderForm, self.ui.envelopeForm)
        self._connect_dirty_tracking()
        self.ui.saveButton.clicked.connect(self.save)
        self.ui.revertButton.clicked.connect(self.revert)
        self.ui.changeStatusButton.clicked.connect(self.change_status)
        self.ui.extendButton.clicked.connect(self.open_extension)
        self.ui.workspaceButton.clicked.connect(self.open_workspace)
        self.workspaces: dict[int, CaseWorkspace] = {}
        self.ui.receivedEdit.dateChanged.connect(
            lambda d: self.ui.receivedHint.setText(era_text(d.toPython()))
        )
        gui.runner.changed.connect(self._on_changes)
        self._show(None)

    # --- loading -------------------------------------------------------------------------

    @property
    def detail(self) -> CaseDetail | None:
        return self._detail

    @property
    def case_id(self) -> int | None:
        return self._detail.case_id if self._detail else None

    def show_case(self, case_id: int | None) -> None:
        """Load and show `case_id` (None clears the panel)."""
        self._generation += 1
        if case_id is None:
            self._show(None)
            return
        generation = self._generation
        services = self._gui.services
        (
            self._gui.op(self, lambda: cases.get_case(services, case_id))
            .success(lambda detail: self._loaded(generation, detail))
            .run()
        )

    def reload(self) -> None:
        self.show_case(self.case_id)

    def _loaded(self, generation: int, detail: CaseDetail) -> None:
        if generation == self._generation:
            self._show(detail)
            self._offer_kept(detail)

    def _on_changes(self, changes: Changes, initiator: QObject | None) -> None:
        if initiator is self or self._detail is None or self.is_dirty():
            return
        if self._detail.case_id in changes.cases:
            self.reload()

    # --- showing -------------------------------------------------------------------------

    @staticmethod
    def _qdate(value: date) -> QDate:
        return QDate(value.year, value.month, value.day)

    def _show(self, detail: CaseDetail | None) -> None:
        self._detail = detail
        self.ui.emptyLabel.setVisible(detail is None)
        self.ui.content.setVisible(detail is not None)
        if detail is None:
            return
        ui = self.ui
        ui.referenceLabel.setText(detail.reference)
        notes = []
        if detail.documents_destroyed_at is not None:
            destroyed = detail.documents_destroyed_at.astimezone(JST).date()
            notes.append(
                self.tr("Submitted documents destroyed on %1").replace(
                    "%1", date_with_era(destroyed)
                )
            )
        if detail.legal_hold:
            notes.append(self.tr("Legal hold: documents are kept until it is lifted"))
        self.retention_label.setText("\n".join(notes))
        self.retention_label.setVisible(bool(notes))
        self._show_status_badge(detail)
        self._show_deadline(detail)
        ui.trackingLabel.setText(
            format_tracking(detail.tracking_number) if detail.tracking_number else "—"
        )
        self._fill_next_statuses(detail)
        widgets = (
            ui.nameEdit,
            ui.kanaEdit,
            ui.postalEdit,
            ui.addressEdit,
            ui.birthEdit,
            ui.requesterCombo,
            ui.receivedEdit,
            ui.postmarkEdit,
            ui.markedCheck,
            ui.feeSpin,
            ui.feeFormCombo,
            ui.moneyOrderEdit,
            ui.returnPostageCheck,
            ui.noteEdit,
            *self.kind_checks.values(),
        )
        for widget in widgets:
            widget.blockSignals(True)
        ui.nameEdit.setText(detail.sender_name)
        ui.kanaEdit.setText(detail.sender_kana)
        ui.postalEdit.setText(detail.sender_postal_code)
        ui.addressEdit.setText(detail.sender_address)
        ui.requesterCombo.setCurrentIndex(ui.requesterCombo.findData(detail.requester_type.value))
        ui.receivedEdit.setDate(self._qdate(detail.received_on))
        ui.markedCheck.setChecked(detail.envelope_marked)
        ui.feeSpin.setValue(detail.fee_amount)
        ui.feeFormCombo.setCurrentIndex(ui.feeFormCombo.findData(detail.fee_form.value))
        ui.returnPostageCheck.setChecked(detail.return_postage_enclosed)
        ui.noteEdit.setPlainText(detail.note)
        for kind, check in self.kind_checks.items():
            check.setChecked(kind in detail.kinds)
        for widget in widgets:
            widget.blockSignals(False)
        self.birth_date.set_value(detail.sender_birth_date)
        self.postmark.set_value(detail.postmark_on)
        self.money_order_date.set_value(detail.money_order_issued_on)
        ui.receivedHint.setText(era_text(detail.received_on))
        ui.relatedLabel.setText(
            self.tr("Repeats an earlier case (%1).").replace("%1", detail.related_case_reference)
            if detail.related_case_id
            else ""
        )
        ui.relatedLabel.setVisible(bool(detail.related_case_id))
        editable = self.can_edit()
        for widget in widgets:
            widget.setEnabled(editable)
        self._fee_form_changed()
        ui.editHint.setText(
            ""
            if editable or self._user is None
            else (
                self.tr("Closed and withdrawn cases cannot be edited.")
                if detail.status.is_final
                else self.tr("Your role cannot edit cases.")
            )
        )
        self._update_buttons()

    def _show_status_badge(self, detail: CaseDetail) -> None:
        final = detail.status.is_final
        self.ui.statusBadge.setText(label(detail.status, self._gui.language))
        self.ui.statusBadge.setStyleSheet(
            _BADGE.format(
                bg="#eceff1" if final else "#e3f2fd", fg="#455a64" if final else "#0d47a1"
            )
        )

    def _show_deadline(self, detail: CaseDetail) -> None:
        deadline = detail.deadline
        self.ui.dueLabel.setText(date_with_era(deadline.due_on))
        self.ui.extensionReasonLabel.setText(detail.extension_reason)
        self.ui.deadlineForm.setRowVisible(self.ui.extensionTitle, bool(detail.extension_reason))
        if not detail.status.is_open:
            self.ui.daysLeftLabel.setText("—")
            self.ui.deadlineStateLabel.setText(self.tr("Answered (the deadline no longer runs)"))
            self.ui.daysLeftLabel.setStyleSheet("")
            return
        self.ui.daysLeftLabel.setText(days_left_text(deadline))
        self.ui.deadlineStateLabel.setText(deadline_state_label(deadline.state))
        colour = deadline_color(deadline)
        style = f"color: {colour.name()}; font-weight: bold;" if colour is not None else ""
        self.ui.daysLeftLabel.setStyleSheet(style)
        self.ui.deadlineStateLabel.setStyleSheet(style)

    def allowed_moves(self, detail: CaseDetail) -> tuple[ManualMove, ...]:
        """The status changes this user may choose, the usual next step first."""
        if self._user is None or not can(self._user.role, Permission.CHANGE_STATUS):
            return ()
        return detail.next_moves

    def _fill_next_statuses(self, detail: CaseDetail) -> None:
        combo = self.ui.nextStatusCombo
        combo.clear()
        moves = self.allowed_moves(detail)
        if moves and moves[0].comment_required:
            # Only moves back or a withdrawal: none is chosen for the clerk.
            combo.addItem(self.tr("(choose…)"))
            combo.setItemData(0, None)
        for move in moves:
            text = label(move.target, self._gui.language)
            if move.comment_required:
                text = self.tr("%1 (reason needed)").replace("%1", text)
            combo.addItem(text, move.target.value)
        self.ui.statusBox.setVisible(self._user is not None)
        if combo.count() == 0:
            combo.addItem(self.tr("(no further status)"))
            combo.setItemData(0, None)

    # --- editing -------------------------------------------------------------------------

    def _fee_form_changed(self) -> None:
        money_order = str(self.ui.feeFormCombo.currentData()) == FeeForm.MONEY_ORDER.value
        self.ui.moneyOrderEdit.setEnabled(self.can_edit() and money_order)

    def can_extend(self) -> bool:
        """An open case, a profile that allows an extension, and a user who may edit."""
        return (
            self._detail is not None
            and self._user is not None
            and can(self._user.role, Permission.EDIT_CASE)
            and self._detail.status.is_open
            and extension_profile(self._detail) is not None
        )

    def can_edit(self) -> bool:
        return (
            self._detail is not None
            and self._user is not None
            and can(self._user.role, Permission.EDIT_CASE)
            and not self._detail.status.is_final
        )

    def _connect_dirty_tracking(self) -> None:
        ui = self.ui
        for edit in (ui.nameEdit, ui.kanaEdit, ui.postalEdit, ui.addressEdit):
            edit.textChanged.connect(self._update_buttons)
        for field in (self.birth_date, self.postmark, self.money_order_date):
            field.changed.connect(self._update_buttons)
        ui.requesterCombo.currentIndexChanged.connect(self._update_buttons)
        ui.nextStatusCombo.currentIndexChanged.connect(self._update_buttons)
        ui.feeFormCombo.currentIndexChanged.connect(self._update_buttons)
        ui.feeFormCombo.currentIndexChanged.connect(self._fee_form_changed)
        ui.receivedEdit.dateChanged.connect(self._update_buttons)
        ui.feeSpin.valueChanged.connect(self._update_buttons)
        ui.noteEdit.textChanged.connect(self._update_buttons)
        for check in (ui.markedCheck, ui.returnPostageCheck, *self.kind_checks.values()):
            check.toggled.connect(self._update_buttons)

    def _form_kinds(self) -> frozenset[RequestKind]:
        return frozenset(k for k, check in self.kind_checks.items() if check.isChecked())

    def pending_values(self) -> dict[str, object]:
        """The edited fields that differ from the loaded case."""
        detail = self._detail
        if detail is None:
            return {}
        ui = self.ui
        form: dict[str, object] = {
            "sender_name": ui.nameEdit.text().strip(),
            "sender_kana": ui.kanaEdit.text().strip(),
            "sender_postal_code": ui.postalEdit.text().strip(),
            "sender_address": ui.addressEdit.text().strip(),
            "sender_birth_date": self.birth_date.value,
            "requester_type": RequesterType(str(ui.requesterCombo.currentData())),
            "received_on": ui.receivedEdit.date().toPython(),
            "postmark_on": self.postmark.value,
            "envelope_marked": ui.markedCheck.isChecked(),
            "fee_amount": ui.feeSpin.value(),
            "fee_form": FeeForm(str(ui.feeFormCombo.currentData())),
            "money_order_issued_on": self.money_order_date.value,
            "return_postage_enclosed": ui.returnPostageCheck.isChecked(),
            "note": ui.noteEdit.toPlainText().strip(),
        }
        return {key: value for key, value in form.items() if getattr(detail, key) != value}

    def pending_kinds(self) -> frozenset[RequestKind] | None:
        if self._detail is None:
            return None
        kinds = self._form_kinds()
        return None if kinds == frozenset(self._detail.kinds) else kinds

    def is_dirty(self) -> bool:
        return (
            bool(self.pending_values())
            or self.pending_kinds() is not None
            or not all(f.valid for f in (self.birth_date, self.postmark, self.money_order_date))
        )

    def _update_buttons(self) -> None:
        dirty = self._detail is not None and self.is_dirty()
        editable = self.can_edit() and not self._busy
        self.ui.saveButton.setEnabled(editable and dirty)
        self.ui.revertButton.setEnabled(editable and dirty)
        combo = self.ui.nextStatusCombo
        has_target = combo.currentData() is not None
        has_choice = any(combo.itemData(i) is not None for i in range(combo.count()))
        self.ui.changeStatusButton.setEnabled(not self._busy and not dirty and has_target)
        combo.setEnabled(not self._busy and not dirty and has_choice)
        hint = self.tr("Save or revert your changes first.") if dirty else ""
        self.ui.changeStatusButton.setToolTip(hint)
        self.ui.extendButton.setEnabled(self.can_extend() and not self._busy and not dirty)
        self.ui.extendButton.setToolTip(hint)
        self.ui.extendButton.setVisible(self._user is not None)
        self.ui.workspaceButton.setVisible(self._user is not None)

    def revert(self) -> None:
        self._show(self._detail)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    def save(self) -> None:
        """Save the edited fields, checked against the version that was loaded."""
        detail, user = self._detail, self._user
        if detail is None or user is None or self._busy:
            return
        for field, edit in (
            (self.birth_date, self.ui.birthEdit),
            (self.postmark, self.ui.postmarkEdit),
            (self.money_order_date, self.ui.moneyOrderEdit),
        ):
            if field.error is not None:
                self._gui.messages.warning(self, field.error.message(self._gui.language))
                edit.setFocus()
                return
        values, kinds = self.pending_values(), self.pending_kinds()
        if not values and kinds is None:
            return
        self._set_busy(True)
        services = self._gui.services
        (
            self._gui.op(
                self,
                lambda: cases.update_case(
                    services, user, detail.case_id, detail.version, values, request_kinds=kinds
                ),
            )
            .success(self._saved)
            .failure(self._refused)
            .with_progress(self.tr("Saving…"))
            .run()
        )

    def _saved(self, result: tuple[CaseDetail, Changes]) -> None:
        self._busy = False
        self._show(result[0])
        proceed, self._after_save = self._after_save, None
        if proceed is not None:
            proceed()

    def _refused(self, error: KnownError) -> None:
        self._set_busy(False)
        self._after_save = None
        if isinstance(error, CaseConflict):
            self._gui.messages.warning(self, error.message(self._gui.language))
            # The typed values wait beside the fresh copy, to be applied again.
            self._kept = (self.pending_values(), self.pending_kinds())
            self._show(self._detail)
            self.reload()
            return
        self._gui.messages.error(self, error.message(self._gui.language))

    # --- after a conflict ----------------------------------------------------------------

    def _field_names(self) -> dict[str, str]:
        return {
            "sender_name": self.tr("Name"),
            "sender_kana": self.tr("Furigana"),
            "sender_postal_code": self.tr("Postal code"),
            "sender_address": self.tr("Address"),
            "sender_birth_date": self.tr("Date of birth"),
            "requester_type": self.tr("Requester"),
            "received_on": self.tr("Received on"),
            "postmark_on": self.tr("Postmark"),
            "envelope_marked": self.tr("Envelope marked"),
            "fee_amount": self.tr("Fee"),
            "fee_form": self.tr("Paid as"),
            "money_order_issued_on": self.tr("Money order issued on"),
            "return_postage_enclosed": self.tr("Return postage enclosed"),
            "note": self.tr("Note"),
        }

    def _shown(self, value: object) -> str:
        if isinstance(value, date):
            return date_with_era(value)
        if isinstance(value, bool):
            return self.tr("yes") if value else self.tr("no")
        if isinstance(value, RequesterType | FeeForm):
            return label(value, self._gui.language)
        return "—" if value is None or value == "" else str(value)

    def _offer_kept(self, fresh: CaseDetail) -> None:
        """After a conflict: show the user's values beside the saved ones; re-apply them on OK."""
        kept, self._kept = self._kept, None
        if kept is None or fresh.case_id != (self._detail.case_id if self._detail else None):
            return
        values, kinds = kept
        names = self._field_names()
        lines = [
            self.tr("%1: saved “%2”, yours “%3”")
            .replace("%1", names.get(key, key))
            .replace("%2", self._shown(getattr(fresh, key)))
            .replace("%3", self._shown(value))
            for key, value in values.items()
            if getattr(fresh, key) != value
        ]
        if kinds is not None and kinds != frozenset(fresh.kinds):
            separator = "・" if self._gui.language == "ja" else ", "
            lines.append(
                self.tr("Requests: saved “%1”, yours “%2”")
                .replace("%1", separator.join(label(k, self._gui.language) for k in fresh.kinds))
                .replace("%2", separator.join(label(k, self._gui.language) for k in kinds))
            )
        if not lines or not self.can_edit():
            return
        if self._gui.messages.confirm(
            self,
            self.tr(
                "The newest version is shown. What you typed:\n%1\nEnter your values again?"
            ).replace("%1", "\n".join(lines)),
            ok_label=self.tr("Enter my values again"),
            cancel_label=self.tr("Keep the saved values"),
        ):
            self._apply(values, kinds)

    def _apply(self, values: dict[str, object], kinds: frozenset[RequestKind] | None) -> None:
        """Put values back into the form (unsaved: the clerk checks them and saves)."""
        ui = self.ui
        texts = {
            "sender_name": ui.nameEdit,
            "sender_kana": ui.kanaEdit,
            "sender_postal_code": ui.postalEdit,
            "sender_address": ui.addressEdit,
        }
        dates = {
            "sender_birth_date": self.birth_date,
            "postmark_on": self.postmark,
            "money_order_issued_on": self.money_order_date,
        }
        checks = {
            "envelope_marked": ui.markedCheck,
            "return_postage_enclosed": ui.returnPostageCheck,
        }
        for key, value in values.items():
            if key in texts:
                texts[key].setText(str(value))
            elif key in dates:
                dates[key].set_value(value if isinstance(value, date) else None)
            elif key in checks:
                checks[key].setChecked(bool(value))
            elif key == "requester_type" and isinstance(value, RequesterType):
                ui.requesterCombo.setCurrentIndex(ui.requesterCombo.findData(value.value))
            elif key == "fee_form" and isinstance(value, FeeForm):
                ui.feeFormCombo.setCurrentIndex(ui.feeFormCombo.findData(value.value))
            elif key == "received_on" and isinstance(value, date):
                ui.receivedEdit.setDate(self._qdate(value))
            elif key == "fee_amount" and isinstance(value, int):
                ui.feeSpin.setValue(value)
            elif key == "note":
                ui.noteEdit.setPlainText(str(value))
        if kinds is not None:
            for kind, check in self.kind_checks.items():
                check.setChecked(kind in kinds)
        self._update_buttons()

    # --- leaving with unsaved changes ----------------------------------------------------

    def has_unsaved_changes(self) -> bool:
        return self._detail is not None and self.can_edit() and self.is_dirty()

    def unsaved_title(self) -> str:
        reference = self._detail.reference if self._detail else ""
        return self.tr("Case %1").replace("%1", reference)

    def save_then(self, proceed: Callable[[], None]) -> None:
        self._after_save = proceed
        self.save()
        if not self._busy:  # refused before it started (an unreadable date), or done already
            self._after_save = None

    def discard_changes(self) -> None:
        self.revert()

    def change_status(self) -> None:
        """Move the case to the chosen next status; a backward move asks for the reason."""
        detail, user = self._detail, self._user
        data = self.ui.nextStatusCombo.currentData()
        if detail is None or user is None or data is None or self._busy:
            return
        target = CaseStatus(str(data))
        comment = ""
        if any(m.target is target and m.comment_required for m in detail.next_moves):
            answer = self._gui.messages.ask_text(
                self,
                self.tr("Reason"),
                self.tr("Why does %1 go from “%2” to “%3”?")
                .replace("%1", detail.reference)
                .replace("%2", label(detail.status, self._gui.language))
                .replace("%3", label(target, self._gui.language)),
                multiline=True,
            )
            if answer is None:
                return
            comment = answer.strip()
            if not comment:
                self._gui.messages.warning(
                    self, self.tr("A reason is needed to move a case back. Nothing was changed.")
                )
                return
        self._set_busy(True)
        services = self._gui.services
        (
            self._gui.op(
                self,
                lambda: cases.change_status(
                    services, user, detail.case_id, detail.version, target, comment
                ),
            )
            .success(self._saved)
            .failure(self._refused)
            .run()
        )

    def open_extension(self) -> None:
        """Open the extension dialog (window-modal) for the case shown."""
        detail, user = self._detail, self._user
        if detail is None or user is None or not self.ui.extendButton.isEnabled():
            return
        dialog = ExtensionDialog(self._gui, user, detail, self, initiator=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.extended.connect(self._extended)
        dialog.conflict.connect(self.reload)
        dialog.destroyed.connect(self._extension_closed)
        self.extension_dialog = dialog
        dialog.open()

    def _extension_closed(self) -> None:
        self.extension_dialog = None

    def _extended(self, detail: CaseDetail) -> None:
        if detail.case_id == self.case_id:
            self._show(detail)

    def open_workspace(self) -> None:
        """The case's documents and verification, in their own window (one per case)."""
        if self._detail is not None:
            self.open_workspace_for(self._detail.case_id, self._detail.reference)

    def open_workspace_for(self, case_id: int, reference: str) -> None:
        """The window of `case_id` (one per case), opened or brought to the front."""
        user = self._user
        if user is None:
            return
        window = self.workspaces.get(case_id)
        if window is None:
            from desktop.gui.case_workspace import CaseWorkspace  # letters, OCR: when first opened

            window = CaseWorkspace(self._gui, user, case_id, reference, self)
            window.destroyed.connect(lambda _=None, c=case_id: self.workspaces.pop(c, None))
            self.workspaces[case_id] = window
        window.show()
        window.raise_()
        window.activateWindow()
