"""The decision tab: choosing outcomes and reasons with the letter's wording in view, the domain's
refusals, submitting for review, and the supervisor's comment when a case comes back.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.domain.decisions import KindDecision, ResponseMethod, validate
from desktop.domain.errors import InvalidInput
from desktop.domain.outcomes import Outcome
from desktop.domain.reasons import HARM_TO_PERSON, SEED_REASONS
from desktop.domain.requests import RequestKind
from desktop.domain.status import CaseStatus
from desktop.gui.case_workspace import CaseWorkspace
from desktop.gui.context import GuiContext
from desktop.gui.decision_panel import DecisionPanel, KindDecisionEditor
from desktop.gui.messages import SaveChoice
from desktop.services import cases, decisions, reasons
from desktop.services.context import ServiceContext
from tests.conftest import Staff
from tests.gui.conftest import RecordingMessages

HARM = next(r for r in SEED_REASONS if r.code == HARM_TO_PERSON)


def _verifying(ctx: ServiceContext, staff: Staff, case_id: int) -> None:
    version = cases.get_case(ctx, case_id).version
    cases.change_status(ctx, staff.clerk, case_id, version, CaseStatus.VERIFYING, "")


def _panel(qtbot: QtBot, gui: GuiContext, staff: Staff, case_id: int) -> DecisionPanel:
    panel = DecisionPanel(gui, staff.clerk, case_id)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def _choose(editor: KindDecisionEditor, outcome: Outcome, *codes: str) -> None:
    editor.outcome_combo.setCurrentIndex(editor.outcome_combo.findData(outcome.value))
    for code in codes:
        item = editor.reason_item(code)
        assert item is not None
        item.setCheckState(Qt.CheckState.Checked)


def test_a_partial_disclosure_is_saved_with_its_reason_previewed_as_the_letter_says(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff, case_id: int
) -> None:
    _verifying(ctx, staff, case_id)
    workspace = CaseWorkspace(gui, staff.clerk, case_id, "R-1")
    qtbot.addWidget(workspace)
    workspace.tabs.setCurrentWidget(workspace.decision)
    panel = workspace.decision
    editor = panel.editors[RequestKind.DISCLOSURE]
    offered = [editor.reason_list.item(row).text() for row in range(editor.reason_list.count())]
    assert offered == [r.title_ja for r in RequestKind.DISCLOSURE.reasons(reasons.catalog(ctx))]
    assert HARM.title_ja in offered
    assert HARM.letter_ja not in editor.preview.toPlainText()

    _choose(editor, Outcome.PARTIAL, HARM_TO_PERSON)
    assert HARM.letter_ja in editor.preview.toPlainText()
    editor.method_combo.setCurrentIndex(
        editor.method_combo.findData(ResponseMethod.ELECTROMAGNETIC.value)
    )
    editor.method_impossible.setChecked(True)
    editor.detail_edit.setPlainText("通話録音は除く")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)

    saved = decisions.get_decisions(ctx, case_id)
    assert saved.status is CaseStatus.DECIDED
    assert saved.decisions == (
        KindDecision(
            RequestKind.DISCLOSURE,
            Outcome.PARTIAL,
            (HARM_TO_PERSON,),
            "通話録音は除く",
            ResponseMethod.ELECTROMAGNETIC,
            True,
        ),
    )
    assert "決定済" in panel.status_label.text()
    assert panel.submit_button.isEnabled()


def test_refusing_without_a_reason_shows_the_domains_message_and_saves_nothing(
    qtbot: QtBot,
    gui: GuiContext,
    ctx: ServiceContext,
    staff: Staff,
    case_id: int,
    messages: RecordingMessages,
) -> None:
    _verifying(ctx, staff, case_id)
    panel = _panel(qtbot, gui, staff, case_id)
    editor = panel.editors[RequestKind.DISCLOSURE]
    _choose(editor, Outcome.REFUSE)
    assert editor.preview.toPlainText() != ""  # tells the clerk a reason is needed
    panel.save_button.click()

    with pytest.raises(InvalidInput) as refusal:
        validate(panel.chosen_decisions(), {RequestKind.DISCLOSURE}, reasons.catalog(ctx))
    assert messages.texts("error") == [refusal.value.message("ja")]
    assert decisions.get_decisions(ctx, case_id).decisions == ()
    assert editor.outcome_combo.currentData() == Outcome.REFUSE.value  # the choice stays


def test_submitted_case_is_read_only_and_a_returned_one_shows_the_comment(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff, case_id: int
) -> None:
    _verifying(ctx, staff, case_id)
    decided = decisions.record_decisions(
        ctx,
        staff.clerk,
        case_id,
        cases.get_case(ctx, case_id).version,
        [KindDecision(RequestKind.DISCLOSURE, Outcome.FULL, method=ResponseMethod.PAPER)],
    )[0]
    panel = _panel(qtbot, gui, staff, case_id)
    panel.submit_button.click()
    assert decisions.get_decisions(ctx, case_id).status is CaseStatus.IN_REVIEW
    editor = panel.editors[RequestKind.DISCLOSURE]
    assert not editor.outcome_combo.isEnabled()
    assert not panel.save_button.isEnabled()
    assert not panel.submit_button.isEnabled()
    assert not panel.rework_label.isVisible()

    comment = "開示の範囲を再確認してください"
    version = decisions.get_decisions(ctx, case_id).version
    decisions.return_for_rework(ctx, staff.supervisor, case_id, version, comment)
    panel.reload()
    assert panel.rework_label.isVisible()
    assert comment in panel.rework_label.text()
    assert staff.supervisor.display_name in panel.rework_label.text()
    assert panel.history.rowCount() == 1
    assert panel.history.item(0, 3).text() == comment
    assert editor.outcome_combo.isEnabled()
    assert panel.save_button.isEnabled()
    assert decided.decided_by in panel.status_label.text()


# --- unsaved choices ---------------------------------------------------------------------


def _open_workspace(qtbot: QtBot, gui: GuiContext, staff: Staff, case_id: int) -> CaseWorkspace:
    workspace = CaseWorkspace(gui, staff.clerk, case_id, "R-1")  # deletes itself once closed
    workspace.show()
    qtbot.waitExposed(workspace)
    workspace.tabs.setCurrentWidget(workspace.decision)
    return workspace


def test_esc_in_the_case_window_with_an_unsaved_decision_asks_and_cancel_stays(
    qtbot: QtBot,
    gui: GuiContext,
    ctx: ServiceContext,
    staff: Staff,
    case_id: int,
    messages: RecordingMessages,
) -> None:
    _verifying(ctx, staff, case_id)
    workspace = _open_workspace(qtbot, gui, staff, case_id)
    editor = workspace.decision.editors[RequestKind.DISCLOSURE]
    _choose(editor, Outcome.PARTIAL, HARM_TO_PERSON)
    messages.save_answers.append(SaveChoice.CANCEL)
    qtbot.keyClick(workspace, Qt.Key.Key_Escape)
    assert len(messages.texts("ask_save")) == 1
    assert workspace.isVisible()
    assert editor.outcome_combo.currentData() == Outcome.PARTIAL.value
    messages.save_answers.append(SaveChoice.SAVE)
    workspace.close()
    assert not workspace.isVisible()
    saved = decisions.get_decisions(ctx, case_id).decisions
    assert [(d.outcome, d.reason_codes) for d in saved] == [(Outcome.PARTIAL, (HARM_TO_PERSON,))]


def test_closing_the_case_window_without_changes_does_not_ask(
    qtbot: QtBot,
    gui: GuiContext,
    ctx: ServiceContext,
    staff: Staff,
    case_id: int,
    messages: RecordingMessages,
) -> None:
    _verifying(ctx, staff, case_id)
    workspace = _open_workspace(qtbot, gui, staff, case_id)
    qtbot.keyClick(workspace, Qt.Key.Key_Escape)
    assert not workspace.isVisible()
    assert messages.texts("ask_save") == []


def test_the_picker_offers_only_the_reasons_for_each_kind(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff
) -> None:
    from datetime import date

    from tests.factories import envelope

    kinds = frozenset({RequestKind.CORRECTION, RequestKind.SUSPENSION, RequestKind.DISCLOSURE})
    case_id = cases.log_envelope(
        ctx, staff.clerk, envelope(request_kinds=kinds, received_on=date(2026, 11, 18))
    ).case_id
    _verifying(ctx, staff, case_id)
    panel = _panel(qtbot, gui, staff, case_id)

    def offered(kind: RequestKind) -> set[str]:
        editor = panel.editors[kind]
        return {editor.reason_list.item(row).text() for row in range(editor.reason_list.count())}

    titles = {r.code: r.title_ja for r in SEED_REASONS}
    correction, suspension = offered(RequestKind.CORRECTION), offered(RequestKind.SUSPENSION)
    assert titles["data_is_correct"] in correction
    assert titles[HARM_TO_PERSON] not in correction
    assert titles["no_use_violation"] in suspension
    assert titles["data_is_correct"] not in suspension
    assert titles[HARM_TO_PERSON] in offered(RequestKind.DISCLOSURE)
    assert titles["identity_unconfirmed"] in correction & suspension
