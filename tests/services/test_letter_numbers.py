"""Each issued letter carries its own 文書番号, unique by series and year, also when several
workstations issue at once; a corrected version says so and names the letter it replaces."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import Engine

from desktop.config import Paths, Settings
from desktop.domain.letters import document_number
from desktop.letters import LetterKind
from desktop.services import cases, letters
from desktop.services.context import ServiceContext
from desktop.store import letters as letter_store
from desktop.store.db import create_db_engine, unit_of_work
from tests.conftest import Staff, both_databases
from tests.factories import envelope, letterhead
from tests.letters.pdf_reading import letter_text


@pytest.fixture
def settings(paths: Paths) -> Settings:
    return letterhead(paths)


def test_each_letter_prints_its_own_number(ctx: ServiceContext, staff: Staff) -> None:
    first = cases.log_envelope(ctx, staff.clerk, envelope(1)).case_id
    second = cases.log_envelope(ctx, staff.clerk, envelope(2)).case_id

    ack1 = letters.issue_letter(ctx, staff.clerk, first, LetterKind.ACKNOWLEDGEMENT)
    ack2 = letters.issue_letter(ctx, staff.clerk, second, LetterKind.ACKNOWLEDGEMENT)
    wanted = letters.issue_letter(ctx, staff.clerk, first, LetterKind.DEFICIENCY)

    assert ack1.document_number == "受付第2026-0001号"
    assert ack2.document_number == "受付第2026-0002号"
    assert wanted.document_number == "補正第2026-0001号"
    text = letter_text(letters.letter_pdf(ctx, staff.clerk, ack2.letter_id))
    assert "文書番号受付第2026-0002号" in text
    assert ack2.reference in text  # the case's reference stays as 受付番号
    assert "受付第2026-0001号" not in text
    deficiency = letter_text(letters.letter_pdf(ctx, staff.clerk, wanted.letter_id))
    assert "文書番号補正第2026-0001号" in deficiency


def test_a_preview_carries_no_number_yet(ctx: ServiceContext, staff: Staff) -> None:
    case_id = cases.log_envelope(ctx, staff.clerk, envelope()).case_id
    text = letter_text(letters.render_case_letter(ctx, case_id, LetterKind.ACKNOWLEDGEMENT))
    assert "文書番号（発行時に採番）" in text


@both_databases
def test_a_correction_says_what_it_corrects_and_which_letter_it_replaces(
    ctx: ServiceContext, staff: Staff
) -> None:
    case_id = cases.log_envelope(ctx, staff.clerk, envelope()).case_id
    first = letters.issue_letter(ctx, staff.clerk, case_id, LetterKind.ACKNOWLEDGEMENT)
    second = letters.issue_letter(
        ctx, staff.clerk, case_id, LetterKind.ACKNOWLEDGEMENT, correction_reason="受付日の誤記"
    )

    assert (first.document_number, second.document_number) == (
        "受付第2026-0001号",
        "受付第2026-0002号",
    )
    text = letter_text(letters.letter_pdf(ctx, staff.clerk, second.letter_id))
    assert "（訂正版）" in text
    assert "文書番号受付第2026-0002号" in text
    assert "文書番号受付第2026-0001号の通知書を訂正し" in text
    assert "訂正の内容受付日の誤記" in text
    assert "訂正前の通知書文書番号受付第2026-0001号" in text
    original = letter_text(letters.letter_pdf(ctx, staff.clerk, first.letter_id))
    assert "訂正版" not in original


@both_databases
def test_numbers_stay_unique_when_workstations_issue_at_once(ctx: ServiceContext) -> None:
    bind = ctx.sessions.kw["bind"]
    assert isinstance(bind, Engine)
    engines = [create_db_engine(bind.url.render_as_string(hide_password=False)) for _ in range(4)]

    def take(engine: Engine) -> list[int]:
        other = ServiceContext.on(engine, ctx.settings, ctx.clock)
        taken = []
        for _ in range(10):
            with unit_of_work(other.sessions) as session:
                taken.append(letter_store.next_number(session, "開示", 2026))
        return taken

    try:
        with ThreadPoolExecutor(4) as pool:
            serials = [n for batch in pool.map(take, engines) for n in batch]
    finally:
        for engine in engines:
            engine.dispose()
    assert sorted(serials) == list(range(1, 41))
    with unit_of_work(ctx.sessions) as session:
        assert letter_store.next_number(session, "開示", 2027) == 1  # a new year starts at 1
        assert letter_store.next_number(session, "開示", 2026) == 41


def test_the_number_format() -> None:
    assert document_number("開示", 2026, 1) == "開示第2026-0001号"
    assert document_number("訂正", 2027, 12345) == "訂正第2027-12345号"
