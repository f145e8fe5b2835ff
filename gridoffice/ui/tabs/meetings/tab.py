"""The "Resident council" tab (居民议事会 / 三会一课): the meetings with filters on
the left (:mod:`.view`), the selected meeting on the right (:mod:`.detail`), and a
second page with the follow-up tracking view (:mod:`.follow_ups`). What the
toolbar does to a meeting is in :mod:`.actions`.

Service calls are quick: the list is read on the GUI thread.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QDialog, QTabWidget, QToolBar, QToolButton, QVBoxLayout, QWidget

from gridoffice.domain import access
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.ledgers import catalogue
from gridoffice.services import changes
from gridoffice.services.changes import Changes
from gridoffice.ui.ledger_menu import LedgerMenu
from gridoffice.ui.models.meeting_table import MeetingTableModel
from gridoffice.ui.tabs.access_gate import AccessGate
from gridoffice.ui.tabs.base import BaseTab
from gridoffice.ui.tabs.meetings.actions import MeetingActions
from gridoffice.ui.tabs.meetings.detail import MeetingDetailPanel
from gridoffice.ui.tabs.meetings.view import MeetingFilters, meeting_table
from gridoffice.ui.widgets.actions import RowSelection
from gridoffice.ui.widgets.community import (
    CommunityFilter,
    CommunityScope,
    show_community_column,
)
from gridoffice.ui.widgets.layout import list_detail_page

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from gridoffice.ledgers.catalogue import Ledger
    from gridoffice.services.container import Services
    from gridoffice.services.meetings import MeetingQuery, MeetingService
    from gridoffice.store.database import Database


class MeetingsTab(BaseTab, RowSelection):
    """See the module docstring."""

    key = "meetings"
    view_permission = access.MEETINGS_VIEW
    title_text = QT_TRANSLATE_NOOP("MainWindow", "Resident council")
    # attendees are members and residents: their names follow
    watches = changes.MEETINGS | {"member", "resident"}
    loaded = Signal(int)

    def __init__(self, undo_stack: QUndoStack | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(undo_stack, parent)
        self.service: MeetingService | None = None
        self.db: Database | None = None
        self.unit_name = ""
        self.follow_ups: Any = None  # FollowUpsView, built when its page is first shown
        self.community = CommunityScope()  # the street's view: set_community_scope

        self.meeting_actions = MeetingActions(self)
        self._name_actions()
        self._build_toolbar()
        self.filters = MeetingFilters(self)
        self._name_filters()
        self.filters.changed.connect(lambda: self.reload())
        self.community_filter = CommunityFilter(self)
        self.community_filter.changed.connect(self._community_changed)
        self.model = MeetingTableModel(self)
        self.view = meeting_table(self, self.model)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.view.activated.connect(lambda _i: self.edit_meeting())
        self.detail = MeetingDetailPanel(undo_stack, self)
        self.detail.changed.connect(self._detail_changed)
        self.detail.status_message.connect(self.status_message)

        meetings_page, self.splitter = list_detail_page(
            self, self.toolbar, self.filters.row, self.view, self.detail,
            orientation=Qt.Orientation.Horizontal, stretch=(1, 1), sizes=(820, 580))

        self.pages = QTabWidget(self)
        self.pages.setDocumentMode(True)
        self.pages.addTab(meetings_page, self.tr("Meetings"))
        self.pages.addTab(QWidget(self), self.tr("Follow-up tracking"))
        self.pages.currentChanged.connect(self._page_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.community_filter)  # the street: for both pages
        layout.addWidget(self.pages)
        self.gate = AccessGate()
        self._declare_access()
        self.update_actions()

    # --- building -------------------------------------------------------------------------
    def _name_actions(self) -> None:
        """The meeting actions by the names the tab always had."""
        acts = self.meeting_actions
        self.schedule_action, self.new_action = acts.schedule_action, acts.new_action
        self.edit_action, self.cancel_action = acts.edit_action, acts.cancel_action
        self.sign_in_action, self.finish_action = acts.sign_in_action, acts.finish_action
        self.approve_action, self.amend_action = acts.approve_action, acts.amend_action
        self.rules_action = acts.rules_action

    def _declare_access(self) -> None:
        """What a role may not use is hidden (see :mod:`..access_gate`)."""
        acts, gate = self.meeting_actions, self.gate
        gate.add(access.MEETINGS_EDIT, acts.schedule_action, acts.new_action,
                 acts.edit_action, acts.cancel_action, acts.sign_in_action,
                 acts.finish_action, acts.approve_action, acts.amend_action,
                 *(button for page in (self.detail.attendees_page, self.detail.agenda_page,
                                       self.detail.attachments_page)
                   for button in page.editing_buttons()))
        gate.add(access.SETTINGS, self.rules_action)
        gate.add(access.PRINT, *self.ledger_menu.actions())
        gate.add_menu_buttons(self.print_button)

    def _declare_follow_ups_access(self, view: Any) -> None:
        self.gate.add(access.MEETINGS_EDIT, view.done_action, view.edit_action)
        self.gate.add(access.PRINT, view.print_action)

    def apply_access(self, actor: access.Actor) -> None:
        self.gate.apply(actor)

    def _name_filters(self) -> None:
        """The filter widgets by the names the tab always had."""
        filters = self.filters
        self.type_combo, self.year_combo = filters.type_combo, filters.year_combo
        self.status_combo, self.search_edit = filters.status_combo, filters.search_edit
        self.count_label = filters.count_label

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for act in self.meeting_actions.toolbar_actions():
            if act is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(act)
        self.ledger_menu = LedgerMenu(self, "meetings")
        self.print_menu = self.ledger_menu.menu
        self.minutes_action = self.ledger_menu.action("minutes")
        self.sign_in_sheet_action = self.ledger_menu.action("sign-in")
        self.follow_ups_action = self.ledger_menu.action("followups")
        self.summary_action = self.ledger_menu.action("meetings-summary")
        self.print_button = print_button = QToolButton(self)
        print_button.setText(self.tr("Print"))
        print_button.setMenu(self.print_menu)
        print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.toolbar.addWidget(print_button)
        self.toolbar.addAction(self.rules_action)

    # --- attaching and loading --------------------------------------------------------------
    def set_scope(self, scope: CommunityScope) -> None:
        """The street office's view: every community's meetings, a 社区 column and
        filter; the communities' meetings read-only."""
        super().set_scope(scope)
        self.community = self.detail.community = scope
        self.community_filter.set_scope(scope)
        show_community_column(self.view, self.model, scope)
        if self.follow_ups is not None:
            self.follow_ups.set_community_scope(scope, self.community_filter.office)
        self.update_actions()

    def _community_changed(self) -> None:
        self.reload()
        if self.follow_ups is not None:
            self.follow_ups.refresh()

    def attach(self, services: Services) -> None:
        super().attach(services)
        self.service = service = services.meetings
        self.db = services.db
        self.unit_name = services.unit
        self.detail.attach(service, services.language)
        self.filters.set_years(service.today().year)
        if self.follow_ups is not None:
            self.follow_ups.set_service(service)
        self.reload()

    def prefetches(self) -> dict[str, tuple[Any, Callable[[Services], Any]]]:
        """The meetings as the filters ask for them: the longest read of attach."""
        query = self.query()
        return {"meetings": (query, lambda services: services.meetings.list_meetings(query))}

    def query(self) -> MeetingQuery:
        return self.filters.query(self.community_filter.office())

    def reload(self, select_id: str | None = None) -> None:
        self.filters.settle()
        if self.service is None:
            return
        keep = select_id or self.current_id()
        service, query = self.service, self.query()
        rows = self.prefetched("meetings", query, lambda: service.list_meetings(query))
        self.model.set_rows(rows)
        self.filters.show_count(len(rows))
        row = self.model.row_of(keep)
        if row < 0 and rows:
            row = 0
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row, 0))
            self.view.scrollTo(self.model.index(row, 0))
        else:
            self.detail.show_meeting(None)
        self.update_actions()
        self.loaded.emit(len(rows))

    def reload_for(self, changes: Changes) -> None:
        """The data changed (undo, sign-in, another tab): the list and the detail again."""
        self.reload()
        self.detail.refresh(notify=False)
        if self.follow_ups is not None and changes.touches("follow_up", "resolution"):
            self.follow_ups.refresh()

    def _detail_changed(self) -> None:
        """The detail stored a change: the list row (counts, status) follows."""
        if self.service is None:
            return
        current = self.detail.meeting_id
        rows = self.service.list_meetings(self.query())
        self.model.set_rows(rows)
        row = self.model.row_of(current)
        if row >= 0:
            self.view.selectionModel().blockSignals(True)
            self.view.setCurrentIndex(self.model.index(row, 0))
            self.view.selectionModel().blockSignals(False)
        self.update_actions()
        if self.follow_ups is not None:
            self.follow_ups.refresh()
        self.notify(Changes.area("meetings", [current]))

    def command_done(self, changes: Changes, select: str | None) -> None:
        """A meeting action was made, undone or redone: show it, tell the others."""
        self.refresh()
        self.notify(changes)

    # --- the follow-up tracking page ------------------------------------------------------
    def _page_changed(self, index: int) -> None:
        if index != 1 or self.service is None:
            return
        if self.follow_ups is None:
            try:
                from gridoffice.ui.tabs.meetings.follow_ups import FollowUpsView
            except ImportError:
                return
            self.follow_ups = FollowUpsView(self)
            if self.community.active:
                self.follow_ups.set_community_scope(self.community,
                                                    self.community_filter.office)
            self.follow_ups.status_message.connect(self.status_message)
            self.follow_ups.open_meeting.connect(self.open_meeting)
            self.follow_ups.print_requested.connect(self.print_follow_ups)
            self.follow_ups.changed.connect(self.refresh)
            self.follow_ups.set_service(self.service)
            self._declare_follow_ups_access(self.follow_ups)
            placeholder = self.pages.widget(1)
            self.pages.blockSignals(True)
            self.pages.removeTab(1)
            self.pages.insertTab(1, self.follow_ups, self.tr("Follow-up tracking"))
            self.pages.setCurrentIndex(1)
            self.pages.blockSignals(False)
            placeholder.deleteLater()
        self.follow_ups.refresh()

    def open_meeting(self, meeting_id: str) -> None:
        """From the follow-up tracking view: show the meeting, all filters off."""
        self.pages.setCurrentIndex(0)
        if self.model.row_of(meeting_id) < 0:
            self.filters.clear()
            self.reload(meeting_id)
        self.select_meeting(meeting_id)
        self.detail.tabs.setCurrentIndex(1)

    def open_view(self, view: str, filters: dict[str, Any]) -> bool:
        """A workbench item: a meeting (the next council), or the follow-ups in a state
        (overdue, due within 7 days)."""
        if view == "meeting":
            self.open_meeting(str(filters["meeting_id"]))
            return self.model.row_of(str(filters["meeting_id"])) >= 0
        if view == "follow_ups":
            self.pages.setCurrentIndex(1)  # builds the view the first time
            if self.follow_ups is None:
                return False
            self.follow_ups.show_state(filters.get("state"))
            return True
        return False

    # --- selection ------------------------------------------------------------------------
    def select_meeting(self, meeting_id: str) -> bool:
        row = self.model.row_of(meeting_id)
        if row < 0:
            return False
        self.view.setCurrentIndex(self.model.index(row, 0))
        return True

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_at(current.row()) if current.isValid() else None
        self.detail.origin_office = row.origin_office if row else None
        self.detail.show_meeting(row.id if row else None)
        self.update_actions()

    def update_actions(self) -> None:
        attached = self.service is not None
        row = self.current_row()
        self.summary_action.setEnabled(attached)
        for act in (self.minutes_action, self.sign_in_sheet_action):
            act.setEnabled(row is not None)
        self.meeting_actions.update(attached, row)

    # --- meetings (the actions: .actions) ------------------------------------------------
    def schedule_next_council(self) -> str | None:
        """The next council by the rule, shown in the meeting form to confirm or edit."""
        return self.meeting_actions.schedule_next_council()

    def new_meeting(self) -> str | None:
        return self.meeting_actions.new_meeting()

    def edit_meeting(self) -> None:
        self.meeting_actions.edit_meeting()

    @staticmethod
    def run_dialog(dialog: QDialog) -> int:
        """Run a modal window that is not a form (the seam tests replace)."""
        return dialog.exec()

    # --- printing -------------------------------------------------------------------------
    def ledger_values(self, entry: Ledger, key: str = "") -> dict[str, Any] | None:
        """The values of ``entry``: the meeting selected, or the year chosen (None:
        no meeting is selected)."""
        if entry.name in ("minutes", "sign-in"):
            row = self.current_row()
            return None if row is None else {"meeting_id": row.id, "ref": row.ref}
        if entry.name == "followups":
            year = self.follow_ups.year_combo.currentData() if self.follow_ups else None
            return {"year": year, "file_year": year or dt.date.today().year}
        year = self.year_combo.currentData() or (
            self.service.today().year if self.service else dt.date.today().year)
        return {"year": year}

    def print_minutes(self) -> Any:
        return self.print_ledger(catalogue.by_name("minutes"))

    def print_sign_in_sheet(self) -> Any:
        return self.print_ledger(catalogue.by_name("sign-in"))

    def print_year_summary(self) -> Any:
        return self.print_ledger(catalogue.by_name("meetings-summary"))

    def print_follow_ups(self) -> Any:
        return self.print_ledger(catalogue.by_name("followups"))

    # --- state ----------------------------------------------------------------------------
    def shutdown(self) -> None:
        super().shutdown()
        self.detail.remove_opened_attachments()

    def layout_widgets(self) -> list[tuple[str, Any]]:
        return [("meetings/splitter", self.splitter),
                ("meetings/columns", self.view.horizontalHeader())]
