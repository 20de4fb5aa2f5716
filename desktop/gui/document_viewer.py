"""The pages of a case: thumbnails, the page with zoom and rotate, and the fields read from it.

Focusing or hovering a field highlights the box it was read from. Editing a field saves a
correction (the OCR reading stays in the audit log). The clerk can change what kind of document a
page is and whose it is, re-run OCR, and add pages from files or by dropping them on the window.
Reading runs as a long job (progress and cancel); the window keeps answering meanwhile.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QKeySequence,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.documents import DocumentKind, FieldName
from desktop.domain.progress import CancelToken, Progress
from desktop.gui.context import GuiContext
from desktop.gui.date_input import DateInput
from desktop.gui.display import label
from desktop.gui.file_filters import FILE_FILTER
from desktop.gui.operations import Operation
from desktop.gui.page_view import ZOOM_STEP, PageView
from desktop.intake.loader import is_supported
from desktop.services import documents, scanning
from desktop.services.changes import Changes
from desktop.services.context import CurrentUser
from desktop.services.documents import DocumentSummary
from desktop.services.scanning import ScanOutcome

log = logging.getLogger("kaiji.gui.documents")

LOW_CONFIDENCE = 0.6
DATE_FIELDS = (FieldName.BIRTH_DATE, FieldName.EXPIRY_DATE)


_THUMB = 120  # thumbnail edge in pixels


class DocumentViewer(QWidget):
    pages_added = Signal(object)  # ScanOutcome

    def __init__(
        self, gui: GuiContext, user: CurrentUser, case_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._gui = gui
        self._user = user
        self._case_id = case_id
        self._documents: list[DocumentSummary] = []
        self._current: DocumentSummary | None = None
        self._filling = False
        self.last_job: Operation[ScanOutcome] | None = None
        self.setAcceptDrops(True)
        self._build()
        gui.runner.changed.connect(self._on_changes)
        self.reload()

    # --- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        self._build_thumbnails()
        centre = self._build_centre()
        side = self._build_side()
        splitter = QSplitter()
        splitter.addWidget(self.thumbnails)
        splitter.addWidget(centre)
        splitter.addWidget(side)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._enable(False)

    def _build_thumbnails(self) -> None:
        self.thumbnails = QListWidget()
        self.thumbnails.setViewMode(QListWidget.ViewMode.IconMode)
        self.thumbnails.setFlow(QListWidget.Flow.TopToBottom)
        self.thumbnails.setWrapping(False)
        self.thumbnails.setIconSize(QSize(_THUMB, _THUMB))
        self.thumbnails.setMovement(QListWidget.Movement.Static)
        self.thumbnails.setResizeMode(QListWidget.ResizeMode.Adjust)
        # Every page gets a cell of its own (icon and two lines of label): without a grid the
        # view lays items out by their first size and later ones are drawn over each other.
        lines = 2 * self.thumbnails.fontMetrics().lineSpacing()
        self.thumbnails.setGridSize(QSize(_THUMB + 30, _THUMB + lines + 14))
        self.thumbnails.setWordWrap(True)
        self.thumbnails.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.thumbnails.setFixedWidth(
            _THUMB + 30 + self.thumbnails.verticalScrollBar().sizeHint().width() + 6
        )
        self.thumbnails.setAccessibleName(self.tr("Pages"))
        self.thumbnails.currentRowChanged.connect(self._select)

    def _build_centre(self) -> QWidget:
        self.page_view = PageView()
        self.add_button = QPushButton(self.tr("Add pages from files… (Ctrl+O)"))
        self.add_button.clicked.connect(self.choose_files)
        self.reread_button = QPushButton(self.tr("Read again (F5)"))
        self.reread_button.clicked.connect(self.reread)
        tools = QHBoxLayout()
        tools.addWidget(self.add_button)
        tools.addWidget(self.reread_button)
        tools.addStretch(1)
        for text, tip, slot in (
            ("−", self.tr("Zoom out (Ctrl+-)"), lambda: self.page_view.zoom(1 / ZOOM_STEP)),
            ("+", self.tr("Zoom in (Ctrl++)"), lambda: self.page_view.zoom(ZOOM_STEP)),
            ("⤢", self.tr("Fit to window (Ctrl+0)"), self.page_view.fit),
            ("⟲", self.tr("Rotate left (Ctrl+L)"), lambda: self.page_view.rotate_by(-90)),
            ("⟳", self.tr("Rotate right (Ctrl+R)"), lambda: self.page_view.rotate_by(90)),
        ):
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.clicked.connect(slot)
            tools.addWidget(button)
        for keys, slot in (
            (QKeySequence.StandardKey.Open, self.choose_files),
            (QKeySequence.StandardKey.ZoomIn, lambda: self.page_view.zoom(ZOOM_STEP)),
            (QKeySequence.StandardKey.ZoomOut, lambda: self.page_view.zoom(1 / ZOOM_STEP)),
            (QKeySequence("Ctrl+0"), self.page_view.fit),
            (QKeySequence("Ctrl+L"), lambda: self.page_view.rotate_by(-90)),
            (QKeySequence("Ctrl+R"), lambda: self.page_view.rotate_by(90)),
            (QKeySequence("F5"), self.reread),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.addLayout(tools)
        centre_layout.addWidget(self.page_view, 1)
        return centre

    def _build_side(self) -> QWidget:
        self.kind_combo = QComboBox()
        for kind in DocumentKind:
            self.kind_combo.addItem(label(kind, self._gui.language), kind.value)
        self.kind_combo.activated.connect(self._reclassify)
        self.holder_combo = QComboBox()
        self.holder_combo.addItem(self.tr("Principal"), "principal")
        self.holder_combo.addItem(self.tr("Agent"), "agent")
        self.holder_combo.activated.connect(self._reclassify)
        form = QFormLayout()
        form.addRow(self.tr("Document"), self.kind_combo)
        form.addRow(self.tr("Belongs to"), self.holder_combo)
        self.field_edits: dict[FieldName, QLineEdit] = {}
        self.confidence_labels: dict[FieldName, QLabel] = {}
        self.date_inputs: dict[FieldName, DateInput] = {}
        for name in FieldName:
            edit = QLineEdit()
            edit.setAccessibleName(label(name, self._gui.language))
            edit.installEventFilter(self)
            edit.editingFinished.connect(lambda n=name: self._field_edited(n))
            confidence = QLabel()
            confidence.setMinimumWidth(42)
            row = QHBoxLayout()
            row.addWidget(edit, 1)
            row.addWidget(confidence)
            form.addRow(label(name, self._gui.language), row)
            if name in DATE_FIELDS:
                # The same date editor as intake: 和暦 or Western, the parsed date shown as typed.
                hint = QLabel()
                form.addRow("", hint)
                self.date_inputs[name] = DateInput(edit, hint, self._gui.language)
            self.field_edits[name] = edit
            self.confidence_labels[name] = confidence
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addLayout(form)
        side_layout.addWidget(self.notes)
        side_layout.addStretch(1)
        side.setMinimumWidth(300)
        return side

    def _enable(self, has_page: bool) -> None:
        for widget in (self.kind_combo, self.holder_combo, self.reread_button):
            widget.setEnabled(has_page)
        for edit in self.field_edits.values():
            edit.setEnabled(has_page)

    # --- loading --------------------------------------------------------------------------

    @property
    def documents(self) -> list[DocumentSummary]:
        return self._documents

    @property
    def current(self) -> DocumentSummary | None:
        return self._current

    def reload(self) -> None:
        case_id = self._case_id
        services, user = self._gui.services, self._user
        self._gui.op(self, lambda: documents.list_documents(services, user, case_id)).success(
            self._listed
        ).run()

    def _listed(self, listed: list[DocumentSummary]) -> None:
        keep = self._current.document_id if self._current else None
        self._documents = listed
        self.thumbnails.blockSignals(True)
        self.thumbnails.clear()
        for document in listed:
            item = QListWidgetItem(f"{document.position}. {label(document.kind, self._language)}")
            item.setData(Qt.ItemDataRole.UserRole, document.document_id)
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            if document.masked or document.warnings:
                item.setForeground(Qt.GlobalColor.darkRed)
            self.thumbnails.addItem(item)
        self.thumbnails.blockSignals(False)
        if not listed:
            self._current = None
            self.page_view.clear()
            self._fill(None)
            return
        ids = [d.document_id for d in listed]
        self.thumbnails.setCurrentRow(ids.index(keep) if keep in ids else 0)
        self._load_thumbnails()

    @property
    def _language(self) -> str:
        return self._gui.language

    def _load_thumbnails(self) -> None:
        services, user, case_id = self._gui.services, self._user, self._case_id
        self._gui.op(self, lambda: documents.view_thumbnails(services, user, case_id)).success(
            self._show_thumbnails
        ).run()

    def _show_thumbnails(self, thumbnails: dict[int, bytes]) -> None:
        for row in range(self.thumbnails.count()):
            item = self.thumbnails.item(row)
            data = thumbnails.get(int(item.data(Qt.ItemDataRole.UserRole)))
            if data:
                pixmap = QPixmap()
                pixmap.loadFromData(data)
                item.setIcon(QIcon(pixmap))

    def _select(self, row: int) -> None:
        if not 0 <= row < len(self._documents):
            return
        document = self._documents[row]
        self._current = document
        self._fill(document)
        if document.destroyed:
            self.page_view.clear()
            return
        services, user = self._gui.services, self._user
        self._gui.op(
            self, lambda: documents.view_page(services, user, document.document_id)
        ).success(lambda png: self._show_image(document, png)).run()

    def _show_image(self, document: DocumentSummary, png: bytes) -> None:
        if self._current is None or self._current.document_id != document.document_id:
            return
        pixmap = QPixmap()
        pixmap.loadFromData(png)
        self.page_view.show_page(pixmap, document.masked_boxes)

    def _fill(self, document: DocumentSummary | None) -> None:
        self._filling = True
        try:
            self._enable(document is not None and not document.destroyed)
            for name, edit in self.field_edits.items():
                field = document.fields[name] if document else None
                edit.setText(field.value or "" if field else "")
                confidence = self.confidence_labels[name]
                if field is None or field.value is None:
                    confidence.setText("")
                    edit.setToolTip("")
                    continue
                confidence.setText("✎" if field.corrected else f"{field.confidence:.0%}")
                low = not field.corrected and field.confidence < LOW_CONFIDENCE
                confidence.setStyleSheet("color: #c62828;" if low else "")
                tip = (
                    self.tr("Corrected by a clerk; read as: %1").replace(
                        "%1", field.ocr_value or ""
                    )
                    if field.corrected
                    else ""
                )
                edit.setToolTip(tip)
            if document is not None:
                self.kind_combo.setCurrentIndex(self.kind_combo.findData(document.kind.value))
                self.holder_combo.setCurrentIndex(self.holder_combo.findData(document.holder))
            self.notes.setText(self._notes(document))
        finally:
            self._filling = False

    def _notes(self, document: DocumentSummary | None) -> str:
        if document is None:
            return self.tr("No pages yet. Add scans from files or drop them here.")
        lines = [
            self.tr("Source: %1, page %2")
            .replace("%1", document.source_name)
            .replace("%2", str(document.source_page))
        ]
        if "my_number" in document.masked:
            lines.append(
                self.tr(
                    "My Number found and blacked out before storing. "
                    "A card back should not have been sent."
                )
            )
        if {"insurance_number", "insurer_number"} & set(document.masked):
            lines.append(self.tr("Health-insurance numbers blacked out before storing."))
        if "mrz_check_digit" in document.warnings:
            lines.append(self.tr("Passport machine-readable zone: a check digit does not match."))
        if document.destroyed:
            lines.append(self.tr("The image was destroyed at the end of the retention period."))
        return "\n".join(lines)

    # --- field boxes ----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.Enter):
            for name, edit in self.field_edits.items():
                if edit is watched:
                    self.highlight_field(name)
        return super().eventFilter(watched, event)

    def show_document(self, document_id: int, field: str = "") -> None:
        """Select a page (and highlight a field's box once the page is shown)."""
        ids = [d.document_id for d in self._documents]
        if document_id not in ids:
            return
        self.thumbnails.setCurrentRow(ids.index(document_id))
        if field in {f.value for f in FieldName}:
            self.field_edits[FieldName(field)].setFocus()
            self.highlight_field(FieldName(field))

    def highlight_field(self, name: FieldName) -> None:
        document = self._current
        box = document.fields[name].box if document else None
        self.page_view.highlight(box)

    # --- edits ----------------------------------------------------------------------------

    def _field_edited(self, name: FieldName) -> None:
        document = self._current
        if self._filling or document is None:
            return
        value = self.field_edits[name].text().strip()
        date_input = self.date_inputs.get(name)
        if date_input is not None:
            if date_input.error is not None:
                # Never stored as raw text: the verification could not read it.
                self._gui.messages.warning(self, date_input.error.message(self._gui.language))
                return
            value = date_input.value.isoformat() if date_input.value else ""
        if value == (document.fields[name].value or ""):
            return
        services, user = self._gui.services, self._user
        self._gui.op(
            self,
            lambda: documents.correct_field(
                services, user, document.document_id, document.version, name, value
            ),
        ).failure(self._refused).run()

    def _reclassify(self) -> None:
        document = self._current
        if self._filling or document is None:
            return
        kind = DocumentKind(str(self.kind_combo.currentData()))
        holder = str(self.holder_combo.currentData())
        services, user = self._gui.services, self._user
        self._gui.op(
            self,
            lambda: documents.reclassify(
                services, user, document.document_id, document.version, kind, holder
            ),
        ).failure(self._refused).run()

    def _refused(self, error: Exception) -> None:
        self._gui.runner.show_known_error(self, error)  # type: ignore[arg-type]
        self.reload()

    def reread(self) -> None:
        document = self._current
        if document is None or document.destroyed:
            return
        services, user = self._gui.services, self._user
        kind = DocumentKind(str(self.kind_combo.currentData()))
        self._gui.job(
            self,
            self.tr("Reading the page again"),
            lambda _progress, _cancel: scanning.reread(
                services, user, document.document_id, document.version, kind
            ),
        ).run()

    def _on_changes(self, changes: Changes, _initiator: QObject | None) -> None:
        if self._case_id in changes.cases:
            self.reload()

    # --- adding pages ---------------------------------------------------------------------

    def choose_files(self) -> None:
        paths = self._gui.ui.choose_open_files(
            self, self.tr("Add scanned pages"), self.tr("Scans (%1)").replace("%1", FILE_FILTER)
        )
        if paths:
            self.add_files(paths)

    def add_files(self, paths: Sequence[Path]) -> None:
        services, user, case_id = self._gui.services, self._user, self._case_id

        def work(progress: Progress, cancel: CancelToken) -> ScanOutcome:
            return scanning.scan_into_case(services, user, case_id, paths, progress, cancel)

        job = self._gui.job(self, self.tr("Reading scanned pages"), work)
        self.last_job = job
        job.success(self._added).run()

    def _added(self, outcome: ScanOutcome) -> None:
        self.pages_added.emit(outcome)
        if outcome.cancelled:
            self._gui.messages.info(self, self.tr("Cancelled. No page was added."))
        elif outcome.masked_pages:
            self._gui.messages.info(
                self,
                self.tr(
                    "%1 page(s) added. Numbers that must not be kept were blacked out on %2 "
                    "page(s) before storing."
                )
                .replace("%1", str(outcome.pages))
                .replace("%2", str(outcome.masked_pages)),
            )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if _dropped_files(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        paths = _dropped_files(event)
        if paths:
            event.acceptProposedAction()
            self.add_files(paths)


def _dropped_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [p for p in paths if is_supported(p)]
