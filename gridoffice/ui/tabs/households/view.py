"""What the households tab shows and how it is chosen: the filters above the
resident table, the grid tree (and in the street office the community filter
above it), the resident rows read in the background for the node chosen, and
the household shown underneath.

The resident rows are read by a :class:`~gridoffice.ui.workers.BackgroundJob`:
a keystroke only restarts the search timer, and an answer that arrives after a
newer query was started is dropped. ``loaded(count)`` fires after each reload.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableView,
    QTreeView,
    QWidget,
)

from gridoffice.domain import access
from gridoffice.domain.codes import CARE_TAGS, POPULATION_TYPES, RESIDENCE_STATUS
from gridoffice.domain.households import AGE_BAND_OLDEST, AGE_BANDS
from gridoffice.errors import UserError
from gridoffice.ui.labels import code_label
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
from gridoffice.ui.widgets.inputs import signals_blocked
from gridoffice.ui.workers import BackgroundJob

if TYPE_CHECKING:
    from gridoffice.services.changes import Changes
    from gridoffice.services.households import (
        GridRow,
        HouseholdService,
        ResidentQuery,
        ResidentRow,
    )
    from gridoffice.ui.tabs.households.detail import HouseholdDetailPanel
    from gridoffice.ui.widgets.community import CommunityFilter, CommunityScope


ANY_CARE_TAG = "*"  # the care-tag filter's "any care tag"


class HouseholdsView:
    """The view half of :class:`~gridoffice.ui.tabs.households.tab.HouseholdsTab`
    (a mixin of it: the tab builds the widgets named below and calls these)."""

    # built by the tab
    service: HouseholdService | None
    scope: TreeNode | None  # None: the whole community
    community: CommunityScope
    community_filter: CommunityFilter
    tree: QTreeView
    tree_model: HouseholdTreeModel
    view: QTableView
    model: ResidentTableModel
    detail: HouseholdDetailPanel
    today: Any
    _generation: int
    _jobs: list[BackgroundJob]
    _select_after: str | None
    _search_timer: Any
    loaded: Any  # Signal(int) of the tab
    tr: Any
    update_actions: Any
    services: Any

    # --- building the tree and the table --------------------------------------------------
    def _build_tree(self, parent: QWidget) -> None:
        self.tree_model = HouseholdTreeModel(parent)
        self.tree = QTreeView(parent)
        self.tree.setModel(self.tree_model)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            self.tree.header().setSectionResizeMode(column,
                                                    QHeaderView.ResizeMode.ResizeToContents)
        self.tree.selectionModel().currentChanged.connect(self._tree_changed)

    def _build_table(self, parent: QWidget) -> None:
        self.model = ResidentTableModel(parent)
        self.view = QTableView(parent)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        rows = self.view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(parent.fontMetrics().height() + 10)
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

    # --- the filters ----------------------------------------------------------------------
    def _build_filters(self) -> None:
        self.scope_label = QLabel(self)
        font = self.scope_label.font()
        font.setBold(True)
        self.scope_label.setFont(font)
        self.search_edit = QLineEdit(self)
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr(
            "Search: name, pinyin or initials (zw), last digits of ID or phone, 3-2-301"))
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
        self.tag_combo.addItem(self.tr("Any care tag"), ANY_CARE_TAG)
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

    # --- the tree and the rows: reading them -----------------------------------------------
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

    def start(self) -> None:
        """The file is open: read the tree and start on its first grid."""
        service = self.service
        assert service is not None
        self.tree_model.set_source(TreeSource(
            grids=self._tree_grids, buildings=service.buildings, houses=service.houses,
            residents_of_building=lambda bid: self._residents_of_building(bid)))
        self.fill_grid_combo()
        self.update_scope_label()
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

    def fill_grid_combo(self) -> None:
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
            text=self.search_edit.text(),
            tag=None if self.tag_combo.currentData() == ANY_CARE_TAG
            else self.tag_combo.currentData(),
            any_care_tag=self.tag_combo.currentData() == ANY_CARE_TAG,
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
        self.track_job(job)

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
        households = len({row.household_id for row in rows})
        self.count_label.setText(self.tr("%n resident(s)", "", len(rows)) + self.tr(
            ", %n household(s)", "", households))
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
            self.show_household(self.scope_household())
        self.update_actions()
        self.loaded.emit(len(rows))

    def track_job(self, job: BackgroundJob) -> None:
        """Keep ``job`` among the running jobs until it finishes, and start it."""
        self._jobs.append(job)
        job.finished.connect(self._forget_finished_jobs)
        job.start()

    def _forget_finished_jobs(self) -> None:
        self._jobs = [job for job in self._jobs if job.running]

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
        self.fill_grid_combo()
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
        self.update_scope_label()
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
        self.update_scope_label()
        self.update_actions()
        self.reload()

    def show_filtered(self, filters: dict[str, Any]) -> None:
        """The whole community's residents with the filters of a workbench item (a grid,
        any care tag, not visited for N days), the others cleared."""
        combos = (self.grid_combo, self.tag_combo, self.population_combo,
                  self.residence_combo, self.age_combo)
        with signals_blocked(self.search_edit, *combos, self.visit_check, self.visit_spin):
            self.search_edit.clear()
            for combo in combos:
                combo.setCurrentIndex(0)
            self.grid_combo.setCurrentIndex(max(self.grid_combo.findData(
                filters.get("grid_id")), 0))
            if filters.get("any_care_tag"):
                self.tag_combo.setCurrentIndex(self.tag_combo.findData(ANY_CARE_TAG))
            days = filters.get("not_visited_days")
            self.visit_check.setChecked(days is not None)
            if days is not None:
                self.visit_spin.setValue(int(days))
        self._update_grid_warning()
        self.show_community()

    def show_community(self) -> None:
        self.tree.selectionModel().clearCurrentIndex()
        self.tree.clearSelection()
        self.scope = None
        self.update_scope_label()
        self.reload()

    def select_node(self, kind: str, node_id: str) -> bool:
        """Choose a tree node; a house or unit only once its building's rows are read
        (expanded, or ``tree_model.ensure_fetched``), as the actions do after adding one."""
        index = self.tree_model.index_of(kind, node_id)
        if not index.isValid():
            return False
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        return True

    def update_scope_label(self) -> None:
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
        grid_id = self.scope_grid_id() if self.scope is not None else None
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
        self.show_household(row.household_id if row else self.scope_household())
        self.update_actions()

    def scope_household(self) -> str | None:
        if self.scope is not None and self.scope.kind == KIND_HOUSE:
            return self.scope.ref.household_id
        return None

    def show_household(self, household_id: str | None) -> None:
        if household_id is None or self.service is None:
            self.detail.show_household(None)
        elif self.detail.detail is None or self.detail.detail.id != household_id:
            self.detail.show_household(self.service.household(household_id),
                                       today=self.today)
        self.lock_detail()

    def refresh_detail(self) -> None:
        """Read the household shown underneath again (a write may have changed it)."""
        shown = self.detail.detail
        self.detail.detail = None
        if shown is None:
            return
        try:
            self.show_household(shown.id)
        except UserError:  # gone meanwhile (merged away)
            self.show_household(None)

    def lock_detail(self) -> None:
        """The household shown underneath: a community's takes no visits here."""
        detail = self.detail.detail
        self.community.lock((self.detail.add_visit_button, self.detail.center_check),
                            detail.origin_office if detail else None,
                            locked=detail is not None
                            and self.community.read_only(detail.origin_office))

    def current_household_id(self) -> str | None:
        row = self.current_row()
        return row.household_id if row else self.scope_household()

    def scope_grid(self) -> TreeNode | None:
        node = self.scope
        while node is not None and node.kind != KIND_GRID:
            node = node.parent
        return node

    def scope_office(self) -> str | None:
        """The office owning the node chosen in the tree (a unit: its building's)."""
        node = self.scope
        while node is not None and not hasattr(node.ref, "origin_office"):
            node = node.parent
        return node.ref.origin_office if node is not None else None

    def own_grids(self) -> list[GridRow]:
        """The grids this office may add to (the street: its own, not its communities')."""
        assert self.service is not None
        return [g for g in self.service.list_grids()
                if not self.community.read_only(g.origin_office)]

    def scope_grid_id(self) -> str | None:
        node = self.scope_grid()
        return node.id if node is not None else None

    _scope_grid_id = scope_grid_id  # the name the ledger catalogue's test uses

    def scope_building(self) -> TreeNode | None:
        node = self.scope
        while node is not None and node.kind != KIND_BUILDING:
            node = node.parent
        return node

    def show_control_tags(self) -> bool:
        """Control tags are hidden unless the office turned them on (restricted data) and
        the account was granted them."""
        return (self.services is not None and self.services.settings.show_control_tags
                and access.allows(self.services.actor, access.CONTROL_TAGS))

