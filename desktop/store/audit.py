"""The append-only, hash-chained audit log (監査ログ).

Each event stores the hash of the one before it and its own hash over its content, so editing or
deleting any row breaks the chain. The head row remembers the newest hash, so removing the last
events is noticed as well. Appends are serialized: SQLite by its write lock (BEGIN IMMEDIATE),
PostgreSQL by locking the head row.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.store.models import AuditEvent, AuditHead

GENESIS_HASH = "0" * 64
_VERIFY_BATCH = 2000


@dataclass(frozen=True)
class Actor:
    """Who did it: every event is attributed to a user (or to the system, id None)."""

    user_id: int | None
    username: str


SYSTEM = Actor(None, "system")


def json_value(value: object) -> Any:
    """Make a before/after value JSON-safe and stable: dates as ISO text, enums as their value."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple | set | frozenset):
        items = [json_value(v) for v in value]
        return sorted(items) if isinstance(value, set | frozenset) else items
    if isinstance(value, Mapping):
        return {str(k): json_value(v) for k, v in value.items()}
    return value


def _digest(event: AuditEvent) -> str:
    payload = {
        "seq": event.seq,
        "occurred_at": event.occurred_at.astimezone(UTC).isoformat(timespec="microseconds"),
        "actor_id": event.actor_id,
        "actor_name": event.actor_name,
        "action": event.action,
        "entity": event.entity,
        "entity_id": event.entity_id,
        "case_id": event.case_id,
        "changes": event.changes,
        "prev_hash": event.prev_hash,
    }
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def record(
    session: Session,
    actor: Actor,
    action: str,
    *,
    entity: str,
    entity_id: int | None = None,
    case_id: int | None = None,
    changes: Mapping[str, object] | None = None,
    now: datetime | None = None,
) -> AuditEvent:
    """Append one event in the caller's transaction: it commits or rolls back with the change."""
    head = session.execute(
        select(AuditHead).where(AuditHead.id == 1).with_for_update()
    ).scalar_one()
    occurred = (now or datetime.now(UTC)).astimezone(UTC)
    # Stored timestamps keep microseconds on both databases; hash what will be read back.
    event = AuditEvent(
        seq=head.seq + 1,
        occurred_at=occurred,
        actor_id=actor.user_id,
        actor_name=actor.username,
        action=action,
        entity=entity,
        entity_id=entity_id,
        case_id=case_id,
        changes=json_value(dict(changes or {})),
        prev_hash=head.hash,
    )
    event.hash = _digest(event)
    session.add(event)
    head.seq = event.seq
    head.hash = event.hash
    session.flush()
    return event


def changed_fields(before: Mapping[str, object], after: Mapping[str, object]) -> dict[str, Any]:
    """`{field: {"before": …, "after": …}}` for the fields whose value differs."""
    return {
        key: {"before": json_value(before.get(key)), "after": json_value(after.get(key))}
        for key in sorted(set(before) | set(after))
        if json_value(before.get(key)) != json_value(after.get(key))
    }


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    events: int
    first_bad_seq: int | None = None
    first_bad_id: int | None = None
    problem: str = ""


def verify_chain(session: Session) -> ChainReport:
    """Walk the chain in order and report the first event that does not fit."""
    expected_prev = GENESIS_HASH
    expected_seq = 1
    count = 0
    last_id = 0
    while True:
        batch = (
            session.execute(
                select(AuditEvent)
                .where(AuditEvent.id > last_id)
                .order_by(AuditEvent.id)
                .limit(_VERIFY_BATCH)
            )
            .scalars()
            .all()
        )
        if not batch:
            break
        for event in batch:
            problem = ""
            if event.seq != expected_seq:
                problem = f"event {expected_seq} is missing (found {event.seq} in its place)"
            elif event.prev_hash != expected_prev:
                problem = "previous-hash link broken (an earlier event was changed or removed)"
            elif _digest(event) != event.hash:
                problem = "content does not match its hash (the event was edited)"
            if problem:
                return ChainReport(False, count, expected_seq, event.id, problem)
            expected_prev = event.hash
            expected_seq += 1
            count += 1
            last_id = event.id
        session.expunge_all()
    head = session.get(AuditHead, 1)
    if head is None or head.seq != count or head.hash != expected_prev:
        return ChainReport(
            False, count, count + 1, None, "events after the last one found were removed"
        )
    return ChainReport(True, count)
