"""What every service needs: the session factory, the settings, the clock and the current user."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from desktop.config import Settings
from desktop.domain.roles import Permission, Role, require
from desktop.store.audit import Actor
from desktop.store.db import Engine, SessionFactory, make_session_factory

JST = ZoneInfo("Asia/Tokyo")


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Clock:
    """Time as the office sees it: instants in UTC, calendar days in Japan."""

    now: Callable[[], datetime] = _now

    def today(self) -> date:
        return self.now().astimezone(JST).date()


@dataclass(frozen=True)
class CurrentUser:
    """The logged-in user, as services see them (no ORM object crosses threads)."""

    user_id: int
    username: str
    display_name: str
    role: Role

    @property
    def actor(self) -> Actor:
        return Actor(self.user_id, self.username, self.role.value)

    def require(self, permission: Permission) -> None:
        require(self.role, permission)


@dataclass(frozen=True)
class ServiceContext:
    sessions: SessionFactory
    settings: Settings
    clock: Clock = field(default_factory=Clock)

    @classmethod
    def on(cls, engine: Engine, settings: Settings, clock: Clock | None = None) -> ServiceContext:
        """Services on `engine`, auditing with the settings' workstation key."""
        sessions = make_session_factory(engine, settings.effective_key_file)
        return cls(sessions, settings, clock or Clock())
