"""The attendee page of the meeting detail: who is expected, who came, on leave or
absent; adding people, copying the last council's list, marking presence.

Every change goes through the panel (:class:`~.detail.MeetingDetailPanel`): the
amendment reason once the minutes are approved, the undo stack otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QToolButton, QWidget

from gridoffice.domain import meetings as rules
from gridoffice.errors import UserError
from gridoffice.ui import messages
from gridoffice.ui.dialogs import meeting_dialogs as dialogs
from gridoffice.ui.models.meeting_table import AttendeeTableModel
from gridoffice.ui.tabs.meetings.common import (
    NOT_ASKED,
    button_row,
    lay_out_page,
    on_delete,
    set_rows_keeping_selection,
)
from gridoffice.ui.widgets.tables import row_table

if TYPE_CHECKING:
    from gridoffice.ui.tabs.meetings.detail import MeetingDetailPanel


class AttendeesPage(QWidget):
    """See the module docstring."""

    def __init__(self, panel: MeetingDetailPanel) -> None:
        super().__init__(panel)
        self.panel = panel
        self.attendee_model = AttendeeTableModel(self)
        self.attendee_view = row_table(self, self.attendee_model, multi=True)
        self.attendee_view.activated.connect(lambda _i: self.edit_attendee())
        row, buttons = button_row(self, [
            (self.tr("Add…"), self.add_attendees),
            (self.tr("Copy from last council"), self.copy_from_last_council),
            (self.tr("Present"), self.mark_present),
            (self.tr("Edit…"), self.edit_attendee),
            (self.tr("Remove"), self.remove_attendee)])
        (self.add_attendee_button, self.copy_button, self.present_button,
         self.edit_attendee_button, self.remove_attendee_button) = buttons
        self.present_button.setToolTip(self.tr("Mark the selected attendees present"))
        on_delete(self.attendee_view, self.remove_attendee)
        self.attendee_view.selectionModel().selectionChanged.connect(
            lambda *_a: panel.update_buttons())
        lay_out_page(self, row, self.attendee_view)

    def show_rows(self, rows: Sequence[Any]) -> None:
        set_rows_keeping_selection(self.attendee_view, self.attendee_model, rows)

    def update_buttons(self, here: bool) -> None:
        selected = self.selected_attendees()
        for button in (self.add_attendee_button, self.copy_button):
            button.setEnabled(here)
        self.present_button.setEnabled(bool(selected))
        self.edit_attendee_button.setEnabled(len(selected) == 1)
        self.remove_attendee_button.setEnabled(len(selected) == 1)

    def editing_buttons(self) -> list[QToolButton]:
        """The buttons that change the meeting (off for a community's at the street)."""
        return [self.add_attendee_button, self.copy_button, self.present_button,
                self.edit_attendee_button, self.remove_attendee_button]

    # --- attendees ------------------------------------------------------------------------
    def selected_attendees(self) -> list[Any]:
        rows = sorted(i.row() for i in self.attendee_view.selectionModel().selectedRows())
        return [r for r in (self.attendee_model.row_at(i) for i in rows) if r is not None]

    def add_attendees(self) -> None:
        panel = self.panel
        if panel.meeting_id is None or panel.read_only():
            return
        amendment = panel.ask_amendment()
        if amendment is NOT_ASKED:
            return
        service, meeting_id, added = panel.require_service(), panel.meeting_id, []

        def save(drafts: list[Any]) -> list[str]:
            if amendment is None:
                added.extend(service.add_attendees(meeting_id, drafts))
            else:
                for draft in drafts:
                    added.append(service.add_attendee(meeting_id, draft, amendment=amendment))
            return added

        dialogs.AttendeePickerDialog(self, people=service.people, save=save,
                                     units=service.unit_names()).ask_result()
        if added:
            ids = list(added)
            panel.push(self.tr("Add %n attendee(s)", "", len(ids)),
                       lambda: [service.restore("attendee", i) for i in ids],
                       lambda: [service.remove_attendee(i) for i in reversed(ids)], amendment)
            panel.status_message.emit(self.tr("%n attendee(s) added.", "", len(ids)))

    def previous_council(self) -> str | None:
        """The council before this meeting (the last one, for a meeting not a council)."""
        from gridoffice.services.meetings import MeetingQuery

        panel = self.panel
        if panel.minutes is None:
            return None
        start = panel.minutes.meeting.start_at
        for row in panel.require_service().list_meetings(
                MeetingQuery(meeting_type=rules.COUNCIL)):
            if row.id != panel.meeting_id and row.start_at < start and row.status != "cancelled":
                return row.id
        return None

    def copy_from_last_council(self) -> None:
        panel = self.panel
        if panel.minutes is None or panel.meeting_id is None or panel.read_only():
            return
        source = self.previous_council()
        if source is None:
            messages.inform(self, self.tr("There is no earlier resident council to copy from."))
            return
        service, meeting_id = panel.require_service(), panel.meeting_id
        before = {a.id for a in panel.minutes.attendees}
        count = panel.attempt(lambda: service.copy_attendees(source, meeting_id))
        if not count:
            if count == 0:
                panel.status_message.emit(self.tr("Everyone is already on the list."))
            return
        ids = [a.id for a in service.minutes(meeting_id).attendees if a.id not in before]
        panel.push(self.tr("Copy %n attendee(s)", "", len(ids)),
                   lambda: [service.restore("attendee", i) for i in ids],
                   lambda: [service.remove_attendee(i) for i in ids])
        panel.status_message.emit(self.tr("%n attendee(s) copied from the last council.", "",
                                          len(ids)))

    def mark_present(self) -> None:
        panel = self.panel
        rows = self.selected_attendees()
        if not rows or panel.read_only():
            return
        amendment = panel.ask_amendment()
        if amendment is NOT_ASKED:
            return
        service, done = panel.require_service(), []
        for row in rows:
            if row.presence == rules.PRESENT:
                continue
            try:
                service.set_presence(row.id, rules.PRESENT, amendment=amendment)
            except UserError as err:
                messages.show_user_error(self, err)
                break
            done.append(row)
        if not done:
            return
        panel.push(self.tr("Mark %n attendee(s) present", "", len(done)),
                   lambda: [service.set_presence(r.id, rules.PRESENT) for r in done],
                   lambda: [service.set_presence(r.id, r.presence, r.absence_reason or "")
                            for r in done], amendment)

    def edit_attendee(self) -> None:
        panel = self.panel
        rows = self.selected_attendees()
        if len(rows) != 1 or panel.read_only():
            return
        row = rows[0]
        amendment = panel.ask_amendment()
        if amendment is NOT_ASKED:
            return
        from gridoffice.services.meetings import AttendeeDraft

        service = panel.require_service()
        before = AttendeeDraft(row.name, row.identity, row.person_kind, row.person_id, row.unit,
                               row.presence, row.absence_reason)
        after = dialogs.AttendeeDialog(self, row=row, save=lambda d: service.update_attendee(
            row.id, d, amendment=amendment) or d, units=service.unit_names()).ask_result()
        if after is not None:
            panel.push(self.tr("Edit attendee {name}").format(name=row.name),
                       lambda: service.update_attendee(row.id, after),
                       lambda: service.update_attendee(row.id, before), amendment)

    def remove_attendee(self) -> None:
        panel = self.panel
        rows = self.selected_attendees()
        if len(rows) != 1 or panel.read_only():
            return
        row = rows[0]
        if not messages.confirm(self, self.tr("Remove {name} from the attendees?").format(
                name=row.name)):
            return
        amendment = panel.ask_amendment()
        if amendment is NOT_ASKED:
            return
        service = panel.require_service()
        if panel.attempt(lambda: service.remove_attendee(row.id, amendment=amendment) or True):
            panel.push(self.tr("Remove attendee {name}").format(name=row.name),
                       lambda: service.remove_attendee(row.id),
                       lambda: service.restore("attendee", row.id), amendment)
