"""What an operation changed, so each view refreshes only what concerns it, and the one result
type every service that changes something returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, NamedTuple, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Changes:
    cases: frozenset[int] = field(default_factory=frozenset)  # a case's own fields or status
    case_list: bool = False  # a case was added or removed, or a listed field changed
    users: bool = False
    documents: frozenset[int] = field(default_factory=frozenset)  # case ids whose pages changed
    decisions: frozenset[int] = field(default_factory=frozenset)  # case ids
    letters: frozenset[int] = field(default_factory=frozenset)  # case ids
    reasons: bool = False  # the reason catalog
    settings: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            cases=self.cases | other.cases,
            case_list=self.case_list or other.case_list,
            users=self.users or other.users,
            documents=self.documents | other.documents,
            decisions=self.decisions | other.decisions,
            letters=self.letters | other.letters,
            reasons=self.reasons or other.reasons,
            settings=self.settings or other.settings,
        )

    @property
    def empty(self) -> bool:
        return self == Changes()

    def touches_case(self, case_id: int) -> bool:
        """Anything about `case_id` changed: a case window reloads what it shows."""
        return any(
            case_id in ids for ids in (self.cases, self.documents, self.decisions, self.letters)
        )


class Done(NamedTuple, Generic[T]):
    """What a use case returns: its value and what it changed (unpacks as `value, changes`)."""

    value: T
    changes: Changes
