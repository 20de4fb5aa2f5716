"""The login lock-out holds however many workstations guess at once, and tells only someone who
knows the password that the account is locked."""

from __future__ import annotations

import threading
from collections import Counter
from datetime import timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from desktop.domain.roles import Role
from desktop.services import auth
from desktop.services.audit_log import verify_audit_log
from desktop.services.context import ServiceContext
from desktop.store import users as user_store
from desktop.store.db import unit_of_work
from desktop.store.models import AuditEvent
from tests.conftest import PASSWORD, FrozenClock, Staff, both_databases

THREADS = 8
GUESSES_PER_THREAD = 5


def _failures(ctx: ServiceContext) -> list[dict[str, object]]:
    with unit_of_work(ctx.sessions) as session:
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "login_failed").order_by(AuditEvent.seq)
        ).all()
        return [dict(event.changes) for event in events]


def _guess_in_parallel(ctx: ServiceContext, username: str) -> list[BaseException | None]:
    start = threading.Barrier(THREADS)
    outcomes: list[BaseException | None] = []
    lock = threading.Lock()

    def guess() -> None:
        start.wait()
        for n in range(GUESSES_PER_THREAD):
            try:
                auth.login(ctx, username, f"wrong guess {n}")
                outcome: BaseException | None = None
            except BaseException as exc:  # noqa: BLE001 - every outcome is checked below
                outcome = exc
            with lock:
                outcomes.append(outcome)

    threads = [threading.Thread(target=guess) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


@pytest.fixture
def guessed(ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch) -> str:
    """A user whose password hash is cheap to check, so forty guesses take seconds; the hash
    carries its parameters, so every check of it stays cheap."""
    monkeypatch.setattr(auth, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024))
    auth.create_user(
        ctx, None, username="guessed", display_name="guessed", role=Role.CLERK, password=PASSWORD
    )
    return "guessed"


@both_databases
def test_parallel_wrong_passwords_count_exactly_to_the_lockout(
    ctx: ServiceContext, guessed: str, clock: FrozenClock
) -> None:
    limit = ctx.settings.lockout_attempts
    outcomes = _guess_in_parallel(ctx, guessed)

    failures = _failures(ctx)
    counted = [f["failed_attempts"] for f in failures if "failed_attempts" in f]
    # Exactly `limit` guesses were weighed against the account; the rest met the lock.
    assert counted == list(range(1, limit + 1))
    assert [f for f in failures if "locked_until" in f] == [failures[limit - 1]]
    assert Counter(str(f.get("reason")) for f in failures)["locked"] == (
        THREADS * GUESSES_PER_THREAD - limit
    )
    # Every guess failed with the same answer: nobody who guessed wrong learns of the lock.
    assert len(outcomes) == THREADS * GUESSES_PER_THREAD
    assert Counter(type(outcome) for outcome in outcomes) == {
        auth.LoginFailed: THREADS * GUESSES_PER_THREAD
    }
    with unit_of_work(ctx.sessions) as session:
        user = user_store.by_username(session, guessed)
        assert user is not None
        assert user.failed_attempts == 0
        assert user.locked_until == clock.now() + timedelta(minutes=ctx.settings.lockout_minutes)
    # Even the right password is refused while locked; knowing it, the clerk is told why.
    with pytest.raises(auth.AccountLocked):
        auth.login(ctx, guessed, PASSWORD)
    assert verify_audit_log(ctx).ok


@both_databases
def test_the_lock_is_explained_only_to_the_right_password_in_japan_time(
    ctx: ServiceContext, staff: Staff, clock: FrozenClock
) -> None:
    for _ in range(ctx.settings.lockout_attempts):
        with pytest.raises(auth.LoginFailed):
            auth.login(ctx, "clerk", "wrong password")
    with pytest.raises(auth.LoginFailed) as wrong:
        auth.login(ctx, "clerk", "still wrong")
    assert "ロック" not in wrong.value.message_ja
    assert "locked" not in wrong.value.message_en
    with pytest.raises(auth.AccountLocked) as locked:
        auth.login(ctx, "clerk", PASSWORD)
    # The clock stands at 10:00 in Tokyo (01:00 UTC): locked for 15 minutes.
    assert "10:15" in locked.value.message_ja
    assert "10:15" in locked.value.message_en


def test_a_locked_account_answers_as_slowly_as_any_other(
    ctx: ServiceContext, staff: Staff, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked: list[tuple[str, str]] = []
    real = auth._password_matches

    def counting(stored_hash: str, password: str) -> bool:
        checked.append((stored_hash, password))
        return real(stored_hash, password)

    monkeypatch.setattr(auth, "_password_matches", counting)
    for _ in range(ctx.settings.lockout_attempts):
        with pytest.raises(auth.LoginFailed):
            auth.login(ctx, "clerk", "wrong password")
    checked.clear()
    with pytest.raises(auth.LoginFailed):
        auth.login(ctx, "clerk", "wrong again")
    with pytest.raises(auth.LoginFailed):
        auth.login(ctx, "clerk2", "wrong again")
    with unit_of_work(ctx.sessions) as session:
        hashes = {
            name: user.password_hash
            for name in ("clerk", "clerk2")
            if (user := user_store.by_username(session, name)) is not None
        }
    # The locked account's own argon2 hash is checked as for any open account: same work.
    assert checked == [(hashes["clerk"], "wrong again"), (hashes["clerk2"], "wrong again")]
