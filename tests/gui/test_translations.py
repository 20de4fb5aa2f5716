"""The Japanese translation is complete: every string in the code and forms is translated."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "translations" / "kaiji_ja.ts"


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    found: dict[tuple[str, str], ET.Element] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found[(name, message.findtext("source", ""))] = translation
    return found


def test_every_message_has_a_finished_japanese_translation() -> None:
    messages = _messages(TS_FILE)
    assert len(messages) > 100
    unfinished = [
        key
        for key, tr in messages.items()
        if tr.get("type") in {"unfinished", "vanished", "obsolete"} or not tr.text
    ]
    assert unfinished == []


def test_no_string_in_the_sources_is_missing_from_the_translation(tmp_path: Path) -> None:
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    if lupdate is None:
        pytest.fail("pyside6-lupdate is not installed next to the Python running the tests")
    fresh = tmp_path / "fresh.ts"
    sources = [str(p) for p in sorted((ROOT / "desktop" / "gui").glob("*.py"))]
    sources += [str(ROOT / "desktop" / "app.py")]
    sources += [str(p) for p in sorted((ROOT / "ui").glob("*.ui"))]
    subprocess.run([lupdate, "-silent", *sources, "-ts", str(fresh)], check=True, timeout=60)
    missing = set(_messages(fresh)) - set(_messages(TS_FILE))
    assert missing == set(), "run pyside6-lupdate and translate the new strings"
