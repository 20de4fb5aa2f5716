"""Extending a case's deadline (期限の延長): the new due date and the reason told to the requester.

The new date defaults to the latest the case's jurisdiction profile allows (the current due date
plus its extension period) and cannot be set outside (current due date, latest]. The reason is
required: OK stays disabled while it is blank. Saving runs in the background with the version the
panel loaded; a stale copy is refused (CaseConflict), the user is told and the dialog closes.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta

from PySide6.QtCore import QDate, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QWidget

from desktop.domain import deadlines
from desktop.domain.deadlines import JurisdictionProfile, PeriodUnit
from desktop.domain.errors import CaseConflict, KnownError
from desktop.gui.context import GuiContext
from desktop.gui.date_input import tab_leaves
from desktop.gui.display import date_with_era, era_text, label
from desktop.gui.forms.extension_dialog import Ui_ExtensionDialog
from desktop.services import cases
from desktop.services.cases import CaseDetail
from desktop.services.changes import Changes
from desktop.services.context import CurrentUser

log = logging.getLogger("kaiji.gui.extension")


def extension_profile(detail: CaseDetail) -> JurisdictionProfile | None:
    """The case's profile when it allows an extension at all, else None."""
    profile = deadlines.PROFILES.get(detail.profile)
    return profile if profile is not None and profile.extension_period > 0 else None


def latest_due_date(current_due: date, profile: JurisdictionProfile) -> date:
    """The latest new due date the profile allows: the current one plus the extension period."""
    return deadlines.add_period(
        current_due, profile.extension_period, profile.extension_unit, count_first_day=False
    )


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class ExtensionDialog(QDialog):
    """Asks for the new due date and the reason, and records the extension on OK."""

    extended = Signal(object)  # the CaseDetail after the extension
    conflict = Signal()  # another workstation changed the case first: reload it

    def __init__(
        self,
        gui: GuiContext,
        user: CurrentUser,
        detail: CaseDetail,
        parent: QWidget | None = None,
        *,
        initiator: QObject | None = None,
    ) -> None:
        """`initiator` is who the runner's `changed` signal names (default: this dialog)."""
        super().__init__(parent)
        profile = extension_profile(detail)
        if profile is None:
            msg = f"profile {detail.profile!r} allows no extension"
            raise ValueError(msg)
        self._gui = gui
        self._user = user
        self._detail = detail
        self._initiator = initiator
        self._saving = False
        self.ui = Ui_ExtensionDialog()
        self.ui.setupUi(self)
        ui = self.ui
        current_due = detail.deadline.due_on
        latest = latest_due_date(current_due, profile)
        ui.caseLabel.setText(detail.reference)
        ui.currentDueLabel.setText(date_with_era(current_due))
        tab_leaves(ui.newDueEdit)
        ui.newDueEdit.setDateRange(_qdate(current_due + timedelta(days=1)), _qdate(latest))
        ui.newDueEdit.setDate(_qdate(latest))
        ui.newDueEdit.dateChanged.connect(self._date_changed)
        self._date_changed()
        ui.limitLabel.setText(
            self.tr("%1 allows %2 more, up to %3.")
            .replace("%1", label(profile, gui.language))
            .replace("%2", self._period_text(profile.extension_period, profile.extension_unit))
            .replace("%3", date_with_era(latest))
        )
        ui.reasonEdit.setPlaceholderText(self.tr("Required; it is told to the requester."))
        ui.reasonEdit.textChanged.connect(self._update_ok)
        self.ok_button.setText(self.tr("E&xtend"))
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.accept)
        self._update_ok()
        ui.newDueEdit.setFocus()

    @property
    def ok_button(self) -> QPushButton:
        button: QPushButton = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        return button

    def _period_text(self, amount: int, unit: PeriodUnit) -> str:
        text = {
            PeriodUnit.CALENDAR_DAYS: self.tr("%1 days"),
            PeriodUnit.BUSINESS_DAYS: self.tr("%1 business days"),
            PeriodUnit.MONTHS: self.tr("%1 months"),
        }[unit]
        return text.replace("%1", str(amount))

    @property
    def new_due_on(self) -> date:
        value: date = self.ui.newDueEdit.date().toPython()
        return value

    @property
    def reason(self) -> str:
        return str(self.ui.reasonEdit.toPlainText()).strip()

    def _date_changed(self) -> None:
        self.ui.newDueHint.setText(era_text(self.new_due_on))

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.reason) and not self._saving)

    def accept(self) -> None:
        """Record the extension in the background; the dialog closes once it is saved."""
        if self._saving or not self.reason:
            return
        self._saving = True
        self.ui.buttonBox.setEnabled(False)
        services, user, detail = self._gui.services, self._user, self._detail
        reason, new_due_on = self.reason, self.new_due_on
        (
            self._gui.op(
                self,
                lambda: cases.extend_deadline(
                    services, user, detail.case_id, detail.version, reason, new_due_on
                ),
            )
            .success(self._saved)
            .failure(self._refused)
            .initiated_by(self._initiator or self)
            .with_progress(self.tr("Saving…"))
            .run()
        )

    def _done_saving(self) -> None:
        self._saving = False
        self.ui.buttonBox.setEnabled(True)
        self._update_ok()

    def _saved(self, result: tuple[CaseDetail, Changes]) -> None:
        self._done_saving()
        log.info("deadline of case %s extended", result[0].case_id)
        self.extended.emit(result[0])
        super().accept()

    def _refused(self, error: KnownError) -> None:
        self._done_saving()
        message = error.message(self._gui.language)
        if isinstance(error, CaseConflict):
            self._gui.messages.warning(self, message)
            self.conflict.emit()
            self.reject()
            return
        self._gui.messages.error(self, message)
        self.ui.newDueEdit.setFocus()
