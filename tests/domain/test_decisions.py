"""Decisions per request kind: what the domain refuses, and which letters a decision needs."""

from __future__ import annotations

import dataclasses

import pytest

from desktop.domain.decisions import (
    FeeStatus,
    KindDecision,
    ResponseMethod,
    letter_kind_for,
    validate,
)
from desktop.domain.errors import InvalidInput
from desktop.domain.outcomes import Outcome
from desktop.domain.reasons import (
    BUSINESS_HINDRANCE,
    FORM_DEFECT,
    HARM_TO_PERSON,
    IDENTITY_UNCONFIRMED,
    NOT_RETAINED_DATA,
    SEED_REASONS,
    ReasonCatalog,
)
from desktop.domain.requests import RequestKind

K = RequestKind
O = Outcome  # noqa: E741
PAPER = ResponseMethod.PAPER
DIGITAL = ResponseMethod.ELECTROMAGNETIC
CATALOG = ReasonCatalog()


def _decision(kind: RequestKind, outcome: Outcome, *codes: str, **extra: object) -> KindDecision:
    defaults: dict[str, object] = {}
    if kind in {K.DISCLOSURE, K.THIRD_PARTY_RECORDS} and outcome in {O.FULL, O.PARTIAL}:
        defaults = {"method": PAPER, "fee_status": FeeStatus.PAID}
    return KindDecision(kind, outcome, tuple(codes), **{**defaults, **extra})  # type: ignore[arg-type]


GOOD = [
    pytest.param([_decision(K.DISCLOSURE, O.FULL)], id="disclosure in full on paper"),
    pytest.param(
        [_decision(K.DISCLOSURE, O.PARTIAL, HARM_TO_PERSON, method=DIGITAL)],
        id="partial as an electronic record",
    ),
    pytest.param(
        [_decision(K.DISCLOSURE, O.FULL, method=DIGITAL, method_impossible=True)],
        id="electronic record impossible, letter says so",
    ),
    pytest.param(
        [_decision(K.DISCLOSURE, O.REFUSE, BUSINESS_HINDRANCE, HARM_TO_PERSON)],
        id="refusal needs no method",
    ),
    pytest.param([_decision(K.DISCLOSURE, O.NO_DATA, NOT_RETAINED_DATA)], id="no data"),
    pytest.param(
        [
            _decision(K.DISCLOSURE, O.REQUEST_DOCUMENTS, IDENTITY_UNCONFIRMED),
            _decision(K.CORRECTION, O.REQUEST_DOCUMENTS, IDENTITY_UNCONFIRMED),
        ],
        id="documents asked on every kind",
    ),
    pytest.param(
        [
            _decision(K.DISCLOSURE, O.FULL, fee_status=FeeStatus.WAIVED, method=PAPER),
            _decision(K.CORRECTION, O.REFUSE, FORM_DEFECT),
        ],
        id="kinds answered differently, fee waived",
    ),
]


@pytest.mark.parametrize("decisions", GOOD)
def test_lawful_decisions_pass(decisions: list[KindDecision]) -> None:
    validate(decisions, [d.kind for d in decisions], CATALOG)


BAD = [
    pytest.param(
        [_decision(K.DISCLOSURE, O.FULL)],
        [K.DISCLOSURE, K.CORRECTION],
        "Correction, addition or deletion has no decision",
        id="requested kind left undecided",
    ),
    pytest.param(
        [_decision(K.DISCLOSURE, O.FULL), _decision(K.CORRECTION, O.FULL)],
        [K.DISCLOSURE],
        "was not requested",
        id="decision on a kind nobody asked for",
    ),
    pytest.param(
        [_decision(K.DISCLOSURE, O.FULL), _decision(K.DISCLOSURE, O.REFUSE, HARM_TO_PERSON)],
        [K.DISCLOSURE],
        "two decisions",
        id="two decisions on one kind",
    ),
    *[
        pytest.param(
            [_decision(K.CORRECTION, outcome)],
            [K.CORRECTION],
            "Choose a reason",
            id=f"{outcome.value} without a reason",
        )
        for outcome in (O.PARTIAL, O.REFUSE, O.NO_DATA, O.REQUEST_DOCUMENTS)
    ],
    pytest.param(
        [_decision(K.CORRECTION, O.FULL, FORM_DEFECT)],
        [K.CORRECTION],
        "takes no reason",
        id="full compliance with a reason",
    ),
    pytest.param(
        [_decision(K.CORRECTION, O.REFUSE, "made_up")],
        [K.CORRECTION],
        "Unknown reason",
        id="unknown reason code",
    ),
    pytest.param(
        [_decision(K.CORRECTION, O.REFUSE, FORM_DEFECT, FORM_DEFECT)],
        [K.CORRECTION],
        "chosen twice",
        id="same reason twice",
    ),
    *[
        pytest.param(
            [_decision(kind, outcome, *codes, method=None)],
            [kind],
            "disclosure method the requester asked for",
            id=f"{kind.value} {outcome.value} without a method",
        )
        for kind in (K.DISCLOSURE, K.THIRD_PARTY_RECORDS)
        for outcome, codes in ((O.FULL, ()), (O.PARTIAL, (HARM_TO_PERSON,)))
    ],
    pytest.param(
        [_decision(K.CORRECTION, O.FULL, method=PAPER)],
        [K.CORRECTION],
        "has no disclosure method",
        id="method on a correction",
    ),
    pytest.param(
        [_decision(K.DISCLOSURE, O.FULL, method=PAPER, method_impossible=True)],
        [K.DISCLOSURE],
        "Paper cannot be marked impossible",
        id="paper marked impossible",
    ),
    pytest.param(
        [_decision(K.SUSPENSION, O.FULL, fee_status=FeeStatus.PAID)],
        [K.SUSPENSION],
        "No fee may be charged",
        id="fee on a suspension request",
    ),
    *[
        pytest.param(
            [_decision(K.DISCLOSURE, O.FULL, fee_status=status)],
            [K.DISCLOSURE],
            "while the fee is",
            id=f"disclosing with the fee {status.value}",
        )
        for status in (FeeStatus.SHORT, FeeStatus.UNPAID)
    ],
    pytest.param(
        [
            _decision(K.DISCLOSURE, O.REQUEST_DOCUMENTS, IDENTITY_UNCONFIRMED),
            _decision(K.CORRECTION, O.REFUSE, FORM_DEFECT),
        ],
        [K.DISCLOSURE, K.CORRECTION],
        "While documents are requested",
        id="documents asked on one kind, another answered",
    ),
]


@pytest.mark.parametrize(("decisions", "requested", "message"), BAD)
def test_unlawful_decisions_are_refused_in_both_languages(
    decisions: list[KindDecision], requested: list[RequestKind], message: str
) -> None:
    with pytest.raises(InvalidInput, match=message) as caught:
        validate(decisions, requested, CATALOG)
    assert caught.value.message_ja
    assert caught.value.message_ja != caught.value.message_en


def test_retired_reason_cannot_be_chosen_but_stays_in_the_catalog() -> None:
    retired = dataclasses.replace(SEED_REASONS[0], code="old_wording", retired=True)
    catalog = ReasonCatalog((retired,))
    with pytest.raises(InvalidInput, match="retired") as caught:
        validate([_decision(K.CORRECTION, O.REFUSE, "old_wording")], [K.CORRECTION], catalog)
    assert retired.title_ja in caught.value.message_ja
    assert catalog["old_wording"].letter_ja == retired.letter_ja


LETTERS = [
    pytest.param([_decision(K.DISCLOSURE, O.FULL)], ("disclosure",), id="disclosed"),
    pytest.param(
        [_decision(K.THIRD_PARTY_RECORDS, O.PARTIAL, HARM_TO_PERSON)],
        ("partial_disclosure",),
        id="records in part",
    ),
    pytest.param(
        [_decision(K.DISCLOSURE, O.REFUSE, HARM_TO_PERSON)], ("non_disclosure",), id="refused"
    ),
    pytest.param(
        [_decision(K.DISCLOSURE, O.NO_DATA, NOT_RETAINED_DATA)], ("no_data",), id="no data"
    ),
    pytest.param(
        [
            _decision(K.DISCLOSURE, O.REQUEST_DOCUMENTS, IDENTITY_UNCONFIRMED),
            _decision(K.SUSPENSION, O.REQUEST_DOCUMENTS, IDENTITY_UNCONFIRMED),
        ],
        ("deficiency",),
        id="one deficiency letter for all kinds",
    ),
    pytest.param(
        [
            _decision(K.SUSPENSION, O.FULL),
            _decision(K.THIRD_PARTY_SUSPENSION, O.REFUSE, BUSINESS_HINDRANCE),
            _decision(K.CORRECTION, O.PARTIAL, FORM_DEFECT),
            _decision(K.PURPOSE_NOTICE, O.FULL),
            _decision(K.DISCLOSURE, O.FULL),
        ],
        ("disclosure", "purpose_notice", "correction_result", "suspension_result"),
        id="several kinds need several letters",
    ),
]


@pytest.mark.parametrize(("decisions", "letters"), LETTERS)
def test_letters_the_decisions_need(
    decisions: list[KindDecision], letters: tuple[str, ...]
) -> None:
    assert letter_kind_for(decisions) == letters


def test_letter_kinds_are_ones_the_letters_module_prints() -> None:
    from desktop.letters import LetterKind

    every = [
        _decision(kind, outcome, *(() if outcome is O.FULL else (FORM_DEFECT,)))
        for kind in RequestKind
        for outcome in Outcome
    ]
    assert set(letter_kind_for(every)) <= {k.value for k in LetterKind}
