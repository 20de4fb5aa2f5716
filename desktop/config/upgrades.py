"""Upgrade steps between settings versions, applied in memory when an older file is read.

When a release renames a key or changes its type, it raises `CONFIG_VERSION` and appends one
`Upgrade` here that turns a file of the previous version into the new one, e.g.

    Upgrade(2, "due_days became due_soon_days", lambda v: renamed(v, "due_days", "due_soon_days"))

The file itself is rewritten only when the program next saves the settings (the language chosen
at log-in, `kaiji init --demo`), like every other change; reading never writes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from desktop.config.problems import Problem
from desktop.config.schema import as_toml

log = logging.getLogger("kaiji.config")

Values = dict[str, Any]
FIRST_VERSION = 1  # a file without `version` predates the key: the first format


@dataclass(frozen=True)
class Upgrade:
    """Turns the values of a `to_version - 1` file into those of a `to_version` file."""

    to_version: int
    description: str
    change: Callable[[Values], Values]


UPGRADES: tuple[Upgrade, ...] = ()


def renamed(values: Values, old: str, new: str) -> Values:
    """`values` with the key `old` spelled `new` (a file that has both keeps the new one)."""
    changed = dict(values)
    if old in changed:
        value = changed.pop(old)
        changed.setdefault(new, value)
    return changed


def file_version(values: Mapping[str, Any], current: int) -> int | Problem:
    """The version a file was written in, or the problem with its `version` key."""
    version = values.get("version", FIRST_VERSION)
    if not isinstance(version, int) or isinstance(version, bool) or version < FIRST_VERSION:
        return Problem(
            f"version = {as_toml(version)}: 設定ファイルの版は引用符なしの整数で書いてください"
            f"（この版の開示デスクは version = {current}）。",
            f"version = {as_toml(version)}: the settings version must be a whole number without "
            f"quotes (this Kaiji Desk writes version = {current}).",
        )
    if version > current:
        return Problem(
            f"version = {version}: 新しい版の開示デスクが書いた設定です（この版は {current} まで"
            "読めます）。開示デスクを更新してください。",
            f"version = {version}: written by a newer Kaiji Desk (this one reads up to version "
            f"{current}). Update Kaiji Desk.",
        )
    return version


def upgrade(
    values: Mapping[str, Any],
    from_version: int,
    to_version: int,
    steps: Sequence[Upgrade] = UPGRADES,
) -> Values:
    """The values of a `from_version` file as a `to_version` file would hold them."""
    upgraded = dict(values)
    for step in sorted(steps, key=lambda s: s.to_version):
        if from_version < step.to_version <= to_version:
            upgraded = step.change(upgraded)
            log.info("settings upgraded to version %d: %s", step.to_version, step.description)
    upgraded["version"] = to_version
    return upgraded
