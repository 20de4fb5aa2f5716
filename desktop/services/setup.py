"""Setting up a workstation: the database schema, the key file and the first administrator."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop.config import Settings
from desktop.domain.errors import KnownError
from desktop.domain.roles import Role
from desktop.exports import write_atomically
from desktop.services import auth
from desktop.services.context import ServiceContext
from desktop.store import audit, migrate
from desktop.store import users as user_store
from desktop.store.blobs import KEY_BYTES
from desktop.store.db import DatabaseBusy, Engine, check_connection, read_only, unit_of_work

log = logging.getLogger("kaiji.services.setup")


class KeyFileError(KnownError):
    pass


def ensure_key_file(path: Path) -> bool:
    """Create the encryption key (mode 0600) unless it exists; True when created."""
    if path.exists():
        if path.stat().st_size != KEY_BYTES:
            raise KeyFileError(
                f"鍵ファイル {path} が壊れています（{KEY_BYTES}バイトではありません）。"
                "バックアップから戻してください。",
                f"The key file {path} is damaged (not {KEY_BYTES} bytes). Restore it from backup.",
            )
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, secrets.token_bytes(KEY_BYTES))  # owner-only, whole or not at all
    log.info("created key file %s", path)
    return True


def upgrade_schema(engine: Engine) -> bool:
    return migrate.upgrade(engine)


# Each attempt waits for the lock as long as a save does (store.db.BUSY_TIMEOUT_MS).
START_ATTEMPTS = 6


def start_up(
    engine: Engine,
    settings: Settings,
    *,
    on_wait: Callable[[DatabaseBusy, int], None],
    attempts: int = START_ATTEMPTS,
) -> ServiceContext:
    """Connect, bring the schema up to date and check the workstation key. While another
    workstation holds the database's lock (a save, its own upgrade), wait: `on_wait` tells the
    user, and the start is tried again, `attempts` times in all, before the message is final."""
    for attempt in range(1, attempts):
        try:
            return _open(engine, settings)
        except DatabaseBusy as busy:
            log.info("database busy at start (attempt %d of %d): waiting", attempt, attempts)
            on_wait(busy, attempt)
    return _open(engine, settings)


def _open(engine: Engine, settings: Settings) -> ServiceContext:
    check_connection(engine)
    upgrade_schema(engine)
    ctx = ServiceContext.on(engine, settings)
    check_workstation_key(ctx)
    return ctx


class KeyLost(KnownError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"鍵ファイル {path} がありません。このデータベースには暗号化された書類と"
            "鍵付きの監査ログがあるため、新しい鍵は作りません。鍵ファイルをバックアップから戻してください。",
            f"The key file {path} is missing. This database holds encrypted documents and a keyed "
            "audit log, so no new key is created. Restore the key file from backup.",
        )


def _ensure_key(ctx: ServiceContext, path: Path) -> bool:
    """Create the key only for a database that nothing has been sealed or audited in yet."""
    if not path.exists():
        with read_only(ctx.sessions) as session:
            if audit.holds_sealed_data(session):
                raise KeyLost(path)
    return ensure_key_file(path)


def _key_the_audit_log(ctx: ServiceContext) -> int | None:
    """Key the audit chain of a database written before it was keyed (once, audited)."""
    with unit_of_work(ctx.sessions) as session:
        unkeyed = audit.adopt_key(session)
        if unkeyed:
            audit.record(
                session,
                audit.SYSTEM,
                "audit_chain_keyed",
                entity="audit_log",
                changes={"unkeyed_events": unkeyed},
                now=ctx.clock.now(),
            )
    if unkeyed:
        log.info("audit chain keyed after %d unkeyed events", unkeyed)
    return unkeyed


def check_workstation_key(ctx: ServiceContext) -> None:
    """At start: this workstation's key must be the key the database was sealed with."""
    with read_only(ctx.sessions) as session:
        recorded = audit.recorded_fingerprint(session)
        if recorded is None:
            return
        if audit.workstation_key(session).fingerprint != recorded:
            raise audit.WrongKey


@dataclass(frozen=True)
class InitReport:
    schema_upgraded: bool
    key_created: bool
    admin_created: bool
    audit_log_keyed: bool = False


def initialize(
    ctx: ServiceContext,
    engine: Engine,
    settings: Settings,
    *,
    admin_password: str | None,
    admin_username: str = "admin",
) -> InitReport:
    """Create or upgrade the database, the key file and (on an empty database) the first admin."""
    upgraded = upgrade_schema(engine)
    key_created = _ensure_key(ctx, settings.effective_key_file)
    keyed = bool(_key_the_audit_log(ctx))
    with unit_of_work(ctx.sessions) as session:
        has_users = user_store.count_users(session) > 0
    admin_created = False
    if not has_users:
        if admin_password is None:
            raise KnownError(
                "最初の管理者のパスワードが必要です。",
                "A password for the first administrator is needed.",
            )
        auth.create_user(
            ctx,
            None,
            username=admin_username,
            display_name="管理者",
            role=Role.ADMIN,
            password=admin_password,
        )
        admin_created = True
    return InitReport(upgraded, key_created, admin_created, keyed)


def has_users(ctx: ServiceContext) -> bool:
    with read_only(ctx.sessions) as session:
        return user_store.count_users(session) > 0
