"""Finding the registered customer (登録情報) a case is about, and linking the case to them.

Retrieval only ever asks the indexes: each search key of the query (name, kana, birth date,
phone, postal code, address) is one index look-up of at most `PER_LOOKUP` ids. The few hundred
customers found are then ranked here by how many fields agree. The clerk links one, or records
that the company retains no personal data of the requester (保有個人データなし).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import lru_cache

from desktop.domain.errors import InvalidInput, KnownError
from desktop.domain.roles import Permission
from desktop.domain.status import CaseStatus
from desktop.matching import addresses, names
from desktop.matching.keys import digits_only
from desktop.services import cases
from desktop.services.cases import CaseDetail
from desktop.services.changes import Changes
from desktop.services.context import CurrentUser, ServiceContext
from desktop.store import customers as customer_store
from desktop.store.customers import CustomerSummary
from desktop.store.db import Session, read_only, unit_of_work
from desktop.store.models import Case

log = logging.getLogger("kaiji.services.customer_search")

PER_LOOKUP = 200
# Ranking compares addresses (the slow part) only for the best of the cheap scores.
_ADDRESS_COMPARED = 40


class Agreement(StrEnum):
    """A field on which a candidate agrees with the query."""

    NAME_EXACT = "name_exact"
    NAME_VARIANT = "name_variant"  # equal once variant kanji are folded (髙/高)
    KANA = "kana"
    BIRTH_DATE = "birth_date"
    PHONE = "phone"
    POSTAL_CODE = "postal_code"
    ADDRESS_MATCH = "address_match"
    ADDRESS_PARTIAL = "address_partial"


_WEIGHTS: dict[Agreement, int] = {
    Agreement.NAME_EXACT: 30,
    Agreement.NAME_VARIANT: 25,
    Agreement.KANA: 15,
    Agreement.BIRTH_DATE: 25,
    Agreement.PHONE: 15,
    Agreement.POSTAL_CODE: 5,
    Agreement.ADDRESS_MATCH: 20,
    Agreement.ADDRESS_PARTIAL: 8,
}


@dataclass(frozen=True)
class CandidateQuery:
    """What is known of the requester; empty fields are not searched."""

    name: str = ""
    kana: str = ""
    birth_date: date | None = None
    phone: str = ""
    postal_code: str = ""
    address: str = ""


@dataclass(frozen=True)
class Candidate:
    """A registered customer, how well they fit the query (0–100) and on which fields."""

    customer_id: int
    customer_no: str
    name: str
    name_kana: str
    birth_date: date | None
    postal_code: str
    address: str
    phone: str
    score: int
    agreements: frozenset[Agreement]
    address_verdict: addresses.Verdict | None = None


@dataclass(frozen=True)
class _Keys:
    name: str
    kana: str
    birth_date: date | None
    phone: str
    postal_code: str
    address: str
    address_block: str  # the address key without its last number: the same block


def _keys(query: CandidateQuery) -> _Keys:
    postal = digits_only(query.postal_code)
    address = addresses.address_key(query.address) if query.address.strip() else ""
    block = address.rsplit("-", 1)[0] + "-" if address.count("-") >= 2 else ""
    return _Keys(
        name=names.name_key(query.name) if query.name.strip() else "",
        kana=names.reading_key(query.kana) if query.kana.strip() else "",
        birth_date=query.birth_date,
        phone=digits_only(query.phone),
        postal_code=f"{postal[:3]}-{postal[3:]}" if len(postal) == 7 else "",
        address=address,
        address_block=block,
    )


def _possible(keys: _Keys) -> int:
    """The score of a customer agreeing on every field the query gives."""
    total = 0
    for present, agreement in (
        (keys.name, Agreement.NAME_EXACT),
        (keys.kana, Agreement.KANA),
        (keys.birth_date, Agreement.BIRTH_DATE),
        (keys.phone, Agreement.PHONE),
        (keys.postal_code, Agreement.POSTAL_CODE),
        (keys.address, Agreement.ADDRESS_MATCH),
    ):
        if present:
            total += _WEIGHTS[agreement]
    return total


def _retrieve(session: Session, keys: _Keys) -> list[CustomerSummary]:
    """The customers any one search key finds, each look-up an index range."""
    ids: dict[int, None] = {}  # ordered: the strongest look-ups first

    def add(found: list[int]) -> None:
        ids.update(dict.fromkeys(found))

    if keys.name and keys.birth_date:
        add(customer_store.ids_by_name_and_birth_date(session, keys.name, keys.birth_date, 50))
    if keys.phone:
        add(customer_store.ids_where_equal(session, "phone_key", keys.phone, PER_LOOKUP))
    if keys.name:
        add(customer_store.ids_where_equal(session, "name_key", keys.name, PER_LOOKUP))
    if keys.kana:
        add(customer_store.ids_where_equal(session, "kana_key", keys.kana, PER_LOOKUP))
    if keys.birth_date:
        add(customer_store.ids_where_equal(session, "birth_date", keys.birth_date, PER_LOOKUP))
    if keys.address:
        add(customer_store.ids_by_address_prefix(session, keys.address, PER_LOOKUP))
    if keys.address_block:
        add(customer_store.ids_by_address_prefix(session, keys.address_block, PER_LOOKUP))
    if keys.postal_code:
        postal = keys.postal_code
        add(customer_store.ids_where_equal(session, "postal_code", postal, PER_LOOKUP))
    return customer_store.summaries_by_ids(session, ids)


@dataclass
class _Scored:
    customer: CustomerSummary
    agreements: set[Agreement] = field(default_factory=set)
    verdict: addresses.Verdict | None = None

    @property
    def points(self) -> int:
        return sum(_WEIGHTS[a] for a in self.agreements)


def _cheap_agreements(query: CandidateQuery, keys: _Keys, customer: CustomerSummary) -> _Scored:
    scored = _Scored(customer)
    found = scored.agreements
    if keys.name and customer.name_key == keys.name:
        exact = _name_verdict(query.name, customer.name) is names.NameVerdict.MATCH
        found.add(Agreement.NAME_EXACT if exact else Agreement.NAME_VARIANT)
    if keys.kana and customer.kana_key == keys.kana:
        found.add(Agreement.KANA)
    if keys.birth_date and customer.birth_date == keys.birth_date:
        found.add(Agreement.BIRTH_DATE)
    if keys.phone and customer.phone_key == keys.phone:
        found.add(Agreement.PHONE)
    if keys.postal_code and customer.postal_code == keys.postal_code:
        found.add(Agreement.POSTAL_CODE)
    return scored


@lru_cache(maxsize=4096)
def _name_verdict(a: str, b: str) -> names.NameVerdict:
    return names.compare_names(a, b).verdict


@lru_cache(maxsize=4096)
def _address_verdict(a: str, b: str) -> addresses.Verdict:
    return addresses.compare_addresses(a, b).verdict


def _compare_address(query: CandidateQuery, scored: _Scored) -> None:
    if not scored.customer.address:
        return
    verdict = _address_verdict(query.address, scored.customer.address)
    scored.verdict = verdict
    if verdict is addresses.Verdict.MATCH:
        scored.agreements.add(Agreement.ADDRESS_MATCH)
    elif verdict is addresses.Verdict.PARTIAL:
        scored.agreements.add(Agreement.ADDRESS_PARTIAL)


def find_candidates(ctx: ServiceContext, query: CandidateQuery, limit: int = 20) -> list[Candidate]:
    """The registered customers who best fit `query`, best first (at most `limit`)."""
    keys = _keys(query)
    possible = _possible(keys)
    if not possible:
        raise InvalidInput(
            "検索する項目（氏名、フリガナ、生年月日、電話番号、郵便番号、住所）を入力してください。",
            "Enter something to search by (name, kana, birth date, phone, postal code, address).",
        )
    with read_only(ctx.sessions) as session:
        found = _retrieve(session, keys)
    scored = [_cheap_agreements(query, keys, c) for c in found]
    if keys.address:
        scored.sort(key=lambda s: (-s.points, s.customer.id))
        for item in scored[:_ADDRESS_COMPARED]:
            _compare_address(query, item)
    scored = [s for s in scored if s.agreements]
    scored.sort(key=lambda s: (-s.points, s.customer.customer_no))
    return [_candidate(s, possible) for s in scored[:limit]]


def _candidate(scored: _Scored, possible: int) -> Candidate:
    c = scored.customer
    return Candidate(
        customer_id=c.id,
        customer_no=c.customer_no,
        name=c.name,
        name_kana=c.name_kana,
        birth_date=c.birth_date,
        postal_code=c.postal_code,
        address=c.address,
        phone=c.phone,
        score=min(100, round(100 * scored.points / possible)),
        agreements=frozenset(scored.agreements),
        address_verdict=scored.verdict,
    )


# --- Linking a case -----------------------------------------------------------------------


class CustomerNotFound(KnownError):
    def __init__(self, customer_id: int) -> None:
        super().__init__(
            f"顧客（ID {customer_id}）が登録情報にありません。",
            f"Customer {customer_id} is not in the registry.",
        )


@dataclass(frozen=True)
class CaseLink:
    """Whom a case is linked to: a customer, "no retained data", or nobody yet."""

    case_id: int
    version: int
    customer_id: int | None
    customer_no: str
    customer_name: str
    no_retained_data: bool

    @property
    def decided(self) -> bool:
        return self.customer_id is not None or self.no_retained_data


def _link_of(session: Session, case: Case) -> CaseLink:
    customer = customer_store.by_id(session, case.customer_id) if case.customer_id else None
    return CaseLink(
        case_id=case.id,
        version=case.version,
        customer_id=case.customer_id,
        customer_no=customer.customer_no if customer else "",
        customer_name=customer.name if customer else "",
        no_retained_data=case.no_retained_data,
    )


def case_link(ctx: ServiceContext, case_id: int) -> CaseLink:
    with read_only(ctx.sessions) as session:
        return _link_of(session, cases.load_case(session, case_id))


def query_for_case(detail: CaseDetail) -> CandidateQuery:
    """The search a case suggests: the sender as written on the request."""
    return CandidateQuery(
        name=detail.sender_name,
        kana=detail.sender_kana,
        birth_date=detail.sender_birth_date,
        postal_code=detail.sender_postal_code,
        address=detail.sender_address,
    )


@dataclass(frozen=True)
class LinkResult:
    link: CaseLink
    changes: Changes


def _set_link(
    ctx: ServiceContext,
    actor: CurrentUser,
    case_id: int,
    version: int,
    customer_id: int | None,
    no_retained_data: bool,
    action: str,
) -> LinkResult:
    actor.require(Permission.EDIT_CASE)
    with unit_of_work(ctx.sessions) as session:
        case = cases.load_for_edit(session, case_id, version)
        if CaseStatus(case.status).is_final:
            raise InvalidInput(
                "完了・取下げの案件は変更できません。",
                "Closed or withdrawn cases cannot be edited.",
            )
        customer = None
        if customer_id is not None:
            customer = customer_store.by_id(session, customer_id)
            if customer is None:
                raise CustomerNotFound(customer_id)
        before = {"customer_id": case.customer_id, "no_retained_data": case.no_retained_data}
        if before == {"customer_id": customer_id, "no_retained_data": no_retained_data}:
            return LinkResult(_link_of(session, case), Changes())
        case.customer_id = customer_id
        case.no_retained_data = no_retained_data
        changes: dict[str, object] = {
            "customer_id": {"before": before["customer_id"], "after": customer_id},
            "no_retained_data": {"before": before["no_retained_data"], "after": no_retained_data},
        }
        if customer is not None:
            changes["customer_no"] = customer.customer_no
        _, changed = cases.save_edited(ctx, session, actor, case, action, changes)
        result = LinkResult(_link_of(session, case), changed)
    log.info("case %s: %s", case_id, action)
    return result


def link_customer(
    ctx: ServiceContext, actor: CurrentUser, case_id: int, version: int, customer_id: int
) -> LinkResult:
    """Link the case to the registered customer the clerk identified."""
    return _set_link(ctx, actor, case_id, version, customer_id, False, "customer_linked")


def record_no_retained_data(
    ctx: ServiceContext, actor: CurrentUser, case_id: int, version: int
) -> LinkResult:
    """Record that the registry holds no personal data of the requester (保有個人データなし)."""
    return _set_link(ctx, actor, case_id, version, None, True, "no_retained_data_recorded")


def unlink_customer(
    ctx: ServiceContext, actor: CurrentUser, case_id: int, version: int
) -> LinkResult:
    """Undo a link or a "no retained data" record: the case is unidentified again."""
    return _set_link(ctx, actor, case_id, version, None, False, "customer_unlinked")
