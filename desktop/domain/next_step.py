"""The next step of a case (次の作業): what moves it forward from its status, and where it is done.

The case window shows it and carries it out; the move itself is planned by `status.plan_transition`
(allowed, who may make it, what must exist first), so this table only chooses among the moves the
status machine already allows.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from desktop.domain.roles import Permission
from desktop.domain.status import CaseStatus, plan_transition


class Place(StrEnum):
    """The tab of the case window where a step is done."""

    DOCUMENTS = "documents"
    VERIFICATION = "verification"
    DECISION = "decision"
    LETTERS = "letters"


class Step(StrEnum):
    START_VERIFYING = "start_verifying"
    DECIDE = "decide"
    RESUME_VERIFYING = "resume_verifying"
    SUBMIT = "submit"
    AWAIT_APPROVAL = "await_approval"
    REVISE = "revise"
    ISSUE_LETTER = "issue_letter"
    RECORD_POSTING = "record_posting"
    CLOSE = "close"
    RESEND = "resend"


@dataclass(frozen=True)
class NextStep:
    step: Step
    current: CaseStatus
    target: CaseStatus
    place: Place
    label_ja: str
    label_en: str
    hint_ja: str
    hint_en: str

    @property
    def permission(self) -> Permission:
        """Who may take the step: the permission of the move it makes."""
        return plan_transition(self.current, self.target, "-").permission

    @property
    def waits_for_someone_else(self) -> bool:
        return self.step is Step.AWAIT_APPROVAL

    def label(self, language: str) -> str:
        return self.label_ja if language == "ja" else self.label_en

    def hint(self, language: str) -> str:
        return self.hint_ja if language == "ja" else self.hint_en


_STEPS: dict[CaseStatus, tuple[Step, CaseStatus, Place, str, str, str, str]] = {
    CaseStatus.RECEIVED: (
        Step.START_VERIFYING,
        CaseStatus.VERIFYING,
        Place.VERIFICATION,
        "確認を始める",
        "Start verification",
        "同封書類を取り込んだら、本人確認を始めます。",
        "Once the enclosures are scanned, start checking the identity.",
    ),
    CaseStatus.SCANNED: (
        Step.START_VERIFYING,
        CaseStatus.VERIFYING,
        Place.VERIFICATION,
        "確認を始める",
        "Start verification",
        "取り込んだ書類で本人確認を始めます。",
        "Check the identity against the scanned documents.",
    ),
    CaseStatus.VERIFYING: (
        Step.DECIDE,
        CaseStatus.DECIDED,
        Place.DECISION,
        "決定へ進む",
        "Go to the decision",
        "確認が済んだら、請求ごとに決定を入力して保存します。",
        "When the checks are done, enter and save a decision for each request.",
    ),
    CaseStatus.AWAITING_DOCUMENTS: (
        Step.RESUME_VERIFYING,
        CaseStatus.VERIFYING,
        Place.VERIFICATION,
        "書類到着：確認を再開",
        "Documents arrived: resume verification",
        "補正の書類が届いたら、取り込んで確認を再開します（期限の停止が終わります）。",
        "When the documents arrive, scan them and resume (the deadline runs again).",
    ),
    CaseStatus.DECIDED: (
        Step.SUBMIT,
        CaseStatus.IN_REVIEW,
        Place.DECISION,
        "承認を依頼",
        "Submit for review",
        "決定を責任者の承認に回します。",
        "Send the decision to a supervisor for approval.",
    ),
    CaseStatus.IN_REVIEW: (
        Step.AWAIT_APPROVAL,
        CaseStatus.APPROVED,
        Place.DECISION,
        "責任者の承認待ち",
        "Waiting for a supervisor",
        "責任者が承認一覧（Ctrl+Shift+R）で承認または差戻しをします。",
        "A supervisor approves or returns it in the review queue (Ctrl+Shift+R).",
    ),
    CaseStatus.REWORK: (
        Step.REVISE,
        CaseStatus.DECIDED,
        Place.DECISION,
        "決定を見直す",
        "Revise the decision",
        "差戻しのコメントを読み、決定を直して保存します。",
        "Read the supervisor's comment, correct the decision and save it.",
    ),
    CaseStatus.APPROVED: (
        Step.ISSUE_LETTER,
        CaseStatus.LETTER_PRINTED,
        Place.LETTERS,
        "通知書を発行・印刷",
        "Issue and print the letter",
        "回答の通知書を発行し、印刷します。",
        "Issue the answering letter and print it.",
    ),
    CaseStatus.LETTER_PRINTED: (
        Step.RECORD_POSTING,
        CaseStatus.SENT,
        Place.LETTERS,
        "発送を記録",
        "Record the posting",
        "書留で発送し、その番号を記録します。",
        "Post it by registered mail and record the number.",
    ),
    CaseStatus.SENT: (
        Step.CLOSE,
        CaseStatus.CLOSED,
        Place.LETTERS,
        "案件を完了",
        "Close the case",
        "郵便が戻らなければ、案件を完了します。",
        "When nothing comes back, close the case.",
    ),
    CaseStatus.MAIL_RETURNED: (
        Step.RESEND,
        CaseStatus.SENT,
        Place.LETTERS,
        "再発送を記録",
        "Record the re-posting",
        "宛先を確かめて再発送し、新しい書留番号を記録します。",
        "Check the address, post it again and record the new number.",
    ),
}


def next_step(status: CaseStatus) -> NextStep | None:
    """The step that moves a case in `status` forward; None once it is closed or withdrawn."""
    entry = _STEPS.get(status)
    if entry is None:
        return None
    step, target, place, label_ja, label_en, hint_ja, hint_en = entry
    return NextStep(step, status, target, place, label_ja, label_en, hint_ja, hint_en)
