"""What a view asks of the desktop besides messages: printing, previewing and saving PDFs, choosing
files, and the questions that need a dialog of their own.

Views get it through `GuiContext.ui`; the app composes `QtUiServices`, tests pass a stand-in that
records what was printed or saved and answers the questions itself (no modal dialog in a test).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.domain.verification import Finding, Severity


class UiServices(Protocol):
    def print_pdf(self, parent: QWidget, pdf: bytes, title: str) -> str | None:
        """Ask for a printer and print; the printer's name, or None when the user cancelled.
        OSError when the printer fails."""
        ...

    def print_pdfs(self, parent: QWidget, pdfs: Sequence[bytes], title: str) -> str | None:
        """Ask for a printer once and print every PDF, as `print_pdf`."""
        ...

    def preview_pdf(self, parent: QWidget, pdf: bytes, title: str) -> None: ...

    def save_pdf(
        self, parent: QWidget, pdf: bytes, suggested_name: str, caption: str
    ) -> Path | None:
        """Ask where and save; the file written, or None when the user cancelled."""
        ...

    def choose_save_path(
        self, parent: QWidget, caption: str, suggested_name: str, file_filter: str
    ) -> Path | None:
        """Where to write a file; None when the user cancelled."""
        ...

    def choose_open_files(self, parent: QWidget, caption: str, file_filter: str) -> list[Path]:
        """Files to read; empty when the user cancelled."""
        ...

    def choose_open_file(self, parent: QWidget, caption: str, file_filter: str) -> Path | None:
        """One file to read; None when the user cancelled."""
        ...

    def ask_override(
        self, parent: QWidget, finding: Finding, language: str
    ) -> tuple[Severity | None, str] | None:
        """The severity and comment overriding a verification finding; None when cancelled."""
        ...


class QtUiServices:
    """The real thing: Qt's print, preview and file dialogs."""

    def print_pdf(self, parent: QWidget, pdf: bytes, title: str) -> str | None:
        from desktop.gui.printing import print_pdf

        return print_pdf(parent, pdf, title)

    def print_pdfs(self, parent: QWidget, pdfs: Sequence[bytes], title: str) -> str | None:
        from desktop.gui.printing import print_pdfs

        return print_pdfs(parent, pdfs, title)

    def preview_pdf(self, parent: QWidget, pdf: bytes, title: str) -> None:
        from desktop.gui.letters_panel import preview_pdf

        preview_pdf(parent, pdf, title)

    def save_pdf(
        self, parent: QWidget, pdf: bytes, suggested_name: str, caption: str
    ) -> Path | None:
        from desktop.gui.printing import save_pdf

        return save_pdf(parent, pdf, suggested_name, caption)

    def choose_save_path(
        self, parent: QWidget, caption: str, suggested_name: str, file_filter: str
    ) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(parent, caption, suggested_name, file_filter)
        return Path(path) if path else None

    def choose_open_files(self, parent: QWidget, caption: str, file_filter: str) -> list[Path]:
        paths, _ = QFileDialog.getOpenFileNames(parent, caption, "", file_filter)
        return [Path(p) for p in paths]

    def choose_open_file(self, parent: QWidget, caption: str, file_filter: str) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(parent, caption, "", file_filter)
        return Path(path) if path else None

    def ask_override(
        self, parent: QWidget, finding: Finding, language: str
    ) -> tuple[Severity | None, str] | None:
        from desktop.gui.override_dialog import ask_override

        return ask_override(parent, finding, language)
