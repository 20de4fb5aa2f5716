"""The window's start refuses a wrong settings file with a message box naming the key."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from desktop.app import EXIT_START_FAILED, run_gui
from desktop.gui.messages import QtMessages


@pytest.fixture
def kaiji_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    monkeypatch.setenv("KAIJI_HOME", str(home))
    monkeypatch.delenv("KAIJI_DB", raising=False)
    return home


def test_a_bad_setting_is_a_message_box_and_exit_2(
    qapp: QApplication, kaiji_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []

    def record(self: QtMessages, parent: QWidget | None, text: str) -> None:
        said.append(text)

    monkeypatch.setattr(QtMessages, "error", record)
    (kaiji_home / "config" / "kaiji.toml").write_text('due_soon_days = "3"\n', encoding="utf-8")
    assert run_gui(database_url=None, exit_after_start=False, language="en") == EXIT_START_FAILED
    assert len(said) == 1
    assert 'due_soon_days = "3": must be a whole number without quotes' in said[0]
    assert not (kaiji_home / "data").exists()


def test_the_smoke_start_writes_the_message_to_stderr(
    qapp: QApplication, kaiji_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (kaiji_home / "config" / "kaiji.toml").write_text('letter_date_style = "Era"\n', "utf-8")
    assert run_gui(database_url=None, exit_after_start=True, language="ja") == EXIT_START_FAILED
    assert 'letter_date_style = "Era": 使える値は' in capsys.readouterr().err
