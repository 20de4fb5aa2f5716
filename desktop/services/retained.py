"""The retained data of a case: the registry record and the extracts staff attach, as sources
with readable labels; the snapshot a decision is made on; what an issued letter disclosed.

The snapshot is taken when a disclosure is decided and sealed; the letter, its annex and the
electronic package are built from it (and the letter's frozen copy), never from today's registry.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.domain.errors import InvalidInput
from desktop.domain.personal_numbers import refuse_personal_numbers
from desktop.domain.requests import RequestKind
from desktop.domain.retained import (
    REGISTRY_SOURCE,
    RetainedItem,
    Snapshot,
    Source,
    source_of,
)
from desktop.domain.roles import Permission
from desktop.intake.extracts import Extract, read_extract
from desktop.letters import DisclosedSection
from desktop.services import documents
from desktop.services.case_guard import require_open
from desktop.services.cases import load_case
from desktop.services.changes import Changes, Done
from desktop.services.context import CurrentUser, ServiceContext
from desktop.store import audit
from desktop.store import customers as customer_store
from desktop.store import retained as retained_store
from desktop.store.db import Session, read_only, unit_of_work
from desktop.store.models import Customer
from desktop.store.retained_models import CaseExtract, LetterDisclosure, RetainedSnapshot

REGISTRY_TITLE = "顧客台帳"
# The registry's own fields when a customer has no imported columns (entered, not imported).
_REGISTRY_FIELDS = (
    ("customer_no", "顧客番号"),
    ("name", "氏名"),
    ("name_kana", "フリガナ"),
    ("birth_date", "生年月日"),
    ("postal_code", "郵便番号"),
    ("address", "住所"),
    ("phone", "電話番号"),
)
MAX_SOURCE_NAME = 100
MAX_LABEL = 200


@dataclass(frozen=True)
class RetainedView:
    """What the decision panel offers: the items of the data as it stands, and the extracts."""

    snapshot: Snapshot
    items: tuple[RetainedItem, ...]
    extracts: tuple[str, ...]  # 「与信管理システム（credit.xlsx、12行）」

    def unlabelled(self) -> tuple[tuple[str, str], ...]:
        return self.snapshot.unlabelled()


@dataclass(frozen=True)
class FrozenDisclosure:
    """What an issued letter disclosed (its annex, table by table) and the items it withheld."""

    sections: tuple[DisclosedSection, ...]
    withheld: tuple[str, ...]


def _registry(session: Session, customer: Customer | None) -> Source | None:
    if customer is None:
        return None
    labels = retained_store.labels_of(session, REGISTRY_SOURCE)
    if customer.columns:
        headers = [str(k) for k in customer.columns]
        row = ["" if v is None else str(v) for v in customer.columns.values()]
    else:
        headers = [label for _, label in _REGISTRY_FIELDS]
        row = [
            "" if getattr(customer, name) is None else str(getattr(customer, name))
            for name, _ in _REGISTRY_FIELDS
        ]
    return source_of(REGISTRY_SOURCE, REGISTRY_TITLE, headers, [row], labels)


def _extract_source(ctx: ServiceContext, session: Session, row: CaseExtract) -> Source:
    content = json.loads(documents.cipher(ctx).open(row.blob, row.sha256))
    labels = retained_store.labels_of(session, row.source)
    return source_of(f"extract-{row.id}", row.source, content["headers"], content["rows"], labels)


def snapshot_in(ctx: ServiceContext, session: Session, case_id: int) -> Snapshot:
    """Everything retained about the case's person now: the registry record, then the extracts."""
    case = load_case(session, case_id)
    customer = customer_store.by_id(session, case.customer_id) if case.customer_id else None
    sources = [s for s in (_registry(session, customer),) if s is not None]
    sources += [
        _extract_source(ctx, session, row)
        for row in retained_store.extracts_of_case(session, case_id)
    ]
    return Snapshot(tuple(sources))


def retained_data(ctx: ServiceContext, case_id: int) -> RetainedView:
    """The retained data as it stands, for choosing what to withhold."""
    with read_only(ctx.sessions) as session:
        snapshot = snapshot_in(ctx, session, case_id)
        extracts = tuple(
            f"{row.source}（{row.file_name}、{row.rows}行）"
            for row in retained_store.extracts_of_case(session, case_id)
        )
    return RetainedView(snapshot, tuple(snapshot.items().values()), extracts)


def take_snapshot(
    ctx: ServiceContext, session: Session, actor: CurrentUser, case_id: int
) -> tuple[int, Snapshot]:
    """Seal the retained data as it stands, for a decision recorded in the caller's transaction."""
    snapshot = snapshot_in(ctx, session, case_id)
    blob, digest = documents.cipher(ctx).seal(
        json.dumps(snapshot.to_json(), ensure_ascii=False).encode("utf-8")
    )
    row = RetainedSnapshot(
        case_id=case_id, sha256=digest, blob=blob, taken_by=actor.user_id, taken_at=ctx.clock.now()
    )
    retained_store.add_snapshot(session, row)
    return row.id, snapshot


def decided_snapshot(ctx: ServiceContext, session: Session, case_id: int) -> tuple[int, Snapshot]:
    """The snapshot the case's disclosure decision was made on (empty when there is none)."""
    snapshot_id = retained_store.decided_snapshot_id(session, case_id, RequestKind.DISCLOSURE.value)
    row = retained_store.snapshot_by_id(session, snapshot_id) if snapshot_id else None
    if row is None:
        return 0, Snapshot(())
    content = json.loads(documents.cipher(ctx).open(row.blob, row.sha256))
    return row.id, Snapshot.from_json(content)


def freeze_for_letter(
    ctx: ServiceContext,
    session: Session,
    letter_id: int,
    snapshot_id: int,
    sections: Sequence[DisclosedSection],
    withheld: Sequence[str],
) -> None:
    """Keep, sealed with the issued letter, exactly what its annex disclosed."""
    content = {
        "sections": [
            {"title": s.title, "columns": list(s.columns), "rows": [list(r) for r in s.rows]}
            for s in sections
        ],
        "withheld": list(withheld),
    }
    blob, digest = documents.cipher(ctx).seal(
        json.dumps(content, ensure_ascii=False).encode("utf-8")
    )
    retained_store.add_disclosure(
        session,
        LetterDisclosure(letter_id=letter_id, snapshot_id=snapshot_id, sha256=digest, blob=blob),
    )


def frozen_disclosure(
    ctx: ServiceContext, session: Session, letter_id: int
) -> FrozenDisclosure | None:
    """What the issued letter disclosed, as frozen when it was issued."""
    row = retained_store.disclosure_of_letter(session, letter_id)
    if row is None:
        return None
    content: dict[str, Any] = json.loads(documents.cipher(ctx).open(row.blob, row.sha256))
    return FrozenDisclosure(
        tuple(
            DisclosedSection(
                str(s["title"]),
                tuple(str(c) for c in s["columns"]),
                tuple(tuple(str(v) for v in r) for r in s["rows"]),
            )
            for s in content["sections"]
        ),
        tuple(str(w) for w in content["withheld"]),
    )


def _clean_labels(labels: Mapping[str, str]) -> dict[str, str]:
    cleaned = {str(k): str(v).strip() for k, v in labels.items()}
    if any(len(v) > MAX_LABEL for v in cleaned.values()):
        raise InvalidInput(
            f"表示名は{MAX_LABEL}文字までです。",
            f"A label may have at most {MAX_LABEL} characters.",
        )
    refuse_personal_numbers({(f"表示名「{k}」", f"label {k!r}"): v for k, v in cleaned.items()})
    return cleaned


def set_source_labels(
    ctx: ServiceContext, actor: CurrentUser | None, source: str, labels: Mapping[str, str]
) -> Done[None]:
    """Set readable labels for columns of `source` ("registry" for the customer registry)."""
    if actor is not None:
        actor.require(Permission.EDIT_CASE)
    cleaned = _clean_labels(labels)
    with unit_of_work(ctx.sessions) as session:
        retained_store.set_labels(session, source, cleaned)
        audit.record(
            session,
            actor.actor if actor is not None else audit.SYSTEM,
            "source_labels_set",
            entity="source_labels",
            entity_id=None,
            changes={"source": source, "labels": cleaned},
            now=ctx.clock.now(),
        )
    return Done(None, Changes())


def read_extract_file(path: Path) -> Extract:
    """Read an extract file (off the GUI thread: a workbook takes a while)."""
    return read_extract(path)


def attach_extract(
    ctx: ServiceContext,
    actor: CurrentUser,
    case_id: int,
    source: str,
    file_name: str,
    extract: Extract,
    labels: Mapping[str, str] | None = None,
) -> Done[int]:
    """Attach what another system holds on the person, with labels for its columns."""
    actor.require(Permission.EDIT_CASE)
    source = source.strip()
    if not source or len(source) > MAX_SOURCE_NAME or source == REGISTRY_SOURCE:
        raise InvalidInput(
            f"抽出元のシステム名を入力してください（{MAX_SOURCE_NAME}文字まで）。",
            f"Enter the name of the system the extract comes from ({MAX_SOURCE_NAME} at most).",
        )
    cleaned = _clean_labels(labels or {})
    content = json.dumps(
        {"headers": list(extract.headers), "rows": [list(r) for r in extract.rows]},
        ensure_ascii=False,
    ).encode("utf-8")
    with unit_of_work(ctx.sessions) as session:
        case = load_case(session, case_id)
        require_open(case)
        if cleaned:
            retained_store.set_labels(session, source, cleaned)
        blob, digest = documents.cipher(ctx).seal(content)
        row = CaseExtract(
            case_id=case_id,
            source=source,
            file_name=Path(file_name).name[:255],
            rows=len(extract.rows),
            sha256=digest,
            blob=blob,
            added_by=actor.user_id,
            added_at=ctx.clock.now(),
        )
        retained_store.add_extract(session, row)
        audit.record(
            session,
            actor.actor,
            "extract_attached",
            entity="case_extract",
            entity_id=row.id,
            case_id=case_id,
            changes={
                "source": source,
                "file": row.file_name,
                "rows": row.rows,
                "columns": list(extract.headers),
                "sha256": digest,
            },
            now=ctx.clock.now(),
        )
        return Done(row.id, Changes(decisions=frozenset({case_id})))
