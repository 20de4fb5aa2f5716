"""What a response letter says, as plain values: the services layer fills them from a case."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from desktop.domain.letters import LetterKind
from desktop.domain.outcomes import Outcome
from desktop.domain.provisions import ProvisionRecord
from desktop.domain.reasons import Reason
from desktop.domain.requests import RequestKind


class DateStyle(StrEnum):
    """How dates are printed: 令和8年11月20日, 2026年11月20日, or both."""

    ERA = "era"
    WESTERN = "western"
    BOTH = "both"


LANGUAGES = ("ja", "en")


@dataclass(frozen=True)
class Sender:
    """The company's letterhead and contact point, from the settings."""

    company: str
    department: str
    postal_code: str
    address: str
    phone: str
    email: str
    hours: str
    complaint_contact: str  # where to complain, e.g. the company's privacy desk
    accredited_body: str | None = None  # 認定個人情報保護団体, if the company belongs to one


@dataclass(frozen=True)
class Addressee:
    """Who the letter goes to; the name is printed followed by 様."""

    postal_code: str
    address: str
    building: str
    name: str
    # The name in Latin letters (from its reading) for English letters; empty when unknown.
    name_latin: str = ""


@dataclass(frozen=True)
class KindOutcome:
    """The decision on one request kind of the case."""

    kind: RequestKind
    outcome: str  # an Outcome value (desktop.domain.outcomes)
    reasons: tuple[Reason, ...] = ()
    detail: str = ""  # what was corrected, which measure was taken, what is withheld
    method: str = "paper"  # "paper" or "electromagnetic": the method the requester chose
    method_impossible: bool = False  # that method cannot be used: the data goes out on paper
    withheld: tuple[str, ...] = ()  # each withheld item by name with its ground, never its value

    @property
    def method_used(self) -> str:
        return "paper" if self.method_impossible else self.method

    @property
    def refused_on_requester(self) -> bool:
        """Refused only because the requester could not be confirmed (identity, authority)."""
        return (
            self.outcome == Outcome.REFUSE.value
            and bool(self.reasons)
            and all(reason.about_requester for reason in self.reasons)
        )


@dataclass(frozen=True)
class DisclosedSection:
    """One table of the disclosed data (開示書), e.g. the customer record or the order history."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Replaced:
    """The letter a corrected version replaces: its 文書番号, its date and what was corrected."""

    document_number: str
    letter_date: date
    correction: str


@dataclass(frozen=True)
class LetterData:
    """Everything one letter prints. Fields a kind does not use stay empty."""

    kind: LetterKind
    language: str  # "ja" or "en"
    reference: str
    letter_date: date
    date_style: str  # a DateStyle value
    sender: Sender
    addressee: Addressee
    request_date: date | None  # the date written on the request form
    received_on: date  # the day the envelope arrived (a legal date)
    request_kinds: tuple[RequestKind, ...]
    outcomes: tuple[KindOutcome, ...] = ()
    deficiencies: tuple[str, ...] = ()
    reply_by: date | None = None  # deficiency letters: documents wanted by this day
    purposes: tuple[str, ...] = ()
    disclosed: tuple[DisclosedSection, ...] = ()
    new_due_date: date | None = None
    extension_reason: str = ""
    masked_numbers_note: bool = False  # the enclosed copies showed numbers we masked
    expected_reply_by: date | None = None
    # The letter's own 文書番号, given when it is issued (empty in a preview).
    document_number: str = ""
    replaces: Replaced | None = None  # a corrected version (訂正版): the letter it replaces
    # Art. 33(5): the third-party provision records disclosed in their own annex; None when the
    # letter discloses none, empty when none is kept (the letter then says so).
    provision_records: tuple[ProvisionRecord, ...] | None = None
    # An agent's request: the letter names the principal and the agent, whoever it goes to.
    principal_name: str = ""
    agent_name: str = ""
    agent_relationship: str = ""

    @property
    def neutral_on_existence(self) -> bool:
        """Every answer is a refusal because the requester is unconfirmed: the letter must
        neither confirm nor deny that data about the person exists."""
        return bool(self.outcomes) and all(o.refused_on_requester for o in self.outcomes)

    @property
    def promised_reply_by(self) -> date | None:
        """The reply date the letter may promise: never one already past on the letter's date
        (an overdue case's acknowledgement promises a prompt reply instead)."""
        due = self.expected_reply_by
        return due if due is not None and due >= self.letter_date else None
