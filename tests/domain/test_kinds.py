"""Request kinds, letter kinds, outcomes and document kinds carry their own rules, and every
combination has its letter and its wording: a missing entry fails here, not at a clerk's desk."""

from __future__ import annotations

import pickle

import pytest

from desktop.domain.documents import DocumentKind
from desktop.domain.letters import ANSWERING_STATUSES, LetterKind, LetterKindSpec
from desktop.domain.outcomes import Outcome
from desktop.domain.requests import RequestKind, RequestKindSpec
from desktop.domain.status import CaseStatus
from desktop.letters.texts import load_texts


@pytest.mark.parametrize("kind", list(RequestKind))
@pytest.mark.parametrize("outcome", list(Outcome))
def test_every_outcome_of_every_kind_has_an_answering_letter(
    kind: RequestKind, outcome: Outcome
) -> None:
    letter = kind.letter_for(outcome)
    assert letter in list(LetterKind)
    assert letter.answers or not outcome.is_final


@pytest.mark.parametrize("language", ["ja", "en"])
def test_every_kind_and_outcome_has_its_wording(language: str) -> None:
    common = load_texts("common", language)
    for kind in RequestKind:
        for outcome in Outcome:
            assert common.table("decisions", kind.value, outcome.value)
    for letter in LetterKind:
        assert load_texts(letter.value, language).subject


def test_a_request_kind_without_a_letter_for_an_outcome_cannot_be_made() -> None:
    with pytest.raises(ValueError, match="no letter"):
        RequestKindSpec("half", "半", "Half", "半", "-", {Outcome.FULL: LetterKind.DISCLOSURE})
    with pytest.raises(ValueError, match="do not carry an answer"):
        RequestKindSpec("odd", "奇", "Odd", "奇", "-", dict.fromkeys(Outcome, LetterKind.EXTENSION))


def test_kinds_behave_like_their_stored_values() -> None:
    assert RequestKind("disclosure") is RequestKind.DISCLOSURE
    assert RequestKind.DISCLOSURE == "disclosure"
    assert f"{LetterKind.NO_DATA}" == LetterKind.NO_DATA.value == "no_data"
    assert pickle.loads(pickle.dumps(RequestKind.CORRECTION)) is RequestKind.CORRECTION
    assert "disclosure" in RequestKind
    assert len(RequestKind) == len(list(RequestKind)) == 6
    with pytest.raises(ValueError, match="not a valid RequestKind"):
        RequestKind("gossip")
    with pytest.raises(ValueError, match="registered already"):
        LetterKind.register(LetterKindSpec("disclosure"))


def test_groupings() -> None:
    assert RequestKind.disclosing_kinds() == {
        RequestKind.DISCLOSURE,
        RequestKind.THIRD_PARTY_RECORDS,
    }
    assert {k for k in RequestKind if k.fee_allowed} == {
        RequestKind.PURPOSE_NOTICE,
        RequestKind.DISCLOSURE,
        RequestKind.THIRD_PARTY_RECORDS,
    }
    assert LetterKind.answer_kinds() == frozenset(LetterKind) - {
        LetterKind.ACKNOWLEDGEMENT,
        LetterKind.DEFICIENCY,
        LetterKind.EXTENSION,
    }
    assert {k for k in LetterKind if k.carries_data} == {
        LetterKind.DISCLOSURE,
        LetterKind.PARTIAL_DISCLOSURE,
    }
    assert {k for k in DocumentKind if k.is_certificate} == {
        DocumentKind.RESIDENCE_CERTIFICATE,
        DocumentKind.SEAL_CERTIFICATE,
        DocumentKind.FAMILY_REGISTER,
    }
    assert [o for o in Outcome if o.refuses] == [Outcome.PARTIAL, Outcome.REFUSE]


@pytest.mark.parametrize("status", list(CaseStatus))
def test_letters_are_issued_in_the_statuses_the_rules_allow(status: CaseStatus) -> None:
    assert LetterKind.ACKNOWLEDGEMENT.may_issue_in(status) is not status.is_final
    assert LetterKind.DISCLOSURE.may_issue_in(status) is (status in ANSWERING_STATUSES)
