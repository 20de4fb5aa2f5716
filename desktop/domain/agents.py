"""The agent who makes a request for the principal (代理人, APPI Art. 37(3); 施行令 Art. 13).

Recorded at intake from the request form's agent section. Whether the answer goes to the agent
or to the principal is the company's policy (`letter_agent_policy`, the agent by default); the
letter always names both.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from desktop.domain.errors import InvalidInput
from desktop.domain.requests import RequesterType

# (field, Japanese label, English label, longest length)
AGENT_FIELDS: tuple[tuple[str, str, str, int], ...] = (
    ("name", "代理人の氏名", "agent's name", 200),
    ("kana", "代理人のフリガナ", "agent's kana", 200),
    ("postal_code", "代理人の郵便番号", "agent's postal code", 20),
    ("address", "代理人の住所", "agent's address", 400),
    ("relationship", "ご本人との関係", "relationship to the principal", 100),
)


@dataclass(frozen=True)
class Agent:
    """The agent as the request form names them; their documents are the case's pages."""

    name: str
    address: str
    relationship: str  # 親権者（母）, 成年後見人, 任意代理人（弁護士）…
    kana: str = ""
    postal_code: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, value: dict[str, Any] | None) -> Agent | None:
        if not value:
            return None
        return cls(**{name: str(value.get(name, "")) for name, _, _, _ in AGENT_FIELDS})


def checked_agent(agent: Agent | None, requester: RequesterType) -> Agent | None:
    """The agent trimmed, refused when it does not fit who signed the request."""
    if agent is None:
        return None
    values = {name: str(getattr(agent, name)).strip() for name, _, _, _ in AGENT_FIELDS}
    if not any(values.values()):
        return None
    if not requester.is_agent:
        raise InvalidInput(
            "請求者が「本人」のときは代理人を入力できません。請求者の区分を確認してください。",
            "An agent cannot be recorded when the principal made the request. Check the "
            "requester type.",
        )
    for name, label_ja, label_en, limit in AGENT_FIELDS:
        if name in ("name", "address", "relationship") and not values[name]:
            raise InvalidInput(f"{label_ja}を入力してください。", f"Enter the {label_en}.")
        if len(values[name]) > limit:
            raise InvalidInput(
                f"{label_ja}が長すぎます（{limit}文字まで）。",
                f"The {label_en} is too long (at most {limit} characters).",
            )
    return Agent(**values)
