"""Numbers Kaiji Desk must never keep (ARCHITECTURE.md): where they are on a page, and masking them.

- My Number (個人番号): 12 digits with a valid check digit, anywhere, unless printed as a driver's
  licence number (第 … 号, or on a licence); on a My Number card back every long digit group.
- Health insurance: the 記号・番号 (insurance_number), the 保険者番号 (insurer_number) and any
  QR code on the card, which encodes them.

Masks are filled black rectangles burnt into a copy of the pixels, with a margin around the words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PIL import Image, ImageDraw

from desktop.domain.documents import DocumentKind
from desktop.domain.personal_numbers import digit_runs, is_my_number
from desktop.ocr.engine import Box, Line

__all__ = ["Secret", "burn", "find_secrets", "scrub", "widen"]

MY_NUMBER = "my_number"
INSURANCE_NUMBER = "insurance_number"
INSURER_NUMBER = "insurer_number"

_MY_NUMBER_LABEL = re.compile(r"個\s*人\s*番\s*号|マイナンバー|INDIVIDUAL\s*NUMBER", re.IGNORECASE)
# 者 is often misread (保険才番号): any one character between 保険 and 番号 will do.
_INSURER_LABEL = re.compile(r"(?<!被)保\s*険\s*\S\s*番\s*号")
# The issuer's telephone is printed on the card too, and is no secret.
_PHONE_CONTEXT = re.compile(r"(?:TEL|Tel|tel|電話|℡|☎)\s*[:：.]?\s*$")
_PHONE_SHAPE = re.compile(r"^0\d{1,4}[-\s]\d{1,4}[-\s]\d{3,4}$")
_INSURANCE_LABEL = re.compile(r"記\s*号|(?<!者)番\s*号|被保険者番号")
_LICENCE_CONTEXT = re.compile(r"第\s*$")


@dataclass(frozen=True)
class Secret:
    """A region to black out, why, and the digits it hides (to prove they are gone)."""

    reason: str
    box: Box
    digits: str


def widen(box: Box, size: tuple[int, int], margin: int) -> Box:
    """`box` grown by `margin` pixels on every side, kept inside an image of `size`."""
    return (
        max(0, box[0] - margin),
        max(0, box[1] - margin),
        min(size[0], box[2] + margin),
        min(size[1], box[3] + margin),
    )


def _is_date_part(text: str, end: int) -> bool:
    return text[end : end + 1] in ("年", "月", "日", ".", "/")


def _long_runs(line: Line, start: int = 0, min_digits: int = 4) -> list[tuple[int, int, str]]:
    return [
        (s, e, d)
        for s, e, d in digit_runs(line.text)
        if s >= start and len(d) >= min_digits and not _is_date_part(line.text, e)
    ]


def _my_numbers(lines: list[Line], kind: DocumentKind) -> list[Secret]:
    secrets: list[Secret] = []
    labelled = -2
    for i, line in enumerate(lines):
        label = _MY_NUMBER_LABEL.search(line.text)
        if label is not None:
            labelled = i
        near_label = label is not None or i == labelled + 1
        for start, end, digits in digit_runs(line.text):
            valid = is_my_number(digits)
            as_licence = (
                kind is DocumentKind.DRIVERS_LICENSE
                or _LICENCE_CONTEXT.search(line.text[:start]) is not None
            ) and label is None
            long_group = len(digits) >= 4 and not _is_date_part(line.text, end)
            if (valid and not as_licence) or (
                long_group and (kind is DocumentKind.MYNUMBER_BACK or near_label)
            ):
                secrets.append(Secret(MY_NUMBER, line.span_box(start, end), digits))
    return secrets


def _is_phone(text: str, start: int, end: int) -> bool:
    return bool(_PHONE_CONTEXT.search(text[:start]) or _PHONE_SHAPE.match(text[start:end].strip()))


def _insurance_numbers(lines: list[Line]) -> list[Secret]:
    secrets: list[Secret] = []
    for line in lines:
        insurer = _INSURER_LABEL.search(line.text)
        taken: list[tuple[int, int]] = []
        if insurer is not None:
            for s, e, d in _long_runs(line, insurer.end(), min_digits=1):
                secrets.append(Secret(INSURER_NUMBER, line.span_box(s, e), d))
                taken.append((s, e))
        label = _INSURANCE_LABEL.search(line.text)
        if label is not None:
            for s, e, d in _long_runs(line, label.end(), min_digits=1):
                if (s, e) not in taken:
                    secrets.append(Secret(INSURANCE_NUMBER, line.span_box(s, e), d))
                    taken.append((s, e))
        # Unlabelled long numbers on an insurance card are its numbers too (a label misread).
        for s, e, d in _long_runs(line, 0, min_digits=5):
            if (s, e) not in taken and not _is_phone(line.text, s, e):
                secrets.append(Secret(INSURANCE_NUMBER, line.span_box(s, e), d))
    return secrets


def find_secrets(lines: list[Line], kind: DocumentKind) -> list[Secret]:
    """The numbers on a page of `kind` that must be blacked out."""
    secrets = _my_numbers(lines, kind)
    if kind is DocumentKind.HEALTH_INSURANCE:
        secrets += _insurance_numbers(lines)
    return secrets


def burn(image: Image.Image, boxes: list[Box]) -> Image.Image:
    """A copy of `image` with `boxes` filled black."""
    masked = image.copy()
    draw = ImageDraw.Draw(masked)
    for box in boxes:
        draw.rectangle(box, fill=0)
    return masked


def scrub(text: str, secrets: list[str]) -> str:
    """`text` with every occurrence of the `secrets` digits (spaced or hyphenated) replaced."""
    for digits in sorted(set(secrets), key=len, reverse=True):
        if len(digits) < 4:
            continue
        pattern = r"[ \-]?".join(re.escape(d) for d in digits)
        text = re.sub(pattern, "■" * len(digits), text)
    return text
