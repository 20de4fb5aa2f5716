"""Scanned pages of a case: adding them (read, masked, encrypted), viewing, correcting, re-reading.

Every page is masked by the OCR pipeline before it reaches this module; only the masked image is
sealed and stored. Every view of a stored page is an audit event (who, when, which page).
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desktop.domain.documents import DocumentKind, FieldName
from desktop.domain.eras import parse_date
from desktop.domain.errors import InvalidInput, KnownError
from desktop.domain.personal_numbers import (
    digit_runs,
    licence_check_ok,
    personal_numbers_in,
    refuse_personal_numbers,
)
from desktop.domain.roles import Permission
from desktop.services.case_guard import require_open
from desktop.services.cases import CaseNotFound
from desktop.services.changes import Changes
from desktop.services.context import CurrentUser, ServiceContext
from desktop.store import audit, payloads
from desktop.store import cases as case_store
from desktop.store import documents as document_store
from desktop.store import users as user_store
from desktop.store.blobs import BlobCipher
from desktop.store.db import Session, flush_checked, unit_of_work
from desktop.store.models import Document

log = logging.getLogger("kaiji.services.documents")

HOLDERS = ("principal", "agent")
# Twelve digits in a row, however spaced: what a My Number looks like in text.
_TWELVE_DIGITS = re.compile(r"(?<!\d)(?:\d[\s\-]?){11}\d(?!\d)")


class DocumentNotFound(KnownError):
    def __init__(self, document_id: int) -> None:
        super().__init__(
            f"書類（ID {document_id}）が見つかりません。", f"Document {document_id} not found."
        )


class DocumentDestroyed(KnownError):
    def __init__(self) -> None:
        super().__init__(
            "この書類の画像は保存期間の満了により廃棄済みです。",
            "This page's image was destroyed at the end of its retention period.",
        )


class DocumentConflict(KnownError):
    def __init__(self) -> None:
        super().__init__(
            "この書類は別の端末で変更されました。読み込み直してください。",
            "Another workstation changed this page. Reload it.",
        )


@dataclass(frozen=True)
class StoredField:
    value: str | None
    confidence: float
    box: tuple[int, int, int, int] | None
    ocr_value: str | None  # what OCR read, kept when a clerk corrected it
    corrected: bool


@dataclass(frozen=True)
class DocumentSummary:
    document_id: int
    version: int
    case_id: int | None
    position: int
    kind: DocumentKind
    kind_confidence: float
    holder: str
    source_name: str
    source_page: int
    width: int
    height: int
    dpi: int
    fields: dict[FieldName, StoredField]
    extras: dict[str, str]
    masked: tuple[str, ...]
    masked_boxes: tuple[tuple[int, int, int, int], ...]
    warnings: tuple[str, ...]
    added_at: datetime
    added_by: str
    destroyed: bool


@dataclass(frozen=True)
class AddedPages:
    document_ids: tuple[int, ...]
    masked_pages: int
    changes: Changes


def cipher(ctx: ServiceContext) -> BlobCipher:
    return BlobCipher.from_key_file(ctx.settings.effective_key_file)


def _field_json(value: str | None, confidence: float, box: Sequence[int] | None) -> dict[str, Any]:
    return {
        "value": value,
        "confidence": round(float(confidence), 3),
        "box": list(box) if box else None,
    }


def _scrub(text: str) -> str:
    """Defence in depth: no run of twelve digits survives into stored text."""
    return _TWELVE_DIGITS.sub("■■■■■■■■■■■■", text)


def _summary(document: Document, user_names: dict[int, str]) -> DocumentSummary:
    fields: dict[FieldName, StoredField] = {}
    for name in FieldName:
        raw = document.fields.get(name.value) or {}
        box = raw.get("box")
        fields[name] = StoredField(
            value=raw.get("value"),
            confidence=float(raw.get("confidence") or 0.0),
            box=(int(box[0]), int(box[1]), int(box[2]), int(box[3])) if box else None,
            ocr_value=raw.get("ocr_value", raw.get("value")),
            corrected=bool(raw.get("corrected")),
        )
    return DocumentSummary(
        document_id=document.id,
        version=document.version,
        case_id=document.case_id,
        position=document.position,
        kind=DocumentKind(document.kind),
        kind_confidence=document.kind_confidence,
        holder=document.holder,
        source_name=document.source_name,
        source_page=document.source_page,
        width=document.width,
        height=document.height,
        dpi=document.dpi,
        fields=fields,
        extras={str(k): str(v) for k, v in document.extras.items()},
        masked=tuple(str(m["reason"]) for m in document.masked),
        masked_boxes=tuple(
            (int(m["box"][0]), int(m["box"][1]), int(m["box"][2]), int(m["box"][3]))
            for m in document.masked
        ),
        warnings=tuple(str(w) for w in document.warnings),
        added_at=document.added_at,
        added_by=user_names.get(document.added_by, ""),
        destroyed=document.destroyed_at is not None,
    )


def _load(session: Session, document_id: int) -> Document:
    document = document_store.by_id(session, document_id)
    if document is None:
        raise DocumentNotFound(document_id)
    return document


def _load_for_edit(session: Session, document_id: int, expected_version: int) -> Document:
    document = _load(session, document_id)
    if document.version != expected_version:
        raise DocumentConflict
    if document.destroyed_at is not None:
        raise DocumentDestroyed
    if document.case_id is not None:
        _open_case(session, document.case_id)
    return document


def _open_case(session: Session, case_id: int) -> None:
    """Pages may be added to or changed in a case only while it is open. The case row is locked
    (before the audit head, the one lock order), so two workstations adding pages to the same case
    number them one after the other: 1, 2, 3, 4, never 1, 2 twice."""
    case = case_store.lock(session, case_id)
    if case is None:
        raise CaseNotFound(case_id)
    require_open(case)


def _record_fields_read(
    ctx: ServiceContext, session: Session, actor: CurrentUser, case_id: int | None, ids: list[int]
) -> None:
    """What was read from the pages (names, addresses, dates of birth) is personal data: who saw
    it is audited like a view of the page itself."""
    if ids:
        audit.record(
            session,
            actor.actor,
            "document_fields_read",
            entity="case" if case_id is not None else "inbox",
            entity_id=case_id,
            case_id=case_id,
            changes={"documents": ids},
            now=ctx.clock.now(),
        )


def list_documents(
    ctx: ServiceContext, actor: CurrentUser, case_id: int | None
) -> list[DocumentSummary]:
    """The pages of a case in order, or the inbox when `case_id` is None; the read is audited."""
    with unit_of_work(ctx.sessions) as session:
        pages = document_store.pages(session, case_id)
        names = user_store.display_names(session, (d.added_by for d in pages))
        summaries = [_summary(d, names) for d in pages]
        _record_fields_read(ctx, session, actor, case_id, [d.id for d in pages])
        return summaries


def get_document(ctx: ServiceContext, actor: CurrentUser, document_id: int) -> DocumentSummary:
    """One page and what was read from it; the read is audited."""
    with unit_of_work(ctx.sessions) as session:
        document = _load(session, document_id)
        summary = _summary(document, user_store.display_names(session, [document.added_by]))
        _record_fields_read(ctx, session, actor, document.case_id, [document.id])
        return summary


@dataclass(frozen=True)
class PageToStore:
    """A read and masked page, ready to be sealed: what `desktop.ocr` produced for one page."""

    source_name: str
    source_page: int
    dpi: int
    kind: DocumentKind
    kind_confidence: float
    image_data: bytes
    width: int
    height: int
    text: str
    fields: dict[str, dict[str, Any]]
    extras: dict[str, str]
    masked: list[dict[str, Any]]
    warnings: list[str]

    @classmethod
    def from_result(cls, source_name: str, source_page: int, dpi: int, result: Any) -> PageToStore:
        """From a `desktop.ocr.pipeline.PageResult`."""
        from PIL import Image

        with Image.open(io.BytesIO(result.image_data)) as image:
            width, height = image.size
        return cls(
            source_name=source_name,
            source_page=source_page,
            dpi=dpi,
            kind=DocumentKind(result.kind),
            kind_confidence=float(result.kind_confidence),
            image_data=result.image_data,
            width=width,
            height=height,
            text=result.text,
            fields={
                FieldName(name).value: _field_json(reading.value, reading.confidence, reading.box)
                for name, reading in result.fields.items()
            },
            extras=dict(result.extras),
            masked=[{"reason": m.reason, "box": list(m.box)} for m in result.masked],
            warnings=list(result.warnings),
        )


def add_pages(
    ctx: ServiceContext,
    actor: CurrentUser,
    case_id: int | None,
    pages: Sequence[PageToStore],
    *,
    action: str = "document_added",
) -> AddedPages:
    """Seal and store pages (all or none) at the end of the case, or in the inbox."""
    actor.require(Permission.EDIT_CASE)
    sealer = cipher(ctx)
    now = ctx.clock.now()
    ids: list[int] = []
    with unit_of_work(ctx.sessions) as session:
        if case_id is not None:
            _open_case(session, case_id)
        position = document_store.next_position(session, case_id)
        for page in pages:
            blob, digest = sealer.seal(page.image_data)
            document = Document(
                case_id=case_id,
                position=position,
                source_name=page.source_name[:255],
                source_page=page.source_page,
                kind=page.kind.value,
                kind_confidence=page.kind_confidence,
                holder="principal",
                image=blob,
                sha256=digest,
                width=page.width,
                height=page.height,
                dpi=page.dpi,
                ocr_text=_scrub(page.text),
                fields=page.fields,
                extras=page.extras,
                masked=page.masked,
                warnings=page.warnings,
                added_by=actor.user_id,
                added_at=now,
            )
            ids.append(document_store.add(session, document))
            position += 1
            audit.record(
                session,
                actor.actor,
                action,
                entity="document",
                entity_id=document.id,
                case_id=case_id,
                changes={
                    "source": f"{page.source_name} p.{page.source_page}",
                    "kind": page.kind.value,
                    "sha256": digest,
                    "masked": [m["reason"] for m in page.masked],
                    "warnings": page.warnings,
                },
                now=now,
            )
    masked = sum(1 for page in pages if page.masked)
    log.info("%d page(s) stored for case %s, %d masked", len(ids), case_id, masked)
    affected = frozenset({case_id}) if case_id is not None else frozenset[int]()
    return AddedPages(tuple(ids), masked, Changes(cases=affected, case_list=False))


def view_page(ctx: ServiceContext, actor: CurrentUser, document_id: int) -> bytes:
    """The stored (masked) page as encoded image bytes; the view is recorded in the audit log."""
    actor.require(Permission.EDIT_CASE)
    sealer = cipher(ctx)
    with unit_of_work(ctx.sessions) as session:
        document = _load(session, document_id)
        if document.destroyed_at is not None or document.image is None:
            raise DocumentDestroyed
        png = sealer.open(document.image, document.sha256)
        audit.record(
            session,
            actor.actor,
            "document_viewed",
            entity="document",
            entity_id=document.id,
            case_id=document.case_id,
            changes={"page": document.position, "kind": document.kind},
            now=ctx.clock.now(),
        )
    return png


def correct_field(
    ctx: ServiceContext,
    actor: CurrentUser,
    document_id: int,
    expected_version: int,
    field: FieldName,
    value: str,
) -> Changes:
    """A clerk's correction of a read value; the OCR reading stays in the row and the audit log."""
    actor.require(Permission.EDIT_CASE)
    new_value = value.strip() or None
    if new_value is not None and field in (FieldName.BIRTH_DATE, FieldName.EXPIRY_DATE):
        new_value = parse_date(new_value).isoformat()  # the date, never the raw text
    with unit_of_work(ctx.sessions) as session:
        document = _load_for_edit(session, document_id, expected_version)
        _refuse_kept_number(DocumentKind(document.kind), field, value)
        fields = dict(document.fields)
        old = dict(fields.get(field.value) or _field_json(None, 0.0, None))
        if old.get("value") == new_value:
            return Changes()
        corrected = {
            **old,
            "value": new_value,
            "ocr_value": old.get("ocr_value", old.get("value")),
            "corrected": True,
            "confidence": 1.0,
        }
        fields[field.value] = corrected
        document.fields = fields
        # Sealed before the flush, so the page's new payload key is saved with the correction.
        sealed = payloads.seal_values(
            document,
            {"before": old.get("value"), "after": new_value, "ocr_value": corrected["ocr_value"]},
        )
        _flush_guarded(session)
        audit.record(
            session,
            actor.actor,
            "document_field_corrected",
            entity="document",
            entity_id=document.id,
            case_id=document.case_id,
            changes={"field": field.value, **sealed},
            now=ctx.clock.now(),
        )
        case_id = document.case_id
    return Changes(cases=frozenset({case_id}) if case_id else frozenset())


def _refuse_kept_number(kind: DocumentKind, field: FieldName, value: str) -> None:
    """A typed correction may not hold a never-kept number; a driver's licence number (12 digits
    too) is what its NUMBER field is for, told apart by its own check digit."""
    if (
        kind is DocumentKind.DRIVERS_LICENSE
        and field is FieldName.NUMBER
        and personal_numbers_in(value) == ("my_number",)
        and all(licence_check_ok(digits) for _, _, digits in digit_runs(_ascii(value)))
    ):
        return
    refuse_personal_numbers({(field.label_ja, field.label_en): value})


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def reclassify(
    ctx: ServiceContext,
    actor: CurrentUser,
    document_id: int,
    expected_version: int,
    kind: DocumentKind,
    holder: str | None = None,
) -> Changes:
    """Set what a page is (and whose it is: the principal's or the agent's)."""
    actor.require(Permission.EDIT_CASE)
    if holder is not None and holder not in HOLDERS:
        raise InvalidInput("書類の提出者の区分が正しくありません。", "Unknown document holder.")
    with unit_of_work(ctx.sessions) as session:
        document = _load_for_edit(session, document_id, expected_version)
        before = {"kind": document.kind, "holder": document.holder}
        document.kind = kind.value
        document.kind_confidence = 1.0
        if holder is not None:
            document.holder = holder
        after = {"kind": document.kind, "holder": document.holder}
        changed = audit.changed_fields(before, after)
        if not changed:
            return Changes()
        _flush_guarded(session)
        audit.record(
            session,
            actor.actor,
            "document_reclassified",
            entity="document",
            entity_id=document.id,
            case_id=document.case_id,
            changes=changed,
            now=ctx.clock.now(),
        )
        case_id = document.case_id
    return Changes(cases=frozenset({case_id}) if case_id else frozenset())


def assign_to_case(
    ctx: ServiceContext, actor: CurrentUser, document_ids: Sequence[int], case_id: int
) -> Changes:
    """Move pages waiting in the inbox to a case (appended in the order given)."""
    actor.require(Permission.EDIT_CASE)
    with unit_of_work(ctx.sessions) as session:
        _open_case(session, case_id)
        position = document_store.next_position(session, case_id)
        for document_id in document_ids:
            document = _load(session, document_id)
            if document.case_id is not None:
                raise InvalidInput(
                    "受信箱にない書類は移動できません。",
                    "Only pages waiting in the inbox can be assigned to a case.",
                )
            document.case_id = case_id
            document.position = position
            position += 1
            session.flush()
            audit.record(
                session,
                actor.actor,
                "document_assigned",
                entity="document",
                entity_id=document.id,
                case_id=case_id,
                changes={"from": "inbox", "to_case": case_id},
                now=ctx.clock.now(),
            )
    return Changes(cases=frozenset({case_id}))


def replace_reading(
    ctx: ServiceContext,
    actor: CurrentUser,
    document_id: int,
    expected_version: int,
    page: PageToStore,
) -> Changes:
    """Store a fresh OCR reading of a page (re-run OCR); the image stays the same stored bytes."""
    actor.require(Permission.EDIT_CASE)
    with unit_of_work(ctx.sessions) as session:
        document = _load_for_edit(session, document_id, expected_version)
        before = {"kind": document.kind, "fields": dict(document.fields)}
        document.kind = page.kind.value
        document.kind_confidence = page.kind_confidence
        document.ocr_text = _scrub(page.text)
        document.fields = page.fields
        document.extras = page.extras
        document.warnings = page.warnings
        sealed = payloads.seal_values(
            document, {"before": before["fields"], "after": document.fields}
        )
        _flush_guarded(session)
        audit.record(
            session,
            actor.actor,
            "document_reread",
            entity="document",
            entity_id=document.id,
            case_id=document.case_id,
            changes={
                "kind": {"before": before["kind"], "after": document.kind},
                **sealed,
            },
            now=ctx.clock.now(),
        )
        case_id = document.case_id
    return Changes(cases=frozenset({case_id}) if case_id else frozenset())


def _flush_guarded(session: Session) -> None:
    if not flush_checked(session):
        raise DocumentConflict


THUMBNAIL_WIDTH = 160


def view_thumbnails(
    ctx: ServiceContext, actor: CurrentUser, case_id: int | None
) -> dict[int, bytes]:
    """Small PNGs of every stored page of a case (one audit event lists the pages shown)."""
    from PIL import Image

    actor.require(Permission.EDIT_CASE)
    sealer = cipher(ctx)
    thumbnails: dict[int, bytes] = {}
    with unit_of_work(ctx.sessions) as session:
        for document in document_store.pages(session, case_id, kept_only=True):
            if document.image is None:
                continue
            with Image.open(io.BytesIO(sealer.open(document.image, document.sha256))) as page:
                page.thumbnail((THUMBNAIL_WIDTH, THUMBNAIL_WIDTH * 2))
                buffer = io.BytesIO()
                page.save(buffer, format="PNG")
            thumbnails[document.id] = buffer.getvalue()
        if thumbnails:
            audit.record(
                session,
                actor.actor,
                "document_thumbnails_viewed",
                entity="case" if case_id is not None else "inbox",
                entity_id=case_id,
                case_id=case_id,
                changes={"documents": sorted(thumbnails)},
                now=ctx.clock.now(),
            )
    return thumbnails
