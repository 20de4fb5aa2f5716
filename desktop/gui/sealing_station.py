"""The sealing station (封入照合): before an envelope is sealed, the clerk scans the code on every
page, then the address label or the registered-mail slip.

A barcode scanner types the code and Enter. Enter only reads the scan: a code that is not one of
ours is shown as unreadable and kept nowhere; a page is added to the envelope's list; the label
or slip ends the envelope and asks the records (`letters.check_sealing`, which audits every
verdict). A page of another letter is refused at once. A refusal is loud: an error box in
Japanese and English, and the station starts the envelope again.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.sealing import LabelScan, PageScan, SlipScan, read_scan
from desktop.gui.context import GuiContext
from desktop.gui.display import OK_COLOR, OVERDUE_COLOR
from desktop.services import letters
from desktop.services.context import CurrentUser
from desktop.services.letters import SealCheck

log = logging.getLogger("kaiji.gui.sealing")

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class SealingStationDialog(QDialog):
    """Scan each page of one envelope, then its label or slip; the records decide."""

    def __init__(self, gui: GuiContext, user: CurrentUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._gui = gui
        self._user = user
        self.pages: list[str] = []
        self.setWindowTitle(self.tr("Sealing check"))
        self.scan = QLineEdit()
        self.scan.setPlaceholderText(self.tr("Scan the code of a page, then the label or slip"))
        self.scan.setMaxLength(200)
        self.scan.returnPressed.connect(self.read)
        self.page_list = QListWidget()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setMinimumHeight(self.status.fontMetrics().lineSpacing() * 3)
        self.restart_button = QPushButton(self.tr("&Start the envelope again"))
        self.restart_button.clicked.connect(self.restart)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        for button in (self.restart_button, *buttons.buttons()):
            # The scanner's Enter must never press a button.
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)
        row = QHBoxLayout()
        row.addWidget(self.restart_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Scan the code in the bottom-right corner of every page going into the "
                "envelope, then the address label or the registered-mail slip. The envelope "
                "may be sealed only when the check says so."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.scan)
        layout.addWidget(self.page_list, 1)
        layout.addWidget(self.status)
        layout.addLayout(row)
        self.resize(560, 420)
        self.restart()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in _ENTER_KEYS:
            event.accept()  # Enter outside the scan field does nothing either
            return
        super().keyPressEvent(event)

    def restart(self) -> None:
        self.pages = []
        self.page_list.clear()
        self.scan.clear()
        self.scan.setFocus()

    def _say(self, text: str, color: QColor) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {color.name()}; font-weight: bold;")

    def read(self) -> None:
        """Read what the scanner typed; nothing is recorded before it is understood."""
        text = self.scan.text().strip()
        self.scan.clear()
        if not text:
            return
        scan = read_scan(text)
        if scan is None:
            self._say(
                self.tr("Not a page code, address label or mail number: %1").replace("%1", text),
                OVERDUE_COLOR,
            )
            return
        if isinstance(scan, PageScan):
            self._add_page(text, scan)
        elif isinstance(scan, LabelScan | SlipScan):
            if not self.pages:
                self._say(self.tr("Scan the pages first, then the label."), OVERDUE_COLOR)
                return
            self._check(text)

    def _add_page(self, text: str, scan: PageScan) -> None:
        self.pages.append(text)
        self.page_list.addItem(f"{scan.letter}  {scan.page} / {scan.pages}")
        first = read_scan(self.pages[0])
        assert isinstance(first, PageScan)
        if scan.letter != first.letter:
            self._check(None)  # refused at once, and audited
            return
        self._say(
            self.tr("%1 pages scanned. Scan the next page or the label.").replace(
                "%1", str(len(self.pages))
            ),
            OK_COLOR,
        )

    def _check(self, label: str | None) -> None:
        services, user, pages = self._gui.services, self._user, list(self.pages)
        self._gui.op(self, lambda: letters.check_sealing(services, user, pages, label)).success(
            self._verdict
        ).run()

    def _verdict(self, result: SealCheck) -> None:
        verdict = result.verdict
        if verdict.accepted:
            log.info("envelope of %s accepted", verdict.letter)
            self._say(
                self.tr("OK: seal the envelope of %1.").replace("%1", verdict.letter), OK_COLOR
            )
            self.restart()
            return
        log.warning("envelope of %s refused", verdict.letter)
        lines = [f"{f.message_ja}\n{f.message_en}" for f in verdict.findings]
        self._say(self.tr("Refused: do not seal this envelope."), OVERDUE_COLOR)
        self._gui.messages.error(
            self,
            self.tr("Do not seal this envelope.") + "\n\n" + "\n\n".join(lines),
        )
        self.restart()
