"""Queries on users (利用者)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.store.models import User


def by_username(session: Session, username: str) -> User | None:
    return session.execute(select(User).where(User.username == username)).scalar_one_or_none()


def by_id(session: Session, user_id: int) -> User | None:
    return session.get(User, user_id)


def locked_for_login(session: Session, user_id: int) -> User | None:
    """The user, its row locked until the transaction ends, so parallel logins count failed
    attempts one after another (SQLite's BEGIN IMMEDIATE already serialises them)."""
    return session.execute(
        select(User)
        .where(User.id == user_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).scalar_one_or_none()


def all_users(session: Session) -> Sequence[User]:
    return session.execute(select(User).order_by(User.username)).scalars().all()


def count_users(session: Session) -> int:
    return session.execute(select(func.count(User.id))).scalar_one()


def display_names(session: Session, user_ids: Iterable[int | None] | None = None) -> dict[int, str]:
    """The display name of each user in `user_ids` (None: of every user), by id; ids of
    no user and None are left out."""
    query = select(User.id, User.display_name)
    if user_ids is not None:
        wanted = {uid for uid in user_ids if uid is not None}
        if not wanted:
            return {}
        query = query.where(User.id.in_(wanted))
    return {uid: name for uid, name in session.execute(query)}


def add_user(
    session: Session,
    *,
    username: str,
    display_name: str,
    role: str,
    password_hash: str,
    now: datetime,
) -> User:
    """A new active user, flushed so it has its id."""
    user = User(
        username=username,
        display_name=display_name,
        role=role,
        password_hash=password_hash,
        active=True,
        failed_attempts=0,
        created_at=now,
    )
    session.add(user)
    session.flush()
    return user
