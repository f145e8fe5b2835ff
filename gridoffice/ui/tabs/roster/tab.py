"""The "Party members" tab (党员名册): the organisation tree and its members.

Left: :class:`~gridoffice.ui.tabs.roster.tree.OrgTreePanel` (toolbar, "All
organisations", Show retired, the tree). Right, in tabs: the members of the chosen
organisation and its sub-organisations
(:class:`~gridoffice.ui.tabs.roster.members.MemberPanel`), the reminders (转正 due,
organisation size) and the organisation's details
(:class:`~gridoffice.ui.tabs.roster.org_detail.OrgDetailPanel`). Its Excel import
and export are in :mod:`~gridoffice.ui.tabs.roster.exports`. The tab is built
before the data is there; :meth:`RosterTab.attach` gives it the services once
the main window has loaded them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, QStandardPaths, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFileDialog, QSplitter, QTabWidget, QVBoxLayout, QWidget

from gridoffice.domain import access
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.ledgers import catalogue
from gridoffice.services import changes
from gridoffice.services.changes import ORGS, Changes
from gridoffice.ui.ledger_menu import LedgerMenu
from gridoffice.ui.models.org_tree import OrgTreeModel
from gridoffice.ui.tabs.access_gate import AccessGate
from gridoffice.ui.tabs.base import BaseTab
from gridoffice.ui.tabs.roster.exports import RosterExcel
from gridoffice.ui.tabs.roster.member_actions import MemberActions
from gridoffice.ui.tabs.roster.members import MemberPanel
from gridoffice.ui.tabs.roster.org_actions import OrgActions
from gridoffice.ui.tabs.roster.org_detail import OrgDetailPanel
from gridoffice.ui.tabs.roster.reminders import RemindersPanel
from gridoffice.ui.tabs.roster.tree import OrgTreePanel
from gridoffice.ui.widgets.community import CommunityScope, show_community_column
from gridoffice.ui.workers import BackgroundJob

if TYPE_CHECKING:
    from gridoffice.ledgers.catalogue import Ledger
    from gridoffice.services.container import Services
    from gridoffice.services.orgs import OrgNode, OrgService
    from gridoffice.services.roster import MemberQuery, MemberRow, RosterService, TransferRow
    from gridoffice.store.database import Database
    from gridoffice.ui.dialogs.pdf_preview import PdfPreviewDialog


class RosterTab(BaseTab):
    """The tab: organisation tree on the left; members, reminders and the
    organisation's details on the right."""

    key = "roster"
    view_permission = access.ROSTER_VIEW
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
        self._build_layout()
        self._db: Database | None = None
        self._scope: str | None = None  # the organisation whose members are shown
        self.ledgers.opened.connect(self.ledger_opened)
        self._connect_tree()
        self._connect_members()
        self.excel = RosterExcel(self)  # Import… and Export… of the member panel
        self.full_export_action = self.excel.full_export_action
        self.ledger_menu = LedgerMenu(self, "roster", adopt={
            "orgs": self.tree_panel.ledger_action, "roster": self.members.ledger_action})
        self.members.detail.transfer_activated.connect(self._transfer_activated)
        self.members.detail.set_org_names(lambda org_id: (
            self.model.node(org_id).name if self.model.node(org_id) else None))
        self.member_actions.changed.connect(self._members_changed)
        self.member_actions.status.connect(self.status_message)
        self.reminders.member_requested.connect(self.show_member)
        self.reminders.org_requested.connect(self._show_org)
        self.gate = AccessGate()
        self._declare_access()

    def _build_layout(self) -> None:
        """The tree on the left; members, reminders and the organisation on the right."""
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

    def _connect_tree(self) -> None:
        """The tree's choices and actions, and the seat buttons of the details."""
        panel, acts = self.tree_panel, self.org_actions
        panel.current_changed.connect(self._show_current)
        panel.org_chosen.connect(self._org_chosen)
        panel.all_chosen.connect(self._all_chosen)
        panel.new_sub_action.triggered.connect(lambda: self._with_node(acts.new_org))
        panel.new_top_action.triggered.connect(lambda: acts.new_org(None))
        panel.edit_action.triggered.connect(lambda: self._with_node(acts.edit))
        panel.move_action.triggered.connect(lambda: self._with_node(acts.move))
        panel.retire_action.triggered.connect(lambda: self._with_node(acts.retire))
        panel.restore_action.triggered.connect(lambda: self._with_node(acts.restore))
        panel.appoint_action.triggered.connect(lambda: self._with_node(acts.appoint))
        self.detail.appoint_requested.connect(lambda: self._with_node(acts.appoint))
        self.detail.end_term_requested.connect(self._end_term)
        acts.changed.connect(self._orgs_changed)
        acts.status.connect(self.status_message)

    def _connect_members(self) -> None:
        """The member panel's filters and actions."""
        members, acts = self.members, self.member_actions
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

    def _declare_access(self) -> None:
        """What a role may not use is hidden (see :mod:`..access_gate`)."""
        tree, members, detail, gate = self.tree_panel, self.members, self.detail, self.gate
        gate.add(access.ROSTER_EDIT, tree.new_sub_action, tree.new_top_action,
                 tree.edit_action, tree.move_action, tree.retire_action,
                 tree.restore_action, tree.appoint_action, detail.appoint_button,
                 detail.end_term_button, members.new_action, members.confirm_action,
                 members.extend_action, members.transfer_out_action,
                 members.transfer_status_action, members.transfer_in_action,
                 members.deceased_action, members.expelled_action,
                 members.suspended_action, members.restore_action)
        gate.add(access.IMPORT, members.import_action)
        gate.add(access.EXPORT, members.export_action)
        gate.add(access.EXPORT_FULL, self.full_export_action)
        gate.add(access.PRINT, tree.ledger_action, members.ledger_action,
                 *self.ledger_menu.actions())
        gate.add_menu_buttons(tree.new_button, members.transfer_button,
                              members.status_button, members.excel_button)

    def apply_access(self, actor: access.Actor) -> None:
        self.gate.apply(actor)

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
        self.org_actions.attach(services.orgs, lambda: [
            (u.id, u.name) for u in services.inservice.work_units()
            if u.origin_office == services.db.office_id])
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
        office = self.tree_panel.community_filter.office()
        self.tree_panel.set_nodes(self.prefetched("orgs", office, lambda: self.service.list_orgs(
            include_retired=True, office=office)), select_id)
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
        return self.prefetched("members", query, lambda: _members(roster, query))

    def prefetches(self) -> dict[str, tuple[Any, Callable[[Services], Any]]]:
        """The members as the filters ask for them and the organisations: the longest
        reads of :meth:`attach`."""
        query = self.members.query()
        office = self.tree_panel.community_filter.office()
        return {"members": (query, lambda services: _members(services.roster, query)),
                "orgs": (office, lambda services: services.orgs.list_orgs(
                    include_retired=True, office=office))}

    def shown_org_id(self) -> str | None:
        """The organisation whose members are shown (None: all organisations)."""
        return self._scope or None

    def _org_nodes(self) -> list[OrgNode]:
        return list(self.model.nodes().values())

    def _default_org(self) -> str | None:
        """The organisation a new member goes to: the one shown, if members can go there."""
        node = self.model.node(self.shown_org_id())
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
        node = self.model.node(self.shown_org_id())
        self.members.scope_office = node.origin_office if node else None
        self.members.update_actions()

    def _update_scope_label(self) -> None:
        self.members.scope_label.setText(self.scope_text())

    def scope_text(self) -> str:
        node = self.model.node(self.shown_org_id())
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

    def open_view(self, view: str, filters: dict[str, Any]) -> bool:
        """A workbench item: the reminders of a bucket, the members of a relation (every
        organisation), or the import."""
        if view == "reminders":
            self.right_tabs.setCurrentWidget(self.reminders)
            self.reminders.show_bucket(str(filters.get("bucket", "overdue")))
            self.reminders.due_view.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        if view == "members":
            self.right_tabs.setCurrentWidget(self.members)
            members = self.members
            members.reset_filters(filters.get("relation", "active"))
            if self.tree_panel.showing_all():
                members.reload()
            else:  # every organisation's members: read once, by the change of scope
                self.tree_panel.choose_all()
            members.view.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        if view == "import":
            self.import_members()
            return True
        return False

    def _show_org(self, org_id: str) -> None:
        if self.tree_panel.select_org(org_id):
            self.right_tabs.setCurrentWidget(self.detail)

    # --- Excel (the work is in exports.py) --------------------------------------------------
    def import_members(self) -> object:
        """Run the import wizard (another module); reload when it imported something."""
        return self.excel.import_members()

    def export_view(self, full: bool = False) -> BackgroundJob | None:
        """Save the members shown (in the order shown) as an Excel file: masked, or with
        ``full`` ID numbers and phones after the user confirms (audited either way)."""
        return self.excel.export_view(full)

    @property
    def export_job(self) -> BackgroundJob | None:
        """The export running, if any."""
        return self.excel.job

    def export_file_name(self) -> str:
        return self.excel.file_name()

    def ask_export_path(self, suggested: str) -> str:
        """Where to save the export ("" if cancelled; replaced in tests)."""
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export members to Excel"), str(Path(folder) / suggested),
            self.tr("Excel files (*.xlsx)"))
        return path

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
        node = self.model.node(self.shown_org_id())
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


def _members(roster: RosterService, query: MemberQuery) -> tuple[list[MemberRow], dt.date]:
    return roster.list_members(query), roster.today()
