"""The meetings' plain data: messages, the council rules, drafts, rows, queries and
summaries, and the recorded change of an amendment."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from gridoffice.domain import meetings as rules
from gridoffice.domain.codes import CodeTable
from gridoffice.errors import ValidationError
from gridoffice.i18n import QT_TRANSLATE_NOOP, catalog
from gridoffice.services.common import check_code
from gridoffice.store import settings

MSG_MEETING_MISSING = QT_TRANSLATE_NOOP("errors", "The meeting no longer exists.")
MSG_START = QT_TRANSLATE_NOOP("errors", "Start: enter when the meeting starts.")
MSG_END_BEFORE = QT_TRANSLATE_NOOP("errors", "End: {end} is not after the start {start}.")
MSG_END_LONG = QT_TRANSLATE_NOOP("errors", "End: the meeting would last more than a day.")
MSG_SESSION_NUMBER = QT_TRANSLATE_NOOP("errors", "Session: {value} is not a positive number.")
MSG_SESSION_TAKEN = QT_TRANSLATE_NOOP(
    "errors", "Session: session {number} of this type already exists ({date}).")
MSG_HEADCOUNT_NEGATIVE = QT_TRANSLATE_NOOP("errors", "{field}: a count cannot be negative.")
MSG_HEADCOUNT_OVER = QT_TRANSLATE_NOOP(
    "errors", "Present: {present} is more than the {expected} expected.")
MSG_HEADCOUNT_WITH_LIST = QT_TRANSLATE_NOOP(
    "errors", "Expected: this meeting has a list of attendees; the counts come from it.")
MSG_LOCKED = QT_TRANSLATE_NOOP(
    "errors", "The minutes were approved on {date}. Give a reason: the change is then "
    "recorded as an amendment.")
MSG_CANCELLED = QT_TRANSLATE_NOOP("errors", "The meeting was cancelled.")
MSG_CANCEL_REASON = QT_TRANSLATE_NOOP("errors", "Reason: enter why the meeting is cancelled.")
MSG_CANCEL_APPROVED = QT_TRANSLATE_NOOP(
    "errors", "The minutes are approved; an approved meeting cannot be cancelled.")
MSG_ATTENDEE_NAME = QT_TRANSLATE_NOOP("errors", "Name: enter the attendee's name.")
MSG_ATTENDEE_TWICE = QT_TRANSLATE_NOOP("errors", "Name: {name} is already on the list.")
MSG_ABSENCE_REASON = QT_TRANSLATE_NOOP(
    "errors", "Absence reason: {name} is marked {presence}; enter the reason.")
MSG_PRESENCE_VOTES = QT_TRANSLATE_NOOP(
    "errors", "Presence: {present} would be present, but a resolution already has "
    "{votes} votes. Correct the votes first.")
MSG_ITEM_TITLE = QT_TRANSLATE_NOOP("errors", "Title: enter the agenda item.")
MSG_SPEAKER = QT_TRANSLATE_NOOP("errors", "Speaker: enter who spoke.")
MSG_RESOLUTION_TEXT = QT_TRANSLATE_NOOP("errors", "Resolution: enter what was decided.")
MSG_VOTES_NEGATIVE = QT_TRANSLATE_NOOP("errors", "Votes: a number of votes cannot be negative.")
MSG_VOTES_OVER = QT_TRANSLATE_NOOP(
    "errors", "Votes: {votes} votes (yes {yes}, no {no}, abstain {abstain}) is more than "
    "the {present} present.")
MSG_TASK = QT_TRANSLATE_NOOP("errors", "Task: enter what is to be done.")
MSG_OWNER = QT_TRANSLATE_NOOP("errors", "Owner: enter the person or unit responsible.")
MSG_DUE_BEFORE = QT_TRANSLATE_NOOP(
    "errors", "Due date: {date} is before the meeting ({meeting}).")
MSG_DONE_DATE = QT_TRANSLATE_NOOP("errors", "Done on: enter the date it was done.")
MSG_DONE_BEFORE = QT_TRANSLATE_NOOP(
    "errors", "Done on: {date} is before the meeting ({meeting}).")
MSG_DONE_FUTURE = QT_TRANSLATE_NOOP("errors", "Done on: {date} is in the future.")
MSG_APPROVE_STATUS = QT_TRANSLATE_NOOP(
    "errors", "Only the minutes of a finished meeting can be approved; this one is {status}.")
MSG_APPROVE_UNMARKED = QT_TRANSLATE_NOOP(
    "errors", "{count} attendees are not marked yet: mark each as present, on leave, "
    "absent or observer before approving.")
MSG_ALREADY_APPROVED = QT_TRANSLATE_NOOP("errors", "The minutes were already approved on {date}.")
MSG_ATTACH_TOO_BIG = QT_TRANSLATE_NOOP(
    "errors", "Attachment: {name} is {size} MB; the largest allowed is {limit} MB.")
MSG_ATTACH_TYPE = QT_TRANSLATE_NOOP(
    "errors", "Attachment: {name} is not an image (JPEG, PNG …) or a PDF.")
MSG_ATTACH_EMPTY = QT_TRANSLATE_NOOP("errors", "Attachment: {name} is empty.")
MSG_ATTACH_READ = QT_TRANSLATE_NOOP("errors", "Attachment: {name} cannot be read: {reason}.")
MSG_NO_MEETING = QT_TRANSLATE_NOOP("errors", "Meeting: there is no meeting {ref}.")
MSG_AMBIGUOUS = QT_TRANSLATE_NOOP(
    "errors", "Meeting: {ref} matches {count} meetings; give the full number.")
MSG_NO_COUNCIL_ON = QT_TRANSLATE_NOOP("errors", "Meeting: there is no resident council on {date}.")
MSG_COUNCIL_DAY = QT_TRANSLATE_NOOP("errors", "Council day: {value} is not a day from 1 to 28.")

# What an amendment changed; shown in the program and on the minutes.
CHANGE_CONTEXT = "changes"
CHG_MEETING = QT_TRANSLATE_NOOP("changes", "Meeting details changed: {fields}")
CHG_ATTENDEE_ADDED = QT_TRANSLATE_NOOP("changes", "Attendee added: {name}")
CHG_ATTENDEE_REMOVED = QT_TRANSLATE_NOOP("changes", "Attendee removed: {name}")
CHG_ATTENDEE = QT_TRANSLATE_NOOP("changes", "Attendee {name}: {before} → {after}")
CHG_ITEM_ADDED = QT_TRANSLATE_NOOP("changes", "Agenda item added: {title}")
CHG_ITEM = QT_TRANSLATE_NOOP("changes", "Agenda item changed: {title}")
CHG_ITEM_REMOVED = QT_TRANSLATE_NOOP("changes", "Agenda item removed: {title}")
CHG_SPEECH_ADDED = QT_TRANSLATE_NOOP("changes", "Speech added: {speaker}")
CHG_SPEECH = QT_TRANSLATE_NOOP("changes", "Speech changed: {speaker}")
CHG_SPEECH_REMOVED = QT_TRANSLATE_NOOP("changes", "Speech removed: {speaker}")
CHG_RESOLUTION_ADDED = QT_TRANSLATE_NOOP("changes", "Resolution added: {text}")
CHG_RESOLUTION = QT_TRANSLATE_NOOP(
    "changes", "Resolution {text}: votes {before} → {after}")
CHG_RESOLUTION_REMOVED = QT_TRANSLATE_NOOP("changes", "Resolution removed: {text}")

# Local settings of the meeting rules (not synced).
KEY_COUNCIL_DAY = settings.MEETING_COUNCIL_DAY
KEY_COUNCIL_MOVE = settings.MEETING_COUNCIL_MOVE
KEY_COUNCIL_TIME = settings.MEETING_COUNCIL_TIME
KEY_HOLIDAYS = settings.MEETING_HOLIDAYS
KEY_WORKDAYS = settings.MEETING_WORKDAYS
KEY_VOTE_BASE = settings.MEETING_VOTE_BASE
KEY_PLACE = settings.MEETING_PLACE

NOT_LOCKED_FIELDS = ("status", "end_at")  # finishing a meeting is not an amendment


@dataclass(frozen=True)
class MeetingRules:
    council_day: int = rules.COUNCIL_DAY
    move_off_days_off: bool = True
    council_time: dt.time = rules.COUNCIL_TIME
    holidays: frozenset[dt.date] = frozenset()
    workdays: frozenset[dt.date] = frozenset()  # 调休: weekend days that are worked
    vote_base: str = "present"  # present | expected
    place: str = ""

    def council_date(self, year: int, month: int) -> dt.date:
        return rules.council_date(year, month, day=self.council_day,
                                  move=self.move_off_days_off, holidays=self.holidays,
                                  workdays=self.workdays)


def load_rules(db_path: Path) -> MeetingRules:
    values = settings.read_all(db_path)
    default = MeetingRules()
    try:
        day = int(values.get(KEY_COUNCIL_DAY, default.council_day))
    except ValueError:
        day = default.council_day
    try:
        time = dt.time.fromisoformat(values.get(KEY_COUNCIL_TIME, ""))
    except ValueError:
        time = default.council_time
    base = values.get(KEY_VOTE_BASE, default.vote_base)
    return MeetingRules(
        council_day=day if 1 <= day <= 28 else default.council_day,
        move_off_days_off=values.get(KEY_COUNCIL_MOVE, "1") != "0",
        council_time=time,
        holidays=frozenset(rules.parse_dates(values.get(KEY_HOLIDAYS, ""))),
        workdays=frozenset(rules.parse_dates(values.get(KEY_WORKDAYS, ""))),
        vote_base=base if base in rules.VOTE_BASES else default.vote_base,
        place=values.get(KEY_PLACE, ""),
    )


def save_rules(db_path: Path, value: MeetingRules) -> None:
    if not 1 <= value.council_day <= 28:
        raise ValidationError("council_day", MSG_COUNCIL_DAY, value=value.council_day)
    check_field_code("vote_base", rules.VOTE_BASES, value.vote_base)
    settings.write(db_path, {
        KEY_COUNCIL_DAY: str(value.council_day),
        KEY_COUNCIL_MOVE: "1" if value.move_off_days_off else "0",
        KEY_COUNCIL_TIME: value.council_time.strftime("%H:%M"),
        KEY_HOLIDAYS: ",".join(sorted(d.isoformat() for d in value.holidays)),
        KEY_WORKDAYS: ",".join(sorted(d.isoformat() for d in value.workdays)),
        KEY_VOTE_BASE: value.vote_base,
        KEY_PLACE: value.place,
    })


# --- what forms submit ----------------------------------------------------------------
@dataclass(frozen=True)
class MeetingDraft:
    meeting_type: str
    start_at: dt.datetime | None
    end_at: dt.datetime | None = None
    place: str = ""
    host: str = ""
    recorder: str = ""
    title: str = ""
    session_no: int | None = None
    org_id: str | None = None
    status: str = "planned"
    headcount_expected: int | None = None  # only without a list of attendees
    headcount_present: int | None = None
    content: str = ""
    note: str | None = None


@dataclass(frozen=True)
class AttendeeDraft:
    name: str
    identity: str | None = None
    person_kind: str = "free"
    person_id: str | None = None
    unit: str | None = None
    presence: str | None = None
    absence_reason: str | None = None


@dataclass(frozen=True)
class ItemDraft:
    title: str
    source: str | None = None
    proposer: str | None = None
    content: str = ""


@dataclass(frozen=True)
class SpeechDraft:
    speaker: str
    summary: str = ""


@dataclass(frozen=True)
class ResolutionDraft:
    text: str
    method: str = "hands"
    yes: int = 0
    no: int = 0
    abstain: int = 0
    deferred: bool = False  # 暂缓: a decision, not a count


@dataclass(frozen=True)
class FollowUpDraft:
    task: str
    owner: str
    due_date: dt.date | None = None
    status: str = rules.TODO
    done_on: dt.date | None = None
    feedback: str = ""
    published: bool = False


# --- what the service returns ----------------------------------------------------------
@dataclass(frozen=True)
class MeetingRow:
    id: str
    ref: str  # the number shown in the program and taken by the CLI: 20261110-1
    meeting_type: str
    session_no: int | None
    title: str
    start_at: dt.datetime
    end_at: dt.datetime | None
    place: str
    host: str
    recorder: str
    status: str
    approved_on: dt.date | None
    expected: int
    present: int
    items: int = 0
    resolutions: int = 0
    open_follow_ups: int = 0
    attachments: int = 0
    approved_by: str | None = None
    cancel_reason: str | None = None
    origin_office: str = ""  # the office that owns the record (the street sees all)


@dataclass(frozen=True)
class AttendeeRow:
    id: str
    name: str
    identity: str | None
    unit: str | None
    person_kind: str
    person_id: str | None
    presence: str | None
    absence_reason: str | None
    signed_at: dt.datetime | None
    sort_order: int


@dataclass(frozen=True)
class SpeechRow:
    id: str
    speaker: str
    summary: str


@dataclass(frozen=True)
class FollowUpRow:
    id: str
    resolution_id: str
    meeting_id: str
    meeting_ref: str
    meeting_date: dt.date
    meeting_title: str
    resolution: str
    task: str
    owner: str
    due_date: dt.date | None
    status: str  # as stored: todo | doing | done
    state: str  # what is shown: overdue when late
    done_on: dt.date | None
    feedback: str
    published: bool
    meeting_type: str = rules.COUNCIL
    session_no: int | None = None
    origin_office: str = ""  # the office that owns the record (the street sees all)


@dataclass(frozen=True)
class ResolutionRow:
    id: str
    text: str
    method: str
    yes: int
    no: int
    abstain: int
    result: str
    follow_ups: tuple[FollowUpRow, ...] = ()


@dataclass(frozen=True)
class ItemRow:
    id: str
    position: int
    title: str
    source: str | None
    proposer: str | None
    content: str
    speeches: tuple[SpeechRow, ...] = ()
    resolutions: tuple[ResolutionRow, ...] = ()


@dataclass(frozen=True)
class AmendmentRow:
    id: str
    amended_at: dt.datetime
    operator: str
    reason: str
    change: str  # JSON; see describe_change()


@dataclass(frozen=True)
class AttachmentRow:
    id: str
    kind: str
    file_name: str
    mime: str
    size: int
    added_at: dt.datetime
    note: str | None


@dataclass(frozen=True)
class Minutes:
    """Everything about one meeting: the detail view and the minutes ledger."""

    meeting: MeetingRow
    draft: MeetingDraft
    attendance: rules.Attendance
    attendees: tuple[AttendeeRow, ...]
    items: tuple[ItemRow, ...]
    amendments: tuple[AmendmentRow, ...]
    attachments: tuple[AttachmentRow, ...]
    vote_base: str

    @property
    def locked(self) -> bool:
        return self.meeting.approved_on is not None


@dataclass(frozen=True)
class MeetingQuery:
    meeting_type: str | None = None
    year: int | None = None
    status: str | None = None
    text: str = ""
    office: str | None = None  # one office's meetings (origin_office); None: every office


@dataclass(frozen=True)
class FollowUpQuery:
    year: int | None = None  # of the meeting
    state: str | None = None  # open | overdue | due (open, due within due_days) | done | None
    due_days: int = 7  # for state "due"
    done_in_year: int | None = None
    text: str = ""
    meeting_id: str | None = None
    office: str | None = None  # one office's follow-ups (origin_office); None: every office


class TrackingCounts(NamedTuple):
    open: int
    overdue: int
    done_this_year: int
    total: int


@dataclass(frozen=True)
class TypeSummary:
    meeting_type: str
    held: int
    cancelled: int
    expected: int
    present: int

    @property
    def rate(self) -> float | None:
        return self.present / self.expected if self.expected else None


@dataclass(frozen=True)
class CouncilSummary:
    ref: str
    session_no: int | None
    date: dt.date
    status: str
    expected: int
    present: int
    items: int
    resolutions: int
    passed: int
    follow_ups: int
    follow_ups_done: int


@dataclass(frozen=True)
class YearSummary:
    year: int
    by_type: tuple[TypeSummary, ...]
    councils: tuple[CouncilSummary, ...]
    held: int
    expected: int
    present: int
    items: int
    resolutions: int
    passed: int
    follow_ups: int
    follow_ups_done: int  # follow-ups of this year's meetings that are done
    solved_this_year: int  # follow-ups completed during the year (推动解决问题 N 件)

    @property
    def rate(self) -> float | None:
        return self.present / self.expected if self.expected else None


def clean_text(value: str | None) -> str:
    """Multi-line text: trims each line, keeps line breaks."""
    lines = [line.strip() for line in (value or "").replace("\r\n", "\n").split("\n")]
    return "\n".join(lines).strip()


# Field names as the messages read them (context "codes", like the code labels).
FIELD_LABELS = {
    "meeting_type": QT_TRANSLATE_NOOP("codes", "Meeting type"),
    "status": QT_TRANSLATE_NOOP("codes", "Status"),
    "identity": QT_TRANSLATE_NOOP("codes", "Identity"),
    "person_kind": QT_TRANSLATE_NOOP("codes", "Kind"),
    "presence": QT_TRANSLATE_NOOP("codes", "Presence"),
    "source": QT_TRANSLATE_NOOP("codes", "Source"),
    "method": QT_TRANSLATE_NOOP("codes", "Voting method"),
    "kind": QT_TRANSLATE_NOOP("codes", "Kind"),
    "vote_base": QT_TRANSLATE_NOOP("codes", "Vote base"),
    "headcount_expected": QT_TRANSLATE_NOOP("codes", "Number expected"),
    "headcount_present": QT_TRANSLATE_NOOP("codes", "Number present"),
    "start_at": QT_TRANSLATE_NOOP("codes", "Start"),
    "end_at": QT_TRANSLATE_NOOP("codes", "End"),
    "place": QT_TRANSLATE_NOOP("codes", "Place"),
    "host": QT_TRANSLATE_NOOP("codes", "Host"),
    "recorder": QT_TRANSLATE_NOOP("codes", "Recorder"),
    "title": QT_TRANSLATE_NOOP("codes", "Title"),
    "session_no": QT_TRANSLATE_NOOP("codes", "Session"),
    "org_id": QT_TRANSLATE_NOOP("codes", "Organisation"),
    "content": QT_TRANSLATE_NOOP("codes", "Content"),
    "note": QT_TRANSLATE_NOOP("codes", "Note"),
}


def check_field_code(field_name: str, table: CodeTable, value: str | None) -> None:
    """Refuse a code not in ``table``, naming the field as FIELD_LABELS reads it."""
    check_code(field_name, table, value, FIELD_LABELS[field_name])


def format_minute(when: dt.datetime | None) -> str:
    """A time as the messages show it, to the minute."""
    return when.strftime("%Y-%m-%d %H:%M") if when else ""


def describe_change(change: str, language: str = "zh_CN") -> str:
    """An amendment's recorded change in ``language``."""
    try:
        data = json.loads(change)
        translate = catalog(language).translate
        template = translate(CHANGE_CONTEXT, data["message"])
        # Values that are labels (a presence) read in the same language.
        values = {}
        for key, value in data.get("values", {}).items():
            if isinstance(value, list):
                joiner = "、" if language.startswith("zh") else ", "
                value = joiner.join(translate("codes", str(v)) for v in value)
            elif isinstance(value, str):
                value = translate("codes", value)
            values[key] = value
        return str(template.format(**values))
    except (ValueError, KeyError, TypeError, IndexError):
        return change


def change_record(message: str, **values: Any) -> str:
    """An amendment's change as stored: the message and its values (read by
    describe_change)."""
    return json.dumps({"message": message, "values": values}, ensure_ascii=False)
