"""Known errors get a friendly message, bugs a crash report; dates and the database label."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from desktop.domain.deadlines import Deadline, DeadlineState
from desktop.domain.errors import InvalidInput
from desktop.gui.crash_reporting import CrashDialog, ErrorHandler, crash_report
from desktop.gui.display import database_label, date_with_era, days_left_text, format_date
from tests.gui.conftest import RecordingMessages


def test_known_error_from_the_excepthook_is_a_friendly_message(
    messages: RecordingMessages, tmp_path: Path
) -> None:
    handler = ErrorHandler(messages, "en", tmp_path / "kaiji.log")
    handler.install()
    try:
        assert sys.excepthook == handler.excepthook
        error = InvalidInput("だめです。", "Not like that.")
        sys.excepthook(type(error), error, None)
    finally:
        handler.uninstall()
    assert sys.excepthook is not handler.excepthook
    assert messages.said == [("error", "Not like that.")]


def test_crash_report_has_the_traceback_and_the_end_of_the_log(tmp_path: Path) -> None:
    log = tmp_path / "kaiji.log"
    log.write_text("\n".join(f"line {i}" for i in range(100)), encoding="utf-8")
    try:
        raise ZeroDivisionError("boom")  # noqa: TRY301 — a real traceback for the report
    except ZeroDivisionError as exc:
        report = crash_report(exc, log)
    assert "ZeroDivisionError: boom" in report
    assert "test_crash_report_has_the_traceback" in report
    assert "line 99" in report
    assert "line 10\n" not in report  # only the tail of the log


def test_crash_dialog_copies_its_report(qtbot: QtBot) -> None:
    dialog = CrashDialog("Traceback: something")
    qtbot.addWidget(dialog)
    dialog.copy_report()
    assert QGuiApplication.clipboard().text() == "Traceback: something"


def test_dates_are_shown_western_with_the_era() -> None:
    assert format_date(date(2026, 11, 20)) == "2026/11/20"
    assert date_with_era(date(2019, 5, 1)) == "2019/05/01（令和元年5月1日）"
    assert format_date(None) == ""


def test_days_left_reads_naturally() -> None:
    def text(days: int) -> str:
        return days_left_text(Deadline(date(2026, 12, 1), days, DeadlineState.ON_TIME, False))

    assert [text(5), text(1), text(0), text(-1), text(-3)] == [
        "5 days",
        "1 day",
        "Due today",
        "1 day over",
        "3 days over",
    ]


def test_database_label_never_shows_a_password() -> None:
    assert database_label("sqlite:////var/lib/kaiji/kaiji.db") == "/var/lib/kaiji/kaiji.db"
    label = database_label("postgresql+psycopg://kaiji:s3cret@db.example.jp:5432/kaiji")
    assert label == "postgresql://db.example.jp:5432/kaiji"
    assert "s3cret" not in label
