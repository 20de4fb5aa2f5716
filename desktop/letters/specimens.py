"""Fictitious, complete cases for reviewing every letter template (`kaiji letter --specimen`).

All names, addresses and numbers are invented; the 555 phone prefix and example.co.jp do not reach
anyone.
"""

from __future__ import annotations

from datetime import date

from desktop.domain.letters import LetterKind
from desktop.domain.outcomes import Outcome
from desktop.domain.reasons import SEED_REASONS, Reason
from desktop.domain.requests import RequestKind
from desktop.letters.model import (
    LANGUAGES,
    Addressee,
    DisclosedSection,
    KindOutcome,
    LetterData,
    Sender,
)
from desktop.letters.validation import LetterDataError

_REASONS = {reason.code: reason for reason in SEED_REASONS}

_SENDERS = {
    "ja": Sender(
        company="株式会社見本商事",
        department="お客様相談室 個人情報窓口",
        postal_code="100-0005",
        address="東京都千代田区丸の内一丁目2番3号 見本ビル12階",
        phone="0120-555-123",
        email="privacy@example.co.jp",
        hours="平日 9:00〜17:00",
        complaint_contact="当社お客様相談室 個人情報窓口（0120-555-123）",
        accredited_body="一般財団法人見本個人情報保護協会",
    ),
    "en": Sender(
        company="Mihon Trading Co., Ltd.",
        department="Customer Center, Personal Information Desk",
        postal_code="100-0005",
        address="Mihon Bldg. 12F, 1-2-3 Marunouchi, Chiyoda-ku, Tokyo",
        phone="+81-120-555-123",
        email="privacy@example.co.jp",
        hours="weekdays 9:00-17:00 JST",
        complaint_contact="our Personal Information Desk (+81-120-555-123)",
        accredited_body="Mihon Personal Information Protection Association",
    ),
}
_ADDRESSEES = {
    "ja": Addressee("160-0023", "東京都新宿区西新宿二丁目8番1号", "見本ハイツ305号室", "山田 花子"),
    "en": Addressee(
        "160-0023",
        "2-8-1 Nishi-Shinjuku, Shinjuku-ku, Tokyo",
        "Mihon Heights 305",
        "Emily Carter",
        "Emily Carter",
    ),
}
_DEFICIENCIES = {
    "ja": (
        "本人確認書類（運転免許証）の写しの有効期限が切れています。有効期限内の本人確認書類の写しをお送りください。",
        "手数料の定額小為替が200円不足しています。不足分の定額小為替をお送りください。",
        "請求書の「ご請求の種類」欄にチェックがありません。同封の請求書にご記入のうえお送りください。",
    ),
    "en": (
        "The copy of your driving licence has expired. "
        "Please send a copy of a valid identity document.",
        "The fee is 200 yen short. Please send a postal money order for the difference.",
        "No request kind is ticked on the form. Please complete the enclosed form and return it.",
    ),
}
_PURPOSES = {
    "ja": (
        "商品の発送およびアフターサービスのため",
        "ご注文内容の確認、お問い合わせへの回答のため",
        "新商品・サービスのご案内のため（ご本人の同意を得た場合に限ります）",
    ),
    "en": (
        "To deliver products and provide after-sales service",
        "To confirm orders and answer enquiries",
        "To inform you of new products and services (only with your consent)",
    ),
}
_DETAILS = {
    "ja": {
        "partial": "お問い合わせ記録のうち、当社担当者以外の第三者に関する記載部分",
        "correction": "ご登録の電話番号を「03-5555-0100」から「03-5555-0199」に訂正しました。",
        "suspension": "ダイレクトメールの送付のための利用を停止し、送付先リストから削除しました。",
        "extension": (
            "ご請求の対象となる記録が複数の部署および保管庫にまたがっており、"
            "確認に時間を要するため。"
        ),
    },
    "en": {
        "partial": "The parts of the enquiry records that concern third parties, not our staff",
        "correction": "We corrected your phone number from 03-5555-0100 to 03-5555-0199.",
        "suspension": "We stopped direct mail to you and took you off the mailing list.",
        "extension": (
            "The records you asked for are held by several departments and in off-site "
            "storage, and checking them takes time."
        ),
    },
}
_SECTIONS = {
    "ja": (
        DisclosedSection(
            "お客様情報",
            ("項目", "登録内容"),
            (
                ("お客様番号", "C-0012345"),
                ("氏名", "山田 花子"),
                ("フリガナ", "ヤマダ ハナコ"),
                ("生年月日", "1985年4月1日"),
                ("住所", "〒160-0023 東京都新宿区西新宿二丁目8番1号 見本ハイツ305号室"),
                ("電話番号", "03-5555-0100"),
            ),
        ),
        DisclosedSection(
            "ご注文履歴",
            ("注文日", "注文番号", "商品", "金額"),
            tuple(
                (
                    f"2026年{m}月{d}日",
                    f"A-2026{m:02d}{d:02d}",
                    "見本の品 詰め合わせ",
                    f"{1000 * m:,}円",
                )
                for m in range(1, 11)
                for d in (5, 20)
            ),
        ),
    ),
    "en": (
        DisclosedSection(
            "Customer record",
            ("Item", "Registered value"),
            (
                ("Customer number", "C-0012345"),
                ("Name", "Emily Carter"),
                ("Date of birth", "1 April 1985"),
                ("Address", "2-8-1 Nishi-Shinjuku, Shinjuku-ku, Tokyo 160-0023"),
                ("Phone", "03-5555-0100"),
            ),
        ),
        DisclosedSection(
            "Orders",
            ("Date", "Order", "Product", "Amount"),
            tuple(
                (
                    f"2026-{m:02d}-{d:02d}",
                    f"A-2026{m:02d}{d:02d}",
                    "Sample assortment",
                    f"{1000 * m:,} yen",
                )
                for m in range(1, 11)
                for d in (5, 20)
            ),
        ),
    ),
}


def _reason(code: str) -> Reason:
    return _REASONS[code]


def _outcomes(kind: LetterKind, language: str) -> tuple[KindOutcome, ...]:
    details = _DETAILS[language]
    disclosure = RequestKind.DISCLOSURE
    refusal = (_reason("business_hindrance"), _reason("violates_other_law"))
    by_kind = {
        LetterKind.DISCLOSURE: KindOutcome(disclosure, Outcome.FULL),
        LetterKind.PARTIAL_DISCLOSURE: KindOutcome(
            disclosure, Outcome.PARTIAL, (_reason("harm_to_person"),), details["partial"]
        ),
        LetterKind.NON_DISCLOSURE: KindOutcome(disclosure, Outcome.REFUSE, refusal),
        LetterKind.NO_DATA: KindOutcome(
            disclosure, Outcome.NO_DATA, (_reason("not_retained_data"),)
        ),
        LetterKind.PURPOSE_NOTICE: KindOutcome(RequestKind.PURPOSE_NOTICE, Outcome.FULL),
        LetterKind.CORRECTION_RESULT: KindOutcome(
            RequestKind.CORRECTION, Outcome.FULL, (), details["correction"]
        ),
        LetterKind.SUSPENSION_RESULT: KindOutcome(
            RequestKind.SUSPENSION, Outcome.FULL, (), details["suspension"]
        ),
    }
    if kind in by_kind:
        return (by_kind[kind],)
    return tuple(_any_answer(kind)[:1])


def _any_answer(kind: LetterKind) -> list[KindOutcome]:
    """A decision the letter carries, for a kind without a written specimen above."""
    return [
        KindOutcome(request, outcome, (SEED_REASONS[0],) if outcome.refuses else ())
        for request in RequestKind
        for outcome in Outcome
        if outcome.is_final and request.letter_for(outcome) == kind
    ]


def _request_kinds(kind: LetterKind, language: str) -> tuple[RequestKind, ...]:
    outcomes = _outcomes(kind, language)
    return (outcomes[0].kind,) if outcomes else (RequestKind.DISCLOSURE,)


def specimen(kind: LetterKind, language: str = "ja") -> LetterData:
    """A fictitious but complete case for `kind`, for reviewing the template."""
    if language not in LANGUAGES:
        raise LetterDataError(
            f"見本の言語「{language}」には対応していません（ja または en）。",
            f"No specimen in {language!r} (use ja or en).",
        )
    annexed = kind.carries_data
    return LetterData(
        kind=kind,
        language=language,
        reference="KD-2026-000123",
        letter_date=date(2026, 12, 1),
        date_style="era" if language == "ja" else "western",
        sender=_SENDERS[language],
        addressee=_ADDRESSEES[language],
        request_date=date(2026, 11, 20),
        received_on=date(2026, 11, 21),
        request_kinds=_request_kinds(kind, language),
        outcomes=_outcomes(kind, language),
        deficiencies=_DEFICIENCIES[language] if kind is LetterKind.DEFICIENCY else (),
        reply_by=date(2026, 12, 15) if kind is LetterKind.DEFICIENCY else None,
        purposes=_PURPOSES[language] if kind is LetterKind.PURPOSE_NOTICE else (),
        disclosed=_SECTIONS[language] if annexed else (),
        new_due_date=date(2027, 1, 15) if kind is LetterKind.EXTENSION else None,
        extension_reason=_DETAILS[language]["extension"] if kind is LetterKind.EXTENSION else "",
        masked_numbers_note=kind is LetterKind.DEFICIENCY,
        expected_reply_by=date(2026, 12, 5) if kind is LetterKind.ACKNOWLEDGEMENT else None,
    )
