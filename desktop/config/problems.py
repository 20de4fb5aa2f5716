"""The one error a settings file causes: shown at start, naming the key, value and rule."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.domain.errors import KnownError


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the settings file, in both languages."""

    ja: str
    en: str


class ConfigError(KnownError):
    """The settings file (kaiji.toml) cannot be used as it is; the administrator corrects it."""

    @classmethod
    def in_file(cls, path: Path, problems: Sequence[Problem]) -> ConfigError:
        """All the problems of one file in one message, so one edit can fix them all."""
        return cls(
            f"設定ファイル {path} に誤りがあります。修正してから起動し直してください。\n"
            + "\n".join(f"  ・{p.ja}" for p in problems),
            f"The settings file {path} has errors. Correct them, then start again.\n"
            + "\n".join(f"  - {p.en}" for p in problems),
        )
