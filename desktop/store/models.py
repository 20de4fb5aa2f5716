"""Typed SQLAlchemy models: the tables of Kaiji Desk.

Schema changes go through Alembic migrations in `desktop/store/migrations`; these classes
describe the newest revision.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, validates
from sqlalchemy.types import TypeDecorator

from desktop.domain.status import CaseStatus

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Timestamps stored and returned as aware UTC, the same on SQLite and PostgreSQL."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict[str, Any]: JSON, datetime: UTCDateTime}


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(128))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(256))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    created_at: Mapped[datetime]
    last_login_at: Mapped[datetime | None]


class Customer(Base):
    """The company's registered data for one customer (登録情報), as imported."""

    __tablename__ = "customers"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_no: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    name_kana: Mapped[str] = mapped_column(String(200), default="")
    birth_date: Mapped[date | None] = mapped_column(Date, index=True)
    postal_code: Mapped[str] = mapped_column(String(8), default="", index=True)
    address: Mapped[str] = mapped_column(String(400), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    # The phone number's digits, so 03-1234-5678 and ０３１２３４５６７８ find each other.
    phone_key: Mapped[str] = mapped_column(String(32), default="", server_default="", index=True)
    name_key: Mapped[str] = mapped_column(String(200), index=True)
    kana_key: Mapped[str] = mapped_column(String(200), default="", index=True)
    address_key: Mapped[str] = mapped_column(String(400), default="", server_default="", index=True)
    columns: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class ImportMapping(Base):
    """The column mapping and encoding last used for one source of registry files (取込元)."""

    __tablename__ = "import_mappings"

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(100), unique=True)
    mapping: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    encoding: Mapped[str] = mapped_column(String(16), default="auto")
    updated_at: Mapped[datetime]
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class Case(Base):
    """One envelope: one request (several kinds possible) from one requester."""

    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(32), unique=True)
    status: Mapped[str] = mapped_column(String(32), index=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    requester_type: Mapped[str] = mapped_column(String(32))
    sender_name: Mapped[str] = mapped_column(String(200))
    sender_kana: Mapped[str] = mapped_column(String(200), default="")
    sender_postal_code: Mapped[str] = mapped_column(String(8), default="")
    sender_address: Mapped[str] = mapped_column(String(400), default="")
    sender_birth_date: Mapped[date | None] = mapped_column(Date)
    # The agent who made the request for the principal (domain/agents.py), empty for none.
    agent: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    name_key: Mapped[str] = mapped_column(String(200), index=True)
    address_key: Mapped[str] = mapped_column(String(400), default="", index=True)
    received_on: Mapped[date] = mapped_column(Date, index=True)
    postmark_on: Mapped[date | None] = mapped_column(Date)
    envelope_marked: Mapped[bool] = mapped_column(Boolean, default=False)
    fee_amount: Mapped[int] = mapped_column(Integer, default=0)
    fee_form: Mapped[str] = mapped_column(String(16), default="none")
    money_order_issued_on: Mapped[date | None] = mapped_column(Date)
    return_postage_enclosed: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    profile: Mapped[str] = mapped_column(String(32))
    due_on: Mapped[date] = mapped_column(Date, index=True)
    extended_due_on: Mapped[date | None] = mapped_column(Date)
    extension_reason: Mapped[str] = mapped_column(Text, default="")
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"))
    # The clerk searched the registry and found no retained personal data (保有個人データなし).
    no_retained_data: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    related_case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"))
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    closed_at: Mapped[datetime | None]
    # A legal hold (訴訟ホールド) keeps the submitted documents past their retention period.
    legal_hold: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    documents_destroyed_at: Mapped[datetime | None]
    # For the case list (migration 0009): the status's place in the workflow, kept by `_rank`;
    # the requests and mail numbers copied here by triggers, so every column sorts on an index.
    status_rank: Mapped[int] = mapped_column(Integer, server_default="0")
    request_sort: Mapped[str] = mapped_column(String(200), server_default="")
    tracking_sort: Mapped[str] = mapped_column(String(16), server_default="")
    mail_numbers: Mapped[str] = mapped_column(Text, server_default="")

    related_case: Mapped[Case | None] = relationship(remote_side=[id])
    requests: Mapped[list[CaseRequest]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="CaseRequest.id"
    )
    mail_items: Mapped[list[MailItem]] = relationship(back_populates="case", order_by="MailItem.id")
    pauses: Mapped[list[DeadlinePause]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="DeadlinePause.id"
    )

    __table_args__ = (
        Index("ix_cases_status_due_on", "status", "due_on"),
        *(
            Index(f"ix_cases_list_{column}", column, "id")
            for column in (
                "reference",
                "received_on",
                "sender_name",
                "status_rank",
                "due_on",
                "request_sort",
                "tracking_sort",
            )
        ),
    )
    __mapper_args__ = {"version_id_col": version}

    @validates("status")
    def _rank(self, _key: str, status: str) -> str:
        self.status_rank = CaseStatus(status).rank
        return status


class CaseRequest(Base):
    """One kind of request within a case (開示, 訂正 …)."""

    __tablename__ = "case_requests"
    __table_args__ = (
        UniqueConstraint("case_id", "kind", name="uq_case_requests_case_kind"),
        Index("ix_case_requests_kind", "kind", "case_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    detail: Mapped[str] = mapped_column(Text, default="")

    case: Mapped[Case] = relationship(back_populates="requests")


class DeadlinePause(Base):
    """A period during which the deadline clock stood still (awaiting documents, 補正待ち)."""

    __tablename__ = "deadline_pauses"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    started_on: Mapped[date] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)

    case: Mapped[Case] = relationship(back_populates="pauses")


class MailItem(Base):
    """A registered-mail item, incoming (the request) or outgoing (the answer)."""

    __tablename__ = "mail_items"
    __table_args__ = (
        Index(
            "uq_mail_items_direction_number",
            "direction",
            "tracking_number",
            unique=True,
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    direction: Mapped[str] = mapped_column(String(8))
    tracking_number: Mapped[str] = mapped_column(String(16))
    service: Mapped[str] = mapped_column(String(16))
    check_digit_ok: Mapped[bool | None]
    on_date: Mapped[date] = mapped_column(Date)
    method: Mapped[str] = mapped_column(String(32), default="")
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime]

    case: Mapped[Case] = relationship(back_populates="mail_items")


class AuditEvent(Base):
    """One entry of the append-only, hash-chained audit log (監査ログ)."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    occurred_at: Mapped[datetime]
    actor_id: Mapped[int | None]
    actor_name: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(48), index=True)
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[int | None]
    case_id: Mapped[int | None] = mapped_column(Integer, index=True)
    changes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    """The newest sequence number and MAC, so deleting the last events is detected too, and the
    fingerprint of the key the chain (and every sealed page) is keyed with."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))
    key_fingerprint: Mapped[str | None] = mapped_column(String(64))
    # The first event keyed with that key, and a MAC over it; earlier events are plain hashes.
    keyed_from: Mapped[int | None] = mapped_column(Integer)
    keyed_from_mac: Mapped[str | None] = mapped_column(String(64))


class Document(Base):
    """One scanned page of a case: the masked image (encrypted), its kind and what was read from it.

    Submitted documents are internal evidence only. After the retention period the image, text and
    fields are destroyed (`destroyed_at`); the row stays so the case shows what there was.
    """

    __tablename__ = "documents"
    # One page per position in a case (the inbox, case NULL, is not constrained).
    __table_args__ = (Index("uq_documents_case_id_position", "case_id", "position", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # None while the page waits in the inbox (a scanned batch page no cover sheet routed).
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    __mapper_args__ = {"version_id_col": version}
    position: Mapped[int] = mapped_column(Integer)
    source_name: Mapped[str] = mapped_column(String(255), default="")
    source_page: Mapped[int] = mapped_column(Integer, default=1)
    kind: Mapped[str] = mapped_column(String(32))
    kind_confidence: Mapped[float] = mapped_column(Float, default=0.0)
    holder: Mapped[str] = mapped_column(String(16), default="principal")
    image: Mapped[bytes | None] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    dpi: Mapped[int] = mapped_column(Integer, default=300)
    ocr_text: Mapped[str] = mapped_column(Text, default="")
    fields: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    extras: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    masked: Mapped[list[Any]] = mapped_column(JSON, default=list)
    warnings: Mapped[list[Any]] = mapped_column(JSON, default=list)
    added_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    added_at: Mapped[datetime]
    destroyed_at: Mapped[datetime | None]
    # Seals the values read from this page that the audit log keeps (corrections, re-readings);
    # destroyed with the page, so the log still verifies and the values are gone.
    payload_key: Mapped[bytes | None] = mapped_column(LargeBinary)


class CaseCheck(Base):
    """The clerk's verification judgements for a case: seal comparison, form, overrides."""

    __tablename__ = "case_checks"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    __mapper_args__ = {"version_id_col": version}
    seal_judgement: Mapped[str | None] = mapped_column(String(16))
    form_signed: Mapped[bool | None]
    form_complete: Mapped[bool | None]
    form_missing: Mapped[str] = mapped_column(Text, default="")
    overrides: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    updated_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime]
