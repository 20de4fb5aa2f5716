"""One Tesseract pass over a grayscale image: words with boxes and confidences, grouped into lines.

Every call runs `tesseract` once with the `jpn` data, the image's DPI and OMP_THREAD_LIMIT=1
(with OpenMP threads, one card takes half as long again and parallel workers starve each other).
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import pytesseract
from PIL import Image

from desktop.domain.errors import KnownError

__all__ = ["Box", "Line", "TesseractUnavailable", "Word", "read_lines", "union_box"]

Box = tuple[int, int, int, int]  # left, top, right, bottom in pixels


class TesseractUnavailable(KnownError):
    """Tesseract or its Japanese data is not installed."""

    def __init__(self, detail: str) -> None:
        super().__init__(
            "文字認識エンジン Tesseract（日本語データ jpn）が見つかりません。"
            f"tesseract-ocr と tesseract-ocr-jpn をインストールしてください。（{detail}）",
            "Tesseract OCR with its Japanese data (jpn) is not available. Install tesseract-ocr "
            f"and tesseract-ocr-jpn. ({detail})",
        )


@dataclass(frozen=True)
class Word:
    text: str  # NFKC-normalized
    confidence: float  # 0–1
    box: Box


@dataclass(frozen=True)
class Line:
    """A line of words; `text` joins them, with a space where the gap between two is wide."""

    words: tuple[Word, ...]
    text: str
    starts: tuple[int, ...]  # index in `text` where each word begins

    @property
    def box(self) -> Box:
        return union_box(self.words)

    @property
    def confidence(self) -> float:
        return min(w.confidence for w in self.words)

    def span_box(self, start: int, end: int) -> Box:
        """The box of the words that the text span [start, end) touches."""
        return union_box(self._span_words(start, end))

    def span_confidence(self, start: int, end: int) -> float:
        words = self._span_words(start, end)
        return min(w.confidence for w in words)

    def _span_words(self, start: int, end: int) -> list[Word]:
        chosen = [
            w
            for w, s in zip(self.words, self.starts, strict=True)
            if s < end and s + len(w.text) > start
        ]
        return chosen or list(self.words)


def union_box(items: Sequence[Box | Word]) -> Box:
    """The smallest box holding all of `items` (a Word counts by its box)."""
    plain = [b.box if isinstance(b, Word) else b for b in items]
    return (
        min(b[0] for b in plain),
        min(b[1] for b in plain),
        max(b[2] for b in plain),
        max(b[3] for b in plain),
    )


def _make_line(words: list[Word], printed: str | None) -> Line:
    """A line of `words`; spaces where Tesseract's own text (`printed`) has them.

    Word boxes are tight around the ink, so gaps alone cannot tell 山田 太郎 from 新宿区 西新宿;
    Tesseract's layout analysis can, and its plain-text output keeps its verdict.
    """
    parts: list[str] = []
    starts: list[int] = []
    length = 0
    cursor = 0  # position in `printed`
    for i, word in enumerate(words):
        if i > 0:
            if printed is not None:
                spaced = printed[cursor : cursor + 1] == " "
            else:
                previous = words[i - 1]
                height = max(word.box[3] - word.box[1], previous.box[3] - previous.box[1], 1)
                spaced = word.box[0] - previous.box[2] > 0.9 * height
            if spaced:
                parts.append(" ")
                length += 1
        if printed is not None:
            cursor = printed.find(word.text, cursor) + len(word.text)
        starts.append(length)
        parts.append(word.text)
        length += len(word.text)
    return Line(tuple(words), "".join(parts), tuple(starts))


def _printed_lines(text: str) -> list[str]:
    lines = (" ".join(unicodedata.normalize("NFKC", raw).split()) for raw in text.splitlines())
    return [line for line in lines if line]


def _lines(grouped: dict[tuple[int, int, int], list[Word]], printed: list[str]) -> list[Line]:
    """Pair each line of words with its line of plain text (both come in Tesseract's order)."""
    lines = []
    cursor = 0
    for words in grouped.values():
        joined = "".join(w.text for w in words)
        match = None
        for k in range(cursor, min(cursor + 4, len(printed))):
            if printed[k].replace(" ", "") == joined:
                match, cursor = printed[k], k + 1
                break
        lines.append(_make_line(words, match))
    lines.sort(key=lambda line: (line.box[1] + line.box[3]) / 2)
    return lines


def _run(image: Image.Image, lang: str, config: str) -> tuple[str, str]:
    """One tesseract process writing both its TSV (words, boxes) and its plain text."""
    with pytesseract.pytesseract.save(image) as (base, filename):
        pytesseract.pytesseract.run_tesseract(
            filename, base, "tsv txt", lang, f"-c tessedit_create_tsv=1 {config}", 0, 0
        )
        with (
            open(f"{base}.tsv", encoding="utf-8") as tsv,
            open(f"{base}.txt", encoding="utf-8") as txt,
        ):
            return tsv.read(), txt.read()


def read_lines(
    image: Image.Image, dpi: int, psm: int = 6, lang: str = "jpn", whitelist: str | None = None
) -> list[Line]:
    """Read `image` (mode "L") in one Tesseract pass; lines top to bottom.

    `whitelist` limits the characters Tesseract may choose (digits only for a number's zone).
    """
    # Set here rather than at import: pytesseract passes our environment to the process it starts.
    os.environ["OMP_THREAD_LIMIT"] = "1"
    config = f"--dpi {dpi} --psm {psm}"
    if whitelist is not None:
        config += f" -c tessedit_char_whitelist={whitelist}"
    try:
        tsv, txt = _run(image, lang, config)
    except pytesseract.TesseractNotFoundError as error:
        raise TesseractUnavailable(str(error)) from None
    except pytesseract.TesseractError as error:
        raise TesseractUnavailable(str(error.message)) from None
    data = pytesseract.pytesseract.file_to_dict(tsv, "\t", -1)
    grouped: dict[tuple[int, int, int], list[Word]] = {}
    for i, raw in enumerate(data.get("text", [])):
        text = unicodedata.normalize("NFKC", str(raw)).strip()
        confidence = float(data["conf"][i])
        if not text or confidence < 0:
            continue
        left, top = int(data["left"][i]), int(data["top"][i])
        box = (left, top, left + int(data["width"][i]), top + int(data["height"][i]))
        key = (int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i]))
        grouped.setdefault(key, []).append(Word(text, confidence / 100, box))
    return _lines(grouped, _printed_lines(txt))
