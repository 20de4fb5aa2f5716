"""What a requester asks for (請求の種類) and who the requester is (請求者の区分)."""

from __future__ import annotations

from enum import StrEnum


class RequestKind(StrEnum):
    """The requests of APPI Arts. 32–35 that one envelope may carry, several at once."""

    PURPOSE_NOTICE = "purpose_notice"  # 利用目的の通知 (Art. 32(2))
    DISCLOSURE = "disclosure"  # 開示 (Art. 33(1))
    THIRD_PARTY_RECORDS = "third_party_records"  # 第三者提供記録の開示 (Art. 33(5))
    CORRECTION = "correction"  # 訂正・追加・削除 (Art. 34)
    SUSPENSION = "suspension"  # 利用停止・消去 (Art. 35(1))
    THIRD_PARTY_SUSPENSION = "third_party_suspension"  # 第三者提供の停止 (Art. 35(3))

    @property
    def label_ja(self) -> str:
        return _KIND_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _KIND_LABELS[self][1]

    @property
    def fee_allowed(self) -> bool:
        """Art. 38: a fee may be charged only for a purpose notice and disclosures."""
        return self in {
            RequestKind.PURPOSE_NOTICE,
            RequestKind.DISCLOSURE,
            RequestKind.THIRD_PARTY_RECORDS,
        }


_KIND_LABELS: dict[RequestKind, tuple[str, str]] = {
    RequestKind.PURPOSE_NOTICE: ("利用目的の通知", "Notification of purpose of use"),
    RequestKind.DISCLOSURE: ("開示", "Disclosure"),
    RequestKind.THIRD_PARTY_RECORDS: (
        "第三者提供記録の開示",
        "Disclosure of third-party provision records",
    ),
    RequestKind.CORRECTION: ("訂正・追加・削除", "Correction, addition or deletion"),
    RequestKind.SUSPENSION: ("利用停止・消去", "Suspension of use or erasure"),
    RequestKind.THIRD_PARTY_SUSPENSION: (
        "第三者提供の停止",
        "Suspension of provision to third parties",
    ),
}


class RequesterType(StrEnum):
    """Who signed the request: the principal (本人) or an agent (代理人)."""

    PRINCIPAL = "principal"  # 本人
    LEGAL_REPRESENTATIVE = "legal_representative"  # 法定代理人 (parent, guardian)
    APPOINTED_AGENT = "appointed_agent"  # 任意代理人 (power of attorney)

    @property
    def label_ja(self) -> str:
        return _REQUESTER_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _REQUESTER_LABELS[self][1]

    @property
    def is_agent(self) -> bool:
        return self is not RequesterType.PRINCIPAL


_REQUESTER_LABELS: dict[RequesterType, tuple[str, str]] = {
    RequesterType.PRINCIPAL: ("本人", "Principal"),
    RequesterType.LEGAL_REPRESENTATIVE: ("法定代理人", "Legal representative"),
    RequesterType.APPOINTED_AGENT: ("任意代理人", "Appointed agent"),
}


class FeeForm(StrEnum):
    """How the fee was enclosed (手数料の納付方法)."""

    MONEY_ORDER = "money_order"  # 定額小為替 — expires 6 months after issue
    STAMPS = "stamps"  # 郵便切手
    NONE = "none"

    @property
    def label_ja(self) -> str:
        return {"money_order": "定額小為替", "stamps": "郵便切手", "none": "同封なし"}[self.value]

    @property
    def label_en(self) -> str:
        return {"money_order": "Postal money order", "stamps": "Stamps", "none": "None"}[self.value]
