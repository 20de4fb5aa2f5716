"""Messages and questions to the user, behind one small interface that tests replace.

Dialogs and views never call QMessageBox directly: they get a `Messages` object by constructor, so a
test can swap in a recorder and answer the questions itself.
"""

from __future__ import annotations

from enum import Enum
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)


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
        required: bool = False,
    ) -> str | None:
        """Ask for a line (or lines) of text; None when the user cancelled. `required`: OK stays
        disabled, with a note saying why, until something other than spaces is typed."""
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
        required: bool = False,
    ) -> str | None:
        if required:
            return _ask_required_text(parent, title, label, text, multiline=multiline)
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


def _ask_required_text(
    parent: QWidget | None, title: str, label: str, text: str, *, multiline: bool
) -> str | None:
    """An input dialog that cannot be accepted empty: the warning shows before, not after."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextValue(text)
    if multiline:
        dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
    empty = QCoreApplication.translate("Messages", "Required: the dialog closes once it is filled.")

    def check(value: str) -> None:
        buttons = dialog.findChild(QDialogButtonBox)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok) if buttons else None
        if ok is not None:
            ok.setEnabled(bool(value.strip()))
            ok.setToolTip("" if value.strip() else empty)
        dialog.setLabelText(label if value.strip() else f"{label}\n{empty}")

    dialog.textValueChanged.connect(check)
    dialog.show()  # the buttons exist once shown
    check(text)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    value = dialog.textValue()
    dialog.deleteLater()
    return value if accepted and value.strip() else None
