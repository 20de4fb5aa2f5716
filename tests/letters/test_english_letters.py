"""English letters carry the same elements as the Japanese ones, in English wording."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop.letters import LetterKind, render_letter, specimen
from tests.letters.pdf_reading import letter_text, squash, template


@pytest.mark.parametrize("kind", list(LetterKind))
def test_english_letter(kind: LetterKind) -> None:
    data = specimen(kind, "en")
    text = letter_text(render_letter(data))
    subject = template("en", kind.value)["subject"]
    assert isinstance(subject, str)
    for expected in (
        data.reference,
        "1 December 2026",
        f"Dear {data.addressee.name},",
        "〒" + data.addressee.postal_code,
        data.sender.company,
        data.sender.phone,
        subject,
        "dated 20 November 2026 (received on 21 November 2026)",
        "Yours sincerely,",
    ):
        assert squash(expected) in text, expected
    for outcome in data.outcomes:
        for reason in outcome.reasons:
            assert squash(reason.letter_text("en")) in text
            assert squash(reason.legal_basis("en")) in text
    if kind in {LetterKind.NON_DISCLOSURE, LetterKind.PARTIAL_DISCLOSURE}:
        assert squash(data.sender.complaint_contact) in text
    for deficiency in data.deficiencies:
        assert squash(deficiency) in text
    if data.new_due_date is not None:
        assert "15January2027" in text
        assert squash(data.extension_reason) in text
    assert not any("\u3040" <= char <= "\u30ff" for char in text), "kana in an English letter"


def test_an_english_letter_can_add_the_era_date() -> None:
    data = replace(specimen(LetterKind.NO_DATA, "en"), date_style="both")
    assert squash("1 December 2026 (令和8年12月1日)") in letter_text(render_letter(data))
