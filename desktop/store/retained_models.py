"""Tables for the retained data of a case: extracts attached by staff, the readable labels of
each source's columns, the snapshot a decision was made on, and what an issued letter disclosed.

Extracts, snapshots and disclosures hold personal data: their content is sealed (AES-GCM under the
workstation key, `store/blobs.py`) like pages and letters.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.models import Base


class CaseExtract(Base):
    """A file from another system attached to a case: what that system holds on the person."""

    __tablename__ = "case_extracts"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    source: Mapped[str] = mapped_column(String(100))  # the system, e.g. 与信管理システム
    file_name: Mapped[str] = mapped_column(String(255))
    rows: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    blob: Mapped[bytes] = mapped_column(LargeBinary)  # sealed JSON: headers and rows
    added_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    added_at: Mapped[datetime]


class SourceLabel(Base):
    """The readable label of one column of one source (the label map), kept for the next file."""

    __tablename__ = "source_labels"

    source: Mapped[str] = mapped_column(String(100), primary_key=True)
    column: Mapped[str] = mapped_column(String(200), primary_key=True)
    label: Mapped[str] = mapped_column(String(200))


class RetainedSnapshot(Base):
    """Everything retained about the person when the decision was recorded, sealed."""

    __tablename__ = "retained_snapshots"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    sha256: Mapped[str] = mapped_column(String(64))
    blob: Mapped[bytes] = mapped_column(LargeBinary)
    taken_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    taken_at: Mapped[datetime]


class LetterDisclosure(Base):
    """What one issued letter disclosed and withheld, frozen with it: the package is made of it."""

    __tablename__ = "letter_disclosures"

    letter_id: Mapped[int] = mapped_column(ForeignKey("letters.id"), primary_key=True)
    snapshot_id: Mapped[int] = mapped_column(ForeignKey("retained_snapshots.id"))
    sha256: Mapped[str] = mapped_column(String(64))
    blob: Mapped[bytes] = mapped_column(LargeBinary)  # sealed JSON: disclosed and withheld
