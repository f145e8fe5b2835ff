"""The "Party members" tab (党员名册): the organisation tree and its members.

Left: :class:`OrgTreePanel` (toolbar, "All organisations", Show retired, the
tree). Right, in tabs: the members of the chosen organisation and its
sub-organisations (:class:`~gridoffice.ui.tabs.roster.members.MemberPanel`),
the reminders (转正 due, organisation size) and the organisation's details
(:class:`~gridoffice.ui.tabs.roster.org_detail.OrgDetailPanel`). The tab is built
before the data is there; :meth:`RosterTab.attach` gives it the services once
the main window has loaded them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import inspect
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPoint, QSettings, QStandardPaths, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolBar,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from gridoffice.domain import orgs as rules
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.ledgers import catalogue
from gridoffice.services import changes
from gridoffice.services.changes import ORGS, Changes
from gridoffice.ui import messages
from gridoffice.ui.ledger_menu import LedgerMenu
from gridoffice.ui.models.org_tree import COL_NAME, NODE_ROLE, ORG_ID_ROLE, OrgTreeModel
from gridoffice.ui.tabs.base import BaseTab
from gridoffice.ui.tabs.roster.member_actions import MemberActions
from gridoffice.ui.tabs.roster.members import MemberPanel
from gridoffice.ui.tabs.roster.org_actions import OrgActions
from gridoffice.ui.tabs.roster.org_detail import OrgDetailPanel
from gridoffice.ui.tabs.roster.reminders import RemindersPanel
from gridoffice.ui.widgets.community import (
    CommunityFilter,
    CommunityScope,
    show_community_column,
)
from gridoffice.ui.workers import BackgroundJob

if TYPE_CHECKING:
    from gridoffice.ledgers.catalogue import Ledger
    from gridoffice.services.container import Services
    from gridoffice.services.orgs import OrgNode, OrgService
    from gridoffice.services.roster import MemberQuery, MemberRow, RosterService, TransferRow
    from gridoffice.store.database import Database
    from gridoffice.ui.dialogs.pdf_preview import PdfPreviewDialog

log = logging.getLogger(__name__)

# The export's file name is Chinese in every language (a ledger's is in its catalogue).
EXPORT_FILE_STEM = "党员名册"


class OrgTreePanel(QWidget):
    """The organisation tree with its toolbar, context menu and keyboard shortcuts."""

    current_changed = Signal(object)  # OrgNode or None
    #: the user chose an organisation (click, keyboard), not a reload
    org_chosen = Signal()
    #: the user chose "All organisations"
    all_chosen = Signal()

    def __init__(self, model: OrgTreeModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.community = CommunityScope()  # the street's view: set by the tab
        # Street office: the filter picks one community's organisation tree.
        self.community_filter = CommunityFilter(self)
        self._expanded: set[str] = set()
        self._first_load = True
        self._restoring = False

        def action(text: str, shortcut: QKeySequence | str | None = None) -> QAction:
            act = QAction(text, self)
            if shortcut:
                act.setShortcut(QKeySequence(shortcut))
                act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(act)
            return act

        self.new_sub_action = action(self.tr("New sub-organisation…"),
                                     QKeySequence(Qt.Key.Key_Insert))
        self.new_top_action = action(self.tr("New top-level organisation…"))
        self.edit_action = action(self.tr("Edit…"), QKeySequence(Qt.Key.Key_F2))
        self.move_action = action(self.tr("Move…"))
        self.retire_action = action(self.tr("Retire…"))
        self.restore_action = action(self.tr("Restore"))
        self.appoint_action = action(self.tr("Appoint to a committee seat…"))
        self.ledger_action = action(self.tr("Ledger of party organisations…"))
        self.new_sub_action.setToolTip(self.tr("Add an organisation under the selected one (Ins)"))
        self.edit_action.setToolTip(self.tr("Edit the selected organisation (F2)"))

        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        new_menu = QMenu(self)
        new_menu.addAction(self.new_sub_action)
        new_menu.addAction(self.new_top_action)
        self.new_button = QToolButton(self)
        self.new_button.setDefaultAction(self.new_sub_action)
        self.new_button.setText(self.tr("New"))
        self.new_button.setMenu(new_menu)
        self.new_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.toolbar.addWidget(self.new_button)
        for act in (self.edit_action, self.move_action, self.retire_action,
                    self.restore_action):
            self.toolbar.addAction(act)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.ledger_action)

        self.show_retired_box = QCheckBox(self.tr("Show retired"), self)
        self.show_retired_box.toggled.connect(self._show_retired_toggled)
        self.all_button = QPushButton(self.tr("All organisations"), self)
        self.all_button.setToolTip(self.tr(
            "Members of every organisation, and in-service members registered with their "
            "work unit's party organisation"))
        self.all_button.setCheckable(True)
        self.all_button.setFlat(True)
        self.all_button.setAutoDefault(False)
        self.all_button.setStyleSheet("QPushButton { text-align: left; padding: 4px 8px; }"
                                      " QPushButton:checked { font-weight: bold; }")
        self.all_button.clicked.connect(lambda _c: self.choose_all())

        self.tree = QTreeView(self)
        self.tree.setModel(model)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setExpandsOnDoubleClick(False)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setDropIndicatorShown(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.doubleClicked.connect(self._double_clicked)
        self.tree.clicked.connect(lambda _index: self._chosen())
        self.tree.expanded.connect(self._on_expanded)
        self.tree.collapsed.connect(self._on_collapsed)
        self.tree.selectionModel().currentRowChanged.connect(self._current_row_changed)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        for column in range(1, model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.community_filter)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.all_button, 1)
        top.addWidget(self.show_retired_box)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        self.update_actions(False)

    # --- content ----------------------------------------------------------------------
    def set_nodes(self, nodes: Sequence[OrgNode], select_id: str | None = None) -> None:
        """Show ``nodes``, keeping selection and expansion (or selecting ``select_id``)."""
        current = select_id or self.current_id()
        self._restoring = True
        try:
            self.model.set_nodes(nodes)
            if self._first_load:
                self._first_load = False
                self.tree.expandToDepth(1)
            else:
                self._expand_remembered()
            self._select(current)
        finally:
            self._restoring = False
        self.current_changed.emit(self.current_node())

    def _expand_remembered(self) -> None:
        """Expand again what the user had expanded (a reset model forgets it)."""
        for org_id in list(self._expanded):
            index = self.model.index_of(org_id)
            if index.isValid():
                self.tree.expand(index)

    def _select(self, org_id: str | None) -> None:
        index = self.model.index_of(org_id)
        if not index.isValid() and org_id:
            # Hidden (retired) or gone: select its nearest shown ancestor.
            node = self.model.node(org_id)
            while node is not None and not index.isValid():
                node = self.model.node(node.parent_id)
                index = self.model.index_of(node.id if node else None)
        if not index.isValid():
            index = self.model.index(0, 0)
        if not index.isValid():
            self.tree.setCurrentIndex(QModelIndex())
            return
        parent = index.parent()
        while parent.isValid():  # make sure it can be seen
            self.tree.expand(parent)
            parent = parent.parent()
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)

    def current_id(self) -> str | None:
        index = self.tree.currentIndex()
        return index.data(ORG_ID_ROLE) if index.isValid() else None

    def current_node(self) -> OrgNode | None:
        index = self.tree.currentIndex()
        return index.data(NODE_ROLE) if index.isValid() else None

    def select_org(self, org_id: str) -> bool:
        self._select(org_id)
        return self.current_id() == org_id

    def expanded_ids(self) -> set[str]:
        return set(self._expanded)

    # --- actions ------------------------------------------------------------------------
    def update_actions(self, attached: bool) -> None:
        node = self.current_node() if attached else None
        active = node is not None and not node.retired
        may_have_children = active and any(
            rules.may_contain(node.org_type, child) for child in rules.ALLOWED_CHILDREN)
        self.new_sub_action.setEnabled(bool(may_have_children))
        self.new_top_action.setEnabled(attached)
        self.edit_action.setEnabled(node is not None)
        self.move_action.setEnabled(active)
        self.retire_action.setEnabled(active)
        self.restore_action.setEnabled(node is not None and node.retired)
        self.appoint_action.setEnabled(active)
        self.ledger_action.setEnabled(attached)
        self.new_button.setEnabled(attached)
        locked = self.community.lock(
            (self.new_sub_action, self.edit_action, self.move_action, self.retire_action,
             self.restore_action, self.appoint_action),
            node.origin_office if node else None,
            locked=node is not None and self.community.read_only(node.origin_office))
        self.tree.setDragEnabled(attached and not locked)

    def _context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        for act in (self.new_sub_action, self.new_top_action, None, self.edit_action,
                    self.move_action, self.retire_action, self.restore_action, None,
                    self.appoint_action):
            if act is None:
                menu.addSeparator()
            else:
                menu.addAction(act)
        menu.popup(self.tree.viewport().mapToGlobal(pos))

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid() and self.edit_action.isEnabled():
            self.edit_action.trigger()

    def _show_retired_toggled(self, checked: bool) -> None:
        current = self.current_id()
        self._restoring = True
        try:
            self.model.set_show_retired(checked)
            self._expand_remembered()
            self._select(current)
        finally:
            self._restoring = False
        self.current_changed.emit(self.current_node())

    def _on_expanded(self, index: QModelIndex) -> None:
        self._expanded.add(index.data(ORG_ID_ROLE))

    def _on_collapsed(self, index: QModelIndex) -> None:
        self._expanded.discard(index.data(ORG_ID_ROLE))

    def _current_row_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._restoring:
            self.current_changed.emit(self.current_node())
            self._chosen()

    def _chosen(self) -> None:
        self.all_button.setChecked(False)
        self.org_chosen.emit()

    def choose_all(self) -> None:
        """"All organisations": the tree keeps its current item, without a highlight."""
        self.all_button.setChecked(True)
        self.tree.selectionModel().clearSelection()
        self.all_chosen.emit()

    def showing_all(self) -> bool:
        return self.all_button.isChecked()


class RosterTab(BaseTab):
    """The tab: organisation tree on the left; members, reminders and the
    organisation's details on the right."""

    key = "roster"
    title_text = QT_TRANSLATE_NOOP("MainWindow", "Party members")
    # residents linked to members show in the member's record
    watches = changes.ROSTER | {"resident", "household"}
    ledger_opened = Signal(object)  # the PdfPreviewDialog
    exported = Signal(str)  # the path of an Excel export
    imported = Signal(object)  # the import wizard's result

    def __init__(self, undo_stack: QUndoStack | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(undo_stack, parent)
        self.model = OrgTreeModel(self)
        self.tree_panel = OrgTreePanel(self.model, self)
        self.detail = OrgDetailPanel(self)
        self.members = MemberPanel(self)
        self.reminders = RemindersPanel(self)
        self.org_actions = OrgActions(self, undo_stack, self.model)
        self.member_actions = MemberActions(self, undo_stack, self._org_nodes)
        self.right_tabs = QTabWidget(self)
        self.right_tabs.setDocumentMode(True)
        self.right_tabs.addTab(self.members, self.tr("Members"))
        self.right_tabs.addTab(self.reminders, self.tr("Reminders"))
        self.right_tabs.addTab(self.detail, self.tr("Organisation"))
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.tree_panel)
        self.splitter.addWidget(self.right_tabs)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setSizes([300, 1000])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self._db: Database | None = None
        self._scope: str | None = None  # the organisation whose members are shown
        self.ledgers.opened.connect(self.ledger_opened)
        self.export_job: BackgroundJob | None = None

        panel = self.tree_panel
        panel.current_changed.connect(self._show_current)
        panel.org_chosen.connect(self._org_chosen)
        panel.all_chosen.connect(self._all_chosen)
        panel.new_sub_action.triggered.connect(lambda: self._with_node(self.org_actions.new_org))
        panel.new_top_action.triggered.connect(lambda: self.org_actions.new_org(None))
        panel.edit_action.triggered.connect(lambda: self._with_node(self.org_actions.edit))
        panel.move_action.triggered.connect(lambda: self._with_node(self.org_actions.move))
        panel.retire_action.triggered.connect(lambda: self._with_node(self.org_actions.retire))
        panel.restore_action.triggered.connect(lambda: self._with_node(self.org_actions.restore))
        panel.appoint_action.triggered.connect(lambda: self._with_node(self.org_actions.appoint))
        self.detail.appoint_requested.connect(lambda: self._with_node(self.org_actions.appoint))
        self.detail.end_term_requested.connect(self._end_term)
        self.org_actions.changed.connect(self._orgs_changed)
        self.org_actions.status.connect(self.status_message)

        members = self.members
        acts = self.member_actions
        members.current_changed.connect(self._member_changed)
        members.open_requested.connect(self._open_member)
        members.filters_changed.connect(self._update_scope_label)
        members.sub_orgs_check.toggled.connect(lambda _c: self._update_scope_label())
        members.new_action.triggered.connect(lambda: acts.add(self._default_org()))
        members.transfer_in_action.triggered.connect(
            lambda: acts.transfer_in(self._default_org()))
        members.edit_action.triggered.connect(lambda: self._with_member(acts.edit))
        members.confirm_action.triggered.connect(lambda: self._with_member(acts.confirm_full))
        members.extend_action.triggered.connect(
            lambda: self._with_member(acts.extend_probation))
        members.transfer_out_action.triggered.connect(
            lambda: self._with_member(acts.transfer_out))
        members.transfer_status_action.triggered.connect(
            lambda: self._with_member(acts.transfer_status))
        for status, act in (("deceased", members.deceased_action),
                            ("expelled", members.expelled_action),
                            ("suspended", members.suspended_action)):
            act.triggered.connect(lambda _c=False, s=status: self._with_member(
                lambda row: acts.set_relation_status(row, s)))
        members.restore_action.triggered.connect(lambda: self._with_member(acts.restore))
        members.import_action.triggered.connect(lambda: self.import_members())
        members.export_action.triggered.connect(lambda: self.export_view())
        self.full_export_action = QAction(self.tr("Export this view with full numbers…"), self)
        self.full_export_action.setToolTip(self.tr(
            "Save the members shown with full ID numbers and phones, to import back; "
            "recorded in the audit log"))
        self.full_export_action.triggered.connect(lambda: self.export_view(full=True))
        members.excel_menu.addAction(self.full_export_action)
        members.export_action.changed.connect(self._sync_full_export)
        self._sync_full_export()
        self.ledger_menu = LedgerMenu(self, "roster", adopt={
            "orgs": panel.ledger_action, "roster": members.ledger_action})
        members.detail.transfer_activated.connect(self._transfer_activated)
        members.detail.set_org_names(lambda org_id: (
            self.model.node(org_id).name if self.model.node(org_id) else None))
        acts.changed.connect(self._members_changed)
        acts.status.connect(self.status_message)
        self.reminders.member_requested.connect(self.show_member)
        self.reminders.org_requested.connect(self._show_org)

    # --- data ---------------------------------------------------------------------------
    @property
    def community(self) -> CommunityScope:
        return self.tree_panel.community

    def set_scope(self, scope: CommunityScope) -> None:
        """The street office's view: every community's organisations and members, a
        社区 column, the filter above the tree; community records read-only."""
        self.tree_panel.community = self.detail.community = scope
        self.members.community = scope
        self.tree_panel.community_filter.set_scope(scope)
        self.tree_panel.community_filter.changed.connect(self._community_changed)
        show_community_column(self.members.view, self.members.model, scope)

    def _community_changed(self) -> None:
        self.members.office = self.tree_panel.community_filter.office()
        self.reload()

    def attach(self, services: Services) -> None:
        """Start showing data: called once the main window has opened the database."""
        super().attach(services)
        self.org_actions.attach(services.orgs)
        self.member_actions.attach(services.roster)
        self.members.loader = self._load_members
        self._db = services.db
        if self._scope is None:  # first start: everyone
            self.tree_panel.all_button.setChecked(True)
        self.reload()

    @property
    def unit(self) -> str:
        """The office's name, printed on its ledgers."""
        return self.services.unit if self.services is not None else ""

    @property
    def service(self) -> OrgService:
        return self.org_actions.service

    @property
    def roster(self) -> RosterService:
        return self.member_actions.roster

    def reload(self, select_id: str | None = None) -> None:
        """Organisations, then members and reminders (names and counts may have changed)."""
        if not self.org_actions.attached:
            return
        showing_all = self.tree_panel.showing_all()
        self.tree_panel.set_nodes(self.service.list_orgs(
            include_retired=True, office=self.tree_panel.community_filter.office()), select_id)
        if showing_all and select_id is None:
            self.tree_panel.tree.selectionModel().clearSelection()
        elif select_id is not None:
            self.tree_panel.all_button.setChecked(False)
        self._scope = "" if self.tree_panel.showing_all() else self.tree_panel.current_id()
        self._update_scope_label()
        self.members.org_id = self._scope or None
        self._update_scope_office()
        self.reload_members()

    def reload_members(self, select_id: str | None = None) -> None:
        if not self.member_actions.attached:
            return
        self.members.invalidate()
        self.members.model.set_org_labels({
            node.id: node.short_name or node.name for node in self.model.nodes().values()})
        self.members.reload(select_id)
        self.reload_reminders()

    def reload_reminders(self) -> None:
        roster = self.roster
        self.reminders.set_data(roster.due_list(90), roster.branch_warnings())
        count = self.reminders.count()
        self.right_tabs.setTabText(1, self.tr("Reminders ({count})").format(count=count)
                                   if count else self.tr("Reminders"))
        self.right_tabs.setTabToolTip(1, self.tr(
            "%n member(s) overdue for full membership", "", self.reminders.overdue_count()))

    def _load_members(self, query: MemberQuery) -> tuple[list[MemberRow], dt.date]:
        roster = self.roster
        return roster.list_members(query), roster.today()

    def _org_nodes(self) -> list[OrgNode]:
        return list(self.model.nodes().values())

    def _default_org(self) -> str | None:
        """The organisation a new member goes to: the one shown, if members can go there."""
        node = self.model.node(self._scope or None)
        if node is None or node.retired or node.org_type == "group":
            return None
        return node.id

    def _org_chosen(self) -> None:
        node = self.tree_panel.current_node()
        scope = node.id if node else None
        if scope == self._scope:
            return
        self._scope = scope
        self._update_scope_label()
        self._update_scope_office()
        self.members.set_scope(scope, self.members.scope_label.text())

    def _all_chosen(self) -> None:
        if self._scope == "":
            return
        self._scope = ""
        self._update_scope_label()
        self._update_scope_office()
        self.members.set_scope(None, self.members.scope_label.text())

    def _update_scope_office(self) -> None:
        node = self.model.node(self._scope or None)
        self.members.scope_office = node.origin_office if node else None
        self.members.update_actions()

    def _update_scope_label(self) -> None:
        self.members.scope_label.setText(self.scope_text())

    def scope_text(self) -> str:
        node = self.model.node(self._scope or None)
        if node is None:
            return self.tr("All organisations")
        if self.members.sub_orgs_check.isChecked() and self.model.siblings(node.id):
            return self.tr("{name} and its sub-organisations").format(name=node.name)
        return node.name

    def _show_current(self, node: OrgNode | None) -> None:
        attached = self.org_actions.attached
        self.tree_panel.update_actions(attached)
        self.detail.set_enabled_actions(attached)
        if node is None or not attached:
            self.detail.clear()
            return
        parent = self.model.node(node.parent_id)
        self.detail.show_org(node, parent.name if parent else None,
                             self.service.seats(node.id), self.service.history(node.id))

    def _with_node(self, act: Callable[[OrgNode], object]) -> None:
        node = self.tree_panel.current_node()
        if node is not None:
            act(node)

    def _end_term(self, seat: object) -> None:
        node = self.detail.node
        if node is not None:
            self.org_actions.end_term(node, seat)  # type: ignore[arg-type]

    # --- members --------------------------------------------------------------------------
    def _with_member(self, act: Callable[[MemberRow], object]) -> None:
        row = self.members.current_row()
        if row is not None:
            act(row)

    def _member_changed(self, row: MemberRow | None) -> None:
        detail = self.members.detail
        if row is None or not self.member_actions.attached:
            detail.clear()
            return
        roster = self.roster
        detail.show_member(row, roster.history(row.id), roster.placements(row.id),
                           roster.transfers(row.id), self.members.model.today())

    def _open_member(self, row: MemberRow) -> None:
        if self.community.read_only(row.origin_office):
            self.status_message.emit(self.community.read_only_text(row.origin_office))
            return
        self.member_actions.edit(row)

    def _transfer_activated(self, transfer: TransferRow) -> None:
        row = self.members.current_row()
        if row is not None and self.community.read_only(row.origin_office):
            self.status_message.emit(self.community.read_only_text(row.origin_office))
            return
        if row is not None and transfer.status not in ("returned", "received"):
            self.member_actions.transfer_status(row, transfer)

    def show_member(self, member_id: str) -> bool:
        """Select ``member_id`` in the table (widening the view if it is filtered out)."""
        self.right_tabs.setCurrentWidget(self.members)
        if not self.members.select_member(member_id):
            self.members.reset_filters()
            if not self.tree_panel.showing_all():
                self.tree_panel.choose_all()
            self.members.reload(member_id)
        found = self.members.current_id() == member_id
        if found:
            self.members.view.setFocus(Qt.FocusReason.OtherFocusReason)
        return found

    def _show_org(self, org_id: str) -> None:
        if self.tree_panel.select_org(org_id):
            self.right_tabs.setCurrentWidget(self.detail)

    # --- Excel ----------------------------------------------------------------------------
    def import_members(self) -> object:
        """Run the import wizard (another module); reload when it imported something."""
        if self._db is None:
            return None
        try:
            from gridoffice.ui.dialogs.roster_import import RosterImportWizard
        except ImportError:
            log.info("the Excel import wizard is not available")
            messages.inform(self, self.tr("Importing from Excel is not available in this "
                                          "version."))
            return None
        roster = self.roster
        result = RosterImportWizard.run(self.window(), self._db, roster.operator,
                                        roster.today())
        if result is not None:
            self.reload()
            self.notify(Changes.area("roster"))
            self.imported.emit(result)
            added, updated = getattr(result, "added", None), getattr(result, "updated", None)
            if isinstance(added, int) and isinstance(updated, int):
                self.status_message.emit(self.tr(
                    "The import is finished: {added} added, {updated} updated.").format(
                    added=added, updated=updated))
            else:
                self.status_message.emit(self.tr("The import is finished."))
        return result

    def export_file_name(self) -> str:
        node = self.model.node(self._scope or None)
        stem = (node.short_name or node.name) if node else (self.unit or EXPORT_FILE_STEM)
        return f"{EXPORT_FILE_STEM}_{stem}_{dt.date.today().isoformat()}.xlsx"

    def ask_export_path(self, suggested: str) -> str:
        """Where to save the export ("" if cancelled; replaced in tests)."""
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export members to Excel"), str(Path(folder) / suggested),
            self.tr("Excel files (*.xlsx)"))
        return path

    def _sync_full_export(self) -> None:
        self.full_export_action.setEnabled(self.members.export_action.isEnabled())

    def confirm_full_export(self) -> bool:
        """Whether the user wants full numbers in the file (replaced in tests)."""
        return messages.confirm(self, self.tr(
            "The file will hold the full ID numbers and phone numbers of the members shown, "
            "so that it can be imported back. Keep it safe and delete it when it is no "
            "longer needed. The export is recorded in the audit log.\n\nExport with full "
            "numbers?"), self.tr("Export with full numbers"))

    def export_view(self, full: bool = False) -> BackgroundJob | None:
        """Save the members shown (in the order shown) as an Excel file: masked, or with
        ``full`` ID numbers and phones after the user confirms (audited either way)."""
        if not self.member_actions.attached:
            return None
        if self.export_job is not None and self.export_job.running:
            return self.export_job
        rows = self.members.model.rows()
        if not rows:
            messages.inform(self, self.tr("No members are shown; there is nothing to export."))
            return None
        if full and not self.confirm_full_export():
            return None
        chosen = self.ask_export_path(self.export_file_name())
        if not chosen or messages.output_refused(self, chosen, self.roster.db.path):
            return None
        try:
            from gridoffice.services import roster_excel
        except ImportError:
            messages.inform(self, self.tr("Exporting to Excel is not available in this "
                                          "version."))
            return None
        target = Path(chosen)
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        roster, scope = self.roster, self.scope_text()
        query = self.members.query()
        detail = self.tr("{count} members to {path}").format(count=len(rows), path=str(target))

        supports_progress = "progress" in inspect.signature(
            roster_excel.export_members).parameters

        from gridoffice.services.audit import EXPORT, EXPORT_FULL

        audit = self.audit

        def task(progress: object) -> Path:
            shown = rows
            if full:  # the same members in the same order, read again unmasked
                by_id = {r.id: r for r in roster.list_members(query, reveal=True)}
                shown = [by_id[r.id] for r in rows if r.id in by_id]
            # the audit entry is committed before the file takes its name
            with audit.recorded_output(EXPORT_FULL if full else EXPORT, scope, detail):
                if supports_progress:  # then Cancel stops it
                    roster_excel.export_members(shown, target, progress=progress, reveal=full)
                else:
                    roster_excel.export_members(shown, target, reveal=full)
            return target

        def done(_result: object) -> None:
            self.status_message.emit(self.tr("{count} members were exported to {path}.").format(
                count=len(rows), path=str(target)))
            self.exported.emit(str(target))

        job = BackgroundJob(self, task, label=self.tr("Exporting {count} members…").format(
            count=len(rows)), on_success=done)
        # Cancelled: the exporter wrote nothing (it writes atomically), and a file that
        # was there stays as it was.
        job.cancelled.connect(
            lambda: self.status_message.emit(self.tr("The export was cancelled.")))
        job.finished.connect(self._export_job_finished)
        self.export_job = job.start()
        return job

    def _export_job_finished(self) -> None:
        self.export_job = None

    # --- the ledgers ----------------------------------------------------------------------
    @property
    def ledger_job(self) -> BackgroundJob | None:
        return self.ledgers.job

    @property
    def preview(self) -> PdfPreviewDialog | None:
        """The open ledger preview, if any."""
        return self.ledgers.preview  # type: ignore[no-any-return]

    def open_ledger(self) -> BackgroundJob | None:
        """Make the ledger of party organisations in the background, then preview it."""
        return self.print_ledger(catalogue.by_name("orgs"))

    def open_roster_ledger(self) -> BackgroundJob | None:
        """党员花名册 of the organisation shown (with its sub-organisations), as of a day."""
        return self.print_ledger(catalogue.by_name("roster"))

    def ledger_values(self, entry: Ledger, key: str = "") -> dict[str, Any] | None:
        """The values of ``entry`` for what the tab shows (None: the user cancelled)."""
        if not self.member_actions.attached:
            return None
        if entry.name == "orgs":
            return {"as_of": dt.date.today()}
        from gridoffice.ui.dialogs.member_dialogs import RosterLedgerDialog

        today = self.roster.today()
        node = self.model.node(self._scope or None)
        scope = self.tr("{name} and its sub-organisations").format(name=node.name) \
            if node else self.tr("All organisations")
        as_of = RosterLedgerDialog.ask(self.window(), scope, self.members.as_of() or today)
        if as_of is None:
            return None
        return {"org_id": node.id if node else None, "org_name": node.name if node else None,
                "as_of": None if as_of == today else as_of, "day": as_of,
                "org_short": (node.short_name or node.name) if node else "",
                "describe": self.tr("Roster of {scope} as of {date}").format(
                    scope=node.name if node else self.tr("All organisations"),
                    date=as_of.isoformat())}

    def running_jobs(self) -> list[BackgroundJob]:
        return [job for job in (self.ledger_job, self.export_job)
                if job is not None and job.running]

    def file_actions(self) -> list[Any]:
        members = self.members
        return [members.import_action, members.export_action, None,
                members.ledger_action, self.tree_panel.ledger_action, None]

    def reload_for(self, changes: Changes) -> None:
        if changes.touches(ORGS):
            self.reload()
        else:  # members, or the residents linked to them
            self.reload_members(self.members.current_id())

    def _orgs_changed(self, org_id: str) -> None:
        self.reload(org_id or None)
        self.notify(Changes.area("roster", [org_id]))

    def _members_changed(self, member_id: str) -> None:
        self.reload_members(member_id or None)
        self.notify(Changes.area("roster", [member_id]))

    # --- window state ---------------------------------------------------------------------
    def save_state(self, settings: QSettings) -> None:
        settings.setValue("roster/splitter", self.splitter.saveState())
        settings.setValue("roster/detail_splitter", self.detail.splitter.saveState())
        settings.setValue("roster/show_retired", self.tree_panel.show_retired_box.isChecked())
        settings.setValue("roster/right_tab", self.right_tabs.currentIndex())
        self.members.save_state(settings)

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value("roster/splitter")
        if state is not None:
            self.splitter.restoreState(state)
        state = settings.value("roster/detail_splitter")
        if state is not None:
            self.detail.splitter.restoreState(state)
        show = settings.value("roster/show_retired", False)
        self.tree_panel.show_retired_box.setChecked(str(show).lower() == "true")
        tab = settings.value("roster/right_tab", 0)
        with contextlib.suppress(TypeError, ValueError):
            self.right_tabs.setCurrentIndex(int(tab))  # type: ignore[call-overload]
        self.members.restore_state(settings)

