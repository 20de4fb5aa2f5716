"""Check digits of the 12-digit numbers found on identity documents, to tell them apart.

A My Number (個人番号) must never be kept; a driver's licence number (also 12 digits) is what the
clerk needs. The My Number check digit is official (番号法施行令 8条, DOMAIN.md §3); the licence
check digit is unofficial, so it only ever supports a warning.
"""

from __future__ import annotations

import re

__all__ = ["digit_runs", "is_my_number", "licence_check_ok", "my_number_check_digit"]

_MY_NUMBER_WEIGHTS = (6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
_LICENCE_WEIGHTS = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
# Digits with the separators printed or read between their groups (spaces, hyphens).
_DIGIT_RUN = re.compile(r"\d(?:[ \-]?\d)*")


def my_number_check_digit(first_eleven: str) -> int:
    """The 12th digit of a My Number whose first 11 digits are given."""
    total = sum(int(d) * w for d, w in zip(first_eleven, _MY_NUMBER_WEIGHTS, strict=True))
    remainder = total % 11
    return 0 if remainder <= 1 else 11 - remainder


def is_my_number(digits: str) -> bool:
    """Whether `digits` (exactly 12 ASCII digits) has a valid My Number check digit."""
    if len(digits) != 12 or not digits.isascii() or not digits.isdigit():
        return False
    return my_number_check_digit(digits[:11]) == int(digits[11])


def licence_check_ok(digits: str) -> bool:
    """Whether a 12-digit licence number passes the (unofficial) check on its 11th digit."""
    if len(digits) != 12 or not digits.isascii() or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:10], _LICENCE_WEIGHTS, strict=True))
    return (11 - total % 11) % 10 == int(digits[10])


def digit_runs(text: str) -> list[tuple[int, int, str]]:
    """Runs of digits in `text` (groups joined by single spaces or hyphens): start, end, digits."""
    return [(m.start(), m.end(), re.sub(r"\D", "", m.group())) for m in _DIGIT_RUN.finditer(text)]
