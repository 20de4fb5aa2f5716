"""An administrator's full read of one case (`kaiji case show`): the case, its decisions with every
retained item disclosed or withheld and its value, and its letters. Every read is audited: the
record holds withheld values, which never leave the building but may be read inside it."""

from __future__ import annotations

from typing import Any

from desktop.domain.errors import KnownError
from desktop.domain.requests import RequestKind
from desktop.domain.retained import Snapshot, Withholding
from desktop.services import decisions, retained
from desktop.services.context import CurrentUser, ServiceContext
from desktop.services.letters.stored import stored
from desktop.store import audit
from desktop.store import cases as case_store
from desktop.store import letters as letter_store
from desktop.store.db import Session, unit_of_work
from desktop.store.models import Case


class CaseNotFoundByKey(KnownError):
    def __init__(self, key: str) -> None:
        super().__init__(
            f"案件「{key}」は見つかりません（ID または受付番号を指定してください）。",
            f"No case {key!r} (give its id or its reference).",
        )


def find_case(session: Session, key: str) -> Case:
    """The case whose reference is `key`, else whose id is `key`."""
    case = case_store.case_by_reference(session, key.strip())
    if case is None and key.strip().isdigit():
        case = case_store.case_by_id(session, int(key))
    if case is None:
        raise CaseNotFoundByKey(key)
    return case


def case_id_of(ctx: ServiceContext, key: str) -> int:
    with unit_of_work(ctx.sessions) as session:
        return find_case(session, key).id


def _items(snapshot: Snapshot, withheld: tuple[Withholding, ...]) -> list[dict[str, Any]]:
    grounds = {w.item_id: w.reason_code for w in withheld}
    items: list[dict[str, Any]] = []
    for source in snapshot.sources:
        whole = grounds.get(source.item_id())
        for index, column in enumerate(source.columns):
            ground = whole or grounds.get(source.item_id(column))
            values = [row[index] for row in source.rows]
            items.append(
                {
                    "source": source.title,
                    "item": column.label,
                    "column": column.key,
                    "value": values[0] if len(values) == 1 else values,
                    "disclosed": ground is None,
                    "reason": ground,
                }
            )
    return items


def case_record(ctx: ServiceContext, actor: CurrentUser | None, key: str) -> dict[str, Any]:
    """The case as JSON-ready data; the read is written to the audit log."""
    with unit_of_work(ctx.sessions) as session:
        case = find_case(session, key)
        _, snapshot = retained.decided_snapshot(ctx, session, case.id)
        decided = []
        for decision in decisions.decisions_of(session, case.id):
            entry: dict[str, Any] = {
                "kind": decision.kind.value,
                "outcome": decision.outcome.value,
                "reasons": list(decision.reason_codes),
                "detail": decision.detail,
                "method": decision.method.value if decision.method else None,
            }
            if decision.kind is RequestKind.DISCLOSURE and decision.outcome.hands_over:
                entry["items"] = _items(snapshot, decision.withheld)
            decided.append(entry)
        letters = [
            {
                "letter_id": s.letter_id,
                "kind": s.kind.value,
                "document_number": s.reference,
                "version": s.version,
                "letter_date": row.letter_date.isoformat(),
                "superseded_by": s.superseded_by,
                "correction_reason": s.correction_reason,
                "sha256": s.sha256,
            }
            for row in letter_store.of_case(session, case.id)
            for s in (stored(row, case.reference),)
        ]
        record = {
            "case_id": case.id,
            "reference": case.reference,
            "status": case.status,
            "received_on": case.received_on.isoformat(),
            "sender_name": case.sender_name,
            "request_kinds": [r.kind for r in case.requests],
            "decisions": decided,
            "letters": letters,
        }
        audit.record(
            session,
            actor.actor if actor is not None else audit.SYSTEM,
            "case_read_in_full",
            entity="case",
            entity_id=case.id,
            case_id=case.id,
            changes={"by": "command line" if actor is None else actor.username},
            now=ctx.clock.now(),
        )
    return record
