"""`kaiji` commands that read the settings say what is wrong in them: exit 2, no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import EXIT_UNUSABLE, main


@pytest.fixture
def kaiji_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    monkeypatch.setenv("KAIJI_HOME", str(home))
    monkeypatch.delenv("KAIJI_DB", raising=False)
    return home


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        (["audit", "verify"], 'version = "1.0"'),
        (["purge", "--dry-run"], 'due_soon_days = "3"'),
        (["init", "--admin-password-file", "nowhere"], 'letter_address_policy = "ID"'),
        (["letter", "--case", "1", "--kind", "x", "--out", "x.pdf"], 'letter_date_style = "Era"'),
    ],
)
def test_a_bad_setting_exits_2_naming_it(
    kaiji_home: Path, capsys: pytest.CaptureFixture[str], argv: list[str], line: str
) -> None:
    (kaiji_home / "config" / "kaiji.toml").write_text(line + "\n", encoding="utf-8")
    assert main(argv) == EXIT_UNUSABLE
    err = capsys.readouterr().err
    assert line in err
    assert "設定ファイル" in err
    assert "The settings file" in err
    assert not (kaiji_home / "data" / "kaiji.db").exists()  # stopped before the database


def test_python_m_desktop_prints_the_message_not_a_traceback(kaiji_home: Path) -> None:
    (kaiji_home / "config" / "kaiji.toml").write_text('version = "1.0"\n', encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "audit", "verify"],
        env={**os.environ, "KAIJI_HOME": str(kaiji_home)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == EXIT_UNUSABLE
    assert 'version = "1.0"' in done.stderr
    assert "Traceback" not in done.stderr


def test_commands_without_settings_still_run_with_a_bad_file(
    kaiji_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (kaiji_home / "config" / "kaiji.toml").write_text("typo = 1\n", encoding="utf-8")
    assert main(["parse-date", "令和8年1月2日"]) == 0
    assert "2026-01-02" in capsys.readouterr().out
