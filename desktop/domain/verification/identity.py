"""Checks of the requester's identity documents (本人確認書類): present, enough, in date.

The requester is the principal, or the agent in agent cases (the agent's own ID). The principal
of an agent case is tied to the request by other papers (power of attorney and seal certificate,
or the family register), checked in `agent`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from desktop.domain import reasons
from desktop.domain.documents import DocumentKind
from desktop.domain.verification._common import (
    ADDRESS_DOCUMENT,
    IDENTITY_SET,
    PASSPORT_WITHOUT_ADDRESS_SINCE,
    VALID_ID,
    Validity,
    document_ref,
    fresh_certificate,
    identifies,
    labels_en,
    labels_ja,
    period_en,
    period_ja,
    validity,
)
from desktop.domain.verification.evidence import CaseEvidence, DocumentEvidence, Holder
from desktop.domain.verification.findings import Deficiency, Finding, Severity


def identity_findings(evidence: CaseEvidence, holder: Holder, max_age_days: int) -> list[Finding]:
    """ID present, an acceptable set of kinds, in date, and (for a passport) an address."""
    documents = [
        d for d in evidence.documents if d.holder is holder and d.kind.is_identity_document
    ]
    check = _IdentityCheck(holder, documents, evidence.received_on, max_age_days)
    present = check.present()
    if not documents:
        return [present]
    findings = [present, check.kinds(), check.in_date()]
    if any(d.kind is DocumentKind.PASSPORT for d in documents):
        findings.append(check.passport_address())
    return findings


def my_number_back_finding(evidence: CaseEvidence) -> Finding:
    """The back of a My Number card must never be sent; it is masked, not blocking."""
    backs = [d for d in evidence.documents if d.kind is DocumentKind.MYNUMBER_BACK]
    title = ("マイナンバーカード裏面", "My Number card back")
    if not backs:
        return Finding(
            "mynumber_back", Severity.OK, *title,
            "マイナンバーカードの裏面は届いていません。",
            "No My Number card back was received.",
        )  # fmt: skip
    return Finding(
        "mynumber_back",
        Severity.NEEDS_LOOK,
        *title,
        "マイナンバーカードの裏面が届いています。本来送付不要の書類です。"
        "個人番号がマスキングされていることを確認してください。",
        "The back of a My Number card was sent although it should not have been. "
        "Check that the individual number is masked.",
        evidence=tuple(document_ref(d) for d in backs),
    )


class _IdentityCheck:
    def __init__(
        self,
        holder: Holder,
        documents: Sequence[DocumentEvidence],
        received_on: date,
        max_age_days: int,
    ) -> None:
        self.documents = documents
        self.max_age_days = max_age_days
        self.validity = {d: validity(d, received_on, max_age_days) for d in documents}
        agent = holder is Holder.AGENT
        self.prefix = "agent_" if agent else ""
        self.whose_ja = "代理人の" if agent else ""
        self.whose_en = "The agent's" if agent else "The"
        self.reason = reasons.AGENT_AUTHORITY_UNCONFIRMED if agent else reasons.IDENTITY_UNCONFIRMED

    def _finding(
        self,
        code: str,
        title: tuple[str, str],
        severity: Severity,
        ja: str,
        en: str,
        deficiency: Deficiency | None = None,
    ) -> Finding:
        blocking = severity is Severity.BLOCKING
        return Finding(
            self.prefix + code,
            severity,
            self.whose_ja + title[0],
            f"{self.whose_en} {title[1]}" if self.whose_ja else title[1].capitalize(),
            ja,
            en,
            evidence=tuple(document_ref(d) for d in self.documents),
            reason_code=self.reason if blocking else None,
            deficiency=deficiency,
        )

    def _usable(self, *accepted: Validity) -> list[DocumentEvidence]:
        return [d for d in self.documents if self.validity[d] in accepted]

    def present(self) -> Finding:
        title = ("本人確認書類", "identity document")
        if not self.documents:
            return self._finding(
                "id_present", title, Severity.BLOCKING,
                "本人確認書類の写しが同封されていません。",
                "No copy of an identity document was enclosed.",
                deficiency=IDENTITY_SET,
            )  # fmt: skip
        return self._finding(
            "id_present", title, Severity.OK,
            f"{labels_ja(self.documents)}が同封されています。",
            f"Enclosed: {labels_en(self.documents)}.",
        )  # fmt: skip

    def kinds(self) -> Finding:
        title = ("本人確認書類の組合せ", "identity documents accepted")
        if identifies(self.documents):
            return self._finding(
                "id_kind", title, Severity.OK,
                "顔写真付きの書類1点、または顔写真のない書類2点がそろっています。",
                "One document with a photo, or two without, as required.",
            )  # fmt: skip
        return self._finding(
            "id_kind", title, Severity.BLOCKING,
            f"{labels_ja(self.documents)}だけでは足りません"
            "（顔写真付きのもの1点、または顔写真のないもの2点が必要です）。",
            f"{labels_en(self.documents)} alone is not enough "
            "(one document with a photo, or two without, are needed).",
            deficiency=IDENTITY_SET,
        )  # fmt: skip

    def in_date(self) -> Finding:
        title = ("本人確認書類の有効期限", "identity documents in date")
        invalid = self._usable(Validity.EXPIRED, Validity.STALE)
        unknown = self._usable(Validity.UNKNOWN)
        if invalid and not identifies(self._usable(Validity.VALID, Validity.UNKNOWN)):
            stale = [d for d in invalid if self.validity[d] is Validity.STALE]
            expired = [d for d in invalid if d not in stale]
            deficiency = VALID_ID if expired else fresh_certificate(stale[0], self.max_age_days)
            return self._finding(
                "id_unexpired", title, Severity.BLOCKING,
                *self._out_of_date(expired, stale), deficiency=deficiency,
            )  # fmt: skip
        if unknown:
            return self._finding(
                "id_unexpired", title, Severity.NEEDS_LOOK,
                f"{labels_ja(unknown)}の有効期限（発行日）を読み取れませんでした。書類で確認してください。",
                f"The expiry (or issue) date of {labels_en(unknown)} could not be read. "
                "Check it on the document.",
            )  # fmt: skip
        if invalid:
            return self._finding(
                "id_unexpired", title, Severity.OK,
                f"{labels_ja(invalid)}は期限切れのため数えず、残りの書類で確認できます。",
                f"{labels_en(invalid)} is out of date and not counted; the others suffice.",
            )  # fmt: skip
        return self._finding(
            "id_unexpired", title, Severity.OK,
            "受付日にすべて有効期限内です。",
            "All were in date on the day of receipt.",
        )  # fmt: skip

    def _out_of_date(
        self, expired: Sequence[DocumentEvidence], stale: Sequence[DocumentEvidence]
    ) -> tuple[str, str]:
        period_ja_, period_en_ = period_ja(self.max_age_days), period_en(self.max_age_days)
        ja = [f"{labels_ja(expired)}は受付日に有効期限が切れています。"] if expired else []
        en = [f"{labels_en(expired)}: expired on the day of receipt."] if expired else []
        if stale:
            ja.append(f"{labels_ja(stale)}は受付日に発行から{period_ja_}を超えています。")
            en.append(f"{labels_en(stale)}: issued more than {period_en_} before receipt.")
        return "".join(ja), " ".join(en)

    def passport_address(self) -> Finding:
        title = ("旅券の住所確認", "address for a passport")
        current = self._usable(Validity.VALID, Validity.UNKNOWN)
        if any(_passport_shows_address(d) for d in current):
            return self._finding(
                "passport_address", title, Severity.OK,
                "旅券に住所の記載があります。",
                "The passport shows an address.",
            )  # fmt: skip
        others = [
            d
            for d in current
            if d.kind is not DocumentKind.PASSPORT
            and (d.address or d.kind is DocumentKind.RESIDENCE_CERTIFICATE)
        ]
        if others:
            return self._finding(
                "passport_address", title, Severity.OK,
                f"旅券に住所の記載はありませんが、{labels_ja(others)}で住所を確認できます。",
                f"The passport shows no address; {labels_en(others)} shows it.",
            )  # fmt: skip
        return self._finding(
            "passport_address", title, Severity.BLOCKING,
            "旅券（2020年2月4日以降の発行）には住所の記載がなく、住所を確認できる書類がありません。",
            "Passports issued since 2020-02-04 show no address, and no other document shows it.",
            deficiency=ADDRESS_DOCUMENT,
        )  # fmt: skip


def _passport_shows_address(document: DocumentEvidence) -> bool:
    issued = document.issued_on
    return (
        document.kind is DocumentKind.PASSPORT
        and bool(document.address)
        and issued is not None
        and issued < PASSPORT_WITHOUT_ADDRESS_SINCE
    )
