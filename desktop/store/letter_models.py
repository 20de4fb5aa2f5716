"""Tables of issued letters, their print records, approved address changes and returned mail.

A letter row is written once: its encrypted PDF never changes. A correction adds a row with the
next version and points the old one at it (`superseded_by`).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.models import Base


class Letter(Base):
    """One issued letter (発行済み通知書): the rendered PDF, encrypted, and what it was made of."""

    __tablename__ = "letters"
    __table_args__ = (
        UniqueConstraint("case_id", "kind", "version", name="uq_letters_case_kind_version"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    version: Mapped[int] = mapped_column(Integer)
    language: Mapped[str] = mapped_column(String(8))
    template_version: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    blob: Mapped[bytes] = mapped_column(LargeBinary)
    letter_date: Mapped[date] = mapped_column(Date)
    addressee: Mapped[dict[str, Any]] = mapped_column(default=dict)
    correction_reason: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime]
    superseded_by: Mapped[int | None] = mapped_column(ForeignKey("letters.id"))
    # The letter's own 文書番号 (開示第2026-0001号), unique across the company's letters.
    document_number: Mapped[str | None] = mapped_column(String(40), unique=True)


class LetterNumberCounter(Base):
    """The last 文書番号 serial given in one series and calendar year."""

    __tablename__ = "letter_number_counters"

    series: Mapped[str] = mapped_column(String(16), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last: Mapped[int] = mapped_column(Integer)


class LetterPrint(Base):
    """One printing of a letter: which wording and bytes, by whom, when, on which printer."""

    __tablename__ = "letter_prints"

    id: Mapped[int] = mapped_column(primary_key=True)
    letter_id: Mapped[int] = mapped_column(ForeignKey("letters.id"), index=True)
    printer: Mapped[str] = mapped_column(String(200))
    printed_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    printed_at: Mapped[datetime]
    template_version: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text, default="")


class LetterAddressee(Base):
    """An address a supervisor approved for a case's letters instead of the verified one."""

    __tablename__ = "letter_addressees"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    postal_code: Mapped[str] = mapped_column(String(8))
    address: Mapped[str] = mapped_column(String(400))
    building: Mapped[str] = mapped_column(String(200), default="")
    name: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text)
    changed_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    approved_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    changed_at: Mapped[datetime]


class MailReturn(Base):
    """An outgoing item that came back undelivered (返戻): 不在, 宛所不明 or 受取拒否."""

    __tablename__ = "mail_returns"

    id: Mapped[int] = mapped_column(primary_key=True)
    mail_item_id: Mapped[int] = mapped_column(ForeignKey("mail_items.id"), unique=True)
    reason: Mapped[str] = mapped_column(String(32))
    returned_on: Mapped[date] = mapped_column(Date)
    recorded_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime]


class ProvisionEntry(Base):
    """One line of the third-party provision ledger (第三者提供記録, Art. 29), kept until
    `keep_until` and disclosed on request (Art. 33(5))."""

    __tablename__ = "provision_records"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_no: Mapped[str] = mapped_column(String(64), index=True)
    provided_on: Mapped[date] = mapped_column(Date)
    recipient: Mapped[str] = mapped_column(String(400))
    recipient_address: Mapped[str] = mapped_column(String(400), default="")
    recipient_representative: Mapped[str] = mapped_column(String(200), default="")
    items: Mapped[str] = mapped_column(Text)
    basis: Mapped[str] = mapped_column(Text)
    keep_until: Mapped[date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(200), default="")  # the file it came from
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime]
