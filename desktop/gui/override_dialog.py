"""Asking the clerk for a different result for one finding, with the reason why (required)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from desktop.domain.verification import Finding, Severity
from desktop.gui.display import label


class OverrideDialog(QDialog):
    def __init__(self, finding: Finding, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change the result of a check"))
        title = finding.title_ja if language == "ja" else finding.title_en
        self.severity_combo = QComboBox()
        for severity in Severity:
            self.severity_combo.addItem(label(severity, language), severity.value)
        self.severity_combo.addItem(self.tr("Back to the computed result"), "")
        current = finding.effective_severity.value
        self.severity_combo.setCurrentIndex(self.severity_combo.findData(current))
        self.comment_edit = QPlainTextEdit()
        self.comment_edit.setPlaceholderText(self.tr("Why? (required; kept in the audit log)"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.comment_edit.textChanged.connect(self._update)
        form = QFormLayout(self)
        form.addRow(self.tr("Check"), QLabel(title))
        form.addRow(self.tr("Computed result"), QLabel(label(finding.severity, language)))
        form.addRow(self.tr("New result"), self.severity_combo)
        form.addRow(self.tr("Reason"), self.comment_edit)
        form.addRow(self.buttons)
        self._update()

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.comment_edit.toPlainText().strip()))

    def answer(self) -> tuple[Severity | None, str]:
        value = str(self.severity_combo.currentData())
        return (Severity(value) if value else None), self.comment_edit.toPlainText().strip()


def ask_override(
    parent: QWidget, finding: Finding, language: str
) -> tuple[Severity | None, str] | None:
    dialog = OverrideDialog(finding, language, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.answer()
    finally:
        dialog.deleteLater()
