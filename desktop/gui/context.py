"""What every window and dialog is given by the composition root (desktop/app.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QWidget

from desktop.gui.messages import Messages
from desktop.gui.operations import Operation, OperationRunner, Work
from desktop.gui.ui_services import QtUiServices, UiServices
from desktop.services.context import ServiceContext

T = TypeVar("T")


@dataclass
class GuiContext:
    """Services, the background-operation runner, GUI preferences, where the data lives, and the
    desktop's printing, files and dialogs (`ui`)."""

    services: ServiceContext
    runner: OperationRunner
    prefs: QSettings
    database_label: str = ""
    save_language: Callable[[str], None] | None = None  # persists the language for next start
    ui: UiServices = field(default_factory=QtUiServices)

    @property
    def language(self) -> str:
        return self.runner.language

    @property
    def messages(self) -> Messages:
        return self.runner.messages

    def op(self, parent: QObject | None, fn: Callable[[], T]) -> Operation[T]:
        """A background operation on this context's runner."""
        return Operation(parent, fn, self.runner)

    def job(self, parent: QWidget, label: str, work: Work[T]) -> Operation[T]:
        """Long work on this context's runner: progress dialog, Cancel button, long-job thread."""
        return Operation.job(parent, self.runner, label, work)
