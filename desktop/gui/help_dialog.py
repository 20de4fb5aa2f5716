"""Help: the user guide (docs/guide.LANG.md, with its screenshots) and the list of shortcuts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.resources import docs_dir


def guide_path(language: str) -> Path:
    folder = docs_dir()
    wanted = folder / f"guide.{language}.md"
    return wanted if wanted.is_file() else folder / "guide.en.md"


class GuideDialog(QDialog):
    """The user guide, rendered from Markdown, beside the window (non-modal)."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kaiji Desk user guide"))
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        path = guide_path(language)
        self.browser.setSearchPaths([str(path.parent)])
        self.browser.setSource(QUrl.fromLocalFile(str(path)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(900, 680)


def shortcuts() -> list[tuple[str, str]]:
    """The keys a clerk uses most, with what they do (in the user's language)."""
    return [
        ("Ctrl+N", QCoreApplication.translate("Shortcuts", "Log a newly arrived envelope")),
        ("Ctrl+F", QCoreApplication.translate("Shortcuts", "Search the case list")),
        (
            "F5",
            QCoreApplication.translate(
                "Shortcuts", "Reload the list (in the case window: re-read the page)"
            ),
        ),
        (
            "Enter / Ctrl+D",
            QCoreApplication.translate("Shortcuts", "Open the chosen case's window"),
        ),
        ("Ctrl+G", QCoreApplication.translate("Shortcuts", "Case window: take the next step")),
        (
            "Ctrl+K",
            QCoreApplication.translate("Shortcuts", "Case window: find the registered customer"),
        ),
        ("Ctrl+O", QCoreApplication.translate("Shortcuts", "Case window: add pages from files")),
        (
            "Ctrl+Enter",
            QCoreApplication.translate(
                "Shortcuts", "Save in mail dialogs; approve in the review queue"
            ),
        ),
        ("Ctrl+Shift+R", QCoreApplication.translate("Shortcuts", "Review queue")),
        ("Ctrl+Shift+D", QCoreApplication.translate("Shortcuts", "Dashboard")),
        ("Ctrl+Shift+P", QCoreApplication.translate("Shortcuts", "Print queue")),
        (
            "Esc",
            QCoreApplication.translate(
                "Shortcuts", "Close a window (unsaved changes are asked about first)"
            ),
        ),
        ("Ctrl+Q", QCoreApplication.translate("Shortcuts", "Quit")),
        ("F1", QCoreApplication.translate("Shortcuts", "User guide")),
    ]


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = shortcuts()
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("What they do")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (keys, text) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(620, 480)
