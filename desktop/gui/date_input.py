"""A date typed as text: Western or Japanese era (S60.1.1, 昭和60年1月1日, 1985/1/1), or empty.

`DateInput` attaches to a QLineEdit (from a Designer form) and a hint label beside it: the hint
shows the date in the other calendar while typing, and the text is tidied to 1985/01/01 when the
field is left. Typing stays as fast as in a plain line edit.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit, QLabel, QLineEdit, QWidget

from desktop.domain.eras import parse_date
from desktop.domain.errors import KnownError
from desktop.gui.display import OVERDUE_COLOR, date_with_era, era_text, format_date

_HINT_STYLE = "color: palette(placeholder-text);"
_ERROR_STYLE = f"color: {OVERDUE_COLOR.name()};"


class DateInput(QObject):
    """An optional date in a line edit, parsed with `eras.parse_date`."""

    changed = Signal()

    def __init__(self, edit: QLineEdit, hint: QLabel | None = None, language: str = "ja") -> None:
        super().__init__(edit)
        self.edit = edit
        self.hint = hint
        self.language = language
        self._value: date | None = None
        self._error: KnownError | None = None
        edit.setPlaceholderText(self.tr("e.g. S60.1.1 or 1985/1/1"))
        edit.textChanged.connect(self._typed)
        edit.editingFinished.connect(self._tidy)
        self._show_hint(finished=False)

    @property
    def value(self) -> date | None:
        """The date, or None when the field is empty or not a date (see `error`)."""
        return self._value

    @property
    def error(self) -> KnownError | None:
        return self._error

    @property
    def valid(self) -> bool:
        return self._error is None

    def set_value(self, value: date | None) -> None:
        self.edit.setText(format_date(value))
        self._show_hint(finished=True)

    def _parse(self) -> None:
        text = self.edit.text().strip()
        self._value, self._error = None, None
        if not text:
            return
        try:
            self._value = parse_date(text)
        except KnownError as exc:
            self._error = exc

    def _typed(self) -> None:
        self._parse()
        self._show_hint(finished=False)
        self.changed.emit()

    def _tidy(self) -> None:
        self._parse()
        if self._value is not None and self.edit.text() != format_date(self._value):
            self.edit.blockSignals(True)
            self.edit.setText(format_date(self._value))
            self.edit.blockSignals(False)
        self._show_hint(finished=True)

    def _show_hint(self, *, finished: bool) -> None:
        if self.hint is None:
            return
        if self._error is not None and finished:
            self.hint.setStyleSheet(_ERROR_STYLE)
            self.hint.setText(self.tr("Not a date"))
            self.hint.setToolTip(self._error.message(self.language))
        elif self._value is not None:
            self.hint.setStyleSheet(_HINT_STYLE)
            self.hint.setText(era_text(self._value) if finished else date_with_era(self._value))
            self.hint.setToolTip("")
        else:
            self.hint.setStyleSheet(_HINT_STYLE)
            self.hint.setText("")
            self.hint.setToolTip("")


class _TabLeaves(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            parent = watched.parentWidget() if isinstance(watched, QWidget) else None
            if event.key() == Qt.Key.Key_Tab and parent is not None:
                parent.focusNextChild()
                return True
            if event.key() == Qt.Key.Key_Backtab and parent is not None:
                parent.focusPreviousChild()
                return True
        return False


def tab_leaves(edit: QDateEdit) -> None:
    """Make Tab leave a QDateEdit (by default it walks year → month → day first).

    The sections are still reached with the arrow keys, and typing digits fills them in order.
    """
    edit.installEventFilter(_TabLeaves(edit))
