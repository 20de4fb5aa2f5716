"""The one rule every case-changing use case obeys: a closed or withdrawn case is read-only.

Only the use cases that reopen a case (returned mail) move it out of a final status; everything
else — fields, deadlines, pages, checks, decisions, letters, links — is refused here, once.
"""

from __future__ import annotations

from desktop.domain.errors import InvalidInput
from desktop.domain.status import CaseStatus
from desktop.store.models import Case


class CaseReadOnly(InvalidInput):
    def __init__(self, reference: str, status: CaseStatus) -> None:
        super().__init__(
            f"案件 {reference} は「{status.label_ja}」です。完了・取下げの案件は変更できません。",
            f"Case {reference} is {status.label_en.lower()}: "
            "closed or withdrawn cases cannot be edited.",
        )
        self.reference = reference
        self.status = status


def require_open(case: Case) -> Case:
    """`case`, provided it is neither closed nor withdrawn."""
    status = CaseStatus(case.status)
    if status.is_final:
        raise CaseReadOnly(case.reference, status)
    return case
