"""Scans without a chosen case: the scanner's watched folder, the inbox."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.domain.documents import DocumentKind
from desktop.gui.context import GuiContext
from desktop.gui.main_window import MainWindow
from desktop.gui.scan_controller import ScanController
from desktop.gui.scan_intake import InboxDialog
from desktop.intake import sane
from desktop.intake.refusals import ScannerError
from desktop.services import cases, documents
from desktop.services.context import ServiceContext
from tests.conftest import Staff
from tests.docgen import generate
from tests.factories import envelope
from tests.gui.conftest import RecordingMessages
from tests.intake.test_sane import fake  # noqa: F401 - the stand-in scanimage fixture
from tests.services.test_documents import _page


def scans(window: MainWindow) -> ScanController:
    assert window.scans is not None
    return window.scans


def test_a_file_the_scanner_saves_is_offered_and_added_to_the_selected_case(
    qtbot: QtBot,
    gui: GuiContext,
    ctx: ServiceContext,
    staff: Staff,
    tmp_path: Path,
) -> None:
    folder = tmp_path / "scanner"
    folder.mkdir()
    gui.services = replace(ctx, settings=replace(ctx.settings, watched_folder=str(folder)))
    case_id = cases.log_envelope(ctx, staff.clerk, envelope()).case_id
    window = MainWindow(gui, staff.clerk)
    qtbot.addWidget(window)
    window.show()
    monitor = scans(window).scan_monitor
    assert monitor is not None
    monitor.timer.stop()
    monitor.watch.settle_seconds = 0
    reference = cases.get_case(ctx, case_id).reference
    window.show_case(case_id, reference)
    qtbot.waitUntil(lambda: window.selected_case_id() == case_id)

    scan = folder / "scan_0001.png"
    generate("drivers_license", 51).image.save(scan, dpi=(300, 300))
    monitor.poll()  # first sight: still being written, perhaps
    assert not window.new_scans.isVisibleTo(window)
    monitor.poll()
    assert window.new_scans.isVisibleTo(window)
    assert "scan_0001.png" in window.new_scans.text.text()

    window.new_scans.add_button.click()
    (stored,) = documents.list_documents(ctx, staff.clerk, case_id)
    assert stored.kind is DocumentKind.DRIVERS_LICENSE
    assert not scan.exists()
    assert (folder / "取込済み" / "scan_0001.png").exists()
    assert not window.new_scans.isVisibleTo(window)
    monitor.poll()
    assert not window.new_scans.isVisibleTo(window)
    workspace = window.detail.workspaces[case_id]
    qtbot.addWidget(workspace)
    assert workspace.documents.thumbnails.count() == 1


def test_inbox_pages_are_moved_to_the_case_typed(
    qtbot: QtBot,
    gui: GuiContext,
    ctx: ServiceContext,
    staff: Staff,
    messages: RecordingMessages,
) -> None:
    case_id = cases.log_envelope(ctx, staff.clerk, envelope()).case_id
    reference = cases.get_case(ctx, case_id).reference
    documents.add_pages(ctx, staff.clerk, None, [_page("one"), _page("two")])
    dialog = InboxDialog(gui, staff.clerk)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 2
    assert not dialog.list.item(0).icon().isNull()

    dialog.list.item(0).setSelected(True)
    dialog.reference_edit.setText("KD2026-999999")
    dialog.assign_button.click()
    assert "KD2026-999999" in messages.texts("error")[0]
    assert dialog.list.count() == 2

    dialog.reference_edit.setText(reference)
    dialog.assign_button.click()
    assert dialog.list.count() == 1
    assert len(documents.list_documents(ctx, staff.clerk, case_id)) == 1


@pytest.mark.usefixtures("fake")
def test_the_scanner_menu_entry_shows_only_when_sane_finds_a_scanner(
    qtbot: QtBot, gui: GuiContext, staff: Staff, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_scanner = MainWindow(gui, staff.clerk)
    qtbot.addWidget(with_scanner)
    assert scans(with_scanner).scanner_action.isVisible()
    monkeypatch.setenv("FAKE_DEVICES", "")
    without = MainWindow(gui, staff.clerk)
    qtbot.addWidget(without)
    assert not scans(without).scanner_action.isVisible()


def test_a_scanner_probe_that_fails_says_so_in_the_status_bar(
    qtbot: QtBot, gui: GuiContext, staff: Staff, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused() -> bool:
        raise ScannerError("スキャナーが応答しません。", "the scanner does not answer.")

    monkeypatch.setattr(sane, "available", refused)
    window = MainWindow(gui, staff.clerk)
    qtbot.addWidget(window)
    assert "スキャナーが応答しません。" in window.statusBar().currentMessage()
    assert not scans(window).scanner_action.isVisible()


def test_a_scanner_probe_that_breaks_reaches_the_crash_handler(
    qtbot: QtBot,
    gui: GuiContext,
    staff: Staff,
    monkeypatch: pytest.MonkeyPatch,
    bugs: list[BaseException],
) -> None:
    def broken() -> bool:
        raise RuntimeError("scanimage printed nonsense")

    monkeypatch.setattr(sane, "available", broken)
    window = MainWindow(gui, staff.clerk)
    qtbot.addWidget(window)
    assert [str(bug) for bug in bugs] == ["scanimage printed nonsense"]
    bugs.clear()
    assert not scans(window).scanner_action.isVisible()
