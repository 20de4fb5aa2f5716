"""Where the files shipped with Kaiji Desk are: fonts, letter texts, translations, demo data."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """`resources/` of the source tree, or of a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[1] / "resources"


def font_file(name: str) -> Path:
    """A bundled font: `mincho` (IPAex Mincho, letters) or `gothic` (IPAex Gothic)."""
    return resources_dir() / "fonts" / {"mincho": "ipaexm.ttf", "gothic": "ipaexg.ttf"}[name]


def docs_dir() -> Path:
    """`docs/` (the user guide and its screenshots) of the source tree or the bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "docs"
    return Path(__file__).resolve().parents[1] / "docs"


def bundled_tessdata() -> Path | None:
    """The Tesseract data shipped inside a bundle (`tessdata/`), or None in a source install."""
    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle) / "tessdata" if bundle else None
