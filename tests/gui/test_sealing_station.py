"""The sealing station in the print queue: scans typed by a barcode scanner (text + Enter)."""

from __future__ import annotations

import pypdfium2
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.config import Paths, Settings
from desktop.domain.sealing import label_code, letter_key, page_code
from desktop.gui.context import GuiContext
from desktop.gui.print_queue import PrintQueueDialog
from desktop.gui.sealing_station import SealingStationDialog
from desktop.services import letters
from desktop.services.context import ServiceContext
from desktop.services.letters import StoredLetter
from desktop.store.db import unit_of_work
from desktop.store.models import AuditEvent
from tests.conftest import Staff
from tests.factories import letterhead
from tests.gui.conftest import RecordingMessages
from tests.gui.test_print_queue import queued  # noqa: F401 - the fixture


@pytest.fixture
def settings(paths: Paths) -> Settings:
    return letterhead(paths)


@pytest.fixture
def queue(qtbot: QtBot, gui: GuiContext, staff: Staff) -> PrintQueueDialog:
    dialog = PrintQueueDialog(gui, staff.clerk)
    qtbot.addWidget(dialog)
    return dialog


def _station(queue: PrintQueueDialog) -> SealingStationDialog:
    """The station as the clerk opens it: the print queue's button."""
    queue.sealing_button.click()
    [station] = queue.findChildren(SealingStationDialog)
    return station


def _scan(qtbot: QtBot, station: SealingStationDialog, text: str) -> None:
    """What a barcode scanner does: the characters, then Enter."""
    qtbot.keyClicks(station.scan, text)
    qtbot.keyClick(station.scan, Qt.Key.Key_Return)


def _codes(ctx: ServiceContext, staff: Staff, letter: StoredLetter) -> tuple[list[str], str]:
    key = letter_key(letter.reference, letter.kind.value, letter.version)
    document = pypdfium2.PdfDocument(letters.letter_pdf(ctx, staff.clerk, letter.letter_id))
    pages = len(document)
    document.close()
    return [page_code(key, n, pages) for n in range(1, pages + 1)], label_code(key)


def _audited(ctx: ServiceContext) -> list[str]:
    with unit_of_work(ctx.sessions) as session:
        rows = session.scalars(
            select(AuditEvent.action)
            .where(AuditEvent.action.like("envelope_%"))
            .order_by(AuditEvent.id)
        )
        return list(rows)


def test_the_right_envelope_is_accepted(
    qtbot: QtBot,
    queue: PrintQueueDialog,
    ctx: ServiceContext,
    staff: Staff,
    messages: RecordingMessages,
    queued: dict[str, StoredLetter],  # noqa: F811
) -> None:
    station = _station(queue)
    pages, label = _codes(ctx, staff, queued["山田 太郎"])
    for code in pages:
        _scan(qtbot, station, code)
    assert station.page_list.count() == len(pages)
    _scan(qtbot, station, label)

    assert messages.texts("error") == []
    assert "OK" in station.status.text()
    assert _audited(ctx) == ["envelope_sealed"]
    assert station.pages == []  # ready for the next envelope
    assert station.isVisible()


def test_a_page_of_another_letter_is_refused_at_once_loudly_and_audited(
    qtbot: QtBot,
    queue: PrintQueueDialog,
    ctx: ServiceContext,
    staff: Staff,
    messages: RecordingMessages,
    queued: dict[str, StoredLetter],  # noqa: F811
) -> None:
    station = _station(queue)
    mine, _ = _codes(ctx, staff, queued["山田 太郎"])
    theirs, _ = _codes(ctx, staff, queued["佐藤 花子"])
    _scan(qtbot, station, mine[0])
    _scan(qtbot, station, theirs[0])

    [error] = messages.texts("error")
    assert "別の通知書のページが混ざっています" in error
    assert "A page of another letter" in error
    assert _audited(ctx) == ["envelope_refused"]
    assert station.page_list.count() == 0


def test_another_cases_label_is_refused(
    qtbot: QtBot,
    queue: PrintQueueDialog,
    ctx: ServiceContext,
    staff: Staff,
    messages: RecordingMessages,
    queued: dict[str, StoredLetter],  # noqa: F811
) -> None:
    station = _station(queue)
    pages, _ = _codes(ctx, staff, queued["山田 太郎"])
    _, other_label = _codes(ctx, staff, queued["佐藤 花子"])
    for code in pages:
        _scan(qtbot, station, code)
    _scan(qtbot, station, other_label)
    [error] = messages.texts("error")
    assert "宛名ラベル・書留の控えがこの通知書の宛先のものではありません" in error
    assert _audited(ctx) == ["envelope_refused"]


def test_an_unreadable_scan_is_kept_nowhere_and_enter_saves_nothing(
    qtbot: QtBot,
    queue: PrintQueueDialog,
    ctx: ServiceContext,
    staff: Staff,
    messages: RecordingMessages,
    queued: dict[str, StoredLetter],  # noqa: F811
) -> None:
    station = _station(queue)
    _scan(qtbot, station, "HELLO")
    assert "HELLO" in station.status.text()
    assert station.page_list.count() == 0
    qtbot.keyClick(station, Qt.Key.Key_Return)  # a stray Enter neither closes nor records
    assert station.isVisible()
    assert _audited(ctx) == []
    assert messages.texts("error") == []
