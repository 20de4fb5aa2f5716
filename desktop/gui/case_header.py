"""The case window's head: status, deadline, the linked customer and the next step with its button.

The next step comes from the domain (`domain/next_step.py`); this only shows it and asks the window
to take it (`step_requested`).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.domain.next_step import NextStep, next_step
from desktop.domain.roles import can
from desktop.gui.context import GuiContext
from desktop.gui.display import date_with_era, days_left_text, deadline_color, label
from desktop.services import cases, customer_search
from desktop.services.cases import CaseDetail
from desktop.services.changes import Changes
from desktop.services.context import CurrentUser
from desktop.services.customer_search import CaseLink

_BADGE = "QLabel { background: #e3f2fd; color: #0d47a1; border-radius: 9px; padding: 2px 10px; }"


class CaseHeader(QFrame):
    step_requested = Signal(object)  # the NextStep to take
    loaded = Signal(object)  # the CaseDetail shown

    def __init__(
        self, gui: GuiContext, user: CurrentUser, case_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._gui = gui
        self._user = user
        self._case_id = case_id
        self.detail: CaseDetail | None = None
        self.link: CaseLink | None = None
        self.step: NextStep | None = None
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.reference_label = QLabel()
        font = QFont(self.reference_label.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.reference_label.setFont(font)
        self.status_label = QLabel()
        self.status_label.setStyleSheet(_BADGE)
        self.deadline_label = QLabel()
        self.customer_label = QLabel()
        self.step_label = QLabel()
        bold = QFont(self.step_label.font())
        bold.setBold(True)
        self.step_label.setFont(bold)
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet("color: #546e7a;")
        self.step_button = QPushButton()
        self.step_button.setAutoDefault(False)
        self.step_button.setStyleSheet("font-weight: bold;")
        self.step_button.clicked.connect(self._step_clicked)
        facts = QHBoxLayout()
        facts.addWidget(self.reference_label)
        facts.addWidget(self.status_label)
        facts.addSpacing(12)
        facts.addWidget(self.deadline_label)
        facts.addSpacing(12)
        facts.addWidget(self.customer_label, 1)
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 4, 8, 4)
        grid.addLayout(facts, 0, 0, 1, 3)
        grid.addWidget(QLabel(self.tr("Next step:")), 1, 0)
        grid.addWidget(self.step_label, 1, 1)
        grid.addWidget(self.step_button, 1, 2)
        grid.addWidget(self.hint_label, 2, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        gui.runner.changed.connect(self._on_changes)
        self.reload()

    def reload(self) -> None:
        services, case_id = self._gui.services, self._case_id

        def load() -> tuple[CaseDetail, CaseLink]:
            return cases.get_case(services, case_id), customer_search.case_link(services, case_id)

        self._gui.op(self, load).success(lambda result: self._show(*result)).run()

    def _on_changes(self, changes: Changes, _initiator: QObject | None) -> None:
        if self._case_id in changes.cases:
            self.reload()

    def _show(self, detail: CaseDetail, link: CaseLink) -> None:
        language = self._gui.language
        self.detail, self.link = detail, link
        self.reference_label.setText(detail.reference)
        self.status_label.setText(label(detail.status, language))
        if detail.status.is_open:
            deadline = detail.deadline
            text = self.tr("Due %1 (%2)").replace("%1", date_with_era(deadline.due_on))
            self.deadline_label.setText(text.replace("%2", days_left_text(deadline)))
            colour = deadline_color(deadline)
            self.deadline_label.setStyleSheet(
                f"color: {colour.name()}; font-weight: bold;" if colour is not None else ""
            )
        else:
            self.deadline_label.setText(self.tr("Answered (the deadline no longer runs)"))
            self.deadline_label.setStyleSheet("")
        self.customer_label.setText(self.customer_text(link))
        self._show_step(next_step(detail.status))
        self.loaded.emit(detail)

    def customer_text(self, link: CaseLink) -> str:
        if link.customer_id is not None:
            return (
                self.tr("Customer: %1 %2")
                .replace("%1", link.customer_no)
                .replace("%2", link.customer_name)
            )
        if link.no_retained_data:
            return self.tr("Customer: no retained data")
        return self.tr("Customer: not linked yet (Ctrl+K)")

    def _show_step(self, step: NextStep | None) -> None:
        language = self._gui.language
        self.step = step
        if step is None:
            self.step_label.setText(self.tr("None: the case is finished."))
            self.hint_label.setText("")
            self.step_button.hide()
            return
        self.step_label.setText(step.label(language))
        self.hint_label.setText(step.hint(language))
        self.step_button.setText(step.label(language) + " (Ctrl+G)")
        self.step_button.show()
        allowed = can(self._user.role, step.permission) and not step.waits_for_someone_else
        self.step_button.setEnabled(allowed)
        self.step_button.setToolTip(
            ""
            if allowed
            else self.tr("This step is taken by someone else: %1").replace(
                "%1", step.hint(language)
            )
        )

    def _step_clicked(self) -> None:
        if self.step is not None and self.step_button.isEnabled():
            self.step_requested.emit(self.step)

    def take_step(self) -> None:
        """Ctrl+G: take the next step, as the button does."""
        self._step_clicked()
