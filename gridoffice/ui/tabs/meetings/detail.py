"""The selected meeting on the right of the meetings tab: header with counts
derived from the sign-in marks, and its pages: attendees (:mod:`.attendees`),
agenda with speeches, resolutions and their follow-ups (:mod:`.agenda`),
amendments, and attachments (:mod:`.attachments`).

Once the minutes are approved a banner says so, and every change to them first
asks for the reason, which the service records as an amendment. Adding,
removing and marking attendees, and adding or removing agenda entries, go on the
window's undo stack (only before approval: an amendment is a record, not undone).
The pages make their changes through the panel: :meth:`MeetingDetailPanel.ask_amendment`,
:meth:`~MeetingDetailPanel.push`, :meth:`~MeetingDetailPanel.attempt`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from gridoffice.domain import meetings as rules
from gridoffice.errors import UserError
from gridoffice.services.changes import Changes
from gridoffice.ui import messages
from gridoffice.ui.dialogs import meeting_dialogs as dialogs
from gridoffice.ui.labels import code_label, date_text
from gridoffice.ui.models.meeting_table import AmendmentTableModel
from gridoffice.ui.tabs.meetings.agenda import AgendaPage
from gridoffice.ui.tabs.meetings.attachments import AttachmentsPage
from gridoffice.ui.tabs.meetings.attendees import AttendeesPage
from gridoffice.ui.tabs.meetings.common import NOT_ASKED
from gridoffice.ui.undo import push_change, report_refused
from gridoffice.ui.widgets.community import CommunityScope
from gridoffice.ui.widgets.tables import row_table

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from gridoffice.services.meetings import MeetingService, Minutes

BANNER_STYLE = "background: #e8f5e9; color: #1b5e20; padding: 4px 8px; font-weight: bold;"

__all__ = ["NOT_ASKED", "MeetingDetailPanel"]


class MeetingDetailPanel(QWidget):
    """See the module docstring. ``changed`` fires after every stored change."""

    changed = Signal()
    status_message = Signal(str)

    def __init__(self, undo_stack: QUndoStack | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = undo_stack
        self.service: MeetingService | None = None
        self.language = "zh_CN"
        self.meeting_id: str | None = None
        self.minutes: Minutes | None = None
        # The street's view (set by the tab): the shown meeting's office, read-only
        # when it is a community's.
        self.community = CommunityScope()
        self.origin_office: str | None = None

        self._build_header()
        self.attendees_page = AttendeesPage(self)
        self.agenda_page = AgendaPage(self)
        self.amendment_model = AmendmentTableModel(self.describe_change, self)
        self.amendment_view = row_table(self, self.amendment_model)
        self.attachments_page = AttachmentsPage(self)
        self._name_page_widgets()
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.attendees_page, self.tr("Attendees"))
        self.tabs.addTab(self.agenda_page, self.tr("Agenda"))
        self.tabs.addTab(self.amendment_view, self.tr("Amendments"))
        self.tabs.addTab(self.attachments_page, self.tr("Attachments"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        for widget in (self.title_label, self.info_label, self.counts_label,
                       self.banner_label):
            layout.addWidget(widget)
        layout.addWidget(self.tabs, 1)
        self.update_buttons()

    # --- building -------------------------------------------------------------------------
    def _build_header(self) -> None:
        self.title_label = QLabel(self)
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title_label.setFont(font)
        self.title_label.setWordWrap(True)
        self.info_label = QLabel(self)
        self.info_label.setWordWrap(True)
        self.info_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("attendanceCounts")
        self.banner_label = QLabel(self)
        self.banner_label.setObjectName("approvedBanner")
        self.banner_label.setStyleSheet(BANNER_STYLE)
        self.banner_label.setWordWrap(True)
        self.banner_label.hide()

    def _name_page_widgets(self) -> None:
        """The pages' lists and buttons, by the names the panel always had."""
        attendees, agenda, attachments = (self.attendees_page, self.agenda_page,
                                          self.attachments_page)
        self.attendee_model = attendees.attendee_model
        self.attendee_view = attendees.attendee_view
        self.add_attendee_button = attendees.add_attendee_button
        self.copy_button = attendees.copy_button
        self.present_button = attendees.present_button
        self.edit_attendee_button = attendees.edit_attendee_button
        self.remove_attendee_button = attendees.remove_attendee_button
        self.agenda = agenda.agenda
        self.add_item_button = agenda.add_item_button
        self.add_speech_button = agenda.add_speech_button
        self.add_resolution_button = agenda.add_resolution_button
        self.add_follow_up_button = agenda.add_follow_up_button
        self.edit_entry_button = agenda.edit_entry_button
        self.complete_button = agenda.complete_button
        self.remove_entry_button = agenda.remove_entry_button
        self.up_button = agenda.up_button
        self.down_button = agenda.down_button
        self.attachment_model = attachments.attachment_model
        self.attachment_view = attachments.attachment_view
        self.add_attachment_button = attachments.add_attachment_button
        self.open_button = attachments.open_button
        self.remove_attachment_button = attachments.remove_attachment_button

    # --- showing --------------------------------------------------------------------------
    def attach(self, service: MeetingService, language: str) -> None:
        self.service = service
        self.language = language

    def describe_change(self, change: str) -> str:
        from gridoffice.services.meetings import describe_change

        return describe_change(change, self.language)

    def show_meeting(self, meeting_id: str | None) -> None:
        self.meeting_id = meeting_id
        self.refresh(notify=False)

    def refresh(self, notify: bool = True) -> None:
        """Read the meeting again and show it; ``changed`` tells the list."""
        minutes = None
        if self.meeting_id is not None and self.service is not None:
            try:
                minutes = self.service.minutes(self.meeting_id)
            except UserError:
                self.meeting_id = None
        self.minutes = minutes
        self._fill(minutes)
        self.update_buttons()
        if notify:
            self.changed.emit()

    def _fill(self, minutes: Minutes | None) -> None:
        if minutes is None:
            self.title_label.setText(self.tr("No meeting selected"))
            for label in (self.info_label, self.counts_label):
                label.clear()
            self.banner_label.hide()
            for model in (self.attendee_model, self.amendment_model, self.attachment_model):
                model.set_rows([])
            self.agenda.clear()
            return
        self._fill_header(minutes)
        self.attendees_page.show_rows(minutes.attendees)
        self.amendment_model.set_rows(minutes.amendments)
        self.attachments_page.show_rows(minutes.attachments)
        self.agenda_page.fill(minutes)
        self.tabs.setTabText(2, self.tr("Amendments ({count})").format(
            count=len(minutes.amendments)) if minutes.amendments else self.tr("Amendments"))

    def _fill_header(self, minutes: Minutes) -> None:
        m = minutes.meeting
        kind = code_label(rules.MEETING_TYPES, m.meeting_type)
        session = self.tr("{type}, session {number}").format(type=kind, number=m.session_no)
        self.title_label.setText(m.title or (session if m.session_no else kind))
        end = f"–{m.end_at:%H:%M}" if m.end_at else ""
        self.info_label.setText(self.tr(
            "{ref} · {type} · {start}{end} · Place: {place} · Host: {host} · "
            "Recorder: {recorder} · {status}").format(
            ref=m.ref, type=kind, start=f"{m.start_at:%Y-%m-%d %H:%M}", end=end,
            place=m.place or "—", host=m.host or "—", recorder=m.recorder or "—",
            status=code_label(rules.MEETING_STATUS, m.status)))
        a = minutes.attendance
        self.counts_label.setText(self.tr(
            "Expected {expected} · Present {present} · On leave {leave} · Absent {absent} · "
            "Observers {observers} · Not marked {unmarked}").format(
            expected=a.expected, present=a.present, leave=a.leave, absent=a.absent,
            observers=a.observers, unmarked=a.unmarked))
        if minutes.locked:
            self.banner_label.setText(self.tr(
                "Approved on {date} — the minutes are locked; changes are recorded as "
                "amendments.").format(date=date_text(m.approved_on)))
        self.banner_label.setVisible(minutes.locked)

    def agenda_texts(self) -> list[list[str]]:
        """Every agenda line as shown (for tests and reading back)."""
        return self.agenda_page.agenda_texts()

    def update_buttons(self) -> None:
        here = self.minutes is not None
        pages = (self.attendees_page, self.agenda_page, self.attachments_page)
        for page in pages:
            page.update_buttons(here)
        if self.community.active:
            self.community.lock([b for page in pages for b in page.editing_buttons()],
                                self.origin_office,
                                locked=here and self.community.read_only(self.origin_office))

    # --- what the pages' changes go through ---------------------------------------------
    def read_only(self) -> bool:
        """A community's meeting at the street: its buttons are off, and a double-click,
        the Delete key or a dropped file only says why (in the status bar)."""
        if self.minutes is None or not self.community.read_only(self.origin_office):
            return False
        self.status_message.emit(self.community.read_only_text(self.origin_office))
        return True

    def require_service(self) -> MeetingService:
        assert self.service is not None
        return self.service

    def ask_amendment(self) -> Any:
        """None while the minutes are open; once approved, the reason for the change
        (asked now), or NOT_ASKED when the user cancels."""
        if self.minutes is None or not self.minutes.locked:
            return None
        reason = dialogs.ReasonDialog(
            self, title=self.tr("Amend approved minutes"),
            intro=self.tr("The minutes were approved on {date}. The change is recorded as "
                          "an amendment with today's date, your name and this reason.").format(
                date=date_text(self.minutes.meeting.approved_on)),
            label=self.tr("Reason"), key="amendment").ask_result()
        return NOT_ASKED if reason is None else reason

    def push(self, text: str, apply: Callable[[], object], revert: Callable[[], object],
             amendment: str | None = None) -> None:
        """A change that was just made: onto the undo stack (not for amendments)."""
        push_change(self.undo_stack, self, text, apply, revert if amendment is None else None,
                    changes=Changes.area("meetings", [self.meeting_id]))

    def command_done(self, changes: Changes, select: str | None) -> None:
        self.refresh()

    def report_failure(self, err: UserError, undoing: bool) -> None:
        report_refused(self, err, undoing)

    def attempt(self, call: Callable[[], Any]) -> Any:
        """``call()``; when the service refuses, say why, show the meeting again and
        return None."""
        try:
            return call()
        except UserError as err:
            messages.show_user_error(self, err)
            self.refresh()
            return None

    # --- attachments (the file dialog is the seam tests replace) ------------------------
    def ask_files(self) -> list[str]:
        """The files to attach (the seam tests replace)."""
        return self.attachments_page.ask_files()

    def add_attachments(self) -> None:
        self.attachments_page.add_attachment_files(self.ask_files())

    def open_attachment(self) -> Path | None:
        return self.attachments_page.open_attachment()

    def remove_attachment(self) -> None:
        self.attachments_page.remove_attachment()

    def remove_opened_attachments(self) -> None:
        """Delete the copies opened in other programs (at shutdown)."""
        self.attachments_page.remove_opened_attachments()
