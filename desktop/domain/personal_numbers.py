"""The numbers Kaiji Desk never keeps, and the check digits that tell them apart.

A My Number (個人番号, 番号法 15・20条) and a health-insurance 記号・番号 (collecting them for
identity checks is forbidden since 2020-10-01) must never be stored, whether read from a scan or
typed by a person; a driver's licence number (also 12 digits) is what the clerk needs. The My
Number check digit is official (番号法施行令 8条, ARCHITECTURE.md "Facts"); the licence check
digit is unofficial, so it only ever supports a warning.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from desktop.domain.errors import InvalidInput

__all__ = [
    "PersonalNumberRefused",
    "digit_runs",
    "is_my_number",
    "licence_check_ok",
    "my_number_check_digit",
    "personal_numbers_in",
    "refuse_personal_numbers",
]

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


# Dashes people type between digit groups that NFKC leaves alone.
_DASHES = str.maketrans(
    dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fc\uff70", "-")
)
# An insurance card's 記号 followed by its 番号, or an insurer's or insured person's number.
_INSURANCE = re.compile(
    r"記号\s*[:：]?\s*[^\s番]{1,10}.{0,12}?番号\s*[:：]?\s*\d"
    r"|(?:被保険者|保険者)(?:証)?(?:等)?(?:記号)?[・･]?番号\s*[:：]?\s*\d"
)


def _normalised(text: str) -> str:
    return unicodedata.normalize("NFKC", text).translate(_DASHES)


def personal_numbers_in(text: str) -> tuple[str, ...]:
    """Which never-kept numbers `text` holds: "my_number" (12 digits, in any width, with spaces or
    hyphens, with a valid check digit) and "insurance_number" (a labelled 記号・番号)."""
    plain = _normalised(text)
    found: list[str] = []
    if any(len(digits) == 12 and is_my_number(digits) for _, _, digits in digit_runs(plain)):
        found.append("my_number")
    if _INSURANCE.search(plain):
        found.append("insurance_number")
    return tuple(found)


class PersonalNumberRefused(InvalidInput):
    def __init__(self, field_ja: str, field_en: str, kinds: tuple[str, ...]) -> None:
        what_ja = "・".join(
            {"my_number": "個人番号（マイナンバー）", "insurance_number": "健康保険の記号・番号"}[k]
            for k in kinds
        )
        what_en = " and ".join(
            {"my_number": "a My Number", "insurance_number": "a health-insurance number"}[k]
            for k in kinds
        )
        super().__init__(
            f"「{field_ja}」に{what_ja}が含まれています。法令により保存できません。"
            "番号を削除してから保存してください。",
            f'"{field_en}" contains {what_en}, which the law forbids keeping. '
            "Remove the number, then save.",
        )
        self.kinds = kinds


def refuse_personal_numbers(texts: Mapping[tuple[str, str], str | None]) -> None:
    """Refuse typed text holding a never-kept number: {(label_ja, label_en): text}."""
    for (label_ja, label_en), text in texts.items():
        if text:
            kinds = personal_numbers_in(text)
            if kinds:
                raise PersonalNumberRefused(label_ja, label_en, kinds)
