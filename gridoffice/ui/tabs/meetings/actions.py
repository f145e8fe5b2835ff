"""What the resident-council tab does to its meetings: schedule the next council
(the date proposed by the rule: the 10th, moved off weekends and holidays, shown
in the meeting form to confirm or edit), a new meeting, editing, the status
(start with the sign-in window, finish, cancel), approving the minutes, and the
meeting rules.

Each change goes on the window's undo stack with the tab as its host
(:func:`~gridoffice.ui.undo.push_change`), or tells the other tabs at once
(``tab.notify``); an amendment of approved minutes is a fact of its own, never undone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from gridoffice.errors import UserError
from gridoffice.services.changes import Changes
from gridoffice.ui import messages
from gridoffice.ui.dialogs import meeting_dialogs as dialogs
from gridoffice.ui.tabs.meetings.common import NOT_ASKED
from gridoffice.ui.undo import push_change
from gridoffice.ui.widgets.actions import make_action

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from gridoffice.services.meetings import MeetingDraft, MeetingService
    from gridoffice.ui.tabs.meetings.tab import MeetingsTab


class MeetingActions(QObject):
    """See the module docstring: the tab's meeting actions and their slots."""

    def __init__(self, tab: MeetingsTab) -> None:
        super().__init__(tab)
        self.tab = tab
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

    def _action(self, text: str, slot: Callable[[], Any], shortcut: str | None = None,
                tip: str | None = None) -> QAction:
        return make_action(self.tab, text, slot, shortcut, tip)

    def toolbar_actions(self) -> tuple[QAction | None, ...]:
        """The toolbar's order (None: a separator)."""
        return (self.schedule_action, self.new_action, self.edit_action, None,
                self.sign_in_action, self.finish_action, self.cancel_action, None,
                self.approve_action, self.amend_action, None)

    def update(self, attached: bool, row: Any) -> None:
        """On and off for the meeting selected (``row``, or None)."""
        status = row.status if row else None
        approved = row is not None and row.approved_on is not None
        for act in (self.schedule_action, self.new_action, self.rules_action):
            act.setEnabled(attached)
        self.edit_action.setEnabled(row is not None)
        self.cancel_action.setEnabled(row is not None and not approved
                                      and status != "cancelled")
        self.sign_in_action.setEnabled(status in ("draft", "planned", "in_progress"))
        self.finish_action.setEnabled(status in ("draft", "planned", "in_progress"))
        self.approve_action.setEnabled(status == "finished" and not approved)
        self.amend_action.setEnabled(approved)
        community = self.tab.community
        if community.active:
            community.lock((self.edit_action, self.cancel_action, self.sign_in_action,
                            self.finish_action, self.approve_action, self.amend_action),
                           row.origin_office if row else None,
                           locked=row is not None and community.read_only(row.origin_office))
            community.lock((self.schedule_action, self.new_action), None, locked=True,
                           text=community.community_only_text())

    # --- creating -------------------------------------------------------------------------
    def _service(self) -> MeetingService:
        assert self.tab.service is not None
        return self.tab.service

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
        service, tab = self._service(), self.tab

        def save(value: MeetingDraft, copy: bool) -> str:
            return service.create_meeting(value, copy_attendees_from=copy_from if copy
                                          else None)

        meeting_id = dialogs.MeetingDialog(tab, save=save, draft=draft, intro=intro,
                                           copy_label=copy_label).ask_result()
        if meeting_id is None:
            return None
        tab.reload(meeting_id)
        tab.notify(Changes.area("meetings", [str(meeting_id)]))
        tab.status_message.emit(self.tr("The meeting was saved."))
        return str(meeting_id)

    # --- changing -------------------------------------------------------------------------
    def edit_meeting(self) -> None:
        tab = self.tab
        row = tab.current_row()
        if row is None:
            return
        if tab.community.read_only(row.origin_office):  # Enter on a community's row
            tab.status_message.emit(tab.community.read_only_text(row.origin_office))
            return
        amendment = tab.detail.ask_amendment()
        if amendment is NOT_ASKED:
            return
        service = self._service()
        before = service.meeting_draft(row.id)
        after = dialogs.MeetingDialog(
            tab, new=False, draft=before,
            save=lambda d, _copy: service.update_meeting(row.id, d, amendment=amendment) or d
        ).ask_result()
        if after is not None:
            self._push(self.tr("Edit meeting"), lambda: service.update_meeting(row.id, after),
                       lambda: service.update_meeting(row.id, before), amendment)

    def _push(self, text: str, apply: Callable[[], object], revert: Callable[[], object],
              amendment: str | None = None) -> None:
        """An amendment of approved minutes is a fact of its own: never undone."""
        push_change(self.tab.undo_stack, self.tab, text, apply,
                    revert if amendment is None else None, changes=Changes.area("meetings"))

    def _status_change(self, text: str, call: Callable[[str], object]) -> bool:
        row = self.tab.current_row()
        if row is None:
            return False
        service, meeting_id, before = self._service(), row.id, row.status
        try:
            call(meeting_id)
        except UserError as err:
            messages.show_user_error(self.tab, err)
            return False
        self._push(text, lambda: call(meeting_id),
                   lambda: service.set_status(meeting_id, before))
        return True

    def cancel_meeting(self) -> None:
        row = self.tab.current_row()
        if row is None:
            return
        service = self._service()
        reason = dialogs.ReasonDialog(
            self.tab, title=self.tr("Cancel meeting"),
            intro=self.tr("The meeting stays on the list, marked cancelled."),
            label=self.tr("Reason"), key="cancel_reason",
            save=lambda text: service.cancel(row.id, text) or text).ask_result()
        if reason is not None:
            self._push(self.tr("Cancel meeting"), lambda: service.cancel(row.id, reason),
                       lambda: service.set_status(row.id, row.status))

    def start_sign_in(self) -> None:
        """The meeting begins; the sign-in window marks who came."""
        tab = self.tab
        row = tab.current_row()
        if row is None:
            return
        service = self._service()
        if row.status != "in_progress" and not self._status_change(
                self.tr("Start meeting"), service.start):
            return
        from gridoffice.ui.dialogs.meeting_signin import SignInDialog

        dialog = SignInDialog(service, row.id, tab)
        dialog.changed.connect(tab.refresh)  # the counts behind the window follow
        tab.run_dialog(dialog)
        tab.refresh()
        tab.notify(Changes.area("meetings", [row.id]))

    def finish_meeting(self) -> None:
        if self._status_change(self.tr("Finish meeting"), self._service().finish):
            self.tab.status_message.emit(self.tr("The meeting is finished."))

    # --- the minutes ----------------------------------------------------------------------
    def approve_minutes(self) -> None:
        tab = self.tab
        row = tab.current_row()
        if row is None or not messages.confirm(tab, self.tr(
                "Approve the minutes of {ref}? They are then locked: every later change "
                "needs a reason and is recorded as an amendment.").format(ref=row.ref)):
            return
        service = self._service()
        try:
            service.approve(row.id)
        except UserError as err:
            messages.show_user_error(tab, err)
            return
        self._push(self.tr("Approve minutes"), lambda: service.approve(row.id),
                   lambda: service.remove_approval(row.id))
        tab.status_message.emit(self.tr("The minutes were approved."))

    def explain_amending(self) -> None:
        tab = self.tab
        row = tab.current_row()
        if row is None or row.approved_on is None:
            return
        messages.inform(tab, self.tr(
            "The minutes were approved on {date} and are locked. Change them as usual in "
            "the meeting and its lists: each change asks for a reason and is recorded as a "
            "dated amendment, listed under Amendments and printed with the minutes.").format(
            date=row.approved_on.isoformat()))
        tab.detail.tabs.setCurrentIndex(2)

    def edit_rules(self) -> None:
        service, tab = self._service(), self.tab
        value = dialogs.RulesDialog(tab, value=service.rules,
                                    save=service.save_rules).ask_result()
        if value is not None:
            service.reload_rules()
            tab.detail.refresh(notify=False)
            tab.status_message.emit(self.tr("The meeting rules were saved."))
