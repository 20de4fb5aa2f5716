"""Verification of a case (本人確認・書類確認): from the evidence in the envelope to a checklist
of findings, each ok, needing a look, or blocking, with the reason or the documents to ask for.

Pure rules: names and addresses are compared by the `Comparers` the caller passes in.
"""

from desktop.domain.verification.comparers import (
    AddressCheck,
    AddressDifference,
    Comparers,
    NameCheck,
)
from desktop.domain.verification.engine import verify
from desktop.domain.verification.evidence import (
    CaseEvidence,
    DocumentEvidence,
    DocumentSubkind,
    FeeFacts,
    FormFacts,
    Holder,
    RegisteredRecord,
    SealJudgement,
    VerificationPolicy,
    is_certificate,
)
from desktop.domain.verification.findings import (
    Deficiency,
    EvidenceRef,
    Finding,
    Override,
    Severity,
    Source,
    apply_overrides,
    deficiencies,
    overall,
)

__all__ = [
    "AddressCheck",
    "AddressDifference",
    "CaseEvidence",
    "Comparers",
    "Deficiency",
    "DocumentEvidence",
    "DocumentSubkind",
    "EvidenceRef",
    "FeeFacts",
    "Finding",
    "FormFacts",
    "Holder",
    "NameCheck",
    "Override",
    "RegisteredRecord",
    "SealJudgement",
    "Severity",
    "Source",
    "VerificationPolicy",
    "apply_overrides",
    "deficiencies",
    "is_certificate",
    "overall",
    "verify",
]
