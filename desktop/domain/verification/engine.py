"""The verification checklist (確認チェックリスト): every check for a case, in reading order."""

from __future__ import annotations

from desktop.domain.requests import RequesterType
from desktop.domain.verification.agent import agent_findings, seal_findings
from desktop.domain.verification.comparers import Comparers
from desktop.domain.verification.evidence import CaseEvidence, Holder, VerificationPolicy
from desktop.domain.verification.findings import Finding
from desktop.domain.verification.form import form_findings
from desktop.domain.verification.identity import identity_findings, my_number_back_finding
from desktop.domain.verification.payment import fee_findings
from desktop.domain.verification.personal import particulars_findings, registry_finding


def verify(evidence: CaseEvidence, policy: VerificationPolicy, compare: Comparers) -> list[Finding]:
    """The findings for `evidence`, ordered as a clerk reads the checklist top-down.

    Identity documents → customer record → name → birth date → address → agent → seal → fee →
    form. Passing checks are listed too, so the clerk sees what was checked; checks that do not
    apply to the case (agent checks for a principal, a passport's address without a passport)
    are left out. Dates are judged on the day the envelope was received, never today.
    """
    findings: list[Finding] = []
    if not evidence.requester_type.is_agent:
        findings += identity_findings(evidence, Holder.PRINCIPAL, policy.certificate_max_age_days)
    findings.append(my_number_back_finding(evidence))
    findings.append(registry_finding(evidence))
    findings += particulars_findings(evidence, compare)
    if evidence.requester_type.is_agent:
        findings += agent_findings(evidence, policy, compare)
        if evidence.requester_type is RequesterType.APPOINTED_AGENT:
            findings += seal_findings(evidence, policy)
    findings += fee_findings(evidence, policy)
    findings += form_findings(evidence)
    return findings
