"""Facts and helpers the checks share: document validity, ages, evidence references, requests."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from enum import StrEnum

from desktop.domain.documents import NON_PHOTO_IDS, PHOTO_IDS, DocumentKind
from desktop.domain.verification.evidence import DocumentEvidence, DocumentSubkind, is_certificate
from desktop.domain.verification.findings import Deficiency, EvidenceRef, Source

# Paper health-insurance cards stopped being issued on 2024-12-02; the last ones were valid
# through 2025-12-01. Only a 資格確認書 can be valid after that.
PAPER_INSURANCE_LAST_VALID = date(2025, 12, 1)
# Passports issued from this day on have no address field (所持人記入欄 abolished).
PASSPORT_WITHOUT_ADDRESS_SINCE = date(2020, 2, 4)


class Validity(StrEnum):
    """Whether a document could be relied on the day the envelope arrived."""

    VALID = "valid"
    EXPIRED = "expired"  # a card past its expiry date
    STALE = "stale"  # a certificate issued too long before
    UNKNOWN = "unknown"  # the date was not read (or is impossible)


def validity(document: DocumentEvidence, received_on: date, max_age_days: int) -> Validity:
    """The validity of `document` on the receipt date of the envelope (never today)."""
    if is_certificate(document.kind, document.subkind):
        issued = document.issued_on
        if issued is None or issued > received_on:
            return Validity.UNKNOWN
        return Validity.STALE if (received_on - issued).days > max_age_days else Validity.VALID
    expiry = document.expiry_date
    if (
        document.kind is DocumentKind.HEALTH_INSURANCE
        and document.subkind is not DocumentSubkind.QUALIFICATION_CERTIFICATE
    ):
        last_valid = min(expiry or PAPER_INSURANCE_LAST_VALID, PAPER_INSURANCE_LAST_VALID)
        return Validity.EXPIRED if received_on > last_valid else Validity.VALID
    if expiry is None:
        return Validity.UNKNOWN
    return Validity.EXPIRED if received_on > expiry else Validity.VALID


def identifies(documents: Iterable[DocumentEvidence]) -> bool:
    """One photo ID, or two identity documents of different kinds without a photo."""
    kinds = {document.kind for document in documents}
    return bool(kinds & PHOTO_IDS) or len(kinds & NON_PHOTO_IDS) >= 2


def age_on(birth_date: date, day: date) -> int:
    """Age in full years on `day`; by Japanese law one turns a year older the day before the
    birthday (年齢計算ニ関スル法律), so the day after `day` is compared with the birthday."""
    after = day + timedelta(days=1)
    return (
        after.year
        - birth_date.year
        - ((after.month, after.day) < (birth_date.month, birth_date.day))
    )


def document_ref(document: DocumentEvidence, field: str | None = None) -> EvidenceRef:
    return EvidenceRef(Source.DOCUMENT, document.document_id, document.page_no, field)


def labels_ja(documents: Iterable[DocumentEvidence]) -> str:
    return "、".join(dict.fromkeys(document.label_ja for document in documents))


def labels_en(documents: Iterable[DocumentEvidence]) -> str:
    return ", ".join(dict.fromkeys(document.label_en for document in documents))


def period_ja(days: int) -> str:
    return f"{days // 30}か月" if days % 30 == 0 else f"{days}日"


def period_en(days: int) -> str:
    months = days // 30
    if days % 30:
        return f"{days} days"
    return "1 month" if months == 1 else f"{months} months"


# --- What the requester may be asked to send (補正のお願い) -----------------------------------

VALID_ID = Deficiency(
    "valid_id",
    "有効期限内の本人確認書類の写し",
    "A copy of an identity document that has not expired",
)
IDENTITY_SET = Deficiency(
    "identity_set",
    "本人確認書類の写し（顔写真付きのもの1点、または顔写真のないもの2点）",
    "Copies of identity documents (one with a photo, or two without)",
)
ADDRESS_DOCUMENT = Deficiency(
    "address_document",
    "住所の確認できる書類（住民票の写し等）",
    "A document showing your address (such as a residence certificate)",
)


def fresh_certificate(document: DocumentEvidence, max_age_days: int) -> Deficiency:
    """Ask for a newer copy of a certificate that was too old (or whose date cannot be read)."""
    return Deficiency(
        f"fresh_{document.subkind or document.kind}",
        f"発行後{period_ja(max_age_days)}以内の{document.label_ja}",
        f"{document.label_en} issued within the last {period_en(max_age_days)}",
    )
