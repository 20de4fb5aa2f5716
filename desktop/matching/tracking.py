"""Japan Post tracking numbers (追跡番号・書留番号): normalize, recognize the service, check digit.

- 書留 / 簡易書留 / 現金書留 / 特定記録: 11 digits, printed ###-##-#####-#.
- ゆうパック / レターパック: 12 digits, printed ####-####-####.
- International: UPU S10, two letters + 8 digits + check digit + country (RR123456785JP).

The domestic check digits are unofficial (inferred from real labels, ARCHITECTURE.md "Facts"): a
failed check is a warning ("please re-check the number"), never a reason to refuse the number.
"""

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "MailService",
    "TrackingCheck",
    "check_tracking",
    "format_tracking",
    "normalize_tracking",
]


class MailService(StrEnum):
    """The kind of mail a tracking number belongs to."""

    REGISTERED = "registered"  # 書留・簡易書留・現金書留・特定記録, 11 digits
    PARCEL = "parcel"  # ゆうパック・レターパック, 12 digits
    INTERNATIONAL = "international"  # UPU S10, e.g. RR123456785JP


@dataclass(frozen=True)
class TrackingCheck:
    """The result of checking a tracking number as typed or read by OCR."""

    number: str  # as typed
    normalized: str  # digits only, or the upper-case S10 form
    service: MailService | None
    valid_format: bool
    check_digit_ok: bool | None  # None when the format is invalid
    formatted: str  # display form with hyphens, or `normalized` when the format is invalid

    def to_json(self) -> dict[str, object]:
        """The fields of `kaiji check-tracking --json`."""
        return {
            "number": self.number,
            "normalized": self.normalized,
            "service": None if self.service is None else self.service.value,
            "valid_format": self.valid_format,
            "check_digit_ok": self.check_digit_ok,
        }


# Hyphen and dash look-alikes seen in typed and OCR'd numbers. NFKC maps ‑ to ‐, ｰ to ー,
# － ﹣ to -, ﹘ to —, but leaves ‐ ‒ – — ― − ー ─ ━ as they are.
_DASHES = frozenset(
    "-\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\u30fc\uff70\u2500\u2501\uff0d\ufe63\ufe58"
)
_REGISTERED = re.compile(r"[0-9]{11}")
_PARCEL = re.compile(r"[0-9]{12}")
_S10 = re.compile(r"[A-Z]{2}[0-9]{9}[A-Z]{2}")
_S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)
_MAX_PASSES = 8


def _normalize_once(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).upper()
    return "".join(c for c in folded if c not in _DASHES and not c.isspace())


def normalize_tracking(text: str) -> str:
    """The number without spaces or dashes, full-width folded (NFKC), in upper case."""
    # Removing a dash can join a letter and a combining mark that NFKC then composes, and upper
    # case can produce characters NFKC changes again: repeat until nothing changes.
    current = text
    for _ in range(_MAX_PASSES):
        following = _normalize_once(current)
        if following == current:
            break
        current = following
    return current


def _s10_check_digit(serial: str) -> int:
    remainder = 11 - sum(int(d) * w for d, w in zip(serial, _S10_WEIGHTS, strict=True)) % 11
    return {10: 0, 11: 5}.get(remainder, remainder)


def _service_and_check(normalized: str) -> tuple[MailService | None, bool | None]:
    if _REGISTERED.fullmatch(normalized):
        return MailService.REGISTERED, int(normalized[:10]) % 7 == int(normalized[10])
    if _PARCEL.fullmatch(normalized):
        return MailService.PARCEL, int(normalized[:11]) % 7 == int(normalized[11])
    if _S10.fullmatch(normalized):
        return MailService.INTERNATIONAL, _s10_check_digit(normalized[2:10]) == int(normalized[10])
    return None, None


def format_tracking(normalized: str) -> str:
    """The display form: 123-45-67890-1, 1234-5678-9012, RR123456785JP.

    The argument is normalized first (so already formatted text is fine); a number of no known
    format is returned normalized.
    """
    normalized = normalize_tracking(normalized)
    service, _ = _service_and_check(normalized)
    if service is MailService.REGISTERED:
        n = normalized
        return f"{n[:3]}-{n[3:5]}-{n[5:10]}-{n[10]}"
    if service is MailService.PARCEL:
        n = normalized
        return f"{n[:4]}-{n[4:8]}-{n[8:]}"
    return normalized


def check_tracking(text: str) -> TrackingCheck:
    """Recognize the service of a tracking number and verify its check digit."""
    normalized = normalize_tracking(text)
    service, check_digit_ok = _service_and_check(normalized)
    return TrackingCheck(
        number=text,
        normalized=normalized,
        service=service,
        valid_format=service is not None,
        check_digit_ok=check_digit_ok,
        formatted=format_tracking(normalized),
    )
