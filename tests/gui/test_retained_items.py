"""The decision tab's retained data: tick items withheld with a ground, attach an extract from
another system with labels for its columns, and see both come back after saving."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidgetItem
from pytestqt.qtbot import QtBot

from desktop.domain.outcomes import Outcome
from desktop.domain.reasons import BUSINESS_HINDRANCE
from desktop.domain.requests import RequestKind
from desktop.domain.status import CaseStatus
from desktop.gui.context import GuiContext
from desktop.gui.decision_panel import ITEM_ID_ROLE, DecisionPanel
from desktop.gui.extract_dialog import ExtractDialog
from desktop.services import cases, customer_search, decisions
from desktop.services.context import ServiceContext
from desktop.store.db import unit_of_work
from desktop.store.models import Customer
from tests.conftest import Staff
from tests.gui.conftest import fake_ui


def _linked(ctx: ServiceContext, staff: Staff, case_id: int) -> None:
    now = datetime(2026, 11, 1, tzinfo=UTC)
    with unit_of_work(ctx.sessions) as session:
        customer = Customer(
            customer_no="C-1",
            name="山田 太郎",
            birth_date=date(1985, 1, 1),
            name_key="山田太郎",
            columns={"氏名": "山田 太郎", "社内メモ": "返品多い", "与信ランク": "C"},
            created_at=now,
            updated_at=now,
        )
        session.add(customer)
        session.flush()
        customer_id = customer.id
    version = cases.get_case(ctx, case_id).version
    customer_search.link_customer(ctx, staff.clerk, case_id, version, customer_id)
    version = cases.get_case(ctx, case_id).version
    cases.change_status(ctx, staff.clerk, case_id, version, CaseStatus.VERIFYING, "")


def _item(panel: DecisionPanel, text: str) -> QListWidgetItem:
    box = panel.retained_box
    assert box is not None
    for row in range(box.items.count()):
        item = box.items.item(row)
        if item.text().startswith(text):
            return item
    raise AssertionError(f"{text} not listed")


def test_items_ticked_withheld_are_saved_with_their_ground(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff, case_id: int
) -> None:
    _linked(ctx, staff, case_id)
    panel = DecisionPanel(gui, staff.clerk, case_id)
    qtbot.addWidget(panel)
    box = panel.retained_box
    assert box is not None
    editor = panel.editors[RequestKind.DISCLOSURE]
    editor.outcome_combo.setCurrentIndex(editor.outcome_combo.findData(Outcome.PARTIAL.value))
    reason = editor.reason_item(BUSINESS_HINDRANCE)
    assert reason is not None
    reason.setCheckState(Qt.CheckState.Checked)
    box.ground_combo.setCurrentIndex(box.ground_combo.findData(BUSINESS_HINDRANCE))
    memo = _item(panel, "社内メモ（顧客台帳）")
    memo.setCheckState(Qt.CheckState.Checked)
    assert "業務" in memo.text()  # the ground shows beside it
    assert panel.has_unsaved_changes()
    memo_id = memo.data(ITEM_ID_ROLE)

    panel.save()

    [saved] = decisions.get_decisions(ctx, case_id).decisions
    assert [(w.item_id, w.reason_code) for w in saved.withheld] == [(memo_id, BUSINESS_HINDRANCE)]
    assert not panel.has_unsaved_changes()
    reopened = DecisionPanel(gui, staff.clerk, case_id)
    qtbot.addWidget(reopened)
    again = _item(reopened, "社内メモ（顧客台帳）")
    assert again.checkState() == Qt.CheckState.Checked


def test_an_extract_is_attached_with_labels_and_listed(
    qtbot: QtBot, gui: GuiContext, ctx: ServiceContext, staff: Staff, case_id: int, tmp_path: Path
) -> None:
    _linked(ctx, staff, case_id)
    file = tmp_path / "credit.csv"
    file.write_bytes("CRDT_LMT,審査日\r\n500000,2026-04-01\r\n".encode("cp932"))
    panel = DecisionPanel(gui, staff.clerk, case_id)
    qtbot.addWidget(panel)
    fake_ui(gui).choose_open_file = lambda *_args: file
    dialog = ExtractDialog(gui, staff.clerk, case_id, panel)
    qtbot.addWidget(dialog)
    dialog.attached.connect(lambda _changes: panel._reload_retained())
    dialog.choose()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2)
    assert dialog.table.item(0, 1).text() == ""  # a system's name is not a label
    assert dialog.table.item(1, 1).text() == "審査日"
    dialog.table.item(0, 1).setText("与信限度額")
    dialog.source_edit.setText("与信管理システム")

    dialog.attach()

    qtbot.waitUntil(
        lambda: any(
            panel.retained_box.items.item(r).text() == "与信限度額（与信管理システム）"
            for r in range(panel.retained_box.items.count())
        )
    )
    assert "credit.csv" in panel.retained_box.sources_label.text()
