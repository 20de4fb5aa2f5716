"""Finding the registered customer for a case, and linking the case (or "no retained data")."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select

from desktop.domain import roles
from desktop.domain.errors import CaseConflict, InvalidInput
from desktop.domain.roles import PermissionDenied
from desktop.domain.status import CaseStatus
from desktop.services import cases
from desktop.services.context import ServiceContext
from desktop.services.customer_search import (
    Agreement,
    CandidateQuery,
    CustomerNotFound,
    case_link,
    find_candidates,
    link_customer,
    query_for_case,
    record_no_retained_data,
    unlink_customer,
)
from desktop.services.customers import import_customers
from desktop.store.db import unit_of_work
from desktop.store.models import AuditEvent
from tests.conftest import Staff, both_databases
from tests.factories import envelope

HEADER = "顧客番号,氏名,フリガナ,生年月日,郵便番号,住所,電話番号"
REGISTRY = [
    "C001,髙橋 一郎,タカハシ イチロウ,1975-03-04,160-0023,東京都新宿区西新宿二丁目8番1号,"
    "03-1234-5678",
    "C002,高橋 一郎,タカハシ イチロウ,1990-07-07,100-0005,東京都千代田区丸の内一丁目1番1号,",
    "C003,佐藤 花子,サトウ ハナコ,1975-03-04,530-0001,大阪府大阪市北区梅田一丁目1番1号,",
    "C004,山田 太郎,ヤマダ タロウ,1985-01-01,160-0023,東京都新宿区西新宿2-8-1,090-0000-1111",
    "C005,鈴木 誠,スズキ マコト,1960-12-31,160-0023,東京都新宿区西新宿二丁目9番3号,",
    "C006,田中 次郎,タナカ ジロウ,1970-01-01,,東京都新宿区西新宿二丁目8番5号,",
]


@pytest.fixture
def registry(ctx: ServiceContext, staff: Staff, tmp_path: Path) -> ServiceContext:
    path = tmp_path / "registry.csv"
    path.write_text("\n".join([HEADER, *REGISTRY]) + "\n", encoding="utf-8")
    assert import_customers(ctx, staff.admin, path).inserted == len(REGISTRY)
    return ctx


def _numbers(ctx: ServiceContext, query: CandidateQuery) -> list[str]:
    return [c.customer_no for c in find_candidates(ctx, query)]


@both_databases
def test_variant_kanji_name_and_birth_date_rank_the_right_customer_first(
    registry: ServiceContext,
) -> None:
    query = CandidateQuery(name="高橋一郎", kana="たかはし いちろう", birth_date=date(1975, 3, 4))
    found = find_candidates(registry, query)
    assert [c.customer_no for c in found][:2] == ["C001", "C002"]
    best = found[0]
    assert {Agreement.NAME_VARIANT, Agreement.KANA, Agreement.BIRTH_DATE} <= best.agreements
    assert 80 <= best.score < 100  # a variant name is not an exact one
    assert Agreement.NAME_EXACT in found[1].agreements
    assert Agreement.BIRTH_DATE not in found[1].agreements
    # C003 shares only the birth date: found, but ranked below both.
    assert "C003" in [c.customer_no for c in found][2:]


@both_databases
def test_address_written_differently_matches_and_a_neighbour_does_not(
    registry: ServiceContext,
) -> None:
    found = find_candidates(registry, CandidateQuery(address="新宿区西新宿2丁目8-1"))
    by_number = {c.customer_no: c for c in found}
    assert found[0].customer_no in {"C001", "C004"}
    assert Agreement.ADDRESS_MATCH in by_number["C001"].agreements
    assert Agreement.ADDRESS_MATCH in by_number["C004"].agreements
    assert "C006" not in by_number  # the same block, another lot: another place


def test_phone_in_full_width_digits_finds_the_customer(registry: ServiceContext) -> None:
    found = find_candidates(registry, CandidateQuery(phone="０３（１２３４）５６７８"))
    assert [c.customer_no for c in found] == ["C001"]
    assert found[0].agreements == {Agreement.PHONE}
    assert found[0].score == 100


def test_postal_code_alone_lists_everyone_there(registry: ServiceContext) -> None:
    assert sorted(_numbers(registry, CandidateQuery(postal_code="1600023"))) == [
        "C001",
        "C004",
        "C005",
    ]


def test_nobody_fits_gives_no_candidates(registry: ServiceContext) -> None:
    assert _numbers(registry, CandidateQuery(name="存在 しない", phone="0120-000-000")) == []


def test_an_empty_query_is_refused(registry: ServiceContext) -> None:
    with pytest.raises(InvalidInput, match="search by"):
        find_candidates(registry, CandidateQuery(name="  "))


def test_the_search_reads_customers_by_index_only(registry: ServiceContext) -> None:
    engine = registry.sessions.kw["bind"]
    statements: list[tuple[str, Any]] = []

    def remember(_conn: Any, _cursor: Any, statement: str, params: Any, *_: Any) -> None:
        if "customers" in statement:
            statements.append((statement, params))

    event.listen(engine, "before_cursor_execute", remember)
    try:
        find_candidates(
            registry,
            CandidateQuery(
                name="高橋 一郎",
                kana="タカハシ",
                birth_date=date(1975, 3, 4),
                phone="03-1234-5678",
                postal_code="160-0023",
                address="東京都新宿区西新宿二丁目8番1号",
            ),
        )
    finally:
        event.remove(engine, "before_cursor_execute", remember)
    assert len(statements) >= 7
    with engine.connect() as connection:
        for statement, params in statements:
            plan = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", params).all()
            details = " | ".join(str(row[-1]) for row in plan)
            assert "SCAN customers" not in details, (statement, details)  # SEARCH = by index


@both_databases
def test_clerk_links_a_case_and_the_link_is_audited(registry: ServiceContext, staff: Staff) -> None:
    logged = cases.log_envelope(registry, staff.clerk, envelope())
    detail = cases.get_case(registry, logged.case_id)
    best = find_candidates(registry, query_for_case(detail))[0]
    assert best.customer_no == "C004"

    result = link_customer(registry, staff.clerk, detail.case_id, detail.version, best.customer_id)

    assert result.link.customer_no == "C004"
    assert not result.link.no_retained_data
    assert result.changes.cases == {detail.case_id}
    assert case_link(registry, detail.case_id) == result.link
    event_ = _last_event(registry, detail.case_id)
    assert event_.action == "customer_linked"
    assert event_.actor_name == "clerk"
    assert event_.changes["customer_no"] == "C004"


def test_no_retained_data_replaces_a_link_and_unlinking_clears_both(
    registry: ServiceContext, staff: Staff
) -> None:
    case_id = cases.log_envelope(registry, staff.clerk, envelope()).case_id
    version = cases.get_case(registry, case_id).version
    some_customer = find_candidates(registry, CandidateQuery(phone="09000001111"))[0]
    linked = link_customer(registry, staff.clerk, case_id, version, some_customer.customer_id)

    none_held = record_no_retained_data(registry, staff.supervisor, case_id, linked.link.version)
    assert (none_held.link.customer_id, none_held.link.no_retained_data) == (None, True)
    assert _last_event(registry, case_id).action == "no_retained_data_recorded"

    cleared = unlink_customer(registry, staff.clerk, case_id, none_held.link.version)
    assert (cleared.link.customer_id, cleared.link.no_retained_data) == (None, False)
    assert not cleared.link.decided
    assert _last_event(registry, case_id).action == "customer_unlinked"


def test_a_stale_version_is_a_conflict_not_an_overwrite(
    registry: ServiceContext, staff: Staff
) -> None:
    case_id = cases.log_envelope(registry, staff.clerk, envelope()).case_id
    version = cases.get_case(registry, case_id).version
    record_no_retained_data(registry, staff.clerk2, case_id, version)
    customer_id = find_candidates(registry, CandidateQuery(phone="09000001111"))[0].customer_id
    with pytest.raises(CaseConflict):
        link_customer(registry, staff.clerk, case_id, version, customer_id)
    assert case_link(registry, case_id).no_retained_data


def test_unknown_customer_and_closed_case_are_refused(
    registry: ServiceContext, staff: Staff
) -> None:
    case_id = cases.log_envelope(registry, staff.clerk, envelope()).case_id
    version = cases.get_case(registry, case_id).version
    with pytest.raises(CustomerNotFound):
        link_customer(registry, staff.clerk, case_id, version, 999_999)
    withdrawn, _ = cases.change_status(
        registry, staff.clerk, case_id, version, CaseStatus.WITHDRAWN, "本人から取下げ"
    )
    with pytest.raises(InvalidInput, match="Closed"):
        record_no_retained_data(registry, staff.clerk, case_id, withdrawn.version)


def test_linking_needs_the_permission_to_edit_cases(
    registry: ServiceContext, staff: Staff, monkeypatch: pytest.MonkeyPatch
) -> None:
    case_id = cases.log_envelope(registry, staff.clerk, envelope()).case_id
    version = cases.get_case(registry, case_id).version
    monkeypatch.setitem(roles.ROLE_PERMISSIONS, staff.clerk.role, frozenset())
    with pytest.raises(PermissionDenied):
        record_no_retained_data(registry, staff.clerk, case_id, version)


def _last_event(ctx: ServiceContext, case_id: int) -> AuditEvent:
    with unit_of_work(ctx.sessions) as session:
        query = select(AuditEvent).where(AuditEvent.case_id == case_id).order_by(AuditEvent.seq)
        return list(session.execute(query).scalars())[-1]
