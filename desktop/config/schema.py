"""What each settings key may hold, and the check of a settings file against it.

A key's type comes from its `Settings` annotation (text, whole number or true/false); its `Rule`
adds the allowed values or the range. Everything is checked when the file loads, so a wrong
value stops the program at start with a message naming the key, instead of a crash later.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Mapping
from dataclasses import dataclass, fields
from types import MappingProxyType
from typing import Any, get_type_hints

from desktop.config.problems import Problem

RULE = "rule"


@dataclass(frozen=True)
class Rule:
    """The allowed values of one key beyond its type; `letterhead` marks the letters' sender."""

    choices: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    letterhead: bool = False
    required_for_letters: bool = False
    label_ja: str = ""
    label_en: str = ""
    letter_language: str = ""  # a letterhead line used only on letters in this language


def rule(
    *,
    choices: tuple[str, ...] = (),
    minimum: int | None = None,
    maximum: int | None = None,
) -> Mapping[str, Rule]:
    """Field metadata for a setting: `field(default=…, metadata=rule(minimum=1))`."""
    return MappingProxyType({RULE: Rule(choices, minimum, maximum)})


def letterhead(
    label_ja: str, label_en: str, *, required: bool, language: str = ""
) -> Mapping[str, Rule]:
    """Field metadata for a letterhead line; `required` ones must be filled before a letter
    (before a letter in `language` only, when one is given: the English letterhead)."""
    return MappingProxyType(
        {
            RULE: Rule(
                letterhead=True,
                required_for_letters=required,
                label_ja=label_ja,
                label_en=label_en,
                letter_language=language,
            )
        }
    )


@dataclass(frozen=True)
class Key:
    """One settings key as the file spells it: its name, Python type, default and rule."""

    name: str
    kind: type
    default: object
    rule: Rule


def keys_of(settings_class: type) -> tuple[Key, ...]:
    """The settings keys of a dataclass: its fields that carry a `Rule`, in declaration order."""
    hints = get_type_hints(settings_class)
    return tuple(
        Key(f.name, hints[f.name], f.default, f.metadata[RULE])
        for f in fields(settings_class)
        if RULE in f.metadata
    )


_KIND_JA = {
    str: "引用符で囲んだ文字列",
    int: "引用符なしの整数",
    bool: "true か false（引用符なし）",
}
_KIND_EN = {str: "a text in quotes", int: "a whole number without quotes", bool: "true or false"}


def as_toml(value: object) -> str:
    """A value as it is written in the file, so the message shows what the administrator typed."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        # JSON's string escapes are TOML's too, except that TOML also forbids a raw DEL.
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    if isinstance(value, dict):
        return "[table]"
    return repr(value) if isinstance(value, list) else str(value)


def _has_kind(value: object, kind: type) -> bool:
    # TOML keeps true/false apart from numbers; Python's bool is an int, so check it first.
    if kind is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, kind)


def _range_text(key_rule: Rule) -> tuple[str, str]:
    low, high = key_rule.minimum, key_rule.maximum
    if low is not None and high is not None:
        return f"{low}〜{high}", f"from {low} to {high}"
    if low is not None:
        return f"{low}以上", f"at least {low}"
    return f"{high}以下", f"at most {high}"


def check_value(key: Key, value: object) -> Problem | None:
    """What is wrong with `value` for `key`, or None when it is allowed."""
    shown = f"{key.name} = {as_toml(value)}"
    if not _has_kind(value, key.kind):
        return Problem(
            f"{shown}: {_KIND_JA[key.kind]}で書いてください（例: {key.name} = "
            f"{as_toml(key.default)}）。",
            f"{shown}: must be {_KIND_EN[key.kind]} (e.g. {key.name} = {as_toml(key.default)}).",
        )
    choices = key.rule.choices
    if choices and value not in choices:
        listed = ", ".join(as_toml(c) for c in choices)
        return Problem(
            f"{shown}: 使える値は {listed} です（大文字・小文字も区別します）。",
            f"{shown}: must be one of {listed} (case matters).",
        )
    low, high = key.rule.minimum, key.rule.maximum
    if isinstance(value, int) and (
        (low is not None and value < low) or (high is not None and value > high)
    ):
        ja, en = _range_text(key.rule)
        return Problem(f"{shown}: {ja}の整数にしてください。", f"{shown}: must be {en}.")
    return None


def unknown_key(name: str, known: tuple[str, ...]) -> Problem:
    """A key the program does not know; a near match is named, since it is usually a typo."""
    near = difflib.get_close_matches(name, known, n=1)
    if near:
        return Problem(
            f"{name}: このキーはありません。{near[0]} の書き間違いではありませんか。",
            f"{name}: no such setting. Did you mean {near[0]}?",
        )
    return Problem(
        f"{name}: このキーはありません。削除するか、正しいキー名に直してください。",
        f"{name}: no such setting. Remove it or correct its name.",
    )


def check_values(values: Mapping[str, Any], keys: tuple[Key, ...]) -> list[Problem]:
    """Every problem of a file's values against the keys: unknown keys, then wrong values."""
    by_name = {key.name: key for key in keys}
    names = tuple(by_name)
    problems = [unknown_key(name, names) for name in values if name not in by_name]
    for name, value in values.items():
        if name in by_name:
            problem = check_value(by_name[name], value)
            if problem is not None:
                problems.append(problem)
    return problems
