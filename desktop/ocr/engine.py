"""One Tesseract pass over a grayscale image: words with boxes and confidences, grouped into lines.

Tesseract runs in this process through its library (tesserocr), one engine per thread, loaded
once with the `jpn` data from Debian's tesseract-ocr-jpn. Starting the `tesseract` command for
every pass cost 0.2–0.3 s of loading the model each time: as much as reading a small card, and
a page may need a second or third pass (the name's line, the MRZ, the strips of a masked number).
Where the library has no wheel (Windows) the same pass runs through the `tesseract` command
(`ocr/tesseract_command.py`), chosen automatically or with KAIJI_OCR_ENGINE=command.
"""

from __future__ import annotations

import os
import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

# Before the engine loads: with OpenMP threads one card takes half as long again and parallel
# workers starve each other.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

from PIL import Image  # noqa: E402

from desktop.domain.errors import KnownError  # noqa: E402
from desktop.ocr import tesseract_command  # noqa: E402
from desktop.resources import bundled_tessdata  # noqa: E402

try:
    import tesserocr

    HAS_LIBRARY = True
except ImportError:  # no tesserocr wheel for this platform: the command does the passes
    HAS_LIBRARY = False

LIBRARY, COMMAND = "library", "command"

__all__ = [
    "COMMAND",
    "LIBRARY",
    "Box",
    "Line",
    "TesseractUnavailable",
    "Word",
    "chosen_engine",
    "read_lines",
    "union_box",
]

Box = tuple[int, int, int, int]  # left, top, right, bottom in pixels

_TESSDATA_DIRS = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
)
_TSV_COLUMNS = 12
_engines = threading.local()


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


def _tessdata() -> str:
    """Where the traineddata is: $TESSDATA_PREFIX, else the bundle's own, else Debian's
    tesseract-ocr-jpn location."""
    configured = os.environ.get("TESSDATA_PREFIX")
    bundled = bundled_tessdata()
    candidates = [configured] if configured else []
    candidates += [str(bundled)] if bundled else []
    candidates += [*_TESSDATA_DIRS]
    for folder in candidates:
        if (Path(folder) / "jpn.traineddata").is_file():
            return str(Path(folder)) + "/"
    raise TesseractUnavailable(f"jpn.traineddata not in {', '.join(candidates)}")


def _api(lang: str) -> tesserocr.PyTessBaseAPI:
    """This thread's engine for `lang`, loaded once: loading `jpn` costs as much as a card."""
    apis: dict[str, tesserocr.PyTessBaseAPI] = _engines.__dict__.setdefault("apis", {})
    if lang not in apis:
        try:
            apis[lang] = tesserocr.PyTessBaseAPI(path=_tessdata(), lang=lang)
        except RuntimeError as error:
            raise TesseractUnavailable(str(error)) from None
    return apis[lang]


def _parse_tsv(tsv: str) -> dict[tuple[int, int, int], list[Word]]:
    """Words of Tesseract's TSV (level 5 rows), grouped by block, paragraph and line."""
    grouped: dict[tuple[int, int, int], list[Word]] = {}
    for row in tsv.splitlines():
        cells = row.split("\t")
        if len(cells) < _TSV_COLUMNS or cells[0] != "5":
            continue
        text = unicodedata.normalize("NFKC", cells[11]).strip()
        confidence = float(cells[10])
        if not text or confidence < 0:
            continue
        left, top, width, height = (int(v) for v in cells[6:10])
        key = (int(cells[2]), int(cells[3]), int(cells[4]))
        grouped.setdefault(key, []).append(
            Word(text, confidence / 100, (left, top, left + width, top + height))
        )
    return grouped


def chosen_engine() -> str:
    """`library` (in-process) unless KAIJI_OCR_ENGINE=command or the library is missing."""
    wanted = os.environ.get("KAIJI_OCR_ENGINE", LIBRARY)
    return LIBRARY if wanted != COMMAND and HAS_LIBRARY else COMMAND


def read_lines(
    image: Image.Image,
    dpi: int,
    psm: int = 6,
    lang: str = "jpn",
    whitelist: str | None = None,
    *,
    engine: str | None = None,
) -> list[Line]:
    """Read `image` (mode "L") in one Tesseract pass; lines top to bottom.

    `whitelist` limits the characters Tesseract may choose (digits only for a number's zone).
    `engine` is `library` or `command` (default: `chosen_engine()`); both give the same lines.
    """
    if (engine or chosen_engine()) == COMMAND:
        try:
            tsv, txt = tesseract_command.recognise(image, dpi, psm, lang, whitelist, _tessdata())
        except (OSError, RuntimeError) as error:
            raise TesseractUnavailable(str(error)) from None
        return _lines(_parse_tsv(tsv), _printed_lines(txt))
    api = _api(lang)
    api.SetPageSegMode(psm)
    api.SetVariable("tessedit_char_whitelist", whitelist or "")
    try:
        api.SetImage(image)
        api.SetSourceResolution(dpi)
        api.Recognize()
        tsv, txt = api.GetTSVText(0), api.GetUTF8Text()
    finally:
        api.Clear()
    return _lines(_parse_tsv(tsv), _printed_lines(txt))
