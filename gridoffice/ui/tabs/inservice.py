"""The "In-service members" tab (在职党员到社区报到, 双报到).

Four pages: registrations (with the selected member's claims, service records
and points below the list), service posts and their claims, activities with
check-in and service records, and the points of a period. The last three are
built when first shown (:mod:`inservice_pages`). The Print menu in the corner
makes the ledgers of :mod:`gridoffice.ledgers.inservice_ledger` in the background.

Review, leaving and rejoining, re-registration, claims and withdrawals go on the
window's undo stack where the service has an inverse. Approving a registration
that was awaiting review is not undone: there is no way back to 待审核, and the
first-registration points it earned stay in the append-only ledger.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gridoffice.domain import inservice as rules
from gridoffice.errors import UserError
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.ledgers import catalogue
from gridoffice.services import changes
from gridoffice.services.audit import PRINT
from gridoffice.services.changes import Changes
from gridoffice.ui import messages
from gridoffice.ui.dialogs import inservice_dialogs as dialogs
from gridoffice.ui.labels import code_label, date_text
from gridoffice.ui.ledger_menu import LedgerMenu
from gridoffice.ui.models.inservice_tables import (
    ClaimTableModel,
    EntryTableModel,
    RecordTableModel,
    RegistrationTableModel,
)
from gridoffice.ui.tabs.base import BaseTab
from gridoffice.ui.tabs.meeting_detail import _table
from gridoffice.ui.undo import push_change, report_refused
from gridoffice.ui.widgets.actions import RowSelection, make_action
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
    from gridoffice.services.inservice import (
        InServiceService,
        RegistrationDraft,
        RegistrationQuery,
    )
    from gridoffice.store.database import Database
    from gridoffice.ui.workers import BackgroundJob

SEARCH_DELAY_MS = 200
DUE_WITHIN_DAYS = 30
PAGE_REGISTRATIONS, PAGE_POSTS, PAGE_ACTIVITIES, PAGE_POINTS = range(4)
HEADER_STYLE = "padding: 2px 4px;"


class InServiceTab(BaseTab, RowSelection):
    """See the module docstring."""

    key = "inservice"
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
        self._grid_names: dict[str, str] = {}
        self.posts_page: Any = None  # built when first shown
        self.activities_page: Any = None
        self.points_page: Any = None
        self.letters_job: BackgroundJob | None = None
        self.community = CommunityScope()  # the street's view: set_community_scope

        self._build_actions()
        self._build_filters()
        self.model = RegistrationTableModel(self)
        self.view = _table(self, self.model)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.view.activated.connect(lambda _i: self.edit_registration())
        self._build_detail()

        registrations, self.splitter = list_detail_page(
            self, self.toolbar, self.filter_row, self.view, self.detail,
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

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload)
        self.update_actions()

    # --- building -------------------------------------------------------------------------
    def _action(self, text: str, slot: Callable[[], Any], shortcut: str | None = None,
                tip: str | None = None) -> QAction:
        return make_action(self, text, slot, shortcut, tip)

    def _build_actions(self) -> None:
        self.new_action = self._action(self.tr("New registration…"), self.new_registration,
                                       "Ctrl+N")
        self.edit_action = self._action(self.tr("Edit…"), self.edit_registration, "F2")
        self.approve_action = self._action(self.tr("Approve"), self.approve, "Ctrl+Shift+A")
        self.return_action = self._action(self.tr("Return…"), self.return_registration)
        self.reregister_action = self._action(
            self.tr("Re-register…"), self.reregister, None,
            self.tr("The member registered again (every half year by default)"))
        self.leave_action = self._action(self.tr("Leave…"), self.leave)
        self.rejoin_action = self._action(self.tr("Rejoin"), self.rejoin)
        self.reveal_action = self._action(
            self.tr("Show full numbers…"), self.reveal, None,
            self.tr("The full ID number and mobile; written to the audit log"))
        self.units_action = self._action(self.tr("Work units…"), self.edit_work_units)
        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for act in (self.new_action, self.edit_action, None, self.approve_action,
                    self.return_action, self.reregister_action, None, self.leave_action,
                    self.rejoin_action, self.reveal_action, None, self.units_action):
            if act is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(act)

        self.ledger_menu = LedgerMenu(self, "inservice")
        self.print_menu = self.ledger_menu.menu
        ledger = self.ledger_menu.action
        self.register_print_action = ledger("checkin-register")
        self.form_print_action = ledger("checkin-forms", "selected")
        self.forms_print_action = ledger("checkin-forms", "all")
        self.card_print_action = ledger("service-cards", "selected")
        self.cards_print_action = ledger("service-cards", "all")
        self.notice_action = ledger("points", "all")
        self.unit_notice_action = ledger("points", "unit")
        self.letters_action = ledger("unit-letters")
        self.checkin_card_action = ledger("checkin-cards", "selected")
        self.checkin_cards_action = ledger("checkin-cards", "all")
        self.print_button = QToolButton(self)
        self.print_button.setText(self.tr("Print"))
        self.print_button.setMenu(self.print_menu)
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.print_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

    def _build_filters(self) -> None:
        self.status_combo = QComboBox(self)
        self.status_combo.addItem(self.tr("Any review status"), None)
        for code in rules.REVIEW_STATUS:
            self.status_combo.addItem(code_label(rules.REVIEW_STATUS, code.code), code.code)
        self.unit_combo = QComboBox(self)
        self.unit_combo.addItem(self.tr("All work units"), None)
        self.unit_combo.setMinimumWidth(160)
        self.due_check = QCheckBox(self.tr("Re-registration due"), self)
        self.due_check.setToolTip(self.tr("Approved members whose re-registration is due "
                                          "within 30 days or overdue"))
        self.left_check = QCheckBox(self.tr("Show members who left"), self)
        self.search_edit = QLineEdit(self)
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("Search: name, pinyin, card code"))
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        self.search_edit.returnPressed.connect(self.reload)
        self.count_label = QLabel(self)
        # The street office: one filter above the pages, for all of them.
        self.community_filter = CommunityFilter(self)
        self.community_filter.changed.connect(self._community_changed)
        for combo in (self.status_combo, self.unit_combo):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        for check in (self.due_check, self.left_check):
            check.toggled.connect(lambda _c: self.reload())
        row = QHBoxLayout()
        row.addWidget(self.search_edit, 1)
        for widget in (self.status_combo, self.unit_combo, self.due_check, self.left_check,
                       self.count_label):
            row.addWidget(widget)
        self.filter_row = row

    def _build_detail(self) -> None:
        self.detail = QWidget(self)
        self.header_label = QLabel(self.detail)
        self.header_label.setWordWrap(True)
        self.header_label.setStyleSheet(HEADER_STYLE)
        self.header_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.claims_model = ClaimTableModel(self, by_post=False)
        self.claims_view = _table(self.detail, self.claims_model)
        self.records_model = RecordTableModel(self, by_member=False)
        self.records_view = _table(self.detail, self.records_model)
        self.entries_model = EntryTableModel(self)
        self.entries_view = _table(self.detail, self.entries_model)
        self.entries_view.selectionModel().currentRowChanged.connect(
            lambda *_a: self.update_actions())
        for view in (self.claims_view, self.records_view, self.entries_view):
            view.verticalHeader().hide()
        self.add_points_action = self._action(self.tr("Add points…"), self.add_points)
        self.correct_action = self._action(self.tr("Correct…"), self.correct_entry)
        self.add_points_button = QPushButton(self.add_points_action.text(), self.detail)
        self.add_points_button.clicked.connect(self.add_points_action.trigger)
        self.correct_button = QPushButton(self.correct_action.text(), self.detail)
        self.correct_button.clicked.connect(self.correct_action.trigger)
        self.points_label = QLabel(self.detail)
        entries = QWidget(self.detail)
        entries_layout = QVBoxLayout(entries)
        entries_layout.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        buttons.addWidget(self.points_label, 1)
        buttons.addWidget(self.add_points_button)
        buttons.addWidget(self.correct_button)
        entries_layout.addLayout(buttons)
        entries_layout.addWidget(self.entries_view, 1)
        self.detail_tabs = QTabWidget(self.detail)
        self.detail_tabs.addTab(self.claims_view, self.tr("Posts"))
        self.detail_tabs.addTab(self.records_view, self.tr("Service records"))
        self.detail_tabs.addTab(entries, self.tr("Points ledger"))
        layout = QVBoxLayout(self.detail)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header_label)
        layout.addWidget(self.detail_tabs, 1)

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
        if self.service is None:
            return
        keep = self.unit_combo.currentData()
        self.unit_combo.blockSignals(True)
        while self.unit_combo.count() > 1:
            self.unit_combo.removeItem(1)
        for unit in self.service.work_units():
            self.unit_combo.addItem(unit.name, unit.id)
        index = self.unit_combo.findData(keep)
        self.unit_combo.setCurrentIndex(max(index, 0))
        self.unit_combo.blockSignals(False)

    def query(self) -> RegistrationQuery:
        from gridoffice.services.inservice import RegistrationQuery

        return RegistrationQuery(
            text=self.search_edit.text(), review_status=self.status_combo.currentData(),
            work_unit_id=self.unit_combo.currentData(),
            due_within_days=DUE_WITHIN_DAYS if self.due_check.isChecked() else None,
            include_left=self.left_check.isChecked(), office=self.community_filter.office())

    def reload(self, select_id: str | None = None) -> None:
        self._search_timer.stop()
        if self.service is None:
            return
        service = self.service
        keep = select_id or self.current_id()
        rows = service.registrations(self.query())
        posts: dict[str, int] = {}
        for claim in service.claims():
            if claim.status == rules.CLAIMED:
                posts[claim.registration_id] = posts.get(claim.registration_id, 0) + 1
        self.model.set_data(rows, posts, service.today())
        self.count_label.setText(self.tr("%n member(s)", "", len(rows)))
        row = self.model.row_of(keep)
        if row < 0 and rows:
            row = 0
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row, 0))
            self.view.scrollTo(self.model.index(row, 0))
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
        from gridoffice.ui.tabs import inservice_pages as pages

        attr, cls, title = {
            PAGE_POSTS: ("posts_page", pages.PostsPage, self.tr("Service posts")),
            PAGE_ACTIVITIES: ("activities_page", pages.ActivitiesPage,
                              self.tr("Activities and check-in")),
            PAGE_POINTS: ("points_page", pages.PointsPage, self.tr("Points")),
        }[index]
        if getattr(self, attr) is not None:
            return
        page = cls(self)
        setattr(self, attr, page)
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
        row = self.model.row_of(registration_id)
        if row < 0:
            return False
        self.view.setCurrentIndex(self.model.index(row, 0))
        return True

    def show_detail(self) -> None:
        row = self.current_row()
        service = self.service
        if row is None or service is None:
            self.header_label.setText("")
            for model in (self.claims_model, self.records_model, self.entries_model):
                model.set_rows([])
            self.points_label.setText("")
            self.update_actions()
            return
        parts = [f"<b>{_escape(row.name)}</b> {row.code}", _escape(row.work_unit)]
        if row.job:
            parts.append(_escape(row.job))
        parts.append(code_label(rules.REPORT_TYPES, row.report_type))
        source = {"member": self.tr("details from the party member record"),
                  "resident": self.tr("details from the resident record")}.get(row.linked)
        if source:
            parts.append(source)
        lines = [" · ".join(parts)]
        if row.skills:
            lines.append(self.tr("Skills: {skills}").format(skills=row.skills))
        if row.wished_categories:
            lines.append(self.tr("Wished posts: {posts}").format(posts="、".join(
                code_label(rules.POST_CATEGORIES, c) for c in row.wished_categories)))
        if row.review_status == rules.RETURNED and row.review_reason:
            lines.append(self.tr("Returned: {reason}").format(reason=row.review_reason))
        if row.left_on:
            lines.append(self.tr("Left on {date}").format(date=date_text(row.left_on)))
        self.header_label.setText("<br>".join(_escape(line) if i else line
                                              for i, line in enumerate(lines)))
        keep = getattr(self.current_entry(), "id", None)
        self.claims_model.set_rows(service.claims(registration_id=row.id,
                                                  include_withdrawn=True))
        self.records_model.set_rows(service.records(registration_id=row.id))
        entries = service.entries(row.id)
        self.entries_model.set_rows(entries)
        entry_row = self.entries_model.row_of(keep)
        if entry_row >= 0:
            self.entries_view.setCurrentIndex(self.entries_model.index(entry_row, 0))
        self.points_label.setText(self.tr("{points} points in all").format(
            points=sum(e.points for e in entries)))
        self.update_actions()

    def current_entry(self) -> Any:
        index = self.entries_view.currentIndex()
        return self.entries_model.row_at(index.row()) if index.isValid() else None

    def update_actions(self) -> None:
        attached = self.service is not None
        row = self.current_row()
        serving = row is not None and row.left_on is None
        for act in (self.new_action, self.units_action, self.register_print_action,
                    self.forms_print_action, self.cards_print_action, self.notice_action,
                    self.letters_action, self.checkin_cards_action, self.unit_notice_action):
            act.setEnabled(attached)
        for act in (self.edit_action, self.reveal_action, self.form_print_action):
            act.setEnabled(row is not None)
        self.approve_action.setEnabled(serving and row.review_status != rules.APPROVED)
        self.return_action.setEnabled(serving and row.review_status != rules.RETURNED)
        approved = serving and row.review_status == rules.APPROVED
        for act in (self.reregister_action, self.add_points_action, self.card_print_action,
                    self.checkin_card_action):
            act.setEnabled(approved)
        self.leave_action.setEnabled(serving)
        self.rejoin_action.setEnabled(row is not None and row.left_on is not None)
        self.correct_action.setEnabled(self.current_entry() is not None)
        community = self.community
        if community.active:
            community.lock((self.edit_action, self.approve_action, self.return_action,
                            self.reregister_action, self.leave_action, self.rejoin_action,
                            self.add_points_action, self.correct_action),
                           row.origin_office if row else None,
                           locked=row is not None and community.read_only(row.origin_office))
            community.lock((self.new_action,), None, locked=True,
                           text=community.community_only_text())
        self.add_points_button.setEnabled(self.add_points_action.isEnabled())
        self.correct_button.setEnabled(self.correct_action.isEnabled())
        for button, act in ((self.add_points_button, self.add_points_action),
                            (self.correct_button, self.correct_action)):
            button.setToolTip(act.toolTip() if not act.isEnabled() and community.active
                              else "")

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

    def _try(self, call: Callable[[], Any]) -> bool:
        try:
            call()
        except UserError as err:
            messages.show_user_error(self, err)
            self.refresh()
            return False
        self.notify(Changes.area("inservice"))
        return True

    @staticmethod
    def run_dialog(dialog: QDialog) -> int:
        """Run a modal window that is not a form (the seam tests replace)."""
        return dialog.exec()

    # --- registrations ---------------------------------------------------------------------
    def _service(self) -> InServiceService:
        assert self.service is not None
        return self.service

    def _people(self, text: str) -> list[Any]:
        from gridoffice.services.people import find_people

        return find_people(self._service().db, text)

    def new_registration(self) -> str | None:
        service = self._service()
        registration_id = dialogs.RegistrationDialog(
            self, service=service, people=self._people, save=service.register,
            today=service.today(), grids=self.grids).ask_result()
        if registration_id is None:
            self.reload_units()  # a unit added in the form stays
            return None
        self.reload_units()
        self.reload(registration_id)
        self.status_message.emit(self.tr("The registration was saved; it awaits review."))
        return str(registration_id)

    def edit_registration(self) -> None:
        row = self.current_row()
        if row is None:
            return
        if self.community.read_only(row.origin_office):  # Enter on a community's row
            self.status_message.emit(self.community.read_only_text(row.origin_office))
            return
        service = self._service()
        before = service.registration_draft(row.id)
        after = dialogs.RegistrationDialog(
            self, service=service, people=self._people, today=service.today(),
            grids=self.grids, draft=before, linked_name=row.name,
            save=lambda d: service.update_registration(row.id, d) or d).ask_result()
        self.reload_units()
        if after is not None:
            self._push_edit(row.id, before, after)

    def _push_edit(self, registration_id: str, before: RegistrationDraft,
                   after: RegistrationDraft) -> None:
        service = self._service()
        self.push(self.tr("Edit registration"),
                  lambda: service.update_registration(registration_id, after),
                  lambda: service.update_registration(registration_id, before))

    def _review_inverse(self, row: Any) -> Callable[[], object] | None:
        """Back to the review before (none from 待审核: the service has no way back)."""
        service, registration_id = self._service(), row.id
        if row.review_status == rules.APPROVED:
            return lambda: service.review(registration_id, True)
        if row.review_status == rules.RETURNED:
            reason = row.review_reason or "—"
            return lambda: service.review(registration_id, False, reason)
        return None

    def approve(self) -> bool:
        row = self.current_row()
        if row is None:
            return False
        service = self._service()
        if not self._try(lambda: service.review(row.id, True)):
            return False
        self.push(self.tr("Approve registration"), lambda: service.review(row.id, True),
                  self._review_inverse(row))
        self.status_message.emit(self.tr("{name}'s registration was approved.").format(
            name=row.name))
        return True

    def return_registration(self) -> str | None:
        row = self.current_row()
        if row is None:
            return None
        service = self._service()
        reason = dialogs.ReviewReturnDialog(
            self, name=row.name, save=lambda text: service.review(row.id, False, text)
        ).ask_result()
        if reason is None:
            return None
        self.push(self.tr("Return registration"),
                  lambda: service.review(row.id, False, reason), self._review_inverse(row))
        return str(reason)

    def reregister(self) -> None:
        row = self.current_row()
        if row is None:
            return
        service = self._service()
        before = row.last_registered_on
        day = dialogs.DateNoteDialog(
            self, title=self.tr("Re-register"), note=False, day=service.today(),
            intro=self.tr("{name} registers again; the next registration falls due "
                          "{months} months later.").format(
                name=row.name, months=service.rules.reregister_months),
            save=lambda d, _note: service.reregister(row.id, d)).ask_result()
        if day is not None:
            self.push(self.tr("Re-register"), lambda: service.reregister(row.id, day),
                      lambda: service.reregister(row.id, before))

    def leave(self) -> None:
        row = self.current_row()
        if row is None:
            return
        service = self._service()
        claims = [c for c in service.claims(registration_id=row.id)
                  if c.status != rules.WITHDRAWN]
        day = dialogs.DateNoteDialog(
            self, title=self.tr("Leave"), day=service.today(),
            intro=self.tr("{name} no longer serves here (moved, retired). The registration "
                          "and its records are kept; open claims are withdrawn.").format(
                name=row.name),
            save=lambda d, note: service.leave(row.id, d, note)).ask_result()
        if day is None:
            return

        def undo_leave() -> None:
            service.rejoin(row.id)
            for claim in claims:  # the claims the leaving withdrew, as new claims
                try:
                    service.claim(row.id, claim.post_id, accept=claim.status == rules.CLAIMED)
                except UserError:
                    continue  # the post filled up or closed meanwhile

        self.push(self.tr("Leave"), lambda: service.leave(row.id, day), undo_leave)

    def rejoin(self) -> None:
        row = self.current_row()
        if row is None or row.left_on is None:
            return
        service, left_on = self._service(), row.left_on
        if self._try(lambda: service.rejoin(row.id)):
            self.push(self.tr("Rejoin"), lambda: service.rejoin(row.id),
                      lambda: service.leave(row.id, left_on))

    def reveal(self) -> tuple[str | None, str | None] | None:
        row = self.current_row()
        if row is None or not messages.confirm(self, self.tr(
                "Show {name}'s full ID number and mobile? Viewing them is written to the "
                "audit log.").format(name=row.name)):
            return None
        try:
            id_number, mobile = self._service().reveal(row.id)
        except UserError as err:
            messages.show_user_error(self, err)
            return None
        messages.inform(self, self.tr("{name}\nID number: {id_number}\nMobile: {mobile}").format(
            name=row.name, id_number=id_number or "—", mobile=mobile or "—"),
            title=self.tr("Full numbers"))
        return id_number, mobile

    def edit_work_units(self) -> None:
        dialogs.WorkUnitsDialog(self, service=self._service(),
                                community=self.community).ask_result()
        self.refresh()
        self.notify(Changes.of("work_unit"))

    # --- points ---------------------------------------------------------------------------
    def add_points(self) -> str | None:
        row = self.current_row()
        if row is None:
            return None
        service = self._service()
        entry_id = dialogs.AddPointsDialog(
            self, name=row.name, point_rules=service.rules, today=service.today(),
            save=lambda item, day, note: service.add_points(row.id, item, day, note)
        ).ask_result()
        if entry_id is not None:
            self.refresh()
            self.notify(Changes.of("points_entry", ids=[row.id]))
            self.status_message.emit(self.tr("The points were added."))
        return entry_id

    def correct_entry(self) -> str | None:
        entry = self.current_entry()
        if entry is None:
            return None
        service = self._service()
        entry_id = dialogs.CorrectDialog(
            self, entry=entry, save=lambda points, reason: service.correct(entry.id, points,
                                                                           reason)
        ).ask_result()
        if entry_id is not None:
            self.refresh()
            self.notify(Changes.of("points_entry", ids=[entry.id]))
            self.status_message.emit(self.tr("The correction was added to the ledger."))
        return entry_id

    # --- printing -------------------------------------------------------------------------
    def _period(self) -> rules.Period:
        if self.points_page is not None:
            return self.points_page.period
        return rules.quarter_of(self._service().today())

    def print_ledger(self, entry: Ledger, key: str = "",
                     values: dict[str, Any] | None = None) -> Any:
        """As every tab, but the letters to the work units go into a folder."""
        if entry.output == "folder":
            return self.print_letters() if self.services is not None else None
        return super().print_ledger(entry, key, values)

    def ledger_values(self, entry: Ledger, key: str = "") -> dict[str, Any] | None:
        """The values of ``entry``: the member selected (``key`` "selected"), the work
        unit chosen (``key`` "unit"), the period of the points page (None: nobody or no
        unit is chosen)."""
        values: dict[str, Any] = {}
        if entry.name in ("service-cards", "points", "unit-letters"):
            values["period"] = self._period()
        if key == "selected":
            row = self.current_row()
            if row is None:
                return None
            values.update(registration_id=row.id, code=row.code)
        elif key == "unit":
            unit_id = self._chosen_unit()
            if unit_id is None:
                messages.inform(self, self.tr("Choose a work unit first: in the filter of "
                                              "the registrations or of the points page, or "
                                              "select one of its members."))
                return None
            values.update(work_unit_id=unit_id, work_unit=self.unit_combo.itemText(
                self.unit_combo.findData(unit_id)))
        return values

    def _chosen_unit(self) -> str | None:
        if self.points_page is not None and self.points_page.unit_combo.currentData():
            return str(self.points_page.unit_combo.currentData())
        if self.unit_combo.currentData():
            return str(self.unit_combo.currentData())
        row = self.current_row()
        return row.work_unit_id if row else None

    def ask_folder(self) -> str:
        """Where the letters go ("" if cancelled; replaced in tests)."""
        from PySide6.QtCore import QStandardPaths
        from PySide6.QtWidgets import QFileDialog

        start = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        return QFileDialog.getExistingDirectory(self, self.tr("Folder for the letters"), start)

    def print_letters(self) -> BackgroundJob | None:
        """A 反馈函 per work unit, each its own PDF in a folder the user chooses."""
        if self.db is None or (self.letters_job is not None and self.letters_job.running):
            return None
        folder = self.ask_folder()
        if not folder or messages.output_refused(self, folder, self.db.path):
            return None
        from gridoffice.ui.workers import BackgroundJob

        entry = catalogue.by_name("unit-letters")
        values = self.ledger_values(entry) or {}
        db, unit, audit = self.db, self.unit_name, self.audit

        def done(results: Any) -> None:
            self.status_message.emit(self.tr("%n letter(s) written to {folder}.", "",
                                             len(results)).format(folder=folder))

        def write(progress: Any) -> Any:
            # one audit entry per letter, each before its file takes its name
            with audit.recorded_output(PRINT, entry.target(values)):
                return entry.make(db, Path(folder), unit=unit, values=values,
                                  progress=progress)

        job = BackgroundJob(self, write, label=QCoreApplication.translate(
            "ledgers", entry.progress_label), on_success=done)
        self.letters_job = job.start()
        return job

    # --- state ----------------------------------------------------------------------------
    def running_jobs(self) -> list[BackgroundJob]:
        jobs = [self.ledgers.job] if self.ledgers.running and self.ledgers.job else []
        if self.letters_job is not None and self.letters_job.running:
            jobs.append(self.letters_job)
        return jobs

    def layout_widgets(self) -> list[tuple[str, Any]]:
        return [("inservice/splitter", self.splitter),
                ("inservice/columns", self.view.horizontalHeader())]


def _escape(text: str) -> str:
    from html import escape

    return escape(text)
