"""The "Resident council" tab (居民议事会 / 三会一课): the meetings with filters on
the left, the selected meeting on the right (:mod:`meeting_detail`), and a second
page with the follow-up tracking view.

Scheduling the next council proposes the date by the rule (the 10th, moved off
weekends and holidays) in the meeting form; the user confirms or edits it.
Service calls are quick: the list is read on the GUI thread.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gridoffice.domain import meetings as rules
from gridoffice.errors import UserError
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.ledgers import catalogue
from gridoffice.services import changes
from gridoffice.services.changes import Changes
from gridoffice.ui import messages
from gridoffice.ui.dialogs import meeting_dialogs as dialogs
from gridoffice.ui.labels import code_label
from gridoffice.ui.ledger_menu import LedgerMenu
from gridoffice.ui.models.meeting_table import COL_PLACE, MeetingTableModel
from gridoffice.ui.tabs.base import BaseTab
from gridoffice.ui.tabs.meeting_detail import NOT_ASKED, MeetingDetailPanel, _table
from gridoffice.ui.undo import push_change
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
    from gridoffice.services.meetings import MeetingDraft, MeetingQuery, MeetingService
    from gridoffice.store.database import Database

SEARCH_DELAY_MS = 200


class MeetingsTab(BaseTab, RowSelection):
    """See the module docstring."""

    key = "meetings"
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

        self._build_actions()
        self._build_filters()
        self.model = MeetingTableModel(self)
        self.view = _table(self, self.model)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_PLACE, QHeaderView.ResizeMode.Interactive)
        place_width = self.view.fontMetrics().horizontalAdvance("社区议事厅")
        header.resizeSection(COL_PLACE, place_width + 24)
        header.setStretchLastSection(True)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.view.activated.connect(lambda _i: self.edit_meeting())
        self.detail = MeetingDetailPanel(undo_stack, self)
        self.detail.changed.connect(self._detail_changed)
        self.detail.status_message.connect(self.status_message)

        meetings_page, self.splitter = list_detail_page(
            self, self.toolbar, self.filter_row, self.view, self.detail,
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
        self.schedule_action = self._action(
            self.tr("Schedule next council…"), self.schedule_next_council, "Ctrl+Shift+N",
            self.tr("The next resident council by the rule, in the meeting form"))
        self.new_action = self._action(self.tr("New meeting…"), self.new_meeting, "Ctrl+N")
        self.edit_action = self._action(self.tr("Edit…"), self.edit_meeting, "F2")
        self.cancel_action = self._action(self.tr("Cancel meeting…"), self.cancel_meeting)
        self.sign_in_action = self._action(self.tr("Start sign-in"), self.start_sign_in,
                                           "Ctrl+Shift+S")
        self.finish_action = self._action(self.tr("Finish"), self.finish_meeting)
        self.approve_action = self._action(
            self.tr("Approve minutes…"), self.approve_minutes, None,
            self.tr("Lock the minutes; later changes are recorded as amendments"))
        self.amend_action = self._action(self.tr("Amend…"), self.explain_amending)
        self.rules_action = self._action(self.tr("Settings…"), self.edit_rules, None,
                                         self.tr("Council day, holidays, vote base"))
        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for act in (self.schedule_action, self.new_action, self.edit_action, None,
                    self.sign_in_action, self.finish_action, self.cancel_action, None,
                    self.approve_action, self.amend_action, None):
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
        print_button = QToolButton(self)
        print_button.setText(self.tr("Print"))
        print_button.setMenu(self.print_menu)
        print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.toolbar.addWidget(print_button)
        self.toolbar.addAction(self.rules_action)

    def _build_filters(self) -> None:
        self.type_combo = QComboBox(self)
        self.type_combo.addItem(self.tr("All types"), None)
        for code in rules.MEETING_TYPES:
            self.type_combo.addItem(code_label(rules.MEETING_TYPES, code.code), code.code)
        self.year_combo = QComboBox(self)
        self.year_combo.addItem(self.tr("All years"), None)
        self.status_combo = QComboBox(self)
        self.status_combo.addItem(self.tr("Any status"), None)
        for code in rules.MEETING_STATUS:
            self.status_combo.addItem(code_label(rules.MEETING_STATUS, code.code), code.code)
        self.search_edit = QLineEdit(self)
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("Search: title, place, host, number or date"))
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        self.search_edit.returnPressed.connect(self.reload)
        self.count_label = QLabel(self)
        self.community_filter = CommunityFilter(self)
        self.community_filter.changed.connect(self._community_changed)
        for combo in (self.type_combo, self.year_combo, self.status_combo):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        row = QHBoxLayout()
        for widget in (self.type_combo, self.year_combo, self.status_combo):
            row.addWidget(widget)
        row.addWidget(self.search_edit, 1)
        row.addWidget(self.count_label)
        self.filter_row = row

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
        year = service.today().year
        self.year_combo.blockSignals(True)
        while self.year_combo.count() > 1:
            self.year_combo.removeItem(1)
        for value in range(year + 1, year - 6, -1):
            self.year_combo.addItem(str(value), value)
        self.year_combo.blockSignals(False)
        if self.follow_ups is not None:
            self.follow_ups.set_service(service)
        self.reload()

    def query(self) -> MeetingQuery:
        from gridoffice.services.meetings import MeetingQuery

        return MeetingQuery(meeting_type=self.type_combo.currentData(),
                            year=self.year_combo.currentData(),
                            status=self.status_combo.currentData(),
                            text=self.search_edit.text(),
                            office=self.community_filter.office())

    def reload(self, select_id: str | None = None) -> None:
        self._search_timer.stop()
        if self.service is None:
            return
        keep = select_id or self.current_id()
        rows = self.service.list_meetings(self.query())
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("%n meeting(s)", "", len(rows)))
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

    def _page_changed(self, index: int) -> None:
        if index != 1 or self.service is None:
            return
        if self.follow_ups is None:
            try:
                from gridoffice.ui.tabs.follow_ups import FollowUpsView
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
            placeholder = self.pages.widget(1)
            self.pages.blockSignals(True)
            self.pages.removeTab(1)
            self.pages.insertTab(1, self.follow_ups, self.tr("Follow-up tracking"))
            self.pages.setCurrentIndex(1)
            self.pages.blockSignals(False)
            placeholder.deleteLater()
        self.follow_ups.refresh()

    # --- selection ------------------------------------------------------------------------

    def open_meeting(self, meeting_id: str) -> None:
        """From the follow-up tracking view: show the meeting, all filters off."""
        self.pages.setCurrentIndex(0)
        if self.model.row_of(meeting_id) < 0:
            for combo in (self.type_combo, self.year_combo, self.status_combo):
                combo.blockSignals(True)
                combo.setCurrentIndex(0)
                combo.blockSignals(False)
            self.search_edit.blockSignals(True)
            self.search_edit.clear()
            self.search_edit.blockSignals(False)
            self.reload(meeting_id)
        self.select_meeting(meeting_id)
        self.detail.tabs.setCurrentIndex(1)

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
        status = row.status if row else None
        approved = row is not None and row.approved_on is not None
        for act in (self.schedule_action, self.new_action, self.rules_action,
                    self.summary_action):
            act.setEnabled(attached)
        for act in (self.edit_action, self.minutes_action, self.sign_in_sheet_action):
            act.setEnabled(row is not None)
        self.cancel_action.setEnabled(row is not None and not approved
                                      and status != "cancelled")
        self.sign_in_action.setEnabled(status in ("draft", "planned", "in_progress"))
        self.finish_action.setEnabled(status in ("draft", "planned", "in_progress"))
        self.approve_action.setEnabled(status == "finished" and not approved)
        self.amend_action.setEnabled(approved)
        community = self.community
        if community.active:
            community.lock((self.edit_action, self.cancel_action, self.sign_in_action,
                            self.finish_action, self.approve_action, self.amend_action),
                           row.origin_office if row else None,
                           locked=row is not None and community.read_only(row.origin_office))
            community.lock((self.schedule_action, self.new_action), None, locked=True,
                           text=community.community_only_text())

    # --- meetings -------------------------------------------------------------------------
    def _service(self) -> MeetingService:
        assert self.service is not None
        return self.service

    def schedule_next_council(self) -> str | None:
        """The next council by the rule, shown in the meeting form to confirm or edit."""
        service = self._service()
        draft = service.propose_council()
        assert draft.start_at is not None
        day = draft.start_at.date()
        intro = self.tr("Proposed by the rule: {date} ({weekday}), session {number}.").format(
            date=day.isoformat(), weekday=self.weekday(day), number=draft.session_no)
        rule_day = service.rules.council_day
        if day.day != rule_day:
            intro += "\n" + self.tr(
                "The {day}th falls on a weekend or holiday; the council moves to the next "
                "working day.").format(day=rule_day)
        last = service.last_council_id()
        return self._create(draft, intro, self.tr("Copy the attendees of the last council")
                            if last else "", last)

    @staticmethod
    def weekday(day: dt.date) -> str:
        from PySide6.QtCore import QDate, QLocale

        return QLocale().dayName(QDate(day.year, day.month, day.day).dayOfWeek())

    def new_meeting(self) -> str | None:
        from gridoffice.services.meetings import MeetingDraft

        service = self._service()
        start = dt.datetime.combine(service.today() + dt.timedelta(days=1),
                                    service.rules.council_time)
        draft = MeetingDraft("branch_congress", start, start + dt.timedelta(hours=2),
                             place=service.rules.place)
        return self._create(draft, "", "", None)

    def _create(self, draft: MeetingDraft, intro: str, copy_label: str,
                copy_from: str | None) -> str | None:
        service = self._service()

        def save(value: MeetingDraft, copy: bool) -> str:
            return service.create_meeting(value, copy_attendees_from=copy_from if copy
                                          else None)

        meeting_id = dialogs.MeetingDialog(self, save=save, draft=draft, intro=intro,
                                           copy_label=copy_label).ask_result()
        if meeting_id is None:
            return None
        self.reload(meeting_id)
        self.notify(Changes.area("meetings", [str(meeting_id)]))
        self.status_message.emit(self.tr("The meeting was saved."))
        return str(meeting_id)

    def edit_meeting(self) -> None:
        row = self.current_row()
        if row is None:
            return
        if self.community.read_only(row.origin_office):  # Enter on a community's row
            self.status_message.emit(self.community.read_only_text(row.origin_office))
            return
        amendment = self.detail.ask_amendment()
        if amendment is NOT_ASKED:
            return
        service = self._service()
        before = service.meeting_draft(row.id)
        after = dialogs.MeetingDialog(
            self, new=False, draft=before,
            save=lambda d, _copy: service.update_meeting(row.id, d, amendment=amendment) or d
        ).ask_result()
        if after is not None:
            self._push(self.tr("Edit meeting"), lambda: service.update_meeting(row.id, after),
                       lambda: service.update_meeting(row.id, before), amendment)

    def _push(self, text: str, apply: Callable[[], object], revert: Callable[[], object],
              amendment: str | None = None) -> None:
        """An amendment of approved minutes is a fact of its own: never undone."""
        push_change(self.undo_stack, self, text, apply, revert if amendment is None else None,
                    changes=Changes.area("meetings"))

    def command_done(self, changes: Changes, select: str | None) -> None:
        self.refresh()
        self.notify(changes)

    def _status_change(self, text: str, call: Callable[[str], object]) -> bool:
        row = self.current_row()
        if row is None:
            return False
        service, meeting_id, before = self._service(), row.id, row.status
        try:
            call(meeting_id)
        except UserError as err:
            messages.show_user_error(self, err)
            return False
        self._push(text, lambda: call(meeting_id),
                   lambda: service.set_status(meeting_id, before))
        return True

    def cancel_meeting(self) -> None:
        row = self.current_row()
        if row is None:
            return
        service = self._service()
        reason = dialogs.ReasonDialog(
            self, title=self.tr("Cancel meeting"),
            intro=self.tr("The meeting stays on the list, marked cancelled."),
            label=self.tr("Reason"), key="cancel_reason",
            save=lambda text: service.cancel(row.id, text) or text).ask_result()
        if reason is not None:
            self._push(self.tr("Cancel meeting"), lambda: service.cancel(row.id, reason),
                       lambda: service.set_status(row.id, row.status))

    def start_sign_in(self) -> None:
        """The meeting begins; the sign-in window marks who came."""
        row = self.current_row()
        if row is None:
            return
        service = self._service()
        if row.status != "in_progress" and not self._status_change(
                self.tr("Start meeting"), service.start):
            return
        from gridoffice.ui.dialogs.meeting_signin import SignInDialog

        dialog = SignInDialog(service, row.id, self)
        dialog.changed.connect(self.refresh)  # the counts behind the window follow
        self.run_dialog(dialog)
        self.refresh()
        self.notify(Changes.area("meetings", [row.id]))

    @staticmethod
    def run_dialog(dialog: QDialog) -> int:
        """Run a modal window that is not a form (the seam tests replace)."""
        return dialog.exec()

    def finish_meeting(self) -> None:
        if self._status_change(self.tr("Finish meeting"), self._service().finish):
            self.status_message.emit(self.tr("The meeting is finished."))

    def approve_minutes(self) -> None:
        row = self.current_row()
        if row is None or not messages.confirm(self, self.tr(
                "Approve the minutes of {ref}? They are then locked: every later change "
                "needs a reason and is recorded as an amendment.").format(ref=row.ref)):
            return
        service = self._service()
        try:
            service.approve(row.id)
        except UserError as err:
            messages.show_user_error(self, err)
            return
        self._push(self.tr("Approve minutes"), lambda: service.approve(row.id),
                   lambda: service.remove_approval(row.id))
        self.status_message.emit(self.tr("The minutes were approved."))

    def explain_amending(self) -> None:
        row = self.current_row()
        if row is None or row.approved_on is None:
            return
        messages.inform(self, self.tr(
            "The minutes were approved on {date} and are locked. Change them as usual in "
            "the meeting and its lists: each change asks for a reason and is recorded as a "
            "dated amendment, listed under Amendments and printed with the minutes.").format(
            date=row.approved_on.isoformat()))
        self.detail.tabs.setCurrentIndex(2)

    def edit_rules(self) -> None:
        from gridoffice.services.meetings import save_rules

        service = self._service()
        path = service.db.path
        value = dialogs.RulesDialog(self, value=service.rules,
                                    save=lambda v: save_rules(path, v)).ask_result()
        if value is not None:
            service.reload_rules()
            self.detail.refresh(notify=False)
            self.status_message.emit(self.tr("The meeting rules were saved."))

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
