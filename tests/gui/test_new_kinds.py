"""A request kind and a letter kind added the way a new law would add them: registered in the
domain, worded in resources/letters, and nothing else. The decision tab, the checks, the letter
and the annual report pick them up."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.config import Paths, Settings
from desktop.domain.decisions import KindDecision, letter_kind_for, validate
from desktop.domain.errors import InvalidInput
from desktop.domain.letters import LetterKind, LetterKindSpec
from desktop.domain.outcomes import Outcome
from desktop.domain.reasons import (
    HARM_TO_PERSON,
    NOT_RETAINED_DATA,
    ReasonCatalog,
    ReasonGround,
)
from desktop.domain.requests import RequestKind, RequestKindSpec
from desktop.domain.status import CaseStatus
from desktop.gui.context import GuiContext
from desktop.gui.decision_panel import DecisionPanel
from desktop.letters import texts as letter_texts
from desktop.resources import resources_dir
from desktop.services import annual_report, cases, decisions, letters, mail
from desktop.services.context import ServiceContext
from desktop.services.mail import MailMethod
from tests.conftest import Staff
from tests.factories import envelope, letterhead, mail_number
from tests.letters.pdf_reading import letter_text, squash

SUBJECT = "保有個人データの移転の結果のお知らせ"
LABEL = "保有個人データの移転"
WORDING = "調査の結果、保有個人データの移転を行わないことといたしました。"


@pytest.fixture
def settings(paths: Paths) -> Settings:
    return letterhead(paths)


@dataclass(frozen=True)
class NewKinds:
    request: RequestKind
    letter: LetterKind


def _add_texts(folder: Path) -> None:
    """The new letter's wording and the new kind's decisions, as the company would write them."""
    for language, wording in (("ja", WORDING), ("en", "We have decided not to transfer it.")):
        source = (folder / language / "correction_result.toml").read_text(encoding="utf-8")
        subject = SUBJECT if language == "ja" else "Result of your request for a transfer"
        lines = [
            f'subject = "{subject}"' if line.startswith("subject") else line
            for line in source.splitlines()
        ]
        (folder / language / "transfer_result.toml").write_text(
            "\n".join(lines) + "\n", encoding="utf-8"
        )
        decisions_table = "".join(f'{outcome.value} = "{wording}"\n' for outcome in Outcome)
        with (folder / language / "common.toml").open("a", encoding="utf-8") as common:
            common.write(f"\n[decisions.transfer]\n{decisions_table}")


@pytest.fixture
def new_kinds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[NewKinds]:
    copy = tmp_path / "letters"
    shutil.copytree(resources_dir() / "letters", copy)
    _add_texts(copy)
    monkeypatch.setattr(letter_texts, "letters_dir", lambda: copy)
    letter_texts.load_texts.cache_clear()
    letter = LetterKind.register(LetterKindSpec("transfer_result", answers=True))
    request = RequestKind.register(
        RequestKindSpec(
            "transfer",
            LABEL,
            "Transfer of retained data",
            "移転",
            "(new)",
            {outcome: letter for outcome in (Outcome.FULL, Outcome.PARTIAL, Outcome.REFUSE)},
            reason_grounds=frozenset({ReasonGround.PROCEDURE, ReasonGround.NO_DATA}),
        )
    )
    try:
        yield NewKinds(request, letter)
    finally:
        RequestKind.unregister(request)
        LetterKind.unregister(letter)
        letter_texts.load_texts.cache_clear()


def test_the_domain_knows_the_new_kinds_rules(new_kinds: NewKinds) -> None:
    kind = new_kinds.request
    assert RequestKind("transfer") is kind
    assert kind in list(RequestKind)
    refused = KindDecision(kind, Outcome.REFUSE, (NOT_RETAINED_DATA,))
    validate([refused], [kind], ReasonCatalog())
    assert letter_kind_for([refused]) == (new_kinds.letter,)
    assert not kind.is_disclosing
    assert not kind.fee_allowed
    with pytest.raises(InvalidInput, match="does not apply"):
        validate([KindDecision(kind, Outcome.REFUSE, (HARM_TO_PERSON,))], [kind], ReasonCatalog())


def test_a_new_kind_flows_from_the_decision_tab_to_the_letter_and_the_report(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff, new_kinds: NewKinds
) -> None:
    kind = new_kinds.request
    case_id = cases.log_envelope(
        ctx, staff.clerk, envelope(request_kinds=frozenset({kind}))
    ).case_id
    version = cases.get_case(ctx, case_id).version
    cases.change_status(ctx, staff.clerk, case_id, version, CaseStatus.VERIFYING, "")

    panel = DecisionPanel(gui, staff.clerk, case_id)
    qtbot.addWidget(panel)
    editor = panel.editors[kind]
    assert editor.title() == LABEL
    assert editor.method_combo.isHidden()
    assert not editor.fee_combo.isEnabled()
    assert editor.reason_item(HARM_TO_PERSON) is None  # Art. 33(2) grounds do not apply here
    editor.outcome_combo.setCurrentIndex(editor.outcome_combo.findData(Outcome.REFUSE.value))
    item = editor.reason_item(NOT_RETAINED_DATA)
    assert item is not None
    item.setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)

    decided = decisions.get_decisions(ctx, case_id)
    assert decided.decisions == (KindDecision(kind, Outcome.REFUSE, (NOT_RETAINED_DATA,)),)
    assert tuple(decided.letter_kinds) == (new_kinds.letter,)
    submitted, _ = decisions.submit_for_review(ctx, staff.clerk, case_id, decided.version)
    decisions.approve(ctx, staff.supervisor, case_id, submitted.version)

    issued = letters.issue_letter(ctx, staff.clerk, case_id, new_kinds.letter)
    text = letter_text(letters.letter_pdf(ctx, staff.clerk, issued.letter_id))
    for expected in (SUBJECT, LABEL, WORDING, "苦情のお申出先"):
        assert squash(expected) in text, expected

    def refusals() -> tuple[int, int]:
        report = annual_report.annual_report(ctx, date(2026, 11, 18).year)
        [row] = [r for r in report.rows if r.kind is kind]
        return row.received, row.outcomes[Outcome.REFUSE.value]

    assert refusals() == (1, 0)  # decided, not yet answered
    letters.record_print(ctx, staff.clerk, issued.letter_id, "Office laser")
    version = cases.get_case(ctx, case_id).version
    sent_on = date(2026, 11, 20)
    mail.record_outgoing(
        ctx, staff.clerk, case_id, version, mail_number(2), sent_on, MailMethod.REGISTERED
    )
    assert refusals() == (1, 1)
    report = annual_report.annual_report(ctx, date(2026, 11, 18).year)
    assert LABEL in annual_report.to_csv(report).decode("utf-8-sig")
