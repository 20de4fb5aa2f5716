"""One case from the envelope to closed, through the windows a clerk and a supervisor use.

The clerk logs the envelope with the keyboard, scans the enclosures, checks the form, decides;
the supervisor approves from the review queue; the clerk issues and prints the letter (to PDF),
records the registered-mail number with the barcode scanner and closes the case. The audit log
then tells that story in order.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.config import Paths, Settings
from desktop.domain.decisions import FeeStatus, ResponseMethod
from desktop.domain.outcomes import Outcome
from desktop.domain.requests import RequestKind
from desktop.domain.status import CaseStatus
from desktop.gui.context import GuiContext
from desktop.gui.intake_dialog import IntakeDialog
from desktop.gui.mail_dialogs import OutgoingMailDialog
from desktop.gui.main_window import MainWindow
from desktop.gui.review_queue import ReviewQueueDialog
from desktop.letters import LetterKind
from desktop.services import cases, documents
from desktop.services.context import ServiceContext
from desktop.store.audit import verify_chain
from desktop.store.db import unit_of_work
from desktop.store.models import AuditEvent
from tests.conftest import Staff
from tests.docgen import generate
from tests.factories import letterhead
from tests.gui.conftest import RecordingMessages, fake_ui, tracking_number
from tests.gui.keyboard import focused, type_here
from tests.gui.test_letters_panel import PaperTray
from tests.gui.test_main_window import _type_envelope
from tests.letters.pdf_reading import page_texts, squash


@pytest.fixture
def settings(paths: Paths) -> Settings:
    return letterhead(paths)


def _story(ctx: ServiceContext, case_id: int) -> list[tuple[str, str]]:
    with unit_of_work(ctx.sessions) as session:
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.case_id == case_id).order_by(AuditEvent.seq)
        )
        story = []
        for event in events:
            status = event.changes.get("status") if isinstance(event.changes, dict) else None
            after = status.get("after") if isinstance(status, dict) else ""
            story.append((event.action, str(after or "")))
        return story


def test_an_envelope_goes_all_the_way_to_closed(  # noqa: PLR0915 - one story, told in order
    qtbot: QtBot,
    gui: GuiContext,
    ctx: ServiceContext,
    staff: Staff,
    messages: RecordingMessages,
    tmp_path: Path,
) -> None:
    # 1. The clerk logs the envelope with the keyboard (no cover sheet this time).
    window = MainWindow(gui, staff.clerk)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.open_intake()
    dialog = window.intake_dialog
    assert isinstance(dialog, IntakeDialog)
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(dialog.ui.trackingEdit.hasFocus)
    _type_envelope(qtbot, dialog, tracking_number(700))
    assert dialog.logged is not None
    case_id, reference = dialog.logged.case_id, dialog.logged.reference
    qtbot.waitUntil(lambda: window.selected_case_id() == case_id)

    # 2. The enclosures are scanned into the case: read, kind recognised, stored.
    window.detail.open_workspace()
    workspace = window.detail.workspaces[case_id]
    qtbot.addWidget(workspace)
    scan = tmp_path / "licence.png"
    generate("drivers_license", 70).image.save(scan, dpi=(300, 300))
    workspace.documents.add_files([scan])
    assert workspace.documents.thumbnails.count() == 1
    (page,) = documents.list_documents(ctx, staff.clerk, case_id)
    assert page.kind.value == "drivers_license"

    # 3. Verification: the clerk confirms the form is signed and complete.
    workspace.tabs.setCurrentWidget(workspace.verification)
    workspace.verification.signed_check.setChecked(True)
    workspace.verification.complete_check.setChecked(True)
    workspace.verification.save_form_button.click()
    combo = window.detail.ui.nextStatusCombo
    combo.setCurrentIndex(combo.findData(CaseStatus.VERIFYING.value))
    window.detail.ui.changeStatusButton.click()
    assert cases.get_case(ctx, case_id).status is CaseStatus.VERIFYING

    # 4. The decision: disclose in full on paper, fee paid; then ask for review.
    workspace.tabs.setCurrentWidget(workspace.decision)
    panel = workspace.decision
    editor = panel.editors[RequestKind.DISCLOSURE]
    editor.outcome_combo.setCurrentIndex(editor.outcome_combo.findData(Outcome.FULL.value))
    editor.method_combo.setCurrentIndex(editor.method_combo.findData(ResponseMethod.PAPER.value))
    editor.fee_combo.setCurrentIndex(editor.fee_combo.findData(FeeStatus.PAID.value))
    panel.save_button.click()
    assert cases.get_case(ctx, case_id).status is CaseStatus.DECIDED, messages.said
    panel.submit_button.click()
    assert cases.get_case(ctx, case_id).status is CaseStatus.IN_REVIEW

    # 5. The supervisor approves it from the review queue.
    queue = ReviewQueueDialog(gui, staff.supervisor)
    qtbot.addWidget(queue)
    assert [item.reference for item in queue.items] == [reference]
    queue.table.selectRow(0)
    messages.confirm_answers = [True]
    queue.approve_button.click()
    assert cases.get_case(ctx, case_id).status is CaseStatus.APPROVED

    # 6. The clerk issues the letter and prints it (to PDF).
    letters = workspace.letters
    letters.reload()
    letters.kind_combo.setCurrentIndex(letters.kind_combo.findData(LetterKind.DISCLOSURE.value))
    letters.issue_button.click()
    tray = PaperTray(name="PDF")
    fake_ui(gui).print_pdf = tray
    letters.print_button.click()
    assert tray.printed, messages.said
    (printed,) = tray.printed
    (tmp_path / "letter.pdf").write_bytes(printed)
    text = squash("".join(page_texts(printed)))
    assert reference in text
    assert squash("鈴木 一郎") in text
    assert cases.get_case(ctx, case_id).status is CaseStatus.LETTER_PRINTED

    # 7. Sent by registered mail: the barcode scanner types the number and Enter, the clerk
    # records it with Ctrl+Enter.
    letters.send_button.click()
    mail = letters.mail_dialog
    assert isinstance(mail, OutgoingMailDialog)
    mail.show()
    qtbot.waitExposed(mail)
    mail.activateWindow()  # the clerk's window is the active one
    qtbot.waitUntil(mail.isActiveWindow)
    mail.number.edit.setFocus()
    qtbot.waitUntil(lambda: focused() is mail.number.edit)
    outgoing = tracking_number(701)
    type_here(qtbot, outgoing)
    qtbot.keyClick(mail.number.edit, Qt.Key.Key_Return)
    assert cases.get_case(ctx, case_id).status is CaseStatus.LETTER_PRINTED  # Enter never saves
    qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert cases.get_case(ctx, case_id).status is CaseStatus.SENT

    # 8. Nothing came back: the case is closed.
    messages.confirm_answers = [True]
    letters.reload()
    letters.close_button.click()
    assert cases.get_case(ctx, case_id).status is CaseStatus.CLOSED

    # The audit log tells the story, in order, and its chain is intact.
    story = _story(ctx, case_id)
    actions = [action for action, _ in story]
    milestones = [
        "case_created",
        "document_added",
        "form_checked",
        "decisions_recorded",
        "letter_issued",
        "letter_printed",
    ]
    positions = [actions.index(m) for m in milestones]
    assert positions == sorted(positions)
    statuses = [after for action, after in story if after]
    assert statuses[-5:] == ["in_review", "approved", "letter_printed", "sent", "closed"]
    with unit_of_work(ctx.sessions) as session:
        assert verify_chain(session).ok
