"""Letter wording from `resources/letters/<language>/<kind>.toml` and `common.toml`.

The texts are kept out of Python so that the company can review and adjust them; each file carries
a `version` that the print record keeps, so it is known which wording a mailed letter used.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from string import Formatter
from typing import Any

from desktop.domain.errors import KnownError
from desktop.domain.letters import LetterKind
from desktop.letters.model import LANGUAGES
from desktop.resources import resources_dir

PASSWORD_SHEET = "password_sheet"
# An answer refusing only because the requester is unconfirmed, whatever its letter kind.
UNVERIFIED_REFUSAL = "unverified_refusal"


class LetterTemplateError(KnownError):
    """A letter text file is missing, unreadable or refers to something Kaiji Desk does not know."""


@dataclass(frozen=True)
class Texts:
    """One text file: the fields every kind has, plus the extra keys some kinds use."""

    name: str
    language: str
    version: int
    subject: str
    body: tuple[str, ...]
    enclosures: tuple[str, ...]
    extra: dict[str, Any]

    def text(self, key: str) -> str:
        """An extra text such as `expected` or `annex_title`; a missing key is a template error."""
        value = self.extra.get(key)
        if not isinstance(value, str):
            raise LetterTemplateError(
                f"文面ファイル {self.language}/{self.name}.toml に「{key}」がありません。",
                f"The letter text {self.language}/{self.name}.toml has no {key!r}.",
            )
        return value

    def table(self, *keys: str) -> str:
        """A text inside nested tables, e.g. `table("decisions", "disclosure", "full")`."""
        node: Any = self.extra
        for key in keys:
            node = node.get(key) if isinstance(node, dict) else None
        if not isinstance(node, str):
            dotted = ".".join(keys)
            raise LetterTemplateError(
                f"文面ファイル {self.language}/{self.name}.toml に「{dotted}」がありません。",
                f"The letter text {self.language}/{self.name}.toml has no {dotted!r}.",
            )
        return node


def letters_dir() -> Path:
    return resources_dir() / "letters"


@cache
def load_texts(name: str, language: str) -> Texts:
    """The text file `name` ("common", a LetterKind value or "password_sheet") in `language`."""
    if language not in LANGUAGES:
        raise LetterTemplateError(
            f"文面の言語「{language}」には対応していません（ja または en）。",
            f"Letters are not available in {language!r} (use ja or en).",
        )
    path = letters_dir() / language / f"{name}.toml"
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LetterTemplateError(
            f"文面ファイル {path} が見つかりません。",
            f"The letter text file {path} is missing.",
        ) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise LetterTemplateError(
            f"文面ファイル {path} を読み込めません: {exc}",
            f"Cannot read the letter text file {path}: {exc}",
        ) from exc
    version = raw.pop("version", None)
    if not isinstance(version, int):
        raise LetterTemplateError(
            f"文面ファイル {path} に版数（version）がありません。",
            f"The letter text file {path} has no version number.",
        )
    return Texts(
        name=name,
        language=language,
        version=version,
        subject=str(raw.pop("subject", "")),
        body=tuple(str(p) for p in raw.pop("body", ())),
        enclosures=tuple(str(e) for e in raw.pop("enclosures", ())),
        extra=raw,
    )


def template_version(kind: LetterKind, language: str = "ja") -> int:
    """The version of the wording a letter of `kind` uses, for the print record."""
    return load_texts(kind.value, language).version


def template_versions(language: str = "ja") -> dict[LetterKind, int]:
    """TEMPLATE_VERSION per kind: what a print record stores beside the rendered letter."""
    return {kind: template_version(kind, language) for kind in LetterKind}


def fill(template: str, values: dict[str, str], source: str) -> str:
    """`template` with its {placeholders} replaced; an unknown placeholder is a template error."""
    try:
        fields = [field for _, field, _, _ in Formatter().parse(template)]
    except ValueError as exc:  # a lone { or }
        raise LetterTemplateError(
            f"文面 {source} の波括弧 {{ }} の対応が取れていません。",
            f"The letter text {source} has an unmatched brace: {exc}.",
        ) from exc
    for field in fields:
        if field is not None and field not in values:
            raise LetterTemplateError(
                f"文面 {source} の差込項目 {{{field}}} は使えません。",
                f"The letter text {source} uses the unknown placeholder {{{field}}}.",
            )
    return template.format_map(values)
