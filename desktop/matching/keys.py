"""Search keys for the case list and repeat-requester look-ups: the same person or address
written differently folds to the same key. The folding rules themselves live in `names` and
`_address_text`; this module only shapes them into keys a database can index or LIKE-search."""

from __future__ import annotations

import re
import unicodedata

from desktop.matching import names
from desktop.matching._address_text import clean, fold

_POSTAL_PREFIX = re.compile(r"^〒?\s*\d{3}-?\d{4}\s*")
_SPACE_BETWEEN_NUMBERS = re.compile(r"(?<=\d)\s+(?=\d)")
_COUNTER = re.compile(r"(\d+)(号室|号|番地|番|丁目)")
_DASH_RUN = re.compile(r"-+")


def name_key(name: str) -> str:
    """髙橋　一郎 and 高橋一郎 share a key (width, spaces and variant kanji folded)."""
    return names.name_key(name)


def kana_key(reading: str) -> str:
    """ﾀｶﾊｼ, たかはし and タカハシ share a key: readings compare, not scripts."""
    return names.reading_key(reading)


def address_key(address: str) -> str:
    """A notation-free form for substring search: 西新宿二丁目8番1号 101号室 → 西新宿2-8-1-101.

    For telling whether two addresses are the same place use `addresses.compare_addresses`;
    this key only makes the same text findable however it was typed.
    """
    text = _POSTAL_PREFIX.sub("", fold(clean(address)))
    text = _SPACE_BETWEEN_NUMBERS.sub("-", text).replace(" ", "")
    text = _COUNTER.sub(r"\1-", text).replace("#", "-")
    return _DASH_RUN.sub("-", text).strip("-")


def digits_only(text: str) -> str:
    """Postal codes and phone numbers: keep the digits of any width."""
    return "".join(c for c in unicodedata.normalize("NFKC", text) if c.isdigit())
