"""The selected meeting on the right of the meetings tab: header with counts
derived from the sign-in marks, attendees, agenda (items, speeches, resolutions
and their follow-ups), amendments and attachments.

Once the minutes are approved a banner says so, and every change to them first
asks for the reason, which the service records as an amendment. Adding,
removing and marking attendees, and adding or removing agenda entries, go on the
window's undo stack (only before approval: an amendment is a record, not undone).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QUrl, Signal
from PySide6.QtGui import (
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QKeyEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gridoffice.domain import meetings as rules
from gridoffice.errors import UserError
from gridoffice.services.changes import Changes
from gridoffice.ui import messages
from gridoffice.ui.dialogs import meeting_dialogs as dialogs
from gridoffice.ui.labels import code_label, date_text
from gridoffice.ui.models.meeting_table import (
    AmendmentTableModel,
    AttachmentTableModel,
    AttendeeTableModel,
)
from gridoffice.ui.undo import push_change, report_refused
from gridoffice.ui.widgets.community import CommunityScope

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from gridoffice.services.meetings import MeetingService, Minutes

KIND_ROLE = Qt.ItemDataRole.UserRole
BANNER_STYLE = "background: #e8f5e9; color: #1b5e20; padding: 4px 8px; font-weight: bold;"
NOT_ASKED = object()  # ask_amendment(): the user cancelled the reason


def _table(parent: QWidget, model: Any, *, multi: bool = False) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                          else QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    return view


class DeleteKey(QObject):
    """The Delete key on a list removes its selected row (after the slot's question)."""

    def __init__(self, parent: QObject, slot: Callable[[], Any]) -> None:
        super().__init__(parent)
        self.slot = slot

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.matches(QKeySequence.StandardKey.Delete)):
            self.slot()
            return True
        return super().eventFilter(watched, event)


class AttachmentView(QTableView):
    """The attachment table; files dropped on it are added."""

    files_dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: Any) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)


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
        self._opened_dir: Path | None = None  # copies of attachments opened elsewhere

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

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._attendee_page(), self.tr("Attendees"))
        self.tabs.addTab(self._agenda_page(), self.tr("Agenda"))
        self.amendment_model = AmendmentTableModel(self.describe_change, self)
        self.amendment_view = _table(self, self.amendment_model)
        self.tabs.addTab(self.amendment_view, self.tr("Amendments"))
        self.tabs.addTab(self._attachment_page(), self.tr("Attachments"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        for widget in (self.title_label, self.info_label, self.counts_label,
                       self.banner_label):
            layout.addWidget(widget)
        layout.addWidget(self.tabs, 1)
        self.update_buttons()

    # --- building -------------------------------------------------------------------------
    def _buttons(self, page: QWidget, specs: Sequence[tuple[str, Callable[[], Any]]]
                 ) -> tuple[QHBoxLayout, list[QToolButton]]:
        """A row of compact buttons (the detail panel shares the width with the list)."""
        row = QHBoxLayout()
        row.setSpacing(2)
        buttons = []
        for text, slot in specs:
            button = QToolButton(page)
            button.setText(text)
            button.clicked.connect(lambda _c=False, s=slot: s())
            row.addWidget(button)
            buttons.append(button)
        row.addStretch(1)
        return row, buttons

    def _page(self, row: QHBoxLayout, view: QWidget) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(view, 1)
        view.setParent(page)
        return page

    def _on_delete(self, view: QWidget, slot: Callable[[], Any]) -> None:
        view.installEventFilter(DeleteKey(view, slot))

    def _attendee_page(self) -> QWidget:
        self.attendee_model = AttendeeTableModel(self)
        self.attendee_view = _table(self, self.attendee_model, multi=True)
        self.attendee_view.activated.connect(lambda _i: self.edit_attendee())
        row, buttons = self._buttons(self, [
            (self.tr("Add…"), self.add_attendees),
            (self.tr("Copy from last council"), self.copy_from_last_council),
            (self.tr("Present"), self.mark_present),
            (self.tr("Edit…"), self.edit_attendee),
            (self.tr("Remove"), self.remove_attendee)])
        (self.add_attendee_button, self.copy_button, self.present_button,
         self.edit_attendee_button, self.remove_attendee_button) = buttons
        self.present_button.setToolTip(self.tr("Mark the selected attendees present"))
        self._on_delete(self.attendee_view, self.remove_attendee)
        self.attendee_view.selectionModel().selectionChanged.connect(
            lambda *_a: self.update_buttons())
        return self._page(row, self.attendee_view)

    def _agenda_page(self) -> QWidget:
        self.agenda = QTreeWidget(self)
        self.agenda.setColumnCount(3)
        self.agenda.setHeaderLabels([self.tr("Agenda"), self.tr("Details"),
                                     self.tr("Result")])
        self.agenda.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.agenda.header().setStretchLastSection(False)
        for column in (1, 2):
            self.agenda.header().setSectionResizeMode(column,
                                                      QHeaderView.ResizeMode.ResizeToContents)
        self.agenda.setAlternatingRowColors(True)
        self.agenda.itemActivated.connect(lambda *_a: self.edit_agenda_entry())
        self.agenda.currentItemChanged.connect(lambda *_a: self.update_buttons())
        row, buttons = self._buttons(self, [
            (self.tr("New item…"), self.add_item),
            (self.tr("Speech…"), self.add_speech),
            (self.tr("Resolution…"), self.add_resolution),
            (self.tr("Follow-up…"), self.add_follow_up),
            (self.tr("Edit…"), self.edit_agenda_entry),
            (self.tr("Done"), self.complete_follow_up),
            (self.tr("Remove"), self.remove_agenda_entry),
            ("↑", lambda: self.move_item(-1)), ("↓", lambda: self.move_item(1))])
        (self.add_item_button, self.add_speech_button, self.add_resolution_button,
         self.add_follow_up_button, self.edit_entry_button, self.complete_button,
         self.remove_entry_button, self.up_button, self.down_button) = buttons
        self.complete_button.setToolTip(self.tr("Mark the selected follow-up as done today"))
        self.up_button.setToolTip(self.tr("Move the agenda item up"))
        self.down_button.setToolTip(self.tr("Move the agenda item down"))
        self._on_delete(self.agenda, self.remove_agenda_entry)
        return self._page(row, self.agenda)

    def _attachment_page(self) -> QWidget:
        self.attachment_model = AttachmentTableModel(self)
        self.attachment_view = AttachmentView(self)
        self.attachment_view.setModel(self.attachment_model)
        self.attachment_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.attachment_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.attachment_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.attachment_view.horizontalHeader().setStretchLastSection(True)
        self.attachment_view.files_dropped.connect(self.add_attachment_files)
        self.attachment_view.activated.connect(lambda _i: self.open_attachment())
        row, buttons = self._buttons(self, [
            (self.tr("Add files…"), self.add_attachments),
            (self.tr("Open"), self.open_attachment),
            (self.tr("Remove"), self.remove_attachment)])
        self.add_attachment_button, self.open_button, self.remove_attachment_button = buttons
        hint = QLabel(self.tr("Photos and scans (JPEG, PNG, PDF); drop files here."), self)
        hint.setEnabled(False)
        row.addWidget(hint)
        self._on_delete(self.attachment_view, self.remove_attachment)
        return self._page(row, self.attachment_view)

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
        self._set_rows(self.attendee_view, self.attendee_model, minutes.attendees)
        self.amendment_model.set_rows(minutes.amendments)
        self._set_rows(self.attachment_view, self.attachment_model, minutes.attachments)
        self._fill_agenda(minutes)
        self.tabs.setTabText(2, self.tr("Amendments ({count})").format(
            count=len(minutes.amendments)) if minutes.amendments else self.tr("Amendments"))

    @staticmethod
    def _set_rows(view: QTableView, model: Any, rows: Sequence[Any]) -> None:
        """New rows, keeping the selected ones selected."""
        keep = {model.row_at(i.row()).id for i in view.selectionModel().selectedRows()}
        model.set_rows(rows)
        for row, value in enumerate(rows):
            if value.id in keep:
                view.selectionModel().select(
                    model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows)

    def _fill_agenda(self, minutes: Minutes) -> None:
        current = self.agenda_entry()
        self.agenda.clear()
        select = None
        for item in minutes.items:
            source = ", ".join(filter(None, [code_label(rules.AGENDA_SOURCES, item.source),
                                             item.proposer or ""]))
            node = self._node(self.agenda, ("item", item.id),
                              [f"{item.position}. {item.title}", source, ""])
            for speech in item.speeches:
                self._node(node, ("speech", speech.id), [
                    self.tr("{speaker}: {summary}").format(
                        speaker=speech.speaker, summary=" ".join(speech.summary.split())),
                    "", ""])
            for resolution in item.resolutions:
                votes = self.tr("yes {yes}, no {no}, abstain {abstain} ({method})").format(
                    yes=resolution.yes, no=resolution.no, abstain=resolution.abstain,
                    method=code_label(rules.VOTE_METHODS, resolution.method))
                child = self._node(node, ("resolution", resolution.id), [
                    self.tr("Resolution: {text}").format(
                        text=" ".join(resolution.text.split())),
                    votes, code_label(rules.RESULTS, resolution.result)])
                for follow in resolution.follow_ups:
                    due = self.tr("{owner}, due {date}").format(
                        owner=follow.owner, date=date_text(follow.due_date, "—"))
                    self._node(child, ("follow_up", follow.id), [
                        self.tr("Follow-up: {task}").format(task=" ".join(follow.task.split())),
                        due, code_label(rules.FOLLOW_UP_STATUS, follow.state)])
        self.agenda.expandAll()
        if current is not None:
            select = self._find_entry(current)
        if select is not None:
            self.agenda.setCurrentItem(select)

    @staticmethod
    def _node(parent: Any, key: tuple[str, str], texts: list[str]) -> QTreeWidgetItem:
        node = QTreeWidgetItem(parent, texts)
        node.setData(0, KIND_ROLE, key)
        node.setToolTip(0, texts[0])
        return node

    def _find_entry(self, key: tuple[str, str]) -> QTreeWidgetItem | None:
        stack = [self.agenda.topLevelItem(i) for i in range(self.agenda.topLevelItemCount())]
        while stack:
            node = stack.pop()
            if tuple(node.data(0, KIND_ROLE)) == key:
                return node
            stack.extend(node.child(i) for i in range(node.childCount()))
        return None

    def agenda_texts(self) -> list[list[str]]:
        """Every agenda line as shown (for tests and reading back)."""
        found: list[list[str]] = []

        def walk(node: QTreeWidgetItem, depth: int) -> None:
            found.append(["  " * depth + node.text(0), node.text(1), node.text(2)])
            for i in range(node.childCount()):
                walk(node.child(i), depth + 1)

        for i in range(self.agenda.topLevelItemCount()):
            walk(self.agenda.topLevelItem(i), 0)
        return found

    def update_buttons(self) -> None:
        here = self.minutes is not None
        selected = self.selected_attendees()
        for button in (self.add_attendee_button, self.copy_button, self.add_item_button,
                       self.add_attachment_button):
            button.setEnabled(here)
        self.present_button.setEnabled(bool(selected))
        self.edit_attendee_button.setEnabled(len(selected) == 1)
        self.remove_attendee_button.setEnabled(len(selected) == 1)
        entry = self.agenda_entry()
        kind = entry[0] if entry else None
        for button in (self.add_speech_button, self.add_resolution_button,
                       self.edit_entry_button, self.remove_entry_button):
            button.setEnabled(kind is not None)
        self.add_follow_up_button.setEnabled(kind in ("resolution", "follow_up"))
        self.complete_button.setEnabled(kind == "follow_up")
        self.up_button.setEnabled(kind == "item")
        self.down_button.setEnabled(kind == "item")
        has_file = self.attachment_view.currentIndex().isValid()
        self.open_button.setEnabled(has_file)
        self.remove_attachment_button.setEnabled(has_file)
        if self.community.active:
            self.community.lock(
                (self.add_attendee_button, self.copy_button, self.add_item_button,
                 self.add_attachment_button, self.present_button, self.edit_attendee_button,
                 self.remove_attendee_button, self.add_speech_button,
                 self.add_resolution_button, self.edit_entry_button, self.remove_entry_button,
                 self.add_follow_up_button, self.complete_button, self.up_button,
                 self.down_button, self.remove_attachment_button),
                self.origin_office,
                locked=here and self.community.read_only(self.origin_office))

    # --- helpers --------------------------------------------------------------------------
    def read_only(self) -> bool:
        """A community's meeting at the street: its buttons are off, and a double-click,
        the Delete key or a dropped file only says why (in the status bar)."""
        if self.minutes is None or not self.community.read_only(self.origin_office):
            return False
        self.status_message.emit(self.community.read_only_text(self.origin_office))
        return True

    def _service(self) -> MeetingService:
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

    def _try(self, call: Callable[[], Any]) -> Any:
        try:
            return call()
        except UserError as err:
            messages.show_user_error(self, err)
            self.refresh()
            return None

    # --- attendees ------------------------------------------------------------------------
    def selected_attendees(self) -> list[Any]:
        rows = sorted(i.row() for i in self.attendee_view.selectionModel().selectedRows())
        return [r for r in (self.attendee_model.row_at(i) for i in rows) if r is not None]

    def add_attendees(self) -> None:
        if self.meeting_id is None or self.read_only():
            return
        amendment = self.ask_amendment()
        if amendment is NOT_ASKED:
            return
        service, meeting_id, added = self._service(), self.meeting_id, []

        def save(drafts: list[Any]) -> list[str]:
            if amendment is None:
                added.extend(service.add_attendees(meeting_id, drafts))
            else:
                for draft in drafts:
                    added.append(service.add_attendee(meeting_id, draft, amendment=amendment))
            return added

        dialogs.AttendeePickerDialog(self, people=service.people, save=save).ask_result()
        if added:
            ids = list(added)
            self.push(self.tr("Add %n attendee(s)", "", len(ids)),
                      lambda: [service.restore("attendee", i) for i in ids],
                      lambda: [service.remove_attendee(i) for i in reversed(ids)], amendment)
            self.status_message.emit(self.tr("%n attendee(s) added.", "", len(ids)))

    def previous_council(self) -> str | None:
        """The council before this meeting (the last one, for a meeting not a council)."""
        from gridoffice.services.meetings import MeetingQuery

        if self.minutes is None:
            return None
        start = self.minutes.meeting.start_at
        for row in self._service().list_meetings(MeetingQuery(meeting_type=rules.COUNCIL)):
            if row.id != self.meeting_id and row.start_at < start and row.status != "cancelled":
                return row.id
        return None

    def copy_from_last_council(self) -> None:
        if self.minutes is None or self.meeting_id is None or self.read_only():
            return
        source = self.previous_council()
        if source is None:
            messages.inform(self, self.tr("There is no earlier resident council to copy from."))
            return
        service, meeting_id = self._service(), self.meeting_id
        before = {a.id for a in self.minutes.attendees}
        count = self._try(lambda: service.copy_attendees(source, meeting_id))
        if not count:
            if count == 0:
                self.status_message.emit(self.tr("Everyone is already on the list."))
            return
        ids = [a.id for a in service.minutes(meeting_id).attendees if a.id not in before]
        self.push(self.tr("Copy %n attendee(s)", "", len(ids)),
                  lambda: [service.restore("attendee", i) for i in ids],
                  lambda: [service.remove_attendee(i) for i in ids])
        self.status_message.emit(self.tr("%n attendee(s) copied from the last council.", "",
                                         len(ids)))

    def mark_present(self) -> None:
        rows = self.selected_attendees()
        if not rows or self.read_only():
            return
        amendment = self.ask_amendment()
        if amendment is NOT_ASKED:
            return
        service, done = self._service(), []
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
        self.push(self.tr("Mark %n attendee(s) present", "", len(done)),
                  lambda: [service.set_presence(r.id, rules.PRESENT) for r in done],
                  lambda: [service.set_presence(r.id, r.presence, r.absence_reason or "")
                           for r in done], amendment)

    def edit_attendee(self) -> None:
        rows = self.selected_attendees()
        if len(rows) != 1 or self.read_only():
            return
        row = rows[0]
        amendment = self.ask_amendment()
        if amendment is NOT_ASKED:
            return
        from gridoffice.services.meetings import AttendeeDraft

        service = self._service()
        before = AttendeeDraft(row.name, row.identity, row.person_kind, row.person_id, row.unit,
                               row.presence, row.absence_reason)
        after = dialogs.AttendeeDialog(self, row=row, save=lambda d: service.update_attendee(
            row.id, d, amendment=amendment) or d).ask_result()
        if after is not None:
            self.push(self.tr("Edit attendee {name}").format(name=row.name),
                      lambda: service.update_attendee(row.id, after),
                      lambda: service.update_attendee(row.id, before), amendment)

    def remove_attendee(self) -> None:
        rows = self.selected_attendees()
        if len(rows) != 1 or self.read_only():
            return
        row = rows[0]
        if not messages.confirm(self, self.tr("Remove {name} from the attendees?").format(
                name=row.name)):
            return
        amendment = self.ask_amendment()
        if amendment is NOT_ASKED:
            return
        service = self._service()
        if self._try(lambda: service.remove_attendee(row.id, amendment=amendment) or True):
            self.push(self.tr("Remove attendee {name}").format(name=row.name),
                      lambda: service.remove_attendee(row.id),
                      lambda: service.restore("attendee", row.id), amendment)

    # --- agenda ---------------------------------------------------------------------------
    def agenda_entry(self) -> tuple[str, str] | None:
        node = self.agenda.currentItem()
        return tuple(node.data(0, KIND_ROLE)) if node is not None else None  # type: ignore

    def _entry_parent(self, kind: str) -> str | None:
        """The id of the ``kind`` entry selected or holding the selected entry."""
        node = self.agenda.currentItem()
        while node is not None:
            key = node.data(0, KIND_ROLE)
            if key[0] == kind:
                return str(key[1])
            node = node.parent()
        return None

    def _find(self, kind: str, row_id: str) -> Any:
        assert self.minutes is not None
        for item in self.minutes.items:
            if kind == "item" and item.id == row_id:
                return item
            for speech in item.speeches:
                if kind == "speech" and speech.id == row_id:
                    return speech
            for resolution in item.resolutions:
                if kind == "resolution" and resolution.id == row_id:
                    return resolution
        return None

    def vote_base(self, minutes: Minutes) -> tuple[int, str]:
        if minutes.vote_base == "expected":
            return minutes.attendance.expected, code_label(rules.VOTE_BASES, "expected")
        return minutes.attendance.present, code_label(rules.VOTE_BASES, "present")

    def _add(self, kind: str, text: str, dialog: Callable[[Callable[[Any], Any]], Any],
             add: Callable[[Any, Any], str], remove: Callable[[str], object],
             locked_minutes: bool = True) -> str | None:
        """Ask the amendment reason (if needed), run the form, push the undo command."""
        if self.read_only():
            return None
        amendment = self.ask_amendment() if locked_minutes else None
        if amendment is NOT_ASKED:
            return None
        service = self._service()
        new_id = dialog(lambda draft: add(draft, amendment))
        if new_id is None:
            return None
        self.push(text, lambda: service.restore(kind, new_id), lambda: remove(new_id),
                  amendment)
        self._select_entry((kind, new_id))
        return str(new_id)

    def _select_entry(self, key: tuple[str, str]) -> None:
        node = self._find_entry(key)
        if node is not None:
            self.agenda.setCurrentItem(node)

    def add_item(self) -> str | None:
        if self.meeting_id is None:
            return None
        service, meeting_id = self._service(), self.meeting_id
        return self._add(
            "item", self.tr("Add agenda item"),
            lambda save: dialogs.ItemDialog(self, save=save).ask_result(),
            lambda draft, amendment: service.add_item(meeting_id, draft, amendment=amendment),
            service.remove_item)

    def add_speech(self) -> str | None:
        item_id = self._entry_parent("item")
        if item_id is None or self.minutes is None:
            return None
        service = self._service()
        names = [a.name for a in self.minutes.attendees]
        return self._add(
            "speech", self.tr("Add speech"),
            lambda save: dialogs.SpeechDialog(self, save=save, names=names).ask_result(),
            lambda draft, amendment: service.add_speech(item_id, draft, amendment=amendment),
            service.remove_speech)

    def resolution_dialog(self, save: Callable[[Any], Any], draft: Any = None) -> Any:
        assert self.minutes is not None
        base, base_name = self.vote_base(self.minutes)
        return dialogs.ResolutionDialog(
            self, save=save, present=self.minutes.attendance.present, base=base,
            base_name=base_name, draft=draft).ask_result()

    def add_resolution(self) -> str | None:
        item_id = self._entry_parent("item")
        if item_id is None:
            return None
        service = self._service()
        return self._add(
            "resolution", self.tr("Add resolution"), self.resolution_dialog,
            lambda draft, amendment: service.add_resolution(item_id, draft,
                                                            amendment=amendment),
            service.remove_resolution)

    def add_follow_up(self) -> str | None:
        resolution_id = self._entry_parent("resolution")
        if resolution_id is None:
            return None
        service = self._service()
        return self._add(
            "follow_up", self.tr("Add follow-up"),
            lambda save: dialogs.FollowUpDialog(self, save=save,
                                                today=service.today()).ask_result(),
            lambda draft, _amendment: service.add_follow_up(resolution_id, draft),
            service.remove_follow_up, locked_minutes=False)

    def edit_agenda_entry(self) -> None:
        entry = self.agenda_entry()
        if entry is None or self.minutes is None or self.read_only():
            return
        from gridoffice.services.meetings import ItemDraft, ResolutionDraft, SpeechDraft

        kind, row_id = entry
        service = self._service()
        if kind == "follow_up":
            saved = dialogs.FollowUpDialog(
                self, save=lambda d: service.update_follow_up(row_id, d) or True,
                today=service.today(), draft=service.follow_up_draft(row_id)).ask_result()
            if saved:
                self.refresh()
            return
        amendment = self.ask_amendment()
        if amendment is NOT_ASKED:
            return
        row = self._find(kind, row_id)
        if kind == "item":
            saved = dialogs.ItemDialog(
                self, draft=ItemDraft(row.title, row.source, row.proposer, row.content),
                save=lambda d: service.update_item(row_id, d, amendment=amendment) or True
            ).ask_result()
        elif kind == "speech":
            saved = dialogs.SpeechDialog(
                self, draft=SpeechDraft(row.speaker, row.summary),
                names=[a.name for a in self.minutes.attendees],
                save=lambda d: service.update_speech(row_id, d, amendment=amendment) or True
            ).ask_result()
        else:
            saved = self.resolution_dialog(
                lambda d: service.update_resolution(row_id, d, amendment=amendment) or True,
                ResolutionDraft(row.text, row.method, row.yes, row.no, row.abstain,
                                row.result == rules.DEFERRED))
        if saved:
            self.refresh()

    def complete_follow_up(self) -> None:
        entry = self.agenda_entry()
        if entry is None or entry[0] != "follow_up" or self.read_only():
            return
        service = self._service()
        before = service.follow_up_draft(entry[1])
        if self._try(lambda: service.complete_follow_up(entry[1]) or True):
            self.push(self.tr("Complete follow-up"),
                      lambda: service.complete_follow_up(entry[1]),
                      lambda: service.update_follow_up(entry[1], before))

    def remove_agenda_entry(self) -> None:
        entry = self.agenda_entry()
        if entry is None or self.read_only():
            return
        kind, row_id = entry
        node = self.agenda.currentItem()
        if not messages.confirm(self, self.tr("Remove “{text}”?").format(text=node.text(0))):
            return
        amendment = None if kind == "follow_up" else self.ask_amendment()
        if amendment is NOT_ASKED:
            return
        service = self._service()
        remove: Callable[[], object] = {
            "item": lambda: service.remove_item(row_id, amendment=amendment),
            "speech": lambda: service.remove_speech(row_id, amendment=amendment),
            "resolution": lambda: service.remove_resolution(row_id, amendment=amendment),
            "follow_up": lambda: service.remove_follow_up(row_id),
        }[kind]
        if self._try(lambda: remove() or True):
            self.push(self.tr("Remove from the agenda"), remove,
                      lambda: service.restore(kind, row_id), amendment)

    def move_item(self, step: int) -> None:
        entry = self.agenda_entry()
        if entry is None or entry[0] != "item" or self.read_only():
            return
        service, item_id = self._service(), entry[1]
        if self._try(lambda: service.move_item(item_id, step) or True):
            self.push(self.tr("Move agenda item"), lambda: service.move_item(item_id, step),
                      lambda: service.move_item(item_id, -step))

    # --- attachments ----------------------------------------------------------------------
    def ask_files(self) -> list[str]:
        """The files to attach (the seam tests replace)."""
        paths, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Attach files"), "",
            self.tr("Images and PDF (*.jpg *.jpeg *.png *.gif *.bmp *.tif *.tiff *.webp *.pdf)"))
        return paths

    def add_attachments(self) -> None:
        self.add_attachment_files(self.ask_files())

    def add_attachment_files(self, paths: list[str]) -> int:
        if self.meeting_id is None or not paths or self.read_only():
            return 0
        service, added = self._service(), []
        for name in paths:
            path = Path(name)
            kind = "scan" if path.suffix.lower() == ".pdf" else "photo"
            new_id = self._try(lambda p=path, k=kind: service.add_attachment(
                self.meeting_id or "", p, k))
            if new_id is None:
                break
            added.append(new_id)
        if added:
            self.push(self.tr("Attach %n file(s)", "", len(added)),
                      lambda: [service.restore("attachment", i) for i in added],
                      lambda: [service.remove_attachment(i) for i in added])
            self.status_message.emit(self.tr("%n file(s) attached.", "", len(added)))
        return len(added)

    def current_attachment(self) -> Any:
        index = self.attachment_view.currentIndex()
        return self.attachment_model.row_at(index.row()) if index.isValid() else None

    def open_attachment(self) -> Path | None:
        row = self.current_attachment()
        if row is None:
            return None
        name, _mime, content = self._service().attachment_content(row.id)
        # A private folder of this run, removed when the program closes: copies of
        # signed sheets must not pile up in the shared temporary folder.
        if self._opened_dir is None:
            self._opened_dir = Path(tempfile.mkdtemp(prefix="gridoffice-attachments-"))
        folder = self._opened_dir / row.id
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / Path(name).name
        path.write_bytes(content)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            messages.warn(self, self.tr("The file {path} could not be opened.").format(
                path=str(path)))
        return path

    def remove_opened_attachments(self) -> None:
        """Delete the copies opened in other programs (at shutdown)."""
        if self._opened_dir is not None:
            shutil.rmtree(self._opened_dir, ignore_errors=True)
            self._opened_dir = None

    def remove_attachment(self) -> None:
        row = self.current_attachment()
        if row is None or self.read_only() or not messages.confirm(
                self, self.tr("Remove the attachment {name}?").format(name=row.file_name)):
            return
        service = self._service()
        if self._try(lambda: service.remove_attachment(row.id) or True):
            self.push(self.tr("Remove attachment"), lambda: service.remove_attachment(row.id),
                      lambda: service.restore("attachment", row.id))
