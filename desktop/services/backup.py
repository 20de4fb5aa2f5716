"""Backing up the database while clerks work, and restoring a backup into an empty database.

The copy never holds the workstation key (a separate file): a backup alone opens no page or
letter and cannot extend the audit log. Keep the two apart (README, "Backup"). After a restore
the audit chain is verified and every page and letter opened with this workstation's key.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from desktop.domain.errors import KnownError
from desktop.exports import atomic_target
from desktop.services.context import ServiceContext
from desktop.store import audit
from desktop.store import backup as backup_store
from desktop.store import sealed as sealed_store
from desktop.store.blobs import BlobCipher, BlobDamaged
from desktop.store.db import Engine, read_only, unit_of_work

log = logging.getLogger("kaiji.services.backup")


class BackupRefused(KnownError):
    pass


@dataclass(frozen=True)
class BackupReport:
    path: Path
    backend: str
    bytes: int


@dataclass(frozen=True)
class SealedCheck:
    """Every sealed page and letter opened with the workstation key."""

    pages: int
    letters: int
    unreadable: tuple[str, ...]  # "page 12", "letter 3"

    @property
    def ok(self) -> bool:
        return not self.unreadable


@dataclass(frozen=True)
class RestoreReport:
    backend: str
    chain: audit.ChainReport
    sealed: SealedCheck

    @property
    def ok(self) -> bool:
        return self.chain.ok and self.sealed.ok


def _same_file(a: Path, b: Path) -> bool:
    return a.resolve() == b.resolve()


def _check_target(ctx: ServiceContext, engine: Engine, target: Path) -> None:
    key = ctx.settings.effective_key_file
    if _same_file(target.parent, key.parent):
        raise BackupRefused(
            f"バックアップを鍵ファイルと同じフォルダー（{key.parent}）には保存しません。"
            "鍵とバックアップは別の場所に保管してください。",
            f"A backup is not written into the key file's folder ({key.parent}): keep the key "
            "and the backups in different places.",
        )
    database = engine.url.database
    if engine.dialect.name == "sqlite" and database and _same_file(target, Path(database)):
        raise BackupRefused(
            "バックアップの保存先がデータベースそのものです。",
            "The backup file would be the database itself.",
        )


def take_backup(ctx: ServiceContext, engine: Engine, target: Path) -> BackupReport:
    """A consistent copy of the database in `target`, taken while others keep working; the
    backup is recorded in the audit log (after the copy, so it is not part of it)."""
    _check_target(ctx, engine, target)
    backend = engine.dialect.name
    with atomic_target(target) as tmp:
        if backend == "sqlite":
            backup_store.backup_sqlite(engine, tmp)
        else:
            backup_store.backup_postgres(engine, tmp)
    size = target.stat().st_size
    with unit_of_work(ctx.sessions) as session:
        audit.record(
            session,
            audit.SYSTEM,
            "database_backed_up",
            entity="database",
            changes={"file": target.name, "bytes": size},
            now=ctx.clock.now(),
        )
    log.info("database backed up to %s (%d bytes)", target, size)
    return BackupReport(target, backend, size)


def restore_backup(ctx: ServiceContext, engine: Engine, source: Path) -> RestoreReport:
    """Restore `source` into the engine's empty database, then check what was restored."""
    kind = backup_store.file_kind(source)
    backend = engine.dialect.name
    if not kind:
        raise BackupRefused(
            f"{source} は Kaiji Desk のバックアップではありません。",
            f"{source} is not a Kaiji Desk backup.",
        )
    if kind != backend:
        raise BackupRefused(
            f"{source} は {kind} のバックアップです。{backend} のデータベースには復元できません。",
            f"{source} is a {kind} backup; it cannot be restored into a {backend} database.",
        )
    if backend == "sqlite":
        backup_store.restore_sqlite(engine, source)
    else:
        backup_store.restore_postgres(engine, source)
    engine.dispose()  # connections opened before the restore do not see its schema
    report = check_restored(ctx, backend)
    if report.ok:
        with unit_of_work(ctx.sessions) as session:
            audit.record(
                session,
                audit.SYSTEM,
                "database_restored",
                entity="database",
                changes={"file": source.name},
                now=ctx.clock.now(),
            )
    log.info("backup %s restored (chain ok: %s)", source, report.chain.ok)
    return report


def check_sealed(ctx: ServiceContext) -> SealedCheck:
    """Open every sealed page and letter with the workstation key."""
    with read_only(ctx.sessions) as session:
        cipher: BlobCipher = audit.workstation_key(session).cipher
        pages = letters = 0
        unreadable: list[str] = []
        for sealed in sealed_store.sealed_blobs(session):
            try:
                cipher.open(sealed.blob, sealed.sha256)
            except BlobDamaged:
                unreadable.append(f"{sealed.kind} {sealed.row_id}")
                continue
            if sealed.kind == "page":
                pages += 1
            else:
                letters += 1
    return SealedCheck(pages, letters, tuple(unreadable))


def check_restored(ctx: ServiceContext, backend: str) -> RestoreReport:
    """The audit chain verified with the workstation key, and every blob opened with it."""
    with read_only(ctx.sessions) as session:
        chain = audit.verify_chain(session)
    return RestoreReport(backend, chain, check_sealed(ctx))
