"""The Letters tab: preview, issue, print (recorded, reprint needs a reason), correct, export."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.config import Paths, Settings
from desktop.domain.decisions import FeeStatus, KindDecision, ResponseMethod
from desktop.domain.outcomes import Outcome
from desktop.domain.requests import RequestKind
from desktop.domain.status import CaseStatus
from desktop.gui.context import GuiContext
from desktop.gui.letters_panel import LettersPanel
from desktop.letters import LetterKind
from desktop.services import cases, decisions
from desktop.services.context import ServiceContext
from desktop.store.db import unit_of_work
from desktop.store.letter_models import LetterPrint
from tests.conftest import Staff
from tests.factories import envelope, letterhead
from tests.gui.conftest import RecordingMessages, fake_ui
from tests.letters.pdf_reading import page_texts, squash


@pytest.fixture
def settings(paths: Paths) -> Settings:
    return letterhead(paths)


def approved_case(
    ctx: ServiceContext,
    staff: Staff,
    serial: int = 1,
    method: ResponseMethod = ResponseMethod.PAPER,
    name: str = "山田 太郎",
) -> int:
    """A disclosure request decided in full by the clerk and approved by the supervisor."""
    case_id = cases.log_envelope(ctx, staff.clerk, envelope(serial, sender_name=name)).case_id
    decision = KindDecision(
        RequestKind.DISCLOSURE, Outcome.FULL, method=method, fee_status=FeeStatus.PAID
    )
    version = cases.get_case(ctx, case_id).version
    cases.change_status(ctx, staff.clerk, case_id, version, CaseStatus.VERIFYING)
    version = cases.get_case(ctx, case_id).version
    decisions.record_decisions(ctx, staff.clerk, case_id, version, [decision])
    version = cases.get_case(ctx, case_id).version
    decisions.submit_for_review(ctx, staff.clerk, case_id, version)
    version = cases.get_case(ctx, case_id).version
    decisions.approve(ctx, staff.supervisor, case_id, version)
    return case_id


@dataclass
class PaperTray:
    """Stands in for the printer: keeps what was printed, answers with a printer name."""

    name: str | None = "Office laser"
    printed: list[bytes] = field(default_factory=list)

    def __call__(self, parent: QWidget, pdf: bytes, title: str) -> str | None:
        if self.name is not None:
            self.printed.append(pdf)
        return self.name


def print_records(ctx: ServiceContext) -> list[LetterPrint]:
    with unit_of_work(ctx.sessions) as session:
        rows = list(session.scalars(select(LetterPrint).order_by(LetterPrint.id)))
        session.expunge_all()
        return rows


def open_letters(qtbot: QtBot, gui: GuiContext, staff: Staff, case_id: int) -> LettersPanel:
    panel = LettersPanel(gui, staff.clerk, case_id)
    qtbot.addWidget(panel)
    panel.resize(1000, 620)
    return panel


def issue(panel: LettersPanel, kind: LetterKind = LetterKind.DISCLOSURE) -> None:
    panel.kind_combo.setCurrentIndex(panel.kind_combo.findData(kind.value))
    panel.issue_button.click()


def test_the_decided_letter_is_proposed_and_issued_letters_are_listed(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff
) -> None:
    case_id = approved_case(ctx, staff)
    panel = open_letters(qtbot, gui, staff, case_id)
    assert panel.kind_combo.currentData() == LetterKind.DISCLOSURE.value
    assert "開示決定通知書" in panel.proposed_label.text()
    assert not panel.print_button.isEnabled()

    issue(panel)

    assert panel.tree.topLevelItemCount() == 1
    row = panel.tree.topLevelItem(0)
    assert row is not None
    assert row.text(1) == "1"  # version
    assert row.text(4) == staff.clerk.display_name
    assert panel.print_button.isEnabled()
    assert not panel.send_button.isEnabled()  # nothing printed yet
    assert not panel.zip_button.isEnabled()  # a paper disclosure has no ZIP


def test_printing_prints_the_stored_bytes_and_records_the_print(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff
) -> None:
    case_id = approved_case(ctx, staff)
    panel = open_letters(qtbot, gui, staff, case_id)
    tray = PaperTray()
    fake_ui(gui).print_pdf = tray
    issue(panel)
    panel.print_button.click()

    stored = panel.state.issued[0].stored if panel.state else None
    assert stored is not None
    assert len(tray.printed) == 1
    assert hashlib.sha256(tray.printed[0]).hexdigest() == stored.sha256
    reference = cases.get_case(ctx, case_id).reference
    assert reference in squash(" ".join(page_texts(tray.printed[0])))
    [record] = print_records(ctx)
    assert (record.letter_id, record.printer, record.printed_by) == (
        stored.letter_id,
        "Office laser",
        staff.clerk.user_id,
    )
    assert (record.sha256, record.template_version) == (stored.sha256, stored.template_version)
    assert cases.get_case(ctx, case_id).status is CaseStatus.LETTER_PRINTED
    row = panel.tree.topLevelItem(0)
    assert row is not None
    assert row.childCount() == 1
    child = row.child(0)
    assert child is not None
    assert child.text(6) == "Office laser"  # the printer as the print dialog named it
    assert panel.send_button.isEnabled()


def test_a_reprint_needs_a_reason_and_prints_the_same_bytes(
    qtbot: QtBot,
    gui: GuiContext,
    ctx: ServiceContext,
    staff: Staff,
    messages: RecordingMessages,
) -> None:
    case_id = approved_case(ctx, staff)
    panel = open_letters(qtbot, gui, staff, case_id)
    tray = PaperTray()
    fake_ui(gui).print_pdf = tray
    issue(panel)
    panel.print_button.click()

    messages.text_answers = ["", None]  # a blank reason, then cancel
    panel.print_button.click()
    panel.print_button.click()
    assert len(tray.printed) == 1
    assert len(print_records(ctx)) == 1
    assert messages.texts("warning")  # the blank reason was refused, not silently accepted

    messages.text_answers = ["紙詰まりのため"]
    panel.print_button.click()
    assert len(tray.printed) == 2
    assert tray.printed[1] == tray.printed[0]
    assert [r.reason for r in print_records(ctx)] == ["", "紙詰まりのため"]


def test_a_cancelled_or_failed_print_records_nothing(
    qtbot: QtBot,
    gui: GuiContext,
    ctx: ServiceContext,
    staff: Staff,
    messages: RecordingMessages,
) -> None:
    case_id = approved_case(ctx, staff)
    panel = open_letters(qtbot, gui, staff, case_id)
    fake_ui(gui).print_pdf = PaperTray(name=None)
    issue(panel)
    panel.print_button.click()

    def jammed(parent: QWidget, pdf: bytes, title: str) -> str | None:
        raise OSError("the printer could not be opened")

    fake_ui(gui).print_pdf = jammed
    panel.print_button.click()
    assert any("could not be opened" in text for text in messages.texts("error"))
    assert print_records(ctx) == []
    assert cases.get_case(ctx, case_id).status is CaseStatus.APPROVED


def test_a_correction_asks_why_and_lists_version_two(
    qtbot: QtBot,
    gui: GuiContext,
    ctx: ServiceContext,
    staff: Staff,
    messages: RecordingMessages,
) -> None:
    case_id = approved_case(ctx, staff)
    panel = open_letters(qtbot, gui, staff, case_id)
    issue(panel)
    issue(panel)  # issuing the same kind again is steered to a correction
    assert panel.tree.topLevelItemCount() == 1
    assert messages.texts("warning")

    messages.text_answers = ["宛名の誤記を訂正"]
    panel.correct_button.click()

    assert panel.state is not None
    assert [(s.stored.version, s.current) for s in panel.state.issued] == [(1, False), (2, True)]
    newest = panel.tree.topLevelItem(1)
    assert newest is not None
    assert "宛名の誤記を訂正" in newest.text(6)
    first = panel.tree.topLevelItem(0)
    assert panel.tree.currentItem() is newest
    assert first is not None
    panel.tree.setCurrentItem(first)
    assert not panel.print_button.isEnabled()  # the old version is never printed again
    assert panel.save_button.isEnabled()


def test_preview_shows_the_letter_without_storing_it(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff
) -> None:
    case_id = approved_case(ctx, staff)
    panel = open_letters(qtbot, gui, staff, case_id)
    shown: list[tuple[bytes, str]] = []
    fake_ui(gui).preview_pdf = lambda parent, pdf, title: shown.append((pdf, title))
    panel.preview_button.click()
    [(pdf, title)] = shown
    assert title == "保有個人データ開示決定通知書"
    assert "山田太郎様" in squash(" ".join(page_texts(pdf)))
    assert panel.state is not None
    assert panel.state.issued == ()


def test_save_as_pdf_saves_the_stored_letter(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff
) -> None:
    case_id = approved_case(ctx, staff)
    panel = open_letters(qtbot, gui, staff, case_id)
    saved: list[tuple[bytes, str]] = []
    fake_ui(gui).save_pdf = lambda parent, pdf, name, caption: saved.append((pdf, name)) or None
    issue(panel)
    panel.save_button.click()
    [(pdf, name)] = saved
    assert panel.state is not None
    assert hashlib.sha256(pdf).hexdigest() == panel.state.issued[0].stored.sha256
    assert name.endswith("_disclosure_v1.pdf")


def test_electromagnetic_disclosure_exports_an_encrypted_pdf_and_prints_the_password_apart(
    qtbot: QtBot,
    gui: GuiContext,
    ctx: ServiceContext,
    staff: Staff,
    tmp_path: Path,
    messages: RecordingMessages,
) -> None:
    case_id = approved_case(ctx, staff, method=ResponseMethod.ELECTROMAGNETIC)
    panel = open_letters(qtbot, gui, staff, case_id)
    tray = PaperTray()
    fake_ui(gui).print_pdf = tray
    issue(panel)
    assert panel.zip_button.isEnabled()
    assert not panel.password_button.isEnabled()  # no password before a package exists
    unwritable = tmp_path / "no such folder" / "out.pdf"
    fake_ui(gui).choose_save_path = lambda *_args: unwritable
    panel.zip_button.click()
    assert any(str(unwritable) in text for text in messages.texts("error"))
    assert not panel.password_button.isEnabled()

    target = tmp_path / "out.pdf"
    fake_ui(gui).choose_save_path = lambda *_args: target
    panel.zip_button.click()

    protected = target.read_bytes()
    outputs = [p.name for p in tmp_path.iterdir() if p.name.startswith("out")]
    assert outputs == ["out.pdf"]  # one file: no data in clear beside it
    panel.password_button.click()
    [sheet] = tray.printed
    password = next(iter(panel._passwords.values()))
    with pikepdf.open(io.BytesIO(protected), password=password) as pdf:
        names = list(pdf.attachments)
    assert names == ["data.json"]  # a case with no customer record: no table, no CSV
    assert password in squash(" ".join(page_texts(sheet)))
    assert "開示決定通知書" in squash(" ".join(page_texts(protected, password=password)))
    assert print_records(ctx) == []  # the password sheet is not a letter print


def test_before_approval_only_notices_can_be_issued(
    qtbot: QtBot, gui: GuiContext, staff: Staff, case_id: int
) -> None:
    panel = open_letters(qtbot, gui, staff, case_id)
    assert "No decision" in panel.proposed_label.text()
    panel.kind_combo.setCurrentIndex(panel.kind_combo.findData(LetterKind.DISCLOSURE.value))
    assert not panel.issue_button.isEnabled()

    issue(panel, LetterKind.ACKNOWLEDGEMENT)
    assert panel.state is not None
    assert [s.stored.kind for s in panel.state.issued] == [LetterKind.ACKNOWLEDGEMENT]
