"""Messages and questions to the user, behind one small interface that tests replace.

Dialogs and views never call QMessageBox directly: they get a `Messages` object by constructor, so a
test can swap in a recorder and answer the questions itself.
"""

from __future__ import annotations

from enum import Enum
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget


class SaveChoice(Enum):
    """The answer to "save your changes?": 保存 / 破棄 / キャンセル."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class Messages(Protocol):
    """What a view may tell or ask the user."""

    def info(self, parent: QWidget | None, text: str) -> None: ...

    def warning(self, parent: QWidget | None, text: str) -> None: ...

    def error(self, parent: QWidget | None, text: str) -> None: ...

    def confirm(
        self, parent: QWidget | None, text: str, *, ok_label: str = "", cancel_label: str = ""
    ) -> bool:
        """Ask a yes/no question; True when the user chose the OK button."""
        ...

    def ask_text(
        self,
        parent: QWidget | None,
        title: str,
        label: str,
        *,
        text: str = "",
        password: bool = False,
        multiline: bool = False,
    ) -> str | None:
        """Ask for a line (or lines) of text; None when the user cancelled."""
        ...

    def ask_save(self, parent: QWidget | None, text: str) -> SaveChoice:
        """Ask whether to save unsaved changes, throw them away, or stay."""
        ...


class QtMessages:
    """The real thing: modal message boxes and input dialogs."""

    def __init__(self, app_title: str = "") -> None:
        self._title = app_title

    def _window_title(self) -> str:
        return self._title or QCoreApplication.translate("Messages", "Kaiji Desk")

    def _box(self, parent: QWidget | None, icon: QMessageBox.Icon, text: str) -> None:
        box = QMessageBox(icon, self._window_title(), text, QMessageBox.StandardButton.Ok, parent)
        box.exec()

    def info(self, parent: QWidget | None, text: str) -> None:
        self._box(parent, QMessageBox.Icon.Information, text)

    def warning(self, parent: QWidget | None, text: str) -> None:
        self._box(parent, QMessageBox.Icon.Warning, text)

    def error(self, parent: QWidget | None, text: str) -> None:
        self._box(parent, QMessageBox.Icon.Critical, text)

    def confirm(
        self, parent: QWidget | None, text: str, *, ok_label: str = "", cancel_label: str = ""
    ) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self._window_title(),
            text,
            QMessageBox.StandardButton.NoButton,
            parent,
        )
        ok = box.addButton(
            ok_label or QCoreApplication.translate("Messages", "OK"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.addButton(
            cancel_label or QCoreApplication.translate("Messages", "Cancel"),
            QMessageBox.ButtonRole.RejectRole,
        )
        box.setDefaultButton(ok)
        box.exec()
        return box.clickedButton() is ok

    def ask_text(
        self,
        parent: QWidget | None,
        title: str,
        label: str,
        *,
        text: str = "",
        password: bool = False,
        multiline: bool = False,
    ) -> str | None:
        if multiline:
            value, accepted = QInputDialog.getMultiLineText(parent, title, label, text)
        else:
            mode = QLineEdit.EchoMode.Password if password else QLineEdit.EchoMode.Normal
            value, accepted = QInputDialog.getText(parent, title, label, mode, text)
        return value if accepted else None

    def ask_save(self, parent: QWidget | None, text: str) -> SaveChoice:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self._window_title(),
            text,
            QMessageBox.StandardButton.NoButton,
            parent,
        )
        buttons = {
            SaveChoice.SAVE: box.addButton(
                QCoreApplication.translate("Messages", "&Save"), QMessageBox.ButtonRole.AcceptRole
            ),
            SaveChoice.DISCARD: box.addButton(
                QCoreApplication.translate("Messages", "&Discard"),
                QMessageBox.ButtonRole.DestructiveRole,
            ),
            SaveChoice.CANCEL: box.addButton(
                QCoreApplication.translate("Messages", "Cancel"), QMessageBox.ButtonRole.RejectRole
            ),
        }
        box.setDefaultButton(buttons[SaveChoice.SAVE])
        box.setEscapeButton(buttons[SaveChoice.CANCEL])
        box.exec()
        clicked = box.clickedButton()
        return next((c for c, b in buttons.items() if b is clicked), SaveChoice.CANCEL)
