"""The "In-service members" tab (在职党员到社区报到, 双报到).

Four pages: registrations (with the selected member's claims, service records
and points below the list), service posts and their claims, activities with
check-in and service records, and the points of a period. The last three are
built when first shown (:mod:`.posts`, :mod:`.activities`, :mod:`.points`). The
registrations' filters and list are in :mod:`.view`, the detail below them in
:mod:`.detail`, what the toolbar does in :mod:`.actions`, and the Print menu in the
corner in :mod:`.ledgers`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QDialog, QTabWidget, QVBoxLayout, QWidget

from gridoffice.domain import access
from gridoffice.errors import UserError
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.services import changes
from gridoffice.services.changes import Changes
from gridoffice.ui.tabs.access_gate import AccessGate
from gridoffice.ui.tabs.base import BaseTab
from gridoffice.ui.tabs.inservice.actions import RegistrationActions
from gridoffice.ui.tabs.inservice.detail import RegistrationDetail
from gridoffice.ui.tabs.inservice.ledgers import InServiceLedgers
from gridoffice.ui.tabs.inservice.view import RegistrationList
from gridoffice.ui.undo import push_change, report_refused
from gridoffice.ui.widgets.actions import RowSelection
from gridoffice.ui.widgets.community import (
    CommunityFilter,
    CommunityScope,
    show_community_column,
)
from gridoffice.ui.widgets.layout import list_detail_page

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from gridoffice.domain import inservice as rules
    from gridoffice.ledgers.catalogue import Ledger
    from gridoffice.services.container import Services
    from gridoffice.services.inservice import InServiceService, RegistrationQuery
    from gridoffice.store.database import Database
    from gridoffice.ui.workers import BackgroundJob

PAGE_REGISTRATIONS, PAGE_POSTS, PAGE_ACTIVITIES, PAGE_POINTS = range(4)


class InServiceTab(BaseTab, RowSelection):
    """See the module docstring."""

    key = "inservice"
    view_permission = access.INSERVICE_VIEW
    title_text = QT_TRANSLATE_NOOP("MainWindow", "In-service members")
    watches = changes.INSERVICE | {"grid", "member"}  # posts sit in grids
    loaded = Signal(int)

    def __init__(self, undo_stack: QUndoStack | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(undo_stack, parent)
        self.service: InServiceService | None = None
        self.db: Database | None = None
        self.unit_name = ""
        self.grids: list[tuple[str, str]] = []
        self._details_shown = 0  # how often the detail was filled (a reload fills it once)
        self._grid_names: dict[str, str] = {}
        self.posts_page: Any = None  # built when first shown
        self.activities_page: Any = None
        self.points_page: Any = None
        self.community = CommunityScope()  # the street's view: set_community_scope
        self.registration_actions = RegistrationActions(self)
        self._adopt_actions(self.registration_actions)
        self.printing = InServiceLedgers(self)
        self._adopt_print_actions(self.printing)
        # The street office: one filter above the pages, for all of them.
        self.community_filter = CommunityFilter(self)
        self.community_filter.changed.connect(self._community_changed)
        self.registrations = RegistrationList(self)
        self.registrations.changed.connect(lambda: self.reload())
        lst = self.registrations
        self.search_edit, self.status_combo, self.unit_combo = (
            lst.search_edit, lst.status_combo, lst.unit_combo)
        self.due_check, self.left_check, self.count_label = (
            lst.due_check, lst.left_check, lst.count_label)
        self.model, self.view = lst.model, lst.view
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.view.activated.connect(lambda _i: self.edit_registration())
        self.detail = RegistrationDetail(self, self.add_points_action, self.correct_action)
        self.detail.entry_changed.connect(self.update_actions)
        self.header_label, self.detail_tabs = self.detail.header_label, self.detail.detail_tabs
        self.entries_model, self.entries_view = (self.detail.entries_model,
                                                 self.detail.entries_view)
        registrations, self.splitter = list_detail_page(
            self, self.toolbar, lst.row, self.view, self.detail,
            orientation=Qt.Orientation.Vertical, stretch=(3, 2), sizes=(420, 280))
        self.pages = QTabWidget(self)
        self.pages.setDocumentMode(True)
        self.pages.addTab(registrations, self.tr("Registrations"))
        self.pages.addTab(QWidget(self), self.tr("Service posts"))
        self.pages.addTab(QWidget(self), self.tr("Activities and check-in"))
        self.pages.addTab(QWidget(self), self.tr("Points"))
        self.pages.setCornerWidget(self.print_button, Qt.Corner.TopRightCorner)
        self.pages.currentChanged.connect(self._page_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.community_filter)
        layout.addWidget(self.pages)
        self.gate = AccessGate()
        self._declare_access()
        self.update_actions()

    def _adopt_actions(self, acts: RegistrationActions) -> None:
        """The registrations' actions under the tab's names."""
        self.toolbar = acts.toolbar
        self.new_action, self.edit_action = acts.new_action, acts.edit_action
        self.approve_action, self.return_action = acts.approve_action, acts.return_action
        self.reregister_action = acts.reregister_action
        self.leave_action, self.rejoin_action = acts.leave_action, acts.rejoin_action
        self.reveal_action, self.units_action = acts.reveal_action, acts.units_action
        self.add_points_action, self.correct_action = (acts.add_points_action,
                                                       acts.correct_action)

    def _declare_access(self) -> None:
        """What a role may not use is hidden (see :mod:`..access_gate`); the pages
        built later add theirs (:meth:`_declare_page_access`)."""
        acts, gate = self.registration_actions, self.gate
        gate.add(access.INSERVICE_EDIT, acts.new_action, acts.edit_action, acts.approve_action,
                 acts.return_action, acts.reregister_action, acts.leave_action,
                 acts.rejoin_action, acts.units_action, acts.add_points_action,
                 acts.correct_action, self.detail.add_points_button,
                 self.detail.correct_button)
        gate.add(access.REVEAL, acts.reveal_action)
        gate.add(access.PRINT, *self.ledger_menu.actions())
        gate.add_menu_buttons(self.print_button)

    def _declare_page_access(self, page: Any) -> None:
        """The actions of a page built when first shown."""
        edits = [getattr(page, name) for name in (
            "new_action", "edit_action", "close_action", "claim_action", "accept_action",
            "reject_action", "withdraw_action", "checkin_action", "record_action")
            if hasattr(page, name)]
        self.gate.add(access.INSERVICE_EDIT, *edits)
        if hasattr(page, "rules_button"):
            self.gate.add(access.SETTINGS, page.rules_button)

    def apply_access(self, actor: access.Actor) -> None:
        self.gate.apply(actor)

    def _adopt_print_actions(self, printing: InServiceLedgers) -> None:
        """The Print menu's actions under the tab's names."""
        self.ledger_menu, self.print_menu = printing.ledger_menu, printing.menu
        self.print_button = printing.button
        self.register_print_action = printing.register_print_action
        self.form_print_action = printing.form_print_action
        self.forms_print_action = printing.forms_print_action
        self.card_print_action = printing.card_print_action
        self.cards_print_action = printing.cards_print_action
        self.notice_action = printing.notice_action
        self.unit_notice_action = printing.unit_notice_action
        self.letters_action = printing.letters_action
        self.checkin_card_action = printing.checkin_card_action
        self.checkin_cards_action = printing.checkin_cards_action

    # --- attaching and loading --------------------------------------------------------------
    def set_scope(self, scope: CommunityScope) -> None:
        """The street office's view: every community's registrations, a 社区 column and
        filter; the communities' records read-only, the street's work units editable."""
        super().set_scope(scope)
        self.community = scope
        self.community_filter.set_scope(scope)
        show_community_column(self.view, self.model, scope)
        self.update_actions()

    def _community_changed(self) -> None:
        self.reload()
        for page in self.built_pages():
            page.refresh()

    def attach(self, services: Services) -> None:
        super().attach(services)
        self.service = services.inservice
        self.db = services.db
        self.unit_name = services.unit
        self.reload_grids()
        self.reload_units()
        self.reload()
        for page in self.built_pages():
            page.refresh()

    def prefetches(self) -> dict[str, tuple[Any, Callable[[Services], Any]]]:
        """The registrations as the filters ask for them: the longest read of attach."""
        query = self.query()
        return {"registrations": (query, lambda services: services.inservice.registrations(
            query))}

    def reload_grids(self) -> None:
        """The grids (id, name) to choose from, read again on refresh."""
        self.grids = self.services.grid_choices() if self.services is not None else []
        self._grid_names = dict(self.grids)

    def grid_name(self, grid_id: str | None) -> str:
        return self._grid_names.get(grid_id or "", "")

    def built_pages(self) -> list[Any]:
        return [p for p in (self.posts_page, self.activities_page, self.points_page)
                if p is not None]

    def reload_units(self) -> None:
        if self.service is not None:
            self.registrations.reload_units(self.service)

    def query(self) -> RegistrationQuery:
        return self.registrations.query(self.community_filter.office())

    def open_view(self, view: str, filters: dict[str, Any]) -> bool:
        """A workbench item: the registrations awaiting review, or due to register
        again."""
        if view != "registrations":
            return False
        self.pages.setCurrentIndex(0)
        self.registrations.show_filtered(filters)
        self.registrations.view.setFocus()
        return True

    def reload(self, select_id: str | None = None) -> None:
        self.registrations.search_timer.stop()
        if self.service is None:
            return
        shown = self._details_shown
        service = self.service
        rows = self.registrations.load(
            service, self.community_filter.office(), select_id or self.current_id(),
            lambda query: self.prefetched("registrations", query,
                                          lambda: service.registrations(query)))
        if self._details_shown == shown:  # the selection did not move: the detail again
            self.show_detail()
        self.loaded.emit(len(rows))

    def reload_for(self, changes: Changes) -> None:
        """The data changed (a form, undo, check-in, another tab): every built page again."""
        self.reload_grids()
        self.reload_units()
        self.reload()
        for page in self.built_pages():
            page.refresh()

    def page(self, index: int) -> Any:
        """The page ``index``, built if it was not yet (tests and the Print menu)."""
        self._ensure_page(index)
        return {PAGE_POSTS: self.posts_page, PAGE_ACTIVITIES: self.activities_page,
                PAGE_POINTS: self.points_page}.get(index)

    def _ensure_page(self, index: int) -> None:
        if index == PAGE_REGISTRATIONS or self.service is None:
            return
        from gridoffice.ui.tabs.inservice.activities import ActivitiesPage
        from gridoffice.ui.tabs.inservice.points import PointsPage
        from gridoffice.ui.tabs.inservice.posts import PostsPage

        attr, cls, title = {
            PAGE_POSTS: ("posts_page", PostsPage, self.tr("Service posts")),
            PAGE_ACTIVITIES: ("activities_page", ActivitiesPage,
                              self.tr("Activities and check-in")),
            PAGE_POINTS: ("points_page", PointsPage, self.tr("Points")),
        }[index]
        if getattr(self, attr) is not None:
            return
        page = cls(self)
        setattr(self, attr, page)
        self._declare_page_access(page)
        current = self.pages.currentIndex()
        placeholder = self.pages.widget(index)
        self.pages.blockSignals(True)
        self.pages.removeTab(index)
        self.pages.insertTab(index, page, title)
        self.pages.setCurrentIndex(current)
        self.pages.blockSignals(False)
        placeholder.deleteLater()
        page.refresh()

    def _page_changed(self, index: int) -> None:
        self._ensure_page(index)

    # --- selection and detail ------------------------------------------------------------
    def _row_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self.show_detail()

    def select_registration(self, registration_id: str) -> bool:
        return self.registrations.select(registration_id)

    def show_detail(self) -> None:
        self._details_shown += 1
        row = self.current_row()
        if row is None or self.service is None:
            self.detail.clear()
        else:
            self.detail.show_registration(row, self.service)
        self.update_actions()

    def current_entry(self) -> Any:
        return self.detail.current_entry()

    def update_actions(self) -> None:
        row = self.current_row()
        self.registration_actions.update(row, self.current_entry())
        self.printing.update(self.service is not None, row)
        self.detail.follow_actions(explain=self.community.active)

    # --- what the toolbar does (:mod:`.actions`) --------------------------------------------
    def new_registration(self) -> str | None:
        return self.registration_actions.new_registration()

    def edit_registration(self) -> None:
        self.registration_actions.edit_registration()

    def approve(self) -> bool:
        return self.registration_actions.approve()

    def return_registration(self) -> str | None:
        return self.registration_actions.return_registration()

    def reregister(self) -> None:
        self.registration_actions.reregister()

    def leave(self) -> None:
        self.registration_actions.leave()

    def rejoin(self) -> None:
        self.registration_actions.rejoin()

    def reveal(self) -> tuple[str | None, str | None] | None:
        return self.registration_actions.reveal()

    def edit_work_units(self) -> None:
        self.registration_actions.edit_work_units()

    def add_points(self) -> str | None:
        return self.registration_actions.add_points()

    def correct_entry(self) -> str | None:
        return self.registration_actions.correct_entry()

    # --- undo ---------------------------------------------------------------------------
    def push(self, text: str, apply: Callable[[], object],
             revert: Callable[[], object] | None) -> None:
        """A change already stored: onto the undo stack when it has an inverse."""
        push_change(self.undo_stack, self, text, apply, revert,
                    changes=Changes.area("inservice"))

    def command_done(self, changes: Changes, select: str | None) -> None:
        self.refresh()
        self.notify(changes)

    def report_failure(self, err: UserError, undoing: bool) -> None:
        report_refused(self, err, undoing)

    @staticmethod
    def run_dialog(dialog: QDialog) -> int:
        """Run a modal window that is not a form (the seam tests replace)."""
        return dialog.exec()

    # --- printing (:mod:`.ledgers`) ---------------------------------------------------------
    def _period(self) -> rules.Period:
        return self.printing.period()

    def _chosen_unit(self) -> str | None:
        return self.printing.chosen_unit()

    def print_ledger(self, entry: Ledger, key: str = "",
                     values: dict[str, Any] | None = None) -> Any:
        """As every tab, but the letters to the work units go into a folder."""
        if entry.output == "folder":
            return self.print_letters() if self.services is not None else None
        return super().print_ledger(entry, key, values)

    def ledger_values(self, entry: Ledger, key: str = "") -> dict[str, Any] | None:
        return self.printing.values(entry, key)

    def ask_folder(self) -> str:
        """Where the letters go ("" if cancelled; replaced in tests)."""
        from PySide6.QtCore import QStandardPaths
        from PySide6.QtWidgets import QFileDialog

        start = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        return QFileDialog.getExistingDirectory(self, self.tr("Folder for the letters"), start)

    def print_letters(self) -> BackgroundJob | None:
        return self.printing.print_letters()

    @property
    def letters_job(self) -> BackgroundJob | None:
        return self.printing.letters_job

    # --- state ----------------------------------------------------------------------------
    def running_jobs(self) -> list[BackgroundJob]:
        jobs = [self.ledgers.job] if self.ledgers.running and self.ledgers.job else []
        if self.printing.letters_job is not None and self.printing.letters_running:
            jobs.append(self.printing.letters_job)
        return jobs

    def layout_widgets(self) -> list[tuple[str, Any]]:
        return [("inservice/splitter", self.splitter),
                ("inservice/columns", self.view.horizontalHeader())]
