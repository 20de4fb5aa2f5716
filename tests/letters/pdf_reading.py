"""Reading rendered letters back the way a reviewer would: text, positions, fonts."""

from __future__ import annotations

import re
import subprocess
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pypdfium2

from desktop.resources import resources_dir

MM = 72 / 25.4
_SPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    """Text without any whitespace, so that line breaks inside a phrase do not matter."""
    return _SPACE.sub("", text)


def page_texts(pdf: bytes, password: str | None = None) -> list[str]:
    document = pypdfium2.PdfDocument(pdf, password=password)
    try:
        return [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()


def letter_text(pdf: bytes) -> str:
    """All pages' text, whitespace removed."""
    return squash("".join(page_texts(pdf)))


@dataclass(frozen=True)
class PlacedChar:
    char: str
    left_mm: float
    top_mm: float  # from the top edge of the page
    right_mm: float
    bottom_mm: float


def placed_chars(pdf: bytes, page_index: int = 0) -> list[PlacedChar]:
    """Every non-space character of a page with its box in millimetres from the top-left corner."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[page_index]
        height = page.get_height()
        textpage = page.get_textpage()
        result = []
        for index in range(textpage.count_chars()):
            char = textpage.get_text_range(index, 1)
            if not char.strip():
                continue
            left, bottom, right, top = textpage.get_charbox(index)
            result.append(
                PlacedChar(
                    char,
                    left / MM,
                    (height - top) / MM,
                    right / MM,
                    (height - bottom) / MM,
                )
            )
        return result
    finally:
        document.close()


def font_rows(pdf: bytes) -> list[list[str]]:
    """The rows of `pdffonts` (poppler) for the PDF: name, type, encoding, emb, sub, uni, …"""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "letter.pdf"
        path.write_bytes(pdf)
        output = subprocess.run(
            ["pdffonts", str(path)], check=True, capture_output=True, text=True
        ).stdout
    lines = output.splitlines()[2:]
    return [line.split() for line in lines if line.strip()]


def template(language: str, name: str) -> dict[str, object]:
    """A letter text file as the company wrote it."""
    path = resources_dir() / "letters" / language / f"{name}.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))
