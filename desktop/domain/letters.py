"""The letters Kaiji Desk prints (書面の種類) and what each one is for.

A letter kind's wording and printed title live in `resources/letters/<language>/<kind>.toml`;
its rules live here. The registration order is the order in which letters are printed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from desktop.domain.kinds import Kind
from desktop.domain.status import CaseStatus

# The answer goes out only once a supervisor approved it (and again after that, when corrected).
ANSWERING_STATUSES = frozenset(
    {CaseStatus.APPROVED, CaseStatus.LETTER_PRINTED, CaseStatus.SENT, CaseStatus.MAIL_RETURNED}
)


@dataclass(frozen=True)
class LetterKindSpec:
    """What one letter kind is for.

    `answers`: it carries the approved decision on one or more request kinds, so it states their
    outcomes and is issued only once a supervisor approved them. `carries_data`: the disclosed
    data goes with it (annexed, or as an electronic record). `explains_refusal`: it always says
    where to complain, whatever the outcomes it states. `may_reach_a_non_customer`: the addressee
    may have no dealings with the company at all (no data is held about them), so the letter
    must not thank them for their patronage.
    """

    value: str
    answers: bool = False
    carries_data: bool = False
    explains_refusal: bool = False
    may_reach_a_non_customer: bool = False
    # The series of its 文書番号 (開示第2026-0001号): numbered per series and calendar year.
    number_series: str = "通知"


class LetterKind(Kind[LetterKindSpec]):
    """A letter kind (names as used by `kaiji letter --specimen KIND`)."""

    ACKNOWLEDGEMENT: ClassVar[LetterKind]  # 受付のご連絡
    DEFICIENCY: ClassVar[LetterKind]  # 補正のお願い
    DISCLOSURE: ClassVar[LetterKind]  # 開示決定通知書
    PARTIAL_DISCLOSURE: ClassVar[LetterKind]  # 一部開示決定通知書
    NON_DISCLOSURE: ClassVar[LetterKind]  # 不開示決定通知書
    NO_DATA: ClassVar[LetterKind]  # 保有個人データ不存在のお知らせ
    PURPOSE_NOTICE: ClassVar[LetterKind]  # 利用目的通知書
    CORRECTION_RESULT: ClassVar[LetterKind]  # 訂正等の結果のお知らせ
    SUSPENSION_RESULT: ClassVar[LetterKind]  # 利用停止等の結果のお知らせ
    EXTENSION: ClassVar[LetterKind]  # 回答期限延長のお知らせ

    @property
    def answers(self) -> bool:
        return self.spec.answers

    @property
    def carries_data(self) -> bool:
        return self.spec.carries_data

    @property
    def explains_refusal(self) -> bool:
        return self.spec.explains_refusal

    @property
    def may_reach_a_non_customer(self) -> bool:
        return self.spec.may_reach_a_non_customer

    @property
    def number_series(self) -> str:
        return self.spec.number_series

    def may_issue_in(self, status: CaseStatus) -> bool:
        """Notices (receipt, documents wanted, extension) go out while the case is open; the
        answer only after the decisions were approved. Nothing once it is closed or withdrawn."""
        if status.is_final:
            return False
        return not self.answers or status in ANSWERING_STATUSES

    @classmethod
    def answer_kinds(cls) -> frozenset[LetterKind]:
        return frozenset(kind for kind in cls if kind.answers)


_register = LetterKind.register
LetterKind.ACKNOWLEDGEMENT = _register(LetterKindSpec("acknowledgement", number_series="受付"))
LetterKind.DEFICIENCY = _register(LetterKindSpec("deficiency", number_series="補正"))
LetterKind.DISCLOSURE = _register(
    LetterKindSpec("disclosure", answers=True, carries_data=True, number_series="開示")
)
LetterKind.PARTIAL_DISCLOSURE = _register(
    LetterKindSpec(
        "partial_disclosure",
        answers=True,
        carries_data=True,
        explains_refusal=True,
        number_series="開示",
    )
)
LetterKind.NON_DISCLOSURE = _register(
    LetterKindSpec("non_disclosure", answers=True, explains_refusal=True, number_series="開示")
)
LetterKind.NO_DATA = _register(
    LetterKindSpec("no_data", answers=True, may_reach_a_non_customer=True, number_series="開示")
)
LetterKind.PURPOSE_NOTICE = _register(
    LetterKindSpec("purpose_notice", answers=True, number_series="利用目的")
)
LetterKind.CORRECTION_RESULT = _register(
    LetterKindSpec("correction_result", answers=True, number_series="訂正")
)
LetterKind.SUSPENSION_RESULT = _register(
    LetterKindSpec("suspension_result", answers=True, number_series="利用停止")
)
LetterKind.EXTENSION = _register(LetterKindSpec("extension", number_series="延長"))


def document_number(series: str, year: int, serial: int) -> str:
    """A letter's own 文書番号, e.g. 開示第2026-0001号 (the serial restarts each calendar year)."""
    return f"{series}第{year}-{serial:04d}号"
