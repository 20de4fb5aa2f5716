"""Reading and writing kaiji.toml: parse, upgrade, check against the schema, then build Settings."""

from __future__ import annotations

import logging
import os
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from desktop.config.paths import Paths
from desktop.config.private_files import readable_by_others, write_private_text
from desktop.config.problems import ConfigError, Problem
from desktop.config.schema import as_toml, check_values
from desktop.config.settings import CONFIG_VERSION, SETTINGS_KEYS, Settings
from desktop.config.upgrades import UPGRADES, Upgrade, file_version, upgrade

log = logging.getLogger("kaiji.config")

CONFIG_FILE = "kaiji.toml"


def config_path(paths: Paths) -> Path:
    return paths.config_dir / CONFIG_FILE


def load_settings(paths: Paths, environ: Mapping[str, str] | None = None) -> Settings:
    """Read, upgrade and check the config file (defaults if there is none), then apply `KAIJI_DB`.

    Raises ConfigError naming every wrong or unknown key, so the program stops at start.
    """
    env = os.environ if environ is None else environ
    path = config_path(paths)
    settings = settings_from_values(_read(path), paths, source=path)
    if env.get("KAIJI_DB"):
        settings = replace(settings, database_url=env["KAIJI_DB"])
    return settings


def _read(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        log.info("no settings file at %s: using the defaults", path)
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else str(exc)
        raise ConfigError(
            f"設定ファイル {path} を読み込めません: {reason}",
            f"Cannot read the settings file {path}: {reason}",
        ) from exc
    try:
        values = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(
            f"設定ファイル {path} の書式が正しくありません（TOML）: {exc}",
            f"The settings file {path} is not valid TOML: {exc}",
        ) from exc
    if readable_by_others(path):
        log.warning("the settings file %s can be read by other users; make it 0600", path)
    return values


def settings_from_values(
    values: Mapping[str, Any],
    paths: Paths,
    *,
    source: Path,
    current: int = CONFIG_VERSION,
    steps: Sequence[Upgrade] = UPGRADES,
) -> Settings:
    """Settings from a parsed file of any version up to `current`; ConfigError if it is wrong."""
    version = file_version(values, current)
    if isinstance(version, Problem):
        raise ConfigError.in_file(source, [version])
    upgraded = upgrade(values, version, current, steps)
    upgraded.pop("version")
    problems = check_values(upgraded, SETTINGS_KEYS)
    if problems:
        raise ConfigError.in_file(source, problems)
    return Settings(paths=paths, version=current, **upgraded)


def save_settings(settings: Settings) -> Path:
    """Write the config file atomically, readable by its owner only (it may hold a password)."""
    path = config_path(settings.paths)
    lines = ["# Kaiji Desk settings"]
    for key in SETTINGS_KEYS:
        value = CONFIG_VERSION if key.name == "version" else getattr(settings, key.name)
        lines.append(f"{key.name} = {as_toml(value)}")
    write_private_text(path, "\n".join(lines) + "\n")
    return path
