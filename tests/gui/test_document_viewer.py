"""The document viewer: a scan read into a case, its fields beside the page, boxes, corrections."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.domain.documents import DocumentKind, FieldName
from desktop.gui.context import GuiContext
from desktop.gui.document_viewer import DocumentViewer
from desktop.services import documents
from desktop.services.context import ServiceContext
from desktop.store.db import unit_of_work
from desktop.store.models import AuditEvent
from tests.conftest import Staff
from tests.docgen import generate
from tests.gui.conftest import RecordingMessages, fake_ui
from tests.gui.keyboard import commit_text


@pytest.fixture
def licence_scan(tmp_path: Path) -> Path:
    path = tmp_path / "licence.png"
    generate("drivers_license", 11).image.save(path, dpi=(300, 300))
    return path


def _viewer(qtbot: QtBot, gui: GuiContext, staff: Staff, case_id: int) -> DocumentViewer:
    viewer = DocumentViewer(gui, staff.clerk, case_id)
    qtbot.addWidget(viewer)
    viewer.resize(1200, 800)
    viewer.show()
    return viewer


def _actions(ctx: ServiceContext) -> list[str]:
    with unit_of_work(ctx.sessions) as session:
        return list(session.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)))


def test_a_dropped_scan_is_read_and_shown_with_its_fields(
    qtbot: QtBot,
    gui: GuiContext,
    ctx: ServiceContext,
    staff: Staff,
    case_id: int,
    licence_scan: Path,
) -> None:
    viewer = _viewer(qtbot, gui, staff, case_id)
    assert viewer.thumbnails.count() == 0
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(licence_scan))])
    drop = QDropEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    viewer.dropEvent(drop)

    assert viewer.thumbnails.count() == 1
    assert not viewer.thumbnails.item(0).icon().isNull()
    current = viewer.current
    assert current is not None
    assert current.kind is DocumentKind.DRIVERS_LICENSE
    assert viewer.kind_combo.currentData() == "drivers_license"
    assert viewer.field_edits[FieldName.NAME].text() != ""
    assert "document_added" in _actions(ctx)
    assert "document_viewed" in _actions(ctx)

    viewer.field_edits[FieldName.NAME].setFocus()
    qtbot.waitUntil(lambda: viewer.page_view.highlighted is not None, timeout=2000)
    box = current.fields[FieldName.NAME].box
    assert box is not None
    highlighted = viewer.page_view.highlighted
    assert highlighted is not None
    assert (highlighted.left(), highlighted.top()) == (box[0], box[1])


def test_the_pages_chosen_with_add_pages_are_read_and_shown(
    qtbot: QtBot, gui: GuiContext, staff: Staff, case_id: int, licence_scan: Path
) -> None:
    viewer = _viewer(qtbot, gui, staff, case_id)
    asked: list[str] = []

    def choose(_parent: QWidget, caption: str, _filter: str) -> list[Path]:
        asked.append(caption)
        return [licence_scan]

    fake_ui(gui).choose_open_files = choose
    viewer.add_button.click()
    assert asked == ["Add scanned pages"]
    assert viewer.thumbnails.count() == 1
    assert viewer.current is not None
    assert viewer.current.kind is DocumentKind.DRIVERS_LICENSE


def test_choosing_no_file_adds_nothing(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff, case_id: int
) -> None:
    viewer = _viewer(qtbot, gui, staff, case_id)
    viewer.add_button.click()  # the stand-in answers as a cancelled file dialog does
    assert viewer.thumbnails.count() == 0
    assert documents.list_documents(ctx, staff.clerk, case_id) == []


def test_a_correction_is_saved_and_the_reading_kept(
    qtbot: QtBot,
    gui: GuiContext,
    ctx: ServiceContext,
    staff: Staff,
    case_id: int,
    licence_scan: Path,
) -> None:
    viewer = _viewer(qtbot, gui, staff, case_id)
    viewer.add_files([licence_scan])
    read_as = viewer.field_edits[FieldName.NAME].text()
    edit = viewer.field_edits[FieldName.NAME]
    edit.setFocus()
    edit.clear()
    commit_text(edit, "山崎 花子")
    edit.editingFinished.emit()

    (stored,) = documents.list_documents(ctx, staff.clerk, case_id)
    name = stored.fields[FieldName.NAME]
    assert name.value == "山崎 花子"
    assert name.corrected
    assert name.ocr_value == read_as
    assert "document_field_corrected" in _actions(ctx)
    assert viewer.confidence_labels[FieldName.NAME].text() == "✎"


def test_reclassifying_a_page_and_marking_it_the_agents(
    qtbot: QtBot,
    gui: GuiContext,
    ctx: ServiceContext,
    staff: Staff,
    case_id: int,
    licence_scan: Path,
) -> None:
    viewer = _viewer(qtbot, gui, staff, case_id)
    viewer.add_files([licence_scan])
    viewer.holder_combo.setCurrentIndex(viewer.holder_combo.findData("agent"))
    viewer.holder_combo.activated.emit(viewer.holder_combo.currentIndex())
    (stored,) = documents.list_documents(ctx, staff.clerk, case_id)
    assert stored.holder == "agent"
    assert viewer.current is not None
    assert viewer.current.holder == "agent"


def _type(qtbot: QtBot, edit: QWidget, text: str) -> None:
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:
        commit_text(edit, text)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("S40.1.15", "1965-01-15"), ("昭和40年1月15日", "1965-01-15"), ("1965/1/15", "1965-01-15")],
)
def test_a_typed_era_date_is_stored_as_the_date(
    qtbot: QtBot,
    gui: GuiContext,
    ctx: ServiceContext,
    staff: Staff,
    case_id: int,
    licence_scan: Path,
    typed: str,
    stored: str,
) -> None:
    viewer = _viewer(qtbot, gui, staff, case_id)
    viewer.add_files([licence_scan])
    edit = viewer.field_edits[FieldName.BIRTH_DATE]
    edit.setFocus()
    edit.clear()
    _type(qtbot, edit, typed)
    assert "昭和40年1月15日" in viewer.date_inputs[FieldName.BIRTH_DATE].hint.text()  # as typed
    edit.editingFinished.emit()

    (document,) = documents.list_documents(ctx, staff.clerk, case_id)
    assert document.fields[FieldName.BIRTH_DATE].value == stored
    assert document.fields[FieldName.BIRTH_DATE].corrected


def test_an_unreadable_date_is_refused_and_never_stored(
    qtbot: QtBot,
    gui: GuiContext,
    ctx: ServiceContext,
    staff: Staff,
    case_id: int,
    licence_scan: Path,
    messages: RecordingMessages,
) -> None:
    viewer = _viewer(qtbot, gui, staff, case_id)
    viewer.add_files([licence_scan])
    (before,) = documents.list_documents(ctx, staff.clerk, case_id)
    edit = viewer.field_edits[FieldName.BIRTH_DATE]
    edit.setFocus()
    edit.clear()
    _type(qtbot, edit, "S36.13.40")
    edit.editingFinished.emit()

    assert len(messages.texts("warning")) == 1
    (after,) = documents.list_documents(ctx, staff.clerk, case_id)
    assert after.fields[FieldName.BIRTH_DATE] == before.fields[FieldName.BIRTH_DATE]


def test_the_service_refuses_a_raw_text_date(
    ctx: ServiceContext, staff: Staff, case_id: int, licence_scan: Path
) -> None:
    from desktop.domain.errors import KnownError
    from desktop.services import scanning

    scanning.scan_into_case(ctx, staff.clerk, case_id, [licence_scan])
    (document,) = documents.list_documents(ctx, staff.clerk, case_id)
    with pytest.raises(KnownError):
        documents.correct_field(
            ctx, staff.clerk, document.document_id, document.version, FieldName.EXPIRY_DATE, "来年"
        )
