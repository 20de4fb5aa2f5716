"""What a start imports: the read-only commands and the log-in window never load the database layer.

Each check runs in a fresh interpreter, since this test process has long imported everything.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

# The database layer: SQLAlchemy, Alembic, the ciphers and the project's store.
HEAVY = ("sqlalchemy", "alembic", "cryptography", "desktop.store")

_REPORT = """
import json, sys
{body}
heavy = {heavy!r}
loaded = sorted(m for m in sys.modules if any(m == h or m.startswith(h + ".") for h in heavy))
print(json.dumps(loaded))
"""


def _heavy_modules_after(body: str, home: Path) -> list[str]:
    env = {k: v for k, v in os.environ.items() if k != "KAIJI_DB"}
    env.update(KAIJI_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", _REPORT.format(body=body, heavy=HEAVY)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    loaded: list[str] = json.loads(done.stdout.strip().splitlines()[-1])
    return loaded


def _command(args: list[str]) -> str:
    return (
        "import contextlib, io\n"
        "from desktop.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    code = main({args!r})\n"
        "assert code in (0, 1), code\n"
    )


@pytest.mark.parametrize(
    "args",
    [
        ["check-tracking", "10000000003"],
        ["parse-date", "令和5年1月2日"],
        ["match-address", "東京都千代田区千代田1-1", "東京都千代田区千代田一丁目1番"],
        ["match-name", "山田太郎", "山田 太郎"],
    ],
    ids=lambda args: args[0],
)
def test_a_checking_command_does_not_load_the_database_layer(
    args: list[str], tmp_path: Path
) -> None:
    assert _heavy_modules_after(_command(args), tmp_path) == []


def test_ocr_and_the_letter_specimen_do_not_load_the_database_layer(tmp_path: Path) -> None:
    page = tmp_path / "blank.png"
    Image.new("RGB", (600, 400), "white").save(page, dpi=(300, 300))
    body = _command(["ocr", str(page), "--json"]) + _command(
        ["letter", "--specimen", "disclosure", "--out", str(tmp_path / "specimen.pdf")]
    )
    assert _heavy_modules_after(body, tmp_path) == []
    assert (tmp_path / "specimen.pdf").stat().st_size > 0


def test_the_log_in_window_does_not_load_the_database_layer(tmp_path: Path) -> None:
    body = "import desktop.app, desktop.gui.login_dialog\n"
    assert _heavy_modules_after(body, tmp_path) == []


def test_the_main_window_loads_letters_ocr_and_pdf_only_when_opened(tmp_path: Path) -> None:
    lazy = (
        "reportlab",
        "pypdfium2",
        "desktop.letters",
        "desktop.ocr",
        "desktop.gui.case_workspace",
    )
    body = f"import desktop.gui.main_window\nheavy_lazy = {lazy!r}\n"
    body += (
        "early = [m for m in sys.modules if any(m == h or m.startswith(h + '.') "
        "for h in heavy_lazy)]\nassert early == [], early\n"
    )
    # The database layer itself is loaded (the window's services need it).
    assert "sqlalchemy" in _heavy_modules_after(body, tmp_path)
