"""The verification panel: the particulars from the form, the ID and the registered record side by
side (differences highlighted), the checklist with each finding's evidence, the seal comparison for
appointed agents, and the clerk's judgements (form signed/complete, overrides with a comment).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.requests import RequesterType
from desktop.domain.verification import Finding, SealJudgement, Severity, Source
from desktop.gui.context import GuiContext
from desktop.gui.display import format_date, label
from desktop.matching.addresses import ADDRESS_COMPONENTS
from desktop.services import cases, verification
from desktop.services.changes import Changes
from desktop.services.context import CurrentUser
from desktop.services.verification import SealPair, VerificationView

DIFFERENT = QColor("#ffcdd2")  # red 100
SEVERITY_COLORS = {
    Severity.OK: QColor("#2e7d32"),
    Severity.NEEDS_LOOK: QColor("#a35200"),
    Severity.BLOCKING: QColor("#c62828"),
}
SIDES = ("form", "id", "registered")


class VerificationPanel(QWidget):
    evidence_requested = Signal(int, str)  # document id, field name ("" for the whole page)

    def __init__(
        self, gui: GuiContext, user: CurrentUser, case_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._gui = gui
        self._user = user
        self._case_id = case_id
        self._view: VerificationView | None = None
        self._filling = False
        self._build()
        gui.runner.changed.connect(self._on_changes)
        self.reload()

    # --- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.overall_label = QLabel()
        font = QFont(self.overall_label.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.overall_label.setFont(font)

        self.particulars = QTableWidget(2 + len(ADDRESS_COMPONENTS), len(SIDES))
        self.particulars.setHorizontalHeaderLabels(
            [self.tr("Request form"), self.tr("ID document"), self.tr("Registered record")]
        )
        self._component_labels = {
            "postal_code": self.tr("Postal code"),
            "prefecture": self.tr("Prefecture"),
            "municipality": self.tr("City / ward"),
            "town": self.tr("Town"),
            "chome": self.tr("Chōme"),
            "block": self.tr("Block (番)"),
            "lot": self.tr("Lot (号)"),
            "building": self.tr("Building"),
            "room": self.tr("Room"),
            # Names and dates compared in the checklist's details.
            "name": self.tr("Name"),
            "name_kana": self.tr("Furigana"),
            "birth_date": self.tr("Date of birth"),
            "address": self.tr("Address"),
        }
        self.row_labels = [
            self.tr("Name"),
            self.tr("Date of birth"),
            *(self.component_label(component) for component in ADDRESS_COMPONENTS),
        ]
        self.particulars.setVerticalHeaderLabels(self.row_labels)
        self.particulars.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.particulars.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.particulars.setAccessibleName(self.tr("Particulars compared"))

        self.checklist = QTableWidget(0, 3)
        self.checklist.setHorizontalHeaderLabels(
            [self.tr("Result"), self.tr("Check"), self.tr("Details")]
        )
        self.checklist.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.checklist.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.checklist.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.checklist.setWordWrap(True)
        header = self.checklist.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.checklist.setAccessibleName(self.tr("Checklist"))
        self.checklist.cellDoubleClicked.connect(lambda row, _c: self.show_evidence(row))
        self.checklist.itemSelectionChanged.connect(self._update_buttons)
        self.evidence_button = QPushButton(self.tr("Show evidence (Enter)"))
        self.evidence_button.clicked.connect(lambda: self.show_evidence(self._selected_row()))
        self.override_button = QPushButton(self.tr("Change result…"))
        self.override_button.clicked.connect(self.override_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.evidence_button)
        buttons.addWidget(self.override_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.overall_label)
        layout.addWidget(self.particulars, 2)
        layout.addWidget(self.checklist, 4)  # the findings get the most room
        layout.addLayout(buttons)
        layout.addWidget(self._build_form_box())
        layout.addWidget(self._build_seal_box())
        self._update_buttons()

    def _build_form_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Request form"))
        self.signed_check = QCheckBox(self.tr("Signed / sealed"))
        self.complete_check = QCheckBox(self.tr("Every required item filled in"))
        self.missing_edit = QLineEdit()
        self.missing_edit.setPlaceholderText(self.tr("Missing items, if any"))
        self.save_form_button = QPushButton(self.tr("Save form check"))
        self.save_form_button.clicked.connect(self.save_form_check)
        row = QHBoxLayout(box)
        for widget in (self.signed_check, self.complete_check, self.missing_edit):
            row.addWidget(widget)
        row.addWidget(self.save_form_button)
        return box

    def _build_seal_box(self) -> QGroupBox:
        self.seal_box = QGroupBox(self.tr("Seal on the power of attorney vs seal certificate"))
        self.poa_seal = QLabel(self.tr("(not loaded)"))
        self.certificate_seal = QLabel(self.tr("(not loaded)"))
        for image in (self.poa_seal, self.certificate_seal):
            image.setMinimumSize(180, 180)
            image.setAlignment(Qt.AlignmentFlag.AlignCenter)
            image.setStyleSheet("background: white; border: 1px solid #b0bec5;")
        self.load_seals_button = QPushButton(self.tr("Show seals"))
        self.load_seals_button.clicked.connect(self.load_seals)
        self.seal_group = QButtonGroup(self)
        choices = QVBoxLayout()
        self.seal_buttons: dict[SealJudgement, QRadioButton] = {}
        for judgement, text in (
            (SealJudgement.MATCHES, self.tr("Matches")),
            (SealJudgement.DOES_NOT_MATCH, self.tr("Does not match")),
            (SealJudgement.CANNOT_TELL, self.tr("Cannot tell")),
        ):
            button = QRadioButton(text)
            self.seal_group.addButton(button)
            self.seal_buttons[judgement] = button
            button.toggled.connect(lambda on, j=judgement: self._seal_chosen(j) if on else None)
            choices.addWidget(button)
        choices.addWidget(self.load_seals_button)
        # The seal images fold away, so the comparison and the findings keep the height.
        self.seal_content = QWidget()
        row = QHBoxLayout(self.seal_content)
        row.setContentsMargins(0, 0, 0, 0)
        for caption, image in (
            (self.tr("Power of attorney"), self.poa_seal),
            (self.tr("Seal certificate"), self.certificate_seal),
        ):
            column = QVBoxLayout()
            column.addWidget(QLabel(caption))
            column.addWidget(image)
            row.addLayout(column)
        row.addLayout(choices)
        self.seal_toggle = QToolButton()
        self.seal_toggle.setCheckable(True)
        self.seal_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.seal_toggle.toggled.connect(self.show_seal_panel)
        self.seal_summary = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.seal_toggle)
        top.addWidget(self.seal_summary, 1)
        outer = QVBoxLayout(self.seal_box)
        outer.addLayout(top)
        outer.addWidget(self.seal_content)
        self.show_seal_panel(False)
        return self.seal_box

    def show_seal_panel(self, shown: bool) -> None:
        """Unfold or fold the seal images (folded, only the judgement is shown)."""
        self.seal_toggle.blockSignals(True)
        self.seal_toggle.setChecked(shown)
        self.seal_toggle.blockSignals(False)
        self.seal_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.seal_toggle.setText(
            self.tr("Hide the seals") if shown else self.tr("Compare the seals")
        )
        self.seal_content.setVisible(shown)

    # --- loading --------------------------------------------------------------------------

    @property
    def current_view(self) -> VerificationView | None:
        return self._view

    def reload(self) -> None:
        services, case_id = self._gui.services, self._case_id

        def load() -> tuple[VerificationView, bool]:
            detail = cases.get_case(services, case_id)
            return verification.view(services, case_id), (
                detail.requester_type is RequesterType.APPOINTED_AGENT
            )

        self._gui.op(self, load).success(lambda result: self._show(*result)).run()

    def _on_changes(self, changes: Changes, _initiator: QObject | None) -> None:
        if self._case_id in changes.cases:
            self.reload()

    def _show(self, view: VerificationView, appointed_agent: bool) -> None:
        self._view = view
        self._filling = True
        try:
            overall = view.overall
            self.overall_label.setText(
                self.tr("Verification: %1").replace("%1", label(overall, self._gui.language))
            )
            self.overall_label.setStyleSheet(f"color: {SEVERITY_COLORS[overall].name()};")
            self._fill_particulars(view)
            self._fill_checklist(view.findings)
            self.signed_check.setChecked(bool(view.form_signed))
            self.complete_check.setChecked(bool(view.form_complete))
            self.seal_box.setVisible(appointed_agent)
            self.seal_group.setExclusive(False)
            for judgement, button in self.seal_buttons.items():
                button.setChecked(view.seal_judgement is judgement)
            self.seal_group.setExclusive(True)
            judged = self.seal_buttons.get(view.seal_judgement) if view.seal_judgement else None
            self.seal_summary.setText(
                self.tr("Judged: %1").replace("%1", judged.text())
                if judged is not None
                else self.tr("Not judged yet")
            )
        finally:
            self._filling = False
        self._update_buttons()

    def _fill_particulars(self, view: VerificationView) -> None:
        sides = {side.source: side for side in view.sides}
        names_differ = any(v != "match" for v in view.name_verdicts.values())
        births = {s.birth_date for s in view.sides if s.birth_date}
        for column, source in enumerate(SIDES):
            side = sides.get(source)
            values = [
                side.name if side else None,
                format_date(side.birth_date) if side and side.birth_date else None,
            ] + [side.components.get(name) if side else None for name in ADDRESS_COMPONENTS]
            differs = [names_differ, len(births) > 1] + [
                name in view.differing for name in ADDRESS_COMPONENTS
            ]
            for row, (value, differ) in enumerate(zip(values, differs, strict=True)):
                item = QTableWidgetItem(value or "—")
                if differ and value:
                    item.setBackground(QBrush(DIFFERENT))
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.particulars.setItem(row, column, item)

    def _fill_checklist(self, findings: tuple[Finding, ...]) -> None:
        language = self._gui.language
        self.checklist.setRowCount(len(findings))
        for row, finding in enumerate(findings):
            severity = finding.effective_severity
            result = label(severity, language)
            if finding.override is not None:
                result += self.tr(" (changed from %1)").replace(
                    "%1", label(finding.severity, language)
                )
            status = QTableWidgetItem(result)
            status.setForeground(QBrush(SEVERITY_COLORS[severity]))
            status.setData(Qt.ItemDataRole.UserRole, finding.code)
            title = QTableWidgetItem(finding.title_ja if language == "ja" else finding.title_en)
            detail = finding.detail_ja if language == "ja" else finding.detail_en
            if finding.differences:
                detail += "\n" + " / ".join(
                    f"{self.component_label(component)}: {a or '—'} ≠ {b or '—'}"
                    for component, a, b in finding.differences
                )
            if finding.override is not None:
                detail += "\n" + self.tr("Changed by %1: %2").replace(
                    "%1", finding.override.by
                ).replace("%2", finding.override.comment)
            self.checklist.setItem(row, 0, status)
            self.checklist.setItem(row, 1, title)
            self.checklist.setItem(row, 2, QTableWidgetItem(detail))
        self.checklist.resizeRowsToContents()

    def component_label(self, component: str) -> str:
        """An address component's name as the row headers show it (丁目, 番 …)."""
        return self._component_labels.get(component, component)

    # --- actions --------------------------------------------------------------------------

    def _selected_row(self) -> int:
        rows = self.checklist.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _finding(self, row: int) -> Finding | None:
        if self._view is None or not 0 <= row < len(self._view.findings):
            return None
        return self._view.findings[row]

    def _update_buttons(self) -> None:
        finding = self._finding(self._selected_row())
        self.override_button.setEnabled(finding is not None)
        self.evidence_button.setEnabled(
            finding is not None and any(ref.document_id for ref in finding.evidence)
        )

    def keyPressEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        from PySide6.QtGui import QKeyEvent

        if (
            isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.checklist.hasFocus()
        ):
            self.show_evidence(self._selected_row())
            return
        super().keyPressEvent(event)  # type: ignore[arg-type]

    def show_evidence(self, row: int) -> None:
        finding = self._finding(row)
        if finding is None:
            return
        for ref in finding.evidence:
            if ref.document_id is not None and ref.source is not Source.CLERK:
                self.evidence_requested.emit(ref.document_id, ref.field or "")
                return

    def override_selected(self) -> None:
        finding = self._finding(self._selected_row())
        view = self._view
        if finding is None or view is None:
            return
        answer = self._gui.ui.ask_override(self, finding, self._gui.language)
        if answer is None:
            return
        severity, comment = answer
        services, user, case_id = self._gui.services, self._user, self._case_id
        self._gui.op(
            self,
            lambda: verification.override_finding(
                services, user, case_id, view.version, finding.code, severity, comment
            ),
        ).failure(self._refused).run()

    def _refused(self, error: Exception) -> None:
        self._gui.runner.show_known_error(self, error)  # type: ignore[arg-type]
        self.reload()

    def save_form_check(self) -> None:
        view = self._view
        if view is None:
            return
        services, user, case_id = self._gui.services, self._user, self._case_id
        signed = self.signed_check.isChecked()
        complete = self.complete_check.isChecked()
        missing = self.missing_edit.text()
        self._gui.op(
            self,
            lambda: verification.record_form_check(
                services,
                user,
                case_id,
                view.version,
                signed=signed,
                complete=complete,
                missing=missing,
            ),
        ).failure(self._refused).run()

    def _seal_chosen(self, judgement: SealJudgement) -> None:
        view = self._view
        if self._filling or view is None or view.seal_judgement is judgement:
            return
        services, user, case_id = self._gui.services, self._user, self._case_id
        self._gui.op(
            self,
            lambda: verification.record_seal_judgement(
                services, user, case_id, view.version, judgement
            ),
        ).failure(self._refused).run()

    def load_seals(self) -> None:
        self.show_seal_panel(True)
        services, user, case_id = self._gui.services, self._user, self._case_id
        self._gui.op(self, lambda: verification.seal_crops(services, user, case_id)).success(
            self._show_seals
        ).with_progress(self.tr("Finding the seals…")).run()

    def _show_seals(self, pair: SealPair) -> None:
        for data, target in (
            (pair.power_of_attorney, self.poa_seal),
            (pair.seal_certificate, self.certificate_seal),
        ):
            if data is None:
                target.setText(self.tr("No seal found"))
                continue
            pixmap = QPixmap()
            pixmap.loadFromData(data)
            target.setPixmap(
                pixmap.scaled(
                    220,
                    220,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
