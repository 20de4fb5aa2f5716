"""Finding the registered customer for a case (本人特定) and linking the case to them.

The search fields start with the sender as written on the request and can be edited. Enter in
any field searches; the results are ranked candidates, with the fields that agree with the
request highlighted. Arrows move through them and Enter links the selected one. When the
registry holds nothing of the requester, the clerk records "no retained personal data"
(保有個人データなし) instead. Searching and saving run in the background.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import QDialog, QHeaderView, QLineEdit, QTableWidgetItem, QWidget

from desktop.domain.errors import CaseConflict, KnownError
from desktop.gui.context import GuiContext
from desktop.gui.date_input import DateInput
from desktop.gui.display import format_date
from desktop.gui.forms.customer_link_dialog import Ui_CustomerLinkDialog
from desktop.services import customer_search
from desktop.services.cases import CaseDetail
from desktop.services.context import CurrentUser
from desktop.services.customer_search import (
    Agreement,
    Candidate,
    CandidateQuery,
    CaseLink,
    LinkResult,
)

log = logging.getLogger("kaiji.gui.customer_link")

AGREE_COLOR = QColor("#d7f0d2")  # the field agrees with the request
PARTLY_COLOR = QColor("#fbefc4")  # the address agrees in part
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)

# Result columns and the agreements that highlight each.
COLUMNS: tuple[tuple[str, frozenset[Agreement]], ...] = (
    ("score", frozenset()),
    ("customer_no", frozenset()),
    ("name", frozenset({Agreement.NAME_EXACT, Agreement.NAME_VARIANT})),
    ("name_kana", frozenset({Agreement.KANA})),
    ("birth_date", frozenset({Agreement.BIRTH_DATE})),
    ("postal_code", frozenset({Agreement.POSTAL_CODE})),
    ("address", frozenset({Agreement.ADDRESS_MATCH, Agreement.ADDRESS_PARTIAL})),
    ("phone", frozenset({Agreement.PHONE})),
)


class CustomerLinkDialog(QDialog):
    """Search the registry for the case's requester and link one customer, or record none."""

    linked = Signal(object)  # the CaseLink after a link, a "no data" record or an undo
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
        super().__init__(parent)
        self._gui = gui
        self._user = user
        self._detail = detail
        self._initiator = initiator
        self._version = detail.version
        self._link: CaseLink | None = None
        self._generation = 0
        self._busy = False
        self.candidates: list[Candidate] = []
        self.ui = Ui_CustomerLinkDialog()
        self.ui.setupUi(self)
        self.birth_date = DateInput(self.ui.birthEdit, self.ui.birthHint, gui.language)
        self._setup_table()
        self._prefill(customer_search.query_for_case(detail))
        for edit in self._query_edits():
            edit.returnPressed.connect(self.search)
        self.ui.searchButton.clicked.connect(self.search)
        self.ui.linkButton.clicked.connect(self.link_selected)
        self.ui.noDataButton.clicked.connect(self.record_no_data)
        self.ui.unlinkButton.clicked.connect(self.unlink)
        self.ui.cancelButton.clicked.connect(self.reject)
        self.ui.resultsTable.itemSelectionChanged.connect(self._update_buttons)
        self.ui.resultsTable.installEventFilter(self)
        for button in (
            self.ui.searchButton,
            self.ui.linkButton,
            self.ui.noDataButton,
            self.ui.unlinkButton,
            self.ui.cancelButton,
        ):
            button.setAutoDefault(False)
        self._show_link(None)
        self._load_link()
        self.ui.nameEdit.setFocus()

    # --- set-up ----------------------------------------------------------------------------

    def _query_edits(self) -> tuple[QLineEdit, ...]:
        ui = self.ui
        return (ui.nameEdit, ui.kanaEdit, ui.birthEdit, ui.phoneEdit, ui.postalEdit, ui.addressEdit)

    def _setup_table(self) -> None:
        table = self.ui.resultsTable
        headers = {
            "score": self.tr("Score"),
            "customer_no": self.tr("Customer no."),
            "name": self.tr("Name"),
            "name_kana": self.tr("Kana"),
            "birth_date": self.tr("Birth date"),
            "postal_code": self.tr("Postal code"),
            "address": self.tr("Address"),
            "phone": self.tr("Phone"),
        }
        table.setColumnCount(len(COLUMNS))
        table.setHorizontalHeaderLabels([headers[key] for key, _ in COLUMNS])
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        address_column = [key for key, _ in COLUMNS].index("address")
        header.setSectionResizeMode(address_column, QHeaderView.ResizeMode.Stretch)

    def _prefill(self, query: CandidateQuery) -> None:
        ui = self.ui
        ui.nameEdit.setText(query.name)
        ui.kanaEdit.setText(query.kana)
        self.birth_date.set_value(query.birth_date)
        ui.phoneEdit.setText(query.phone)
        ui.postalEdit.setText(query.postal_code)
        ui.addressEdit.setText(query.address)

    def query(self) -> CandidateQuery:
        ui = self.ui
        return CandidateQuery(
            name=ui.nameEdit.text().strip(),
            kana=ui.kanaEdit.text().strip(),
            birth_date=self.birth_date.value,
            phone=ui.phoneEdit.text().strip(),
            postal_code=ui.postalEdit.text().strip(),
            address=ui.addressEdit.text().strip(),
        )

    # --- the case's current link -------------------------------------------------------------

    def _load_link(self) -> None:
        services, case_id = self._gui.services, self._detail.case_id
        self._gui.op(self, lambda: customer_search.case_link(services, case_id)).success(
            self._show_link
        ).run()

    def _show_link(self, link: CaseLink | None) -> None:
        self._link = link
        if link is not None:
            self._version = link.version
        if link is not None and link.customer_id is not None:
            state = self.tr("linked to %1 %2").replace("%1", link.customer_no)
            state = state.replace("%2", link.customer_name)
        elif link is not None and link.no_retained_data:
            state = self.tr("no retained personal data recorded")
        else:
            state = self.tr("no customer linked yet")
        self.ui.caseLabel.setText(f"{self._detail.reference}: {state}")
        self._update_buttons()

    # --- searching -------------------------------------------------------------------------

    def search(self) -> None:
        """Search in the background; a newer search makes an older answer irrelevant."""
        if self.birth_date.error is not None:
            self.ui.statusLabel.setText(self.birth_date.error.message(self._gui.language))
            self.ui.birthEdit.setFocus()
            return
        self._generation += 1
        generation = self._generation
        services, query = self._gui.services, self.query()
        self.ui.statusLabel.setText(self.tr("Searching…"))
        (
            self._gui.op(self, lambda: customer_search.find_candidates(services, query))
            .success(lambda found: self._show_candidates(generation, found))
            .failure(self._search_refused)
            .run()
        )

    def _search_refused(self, error: KnownError) -> None:
        self.ui.statusLabel.setText(error.message(self._gui.language))

    def _show_candidates(self, generation: int, found: list[Candidate]) -> None:
        if generation != self._generation:
            return
        self.candidates = found
        table = self.ui.resultsTable
        table.setRowCount(len(found))
        for row, candidate in enumerate(found):
            for column, (key, highlights) in enumerate(COLUMNS):
                item = QTableWidgetItem(self._cell_text(candidate, key))
                self._highlight(item, candidate, highlights)
                table.setItem(row, column, item)
        if found:
            self.ui.statusLabel.setText(self.tr("%1 candidates").replace("%1", str(len(found))))
            table.selectRow(0)
            table.setFocus()
        else:
            self.ui.statusLabel.setText(self.tr("No customer fits the search."))
        self._update_buttons()

    @staticmethod
    def _cell_text(candidate: Candidate, key: str) -> str:
        if key == "birth_date":
            return format_date(candidate.birth_date)
        value = getattr(candidate, key)
        return str(value) if value is not None else ""

    @staticmethod
    def _highlight(
        item: QTableWidgetItem, candidate: Candidate, highlights: frozenset[Agreement]
    ) -> None:
        agreed = candidate.agreements & highlights
        if not agreed:
            return
        partly = agreed == {Agreement.ADDRESS_PARTIAL}
        item.setBackground(QBrush(PARTLY_COLOR if partly else AGREE_COLOR))
        font = QFont(item.font())
        font.setBold(not partly)
        item.setFont(font)
        item.setToolTip(", ".join(sorted(a.value for a in agreed)))

    def selected_candidate(self) -> Candidate | None:
        rows = self.ui.resultsTable.selectionModel().selectedRows()
        row: int = rows[0].row() if rows else -1
        return self.candidates[row] if 0 <= row < len(self.candidates) else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter on a result row links it (the table would otherwise ignore Enter)."""
        if (
            watched is self.ui.resultsTable
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _ENTER_KEYS
        ):
            self.link_selected()
            return True
        return super().eventFilter(watched, event)

    # --- saving ----------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        idle = not self._busy
        self.ui.linkButton.setEnabled(idle and self.selected_candidate() is not None)
        self.ui.noDataButton.setEnabled(idle)
        self.ui.unlinkButton.setEnabled(idle and self._link is not None and self._link.decided)

    def link_selected(self) -> None:
        candidate = self.selected_candidate()
        if candidate is None or self._busy:
            return
        services, user = self._gui.services, self._user
        case_id, version = self._detail.case_id, self._version
        self._save(
            lambda: customer_search.link_customer(
                services, user, case_id, version, candidate.customer_id
            )
        )

    def record_no_data(self) -> None:
        if self._busy:
            return
        question = self.tr("Record that no personal data of this requester is retained?")
        if not self._gui.messages.confirm(self, question):
            return
        services, user = self._gui.services, self._user
        case_id, version = self._detail.case_id, self._version
        self._save(
            lambda: customer_search.record_no_retained_data(services, user, case_id, version)
        )

    def unlink(self) -> None:
        if self._busy:
            return
        services, user = self._gui.services, self._user
        case_id, version = self._detail.case_id, self._version
        self._save(lambda: customer_search.unlink_customer(services, user, case_id, version))

    def _save(self, work: Callable[[], LinkResult]) -> None:
        self._busy = True
        self._update_buttons()
        (
            self._gui.op(self, work)
            .success(self._saved)
            .failure(self._refused)
            .initiated_by(self._initiator or self)
            .with_progress(self.tr("Saving…"))
            .run()
        )

    def _saved(self, result: LinkResult) -> None:
        self._busy = False
        self._show_link(result.link)
        log.info("case %s: customer link saved", result.link.case_id)
        self.linked.emit(result.link)
        self.accept()

    def _refused(self, error: KnownError) -> None:
        self._busy = False
        self._update_buttons()
        message = error.message(self._gui.language)
        if isinstance(error, CaseConflict):
            self._gui.messages.warning(self, message)
            self.conflict.emit()
            self.reject()
            return
        self._gui.messages.error(self, message)
