"""A fresh demo: every case in every status opens as the case window loads it, and every move
its status offers works through the use cases (each on its own copy of the demo database)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from desktop.config import Paths, Settings
from desktop.domain.status import CaseStatus, allowed_transitions
from desktop.letters import LetterKind
from desktop.services import (
    case_list,
    cases,
    customer_search,
    decisions,
    demo,
    demo_disclosure,
    documents,
    letters,
    verification,
)
from desktop.services.context import ServiceContext
from desktop.store.db import create_db_engine
from tests.conftest import PASSWORD, FrozenClock, with_test_key
from tests.letters.pdf_reading import letter_text, squash

DEMO_STATUSES = [status for status, _ in demo.CASE_MIX]
# Moves the state machine allows but no screen offers: a wrong printed letter is corrected by
# issuing a new version of it, not by taking the case back to `approved`.
NOT_OFFERED = frozenset({(CaseStatus.LETTER_PRINTED, CaseStatus.APPROVED)})
OFFERED = [
    (status, target)
    for status in DEMO_STATUSES
    for target in sorted(allowed_transitions(status))
    if (status, target) not in NOT_OFFERED
]


def _context(path: Path, key_file: Path) -> tuple[ServiceContext, Engine]:
    folder = path.parent
    settings = with_test_key(
        demo.demo_settings(Settings(paths=Paths(folder, folder, folder))), key_file
    )
    engine = create_db_engine(f"sqlite:///{path}")
    return ServiceContext.on(engine, settings, FrozenClock().as_clock()), engine


@pytest.fixture(scope="module")
def demo_db(
    sqlite_template: Path, key_file: Path, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """`kaiji init --demo` once for the module: the template's users, then the demo."""
    path = tmp_path_factory.mktemp("demo") / "kaiji.db"
    shutil.copy(sqlite_template, path)
    ctx, engine = _context(path, key_file)
    summary = demo.load_demo(ctx, PASSWORD)
    assert summary.cases == sum(demo.cases_by_status().values())
    engine.dispose()
    return path


@pytest.fixture
def demo_ctx(demo_db: Path, key_file: Path, tmp_path: Path) -> Iterator[ServiceContext]:
    """A copy of the demo database, so each test's moves leave the others' alone."""
    path = tmp_path / "kaiji.db"
    shutil.copy(demo_db, path)
    ctx, engine = _context(path, key_file)
    yield ctx
    engine.dispose()


def _crew(ctx: ServiceContext) -> demo.Crew:
    return demo.demo_crew(ctx, PASSWORD)


def _cases_in(ctx: ServiceContext, status: CaseStatus) -> list[int]:
    query = case_list.CaseQuery(statuses=frozenset({status}))
    return [row.case_id for row in case_list.list_cases(ctx, query, 100)]


def _open(ctx: ServiceContext, case_id: int) -> cases.CaseDetail:
    """Load what the case window shows: detail, pages, verification, decisions, letters, link."""
    detail = cases.get_case(ctx, case_id)
    pages = documents.list_documents(ctx, _crew(ctx).clerk, case_id)
    if pages:
        assert documents.view_page(ctx, _crew(ctx).clerk, pages[0].document_id)
    verification.view(ctx, case_id)
    customer_search.case_link(ctx, case_id)
    decided = decisions.get_decisions(ctx, case_id)
    stored = letters.letters_of_case(ctx, case_id)
    letters.print_history(ctx, [s.letter_id for s in stored])
    if detail.status in {CaseStatus.APPROVED, CaseStatus.LETTER_PRINTED, CaseStatus.SENT}:
        # An approved answer offers its letters, and each of them renders.
        assert decided.letter_kinds
        for kind in decided.letter_kinds:
            assert letters.render_case_letter(ctx, case_id, LetterKind(kind)).startswith(b"%PDF")
    return detail


def test_every_demo_case_opens_in_the_status_it_was_built_for(demo_ctx: ServiceContext) -> None:
    assert len(decisions.review_queue(demo_ctx)) == dict(demo.CASE_MIX)[CaseStatus.IN_REVIEW]
    letters.print_queue(demo_ctx)
    for status, count in demo.cases_by_status().items():
        ids = _cases_in(demo_ctx, status)
        assert len(ids) == count, status
        for case_id in ids:
            assert _open(demo_ctx, case_id).status is status


def test_demo_cases_carry_the_history_of_their_status(demo_ctx: ServiceContext) -> None:
    """Decided cases have decisions, approved ones an approval by someone else, printed ones
    printed letters, sent ones an outgoing registered-mail item; scanned ones their pages."""
    for status, _ in demo.CASE_MIX:
        for case_id in _cases_in(demo_ctx, status):
            scanned = status not in {CaseStatus.RECEIVED, CaseStatus.WITHDRAWN}
            assert (
                bool(documents.list_documents(demo_ctx, _crew(demo_ctx).clerk, case_id)) is scanned
            )
    for case_id in _cases_in(demo_ctx, CaseStatus.IN_REVIEW):
        assert decisions.get_decisions(demo_ctx, case_id).decisions
    for case_id in _cases_in(demo_ctx, CaseStatus.APPROVED):
        decided = decisions.get_decisions(demo_ctx, case_id)
        [review] = decided.reviews
        assert review.reviewed_by != decided.decided_by
    for case_id in _cases_in(demo_ctx, CaseStatus.SENT):
        stored = letters.letters_of_case(demo_ctx, case_id)
        _, prints = letters.print_history(demo_ctx, [s.letter_id for s in stored])
        assert stored
        assert all(prints.get(s.letter_id) for s in stored)
    for case_id in _cases_in(demo_ctx, CaseStatus.CLOSED):
        assert cases.get_case(demo_ctx, case_id).status.is_final


def test_every_move_the_state_machine_allows_is_offered_or_named() -> None:
    every = {(s, t) for s in CaseStatus for t in allowed_transitions(s)}
    assert every >= NOT_OFFERED
    assert {s for s, _ in OFFERED} == set(CaseStatus) - {CaseStatus.CLOSED, CaseStatus.WITHDRAWN}


@pytest.mark.parametrize(("status", "target"), OFFERED, ids=str)
def test_every_move_a_demo_status_offers_works(
    demo_ctx: ServiceContext, status: CaseStatus, target: CaseStatus
) -> None:
    case_id = _cases_in(demo_ctx, status)[0]
    demo.step(demo_ctx, _crew(demo_ctx), case_id, target)
    assert _open(demo_ctx, case_id).status is target


def test_the_demo_has_a_disclosure_of_provision_records(demo_ctx: ServiceContext) -> None:
    from desktop.domain.requests import RequestKind
    from tests.letters.pdf_reading import letter_text

    featured = [
        case_id
        for case_id in _cases_in(demo_ctx, CaseStatus.APPROVED)
        if RequestKind.THIRD_PARTY_RECORDS in cases.get_case(demo_ctx, case_id).kinds
    ]
    assert featured
    pdf = letters.render_case_letter(demo_ctx, featured[0], LetterKind.DISCLOSURE)
    text = letter_text(pdf)
    assert "第三者提供記録開示書（別紙）" in text
    assert "株式会社見本信用情報" in text
    assert "見本配送株式会社" in text


def test_the_demo_has_an_agents_case_answered_to_the_agent(demo_ctx: ServiceContext) -> None:
    from tests.letters.pdf_reading import letter_text

    agents = [
        detail
        for detail in map(
            lambda case_id: cases.get_case(demo_ctx, case_id),
            _cases_in(demo_ctx, CaseStatus.LETTER_PRINTED),
        )
        if detail.agent is not None
    ]
    assert agents
    detail = agents[0]
    assert detail.agent is not None
    [issued, *_] = letters.letters_of_case(demo_ctx, detail.case_id)
    assert issued.addressee.name == detail.agent.name
    kind = decisions.get_decisions(demo_ctx, detail.case_id).letter_kinds[0]
    text = letter_text(letters.render_case_letter(demo_ctx, detail.case_id, LetterKind(kind)))
    assert "代理人としてなさったご請求" in text
    assert detail.agent.name.replace(" ", "") + "様" in text
    assert detail.sender_name.replace(" ", "") + "様" in text


def test_the_demo_partial_disclosure_names_what_it_withholds_and_never_prints_it(
    demo_ctx: ServiceContext,
) -> None:
    [case_id] = [
        c
        for c in _cases_in(demo_ctx, CaseStatus.LETTER_PRINTED)
        if cases.get_case(demo_ctx, c).sender_name == demo_disclosure.NAME
    ]
    [stored] = letters.letters_of_case(demo_ctx, case_id)
    assert stored.kind is LetterKind.PARTIAL_DISCLOSURE
    text = squash(
        letter_text(letters.letter_pdf(demo_ctx, _crew(demo_ctx).clerk, stored.letter_id))
    )
    assert "社内メモ（顧客台帳）" in text
    assert "与信ランク（顧客台帳）" in text
    assert "会員ランク" in text  # cust_seg_cd, by its label
    for withheld in ("返品が多い", "要観察", "クレーム対応あり", "cust_seg_cd"):
        assert withheld not in text
