"""The letters of one case: preview, issue, print, correct, export, and the mail that carries them.

An issued letter is stored encrypted and never changes: printing it again prints the same bytes,
and a correction issues the next version with the reason why. Every print is recorded with the
printer's name; a second print of the same letter asks why. For an electromagnetic disclosure the
letter goes out as a password-protected ZIP and the password on a separate sheet.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.decisions import ResponseMethod
from desktop.domain.status import CaseStatus
from desktop.gui.context import GuiContext
from desktop.gui.display import label
from desktop.gui.operations import changes_of
from desktop.gui.printing import paint_pdf
from desktop.letters import LetterKind
from desktop.letters.texts import LetterTemplateError, load_texts
from desktop.services import letters, mail
from desktop.services.cases import CaseDetail
from desktop.services.changes import Changes
from desktop.services.context import JST, CurrentUser, ServiceContext
from desktop.services.letters import PrintLine, StoredLetter

log = logging.getLogger("kaiji.gui.letters")


LETTER_ID_ROLE = Qt.ItemDataRole.UserRole
SHORT_HASH = 12
SENDING_STATUSES = frozenset({CaseStatus.LETTER_PRINTED, CaseStatus.MAIL_RETURNED})


def letter_title(kind: str, language: str) -> str:
    """The letter's subject as printed (開示決定通知書), or its kind name when there is no text."""
    try:
        return load_texts(kind, language).subject or kind
    except LetterTemplateError:
        return kind


def _local_time(instant: datetime) -> str:
    return instant.astimezone(JST).strftime("%Y/%m/%d %H:%M")


def _file_name(stored: StoredLetter, suffix: str) -> str:
    """R-2026-0001_disclosure_v2.pdf"""
    return f"{stored.reference}_{stored.kind.value}_v{stored.version}.{suffix}"


def preview_pdf(parent: QWidget, pdf: bytes, title: str) -> None:
    """Qt's print preview of `pdf`; printing from it goes to the printer the clerk picks."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)  # kept referenced (ARCHITECTURE.md)
    printer.setDocName(title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(title)
    dialog.paintRequested.connect(lambda target: paint_pdf(target, pdf))
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()


@dataclass(frozen=True)
class IssuedLetter:
    """An issued letter with the names and print records the list shows."""

    stored: StoredLetter
    created_by: str
    prints: tuple[PrintLine, ...]

    @property
    def letter_id(self) -> int:
        return self.stored.letter_id

    @property
    def current(self) -> bool:
        return self.stored.superseded_by is None


@dataclass(frozen=True)
class LettersState:
    """What the panel shows: the case, the letters it needs and the letters issued so far."""

    case: CaseDetail
    proposed: tuple[str, ...]
    electromagnetic: bool  # the requester asked for the data as an electronic record
    issued: tuple[IssuedLetter, ...]


def load_state(services: ServiceContext, case_id: int) -> LettersState:
    view = letters.case_letters(services, case_id)
    return LettersState(
        view.case,
        view.decisions.letter_kinds,
        any(d.method is ResponseMethod.ELECTROMAGNETIC for d in view.decisions.decisions),
        tuple(
            IssuedLetter(
                s,
                view.user_names.get(s.created_by, str(s.created_by)),
                tuple(view.prints.get(s.letter_id, ())),
            )
            for s in view.letters
        ),
    )


class LettersPanel(QWidget):
    """The "Letters" tab of a case's workspace."""

    def __init__(
        self, gui: GuiContext, user: CurrentUser, case_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._gui = gui
        self._user = user
        self._case_id = case_id
        self.state: LettersState | None = None
        self._passwords: dict[int, str] = {}  # letter id → password of the ZIP exported now
        self._focus_letter: int | None = None  # select this letter once the list shows it
        self.mail_dialog: QWidget | None = None
        self._last_proposed: tuple[str, ...] = ()
        self._build()
        gui.runner.changed.connect(self._on_changes)
        self.reload()

    # --- building ------------------------------------------------------------------------

    def _build(self) -> None:
        self.case_label = QLabel()
        self.case_label.setStyleSheet("font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.case_label)
        layout.addWidget(self._build_new_letter())
        layout.addWidget(self._build_issued(), 1)
        layout.addWidget(self._build_mail())
        self._update_buttons()

    def _build_new_letter(self) -> QGroupBox:
        self.proposed_label = QLabel()
        self.proposed_label.setWordWrap(True)
        self.kind_combo = QComboBox()
        self.kind_combo.setMinimumContentsLength(18)
        self.kind_combo.currentIndexChanged.connect(self._update_buttons)
        self.preview_button = QPushButton(self.tr("Previe&w"))
        self.preview_button.clicked.connect(self.preview)
        self.issue_button = QPushButton(self.tr("&Issue letter"))
        self.issue_button.clicked.connect(self.issue)
        new_box = QGroupBox(self.tr("New letter"))
        new_row = QHBoxLayout()
        new_row.addWidget(QLabel(self.tr("Kind")))
        new_row.addWidget(self.kind_combo, 1)
        new_row.addWidget(self.preview_button)
        new_row.addWidget(self.issue_button)
        new_layout = QVBoxLayout(new_box)
        new_layout.addWidget(self.proposed_label)
        new_layout.addLayout(new_row)
        return new_box

    def _build_issued(self) -> QGroupBox:

        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(
            [
                self.tr("Letter"),
                self.tr("Version"),
                self.tr("Template"),
                self.tr("SHA-256"),
                self.tr("By"),
                self.tr("At"),
                self.tr("Printer / reason"),
            ]
        )
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAlternatingRowColors(True)
        self.tree.setRootIsDecorated(True)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(self._update_buttons)
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.clicked.connect(self.print_selected)
        self.save_button = QPushButton(self.tr("&Save as PDF…"))
        self.save_button.clicked.connect(self.save_selected)
        self.correct_button = QPushButton(self.tr("C&orrect (new version)…"))
        self.correct_button.clicked.connect(self.correct_selected)
        self.zip_button = QPushButton(self.tr("Export &ZIP…"))
        self.zip_button.clicked.connect(self.export_zip)
        self.password_button = QPushButton(self.tr("Print password s&heet"))
        self.password_button.clicked.connect(self.print_password_sheet)
        issued_box = QGroupBox(self.tr("Issued letters"))
        letter_row = QHBoxLayout()
        for button in (self.print_button, self.save_button, self.correct_button):
            letter_row.addWidget(button)
        letter_row.addStretch(1)
        letter_row.addWidget(self.zip_button)
        letter_row.addWidget(self.password_button)
        issued_layout = QVBoxLayout(issued_box)
        issued_layout.addWidget(self.tree)
        issued_layout.addLayout(letter_row)
        return issued_box

    def _build_mail(self) -> QGroupBox:

        self.mail_label = QLabel()
        self.mail_label.setWordWrap(True)
        self.send_button = QPushButton(self.tr("&Record sending…"))
        self.send_button.clicked.connect(self.open_outgoing_mail)
        self.close_button = QPushButton(self.tr("Close c&ase"))
        self.close_button.clicked.connect(self.close_case)
        mail_box = QGroupBox(self.tr("Mail"))
        mail_row = QHBoxLayout(mail_box)
        mail_row.addWidget(self.mail_label, 1)
        self.addressee_button = QPushButton(self.tr("Chan&ge addressee…"))
        self.addressee_button.clicked.connect(self.open_addressee_dialog)
        mail_row.addWidget(self.addressee_button)
        mail_row.addWidget(self.send_button)
        mail_row.addWidget(self.close_button)
        return mail_box

    # --- loading -------------------------------------------------------------------------

    def reload(self) -> None:
        services, case_id = self._gui.services, self._case_id
        self._gui.op(self, lambda: load_state(services, case_id)).success(self._show).run()

    def _on_changes(self, changes: Changes, _initiator: object) -> None:
        if self._case_id in changes.cases:
            self.reload()

    def _show(self, state: LettersState) -> None:
        self.state = state
        language = self._gui.language
        case = state.case
        self.case_label.setText(f"{case.reference}　{label(case.status, language)}")
        if state.proposed:
            names = "、".join(letter_title(kind, language) for kind in state.proposed)
            self.proposed_label.setText(self.tr("The decisions call for: %1").replace("%1", names))
        else:
            self.proposed_label.setText(self.tr("No decision calls for a letter yet."))
        chosen = self.kind_combo.currentData()
        self.kind_combo.clear()
        ordered = [*state.proposed, *(k.value for k in LetterKind if k.value not in state.proposed)]
        for kind in ordered:
            mark = "★ " if kind in state.proposed else ""
            self.kind_combo.addItem(mark + letter_title(kind, language), kind)
        if state.proposed != self._last_proposed:
            # New decisions: offer the letter they call for, not the clerk's earlier choice.
            chosen = state.proposed[0] if state.proposed else chosen
            self._last_proposed = state.proposed
        index = self.kind_combo.findData(chosen)
        self.kind_combo.setCurrentIndex(max(index, 0))
        self._fill_tree(state.issued)
        self._show_mail(case)
        self._update_buttons()

    def _fill_tree(self, issued: tuple[IssuedLetter, ...]) -> None:
        current = self._focus_letter or self.selected_letter
        self.tree.clear()
        language = self._gui.language
        for letter in issued:
            stored = letter.stored
            item = QTreeWidgetItem(
                [
                    letter_title(stored.kind, language),
                    str(stored.version),
                    str(stored.template_version),
                    stored.sha256[:SHORT_HASH],
                    letter.created_by,
                    _local_time(stored.created_at),
                    self._letter_note(letter),
                ]
            )
            item.setData(0, LETTER_ID_ROLE, stored.letter_id)
            item.setToolTip(3, stored.sha256)
            for record in letter.prints:
                child = QTreeWidgetItem(
                    [
                        self.tr("Reprinted") if record.reason else self.tr("Printed"),
                        "",
                        str(record.template_version),
                        record.sha256[:SHORT_HASH],
                        record.printed_by,
                        _local_time(record.printed_at),
                        self._print_note(record),
                    ]
                )
                child.setToolTip(3, record.sha256)
                child.setData(0, LETTER_ID_ROLE, stored.letter_id)
                item.addChild(child)
            self.tree.addTopLevelItem(item)
            item.setExpanded(True)
            if stored.superseded_by is not None:
                for column in range(self.tree.columnCount()):
                    item.setForeground(column, self.palette().placeholderText())
            if stored.letter_id == current:
                self.tree.setCurrentItem(item)
                self._focus_letter = None
        last = self.tree.topLevelItem(self.tree.topLevelItemCount() - 1)
        if self.tree.currentItem() is None and last is not None:
            self.tree.setCurrentItem(last)

    def _print_note(self, record: PrintLine) -> str:
        if not record.reason:
            return record.printer
        return self.tr("%1 — why: %2").replace("%1", record.printer).replace("%2", record.reason)

    def _letter_note(self, letter: IssuedLetter) -> str:
        stored = letter.stored
        if stored.superseded_by is not None:
            return self.tr("replaced by a newer version")
        if stored.correction_reason:
            return self.tr("correction: %1").replace("%1", stored.correction_reason)
        if not letter.prints:
            return self.tr("not printed yet")
        return ""

    def _show_mail(self, case: CaseDetail) -> None:
        status = case.status
        if status is CaseStatus.SENT:
            text = self.tr("Sent. Close the case once nothing comes back.")
        elif status is CaseStatus.MAIL_RETURNED:
            text = self.tr("The letter came back. Check the address and send it again.")
        elif status is CaseStatus.LETTER_PRINTED:
            text = self.tr("Printed. Record the registered-mail number when it is mailed.")
        elif status is CaseStatus.CLOSED:
            text = self.tr("Closed.")
        elif status is CaseStatus.APPROVED:
            text = self.tr("Approved: issue the answer letter and print it.")
        else:
            text = self.tr("The answer letter is issued once the decision is approved.")
        self.mail_label.setText(text)

    # --- what is selected ----------------------------------------------------------------

    @property
    def selected_letter(self) -> int | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        value = item.data(0, LETTER_ID_ROLE)
        return int(value) if value is not None else None

    def _stored(self, letter_id: int | None) -> IssuedLetter | None:
        if self.state is None or letter_id is None:
            return None
        return next((s for s in self.state.issued if s.letter_id == letter_id), None)

    @property
    def chosen_kind(self) -> LetterKind | None:
        data = self.kind_combo.currentData()
        return LetterKind(data) if data else None

    def _may_issue(self, kind: LetterKind | None) -> bool:
        if self.state is None or kind is None:
            return False
        return kind.may_issue_in(self.state.case.status)

    def _update_buttons(self) -> None:
        state = self.state
        status = state.case.status if state is not None else None
        letter = self._stored(self.selected_letter)
        current = letter is not None and letter.current
        self.preview_button.setEnabled(state is not None)
        self.issue_button.setEnabled(self._may_issue(self.chosen_kind))
        self.print_button.setEnabled(current)
        self.save_button.setEnabled(letter is not None)
        self.correct_button.setEnabled(
            current and letter is not None and self._may_issue(letter.stored.kind)
        )
        electromagnetic = (
            current
            and state is not None
            and state.electromagnetic
            and letter is not None
            and letter.stored.kind.carries_data
        )
        self.zip_button.setEnabled(electromagnetic)
        self.password_button.setEnabled(
            electromagnetic and letter is not None and letter.letter_id in self._passwords
        )
        self.send_button.setEnabled(status in SENDING_STATUSES)
        self.close_button.setEnabled(status is CaseStatus.SENT)

    def _refresh_after(self, result: object = None) -> None:
        """Reload after one of our own calls, unless its changes already did (`_on_changes`)."""
        changes = changes_of(result)
        if changes is None or self._case_id not in changes.cases:
            self.reload()

    # --- actions -------------------------------------------------------------------------

    def preview(self) -> None:
        kind = self.chosen_kind
        if kind is None:
            return
        services, case_id = self._gui.services, self._case_id
        title = letter_title(kind.value, self._gui.language)
        (
            self._gui.op(self, lambda: letters.render_case_letter(services, case_id, kind))
            .success(lambda pdf: self._gui.ui.preview_pdf(self, pdf, title))
            .with_progress(self.tr("Preparing the preview…"))
            .run()
        )

    def issue(self) -> None:
        kind = self.chosen_kind
        if kind is None or self.state is None:
            return
        if any(s.stored.kind == kind and s.current for s in self.state.issued):
            self._gui.messages.warning(
                self,
                self.tr(
                    "This letter has been issued already. Select it and use "
                    "“Correct (new version)…” to change it."
                ),
            )
            return
        self._issue(kind, None)

    def correct_selected(self) -> None:
        letter = self._stored(self.selected_letter)
        if letter is None:
            return
        reason = self._ask_reason(
            self.tr("Correct the letter"),
            self.tr("Why does the letter need a new version? (recorded in the audit log)"),
        )
        if reason is None:
            return
        self._issue(letter.stored.kind, reason)

    def _issue(self, kind: LetterKind, reason: str | None) -> None:
        services, user, case_id = self._gui.services, self._user, self._case_id
        (
            self._gui.op(
                self,
                lambda: letters.issue_letter(
                    services, user, case_id, kind, correction_reason=reason
                ),
            )
            .success(self._issued)
            .with_progress(self.tr("Issuing the letter…"))
            .run()
        )

    def _issued(self, stored: StoredLetter) -> None:
        self._focus_letter = stored.letter_id
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            if item is not None and item.data(0, LETTER_ID_ROLE) == stored.letter_id:
                self.tree.setCurrentItem(item)
                self._focus_letter = None
        self._refresh_after(stored)

    def _ask_reason(self, title: str, question: str) -> str | None:
        """A required reason: None when the clerk cancelled or left it blank."""
        answer = self._gui.messages.ask_text(self, title, question)
        if answer is None:
            return None
        if not answer.strip():
            self._gui.messages.warning(self, self.tr("Nothing was done: a reason is required."))
            return None
        return answer.strip()

    def print_selected(self) -> None:
        letter = self._stored(self.selected_letter)
        if letter is None:
            return
        reason: str | None = None
        if letter.prints:
            reason = self._ask_reason(
                self.tr("Print again"),
                self.tr("This letter has been printed before. Why is it printed again?"),
            )
            if reason is None:
                return
        services, user, letter_id = self._gui.services, self._user, letter.letter_id
        title = letter_title(letter.stored.kind, self._gui.language)
        self._gui.op(self, lambda: letters.letter_pdf(services, user, letter_id)).success(
            lambda pdf: self._print_stored(letter_id, pdf, title, reason)
        ).run()

    def _send_to_printer(self, pdf: bytes, title: str) -> str | None:
        """The printer's name, or None when the clerk cancelled or the printer failed."""
        try:
            return self._gui.ui.print_pdf(self, pdf, title)
        except OSError as exc:
            log.warning("printing failed: %s", exc)
            self._gui.messages.error(
                self, self.tr("Printing failed: %1").replace("%1", exc.strerror or str(exc))
            )
            return None

    def _print_stored(self, letter_id: int, pdf: bytes, title: str, reason: str | None) -> None:
        printer = self._send_to_printer(pdf, title)
        if printer is None:
            return
        services, user = self._gui.services, self._user
        (
            self._gui.op(
                self,
                lambda: letters.record_print(services, user, letter_id, printer, reason),
            )
            .success(self._refresh_after)
            .run()
        )

    def save_selected(self) -> None:
        letter = self._stored(self.selected_letter)
        if letter is None or self.state is None:
            return
        services, user, letter_id = self._gui.services, self._user, letter.letter_id
        name = _file_name(letter.stored, "pdf")
        caption = self.tr("Save the letter as PDF")
        self._gui.op(self, lambda: letters.letter_pdf(services, user, letter_id)).success(
            lambda pdf: self._save(pdf, name, caption)
        ).run()

    def _save(self, pdf: bytes, name: str, caption: str) -> None:
        self._gui.ui.save_pdf(self, pdf, name, caption)

    def export_zip(self) -> None:
        letter = self._stored(self.selected_letter)
        if letter is None:
            return
        chosen = self._gui.ui.choose_save_path(
            self,
            self.tr("Export the disclosure as ZIP"),
            _file_name(letter.stored, "zip"),
            "ZIP (*.zip)",
        )
        if chosen is None:
            return
        path = chosen.with_suffix(".zip")
        services, user, letter_id = self._gui.services, self._user, letter.letter_id
        (
            self._gui.op(self, lambda: letters.disclosure_zip(services, user, letter_id))
            .success(lambda result: self._zip_ready(letter_id, path, result))
            .with_progress(self.tr("Preparing the ZIP…"))
            .run()
        )

    def _zip_ready(self, letter_id: int, path: Path, result: tuple[bytes, str]) -> None:
        data, password = result
        partial = path.with_name(path.name + ".part")
        try:
            partial.write_bytes(data)
            partial.replace(path)  # atomic: a half-written ZIP never carries the final name
        except OSError as exc:
            partial.unlink(missing_ok=True)
            self._gui.messages.error(
                self,
                self.tr("Could not save %1: %2")
                .replace("%1", str(path))
                .replace("%2", exc.strerror or str(exc)),
            )
            return
        self._passwords[letter_id] = password
        log.info("disclosure ZIP of letter %s exported", letter_id)
        self._update_buttons()
        self._gui.messages.info(
            self,
            self.tr(
                "Saved %1. Print the password sheet now and send it separately from the data."
            ).replace("%1", path.name),
        )

    def print_password_sheet(self) -> None:
        letter_id = self.selected_letter
        if letter_id is None or letter_id not in self._passwords:
            return
        services, user, password = self._gui.services, self._user, self._passwords[letter_id]
        title = self.tr("Password sheet")
        self._gui.op(
            self,
            lambda: letters.password_sheet_pdf(services, user, letter_id, password),
        ).success(lambda pdf: self._print_unrecorded(pdf, title)).run()

    def _print_unrecorded(self, pdf: bytes, title: str) -> None:
        """Print something that is not a letter (the password sheet): nothing is recorded."""
        self._send_to_printer(pdf, title)

    # --- mail ----------------------------------------------------------------------------

    def open_outgoing_mail(self) -> None:
        if self.state is None:
            return
        from desktop.gui.mail_dialogs import OutgoingMailDialog

        case = self.state.case
        dialog = OutgoingMailDialog(
            self._gui, self._user, case.case_id, case.version, case.reference, self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.mail_dialog = dialog
        dialog.open()

    def open_addressee_dialog(self) -> QWidget:
        """Send this case's letters elsewhere (reason and a supervisor's approval needed)."""
        from desktop.gui.addressee_dialog import AddresseeDialog

        dialog = AddresseeDialog(self._gui, self._user, self._case_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def close_case(self) -> None:
        if self.state is None:
            return
        case = self.state.case
        if not self._gui.messages.confirm(
            self,
            self.tr("Close case %1? The retention period of its documents starts now.").replace(
                "%1", case.reference
            ),
        ):
            return
        services, user = self._gui.services, self._user
        self._gui.op(
            self, lambda: mail.close_case(services, user, case.case_id, case.version)
        ).run()
