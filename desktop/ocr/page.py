"""Reading one scanned page end to end: prepare, orient, read, classify, extract, mask, prove.

One Tesseract pass gives the text, the word boxes and the confidences that classification, field
location and masking all use. Further passes happen only when needed: another orientation when
the first reads as garbage, the passport's MRZ, the large name on certificates and forms read
from its own line, and a re-read of the strips across a masked number to prove that no secret
digit survived (the mask is widened until none does). Digits in the address are given back the
width they are printed in, and variant kanji in the name the form they are printed in, both of
which Tesseract's Japanese model cannot tell.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
from datetime import date

import zxingcpp
from PIL import Image

from desktop.domain.documents import DocumentKind, FieldName
from desktop.domain.personal_numbers import digit_runs, is_my_number
from desktop.ocr.cells import reread_name
from desktop.ocr.classify import classify
from desktop.ocr.engine import Box, Line, Word, read_lines
from desktop.ocr.failsafe import (
    POSSIBLE_MY_NUMBER,
    dark_band,
    digit_groups,
    labelled,
    long_digit_groups,
)
from desktop.ocr.fields import extract_fields
from desktop.ocr.honest import plausible_fields
from desktop.ocr.layout import layout_signs
from desktop.ocr.masking import (
    INSURANCE_NUMBER,
    INSURER_NUMBER,
    MY_NUMBER,
    Secret,
    burn,
    find_secrets,
    scrub,
    widen,
)
from desktop.ocr.passport import read_passport
from desktop.ocr.preprocess import prepare, same_geometry, turn
from desktop.ocr.results import FieldReading, MaskedRegion, PageResult
from desktop.ocr.validate import check_postal_code
from desktop.ocr.variants import refine_variants
from desktop.ocr.width import value_as_printed

__all__ = ["read_page"]

log = logging.getLogger(__name__)

_GOOD_READ = 0.62  # mean word confidence above which the first orientation is kept
_FAIR_READ = 0.5  # below this both ways up, the page may lie on its side
_MASK_ROUNDS = 3
_CARD_RATIO = (1.4, 1.8)  # width / height of an ID-1 card (85.6 × 54 mm: 1.59) as cropped
_LICENCE_MARK = "第"  # a licence number is printed 第 … 号
# Pages that print the name large in a ruled table, where a second look at it pays off.
_NAME_IN_TABLE = (
    DocumentKind.RESIDENCE_CERTIFICATE,
    DocumentKind.SEAL_CERTIFICATE,
    DocumentKind.POWER_OF_ATTORNEY,
    DocumentKind.APPLICATION_FORM,
)


def _quality(lines: list[Line]) -> float:
    """How plausible a reading is: confident characters, upside-down pages read as few of them."""
    return sum(len(w.text) * w.confidence**2 for line in lines for w in line.words)


def _mean_confidence(lines: list[Line]) -> float:
    chars = sum(len(w.text) for line in lines for w in line.words)
    if chars == 0:
        return 0.0
    return sum(len(w.text) * w.confidence for line in lines for w in line.words) / chars


def _blank_page(image: Image.Image) -> bool:
    """Next to no ink (an empty back page): no way up to find, and four readings for nothing."""
    small = image.reduce(8)
    dark = sum(small.point(lambda v: 255 if v < 128 else 0).histogram()[255:])
    return dark < 0.001 * small.width * small.height


def _upright(image: Image.Image, dpi: int) -> tuple[Image.Image, list[Line], int]:
    """The page turned upright and its lines: as scanned when it reads well, else the best of
    a half turn and (when both read badly) the quarter turns."""
    if _blank_page(image):
        return image, [], 0
    lines = read_lines(image, dpi)
    if _mean_confidence(lines) >= _GOOD_READ:
        return image, lines, 0
    tried = [(image, lines, 0)]
    for rotation in (180, 90, 270):
        if rotation == 90 and max(_mean_confidence(t[1]) for t in tried) >= _FAIR_READ:
            break
        turned = turn(image, rotation)
        tried.append((turned, read_lines(turned, dpi), rotation))
    return max(tried, key=lambda t: _quality(t[1]))


def _card_with_a_my_number(page: Image.Image, lines: list[Line]) -> bool:
    """A card-sized page whose number passes the My Number check: the back of the card, when
    blur has taken the small print (個人番号) that names it."""
    ratio = page.width / max(page.height, 1)
    if not _CARD_RATIO[0] <= ratio <= _CARD_RATIO[1]:
        return False
    return any(
        is_my_number(digits) and _LICENCE_MARK not in line.text[:start]
        for line in lines
        for start, _end, digits in digit_runs(line.text)
    )


_SURE = 0.6  # a kind classified at least this surely is not second-guessed as a card back
_NOT_A_BACK = (
    DocumentKind.DRIVERS_LICENSE,
    DocumentKind.PASSPORT,
    DocumentKind.RESIDENCE_CARD,
    DocumentKind.HEALTH_INSURANCE,
    DocumentKind.MYNUMBER_FRONT,
)


def _may_show_my_number(
    color: Image.Image, text: str, lines: list[Line], kind: DocumentKind, confidence: float
) -> bool:
    """Whether a card may be a My Number card back (failsafe.py): a label, a 12-digit group or
    the back's dark band, unless it surely is another card (a licence prints 12 digits too)."""
    if labelled(text) or kind is DocumentKind.MYNUMBER_BACK:
        return True
    if kind in _NOT_A_BACK and confidence >= _SURE:
        return False
    return bool(long_digit_groups(lines)) or dark_band(color) is not None


def _my_number_suspects(page: Image.Image, dpi: int, lines: list[Line]) -> list[Secret]:
    """Every long digit group on a suspected card; the whole card when none can be located."""
    found = [Secret(MY_NUMBER, box, digits) for box, digits in long_digit_groups(lines)]
    found += [Secret(MY_NUMBER, box, digits) for box, digits in digit_groups(page, dpi)]
    if not found:
        return [Secret(POSSIBLE_MY_NUMBER, (0, 0, page.width, page.height), "")]
    return found


def _still_legible(masked: Image.Image, dpi: int) -> list[MaskedRegion]:
    """The proof on a suspected card: a digits-only reading of the masked card. Digits still
    read there are masked by their line; the whole card when more than one line still shows."""
    left = digit_groups(masked, dpi)
    if not left:
        return []
    if len(left) > 1:
        return [MaskedRegion(POSSIBLE_MY_NUMBER, (0, 0, masked.width, masked.height))]
    return [MaskedRegion(MY_NUMBER, widen(box, masked.size, _margin(box, 0.5))) for box, _ in left]


def _qr_boxes(image: Image.Image) -> list[Box]:
    boxes = []
    for barcode in zxingcpp.read_barcodes(
        image, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    ):
        p = barcode.position
        xs = [p.top_left.x, p.top_right.x, p.bottom_left.x, p.bottom_right.x]
        ys = [p.top_left.y, p.top_right.y, p.bottom_left.y, p.bottom_right.y]
        boxes.append((min(xs), min(ys), max(xs), max(ys)))
    return boxes


def _margin(box: Box, scale: float) -> int:
    return max(6, round((box[3] - box[1]) * scale))


def _remaining(lines: list[Line], kind: DocumentKind, secrets: list[Secret]) -> list[Secret]:
    """Secrets still legible in a re-read of the masked page."""
    known = {s.digits for s in secrets if len(s.digits) >= 4}
    # One group of four of a My Number left legible is a leak too.
    known |= {s.digits[i : i + 4] for s in secrets if len(s.digits) >= 12 for i in (0, 4, 8)}
    left = [s for s in find_secrets(lines, kind) if s.reason == MY_NUMBER or s.digits in known]
    for line in lines:
        for start, end, digits in digit_runs(line.text):
            if any(k in digits for k in known):
                left.append(Secret(MY_NUMBER, line.span_box(start, end), digits))
    return left


def _bands(image: Image.Image, boxes: list[Box]) -> list[Box]:
    """The strips of the page across `boxes`, a line's height above and below, merged."""
    bands: list[Box] = []
    for box in sorted(boxes, key=lambda b: b[1]):
        height = box[3] - box[1]
        band = (0, max(0, box[1] - height), image.width, min(image.height, box[3] + height))
        if bands and band[1] <= bands[-1][3]:
            bands[-1] = (0, bands[-1][1], image.width, max(bands[-1][3], band[3]))
        else:
            bands.append(band)
    return bands


def _reread_bands(image: Image.Image, dpi: int, boxes: list[Box]) -> list[Line]:
    """What Tesseract reads now across the masked strips, in page coordinates."""
    found: list[Line] = []
    for band in _bands(image, boxes):
        for line in read_lines(image.crop(band), dpi):
            words = tuple(
                Word(
                    w.text,
                    w.confidence,
                    (w.box[0], w.box[1] + band[1], w.box[2], w.box[3] + band[1]),
                )
                for w in line.words
            )
            found.append(Line(words, line.text, line.starts))
    return found


def _blank(lines: list[Line], boxes: list[Box]) -> list[Line]:
    """`lines` with every word under a mask shown as ■ (what a read of the masked page gives)."""

    def hidden(word: Word) -> bool:
        b = word.box
        return any(b[0] < m[2] and m[0] < b[2] and b[1] < m[3] and m[1] < b[3] for m in boxes)

    blanked = []
    for line in lines:
        text = line.text
        words = []
        for word, start in zip(line.words, line.starts, strict=True):
            if not hidden(word):
                words.append(word)
                continue
            cover = "■" * len(word.text)
            text = text[:start] + cover + text[start + len(word.text) :]
            words.append(Word(cover, word.confidence, word.box))
        blanked.append(Line(tuple(words), text, line.starts))
    return blanked


def _mask(
    image: Image.Image, dpi: int, kind: DocumentKind, lines: list[Line], secrets: list[Secret]
) -> tuple[Image.Image, list[Line], list[MaskedRegion]]:
    """Burn the secrets in and prove it: re-read the masked strips and widen the mask until that
    shows none of their digits, and look again for a QR code where one was blacked out.
    The lines returned are the first reading with the masked words blanked."""
    regions = [
        MaskedRegion(s.reason, widen(s.box, image.size, _margin(s.box, 0.3))) for s in secrets
    ]
    masked = burn(image, [r.box for r in regions])
    strips = [r.box for r, s in zip(regions, secrets, strict=True) if s.digits]
    for round_ in range(1, _MASK_ROUNDS + 1):
        left = _remaining(_reread_bands(masked, dpi, strips), kind, secrets) if strips else []
        if not left:
            break
        log.warning("masked digits still legible after round %d: widening the mask", round_)
        secrets = secrets + left
        if round_ < _MASK_ROUNDS:
            more = [
                MaskedRegion(s.reason, widen(s.box, image.size, _margin(s.box, 0.6 * round_)))
                for s in left
            ]
        else:  # last resort: the whole band of each line across the page
            more = [
                MaskedRegion(s.reason, widen((0, s.box[1], image.width, s.box[3]), image.size, 12))
                for s in left
            ]
        regions += more
        strips += [r.box for r in more]
        masked = burn(masked, [r.box for r in more])
    if any(not s.digits for s in secrets):
        still = [widen(box, image.size, 12) for box in _qr_boxes(masked)]
        reason = next(s.reason for s in secrets if not s.digits)
        regions += [MaskedRegion(reason, box) for box in still]
        masked = burn(masked, still)
    return masked, _blank(lines, [r.box for r in regions]), regions


def _scrub_fields(
    fields: dict[FieldName, FieldReading], secrets: list[str]
) -> dict[FieldName, FieldReading]:
    def shows_secret(value: str | None) -> bool:
        digits = re.sub(r"\D", "", unicodedata.normalize("NFKC", value or ""))
        return any(s in digits for s in secrets if len(s) >= 4)

    return {
        name: FieldReading(None, 0.0, None) if shows_secret(reading.value) else reading
        for name, reading in fields.items()
    }


def _address_as_printed(
    page: Image.Image, lines: list[Line], fields: dict[FieldName, FieldReading]
) -> dict[FieldName, FieldReading]:
    """`fields` with the address's digits full width where the page prints them so."""
    address = fields[FieldName.ADDRESS]
    if address.value is None or address.box is None:
        return fields
    value = value_as_printed(page, lines, address.value, address.box)
    return {**fields, FieldName.ADDRESS: FieldReading(value, address.confidence, address.box)}


def _encoded(image: Image.Image) -> bytes:
    """The stored page: JPEG keeps a noisy colour A4 scan near 0.5 MB (PNG: ~8 MB). The masks are
    solid black in the pixels before encoding, so nothing of a masked number survives."""
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=88, optimize=True)
    return out.getvalue()


def _classified(
    page: Image.Image, text: str, lines: list[Line], card: bool
) -> tuple[DocumentKind, float]:
    kind, confidence = classify(text, layout_signs(lines, page.width, card))
    if kind is DocumentKind.OTHER and _card_with_a_my_number(page, lines):
        return DocumentKind.MYNUMBER_BACK, 0.5
    return kind, confidence


_NOT_A_NUMBER = re.compile(r"[年月日]|TEL|Tel|電話|〒")
_BOXED_DIGITS = 6
# What digits in ruled boxes read as: the rules turn into | l I ] and the digits into o g s z.
# or, boxes and digits together, into 回.
_BOXED_GARBLE = re.compile(r"[|lI!\[\]()0-9OoSsgzZB]{6,}|[回口囗]{3,}")


def _boxed_numbers(page: Image.Image, lines: list[Line], found: list[Secret]) -> list[Secret]:
    """An insurance card's numbers printed one digit per ruled box, which the Japanese reading
    turns into |l|g|…: a digits-only reading finds their line. Dates and the issuer's telephone
    are left alone; the 保険者番号 is printed in the lower half, the 記号・番号 above."""
    masked = [s.box for s in found]
    secrets = []
    for box, digits in digit_groups(page, 300, min_digits=_BOXED_DIGITS):
        beside = [line for line in lines if _overlap(line.box, box)]
        if any(_NOT_A_NUMBER.search(line.text) for line in beside):
            continue
        if any(_overlap(m, box) for m in masked):
            continue
        reason = INSURER_NUMBER if box[1] > page.height / 2 else INSURANCE_NUMBER
        secrets.append(Secret(reason, box, digits))
        masked.append(box)
    for line in lines:
        for match in _BOXED_GARBLE.finditer(line.text):
            garble = match.group()
            if (
                sum(c.isdigit() for c in garble) < 2
                and len(garble) < 8
                and garble[0] not in "回口囗"
            ):
                continue
            if _NOT_A_NUMBER.search(line.text):
                continue
            span = line.span_box(match.start(), match.end())
            # Boxes read as 回 may be fewer than the digits: reach on to the line's end.
            box = (span[0], span[1], max(line.box[2], span[2] + 3 * (span[3] - span[1])), span[3])
            if not any(_overlap(m, box) for m in masked):
                reason = INSURER_NUMBER if box[1] > page.height / 2 else INSURANCE_NUMBER
                secrets.append(Secret(reason, box, ""))
    return secrets


def _overlap(a: Box, b: Box) -> bool:
    """Whether two boxes share most of the shorter one's height (the same printed line)."""
    shared = min(a[3], b[3]) - max(a[1], b[1])
    return shared > 0.5 * min(a[3] - a[1], b[3] - b[1])


def _secrets(
    page: Image.Image,
    color: Image.Image,
    lines: list[Line],
    kind: DocumentKind,
    suspected: bool,
    suspects: list[Secret],
) -> list[Secret]:
    """What to mask: the numbers found by their labels, the suspected card's digit groups (or
    the whole card when none was located and nothing else was) and the QR code."""
    secrets = find_secrets(lines, kind)
    located = any(s.reason == MY_NUMBER for s in secrets)
    if suspects and not (suspects[0].reason == POSSIBLE_MY_NUMBER and located):
        secrets += suspects
    if kind is DocumentKind.HEALTH_INSURANCE:
        secrets += _boxed_numbers(page, lines, secrets)
    if kind in (DocumentKind.HEALTH_INSURANCE, DocumentKind.MYNUMBER_BACK) or suspected:
        reason = INSURANCE_NUMBER if kind is DocumentKind.HEALTH_INSURANCE else MY_NUMBER
        secrets += [Secret(reason, box, "") for box in _qr_boxes(color)]
    return secrets


def read_page(
    image: Image.Image, dpi: int = 300, kind_hint: DocumentKind | None = None
) -> PageResult:
    """Read one scanned page: its kind, fields, extras and the masked image to be stored."""
    prepared = prepare(image, dpi)
    page, lines, rotation = _upright(prepared.image, prepared.dpi)
    # What is stored is the scan as sent (in colour: seals are red), on the grid that was read.
    evidence = turn(same_geometry(image, prepared), rotation)
    text = "\n".join(line.text for line in lines)
    kind, kind_confidence = (
        (kind_hint, 1.0) if kind_hint else _classified(page, text, lines, prepared.card)
    )
    suspected = prepared.card and _may_show_my_number(evidence, text, lines, kind, kind_confidence)
    suspects = _my_number_suspects(page, prepared.dpi, lines) if suspected else []
    if kind is DocumentKind.OTHER and any(s.reason == MY_NUMBER for s in suspects):
        # The card back's layout and its digits, when its words were lost.
        kind, kind_confidence = DocumentKind.MYNUMBER_BACK, 0.5
    extraction = extract_fields(kind, lines)
    fields = dict(_address_as_printed(page, lines, extraction.fields))
    if kind in _NAME_IN_TABLE:
        fields[FieldName.NAME] = reread_name(page, prepared.dpi, fields[FieldName.NAME])
    fields[FieldName.NAME] = refine_variants(page, fields[FieldName.NAME])
    fields, warnings = check_postal_code(fields)
    if kind is DocumentKind.PASSPORT:
        fields, mrz_warnings = read_passport(page, prepared.dpi, lines, fields)
        warnings += mrz_warnings
    fields, unsure = plausible_fields(fields, date.today())
    warnings += unsure
    secrets = _secrets(page, evidence, lines, kind, suspected, suspects)
    regions: list[MaskedRegion] = []
    if secrets:
        page, lines, regions = _mask(page, prepared.dpi, kind, lines, secrets)
        if suspected:
            regions += _still_legible(page, prepared.dpi)
            page = burn(page, [r.box for r in regions])
        if any(r.reason == POSSIBLE_MY_NUMBER for r in regions):
            warnings.append(POSSIBLE_MY_NUMBER)
        digits = [s.digits for s in secrets]
        text = scrub("\n".join(line.text for line in lines), digits)
        fields = _scrub_fields(fields, digits)
        extras = {k: scrub(v, digits) for k, v in extraction.extras.items()}
        if any(r.reason == MY_NUMBER for r in regions) and kind is not DocumentKind.MYNUMBER_BACK:
            warnings.append("my_number_masked")
    else:
        extras = extraction.extras
    if kind is DocumentKind.MYNUMBER_BACK:
        warnings.append("mynumber_back_received")
    return PageResult(
        kind=kind,
        kind_confidence=kind_confidence,
        fields=fields,
        extras=extras,
        text=text,
        masked=tuple(dict.fromkeys(regions)),
        warnings=tuple(warnings),
        image_data=_encoded(burn(evidence, [r.box for r in regions]) if regions else evidence),
        rotation=rotation,
    )
