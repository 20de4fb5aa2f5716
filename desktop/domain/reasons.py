"""The catalog of reasons a case may be answered other than in full (APPI Arts. 33(2), 36, 37).

A reason's wording is what the requester reads in the letter, so it is written for them, in Japanese
first. Seed reasons are fixed; an administrator may add reasons to the database and retire them,
never delete them (letters already sent cite them).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ReasonGround(StrEnum):
    """The family of ground a reason relies on: what kind of answer it can justify."""

    PROCEDURE = "procedure"  # the request itself cannot be processed (identity, authority, form)
    NO_DATA = "no_data"  # nothing retained to disclose, correct or stop
    NON_DISCLOSURE = "non_disclosure"  # Art. 33(2) items 1–3
    OTHER_LAW = "other_law"


@dataclass(frozen=True, slots=True)
class Reason:
    code: str
    ground: ReasonGround
    legal_basis_ja: str
    legal_basis_en: str
    title_ja: str
    title_en: str
    letter_ja: str
    letter_en: str
    retired: bool = False

    def title(self, language: str) -> str:
        return self.title_en if language == "en" else self.title_ja

    def letter_text(self, language: str) -> str:
        return self.letter_en if language == "en" else self.letter_ja

    def legal_basis(self, language: str) -> str:
        return self.legal_basis_en if language == "en" else self.legal_basis_ja


IDENTITY_UNCONFIRMED = "identity_unconfirmed"
AGENT_AUTHORITY_UNCONFIRMED = "agent_authority_unconfirmed"
FORM_DEFECT = "form_defect"
NOT_RETAINED_DATA = "not_retained_data"
HARM_TO_PERSON = "harm_to_person"
BUSINESS_HINDRANCE = "business_hindrance"
VIOLATES_OTHER_LAW = "violates_other_law"
OTHER_STATUTORY = "other_statutory"

SEED_REASONS: tuple[Reason, ...] = (
    Reason(
        code=IDENTITY_UNCONFIRMED,
        ground=ReasonGround.PROCEDURE,
        legal_basis_ja="個人情報保護法第37条第1項",
        legal_basis_en="APPI Art. 37(1)",
        title_ja="本人確認ができない",
        title_en="Identity cannot be confirmed",
        letter_ja=(
            "ご提出いただいた書類により、ご本人であることを確認できませんでした"
            "（請求書または本人確認書類に記載のご住所等が、当社に登録されている内容と一致しません）。"
        ),
        letter_en=(
            "We could not confirm your identity from the documents you sent (the address or other "
            "details on the request form or identity document differ from those we hold)."
        ),
    ),
    Reason(
        code=AGENT_AUTHORITY_UNCONFIRMED,
        ground=ReasonGround.PROCEDURE,
        legal_basis_ja="個人情報保護法第37条第3項",
        legal_basis_en="APPI Art. 37(3)",
        title_ja="代理権を確認できない",
        title_en="Agent's authority cannot be confirmed",
        letter_ja="代理人として請求される権限を、ご提出いただいた書類により確認できませんでした。",
        letter_en=(
            "We could not confirm from the documents you sent that you are authorised to make "
            "this request on the principal's behalf."
        ),
    ),
    Reason(
        code=FORM_DEFECT,
        ground=ReasonGround.PROCEDURE,
        legal_basis_ja="個人情報保護法第37条第1項",
        legal_basis_en="APPI Art. 37(1)",
        title_ja="所定の請求書に不備がある",
        title_en="Defect in the designated form",
        letter_ja="当社所定の請求書に記載漏れ、または記載内容の不備がありました。",
        letter_en="The designated request form was incomplete or contained errors.",
    ),
    Reason(
        code=NOT_RETAINED_DATA,
        ground=ReasonGround.NO_DATA,
        legal_basis_ja="個人情報保護法第16条第4項、第33条第3項",
        legal_basis_en="APPI Arts. 16(4), 33(3)",
        title_ja="保有個人データに該当しない",
        title_en="Not retained personal data",
        letter_ja="ご請求の対象となる情報は、当社が保有する保有個人データに該当しません。",
        letter_en="The information you asked about is not retained personal data held by us.",
    ),
    Reason(
        code=HARM_TO_PERSON,
        ground=ReasonGround.NON_DISCLOSURE,
        legal_basis_ja="個人情報保護法第33条第2項第1号",
        legal_basis_en="APPI Art. 33(2)(i)",
        title_ja="本人又は第三者の生命・身体・財産その他の権利利益を害するおそれ",
        title_en="Risk of harm to the principal or a third party",
        letter_ja=(
            "開示することにより、ご本人または第三者の生命、身体、財産その他の権利利益を"
            "害するおそれがあるためです。"
        ),
        letter_en=(
            "Disclosure would be likely to harm the life, body, property or other rights and "
            "interests of you or a third party."
        ),
    ),
    Reason(
        code=BUSINESS_HINDRANCE,
        ground=ReasonGround.NON_DISCLOSURE,
        legal_basis_ja="個人情報保護法第33条第2項第2号",
        legal_basis_en="APPI Art. 33(2)(ii)",
        title_ja="業務の適正な実施に著しい支障を及ぼすおそれ",
        title_en="Serious hindrance to the proper conduct of business",
        letter_ja="開示することにより、当社の業務の適正な実施に著しい支障を及ぼすおそれがあるためです。",
        letter_en=(
            "Disclosure would be likely to seriously hinder the proper conduct of our business."
        ),
    ),
    Reason(
        code=VIOLATES_OTHER_LAW,
        ground=ReasonGround.NON_DISCLOSURE,
        legal_basis_ja="個人情報保護法第33条第2項第3号",
        legal_basis_en="APPI Art. 33(2)(iii)",
        title_ja="他の法令に違反することとなる",
        title_en="Would violate other laws",
        letter_ja="開示することが、他の法令に違反することとなるためです。",
        letter_en="Disclosure would violate other laws and regulations.",
    ),
    Reason(
        code=OTHER_STATUTORY,
        ground=ReasonGround.OTHER_LAW,
        legal_basis_ja="個人情報保護法第33条第4項ほか",
        legal_basis_en="APPI Art. 33(4) and others",
        title_ja="その他法令に定める場合",
        title_en="Other cases stipulated by law",
        letter_ja="法令の定めにより、ご請求に応じることができない場合に該当するためです。",
        letter_en=(
            "The request falls under another case in which the law does not permit us to comply."
        ),
    ),
)


class ReasonCatalog:
    """The seed reasons plus those an administrator added, looked up by code."""

    def __init__(self, extra: tuple[Reason, ...] = ()) -> None:
        self._by_code: dict[str, Reason] = {}
        for reason in (*SEED_REASONS, *extra):
            if reason.code in self._by_code:
                raise ValueError(f"duplicate reason code {reason.code!r}")
            self._by_code[reason.code] = reason

    def __getitem__(self, code: str) -> Reason:
        return self._by_code[code]

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def active(self) -> list[Reason]:
        """Reasons a clerk may choose today (retired ones stay readable for old letters)."""
        return [reason for reason in self._by_code.values() if not reason.retired]

    def all(self) -> list[Reason]:
        return list(self._by_code.values())
