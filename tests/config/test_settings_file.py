"""kaiji.toml is checked when it loads: wrong values and unknown keys stop the start, named."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from desktop.config import (
    CONFIG_VERSION,
    ConfigError,
    Paths,
    Settings,
    config_path,
    load_settings,
    missing_letterhead,
    save_settings,
)
from desktop.config.settings import DATE_STYLES, SETTINGS_KEYS
from desktop.letters import DateStyle
from desktop.services.demo import demo_settings


def _write(paths: Paths, text: str) -> None:
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    config_path(paths).write_text(text, encoding="utf-8")


def _error(paths: Paths, text: str) -> ConfigError:
    _write(paths, text)
    with pytest.raises(ConfigError) as caught:
        load_settings(paths, environ={})
    return caught.value


@pytest.mark.parametrize(
    ("line", "allowed_en", "allowed_ja"),
    [
        ('due_soon_days = "3"', "a whole number without quotes", "引用符なしの整数"),
        ('version = "1.0"', "a whole number without quotes", "引用符なしの整数"),
        ('letter_address_policy = "ID"', '"registered", "id"', '"registered", "id"'),
        ('letter_date_style = "Era"', '"era", "western", "both"', '"era", "western", "both"'),
        ('language = "fr"', '"ja", "en"', '"ja", "en"'),
        ('jurisdiction_profile = "gdpr2"', '"appi"', '"appi"'),
        ("fee_yen = -1", "from 0 to 100000", "0〜100000"),
        ("retention_months = 0", "from 1 to 1200", "1〜1200"),
        ("return_postage_required = 1", "true or false", "true か false"),
        ('return_postage_required = "false"', "true or false", "true か false"),
        ("due_soon_days = true", "a whole number", "整数"),
        ("company_phone = 120555123", "a text in quotes", "引用符で囲んだ文字列"),
    ],
)
def test_a_wrong_value_names_the_key_the_value_and_what_is_allowed(
    paths: Paths, line: str, allowed_en: str, allowed_ja: str
) -> None:
    error = _error(paths, line + "\n")
    assert line in error.message("en")
    assert allowed_en in error.message("en")
    assert line in error.message("ja")
    assert allowed_ja in error.message("ja")
    assert str(config_path(paths)) in error.message("en")


def test_every_problem_of_the_file_is_named_at_once(paths: Paths) -> None:
    error = _error(paths, 'due_soon_days = "3"\nletter_date_style = "Era"\n')
    assert "due_soon_days" in error.message("en")
    assert "letter_date_style" in error.message("en")


def test_an_unknown_key_is_refused_and_a_typo_gets_its_correction(paths: Paths) -> None:
    error = _error(paths, "due_son_days = 4\nfavourite_colour = 'blue'\n")
    assert "due_son_days: no such setting. Did you mean due_soon_days?" in error.message("en")
    assert "favourite_colour: no such setting" in error.message("en")
    assert "due_soon_days の書き間違い" in error.message("ja")


def test_a_table_is_an_unknown_key_too(paths: Paths) -> None:
    error = _error(paths, "[letterhead]\nname = 'x'\n")
    assert "letterhead: no such setting" in error.message("en")


def test_a_file_that_is_not_toml_is_a_config_error(paths: Paths) -> None:
    assert "not valid TOML" in _error(paths, "due_soon_days = = 3\n").message("en")


def test_a_file_from_a_newer_program_asks_for_an_update(paths: Paths) -> None:
    error = _error(paths, f"version = {CONFIG_VERSION + 1}\n")
    assert "written by a newer Kaiji Desk" in error.message("en")
    assert "開示デスクを更新" in error.message("ja")


def test_without_a_file_every_default_applies(paths: Paths) -> None:
    settings = load_settings(paths, environ={})
    assert settings == Settings(paths=paths)
    assert not config_path(paths).exists()  # reading never writes


def test_kaiji_db_still_overrides_the_file(paths: Paths) -> None:
    _write(paths, 'database_url = "sqlite:///elsewhere.db"\n')
    settings = load_settings(paths, environ={"KAIJI_DB": "sqlite:///override.db"})
    assert settings.database_url == "sqlite:///override.db"


def test_good_values_load_with_their_types(paths: Paths) -> None:
    _write(
        paths,
        "version = 1\ndue_soon_days = 5\nreturn_postage_required = true\n"
        'letter_address_policy = "id"\nletter_date_style = "both"\n',
    )
    settings = load_settings(paths, environ={})
    assert settings.due_soon_days == 5
    assert settings.return_postage_required is True
    assert settings.letter_address_policy == "id"
    assert settings.letter_date_style == "both"


def test_the_demo_configuration_round_trips(paths: Paths) -> None:
    demo = dataclasses.replace(
        demo_settings(Settings(paths=paths)),
        company_hours='平日 "9:00"〜17:00\\休業日\n土日',  # quotes, backslash, line break
        fee_yen=500,
    )
    save_settings(demo)
    assert load_settings(paths, environ={}) == demo
    assert "version = 1" in config_path(paths).read_text(encoding="utf-8")


def test_every_field_but_the_paths_is_a_described_key() -> None:
    described = {key.name for key in SETTINGS_KEYS}
    assert described == {f.name for f in dataclasses.fields(Settings)} - {"paths"}


def test_the_date_styles_are_those_letters_know() -> None:
    assert set(DATE_STYLES) == {style.value for style in DateStyle}


def test_missing_letterhead_names_the_blank_required_lines(paths: Paths) -> None:
    missing = missing_letterhead(Settings(paths=paths, company_name="見本通信株式会社"))
    assert [key.name for key in missing] == [
        "company_postal_code",
        "company_address",
        "company_phone",
        "complaint_contact",
    ]
    assert [key.rule.label_ja for key in missing][-1] == "苦情の申出先"
    assert missing_letterhead(demo_settings(Settings(paths=paths))) == ()


def test_blank_spaces_do_not_fill_a_letterhead_line(paths: Paths) -> None:
    filled = demo_settings(Settings(paths=paths))
    blanked = dataclasses.replace(filled, company_phone="  ")
    assert [key.name for key in missing_letterhead(blanked)] == ["company_phone"]


def test_an_unreadable_file_is_a_config_error(paths: Paths, tmp_path: Path) -> None:
    paths.config_dir.mkdir(parents=True)
    config_path(paths).mkdir()  # a folder where the file should be
    with pytest.raises(ConfigError):
        load_settings(paths, environ={})
