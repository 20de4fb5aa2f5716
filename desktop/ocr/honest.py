"""Fields that are plausible or empty: a clerk would rather type a value than trust a wrong one.

Real paper produced confident nonsense: a form's heading or a sentence of a 委任状 as the name,
0000000 as a postal code, a date that cannot be a birth date. Each value read is checked against
what such a field can be; one that fails, or is read with too little confidence, is emptied and
flagged (`<field>_unsure`) for the clerk to fill in from the image.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from desktop.domain.documents import FieldName
from desktop.ocr.results import ABSENT, FieldReading

__all__ = ["plausible_fields"]

_F = FieldName
_MIN_CONFIDENCE = 0.2  # below this the reading is a guess (dates are checked by the calendar)
_SENTENCE = re.compile(r"を|ます|ください|[。、]")
_HEADING = re.compile(
    r"証明書|委任状|請求書|保険証|免許証|カード|住民票|申請|記載|事項|番号|住所|氏名|年月日"
)
_MAX_NAME = 24  # characters, spaces included: 寿限無 aside, a longer "name" is a sentence
_OLDEST = date(1900, 1, 1)


def _name_ok(value: str) -> bool:
    return (
        len(value) <= _MAX_NAME
        and _SENTENCE.search(value) is None
        and _HEADING.search(value) is None
        and any(not c.isdigit() and not c.isspace() for c in value)
    )


_PLACE = re.compile(r"[都道府県市区町村郡丁目番号]|\d")


def _address_ok(value: str) -> bool:
    compact = value.replace(" ", "")
    return (
        len(compact) >= 5 and _PLACE.search(compact) is not None and _SENTENCE.search(value) is None
    )


def _postal_ok(value: str) -> bool:
    digits = re.sub(r"\D", "", value)
    return len(digits) == 7 and digits != "0000000" and not digits.startswith("000")


def _date_ok(value: str, today: date, latest_years: int) -> bool:
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return False
    return _OLDEST <= day <= today.replace(year=today.year + latest_years)


def plausible_fields(
    fields: dict[FieldName, FieldReading], today: date
) -> tuple[dict[FieldName, FieldReading], list[str]]:
    """`fields` with each implausible or too unsure value emptied, and a finding per field."""
    checks: dict[FieldName, Callable[[str], bool]] = {
        _F.NAME: _name_ok,
        _F.NAME_KANA: _name_ok,
        _F.ADDRESS: _address_ok,
        _F.POSTAL_CODE: _postal_ok,
        _F.BIRTH_DATE: lambda v: _date_ok(v, today, 0),
        _F.EXPIRY_DATE: lambda v: _date_ok(v, today, 15),
    }
    kept = dict(fields)
    findings = []
    for name, reading in fields.items():
        if reading.value is None:
            continue
        check = checks.get(name)
        guessed = reading.confidence < _MIN_CONFIDENCE and name in (_F.NAME, _F.ADDRESS)
        if guessed or (check is not None and not check(reading.value)):
            kept[name] = ABSENT
            findings.append(f"{name.value}_unsure")
    return kept, findings
