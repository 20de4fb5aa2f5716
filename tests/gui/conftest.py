"""GUI test fixtures: a synchronous operation runner, a message recorder, throwaway QSettings,
and leak checks.

Nothing here touches the user's real settings: QSettings is pointed at the test's tmp folder, and
every widget gets its preferences through an injected QSettings on a file there. Every GUI test
fails when it leaves a visible window, a running QTimer or a live worker thread behind (napari's
`_dangling_*` fixtures).
"""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.config import Paths, Settings
from desktop.domain.requests import RequestKind
from desktop.domain.verification import Finding, Severity
from desktop.gui.case_detail_panel import CaseDetailPanel
from desktop.gui.context import GuiContext
from desktop.gui.messages import SaveChoice
from desktop.gui.operations import ImmediateExecutor, OperationRunner
from desktop.gui.wheel_guard import install_wheel_guard
from desktop.services import cases
from desktop.services.context import CurrentUser, ServiceContext
from desktop.store.db import create_db_engine
from tests.conftest import FrozenClock, Staff, with_test_key


def tracking_number(serial: int) -> str:
    """A valid 11-digit registered-mail number: 10 digits + (their value mod 7)."""
    first = f"{1_000_000_000 + serial:010d}"
    return f"{first}{int(first) % 7}"


@dataclass
class RecordingMessages:
    """Stands in for the message boxes: records what was said and answers from queues."""

    said: list[tuple[str, str]] = field(default_factory=list)
    confirm_answers: list[bool] = field(default_factory=list)
    text_answers: list[str | None] = field(default_factory=list)
    # Without an answer, unsaved changes are discarded (what closing did before anyone asked).
    save_answers: list[SaveChoice] = field(default_factory=list)
    required: list[bool] = field(default_factory=list)  # per ask_text: could OK be empty?

    def texts(self, kind: str | None = None) -> list[str]:
        return [text for k, text in self.said if kind is None or k == kind]

    def info(self, parent: QWidget | None, text: str) -> None:
        self.said.append(("info", text))

    def warning(self, parent: QWidget | None, text: str) -> None:
        self.said.append(("warning", text))

    def error(self, parent: QWidget | None, text: str) -> None:
        self.said.append(("error", text))

    def confirm(
        self, parent: QWidget | None, text: str, *, ok_label: str = "", cancel_label: str = ""
    ) -> bool:
        self.said.append(("confirm", text))
        return self.confirm_answers.pop(0) if self.confirm_answers else False

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
        self.said.append(("ask_text", label))
        self.required.append(required)
        return self.text_answers.pop(0) if self.text_answers else None

    def ask_save(self, parent: QWidget | None, text: str) -> SaveChoice:
        self.said.append(("ask_save", text))
        return self.save_answers.pop(0) if self.save_answers else SaveChoice.DISCARD


def _nothing_printed(_parent: QWidget, _pdf: bytes, _title: str) -> str | None:
    return None


def _nothing_printed_at_once(_parent: QWidget, _pdfs: Sequence[bytes], _title: str) -> str | None:
    return None


def _not_shown(_parent: QWidget, _pdf: bytes, _title: str) -> None:
    return None


def _not_saved(_parent: QWidget, _pdf: bytes, _name: str, _caption: str) -> Path | None:
    return None


def _no_path(_parent: QWidget, _caption: str, _name: str, _filter: str) -> Path | None:
    return None


def _no_files(_parent: QWidget, _caption: str, _filter: str) -> list[Path]:
    return []


def _no_file(_parent: QWidget, _caption: str, _filter: str) -> Path | None:
    return None


def _no_override(
    _parent: QWidget, _finding: Finding, _language: str
) -> tuple[Severity | None, str] | None:
    return None


@dataclass
class FakeUi:
    """Stands in for the desktop's printing, files and dialogs: every one answers "cancelled"
    until a test puts its own function in its place."""

    print_pdf: Callable[[QWidget, bytes, str], str | None] = _nothing_printed
    print_pdfs: Callable[[QWidget, Sequence[bytes], str], str | None] = _nothing_printed_at_once
    preview_pdf: Callable[[QWidget, bytes, str], None] = _not_shown
    save_pdf: Callable[[QWidget, bytes, str, str], Path | None] = _not_saved
    choose_save_path: Callable[[QWidget, str, str, str], Path | None] = _no_path
    choose_open_files: Callable[[QWidget, str, str], list[Path]] = _no_files
    choose_open_file: Callable[[QWidget, str, str], Path | None] = _no_file
    ask_override: Callable[[QWidget, Finding, str], tuple[Severity | None, str] | None] = (
        _no_override
    )


def fake_ui(gui: GuiContext) -> FakeUi:
    """The test's stand-in for the desktop (the `gui` fixture's)."""
    assert isinstance(gui.ui, FakeUi)
    return gui.ui


@pytest.fixture(autouse=True)
def _isolated_qsettings(qapp: QApplication, tmp_path: Path) -> None:
    """Any QSettings() made by mistake lands in tmp, never in the user's real settings; the
    application-wide input guards are installed as the real program installs them."""
    install_wheel_guard(qapp)
    QCoreApplication.setOrganizationName("kaiji-desk-tests")
    QCoreApplication.setApplicationName("kaiji-desk-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(tmp_path / "qsettings"))


def _describe(obj: QObject) -> str:
    name = obj.objectName()
    parent = obj.parent()
    owner = f" in {type(parent).__name__}" if parent is not None else ""
    return f"{type(obj).__name__}{f' {name!r}' if name else ''}{owner}"


@dataclass
class LeakCheck:
    """What was open when a test began: visible windows, running QTimers, non-daemon threads."""

    app: QApplication
    windows: set[QWidget] = field(default_factory=set)
    timers: set[QTimer] = field(default_factory=set)
    threads: set[threading.Thread] = field(default_factory=set)
    thread_grace_s: float = 1.0  # a thread already told to stop gets this long to end

    @classmethod
    def start(cls, app: QApplication) -> LeakCheck:
        check = cls(app)
        check.windows, check.timers, check.threads = (
            check._visible_windows(),
            check._running_timers(),
            check._live_threads(),
        )
        return check

    @staticmethod
    def _visible_windows() -> set[QWidget]:
        return {w for w in QApplication.topLevelWidgets() if w.isVisible()}

    def _running_timers(self) -> set[QTimer]:
        """Active QTimers anywhere under the application or a parentless widget."""
        roots: list[QObject] = [
            self.app,
            *(w for w in QApplication.allWidgets() if w.parent() is None),
        ]
        return {timer for root in roots for timer in root.findChildren(QTimer) if timer.isActive()}

    @staticmethod
    def _live_threads() -> set[threading.Thread]:
        """Non-daemon threads: the ones that would keep the process from exiting."""
        return {t for t in threading.enumerate() if not t.daemon and t.is_alive()}

    def finish(self) -> list[str]:
        """What leaked since `start`, described; leaked windows are closed and timers stopped.

        Deferred deletes are delivered first (`sendPostedEvents`, not a processEvents loop), so
        widgets that were closed and `deleteLater`-ed are gone.
        """
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        problems: list[str] = []
        windows = self._visible_windows() - self.windows
        if windows:
            problems.append("visible windows left open: " + ", ".join(map(_describe, windows)))
        timers = self._running_timers() - self.timers
        if timers:
            problems.append("QTimers left running: " + ", ".join(map(_describe, timers)))
        threads = self._live_threads() - self.threads
        deadline = time.monotonic() + self.thread_grace_s
        for thread in threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        threads = {t for t in threads if t.is_alive()}
        if threads:
            problems.append("threads left running: " + ", ".join(sorted(t.name for t in threads)))
        for window in windows:
            window.close()
            window.deleteLater()
        for timer in timers:
            timer.stop()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return problems


@pytest.fixture(autouse=True)
def _no_leaks(qapp: QApplication) -> Iterator[None]:
    """Fail the test when it leaves visible windows, running timers or live threads behind.

    Autouse and needing only the session's `qapp`, this is set up before the test's other
    fixtures and torn down after them (runners shut down, engines disposed), and after pytest-qt
    has closed the widgets registered with `qtbot.addWidget` (its teardown hook does that before
    any fixture finalizer). What leaked is cleaned up, so one leak does not fail later tests.
    """
    check = LeakCheck.start(qapp)
    yield
    problems = check.finish()
    if problems:
        pytest.fail("; ".join(problems), pytrace=False)


@pytest.fixture
def messages() -> RecordingMessages:
    return RecordingMessages()


@pytest.fixture
def bugs() -> Iterator[list[BaseException]]:
    """Unexpected exceptions from operations; a test fails if any is left over."""
    found: list[BaseException] = []
    yield found
    if found:
        raise found[0]


@pytest.fixture
def runner(
    qapp: QApplication, messages: RecordingMessages, bugs: list[BaseException]
) -> Iterator[OperationRunner]:
    runner = OperationRunner(ImmediateExecutor(), messages, language="ja", on_bug=bugs.append)
    yield runner
    runner.shutdown()
    runner.deleteLater()


@pytest.fixture
def prefs(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "gui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def gui(ctx: ServiceContext, runner: OperationRunner, prefs: QSettings) -> GuiContext:
    saved: list[str] = []
    return GuiContext(ctx, runner, prefs, "/tmp/test.db", save_language=saved.append, ui=FakeUi())


def log_cases(ctx: ServiceContext, actor: CurrentUser, count: int, *, start: int = 0) -> list[int]:
    """`count` cases received over the last weeks (some overdue), through the real service."""
    today = ctx.clock.today()
    ids = []
    kinds = list(RequestKind)
    for i in range(start, start + count):
        logged = cases.log_envelope(
            ctx,
            actor,
            cases.EnvelopeInput(
                tracking_number=tracking_number(i),
                received_on=today - timedelta(days=i % 30),
                sender_name=f"試験 花子{i:04d}",
                sender_address=f"東京都千代田区千代田{i % 9 + 1}-{i % 5 + 1}",
                sender_birth_date=date(1980, 1, 1) + timedelta(days=i),
                request_kinds=frozenset({kinds[i % len(kinds)]}),
            ),
        )
        ids.append(logged.case_id)
    return ids


MANY_CASES = 500


@pytest.fixture(scope="session")
def many_cases_template(
    sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory, key_file: Path
) -> tuple[Path, list[int]]:
    """A database with the staff users and 500 cases, built once (logging them takes seconds)."""
    folder = tmp_path_factory.mktemp("many_cases")
    path = folder / "kaiji.db"
    shutil.copy(sqlite_template, path)
    engine = create_db_engine(f"sqlite:///{path}")
    context = ServiceContext.on(
        engine,
        with_test_key(Settings(paths=Paths(folder, folder, folder)), key_file),
        FrozenClock().as_clock(),
    )
    from desktop.domain.roles import Role

    clerk = next(u for u in _users(context) if u.role is Role.CLERK)
    ids = log_cases(context, clerk, MANY_CASES)
    engine.dispose()  # closing the last connection checkpoints the WAL into the file
    return path, ids


def _users(ctx: ServiceContext) -> list[CurrentUser]:
    from desktop.domain.roles import Role
    from desktop.store import users as user_store
    from desktop.store.db import unit_of_work

    with unit_of_work(ctx.sessions) as session:
        return [
            CurrentUser(u.id, u.username, u.display_name, Role(u.role))
            for u in user_store.all_users(session)
        ]


@pytest.fixture
def ctx_many(
    many_cases_template: tuple[Path, list[int]],
    tmp_path: Path,
    settings: Settings,
    clock: FrozenClock,
    key_file: Path,
) -> Iterator[ServiceContext]:
    """Services on a copy of the 500-case database (use instead of `ctx`)."""
    path = tmp_path / "many.db"
    shutil.copy(many_cases_template[0], path)
    engine = create_db_engine(f"sqlite:///{path}")
    yield ServiceContext.on(engine, with_test_key(settings, key_file), clock.as_clock())
    engine.dispose()


@pytest.fixture
def case_id(ctx: ServiceContext, staff: Staff) -> int:
    """One case received 2026-11-18 under APPI: due 12/02, extendable to 12/16 at the latest."""
    return cases.log_envelope(
        ctx,
        staff.clerk,
        cases.EnvelopeInput(
            tracking_number=tracking_number(1),
            received_on=date(2026, 11, 18),
            sender_name="山田 太郎",
            sender_address="東京都千代田区千代田1-1",
            request_kinds=frozenset({RequestKind.DISCLOSURE}),
        ),
    ).case_id


def open_panel(qtbot: QtBot, gui: GuiContext, user: CurrentUser, case_id: int) -> CaseDetailPanel:
    """A shown, exposed detail panel with `case_id` loaded."""
    panel = CaseDetailPanel(gui, user)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_case(case_id)
    assert panel.case_id == case_id
    return panel
