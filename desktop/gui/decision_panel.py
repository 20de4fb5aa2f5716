"""The decision panel: per requested kind the outcome, the reasons (with the wording the requester
will read), the detail, the response method and the fee status; for a disclosure, the retained
data item by item with the items withheld and their ground, and extracts attached from other
systems; saving, submitting for review, and the review history with the supervisor's comment
when the case came back for rework.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.decisions import (
    FeeStatus,
    KindDecision,
    ResponseMethod,
    ReviewResult,
)
from desktop.domain.errors import KnownError
from desktop.domain.outcomes import Outcome
from desktop.domain.reasons import Reason, ReasonCatalog
from desktop.domain.requests import RequestKind
from desktop.domain.retained import REGISTRY_SOURCE, Withholding
from desktop.domain.status import CaseStatus
from desktop.gui.context import GuiContext
from desktop.gui.display import label
from desktop.gui.unsaved import FormSnapshot
from desktop.services import decisions, reasons, retained
from desktop.services.changes import Changes
from desktop.services.context import JST, CurrentUser
from desktop.services.decisions import CaseDecisions, ReasonPreview

REASON_CODE_ROLE = Qt.ItemDataRole.UserRole
PREVIEW_STYLE = (
    "QPlainTextEdit { background: #fffdf5; border: 1px solid #d7ccc8; border-radius: 4px;"
    " color: #3e2723; }"
)
GROUP_STYLE = "QGroupBox { font-weight: bold; }"  # not inherited by the fields inside
REWORK_STYLE = (
    "QLabel { background: #fff3e0; border: 1px solid #ffb74d; border-left: 4px solid #e65100;"
    " padding: 6px; color: #4e342e; }"
)


@dataclass(frozen=True)
class DecisionState:
    """What the panel shows: the case's decisions, the catalog and the reasons' letter text."""

    decided: CaseDecisions
    catalog: ReasonCatalog
    previews: dict[str, ReasonPreview]
    retained: retained.RetainedView | None = None  # for a disclosure: the data item by item


def load_state(
    decided: CaseDecisions, catalog: ReasonCatalog, data: retained.RetainedView | None = None
) -> DecisionState:
    """The state with the letter's wording of every reason the clerk may see on this case."""
    chosen = {code for d in decided.decisions for code in d.reason_codes}
    shown = [r for r in catalog.all() if not r.retired or r.code in chosen]
    return DecisionState(decided, catalog, {r.code: decisions.preview(r) for r in shown}, data)


ITEM_ID_ROLE = Qt.ItemDataRole.UserRole
GROUND_ROLE = Qt.ItemDataRole.UserRole + 1


class RetainedBox(QGroupBox):
    """The retained data item by item: tick what is withheld; each ticked item takes the ground
    chosen beside the list at that moment, and shows it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Retained data: items withheld"))
        self.setStyleSheet(GROUP_STYLE)
        self.sources_label = QLabel()
        self.sources_label.setWordWrap(True)
        self.items = QListWidget()
        self.items.setAccessibleName(self.tr("Items of the retained data"))
        self.items.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.items.setMinimumHeight(140)
        self.ground_combo = QComboBox()
        self.ground_combo.setAccessibleName(self.tr("Ground for the items ticked"))
        self.attach_button = QPushButton(self.tr("Attach e&xtract…"))
        self.labels_button = QPushButton(self.tr("Registry &labels…"))
        ground_row = QHBoxLayout()
        ground_row.addWidget(QLabel(self.tr("Ground")))
        ground_row.addWidget(self.ground_combo, 1)
        ground_row.addWidget(self.attach_button)
        ground_row.addWidget(self.labels_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.sources_label)
        layout.addWidget(self.items)
        layout.addLayout(ground_row)
        self._titles: dict[str, str] = {}
        self._names: dict[str, str] = {}
        self.items.itemChanged.connect(self._ticked)

    def set_reasons(self, reasons_offered: list[Reason]) -> None:
        self.ground_combo.clear()
        for reason in reasons_offered:
            self.ground_combo.addItem(reason.title_ja, reason.code)
            self._titles[reason.code] = reason.title_ja

    def show_data(self, data: retained.RetainedView, withheld: tuple[Withholding, ...]) -> None:
        grounds = {w.item_id: w.reason_code for w in withheld}
        self.items.blockSignals(True)
        try:
            self.items.clear()
            self._names = {}
            for entry in data.items:
                self._names[entry.item_id] = entry.display
                item = QListWidgetItem()
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setData(ITEM_ID_ROLE, entry.item_id)
                ground = grounds.get(entry.item_id)
                item.setData(GROUND_ROLE, ground)
                item.setCheckState(Qt.CheckState.Checked if ground else Qt.CheckState.Unchecked)
                self._label(item)
                self.items.addItem(item)
        finally:
            self.items.blockSignals(False)
        unlabelled = "、".join(f"{title}「{header}」" for title, header in data.unlabelled())
        text = self.tr("Sources: registry record%1").replace(
            "%1", "".join(f"、{e}" for e in data.extracts)
        )
        if unlabelled:
            text += "\n" + self.tr("Columns without a readable label: %1").replace("%1", unlabelled)
        self.sources_label.setText(text)

    def _label(self, item: QListWidgetItem) -> None:
        name = self._names.get(str(item.data(ITEM_ID_ROLE)), "")
        ground = item.data(GROUND_ROLE)
        withheld = item.checkState() == Qt.CheckState.Checked and ground
        item.setText(f"{name} — {self._titles.get(str(ground), ground)}" if withheld else name)

    def _ticked(self, item: QListWidgetItem) -> None:
        checked = item.checkState() == Qt.CheckState.Checked
        self.items.blockSignals(True)
        try:
            item.setData(GROUND_ROLE, self.ground_combo.currentData() if checked else None)
            self._label(item)
        finally:
            self.items.blockSignals(False)

    def withheld(self) -> tuple[Withholding, ...]:
        rows = (self.items.item(row) for row in range(self.items.count()))
        return tuple(
            Withholding(str(item.data(ITEM_ID_ROLE)), str(item.data(GROUND_ROLE)))
            for item in rows
            if item.checkState() == Qt.CheckState.Checked and item.data(GROUND_ROLE)
        )

    def set_editable(self, editable: bool) -> None:
        self.items.setEnabled(editable)
        for widget in (self.ground_combo, self.attach_button, self.labels_button):
            widget.setEnabled(editable)


def office_time(instant: datetime) -> str:
    """2026/11/20 14:05 in Japan time, whatever zone the database gave back."""
    return instant.astimezone(JST).strftime("%Y/%m/%d %H:%M")


class KindDecisionEditor(QGroupBox):
    """The choices for one requested kind."""

    def __init__(
        self, kind: RequestKind, state: DecisionState, language: str, letter_language: str
    ) -> None:
        super().__init__(label(kind, language))
        self.setStyleSheet(GROUP_STYLE)
        self.kind = kind
        catalog = state.catalog
        self._catalog = catalog
        self._previews = state.previews
        self._letter_language = letter_language
        self._editable = True
        self.outcome_combo = QComboBox()
        for outcome in Outcome:
            self.outcome_combo.addItem(label(outcome, language), outcome.value)
        self.reason_list = self._reason_list(catalog)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setStyleSheet(PREVIEW_STYLE)
        self.preview.setAccessibleName(self.tr("Letter wording"))
        self.preview.setFixedHeight(self.preview.fontMetrics().lineSpacing() * 4 + 14)
        self.detail_edit = QPlainTextEdit()
        self.detail_edit.setPlaceholderText(self.tr("What exactly is disclosed, withheld or asked"))
        self.detail_edit.setFixedHeight(self.detail_edit.fontMetrics().height() * 3 + 12)
        for text in (self.preview, self.detail_edit):
            text.setTabChangesFocus(True)  # Tab moves on, never traps the keyboard here
        self.method_combo = QComboBox()
        for method in ResponseMethod:
            self.method_combo.addItem(label(method, language), method.value)
        self.method_impossible = QCheckBox(
            self.tr("The requested method is impossible (the letter says so)")
        )
        self.fee_combo = QComboBox()
        for status in FeeStatus:
            self.fee_combo.addItem(label(status, language), status.value)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Outcome"), self.outcome_combo)
        form.addRow(self.tr("Reasons"), self.reason_list)
        form.addRow(self.tr("Letter wording"), self.preview)
        form.addRow(self.tr("Detail"), self.detail_edit)
        if kind.is_disclosing:
            method_row = QHBoxLayout()
            method_row.addWidget(self.method_combo)
            method_row.addWidget(self.method_impossible, 1)
            form.addRow(self.tr("Response method"), method_row)
        else:
            self.method_combo.hide()
            self.method_impossible.hide()
        form.addRow(self.tr("Fee"), self.fee_combo)
        self.fee_combo.setEnabled(kind.fee_allowed)
        self.outcome_combo.currentIndexChanged.connect(self._update_preview)
        self.method_combo.currentIndexChanged.connect(self._update_method)
        self._update_preview()
        self._update_method()

    def _reason_list(self, catalog: ReasonCatalog) -> QListWidget:
        """The active reasons for this kind by their Japanese title, checkable, all in view."""
        reasons = QListWidget()
        reasons.setAccessibleName(self.tr("Reasons"))
        reasons.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.reason_list = reasons
        offered = self.kind.reasons(catalog)
        for reason in offered:
            self._add_reason(reason)
        reasons.ensurePolished()
        rows = min(max(len(offered), 3), 10)
        reasons.setFixedHeight(reasons.sizeHintForRow(0) * rows + 2 * reasons.frameWidth() + 4)
        reasons.itemChanged.connect(self._update_preview)
        return reasons

    def _add_reason(self, reason: Reason) -> QListWidgetItem:
        item = QListWidgetItem(reason.title_ja)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        item.setData(REASON_CODE_ROLE, reason.code)
        item.setToolTip(f"{reason.legal_basis_ja}\n{reason.title_en}")
        self.reason_list.addItem(item)
        return item

    def reason_item(self, code: str) -> QListWidgetItem | None:
        for row in range(self.reason_list.count()):
            item = self.reason_list.item(row)
            if item.data(REASON_CODE_ROLE) == code:
                return item
        return None

    def checked_codes(self) -> tuple[str, ...]:
        items = (self.reason_list.item(row) for row in range(self.reason_list.count()))
        return tuple(
            str(item.data(REASON_CODE_ROLE))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        )

    def _update_preview(self) -> None:
        full = self.outcome_combo.currentData() == Outcome.FULL.value
        self.reason_list.setEnabled(self._editable and not full)
        wording = "\n".join(
            self._previews[code].letter_text(self._letter_language)
            for code in self.checked_codes()
            if code in self._previews
        )
        if full:
            self.preview.setPlainText(self.tr("(no reason is needed when complying in full)"))
        elif wording:
            self.preview.setPlainText(wording)
        else:
            self.preview.setPlainText(self.tr("(choose at least one reason)"))

    def _update_method(self) -> None:
        # Paper is the law's fallback, so only an electronic record can be impossible.
        electronic = self.method_combo.currentData() == ResponseMethod.ELECTROMAGNETIC.value
        self.method_impossible.setEnabled(self._editable and electronic)
        if not electronic:
            self.method_impossible.setChecked(False)

    def show_decision(self, decision: KindDecision | None) -> None:
        self.reason_list.blockSignals(True)
        try:
            codes = decision.reason_codes if decision else ()
            for code in codes:
                # A reason retired after it was chosen stays visible on this decision.
                if self.reason_item(code) is None and code in self._catalog:
                    self._add_reason(self._catalog[code])
            for row in range(self.reason_list.count()):
                item = self.reason_list.item(row)
                checked = item.data(REASON_CODE_ROLE) in codes
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        finally:
            self.reason_list.blockSignals(False)
        outcome = decision.outcome if decision else Outcome.FULL
        self.outcome_combo.setCurrentIndex(self.outcome_combo.findData(outcome.value))
        self.detail_edit.setPlainText(decision.detail if decision else "")
        if decision is not None and decision.method is not None:
            self.method_combo.setCurrentIndex(self.method_combo.findData(decision.method.value))
        self.method_impossible.setChecked(bool(decision and decision.method_impossible))
        fee = decision.fee_status if decision else FeeStatus.NOT_REQUIRED
        self.fee_combo.setCurrentIndex(self.fee_combo.findData(fee.value))
        self._update_preview()
        self._update_method()

    def decision(self) -> KindDecision:
        disclosure = self.kind.is_disclosing
        outcome = Outcome(str(self.outcome_combo.currentData()))
        return KindDecision(
            kind=self.kind,
            outcome=outcome,
            reason_codes=() if outcome is Outcome.FULL else self.checked_codes(),
            detail=self.detail_edit.toPlainText().strip(),
            method=ResponseMethod(str(self.method_combo.currentData())) if disclosure else None,
            method_impossible=disclosure and self.method_impossible.isChecked(),
            fee_status=FeeStatus(str(self.fee_combo.currentData())),
        )

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        for widget in (self.outcome_combo, self.method_combo):
            widget.setEnabled(editable)
        # Art. 38: only purpose notices and disclosures may carry a fee.
        self.fee_combo.setEnabled(editable and self.kind.fee_allowed)
        self.detail_edit.setReadOnly(not editable)
        self._update_preview()
        self._update_method()


class DecisionPanel(QWidget):
    """Every requested kind's decision for one case, with save, submit and the review history."""

    def __init__(
        self, gui: GuiContext, user: CurrentUser, case_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._gui = gui
        self._user = user
        self._case_id = case_id
        self._state: DecisionState | None = None
        self.editors: dict[RequestKind, KindDecisionEditor] = {}
        self.retained_box: RetainedBox | None = None
        self._after_save: Callable[[], None] | None = None
        self._build()
        self._snapshot = FormSnapshot(self.kinds_box)
        gui.runner.changed.connect(self._on_changes)
        self.reload()

    def _build(self) -> None:
        self.status_label = QLabel()
        font = QFont(self.status_label.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.status_label.setFont(font)
        self.rework_label = QLabel()
        self.rework_label.setWordWrap(True)
        self.rework_label.setStyleSheet(REWORK_STYLE)
        self.rework_label.hide()
        self.kinds_box = QWidget()
        self.kinds_layout = QVBoxLayout(self.kinds_box)
        self.kinds_layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidget(self.kinds_box)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.history = QTableWidget(0, 4)
        self.history.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Reviewer"), self.tr("Result"), self.tr("Comment")]
        )
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.verticalHeader().hide()
        self.history.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.history.setMaximumHeight(130)
        self.history.setAccessibleName(self.tr("Review history"))
        self.save_button = QPushButton(self.tr("&Save decision"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.submit_button = QPushButton(self.tr("Submit for &review"))
        self.submit_button.clicked.connect(self.submit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.submit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addWidget(self.rework_label)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(self.tr("Review history")))
        layout.addWidget(self.history)

    # --- loading --------------------------------------------------------------------------

    @property
    def state(self) -> DecisionState | None:
        return self._state

    def reload(self) -> None:
        services, case_id = self._gui.services, self._case_id

        def load() -> DecisionState:
            decided = decisions.get_decisions(services, case_id)
            data = (
                retained.retained_data(services, case_id)
                if RequestKind.DISCLOSURE in decided.kinds
                else None
            )
            return load_state(decided, reasons.catalog(services), data)

        self._gui.op(self, load).success(self._show).run()

    def _on_changes(self, changes: Changes, initiator: QObject | None) -> None:
        # Someone else's change does not overwrite choices the clerk has not saved yet.
        if self._case_id in changes.cases and (initiator is self or not self.has_unsaved_changes()):
            self.reload()

    def _show(self, state: DecisionState) -> None:
        first = self._state is None or self._state.decided.kinds != state.decided.kinds
        self._state = state
        if first:
            self._build_editors(state)
        chosen = {d.kind: d for d in state.decided.decisions}
        for kind, editor in self.editors.items():
            editor.show_decision(chosen.get(kind))
        if self.retained_box is not None and state.retained is not None:
            disclosure = chosen.get(RequestKind.DISCLOSURE)
            self.retained_box.show_data(state.retained, disclosure.withheld if disclosure else ())
        self._show_status(state)
        self._show_history(state.decided)
        editable = state.decided.editable
        for editor in self.editors.values():
            editor.set_editable(editable)
        if self.retained_box is not None:
            self.retained_box.set_editable(editable)
        self.save_button.setEnabled(editable)
        self.submit_button.setEnabled(state.decided.status is CaseStatus.DECIDED)
        self._snapshot.take()

    def _build_editors(self, state: DecisionState) -> None:
        for editor in self.editors.values():
            editor.deleteLater()
        self.editors = {}
        while self.kinds_layout.count():
            self.kinds_layout.takeAt(0)
        letter_language = self._gui.services.settings.language
        for kind in sorted(state.decided.kinds, key=list(RequestKind).index):
            editor = KindDecisionEditor(kind, state, self._gui.language, letter_language)
            self.editors[kind] = editor
            self.kinds_layout.addWidget(editor)
        self.retained_box = None
        if state.retained is not None:
            box = RetainedBox()
            box.set_reasons(RequestKind.DISCLOSURE.reasons(state.catalog))
            box.attach_button.clicked.connect(self.attach_extract)
            box.labels_button.clicked.connect(self.edit_registry_labels)
            self.retained_box = box
            self.kinds_layout.addWidget(box)
        self.kinds_layout.addStretch(1)

    def _show_status(self, state: DecisionState) -> None:
        decided = state.decided
        text = self.tr("Status: %1").replace("%1", label(decided.status, self._gui.language))
        if decided.decided_by and decided.decided_at is not None:
            text += "　" + self.tr("decided by %1 on %2").replace("%1", decided.decided_by).replace(
                "%2", office_time(decided.decided_at)
            )
        self.status_label.setText(text)
        returned = [r for r in decided.reviews if r.result is ReviewResult.RETURNED]
        if decided.return_comment and returned:
            self.rework_label.setText(
                self.tr("Returned by %1: %2")
                .replace("%1", returned[-1].reviewed_by)
                .replace("%2", decided.return_comment)
            )
            self.rework_label.show()
        else:
            self.rework_label.hide()

    def _show_history(self, decided: CaseDecisions) -> None:
        self.history.setRowCount(len(decided.reviews))
        for row, review in enumerate(decided.reviews):
            values = (
                office_time(review.reviewed_at),
                review.reviewed_by,
                label(review.result, self._gui.language),
                review.comment,
            )
            for column, value in enumerate(values):
                self.history.setItem(row, column, QTableWidgetItem(value))
        self.history.resizeColumnsToContents()
        self.history.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

    # --- actions --------------------------------------------------------------------------

    def chosen_decisions(self) -> tuple[KindDecision, ...]:
        chosen = [editor.decision() for editor in self.editors.values()]
        box = self.retained_box
        if box is None:
            return tuple(chosen)
        return tuple(
            replace(d, withheld=box.withheld())
            if d.kind is RequestKind.DISCLOSURE and d.outcome is Outcome.PARTIAL
            else d
            for d in chosen
        )

    def attach_extract(self) -> None:
        from desktop.gui.extract_dialog import ExtractDialog

        dialog = ExtractDialog(self._gui, self._user, self._case_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.attached.connect(lambda _changes: self._reload_retained())
        dialog.open()

    def edit_registry_labels(self) -> None:
        from desktop.gui.extract_dialog import LabelsDialog

        state = self._state
        data = state.retained if state is not None else None
        registry = (
            next((s for s in data.snapshot.sources if s.key == REGISTRY_SOURCE), None)
            if data is not None
            else None
        )
        if registry is None:
            return
        labels = {c.key: c.label for c in registry.columns if c.label != c.key}
        headers = [c.key for c in registry.columns]
        dialog = LabelsDialog(self._gui, self._user, REGISTRY_SOURCE, headers, labels, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._reload_retained)
        dialog.open()

    def _reload_retained(self) -> None:
        """New data or labels: the list again, the clerk's ticks kept."""
        services, case_id = self._gui.services, self._case_id
        self._gui.op(self, lambda: retained.retained_data(services, case_id)).success(
            self._show_retained
        ).run()

    def _show_retained(self, data: retained.RetainedView) -> None:
        box, state = self.retained_box, self._state
        if box is None or state is None:
            return
        self._state = replace(state, retained=data)
        box.show_data(data, box.withheld())

    def save(self) -> None:
        state = self._state
        if state is None:
            return
        chosen = self.chosen_decisions()
        services, user, case_id = self._gui.services, self._user, self._case_id
        version = state.decided.version
        self._gui.op(
            self,
            lambda: decisions.record_decisions(services, user, case_id, version, chosen),
        ).success(self._saved).failure(self._refused).run()

    def _saved(self, _result: object) -> None:
        proceed, self._after_save = self._after_save, None
        if proceed is not None:
            proceed()

    # --- leaving with unsaved changes -----------------------------------------------------

    def has_unsaved_changes(self) -> bool:
        state = self._state
        return state is not None and state.decided.editable and self._snapshot.changed()

    def unsaved_title(self) -> str:
        return self.tr("The decision")

    def save_then(self, proceed: Callable[[], None]) -> None:
        self._after_save = proceed
        self.save()

    def discard_changes(self) -> None:
        if self._state is not None:
            self._show(self._state)

    def submit(self) -> None:
        state = self._state
        if state is None:
            return
        services, user, case_id = self._gui.services, self._user, self._case_id
        version = state.decided.version
        self._gui.op(
            self, lambda: decisions.submit_for_review(services, user, case_id, version)
        ).failure(self._refused).run()

    def _refused(self, error: KnownError) -> None:
        """The domain's message as it is; the clerk's choices stay on screen to be fixed."""
        self._after_save = None
        self._gui.runner.show_known_error(self, error)
