"""The installed program starts as a user starts it: a real process, a real window."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def _run(args: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "KAIJI_DB"}
    env.update(KAIJI_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_window_opens_paints_and_exits(tmp_path: Path) -> None:
    password = tmp_path / "pw"
    password.write_text("smoke-test-pass", encoding="utf-8")
    init = _run(["init", "--admin-password-file", str(password)], tmp_path)
    assert init.returncode == 0, init.stderr

    started = _run(["--exit-after-start"], tmp_path)

    assert started.returncode == 0, started.stderr
    assert "Traceback" not in started.stderr
    log = (tmp_path / "log" / "kaiji.log").read_text(encoding="utf-8")
    assert "first paint" in log


def test_start_on_an_unreachable_database_says_so(tmp_path: Path) -> None:
    started = _run(
        ["--db", "postgresql+psycopg://kaiji:x@127.0.0.1:1/none", "--exit-after-start"], tmp_path
    )
    assert started.returncode == 2
    assert "Traceback" not in started.stderr
