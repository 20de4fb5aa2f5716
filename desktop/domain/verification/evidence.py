"""What the clerk has in hand for one case: the form, the documents, the registry, the fee.

These are plain values filled in by the services layer from OCR results, the clerk's corrections
and the customer registry. Any field may be None when it was not read or not typed in; the checks
then ask the clerk to look instead of guessing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from desktop.domain.documents import DocumentKind
from desktop.domain.requests import FeeForm, RequesterType, RequestKind


class Holder(StrEnum):
    """Whose document a page is: the principal's (本人) or the agent's (代理人)."""

    PRINCIPAL = "principal"
    AGENT = "agent"


class DocumentSubkind(StrEnum):
    """A finer kind for documents that `DocumentKind` groups together or lacks."""

    QUALIFICATION_CERTIFICATE = "qualification_certificate"  # 資格確認書 (HEALTH_INSURANCE)
    ADDRESS_HISTORY = "address_history"  # 戸籍の附票 (FAMILY_REGISTER)
    GUARDIANSHIP_REGISTRATION = "guardianship_registration"  # 登記事項証明書（成年後見）(OTHER)

    @property
    def is_certificate(self) -> bool:
        return self is DocumentSubkind.GUARDIANSHIP_REGISTRATION


def is_certificate(kind: DocumentKind, subkind: DocumentSubkind | None) -> bool:
    """Certificates carry an issue date, not an expiry date (a guardianship registration too)."""
    return kind.is_certificate or (subkind is not None and subkind.is_certificate)


class SealJudgement(StrEnum):
    """The clerk's comparison of the seal on the power of attorney with the seal certificate."""

    MATCHES = "matches"  # 一致
    DOES_NOT_MATCH = "does_not_match"  # 不一致
    CANNOT_TELL = "cannot_tell"  # 判別できない


@dataclass(frozen=True)
class DocumentEvidence:
    """One page as read by OCR or typed in by the clerk.

    `expiry_date` is the last valid day of a card; `issued_on` the issue date of a certificate
    (住民票, 印鑑登録証明書, 戸籍) or a passport. `previous_addresses` are the 前住所 of a 住民票
    or the address history of a 戸籍の附票. `shows_relationship` says whether a 住民票 or 戸籍
    shows the agent's relationship to the principal (続柄); `has_seal` whether a power of attorney
    bears the principal's seal.
    """

    kind: DocumentKind
    page_no: int = 1
    document_id: int | None = None
    holder: Holder = Holder.PRINCIPAL
    subkind: DocumentSubkind | None = None
    name: str | None = None
    name_kana: str | None = None
    address: str | None = None
    postal_code: str | None = None
    birth_date: date | None = None
    expiry_date: date | None = None
    issued_on: date | None = None
    number: str | None = None
    previous_addresses: tuple[str, ...] = ()
    shows_relationship: bool | None = None
    has_seal: bool | None = None

    @property
    def label_ja(self) -> str:
        return _SUBKIND_LABELS[self.subkind][0] if self.subkind else self.kind.label_ja

    @property
    def label_en(self) -> str:
        return _SUBKIND_LABELS[self.subkind][1] if self.subkind else self.kind.label_en


_SUBKIND_LABELS: dict[DocumentSubkind, tuple[str, str]] = {
    DocumentSubkind.QUALIFICATION_CERTIFICATE: ("資格確認書", "Eligibility certificate"),
    DocumentSubkind.ADDRESS_HISTORY: ("戸籍の附票", "Family-register address history"),
    DocumentSubkind.GUARDIANSHIP_REGISTRATION: (
        "登記事項証明書（成年後見）",
        "Certificate of guardianship registration",
    ),
}


@dataclass(frozen=True)
class FormFacts:
    """What the application form (開示等請求書) says, as read or typed in.

    `complete` and `signed` are the clerk's (or OCR's) answer; None means not yet checked.
    `missing_items` names the blank fields in Japanese, as the letter will list them.
    """

    name: str | None = None
    name_kana: str | None = None
    birth_date: date | None = None
    address: str | None = None
    postal_code: str | None = None
    phone: str | None = None
    signed: bool | None = None
    complete: bool | None = None
    missing_items: tuple[str, ...] = ()
    agent_name: str | None = None
    agent_address: str | None = None
    document_id: int | None = None
    page_no: int | None = None


@dataclass(frozen=True)
class RegisteredRecord:
    """The principal's data in the customer registry (登録情報)."""

    name: str | None = None
    name_kana: str | None = None
    birth_date: date | None = None
    address: str | None = None
    postal_code: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class FeeFacts:
    """The fee and return postage found in the envelope."""

    amount_enclosed: int = 0
    form: FeeForm = FeeForm.NONE
    money_order_issued_on: date | None = None  # the oldest money order when there are several
    return_postage_enclosed: bool | None = None


@dataclass(frozen=True)
class VerificationPolicy:
    """The company's rules (Art. 37/38): fee, postage, how fresh certificates must be."""

    fee_yen: int = 300  # per case, for purpose notices and disclosures only
    accepted_fee_forms: frozenset[FeeForm] = frozenset({FeeForm.MONEY_ORDER, FeeForm.STAMPS})
    return_postage_required: bool = False
    return_postage_yen: int = 460  # shown in the request for missing postage
    certificate_max_age_days: int = 90  # 住民票, 印鑑登録証明書, 戸籍: "within 3 months"
    money_order_valid_months: int = 6  # 定額小為替: six months from the issue date
    adult_age: int = 18  # 成年年齢 (民法4条)


@dataclass(frozen=True)
class CaseEvidence:
    """Everything verification looks at for one case (one envelope).

    `registered` is None while no customer is linked; `no_registered_record` says the registry
    was searched and holds no one matching (the request may concern data not retained).
    """

    requester_type: RequesterType
    received_on: date
    request_kinds: frozenset[RequestKind]
    form: FormFacts | None = None
    registered: RegisteredRecord | None = None
    no_registered_record: bool = False
    documents: tuple[DocumentEvidence, ...] = ()
    seal_judgement: SealJudgement | None = None
    fee: FeeFacts = field(default_factory=FeeFacts)
