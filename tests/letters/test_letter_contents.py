"""Every Japanese letter kind carries what a letter must (ARCHITECTURE.md "Facts", Letters), read
back from the PDF."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from desktop.domain.eras import format_era
from desktop.domain.outcomes import Outcome
from desktop.letters import LetterKind, render_letter, specimen
from tests.letters.pdf_reading import letter_text, page_texts, squash, template

ALL_KINDS = list(LetterKind)
REFUSING = [LetterKind.PARTIAL_DISCLOSURE, LetterKind.NON_DISCLOSURE]


@pytest.fixture(scope="module")
def rendered() -> dict[LetterKind, bytes]:
    return {kind: render_letter(specimen(kind)) for kind in ALL_KINDS}


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_every_letter_has_the_common_elements(
    kind: LetterKind, rendered: dict[LetterKind, bytes]
) -> None:
    data = specimen(kind)
    text = letter_text(rendered[kind])
    subject = template("ja", kind.value)["subject"]
    assert isinstance(subject, str)
    for expected in (
        data.reference,
        format_era(data.letter_date),
        "〒" + data.addressee.postal_code,
        data.addressee.name + "様",
        data.sender.company,
        data.sender.phone,
        subject,
        "拝啓",
        "敬具",
        "記",
        "以上",
    ):
        assert squash(expected) in text, expected


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_the_request_is_cited_with_its_date_and_receipt(
    kind: LetterKind, rendered: dict[LetterKind, bytes]
) -> None:
    # The specimen request is dated 令和8年11月20日 and arrived the next day.
    text = letter_text(rendered[kind])
    assert "令和8年11月20日付でご請求いただきました" in text
    assert "（同年11月21日受付）" in text


@pytest.mark.parametrize(
    "kind",
    [
        k
        for k in ALL_KINDS
        if k not in {LetterKind.ACKNOWLEDGEMENT, LetterKind.DEFICIENCY, LetterKind.EXTENSION}
    ],
)
def test_decision_letters_state_the_decision_and_reasons(
    kind: LetterKind, rendered: dict[LetterKind, bytes]
) -> None:
    data = specimen(kind)
    text = letter_text(rendered[kind])
    decisions = template("ja", "common")["decisions"]
    assert isinstance(decisions, dict)
    for outcome in data.outcomes:
        assert squash(decisions[outcome.kind.value][outcome.outcome]) in text
        if outcome.detail:
            assert squash(outcome.detail) in text
        for reason in outcome.reasons:
            assert squash(reason.letter_text("ja")) in text
            assert squash(reason.legal_basis("ja")) in text


@pytest.mark.parametrize("kind", REFUSING)
def test_refusals_say_where_to_complain(
    kind: LetterKind, rendered: dict[LetterKind, bytes]
) -> None:
    data = specimen(kind)
    text = letter_text(rendered[kind])
    assert squash(data.sender.complaint_contact) in text
    assert data.sender.accredited_body is not None
    assert squash(data.sender.accredited_body) in text
    assert any(
        r.legal_basis("ja").startswith("個人情報保護法第33条第2項")
        for o in data.outcomes
        for r in o.reasons
    )


def test_a_full_disclosure_has_no_complaint_paragraph(rendered: dict[LetterKind, bytes]) -> None:
    complaint_heading = template("ja", "common")["complaint_heading"]
    assert isinstance(complaint_heading, str)
    assert complaint_heading not in letter_text(rendered[LetterKind.DISCLOSURE])
    partial = letter_text(rendered[LetterKind.PARTIAL_DISCLOSURE])
    assert complaint_heading in partial


def test_a_refused_correction_explains_and_points_to_the_complaint_desk() -> None:
    data = specimen(LetterKind.CORRECTION_RESULT)
    partial = specimen(LetterKind.NON_DISCLOSURE).outcomes[0]
    refused = replace(data.outcomes[0], outcome=Outcome.REFUSE, reasons=partial.reasons)
    text = letter_text(render_letter(replace(data, outcomes=(refused,))))
    assert "調査の結果、訂正等を行わないことといたしました。" in text
    assert squash(partial.reasons[0].letter_text("ja")) in text
    assert squash(data.sender.complaint_contact) in text


def test_the_deficiency_letter_lists_every_defect_and_the_deadline(
    rendered: dict[LetterKind, bytes],
) -> None:
    data = specimen(LetterKind.DEFICIENCY)
    text = letter_text(rendered[LetterKind.DEFICIENCY])
    for number, deficiency in enumerate(data.deficiencies, start=1):
        assert squash(f"{number}. {deficiency}") in text
    assert data.reply_by is not None
    assert format_era(data.reply_by) in text
    assert "取り下げられたものとして" in text
    assert "マイナンバー" in text  # the copies showed numbers that were masked


def test_the_extension_notice_gives_the_new_date_and_reason(
    rendered: dict[LetterKind, bytes],
) -> None:
    data = specimen(LetterKind.EXTENSION)
    text = letter_text(rendered[LetterKind.EXTENSION])
    assert data.new_due_date is not None
    assert format_era(data.new_due_date) in text
    assert squash(data.extension_reason) in text


def test_the_acknowledgement_gives_the_receipt_date_and_expected_reply(
    rendered: dict[LetterKind, bytes],
) -> None:
    data = specimen(LetterKind.ACKNOWLEDGEMENT)
    text = letter_text(rendered[LetterKind.ACKNOWLEDGEMENT])
    assert data.expected_reply_by is not None
    assert format_era(data.received_on) in text
    assert format_era(data.expected_reply_by) in text


# What promises a date, and what says the reply is late, in each language's letter.
_PROMISE = {
    "ja": ("回答予定日", "までにお送りする予定"),
    "en": ("Expectedreplyby", "Weexpecttoreplyby"),
}
_LATE = {"ja": "できる限り速やかに", "en": "assoonaswepossiblycan"}


@pytest.mark.parametrize("language", ["ja", "en"])
def test_an_overdue_acknowledgement_promises_no_date_already_past(language: str) -> None:
    data = specimen(LetterKind.ACKNOWLEDGEMENT, language)
    due = data.expected_reply_by
    assert due is not None
    on_the_day = squash(letter_text(render_letter(replace(data, letter_date=due))))
    assert all(marker in on_the_day for marker in _PROMISE[language])
    assert _LATE[language] not in on_the_day
    overdue = replace(data, letter_date=date.fromordinal(due.toordinal() + 3))
    text = squash(letter_text(render_letter(overdue)))
    assert not any(marker in text for marker in _PROMISE[language])
    assert _LATE[language] in text


def test_the_purpose_notice_lists_the_purposes(rendered: dict[LetterKind, bytes]) -> None:
    data = specimen(LetterKind.PURPOSE_NOTICE)
    text = letter_text(rendered[LetterKind.PURPOSE_NOTICE])
    for purpose in data.purposes:
        assert squash(purpose) in text


def test_the_disclosed_data_is_attached_on_numbered_pages(
    rendered: dict[LetterKind, bytes],
) -> None:
    data = specimen(LetterKind.DISCLOSURE)
    pages = page_texts(rendered[LetterKind.DISCLOSURE])
    assert len(pages) >= 2
    annex = squash("".join(pages[1:]))
    for section in data.disclosed:
        assert squash(section.title) in annex
        for row in section.rows:
            assert all(squash(cell) in annex for cell in row)
    for number, page in enumerate(pages, start=1):
        assert f"{number} / {len(pages)}" in page


def test_a_long_table_repeats_its_header_on_every_page() -> None:
    data = specimen(LetterKind.DISCLOSURE)
    section = data.disclosed[1]
    many = replace(section, rows=tuple(section.rows) * 6)
    pages = page_texts(render_letter(replace(data, disclosed=(many,))))
    annex_pages = pages[1:]
    assert len(annex_pages) >= 2
    header = squash("".join(section.columns))
    assert all(header in squash(page) for page in annex_pages)


@pytest.mark.parametrize(
    ("style", "expected", "absent"),
    [
        ("era", "令和8年12月1日", "2026年12月1日"),
        ("western", "2026年12月1日", "令和8年12月1日"),
        ("both", "令和8年11月20日（2026年11月20日）付", "（令和8年11月21日"),
    ],
)
def test_dates_follow_the_configured_style(style: str, expected: str, absent: str) -> None:
    data = replace(specimen(LetterKind.NO_DATA), date_style=style)
    text = letter_text(render_letter(data))
    assert expected in text
    assert absent not in text
    assert "（同年11月21日受付）" in text


def test_the_receipt_is_not_called_same_year_across_an_era_change() -> None:
    data = replace(
        specimen(LetterKind.ACKNOWLEDGEMENT),
        request_date=date(2019, 4, 26),
        received_on=date(2019, 5, 7),
    )
    text = letter_text(render_letter(data))
    assert "平成31年4月26日付" in text
    assert "（令和元年5月7日受付）" in text


def test_a_request_without_a_date_is_cited_by_its_receipt() -> None:
    data = replace(specimen(LetterKind.NO_DATA), request_date=None)
    text = letter_text(render_letter(data))
    assert "令和8年11月21日に受け付けました開示の請求" in text


def test_markup_characters_in_names_are_printed_as_written() -> None:
    data = specimen(LetterKind.NO_DATA)
    odd = replace(data.addressee, name="A&B <Co>")
    text = letter_text(render_letter(replace(data, addressee=odd)))
    assert "A&B<Co>様" in text


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_acknowledgement_says_received_once(language: str) -> None:
    """A request form without its own date is described by the day it was received; the letter
    then said 受け付けました twice in one sentence."""
    undated = replace(specimen(LetterKind.ACKNOWLEDGEMENT, language), request_date=None)
    text = squash(letter_text(render_letter(undated)))
    if language == "ja":
        assert text.count("受け付けました") == 1
    else:
        body = text.split("Details")[0].lower()
        assert body.count("received") == 1


def test_a_no_data_letter_does_not_thank_a_stranger_for_their_patronage() -> None:
    """No data held may mean no dealings with the company at all."""
    no_data = squash(letter_text(render_letter(specimen(LetterKind.NO_DATA))))
    disclosure = squash(letter_text(render_letter(specimen(LetterKind.DISCLOSURE))))
    assert "ご清祥" in no_data
    assert "お引き立て" not in no_data
    assert "お引き立て" in disclosure
