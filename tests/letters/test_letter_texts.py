"""Letter texts are files the company edits: mistakes in them give a message, not a crash."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from desktop.domain.outcomes import Outcome
from desktop.domain.requests import RequestKind
from desktop.letters import (
    KindOutcome,
    LetterKind,
    LetterTemplateError,
    render_letter,
    specimen,
)
from desktop.letters import texts as letter_texts
from desktop.resources import resources_dir
from tests.letters.pdf_reading import letter_text, squash


@pytest.fixture
def editable_texts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of resources/letters that the test may break; the cache is cleared around it."""
    copy = tmp_path / "letters"
    shutil.copytree(resources_dir() / "letters", copy)
    monkeypatch.setattr(letter_texts, "letters_dir", lambda: copy)
    letter_texts.load_texts.cache_clear()
    yield copy
    letter_texts.load_texts.cache_clear()


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_an_edited_text_is_used(editable_texts: Path) -> None:
    _edit(
        editable_texts / "ja" / "no_data.toml", "保有個人データの不存在について", "調査結果のご報告"
    )
    assert "調査結果のご報告" in letter_text(render_letter(specimen(LetterKind.NO_DATA)))


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ("{request}につきまして", "{requester}につきまして", "{requester}"),
        ("{request}につきまして", "{request につきまして", "波括弧"),
        ("version = 2", "", "版数"),
        ('subject = "', "subject = ", "読み込めません"),
    ],
)
def test_a_broken_text_gives_a_message(
    editable_texts: Path, old: str, new: str, words: str
) -> None:
    _edit(editable_texts / "ja" / "no_data.toml", old, new)
    with pytest.raises(LetterTemplateError) as error:
        render_letter(specimen(LetterKind.NO_DATA))
    assert words in error.value.message("ja")
    assert "no_data" in error.value.message("en")


def test_a_missing_text_file_gives_a_message(editable_texts: Path) -> None:
    (editable_texts / "en" / "extension.toml").unlink()
    with pytest.raises(LetterTemplateError) as error:
        render_letter(specimen(LetterKind.EXTENSION, "en"))
    assert "extension.toml" in error.value.message("en")


def test_one_letter_answers_several_requests() -> None:
    data = specimen(LetterKind.CORRECTION_RESULT)
    reason = specimen(LetterKind.NO_DATA).outcomes[0].reasons[0]
    outcomes = (
        data.outcomes[0],
        KindOutcome(RequestKind.THIRD_PARTY_SUSPENSION, Outcome.NO_DATA, (reason,)),
    )
    kinds = (RequestKind.CORRECTION, RequestKind.THIRD_PARTY_SUSPENSION)
    text = letter_text(render_letter(replace(data, outcomes=outcomes, request_kinds=kinds)))
    assert "訂正・追加・削除、第三者提供の停止の請求" in text
    assert "ご請求のとおり、保有個人データの訂正等を行いました。" in text
    assert squash(reason.letter_text("ja")) in text


def test_a_disclosure_by_another_method_says_why() -> None:
    data = specimen(LetterKind.DISCLOSURE)
    paper = replace(data.outcomes[0], method="electromagnetic", method_impossible=True)
    text = letter_text(render_letter(replace(data, outcomes=(paper,))))
    assert "ご指定の電磁的記録の提供による開示は、多額の費用を要する等の理由により困難" in text
    assert "書面の交付により開示いたします" in text
    assert "開示の方法書面の交付" in text
