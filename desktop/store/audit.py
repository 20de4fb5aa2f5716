"""The append-only, keyed hash chain of the audit log (監査ログ).

Each event stores the MAC of the one before it and its own MAC over its content, keyed with a key
derived from the workstation key file (`store/keys.py`), which is not in the database: someone
holding only the database can neither forge an event nor re-hash the chain after editing it. The
head row remembers the newest MAC and the key's fingerprint; an anchor kept outside the database
(`anchor`) proves that nothing up to it was removed later. Appends are serialized: SQLite by its
write lock (BEGIN IMMEDIATE), PostgreSQL by locking the head row.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from desktop.domain.errors import KnownError
from desktop.store.keys import (
    KEY_FILE_INFO,
    WorkstationKey,
    rotation_mac,
    unwrap_audit_key,
    wrap_audit_key,
)
from desktop.store.letter_models import Letter
from desktop.store.models import AuditEvent, AuditHead, Document, User

GENESIS_HASH = "0" * 64
_VERIFY_BATCH = 2000


@dataclass(frozen=True)
class Actor:
    """Who did it: every event is attributed to a user (or to the system, id None)."""

    user_id: int | None
    username: str
    # The role the user signed in with; the account is checked against it on every event.
    role: str | None = None


SYSTEM = Actor(None, "system")


class AccountChanged(KnownError):
    def __init__(self) -> None:
        super().__init__(
            "あなたのアカウントは管理者によって無効にされたか、権限が変更されました。"
            "何も保存していません。もう一度ログインしてください。",
            "An administrator deactivated your account or changed its role since you signed in. "
            "Nothing was saved. Sign in again.",
        )


def _check_account(session: Session, actor: Actor) -> None:
    """A signed-in user's window acts with the account as it is now, not as it was at sign-in:
    a deactivated supervisor's open window cannot approve, a demoted one cannot either."""
    if actor.user_id is None or actor.role is None:
        return
    row = session.execute(
        select(User.active, User.role).where(User.id == actor.user_id)
    ).one_or_none()
    if row is None or not row.active or row.role != actor.role:
        raise AccountChanged


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


class KeyMissing(KnownError):
    def __init__(self) -> None:
        super().__init__(
            "暗号鍵ファイルが設定されていないため、監査ログに記録できません。何も保存していません。",
            "No encryption key file is configured, so nothing can be recorded in the audit log. "
            "Nothing was saved.",
        )


class WrongKey(KnownError):
    def __init__(self) -> None:
        super().__init__(
            "この端末の暗号鍵は、このデータベースを作成した鍵と違います。鍵ファイルをバックアップから"
            "戻してください（新しい鍵を作ると保存済みの書類を開けなくなります）。",
            "This workstation's encryption key is not the key this database was created with. "
            "Restore the key file from backup (a new key could not open the stored documents).",
        )


class UnkeyedLog(KnownError):
    def __init__(self) -> None:
        super().__init__(
            "このデータベースの監査ログは鍵付きではありません。"
            "管理者が `kaiji init` を実行してください。",
            "This database's audit log is not keyed yet. An administrator must run `kaiji init`.",
        )


def workstation_key(session: Session) -> WorkstationKey:
    path = session.info.get(KEY_FILE_INFO)
    if path is None:
        raise KeyMissing
    return WorkstationKey.from_file(path)


def recorded_fingerprint(session: Session) -> str | None:
    """The fingerprint of the key the chain is keyed with (None until the first event)."""
    head = session.get(AuditHead, 1)
    return None if head is None else head.key_fingerprint


def holds_sealed_data(session: Session) -> bool:
    """Whether anything in the database depends on a key: a keyed chain, a sealed page or letter."""
    if recorded_fingerprint(session) is not None:
        return True
    pages = select(Document.id).where(Document.image.is_not(None)).limit(1)
    letters = select(Letter.id).limit(1)
    return (
        session.execute(pages).first() is not None or session.execute(letters).first() is not None
    )


def _keyed_from_mac(key: WorkstationKey, keyed_from: int) -> str:
    # Authenticates where the keyed chain starts, so no one can pass keyed events off as legacy.
    message = f"keyed-from:{keyed_from}:{key.fingerprint}".encode()
    return hmac.new(key.audit_key, message, hashlib.sha256).hexdigest()


def _key_the_chain(head: AuditHead, key: WorkstationKey) -> None:
    head.key_fingerprint = key.fingerprint
    head.keyed_from = head.seq + 1
    head.keyed_from_mac = _keyed_from_mac(key, head.keyed_from)


def _locked_head(session: Session, key: WorkstationKey) -> AuditHead:
    head = session.execute(
        select(AuditHead).where(AuditHead.id == 1).with_for_update()
    ).scalar_one()
    if head.key_fingerprint is None:
        if head.seq != 0:
            raise UnkeyedLog
        # A new database: its first event keys the chain with this workstation's key.
        _key_the_chain(head, key)
    elif not hmac.compare_digest(head.key_fingerprint, key.fingerprint):
        raise WrongKey
    return head


def lock_head(session: Session, key: WorkstationKey) -> None:
    """Hold the audit head (every save waits) until the transaction ends; `WrongKey` when the
    chain is keyed with another key."""
    _locked_head(session, key)


def adopt_key(session: Session) -> int | None:
    """Key the chain of a database written before the chain was keyed: the events so far keep
    their plain hashes (verified now), every later one is keyed. The number of plain events, or
    None when the chain was keyed already (with this key, else `WrongKey`)."""
    key = workstation_key(session)
    head = session.execute(
        select(AuditHead).where(AuditHead.id == 1).with_for_update()
    ).scalar_one()
    if head.key_fingerprint is not None:
        if not hmac.compare_digest(head.key_fingerprint, key.fingerprint):
            raise WrongKey
        return None
    report = _walk(session, key, keyed_from=head.seq + 1, anchor=None)
    # The walk let go of the objects it read; the row lock stays with the transaction.
    head = session.execute(select(AuditHead).where(AuditHead.id == 1)).scalar_one()
    if not report.ok:
        raise KnownError(
            f"監査ログが壊れているため鍵付きにできません（イベント {report.first_bad_seq}: "
            f"{report.problem_ja}）。",
            f"The audit log is broken, so it cannot be keyed (event {report.first_bad_seq}: "
            f"{report.problem}).",
        )
    legacy = head.seq
    _key_the_chain(head, key)
    return legacy


def _digest(event: AuditEvent, audit_key: bytes | None) -> str:
    """The event's MAC; None for the plain SHA-256 of events written before the chain was keyed."""
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
    canonical = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    if audit_key is None:
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    return hmac.new(audit_key, canonical.encode("utf-8"), hashlib.sha256).hexdigest()


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
    _check_account(session, actor)
    key = workstation_key(session)
    head = _locked_head(session, key)
    return _append(
        session, head, key.audit_key, actor, action, entity, entity_id, case_id, changes, now
    )


def _append(
    session: Session,
    head: AuditHead,
    audit_key: bytes,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: int | None,
    case_id: int | None,
    changes: Mapping[str, object] | None,
    now: datetime | None,
) -> AuditEvent:
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
    event.hash = _digest(event, audit_key)
    session.add(event)
    head.seq = event.seq
    head.hash = event.hash
    session.flush()
    return event


def rotate_key(
    session: Session,
    old: WorkstationKey,
    new: WorkstationKey,
    actor: Actor,
    changes: Mapping[str, object],
    now: datetime | None = None,
) -> AuditEvent:
    """Re-key the chain from the next event on: a rotation event keyed with `new`, carrying the
    old audit key sealed under the new one and a MAC under the old key over where it happens;
    the head then records the new key's fingerprint."""
    head = _locked_head(session, old)
    seq = head.seq + 1
    proof = {
        "old_fingerprint": old.fingerprint,
        "new_fingerprint": new.fingerprint,
        "previous_key": wrap_audit_key(new.audit_key, old.audit_key, seq),
        "previous_key_mac": rotation_mac(old.audit_key, seq, head.hash, new.fingerprint),
    }
    event = _append(
        session,
        head,
        new.audit_key,
        actor,
        KEY_ROTATED,
        "audit_log",
        None,
        None,
        {**changes, **proof},
        now,
    )
    head.key_fingerprint = new.fingerprint
    head.keyed_from_mac = _keyed_from_mac(new, head.keyed_from or 1)
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
class Anchor:
    """The newest event's sequence number and MAC, kept outside the database."""

    seq: int
    mac: str
    fingerprint: str


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    events: int
    first_bad_seq: int | None = None
    first_bad_id: int | None = None
    problem: str = ""
    problem_ja: str = ""
    missing_protection: tuple[str, ...] = ()
    head: Anchor | None = None
    # Events written before the chain was keyed (checked by their plain hashes only).
    unkeyed_events: int = 0


@dataclass(frozen=True)
class _Break:
    seq: int
    event_id: int | None
    en: str
    ja: str


# The triggers that keep the log append-only (migrations 0001 and 0008).
_ROW_TRIGGERS = ("audit_events_no_update", "audit_events_no_delete", "audit_head_no_delete")
_STATEMENT_TRIGGERS = ("audit_events_no_truncate", "audit_head_no_truncate")


def missing_protection(session: Session) -> tuple[str, ...]:
    """The append-only triggers that were dropped or disabled."""
    expected: tuple[str, ...] = _ROW_TRIGGERS
    if session.get_bind().dialect.name == "postgresql":
        expected = _ROW_TRIGGERS + _STATEMENT_TRIGGERS
        rows = session.execute(
            text("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'D'")
        )
    else:
        rows = session.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))
    present = {row[0] for row in rows}
    return tuple(name for name in expected if name not in present)


def _event_break(
    event: AuditEvent, expected_seq: int, expected_prev: str, key: bytes | None
) -> _Break | None:
    if event.seq > expected_seq:
        last = event.seq - 1
        span = str(expected_seq) if last == expected_seq else f"{expected_seq}–{last}"
        return _Break(
            expected_seq,
            event.id,
            f"event {span} was removed",
            f"イベント {span} が削除されています",
        )
    if event.seq < expected_seq:
        return _Break(
            expected_seq,
            event.id,
            f"events are out of order (event {event.seq} was reordered or inserted)",
            f"イベントの順序が不正です（イベント {event.seq} が並べ替えられたか挿入されています）",
        )
    if not hmac.compare_digest(_digest(event, key), event.hash):
        if event.prev_hash == expected_prev:
            return _Break(
                event.seq,
                event.id,
                "the event was edited, or written without the key (its content does not match "
                "its MAC)",
                "イベントが編集されたか、鍵を持たない者が書き込んでいます"
                "（内容が MAC と一致しません）",
            )
        return _Break(
            event.seq,
            event.id,
            "the event was inserted or rewritten without the key (its MAC is not valid)",
            "鍵を持たない者がイベントを挿入または書き換えています（MAC が正しくありません）",
        )
    if event.prev_hash != expected_prev:
        return _Break(
            event.seq,
            event.id,
            "the chain before this event was changed (an earlier event was replaced)",
            "このイベントより前の連鎖が変更されています（以前のイベントが差し替えられています）",
        )
    return None


def verify_chain(session: Session, anchor: Anchor | None = None) -> ChainReport:
    """Walk the chain in order and report the first event that does not fit, the append-only
    triggers that are gone, and whether the log still holds what `anchor` recorded."""
    key = workstation_key(session)
    missing = missing_protection(session)
    head = session.get(AuditHead, 1)
    if head is None:
        return _report(
            0,
            _Break(1, None, "the log's head row was removed", "監査ログの先頭行が削除されています"),
            missing,
        )
    if head.key_fingerprint is None:
        if head.seq == 0:
            return _walk(session, key, keyed_from=1, anchor=anchor, missing=missing)
        unkeyed = UnkeyedLog()
        return _report(0, _Break(1, None, unkeyed.message("en"), unkeyed.message("ja")), missing)
    if not hmac.compare_digest(head.key_fingerprint, key.fingerprint):
        raise WrongKey
    keyed_from = head.keyed_from or 1
    if not hmac.compare_digest(head.keyed_from_mac or "", _keyed_from_mac(key, keyed_from)):
        return _report(
            0,
            _Break(
                keyed_from,
                None,
                "where the keyed chain starts was changed (the log's head was tampered with)",
                "鍵付き連鎖の開始位置が変更されています（監査ログの先頭行が改ざんされています）",
            ),
            missing,
        )
    epochs = _epochs(session, key, keyed_from)
    if isinstance(epochs, _Break):
        return _report(0, epochs, missing)
    return _walk(session, key, keyed_from=keyed_from, anchor=anchor, missing=missing, epochs=epochs)


KEY_ROTATED = "audit_key_rotated"


@dataclass(frozen=True)
class _Epoch:
    """The events from `from_seq` on (to the next epoch) are keyed with `audit_key`."""

    from_seq: int
    audit_key: bytes
    fingerprint: str


def _epochs(session: Session, key: WorkstationKey, keyed_from: int) -> list[_Epoch] | _Break:
    """The chain's keys, oldest first, recovered from the rotation events newest first: each
    holds the key before it sealed under the key after it. (The rotation events themselves are
    checked in the walk, like every event.)"""
    rotations = session.execute(
        select(AuditEvent.seq, AuditEvent.changes)
        .where(AuditEvent.action == KEY_ROTATED, AuditEvent.seq >= keyed_from)
        .order_by(AuditEvent.seq.desc())
    ).all()
    newer = _Epoch(keyed_from, key.audit_key, key.fingerprint)
    found: list[_Epoch] = []
    for seq, changes in rotations:
        previous = unwrap_audit_key(newer.audit_key, str(changes.get("previous_key", "")), seq)
        if previous is None:
            return _Break(
                seq,
                None,
                "the key rotation record was changed (the previous key cannot be recovered)",
                "鍵の更新記録が変更されています（以前の鍵を取り出せません）",
            )
        found.append(replace(newer, from_seq=seq))
        newer = _Epoch(keyed_from, previous, str(changes.get("old_fingerprint", "")))
    found.append(newer)
    return found[::-1]


def _epoch_at(epochs: list[_Epoch], seq: int) -> _Epoch | None:
    """The epoch an event belongs to; None before the chain was keyed (plain hashes)."""
    current = None
    for epoch in epochs:
        if epoch.from_seq <= seq:
            current = epoch
    return current


def _rotation_break(event: AuditEvent, epochs: list[_Epoch]) -> _Break | None:
    """A rotation event must carry a MAC under the key it replaced."""
    before = _epoch_at(epochs, event.seq - 1)
    new_fingerprint = str(event.changes.get("new_fingerprint", ""))
    if before is not None and hmac.compare_digest(
        str(event.changes.get("previous_key_mac", "")),
        rotation_mac(before.audit_key, event.seq, event.prev_hash, new_fingerprint),
    ):
        return None
    return _Break(
        event.seq,
        event.id,
        "the key rotation was not made with the previous key",
        "鍵の更新が以前の鍵の持ち主によって行われていません",
    )


def _walk(
    session: Session,
    key: WorkstationKey,
    *,
    keyed_from: int,
    anchor: Anchor | None,
    missing: tuple[str, ...] = (),
    epochs: list[_Epoch] | None = None,
) -> ChainReport:
    expected_prev = GENESIS_HASH
    expected_seq = 1
    count = 0
    last_id = 0
    anchored_mac: str | None = None
    anchored_fingerprint = key.fingerprint
    if epochs is None:
        epochs = [_Epoch(keyed_from, key.audit_key, key.fingerprint)]
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
            epoch = _epoch_at(epochs, event.seq)
            event_key = None if epoch is None else epoch.audit_key
            broken = _event_break(event, expected_seq, expected_prev, event_key)
            if broken is None and event.action == KEY_ROTATED and epoch is not None:
                broken = _rotation_break(event, epochs)
            if broken:
                return _report(count, broken, missing)
            if anchor is not None and event.seq == anchor.seq:
                anchored_mac = event.hash
                anchored_fingerprint = key.fingerprint if epoch is None else epoch.fingerprint
            expected_prev = event.hash
            expected_seq += 1
            count += 1
            last_id = event.id
        session.expunge_all()
    head = session.get(AuditHead, 1)
    if head is None or head.seq != count or head.hash != expected_prev:
        newest = 0 if head is None else head.seq
        if newest > count:
            broken = _Break(
                count + 1,
                None,
                f"the newest events ({count + 1}–{newest}) were removed",
                f"最新のイベント（{count + 1}〜{newest}）が削除されています",
            )
        else:
            broken = _Break(
                count + 1,
                None,
                "events were appended without passing through the log's head (inserted)",
                "監査ログの先頭を経由せずにイベントが追加されています（挿入）",
            )
        return _report(count, broken, missing)
    if anchor is not None:
        broken = _anchor_break(anchor, anchored_mac, count, anchored_fingerprint)
        if broken:
            return _report(count, broken, missing)
    current = Anchor(count, expected_prev, key.fingerprint)
    return _report(count, None, missing, current, legacy=min(count, keyed_from - 1))


def _anchor_break(anchor: Anchor, mac: str | None, count: int, fingerprint: str) -> _Break | None:
    if not hmac.compare_digest(anchor.fingerprint, fingerprint):
        return _Break(
            anchor.seq,
            None,
            "the anchor was taken with another key",
            "アンカーは別の鍵で作成されています",
        )
    if anchor.seq > count:
        return _Break(
            count + 1,
            None,
            f"events {count + 1}–{anchor.seq}, recorded in the anchor, were removed",
            f"アンカーに記録されたイベント {count + 1}〜{anchor.seq} が削除されています",
        )
    if mac is None or not hmac.compare_digest(mac, anchor.mac):
        return _Break(
            anchor.seq,
            None,
            f"event {anchor.seq} differs from the anchor: the log up to it was rebuilt",
            f"イベント {anchor.seq} がアンカーと一致しません：それまでのログが作り直されています",
        )
    return None


def _report(
    count: int,
    broken: _Break | None,
    missing: tuple[str, ...],
    head: Anchor | None = None,
    *,
    legacy: int = 0,
) -> ChainReport:
    if broken is not None:
        return ChainReport(
            False, count, broken.seq, broken.event_id, broken.en, broken.ja, missing, head
        )
    if missing:
        names = ", ".join(missing)
        return ChainReport(
            False,
            count,
            problem=f"the append-only protection was removed (missing triggers: {names})",
            problem_ja=f"追記専用の保護が外されています（トリガーがありません: {names}）",
            missing_protection=missing,
            head=head,
        )
    return ChainReport(True, count, head=head, unkeyed_events=legacy)
