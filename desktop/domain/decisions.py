"""The decision on each request kind of a case (決定): outcome, reasons, method and fee.

The rules here are the law's and the company's, checked once for every way a decision is made
(window, command line, import): a case cannot be decided with a refusal that gives no reason.

A case that asks the requester for documents (補正) is not decided yet: either every requested
kind asks for documents, or none does. Answering some kinds while asking for documents on others
would send a final answer on a request whose identity or form is still in doubt.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import NoReturn

from desktop.domain.errors import InvalidInput
from desktop.domain.letters import LetterKind
from desktop.domain.outcomes import Outcome
from desktop.domain.reasons import ReasonCatalog
from desktop.domain.requests import RequestKind
from desktop.domain.retained import Withholding, check_withholdings


class ResponseMethod(StrEnum):
    """How disclosed data reaches the requester (開示の方法, Art. 33(1)): as they asked."""

    PAPER = "paper"  # 書面の交付
    ELECTROMAGNETIC = "electromagnetic"  # 電磁的記録の提供

    @property
    def label_ja(self) -> str:
        return {"paper": "書面の交付", "electromagnetic": "電磁的記録の提供"}[self.value]

    @property
    def label_en(self) -> str:
        return {"paper": "On paper", "electromagnetic": "As an electronic record"}[self.value]


class FeeStatus(StrEnum):
    """Where the fee for this request kind stands (手数料の状況, Art. 38)."""

    NOT_REQUIRED = "not_required"  # 不要
    PAID = "paid"  # 納付済
    SHORT = "short"  # 不足
    UNPAID = "unpaid"  # 未納
    WAIVED = "waived"  # 免除

    @property
    def label_ja(self) -> str:
        return _FEE_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _FEE_LABELS[self][1]

    @property
    def settled(self) -> bool:
        """Nothing is owed: the data may be handed over."""
        return self not in {FeeStatus.SHORT, FeeStatus.UNPAID}


_FEE_LABELS: dict[FeeStatus, tuple[str, str]] = {
    FeeStatus.NOT_REQUIRED: ("不要", "Not required"),
    FeeStatus.PAID: ("納付済", "Paid"),
    FeeStatus.SHORT: ("不足", "Short"),
    FeeStatus.UNPAID: ("未納", "Unpaid"),
    FeeStatus.WAIVED: ("免除", "Waived"),
}


class ReviewResult(StrEnum):
    """What a supervisor's review of the decisions came to (承認 or 差戻し)."""

    APPROVED = "approved"
    RETURNED = "returned"

    @property
    def label_ja(self) -> str:
        return {"approved": "承認", "returned": "差戻し"}[self.value]

    @property
    def label_en(self) -> str:
        return {"approved": "Approved", "returned": "Returned"}[self.value]


@dataclass(frozen=True)
class KindDecision:
    """The decision on one requested kind.

    `method` is the method the requester asked for; `method_impossible` says that method cannot
    be used, which the letter tells them (the data then goes out on paper).
    """

    kind: RequestKind
    outcome: Outcome
    reason_codes: tuple[str, ...] = ()
    detail: str = ""
    method: ResponseMethod | None = None
    method_impossible: bool = False
    fee_status: FeeStatus = FeeStatus.NOT_REQUIRED
    withheld: tuple[Withholding, ...] = ()  # items of the retained data not disclosed

    @property
    def method_used(self) -> ResponseMethod | None:
        """How the data actually goes out: on paper when the chosen method cannot be used
        (Art. 33(2): a large cost or other difficulty; Art. 33(3): the requester is told)."""
        if self.method is not None and self.method_impossible:
            return ResponseMethod.PAPER
        return self.method


def _fail(message_ja: str, message_en: str) -> NoReturn:
    raise InvalidInput(message_ja, message_en)


def _check_kinds(decisions: Sequence[KindDecision], requested: frozenset[RequestKind]) -> None:
    seen: set[RequestKind] = set()
    for decision in decisions:
        kind = decision.kind
        if kind in seen:
            _fail(
                f"「{kind.label_ja}」の決定が二つあります。",
                f"There are two decisions on {kind.label_en.lower()}.",
            )
        if kind not in requested:
            _fail(
                f"「{kind.label_ja}」は請求されていないため、決定できません。",
                f"{kind.label_en} was not requested, so it cannot be decided.",
            )
        seen.add(kind)
    for kind in sorted(requested - seen):
        _fail(
            f"「{kind.label_ja}」の決定が入力されていません。",
            f"{kind.label_en} has no decision yet.",
        )


def _check_reasons(decision: KindDecision, catalog: ReasonCatalog) -> None:
    kind = decision.kind
    codes = decision.reason_codes
    if decision.outcome is Outcome.FULL:
        if codes:
            _fail(
                f"「{kind.label_ja}」に全部応じる場合、理由は選べません。",
                f"Complying in full with {kind.label_en.lower()} takes no reason.",
            )
        return
    if not codes:
        _fail(
            f"「{kind.label_ja}」を「{decision.outcome.label_ja}」とする理由を選んでください。",
            f"Choose a reason for '{decision.outcome.label_en}' on {kind.label_en.lower()}.",
        )
    if len(set(codes)) != len(codes):
        _fail(
            f"「{kind.label_ja}」に同じ理由が二度選ばれています。",
            f"The same reason is chosen twice for {kind.label_en.lower()}.",
        )
    for code in codes:
        if code not in catalog:
            _fail(f"理由「{code}」は登録されていません。", f"Unknown reason {code!r}.")
        reason = catalog[code]
        if not kind.reason_applies(reason):
            _fail(
                f"理由「{reason.title_ja}」は「{kind.label_ja}」には使えません。",
                f"The reason '{reason.title_en}' does not apply to {kind.label_en.lower()}.",
            )
        if reason.retired:
            _fail(
                f"理由「{reason.title_ja}」は使用を終了しています。別の理由を選んでください。",
                f"The reason '{reason.title_en}' is retired; choose another one.",
            )


def _check_method(decision: KindDecision) -> None:
    kind = decision.kind
    if not kind.is_disclosing:
        if decision.method is not None or decision.method_impossible:
            _fail(
                f"「{kind.label_ja}」には開示の方法を指定できません。",
                f"{kind.label_en} has no disclosure method.",
            )
        return
    if not decision.outcome.hands_over:
        return
    if decision.method is None:
        _fail(
            f"「{kind.label_ja}」の開示の方法（請求者の指定）を選んでください。",
            f"Choose the disclosure method the requester asked for ({kind.label_en.lower()}).",
        )
    if decision.method_impossible and decision.method is ResponseMethod.PAPER:
        # Art. 33(1) falls back to paper, so paper itself can never be impossible.
        _fail(
            "書面による開示は「困難」にできません。電磁的記録の提供が困難な場合に指定します。",
            "Paper cannot be marked impossible; mark it when an electronic record cannot be "
            "provided.",
        )


def _check_fee(decision: KindDecision) -> None:
    kind = decision.kind
    if not kind.fee_allowed and decision.fee_status is not FeeStatus.NOT_REQUIRED:
        _fail(
            f"「{kind.label_ja}」には手数料を求められません（法第38条）。",
            f"No fee may be charged for {kind.label_en.lower()} (APPI Art. 38).",
        )
    if decision.outcome.hands_over and not decision.fee_status.settled:
        _fail(
            f"「{kind.label_ja}」の手数料が{decision.fee_status.label_ja}のままでは応じられません。"
            "補正を求めるか、免除としてください。",
            f"{kind.label_en} cannot be answered while the fee is "
            f"{decision.fee_status.label_en.lower()}; request it or waive it.",
        )


def _check_documents_rule(decisions: Sequence[KindDecision]) -> None:
    asking = [d.kind for d in decisions if d.outcome is Outcome.REQUEST_DOCUMENTS]
    if asking and len(asking) != len(decisions):
        _fail(
            "補正を求める請求がある間は、他の請求についても決定できません。"
            "すべての請求を「補正を求める」にするか、補正を求めずに決定してください。",
            "While documents are requested, the other requests cannot be decided either: "
            "request documents for every kind, or decide all of them.",
        )


def validate(
    decisions: Sequence[KindDecision],
    requested_kinds: Iterable[RequestKind],
    catalog: ReasonCatalog,
) -> None:
    """Raise InvalidInput unless `decisions` answer exactly the requested kinds, lawfully."""
    _check_kinds(decisions, frozenset(requested_kinds))
    for decision in decisions:
        _check_reasons(decision, catalog)
        _check_method(decision)
        _check_fee(decision)
        check_withholdings(
            decision.withheld,
            decision.reason_codes,
            decision.kind is RequestKind.DISCLOSURE and decision.outcome is Outcome.PARTIAL,
            decision.kind.label_ja,
        )
    _check_documents_rule(decisions)


def letter_kind_of(decision: KindDecision) -> LetterKind:
    """The letter that carries the answer to this one decision."""
    return decision.kind.letter_for(decision.outcome)


def letter_kind_for(decisions: Iterable[KindDecision]) -> tuple[LetterKind, ...]:
    """Every letter the decisions need, once each, in print order (several when kinds differ)."""
    wanted = {letter_kind_of(d) for d in decisions}
    return tuple(kind for kind in LetterKind if kind in wanted)


def decisions_in_letter(
    decisions: Iterable[KindDecision], letter_kind: LetterKind
) -> tuple[KindDecision, ...]:
    """The decisions one letter of `letter_kind` answers."""
    return tuple(d for d in decisions if letter_kind_of(d) == letter_kind)
