"""Language and fonts: Qt translators for our strings and Qt's own, and a Japanese UI font.

Without a CJK font Qt draws Japanese as empty boxes, so the application font is set explicitly.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase

from desktop.resources import resources_dir

log = logging.getLogger("kaiji.gui.i18n")

LANGUAGES = ("ja", "en")
# Preferred UI fonts, best first: Linux packages, then what Windows and macOS ship.
CJK_FONTS = (
    "Noto Sans CJK JP",
    "IPAexGothic",
    "IPAGothic",
    "BIZ UDPGothic",
    "Yu Gothic UI",
    "Meiryo UI",
    "Meiryo",
    "Hiragino Sans",
)
UI_POINT_SIZE = 10


def load_bundled_fonts() -> None:
    """Register the fonts shipped in resources/fonts (if any) with Qt."""
    folder = resources_dir() / "fonts"
    if not folder.is_dir():
        return
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() in {".ttf", ".otf", ".ttc"}:
            QFontDatabase.addApplicationFont(str(path))


def choose_ui_font() -> QFont:
    """A font that has Japanese glyphs, at the usual UI size."""
    load_bundled_fonts()
    available = set(QFontDatabase.families())
    for family in CJK_FONTS:
        if family in available:
            font = QFont(family, UI_POINT_SIZE)
            font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
            return font
    log.warning("no Japanese font found; Japanese text may not display")
    return QFont()


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install our translation and Qt's own for `language`; returns them for later removal."""
    installed: list[QTranslator] = []
    QLocale.setDefault(QLocale("ja_JP" if language == "ja" else "en_US"))
    if language == "en":
        return installed  # the source strings are English
    ours = QTranslator(app)
    qm = resources_dir() / "translations" / f"kaiji_{language}.qm"
    if ours.load(str(qm)):
        app.installTranslator(ours)
        installed.append(ours)
    else:
        log.warning("translation %s not found (run packaging/setup.sh)", qm)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator(app)
    if qtbase.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qtbase)
        installed.append(qtbase)
    else:
        log.warning("Qt's own %s translation not found in %s", language, qt_dir)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
    translators.clear()
