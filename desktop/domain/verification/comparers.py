"""How verification compares names and addresses, without depending on how it is done.

The domain does not know the matching rules; the services layer passes them in. The real ones
(`desktop.matching.names.compare_names`, `desktop.matching.addresses.compare_addresses`,
`desktop.matching.names.romaji_matches_kana`) fit as they are:

    Comparers(names=compare_names, addresses=compare_addresses, romaji=romaji_matches_kana)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol


class NameCheck(Protocol):
    """The result of comparing two names: `verdict` is "match", "variant" or "mismatch"."""

    @property
    def verdict(self) -> str: ...


class AddressDifference(Protocol):
    """A component on which two addresses differ; None where a side does not state it."""

    @property
    def component(self) -> str: ...

    @property
    def a(self) -> str | None: ...

    @property
    def b(self) -> str | None: ...


class AddressCheck(Protocol):
    """The result of comparing two addresses: `verdict` is "match", "partial" or "mismatch"."""

    @property
    def verdict(self) -> str: ...

    @property
    def differences(self) -> Sequence[AddressDifference]: ...


@dataclass(frozen=True)
class Comparers:
    """The comparisons verification relies on.

    `romaji(romaji, kana)` says whether a passport's romanised name spells a kana reading; without
    it a passport name is left for the clerk to compare.
    """

    names: Callable[[str, str], NameCheck]
    addresses: Callable[[str, str], AddressCheck]
    romaji: Callable[[str, str], bool] | None = None
