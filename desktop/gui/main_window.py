"""The main window a clerk lives in: workload, filters, the case list and the case detail.

Views refresh from the runner's `changed` signal (what an operation changed), never by a blanket
reset; actions the user's role cannot use are not added at all.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar

from PySide6.QtCore import QByteArray, QItemSelectionModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.roles import Permission, can
from desktop.gui.case_detail_panel import CaseDetailPanel
from desktop.gui.case_filters import CaseFilterBar, workload_key
from desktop.gui.case_table_model import CASE_ID_ROLE, SORT_KEYS, CaseTableModel, Column
from desktop.gui.context import GuiContext
from desktop.gui.display import label
from desktop.gui.open_dialog import open_dialog
from desktop.gui.scan_controller import ScanController
from desktop.gui.scan_intake import NewScansBar
from desktop.gui.unsaved import LeaveGuard, Unsaved, settle
from desktop.gui.workload_bar import WorkloadBar, WorkloadFilter
from desktop.services import case_list
from desktop.services.case_list import CaseQuery, Workload
from desktop.services.changes import Changes
from desktop.services.context import CurrentUser

log = logging.getLogger("kaiji.gui.main_window")

_DETAIL_MAX_MIN_WIDTH = 480  # the detail scrolls sideways rather than squeeze the list
_GEOMETRY_KEY = "main_window/geometry"
_STATE_KEY = "main_window/state"
_SPLITTER_KEY = "main_window/splitter"
_HEADER_KEY = "main_window/case_header"
# Widths at the default font; the kinds column takes what is left.
_COLUMN_WIDTHS = {
    Column.REFERENCE: 118,
    Column.RECEIVED: 90,
    Column.SENDER: 112,
    Column.STATUS: 96,
    Column.DUE: 90,
    Column.DAYS_LEFT: 88,
    Column.TRACKING: 116,
}


D = TypeVar("D", bound=QDialog)
_Action = Callable[["MainWindow", CurrentUser], None]


def _signed_in(
    permission: Permission | None = None,
) -> Callable[[_Action], Callable[[MainWindow], None]]:
    """The one place an action asks who is signed in: with no one (or someone without
    `permission`) it does nothing; otherwise it runs with the user."""

    def decorate(action: _Action) -> Callable[[MainWindow], None]:
        def run(window: MainWindow) -> None:
            user = window.user
            if user is not None and (permission is None or can(user.role, permission)):
                action(window, user)

        run.__name__, run.__doc__ = action.__name__, action.__doc__
        return run

    return decorate


class MainWindow(QMainWindow):
    """The case list with its filters, the detail panel, and the application's actions."""

    def __init__(self, gui: GuiContext, user: CurrentUser | None) -> None:
        super().__init__()
        self._gui = gui
        self.user = user
        self._pending_select: tuple[int, str] | None = None
        self._searched_for_pending = False
        self.intake_dialog: QWidget | None = None
        self.setWindowTitle(self.tr("Kaiji Desk — requests for disclosure"))
        self.model = CaseTableModel(gui, self)
        self.workload = WorkloadBar()
        self.workload.retranslate(gui.services.settings.due_soon_days)
        self.detail = CaseDetailPanel(gui, user)
        self.table = QTableView()
        self._build_table()
        self.new_scans = NewScansBar()
        self.scans: ScanController | None = None
        if user is not None and can(user.role, Permission.EDIT_CASE):
            self.scans = ScanController(gui, user, self, self.new_scans, self.selected_case_id)
            self.scans.status_message.connect(self.statusBar().showMessage)
            self.scans.pages_added.connect(self.detail.open_workspace)
        self.filters = CaseFilterBar(gui.language, gui.services.settings.due_soon_days, self)
        self.filters.changed.connect(self.apply_filters)
        self.filters.set_enabled(user is not None)
        self._build_actions()
        self._build_menus_and_toolbar()
        self._build_central()
        self._build_status_bar()
        self.model.loaded.connect(self._model_loaded)
        self.model.total_changed.connect(self._show_total)
        self.workload.filter_requested.connect(self.apply_workload_filter)
        self._restore_layout()
        self._leave_guard = LeaveGuard(gui.messages, self, self.unsaved_editors, self.close)
        if user is not None:
            gui.runner.changed.connect(self._on_changes)
            self.model.refresh()
            self.refresh_workload()
            if self.scans is not None:
                self.scans.start()

    # --- building ------------------------------------------------------------------------

    def _can(self, permission: Permission) -> bool:
        return self.user is not None and can(self.user.role, permission)

    def _build_table(self) -> None:
        table = self.table
        table.setModel(self.model)
        self.model.follow(table)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.KINDS, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        for column, width in _COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        header.setSortIndicator(Column.RECEIVED, Qt.SortOrder.DescendingOrder)
        header.sectionClicked.connect(self._header_clicked)
        table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        # A search or filter that finds nothing says so instead of showing a blank list.
        self.empty_label = QLabel(self.tr("No matching cases."), table.viewport())
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: #546e7a; font-size: 11pt;")
        self.empty_label.hide()
        # Enter and a double-click (activation) open the case window, as Ctrl+D does.
        table.activated.connect(self._row_activated)
        table.doubleClicked.connect(self._row_activated)  # styles that activate on one click

    def _build_actions(self) -> None:
        self.log_action = QAction(self.tr("&Log envelope…"), self)
        self.log_action.setIconText(self.tr("Log envelope"))
        self.log_action.setShortcut(QKeySequence("Ctrl+N"))
        self.log_action.setToolTip(self.tr("Log a newly arrived envelope (Ctrl+N)"))
        self.log_action.triggered.connect(self.open_intake)
        self.reload_action = QAction(self.tr("&Reload"), self)
        self.reload_action.setIconText(self.tr("Reload"))
        self.reload_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.reload_action.setToolTip(self.tr("Reload the list from the database (F5)"))
        self.reload_action.triggered.connect(self.reload)
        self.open_case_action = QAction(self.tr("&Open case window…"), self)
        self.open_case_action.setShortcut(QKeySequence("Ctrl+D"))
        self.open_case_action.setToolTip(
            self.tr("The chosen case's documents, verification, decision and letters (Ctrl+D)")
        )
        self.open_case_action.triggered.connect(self.open_case_window)
        self.reprint_cover_action = self._reprint_cover_action()
        self.find_action = QAction(self.tr("&Find"), self)
        self.find_action.setShortcut(QKeySequence("Ctrl+F"))
        self.find_action.triggered.connect(self.filters.focus_search)
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        self.users_action = QAction(self.tr("&User management…"), self)
        self.users_action.triggered.connect(self.open_user_admin)
        self.reasons_action = QAction(self.tr("&Reason catalog…"), self)
        self.reasons_action.triggered.connect(self.open_reason_catalog)
        self.dashboard_action = QAction(self.tr("Dash&board…"), self)
        self.dashboard_action.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.dashboard_action.triggered.connect(self.open_dashboard)
        self.review_action = QAction(self.tr("&Review queue…"), self)
        self.review_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.review_action.triggered.connect(self.open_review_queue)
        self.import_customers_action = QAction(self.tr("&Import customer registry…"), self)
        self.import_customers_action.triggered.connect(self.open_customer_import)
        self.about_action = QAction(self.tr("&About Kaiji Desk"), self)
        self.about_action.triggered.connect(self.show_about)
        self.guide_action = QAction(self.tr("User &guide"), self)
        self.guide_action.setShortcut(QKeySequence(Qt.Key.Key_F1))
        self.guide_action.triggered.connect(self.open_guide)
        self.shortcuts_action = QAction(self.tr("&Keyboard shortcuts"), self)
        self.shortcuts_action.triggered.connect(self.open_shortcuts)
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in (("ja", "日本語"), ("en", "English")):
            action = QAction(name, self.language_group)
            action.setCheckable(True)
            action.setChecked(code == self._gui.language)
            action.triggered.connect(lambda _checked=False, c=code: self.choose_language(c))
            self.language_actions[code] = action
        signed_in = self.user is not None
        for action in (
            self.reload_action,
            self.find_action,
            self.open_case_action,
            self.reprint_cover_action,
        ):
            action.setEnabled(signed_in)

    def _reprint_cover_action(self) -> QAction:
        action = QAction(self.tr("Reprint &cover sheet"), self)
        action.setToolTip(
            self.tr("Print the chosen case's cover sheet again, to scan its pages into it")
        )
        action.triggered.connect(self.reprint_cover_sheet)
        return action

    def _build_menus_and_toolbar(self) -> None:
        menu = self.menuBar()
        case_menu = menu.addMenu(self.tr("&Cases"))
        if self._can(Permission.LOG_REQUEST):
            case_menu.addAction(self.log_action)
            case_menu.addSeparator()
        case_menu.addAction(self.open_case_action)
        case_menu.addAction(self.reprint_cover_action)
        case_menu.addAction(self.reload_action)
        case_menu.addAction(self.find_action)
        self._add_mail_actions(case_menu)
        case_menu.addSeparator()
        case_menu.addAction(self.quit_action)
        view_menu = menu.addMenu(self.tr("&View"))
        view_menu.addAction(self.filters.overdue_action)
        view_menu.addAction(self.filters.due_soon_action)
        if self.user is not None:
            view_menu.addSeparator()
            view_menu.addAction(self.dashboard_action)
            if self._can(Permission.APPROVE):
                view_menu.addAction(self.review_action)
        settings_menu = menu.addMenu(self.tr("&Settings"))
        language_menu = settings_menu.addMenu(self.tr("&Language"))
        for action in self.language_actions.values():
            language_menu.addAction(action)
        if self._can(Permission.MANAGE_USERS):
            admin_menu = menu.addMenu(self.tr("&Administration"))
            admin_menu.addAction(self.users_action)
            admin_menu.addActions([self.import_customers_action, self.reasons_action])
        if self.scans is not None:
            scans_menu = menu.addMenu(self.tr("Sca&ns"))
            scans_menu.addActions(self.scans.actions())
        help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.addAction(self.guide_action)
        help_menu.addAction(self.shortcuts_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

        toolbar = QToolBar(self.tr("Main toolbar"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        if self._can(Permission.LOG_REQUEST):
            toolbar.addAction(self.log_action)
        toolbar.addAction(self.reload_action)
        toolbar.addSeparator()
        self.filters.add_to(toolbar)
        self.addToolBar(toolbar)
        self.toolbar = toolbar
        if self._can(Permission.LOG_REQUEST):
            button = toolbar.widgetForAction(self.log_action)
            button.setStyleSheet("font-weight: bold;")

    def _build_central(self) -> None:
        scroll = QScrollArea()
        scroll.setWidget(self.detail)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        content = self.detail.ui.content  # hidden until a case is chosen, but sized already
        margins = self.detail.ui.mainLayout.contentsMargins()
        needed = (
            content.minimumSizeHint().width()
            + margins.left()
            + margins.right()
            + scroll.verticalScrollBar().sizeHint().width()
            + 2 * scroll.frameWidth()
        )
        scroll.setMinimumWidth(min(needed, _DETAIL_MAX_MIN_WIDTH))
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("caseSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.new_scans)
        layout.addWidget(self.workload)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        if self.user is None:
            who = self.tr("Not logged in")
        else:
            who = (
                self.tr("Logged in: %1 (%2)")
                .replace("%1", self.user.display_name)
                .replace("%2", label(self.user.role, self._gui.language))
            )
        self.user_label = QLabel(who)
        self.database_label = QLabel(
            self.tr("Database: %1").replace("%1", self._gui.database_label)
        )
        self.database_label.setToolTip(self._gui.database_label)
        self.count_label = QLabel("")
        bar.addWidget(self.user_label)
        bar.addWidget(QLabel("｜"))
        bar.addWidget(self.database_label, 1)
        bar.addPermanentWidget(self.count_label)

    # --- preferences ---------------------------------------------------------------------

    def _restore_layout(self) -> None:
        prefs = self._gui.prefs
        geometry = prefs.value(_GEOMETRY_KEY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1360, 820)
        state = prefs.value(_STATE_KEY)
        if isinstance(state, QByteArray):
            self.restoreState(state)
        splitter = prefs.value(_SPLITTER_KEY)
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        else:
            self.splitter.setSizes([880, 500])
        header = prefs.value(_HEADER_KEY)
        if isinstance(header, QByteArray) and not header.isEmpty():
            self.table.horizontalHeader().restoreState(header)
            self.table.horizontalHeader().setSortIndicator(
                Column.RECEIVED, Qt.SortOrder.DescendingOrder
            )

    def save_layout(self) -> None:
        prefs = self._gui.prefs
        prefs.setValue(_GEOMETRY_KEY, self.saveGeometry())
        prefs.setValue(_STATE_KEY, self.saveState())
        prefs.setValue(_SPLITTER_KEY, self.splitter.saveState())
        prefs.setValue(_HEADER_KEY, self.table.horizontalHeader().saveState())
        prefs.sync()

    def unsaved_editors(self) -> list[Unsaved]:
        """Everything that may hold unsaved work: the detail panel and the open case windows."""
        editors: list[Unsaved] = [self.detail]
        for window in list(self.detail.workspaces.values()):
            editors += window.unsaved_editors()
        return editors

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing or Ctrl+Q: unsaved work is saved or discarded only when the user says so."""
        if not self._leave_guard.may_leave():
            event.ignore()
            return
        self.save_layout()
        super().closeEvent(event)

    # --- filters and sorting -------------------------------------------------------------

    def current_query(self) -> CaseQuery:
        return self.filters.query(self.model.query)

    @_signed_in()
    def apply_filters(self, _user: CurrentUser) -> None:
        """Re-query the list with the filters as set in the toolbar."""
        query = self.current_query()
        self.workload.set_active(workload_key(query))
        if query != self.model.query:
            self.model.set_query(query)

    def apply_workload_filter(self, key: str) -> None:
        """Show the cases behind one count of the workload bar (clicking it again clears it)."""
        self.filters.toggle_workload(WorkloadFilter(key), self.model.query)

    def _header_clicked(self, section: int) -> None:
        header = self.table.horizontalHeader()
        key = SORT_KEYS.get(Column(section))
        query = self.model.query
        if key is None:
            # Not sortable in the database: put the indicator back where the order comes from.
            current = next(c for c, k in SORT_KEYS.items() if k == query.sort)
            header.setSortIndicator(
                current,
                Qt.SortOrder.DescendingOrder if query.descending else Qt.SortOrder.AscendingOrder,
            )
            self.statusBar().showMessage(self.tr("This column cannot be sorted."), 3000)
            return
        descending = not query.descending if key == query.sort else key == "received_on"
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        header.setSortIndicator(section, order)
        self.model.sort(section, order)

    def _show_total(self, total: int) -> None:
        self.count_label.setText(self.tr("%1 cases").replace("%1", f"{total:,}"))
        self.empty_label.setVisible(total == 0 and self.user is not None)
        self._place_empty_label()

    def _place_empty_label(self) -> None:
        viewport = self.table.viewport()
        self.empty_label.setGeometry(0, 0, viewport.width(), min(viewport.height(), 80))

    # --- selection -----------------------------------------------------------------------

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        case_id = current.data(CASE_ID_ROLE) if current.isValid() else None
        if case_id == self.detail.case_id:
            return
        if settle(self._gui.messages, self, [self.detail], lambda: self._show_after_save(case_id)):
            self.detail.show_case(case_id)
        else:
            self._reselect(self.detail.case_id)  # the edited case stays chosen

    def _show_after_save(self, case_id: int | None) -> None:
        row = self.model.row_of(case_id) if case_id is not None else None
        if row is not None:
            self._select_row(row)
        else:
            self.detail.show_case(case_id)

    def _row_activated(self, index: QModelIndex) -> None:
        if index.isValid() and index.row() == self.table.currentIndex().row():
            self.open_case_window()

    @_signed_in()
    def open_case_window(self, _user: CurrentUser) -> None:
        """The chosen case's own window (Ctrl+D, Enter or a double-click on the list)."""
        index = self.table.currentIndex()
        if not index.isValid():
            return
        case_id = int(index.data(CASE_ID_ROLE))
        reference = str(self.model.index(index.row(), Column.REFERENCE).data())
        self.detail.open_workspace_for(case_id, reference)

    def selected_case_id(self) -> int | None:
        index = self.table.currentIndex()
        return int(index.data(CASE_ID_ROLE)) if index.isValid() else None

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def show_case(self, case_id: int, reference: str) -> None:
        """Select `case_id` in the list; if the filters hide it, search for its reference."""
        self._pending_select = (case_id, reference)
        self._searched_for_pending = False
        if not self.model.loading:
            self._model_loaded()

    def _model_loaded(self) -> None:
        if self._pending_select is None:
            self._reselect(self.detail.case_id)
            return
        case_id, reference = self._pending_select
        row = self.model.row_of(case_id)
        if row is not None:
            self._pending_select = None
            self._select_row(row)
            return
        if self._searched_for_pending:
            self._pending_select = None
            self.detail.show_case(case_id)
            return
        self._searched_for_pending = True
        self.filters.set_filters(text=reference)
        if not self.model.loading:
            self._model_loaded()

    def _reselect(self, case_id: int | None) -> None:
        row = self.model.row_of(case_id) if case_id is not None else None
        if row is not None:
            self._select_row(row)  # the detail panel already shows it: no reload

    # --- refreshing ----------------------------------------------------------------------

    @_signed_in()
    def reload(self, _user: CurrentUser) -> None:
        """F5: the list, the counts and the open case, fresh from the database."""
        self.model.refresh()
        self.refresh_workload()
        if self.detail.case_id is not None and not self.detail.is_dirty():
            self.detail.reload()

    @_signed_in()
    def refresh_workload(self, _user: CurrentUser) -> None:
        services = self._gui.services
        self._gui.op(self, lambda: case_list.workload(services)).success(self._show_workload).run()

    def _show_workload(self, workload: Workload) -> None:
        self.workload.show_workload(workload)

    def _on_changes(self, changes: Changes, initiator: QObject | None) -> None:
        if initiator is self:
            return
        if changes.case_list:
            self.model.refresh()
            self.refresh_workload()

    # --- actions -------------------------------------------------------------------------

    def _open_dialog(self, dialog: D, *, modeless: bool = False) -> D:
        """Open one of the window's dialogs (deleted once closed)."""
        return open_dialog(dialog, modeless=modeless)

    @_signed_in(Permission.LOG_REQUEST)
    def open_intake(self, user: CurrentUser) -> None:
        """Open the intake dialog (window-modal, so the list stays visible behind it)."""
        from desktop.gui.intake_dialog import IntakeDialog

        dialog = IntakeDialog(self._gui, user, self)
        dialog.case_logged.connect(self.show_case)
        dialog.open_case_requested.connect(self.show_case)
        dialog.cover_sheet_requested.connect(self.print_cover_sheet)
        dialog.destroyed.connect(self._intake_closed)
        self.intake_dialog = self._open_dialog(dialog)

    def _intake_closed(self) -> None:
        self.intake_dialog = None
        # The keyboard goes back to the list, where Ctrl+D opens the case just logged.
        self.table.setFocus()

    @_signed_in()
    def reprint_cover_sheet(self, _user: CurrentUser) -> None:
        """The chosen case's cover sheet again (lost, or the scan of its pages failed)."""
        case_id = self.selected_case_id()
        if case_id is not None:
            self.print_cover_sheet(case_id)

    def print_cover_sheet(self, case_id: int) -> None:
        from desktop.services.cover_sheets import cover_sheet_pdf

        services = self._gui.services
        self._gui.op(self, lambda: cover_sheet_pdf(services, case_id)).success(
            self._print_cover_sheet
        ).run()

    def _print_cover_sheet(self, pdf: bytes) -> None:
        self._gui.ui.print_pdf(self, pdf, self.tr("Case cover sheet"))

    def _add_mail_actions(self, case_menu: QMenu) -> None:
        """The print queue and returned mail, for whoever moves cases along."""
        self.print_queue_action = QAction(self.tr("&Print queue…"), self)
        self.print_queue_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.print_queue_action.triggered.connect(self.open_print_queue)
        self.returned_mail_action = QAction(self.tr("Re&turned mail…"), self)
        self.returned_mail_action.triggered.connect(self.open_returned_mail)
        if self._can(Permission.CHANGE_STATUS):
            case_menu.addSeparator()
            case_menu.addAction(self.print_queue_action)
            case_menu.addAction(self.returned_mail_action)

    @_signed_in()
    def open_print_queue(self, user: CurrentUser) -> None:
        from desktop.gui.print_queue import PrintQueueDialog

        self._open_dialog(PrintQueueDialog(self._gui, user, self))

    @_signed_in()
    def open_returned_mail(self, user: CurrentUser) -> None:
        from desktop.gui.mail_dialogs import ReturnedMailDialog

        self._open_dialog(ReturnedMailDialog(self._gui, user, self))

    @_signed_in(Permission.MANAGE_USERS)
    def open_user_admin(self, user: CurrentUser) -> None:
        from desktop.gui.user_admin_dialog import UserAdminDialog

        self._open_dialog(UserAdminDialog(self._gui, user, self))

    @_signed_in(Permission.MANAGE_REASONS)
    def open_reason_catalog(self, user: CurrentUser) -> None:
        from desktop.gui.reasons_dialog import ReasonsDialog

        self._open_dialog(ReasonsDialog(self._gui, user, self))

    @_signed_in()
    def open_dashboard(self, _user: CurrentUser) -> None:
        from desktop.gui.dashboard import DashboardDialog

        dialog = DashboardDialog(self._gui, self)
        dialog.filter_requested.connect(self.apply_case_query)
        # A dialog stays above its window, so the dashboard steps aside for the list it opened
        # (Ctrl+Shift+D brings it back).
        dialog.filter_requested.connect(dialog.close)
        self.dashboard_dialog = self._open_dialog(dialog, modeless=True)

    @_signed_in(Permission.APPROVE)
    def open_review_queue(self, user: CurrentUser) -> None:
        from desktop.gui.review_queue import ReviewQueueDialog

        dialog = ReviewQueueDialog(self._gui, user, self)
        dialog.open_case_requested.connect(self._open_reviewed_case)
        self.review_dialog = self._open_dialog(dialog, modeless=True)

    def _open_reviewed_case(self, case_id: int, reference: str) -> None:
        """The case window of a case in the queue, in front (the list follows it behind)."""
        self.show_case(case_id, reference)
        self.detail.open_workspace_for(case_id, reference)

    def apply_case_query(self, query: CaseQuery) -> None:
        """Show the cases behind a dashboard figure: the toolbar shows what it can of the query."""
        self.filters.show_query(query)
        # Periods (received or closed in a week, waiting since) have no toolbar control.
        current = self.model.query
        wanted = replace(query, sort=current.sort, descending=current.descending)
        if wanted != current:
            self.model.set_query(wanted)
        self.raise_()
        self.activateWindow()

    @_signed_in(Permission.MANAGE_USERS)
    def open_customer_import(self, user: CurrentUser) -> None:
        from desktop.gui.customer_import_dialog import CustomerImportDialog

        self.customer_import_dialog = self._open_dialog(CustomerImportDialog(self._gui, user, self))

    def choose_language(self, code: str) -> None:
        if self._gui.save_language is not None:
            self._gui.save_language(code)
        self._gui.messages.info(
            self, self.tr("The display language changes the next time Kaiji Desk starts.")
        )

    def open_guide(self) -> None:
        from desktop.gui.help_dialog import GuideDialog

        self.guide_dialog = self._open_dialog(GuideDialog(self._gui.language, self), modeless=True)

    def open_shortcuts(self) -> None:
        from desktop.gui.help_dialog import ShortcutsDialog

        self.shortcuts_dialog = self._open_dialog(ShortcutsDialog(self), modeless=True)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._place_empty_label()

    def show_about(self) -> None:
        from desktop.gui.crash_reporting import app_version

        QMessageBox.about(
            self,
            self.tr("About Kaiji Desk"),
            self.tr(
                "<h3>Kaiji Desk %1</h3><p>Intake, verification and response of requests for "
                "disclosure of personal data (APPI) received by registered mail.</p>"
            ).replace("%1", app_version()),
        )
