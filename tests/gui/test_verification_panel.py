"""The verification panel: three addresses aligned, the checklist, evidence, overrides, seals."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from desktop.domain.requests import RequesterType
from desktop.domain.verification import SealJudgement, Severity
from desktop.gui.case_workspace import CaseWorkspace
from desktop.gui.context import GuiContext
from desktop.gui.verification_panel import DIFFERENT
from desktop.services import cases, documents, verification
from desktop.services.context import ServiceContext
from desktop.services.customer_search import link_customer
from tests.conftest import Staff
from tests.factories import envelope
from tests.gui.conftest import fake_ui, open_panel
from tests.services.test_verification import _customer, _licence


def _moved_case(ctx: ServiceContext, staff: Staff, **overrides: object) -> int:
    """The form and the licence show a new address; the registry has the old one."""
    case_id = cases.log_envelope(
        ctx, staff.clerk, envelope(sender_address="東京都新宿区西新宿三丁目5番2号", **overrides)
    ).case_id
    documents.add_pages(ctx, staff.clerk, case_id, [_licence("東京都新宿区西新宿3-5-2")])
    link_customer(ctx, staff.clerk, case_id, cases.get_case(ctx, case_id).version, _customer(ctx))
    return case_id


def _workspace(qtbot: QtBot, gui: GuiContext, staff: Staff, case_id: int) -> CaseWorkspace:
    panel = open_panel(qtbot, gui, staff.clerk, case_id)
    assert panel.ui.workspaceButton.isVisible()
    panel.ui.workspaceButton.click()
    window = panel.workspaces[case_id]
    qtbot.addWidget(window)
    return window


def test_the_three_addresses_are_aligned_and_the_differences_stand_out(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff
) -> None:
    window = _workspace(qtbot, gui, staff, _moved_case(ctx, staff))
    panel = window.verification
    table = panel.particulars
    headers = [table.verticalHeaderItem(r).text() for r in range(table.rowCount())]
    chome = headers.index("Chōme")
    form, card, registered = (table.item(chome, c) for c in range(3))
    assert (form.text(), card.text(), registered.text()) == ("3", "3", "2")
    assert registered.background().color() == DIFFERENT
    town = headers.index("Town")
    assert table.item(town, 2).background().color() != DIFFERENT
    assert "不備" in panel.overall_label.text()


def test_a_findings_evidence_opens_the_page(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff
) -> None:
    case_id = _moved_case(ctx, staff)
    window = _workspace(qtbot, gui, staff, case_id)
    panel = window.verification
    view = panel.current_view
    assert view is not None
    row = next(
        i
        for i, f in enumerate(view.findings)
        if any(ref.document_id for ref in f.evidence) and f.code.startswith("address")
    )
    panel.checklist.selectRow(row)
    assert panel.evidence_button.isEnabled()
    panel.evidence_button.click()
    assert window.tabs.currentWidget() is window.documents
    assert window.documents.current is not None
    assert window.documents.page_view.highlighted is not None


def test_an_override_with_a_comment_changes_the_result(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff
) -> None:
    case_id = _moved_case(ctx, staff)
    panel = _workspace(qtbot, gui, staff, case_id).verification
    view = panel.current_view
    assert view is not None
    row, finding = next(
        (i, f) for i, f in enumerate(view.findings) if f.severity is Severity.BLOCKING
    )
    fake_ui(gui).ask_override = lambda *_args: (Severity.NEEDS_LOOK, "電話で転居を確認済み")
    panel.checklist.selectRow(row)
    panel.override_button.click()
    after = verification.view(ctx, case_id)
    changed = next(f for f in after.findings if f.code == finding.code)
    assert changed.effective_severity is Severity.NEEDS_LOOK
    assert "電話で転居を確認済み" in panel.checklist.item(row, 2).text()
    assert "要確認" in panel.checklist.item(row, 0).text()


def test_an_appointed_agent_case_records_the_seal_judgement(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff
) -> None:
    case_id = _moved_case(
        ctx, staff, requester_type=RequesterType.APPOINTED_AGENT, sender_birth_date=date(1985, 1, 1)
    )
    panel = _workspace(qtbot, gui, staff, case_id).verification
    assert panel.seal_box.isVisibleTo(panel)
    panel.seal_buttons[SealJudgement.CANNOT_TELL].click()
    assert verification.view(ctx, case_id).seal_judgement is SealJudgement.CANNOT_TELL
    assert panel.seal_buttons[SealJudgement.CANNOT_TELL].isChecked()


def test_a_principal_case_has_no_seal_section_and_the_form_check_is_saved(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff
) -> None:
    case_id = _moved_case(ctx, staff)
    panel = _workspace(qtbot, gui, staff, case_id).verification
    assert not panel.seal_box.isVisibleTo(panel)
    panel.signed_check.setChecked(True)
    panel.complete_check.setChecked(True)
    panel.save_form_button.click()
    view = verification.view(ctx, case_id)
    assert (view.form_signed, view.form_complete) == (True, True)
