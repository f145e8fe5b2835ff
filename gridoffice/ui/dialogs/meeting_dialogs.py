"""Dialogs of the meetings tab: the meeting form, the attendee picker and the
attendee form, agenda item, speech, resolution (result computed live) and
follow-up forms, a reason (cancellation or amendment) and the meeting rules.

Each form calls its ``save`` callback (a service call) on OK, so a refusal
shows inline and nothing is stored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTime, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from gridoffice.domain import meetings as rules
from gridoffice.errors import ValidationError
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.ui.dialogs.form import FormDialog
from gridoffice.ui.dialogs.resident_dialogs import code_combo, select_data
from gridoffice.ui.labels import code_label
from gridoffice.ui.widgets.date_field import DateField
from gridoffice.ui.widgets.inputs import plain_text_edit

if TYPE_CHECKING:
    from gridoffice.services.meetings import (
        AttendeeDraft,
        AttendeeRow,
        FollowUpDraft,
        ItemDraft,
        MeetingDraft,
        MeetingRules,
        Person,
        ResolutionDraft,
        SpeechDraft,
    )

Save = Callable[[Any], Any]
SEARCH_DELAY_MS = 150
MSG_BAD_DATES = QT_TRANSLATE_NOOP(
    "errors", "{field}: {text} cannot be read as a date. Write dates like 2026-10-01, "
    "2026/10/1 or 2026年10月1日, separated by commas; a run of days like 2026年10月1日至7日.")


def _qtime(value: dt.time) -> QTime:
    return QTime(value.hour, value.minute)


def _time(edit: QTimeEdit) -> dt.time:
    value = edit.time()
    return dt.time(value.hour(), value.minute())


def _time_edit(parent: QWidget, value: dt.time) -> QTimeEdit:
    edit = QTimeEdit(_qtime(value), parent)
    edit.setDisplayFormat("HH:mm")
    return edit


def _count(parent: QWidget, value: int = 0) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setRange(0, 9999)
    spin.setValue(value)
    return spin


class MeetingDialog(FormDialog):
    """A meeting: type, session, title, date and times, place, host, recorder, notes.

    Attendance is never typed: it is counted from the attendees' sign-in marks."""

    def __init__(self, parent: QWidget | None, *, save: Callable[[MeetingDraft, bool], Any],
                 draft: MeetingDraft | None = None, new: bool = True, intro: str = "",
                 copy_label: str = "") -> None:
        super().__init__(parent, "")
        self.setWindowTitle(self.tr("New meeting") if new else self.tr("Edit meeting"))
        self._save = save
        self.draft = draft
        if intro:
            self.set_intro(intro)
        self.type_combo = code_combo(self, rules.MEETING_TYPES)
        self.add_row("meeting_type", self.tr("Type"), self.type_combo)
        self.session_spin = self.add_row("session_no", self.tr("Session"), QSpinBox(self))
        self.session_spin.setRange(0, 9999)
        self.session_spin.setSpecialValueText("—")
        self.session_spin.setPrefix(self.tr("No. "))
        self.session_spin.setSuffix(self.tr(" ", "after the session number: 第 12 期"))
        self.title_edit = self.add_row("title", self.tr("Title"), QLineEdit(self))
        self.date_edit = self.add_row("start_at", self.tr("Date"), DateField(self))
        times = QWidget(self)
        start = draft.start_at if draft and draft.start_at else None
        self.start_time = _time_edit(times, start.time() if start else rules.COUNCIL_TIME)
        end = draft.end_at if draft and draft.end_at else None
        self.end_check = QCheckBox(self.tr("until"), times)
        self.end_time = _time_edit(times, end.time() if end else dt.time(16, 30))
        self.end_check.setChecked(end is not None or draft is None)
        self.end_check.toggled.connect(self.end_time.setEnabled)
        self.end_time.setEnabled(self.end_check.isChecked())
        row = QHBoxLayout(times)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.start_time, self.end_check, self.end_time):
            row.addWidget(widget)
        row.addStretch(1)
        self.add_row(None, self.tr("Time"), times)
        self.register_field("end_at", self.tr("End"), self.end_time)
        self.place_edit = self.add_row("place", self.tr("Place"), QLineEdit(self))
        self.host_edit = self.add_row("host", self.tr("Host"), QLineEdit(self))
        self.recorder_edit = self.add_row("recorder", self.tr("Recorder"), QLineEdit(self))
        self.content_edit = self.add_row("content", self.tr("Content"), plain_text_edit(self))
        self.copy_check = QCheckBox(copy_label, self)
        if copy_label:
            self.add_row(None, self.tr("Attendees"), self.copy_check)
            self.copy_check.setChecked(True)
        else:
            self.copy_check.hide()
        if draft is not None:
            select_data(self.type_combo, draft.meeting_type)
            self.session_spin.setValue(draft.session_no or 0)
            self.title_edit.setText(draft.title)
            self.date_edit.set_date(start.date() if start else None)
            self.place_edit.setText(draft.place)
            self.host_edit.setText(draft.host)
            self.recorder_edit.setText(draft.recorder)
            self.content_edit.setPlainText(draft.content)

    def perform(self) -> Any:
        from dataclasses import replace

        from gridoffice.services.meetings import MeetingDraft

        day = self.date_of("start_at", required=True)
        assert day is not None
        start = dt.datetime.combine(day, _time(self.start_time))
        end = dt.datetime.combine(day, _time(self.end_time)) if self.end_check.isChecked() \
            else None
        base = self.draft or MeetingDraft(str(self.type_combo.currentData()), None)
        return self._save(replace(
            base, meeting_type=str(self.type_combo.currentData()), start_at=start, end_at=end,
            session_no=self.session_spin.value() or None, title=self.title_edit.text(),
            place=self.place_edit.text(), host=self.host_edit.text(),
            recorder=self.recorder_edit.text(), content=self.content_edit.toPlainText()),
            self.copy_check.isChecked() and not self.copy_check.isHidden())


def unit_completer(edit: QLineEdit, units: Sequence[str]) -> None:
    """Offer the units of the area while a unit's name is typed (a joint meeting's
    representatives); any other name may still be typed."""
    if units:
        completer = QCompleter(list(units), edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        edit.setCompleter(completer)


class AttendeePickerDialog(FormDialog):
    """Search residents and party members (name, pinyin, initials) and pick one or
    several; or type a name (a guest, a unit's representative)."""

    def __init__(self, parent: QWidget | None, *, people: Callable[[str], list[Person]],
                 save: Callable[[list[AttendeeDraft]], Any], units: Sequence[str] = ()) -> None:
        super().__init__(parent, "")
        self.setWindowTitle(self.tr("Add attendees"))
        self._people = people
        self._save = save
        self.search_edit = self.add_row("search", self.tr("Search"), QLineEdit(self))
        self.search_edit.setPlaceholderText(self.tr("Name, pinyin or initials (zw)"))
        self.search_edit.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.results.setMinimumHeight(160)
        self.add_row(None, self.tr("Found"), self.results)
        self.name_edit = self.add_row("name", self.tr("Or type a name"), QLineEdit(self))
        self.unit_edit = self.add_row("unit", self.tr("Unit"), QLineEdit(self))
        unit_completer(self.unit_edit, units)
        self.identity_combo = code_combo(self, rules.ATTENDEE_IDENTITIES,
                                         empty=self.tr("(as found)"))
        self.add_row("identity", self.tr("Identity"), self.identity_combo)
        self.observer_check = self.add_row(
            "presence", self.tr("Attends as"), QCheckBox(code_label(rules.PRESENCE,
                                                                    rules.OBSERVER), self))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search)
        self.search_edit.textChanged.connect(lambda _t: self._timer.start())
        self.search_edit.returnPressed.connect(self.search)

    def search(self) -> None:
        self._timer.stop()
        self.results.clear()
        for person in self._people(self.search_edit.text()):
            text = "  ".join(filter(None, [person.name, person.detail,
                                           code_label(rules.PERSON_KINDS, person.kind)]))
            item = QListWidgetItem(text, self.results)
            item.setData(Qt.ItemDataRole.UserRole, person)

    def drafts(self) -> list[AttendeeDraft]:
        from gridoffice.services.meetings import AttendeeDraft

        identity = self.identity_combo.currentData()
        presence = rules.OBSERVER if self.observer_check.isChecked() else None
        people = [item.data(Qt.ItemDataRole.UserRole) for item in self.results.selectedItems()]
        drafts = [AttendeeDraft(p.name, identity or p.identity, p.kind, p.id, None, presence)
                  for p in people]
        if self.name_edit.text().strip() or not drafts:
            drafts.append(AttendeeDraft(self.name_edit.text(), identity, "free", None,
                                        self.unit_edit.text(), presence))
        return drafts

    def perform(self) -> Any:
        return self._save(self.drafts())


class AttendeeDialog(FormDialog):
    """One attendee: identity, unit, presence and the reason of an absence."""

    def __init__(self, parent: QWidget | None, *, row: AttendeeRow,
                 save: Callable[[AttendeeDraft], Any], units: Sequence[str] = ()) -> None:
        super().__init__(parent, "")
        self.setWindowTitle(self.tr("Attendee {name}").format(name=row.name))
        self.row = row
        self._save = save
        self.name_edit = self.add_row("name", self.tr("Name"), QLineEdit(row.name, self),
                                      required=True)
        self.name_edit.setReadOnly(row.person_kind != "free")
        self.identity_combo = code_combo(self, rules.ATTENDEE_IDENTITIES, empty="—")
        select_data(self.identity_combo, row.identity)
        self.add_row("identity", self.tr("Identity"), self.identity_combo)
        self.unit_edit = self.add_row("unit", self.tr("Unit"), QLineEdit(row.unit or "", self))
        unit_completer(self.unit_edit, units)
        self.presence_combo = code_combo(self, rules.PRESENCE, empty=self.tr("not marked"))
        select_data(self.presence_combo, row.presence)
        self.add_row("presence", self.tr("Presence"), self.presence_combo)
        self.reason_edit = self.add_row("absence_reason", self.tr("Absence reason"),
                                        QLineEdit(row.absence_reason or "", self))
        self.presence_combo.currentIndexChanged.connect(lambda _i: self._update())
        self._update()

    def _update(self) -> None:
        self.reason_edit.setEnabled(
            self.presence_combo.currentData() in (rules.LEAVE, rules.ABSENT))

    def perform(self) -> Any:
        from gridoffice.services.meetings import AttendeeDraft

        row = self.row
        return self._save(AttendeeDraft(
            self.name_edit.text(), self.identity_combo.currentData(), row.person_kind,
            row.person_id, self.unit_edit.text(), self.presence_combo.currentData(),
            self.reason_edit.text()))


class ItemDialog(FormDialog):
    def __init__(self, parent: QWidget | None, *, save: Callable[[ItemDraft], Any],
                 draft: ItemDraft | None = None) -> None:
        super().__init__(parent, "")
        self.setWindowTitle(self.tr("Edit agenda item") if draft else self.tr("New agenda item"))
        self._save = save
        self.title_edit = self.add_row("title", self.tr("Title"), QLineEdit(self),
                                       required=True)
        self.source_combo = code_combo(self, rules.AGENDA_SOURCES, empty="—")
        self.add_row("source", self.tr("Raised by"), self.source_combo)
        self.proposer_edit = self.add_row("proposer", self.tr("Proposer"), QLineEdit(self))
        self.content_edit = self.add_row("content", self.tr("Content"), plain_text_edit(self))
        if draft is not None:
            self.title_edit.setText(draft.title)
            select_data(self.source_combo, draft.source)
            self.proposer_edit.setText(draft.proposer or "")
            self.content_edit.setPlainText(draft.content)

    def perform(self) -> Any:
        from gridoffice.services.meetings import ItemDraft

        return self._save(ItemDraft(self.title_edit.text(), self.source_combo.currentData(),
                                    self.proposer_edit.text(),
                                    self.content_edit.toPlainText()))


class SpeechDialog(FormDialog):
    def __init__(self, parent: QWidget | None, *, save: Callable[[SpeechDraft], Any],
                 names: Sequence[str] = (), draft: SpeechDraft | None = None) -> None:
        super().__init__(parent, "")
        self.setWindowTitle(self.tr("Edit speech") if draft else self.tr("New speech"))
        self._save = save
        self.speaker_edit = self.add_row("speaker", self.tr("Speaker"), QLineEdit(self),
                                         required=True)
        self.speaker_edit.setCompleter(QCompleter(list(names), self))
        self.summary_edit = self.add_row("summary", self.tr("Summary"),
                                         plain_text_edit(self, "", 110))
        if draft is not None:
            self.speaker_edit.setText(draft.speaker)
            self.summary_edit.setPlainText(draft.summary)

    def perform(self) -> Any:
        from gridoffice.services.meetings import SpeechDraft

        return self._save(SpeechDraft(self.speaker_edit.text(),
                                      self.summary_edit.toPlainText()))


class ResolutionDialog(FormDialog):
    """What was decided, how it was voted, and the result by the vote rule."""

    def __init__(self, parent: QWidget | None, *, save: Callable[[ResolutionDraft], Any],
                 present: int, base: int, base_name: str,
                 draft: ResolutionDraft | None = None) -> None:
        super().__init__(parent, "")
        self.setWindowTitle(self.tr("Edit resolution") if draft else self.tr("New resolution"))
        self._save = save
        self.base = base
        self.set_intro(self.tr("{present} present; passes when more than half of {base} "
                               "({base_name}) vote yes.").format(
            present=present, base=base, base_name=base_name))
        self.text_edit = self.add_row("text", self.tr("Resolution"), plain_text_edit(self))
        self.method_combo = code_combo(self, rules.VOTE_METHODS)
        self.add_row("method", self.tr("Method"), self.method_combo)
        self.yes_spin = self.add_row("votes", self.tr("Yes"), _count(self))
        self.no_spin = self.add_row(None, self.tr("No"), _count(self))
        self.abstain_spin = self.add_row(None, self.tr("Abstain"), _count(self))
        self.deferred_check = self.add_row(
            "deferred", self.tr("Decision"), QCheckBox(self.tr("Deferred"), self))
        self.result_label = self.add_row(None, self.tr("Result"), QLabel(self))
        self.result_label.setObjectName("resolutionResult")
        if draft is not None:
            self.text_edit.setPlainText(draft.text)
            select_data(self.method_combo, draft.method)
            self.yes_spin.setValue(draft.yes)
            self.no_spin.setValue(draft.no)
            self.abstain_spin.setValue(draft.abstain)
            self.deferred_check.setChecked(draft.deferred)
        for spin in (self.yes_spin, self.no_spin, self.abstain_spin):
            spin.valueChanged.connect(lambda _v: self.update_result())
        self.deferred_check.toggled.connect(lambda _c: self.update_result())
        self.update_result()

    def computed_result(self) -> str:
        if self.deferred_check.isChecked():
            return rules.DEFERRED
        return rules.vote_result(self.yes_spin.value(), self.no_spin.value(),
                                 self.abstain_spin.value(), self.base)

    def update_result(self) -> None:
        result = self.computed_result()
        color = {"passed": "#2e7d32", "rejected": "#c62828"}.get(result, "#8a4b00")
        self.result_label.setStyleSheet(f"color: {color}; font-weight: bold;")
        self.result_label.setText(code_label(rules.RESULTS, result))

    def perform(self) -> Any:
        from gridoffice.services.meetings import ResolutionDraft

        return self._save(ResolutionDraft(
            self.text_edit.toPlainText(), str(self.method_combo.currentData()),
            self.yes_spin.value(), self.no_spin.value(), self.abstain_spin.value(),
            self.deferred_check.isChecked()))


class FollowUpDialog(FormDialog):
    """One follow-up (落实分工): task, owner, due date, status, done date, feedback,
    published. ``save(draft)`` is the service call; its errors show inline."""

    def __init__(self, parent: QWidget | None, *, save: Callable[[FollowUpDraft], Any],
                 today: dt.date, draft: FollowUpDraft | None = None, title: str = "",
                 context: str = "") -> None:
        super().__init__(parent, title or (self.tr("Edit follow-up") if draft
                                           else self.tr("New follow-up")))
        self._save = save
        self.today = today
        if context:
            self.set_intro(context)
        self.task_edit = self.add_row("task", self.tr("Task"), plain_text_edit(self, "", 56))
        self.owner_edit = self.add_row("owner", self.tr("Owner"), QLineEdit(self),
                                       required=True)
        self.owner_edit.setPlaceholderText(self.tr("A person or a unit, e.g. 物业公司"))
        self.due_edit = self.add_row("due_date", self.tr("Due"), DateField(self))
        self.status_combo = code_combo(self, rules.FOLLOW_UP_STATUS, skip=(rules.OVERDUE,))
        self.add_row("status", self.tr("Status"), self.status_combo)
        self.done_edit = self.add_row("done_on", self.tr("Done on"), DateField(self))
        self.feedback_edit = self.add_row("feedback", self.tr("Feedback"), plain_text_edit(self))
        self.published_check = self.add_row(
            "published", self.tr("Residents"), QCheckBox(self.tr("Published to residents"),
                                                         self))
        if draft is not None:
            self.task_edit.setPlainText(draft.task)
            self.owner_edit.setText(draft.owner)
            self.due_edit.set_date(draft.due_date)
            select_data(self.status_combo, draft.status)
            self.done_edit.set_date(draft.done_on)
            self.feedback_edit.setPlainText(draft.feedback)
            self.published_check.setChecked(draft.published)
        self.status_combo.currentIndexChanged.connect(lambda _i: self._update())
        self._update()
        self.setMinimumWidth(520)

    def _update(self) -> None:
        done = self.status_combo.currentData() == rules.DONE
        self.done_edit.setEnabled(done)
        if done and not self.done_edit.text().strip():
            self.done_edit.set_date(self.today)

    def draft(self) -> FollowUpDraft:
        from gridoffice.services.meetings import FollowUpDraft

        status = str(self.status_combo.currentData())
        return FollowUpDraft(
            self.task_edit.toPlainText(), self.owner_edit.text(), self.date_of("due_date"),
            status, self.date_of("done_on") if status == rules.DONE else None,
            self.feedback_edit.toPlainText(), self.published_check.isChecked())

    def perform(self) -> Any:
        draft = self.draft()
        result = self._save(draft)
        return draft if result is None else result


class ReasonDialog(FormDialog):
    """One line of reason: why a meeting is cancelled, or why approved minutes change."""

    def __init__(self, parent: QWidget | None, *, title: str, intro: str, label: str,
                 key: str, save: Callable[[str], Any] | None = None) -> None:
        super().__init__(parent, title)
        self.set_intro(intro)
        self._save = save
        self.reason_edit = self.add_row(key, label, QLineEdit(self), required=True)

    def perform(self) -> Any:
        text = " ".join(self.reason_edit.text().split())
        return self._save(text) if self._save is not None else text


class RulesDialog(FormDialog):
    """The meeting rules: council day and time, moving off days off, holidays and
    调休 workdays, the vote base and the usual place."""

    def __init__(self, parent: QWidget | None, *, value: MeetingRules,
                 save: Callable[[MeetingRules], Any]) -> None:
        super().__init__(parent, "")
        self.setWindowTitle(self.tr("Meeting rules"))
        self._save = save
        self.day_spin = self.add_row("council_day", self.tr("Council day"), QSpinBox(self))
        self.day_spin.setRange(1, 28)
        self.day_spin.setValue(value.council_day)
        self.day_spin.setPrefix(self.tr("day "))
        self.day_spin.setSuffix(self.tr(" ", "after the council day: 每月 10 日"))
        self.move_check = self.add_row(None, self.tr("Days off"), QCheckBox(
            self.tr("Move to the next working day"), self))
        self.move_check.setChecked(value.move_off_days_off)
        self.time_edit = self.add_row("council_time", self.tr("Time"),
                                      _time_edit(self, value.council_time))
        dates = lambda values: ", ".join(sorted(d.isoformat() for d in values))  # noqa: E731
        self.holidays_edit = self.add_row("holidays", self.tr("Public holidays"),
                                          plain_text_edit(self, dates(value.holidays), 56))
        self.holidays_edit.setPlaceholderText(self.tr("2026-10-01, 2026/10/2, 2026年10月3日至7日"))
        self.workdays_edit = self.add_row("workdays", self.tr("Weekend workdays"),
                                          plain_text_edit(self, dates(value.workdays), 56))
        self.base_combo = code_combo(self, rules.VOTE_BASES)
        select_data(self.base_combo, value.vote_base)
        self.add_row("vote_base", self.tr("Vote base"), self.base_combo)
        self.place_edit = self.add_row("place", self.tr("Usual place"),
                                       QLineEdit(value.place, self))

    def perform(self) -> Any:
        from gridoffice.services.meetings import MeetingRules

        value = MeetingRules(
            council_day=self.day_spin.value(), move_off_days_off=self.move_check.isChecked(),
            council_time=_time(self.time_edit),
            holidays=frozenset(self._dates("holidays", self.holidays_edit)),
            workdays=frozenset(self._dates("workdays", self.workdays_edit)),
            vote_base=str(self.base_combo.currentData()), place=self.place_edit.text().strip())
        self._save(value)
        return value

    def _dates(self, key: str, edit: QPlainTextEdit) -> set[dt.date]:
        """The dates typed in ``edit``, or a ValidationError naming what is not one."""
        found, bad = rules.read_dates(edit.toPlainText())
        if bad:
            raise ValidationError(key, MSG_BAD_DATES, field=self._labels[key],
                                  text="、".join(bad))
        return found
