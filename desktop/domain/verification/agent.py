"""Checks of an agent's authority (代理権): the agent's own ID, and the proof of authority —
for a legal representative (法定代理人) the family register or guardianship certificate, for an
appointed agent (任意代理人) a power of attorney sealed with the principal's registered seal (実印)
and the principal's seal certificate."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from desktop.domain import reasons
from desktop.domain.documents import DocumentKind
from desktop.domain.requests import RequesterType
from desktop.domain.verification._common import (
    Validity,
    age_on,
    document_ref,
    fresh_certificate,
    labels_en,
    labels_ja,
    period_en,
    period_ja,
    validity,
)
from desktop.domain.verification.comparers import Comparers
from desktop.domain.verification.evidence import (
    CaseEvidence,
    DocumentEvidence,
    DocumentSubkind,
    Holder,
    SealJudgement,
    VerificationPolicy,
)
from desktop.domain.verification.findings import (
    Deficiency,
    EvidenceRef,
    Finding,
    Severity,
    Source,
)
from desktop.domain.verification.identity import identity_findings

POWER_OF_ATTORNEY = Deficiency(
    "power_of_attorney",
    "委任状（ご本人が実印を押印したもの）",
    "A power of attorney sealed with the principal's registered seal",
)
SEALED_AGAIN = Deficiency(
    "power_of_attorney_resealed",
    "印鑑登録証明書と同じ印（実印）を押印した委任状",
    "A power of attorney sealed with the same seal as on the seal certificate",
)
_SEAL_CERTIFICATE = DocumentEvidence(DocumentKind.SEAL_CERTIFICATE)
_FAMILY_REGISTER = DocumentEvidence(DocumentKind.FAMILY_REGISTER)
_GUARDIANSHIP = DocumentEvidence(
    DocumentKind.OTHER, subkind=DocumentSubkind.GUARDIANSHIP_REGISTRATION
)


def _finding(
    code: str,
    title: tuple[str, str],
    severity: Severity,
    detail: tuple[str, str],
    evidence: Sequence[EvidenceRef] = (),
    deficiency: Deficiency | None = None,
) -> Finding:
    blocking = severity is Severity.BLOCKING
    return Finding(
        code,
        severity,
        *title,
        *detail,
        evidence=tuple(evidence),
        reason_code=reasons.AGENT_AUTHORITY_UNCONFIRMED if blocking else None,
        deficiency=deficiency,
    )


def agent_findings(
    evidence: CaseEvidence, policy: VerificationPolicy, compare: Comparers
) -> list[Finding]:
    """The agent's ID and name, then the proof of authority for the kind of agent."""
    findings = identity_findings(evidence, Holder.AGENT, policy.certificate_max_age_days)
    name = _agent_name(evidence, compare)
    if name is not None:
        findings.append(name)
    if evidence.requester_type is RequesterType.LEGAL_REPRESENTATIVE:
        findings.append(_relationship_proof(evidence, policy))
    else:
        findings.append(_power_of_attorney(evidence))
    return findings


def seal_findings(evidence: CaseEvidence, policy: VerificationPolicy) -> list[Finding]:
    """For an appointed agent: the principal's seal certificate and the clerk's seal comparison."""
    return [_seal_certificate(evidence, policy), _seal_match(evidence)]


def _agent_name(evidence: CaseEvidence, compare: Comparers) -> Finding | None:
    documents = [d for d in evidence.documents if d.holder is Holder.AGENT and d.name]
    if not documents:
        return None  # no agent ID: `agent_id_present` already says so
    title = ("代理人の氏名（請求書と書類）", "Agent's name: form vs documents")
    refs = [document_ref(d, "name") for d in documents]
    form = evidence.form
    if form is None or not form.agent_name:
        return _finding(
            "agent_name_form_vs_id", title, Severity.NEEDS_LOOK,
            (
                "請求書の代理人氏名を読み取れませんでした。",
                "The agent's name on the form could not be read.",
            ),
            refs,
        )  # fmt: skip
    agent_name = form.agent_name
    verdicts = {
        # A romanised name (passport, residence card) has no reading on the form to compare.
        name: "unknown" if name.isascii() else str(compare.names(agent_name, name).verdict)
        for name in dict.fromkeys(d.name for d in documents if d.name is not None)
    }
    differences = tuple(
        ("name", agent_name, name) for name, verdict in verdicts.items() if verdict != "match"
    )
    seen = set(verdicts.values())
    if "mismatch" in seen:
        severity = Severity.BLOCKING
        detail = (
            "請求書の代理人氏名と代理人の本人確認書類の氏名が一致しません。",
            "The agent's name on the form differs from the agent's identity document.",
        )
    elif seen - {"match"}:
        severity = Severity.NEEDS_LOOK
        detail = (
            "異体字・ローマ字表記等の違いがあります。同一人の氏名か確認してください。",
            "The spellings differ (variant characters or romaji). Check that it is the same name.",
        )
    else:
        severity = Severity.OK
        detail = ("代理人の氏名が一致します。", "The agent's names match.")
    finding = _finding("agent_name_form_vs_id", title, severity, detail, refs)
    return replace(finding, differences=differences)


def _principal_is_minor(evidence: CaseEvidence, policy: VerificationPolicy) -> bool | None:
    births = [evidence.form.birth_date if evidence.form else None]
    births.append(evidence.registered.birth_date if evidence.registered else None)
    births += [d.birth_date for d in evidence.documents if d.holder is Holder.PRINCIPAL]
    birth = next((b for b in births if b is not None), None)
    if birth is None:
        return None
    return age_on(birth, evidence.received_on) < policy.adult_age


def _relationship_proof(evidence: CaseEvidence, policy: VerificationPolicy) -> Finding:
    """A parent or guardian of a minor shows a 戸籍 (or a 住民票 with the 続柄); a guardian of an
    adult ward shows the 登記事項証明書 of the guardianship registration."""
    title = ("法定代理人の資格", "Legal representative's authority")
    days = policy.certificate_max_age_days
    minor = _principal_is_minor(evidence, policy)
    family = [
        d
        for d in evidence.documents
        if (d.kind is DocumentKind.FAMILY_REGISTER and d.subkind is None)
        or (d.kind is DocumentKind.RESIDENCE_CERTIFICATE and d.shows_relationship is not False)
    ]
    guardianship = [
        d for d in evidence.documents if d.subkind is DocumentSubkind.GUARDIANSHIP_REGISTRATION
    ]
    accepted = {True: family, False: guardianship, None: family + guardianship}[minor]
    refs = [document_ref(d) for d in family + guardianship]
    if not accepted:
        wanted = {True: _FAMILY_REGISTER, False: _GUARDIANSHIP, None: _FAMILY_REGISTER}[minor]
        detail = {
            True: (
                "ご本人（未成年）との関係を示す戸籍謄本等がありません。",
                "No family register or similar shows the relationship to the (minor) principal.",
            ),
            False: (
                "ご本人は成年です。成年後見の登記事項証明書がありません。",
                "The principal is an adult; no certificate of guardianship registration was sent.",
            ),
            None: (
                "法定代理人であることを示す書類がありません。",
                "No document shows the authority of the legal representative.",
            ),
        }[minor]
        return _finding(
            "legal_representative_proof", title, Severity.BLOCKING, detail, refs,
            fresh_certificate(wanted, days),
        )  # fmt: skip
    states = {d: validity(d, evidence.received_on, days) for d in accepted}
    valid = [d for d in accepted if states[d] is Validity.VALID]
    unknown = [d for d in accepted if states[d] is Validity.UNKNOWN]
    if not valid and not unknown:
        return _finding(
            "legal_representative_proof", title, Severity.BLOCKING,
            (
                f"{labels_ja(accepted)}の発行から{period_ja(days)}を超えています。",
                f"{labels_en(accepted)} was issued more than {period_en(days)} before receipt.",
            ),
            refs, fresh_certificate(accepted[0], days),
        )  # fmt: skip
    if not valid:
        return _finding(
            "legal_representative_proof", title, Severity.NEEDS_LOOK,
            (
                f"{labels_ja(unknown)}の発行日を読み取れませんでした。書類で確認してください。",
                f"The issue date of {labels_en(unknown)} could not be read. Check the document.",
            ),
            refs,
        )  # fmt: skip
    if minor is None:
        return _finding(
            "legal_representative_proof", title, Severity.NEEDS_LOOK,
            (
                "ご本人の生年月日が不明のため、未成年か成年被後見人かを確認してください。",
                "The principal's date of birth is unknown: check whether a minor or an adult ward.",
            ),
            refs,
        )  # fmt: skip
    unsure = [d for d in valid if d.kind is DocumentKind.RESIDENCE_CERTIFICATE]
    if len(unsure) == len(valid) and all(d.shows_relationship is None for d in unsure):
        return _finding(
            "legal_representative_proof", title, Severity.NEEDS_LOOK,
            (
                "住民票の写しに続柄の記載があるか確認してください。",
                "Check that the residence certificate shows the relationship.",
            ),
            refs,
        )  # fmt: skip
    whose = ("ご本人（未成年）", "the minor principal") if minor else ("成年被後見人", "the ward")
    return _finding(
        "legal_representative_proof", title, Severity.OK,
        (
            f"{labels_ja(valid)}で{whose[0]}との関係を確認できます。",
            f"{labels_en(valid)} shows the relationship to {whose[1]}.",
        ),
        refs,
    )  # fmt: skip


def _power_of_attorney(evidence: CaseEvidence) -> Finding:
    title = ("委任状", "Power of attorney")
    powers = [d for d in evidence.documents if d.kind is DocumentKind.POWER_OF_ATTORNEY]
    refs = [document_ref(d) for d in powers]
    if not powers:
        return _finding(
            "power_of_attorney", title, Severity.BLOCKING,
            ("委任状が同封されていません。", "No power of attorney was enclosed."),
            deficiency=POWER_OF_ATTORNEY,
        )  # fmt: skip
    if any(d.has_seal for d in powers):
        return _finding(
            "power_of_attorney", title, Severity.OK,
            (
                "ご本人の押印のある委任状があります。",
                "A power of attorney bearing a seal was enclosed.",
            ),
            refs,
        )  # fmt: skip
    if all(d.has_seal is False for d in powers):
        return _finding(
            "power_of_attorney", title, Severity.BLOCKING,
            ("委任状に押印がありません。", "The power of attorney bears no seal."),
            refs, POWER_OF_ATTORNEY,
        )  # fmt: skip
    return _finding(
        "power_of_attorney", title, Severity.NEEDS_LOOK,
        (
            "委任状の押印の有無を確認してください。",
            "Check whether the power of attorney is sealed.",
        ),
        refs,
    )  # fmt: skip


def _seal_certificate(evidence: CaseEvidence, policy: VerificationPolicy) -> Finding:
    title = ("印鑑登録証明書", "Seal certificate")
    days = policy.certificate_max_age_days
    wanted = fresh_certificate(_SEAL_CERTIFICATE, days)
    certificates = [
        d
        for d in evidence.documents
        if d.kind is DocumentKind.SEAL_CERTIFICATE and d.holder is Holder.PRINCIPAL
    ]
    refs = [document_ref(d) for d in certificates]
    if not certificates:
        return _finding(
            "seal_certificate", title, Severity.BLOCKING,
            (
                "ご本人の印鑑登録証明書が同封されていません。",
                "The principal's seal certificate was not enclosed.",
            ),
            deficiency=wanted,
        )  # fmt: skip
    states = {validity(d, evidence.received_on, days) for d in certificates}
    if Validity.VALID in states:
        return _finding(
            "seal_certificate", title, Severity.OK,
            (f"発行後{period_ja(days)}以内です。", f"Issued within {period_en(days)}."),
            refs,
        )  # fmt: skip
    if Validity.UNKNOWN in states:
        return _finding(
            "seal_certificate", title, Severity.NEEDS_LOOK,
            (
                "発行日を読み取れませんでした。書類で確認してください。",
                "The issue date could not be read. Check the document.",
            ),
            refs,
        )  # fmt: skip
    return _finding(
        "seal_certificate", title, Severity.BLOCKING,
        (
            f"受付日に発行から{period_ja(days)}を超えています。",
            f"Issued more than {period_en(days)} before the day of receipt.",
        ),
        refs, wanted,
    )  # fmt: skip


def _seal_match(evidence: CaseEvidence) -> Finding:
    title = ("委任状の印影", "Seal on the power of attorney")
    refs = [
        EvidenceRef(Source.CLERK, field="seal_judgement"),
        *(
            document_ref(d)
            for d in evidence.documents
            if d.kind in {DocumentKind.POWER_OF_ATTORNEY, DocumentKind.SEAL_CERTIFICATE}
        ),
    ]
    kinds = {d.kind for d in evidence.documents}
    if not {DocumentKind.POWER_OF_ATTORNEY, DocumentKind.SEAL_CERTIFICATE} <= kinds:
        return _finding(
            "seal_match", title, Severity.NEEDS_LOOK,
            ("委任状と印鑑登録証明書の両方がそろうまで印影を照合できません。",
             "The seals can be compared only once both documents are at hand."),
            refs,
        )  # fmt: skip
    judgement = evidence.seal_judgement
    if judgement is SealJudgement.MATCHES:
        return _finding(
            "seal_match", title, Severity.OK,
            ("印鑑登録証明書の印影と一致します（担当者確認）。",
             "Matches the seal certificate (checked by staff)."),
            refs,
        )  # fmt: skip
    if judgement is SealJudgement.DOES_NOT_MATCH:
        return _finding(
            "seal_match", title, Severity.BLOCKING,
            ("印鑑登録証明書の印影と一致しません。",
             "Does not match the seal on the seal certificate."),
            refs, SEALED_AGAIN,
        )  # fmt: skip
    if judgement is SealJudgement.CANNOT_TELL:
        return _finding(
            "seal_match", title, Severity.NEEDS_LOOK,
            ("印影が一致するか判別できません。原本で再確認してください。",
             "Cannot tell whether the seals match. Check again on the originals."),
            refs,
        )  # fmt: skip
    return _finding(
        "seal_match", title, Severity.NEEDS_LOOK,
        ("委任状の印影と印鑑登録証明書の印影を照合してください。",
         "Compare the seal on the power of attorney with the seal certificate."),
        refs,
    )  # fmt: skip
