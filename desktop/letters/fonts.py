"""The bundled IPAex fonts, registered with reportlab once and embedded (subset) in every PDF.

reportlab's CID font HeiseiMin is not embedded and prints differently per viewer, and Noto's .ttc
has PostScript outlines reportlab cannot embed: letters use the bundled TrueType fonts only.
"""

from __future__ import annotations

from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from desktop.domain.errors import KnownError
from desktop.resources import font_file

MINCHO = "KaijiMincho"
GOTHIC = "KaijiGothic"


class LetterFontError(KnownError):
    """A bundled font is missing or damaged, so no letter can be printed."""


@cache
def register_fonts() -> tuple[str, str]:
    """Register IPAex Mincho and Gothic (once per process); returns their names."""
    for name, key in ((MINCHO, "mincho"), (GOTHIC, "gothic")):
        path = font_file(key)
        try:
            pdfmetrics.registerFont(TTFont(name, str(path)))
        except (OSError, TTFError) as exc:
            raise LetterFontError(
                f"文書用フォント {path} を読み込めません。"
                "Kaiji Desk を再インストールしてください。",
                f"Cannot load the letter font {path}; please reinstall Kaiji Desk. ({exc})",
            ) from exc
    return MINCHO, GOTHIC
