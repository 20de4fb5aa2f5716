"""Data that would make an incomplete or misleading letter is refused with a message."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop.domain.outcomes import Outcome
from desktop.letters import (
    DisclosedSection,
    LetterData,
    LetterDataError,
    LetterKind,
    render_address_labels,
    render_letter,
    specimen,
    template_versions,
)
from tests.letters.pdf_reading import template


def _refused_without_reason() -> LetterData:
    data = specimen(LetterKind.NON_DISCLOSURE)
    return replace(data, outcomes=(replace(data.outcomes[0], reasons=()),))


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (replace(specimen(LetterKind.DEFICIENCY), deficiencies=()), "不備の内容"),
        (replace(specimen(LetterKind.DEFICIENCY), reply_by=None), "返送期限"),
        (replace(specimen(LetterKind.EXTENSION), new_due_date=None), "延長後の期限"),
        (replace(specimen(LetterKind.EXTENSION), extension_reason=" "), "理由"),
        (_refused_without_reason(), "理由"),
        (replace(specimen(LetterKind.DISCLOSURE), outcomes=()), "決定の内容"),
        (replace(specimen(LetterKind.NO_DATA), language="fr"), "言語"),
        (replace(specimen(LetterKind.NO_DATA), date_style="gregorian"), "日付の書式"),
        (replace(specimen(LetterKind.NO_DATA), reference=""), "文書番号"),
        (replace(specimen(LetterKind.NO_DATA), request_kinds=()), "ご請求の種類"),
        (
            replace(
                specimen(LetterKind.NON_DISCLOSURE),
                sender=replace(specimen(LetterKind.NON_DISCLOSURE).sender, complaint_contact=""),
            ),
            "苦情の申出先",
        ),
        (
            replace(
                specimen(LetterKind.NO_DATA),
                sender=replace(specimen(LetterKind.NO_DATA).sender, phone=" ", postal_code=""),
            ),
            "郵便番号、電話番号",
        ),
        (
            replace(
                specimen(LetterKind.DISCLOSURE),
                disclosed=(DisclosedSection("表", ("a", "b"), (("1",),)),),
            ),
            "列数",
        ),
        (
            replace(
                specimen(LetterKind.DISCLOSURE),
                outcomes=(replace(specimen(LetterKind.DISCLOSURE).outcomes[0], outcome="maybe"),),
            ),
            "決定の区分",
        ),
    ],
)
def test_incomplete_letters_are_refused(data: LetterData, words: str) -> None:
    with pytest.raises(LetterDataError) as error:
        render_letter(data)
    assert words in error.value.message("ja")
    assert error.value.message("en")


def test_a_partial_answer_needs_a_reason_but_a_full_one_does_not() -> None:
    data = specimen(LetterKind.CORRECTION_RESULT)
    partial = replace(data.outcomes[0], outcome=Outcome.PARTIAL)
    with pytest.raises(LetterDataError):
        render_letter(replace(data, outcomes=(partial,)))
    assert render_letter(data).startswith(b"%PDF")


def test_labels_need_at_least_one_address() -> None:
    with pytest.raises(LetterDataError):
        render_address_labels([], specimen(LetterKind.NO_DATA).sender)


@pytest.mark.parametrize("language", ["ja", "en"])
def test_template_versions_come_from_the_text_files(language: str) -> None:
    versions = template_versions(language)
    assert set(versions) == set(LetterKind)
    for kind, version in versions.items():
        assert version == template(language, kind.value)["version"]


def test_a_specimen_in_an_unknown_language_is_refused() -> None:
    with pytest.raises(LetterDataError) as error:
        specimen(LetterKind.NO_DATA, "de")
    assert "'de'" in error.value.message("en")
