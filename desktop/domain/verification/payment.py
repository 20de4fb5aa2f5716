"""Checks of the fee (手数料, Art. 38) and the return postage (返信用切手) found in the envelope."""

from __future__ import annotations

from desktop.domain.deadlines import PeriodUnit, add_period
from desktop.domain.requests import FeeForm
from desktop.domain.verification.evidence import CaseEvidence, VerificationPolicy
from desktop.domain.verification.findings import (
    Deficiency,
    EvidenceRef,
    Finding,
    Severity,
    Source,
)

_FEE_REF = (EvidenceRef(Source.ENVELOPE, field="fee"),)
_FEE_TITLE = ("手数料", "Fee")


def fee_findings(evidence: CaseEvidence, policy: VerificationPolicy) -> list[Finding]:
    """The fee (only purpose notices and disclosures carry one), the money order's validity, and
    the return postage when the company asks for it."""
    findings = [_fee(evidence, policy)]
    if evidence.fee.form is FeeForm.MONEY_ORDER:
        findings.append(_money_order(evidence, policy))
    if policy.return_postage_required:
        findings.append(_return_postage(evidence, policy))
    return findings


def _fee_finding(
    severity: Severity, ja: str, en: str, deficiency: Deficiency | None = None
) -> Finding:
    return Finding("fee", severity, *_FEE_TITLE, ja, en, evidence=_FEE_REF, deficiency=deficiency)


def _fee(evidence: CaseEvidence, policy: VerificationPolicy) -> Finding:
    fee = evidence.fee
    enclosed = fee.amount_enclosed if fee.form is not FeeForm.NONE else 0
    charged = any(kind.fee_allowed for kind in evidence.request_kinds) and policy.fee_yen > 0
    if not charged:
        if enclosed:
            return _fee_finding(
                Severity.NEEDS_LOOK,
                f"手数料のかからない請求ですが、{enclosed:,}円分が同封されています。"
                "返却を検討してください。",
                f"These requests carry no fee, but {enclosed:,} yen was enclosed. "
                "Consider returning it.",
            )
        return _fee_finding(
            Severity.OK,
            "手数料のかからない請求です。",
            "These requests carry no fee.",
        )
    if enclosed and fee.form not in policy.accepted_fee_forms:
        return _fee_finding(
            Severity.BLOCKING,
            f"手数料が当社の受け付けない方法（{fee.form.label_ja}）で同封されています。",
            f"The fee was enclosed in a form we do not accept ({fee.form.label_en}).",
            Deficiency(
                "fee_form",
                f"手数料 {policy.fee_yen:,}円（{_accepted_ja(policy)}）",
                f"The fee of {policy.fee_yen:,} yen ({_accepted_en(policy)})",
            ),
        )
    shortfall = policy.fee_yen - enclosed
    if shortfall > 0:
        return _fee_finding(
            Severity.BLOCKING,
            f"手数料 {policy.fee_yen:,}円に対し、同封は {enclosed:,}円です"
            f"（不足 {shortfall:,}円）。",
            f"The fee is {policy.fee_yen:,} yen; {enclosed:,} yen was enclosed "
            f"({shortfall:,} yen short).",
            Deficiency(
                "fee_shortfall",
                f"手数料の不足分 {shortfall:,}円",
                f"The missing fee of {shortfall:,} yen",
            ),
        )
    if shortfall < 0:
        return _fee_finding(
            Severity.NEEDS_LOOK,
            f"手数料 {policy.fee_yen:,}円に対し、{-shortfall:,}円多く同封されています。",
            f"{-shortfall:,} yen more than the fee of {policy.fee_yen:,} yen was enclosed.",
        )
    return _fee_finding(
        Severity.OK,
        f"手数料 {policy.fee_yen:,}円が同封されています（{fee.form.label_ja}）。",
        f"The fee of {policy.fee_yen:,} yen was enclosed ({fee.form.label_en}).",
    )


def _accepted_ja(policy: VerificationPolicy) -> str:
    return "または".join(sorted(form.label_ja for form in policy.accepted_fee_forms))


def _accepted_en(policy: VerificationPolicy) -> str:
    return " or ".join(sorted(form.label_en.lower() for form in policy.accepted_fee_forms))


def _money_order(evidence: CaseEvidence, policy: VerificationPolicy) -> Finding:
    title = ("定額小為替の有効期間", "Money order validity")
    refs = (EvidenceRef(Source.ENVELOPE, field="money_order_issued_on"),)
    issued = evidence.fee.money_order_issued_on
    if issued is None or issued > evidence.received_on:
        return Finding(
            "money_order_valid", Severity.NEEDS_LOOK, *title,
            "定額小為替の発行日を確認してください。",
            "Check the issue date of the money order.",
            evidence=refs,
        )  # fmt: skip
    months = policy.money_order_valid_months
    last_valid = add_period(issued, months, PeriodUnit.MONTHS, count_first_day=True)
    if evidence.received_on > last_valid:
        amount = evidence.fee.amount_enclosed
        return Finding(
            "money_order_valid", Severity.BLOCKING, *title,
            f"受付日に有効期間（発行日から{months}か月、{last_valid:%Y-%m-%d}まで）を過ぎています。",
            f"On the day of receipt it had expired ({months} months from issue, "
            f"valid until {last_valid:%Y-%m-%d}).",
            evidence=refs,
            deficiency=Deficiency(
                "money_order_expired",
                f"有効期間内の定額小為替 {amount:,}円分（発行日から{months}か月以内のもの）",
                f"Postal money orders worth {amount:,} yen issued within the last {months} months",
            ),
        )  # fmt: skip
    return Finding(
        "money_order_valid", Severity.OK, *title,
        f"{last_valid:%Y-%m-%d}まで有効です。",
        f"Valid until {last_valid:%Y-%m-%d}.",
        evidence=refs,
    )  # fmt: skip


def _return_postage(evidence: CaseEvidence, policy: VerificationPolicy) -> Finding:
    title = ("返信用切手", "Return postage")
    refs = (EvidenceRef(Source.ENVELOPE, field="return_postage"),)
    enclosed = evidence.fee.return_postage_enclosed
    if enclosed:
        return Finding(
            "return_postage", Severity.OK, *title,
            "返信用切手が同封されています。", "Return postage was enclosed.", evidence=refs,
        )  # fmt: skip
    if enclosed is None:
        return Finding(
            "return_postage", Severity.NEEDS_LOOK, *title,
            "返信用切手の有無を確認してください。", "Check whether return postage was enclosed.",
            evidence=refs,
        )  # fmt: skip
    yen = policy.return_postage_yen
    return Finding(
        "return_postage", Severity.BLOCKING, *title,
        "返信用切手が同封されていません。", "No return postage was enclosed.",
        evidence=refs,
        deficiency=Deficiency(
            "return_postage", f"返信用切手 {yen:,}円分", f"Return postage of {yen:,} yen in stamps"
        ),
    )  # fmt: skip
