"""Opening a dialog the way every window does: deleted once closed, window-modal or beside it."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

D = TypeVar("D", bound=QDialog)


def open_dialog(dialog: D, *, modeless: bool = False) -> D:
    """Show `dialog`, window-modal (the window stays visible behind it) or, `modeless`, beside
    the window; it deletes itself when closed."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if modeless:
        dialog.show()
    else:
        dialog.open()
    return dialog
