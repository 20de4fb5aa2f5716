"""How values look on screen: dates with their era, labels in the chosen language, colours."""

from __future__ import annotations

from datetime import date
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from desktop.domain.deadlines import Deadline, DeadlineState
from desktop.domain.eras import format_era

OVERDUE_COLOR = QColor("#c62828")  # red 800
DUE_SOON_COLOR = QColor("#a35200")  # dark amber, readable on white
PAUSED_COLOR = QColor("#546e7a")  # blue grey
OK_COLOR = QColor("#2e7d32")  # green 800


class Labelled(Protocol):
    @property
    def label_ja(self) -> str: ...

    @property
    def label_en(self) -> str: ...


def label(value: Labelled, language: str) -> str:
    """The domain's own label of an enum value (status, request kind …) in `language`."""
    return value.label_ja if language == "ja" else value.label_en


def format_date(value: date | None) -> str:
    """2026/11/20; empty for None."""
    return "" if value is None else f"{value.year:04d}/{value.month:02d}/{value.day:02d}"


def era_text(value: date | None) -> str:
    """令和8年11月20日; empty for None or a date before the first era."""
    if value is None:
        return ""
    try:
        return format_era(value)
    except ValueError:
        return ""


def date_with_era(value: date | None) -> str:
    """2026/11/20（令和8年11月20日）."""
    if value is None:
        return ""
    era = era_text(value)
    return f"{format_date(value)}（{era}）" if era else format_date(value)


def deadline_state_label(state: DeadlineState) -> str:
    return {
        DeadlineState.ON_TIME: QCoreApplication.translate("Display", "On time"),
        DeadlineState.DUE_SOON: QCoreApplication.translate("Display", "Due soon"),
        DeadlineState.OVERDUE: QCoreApplication.translate("Display", "Overdue"),
        DeadlineState.PAUSED: QCoreApplication.translate("Display", "Paused (awaiting documents)"),
    }[state]


def days_left_text(deadline: Deadline) -> str:
    """ "5 days", "due today", "3 days over"."""
    days = deadline.days_left
    if days == 0:
        return QCoreApplication.translate("Display", "Due today")
    if days == -1:
        return QCoreApplication.translate("Display", "1 day over")
    if days < 0:
        return QCoreApplication.translate("Display", "%1 days over").replace("%1", str(-days))
    if days == 1:
        return QCoreApplication.translate("Display", "1 day")
    return QCoreApplication.translate("Display", "%1 days").replace("%1", str(days))


def deadline_color(deadline: Deadline) -> QColor | None:
    """Red when overdue, amber when due soon, grey while paused; None when on time."""
    return {
        DeadlineState.OVERDUE: OVERDUE_COLOR,
        DeadlineState.DUE_SOON: DUE_SOON_COLOR,
        DeadlineState.PAUSED: PAUSED_COLOR,
    }.get(deadline.state)


def database_label(url: str) -> str:
    """Where the data lives, for the status bar: the SQLite file or the server, never a password."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or ":memory:"
    host = parsed.host or "localhost"
    port = f":{parsed.port}" if parsed.port else ""
    return f"{parsed.get_backend_name()}://{host}{port}/{parsed.database or ''}"
