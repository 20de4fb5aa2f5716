"""One case's working window: its head (status, deadline, customer, next step) over its pages,
verification, decision and letters in tabs.

Opened from the list (Enter, double-click, Ctrl+D) or the detail panel; one window per case,
non-modal, sized to the screen it opens on and remembered. The head's next step
(`domain/next_step.py`) is taken here: a plain status move through the case service, every other
step by the tab where it is done. Clicking a finding's evidence brings up the page and the box the
value was read from.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.next_step import NextStep, Place, Step
from desktop.domain.status import CaseStatus
from desktop.gui.case_header import CaseHeader
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

GEOMETRY_KEY = "case_window/geometry"
_PREFERRED = QSize(1280, 860)
# Decisions can be entered from 取込済 on (services/decisions.py); before, the tab says why.
_BEFORE_DECISIONS = frozenset({CaseStatus.RECEIVED})


class PanelTabs(QTabWidget):
    """Tabs whose pages may wrap their panel (in a scroll area): choosing a panel chooses the
    page that holds it."""

    def page_of(self, panel: QWidget) -> QWidget | None:
        for index in range(self.count()):
            page = self.widget(index)
            if page is not None and (page is panel or page.isAncestorOf(panel)):
                return page
        return None

    def setCurrentWidget(self, widget: QWidget) -> None:  # noqa: N802 - Qt override
        page = self.page_of(widget)
        if page is not None:
            super().setCurrentWidget(page)


def _scrolling(panel: QWidget) -> QScrollArea:
    """A tab's panel that scrolls when the window is smaller than the panel's least size, so
    every button stays reachable on a small screen."""
    area = QScrollArea()
    area.setWidget(panel)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


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
        self.decision = DecisionPanel(gui, user, case_id)
        self.letters = LettersPanel(gui, user, case_id)
        self.tabs = PanelTabs()
        self.tabs.addTab(self.documents, self.tr("&Documents"))
        self.tabs.addTab(_scrolling(self.verification), self.tr("&Verification"))
        self.tabs.addTab(_scrolling(self.decision), self.tr("D&ecision"))
        self.tabs.addTab(_scrolling(self.letters), self.tr("&Letters"))
        self._places = {
            Place.DOCUMENTS: self.documents,
            Place.VERIFICATION: self.verification,
            Place.DECISION: self.decision,
            Place.LETTERS: self.letters,
        }
        self.verification.evidence_requested.connect(self.show_evidence)
        self.header = CaseHeader(gui, user, case_id)
        self.header.step_requested.connect(self.take_step)
        self.header.loaded.connect(self._case_loaded)
        if self.header.detail is not None:  # loaded already (a synchronous runner)
            self._case_loaded(self.header.detail)
        QShortcut(QKeySequence("Ctrl+G"), self).activated.connect(self.header.take_step)
        self.link_button = QPushButton(self.tr("Find the registered customer… (Ctrl+K)"))
        self.link_button.clicked.connect(self.open_customer_link)
        QShortcut(QKeySequence("Ctrl+K"), self).activated.connect(self.open_customer_link)
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        side = QVBoxLayout()
        side.addWidget(self.link_button)
        self.legal_hold = LegalHoldButton(gui, user, case_id) if may_hold(user) else None
        if self.legal_hold is not None:
            side.addWidget(self.legal_hold)
        side.addStretch(1)
        top.addLayout(side)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self._restore_geometry()
        # Start on the pages, where Ctrl+O and F5 work, not on the customer search button.
        self.link_button.setAutoDefault(False)
        self.documents.thumbnails.setFocus()
        self._leave_guard = LeaveGuard(gui.messages, self, self.unsaved_editors, self.reject)

    # --- size and place ------------------------------------------------------------------

    def _available(self) -> QRect:
        screen = self.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry()

    def _restore_geometry(self) -> None:
        saved = self._gui.prefs.value(GEOMETRY_KEY)
        if isinstance(saved, QRect) and saved.isValid():
            self.setGeometry(saved)
            self.fit_to(self._available(), keep_size=True)
        else:
            self.fit_to(self._available())

    def fit_to(self, available: QRect, *, keep_size: bool = False) -> None:
        """Fit the window, frame and title bar included, inside `available` (the screen less its
        panels): the preferred size where it fits, the whole screen where it does not."""
        frame = self.frameGeometry()
        extra_w = max(0, frame.width() - self.width()) if self.isVisible() else 0
        extra_h = max(0, frame.height() - self.height()) if self.isVisible() else 0
        if not extra_h:
            extra_w, extra_h = 8, 32  # a typical frame and title bar before the window is shown
        wanted = self.size() if keep_size else _PREFERRED
        width = min(wanted.width(), available.width() - extra_w)
        height = min(wanted.height(), available.height() - extra_h)
        self.resize(width, height)
        x = min(max(self.x(), available.left()), available.right() - width - extra_w + 1)
        y = min(max(self.y(), available.top()), available.bottom() - height - extra_h + 1)
        if not keep_size:
            x = available.left() + (available.width() - width - extra_w) // 2
            y = available.top() + (available.height() - height - extra_h) // 2
        self.move(max(x, available.left()), max(y, available.top()))

    def save_geometry(self) -> None:
        # The plain rectangle, fitted to the screen it opens on next time (a saved Qt geometry
        # would be refitted by Qt to whatever screen Qt thinks it belongs to).
        self._gui.prefs.setValue(GEOMETRY_KEY, self.normalGeometry())

    def done(self, result: int) -> None:
        self.save_geometry()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_geometry()
        super().closeEvent(event)

    # --- the next step -------------------------------------------------------------------

    def _case_loaded(self, detail: CaseDetail) -> None:
        """Say on a tab that cannot be used yet why, and what opens it."""
        index = self.tabs.indexOf(self.tabs.page_of(self.decision) or self.decision)
        before = detail.status in _BEFORE_DECISIONS
        self.tabs.setTabEnabled(index, not before)
        self.tabs.setTabToolTip(
            index,
            self.tr("Decisions are entered once verification has started (next step: %1).").replace(
                "%1", self.header.step_label.text()
            )
            if before
            else "",
        )

    def show_place(self, place: Place) -> QWidget:
        panel = self._places[place]
        self.tabs.setCurrentWidget(panel)
        return panel

    def take_step(self, step: NextStep) -> None:
        """Take the case's next step: move it, or open the tab and the action that does it."""
        if step.step in (Step.START_VERIFYING, Step.RESUME_VERIFYING):
            self._move(step)
            return
        self.show_place(step.place)
        if step.step in (Step.DECIDE, Step.REVISE):
            editors = list(self.decision.editors.values())
            if editors:
                editors[0].outcome_combo.setFocus()
        elif step.step is Step.SUBMIT:
            self.decision.submit()
        elif step.step is Step.ISSUE_LETTER:
            self.letters.issue_button.setFocus()
        elif step.step in (Step.RECORD_POSTING, Step.RESEND):
            self.letters.open_outgoing_mail()
        elif step.step is Step.CLOSE:
            self.letters.close_case()

    def _move(self, step: NextStep) -> None:
        detail, user = self.header.detail, self._user
        if detail is None or detail.status is not step.current:
            return
        services, case_id, version = self._gui.services, self._case_id, detail.version
        self._gui.op(
            self, lambda: cases.change_status(services, user, case_id, version, step.target)
        ).success(lambda _result: self._moved(step)).run()

    def _moved(self, step: NextStep) -> None:
        self.show_place(step.place)

    def unsaved_editors(self) -> list[Unsaved]:
        return [self.decision]

    def reject(self) -> None:
        """Esc or the close button: unsaved work is saved or discarded only when asked."""
        if self._leave_guard.may_leave():
            super().reject()

    def show_evidence(self, document_id: int, field: str) -> None:
        self.show_place(Place.DOCUMENTS)
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
