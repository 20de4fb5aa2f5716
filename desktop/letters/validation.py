"""Refuse letter data that would print an incomplete or misleading letter."""

from __future__ import annotations

from desktop.domain.errors import InvalidInput
from desktop.domain.letters import LetterKind
from desktop.domain.outcomes import Outcome
from desktop.letters.model import LANGUAGES, DateStyle, LetterData

_METHODS = {"paper", "electromagnetic"}


class LetterDataError(InvalidInput):
    """The case lacks something the letter must say (a deficiency list, a reason, a date)."""


def _require(condition: bool, message_ja: str, message_en: str) -> None:
    if not condition:
        raise LetterDataError(message_ja, message_en)


def _check_outcomes(data: LetterData) -> None:
    _require(
        bool(data.outcomes),
        "決定の内容が入力されていません。",
        "The letter needs the decision on at least one request.",
    )
    for outcome in data.outcomes:
        _require(
            outcome.outcome in set(Outcome),
            f"決定の区分「{outcome.outcome}」は使えません。",
            f"Unknown outcome {outcome.outcome!r}.",
        )
        _require(
            outcome.method in _METHODS,
            f"開示の方法「{outcome.method}」は使えません。",
            f"Unknown disclosure method {outcome.method!r}.",
        )
        # Art. 36: a refusal or partial answer must say why.
        _require(
            not Outcome(outcome.outcome).refuses or bool(outcome.reasons),
            f"「{outcome.kind.label_ja}」を全部または一部お断りする理由が選ばれていません。",
            f"Refusing {outcome.kind.label_en.lower()} in whole or in part needs a reason.",
        )


def _check_tables(data: LetterData) -> None:
    for section in data.disclosed:
        width = len(section.columns)
        _require(
            width > 0 and all(len(row) == width for row in section.rows),
            f"開示データ「{section.title}」の列数が見出しと一致しません。",
            f"The disclosed table {section.title!r} has rows that do not match its columns.",
        )


# The sender lines the law or the post needs on every letter (Art. 32(1): where to complain).
_SENDER_FIELDS = {
    "company": ("会社名", "company name"),
    "postal_code": ("郵便番号", "postal code"),
    "address": ("住所", "address"),
    "phone": ("電話番号", "telephone number"),
    "complaint_contact": ("苦情の申出先", "where to make a complaint"),
}


def _check_sender(data: LetterData) -> None:
    blank = [
        labels for name, labels in _SENDER_FIELDS.items() if not getattr(data.sender, name).strip()
    ]
    _require(
        not blank,
        "差出人欄に空欄があります: "
        + "、".join(ja for ja, _ in blank)
        + "。設定で入力してください。",
        "The letterhead has blank fields: "
        + ", ".join(en for _, en in blank)
        + ". Fill them in in the settings.",
    )


def check_letter(data: LetterData) -> None:
    """Raise LetterDataError when `data` cannot make a complete letter of its kind."""
    _check_sender(data)
    _require(
        data.language in LANGUAGES,
        f"文書の言語「{data.language}」には対応していません（ja または en）。",
        f"Letters are not available in {data.language!r} (use ja or en).",
    )
    _require(
        data.date_style in set(DateStyle),
        f"日付の書式「{data.date_style}」は使えません（era、western、both）。",
        f"Unknown date style {data.date_style!r} (use era, western or both).",
    )
    _require(
        bool(data.reference.strip()),
        "文書番号がありません。",
        "The letter needs a case reference.",
    )
    _require(
        bool(data.addressee.name.strip()) and bool(data.addressee.address.strip()),
        "宛先の氏名と住所が必要です。",
        "The addressee needs a name and an address.",
    )
    _require(
        bool(data.request_kinds),
        "ご請求の種類がありません。",
        "The letter needs at least one request kind.",
    )
    if data.kind is LetterKind.DEFICIENCY:
        _require(
            bool(data.deficiencies) and data.reply_by is not None,
            "補正のお願いには不備の内容と返送期限が必要です。",
            "A request for documents needs the list of what is missing and a reply date.",
        )
    if data.kind is LetterKind.EXTENSION:
        _require(
            data.new_due_date is not None and bool(data.extension_reason.strip()),
            "延長のお知らせには延長後の期限と理由が必要です。",
            "An extension notice needs the new date and the reason.",
        )
    if data.kind.answers:
        _check_outcomes(data)
    _check_tables(data)
