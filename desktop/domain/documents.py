"""The kinds of paper a requester encloses, and the fields Kaiji Desk reads from them."""

from __future__ import annotations

from enum import StrEnum


class DocumentKind(StrEnum):
    """What a scanned page is. The values are the `kind` identifiers of `kaiji ocr --json`."""

    DRIVERS_LICENSE = "drivers_license"  # 運転免許証
    MYNUMBER_FRONT = "mynumber_front"  # マイナンバーカード（表面）
    MYNUMBER_BACK = "mynumber_back"  # マイナンバーカード（裏面）— must not be kept unmasked
    HEALTH_INSURANCE = "health_insurance"  # 健康保険証 / 資格確認書
    PASSPORT = "passport"  # 旅券（身分事項ページ）
    RESIDENCE_CARD = "residence_card"  # 在留カード
    RESIDENCE_CERTIFICATE = "residence_certificate"  # 住民票の写し
    SEAL_CERTIFICATE = "seal_certificate"  # 印鑑登録証明書
    POWER_OF_ATTORNEY = "power_of_attorney"  # 委任状
    FAMILY_REGISTER = "family_register"  # 戸籍謄本 / 全部事項証明書
    APPLICATION_FORM = "application_form"  # 開示等請求書（当社様式）
    OTHER = "other"

    @property
    def label_ja(self) -> str:
        return _LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _LABELS[self][1]

    @property
    def is_photo_id(self) -> bool:
        """A photo ID identifies a person alone; documents without a photo count two for one."""
        return self in PHOTO_IDS

    @property
    def is_identity_document(self) -> bool:
        return self in PHOTO_IDS or self in NON_PHOTO_IDS

    @property
    def is_certificate(self) -> bool:
        """A certificate is judged by its issue date, not by an expiry date."""
        return self in CERTIFICATES


PHOTO_IDS = frozenset(
    {
        DocumentKind.DRIVERS_LICENSE,
        DocumentKind.MYNUMBER_FRONT,
        DocumentKind.PASSPORT,
        DocumentKind.RESIDENCE_CARD,
    }
)
NON_PHOTO_IDS = frozenset(
    {
        DocumentKind.HEALTH_INSURANCE,
        DocumentKind.RESIDENCE_CERTIFICATE,
        DocumentKind.SEAL_CERTIFICATE,
    }
)
CERTIFICATES = frozenset(
    {
        DocumentKind.RESIDENCE_CERTIFICATE,
        DocumentKind.SEAL_CERTIFICATE,
        DocumentKind.FAMILY_REGISTER,
    }
)

_LABELS: dict[DocumentKind, tuple[str, str]] = {
    DocumentKind.DRIVERS_LICENSE: ("運転免許証", "Driver's licence"),
    DocumentKind.MYNUMBER_FRONT: ("マイナンバーカード（表面）", "My Number card (front)"),
    DocumentKind.MYNUMBER_BACK: ("マイナンバーカード（裏面）", "My Number card (back)"),
    DocumentKind.HEALTH_INSURANCE: ("健康保険証・資格確認書", "Health-insurance card"),
    DocumentKind.PASSPORT: ("旅券", "Passport"),
    DocumentKind.RESIDENCE_CARD: ("在留カード", "Residence card"),
    DocumentKind.RESIDENCE_CERTIFICATE: ("住民票の写し", "Residence certificate"),
    DocumentKind.SEAL_CERTIFICATE: ("印鑑登録証明書", "Seal-registration certificate"),
    DocumentKind.POWER_OF_ATTORNEY: ("委任状", "Power of attorney"),
    DocumentKind.FAMILY_REGISTER: ("戸籍謄本・全部事項証明書", "Family register"),
    DocumentKind.APPLICATION_FORM: ("開示等請求書", "Application form"),
    DocumentKind.OTHER: ("その他", "Other"),
}


class FieldName(StrEnum):
    """The fields read from a page, as named in `kaiji ocr --json`."""

    NAME = "name"
    NAME_KANA = "name_kana"
    ADDRESS = "address"
    POSTAL_CODE = "postal_code"
    BIRTH_DATE = "birth_date"
    EXPIRY_DATE = "expiry_date"
    NUMBER = "number"

    @property
    def label_ja(self) -> str:
        return _FIELD_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _FIELD_LABELS[self][1]


_FIELD_LABELS: dict[FieldName, tuple[str, str]] = {
    FieldName.NAME: ("氏名", "Name"),
    FieldName.NAME_KANA: ("フリガナ", "Name (kana)"),
    FieldName.ADDRESS: ("住所", "Address"),
    FieldName.POSTAL_CODE: ("郵便番号", "Postal code"),
    FieldName.BIRTH_DATE: ("生年月日", "Date of birth"),
    FieldName.EXPIRY_DATE: ("有効期限・発行日", "Valid until / issued"),
    FieldName.NUMBER: ("番号", "Number"),
}
