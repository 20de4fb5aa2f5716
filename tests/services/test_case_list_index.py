"""The case list on its indexes: search by each column, exact mail numbers, sorting by every
column, paging by key while cases arrive, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from desktop.domain.requests import RequestKind
from desktop.domain.status import CaseStatus
from desktop.services import case_list, cases
from desktop.services.case_list import CaseQuery, CaseRow
from desktop.services.context import ServiceContext
from tests.conftest import Staff, both_databases
from tests.factories import envelope, mail_number


def _found(ctx: ServiceContext, text: str) -> list[int]:
    return sorted(r.case_id for r in case_list.list_cases(ctx, CaseQuery(text=text), 100))


def _all(ctx: ServiceContext, query: CaseQuery, page: int) -> list[CaseRow]:
    """The whole list, walked page by page as the view scrolls."""
    rows = case_list.list_cases(ctx, query, page)
    while True:
        more = case_list.list_cases(ctx, query, page, rows[-1]) if rows else []
        if not more:
            return rows
        rows += more


@both_databases
def test_search_finds_a_case_by_each_column(ctx: ServiceContext, staff: Staff) -> None:
    wanted = cases.log_envelope(
        ctx,
        staff.clerk,
        envelope(
            1,
            sender_name="髙橋 美咲",
            sender_kana="タカハシ ミサキ",
            sender_address="大阪府大阪市北区梅田三丁目1番1号",
        ),
    )
    other = cases.log_envelope(ctx, staff.clerk, envelope(2))
    assert _found(ctx, "高橋美咲") == [wanted.case_id]  # variant kanji, no space
    assert _found(ctx, "髙橋") == [wanted.case_id]  # two characters: under a trigram
    assert _found(ctx, "ミサキ") == [wanted.case_id]
    assert _found(ctx, "梅田3-1-1") == [wanted.case_id]  # another notation of the address
    assert _found(ctx, wanted.reference.lower()) == [wanted.case_id]
    assert _found(ctx, mail_number(1)[5:]) == [wanted.case_id]  # part of the mail number
    assert _found(ctx, "西新宿") == [other.case_id]
    assert _found(ctx, "100%") == []  # LIKE wildcards are searched as text


@both_databases
def test_a_whole_mail_number_finds_exactly_its_case(ctx: ServiceContext, staff: Staff) -> None:
    # address_key("50000500160") would be "0160": every address with 0160 in it matched.
    number = "50000500160"
    decoys = [
        cases.log_envelope(
            ctx, staff.clerk, envelope(n, sender_address=f"東京都新宿区西新宿2-8-{n}0160")
        )
        for n in range(2, 6)
    ]
    wanted = cases.log_envelope(ctx, staff.clerk, envelope(1, tracking_number=number))
    assert _found(ctx, number) == [wanted.case_id]
    assert _found(ctx, "5000-0500-160") == [wanted.case_id]
    assert len(_found(ctx, "0160")) == len(decoys) + 1  # a fragment still searches everything


@both_databases
def test_edits_reach_the_search_and_the_sorted_columns(ctx: ServiceContext, staff: Staff) -> None:
    logged = cases.log_envelope(ctx, staff.clerk, envelope(1, sender_name="山田 太郎"))
    detail = cases.get_case(ctx, logged.case_id)
    cases.update_case(
        ctx,
        staff.clerk,
        logged.case_id,
        detail.version,
        {"sender_name": "川口 春奈"},
        request_kinds=frozenset({RequestKind.CORRECTION, RequestKind.SUSPENSION}),
    )
    assert _found(ctx, "川口春奈") == [logged.case_id]
    assert _found(ctx, "山田太郎") == []
    [row] = case_list.list_cases(ctx, CaseQuery(sort="requests"), 10)
    assert set(row.kinds) == {RequestKind.CORRECTION, RequestKind.SUSPENSION}
    assert row.tracking_number == mail_number(1)


def _log_varied(ctx: ServiceContext, staff: Staff, count: int) -> list[int]:
    names = ["佐藤 一郎", "鈴木 花子", "高橋 次郎", "田中 三郎"]
    kinds = [
        frozenset({RequestKind.DISCLOSURE}),
        frozenset({RequestKind.CORRECTION}),
        frozenset({RequestKind.SUSPENSION, RequestKind.DISCLOSURE}),
    ]
    ids = []
    for n in range(1, count + 1):
        logged = cases.log_envelope(
            ctx,
            staff.clerk,
            envelope(
                n,
                tracking_number=mail_number((n * 7) % count + 1),
                sender_name=names[n % len(names)],
                received_on=date(2026, 11, 1) + timedelta(days=n % 5),
                request_kinds=kinds[n % len(kinds)],
            ),
        )
        ids.append(logged.case_id)
    for case_id, target in zip(
        ids[::3], [CaseStatus.VERIFYING, CaseStatus.SCANNED] * 9, strict=False
    ):
        cases.change_status(ctx, staff.clerk, case_id, cases.get_case(ctx, case_id).version, target)
    return ids


_KEYS: dict[str, Callable[[CaseRow], Any]] = {
    "reference": lambda r: r.reference,
    "received_on": lambda r: r.received_on,
    "sender_name": lambda r: r.sender_name,
    "status": lambda r: list(CaseStatus).index(r.status),
    "due_on": lambda r: r.deadline.due_on,
    "requests": lambda r: ",".join(k.value for k in r.kinds),
    "tracking": lambda r: r.tracking_number,
}


@both_databases
def test_every_column_sorts_both_ways(ctx: ServiceContext, staff: Staff) -> None:
    ids = _log_varied(ctx, staff, 12)
    assert set(_KEYS) == set(case_list.SORTS)
    for sort, key in _KEYS.items():
        for descending in (False, True):
            rows = _all(ctx, CaseQuery(sort=sort, descending=descending), 5)
            assert sorted(r.case_id for r in rows) == sorted(ids), sort
            expected = sorted(rows, key=lambda r: (key(r), r.case_id), reverse=descending)
            assert [r.case_id for r in rows] == [r.case_id for r in expected], (sort, descending)


@both_databases
def test_paging_by_key_has_no_duplicates_or_gaps_while_cases_arrive(
    ctx: ServiceContext, staff: Staff
) -> None:
    before = _log_varied(ctx, staff, 10)
    query = CaseQuery(sort="reference", descending=False)
    first = case_list.list_cases(ctx, query, 4)
    # New cases get later references: they belong after every row already shown.
    arrived = [cases.log_envelope(ctx, staff.clerk, envelope(100 + n)).case_id for n in range(3)]
    rest = _all_after(ctx, query, first[-1], 4)
    shown = [r.case_id for r in first + rest]
    assert len(shown) == len(set(shown))
    assert set(shown) == set(before) | set(arrived)


def _all_after(ctx: ServiceContext, query: CaseQuery, last: CaseRow, page: int) -> list[CaseRow]:
    rows: list[CaseRow] = []
    while more := case_list.list_cases(ctx, query, page, rows[-1] if rows else last):
        rows += more
    return rows


@both_databases
def test_a_refresh_reloads_from_the_first_visible_row(ctx: ServiceContext, staff: Staff) -> None:
    _log_varied(ctx, staff, 9)
    query = CaseQuery(sort="reference", descending=True)
    rows = _all(ctx, query, 3)
    again = case_list.list_from(ctx, query, rows[4], 3)
    assert [r.case_id for r in again] == [r.case_id for r in rows[4:7]]


@both_databases
def test_the_kind_filter_tells_similar_kinds_apart(ctx: ServiceContext, staff: Staff) -> None:
    suspension = cases.log_envelope(
        ctx, staff.clerk, envelope(1, request_kinds=frozenset({RequestKind.SUSPENSION}))
    )
    both = cases.log_envelope(
        ctx,
        staff.clerk,
        envelope(
            2,
            request_kinds=frozenset({RequestKind.THIRD_PARTY_SUSPENSION, RequestKind.DISCLOSURE}),
        ),
    )

    def of_kind(kind: RequestKind) -> list[int]:
        return sorted(r.case_id for r in case_list.list_cases(ctx, CaseQuery(kind=kind), 10))

    assert of_kind(RequestKind.SUSPENSION) == [suspension.case_id]
    assert of_kind(RequestKind.THIRD_PARTY_SUSPENSION) == [both.case_id]
    assert of_kind(RequestKind.DISCLOSURE) == [both.case_id]
    assert case_list.count_cases(ctx, CaseQuery(kind=RequestKind.DISCLOSURE)) == 1


@both_databases
def test_cases_stored_before_the_index_are_found_after_the_upgrade(
    ctx: ServiceContext, staff: Staff
) -> None:
    from alembic import command

    from desktop.store import migrate

    logged = cases.log_envelope(
        ctx,
        staff.clerk,
        envelope(1, sender_name="渡部 恵", request_kinds=frozenset({RequestKind.CORRECTION})),
    )
    engine = ctx.sessions.kw["bind"]
    command.downgrade(migrate._config(engine), "0011")  # the index, triggers and columns go
    assert migrate.upgrade(engine)
    assert _found(ctx, "渡部恵") == [logged.case_id]
    assert _found(ctx, mail_number(1)) == [logged.case_id]
    [row] = case_list.list_cases(ctx, CaseQuery(sort="requests"), 10)
    assert (row.kinds, row.tracking_number) == ((RequestKind.CORRECTION,), mail_number(1))
