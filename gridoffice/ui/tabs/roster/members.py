"""The members page of the roster tab: toolbar, search and filters, the table,
and the selected member's history underneath.

The panel builds a :class:`~gridoffice.services.roster.MemberQuery` from its
widgets and the organisation the tab chose, asks ``loader`` for the rows and
shows them. Typing in the search box reloads after a short pause; the query
itself is the service's (name, full pinyin, initials, last digits of ID or
phone).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPoint, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QSplitter,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gridoffice.domain.codes import (
    EDUCATION,
    MEMBER_CATEGORY,
    MEMBER_STATUS,
    RELATION_STATUS,
    CodeTable,
)
from gridoffice.ui.labels import code_label
from gridoffice.ui.models.member_table import (
    COL_AGE,
    COL_BIRTH,
    COL_CATEGORY,
    COL_EDUCATION,
    COL_FULL,
    COL_ID,
    COL_JOIN,
    COL_NAME,
    COL_ORG,
    COL_PHONE,
    COL_RELATION,
    COL_SEX,
    COL_STATUS,
    COLUMN_COUNT,
    MemberTableModel,
)
from gridoffice.ui.tabs.roster.member_detail import MemberDetailPanel
from gridoffice.ui.widgets.actions import RowSelection, make_action
from gridoffice.ui.widgets.community import CommunityScope
from gridoffice.ui.widgets.date_field import DateField
from gridoffice.ui.widgets.inputs import signals_blocked
from gridoffice.ui.widgets.layout import filter_rows
from gridoffice.ui.widgets.tables import restore_layout

if TYPE_CHECKING:
    from gridoffice.services.roster import MemberQuery, MemberRow

# Typing reloads on the next turn of the event loop: keys typed faster than a
# query runs are coalesced, and nothing waits on a timer.
SEARCH_DELAY_MS = 0
Loader = Callable[["MemberQuery"], tuple[Sequence["MemberRow"], dt.date]]


class MemberTableView(QTableView):
    """The roster table: whole rows, keyboard first, Enter opens the member."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.setCornerButtonEnabled(False)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        rows.setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)


class MemberPanel(QWidget, RowSelection):
    """See the module docstring. ``loaded(count)`` fires after every reload."""

    loaded = Signal(int)
    current_changed = Signal(object)  # MemberRow or None
    open_requested = Signal(object)  # MemberRow
    filters_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loader: Loader | None = None
        self.org_id: str | None = None  # None: every organisation
        # The street's view (set by the tab): one community's members (None: all), and
        # the office owning the chosen organisation (new members go there).
        self.community = CommunityScope()
        self.office: str | None = None
        self.scope_office: str | None = None
        self.last_load_ms = 0.0
        self._selected_id: str | None = None
        # The rows without a search text, kept while nothing changes: clearing the
        # search box shows them again at once (the whole roster is the slowest query).
        self._base: tuple[MemberQuery, Sequence[MemberRow], dt.date] | None = None

        self._build_actions()
        self._build_filters()
        self.model = MemberTableModel(self)
        self.view = MemberTableView(self)
        self.view.setModel(self.model)
        self.view.horizontalHeader().setSortIndicator(COL_NAME, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self._size_columns()
        self.view.activated.connect(self._activated)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.detail = MemberDetailPanel(self)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        table_box = QWidget(self)
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.view)
        self.splitter.addWidget(table_box)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(True)
        self.splitter.setSizes([520, 200])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.toolbar)
        layout.addLayout(self.filter_row1)
        layout.addLayout(self.filter_row2)
        layout.addWidget(self.splitter, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload)
        self.update_actions()

    # --- building -------------------------------------------------------------------------
    def _action(self, text: str, shortcut: QKeySequence | str | None = None,
                tip: str | None = None) -> QAction:
        return make_action(self, text, None, shortcut, tip)

    def _build_actions(self) -> None:
        self.new_action = self._action(self.tr("New member…"), QKeySequence(Qt.Key.Key_Insert),
                                       self.tr("Add a party member (Ins)"))
        self.edit_action = self._action(self.tr("Open…"), QKeySequence(Qt.Key.Key_F2),
                                        self.tr("Open the selected member (Enter, F2)"))
        self.confirm_action = self._action(self.tr("Full membership…"), "Ctrl+Shift+F",
                                           self.tr("转正: make the probationary member a full "
                                                   "member (Ctrl+Shift+F)"))
        self.extend_action = self._action(self.tr("Extend probation…"))
        self.transfer_out_action = self._action(self.tr("Transfer out…"), "Ctrl+Shift+T",
                                                self.tr("组织关系转出 (Ctrl+Shift+T)"))
        self.transfer_status_action = self._action(self.tr("Update transfer…"))
        self.transfer_in_action = self._action(self.tr("Transfer in…"), None,
                                               self.tr("组织关系转入: a member arrives from "
                                                       "another organisation"))
        self.deceased_action = self._action(self.tr("Deceased…"))
        self.expelled_action = self._action(self.tr("Left the Party…"))
        self.suspended_action = self._action(self.tr("Suspend membership…"))
        self.restore_action = self._action(self.tr("Restore…"), None,
                                           self.tr("Active again (a status set by mistake, "
                                                   "or membership restored)"))
        self.import_action = self._action(self.tr("Import members from Excel…"))
        self.export_action = self._action(self.tr("Export this view to Excel…"), "Ctrl+E",
                                          self.tr("Save the members shown, masked, as an "
                                                  "Excel file (Ctrl+E)"))
        self.ledger_action = self._action(self.tr("Roster of party members…"), "Ctrl+P",
                                          self.tr("党员花名册 of the chosen organisation, "
                                                  "as PDF (Ctrl+P)"))
        self.search_action = self._action(self.tr("Search"), QKeySequence.StandardKey.Find)
        self.search_action.triggered.connect(self._focus_search)

        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for act in (self.new_action, self.edit_action, self.confirm_action,
                    self.extend_action):
            self.toolbar.addAction(act)
        self.transfer_menu = QMenu(self)
        for act in (self.transfer_out_action, self.transfer_status_action,
                    self.transfer_in_action):
            self.transfer_menu.addAction(act)
        self.transfer_button = self._menu_button(self.tr("Transfer"), self.transfer_menu)
        self.status_menu = QMenu(self)
        for act in (self.deceased_action, self.expelled_action, self.suspended_action, None,
                    self.restore_action):
            if act is None:
                self.status_menu.addSeparator()
            else:
                self.status_menu.addAction(act)
        self.status_button = self._menu_button(self.tr("Membership status"), self.status_menu)
        self.toolbar.addSeparator()
        self.excel_menu = QMenu(self)
        self.excel_menu.addAction(self.import_action)
        self.excel_menu.addAction(self.export_action)
        self.excel_button = self._menu_button(self.tr("Excel"), self.excel_menu)
        self.toolbar.addAction(self.ledger_action)

    def _menu_button(self, text: str, menu: QMenu) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setMenu(menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.toolbar.addWidget(button)
        return button

    def _build_filters(self) -> None:
        self.scope_label = QLabel(self)
        font = self.scope_label.font()
        font.setBold(True)
        self.scope_label.setFont(font)
        self.scope_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.search_edit = QLineEdit(self)
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr(
            "Search: name, pinyin or initials (zw), last digits of ID or phone"))
        self.search_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("x" * 44))
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        self.search_edit.returnPressed.connect(self._search_now)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("memberCount")

        self.category_combo = QComboBox(self)
        self.category_combo.addItem(self.tr("All categories"), None)
        self._add_codes(self.category_combo, MEMBER_CATEGORY)
        self.status_combo = QComboBox(self)
        self.status_combo.addItem(self.tr("Full and probationary"), None)
        self._add_codes(self.status_combo, MEMBER_STATUS)
        self.relation_combo = QComboBox(self)
        self.relation_combo.addItem(self.tr("Active members"), "active")
        self.relation_combo.addItem(self.tr("Everyone, former members too"), None)
        self._add_codes(self.relation_combo, RELATION_STATUS)
        self.overdue_check = QCheckBox(self.tr("Probation over, not confirmed"), self)
        self.overdue_check.setToolTip(self.tr("预备期已满待转正"))
        self.sub_orgs_check = QCheckBox(self.tr("Include sub-organisations"), self)
        self.sub_orgs_check.setChecked(True)
        self.as_of_edit = DateField(self)
        self.as_of_edit.setPlaceholderText(self.tr("today"))
        self.as_of_edit.setToolTip(self.tr(
            "花名册截至某日: who belonged to the organisation on that day"))
        self.as_of_label = QLabel(self.tr("As of:"), self)
        self.as_of_label.setBuddy(self.as_of_edit)
        for combo in (self.category_combo, self.status_combo, self.relation_combo):
            combo.currentIndexChanged.connect(lambda _i: self._filter_changed())
        for box in (self.overdue_check, self.sub_orgs_check):
            box.toggled.connect(lambda _c: self._filter_changed())
        self.as_of_edit.textChanged.connect(lambda _t: self._as_of_changed())

        row1, row2 = filter_rows(
            self.scope_label, self.search_edit, self.count_label,
            (self.category_combo, self.status_combo, self.relation_combo,
             self.overdue_check, self.sub_orgs_check))
        row2.addWidget(self.as_of_label)
        row2.addWidget(self.as_of_edit)
        self.filter_row1, self.filter_row2 = row1, row2

    @staticmethod
    def _add_codes(combo: QComboBox, table: CodeTable) -> None:
        for code in table:
            combo.addItem(code_label(table, code.code), code.code)

    def _size_columns(self) -> None:
        """Widths for the longest usual content (the header can be dragged, and is saved)."""
        metrics = self.view.fontMetrics()

        def widest(texts: Sequence[str]) -> int:
            return max(metrics.horizontalAdvance(t) for t in texts)

        def labels(table: CodeTable) -> list[str]:
            return [code_label(table, c.code) for c in table]

        samples: dict[int, list[str]] = {
            COL_NAME: ["买买提·吐尔逊"], COL_SEX: ["男", "Female"], COL_BIRTH: ["0000-00"],
            COL_AGE: ["000"], COL_ID: ["110105********0213"],
            COL_EDUCATION: labels(EDUCATION)[:4], COL_JOIN: ["0000-00-00"],
            COL_FULL: ["0000-00-00"],
            COL_STATUS: [*labels(MEMBER_STATUS), QCoreApplication.translate(
                "MemberTableModel", "Probation over, not confirmed") + "    "],
            COL_CATEGORY: labels(MEMBER_CATEGORY), COL_ORG: ["幸福里社区第一网格党支部"],
            COL_PHONE: ["138****5678"], COL_RELATION: labels(RELATION_STATUS),
        }
        header = self.view.horizontalHeader()
        headers = self.model.headers()
        for column in range(COLUMN_COUNT):
            width = widest([*samples.get(column, [""]), headers[column]]) + 24
            header.resizeSection(column, min(width, 320))

    # --- loading --------------------------------------------------------------------------
    def query(self) -> MemberQuery:
        from gridoffice.services.roster import MemberQuery

        return MemberQuery(
            org_id=self.org_id,
            include_sub_orgs=self.sub_orgs_check.isChecked(),
            text=self.search_edit.text(),
            category=self.category_combo.currentData(),
            status=self.status_combo.currentData(),
            relation=self.relation_combo.currentData(),
            overdue_only=self.overdue_check.isChecked(),
            as_of=self.as_of(),
            office=self.office,
        )

    def as_of(self) -> dt.date | None:
        try:
            return self.as_of_edit.date()
        except ValueError:
            return None

    def set_scope(self, org_id: str | None, label: str) -> None:
        """Show the members of ``org_id`` (None: every organisation)."""
        self.scope_label.setText(label)
        if org_id != self.org_id or not self.model.rowCount():
            self.org_id = org_id
            self.reload()

    def reload(self, select_id: str | None = None) -> None:
        """Ask for the rows again (after a change, or a new search or filter)."""
        self._search_timer.stop()
        if self.loader is None:
            return
        keep = select_id or self.current_id() or self._selected_id
        started = time.perf_counter()
        query = self.query()
        base_query = replace(query, text="")
        if not query.text.strip() and self._base is not None and self._base[0] == base_query:
            rows, today = self._base[1], self._base[2]
        else:
            rows, today = self.loader(query)
            if not query.text.strip():
                self._base = (base_query, rows, today)
        self.model.set_rows(rows, today=today, as_of=query.as_of)
        self.count_label.setText(self.tr("%n member(s)", "", len(rows)))
        self._select(keep)
        self.last_load_ms = (time.perf_counter() - started) * 1000
        self.loaded.emit(len(rows))

    def invalidate(self) -> None:
        """The data changed: the next reload asks the service again."""
        self._base = None

    def _search_now(self) -> None:
        self.reload()
        if self.model.rowCount() and not self.view.currentIndex().isValid():
            self.select_row(0)

    def _filter_changed(self) -> None:
        self.filters_changed.emit()
        self.reload()

    def _as_of_changed(self) -> None:
        text = self.as_of_edit.text().strip()
        try:
            day = self.as_of_edit.date()
        except ValueError:
            return  # still typing
        self.relation_combo.setEnabled(day is None)
        self.relation_combo.setToolTip(self.tr(
            "With an as-of date the roster shows who belonged then, whatever their status "
            "now.") if day else "")
        if day is not None or not text:
            self._filter_changed()

    def reset_filters(self, relation: str | None = "active") -> None:
        """Everything visible again (the members of ``relation``: active ones unless
        told), without reloading twice."""
        with signals_blocked(self.search_edit, self.category_combo, self.status_combo,
                             self.relation_combo, self.overdue_check, self.sub_orgs_check,
                             self.as_of_edit):
            self.search_edit.clear()
            for combo in (self.category_combo, self.status_combo):
                combo.setCurrentIndex(0)
            self.relation_combo.setCurrentIndex(max(self.relation_combo.findData(relation), 0))
            self.overdue_check.setChecked(False)
            self.sub_orgs_check.setChecked(True)
            self.as_of_edit.clear()
            self.relation_combo.setEnabled(True)

    # --- selection ------------------------------------------------------------------------

    def select_member(self, member_id: str | None) -> bool:
        return self._select(member_id) and self.current_id() == member_id

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    def _select(self, member_id: str | None) -> bool:
        row = self.model.row_of(member_id)
        if row < 0:
            self.view.selectionModel().clearCurrentIndex()
            self.view.clearSelection()
            self._current_row_changed(QModelIndex(), QModelIndex())
            return False
        self.select_row(row)  # after a reload this reports the current row (and its history)
        return True

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_at(current.row()) if current.isValid() else None
        self._selected_id = row.id if row else None
        self.update_actions()
        self.current_changed.emit(row)

    def _activated(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row is not None:
            self.open_requested.emit(row)

    def _focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    # --- actions --------------------------------------------------------------------------
    def update_actions(self, attached: bool | None = None) -> None:
        if attached is None:
            attached = self.loader is not None
        row = self.current_row() if attached else None
        active = row is not None and row.relation_status in ("normal", "transferring_out")
        normal = row is not None and row.relation_status == "normal"
        probationary = active and row is not None and row.status == "probationary"
        self.new_action.setEnabled(attached)
        self.transfer_in_action.setEnabled(attached)
        self.import_action.setEnabled(attached)
        self.export_action.setEnabled(attached)
        self.ledger_action.setEnabled(attached)
        self.edit_action.setEnabled(row is not None)
        self.confirm_action.setEnabled(probationary)
        self.extend_action.setEnabled(probationary and row is not None
                                      and row.probation_extension_months == 0)
        self.transfer_out_action.setEnabled(normal)
        self.transfer_status_action.setEnabled(row is not None
                                               and row.relation_status == "transferring_out")
        for act in (self.deceased_action, self.expelled_action, self.suspended_action):
            act.setEnabled(active)
        self.restore_action.setEnabled(row is not None and not active)
        community = self.community
        if community.active:
            community.lock(self.row_actions(), row.origin_office if row else None,
                           locked=row is not None and community.read_only(row.origin_office))
            # New members go to the chosen organisation: only into the street's own.
            community.lock((self.new_action, self.transfer_in_action, self.import_action),
                           self.scope_office, locked=community.read_only(self.scope_office),
                           text=community.add_text())

    def row_actions(self) -> list[QAction]:
        """The actions that change the selected member."""
        return [self.edit_action, self.confirm_action, self.extend_action,
                self.transfer_out_action, self.transfer_status_action, self.deceased_action,
                self.expelled_action, self.suspended_action, self.restore_action]

    def context_actions(self) -> list[QAction | None]:
        return [self.edit_action, None, self.confirm_action, self.extend_action, None,
                self.transfer_out_action, self.transfer_status_action, None,
                self.deceased_action, self.expelled_action, self.suspended_action,
                self.restore_action, None, self.new_action, self.transfer_in_action]

    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if index.isValid():
            self.view.setCurrentIndex(index)
        elif self.view.currentIndex().isValid():  # from the keyboard (Menu key)
            pos = self.view.visualRect(self.view.currentIndex()).center()
        menu = QMenu(self)
        for act in self.context_actions():
            if act is None:
                menu.addSeparator()
            else:
                menu.addAction(act)
        menu.popup(self.view.viewport().mapToGlobal(pos))

    # --- window state ---------------------------------------------------------------------
    def save_state(self, settings: QSettings) -> None:
        settings.setValue("roster/member_header", self.view.horizontalHeader().saveState())
        settings.setValue("roster/member_splitter", self.splitter.saveState())

    def restore_state(self, settings: QSettings) -> None:
        state: Any = settings.value("roster/member_header")
        if state is not None:
            restore_layout(self.view.horizontalHeader(), state)  # the user's sort too
        state = settings.value("roster/member_splitter")
        if state is not None:
            self.splitter.restoreState(state)
