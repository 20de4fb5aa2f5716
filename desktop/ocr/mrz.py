"""The machine-readable zone of a passport data page (TD3, ICAO Doc 9303): two lines of 44.

Line 1: `P<` + issuing state + SURNAME<<GIVEN<NAMES. Line 2: number (1–9) + check, nationality,
birth YYMMDD + check, sex, expiry YYMMDD + check, optional data (29–42) + check, composite check
over 1–10, 14–20 and 22–43. A failed check digit is reported, never raised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

__all__ = ["Mrz", "check_digit", "find_td3", "parse_td3", "repair_td3"]

_WEIGHTS = (7, 3, 1)
_LINE = re.compile(r"[A-Z0-9<]{44}")


def _value(char: str) -> int:
    if char.isdigit():
        return int(char)
    if "A" <= char <= "Z":
        return ord(char) - ord("A") + 10
    return 0  # "<" and anything unreadable count as filler


def check_digit(text: str) -> int:
    """The ICAO 9303 check digit of `text`: weights 7, 3, 1 repeating, sum mod 10."""
    return sum(_value(c) * _WEIGHTS[i % 3] for i, c in enumerate(text)) % 10


def _checks(field: str, digit: str) -> bool:
    return digit.isdigit() and check_digit(field) == int(digit)


def _yymmdd(text: str, future: bool) -> date | None:
    if not text.isdigit():
        return None
    year, month, day = int(text[:2]), int(text[2:4]), int(text[4:6])
    # Expiry dates lie ahead (20YY); birth dates behind: a two-digit year after this one is 19YY.
    century = 2000 if future or year <= date.today().year % 100 else 1900
    try:
        return date(century + year, month, day)
    except ValueError:
        return None


@dataclass(frozen=True)
class Mrz:
    """What a TD3 machine-readable zone says, and which of its check digits hold."""

    document_type: str
    issuing_state: str
    surname: str
    given_names: str
    number: str
    nationality: str
    birth_date: date | None
    sex: str
    expiry_date: date | None
    number_ok: bool
    birth_ok: bool
    expiry_ok: bool
    optional_ok: bool
    composite_ok: bool

    @property
    def name(self) -> str:
        """`SURNAME GIVEN NAMES`, as `kaiji ocr` reports a passport's name."""
        return " ".join(part for part in (self.surname, self.given_names) if part)

    @property
    def all_checks_ok(self) -> bool:
        return all(
            (self.number_ok, self.birth_ok, self.expiry_ok, self.optional_ok, self.composite_ok)
        )


def parse_td3(line1: str, line2: str) -> Mrz:
    """Parse the two 44-character lines of a passport's MRZ (padded with `<` when short)."""
    line1 = line1.strip().upper().ljust(44, "<")[:44]
    line2 = line2.strip().upper().ljust(44, "<")[:44]
    names = line1[5:].split("<<", 1)
    surname = names[0].replace("<", " ").strip()
    given = names[1].replace("<", " ").strip() if len(names) > 1 else ""
    optional_ok = _checks(line2[28:42], line2[42]) or (
        line2[28:43].strip("<") == "" and line2[42] in "<0"
    )
    composite = line2[0:10] + line2[13:20] + line2[21:43]
    return Mrz(
        document_type=line1[0:2].replace("<", ""),
        issuing_state=line1[2:5].replace("<", ""),
        surname=" ".join(surname.split()),
        given_names=" ".join(given.split()),
        number=line2[0:9].replace("<", ""),
        nationality=line2[10:13].replace("<", ""),
        birth_date=_yymmdd(line2[13:19], future=False),
        sex=line2[20].replace("<", ""),
        expiry_date=_yymmdd(line2[21:27], future=True),
        number_ok=_checks(line2[0:9], line2[9]),
        birth_ok=_checks(line2[13:19], line2[19]),
        expiry_ok=_checks(line2[21:27], line2[27]),
        optional_ok=optional_ok,
        composite_ok=_checks(composite, line2[43]),
    )


def _clean(text: str) -> str:
    # Tesseract reads the filler "<" as «, ＜, K or spaces between fillers.
    text = text.upper().replace("«", "<<").replace("‹", "<").replace("＜", "<")
    return re.sub(r"\s+", "", text)


def find_td3(lines: list[str]) -> tuple[str, str] | None:
    """The two MRZ lines among OCR'd lines (line 1 starts with `P`), or None."""
    cleaned = [_clean(line) for line in lines]
    for i, text in enumerate(cleaned[:-1]):
        if text.startswith("P") and "<" in text and len(text) >= 30:
            second = cleaned[i + 1]
            if len(second) >= 30 and sum(c.isdigit() for c in second) >= 12:
                return text[:44], second[:46]
    return None


_DIGIT_FIXES = str.maketrans(
    {"O": "0", "Q": "0", "D": "0", "I": "1", "L": "1", "Z": "2", "S": "5", "B": "8"}
)
_DIGIT_SPANS = ((9, 10), (13, 20), (21, 28), (42, 44))


def _fix_digits(line2: str) -> str:
    chars = list(line2)
    for start, end in _DIGIT_SPANS:
        for i in range(start, min(end, len(chars))):
            chars[i] = chars[i].translate(_DIGIT_FIXES)
    return "".join(chars)


def _score(mrz: Mrz) -> int:
    return sum((mrz.number_ok, mrz.birth_ok, mrz.expiry_ok, mrz.optional_ok, mrz.composite_ok))


def repair_td3(line1: str, line2: str) -> Mrz:
    """The reading of the MRZ whose check digits hold best, trying the usual OCR slips: a letter
    read for a digit where only digits may stand, one character too many or too few."""
    line2 = line2.strip().upper()
    variants = [line2]
    if len(line2) > 44:
        variants += [line2[:i] + line2[i + 1 :] for i in range(len(line2))]
    elif len(line2) < 44:
        variants += [line2[:i] + "<" + line2[i:] for i in range(len(line2))]
    best = parse_td3(line1, _fix_digits(line2))
    for variant in variants:
        candidate = parse_td3(line1, _fix_digits(variant[:44].ljust(44, "<")))
        if _score(candidate) > _score(best):
            best = candidate
    return best
