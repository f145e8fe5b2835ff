"""What the in-service tab does to the registration selected: register, edit, review,
re-register, leave and rejoin, reveal the full numbers, the work units, and the
points (added by hand, corrected).

Review, leaving and rejoining and re-registration go on the window's undo stack
(through the tab's ``push``) where the service has an inverse. Approving a
registration that was awaiting review is not undone: there is no way back to 待审核,
and the first-registration points it earned stay in the append-only ledger.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from gridoffice.domain import inservice as rules
from gridoffice.errors import UserError
from gridoffice.services.changes import Changes
from gridoffice.ui import messages
from gridoffice.ui.dialogs import inservice_dialogs as dialogs
from gridoffice.ui.widgets.actions import make_action
from gridoffice.ui.widgets.tables import text_toolbar

if TYPE_CHECKING:
    from gridoffice.services.inservice import InServiceService, RegistrationDraft
    from gridoffice.ui.tabs.inservice.tab import InServiceTab


class RegistrationActions(QObject):
    """The registrations' actions (and ``toolbar``) of ``tab``, and their slots."""

    def __init__(self, tab: InServiceTab) -> None:
        super().__init__(tab)
        self.tab = tab
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
        self.toolbar = text_toolbar(tab, [
            self.new_action, self.edit_action, None, self.approve_action,
            self.return_action, self.reregister_action, None, self.leave_action,
            self.rejoin_action, self.reveal_action, None, self.units_action])
        self.add_points_action = self._action(self.tr("Add points…"), self.add_points)
        self.correct_action = self._action(self.tr("Correct…"), self.correct_entry)

    def _action(self, text: str, slot: Callable[[], Any], shortcut: str | None = None,
                tip: str | None = None) -> QAction:
        return make_action(self.tab, text, slot, shortcut, tip)

    def _service(self) -> InServiceService:
        assert self.tab.service is not None
        return self.tab.service

    def _try(self, call: Callable[[], Any]) -> bool:
        try:
            call()
        except UserError as err:
            messages.show_user_error(self.tab, err)
            self.tab.refresh()
            return False
        self.tab.notify(Changes.area("inservice"))
        return True

    def _say(self, text: str) -> None:
        self.tab.status_message.emit(text)

    # --- which apply ----------------------------------------------------------------------
    def update(self, row: Any, entry: Any) -> None:
        """Enable what applies to the registration ``row`` and the ledger ``entry``
        selected; in the street's view a community's registration is read-only."""
        tab = self.tab
        attached = tab.service is not None
        serving = row is not None and row.left_on is None
        for act in (self.new_action, self.units_action):
            act.setEnabled(attached)
        for act in (self.edit_action, self.reveal_action):
            act.setEnabled(row is not None)
        self.approve_action.setEnabled(serving and row.review_status != rules.APPROVED)
        self.return_action.setEnabled(serving and row.review_status != rules.RETURNED)
        approved = serving and row.review_status == rules.APPROVED
        for act in (self.reregister_action, self.add_points_action):
            act.setEnabled(approved)
        self.leave_action.setEnabled(serving)
        self.rejoin_action.setEnabled(row is not None and row.left_on is not None)
        self.correct_action.setEnabled(entry is not None)
        community = tab.community
        if community.active:
            community.lock((self.edit_action, self.approve_action, self.return_action,
                            self.reregister_action, self.leave_action, self.rejoin_action,
                            self.add_points_action, self.correct_action),
                           row.origin_office if row else None,
                           locked=row is not None and community.read_only(row.origin_office))
            community.lock((self.new_action,), None, locked=True,
                           text=community.community_only_text())

    # --- registrations ---------------------------------------------------------------------
    def _people(self, text: str) -> list[Any]:
        from gridoffice.services.people import find_people

        return find_people(self._service().db, text)

    def new_registration(self) -> str | None:
        tab, service = self.tab, self._service()
        registration_id = dialogs.RegistrationDialog(
            tab, service=service, people=self._people, save=service.register,
            today=service.today(), grids=tab.grids).ask_result()
        if registration_id is None:
            tab.reload_units()  # a unit added in the form stays
            return None
        tab.reload_units()
        tab.reload(registration_id)
        self._say(self.tr("The registration was saved; it awaits review."))
        return str(registration_id)

    def edit_registration(self) -> None:
        tab = self.tab
        row = tab.current_row()
        if row is None:
            return
        if tab.community.read_only(row.origin_office):  # Enter on a community's row
            self._say(tab.community.read_only_text(row.origin_office))
            return
        service = self._service()
        before = service.registration_draft(row.id)
        after = dialogs.RegistrationDialog(
            tab, service=service, people=self._people, today=service.today(),
            grids=tab.grids, draft=before, linked_name=row.name,
            save=lambda d: service.update_registration(row.id, d) or d).ask_result()
        tab.reload_units()
        if after is not None:
            self._push_edit(row.id, before, after)

    def _push_edit(self, registration_id: str, before: RegistrationDraft,
                   after: RegistrationDraft) -> None:
        service = self._service()
        self.tab.push(self.tr("Edit registration"),
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
        row = self.tab.current_row()
        if row is None:
            return False
        service = self._service()
        if not self._try(lambda: service.review(row.id, True)):
            return False
        self.tab.push(self.tr("Approve registration"), lambda: service.review(row.id, True),
                      self._review_inverse(row))
        self._say(self.tr("{name}'s registration was approved.").format(name=row.name))
        return True

    def return_registration(self) -> str | None:
        row = self.tab.current_row()
        if row is None:
            return None
        service = self._service()
        reason = dialogs.ReviewReturnDialog(
            self.tab, name=row.name, save=lambda text: service.review(row.id, False, text)
        ).ask_result()
        if reason is None:
            return None
        self.tab.push(self.tr("Return registration"),
                      lambda: service.review(row.id, False, reason), self._review_inverse(row))
        return str(reason)

    def reregister(self) -> None:
        row = self.tab.current_row()
        if row is None:
            return
        service = self._service()
        before = row.last_registered_on
        day = dialogs.DateNoteDialog(
            self.tab, title=self.tr("Re-register"), note=False, day=service.today(),
            intro=self.tr("{name} registers again; the next registration falls due "
                          "{months} months later.").format(
                name=row.name, months=service.rules.reregister_months),
            save=lambda d, _note: service.reregister(row.id, d)).ask_result()
        if day is not None:
            self.tab.push(self.tr("Re-register"), lambda: service.reregister(row.id, day),
                          lambda: service.reregister(row.id, before))

    def leave(self) -> None:
        row = self.tab.current_row()
        if row is None:
            return
        service = self._service()
        claims = [c for c in service.claims(registration_id=row.id)
                  if c.status != rules.WITHDRAWN]
        day = dialogs.DateNoteDialog(
            self.tab, title=self.tr("Leave"), day=service.today(),
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

        self.tab.push(self.tr("Leave"), lambda: service.leave(row.id, day), undo_leave)

    def rejoin(self) -> None:
        row = self.tab.current_row()
        if row is None or row.left_on is None:
            return
        service, left_on = self._service(), row.left_on
        if self._try(lambda: service.rejoin(row.id)):
            self.tab.push(self.tr("Rejoin"), lambda: service.rejoin(row.id),
                          lambda: service.leave(row.id, left_on))

    def reveal(self) -> tuple[str | None, str | None] | None:
        tab = self.tab
        row = tab.current_row()
        if row is None or not messages.confirm(tab, self.tr(
                "Show {name}'s full ID number and mobile? Viewing them is written to the "
                "audit log.").format(name=row.name)):
            return None
        try:
            id_number, mobile = self._service().reveal(row.id)
        except UserError as err:
            messages.show_user_error(tab, err)
            return None
        messages.inform(tab, self.tr("{name}\nID number: {id_number}\nMobile: {mobile}").format(
            name=row.name, id_number=id_number or "—", mobile=mobile or "—"),
            title=self.tr("Full numbers"))
        return id_number, mobile

    def edit_work_units(self) -> None:
        dialogs.WorkUnitsDialog(self.tab, service=self._service(),
                                community=self.tab.community).ask_result()
        self.tab.refresh()
        self.tab.notify(Changes.of("work_unit"))

    # --- points ---------------------------------------------------------------------------
    def add_points(self) -> str | None:
        row = self.tab.current_row()
        if row is None:
            return None
        service = self._service()
        entry_id = dialogs.AddPointsDialog(
            self.tab, name=row.name, point_rules=service.rules, today=service.today(),
            save=lambda item, day, note: service.add_points(row.id, item, day, note)
        ).ask_result()
        if entry_id is not None:
            self.tab.refresh()
            self.tab.notify(Changes.of("points_entry", ids=[row.id]))
            self._say(self.tr("The points were added."))
        return entry_id

    def correct_entry(self) -> str | None:
        entry = self.tab.current_entry()
        if entry is None:
            return None
        service = self._service()
        entry_id = dialogs.CorrectDialog(
            self.tab, entry=entry, save=lambda points, reason: service.correct(
                entry.id, points, reason)
        ).ask_result()
        if entry_id is not None:
            self.tab.refresh()
            self.tab.notify(Changes.of("points_entry", ids=[entry.id]))
            self._say(self.tr("The correction was added to the ledger."))
        return entry_id
