"""The reason catalog as the office uses it: the seed reasons plus those administrators added.

Reasons are never deleted, because letters already sent cite them; an administrator retires a
reason (seed or added) so that new decisions no longer offer it.
"""

from __future__ import annotations

import dataclasses
import re

from desktop.domain.errors import InvalidInput
from desktop.domain.personal_numbers import refuse_personal_numbers
from desktop.domain.reasons import SEED_REASONS, Reason, ReasonCatalog, ReasonGround
from desktop.domain.roles import Permission
from desktop.services.context import CurrentUser, ServiceContext
from desktop.store import audit
from desktop.store import reasons as reason_store
from desktop.store.db import Session, read_only, unit_of_work

_CODE = re.compile(r"[a-z][a-z0-9_]{2,63}")
_SEED_CODES = frozenset(r.code for r in SEED_REASONS)
_SHORT_LIMIT = 200


class ReasonCodeTaken(InvalidInput):
    def __init__(self, code: str) -> None:
        super().__init__(
            f"理由コード「{code}」は既に使われています。別のコードにしてください。",
            f"The reason code {code!r} is already taken; choose another one.",
        )


class StoredReasonCatalog(ReasonCatalog):
    """The catalog with the retirements recorded in the database applied, seeds included."""

    def __init__(self, added: tuple[Reason, ...], retired: frozenset[str]) -> None:
        super().__init__(added)
        self._by_code = {
            code: dataclasses.replace(reason, retired=reason.retired or code in retired)
            for code, reason in self._by_code.items()
        }


def catalog_in(session: Session) -> ReasonCatalog:
    """The catalog as stored in `session`'s transaction, retired reasons included."""
    return StoredReasonCatalog(
        reason_store.added_reasons(session), reason_store.retired_codes(session)
    )


def catalog(ctx: ServiceContext) -> ReasonCatalog:
    """Seed and added reasons, retired ones included (old decisions stay readable)."""
    with read_only(ctx.sessions) as session:
        return catalog_in(session)


def _check_new(reason: Reason) -> Reason:
    code = reason.code.strip()
    if not _CODE.fullmatch(code):
        raise InvalidInput(
            "理由コードは英小文字で始まる3〜64文字の英小文字・数字・下線で入力してください。",
            "A reason code is 3 to 64 lowercase letters, digits or underscores, starting with a "
            "letter.",
        )
    if code in _SEED_CODES:
        raise ReasonCodeTaken(code)
    texts = {
        "legal_basis_ja": ("根拠条文（日本語）", "legal basis (Japanese)"),
        "legal_basis_en": ("根拠条文（英語）", "legal basis (English)"),
        "title_ja": ("名称（日本語）", "title (Japanese)"),
        "title_en": ("名称（英語）", "title (English)"),
        "letter_ja": ("通知書の文面（日本語）", "letter wording (Japanese)"),
        "letter_en": ("通知書の文面（英語）", "letter wording (English)"),
    }
    refuse_personal_numbers({label: str(getattr(reason, field)) for field, label in texts.items()})
    cleaned: dict[str, str] = {}
    for field, (label_ja, label_en) in texts.items():
        value = str(getattr(reason, field)).strip()
        if not value:
            raise InvalidInput(f"{label_ja}を入力してください。", f"Enter the reason's {label_en}.")
        if not field.startswith("letter_") and len(value) > _SHORT_LIMIT:
            raise InvalidInput(
                f"{label_ja}が長すぎます（{_SHORT_LIMIT}文字まで）。",
                f"The {label_en} is too long (at most {_SHORT_LIMIT} characters).",
            )
        cleaned[field] = value
    return Reason(
        code=code,
        ground=ReasonGround(reason.ground),
        legal_basis_ja=cleaned["legal_basis_ja"],
        legal_basis_en=cleaned["legal_basis_en"],
        title_ja=cleaned["title_ja"],
        title_en=cleaned["title_en"],
        letter_ja=cleaned["letter_ja"],
        letter_en=cleaned["letter_en"],
    )


def add_reason(ctx: ServiceContext, actor: CurrentUser, reason: Reason) -> Reason:
    """Add a reason to the catalog (administrators only); both languages are required."""
    actor.require(Permission.MANAGE_REASONS)
    reason = _check_new(reason)
    now = ctx.clock.now()
    with unit_of_work(ctx.sessions) as session:
        if reason_store.code_is_added(session, reason.code):
            raise ReasonCodeTaken(reason.code)
        reason_id = reason_store.add_reason(session, reason, actor.user_id, now)
        if reason_id is None:  # another workstation added the same code just now
            raise ReasonCodeTaken(reason.code)
        changes = {
            f.name: getattr(reason, f.name)
            for f in dataclasses.fields(reason)
            if f.name != "retired"
        }
        audit.record(
            session,
            actor.actor,
            "reason_added",
            entity="reason",
            entity_id=reason_id,
            changes=changes,
            now=now,
        )
    return reason


def retire_reason(ctx: ServiceContext, actor: CurrentUser, code: str) -> Reason:
    """Stop offering a reason for new decisions (administrators only); it is never deleted."""
    actor.require(Permission.MANAGE_REASONS)
    now = ctx.clock.now()
    with unit_of_work(ctx.sessions) as session:
        current = catalog_in(session)
        if code not in current:
            raise InvalidInput(f"理由「{code}」は登録されていません。", f"Unknown reason {code!r}.")
        reason = current[code]
        if reason.retired:
            raise InvalidInput(
                f"理由「{reason.title_ja}」は既に使用を終了しています。",
                f"The reason '{reason.title_en}' is already retired.",
            )
        if not reason_store.retire(session, code, actor.user_id, now):
            # retired on another workstation in the meantime
            raise InvalidInput(
                f"理由「{reason.title_ja}」は既に使用を終了しています。",
                f"The reason '{reason.title_en}' is already retired.",
            )
        audit.record(
            session,
            actor.actor,
            "reason_retired",
            entity="reason",
            changes={"code": code, "retired": {"before": False, "after": True}},
            now=now,
        )
    return dataclasses.replace(reason, retired=True)
