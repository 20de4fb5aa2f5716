"""The composition root: start-up to the first paint, and the start-up failures."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from desktop.app import EXIT_NO_USERS, EXIT_OK, EXIT_START_FAILED, run_gui
from desktop.gui.messages import QtMessages


@pytest.fixture
def kaiji_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("KAIJI_HOME", str(home))
    monkeypatch.delenv("KAIJI_DB", raising=False)
    return home


def test_exit_after_start_paints_the_window_and_exits(kaiji_home: Path) -> None:
    # In a process of its own: once a QApplication has quit, it is no use to later tests.
    script = (
        "import sys; from desktop.app import run_gui; "
        "sys.exit(run_gui(database_url=None, exit_after_start=True, language='en'))"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == EXIT_OK, done.stderr
    assert (kaiji_home / "data" / "kaiji.db").exists()  # created and migrated
    log = (kaiji_home / "log" / "kaiji.log").read_text(encoding="utf-8")
    assert "opening the database" in log
    assert "first paint done" in log


def test_unreachable_database_exits_2_with_the_reason(
    qapp: QApplication, kaiji_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = "postgresql+psycopg://kaiji:secret@127.0.0.1:9/nowhere?connect_timeout=2"
    assert run_gui(database_url=url, exit_after_start=True, language="ja") == EXIT_START_FAILED
    err = capsys.readouterr().err
    assert "データベースに接続できません" in err
    assert "secret" not in err


def test_no_users_tells_to_run_kaiji_init(
    qapp: QApplication, kaiji_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []

    def record(self: QtMessages, parent: QWidget | None, text: str) -> None:
        said.append(text)

    monkeypatch.setattr(QtMessages, "error", record)
    assert run_gui(database_url=None, exit_after_start=False, language="en") == EXIT_NO_USERS
    assert len(said) == 1
    assert "kaiji init" in said[0]
