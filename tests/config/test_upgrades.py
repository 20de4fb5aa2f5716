"""Upgrade steps between settings versions: older files are upgraded in memory, never rewritten."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desktop.config import CONFIG_VERSION, ConfigError, Paths, config_path, load_settings
from desktop.config.files import settings_from_values
from desktop.config.upgrades import UPGRADES, Upgrade, renamed, upgrade


def _v1_to_v2(values: dict[str, Any]) -> dict[str, Any]:
    # An example release: `due_days` renamed, and the fee once written as text "300円".
    changed = renamed(values, "due_days", "due_soon_days")
    if isinstance(changed.get("fee_yen"), str):
        changed["fee_yen"] = int(changed["fee_yen"].removesuffix("円"))
    return changed


def _v2_to_v3(values: dict[str, Any]) -> dict[str, Any]:
    return renamed(values, "postage", "return_postage_required")


STEPS = (
    Upgrade(3, "postage became return_postage_required", _v2_to_v3),
    Upgrade(2, "due_days became due_soon_days; fee_yen a number", _v1_to_v2),
)


def test_a_version_1_file_goes_through_every_step_in_order(paths: Paths) -> None:
    values = {"version": 1, "due_days": 7, "fee_yen": "500円", "postage": True}
    settings = settings_from_values(values, paths, source=Path("k.toml"), current=3, steps=STEPS)
    assert settings.due_soon_days == 7
    assert settings.fee_yen == 500
    assert settings.return_postage_required is True
    assert settings.version == 3


def test_a_file_without_version_is_the_first_version() -> None:
    assert upgrade({"due_days": 2}, 1, 2, STEPS) == {"due_soon_days": 2, "version": 2}


def test_steps_already_applied_are_not_applied_again() -> None:
    values = {"due_days": 2, "postage": False}
    assert upgrade(values, 2, 3, STEPS) == {
        "due_days": 2,
        "return_postage_required": False,
        "version": 3,
    }


def test_an_upgraded_file_is_still_checked(paths: Paths) -> None:
    with pytest.raises(ConfigError) as caught:
        settings_from_values(
            {"due_days": "7"}, paths, source=Path("k.toml"), current=2, steps=STEPS
        )
    assert 'due_soon_days = "7"' in caught.value.message("en")


def test_renaming_keeps_the_new_key_when_a_file_has_both() -> None:
    assert renamed({"a": 1, "b": 2}, "a", "b") == {"b": 2}


def test_the_program_s_own_steps_lead_to_the_current_version() -> None:
    targets = sorted(step.to_version for step in UPGRADES)
    assert targets == list(range(2, CONFIG_VERSION + 1))


def test_loading_an_older_file_does_not_rewrite_it(paths: Paths) -> None:
    paths.config_dir.mkdir(parents=True)
    config_path(paths).write_text("due_soon_days = 4\n", encoding="utf-8")
    before = config_path(paths).stat().st_mtime_ns
    assert load_settings(paths, environ={}).due_soon_days == 4
    assert config_path(paths).read_text(encoding="utf-8") == "due_soon_days = 4\n"
    assert config_path(paths).stat().st_mtime_ns == before
