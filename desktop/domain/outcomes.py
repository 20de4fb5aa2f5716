"""The answer to one request kind (決定の区分) and what each answer means for the letters."""

from __future__ import annotations

from enum import StrEnum

from desktop.domain.letters import LetterKind


class Outcome(StrEnum):
    """The answer to one request kind (決定の区分)."""

    FULL = "full"  # 全部に応じる
    PARTIAL = "partial"  # 一部に応じる
    REFUSE = "refuse"  # 応じない
    REQUEST_DOCUMENTS = "request_documents"  # 補正を求める
    NO_DATA = "no_data"  # 保有個人データなし

    @property
    def label_ja(self) -> str:
        return _OUTCOME_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _OUTCOME_LABELS[self][1]

    @property
    def short_label_ja(self) -> str:
        """The column heading of the annual report."""
        return _OUTCOME_LABELS[self][2]

    @property
    def short_label_en(self) -> str:
        return _OUTCOME_LABELS[self][3]

    @property
    def is_final(self) -> bool:
        """A final answer to the request, as opposed to asking for documents first."""
        return self is not Outcome.REQUEST_DOCUMENTS

    @property
    def hands_over(self) -> bool:
        """The requester gets (some of) what they asked for: data, a notice, a correction."""
        return self in {Outcome.FULL, Outcome.PARTIAL}

    @property
    def refuses(self) -> bool:
        """Refused in whole or in part: the letter must say why (Art. 36) and where to complain."""
        return self in {Outcome.PARTIAL, Outcome.REFUSE}

    @property
    def own_letter(self) -> LetterKind | None:
        """The letter this outcome calls for whatever the request kind; None: the kind's own."""
        return _OWN_LETTERS.get(self)


# Label, then the short heading of the annual report, in Japanese and English.
_OUTCOME_LABELS: dict[Outcome, tuple[str, str, str, str]] = {
    Outcome.FULL: ("全部に応じる", "Comply in full", "全部応諾", "In full"),
    Outcome.PARTIAL: ("一部に応じる", "Comply in part", "一部応諾", "In part"),
    Outcome.REFUSE: ("応じない", "Refuse", "不応諾", "Refused"),
    Outcome.REQUEST_DOCUMENTS: (
        "補正を求める",
        "Request documents",
        "補正依頼",
        "Documents requested",
    ),
    Outcome.NO_DATA: ("保有個人データなし", "No retained data", "保有なし", "No retained data"),
}
_OWN_LETTERS = {
    Outcome.REQUEST_DOCUMENTS: LetterKind.DEFICIENCY,
    Outcome.NO_DATA: LetterKind.NO_DATA,
}
