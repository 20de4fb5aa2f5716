"""The legal-hold button of a case's workspace (訴訟ホールド): shows the state and toggles it.

A case on hold keeps its documents past the retention period until the hold is lifted. Placing or
lifting a hold needs a reason, which goes into the audit log. Only supervisors and administrators
see the button.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtWidgets import QPushButton, QWidget

from desktop.domain.errors import CaseConflict, KnownError
from desktop.domain.roles import Role
from desktop.gui.context import GuiContext
from desktop.services import retention
from desktop.services.changes import Changes
from desktop.services.context import CurrentUser, ServiceContext
from desktop.services.retention import RetentionState

log = logging.getLogger("kaiji.gui.legal_hold")

HOLDING_ROLES = frozenset({Role.SUPERVISOR, Role.ADMIN})


def may_hold(user: CurrentUser) -> bool:
    """Whether `user` may place or lift a legal hold (and so sees the button)."""
    return user.role in HOLDING_ROLES


@dataclass(frozen=True)
class HoldState:
    """The case's hold as loaded, with the version a toggle must be based on."""

    held: bool
    version: int


def load_hold(services: ServiceContext, case_id: int) -> HoldState:
    state = retention.retention_state(services, case_id)
    return HoldState(state.legal_hold, state.version)


class LegalHoldButton(QPushButton):
    """ "Legal hold: on/off"; clicking asks for the reason and toggles the hold."""

    def __init__(
        self, gui: GuiContext, user: CurrentUser, case_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._gui = gui
        self._user = user
        self._case_id = case_id
        self.state: HoldState | None = None
        self.setToolTip(
            self.tr("A case on legal hold keeps its documents past the retention period.")
        )
        self._show(None)
        self.clicked.connect(self.toggle)
        gui.runner.changed.connect(self._on_changes)
        self.reload()

    def reload(self) -> None:
        services, case_id = self._gui.services, self._case_id
        self._gui.op(self, lambda: load_hold(services, case_id)).success(self._show).run()

    def _on_changes(self, changes: Changes, _initiator: object) -> None:
        if self._case_id in changes.cases:
            self.reload()

    def _show(self, state: HoldState | None) -> None:
        self.state = state
        self.setEnabled(state is not None)
        if state is None:
            self.setText(self.tr("Legal hold…"))
        else:
            self.setText(self.tr("Legal hold: on") if state.held else self.tr("Legal hold: off"))

    def toggle(self) -> None:
        state = self.state
        if state is None:
            return
        if state.held:
            title, question = self.tr("Lift legal hold"), self.tr("Why is the hold lifted?")
        else:
            title, question = self.tr("Place legal hold"), self.tr("Why is the case put on hold?")
        reason = self._gui.messages.ask_text(self, title, question, multiline=True)
        if reason is None:
            return
        if not reason.strip():
            self._gui.messages.warning(self, self.tr("A legal hold needs a reason."))
            return
        services, user, case_id, on = self._gui.services, self._user, self._case_id, not state.held
        self.setEnabled(False)
        (
            self._gui.op(
                self,
                lambda: retention.set_legal_hold(
                    services, user, case_id, state.version, on, reason
                ),
            )
            .success(self._toggled)
            .failure(self._refused)
            .run()
        )

    def _toggled(self, result: tuple[RetentionState, Changes]) -> None:
        log.info("legal hold of case %s set to %s", self._case_id, result[0].legal_hold)
        self.reload()

    def _refused(self, error: KnownError) -> None:
        message = error.message(self._gui.language)
        if isinstance(error, CaseConflict):
            self._gui.messages.warning(self, message)
        else:
            self._gui.messages.error(self, message)
        self.reload()
