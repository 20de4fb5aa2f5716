"""Start-up time: `kaiji --exit-after-start` (process start to the main window's first paint)
against a bare Qt baseline measured in the same run (a QWidget shown and painted).

Run on demand: `.venv/bin/python tests/bench/bench_startup.py [--runs N]`. Target: within 4x the
bare-Qt baseline (the app also opens the database and checks the schema).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE_QT = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
w = QWidget(); w.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""


def _timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "KAIJI_HOME": home, "QT_QPA_PLATFORM": "offscreen"}
        env.pop("KAIJI_DB", None)
        password = Path(home) / "pw"
        password.write_text("bench-password", encoding="utf-8")
        kaiji = [sys.executable, "-m", "desktop"]
        subprocess.run(
            [*kaiji, "init", "--admin-password-file", str(password)],
            env=env,
            check=True,
            capture_output=True,
        )
        bare = [_timed([sys.executable, "-c", BARE_QT], env) for _ in range(args.runs)]
        app = [_timed([*kaiji, "--exit-after-start"], env) for _ in range(args.runs)]
    base, ours = statistics.median(bare), statistics.median(app)
    print(f"bare Qt window        {base * 1000:7.0f} ms (median of {args.runs})")  # noqa: T201
    print(f"kaiji first paint     {ours * 1000:7.0f} ms  ratio {ours / base:4.1f}x")  # noqa: T201


if __name__ == "__main__":
    main()
