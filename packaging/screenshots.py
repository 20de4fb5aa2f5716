"""Screenshots of the real windows on demo data, for the user guide and the README.

    QT_QPA_PLATFORM=offscreen python packaging/screenshots.py [--out docs/screenshots]
        [--size 1366x768] [--language ja]

A fresh database in a temporary folder gets the demo data (`kaiji init --demo` does the same);
the main window and a case window are shown at the given screen size and grabbed as PNGs.
"""

from __future__ import annotations

import argparse
import secrets
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, QSettings, QSize
from PySide6.QtWidgets import QApplication, QWidget

from desktop.config import Paths, Settings
from desktop.domain.status import CaseStatus
from desktop.gui.context import GuiContext
from desktop.gui.i18n import choose_ui_font, install_translators
from desktop.gui.main_window import MainWindow
from desktop.gui.messages import QtMessages
from desktop.gui.operations import ImmediateExecutor, OperationRunner
from desktop.gui.wheel_guard import install_wheel_guard
from desktop.services import case_list, demo
from desktop.services.case_list import CaseQuery
from desktop.services.context import ServiceContext
from desktop.services.setup import initialize
from desktop.store.db import create_db_engine


def _settle(app: QApplication, times: int = 5) -> None:
    for _ in range(times):
        app.processEvents()


def _save(widget: QWidget, folder: Path, name: str, shots: list[Path]) -> None:
    path = folder / f"{name}.png"
    widget.grab().save(str(path))
    shots.append(path)


def _case_in(ctx: ServiceContext, status: CaseStatus) -> tuple[int, str]:
    (row,) = case_list.list_cases(ctx, CaseQuery(statuses=frozenset({status})), 1)
    return row.case_id, row.reference


def take(out: Path, size: QSize, language: str) -> list[Path]:
    """Demo data, the windows at `size`, their PNGs in `out` (returned)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(["kaiji-screenshots"])
    QCoreApplication.setOrganizationName("kaiji-screenshots")
    app.setFont(choose_ui_font())
    install_wheel_guard(app)
    install_translators(app, language)
    out.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        settings = Settings(paths=Paths(folder / "data", folder / "config", folder / "log"))
        for path in (settings.paths.data_dir, settings.paths.config_dir, settings.paths.log_dir):
            path.mkdir(parents=True, exist_ok=True)
        engine = create_db_engine(f"sqlite:///{folder / 'kaiji.db'}")
        try:
            ctx = ServiceContext.on(engine, settings)
            password = secrets.token_urlsafe(12)
            initialize(ctx, engine, settings, admin_password=password)
            demo.load_demo(ctx, password)
            ctx = ServiceContext.on(engine, demo.demo_settings(settings))
            crew = demo.demo_crew(ctx, password)
            runner = OperationRunner(
                ImmediateExecutor(), QtMessages("Kaiji Desk"), language=language
            )
            prefs = QSettings(str(folder / "gui.ini"), QSettings.Format.IniFormat)
            gui = GuiContext(ctx, runner, prefs, "kaiji.db")
            screen = QRect(0, 0, size.width(), size.height())
            _windows(app, gui, ctx, crew, screen, out, shots)
            runner.shutdown()
        finally:
            engine.dispose()
    return shots


def _windows(
    app: QApplication,
    gui: GuiContext,
    ctx: ServiceContext,
    crew: demo.Crew,
    screen: QRect,
    out: Path,
    shots: list[Path],
) -> None:
    window = MainWindow(gui, crew.clerk)
    window.setGeometry(screen)
    window.show()
    _settle(app)
    _save(window, out, "main", shots)
    case_id, reference = _case_in(ctx, CaseStatus.VERIFYING)
    window.show_case(case_id, reference)
    _settle(app)
    _save(window, out, "main_case", shots)
    window.detail.open_workspace_for(case_id, reference)
    workspace = window.detail.workspaces[case_id]
    workspace.fit_to(screen)
    _settle(app)
    steps: list[tuple[str, Callable[[], None]]] = [
        ("documents", lambda: workspace.tabs.setCurrentWidget(workspace.documents)),
        ("verification", lambda: workspace.tabs.setCurrentWidget(workspace.verification)),
        ("decision", lambda: workspace.tabs.setCurrentWidget(workspace.decision)),
        ("letters", lambda: workspace.tabs.setCurrentWidget(workspace.letters)),
    ]
    for name, show in steps:
        show()
        _settle(app)
        _save(workspace, out, name, shots)
    workspace.close()
    window.close()
    _settle(app)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--language", choices=("ja", "en"), default="ja")
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.split("x"))
    for path in take(args.out, QSize(width, height), args.language):
        sys.stdout.write(f"{path}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
