"""The composition root: build settings, database, services and the GUI, in one logged sequence.

    Paths and settings → QApplication (name, font, translators, excepthook, log file) →
    log-in window painted → on the database thread: engine → connection check → schema
    upgrade → ServiceContext → Log in enabled → main window

The log-in window paints before SQLAlchemy and the services are imported; a failure to open the
database closes it and is told as it was before any window (`_fail_at_start`).

Nothing else creates these objects; each window gets what it needs by constructor. Imports are
lazy so the first window appears quickly (ARCHITECTURE.md "Facts": start-up time).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

    from desktop.config import Paths, Settings
    from desktop.domain.errors import KnownError
    from desktop.gui.crash_reporting import ErrorHandler
    from desktop.gui.messages import QtMessages
    from desktop.gui.starting import PendingGui
    from desktop.services.context import ServiceContext
    from desktop.store.db import Engine

log = logging.getLogger("kaiji.app")

EXIT_OK = 0
EXIT_NO_USERS = 1
EXIT_START_FAILED = 2
EXIT_NO_PAINT = 3
FIRST_PAINT_TIMEOUT_MS = 30_000
APP_NAME = "Kaiji Desk"
ORGANIZATION = "kaiji-desk"


def run_gui(
    *,
    database_url: str | None = None,
    exit_after_start: bool | str = False,
    language: str | None = None,
) -> int:
    """Start the desktop application; returns the process exit code.

    `exit_after_start` (True or "main") opens the main window without logging in (nothing
    sensitive shown, actions disabled) and exits right after its first paint; "login" exits after
    the log-in window's first paint: the smoke test and start-up benchmark.
    Exit codes: 0 normal, 1 no users yet (run `kaiji init`), 2 the database or settings cannot be
    used, 3 the window never painted.
    """
    from desktop.config import Paths
    from desktop.logsetup import logging_to

    mode = EXIT_AFTER_MAIN if exit_after_start is True else (exit_after_start or None)
    paths = Paths.resolve()
    with logging_to(paths.log_dir):
        return _start(paths, database_url, mode, language)


EXIT_AFTER_MAIN = "main"
EXIT_AFTER_LOGIN = "login"


@dataclass
class _Opened:
    """The database as the background start-up left it (the engine is disposed at exit)."""

    engine: Engine | None = None
    services: ServiceContext | None = None
    label: str = ""
    has_users: bool = True


def _start(paths: Paths, database_url: str | None, mode: str | None, language: str | None) -> int:
    from dataclasses import replace

    from desktop.config import load_settings
    from desktop.domain.errors import KnownError
    from desktop.gui.i18n import LANGUAGES

    log.info("starting (log in %s)", paths.log_dir)
    chosen = language if language in LANGUAGES else None
    try:
        settings = load_settings(paths)
    except KnownError as exc:
        return _fail_at_start(exc, chosen or "ja", mode is not None)
    if database_url:
        settings = replace(settings, database_url=database_url)
    chosen = chosen or (settings.language if settings.language in LANGUAGES else "ja")
    opened = _Opened()
    try:
        if mode == EXIT_AFTER_MAIN:
            _open_database(settings, chosen, opened)
        return _run_application(paths, settings, opened, chosen, mode)
    except KnownError as exc:
        return _fail_at_start(exc, chosen, mode is not None)
    finally:
        if opened.engine is not None:
            opened.engine.dispose()
        log.info("stopped")


def _open_database(settings: Settings, language: str, opened: _Opened) -> _Opened:
    """Open, upgrade and check the database (on the database thread behind the log-in window)."""
    from desktop.config import prepare_database_file
    from desktop.gui.display import database_label
    from desktop.services.setup import has_users, start_up
    from desktop.store.db import create_db_engine, refresh_planner_statistics

    url = settings.effective_database_url
    opened.label = database_label(url)
    log.info("opening the database %s", opened.label)
    prepare_database_file(url)
    opened.engine = create_db_engine(url)
    log.info("checking the database schema")
    services: ServiceContext = start_up(opened.engine, settings, on_wait=_waiting_message(language))
    refresh_planner_statistics(opened.engine)
    opened.has_users = has_users(services)
    opened.services = services
    return opened


def _waiting_message(language: str) -> Callable[[KnownError, int], None]:
    """While another workstation holds the database at start: say so, rather than fail."""
    from desktop.services.setup import START_ATTEMPTS

    def on_wait(busy: KnownError, attempt: int) -> None:
        waiting = "待っています" if language == "ja" else "waiting"
        sys.stderr.write(f"{busy.message(language)} ({waiting} {attempt}/{START_ATTEMPTS})\n")

    return on_wait


def _fail_at_start(exc: KnownError, language: str, exit_after_start: bool) -> int:
    """Tell the user why the program cannot start (no dialog in the unattended smoke run)."""
    log.error("cannot start: %s", exc.message("en"))
    if exit_after_start:
        sys.stderr.write(exc.message(language) + "\n")
        return EXIT_START_FAILED
    from desktop.gui.i18n import remove_translators
    from desktop.gui.messages import QtMessages

    app, translators = _make_application(language)
    QtMessages(APP_NAME).error(None, exc.message(language))
    remove_translators(app, translators)
    return EXIT_START_FAILED


def _make_application(language: str) -> tuple[QApplication, list[QTranslator]]:
    """The QApplication with its names, a Japanese-capable font and the translators."""
    from PySide6.QtWidgets import QApplication

    from desktop.gui.i18n import choose_ui_font, install_translators
    from desktop.gui.wheel_guard import install_wheel_guard

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0] if sys.argv else "kaiji"])
    app.setApplicationName(ORGANIZATION)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationDisplayName(APP_NAME)
    app.setFont(choose_ui_font())
    install_wheel_guard(app)
    translators = install_translators(app, language)
    log.info("Qt application ready (language %s, font %s)", language, app.font().family())
    return app, translators


def _run_application(
    paths: Paths, settings: Settings, opened: _Opened, language: str, mode: str | None
) -> int:
    from PySide6.QtCore import QSettings

    from desktop import gc_tuning
    from desktop.gui.crash_reporting import ErrorHandler
    from desktop.gui.i18n import install_translators, remove_translators
    from desktop.gui.messages import QtMessages
    from desktop.gui.operations import OperationRunner, ThreadExecutor
    from desktop.gui.starting import PendingGui
    from desktop.ocr.placement import read_in_workers_only

    gc_tuning.tune()
    read_in_workers_only()  # the window's process reads no page itself
    app, translators = _make_application(language)
    messages = QtMessages(APP_NAME)
    from desktop.logsetup import LOG_FILE

    errors = ErrorHandler(messages, language, paths.log_dir / LOG_FILE)
    errors.install()
    runner = OperationRunner(
        ThreadExecutor(),
        messages,
        language=language,
        on_bug=errors.handle,
        long_executor=ThreadExecutor(thread_name="kaiji-job"),
    )
    prefs = QSettings(str(paths.config_dir / "gui.ini"), QSettings.Format.IniFormat)
    pending = PendingGui(runner, prefs)

    def switch_language(code: str) -> None:
        # Chosen in the log-in dialog, before the main window exists: swap the translators.
        remove_translators(app, translators)
        translators.extend(install_translators(app, code))
        errors.language = code
        _save_language(paths, code)

    def make_gui() -> None:
        from desktop.gui.context import GuiContext

        assert opened.services is not None
        gui = GuiContext(
            opened.services,
            runner,
            prefs,
            opened.label,
            save_language=lambda code: _save_language(paths, code),
        )
        pending.become_ready(gui)

    try:
        if mode == EXIT_AFTER_MAIN:
            from desktop.gui.main_window import MainWindow

            make_gui()
            assert pending.gui is not None
            return _show_and_exit(app, MainWindow(pending.gui, None))
        return _log_in_and_run(
            app, settings, opened, pending, messages, errors, mode, make_gui, switch_language
        )
    finally:
        runner.shutdown()
        errors.uninstall()
        remove_translators(app, translators)
        prefs.sync()


def _log_in_and_run(
    app: QApplication,
    settings: Settings,
    opened: _Opened,
    pending: PendingGui,
    messages: QtMessages,
    errors: ErrorHandler,
    mode: str | None,
    make_gui: Callable[[], None],
    switch_language: Callable[[str], None],
) -> int:
    """The log-in window at once; the database opened behind it once it has painted."""
    from PySide6.QtCore import QCoreApplication

    from desktop.gui.login_dialog import LoginDialog

    login = LoginDialog(pending, on_language=switch_language)
    if mode == EXIT_AFTER_LOGIN:
        return _show_and_exit(app, login)
    failure: list[KnownError] = []
    no_users: list[bool] = []

    def open_in_background() -> None:
        language = pending.language
        (
            pending.runner.op(None, lambda: _open_database(settings, language, opened))
            .success(lambda _opened: ready())
            .failure(failed)
            .run()
        )

    def ready() -> None:
        if not opened.has_users:
            log.error("no users in the database")
            login.reject()
            messages.error(
                None,
                QCoreApplication.translate(
                    "App", "No users exist yet. Run “kaiji init” to create the first administrator."
                ),
            )
            no_users.append(True)
            return
        make_gui()

    def failed(exc: KnownError) -> None:
        failure.append(exc)
        login.reject()

    _on_first_paint(login, open_in_background)
    accepted = login.exec() == LoginDialog.DialogCode.Accepted
    if no_users:
        return EXIT_NO_USERS
    if failure:
        raise failure[0]
    if not accepted or login.user is None:
        log.info("log-in cancelled")
        return EXIT_OK
    from desktop.gui.main_window import MainWindow

    assert pending.gui is not None
    assert opened.services is not None
    window = MainWindow(pending.gui, login.user)
    window.show()
    log.info("main window shown for user %s", login.user.user_id)
    _warn_letterhead(opened.services, messages, window, errors.language)
    from desktop import gc_tuning

    gc_tuning.freeze_loaded()
    return app.exec()


def _warn_letterhead(
    services: ServiceContext, messages: QtMessages, window: QMainWindow, language: str
) -> None:
    """The settings check at start: name the blank letterhead fields before a letter is tried."""
    from desktop.config import letterhead_problem

    problem = letterhead_problem(services.settings)
    if problem is None:
        return
    log.warning("letterhead incomplete: %s", problem.en)
    messages.warning(window, problem.en if language == "en" else problem.ja)


def _on_first_paint(widget: QWidget, then: Callable[[], None]) -> None:
    """Call `then` once, from the event loop, right after `widget` first paints."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                widget.removeEventFilter(self)
                QTimer.singleShot(0, then)
            return False

    widget.installEventFilter(FirstPaint(widget))


def _show_and_exit(app: QApplication, window: QWidget) -> int:
    """Show the window and quit as soon as it has painted once."""
    from PySide6.QtCore import QTimer

    painted: list[bool] = []

    def quit_painted() -> None:
        painted.append(True)
        app.quit()

    _on_first_paint(window, quit_painted)
    timeout = QTimer(window)
    timeout.setSingleShot(True)
    timeout.timeout.connect(lambda: app.exit(EXIT_NO_PAINT))
    timeout.start(FIRST_PAINT_TIMEOUT_MS)
    window.show()
    code = app.exec()
    timeout.stop()
    window.close()
    window.deleteLater()
    if code == EXIT_OK and painted:
        log.info("first paint done, exiting")
        return EXIT_OK
    log.error("the window never painted")
    return EXIT_NO_PAINT


def _save_language(paths: Paths, code: str) -> None:
    """Write the language to the settings file (read fresh, so KAIJI_DB is not written)."""
    from dataclasses import replace

    from desktop.config import load_settings, save_settings
    from desktop.domain.errors import KnownError

    try:
        save_settings(replace(load_settings(paths, environ={}), language=code))
    except (KnownError, OSError) as exc:
        log.warning("cannot save the language setting: %s", exc)
