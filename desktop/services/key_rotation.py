"""Rotating the workstation key (`kaiji key rotate`): every page and letter re-sealed under a new
key, the audit chain re-keyed in a way the new key alone verifies, the new fingerprint recorded.

The new key is written first, beside the current one (`kaiji.key.new`). Pages and letters are
re-sealed one case per transaction; a blob already under the new key is left alone, so a rotation
that stops half-way is finished by running it again. The last transaction holds the audit head
(no other workstation can save meanwhile), re-seals anything added since, records the rotation
(MACed with the new key, with a MAC under the old one) and switches the recorded fingerprint.
Only then do the files change places: the old key becomes `kaiji.key.retired-…` (it still opens
the backups taken before) and the new one `kaiji.key`. From that moment the old key is refused.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from desktop.domain.errors import KnownError
from desktop.services.context import ServiceContext
from desktop.services.setup import ensure_key_file
from desktop.store import audit
from desktop.store import cases as case_store
from desktop.store import sealed as sealed_store
from desktop.store.blobs import BlobDamaged
from desktop.store.db import Session, read_only, unit_of_work
from desktop.store.keys import WorkstationKey
from desktop.store.letter_models import Letter
from desktop.store.models import Document

log = logging.getLogger("kaiji.services.key_rotation")


class RotationRefused(KnownError):
    pass


class _Sealed(Protocol):
    id: int
    sha256: str


@dataclass(frozen=True)
class RotationReport:
    old_fingerprint: str
    new_fingerprint: str
    pages: int  # re-sealed
    letters: int
    retired_key: Path
    key_file: Path


def pending_key_file(key_file: Path) -> Path:
    return key_file.with_name(key_file.name + ".new")


def rotate_key(ctx: ServiceContext) -> RotationReport:
    """Rotate (or finish rotating) the workstation key of this database."""
    key_file = ctx.settings.effective_key_file
    pending = pending_key_file(key_file)
    with read_only(ctx.sessions) as session:
        recorded = audit.recorded_fingerprint(session)
    if recorded is None:
        raise RotationRefused(
            "このデータベースにはまだ鍵で保護されたものがありません。鍵の更新は不要です。",
            "Nothing in this database is keyed yet: there is no key to rotate.",
        )
    if pending.exists():
        new = WorkstationKey.from_file(pending)
        if recorded == new.fingerprint:  # the database switched; only the files had not
            return _swap_files(key_file, pending, new, 0, 0)
    old = WorkstationKey.from_file(key_file)
    if recorded != old.fingerprint:
        raise audit.WrongKey
    with read_only(ctx.sessions) as session:
        chain = audit.verify_chain(session)
    if not chain.ok:
        raise RotationRefused(
            f"監査ログに異常があるため鍵を更新しません（イベント {chain.first_bad_seq}: "
            f"{chain.problem_ja}）。",
            f"The audit log is broken, so the key is not rotated (event {chain.first_bad_seq}: "
            f"{chain.problem}).",
        )
    ensure_key_file(pending)
    new = WorkstationKey.from_file(pending)
    pages = letters = 0
    for case_id in _case_ids(ctx):
        with unit_of_work(ctx.sessions) as session:
            if case_id is not None:
                case_store.lock(session, case_id)
            done_pages, done_letters = _reseal_case(session, case_id, old, new)
        pages += done_pages
        letters += done_letters
    with unit_of_work(ctx.sessions) as session:
        audit.lock_head(session, old)
        late_pages, late_letters = _reseal_everything_left(session, old, new)
        pages += late_pages
        letters += late_letters
        audit.rotate_key(
            session,
            old,
            new,
            audit.SYSTEM,
            {"pages_resealed": pages, "letters_resealed": letters},
            now=ctx.clock.now(),
        )
    log.info("key rotated: %d pages and %d letters re-sealed", pages, letters)
    return _swap_files(key_file, pending, new, pages, letters)


def _case_ids(ctx: ServiceContext) -> list[int | None]:
    with read_only(ctx.sessions) as session:
        return [*sealed_store.case_ids(session), None]


def _opens(key: WorkstationKey, blob: bytes, digest: str) -> bool:
    try:
        key.cipher.open(blob, digest)
    except BlobDamaged:
        return False
    return True


def _resealed(row: _Sealed, blob: bytes, old: WorkstationKey, new: WorkstationKey) -> bytes | None:
    """The blob sealed under the new key; None when it is already."""
    if _opens(new, blob, row.sha256):
        return None
    try:
        plaintext = old.cipher.open(blob, row.sha256)
    except BlobDamaged as exc:
        raise RotationRefused(
            f"{type(row).__name__} {row.id} はどちらの鍵でも開けません。鍵の更新を中止しました"
            "（もう一度実行すると続きから行います）。",
            f"{type(row).__name__} {row.id} opens with neither key. The rotation stopped "
            "(run it again to continue).",
        ) from exc
    return new.cipher.seal(plaintext)[0]


def _reseal_rows(
    pages: Iterable[Document],
    letters: Iterable[Letter],
    old: WorkstationKey,
    new: WorkstationKey,
) -> tuple[int, int]:
    done_pages = done_letters = 0
    for page in pages:
        if page.image is not None and (blob := _resealed(page, page.image, old, new)):
            page.image = blob
            done_pages += 1
    for letter in letters:
        if blob := _resealed(letter, letter.blob, old, new):
            letter.blob = blob
            done_letters += 1
    return done_pages, done_letters


def _reseal_case(
    session: Session, case_id: int | None, old: WorkstationKey, new: WorkstationKey
) -> tuple[int, int]:
    pages = sealed_store.pages_of(session, case_id)
    letters = [] if case_id is None else sealed_store.letters_of(session, case_id)
    return _reseal_rows(pages, letters, old, new)


def _reseal_everything_left(
    session: Session, old: WorkstationKey, new: WorkstationKey
) -> tuple[int, int]:
    """What was added or moved while the cases were re-sealed, under the audit head's lock."""
    pages = letters = 0
    for batch in sealed_store.all_pages(session):
        pages += _reseal_rows(batch, (), old, new)[0]
        session.flush()
    for letter_batch in sealed_store.all_letters(session):
        letters += _reseal_rows((), letter_batch, old, new)[1]
        session.flush()
    return pages, letters


def _swap_files(
    key_file: Path, pending: Path, new: WorkstationKey, pages: int, letters: int
) -> RotationReport:
    """The new key becomes the workstation key; the old one is kept beside it, renamed."""
    old_fingerprint = ""
    retired = key_file
    try:
        if key_file.exists():
            current = WorkstationKey.from_file(key_file)
            if current.fingerprint != new.fingerprint:
                old_fingerprint = current.fingerprint
                retired = key_file.with_name(f"{key_file.name}.retired-{old_fingerprint[:12]}")
                os.replace(key_file, retired)
        os.replace(pending, key_file)
        if os.name == "posix":
            folder = os.open(key_file.parent, os.O_RDONLY)
            try:
                os.fsync(folder)
            finally:
                os.close(folder)
    except OSError as exc:
        raise RotationRefused(
            f"データベースは新しい鍵に切り替わりましたが、鍵ファイルを置き換えられません"
            f"（{exc.strerror}）。{pending} を {key_file} にしてください。",
            f"The database now uses the new key, but the key files could not be swapped "
            f"({exc.strerror}). Rename {pending} to {key_file}.",
        ) from exc
    log.info("new key in %s; the old one kept as %s", key_file, retired)
    return RotationReport(old_fingerprint, new.fingerprint, pages, letters, retired, key_file)
