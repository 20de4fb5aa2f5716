"""Text cells that a spreadsheet opens safely: the one rule for every CSV Kaiji Desk writes.

A cell starting with = + - @ (or a tab or carriage return before one) is read by Excel and
LibreOffice as a formula, which can run commands or leak data when the requester opens the file
(CSV injection). Such a cell gets a leading apostrophe: shown as text, the value still readable.
"""

from __future__ import annotations

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """`cell` as text a spreadsheet will not evaluate."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell
