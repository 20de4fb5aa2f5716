"""The reason catalog for administrators (理由の管理): every reason, adding one, retiring one.

Reasons are never deleted, because letters already sent cite them, so this dialog offers no way to
delete: a reason that should no longer be chosen is retired, after a confirmation.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import KnownError
from desktop.domain.reasons import Reason, ReasonCatalog, ReasonGround
from desktop.gui.context import GuiContext
from desktop.services import reasons
from desktop.services.context import CurrentUser


class ReasonsDialog(QDialog):
    """The table of all reasons, the form to add one and the "Retire" button."""

    def __init__(self, gui: GuiContext, user: CurrentUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._gui = gui
        self._user = user
        self._reasons: list[Reason] = []
        self._select_after_load: str | None = None  # the reason just added
        self.setWindowTitle(self.tr("Reason catalog"))
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_table(), 1)
        layout.addWidget(self._build_form())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(960, 760)
        self._selection_changed()
        self.reload()

    # --- building ------------------------------------------------------------------------

    def _ground_labels(self) -> dict[ReasonGround, str]:
        return {
            ReasonGround.PROCEDURE: self.tr("Request cannot be processed"),
            ReasonGround.NO_DATA: self.tr("No retained data"),
            ReasonGround.NON_DISCLOSURE: self.tr("Ground for non-disclosure"),
            ReasonGround.OTHER_LAW: self.tr("Other law"),
            ReasonGround.PURPOSE_NOTICE: self.tr("No notice of the purpose of use"),
            ReasonGround.CORRECTION: self.tr("No correction"),
            ReasonGround.SUSPENSION: self.tr("No suspension of use or erasure"),
            ReasonGround.PROVISION_STOP: self.tr("No suspension of provision to third parties"),
        }

    def _build_table(self) -> QGroupBox:
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Code"),
                self.tr("Title (Japanese)"),
                self.tr("Legal basis"),
                self.tr("Ground"),
                self.tr("Retired"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.retire_button = QPushButton(self.tr("&Retire…"))
        self.retire_button.clicked.connect(self.retire_selected)
        row = QHBoxLayout()
        row.addWidget(
            QLabel(
                self.tr("Reasons are never deleted: retired ones stay for letters already sent.")
            )
        )
        row.addStretch(1)
        row.addWidget(self.retire_button)
        box = QGroupBox(self.tr("Reasons"))
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(self.table)
        box_layout.addLayout(row)
        return box

    def _build_form(self) -> QGroupBox:
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(self.tr("lowercase letters, digits and _"))
        self.ground_combo = QComboBox()
        for ground, text in self._ground_labels().items():
            self.ground_combo.addItem(text, ground.value)
        self.basis_ja_edit = QLineEdit()
        self.basis_en_edit = QLineEdit()
        self.title_ja_edit = QLineEdit()
        self.title_en_edit = QLineEdit()
        self.letter_ja_edit = QPlainTextEdit()
        self.letter_en_edit = QPlainTextEdit()
        for edit in (self.letter_ja_edit, self.letter_en_edit):
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(64)
        self.add_button = QPushButton(self.tr("&Add reason"))
        self.add_button.clicked.connect(self.add)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Code"), self.code_edit)
        form.addRow(self.tr("Ground"), self.ground_combo)
        form.addRow(self.tr("Legal basis (Japanese)"), self.basis_ja_edit)
        form.addRow(self.tr("Legal basis (English)"), self.basis_en_edit)
        form.addRow(self.tr("Title (Japanese)"), self.title_ja_edit)
        form.addRow(self.tr("Title (English)"), self.title_en_edit)
        form.addRow(self.tr("Letter wording (Japanese)"), self.letter_ja_edit)
        form.addRow(self.tr("Letter wording (English)"), self.letter_en_edit)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.add_button)
        box = QGroupBox(self.tr("Add a reason (all fields required)"))
        box_layout = QVBoxLayout(box)
        box_layout.addLayout(form)
        box_layout.addLayout(row)
        return box

    # --- the table -----------------------------------------------------------------------

    def reload(self) -> None:
        services = self._gui.services
        self._gui.op(self, lambda: reasons.catalog(services)).success(self._show).run()

    def _show(self, catalog: ReasonCatalog) -> None:
        selected = self.selected()
        wanted = self._select_after_load or (selected.code if selected is not None else None)
        self._select_after_load = None
        language = self._gui.language
        grounds = self._ground_labels()
        self._reasons = catalog.all()
        self.table.setRowCount(len(self._reasons))
        for row, reason in enumerate(self._reasons):
            cells = (
                reason.code,
                reason.title_ja,
                reason.legal_basis(language),
                grounds[reason.ground],
                self.tr("Retired") if reason.retired else "",
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
            if reason.code == wanted:
                self.table.selectRow(row)
                self.table.scrollTo(self.table.model().index(row, 0))
        self._selection_changed()

    def selected(self) -> Reason | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._reasons):
            return None
        return self._reasons[rows[0].row()]

    def _selection_changed(self) -> None:
        reason = self.selected()
        self.retire_button.setEnabled(reason is not None and not reason.retired)

    # --- actions -------------------------------------------------------------------------

    def retire_selected(self) -> None:
        reason = self.selected()
        if reason is None or reason.retired:
            return
        question = self.tr(
            "Retire the reason “%1”? New decisions will no longer offer it; letters already sent "
            "keep citing it. It cannot be deleted."
        ).replace("%1", reason.title(self._gui.language))
        if not self._gui.messages.confirm(self, question, ok_label=self.tr("Retire")):
            return
        services, user, code = self._gui.services, self._user, reason.code
        (
            self._gui.op(self, lambda: reasons.retire_reason(services, user, code))
            .success(lambda _retired: self.reload())
            .failure(self._refused)
            .run()
        )

    def entered_reason(self) -> Reason:
        """The reason as typed in the form (the service checks and trims it)."""
        return Reason(
            code=self.code_edit.text(),
            ground=ReasonGround(str(self.ground_combo.currentData())),
            legal_basis_ja=self.basis_ja_edit.text(),
            legal_basis_en=self.basis_en_edit.text(),
            title_ja=self.title_ja_edit.text(),
            title_en=self.title_en_edit.text(),
            letter_ja=self.letter_ja_edit.toPlainText(),
            letter_en=self.letter_en_edit.toPlainText(),
        )

    def add(self) -> None:
        services, user, reason = self._gui.services, self._user, self.entered_reason()
        self.add_button.setEnabled(False)
        (
            self._gui.op(self, lambda: reasons.add_reason(services, user, reason))
            .success(self._added)
            .failure(self._add_refused)
            .run()
        )

    def _added(self, reason: Reason) -> None:
        self.add_button.setEnabled(True)
        for edit in (
            self.code_edit,
            self.basis_ja_edit,
            self.basis_en_edit,
            self.title_ja_edit,
            self.title_en_edit,
        ):
            edit.clear()
        self.letter_ja_edit.clear()
        self.letter_en_edit.clear()
        self._select_after_load = reason.code
        self.reload()

    def _add_refused(self, error: KnownError) -> None:
        self.add_button.setEnabled(True)
        self._gui.messages.error(self, error.message(self._gui.language))

    def _refused(self, error: KnownError) -> None:
        self._gui.messages.error(self, error.message(self._gui.language))
        self.reload()
