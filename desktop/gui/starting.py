"""The GUI while the database is still being opened behind the log-in window.

The log-in window paints before SQLAlchemy and the services are imported (ARCHITECTURE.md "Facts":
start-up time); this object stands for the `GuiContext` until the database is open, checked and
upgraded, and tells whoever waits (`ready`). Only Qt and light modules are imported here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal

if TYPE_CHECKING:
    from desktop.gui.context import GuiContext
    from desktop.gui.operations import OperationRunner


class PendingGui(QObject):
    """The runner and preferences now; the `GuiContext` once the database is ready."""

    ready = Signal()

    def __init__(self, runner: OperationRunner, prefs: QSettings) -> None:
        super().__init__()
        self.runner = runner
        self.prefs = prefs
        self.gui: GuiContext | None = None

    @property
    def language(self) -> str:
        return self.runner.language

    def become_ready(self, gui: GuiContext) -> None:
        self.gui = gui
        self.ready.emit()
