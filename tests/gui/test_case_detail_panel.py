"""The detail panel: stale saves, status moves (backward ones need a reason), roles."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.domain.requests import RequestKind
from desktop.domain.status import CaseStatus
from desktop.gui.case_detail_panel import CaseDetailPanel
from desktop.gui.context import GuiContext
from desktop.services import cases
from desktop.services.context import ServiceContext
from tests.conftest import Staff
from tests.gui.conftest import RecordingMessages, open_panel
from tests.gui.keyboard import commit_text
from tests.workflow import move


def _choose(panel: CaseDetailPanel, target: CaseStatus) -> None:
    combo = panel.ui.nextStatusCombo
    index = combo.findData(target.value)
    assert index >= 0, f"{target} is not offered"
    combo.setCurrentIndex(index)


def test_shows_the_deadline_with_its_era(
    qtbot: QtBot, gui: GuiContext, staff: Staff, case_id: int
) -> None:
    panel = open_panel(qtbot, gui, staff.clerk, case_id)
    # Received 11/18, APPI target 14 days (first day not counted): due 12/02.
    assert panel.ui.dueLabel.text() == "2026/12/02（令和8年12月2日）"
    assert panel.ui.referenceLabel.text().startswith("KD2026-")
    assert panel.ui.nameEdit.text() == "山田 太郎"


def test_stale_save_says_so_and_reloads_the_new_version(
    qtbot: QtBot,
    gui: GuiContext,
    ctx: ServiceContext,
    staff: Staff,
    case_id: int,
    messages: RecordingMessages,
) -> None:
    panel = open_panel(qtbot, gui, staff.clerk, case_id)
    loaded = panel.detail
    assert loaded is not None
    # Another workstation saves the same case first.
    cases.update_case(ctx, staff.clerk2, case_id, loaded.version, {"sender_kana": "ヤマダ タロウ"})
    panel.ui.nameEdit.clear()
    commit_text(panel.ui.nameEdit, "山田 次郎")
    assert panel.ui.saveButton.isEnabled()
    panel.ui.saveButton.click()
    assert len(messages.texts("warning")) == 1
    assert "別の端末で変更されました" in messages.texts("warning")[0]
    fresh = cases.get_case(ctx, case_id)
    assert fresh.sender_name == "山田 太郎"  # the stale edit was not saved
    assert panel.detail is not None
    assert panel.detail.version == fresh.version
    assert panel.ui.kanaEdit.text() == "ヤマダ タロウ"
    assert panel.ui.nameEdit.text() == "山田 太郎"
    assert not panel.ui.saveButton.isEnabled()


def test_edits_are_saved_with_the_version(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff, case_id: int
) -> None:
    panel = open_panel(qtbot, gui, staff.clerk, case_id)
    version = panel.detail.version  # type: ignore[union-attr]
    panel.ui.postalEdit.setText("100-0001")
    panel.kind_checks[RequestKind.CORRECTION].setChecked(True)
    panel.ui.saveButton.click()
    saved = cases.get_case(ctx, case_id)
    assert saved.sender_postal_code == "100-0001"
    assert set(saved.kinds) == {RequestKind.DISCLOSURE, RequestKind.CORRECTION}
    assert saved.version > version
    assert panel.detail is not None
    assert panel.detail.version == saved.version


def test_backward_move_asks_for_a_reason_and_cancel_changes_nothing(
    qtbot: QtBot,
    gui: GuiContext,
    ctx: ServiceContext,
    staff: Staff,
    case_id: int,
    messages: RecordingMessages,
) -> None:
    move(ctx, staff, case_id, CaseStatus.SCANNED, CaseStatus.VERIFYING)
    panel = open_panel(qtbot, gui, staff.clerk, case_id)
    _choose(panel, CaseStatus.SCANNED)
    messages.text_answers.append(None)  # the clerk cancels the reason dialog
    panel.ui.changeStatusButton.click()
    assert [kind for kind, _ in messages.said] == ["ask_text"]
    assert cases.get_case(ctx, case_id).status is CaseStatus.VERIFYING
    assert panel.detail is not None
    assert panel.detail.status is CaseStatus.VERIFYING

    messages.text_answers.append("本人確認書類の再スキャンが必要")
    panel.ui.changeStatusButton.click()
    assert cases.get_case(ctx, case_id).status is CaseStatus.SCANNED
    assert panel.detail.status is CaseStatus.SCANNED


def test_forward_move_needs_no_reason(
    qtbot: QtBot,
    gui: GuiContext,
    ctx: ServiceContext,
    staff: Staff,
    case_id: int,
    messages: RecordingMessages,
) -> None:
    panel = open_panel(qtbot, gui, staff.clerk, case_id)
    _choose(panel, CaseStatus.SCANNED)
    panel.ui.changeStatusButton.click()
    assert messages.said == []
    assert cases.get_case(ctx, case_id).status is CaseStatus.SCANNED


def test_only_allowed_moves_are_offered_and_approval_is_left_to_the_review_queue(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff, case_id: int
) -> None:
    move(ctx, staff, case_id, CaseStatus.VERIFYING, CaseStatus.DECIDED, CaseStatus.IN_REVIEW)
    clerk_panel = open_panel(qtbot, gui, staff.clerk, case_id)
    offered = {
        clerk_panel.ui.nextStatusCombo.itemData(i)
        for i in range(clerk_panel.ui.nextStatusCombo.count())
    } - {None}  # the "(choose…)" line: withdrawal is never chosen for the clerk
    assert offered == {CaseStatus.WITHDRAWN.value}
    supervisor_panel = open_panel(qtbot, gui, staff.supervisor, case_id)
    offered = {
        supervisor_panel.ui.nextStatusCombo.itemData(i)
        for i in range(supervisor_panel.ui.nextStatusCombo.count())
    } - {None}
    # Approving or returning happens in the review queue, which knows who decided.
    assert offered == {CaseStatus.WITHDRAWN.value}


def test_without_a_user_nothing_is_editable(qtbot: QtBot, gui: GuiContext, case_id: int) -> None:
    panel = CaseDetailPanel(gui, None)
    qtbot.addWidget(panel)
    panel.show_case(case_id)
    assert not panel.ui.nameEdit.isEnabled()
    assert not panel.ui.statusBox.isVisibleTo(panel)


def test_after_a_conflict_the_typed_values_can_be_entered_again(
    qtbot: QtBot,
    gui: GuiContext,
    ctx: ServiceContext,
    staff: Staff,
    case_id: int,
    messages: RecordingMessages,
) -> None:
    panel = open_panel(qtbot, gui, staff.clerk, case_id)
    loaded = panel.detail
    assert loaded is not None
    cases.update_case(ctx, staff.clerk2, case_id, loaded.version, {"sender_kana": "ヤマダ タロウ"})
    panel.ui.nameEdit.clear()
    commit_text(panel.ui.nameEdit, "山田 次郎")
    messages.confirm_answers.append(True)  # enter my values again
    panel.ui.saveButton.click()
    offered = messages.texts("confirm")
    assert len(offered) == 1
    assert "山田 太郎" in offered[0]  # the saved value...
    assert "山田 次郎" in offered[0]  # ...beside the typed one
    assert panel.ui.kanaEdit.text() == "ヤマダ タロウ"  # the other workstation's change
    assert panel.ui.nameEdit.text() == "山田 次郎"  # the clerk's typing, not thrown away
    assert panel.ui.saveButton.isEnabled()
    panel.ui.saveButton.click()
    saved = cases.get_case(ctx, case_id)
    assert (saved.sender_name, saved.sender_kana) == ("山田 次郎", "ヤマダ タロウ")
