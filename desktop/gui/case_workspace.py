"""One case's working window: its scanned pages and its verification, side by side in tabs.

Opened from the detail panel; one window per case. Clicking a finding's evidence brings up the page
and the box the value was read from.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QTabWidget, QVBoxLayout, QWidget

from desktop.gui.context import GuiContext
from desktop.gui.decision_panel import DecisionPanel
from desktop.gui.document_viewer import DocumentViewer
from desktop.gui.legal_hold import LegalHoldButton, may_hold
from desktop.gui.letters_panel import LettersPanel
from desktop.gui.unsaved import LeaveGuard, Unsaved
from desktop.gui.verification_panel import VerificationPanel
from desktop.services import cases
from desktop.services.cases import CaseDetail
from desktop.services.context import CurrentUser


class CaseWorkspace(QDialog):
    def __init__(
        self,
        gui: GuiContext,
        user: CurrentUser,
        case_id: int,
        reference: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._gui = gui
        self._user = user
        self._case_id = case_id
        self.link_dialog: QDialog | None = None
        self.setWindowTitle(self.tr("%1 — documents and verification").replace("%1", reference))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.documents = DocumentViewer(gui, user, case_id)
        self.verification = VerificationPanel(gui, user, case_id)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.documents, self.tr("&Documents"))
        self.tabs.addTab(self.verification, self.tr("&Verification"))
        self.decision = DecisionPanel(gui, user, case_id)
        self.tabs.addTab(self.decision, self.tr("D&ecision"))
        self.letters = LettersPanel(gui, user, case_id)
        self.tabs.addTab(self.letters, self.tr("&Letters"))
        self.verification.evidence_requested.connect(self.show_evidence)
        self.link_button = QPushButton(self.tr("Find the registered customer… (Ctrl+K)"))
        self.link_button.clicked.connect(self.open_customer_link)
        QShortcut(QKeySequence("Ctrl+K"), self).activated.connect(self.open_customer_link)
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.link_button)
        self.legal_hold = LegalHoldButton(gui, user, case_id) if may_hold(user) else None
        if self.legal_hold is not None:
            top.addWidget(self.legal_hold)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs)
        self.resize(1280, 860)
        # Start on the pages, where Ctrl+O and F5 work, not on the customer search button.
        self.link_button.setAutoDefault(False)
        self.documents.thumbnails.setFocus()
        self._leave_guard = LeaveGuard(gui.messages, self, self.unsaved_editors, self.reject)

    def unsaved_editors(self) -> list[Unsaved]:
        return [self.decision]

    def reject(self) -> None:
        """Esc or the close button: unsaved work is saved or discarded only when asked."""
        if self._leave_guard.may_leave():
            super().reject()

    def show_evidence(self, document_id: int, field: str) -> None:
        self.tabs.setCurrentWidget(self.documents)
        self.documents.show_document(document_id, field)

    def open_customer_link(self) -> None:
        services, case_id = self._gui.services, self._case_id
        self._gui.op(self, lambda: cases.get_case(services, case_id)).success(
            self._open_link_dialog
        ).run()

    def _open_link_dialog(self, detail: CaseDetail) -> None:
        from desktop.gui.customer_link_dialog import CustomerLinkDialog

        dialog = CustomerLinkDialog(self._gui, self._user, detail, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.link_dialog = dialog
        dialog.open()
