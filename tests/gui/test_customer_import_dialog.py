"""Importing the registry from the dialog: preview, mapping, saved mapping per source, report."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.gui.context import GuiContext
from desktop.gui.customer_import_dialog import CustomerImportDialog
from desktop.gui.operations import Deliver, ImmediateExecutor, OperationRunner
from desktop.services import customers
from desktop.services.context import CurrentUser, ServiceContext
from desktop.services.customers import load_saved_mapping
from desktop.store.db import unit_of_work
from desktop.store.models import Customer
from tests.conftest import Staff
from tests.gui.conftest import RecordingMessages, fake_ui
from tests.gui.keyboard import commit_text

# An older system's export: its own headers, Shift_JIS, one bad row.
LINES = [
    "会員ID,お名前,ﾌﾘｶﾞﾅ,誕生日,〒,所在地,会員種別",
    "M-1,髙橋 一郎,ﾀｶﾊｼ ｲﾁﾛｳ,昭和50年3月4日,160-0023,東京都新宿区西新宿二丁目8番1号,一般",
    "M-2,佐藤 花子,ｻﾄｳ ﾊﾅｺ,2月30日,100-0005,東京都千代田区丸の内一丁目1番1号,一般",
    "M-3,鈴木 誠,ｽｽﾞｷ ﾏｺﾄ,1960-12-31,530-0001,大阪府大阪市北区梅田1-1-1,プレミアム",
]


def _csv(tmp_path: Path) -> Path:
    path = tmp_path / "members.csv"
    path.write_bytes("\r\n".join(LINES).encode("cp932") + b"\r\n")
    return path


def _dialog(qtbot: QtBot, gui: GuiContext, user: CurrentUser, path: Path) -> CustomerImportDialog:
    fake_ui(gui).choose_open_file = lambda *_args: path
    dialog = CustomerImportDialog(gui, user)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _choose(dialog: CustomerImportDialog, field: str, column: str) -> None:
    combo = dialog.column_combo(field)
    combo.setCurrentIndex(combo.findData(column))


def _customer_numbers(ctx: ServiceContext) -> list[str]:
    with unit_of_work(ctx.sessions) as session:
        return sorted(session.execute(select(Customer.customer_no)).scalars())


def test_map_columns_import_and_see_the_rejected_row(
    qtbot: QtBot,
    gui: GuiContext,
    ctx: ServiceContext,
    staff: Staff,
    tmp_path: Path,
    messages: RecordingMessages,
) -> None:
    dialog = _dialog(qtbot, gui, staff.admin, _csv(tmp_path))
    qtbot.mouseClick(dialog.ui.browseButton, Qt.MouseButton.LeftButton)

    assert dialog.preview is not None
    assert dialog.preview.encoding == "cp932"  # detected
    assert dialog.ui.previewTable.item(0, 1).text() == "髙橋 一郎"
    assert dialog.ui.previewTable.rowCount() == 3
    assert not dialog.ui.importButton.isEnabled()  # no column for the number and name yet

    for field, column in (
        ("customer_no", "会員ID"),
        ("name", "お名前"),
        ("name_kana", "ﾌﾘｶﾞﾅ"),
        ("birth_date", "誕生日"),
        ("address", "所在地"),
    ):
        _choose(dialog, field, column)
    assert dialog.ui.importButton.isEnabled()
    dialog.ui.sourceCombo.setFocus()
    commit_text(dialog.ui.sourceCombo.lineEdit(), "旧会員システム")

    with qtbot.waitSignal(dialog.imported):
        qtbot.mouseClick(dialog.ui.importButton, Qt.MouseButton.LeftButton)

    assert _customer_numbers(ctx) == ["M-1", "M-3"]
    assert dialog.report is not None
    assert "2" in dialog.ui.reportLabel.text()
    assert dialog.ui.rejectedTable.isVisible()
    assert dialog.ui.rejectedTable.item(0, 0).text() == "3"
    assert dialog.ui.rejectedTable.item(0, 1).text() == "生年月日を日付として読めません"
    assert dialog.ui.progressBar.value() == dialog.ui.progressBar.maximum()
    assert messages.said == []
    saved = load_saved_mapping(ctx, "旧会員システム")
    assert saved is not None
    assert saved.mapping["customer_no"] == "会員ID"
    assert "postal_code" not in saved.mapping


def test_the_saved_mapping_of_a_source_is_offered_next_time(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff, tmp_path: Path
) -> None:
    from desktop.services.customers import save_mapping

    save_mapping(
        ctx,
        staff.admin,
        "旧会員システム",
        {"customer_no": "会員ID", "name": "お名前", "postal_code": "〒"},
        "cp932",
    )
    dialog = _dialog(qtbot, gui, staff.admin, _csv(tmp_path))
    assert dialog.ui.sourceCombo.findText("旧会員システム") >= 0
    dialog.ui.sourceCombo.setCurrentIndex(dialog.ui.sourceCombo.findText("旧会員システム"))
    dialog.ui.sourceCombo.activated.emit(dialog.ui.sourceCombo.currentIndex())
    assert dialog.encoding == "cp932"
    qtbot.mouseClick(dialog.ui.browseButton, Qt.MouseButton.LeftButton)

    assert dialog.mapping() == {"customer_no": "会員ID", "name": "お名前", "postal_code": "〒"}
    with qtbot.waitSignal(dialog.imported):
        qtbot.mouseClick(dialog.ui.importButton, Qt.MouseButton.LeftButton)
    assert _customer_numbers(ctx) == ["M-1", "M-2", "M-3"]  # birth dates are not mapped


def test_a_file_that_is_not_csv_is_a_message(
    qtbot: QtBot, gui: GuiContext, staff: Staff, tmp_path: Path, messages: RecordingMessages
) -> None:
    path = tmp_path / "scan.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    dialog = _dialog(qtbot, gui, staff.admin, path)
    qtbot.mouseClick(dialog.ui.browseButton, Qt.MouseButton.LeftButton)
    assert dialog.preview is None
    assert any("scan.csv" in text for text in messages.texts("error"))
    assert not dialog.ui.importButton.isEnabled()


def test_only_an_administrator_may_import(
    qtbot: QtBot, gui: GuiContext, staff: Staff, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, gui, staff.supervisor, _csv(tmp_path))
    qtbot.mouseClick(dialog.ui.browseButton, Qt.MouseButton.LeftButton)
    assert not dialog.ui.importButton.isEnabled()
    assert not dialog.ui.fileEdit.isEnabled()
    assert dialog.ui.reportLabel.text()


class _LongJobs(ImmediateExecutor):
    """The long-job thread: knows whether the work now running was handed to it."""

    running = False

    def submit(self, fn: Callable[[], object], deliver: Deliver) -> None:
        self.running = True
        try:
            super().submit(fn, deliver)
        finally:
            self.running = False


def test_the_import_leaves_the_database_worker_free(
    qtbot: QtBot,
    gui: GuiContext,
    ctx: ServiceContext,
    staff: Staff,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    long_jobs = _LongJobs()
    runner = OperationRunner(ImmediateExecutor(), gui.messages, long_executor=long_jobs)
    gui = replace(gui, runner=runner)
    on_long_thread: list[bool] = []
    real_import = customers.import_customers

    def recording(*args: Any, **kwargs: Any) -> customers.ImportReport:
        on_long_thread.append(long_jobs.running)
        return real_import(*args, **kwargs)

    monkeypatch.setattr(customers, "import_customers", recording)
    dialog = _dialog(qtbot, gui, staff.admin, _csv(tmp_path))
    qtbot.mouseClick(dialog.ui.browseButton, Qt.MouseButton.LeftButton)
    _choose(dialog, "customer_no", "会員ID")
    _choose(dialog, "name", "お名前")
    with qtbot.waitSignal(dialog.imported):
        qtbot.mouseClick(dialog.ui.importButton, Qt.MouseButton.LeftButton)
    assert on_long_thread == [True]
    assert _customer_numbers(ctx) == ["M-1", "M-2", "M-3"]
    runner.shutdown()
