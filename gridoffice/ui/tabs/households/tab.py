"""The "Grid households" tab (网格户情): the grid tree on the left, the residents of
the chosen grid, building, unit or household (or the whole community) on the
right with search and filters, and the selected household underneath.

In the street office a community filter above the tree picks whose grids are
shown; with every community, each grid's name starts with its community. The
communities' grids, households and residents are read-only there.

The tab builds the widgets and keeps the contract of
:class:`~gridoffice.ui.tabs.base.BaseTab`; what is shown and chosen is
:class:`~gridoffice.ui.tabs.households.view.HouseholdsView` (a mixin), what the
actions do is :class:`~gridoffice.ui.tabs.households.actions.HouseholdActions`
(which puts the changes that have an inverse on the window's undo stack), and
the Excel export and import are :class:`~gridoffice.ui.tabs.households.exports.ResidentsExcel`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSplitter, QToolBar, QToolButton, QVBoxLayout, QWidget

from gridoffice.domain import access
from gridoffice.domain.codes import CARE_TAGS
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.ledgers import catalogue
from gridoffice.services import changes
from gridoffice.ui import messages
from gridoffice.ui.ledger_menu import LedgerMenu
from gridoffice.ui.models.household_tree import KIND_BUILDING, KIND_HOUSE, KIND_UNIT
from gridoffice.ui.tabs.access_gate import AccessGate
from gridoffice.ui.tabs.base import BaseTab
from gridoffice.ui.tabs.households.actions import HouseholdActions
from gridoffice.ui.tabs.households.detail import HouseholdDetailPanel
from gridoffice.ui.tabs.households.exports import ResidentsExcel
from gridoffice.ui.tabs.households.view import HouseholdsView
from gridoffice.ui.widgets.actions import RowSelection, make_action
from gridoffice.ui.widgets.community import (
    CommunityFilter,
    CommunityScope,
    show_community_column,
)
from gridoffice.ui.widgets.inputs import search_while_typing

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from gridoffice.ledgers.catalogue import Ledger
    from gridoffice.services.container import Services
    from gridoffice.services.households import HouseholdService, ResidentRow
    from gridoffice.services.orgs import OrgService
    from gridoffice.services.roster import RosterService
    from gridoffice.store.database import Database
    from gridoffice.ui.models.household_tree import TreeNode
    from gridoffice.ui.workers import BackgroundJob

SEARCH_DELAY_MS = 150


class HouseholdsTab(HouseholdsView, BaseTab, RowSelection):
    """See the module docstring."""

    key = "households"
    view_permission = access.HOUSEHOLDS_VIEW
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
        self.actions = HouseholdActions(self, undo_stack)
        self.actions.status.connect(self.status_message)
        self.excel = ResidentsExcel(self)

        self._build_tree_actions()
        self._build_resident_actions()
        self._build_toolbar()
        left = self._build_left()
        self._build_filters()
        self._build_table(self)
        self.view.activated.connect(lambda _i: self.open_current())
        self.detail = HouseholdDetailPanel(self)
        self.detail.add_visit_button.clicked.connect(self.add_visit)
        self.detail.center_toggled.connect(self.set_center_household)
        self._build_layout(left)

        self._search_timer = search_while_typing(self, self.search_edit, self.reload,
                                                 SEARCH_DELAY_MS)
        self.gate = AccessGate()
        self._declare_access()
        self.update_actions()

    # --- building -------------------------------------------------------------------------
    def _build_left(self) -> QWidget:
        """The tree with its toolbar (and the street's community filter above it)."""
        self._build_tree(self)
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
        return left

    def _build_layout(self, left: QWidget) -> None:
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

    def _action(self, text: str, slot: Callable[[], Any], tip: str | None = None) -> QAction:
        return make_action(self, text, slot, tip=tip)

    def _build_tree_actions(self) -> None:
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
        self.new_button = new_button = QToolButton(self)
        new_button.setText(self.tr("New"))
        new_button.setMenu(self.new_menu)
        new_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.tree_toolbar.addWidget(new_button)
        self.tree_toolbar.addAction(self.team_action)
        self.edit_grid_action = self._action(self.tr("Edit grid…"), self.edit_grid)
        self.tree_toolbar.addAction(self.edit_grid_action)

    def _build_resident_actions(self) -> None:
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

    def _build_toolbar(self) -> None:
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
        self.print_button = print_button = QToolButton(self)
        print_button.setText(self.tr("Print"))
        print_button.setMenu(self.print_menu)
        print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.toolbar.addSeparator()
        self.toolbar.addWidget(print_button)
        self.excel_menu = QMenu(self)
        self.excel_menu.addAction(self.export_action)
        self.excel_menu.addAction(self.full_export_action)
        self.excel_menu.addAction(self.import_action)
        self.excel_button = excel_button = QToolButton(self)
        excel_button.setText(self.tr("Excel"))
        excel_button.setMenu(self.excel_menu)
        excel_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.toolbar.addWidget(excel_button)

    def _declare_access(self) -> None:
        """What a role may not use is hidden (see :mod:`..access_gate`); opening a
        resident and the whole-community view stay for every reader."""
        gate = self.gate
        gate.add(access.GRIDS_EDIT, self.new_grid_action, self.team_action,
                 self.edit_grid_action)
        gate.add(access.HOUSEHOLDS_EDIT, self.new_building_action, self.new_house_action,
                 self.new_household_action, self.add_resident_action, self.tag_action,
                 self.move_out_action, self.death_action, self.head_action, self.move_action,
                 self.visit_action, self.member_link_action, self.duplicates_action,
                 self.detail.add_visit_button)
        gate.add(access.EXPORT, self.export_action)
        gate.add(access.EXPORT_FULL, self.full_export_action)
        gate.add(access.IMPORT, self.import_action)
        gate.add(access.PRINT, *self.ledger_menu.actions())
        gate.add_menu_buttons(self.new_button, self.print_button, self.excel_button)

    def apply_access(self, actor: access.Actor) -> None:
        self.gate.apply(actor)

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

    def attach(self, services: Services) -> None:
        super().attach(services)
        self.service = service = services.households
        self.db = services.db
        self.unit_name = services.unit
        self.orgs = services.orgs
        self.members = services.roster
        self.today = service.today()
        self.start()

    def running_jobs(self) -> list[BackgroundJob]:
        return [job for job in self._jobs if job.running] + super().running_jobs()

    def update_actions(self) -> None:
        attached = self.service is not None
        row = self.current_row() if attached else None
        here = row is not None and row.moved_out_on is None and row.died_on is None
        kind = self.scope.kind if self.scope else None
        household = self.current_household_id() if attached else None
        self.new_grid_action.setEnabled(attached)
        self.team_action.setEnabled(attached and self.scope_grid_id() is not None)
        self.edit_grid_action.setEnabled(attached and self.scope_grid_id() is not None)
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
        grid = self.scope_grid()
        grid_office = grid.ref.origin_office if grid is not None else None
        community.lock((self.team_action, self.edit_grid_action), grid_office,
                       locked=grid is not None and community.read_only(grid_office))
        scope_office = self.scope_office()
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
        self.lock_detail()

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

    # --- the actions (see actions.py and exports.py) ---------------------------------------
    def new_grid(self) -> None:
        self.actions.new_grid()

    def edit_team(self) -> None:
        self.actions.edit_team()

    def edit_grid(self) -> None:
        self.actions.edit_grid()

    def new_building(self) -> None:
        self.actions.new_building()

    def new_house(self) -> None:
        self.actions.new_house()

    def new_household(self) -> None:
        self.actions.new_household()

    def add_resident(self) -> None:
        self.actions.add_resident()

    def edit_resident(self) -> None:
        self.actions.edit_resident()

    def add_tag(self) -> None:
        self.actions.add_tag()

    def link_member(self) -> None:
        self.actions.link_member()

    def set_center_household(self, on: bool) -> None:
        self.actions.set_center_household(on)

    def find_duplicates(self) -> int:
        return self.actions.find_duplicates()

    def move_out(self) -> None:
        self.actions.move_out()

    def record_death(self) -> None:
        self.actions.record_death()

    def change_head(self) -> None:
        self.actions.change_head()

    def move_household(self) -> None:
        self.actions.move_household()

    def add_visit(self) -> None:
        self.actions.add_visit()

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

    def export_view(self, full: bool = False) -> BackgroundJob | None:
        return self.excel.export_view(full)

    def import_residents(self) -> Any:
        return self.excel.import_residents()

    def open_view(self, view: str, filters: dict[str, Any]) -> bool:
        """A workbench item: the residents filtered (see :meth:`show_filtered`), or the
        import."""
        if view == "residents":
            self.show_filtered(filters)
            self.view.setFocus()
            return True
        if view == "import":
            self.import_residents()
            return True
        return False

    # --- ledgers ---------------------------------------------------------------------------
    def ledger_values(self, entry: Ledger, key: str = "") -> dict[str, Any] | None:
        """The values of ``entry`` for the grid or building shown (None: not now)."""
        grid_id = self.scope_grid_id()
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
            building = self.scope_building()
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
            "tag": tag, "grid_id": self.scope_grid_id()})

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
