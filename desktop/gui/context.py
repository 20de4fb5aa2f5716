"""What every window and dialog is given by the composition root (desktop/app.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QObject, QSettings

from desktop.gui.messages import Messages
from desktop.gui.operations import Operation, OperationRunner
from desktop.services.context import ServiceContext

T = TypeVar("T")


@dataclass
class GuiContext:
    """Services, the background-operation runner, GUI preferences and where the data lives."""

    services: ServiceContext
    runner: OperationRunner
    prefs: QSettings
    database_label: str = ""
    save_language: Callable[[str], None] | None = None  # persists the language for next start

    @property
    def language(self) -> str:
        return self.runner.language

    @property
    def messages(self) -> Messages:
        return self.runner.messages

    def op(self, parent: QObject | None, fn: Callable[[], T]) -> Operation[T]:
        """A background operation on this context's runner."""
        return Operation(parent, fn, self.runner)
