"""Shared fixtures: a fresh migrated database per test (SQLite always, PostgreSQL where asked),
a clock that stands still, and one user of each role."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import cast

import pytest
from sqlalchemy import Engine, text

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("KAIJI_DB", None)

from desktop.config import Paths, Settings  # noqa: E402
from desktop.domain.roles import Role  # noqa: E402
from desktop.services import auth  # noqa: E402
from desktop.services.context import JST, Clock, CurrentUser, ServiceContext  # noqa: E402
from desktop.services.setup import ensure_key_file  # noqa: E402
from desktop.store import migrate  # noqa: E402
from desktop.store.db import (  # noqa: E402
    Session,
    SessionFactory,
    create_db_engine,
)

PASSWORD = "correct horse battery"
# A Friday: the week has working days on both sides.
TODAY = date(2026, 11, 20)


@dataclass
class FrozenClock:
    """A clock the test moves by hand."""

    instant: datetime = field(
        default_factory=lambda: datetime(2026, 11, 20, 10, 0, tzinfo=JST).astimezone(UTC)
    )

    def now(self) -> datetime:
        return self.instant

    def advance(self, **delta: float) -> None:
        self.instant += timedelta(**delta)

    def as_clock(self) -> Clock:
        return Clock(now=self.now)


@dataclass(frozen=True)
class Staff:
    admin: CurrentUser
    clerk: CurrentUser
    clerk2: CurrentUser
    supervisor: CurrentUser


def _seed_users(ctx: ServiceContext) -> Staff:
    made: dict[str, CurrentUser] = {}
    for username, role in (
        ("admin", Role.ADMIN),
        ("clerk", Role.CLERK),
        ("clerk2", Role.CLERK),
        ("supervisor", Role.SUPERVISOR),
    ):
        info, _ = auth.create_user(
            ctx,
            None,
            username=username,
            display_name=f"{username} 太郎",
            role=role,
            password=PASSWORD,
        )
        made[username] = CurrentUser(info.user_id, info.username, info.display_name, info.role)
    return Staff(**made)


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    return Paths(tmp_path / "data", tmp_path / "config", tmp_path / "log")


@pytest.fixture(scope="session")
def key_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One workstation key for every test database: the templates' audit chains are keyed
    with it, so their copies stay verifiable."""
    path = tmp_path_factory.mktemp("key") / "kaiji.key"
    ensure_key_file(path)
    return path


def with_test_key(settings: Settings, key_file: Path) -> Settings:
    """Settings a test module made for itself, with the key the template databases use."""
    return settings if settings.key_file else replace(settings, key_file=str(key_file))


@pytest.fixture
def kaiji_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, key_file: Path) -> Path:
    """The command line's home: settings and logs under tmp, the workstation key the test
    databases are keyed with in its data folder."""
    home = tmp_path / "home"
    monkeypatch.setenv("KAIJI_HOME", str(home))
    (home / "data").mkdir(parents=True, exist_ok=True)
    shutil.copy(key_file, home / "data" / "kaiji.key")
    return home


@pytest.fixture
def settings(paths: Paths, key_file: Path) -> Settings:
    return with_test_key(Settings(paths=paths), key_file)


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory, key_file: Path) -> Path:
    """Migrate once and create the users once (argon2 is slow on purpose); tests get copies."""
    folder = tmp_path_factory.mktemp("template")
    path = folder / "kaiji.db"
    engine = create_db_engine(f"sqlite:///{path}")
    migrate.upgrade(engine)
    ctx = ServiceContext.on(
        engine, with_test_key(Settings(paths=Paths(folder, folder, folder)), key_file)
    )
    _seed_users(ctx)
    engine.dispose()  # closing the last connection checkpoints the WAL into the file we copy
    assert not path.with_name("kaiji.db-wal").exists()
    return path


def _pg_url() -> str:
    url = os.environ.get("KAIJI_TEST_PG_URL")
    if not url:
        pytest.fail(
            "KAIJI_TEST_PG_URL is not set: run the tests through `packaging/setup.sh test`, "
            "which starts PostgreSQL"
        )
    return url


def _reset_postgres(url: str) -> Engine:
    engine = create_db_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    return engine


@pytest.fixture(params=["sqlite"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path) -> str:
    """A database at the newest revision with no users; tests parametrize with postgresql."""
    if request.param == "postgresql":
        url = _pg_url()
        _reset_postgres(url).dispose()
        return url
    path = tmp_path / "empty.db"
    return f"sqlite:///{path}"


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = create_db_engine(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def ctx(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    sqlite_template: Path,
    settings: Settings,
    clock: FrozenClock,
    key_file: Path,
) -> Iterator[ServiceContext]:
    """Services on a migrated database with the four staff users (SQLite unless parametrized)."""
    settings = with_test_key(settings, key_file)
    backend = getattr(request, "param", "sqlite")
    if backend == "postgresql":
        engine = _reset_postgres(_pg_url())
        migrate.upgrade(engine)
        context = ServiceContext.on(engine, settings, clock.as_clock())
        request.node.stash[_STAFF] = _seed_users(context)
    else:
        path = tmp_path / "kaiji.db"
        shutil.copy(sqlite_template, path)
        engine = create_db_engine(f"sqlite:///{path}")
        context = ServiceContext.on(engine, settings, clock.as_clock())
    yield context
    engine.dispose()


_STAFF = pytest.StashKey[Staff]()


@pytest.fixture
def staff(request: pytest.FixtureRequest, ctx: ServiceContext) -> Staff:
    if _STAFF in request.node.stash:
        return request.node.stash[_STAFF]
    users = {u.username: u for u in _list_all(ctx)}
    return Staff(**{name: users[name] for name in ("admin", "clerk", "clerk2", "supervisor")})


def _list_all(ctx: ServiceContext) -> list[CurrentUser]:
    from desktop.store import users as user_store
    from desktop.store.db import unit_of_work

    with unit_of_work(ctx.sessions) as session:
        return [
            CurrentUser(u.id, u.username, u.display_name, Role(u.role))
            for u in user_store.all_users(session)
        ]


# `@both_databases` runs a test on SQLite and on the PostgreSQL server.
both_databases = pytest.mark.parametrize("ctx", ["sqlite", "postgresql"], indirect=True)


def recording_sessions(ctx: ServiceContext) -> tuple[ServiceContext, list[Session]]:
    """A copy of `ctx` that keeps each session it opens: a use case's transactions, counted."""
    opened: list[Session] = []

    def open_session() -> Session:
        opened.append(ctx.sessions())
        return opened[-1]

    return replace(ctx, sessions=cast(SessionFactory, open_session)), opened
