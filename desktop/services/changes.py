"""What an operation changed, so each view refreshes only what concerns it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
    cases: frozenset[int] = field(default_factory=frozenset)
    case_list: bool = False  # a case was added or removed, or a listed field changed
    users: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.cases | other.cases,
            self.case_list or other.case_list,
            self.users or other.users,
        )

    @property
    def empty(self) -> bool:
        return not (self.cases or self.case_list or self.users)
