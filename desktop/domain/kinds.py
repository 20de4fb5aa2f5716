"""Open enumerations: kinds registered once with their rules, looked up by their value.

Request kinds and letter kinds behave like string enums (compare equal to their stored value, keep
their order, iterate), but each member carries a spec with its rules, and a new kind is one more
registration, never an edit of tables elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar, Generic, Protocol, Self, TypeVar


class Spec(Protocol):
    @property
    def value(self) -> str: ...


_S = TypeVar("_S", bound=Spec)
_K = TypeVar("_K", bound="Kind[Any]")


class _KindType(type):
    _members: dict[str, Any]

    def __iter__(cls: type[_K]) -> Iterator[_K]:  # type: ignore[misc]
        return iter(tuple(cls._members.values()))

    def __len__(cls) -> int:
        return len(cls._members)

    def __contains__(cls, value: object) -> bool:
        return isinstance(value, str) and value in cls._members


class Kind(str, Generic[_S], metaclass=_KindType):
    """A registered value; `Kind("value")` returns the member or raises ValueError, like an enum."""

    _members: ClassVar[dict[str, Any]]
    _spec: _S

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._members = {}

    def __new__(cls, value: object) -> Self:
        member = cls._members.get(value) if isinstance(value, str) else None
        if member is None:
            raise ValueError(f"{value!r} is not a valid {cls.__name__}")
        assert isinstance(member, cls)
        return member

    def __reduce__(self) -> tuple[type[Self], tuple[str]]:
        return type(self), (self.value,)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.value!r}>"

    def __copy__(self) -> Self:
        return self

    def __deepcopy__(self, memo: object) -> Self:
        return self

    @classmethod
    def register(cls, spec: _S) -> Self:
        """Add a kind (at import for the built-in ones, in a test for a new one)."""
        if spec.value in cls._members:
            raise ValueError(f"{cls.__name__} {spec.value!r} is registered already")
        member = str.__new__(cls, spec.value)
        member._spec = spec
        cls._members[spec.value] = member
        return member

    @classmethod
    def unregister(cls, member: Self) -> None:
        del cls._members[member.value]

    @property
    def value(self) -> str:
        return str.__str__(self)

    @property
    def spec(self) -> _S:
        return self._spec
