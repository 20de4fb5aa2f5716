"""Render composed letters to PDF: one letter, or a batch where each letter keeps its own pages.

Every page carries "n / m" counted within its letter and, in the bottom-right corner, the case
reference with a small QR code of the letter's key and "n / m" (`desktop/domain/sealing.py`):
the sealing station checks every page of an envelope with it, and a returned or misfiled page
finds its letter. The first page has the window layout and the fold marks of the company's
envelope (`Paper`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from io import BytesIO
from typing import Any

from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
)

from desktop.domain.sealing import page_code
from desktop.letters.codes import draw_qr
from desktop.letters.compose import ComposedLetter, compose
from desktop.letters.fonts import MINCHO, register_fonts
from desktop.letters.layout import (
    BOTTOM,
    FIRST_TOP,
    LATER_TOP,
    LEFT,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RIGHT,
    TEXT_WIDTH,
    Paper,
    draw_addressee,
    draw_fold_marks,
    draw_letterhead,
    flowables,
)
from desktop.letters.model import LetterData
from desktop.letters.validation import LetterDataError

_FIRST, _LATER = "first", "later"


class _NumberingCanvas(Canvas):  # type: ignore[misc]
    """Holds pages back until the end so that each page can say "n / m" for its own letter."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held: list[dict[str, Any]] = []
        self.kaiji_letter_number = 0
        self.kaiji_letter: ComposedLetter | None = None
        self.kaiji_key = ""

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        totals = Counter(state["kaiji_letter_number"] for state in self._held)
        seen: Counter[int] = Counter()
        for state in self._held:
            self.__dict__.update(state)
            seen[self.kaiji_letter_number] += 1
            if self.kaiji_letter is not None:
                _draw_footer(
                    self,
                    self.kaiji_letter,
                    self.kaiji_key,
                    seen[self.kaiji_letter_number],
                    totals[self.kaiji_letter_number],
                )
            super().showPage()
        super().save()


QR_SIZE = 12 * mm  # version 3 at error level M: a hand scanner reads it, a phone too


def _draw_footer(canvas: Canvas, letter: ComposedLetter, key: str, page: int, pages: int) -> None:
    canvas.setFont(MINCHO, 9)
    number = letter.page_format.format(page=page, pages=pages)
    canvas.drawCentredString(PAGE_WIDTH / 2, 12 * mm, number)
    x = PAGE_WIDTH - RIGHT - QR_SIZE
    draw_qr(canvas, page_code(key, page, pages), x, 9 * mm, QR_SIZE)
    canvas.setFont(MINCHO, 7.5)
    canvas.drawRightString(x - 1.5 * mm, 10 * mm, letter.reference)


class _LetterDoc(BaseDocTemplate):  # type: ignore[misc]
    """Letters in one PDF: each one's first page has the window layout, the rest a plain frame."""

    def __init__(
        self,
        out: BytesIO,
        letters: Sequence[ComposedLetter],
        keys: Sequence[str],
        paper: Paper,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            out,
            pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
            leftMargin=LEFT,
            rightMargin=RIGHT,
            topMargin=LATER_TOP,
            bottomMargin=BOTTOM,
            **kwargs,
        )
        self._queue: Iterator[tuple[ComposedLetter, str]] = iter(zip(letters, keys, strict=True))
        self._paper = paper
        first = Frame(LEFT, BOTTOM, TEXT_WIDTH, PAGE_HEIGHT - FIRST_TOP - BOTTOM, id="first")
        later = Frame(LEFT, BOTTOM, TEXT_WIDTH, PAGE_HEIGHT - LATER_TOP - BOTTOM, id="later")
        self.addPageTemplates(
            [
                PageTemplate(id=_FIRST, frames=[first], onPage=self._first_page),
                PageTemplate(id=_LATER, frames=[later], onPage=self._later_page),
            ]
        )

    def _first_page(self, canvas: Canvas, _doc: object) -> None:
        letter, key = next(self._queue)
        canvas.kaiji_letter_number += 1
        canvas.kaiji_letter = letter
        canvas.kaiji_key = key
        draw_addressee(canvas, self._paper, letter.addressee_lines, letter.addressee_name)
        draw_fold_marks(canvas, self._paper)
        draw_letterhead(canvas, letter)

    def _later_page(self, canvas: Canvas, _doc: object) -> None:
        """Later pages keep the letter set by its first page; the footer does the rest."""


def _story(letters: Sequence[ComposedLetter]) -> list[Flowable]:
    story: list[Flowable] = []
    for index, letter in enumerate(letters):
        if index:
            story.extend((NextPageTemplate(_FIRST), PageBreak()))
        story.append(NextPageTemplate(_LATER))
        story.extend(flowables(letter.blocks, letter.language))
    return story


def render_composed(
    letters: Sequence[ComposedLetter],
    password: str | None = None,
    *,
    paper: Paper | None = None,
    keys: Sequence[str] | None = None,
) -> bytes:
    """One PDF of `letters`, each starting on a new page; encrypted when `password` is given.

    `keys` name each letter in its pages' codes (the case reference when not given)."""
    register_fonts()
    out = BytesIO()
    encrypt = None
    if password is not None:
        # 128-bit is the strongest reportlab offers without the optional pyaes package.
        encrypt = StandardEncryption(password, canModify=0, strength=128)
    names = list(keys) if keys is not None else [letter.reference for letter in letters]
    doc = _LetterDoc(
        out,
        letters,
        names,
        paper or Paper(),
        encrypt=encrypt,
        invariant=True,
        initialFontName=MINCHO,
    )
    doc.build(_story(letters), canvasmaker=_NumberingCanvas)
    return out.getvalue()


def render_letter(data: LetterData, *, paper: Paper | None = None, key: str | None = None) -> bytes:
    """One letter as an A4 PDF with the bundled font embedded; `key` names it in the page codes."""
    return render_composed([compose(data)], paper=paper, keys=None if key is None else [key])


def render_batch(letters: Sequence[LetterData], *, paper: Paper | None = None) -> bytes:
    """One PDF of many letters, each starting on a new page with its own page numbers."""
    if not letters:
        raise LetterDataError("印刷する文書がありません。", "There are no letters to print.")
    return render_composed([compose(data) for data in letters], paper=paper)
