"""Start-up time: the log-in window's and the main window's first paint (process start to paint)
against a bare Qt baseline measured in the same run (a QWidget shown and painted).

Run on demand: `.venv/bin/python tests/bench/bench_startup.py [--runs N] [--bundle DIR]`.
Targets: the log-in window within 1.5x the bare window, the main window (`--exit-after-start`,
which also opens the database and checks the schema) within 2.5x. With `--bundle DIR` (the
PyInstaller folder `packaging/setup.sh bundle` builds in dist/) the bundle is measured too.
The runs of each kind are interleaved, so load on the shared machine falls on all of them alike.
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


def _programs(bundle: Path | None) -> dict[str, list[str]]:
    """The name of each measured start, and its command line."""
    programs = {"bare Qt window": [sys.executable, "-c", BARE_QT]}
    kaiji = {"source": [sys.executable, "-m", "desktop"]}
    if bundle is not None:
        kaiji["bundle"] = [str(bundle / "kaiji")]
    for install, command in kaiji.items():
        programs[f"{install}: log-in window"] = [*command, "--exit-after-start=login"]
        programs[f"{install}: main window"] = [*command, "--exit-after-start"]
    return programs


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--bundle", type=Path, help="the bundle folder (dist/kaiji) to measure")
    args = parser.parse_args()
    programs = _programs(args.bundle)
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "KAIJI_HOME": home, "QT_QPA_PLATFORM": "offscreen"}
        env.pop("KAIJI_DB", None)
        # An installed program starts from compiled bytecode: let this source tree have it too
        # (kept out of the tree), and warm it up once before timing.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(home) / "pycache")
        password = Path(home) / "pw"
        password.write_text("bench-password", encoding="utf-8")
        subprocess.run(
            [sys.executable, "-m", "desktop", "init", "--admin-password-file", str(password)],
            env=env,
            check=True,
            capture_output=True,
        )
        for command in programs.values():
            _timed(command, env)
        times: dict[str, list[float]] = {name: [] for name in programs}
        for _ in range(args.runs):
            for name, command in programs.items():
                times[name].append(_timed(command, env))
    base = statistics.median(times["bare Qt window"])
    for name, runs in times.items():
        median = statistics.median(runs)
        print(f"{name:28} {median * 1000:7.0f} ms  ratio {median / base:4.1f}x")  # noqa: T201
    print(f"(median of {args.runs} runs each)")  # noqa: T201


if __name__ == "__main__":
    main()
