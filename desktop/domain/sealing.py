"""Sealing check (封入照合): every page of a letter and its address label carry a code, and an
envelope is sealed only when its pages are all of one letter, none missing, and its label or
registered-mail slip is that letter's addressee's.

Codes are plain text so any barcode scanner types them: a page `KJP|<letter>|<n>|<m>`, an
address label `KJL|<letter>`. `<letter>` is the letter's key: the case reference, the letter
kind and its version (`KD-2026-000123/disclosure/2`), so a page of a superseded version is
another letter's page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

PAGE_PREFIX = "KJP"
LABEL_PREFIX = "KJL"
_SEPARATOR = "|"


def letter_key(reference: str, kind: str, version: int) -> str:
    """The key that names one issued letter on its pages and label."""
    return f"{reference}/{kind}/{version}"


def case_of(key: str) -> str:
    """The case reference a letter key names."""
    return key.rsplit("/", 2)[0]


def page_code(key: str, page: int, pages: int) -> str:
    return _SEPARATOR.join((PAGE_PREFIX, key, str(page), str(pages)))


def label_code(key: str) -> str:
    return _SEPARATOR.join((LABEL_PREFIX, key))


@dataclass(frozen=True)
class PageScan:
    """A scanned page: page `page` of `pages` of the letter `letter`."""

    letter: str
    page: int
    pages: int


@dataclass(frozen=True)
class LabelScan:
    """A scanned address label printed for the letter `letter`."""

    letter: str


@dataclass(frozen=True)
class SlipScan:
    """A scanned registered-mail slip (書留番号) as the scanner typed it."""

    number: str


Scan = PageScan | LabelScan | SlipScan


def read_scan(text: str) -> Scan | None:
    """What a scanner typed, or None when it is no code of ours nor a mail number."""
    text = text.strip()
    parts = text.split(_SEPARATOR)
    if parts[0] == PAGE_PREFIX and len(parts) == 4 and parts[1]:
        if parts[2].isdigit() and parts[3].isdigit():
            page, pages = int(parts[2]), int(parts[3])
            if 1 <= page <= pages:
                return PageScan(parts[1], page, pages)
        return None
    if parts[0] == LABEL_PREFIX and len(parts) == 2 and parts[1]:
        return LabelScan(parts[1])
    bare = text.replace("-", "").replace(" ", "")
    if 11 <= len(bare) <= 13 and bare.isascii() and bare.isalnum():
        return SlipScan(text)
    return None


class Problem(StrEnum):
    """Why an envelope is refused; each with its words in both languages."""

    NO_PAGES = "no_pages"
    FOREIGN_PAGE = "foreign_page"
    DUPLICATE_PAGE = "duplicate_page"
    MISSING_PAGE = "missing_page"
    NOT_ISSUED = "not_issued"
    NO_LABEL = "no_label"
    UNKNOWN_SLIP = "unknown_slip"
    FOREIGN_LABEL = "foreign_label"

    def message(self, detail: str) -> tuple[str, str]:
        ja, en = _MESSAGES[self]
        return ja.format(detail=detail), en.format(detail=detail)


_MESSAGES: dict[Problem, tuple[str, str]] = {
    Problem.NO_PAGES: ("通知書のページが読み取られていません。", "No letter page was scanned."),
    Problem.FOREIGN_PAGE: (
        "別の通知書のページが混ざっています（{detail}）。封入しないでください。",
        "A page of another letter is in this envelope ({detail}). Do not seal it.",
    ),
    Problem.DUPLICATE_PAGE: (
        "同じページが二度読み取られました（{detail}）。",
        "The same page was scanned twice ({detail}).",
    ),
    Problem.MISSING_PAGE: (
        "ページが足りません（{detail}）。封入しないでください。",
        "Pages are missing ({detail}). Do not seal the envelope.",
    ),
    Problem.NOT_ISSUED: (
        "この通知書は発行済みの現行版ではありません（{detail}）。",
        "This letter is not a current issued letter ({detail}).",
    ),
    Problem.NO_LABEL: (
        "宛名ラベルまたは書留の控えを読み取ってください。",
        "Scan the address label or the registered-mail slip.",
    ),
    Problem.UNKNOWN_SLIP: (
        "この書留番号はどの案件の発送としても記録されていません（{detail}）。"
        "先に発送を記録してください。",
        "This mail number is not recorded as any case's outgoing mail ({detail}). "
        "Record the mailing first.",
    ),
    Problem.FOREIGN_LABEL: (
        "宛名ラベル・書留の控えがこの通知書の宛先のものではありません（{detail}）。"
        "封入しないでください。",
        "The address label or mail slip is not for this letter's addressee ({detail}). "
        "Do not seal the envelope.",
    ),
}


@dataclass(frozen=True)
class Finding:
    problem: Problem
    detail: str = ""

    @property
    def message_ja(self) -> str:
        return self.problem.message(self.detail)[0]

    @property
    def message_en(self) -> str:
        return self.problem.message(self.detail)[1]


@dataclass(frozen=True)
class LetterOnFile:
    """What the records say of the letter the first page names."""

    key: str
    pages: int | None  # None: no such current letter
    addressee: str  # a comparison key of the addressee (name and address)


@dataclass(frozen=True)
class Destination:
    """Who the scanned label or slip is for, as the records say (None: nobody we know)."""

    case_reference: str
    addressee: str | None  # None for a mail slip, which names the case only


@dataclass(frozen=True)
class EnvelopeVerdict:
    letter: str
    findings: tuple[Finding, ...]

    @property
    def accepted(self) -> bool:
        return not self.findings


def check_envelope(
    pages: Sequence[PageScan],
    letter: LetterOnFile | None,
    label: LabelScan | SlipScan | None,
    destination: Destination | None,
) -> EnvelopeVerdict:
    """Whether an envelope holding `pages` and `label` (for `destination`) may be sealed.

    The first page names the letter; every page must be that letter's, each once, all of them
    there; the label or slip must be for the same case and the same addressee.
    """
    if not pages:
        return EnvelopeVerdict("", (Finding(Problem.NO_PAGES),))
    key = pages[0].letter
    findings: list[Finding] = []
    foreign = sorted({p.letter for p in pages if p.letter != key})
    if foreign:
        findings.append(Finding(Problem.FOREIGN_PAGE, ", ".join(foreign)))
    if letter is None or letter.pages is None:
        findings.append(Finding(Problem.NOT_ISSUED, key))
        total = max(p.pages for p in pages if p.letter == key)
    else:
        total = letter.pages
    own = [p.page for p in pages if p.letter == key]
    twice = sorted({n for n in own if own.count(n) > 1})
    if twice:
        findings.append(Finding(Problem.DUPLICATE_PAGE, ", ".join(f"{n}/{total}" for n in twice)))
    missing = [n for n in range(1, total + 1) if n not in own]
    if missing:
        findings.append(Finding(Problem.MISSING_PAGE, ", ".join(f"{n}/{total}" for n in missing)))
    if label is None:
        findings.append(Finding(Problem.NO_LABEL))
    elif destination is None:
        if isinstance(label, SlipScan):
            findings.append(Finding(Problem.UNKNOWN_SLIP, label.number))
        else:
            findings.append(Finding(Problem.FOREIGN_LABEL, label.letter))
    elif destination.case_reference != case_of(key) or (
        letter is not None
        and destination.addressee is not None
        and destination.addressee != letter.addressee
    ):
        findings.append(Finding(Problem.FOREIGN_LABEL, destination.case_reference))
    return EnvelopeVerdict(key, tuple(findings))
