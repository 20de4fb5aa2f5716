"""What a page's layout says about its kind, beside its words.

Real licences print 運転免許証 vertically, in small type, at the right edge: read line by line it
comes out as single characters one under the other. Cards are cards: a page that is not card
sized is no licence, My Number card or insurance card however many of their words it prints
(a blank municipal form asks for 被保険者 and 保険者番号 too), unless a card was found on it.
"""

from __future__ import annotations

from desktop.domain.documents import DocumentKind
from desktop.ocr.engine import Line

__all__ = ["layout_signs"]

_K = DocumentKind
_VERTICAL_TITLES = {_K.DRIVERS_LICENSE: "運転免許証", _K.RESIDENCE_CARD: "在留カード"}
_CARD_KINDS = (
    _K.DRIVERS_LICENSE,
    _K.MYNUMBER_FRONT,
    _K.MYNUMBER_BACK,
    _K.HEALTH_INSURANCE,
    _K.RESIDENCE_CARD,
)
_TITLE_WEIGHT = 3.0
_NOT_A_CARD = -2.5


def _vertical_title(lines: list[Line], title: str, width: int) -> bool:
    """At least three characters of `title` read as words of their own, one above the other."""
    singles = [
        (word.text, (word.box[0] + word.box[2]) / 2)
        for line in lines
        for word in line.words
        if len(word.text) == 1 and word.text in title
    ]
    for _char, x in singles:
        column = {c for c, other in singles if abs(other - x) < 0.04 * width}
        if len(column) >= 3:
            return True
    return False


def layout_signs(lines: list[Line], width: int, card: bool) -> dict[DocumentKind, float]:
    """Score to add per kind: a vertical title counts as a title; card kinds off a card lose."""
    signs: dict[DocumentKind, float] = {}
    for kind, title in _VERTICAL_TITLES.items():
        if _vertical_title(lines, title, width):
            signs[kind] = _TITLE_WEIGHT
    if not card:
        for kind in _CARD_KINDS:
            signs[kind] = signs.get(kind, 0.0) + _NOT_A_CARD
    return signs
