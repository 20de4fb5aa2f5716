"""What a requester asks for (請求の種類) and who the requester is (請求者の区分)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import ClassVar

from desktop.domain.kinds import Kind
from desktop.domain.letters import LetterKind
from desktop.domain.outcomes import Outcome
from desktop.domain.reasons import Reason, ReasonCatalog, ReasonGround


@dataclass(frozen=True)
class RequestKindSpec:
    """Everything the rules and the screens need to know about one request kind.

    `answer_letters` names the letter for each outcome that has no letter of its own (full,
    partial, refuse); the spec refuses to exist without one, so no decision lacks its letter.
    """

    value: str
    label_ja: str
    label_en: str
    short_label_ja: str  # in the narrow columns of the annual report
    article: str  # where the law grants the right
    answer_letters: Mapping[Outcome, LetterKind]
    fee_allowed: bool = False  # Art. 38: a fee only for a purpose notice and disclosures
    disclosing: bool = False  # hands data over, by a method the requester chooses (Art. 33(1))
    # The grounds whose reasons may answer this kind other than in full (the law's exceptions
    # for this right, plus the procedural ones every request shares).
    reason_grounds: frozenset[ReasonGround] = field(default=frozenset(ReasonGround))

    def __post_init__(self) -> None:
        missing = [o for o in Outcome if o.own_letter is None and o not in self.answer_letters]
        if missing:
            raise ValueError(f"request kind {self.value!r} has no letter for {missing}")
        wrong = [k for k in self.answer_letters.values() if not k.answers]
        if wrong:
            raise ValueError(f"request kind {self.value!r}: {wrong} do not carry an answer")


class RequestKind(Kind[RequestKindSpec]):
    """The requests of APPI Arts. 32–35 that one envelope may carry, several at once."""

    PURPOSE_NOTICE: ClassVar[RequestKind]  # 利用目的の通知 (Art. 32(2))
    DISCLOSURE: ClassVar[RequestKind]  # 開示 (Art. 33(1))
    THIRD_PARTY_RECORDS: ClassVar[RequestKind]  # 第三者提供記録の開示 (Art. 33(5))
    CORRECTION: ClassVar[RequestKind]  # 訂正・追加・削除 (Art. 34)
    SUSPENSION: ClassVar[RequestKind]  # 利用停止・消去 (Art. 35(1))
    THIRD_PARTY_SUSPENSION: ClassVar[RequestKind]  # 第三者提供の停止 (Art. 35(3))

    @property
    def label_ja(self) -> str:
        return self.spec.label_ja

    @property
    def label_en(self) -> str:
        return self.spec.label_en

    @property
    def short_label_ja(self) -> str:
        return self.spec.short_label_ja

    @property
    def fee_allowed(self) -> bool:
        """Art. 38: a fee may be charged only for a purpose notice and disclosures."""
        return self.spec.fee_allowed

    @property
    def is_disclosing(self) -> bool:
        """Data is handed over, so a full or partial answer needs a method (Art. 33(1))."""
        return self.spec.disclosing

    def letter_for(self, outcome: Outcome) -> LetterKind:
        """The letter that carries `outcome` on this kind (the spec has one for every outcome)."""
        return outcome.own_letter or self.spec.answer_letters[outcome]

    def reason_applies(self, reason: Reason) -> bool:
        """Whether `reason` may justify an answer other than in full on this kind."""
        return reason.ground in self.spec.reason_grounds

    def reasons(self, catalog: ReasonCatalog) -> list[Reason]:
        """The reasons a clerk may choose today for this kind."""
        return [reason for reason in catalog.active() if self.reason_applies(reason)]

    @classmethod
    def disclosing_kinds(cls) -> frozenset[RequestKind]:
        return frozenset(kind for kind in cls if kind.is_disclosing)


def _grounds(*own: ReasonGround) -> frozenset[ReasonGround]:
    """The kind's own grounds and the procedural ones every request shares (Art. 37, no data)."""
    return frozenset({ReasonGround.PROCEDURE, ReasonGround.NO_DATA, *own})


_DISCLOSURE_GROUNDS = _grounds(ReasonGround.NON_DISCLOSURE, ReasonGround.OTHER_LAW)


def _result(letter: LetterKind) -> dict[Outcome, LetterKind]:
    """One result letter, whatever the final answer."""
    return {Outcome.FULL: letter, Outcome.PARTIAL: letter, Outcome.REFUSE: letter}


_DISCLOSURE_LETTERS = {
    Outcome.FULL: LetterKind.DISCLOSURE,
    Outcome.PARTIAL: LetterKind.PARTIAL_DISCLOSURE,
    Outcome.REFUSE: LetterKind.NON_DISCLOSURE,
}
_register = RequestKind.register
RequestKind.PURPOSE_NOTICE = _register(
    RequestKindSpec(
        "purpose_notice",
        "利用目的の通知",
        "Notification of purpose of use",
        "利用目的の通知",
        "Art. 32(2)",
        _result(LetterKind.PURPOSE_NOTICE),
        fee_allowed=True,
        reason_grounds=_grounds(ReasonGround.PURPOSE_NOTICE),
    )
)
RequestKind.DISCLOSURE = _register(
    RequestKindSpec(
        "disclosure",
        "開示",
        "Disclosure",
        "開示",
        "Art. 33(1)",
        _DISCLOSURE_LETTERS,
        fee_allowed=True,
        disclosing=True,
        reason_grounds=_DISCLOSURE_GROUNDS,
    )
)
RequestKind.THIRD_PARTY_RECORDS = _register(
    RequestKindSpec(
        "third_party_records",
        "第三者提供記録の開示",
        "Disclosure of third-party provision records",
        "第三者提供記録",
        "Art. 33(5)",
        _DISCLOSURE_LETTERS,
        fee_allowed=True,
        disclosing=True,
        reason_grounds=_DISCLOSURE_GROUNDS,
    )
)
RequestKind.CORRECTION = _register(
    RequestKindSpec(
        "correction",
        "訂正・追加・削除",
        "Correction, addition or deletion",
        "訂正等",
        "Art. 34",
        _result(LetterKind.CORRECTION_RESULT),
        reason_grounds=_grounds(ReasonGround.CORRECTION),
    )
)
RequestKind.SUSPENSION = _register(
    RequestKindSpec(
        "suspension",
        "利用停止・消去",
        "Suspension of use or erasure",
        "利用停止等",
        "Art. 35(1)",
        _result(LetterKind.SUSPENSION_RESULT),
        reason_grounds=_grounds(ReasonGround.SUSPENSION),
    )
)
RequestKind.THIRD_PARTY_SUSPENSION = _register(
    RequestKindSpec(
        "third_party_suspension",
        "第三者提供の停止",
        "Suspension of provision to third parties",
        "第三者提供停止",
        "Art. 35(3)",
        _result(LetterKind.SUSPENSION_RESULT),
        reason_grounds=_grounds(ReasonGround.PROVISION_STOP),
    )
)


class RequesterType(StrEnum):
    """Who signed the request: the principal (本人) or an agent (代理人)."""

    PRINCIPAL = "principal"  # 本人
    LEGAL_REPRESENTATIVE = "legal_representative"  # 法定代理人 (parent, guardian)
    APPOINTED_AGENT = "appointed_agent"  # 任意代理人 (power of attorney)

    @property
    def label_ja(self) -> str:
        return _REQUESTER_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _REQUESTER_LABELS[self][1]

    @property
    def is_agent(self) -> bool:
        return self is not RequesterType.PRINCIPAL


_REQUESTER_LABELS: dict[RequesterType, tuple[str, str]] = {
    RequesterType.PRINCIPAL: ("本人", "Principal"),
    RequesterType.LEGAL_REPRESENTATIVE: ("法定代理人", "Legal representative"),
    RequesterType.APPOINTED_AGENT: ("任意代理人", "Appointed agent"),
}


class FeeForm(StrEnum):
    """How the fee was enclosed (手数料の納付方法)."""

    MONEY_ORDER = "money_order"  # 定額小為替 — expires 6 months after issue
    STAMPS = "stamps"  # 郵便切手
    NONE = "none"

    @property
    def label_ja(self) -> str:
        return {"money_order": "定額小為替", "stamps": "郵便切手", "none": "同封なし"}[self.value]

    @property
    def label_en(self) -> str:
        return {"money_order": "Postal money order", "stamps": "Stamps", "none": "None"}[self.value]
