"""Text cells that a spreadsheet opens safely: the one rule for every CSV Kaiji Desk writes.

A cell starting with = + - @ (or a tab or carriage return before one) is read by Excel and
LibreOffice as a formula, which can run commands or leak data when the requester opens the file
(CSV injection): "=HYPERLINK(…)" in a requester's name must stay text. Such a cell gets a leading
apostrophe: shown as text, the value still readable. A number is never a formula ("-500" stays).
"""

from __future__ import annotations

from collections.abc import Iterable

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: object) -> str:
    """`cell` as text a spreadsheet will not evaluate."""
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return str(cell)
    text = "" if cell is None else str(cell)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def neutralise_row(cells: Iterable[object]) -> list[str]:
    return [neutralise(cell) for cell in cells]
