"""Where Kaiji Desk keeps its data, settings and logs."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "kaiji-desk"


@dataclass(frozen=True)
class Paths:
    """Folders the app writes to; `KAIJI_HOME` puts them all under one folder (tests, demos)."""

    data_dir: Path
    config_dir: Path
    log_dir: Path

    @classmethod
    def resolve(cls, environ: dict[str, str] | None = None) -> Paths:
        env = os.environ if environ is None else environ
        home = env.get("KAIJI_HOME")
        if home:
            base = Path(home)
            return cls(base / "data", base / "config", base / "log")
        return cls(
            Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
        )
