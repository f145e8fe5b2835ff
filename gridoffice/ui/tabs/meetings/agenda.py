"""The agenda page of the meeting detail: the items in their order, and under each
its speeches and resolutions, under a resolution its follow-ups.

Every change goes through the panel (:class:`~.detail.MeetingDetailPanel`): the
amendment reason once the minutes are approved (not for follow-ups: tracking them
is no change to the minutes), the undo stack otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QToolButton, QTreeWidget, QTreeWidgetItem, QWidget

from gridoffice.domain import meetings as rules
from gridoffice.ui import messages
from gridoffice.ui.dialogs import meeting_dialogs as dialogs
from gridoffice.ui.labels import code_label, date_text
from gridoffice.ui.tabs.meetings.common import NOT_ASKED, button_row, lay_out_page, on_delete

if TYPE_CHECKING:
    from gridoffice.services.meetings import Minutes
    from gridoffice.ui.tabs.meetings.detail import MeetingDetailPanel

KIND_ROLE = Qt.ItemDataRole.UserRole


class AgendaPage(QWidget):
    """See the module docstring. An entry is ``(kind, id)``: kind is "item",
    "speech", "resolution" or "follow_up"."""

    def __init__(self, panel: MeetingDetailPanel) -> None:
        super().__init__(panel)
        self.panel = panel
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
        self.agenda.currentItemChanged.connect(lambda *_a: panel.update_buttons())
        row, buttons = button_row(self, [
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
        on_delete(self.agenda, self.remove_agenda_entry)
        lay_out_page(self, row, self.agenda)

    # --- showing --------------------------------------------------------------------------
    def fill(self, minutes: Minutes) -> None:
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
                self._fill_resolution(node, resolution)
        self.agenda.expandAll()
        if current is not None:
            select = self._find_entry(current)
        if select is not None:
            self.agenda.setCurrentItem(select)

    def _fill_resolution(self, parent: QTreeWidgetItem, resolution: Any) -> None:
        votes = self.tr("yes {yes}, no {no}, abstain {abstain} ({method})").format(
            yes=resolution.yes, no=resolution.no, abstain=resolution.abstain,
            method=code_label(rules.VOTE_METHODS, resolution.method))
        child = self._node(parent, ("resolution", resolution.id), [
            self.tr("Resolution: {text}").format(text=" ".join(resolution.text.split())),
            votes, code_label(rules.RESULTS, resolution.result)])
        for follow in resolution.follow_ups:
            due = self.tr("{owner}, due {date}").format(
                owner=follow.owner, date=date_text(follow.due_date, "—"))
            self._node(child, ("follow_up", follow.id), [
                self.tr("Follow-up: {task}").format(task=" ".join(follow.task.split())),
                due, code_label(rules.FOLLOW_UP_STATUS, follow.state)])

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

    def update_buttons(self, here: bool) -> None:
        self.add_item_button.setEnabled(here)
        entry = self.agenda_entry()
        kind = entry[0] if entry else None
        for button in (self.add_speech_button, self.add_resolution_button,
                       self.edit_entry_button, self.remove_entry_button):
            button.setEnabled(kind is not None)
        self.add_follow_up_button.setEnabled(kind in ("resolution", "follow_up"))
        self.complete_button.setEnabled(kind == "follow_up")
        self.up_button.setEnabled(kind == "item")
        self.down_button.setEnabled(kind == "item")

    def editing_buttons(self) -> list[QToolButton]:
        """The buttons that change the meeting (off for a community's at the street)."""
        return [self.add_item_button, self.add_speech_button, self.add_resolution_button,
                self.edit_entry_button, self.remove_entry_button, self.add_follow_up_button,
                self.complete_button, self.up_button, self.down_button]

    # --- the selected entry ---------------------------------------------------------------
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
        assert self.panel.minutes is not None
        for item in self.panel.minutes.items:
            if kind == "item" and item.id == row_id:
                return item
            for speech in item.speeches:
                if kind == "speech" and speech.id == row_id:
                    return speech
            for resolution in item.resolutions:
                if kind == "resolution" and resolution.id == row_id:
                    return resolution
        return None

    def _select_entry(self, key: tuple[str, str]) -> None:
        node = self._find_entry(key)
        if node is not None:
            self.agenda.setCurrentItem(node)

    # --- adding ---------------------------------------------------------------------------
    def vote_base(self, minutes: Minutes) -> tuple[int, str]:
        if minutes.vote_base == "expected":
            return minutes.attendance.expected, code_label(rules.VOTE_BASES, "expected")
        return minutes.attendance.present, code_label(rules.VOTE_BASES, "present")

    def _add(self, kind: str, text: str, dialog: Callable[[Callable[[Any], Any]], Any],
             add: Callable[[Any, Any], str], remove: Callable[[str], object],
             locked_minutes: bool = True) -> str | None:
        """Ask the amendment reason (if needed), run the form, push the undo command."""
        panel = self.panel
        if panel.read_only():
            return None
        amendment = panel.ask_amendment() if locked_minutes else None
        if amendment is NOT_ASKED:
            return None
        service = panel.require_service()
        new_id = dialog(lambda draft: add(draft, amendment))
        if new_id is None:
            return None
        panel.push(text, lambda: service.restore(kind, new_id), lambda: remove(new_id),
                   amendment)
        self._select_entry((kind, new_id))
        return str(new_id)

    def add_item(self) -> str | None:
        if self.panel.meeting_id is None:
            return None
        service, meeting_id = self.panel.require_service(), self.panel.meeting_id
        return self._add(
            "item", self.tr("Add agenda item"),
            lambda save: dialogs.ItemDialog(self, save=save).ask_result(),
            lambda draft, amendment: service.add_item(meeting_id, draft, amendment=amendment),
            service.remove_item)

    def add_speech(self) -> str | None:
        item_id = self._entry_parent("item")
        if item_id is None or self.panel.minutes is None:
            return None
        service = self.panel.require_service()
        names = [a.name for a in self.panel.minutes.attendees]
        return self._add(
            "speech", self.tr("Add speech"),
            lambda save: dialogs.SpeechDialog(self, save=save, names=names).ask_result(),
            lambda draft, amendment: service.add_speech(item_id, draft, amendment=amendment),
            service.remove_speech)

    def resolution_dialog(self, save: Callable[[Any], Any], draft: Any = None) -> Any:
        minutes = self.panel.minutes
        assert minutes is not None
        base, base_name = self.vote_base(minutes)
        return dialogs.ResolutionDialog(
            self, save=save, present=minutes.attendance.present, base=base,
            base_name=base_name, draft=draft).ask_result()

    def add_resolution(self) -> str | None:
        item_id = self._entry_parent("item")
        if item_id is None:
            return None
        service = self.panel.require_service()
        return self._add(
            "resolution", self.tr("Add resolution"), self.resolution_dialog,
            lambda draft, amendment: service.add_resolution(item_id, draft,
                                                            amendment=amendment),
            service.remove_resolution)

    def add_follow_up(self) -> str | None:
        resolution_id = self._entry_parent("resolution")
        if resolution_id is None:
            return None
        service = self.panel.require_service()
        return self._add(
            "follow_up", self.tr("Add follow-up"),
            lambda save: dialogs.FollowUpDialog(self, save=save,
                                                today=service.today()).ask_result(),
            lambda draft, _amendment: service.add_follow_up(resolution_id, draft),
            service.remove_follow_up, locked_minutes=False)

    # --- changing -------------------------------------------------------------------------
    def edit_agenda_entry(self) -> None:
        panel = self.panel
        entry = self.agenda_entry()
        if entry is None or panel.minutes is None or panel.read_only():
            return
        kind, row_id = entry
        service = panel.require_service()
        if kind == "follow_up":
            saved = dialogs.FollowUpDialog(
                self, save=lambda d: service.update_follow_up(row_id, d) or True,
                today=service.today(), draft=service.follow_up_draft(row_id)).ask_result()
            if saved:
                panel.refresh()
            return
        amendment = panel.ask_amendment()
        if amendment is NOT_ASKED:
            return
        if self._edit_minutes_entry(kind, row_id, amendment):
            panel.refresh()

    def _edit_minutes_entry(self, kind: str, row_id: str, amendment: str | None) -> Any:
        """The form of an item, speech or resolution; whether it was saved."""
        from gridoffice.services.meetings import ItemDraft, ResolutionDraft, SpeechDraft

        minutes = self.panel.minutes
        assert minutes is not None
        service = self.panel.require_service()
        row = self._find(kind, row_id)
        if kind == "item":
            return dialogs.ItemDialog(
                self, draft=ItemDraft(row.title, row.source, row.proposer, row.content),
                save=lambda d: service.update_item(row_id, d, amendment=amendment) or True
            ).ask_result()
        if kind == "speech":
            return dialogs.SpeechDialog(
                self, draft=SpeechDraft(row.speaker, row.summary),
                names=[a.name for a in minutes.attendees],
                save=lambda d: service.update_speech(row_id, d, amendment=amendment) or True
            ).ask_result()
        return self.resolution_dialog(
            lambda d: service.update_resolution(row_id, d, amendment=amendment) or True,
            ResolutionDraft(row.text, row.method, row.yes, row.no, row.abstain,
                            row.result == rules.DEFERRED))

    def complete_follow_up(self) -> None:
        panel = self.panel
        entry = self.agenda_entry()
        if entry is None or entry[0] != "follow_up" or panel.read_only():
            return
        service = panel.require_service()
        before = service.follow_up_draft(entry[1])
        if panel.attempt(lambda: service.complete_follow_up(entry[1]) or True):
            panel.push(self.tr("Complete follow-up"),
                       lambda: service.complete_follow_up(entry[1]),
                       lambda: service.update_follow_up(entry[1], before))

    def remove_agenda_entry(self) -> None:
        panel = self.panel
        entry = self.agenda_entry()
        if entry is None or panel.read_only():
            return
        kind, row_id = entry
        node = self.agenda.currentItem()
        if not messages.confirm(self, self.tr("Remove “{text}”?").format(text=node.text(0))):
            return
        amendment = None if kind == "follow_up" else panel.ask_amendment()
        if amendment is NOT_ASKED:
            return
        service = panel.require_service()
        remove: Callable[[], object] = {
            "item": lambda: service.remove_item(row_id, amendment=amendment),
            "speech": lambda: service.remove_speech(row_id, amendment=amendment),
            "resolution": lambda: service.remove_resolution(row_id, amendment=amendment),
            "follow_up": lambda: service.remove_follow_up(row_id),
        }[kind]
        if panel.attempt(lambda: remove() or True):
            panel.push(self.tr("Remove from the agenda"), remove,
                       lambda: service.restore(kind, row_id), amendment)

    def move_item(self, step: int) -> None:
        panel = self.panel
        entry = self.agenda_entry()
        if entry is None or entry[0] != "item" or panel.read_only():
            return
        service, item_id = panel.require_service(), entry[1]
        if panel.attempt(lambda: service.move_item(item_id, step) or True):
            panel.push(self.tr("Move agenda item"), lambda: service.move_item(item_id, step),
                       lambda: service.move_item(item_id, -step))
