"""The results of verification (確認結果): findings, their severity, and the clerk's overrides."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from desktop.domain.errors import InvalidInput


class Severity(StrEnum):
    """How much a finding holds up the case, from nothing to everything."""

    OK = "ok"
    NEEDS_LOOK = "needs_look"  # 要確認: a person must look before the case goes on
    BLOCKING = "blocking"  # 不備: the case cannot go on without a correction or a reason

    @property
    def rank(self) -> int:
        return _RANKS[self]

    @property
    def label_ja(self) -> str:
        return _SEVERITY_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _SEVERITY_LABELS[self][1]


_RANKS = {Severity.OK: 0, Severity.NEEDS_LOOK: 1, Severity.BLOCKING: 2}
_SEVERITY_LABELS = {
    Severity.OK: ("問題なし", "OK"),
    Severity.NEEDS_LOOK: ("要確認", "Needs a look"),
    Severity.BLOCKING: ("不備", "Blocking"),
}


def worst(severities: Iterable[Severity]) -> Severity:
    """The most serious of `severities` (OK when there are none)."""
    return max(severities, key=lambda severity: severity.rank, default=Severity.OK)


class Source(StrEnum):
    """Where a piece of evidence was seen."""

    FORM = "form"  # 請求書
    DOCUMENT = "document"  # an enclosed document page
    REGISTRY = "registry"  # the customer registry
    ENVELOPE = "envelope"  # the fee and postage found in the envelope
    CLERK = "clerk"  # the clerk's own judgement (seal comparison)


@dataclass(frozen=True)
class EvidenceRef:
    """A pointer to what a finding is based on, so the clerk can open it."""

    source: Source
    document_id: int | None = None
    page_no: int | None = None
    field: str | None = None


@dataclass(frozen=True)
class Deficiency:
    """What the requester must send to complete the request (補正のお願い)."""

    code: str
    text_ja: str
    text_en: str


@dataclass(frozen=True)
class Override:
    """A clerk's decision to treat a finding as another severity, with the reason why."""

    severity: Severity
    comment: str
    by: str


Difference = tuple[str, str | None, str | None]  # (component, one side, other side)


@dataclass(frozen=True)
class Finding:
    """One line of the verification checklist.

    `severity` is what the rules computed; `override`, when a clerk set one, holds theirs.
    A blocking finding proposes a `reason_code` from the reason catalog, a `deficiency` to ask
    for, or both; a finding needing a look may propose a reason too (no retained data).
    `differences` are (component, one side, other side), e.g. ("town", "西新宿", "梅田").
    """

    code: str
    severity: Severity
    title_ja: str
    title_en: str
    detail_ja: str
    detail_en: str
    evidence: tuple[EvidenceRef, ...] = ()
    differences: tuple[Difference, ...] = ()
    reason_code: str | None = None
    deficiency: Deficiency | None = None
    override: Override | None = None

    @property
    def effective_severity(self) -> Severity:
        """The clerk's severity when overridden, else the computed one."""
        return self.override.severity if self.override else self.severity


def overall(findings: Iterable[Finding]) -> Severity:
    """The state of the whole checklist: the most serious effective severity."""
    return worst(finding.effective_severity for finding in findings)


def apply_overrides(
    findings: Iterable[Finding], overrides: Mapping[str, Override]
) -> list[Finding]:
    """`findings` with the clerk's overrides attached, keyed by finding code.

    Every override must carry a comment. An override whose finding is no longer produced (the
    evidence changed since) does not apply and is left out.
    """
    for code, override in overrides.items():
        if not override.comment.strip():
            raise InvalidInput(
                f"確認結果「{code}」の判定を変更するには、理由（コメント）を入力してください。",
                f"Enter a comment to explain why the finding {code!r} is overridden.",
            )
    return [
        dataclasses.replace(finding, override=overrides[finding.code])
        if finding.code in overrides
        else finding
        for finding in findings
    ]


def deficiencies(findings: Iterable[Finding]) -> list[Deficiency]:
    """What to ask the requester for: the deficiencies of findings still blocking, once each."""
    wanted: dict[str, Deficiency] = {}
    for finding in findings:
        if finding.effective_severity is Severity.BLOCKING and finding.deficiency is not None:
            wanted.setdefault(finding.deficiency.code, finding.deficiency)
    return list(wanted.values())
