"""What a response letter says, as plain values: the services layer fills them from a case."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from desktop.domain.letters import LetterKind
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


@dataclass(frozen=True)
class KindOutcome:
    """The decision on one request kind of the case."""

    kind: RequestKind
    outcome: str  # an Outcome value (desktop.domain.outcomes)
    reasons: tuple[Reason, ...] = ()
    detail: str = ""  # what was corrected, which measure was taken, what is withheld
    method: str = "paper"  # "paper" or "electromagnetic": how the data is disclosed
    method_impossible: bool = False  # the method the requester chose could not be used
    withheld: tuple[str, ...] = ()  # each withheld item by name with its ground, never its value


@dataclass(frozen=True)
class DisclosedSection:
    """One table of the disclosed data (開示書), e.g. the customer record or the order history."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


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

    @property
    def promised_reply_by(self) -> date | None:
        """The reply date the letter may promise: never one already past on the letter's date
        (an overdue case's acknowledgement promises a prompt reply instead)."""
        due = self.expected_reply_by
        return due if due is not None and due >= self.letter_date else None
