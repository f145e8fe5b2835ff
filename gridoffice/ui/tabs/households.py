"""The "Grid households" tab (网格户情): the grid tree on the left, the residents of
the chosen grid, building, unit or household (or the whole community) on the
right with search and filters, and the selected household underneath.

In the street office a community filter above the tree picks whose grids are
shown; with every community, each grid's name starts with its community. The
communities' grids, households and residents are read-only there.

The resident rows are read by a :class:`~gridoffice.ui.workers.BackgroundJob`:
a keystroke only restarts the search timer, and an answer that arrives after a
newer query was started is dropped. ``loaded(count)`` fires after each reload.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QSpinBox,
    QSplitter,
    QTableView,
    QToolBar,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from gridoffice.domain.codes import CARE_TAGS, POPULATION_TYPES, RESIDENCE_STATUS
from gridoffice.domain.households import AGE_BAND_OLDEST, AGE_BANDS
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.ledgers import catalogue
from gridoffice.services import changes
from gridoffice.services.changes import Changes
from gridoffice.ui import messages
from gridoffice.ui.labels import code_label
from gridoffice.ui.ledger_menu import LedgerMenu
from gridoffice.ui.models.household_residents import (
    COL_ADDRESS,
    COL_ID,
    COL_NAME,
    DEFAULT_STALE_DAYS,
    ResidentTableModel,
)
from gridoffice.ui.models.household_tree import (
    KIND_BUILDING,
    KIND_GRID,
    KIND_HOUSE,
    KIND_UNIT,
    HouseholdTreeModel,
    TreeNode,
    TreeSource,
)
from gridoffice.ui.tabs.base import BaseTab
from gridoffice.ui.tabs.household_detail import HouseholdDetailPanel
from gridoffice.ui.widgets.actions import RowSelection, make_action
from gridoffice.ui.widgets.community import (
    CommunityFilter,
    CommunityScope,
    show_community_column,
)
from gridoffice.ui.workers import BackgroundJob

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from gridoffice.ledgers.catalogue import Ledger
    from gridoffice.services.container import Services
    from gridoffice.services.households import (
        GridRow,
        HouseholdService,
        ResidentQuery,
        ResidentRow,
    )
    from gridoffice.services.orgs import OrgService
    from gridoffice.services.roster import RosterService
    from gridoffice.store.database import Database

SEARCH_DELAY_MS = 150


class HouseholdsTab(BaseTab, RowSelection):
    """See the module docstring."""

    key = "households"
    title_text = QT_TRANSLATE_NOOP("MainWindow", "Grid households")
    # member links and grid branches show members' and organisations' names
    watches = changes.HOUSEHOLDS | {"member", "org"}
    loaded = Signal(int)

    def __init__(self, undo_stack: QUndoStack | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(undo_stack, parent)
        self.service: HouseholdService | None = None
        self.db: Database | None = None
        self.unit_name = ""
        self.orgs: OrgService | None = None
        self.members: RosterService | None = None
        self.scope: TreeNode | None = None  # None: the whole community
        self._generation = 0
        self._jobs: list[BackgroundJob] = []
        self._select_after: str | None = None
        self.today = dt.date.today()
        self.community = CommunityScope()  # the street's view: set_community_scope

        self._build_actions()
        self.tree_model = HouseholdTreeModel(self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.tree_model)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            self.tree.header().setSectionResizeMode(column,
                                                    QHeaderView.ResizeMode.ResizeToContents)
        self.tree.selectionModel().currentChanged.connect(self._tree_changed)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree_toolbar)
        # Street office: the filter picks one community's grids (hidden in a community);
        # the read-only note is its tooltip: the tree's column has no room for it.
        self.community_filter = CommunityFilter(left, note=False)
        self.community_filter.changed.connect(self._community_changed)
        left_layout.addWidget(self.community_filter)
        left_layout.addWidget(self.tree)
        left.setMinimumWidth(self.fontMetrics().horizontalAdvance("x" * 62))

        self._build_filters()
        self.model = ResidentTableModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        rows = self.view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.view.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setSortIndicator(COL_ADDRESS, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        metrics = self.view.fontMetrics()
        header.resizeSection(COL_ID, metrics.horizontalAdvance("110105********0213") + 24)
        header.resizeSection(COL_ADDRESS, metrics.horizontalAdvance("幸福里小区12号楼3单元1201")
                             + 24)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.view.activated.connect(lambda _i: self.open_current())
        self.detail = HouseholdDetailPanel(self)
        self.detail.add_visit_button.clicked.connect(self.add_visit)
        self.detail.center_toggled.connect(self.set_center_household)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.toolbar)
        right_layout.addLayout(self.filter_row1)
        right_layout.addLayout(self.filter_row2)
        right_layout.addWidget(self.grid_warning_label)
        self.right_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.right_splitter.addWidget(self.view)
        self.right_splitter.addWidget(self.detail)
        self.right_splitter.setStretchFactor(0, 3)
        self.right_splitter.setStretchFactor(1, 2)
        right_layout.addWidget(self.right_splitter, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([400, 1000])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload)
        self.update_actions()

    # --- building -------------------------------------------------------------------------
    def _action(self, text: str, slot: Callable[[], Any], tip: str | None = None) -> QAction:
        return make_action(self, text, slot, tip=tip)

    def _build_actions(self) -> None:
        self.community_action = self._action(self.tr("Whole community"), self.show_community)
        self.new_grid_action = self._action(self.tr("New grid…"), self.new_grid)
        self.team_action = self._action(self.tr("Grid team…"), self.edit_team,
                                        self.tr("The 1+2+X team of the selected grid"))
        self.new_building_action = self._action(self.tr("New building…"), self.new_building)
        self.new_house_action = self._action(self.tr("New house…"), self.new_house)
        self.new_household_action = self._action(self.tr("New household…"),
                                                 self.new_household)
        self.tree_toolbar = QToolBar(self)
        self.tree_toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.tree_toolbar.addAction(self.community_action)
        self.new_menu = QMenu(self)
        for act in (self.new_grid_action, self.new_building_action, self.new_house_action,
                    self.new_household_action):
            self.new_menu.addAction(act)
        new_button = QToolButton(self)
        new_button.setText(self.tr("New"))
        new_button.setMenu(self.new_menu)
        new_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.tree_toolbar.addWidget(new_button)
        self.tree_toolbar.addAction(self.team_action)
        self.edit_grid_action = self._action(self.tr("Edit grid…"), self.edit_grid)
        self.tree_toolbar.addAction(self.edit_grid_action)

        self.add_resident_action = self._action(self.tr("Add resident…"), self.add_resident)
        self.edit_action = self._action(self.tr("Open…"), self.edit_resident)
        self.tag_action = self._action(self.tr("Tags…"), self.add_tag)
        self.move_out_action = self._action(self.tr("Move out…"), self.move_out)
        self.death_action = self._action(self.tr("Death…"), self.record_death)
        self.head_action = self._action(self.tr("Change head…"), self.change_head)
        self.move_action = self._action(self.tr("Move household…"), self.move_household)
        self.visit_action = self._action(self.tr("Add visit…"), self.add_visit)
        self.member_link_action = self._action(
            self.tr("Party member…"), self.link_member,
            self.tr("Link the resident to a party member on the roster, or unlink"))
        self.duplicates_action = self._action(
            self.tr("Duplicates…"), self.find_duplicates,
            self.tr("Residents recorded twice, and merging them"))
        self.export_action = self._action(self.tr("Export this view to Excel…"),
                                          self.export_view)
        self.full_export_action = self._action(
            self.tr("Export this view with full numbers…"),
            lambda: self.export_view(full=True),
            self.tr("Save the residents shown with full ID numbers and phones, to import "
                    "back; recorded in the audit log"))
        self.import_action = self._action(self.tr("Import residents from Excel…"),
                                          self.import_residents)
        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for act in (self.add_resident_action, self.edit_action, self.tag_action,
                    self.move_out_action, self.death_action, None, self.head_action,
                    self.move_action, self.visit_action, None, self.member_link_action,
                    self.duplicates_action):
            if act is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(act)
        self.ledger_menu = LedgerMenu(self, "households")
        self.print_menu = self.ledger_menu.menu
        self.forms_action = self.ledger_menu.action("household")
        self.summary_action = self.ledger_menu.action("grid")
        self.care_list_action = self.ledger_menu.action("care")
        print_button = QToolButton(self)
        print_button.setText(self.tr("Print"))
        print_button.setMenu(self.print_menu)
        print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.toolbar.addSeparator()
        self.toolbar.addWidget(print_button)
        self.excel_menu = QMenu(self)
        self.excel_menu.addAction(self.export_action)
        self.excel_menu.addAction(self.full_export_action)
        self.excel_menu.addAction(self.import_action)
        excel_button = QToolButton(self)
        excel_button.setText(self.tr("Excel"))
        excel_button.setMenu(self.excel_menu)
        excel_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.toolbar.addWidget(excel_button)

    def _build_filters(self) -> None:
        self.scope_label = QLabel(self)
        font = self.scope_label.font()
        font.setBold(True)
        self.scope_label.setFont(font)
        self.search_edit = QLineEdit(self)
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr(
            "Search: name, pinyin or initials (zw), last digits of ID or phone, 3-2-301"))
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        self.search_edit.returnPressed.connect(self.reload)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("residentCount")
        self.grid_warning_label = QLabel(self)
        self.grid_warning_label.setObjectName("gridWarning")
        self.grid_warning_label.setWordWrap(True)
        self.grid_warning_label.setStyleSheet(
            "background: #fff3e0; color: #8a4b00; padding: 3px 6px;")
        self.grid_warning_label.hide()

        self.grid_combo = QComboBox(self)
        self.grid_combo.addItem(self.tr("All grids"), None)
        self.tag_combo = QComboBox(self)
        self.tag_combo.addItem(self.tr("All care tags"), None)
        for code in CARE_TAGS:
            self.tag_combo.addItem(code_label(CARE_TAGS, code.code), code.code)
        self.population_combo = QComboBox(self)
        self.population_combo.addItem(self.tr("All population types"), None)
        for code in POPULATION_TYPES:
            self.population_combo.addItem(code_label(POPULATION_TYPES, code.code), code.code)
        self.residence_combo = QComboBox(self)
        self.residence_combo.addItem(self.tr("Any residence"), None)
        for code in RESIDENCE_STATUS:
            self.residence_combo.addItem(code_label(RESIDENCE_STATUS, code.code), code.code)
        self.age_combo = QComboBox(self)
        self.age_combo.addItem(self.tr("All ages"), None)
        for _limit, band in AGE_BANDS:
            self.age_combo.addItem(band, band)
        self.age_combo.addItem(AGE_BAND_OLDEST, AGE_BAND_OLDEST)
        self.visit_check = QCheckBox(self.tr("Not visited for"), self)
        self.visit_spin = QSpinBox(self)
        self.visit_spin.setRange(1, 3650)
        self.visit_spin.setValue(DEFAULT_STALE_DAYS)
        self.visit_spin.setSuffix(self.tr(" days"))
        for combo in (self.grid_combo, self.tag_combo, self.population_combo,
                      self.residence_combo, self.age_combo):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.grid_combo.currentIndexChanged.connect(lambda _i: self._update_grid_warning())
        self.visit_check.toggled.connect(lambda _c: self.reload())
        self.visit_spin.valueChanged.connect(lambda _v: self.reload())

        row1 = QHBoxLayout()
        row1.addWidget(self.scope_label)
        row1.addSpacing(8)
        row1.addWidget(self.search_edit, 1)
        row1.addSpacing(8)
        row1.addWidget(self.count_label)
        row2 = QHBoxLayout()
        for widget in (self.grid_combo, self.tag_combo, self.population_combo,
                       self.residence_combo, self.age_combo, self.visit_check,
                       self.visit_spin):
            row2.addWidget(widget)
        row2.addStretch(1)
        self.filter_row1, self.filter_row2 = row1, row2

    # --- attaching and loading --------------------------------------------------------------
    def set_scope(self, scope: CommunityScope) -> None:
        """The street office's view: every community's grids and residents, a 社区
        column and the filter above the tree; the communities' records read-only."""
        self.community = scope
        self.community_filter.set_scope(scope)
        show_community_column(self.view, self.model, scope)
        if scope.active:  # every grid of the communities chosen, not "the community"
            self.community_action.setText(self.tr("All grids"))
        self._label_grids()
        self.update_actions()

    def _label_grids(self) -> None:
        """Every community's grids at once: each grid's name starts with its community."""
        every = self.community.active and self.community_filter.office() is None
        self.tree_model.community_label = self._grid_community if every else None

    def _grid_community(self, grid: GridRow) -> str:
        return self.community.label(grid.origin_office)

    def _community_changed(self) -> None:
        self._label_grids()
        selection = self.tree.selectionModel()
        selection.blockSignals(True)  # one reload, by reread()
        selection.clearCurrentIndex()
        selection.blockSignals(False)
        self.scope = None
        self.reread()

    def _tree_grids(self) -> list[GridRow]:
        """The grids of the tree: the chosen community's (the street), by community."""
        assert self.service is not None
        grids = self.service.list_grids(office=self.community_filter.office())
        if self.tree_model.community_label is not None:
            grids.sort(key=lambda g: self._grid_community(g))  # stable: codes within
        return grids

    def attach(self, services: Services) -> None:
        super().attach(services)
        self.service = service = services.households
        self.db = services.db
        self.unit_name = services.unit
        self.orgs = services.orgs
        self.members = services.roster
        self.today = service.today()
        self.tree_model.set_source(TreeSource(
            grids=self._tree_grids, buildings=service.buildings, houses=service.houses,
            residents_of_building=lambda bid: self._residents_of_building(bid)))
        self._fill_grid_combo()
        self._update_scope_label()
        self.update_actions()
        first = self.tree_model.index(0, 0)
        if first.isValid():
            self.tree.expand(first)
        if first.isValid():  # start on the first grid: a worker's day is one grid, and
            self.tree.setCurrentIndex(first)  # the whole community is one click away
        else:
            self.reload()

    def _residents_of_building(self, building_id: str) -> list[ResidentRow]:
        from gridoffice.services.households import ResidentQuery

        assert self.service is not None
        return self.service.residents(ResidentQuery(building_id=building_id))

    def _fill_grid_combo(self) -> None:
        assert self.service is not None
        keep = self.grid_combo.currentData()
        self.grid_combo.blockSignals(True)
        try:
            while self.grid_combo.count() > 1:
                self.grid_combo.removeItem(1)
            for grid in self.tree_model.grids():  # read with the tree, not again
                self.grid_combo.addItem(self.tree_model.grid_label(grid, code=False), grid.id)
            index = self.grid_combo.findData(keep)
            self.grid_combo.setCurrentIndex(max(index, 0))
        finally:
            self.grid_combo.blockSignals(False)

    def query(self) -> ResidentQuery:
        from gridoffice.services.households import ResidentQuery

        scope = self.scope
        grid_id = self.grid_combo.currentData()
        building_id = household_id = None
        if scope is not None:
            if scope.kind == KIND_GRID:
                grid_id = scope.id
            elif scope.kind == KIND_BUILDING:
                building_id = scope.id
            elif scope.kind == KIND_UNIT and scope.parent is not None:
                building_id = scope.parent.id
            elif scope.kind == KIND_HOUSE:
                household_id = scope.ref.household_id or "-"  # an empty house: nobody
        return ResidentQuery(
            grid_id=grid_id, building_id=building_id, household_id=household_id,
            text=self.search_edit.text(), tag=self.tag_combo.currentData(),
            population_type=self.population_combo.currentData(),
            residence_status=self.residence_combo.currentData(),
            age_band=self.age_combo.currentData(),
            not_visited_days=self.visit_spin.value() if self.visit_check.isChecked() else None,
            office=self.community_filter.office())

    def reload(self, select_id: str | None = None) -> None:
        """Read the rows again in the background (a newer reload supersedes this one)."""
        self._search_timer.stop()
        if self.service is None:
            return
        self._select_after = select_id or self.current_id()
        self._generation += 1
        generation = self._generation
        service, query = self.service, self.query()
        unit_households = self._unit_households()

        def task(_progress: Any) -> list[ResidentRow]:
            rows = service.residents(query)
            if unit_households is not None:
                rows = [r for r in rows if r.household_id in unit_households]
            return rows

        job = BackgroundJob(self, task, label=self.tr("Reading residents…"),
                            on_success=lambda rows: self._loaded(generation, rows),
                            progress_delay_ms=1500)
        self._jobs.append(job)
        job.finished.connect(self._forget_finished_jobs)
        job.start()

    def _unit_households(self) -> set[str] | None:
        scope = self.scope
        if scope is None or scope.kind != KIND_UNIT:
            return None
        return {c.ref.household_id for c in scope.children if c.ref.household_id}

    def _loaded(self, generation: int, rows: list[ResidentRow]) -> None:
        if generation != self._generation:
            return  # a newer query is on its way
        stale = self.visit_spin.value()
        self.model.set_rows(rows, today=self.today, stale_days=stale)
        self.count_label.setText(self.tr("%n resident(s)", "", len(rows)))
        row = self.model.row_of(self._select_after)
        if row < 0 and self.scope is not None and self.scope.kind == KIND_HOUSE and rows:
            row = 0
        if row >= 0:
            index = self.model.index(row, COL_NAME)
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)
        else:
            self.view.clearSelection()
            self.view.selectionModel().clearCurrentIndex()
            self._show_household(self._scope_household())
        self.update_actions()
        self.loaded.emit(len(rows))

    def _forget_finished_jobs(self) -> None:
        self._jobs = [job for job in self._jobs if job.running]

    def running_jobs(self) -> list[BackgroundJob]:
        return [job for job in self._jobs if job.running] + super().running_jobs()

    def reload_for(self, changes: Changes) -> None:
        self.reread()

    def written(self, changes: Changes, select_id: str | None = None) -> None:
        """This tab stored ``changes``: read again, and tell the other tabs."""
        self.reread(select_id)
        self.notify(changes)

    def reread(self, select_id: str | None = None) -> None:
        """The data changed: the tree counts and the rows are read again."""
        scope = (self.scope.kind, self.scope.id) if self.scope else None
        expanded = [n for n in self._expanded_buildings()]
        grids = [self.tree_model.index(r, 0) for r in range(self.tree_model.rowCount())]
        open_grids = [node.id for i in grids if self.tree.isExpanded(i)
                      for node in [self.tree_model.node(i)] if node is not None]
        self.tree_model.reload()
        self._fill_grid_combo()
        if not open_grids and self.tree_model.rowCount():  # nothing open yet: the first grid
            first = self.tree_model.node(self.tree_model.index(0, 0))
            open_grids = [first.id] if first is not None else []
        for grid_id in open_grids:  # only what the user had open is read again
            index = self.tree_model.index_of(KIND_GRID, grid_id)
            if index.isValid():
                self.tree.expand(index)
        for building_id in expanded:
            index = self.tree_model.index_of(KIND_BUILDING, building_id)
            if index.isValid():
                self.tree_model.ensure_fetched(index)
                self.tree.expand(index)
        self.scope = None
        if scope is not None:
            index = self.tree_model.index_of(*scope)
            if index.isValid():
                self.tree.selectionModel().blockSignals(True)
                self.tree.setCurrentIndex(index)
                self.tree.selectionModel().blockSignals(False)
                self.scope = self.tree_model.node(index)
        self._update_scope_label()
        self.reload(select_id)

    def _expanded_buildings(self) -> list[str]:
        result = []
        for g in range(self.tree_model.rowCount()):
            grid = self.tree_model.index(g, 0)
            for b in range(self.tree_model.rowCount(grid)):
                index = self.tree_model.index(b, 0, grid)
                if self.tree.isExpanded(index):
                    node = self.tree_model.node(index)
                    if node is not None:
                        result.append(node.id)
        return result

    # --- scope and selection ----------------------------------------------------------------
    def _tree_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.scope = self.tree_model.node(current)
        self._update_scope_label()
        self.update_actions()
        self.reload()

    def show_community(self) -> None:
        self.tree.selectionModel().clearCurrentIndex()
        self.tree.clearSelection()
        self.scope = None
        self._update_scope_label()
        self.reload()

    def select_node(self, kind: str, node_id: str) -> bool:
        """Choose a tree node (its building is read first when it is a house or unit)."""
        index = self.tree_model.index_of(kind, node_id)
        if not index.isValid():
            return False
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        return True

    def _update_scope_label(self) -> None:
        scope = self.scope
        if scope is None and self.community.active:  # the street: the community chosen
            text = self.community_filter.combo.currentText()
        elif scope is None:
            text = self.tr("Whole community")
        else:
            names = []
            node: TreeNode | None = scope
            while node is not None and node.kind != "root":
                names.append(self.tree_model.data(self.tree_model.createIndex(
                    node.row(), 0, node)))
                node = node.parent
            text = " / ".join(reversed(names))
        self.scope_label.setText(text)
        self._update_grid_warning()

    def _update_grid_warning(self) -> None:
        """The 300–500 households advice of the grid shown (DOMAIN.md)."""
        grid_id = self._scope_grid_id() if self.scope is not None else None
        if grid_id is None:
            grid_id = self.grid_combo.currentData()
        warning = (self.service.grid_warning(grid_id)
                   if grid_id is not None and self.service is not None else None)
        if warning is None:
            self.grid_warning_label.clear()
            self.grid_warning_label.hide()
            return
        from gridoffice.ui.tabs.roster.reminders import warning_text

        self.grid_warning_label.setText(warning_text(warning))
        self.grid_warning_label.show()


    def select_resident(self, resident_id: str) -> bool:
        row = self.model.row_of(resident_id)
        if row < 0:
            return False
        self.view.setCurrentIndex(self.model.index(row, COL_NAME))
        return True

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_at(current.row()) if current.isValid() else None
        self._show_household(row.household_id if row else self._scope_household())
        self.update_actions()

    def _scope_household(self) -> str | None:
        if self.scope is not None and self.scope.kind == KIND_HOUSE:
            return self.scope.ref.household_id
        return None

    def _show_household(self, household_id: str | None) -> None:
        if household_id is None or self.service is None:
            self.detail.show_household(None)
        elif self.detail.detail is None or self.detail.detail.id != household_id:
            self.detail.show_household(self.service.household(household_id),
                                       today=self.today)
        self._lock_detail()

    def _lock_detail(self) -> None:
        """The household shown underneath: a community's takes no visits here."""
        detail = self.detail.detail
        self.community.lock((self.detail.add_visit_button, self.detail.center_check),
                            detail.origin_office if detail else None,
                            locked=detail is not None
                            and self.community.read_only(detail.origin_office))

    def current_household_id(self) -> str | None:
        row = self.current_row()
        return row.household_id if row else self._scope_household()

    def update_actions(self) -> None:
        attached = self.service is not None
        row = self.current_row() if attached else None
        here = row is not None and row.moved_out_on is None and row.died_on is None
        kind = self.scope.kind if self.scope else None
        household = self.current_household_id() if attached else None
        self.new_grid_action.setEnabled(attached)
        self.team_action.setEnabled(attached and self._scope_grid_id() is not None)
        self.edit_grid_action.setEnabled(attached and self._scope_grid_id() is not None)
        self.duplicates_action.setEnabled(attached)
        self.export_action.setEnabled(attached and self.model.rowCount() > 0)
        self.full_export_action.setEnabled(self.export_action.isEnabled())
        self.import_action.setEnabled(attached)
        self.member_link_action.setEnabled(
            row is not None and self.services is not None)
        self.new_building_action.setEnabled(attached and self.tree_model.rowCount() > 0)
        self.new_house_action.setEnabled(attached and kind in (KIND_BUILDING, KIND_UNIT,
                                                                KIND_HOUSE))
        self.new_household_action.setEnabled(
            attached and kind == KIND_HOUSE and self.scope is not None
            and not self.scope.ref.household_id)
        self.add_resident_action.setEnabled(household is not None)
        self.edit_action.setEnabled(row is not None)
        for act in (self.tag_action, self.move_out_action, self.death_action):
            act.setEnabled(here)
        for act in (self.head_action, self.move_action, self.visit_action):
            act.setEnabled(household is not None)
        if self.community.active:
            self._lock_actions(row, household)

    def _lock_actions(self, row: ResidentRow | None, household: str | None) -> None:
        """The street office: the communities' records are read-only, and what is added
        goes into the node chosen in the tree, so only into the street's own."""
        community = self.community
        community.lock((self.new_grid_action,), None, locked=True,
                       text=community.community_only_text())
        community.lock((self.duplicates_action,), None, locked=True,
                       text=community.changes_text())
        grid = self._scope_grid()
        grid_office = grid.ref.origin_office if grid is not None else None
        community.lock((self.team_action, self.edit_grid_action), grid_office,
                       locked=grid is not None and community.read_only(grid_office))
        scope_office = self._scope_office()
        community.lock((self.new_building_action, self.new_house_action,
                        self.new_household_action, self.import_action), scope_office,
                       locked=community.read_only(scope_office), text=community.add_text())
        row_office = row.origin_office if row is not None else None
        community.lock(self.resident_actions(), row_office,
                       locked=row is not None and community.read_only(row_office))
        household_office = row_office if row is not None else scope_office
        community.lock((self.add_resident_action, self.head_action, self.move_action,
                        self.visit_action), household_office,
                       locked=household is not None and community.read_only(household_office))
        self._lock_detail()

    def resident_actions(self) -> list[QAction]:
        """The actions that change the selected resident."""
        return [self.edit_action, self.tag_action, self.move_out_action, self.death_action,
                self.member_link_action]

    def open_current(self) -> None:
        """Enter or double-click on a resident: the form, or why a community's resident
        cannot be changed here (the street)."""
        row = self.current_row()
        if row is not None and self.community.read_only(row.origin_office):
            self.status_message.emit(self.community.read_only_text(row.origin_office))
            return
        self.edit_action.trigger()

    def _scope_grid(self) -> TreeNode | None:
        node = self.scope
        while node is not None and node.kind != KIND_GRID:
            node = node.parent
        return node

    def _scope_office(self) -> str | None:
        """The office owning the node chosen in the tree (a unit: its building's)."""
        node = self.scope
        while node is not None and not hasattr(node.ref, "origin_office"):
            node = node.parent
        return node.ref.origin_office if node is not None else None

    def _own_grids(self) -> list[GridRow]:
        """The grids this office may add to (the street: its own, not its communities')."""
        assert self.service is not None
        return [g for g in self.service.list_grids()
                if not self.community.read_only(g.origin_office)]

    def _scope_grid_id(self) -> str | None:
        node = self._scope_grid()
        return node.id if node is not None else None

    def _scope_building(self) -> TreeNode | None:
        node = self.scope
        while node is not None and node.kind != KIND_BUILDING:
            node = node.parent
        return node

    def show_control_tags(self) -> bool:
        """Control tags are hidden unless the office turned them on (restricted data)."""
        return self.services is not None and self.services.settings.show_control_tags

    # --- actions: grids, buildings, houses, households --------------------------------------
    def new_grid(self) -> None:
        from gridoffice.ui.dialogs.grid_dialogs import GridDialog

        assert self.service is not None
        branches: list[tuple[str, str]] = []
        if self.orgs is not None:
            branches = [(o.id, o.short_name or o.name) for o in self.orgs.list_orgs(
                include_retired=False)]
        grid_id = GridDialog(self, save=self.service.create_grid,
                             branches=branches).ask_result()
        if grid_id is None:
            return
        self.written(Changes.of("grid"))
        self.select_node(KIND_GRID, grid_id)
        warning = self.service.grid_warning(grid_id)
        self.status_message.emit(self.tr("The grid was saved."))
        del warning  # the 300–500 advice shows once households are entered

    def edit_team(self) -> None:
        from gridoffice.ui.dialogs.grid_dialogs import GridRoleDialog

        grid_id = self._scope_grid_id()
        if grid_id is None or self.service is None:
            return
        service = self.service
        grid = next(g for g in service.list_grids() if g.id == grid_id)
        GridRoleDialog(self, grid_name=grid.name, team=service.roles(grid_id),
                       today=self.today,
                       save=lambda role, name, phone, day: service.add_role(
                           grid_id, role, name, day, phone)).ask_result()

    def edit_grid(self) -> None:
        from gridoffice.ui.dialogs.grid_dialogs import GridDialog

        grid_id = self._scope_grid_id()
        if grid_id is None or self.service is None:
            return
        service = self.service
        branches: list[tuple[str, str]] = []
        if self.orgs is not None:
            branches = [(o.id, o.short_name or o.name) for o in self.orgs.list_orgs(
                include_retired=False)]
        saved = GridDialog(self, branches=branches, draft=service.grid(grid_id),
                           save=lambda draft: service.update_grid(grid_id, draft) or True
                           ).ask_result()
        if saved:
            self.written(Changes.of("grid"))
            self.status_message.emit(self.tr("The grid was saved."))

    def new_building(self) -> None:
        from gridoffice.ui.dialogs.household_dialogs import BuildingDialog

        assert self.service is not None
        service = self.service
        grids = [(g.id, g.name) for g in self._own_grids()]
        building_id = BuildingDialog(
            self, grids=grids, grid_id=self._scope_grid_id(),
            save=lambda grid_id, number, estate, units, floors, kind: service.add_building(
                grid_id, number, estate=estate, units=units, floors=floors, kind=kind),
        ).ask_result()
        if building_id is not None:
            self.written(Changes.of("building", "house"))
            self.select_node(KIND_BUILDING, building_id)

    def new_house(self) -> None:
        from gridoffice.ui.dialogs.household_dialogs import HouseDialog

        building = self._scope_building()
        if building is None or self.service is None:
            return
        service = self.service
        unit = ""
        if self.scope is not None and self.scope.kind == KIND_UNIT:
            unit = str(self.scope.ref)
        house_id = HouseDialog(self, building=building.label, unit=unit,
                               save=lambda u, room, owner, use: service.add_house(
                                   building.id, u, room, owner=owner, use=use)).ask_result()
        if house_id is not None:
            self._refresh_to_house(building.id, house_id)

    def _refresh_to_house(self, building_id: str, house_id: str,
                          select_id: str | None = None) -> None:
        self.written(Changes.of("house", "household"), select_id)
        index = self.tree_model.index_of(KIND_BUILDING, building_id)
        if index.isValid():
            self.tree_model.ensure_fetched(index)
            self.tree.expand(index)
            self.select_node(KIND_HOUSE, house_id)

    def new_household(self) -> None:
        from gridoffice.ui.dialogs.household_dialogs import HouseholdDialog

        scope = self.scope
        if scope is None or scope.kind != KIND_HOUSE or self.service is None:
            return
        service = self.service
        building = self._scope_building()
        address = f"{building.label if building else ''} {scope.ref.unit}-{scope.ref.room}"
        household_id = HouseholdDialog(
            self, address=address.strip(), today=self.today,
            save=lambda number, kind, members: service.create_household(
                scope.id, members, number=number, kind=kind)).ask_result()
        if household_id is not None and building is not None:
            self._refresh_to_house(building.id, scope.id)
            self.status_message.emit(self.tr("The household was saved."))

    # --- actions: residents -----------------------------------------------------------------
    def add_resident(self) -> None:
        from gridoffice.ui.dialogs.resident_dialogs import ResidentDialog

        household_id = self.current_household_id()
        if household_id is None or self.service is None:
            return
        service = self.service
        resident_id = ResidentDialog.ask(
            self, title=self.tr("Add resident"), today=self.today,
            save=lambda draft: service.add_resident(household_id, draft))
        if resident_id is not None:
            self.written(Changes.of("resident", ids=[resident_id]), resident_id)

    def edit_resident(self) -> None:
        from gridoffice.ui.dialogs.resident_dialogs import ResidentDialog

        row = self.current_row()
        if row is None or self.service is None:
            return
        service = self.service
        draft, _row = service.resident(row.id)
        saved = ResidentDialog.ask(
            self, title=self.tr("Resident {name}").format(name=row.name), today=self.today,
            draft=draft, reveal=lambda: service.reveal(row.id),
            save=lambda d: service.update_resident(row.id, d) or row.id)
        if saved is not None:
            self.detail.detail = None
            self.written(Changes.of("resident", ids=[row.id]), row.id)

    def add_tag(self) -> None:
        from gridoffice.ui.dialogs.resident_dialogs import TagDialog

        row = self.current_row()
        if row is None or self.service is None:
            return
        service = self.service
        control = self.show_control_tags()
        current = [code_label(CARE_TAGS, t) for t in service.tags(row.id)]
        if control:
            from gridoffice.domain.codes import CONTROL_TAGS

            current += [code_label(CONTROL_TAGS, t.tag)  # type: ignore[arg-type]
                        for t in service.tag_rows(row.id, include_control=True)
                        if t.kind == "control"]
        dialog = TagDialog(
            self, row, current=current, show_control=control, today=self.today,
            save=lambda tag, kind, dtype, grade, since: service.add_tag(
                row.id, tag, kind=kind, disability_type=dtype, disability_grade=grade,
                from_date=since),
            tags=lambda: [t for t in service.tag_rows(row.id, include_control=control)
                          if t.tag != "very_old"],
            end=service.end_tag)
        saved = dialog.ask_result()
        if saved is not None or dialog.ended:
            self.written(Changes.of("resident_tag", ids=[row.id]), row.id)

    def link_member(self) -> None:
        """One person, one record: link the resident to a party member, or unlink."""
        from gridoffice.ui.dialogs.resident_member import MemberLinkDialog

        row = self.current_row()
        members = self.members
        if row is None or self.service is None or members is None:
            return
        from gridoffice.services.roster import MemberQuery

        service = self.service
        current = None
        if row.member_id:
            found = [m for m in members.list_members(MemberQuery(relation=None))
                     if m.id == row.member_id]
            current = (row.member_id, found[0].name if found else row.member_id)
        chosen = MemberLinkDialog(
            self, resident_name=row.name, current=current,
            search=lambda text: members.list_members(MemberQuery(text=text)),
            save=lambda member_id: service.link_member(row.id, member_id)).ask_result()
        if chosen is not None:
            self.detail.detail = None
            self.written(Changes.of("resident", "member", ids=[row.id, row.member_id]), row.id)
            self.status_message.emit(self.tr("The party member link was saved."))

    def set_center_household(self, on: bool) -> None:
        """党员中心户 on or off for the household shown underneath."""
        detail = self.detail.detail
        if detail is None or self.service is None:
            return
        member_id = self.detail.linked_member_id() if on else None
        if on and member_id is None:
            return
        self.service.set_center_household(detail.id, member_id)
        self.detail.detail = None
        self._show_household(detail.id)

    def find_duplicates(self) -> int:
        from gridoffice.ui.dialogs.duplicates import DuplicatesDialog

        if self.service is None:
            return 0
        merged = DuplicatesDialog(self, find=self.service.find_duplicates,
                                  merge=self.service.merge).run()
        if merged:
            self.detail.detail = None
            self.written(Changes.of("resident", "household", "resident_tag", "visit"))
            self.status_message.emit(self.tr("%n record(s) merged.", "", merged))
        return merged

    def move_out(self) -> None:
        self._leave(died=False)

    def record_death(self) -> None:
        self._leave(died=True)

    def _leave(self, *, died: bool) -> None:
        from gridoffice.ui.dialogs.resident_dialogs import LeaveDialog

        row = self.current_row()
        if row is None or self.service is None:
            return
        service = self.service

        def save(day: dt.date, reason: str) -> bool:
            if died:
                service.record_death(row.id, day)
            else:
                service.move_out(row.id, day, reason)
            return True

        if LeaveDialog(self, row, died=died, today=self.today, save=save).ask_result():
            self.detail.detail = None
            self.written(Changes.of("resident", "household", ids=[row.id]))

    def change_head(self) -> None:
        from gridoffice.ui.dialogs.household_dialogs import ChangeHeadDialog

        household_id = self.current_household_id()
        if household_id is None or self.service is None:
            return
        service = self.service
        detail = service.household(household_id)
        done = ChangeHeadDialog(self, members=detail.members,
                                save=lambda new, old: service.change_head(
                                    household_id, new, old) or True).ask_result()
        if done:
            self.detail.detail = None
            self.written(Changes.of("household", "resident"), self.current_id())

    def move_household(self) -> None:
        from gridoffice.ui.dialogs.household_dialogs import MoveHouseholdDialog

        household_id = self.current_household_id()
        if household_id is None or self.service is None:
            return
        service = self.service
        detail = service.household(household_id)
        buildings = [(b.id, f"{g.name} / {b.estate}{b.number}") for g in self._own_grids()
                     for b in service.buildings(g.id)]
        done = MoveHouseholdDialog(self, address=detail.address, buildings=buildings,
                                   houses=service.houses,
                                   save=lambda house_id: service.move_household(
                                       household_id, house_id) or True).ask_result()
        if done:
            self.detail.detail = None
            self.written(Changes.of("household", "house"), self.current_id())

    def add_visit(self) -> None:
        from gridoffice.ui.dialogs.household_dialogs import VisitDialog

        household_id = self.current_household_id()
        if household_id is None or self.service is None:
            return
        service = self.service
        detail = service.household(household_id)
        visit_id = VisitDialog(self, address=detail.address, visitor=service.operator,
                               today=self.today,
                               save=lambda day, visitor, findings, requests: service.add_visit(
                                   household_id, day, visitor, findings, requests)).ask_result()
        if visit_id is not None:
            self.detail.detail = None
            self._show_household(household_id)
            self.written(Changes.of("visit"), self.current_id())

    # --- Excel -----------------------------------------------------------------------------
    def ask_export_path(self) -> str:
        """Where to save the export ("" if cancelled; replaced in tests)."""
        from PySide6.QtCore import QStandardPaths
        from PySide6.QtWidgets import QFileDialog

        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = f"{folder}/实有人口_{dt.date.today().isoformat()}.xlsx"
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export this view to Excel"), suggested,
            self.tr("Excel files (*.xlsx)"))
        return path

    def confirm_full_export(self) -> bool:
        """Whether the user wants full numbers in the file (replaced in tests)."""
        return messages.confirm(self, self.tr(
            "The file will hold the full ID numbers, phone numbers and addresses of the "
            "residents shown, so that it can be imported back. Keep it safe and delete it "
            "when it is no longer needed. The export is recorded in the audit log.\n\n"
            "Export with full numbers?"), self.tr("Export with full numbers"))

    def export_view(self, full: bool = False) -> BackgroundJob | None:
        """The rows shown, masked (ID, phone, address cut, birth month), or with ``full``
        numbers after the user confirms, to an .xlsx file in the background; the export
        is written to the audit log."""
        rows = self.model.rows()
        if self.service is None or self.db is None or not rows:
            return None
        if full and not self.confirm_full_export():
            return None
        chosen = self.ask_export_path()
        if not chosen or messages.output_refused(self, chosen, self.db.path):
            return None
        from pathlib import Path

        from gridoffice.services import residents_excel

        target = Path(chosen)
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        from gridoffice.services.audit import EXPORT, EXPORT_FULL

        audit = self.audit
        grid_names = {g.id: g.name for g in self.service.list_grids()}
        service, query = self.service, self.query()

        def task(_progress: Any) -> int:
            shown = rows
            if full:  # the same residents in the same order, read again unmasked
                by_id = {r.id: r for r in service.residents(query, reveal=True)}
                shown = [by_id[r.id] for r in rows if r.id in by_id]
            # the audit entry is committed before the file takes its name
            with audit.recorded_output(EXPORT_FULL if full else EXPORT, "residents",
                                       str(target)):
                return residents_excel.export_residents(shown, target, grid_names=grid_names,
                                                        reveal=full)

        def done(count: int) -> None:
            self.status_message.emit(self.tr("%n resident(s) exported to {path}.", "",
                                             count).format(path=str(target)))

        job = BackgroundJob(self, task, label=self.tr("Exporting the residents…"),
                            on_success=done)
        self._jobs.append(job)
        job.finished.connect(self._forget_finished_jobs)
        job.start()
        return job

    def import_residents(self) -> Any:
        """The residents import wizard (into the grid shown, for rows without one);
        the tab is refreshed after an import."""
        if self.service is None or self.db is None:
            return None
        from gridoffice.ui.dialogs.residents_import import ResidentsImportWizard

        result = ResidentsImportWizard.run(self, self.db, self.service.operator, self.today,
                                           self._scope_grid_id())
        if result is not None:
            self.written(Changes.area("households"), self.current_id())
            self.status_message.emit(self.tr("%n resident(s) imported.", "",
                                             result.added + result.updated))
        return result

    # --- ledgers ---------------------------------------------------------------------------
    def ledger_values(self, entry: Ledger, key: str = "") -> dict[str, Any] | None:
        """The values of ``entry`` for the grid or building shown (None: not now)."""
        grid_id = self._scope_grid_id()
        if entry.name == "care":
            from PySide6.QtWidgets import QInputDialog

            labels = [self.tr_code(code.label) for code in CARE_TAGS]
            chosen, ok = QInputDialog.getItem(self, self.tr("List by care tag"),
                                              self.tr("Care tag:"), labels, 0, False)
            if not ok:
                return None
            return {"tag": list(CARE_TAGS)[labels.index(chosen)].code, "grid_id": grid_id}
        if grid_id is None:
            self.warn(self.tr("Choose a grid or a building in the tree first.")
                      if entry.name == "household" else
                      self.tr("Choose a grid in the tree first."))
            return None
        if entry.name == "household":
            building = self._scope_building()
            return {"grid_id": grid_id,
                    "building_id": building.id if building is not None else None}
        return {"grid_id": grid_id}

    def print_household_forms(self) -> Any:
        return self.print_ledger(catalogue.by_name("household"))

    def print_grid_summary(self) -> Any:
        return self.print_ledger(catalogue.by_name("grid"))

    def print_care_list(self, tag: str | None = None) -> Any:
        entry = catalogue.by_name("care")
        return self.print_ledger(entry, values=None if tag is None else {
            "tag": tag, "grid_id": self._scope_grid_id()})

    @staticmethod
    def tr_code(label: str) -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("codes", label)

    def warn(self, text: str) -> None:
        messages.warn(self, text)

    # --- window state -----------------------------------------------------------------------
    def layout_widgets(self) -> list[tuple[str, Any]]:
        return [("households/splitter", self.splitter),
                ("households/right_splitter", self.right_splitter)]
