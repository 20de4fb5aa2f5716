"""Turn LetterData into the words of a letter, block by block, before any layout happens.

Japanese letters follow business conventions: 拝啓 and a seasonal greeting, the request cited with
its date and receipt date, 敬具, then the particulars between 記 and 以上.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from desktop.domain.letters import LetterKind
from desktop.domain.outcomes import Outcome
from desktop.domain.requests import RequestKind
from desktop.letters.dates import format_date, format_following
from desktop.letters.model import (
    DisclosedSection,
    KindOutcome,
    LetterData,
)
from desktop.letters.texts import UNVERIFIED_REFUSAL, Texts, fill, load_texts
from desktop.letters.validation import check_letter


@dataclass(frozen=True)
class Para:
    """A paragraph; style is body, indented, subject, center, right, heading, contact, gap or
    password."""

    text: str
    style: str = "body"


@dataclass(frozen=True)
class Item:
    """One particular under 記: a label and its lines (e.g. 理由 and each reason)."""

    label: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Annex:
    """The disclosed data (開示書), starting on a page of its own."""

    title: str
    intro: str
    sections: tuple[DisclosedSection, ...]
    date_style: str = "era"  # the letter's: dates in the tables print as the letter's do


Block = Para | Item | Annex


@dataclass(frozen=True)
class ComposedLetter:
    """The words of one letter, grouped by where they go on the page."""

    language: str
    reference_line: str
    date_line: str
    sender_lines: tuple[str, ...]
    addressee_lines: tuple[str, ...]  # postal code, address, building: the window's small print
    addressee_name: str  # the name with 様, printed larger
    blocks: tuple[Block, ...]
    page_format: str  # "{page} / {pages}"
    reference: str


def _date(data: LetterData, day: date | None) -> str:
    return "" if day is None else format_date(day, data.language, data.date_style)


def _kinds_text(data: LetterData, common: Texts) -> str:
    separator = common.text("kinds_separator")
    if data.language == "en":
        # Mid-sentence in English: "your request for disclosure dated …".
        labels = [k.label_en[:1].lower() + k.label_en[1:] for k in data.request_kinds]
    else:
        labels = [k.label_ja for k in data.request_kinds]
    return separator.join(labels)


def _request_phrase(data: LetterData, common: Texts) -> str:
    kinds = _kinds_text(data, common)
    if data.request_date is None:
        return fill(
            common.text("request_without_date"),
            {"kinds": kinds, "received_on": _date(data, data.received_on)},
            "common.request_without_date",
        )
    received = format_following(
        data.received_on,
        data.request_date,
        data.language,
        data.date_style,
        common.extra.get("same_year", ""),
    )
    return fill(
        common.text("request_with_date"),
        {"kinds": kinds, "request_date": _date(data, data.request_date), "received_on": received},
        "common.request_with_date",
    )


def placeholder_values(data: LetterData, common: Texts) -> dict[str, str]:
    """What {placeholders} in the kind texts may use."""
    return {
        "request": _request_phrase(data, common),
        "name": (data.addressee.name_latin or data.addressee.name)
        if data.language == "en"
        else data.addressee.name,
        "company": data.sender.company,
        "reference": data.reference,
        "letter_date": _date(data, data.letter_date),
        "received_on": _date(data, data.received_on),
        "expected_reply_by": _date(data, data.expected_reply_by),
        "reply_by": _date(data, data.reply_by),
        "new_due_date": _date(data, data.new_due_date),
        "extension_reason": data.extension_reason,
    }


def _label(common: Texts, key: str) -> str:
    return common.table("labels", key)


def _numbered(common: Texts, lines: tuple[str, ...]) -> tuple[str, ...]:
    template = common.text("list_item")
    return tuple(
        fill(template, {"number": str(n), "text": line}, "common.list_item")
        for n, line in enumerate(lines, start=1)
    )


def _kind_label(kind: RequestKind, language: str) -> str:
    return kind.label_en if language == "en" else kind.label_ja


def _outcome_items(data: LetterData, common: Texts, outcome: KindOutcome) -> list[Block]:
    language = data.language
    # An unconfirmed requester learns nothing about whether data exists (no "we hold … but").
    decision = [
        common.text("decision_unverified")
        if outcome.refused_on_requester
        else common.table("decisions", outcome.kind.value, outcome.outcome)
    ]
    if _no_provision_records(data, outcome):
        decision = [common.text("decision_no_provision_records")]
    items: list[Block] = [
        Item(_label(common, "request_kind"), (_kind_label(outcome.kind, language),)),
    ]
    shows_data = Outcome(outcome.outcome).hands_over
    if outcome.kind.is_disclosing and shows_data:
        method = common.table("methods", outcome.method_used)
        if outcome.method_impossible:
            # Art. 33(3): the requester learns that their method was not used, and why.
            chosen = common.table("chosen_methods", outcome.method)
            decision.append(
                fill(
                    common.table("methods", "impossible"),
                    {"chosen": chosen, "method": method},
                    "methods.impossible",
                )
            )
        items.append(Item(_label(common, "decision"), tuple(decision)))
        items.append(Item(_label(common, "method"), (method,)))
    else:
        items.append(Item(_label(common, "decision"), tuple(decision)))
    if outcome.kind is RequestKind.PURPOSE_NOTICE and shows_data and data.purposes:
        items.append(Item(_label(common, "purposes"), _numbered(common, data.purposes)))
    if outcome.detail:
        items.append(Item(_label(common, "detail"), (outcome.detail,)))
    if outcome.withheld:
        items.append(Item(_label(common, "withheld"), outcome.withheld))
    if outcome.reasons:
        reasons = tuple(
            fill(
                common.text("reason"),
                {"text": r.letter_text(language), "legal_basis": r.legal_basis(language)},
                "common.reason",
            )
            for r in outcome.reasons
        )
        numbered = _numbered(common, reasons) if len(reasons) > 1 else reasons
        items.append(Item(_label(common, "reasons"), numbered))
    return items


def _no_provision_records(data: LetterData, outcome: KindOutcome) -> bool:
    """A records disclosure that finds none kept says so instead of promising them."""
    return (
        outcome.kind is RequestKind.THIRD_PARTY_RECORDS
        and Outcome(outcome.outcome).hands_over
        and data.provision_records is not None
        and not data.provision_records
    )


def _provision_annex(data: LetterData, common: Texts, values: dict[str, str]) -> list[Block]:
    """Art. 33(5): the provision records in an annex of their own."""
    if not data.provision_records:
        return []
    headings = tuple(
        common.table("provision_columns", key)
        for key in ("provided_on", "recipient", "recipient_of", "items", "basis")
    )
    rows = tuple(
        (
            _date(data, r.provided_on),
            r.recipient,
            "\n".join(line for line in (r.recipient_address, r.recipient_representative) if line),
            r.items,
            r.basis,
        )
        for r in data.provision_records
    )
    return [
        Annex(
            common.text("provision_annex_title"),
            fill(common.text("provision_annex_intro"), values, "common.provision_annex_intro"),
            (DisclosedSection(common.text("provision_section"), headings, rows),),
        )
    ]


def _particulars(data: LetterData, common: Texts, values: dict[str, str]) -> list[Block]:
    kinds = _kinds_text(data, common)
    reference = Item(_label(common, "reference"), (data.reference,))
    if data.kind is LetterKind.ACKNOWLEDGEMENT:
        items: list[Block] = [
            reference,
            Item(_label(common, "received_on"), (values["received_on"],)),
            Item(_label(common, "request_kinds"), (kinds,)),
        ]
        if data.promised_reply_by is not None:
            items.append(Item(_label(common, "expected"), (values["expected_reply_by"],)))
        return items
    if data.kind is LetterKind.DEFICIENCY:
        sender = data.sender
        return [
            reference,
            Item(_label(common, "deficiencies"), _numbered(common, data.deficiencies)),
            Item(_label(common, "reply_by"), (values["reply_by"],)),
            Item(
                _label(common, "send_to"),
                (
                    fill(common.text("postal"), {"postal_code": sender.postal_code}, "postal"),
                    sender.address,
                    f"{sender.company} {sender.department}",
                ),
            ),
        ]
    if data.kind is LetterKind.EXTENSION:
        return [
            reference,
            Item(_label(common, "request_kinds"), (kinds,)),
            Item(_label(common, "new_due_date"), (values["new_due_date"],)),
            Item(_label(common, "extension_reason"), (data.extension_reason,)),
        ]
    blocks: list[Block] = [reference]
    for outcome in data.outcomes:
        blocks.append(Para("", "gap"))
        blocks.extend(_outcome_items(data, common, outcome))
    return blocks


def _explains_refusal(data: LetterData) -> bool:
    return data.kind.explains_refusal or any(Outcome(o.outcome).refuses for o in data.outcomes)


def _contact(data: LetterData, common: Texts) -> list[Block]:
    sender = data.sender
    blocks: list[Block] = []
    if _explains_refusal(data):
        blocks.append(Para(common.text("complaint_heading"), "heading"))
        blocks.append(
            Para(
                fill(
                    common.text("complaint"),
                    {"complaint_contact": sender.complaint_contact},
                    "common.complaint",
                )
            )
        )
        if sender.accredited_body:
            blocks.append(
                Para(
                    fill(
                        common.text("accredited"),
                        {"accredited_body": sender.accredited_body},
                        "common.accredited",
                    )
                )
            )
    blocks.append(Para(common.text("contact_heading"), "heading"))
    phone = fill(common.text("phone"), {"phone": sender.phone}, "phone")
    if sender.hours:
        phone += "\u3000" + fill(common.text("hours"), {"hours": sender.hours}, "hours")
    lines = [
        f"{sender.company} {sender.department}",
        fill(common.text("postal"), {"postal_code": sender.postal_code}, "postal")
        + f" {sender.address}",
        phone,
        fill(common.text("email"), {"email": sender.email}, "email") if sender.email else "",
    ]
    # One paragraph, so that the heading (kept with the next flowable) never stands alone.
    blocks.append(Para("\n".join(line for line in lines if line), "contact"))
    return blocks


def _greeting(data: LetterData, common: Texts) -> str:
    """拝啓, or in English the reader by their romanised name, never by kanji they may not
    expect a foreign-language letter to use (and "Sir or Madam" when no reading is known)."""
    if data.language != "en":
        return fill(common.text("greeting"), {"name": data.addressee.name}, "common.greeting")
    if not data.addressee.name_latin:
        return common.text("greeting_unknown")
    return fill(common.text("greeting"), {"name": data.addressee.name_latin}, "common.greeting")


def _opening(data: LetterData, common: Texts, texts: Texts, values: dict[str, str]) -> list[Block]:
    source = f"{data.language}/{texts.name}"
    body = [fill(p, values, source) for p in texts.body]
    if data.kind is LetterKind.ACKNOWLEDGEMENT and data.expected_reply_by is not None:
        promise = "expected" if data.promised_reply_by is not None else "expected_overdue"
        body.append(fill(texts.text(promise), values, source))
    if data.kind is LetterKind.DEFICIENCY:
        if data.masked_numbers_note:
            body.append(fill(texts.text("masked_numbers"), values, source))
        body.append(fill(texts.text("not_returned"), values, source))
    if data.agent_name:
        # Right after the paragraph citing the request: whose request it was.
        notice = fill(common.text("agent_notice"), _agent_values(data), "common.agent_notice")
        body.insert(min(1, len(body)), notice)
    if data.replaces is not None:
        body.append(
            fill(
                common.text("corrected_notice"),
                {
                    "replaced_number": data.replaces.document_number,
                    "replaced_date": _date(data, data.replaces.letter_date),
                },
                "common.corrected_notice",
            )
        )
    greeting = _greeting(data, common)
    if data.language == "en":
        return [Para(greeting), *(Para(p) for p in body)]
    # 拝啓 runs on into the season's words; the paragraphs after it open indented by one character.
    anyone = data.kind.may_reach_a_non_customer or data.neutral_on_existence
    seasonal = "seasonal_to_anyone" if anyone else "seasonal"
    first = f"{greeting}\u3000{common.text(seasonal)}"
    return [Para(first), *(Para(p, "indented") for p in body)]


def _agent_values(data: LetterData) -> dict[str, str]:
    return {
        "principal": data.principal_name,
        "agent": data.agent_name,
        "relationship": data.agent_relationship,
    }


def _parties(data: LetterData, common: Texts) -> list[Block]:
    """An agent's request: who the principal is and who asked for them."""
    if not data.agent_name:
        return []
    values = _agent_values(data)
    return [
        Item(
            _label(common, "principal"),
            (fill(common.text("addressee"), {"name": data.principal_name}, "addressee"),),
        ),
        Item(
            _label(common, "agent"),
            (fill(common.text("agent_line"), values, "common.agent_line"),),
        ),
    ]


def _correction(data: LetterData, common: Texts) -> list[Block]:
    """A corrected version (訂正版) names the letter it replaces and what was corrected."""
    replaced = data.replaces
    if replaced is None:
        return []
    number = fill(
        common.text("replaced_letter"),
        {
            "replaced_number": replaced.document_number,
            "replaced_date": _date(data, replaced.letter_date),
        },
        "common.replaced_letter",
    )
    return [
        Item(_label(common, "replaced_letter"), (number,)),
        Item(_label(common, "correction"), (replaced.correction,)),
    ]


def _enclosures(data: LetterData, texts: Texts, common: Texts) -> list[Block]:
    enclosures = list(texts.enclosures) if data.disclosed or not data.kind.carries_data else []
    if data.provision_records:
        enclosures.append(common.text("provision_annex_title"))
    if not enclosures:
        return []
    return [Item(common.text("enclosures_label"), _numbered(common, tuple(enclosures)))]


def _header(data: LetterData, common: Texts) -> tuple[str, ...]:
    sender = data.sender
    return (
        sender.company,
        sender.department,
        fill(common.text("postal"), {"postal_code": sender.postal_code}, "postal"),
        sender.address,
        fill(common.text("phone"), {"phone": sender.phone}, "phone"),
    )


def compose_body(
    data: LetterData, texts: Texts, common: Texts, values: dict[str, str]
) -> list[Block]:
    """The blocks under the subject line: greeting, body, particulars, contact, annex."""
    language = data.language
    subject = texts.subject
    if data.replaces is not None:
        subject = fill(common.text("corrected_subject"), {"subject": subject}, "common")
    blocks: list[Block] = [Para(subject, "subject")]
    blocks.extend(_opening(data, common, texts, values))
    if language == "ja":
        blocks.append(Para(common.text("closing"), "right"))
    blocks.append(Para(common.text("record_start"), "center"))
    blocks.extend(_correction(data, common))
    blocks.extend(_parties(data, common))
    blocks.extend(_particulars(data, common, values))
    blocks.extend(_enclosures(data, texts, common))
    if common.text("record_end"):
        blocks.append(Para(common.text("record_end"), "right"))
    blocks.extend(_contact(data, common))
    if language == "en":
        blocks.append(Para(f"{common.text('closing')}\n{data.sender.company}", "gap"))
    if data.kind.carries_data and data.disclosed:
        blocks.append(
            Annex(
                fill(texts.text("annex_title"), values, texts.name),
                fill(texts.text("annex_intro"), values, texts.name),
                data.disclosed,
                data.date_style,
            )
        )
    if data.kind.carries_data:
        blocks.extend(_provision_annex(data, common, values))
    return blocks


def frame_letter(data: LetterData, common: Texts, blocks: Sequence[Block]) -> ComposedLetter:
    """Put `blocks` under the letterhead, date and addressee of `data`."""
    addressee = data.addressee
    window = []
    if addressee.postal_code.strip():  # never a bare 〒
        window.append(fill(common.text("postal"), {"postal_code": addressee.postal_code}, "postal"))
    window.append(addressee.address)
    if addressee.building:
        window.append(addressee.building)
    return ComposedLetter(
        language=data.language,
        reference_line=fill(
            common.text("reference"),
            {"reference": data.document_number or common.text("reference_pending")},
            "reference",
        ),
        date_line=_date(data, data.letter_date),
        sender_lines=tuple(line for line in _header(data, common) if line),
        addressee_lines=tuple(window),
        addressee_name=fill(common.text("addressee"), {"name": addressee.name}, "addressee"),
        blocks=tuple(blocks),
        page_format=common.text("page"),
        reference=data.reference,
    )


def compose(data: LetterData) -> ComposedLetter:
    """The words of the letter `data` describes; bad data raises LetterDataError."""
    check_letter(data)
    common = load_texts("common", data.language)
    name = UNVERIFIED_REFUSAL if data.neutral_on_existence else data.kind.value
    texts = load_texts(name, data.language)
    values = placeholder_values(data, common)
    return frame_letter(data, common, compose_body(data, texts, common, values))
