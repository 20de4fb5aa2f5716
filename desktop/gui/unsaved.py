"""Unsaved work is never thrown away without asking: the one place that asks 保存 / 破棄 /
キャンセル.

An editor that can hold unsaved changes implements `Unsaved`. Before anything would throw its
changes away (closing a dialog or window, showing another case, quitting), the view calls `settle`
or uses a `LeaveGuard`: each editor with changes asks, and the user saves, discards or stays.
Saving runs in the background, so going on may happen later, once the save succeeded (never when
it was refused: the changes are still on screen).

`FormSnapshot` tells whether the input widgets of a form differ from when it was filled, for
forms that have no model of their own to compare against.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QWidget,
)

from desktop.gui.messages import Messages, SaveChoice


class Unsaved(Protocol):
    def has_unsaved_changes(self) -> bool: ...

    def unsaved_title(self) -> str:
        """What holds the changes, as the question names it (e.g. the case's reference)."""
        ...

    def save_then(self, proceed: Callable[[], None]) -> None:
        """Save the changes; call `proceed` once they are saved (not when the save is refused)."""
        ...

    def discard_changes(self) -> None: ...


def question(title: str) -> str:
    return QCoreApplication.translate(
        "Unsaved", "%1 has unsaved changes.\nSave them before going on?"
    ).replace("%1", title)


def settle(
    messages: Messages,
    parent: QWidget | None,
    editors: Sequence[Unsaved],
    proceed: Callable[[], None],
) -> bool:
    """Ask about every editor with unsaved changes, in order.

    True when the caller may go on at once (nothing unsaved, discarded, or saved already); False
    when the user stayed, or when a save is still running — then `proceed` is called once it
    succeeded and the editors after it are settled.
    """
    for index, editor in enumerate(editors):
        if not editor.has_unsaved_changes():
            continue
        choice = messages.ask_save(parent, question(editor.unsaved_title()))
        if choice is SaveChoice.CANCEL:
            return False
        if choice is SaveChoice.DISCARD:
            editor.discard_changes()
            continue
        go_on = partial(_settle_then, messages, parent, editors[index + 1 :], proceed)
        if not _saved_at_once(editor, go_on):
            return False
    return True


def _settle_then(
    messages: Messages,
    parent: QWidget | None,
    editors: Sequence[Unsaved],
    proceed: Callable[[], None],
) -> None:
    if settle(messages, parent, editors, proceed):
        proceed()


def _saved_at_once(editor: Unsaved, then: Callable[[], None]) -> bool:
    """Start saving; True when the save finished at once, else `then` runs once it has."""
    state = {"running": True, "done": False}

    def saved() -> None:
        if state["running"]:
            state["done"] = True
        else:
            then()

    editor.save_then(saved)
    state["running"] = False
    return state["done"]


class LeaveGuard:
    """For a window or dialog: may it close (or move on) now? `leave` closes it once saved."""

    def __init__(
        self,
        messages: Messages,
        parent: QWidget,
        editors: Callable[[], Sequence[Unsaved]],
        leave: Callable[[], object],
    ) -> None:
        self._messages = messages
        self._parent = parent
        self._editors = editors
        self._leave = leave
        self._leaving = False

    def may_leave(self) -> bool:
        """True when nothing unsaved is left; otherwise the user was asked (see `settle`)."""
        if self._leaving:
            return True
        return settle(self._messages, self._parent, self._editors(), self._leave_now)

    def _leave_now(self) -> None:
        self._leaving = True
        try:
            self._leave()
        finally:
            self._leaving = False


def _checked_items(widget: QListWidget) -> tuple[object, ...]:
    items = (widget.item(row) for row in range(widget.count()))
    return tuple(
        item.data(Qt.ItemDataRole.UserRole)
        for item in items
        if item.checkState() == Qt.CheckState.Checked
    )


def _value(widget: QWidget) -> object:  # noqa: PLR0911 — one answer per kind of input
    """What the user entered in an input widget; None for anything else."""
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentData(), widget.currentIndex()
    if isinstance(widget, QDateEdit):
        return widget.date().toJulianDay()
    if isinstance(widget, QSpinBox):
        return widget.value()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked()
    if isinstance(widget, QListWidget):
        return _checked_items(widget)
    return None


class FormSnapshot:
    """The values of every input widget under `root`, to tell whether the user changed any."""

    def __init__(self, root: QWidget) -> None:
        self._root = root
        self._taken: dict[QWidget, object] = {}

    def _values(self) -> dict[QWidget, object]:
        return {
            widget: value
            for widget in self._root.findChildren(QWidget)
            if not (isinstance(widget, QLineEdit) and isinstance(widget.parent(), QComboBox))
            and (value := _value(widget)) is not None
        }

    def take(self) -> None:
        """Remember the values as they are now (just after the form was filled or saved)."""
        self._taken = self._values()

    def changed(self) -> bool:
        """Whether an input the snapshot knew has another value now (new inputs do not count)."""
        now = self._values()
        return any(now.get(widget, value) != value for widget, value in self._taken.items())
