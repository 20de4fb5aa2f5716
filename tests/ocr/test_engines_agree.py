"""The two ways of running Tesseract — in process (tesserocr) and the `tesseract` command, the
fallback where the library has no wheel — give the clerk the same reading of a page: the same kind,
the same fields, the same numbers masked. (The two may be different Tesseract releases — the
wheel carries its own — so single characters of noise may differ; what the clerk sees may not.)"""

from __future__ import annotations

import pytest
from PIL import Image

from desktop.ocr import engine
from desktop.ocr.engine import COMMAND, LIBRARY, read_lines
from desktop.ocr.pipeline import PageResult, read_page
from tests.docgen import generate


def _read(monkeypatch: pytest.MonkeyPatch, which: str, kind: str, seed: int) -> PageResult:
    monkeypatch.setenv("KAIJI_OCR_ENGINE", which)
    sample = generate(kind, seed)
    return read_page(sample.image, sample.dpi)


def _seen(result: PageResult) -> tuple[object, ...]:
    fields = {name: field.value for name, field in result.fields.items()}
    # Masks are found by more than one reading (a digits-only one on cards): their edges may
    # differ by a line's height between engines, what is masked and why may not.
    return result.kind, fields, sorted({m.reason for m in result.masked})


@pytest.mark.parametrize(
    ("kind", "seed"), [("drivers_license", 3), ("mynumber_back", 4), ("residence_certificate", 5)]
)
def test_library_and_command_give_the_same_reading(
    monkeypatch: pytest.MonkeyPatch, kind: str, seed: int
) -> None:
    library = _read(monkeypatch, LIBRARY, kind, seed)
    command = _read(monkeypatch, COMMAND, kind, seed)
    assert _seen(command) == _seen(library)


def test_the_command_engine_is_chosen_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KAIJI_OCR_ENGINE", COMMAND)
    assert engine.chosen_engine() == COMMAND
    monkeypatch.setenv("KAIJI_OCR_ENGINE", LIBRARY)
    assert engine.chosen_engine() == LIBRARY


def test_without_the_command_the_message_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(engine.TesseractUnavailable) as caught:
        read_lines(Image.new("L", (200, 100), 255), 300, engine=COMMAND)
    assert "tesseract-ocr" in caught.value.message_ja
