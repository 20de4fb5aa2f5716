"""Logging in and managing users: argon2 passwords, lock-out after repeated failures, roles."""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from desktop.domain.errors import InvalidInput, KnownError
from desktop.domain.roles import Permission, Role
from desktop.services.changes import Changes
from desktop.services.context import JST, CurrentUser, ServiceContext
from desktop.store import audit
from desktop.store import users as user_store
from desktop.store.db import Session, read_only, unit_of_work
from desktop.store.models import User

log = logging.getLogger("kaiji.services.auth")

MIN_PASSWORD_LENGTH = 8
_hasher = PasswordHasher()


class LoginFailed(KnownError):
    def __init__(self) -> None:
        super().__init__(
            "利用者名またはパスワードが正しくありません。",
            "The user name or password is not correct.",
        )


class AccountLocked(KnownError):
    def __init__(self, until: datetime) -> None:
        local = until.astimezone(JST).strftime("%H:%M")
        super().__init__(
            f"パスワードの誤りが続いたため、このアカウントは {local} までロックされています。",
            f"Too many wrong passwords: this account is locked until {local}.",
        )
        self.until = until


@dataclass(frozen=True)
class UserInfo:
    user_id: int
    username: str
    display_name: str
    role: Role
    active: bool
    locked_until: datetime | None


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(
            f"パスワードは{MIN_PASSWORD_LENGTH}文字以上にしてください。",
            f"Passwords need at least {MIN_PASSWORD_LENGTH} characters.",
        )
    return _hasher.hash(password)


@functools.cache
def _decoy_hash() -> str:
    return _hasher.hash("no such user")


def _password_matches(stored_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _current(user: User) -> CurrentUser:
    return CurrentUser(user.id, user.username, user.display_name, Role(user.role))


def login(ctx: ServiceContext, username: str, password: str) -> CurrentUser:
    """Check the password; lock the account after too many failures in a row.

    Every attempt costs one password check, whether the user exists, is inactive or is locked,
    so timing tells an attacker nothing. The check runs before the write transaction (SQLite's
    write lock is not held through argon2); the outcome is then decided on the user's row,
    locked, so parallel guesses are counted one by one and exactly `lockout_attempts` of them
    are weighed before the lock. Only someone who gives the right password is told of a lock.
    """
    now = ctx.clock.now()
    name = username.strip()
    with read_only(ctx.sessions) as session:
        found = user_store.by_username(session, name)
        checked = (found.id, found.password_hash) if found is not None and found.active else None
    if checked is None:
        _password_matches(_decoy_hash(), password)
        with unit_of_work(ctx.sessions) as session:
            _record_unknown(session, name, now)
        raise LoginFailed()
    user_id, checked_hash = checked
    matches = _password_matches(checked_hash, password)
    new_hash = (
        _hasher.hash(password) if matches and _hasher.check_needs_rehash(checked_hash) else None
    )
    # The failure must be recorded even though we raise, so decide inside and raise after commit.
    error: KnownError | None = None
    with unit_of_work(ctx.sessions) as session:
        user = user_store.locked_for_login(session, user_id)
        if user is not None and user.active and user.password_hash != checked_hash:
            # The password was changed meanwhile: judge by the new one.
            matches = _password_matches(user.password_hash, password)
            new_hash = None
        if user is None or not user.active:
            _record_unknown(session, name, now)
            error = LoginFailed()
        elif user.locked_until is not None and user.locked_until > now:
            _record_failure(session, user, {"reason": "locked"}, now)
            error = AccountLocked(user.locked_until) if matches else LoginFailed()
        elif not matches:
            user.failed_attempts += 1
            changes: dict[str, object] = {"failed_attempts": user.failed_attempts}
            if user.failed_attempts >= ctx.settings.lockout_attempts:
                user.locked_until = now + timedelta(minutes=ctx.settings.lockout_minutes)
                user.failed_attempts = 0
                changes["locked_until"] = user.locked_until
            _record_failure(session, user, changes, now)
            error = LoginFailed()
        else:
            if new_hash is not None:
                user.password_hash = new_hash
            user.failed_attempts = 0
            user.locked_until = None
            user.last_login_at = now
            audit.record(
                session,
                audit.Actor(user.id, user.username),
                "login",
                entity="user",
                entity_id=user.id,
                now=now,
            )
            current = _current(user)
    if error is not None:
        log.info("login refused for a user (%s)", type(error).__name__)
        raise error
    log.info("user %s logged in", current.user_id)
    return current


def _record_failure(
    session: Session, user: User, changes: dict[str, object], now: datetime
) -> None:
    audit.record(
        session,
        audit.Actor(user.id, user.username),
        "login_failed",
        entity="user",
        entity_id=user.id,
        changes=changes,
        now=now,
    )


def _record_unknown(session: Session, name: str, now: datetime) -> None:
    audit.record(
        session,
        audit.Actor(None, name[:64]),
        "login_failed",
        entity="user",
        changes={"reason": "unknown or inactive user"},
        now=now,
    )


def _info(user: User) -> UserInfo:
    return UserInfo(
        user.id, user.username, user.display_name, Role(user.role), user.active, user.locked_until
    )


def create_user(
    ctx: ServiceContext,
    actor: CurrentUser | None,
    *,
    username: str,
    display_name: str,
    role: Role,
    password: str,
) -> tuple[UserInfo, Changes]:
    """Add a user. Only admins may; `actor=None` is the first-admin set-up of `kaiji init`."""
    if actor is not None:
        actor.require(Permission.MANAGE_USERS)
    username = username.strip()
    if not username or len(username) > 64:
        raise InvalidInput(
            "利用者名を入力してください（64文字以内）。",
            "Enter a user name (at most 64 characters).",
        )
    password_hash = hash_password(password)
    now = ctx.clock.now()
    with unit_of_work(ctx.sessions) as session:
        if user_store.by_username(session, username) is not None:
            raise InvalidInput(
                f"利用者名「{username}」は既に使われています。",
                f"The user name '{username}' is already taken.",
            )
        user = user_store.add_user(
            session,
            username=username,
            display_name=display_name.strip() or username,
            role=role.value,
            password_hash=password_hash,
            now=now,
        )
        audit.record(
            session,
            actor.actor if actor else audit.SYSTEM,
            "user_created",
            entity="user",
            entity_id=user.id,
            changes={"username": username, "display_name": user.display_name, "role": role},
            now=now,
        )
        info = _info(user)
    return info, Changes(users=True)


def list_users(ctx: ServiceContext, actor: CurrentUser) -> list[UserInfo]:
    actor.require(Permission.MANAGE_USERS)
    with read_only(ctx.sessions) as session:
        return [_info(u) for u in user_store.all_users(session)]


def update_user(
    ctx: ServiceContext,
    actor: CurrentUser,
    user_id: int,
    *,
    role: Role | None = None,
    active: bool | None = None,
    new_password: str | None = None,
    unlock: bool = False,
) -> tuple[UserInfo, Changes]:
    """Change a user's role, activity or password, or lift a lock-out (admins only)."""
    actor.require(Permission.MANAGE_USERS)
    with unit_of_work(ctx.sessions) as session:
        user = user_store.by_id(session, user_id)
        if user is None:
            raise InvalidInput("その利用者は存在しません。", "No such user.")
        if user.id == actor.user_id and (active is False or (role and role is not Role.ADMIN)):
            raise InvalidInput(
                "自分自身を無効にしたり管理者権限を外したりすることはできません。",
                "You cannot deactivate yourself or remove your own administrator role.",
            )
        before = {"role": user.role, "active": user.active, "locked_until": user.locked_until}
        if role is not None:
            user.role = role.value
        if active is not None:
            user.active = active
        if unlock:
            user.locked_until = None
            user.failed_attempts = 0
        changes = audit.changed_fields(
            before, {"role": user.role, "active": user.active, "locked_until": user.locked_until}
        )
        if new_password is not None:
            user.password_hash = hash_password(new_password)
            changes["password"] = {"before": "***", "after": "***"}
        if changes:
            audit.record(
                session,
                actor.actor,
                "user_updated",
                entity="user",
                entity_id=user.id,
                changes=changes,
                now=ctx.clock.now(),
            )
        info = _info(user)
    return info, Changes(users=True)
