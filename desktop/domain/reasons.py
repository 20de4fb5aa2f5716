"""The catalog of reasons a case may be answered other than in full (APPI Arts. 32–37).

Each reason belongs to one ground, and each request kind names the grounds that may answer it
(`RequestKindSpec.reason_grounds`): a purpose-notice exception (Art. 32(2)) cannot refuse a
disclosure, a non-disclosure ground (Art. 33(2)) cannot refuse a correction (Art. 34) or a
suspension (Art. 35).

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
    OTHER_LAW = "other_law"  # Art. 33(4): another law provides its own disclosure
    PURPOSE_NOTICE = "purpose_notice"  # Art. 32(2) proviso: no notice of the purpose of use
    CORRECTION = "correction"  # Art. 34: the data is not wrong, or not corrected by this route
    SUSPENSION = "suspension"  # Art. 35(1)(2)(5)(6): no ground to stop use or erase
    PROVISION_STOP = "provision_stop"  # Art. 35(3)(4)(5)(6): no ground to stop provision


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
    # The reason is about who is asking, not about any data: a letter refusing on it alone must
    # neither confirm nor deny that the company holds data about the person named.
    about_requester: bool = False

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
PURPOSE_ALREADY_CLEAR = "purpose_already_clear"
PURPOSE_NOTICE_HARM = "purpose_notice_harm"
PURPOSE_NOTICE_BUSINESS = "purpose_notice_business"
PURPOSE_NOTICE_STATE = "purpose_notice_state"
DATA_IS_CORRECT = "data_is_correct"
CORRECTION_NOT_NEEDED = "correction_not_needed"
CORRECTION_OTHER_PROCEDURE = "correction_other_procedure"
NO_USE_VIOLATION = "no_use_violation"
SUSPENSION_ALTERNATIVE = "suspension_alternative"
NO_PROVISION_VIOLATION = "no_provision_violation"
PROVISION_STOP_ALTERNATIVE = "provision_stop_alternative"

SEED_REASONS: tuple[Reason, ...] = (
    Reason(
        code=IDENTITY_UNCONFIRMED,
        ground=ReasonGround.PROCEDURE,
        legal_basis_ja="個人情報保護法第37条第1項",
        legal_basis_en="APPI Art. 37(1)",
        title_ja="本人確認ができない",
        title_en="Identity cannot be confirmed",
        letter_ja=(
            "ご提出いただいた書類により、ご請求者がご請求に係るご本人であることを確認できません"
            "でした。"
        ),
        letter_en=(
            "We could not confirm from the documents you sent that you are the person the "
            "request concerns."
        ),
        about_requester=True,
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
        about_requester=True,
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
        legal_basis_ja="個人情報保護法第16条第4項",
        legal_basis_en="APPI Art. 16(4)",
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
    Reason(
        code=PURPOSE_ALREADY_CLEAR,
        ground=ReasonGround.PURPOSE_NOTICE,
        legal_basis_ja="個人情報保護法第32条第2項第1号",
        legal_basis_en="APPI Art. 32(2)(i)",
        title_ja="利用目的が既に明らかである",
        title_en="The purpose of use is already clear",
        letter_ja=(
            "ご請求の保有個人データの利用目的は、当社が公表している内容により既に明らかであるためです。"
        ),
        letter_en=(
            "The purpose of use of the retained personal data you asked about is already clear "
            "from what we have published."
        ),
    ),
    Reason(
        code=PURPOSE_NOTICE_HARM,
        ground=ReasonGround.PURPOSE_NOTICE,
        legal_basis_ja="個人情報保護法第32条第2項第2号（第21条第4項第1号）",
        legal_basis_en="APPI Art. 32(2)(ii) with Art. 21(4)(i)",
        title_ja="通知により本人又は第三者の生命・身体・財産その他の権利利益を害するおそれ",
        title_en="Notice would risk harm to the principal or a third party",
        letter_ja=(
            "利用目的をお知らせすることにより、ご本人または第三者の生命、身体、財産その他の"
            "権利利益を害するおそれがあるためです。"
        ),
        letter_en=(
            "Notifying the purpose of use would be likely to harm the life, body, property or "
            "other rights and interests of you or a third party."
        ),
    ),
    Reason(
        code=PURPOSE_NOTICE_BUSINESS,
        ground=ReasonGround.PURPOSE_NOTICE,
        legal_basis_ja="個人情報保護法第32条第2項第2号（第21条第4項第2号）",
        legal_basis_en="APPI Art. 32(2)(ii) with Art. 21(4)(ii)",
        title_ja="通知により当社の権利又は正当な利益を害するおそれ",
        title_en="Notice would harm the company's rights or legitimate interests",
        letter_ja=(
            "利用目的をお知らせすることにより、当社の権利または正当な利益を害するおそれが"
            "あるためです。"
        ),
        letter_en=(
            "Notifying the purpose of use would be likely to harm our rights or legitimate "
            "interests."
        ),
    ),
    Reason(
        code=PURPOSE_NOTICE_STATE,
        ground=ReasonGround.PURPOSE_NOTICE,
        legal_basis_ja="個人情報保護法第32条第2項第2号（第21条第4項第3号）",
        legal_basis_en="APPI Art. 32(2)(ii) with Art. 21(4)(iii)",
        title_ja="国の機関等への協力に支障を及ぼすおそれ",
        title_en="Notice would impede cooperation with a public authority",
        letter_ja=(
            "国の機関または地方公共団体が法令の定める事務を遂行することに協力する必要がある"
            "場合であって、利用目的をお知らせすることにより当該事務の遂行に支障を及ぼす"
            "おそれがあるためです。"
        ),
        letter_en=(
            "We are required to cooperate with a public authority performing duties prescribed "
            "by law, and notifying the purpose of use would be likely to impede those duties."
        ),
    ),
    Reason(
        code=DATA_IS_CORRECT,
        ground=ReasonGround.CORRECTION,
        legal_basis_ja="個人情報保護法第34条第1項、第2項",
        legal_basis_en="APPI Art. 34(1)(2)",
        title_ja="調査の結果、内容が事実と異なるとは認められない",
        title_en="The data was found to be accurate",
        letter_ja=(
            "調査いたしましたところ、ご指摘の保有個人データの内容が事実でないとは認められ"
            "ませんでした。"
        ),
        letter_en=(
            "Having investigated, we did not find the retained personal data you pointed out "
            "to be untrue."
        ),
    ),
    Reason(
        code=CORRECTION_NOT_NEEDED,
        ground=ReasonGround.CORRECTION,
        legal_basis_ja="個人情報保護法第34条第2項",
        legal_basis_en="APPI Art. 34(2)",
        title_ja="利用目的の達成に必要な範囲を超える",
        title_en="Not necessary for the purpose of use",
        letter_ja=(
            "ご請求の訂正等は、当該保有個人データの利用目的の達成に必要な範囲を超えるため"
            "です（例：過去の時点の事実を記録したものであり、その時点では正確であったもの）。"
        ),
        letter_en=(
            "The correction you asked for goes beyond what the purpose of use of the data "
            "requires (for example, a record of a past fact that was accurate at the time)."
        ),
    ),
    Reason(
        code=CORRECTION_OTHER_PROCEDURE,
        ground=ReasonGround.CORRECTION,
        legal_basis_ja="個人情報保護法第34条第1項",
        legal_basis_en="APPI Art. 34(1)",
        title_ja="他の法令に特別の手続が定められている",
        title_en="Another law provides its own procedure",
        letter_ja="当該内容の訂正等については、他の法令の規定により特別の手続が定められているためです。",
        letter_en="Another law provides a special procedure for correcting this content.",
    ),
    Reason(
        code=NO_USE_VIOLATION,
        ground=ReasonGround.SUSPENSION,
        legal_basis_ja="個人情報保護法第35条第1項、第5項",
        legal_basis_en="APPI Art. 35(1)(5)",
        title_ja="利用停止等の要件に該当しない（違反が認められない）",
        title_en="No ground for suspension of use was found",
        letter_ja=(
            "調査いたしましたところ、目的外の利用（第18条）、不適正な利用（第19条）、不正な"
            "取得（第20条）その他、利用停止または消去を要する事由は認められませんでした。"
        ),
        letter_en=(
            "Having investigated, we found no use beyond the purpose (Art. 18), improper use "
            "(Art. 19), improper acquisition (Art. 20) or other ground requiring suspension of "
            "use or erasure."
        ),
    ),
    Reason(
        code=SUSPENSION_ALTERNATIVE,
        ground=ReasonGround.SUSPENSION,
        legal_basis_ja="個人情報保護法第35条第2項ただし書、第6項ただし書",
        legal_basis_en="APPI Art. 35(2) proviso, 35(6) proviso",
        title_ja="多額の費用を要する等のため代替措置を講じた",
        title_en="Large cost or difficulty; an alternative measure was taken",
        letter_ja=(
            "ご請求の利用停止等には多額の費用を要するなど実施が困難であるため、ご本人の権利"
            "利益を保護するために必要なこれに代わる措置を講じました。"
        ),
        letter_en=(
            "Suspending use or erasing the data would involve a large cost or be otherwise "
            "difficult, so we took an alternative measure necessary to protect your rights and "
            "interests."
        ),
    ),
    Reason(
        code=NO_PROVISION_VIOLATION,
        ground=ReasonGround.PROVISION_STOP,
        legal_basis_ja="個人情報保護法第35条第3項、第5項",
        legal_basis_en="APPI Art. 35(3)(5)",
        title_ja="第三者提供の停止の要件に該当しない（違反が認められない）",
        title_en="No ground for suspension of provision was found",
        letter_ja=(
            "調査いたしましたところ、第三者提供の制限（第27条第1項、第28条）に違反する提供"
            "その他、第三者提供の停止を要する事由は認められませんでした。"
        ),
        letter_en=(
            "Having investigated, we found no provision in breach of Art. 27(1) or Art. 28 or "
            "other ground requiring suspension of provision to third parties."
        ),
    ),
    Reason(
        code=PROVISION_STOP_ALTERNATIVE,
        ground=ReasonGround.PROVISION_STOP,
        legal_basis_ja="個人情報保護法第35条第4項ただし書、第6項ただし書",
        legal_basis_en="APPI Art. 35(4) proviso, 35(6) proviso",
        title_ja="多額の費用を要する等のため代替措置を講じた（第三者提供）",
        title_en="Large cost or difficulty; an alternative measure was taken (provision)",
        letter_ja=(
            "第三者への提供の停止には多額の費用を要するなど実施が困難であるため、ご本人の"
            "権利利益を保護するために必要なこれに代わる措置を講じました。"
        ),
        letter_en=(
            "Stopping the provision to third parties would involve a large cost or be otherwise "
            "difficult, so we took an alternative measure necessary to protect your rights and "
            "interests."
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
