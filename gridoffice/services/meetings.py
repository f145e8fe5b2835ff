"""Resident council and party meetings (居民议事会 / 三会一课).

A meeting has attendees (people from the roster or the households register, or
typed names), agenda items with speeches and resolutions, and follow-ups (落实)
per resolution. Expected and actual attendance are derived from the attendees'
sign-in marks, never typed twice; a resolution's result follows the vote rule.
Approving the minutes locks them: later changes need a reason and are kept as
dated amendments. Follow-ups and attachments stay open after approval — carrying
out decisions happens after the meeting.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, NamedTuple

from sqlmodel import Session, col, select

from gridoffice.domain import meetings as rules
from gridoffice.domain.codes import CodeTable
from gridoffice.domain.dates import parse_date
from gridoffice.errors import Term, UserError, ValidationError
from gridoffice.i18n import QT_TRANSLATE_NOOP, catalog
from gridoffice.services.common import MSG_CODE_VALUE, MSG_GONE, check_code, clean, live_row
from gridoffice.services.people import Person, find_people
from gridoffice.store import settings
from gridoffice.store.database import Database
from gridoffice.store.tables import (
    AgendaItem,
    AgendaSpeech,
    FollowUp,
    Meeting,
    MeetingAmendment,
    MeetingAttachment,
    MeetingAttendee,
    Resolution,
)

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
KEY_COUNCIL_DAY = "meetings.council_day"
KEY_COUNCIL_MOVE = "meetings.council_move"
KEY_COUNCIL_TIME = "meetings.council_time"
KEY_HOLIDAYS = "meetings.holidays"
KEY_WORKDAYS = "meetings.workdays"
KEY_VOTE_BASE = "meetings.vote_base"
KEY_PLACE = "meetings.place"

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
    _check_code("vote_base", rules.VOTE_BASES, value.vote_base)
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
    state: str | None = None  # open | overdue | done | None (all)
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


def _clean_text(value: str | None) -> str:
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


def _check_code(field_name: str, table: CodeTable, value: str | None) -> None:
    check_code(field_name, table, value, FIELD_LABELS[field_name])


def _fmt(when: dt.datetime | None) -> str:
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


def _change(message: str, **values: Any) -> str:
    return json.dumps({"message": message, "values": values}, ensure_ascii=False)


class MeetingService:
    """Use cases of the meetings tab, the minutes ledgers and the CLI."""

    def __init__(self, db: Database, operator: str = "", today: dt.date | None = None,
                 meeting_rules: MeetingRules | None = None,
                 now: dt.datetime | None = None) -> None:
        self.db = db
        self.operator = operator
        self._today = today
        self._now = now
        self.rules = meeting_rules if meeting_rules is not None else load_rules(db.path)

    def today(self) -> dt.date:
        return self._today or (self._now.date() if self._now else dt.date.today())

    def now(self) -> dt.datetime:
        return self._now or dt.datetime.now().replace(microsecond=0)

    def reload_rules(self) -> MeetingRules:
        self.rules = load_rules(self.db.path)
        return self.rules

    # --- meetings ----------------------------------------------------------------------
    def propose_council(self) -> MeetingDraft:
        """The next council by the rule: date, time, session number, place and host
        of the last council."""
        with self.db.read() as session:
            last = session.exec(
                select(Meeting).where(Meeting.meeting_type == rules.COUNCIL,
                                      col(Meeting.deleted).is_(False),
                                      Meeting.status != "cancelled")
                .order_by(col(Meeting.start_at).desc())).first()
            highest = session.exec(
                select(Meeting.session_no).where(Meeting.meeting_type == rules.COUNCIL,
                                                 col(Meeting.deleted).is_(False))
                .order_by(col(Meeting.session_no).desc())).first()
        r = self.rules
        date = rules.next_council_date(
            last.start_at.date() if last else None, self.today(), day=r.council_day,
            move=r.move_off_days_off, holidays=r.holidays, workdays=r.workdays)
        start = dt.datetime.combine(date, r.council_time)
        return MeetingDraft(
            meeting_type=rules.COUNCIL, start_at=start,
            end_at=start + dt.timedelta(hours=rules.COUNCIL_HOURS),
            place=(last.place if last else "") or r.place,
            host=last.host if last else "", recorder=last.recorder if last else "",
            session_no=(highest or 0) + 1,
        )

    def last_council_id(self) -> str | None:
        with self.db.read() as session:
            return session.exec(
                select(Meeting.id).where(Meeting.meeting_type == rules.COUNCIL,
                                         col(Meeting.deleted).is_(False))
                .order_by(col(Meeting.start_at).desc())).first()

    def create_meeting(self, draft: MeetingDraft, *, copy_attendees_from: str | None = None
                       ) -> str:
        with self.db.write() as session:
            values = self._meeting_values(session, draft, None, has_list=False)
            meeting = Meeting(**values)
            session.add(meeting)
            session.flush()
            if copy_attendees_from:
                self._copy_attendees(session, copy_attendees_from, meeting.id)
            return meeting.id

    def schedule_next_council(self, *, copy_attendees: bool = True) -> str:
        """Create the proposed next council, with the last council's attendees."""
        previous = self.last_council_id() if copy_attendees else None
        return self.create_meeting(self.propose_council(), copy_attendees_from=previous)

    def update_meeting(self, meeting_id: str, draft: MeetingDraft, *,
                       amendment: str | None = None) -> None:
        with self.db.write() as session:
            meeting = self._meeting(session, meeting_id)
            has_list = self._has_list(session, meeting_id)
            values = self._meeting_values(session, draft, meeting_id, has_list=has_list)
            values.pop("status", None)  # status moves by start/finish/cancel only
            changed = [key for key, value in values.items() if getattr(meeting, key) != value]
            if not changed:
                return
            self._guard(session, meeting, amendment,
                        _change(CHG_MEETING, fields=[FIELD_LABELS[k] for k in changed]))
            for key in changed:
                setattr(meeting, key, values[key])
            self._recount(session, meeting)

    def meeting_draft(self, meeting_id: str) -> MeetingDraft:
        with self.db.read() as session:
            return self._draft(self._meeting(session, meeting_id))

    def start(self, meeting_id: str) -> None:
        """The meeting begins (sign-in opens)."""
        with self.db.write() as session:
            meeting = self._meeting(session, meeting_id)
            self._not_cancelled(meeting)
            if meeting.status in ("draft", "planned"):
                meeting.status = "in_progress"

    def finish(self, meeting_id: str, end_at: dt.datetime | None = None) -> None:
        """The meeting is over; the end time is now unless given or already set."""
        with self.db.write() as session:
            meeting = self._meeting(session, meeting_id)
            self._not_cancelled(meeting)
            end = end_at or meeting.end_at
            if end is None:
                now = self.now()
                end = now if now > meeting.start_at else (
                    meeting.start_at + dt.timedelta(hours=rules.COUNCIL_HOURS))
            self._check_times(meeting.start_at, end)
            meeting.end_at = end
            meeting.status = "finished"

    def cancel(self, meeting_id: str, reason: str) -> None:
        reason = clean(reason)
        if not reason:
            raise ValidationError("cancel_reason", MSG_CANCEL_REASON)
        with self.db.write() as session:
            meeting = self._meeting(session, meeting_id)
            if meeting.approved_on:
                raise UserError(MSG_CANCEL_APPROVED)
            meeting.status = "cancelled"
            meeting.cancel_reason = reason

    def reopen(self, meeting_id: str) -> None:
        """Undo a cancellation or a finish (before approval)."""
        with self.db.write() as session:
            meeting = self._meeting(session, meeting_id)
            if meeting.approved_on:
                raise UserError(MSG_ALREADY_APPROVED, date=meeting.approved_on.isoformat())
            meeting.status = "planned" if meeting.start_at > self.now() else "in_progress"
            meeting.cancel_reason = None

    def set_status(self, meeting_id: str, status: str) -> None:
        """Put a status back (undo of start, finish, cancel), before approval."""
        _check_code("status", rules.MEETING_STATUS, status)
        with self.db.write() as session:
            meeting = self._meeting(session, meeting_id)
            if meeting.approved_on:
                raise UserError(MSG_ALREADY_APPROVED, date=meeting.approved_on.isoformat())
            meeting.status = status

    def approve(self, meeting_id: str, approved_by: str = "") -> None:
        with self.db.write() as session:
            meeting = self._meeting(session, meeting_id)
            if meeting.approved_on:
                raise UserError(MSG_ALREADY_APPROVED, date=meeting.approved_on.isoformat())
            if meeting.status != "finished":
                raise UserError(MSG_APPROVE_STATUS,
                                status=Term(rules.MEETING_STATUS.label(meeting.status)))
            unmarked = sum(1 for a in self._attendees(session, meeting_id) if a.presence is None)
            if unmarked:
                raise UserError(MSG_APPROVE_UNMARKED, count=unmarked)
            meeting.approved_on = self.today()
            meeting.approved_by = clean(approved_by) or self.operator or meeting.host

    def remove_approval(self, meeting_id: str) -> None:
        """Undo of an approval made by mistake, only while nothing was amended."""
        with self.db.write() as session:
            meeting = self._meeting(session, meeting_id)
            if self._amendments(session, meeting_id):
                raise UserError(MSG_ALREADY_APPROVED,
                                date=meeting.approved_on.isoformat() if meeting.approved_on
                                else "")
            meeting.approved_on = None
            meeting.approved_by = None

    # --- attendees ---------------------------------------------------------------------
    def add_attendee(self, meeting_id: str, draft: AttendeeDraft, *,
                     amendment: str | None = None) -> str:
        with self.db.write() as session:
            meeting = self._meeting(session, meeting_id)
            values = self._attendee_values(session, meeting_id, draft, None)
            self._guard(session, meeting, amendment,
                        _change(CHG_ATTENDEE_ADDED, name=values["name"]))
            existing = self._attendees(session, meeting_id)
            values["sort_order"] = max((a.sort_order for a in existing), default=0) + 1
            row = MeetingAttendee(meeting_id=meeting_id, signed_at=self._signed(values),
                                  **values)
            session.add(row)
            session.flush()
            self._check_headcount_cleared(meeting)
            self._recount(session, meeting)
            return row.id

    def add_attendees(self, meeting_id: str, drafts: list[AttendeeDraft]) -> list[str]:
        """Several at once (a pick list), all or nothing; before approval."""
        with self.db.write() as session:
            meeting = self._meeting(session, meeting_id)
            self._guard(session, meeting, None, "")
            order = max((a.sort_order for a in self._attendees(session, meeting_id)),
                        default=0)
            ids = []
            for draft in drafts:
                values = self._attendee_values(session, meeting_id, draft, None)
                order += 1
                row = MeetingAttendee(meeting_id=meeting_id, sort_order=order,
                                      signed_at=self._signed(values), **values)
                session.add(row)
                session.flush()
                ids.append(row.id)
            self._check_headcount_cleared(meeting)
            self._recount(session, meeting)
            return ids

    def update_attendee(self, attendee_id: str, draft: AttendeeDraft, *,
                        amendment: str | None = None) -> None:
        with self.db.write() as session:
            row = live_row(session, MeetingAttendee, attendee_id)
            meeting = self._meeting(session, row.meeting_id)
            values = self._attendee_values(session, row.meeting_id, draft, attendee_id)
            changed = {k: v for k, v in values.items() if getattr(row, k) != v}
            if not changed:
                return
            self._guard(session, meeting, amendment, _change(
                CHG_ATTENDEE, name=row.name, before=_presence_text(row.presence),
                after=_presence_text(values["presence"])))
            if "presence" in changed:
                self._check_votes_after(session, meeting, attendee_id, values["presence"])
                row.signed_at = self.now() if values["presence"] == rules.PRESENT else None
            for key, value in changed.items():
                setattr(row, key, value)
            self._recount(session, meeting)

    def set_presence(self, attendee_id: str, presence: str | None,
                     absence_reason: str | None = None, *,
                     amendment: str | None = None) -> None:
        """Sign-in: one mark per person (None clears the mark)."""
        with self.db.read() as session:
            row = live_row(session, MeetingAttendee, attendee_id)
            draft = AttendeeDraft(row.name, row.identity, row.person_kind, row.person_id,
                                  row.unit, presence,
                                  absence_reason if absence_reason is not None
                                  else row.absence_reason)
        self.update_attendee(attendee_id, draft, amendment=amendment)

    def remove_attendee(self, attendee_id: str, *, amendment: str | None = None) -> None:
        with self.db.write() as session:
            row = live_row(session, MeetingAttendee, attendee_id)
            meeting = self._meeting(session, row.meeting_id)
            self._guard(session, meeting, amendment, _change(CHG_ATTENDEE_REMOVED, name=row.name))
            self._check_votes_after(session, meeting, attendee_id, None, removing=True)
            row.deleted = True
            self._recount(session, meeting)

    def copy_attendees(self, from_meeting_id: str, to_meeting_id: str) -> int:
        """Add the attendees of another meeting who are not on the list yet."""
        with self.db.write() as session:
            meeting = self._meeting(session, to_meeting_id)
            self._guard(session, meeting, None, "")
            added = self._copy_attendees(session, from_meeting_id, to_meeting_id)
            self._recount(session, meeting)
            return added

    def people(self, text: str, limit: int = 40) -> list[Person]:
        """Party members, residents and in-service members whose name, pinyin or
        initials match (for the attendee picker)."""
        return find_people(self.db, text, limit)

    # --- agenda, speeches, resolutions ---------------------------------------------------
    def add_item(self, meeting_id: str, draft: ItemDraft, *,
                 amendment: str | None = None) -> str:
        with self.db.write() as session:
            meeting = self._meeting(session, meeting_id)
            values = self._item_values(draft)
            self._guard(session, meeting, amendment,
                        _change(CHG_ITEM_ADDED, title=values["title"]))
            return self._append(session, AgendaItem, self._items(session, meeting_id),
                                meeting_id=meeting_id, **values)

    def update_item(self, item_id: str, draft: ItemDraft, *,
                    amendment: str | None = None) -> None:
        with self.db.write() as session:
            item = live_row(session, AgendaItem, item_id)
            meeting = self._meeting(session, item.meeting_id)
            values = self._item_values(draft)
            changed = {k: v for k, v in values.items() if getattr(item, k) != v}
            if not changed:
                return
            self._guard(session, meeting, amendment, _change(CHG_ITEM, title=values["title"]))
            for key, value in changed.items():
                setattr(item, key, value)

    def move_item(self, item_id: str, step: int) -> None:
        """Move an agenda item up (-1) or down (+1); before approval."""
        with self.db.write() as session:
            item = live_row(session, AgendaItem, item_id)
            meeting = self._meeting(session, item.meeting_id)
            self._guard(session, meeting, None, "")
            items = self._items(session, item.meeting_id)
            index = [i.id for i in items].index(item_id)
            other = index + step
            if 0 <= other < len(items):
                items[index], items[other] = items[other], items[index]
                for position, row in enumerate(items, start=1):
                    if row.position != position:
                        row.position = position

    def remove_item(self, item_id: str, *, amendment: str | None = None) -> None:
        with self.db.write() as session:
            item = live_row(session, AgendaItem, item_id)
            meeting = self._meeting(session, item.meeting_id)
            self._guard(session, meeting, amendment, _change(CHG_ITEM_REMOVED, title=item.title))
            item.deleted = True
            for speech in self._speeches(session, item_id):
                speech.deleted = True
            for resolution in self._resolutions(session, item_id):
                resolution.deleted = True
                for follow in self._follow_ups_of(session, resolution.id):
                    follow.deleted = True

    def add_speech(self, item_id: str, draft: SpeechDraft, *,
                   amendment: str | None = None) -> str:
        with self.db.write() as session:
            item = live_row(session, AgendaItem, item_id)
            meeting = self._meeting(session, item.meeting_id)
            values = self._speech_values(draft)
            self._guard(session, meeting, amendment,
                        _change(CHG_SPEECH_ADDED, speaker=values["speaker"]))
            return self._append(session, AgendaSpeech, self._speeches(session, item_id),
                                item_id=item_id, **values)

    def update_speech(self, speech_id: str, draft: SpeechDraft, *,
                      amendment: str | None = None) -> None:
        with self.db.write() as session:
            speech = live_row(session, AgendaSpeech, speech_id)
            item = live_row(session, AgendaItem, speech.item_id)
            meeting = self._meeting(session, item.meeting_id)
            values = self._speech_values(draft)
            if all(getattr(speech, k) == v for k, v in values.items()):
                return
            self._guard(session, meeting, amendment,
                        _change(CHG_SPEECH, speaker=values["speaker"]))
            for key, value in values.items():
                setattr(speech, key, value)

    def remove_speech(self, speech_id: str, *, amendment: str | None = None) -> None:
        with self.db.write() as session:
            speech = live_row(session, AgendaSpeech, speech_id)
            item = live_row(session, AgendaItem, speech.item_id)
            meeting = self._meeting(session, item.meeting_id)
            self._guard(session, meeting, amendment,
                        _change(CHG_SPEECH_REMOVED, speaker=speech.speaker))
            speech.deleted = True

    def add_resolution(self, item_id: str, draft: ResolutionDraft, *,
                       amendment: str | None = None) -> str:
        with self.db.write() as session:
            item = live_row(session, AgendaItem, item_id)
            meeting = self._meeting(session, item.meeting_id)
            values = self._resolution_values(session, meeting, draft)
            self._guard(session, meeting, amendment,
                        _change(CHG_RESOLUTION_ADDED, text=_short(values["text"])))
            return self._append(session, Resolution, self._resolutions(session, item_id),
                                item_id=item_id, **values)

    def update_resolution(self, resolution_id: str, draft: ResolutionDraft, *,
                          amendment: str | None = None) -> None:
        with self.db.write() as session:
            row = live_row(session, Resolution, resolution_id)
            item = live_row(session, AgendaItem, row.item_id)
            meeting = self._meeting(session, item.meeting_id)
            values = self._resolution_values(session, meeting, draft)
            changed = {k: v for k, v in values.items() if getattr(row, k) != v}
            if not changed:
                return
            self._guard(session, meeting, amendment, _change(
                CHG_RESOLUTION, text=_short(values["text"]),
                before=f"{row.yes}/{row.no}/{row.abstain}",
                after=f"{values['yes']}/{values['no']}/{values['abstain']}"))
            for key, value in changed.items():
                setattr(row, key, value)

    def remove_resolution(self, resolution_id: str, *, amendment: str | None = None) -> None:
        with self.db.write() as session:
            row = live_row(session, Resolution, resolution_id)
            item = live_row(session, AgendaItem, row.item_id)
            meeting = self._meeting(session, item.meeting_id)
            self._guard(session, meeting, amendment,
                        _change(CHG_RESOLUTION_REMOVED, text=_short(row.text)))
            row.deleted = True
            for follow in self._follow_ups_of(session, resolution_id):
                follow.deleted = True

    # --- follow-ups (open after approval: carrying out happens later) ---------------------
    def add_follow_up(self, resolution_id: str, draft: FollowUpDraft) -> str:
        with self.db.write() as session:
            resolution = live_row(session, Resolution, resolution_id)
            item = live_row(session, AgendaItem, resolution.item_id)
            meeting = self._meeting(session, item.meeting_id)
            values = self._follow_up_values(meeting, draft)
            row = FollowUp(resolution_id=resolution_id, meeting_id=meeting.id, **values)
            session.add(row)
            session.flush()
            return row.id

    def update_follow_up(self, follow_up_id: str, draft: FollowUpDraft) -> None:
        with self.db.write() as session:
            row = live_row(session, FollowUp, follow_up_id)
            meeting = self._meeting(session, row.meeting_id)
            for key, value in self._follow_up_values(meeting, draft).items():
                if getattr(row, key) != value:
                    setattr(row, key, value)

    def follow_up_draft(self, follow_up_id: str) -> FollowUpDraft:
        with self.db.read() as session:
            row = live_row(session, FollowUp, follow_up_id)
            return FollowUpDraft(row.task, row.owner, row.due_date, row.status, row.done_on,
                                 row.feedback, row.published)

    def complete_follow_up(self, follow_up_id: str, done_on: dt.date | None = None,
                           feedback: str | None = None) -> None:
        draft = self.follow_up_draft(follow_up_id)
        self.update_follow_up(follow_up_id, replace(
            draft, status=rules.DONE, done_on=done_on or self.today(),
            feedback=draft.feedback if feedback is None else feedback))

    def remove_follow_up(self, follow_up_id: str) -> None:
        with self.db.write() as session:
            live_row(session, FollowUp, follow_up_id).deleted = True

    def follow_ups(self, query: FollowUpQuery = FollowUpQuery()) -> list[FollowUpRow]:
        today = self.today()
        with self.db.read() as session:
            refs = self._refs(session)
            stmt = (select(FollowUp, Resolution.text, Meeting)
                    .join(Resolution, col(Resolution.id) == FollowUp.resolution_id)
                    .join(Meeting, col(Meeting.id) == FollowUp.meeting_id)
                    .where(col(FollowUp.deleted).is_(False), col(Resolution.deleted).is_(False),
                           col(Meeting.deleted).is_(False)))
            if query.meeting_id:
                stmt = stmt.where(FollowUp.meeting_id == query.meeting_id)
            if query.office is not None:
                stmt = stmt.where(FollowUp.origin_office == query.office)
            if query.year:
                stmt = stmt.where(col(Meeting.start_at) >= dt.datetime(query.year, 1, 1),
                                  col(Meeting.start_at) < dt.datetime(query.year + 1, 1, 1))
            rows = []
            for follow, text, meeting in session.exec(stmt).all():
                rows.append(self._follow_row(follow, text, meeting, refs, today))
        needle = clean(query.text)
        result = []
        for row in rows:
            if query.state == "open" and row.status == rules.DONE:
                continue
            if query.state == "overdue" and row.state != rules.OVERDUE:
                continue
            if query.state == "done" and row.status != rules.DONE:
                continue
            if query.done_in_year and not (row.done_on and row.done_on.year == query.done_in_year):
                continue
            if needle and not any(needle in t for t in (row.task, row.owner, row.resolution,
                                                        row.meeting_title, row.feedback)):
                continue
            result.append(row)
        result.sort(key=lambda r: (r.status == rules.DONE, r.due_date or dt.date.max,
                                   r.meeting_date, r.task))
        return result

    def tracking_counts(self, year: int | None = None, *, office: str | None = None
                        ) -> TrackingCounts:
        """The figures of the banner (``office``: of one office's follow-ups only)."""
        year = year or self.today().year
        rows = self.follow_ups(FollowUpQuery(office=office))
        return TrackingCounts(
            open=sum(1 for r in rows if r.status != rules.DONE),
            overdue=sum(1 for r in rows if r.state == rules.OVERDUE),
            done_this_year=sum(1 for r in rows if r.done_on and r.done_on.year == year
                               and r.status == rules.DONE),
            total=len(rows),
        )

    # --- amendments and attachments --------------------------------------------------------
    def add_attachment(self, meeting_id: str, path: Path, kind: str = "other",
                       note: str | None = None) -> str:
        _check_code("kind", rules.ATTACHMENT_KINDS, kind)
        name = path.name
        try:
            size = path.stat().st_size
            if size > rules.MAX_ATTACHMENT_BYTES:
                raise ValidationError(
                    "attachment", MSG_ATTACH_TOO_BIG, name=name, size=f"{size / 2**20:.1f}",
                    limit=rules.MAX_ATTACHMENT_BYTES // 2**20)
            if size == 0:
                raise ValidationError("attachment", MSG_ATTACH_EMPTY, name=name)
            with path.open("rb") as handle:
                content = handle.read(rules.MAX_ATTACHMENT_BYTES + 1)
        except OSError as exc:
            raise ValidationError("attachment", MSG_ATTACH_READ, name=name,
                                  reason=exc.strerror or str(exc)) from exc
        return self.add_attachment_bytes(meeting_id, name, content, kind, note)

    def add_attachment_bytes(self, meeting_id: str, file_name: str, content: bytes,
                             kind: str = "other", note: str | None = None) -> str:
        _check_code("kind", rules.ATTACHMENT_KINDS, kind)
        if len(content) > rules.MAX_ATTACHMENT_BYTES:
            raise ValidationError(
                "attachment", MSG_ATTACH_TOO_BIG, name=file_name,
                size=f"{len(content) / 2**20:.1f}", limit=rules.MAX_ATTACHMENT_BYTES // 2**20)
        if not content:
            raise ValidationError("attachment", MSG_ATTACH_EMPTY, name=file_name)
        mime = rules.sniff_type(content[:16])
        if mime is None:
            raise ValidationError("attachment", MSG_ATTACH_TYPE, name=file_name)
        with self.db.write() as session:
            self._meeting(session, meeting_id)
            row = MeetingAttachment(
                meeting_id=meeting_id, kind=kind, file_name=file_name, mime=mime,
                size=len(content), sha256=hashlib.sha256(content).hexdigest(),
                content=content, added_at=self.now(), note=clean(note) or None)
            session.add(row)
            session.flush()
            return row.id

    def attachment_content(self, attachment_id: str) -> tuple[str, str, bytes]:
        """(file name, type, bytes) of an attachment."""
        with self.db.read() as session:
            row = live_row(session, MeetingAttachment, attachment_id)
            return row.file_name, row.mime, row.content

    def remove_attachment(self, attachment_id: str) -> None:
        with self.db.write() as session:
            live_row(session, MeetingAttachment, attachment_id).deleted = True

    def restore(self, kind: str, row_id: str) -> None:
        """Undo of a removal: the tombstone is lifted (same rules as adding)."""
        model = {"attendee": MeetingAttendee, "item": AgendaItem, "speech": AgendaSpeech,
                 "resolution": Resolution, "follow_up": FollowUp,
                 "attachment": MeetingAttachment}[kind]
        with self.db.write() as session:
            row = session.get(model, row_id)
            if row is None:
                raise UserError(MSG_GONE)
            row.deleted = False
            if kind == "item":
                for speech in session.exec(select(AgendaSpeech).where(
                        AgendaSpeech.item_id == row_id)).all():
                    speech.deleted = False
                for resolution in session.exec(select(Resolution).where(
                        Resolution.item_id == row_id)).all():
                    resolution.deleted = False
                    for follow in session.exec(select(FollowUp).where(
                            FollowUp.resolution_id == resolution.id)).all():
                        follow.deleted = False
            elif kind == "resolution":
                for follow in session.exec(select(FollowUp).where(
                        FollowUp.resolution_id == row_id)).all():
                    follow.deleted = False

    # --- reading --------------------------------------------------------------------------
    def list_meetings(self, query: MeetingQuery = MeetingQuery()) -> list[MeetingRow]:
        with self.db.read() as session:
            refs = self._refs(session)
            stmt = select(Meeting).where(col(Meeting.deleted).is_(False))
            if query.meeting_type:
                stmt = stmt.where(Meeting.meeting_type == query.meeting_type)
            if query.status:
                stmt = stmt.where(Meeting.status == query.status)
            if query.office is not None:
                stmt = stmt.where(Meeting.origin_office == query.office)
            if query.year:
                stmt = stmt.where(col(Meeting.start_at) >= dt.datetime(query.year, 1, 1),
                                  col(Meeting.start_at) < dt.datetime(query.year + 1, 1, 1))
            meetings = session.exec(stmt.order_by(col(Meeting.start_at).desc())).all()
            stats = self._stats(session)
        needle = clean(query.text)
        try:  # a date typed the office way (2026/11/10, 2026年11月10日): that day's meetings
            day = parse_date(needle)
        except ValueError:
            day = None
        rows = []
        for meeting in meetings:
            if day is not None and meeting.start_at.date() != day:
                continue
            row = self._meeting_row(meeting, refs, stats)
            if day is None and needle and not any(
                    needle in t for t in (row.title, row.place, row.host, row.ref)):
                continue
            rows.append(row)
        return rows

    def minutes(self, meeting_id: str) -> Minutes:
        today = self.today()
        with self.db.read() as session:
            meeting = self._meeting(session, meeting_id)
            refs = self._refs(session)
            attendees = self._attendees(session, meeting_id)
            items = []
            for item in self._items(session, meeting_id):
                speeches = tuple(SpeechRow(s.id, s.speaker, s.summary)
                                 for s in self._speeches(session, item.id))
                resolutions = []
                for r in self._resolutions(session, item.id):
                    follows = tuple(self._follow_row(f, r.text, meeting, refs, today)
                                    for f in self._follow_ups_of(session, r.id))
                    resolutions.append(ResolutionRow(r.id, r.text, r.method, r.yes, r.no,
                                                     r.abstain, r.result, follows))
                items.append(ItemRow(item.id, item.position, item.title, item.source,
                                     item.proposer, item.content, speeches,
                                     tuple(resolutions)))
            amendments = tuple(AmendmentRow(a.id, a.amended_at, a.operator, a.reason,
                                            a.change)
                               for a in self._amendments(session, meeting_id))
            attachments = tuple(
                AttachmentRow(*row) for row in session.exec(
                    select(MeetingAttachment.id, MeetingAttachment.kind,
                           MeetingAttachment.file_name, MeetingAttachment.mime,
                           MeetingAttachment.size, MeetingAttachment.added_at,
                           MeetingAttachment.note)
                    .where(MeetingAttachment.meeting_id == meeting_id,
                           col(MeetingAttachment.deleted).is_(False))
                    .order_by(col(MeetingAttachment.added_at))).all())
            stats = self._stats(session, meeting_id)
            attendance = self._attendance(meeting, attendees)
            return Minutes(
                meeting=self._meeting_row(meeting, refs, stats),
                draft=self._draft(meeting), attendance=attendance,
                attendees=tuple(AttendeeRow(a.id, a.name, a.identity, a.unit, a.person_kind,
                                            a.person_id, a.presence, a.absence_reason,
                                            a.signed_at, a.sort_order) for a in attendees),
                items=tuple(items), amendments=amendments, attachments=attachments,
                vote_base=self.rules.vote_base)

    def find_meeting(self, ref: str) -> str:
        """The meeting with the number shown in the program (20261110-1), a unique
        start of it, or of its internal id."""
        ref = clean(ref)
        with self.db.read() as session:
            refs = self._refs(session)
        exact = [mid for mid, r in refs.items() if r == ref or mid == ref]
        if len(exact) == 1:
            return exact[0]
        matches = [mid for mid, r in refs.items() if r.startswith(ref) or mid.startswith(ref)]
        if not ref or not matches:
            raise UserError(MSG_NO_MEETING, ref=ref)
        if len(matches) > 1:
            raise UserError(MSG_AMBIGUOUS, ref=ref, count=len(matches))
        return matches[0]

    def council_on(self, day: dt.date) -> str:
        with self.db.read() as session:
            found = session.exec(
                select(Meeting.id).where(
                    Meeting.meeting_type == rules.COUNCIL, col(Meeting.deleted).is_(False),
                    col(Meeting.start_at) >= dt.datetime.combine(day, dt.time()),
                    col(Meeting.start_at) < dt.datetime.combine(day + dt.timedelta(days=1),
                                                                dt.time()))
                .order_by(col(Meeting.status) == "cancelled")).first()
        if found is None:
            raise UserError(MSG_NO_COUNCIL_ON, date=day.isoformat())
        return found

    def year_summary(self, year: int) -> YearSummary:
        meetings = self.list_meetings(MeetingQuery(year=year))
        follows = self.follow_ups(FollowUpQuery(year=year))
        solved = sum(1 for f in self.follow_ups()
                     if f.status == rules.DONE and f.done_on and f.done_on.year == year)
        by_type = []
        for code in rules.MEETING_TYPES:
            of_type = [m for m in meetings if m.meeting_type == code.code]
            held = [m for m in of_type if m.status == "finished"]
            by_type.append(TypeSummary(code.code, len(held),
                                       sum(1 for m in of_type if m.status == "cancelled"),
                                       sum(m.expected for m in held),
                                       sum(m.present for m in held)))
        councils = []
        with self.db.read() as session:
            passed_counts: dict[str, int] = {}
            for meeting_id, _rid in session.exec(
                    select(AgendaItem.meeting_id, Resolution.id)
                    .join(Resolution, col(Resolution.item_id) == AgendaItem.id)
                    .where(Resolution.result == rules.PASSED,
                           col(Resolution.deleted).is_(False),
                           col(AgendaItem.deleted).is_(False))).all():
                passed_counts[meeting_id] = passed_counts.get(meeting_id, 0) + 1
        for m in sorted(meetings, key=lambda m: m.start_at):
            if m.meeting_type != rules.COUNCIL:
                continue
            mine = [f for f in follows if f.meeting_id == m.id]
            councils.append(CouncilSummary(
                m.ref, m.session_no, m.start_at.date(), m.status, m.expected, m.present,
                m.items, m.resolutions, passed_counts.get(m.id, 0), len(mine),
                sum(1 for f in mine if f.status == rules.DONE)))
        held = [m for m in meetings if m.status == "finished"]
        return YearSummary(
            year=year, by_type=tuple(by_type), councils=tuple(councils), held=len(held),
            expected=sum(m.expected for m in held), present=sum(m.present for m in held),
            items=sum(m.items for m in held), resolutions=sum(m.resolutions for m in held),
            passed=sum(passed_counts.get(m.id, 0) for m in held), follow_ups=len(follows),
            follow_ups_done=sum(1 for f in follows if f.status == rules.DONE),
            solved_this_year=solved)

    # --- internals -------------------------------------------------------------------------
    def _guard(self, session: Session, meeting: Meeting, amendment: str | None,
               change: str) -> None:
        """Approved minutes change only with a reason, recorded as an amendment."""
        if meeting.approved_on is None:
            return
        reason = _clean_text(amendment)
        if not reason or not change:
            raise UserError(MSG_LOCKED, date=meeting.approved_on.isoformat())
        session.add(MeetingAmendment(meeting_id=meeting.id, amended_at=self.now(),
                                     operator=self.operator, reason=reason, change=change))

    def _meeting_values(self, session: Session, draft: MeetingDraft, meeting_id: str | None,
                        *, has_list: bool) -> dict[str, Any]:
        _check_code("meeting_type", rules.MEETING_TYPES, draft.meeting_type)
        _check_code("status", rules.MEETING_STATUS, draft.status)
        if draft.start_at is None:
            raise ValidationError("start_at", MSG_START)
        start = draft.start_at.replace(second=0, microsecond=0)
        end = draft.end_at.replace(second=0, microsecond=0) if draft.end_at else None
        if end is not None:
            self._check_times(start, end)
        session_no = draft.session_no
        if session_no is not None:
            if session_no < 1:
                raise ValidationError("session_no", MSG_SESSION_NUMBER, value=session_no)
            clash = session.exec(
                select(Meeting).where(Meeting.meeting_type == draft.meeting_type,
                                      Meeting.session_no == session_no,
                                      col(Meeting.deleted).is_(False),
                                      Meeting.id != (meeting_id or ""))).first()
            if clash is not None:
                raise ValidationError("session_no", MSG_SESSION_TAKEN, number=session_no,
                                      date=clash.start_at.date().isoformat())
        expected, present = draft.headcount_expected, draft.headcount_present
        if has_list and (expected is not None or present is not None):
            raise ValidationError("headcount_expected", MSG_HEADCOUNT_WITH_LIST)
        for name, value in (("headcount_expected", expected),
                            ("headcount_present", present)):
            if value is not None and value < 0:
                raise ValidationError(name, MSG_HEADCOUNT_NEGATIVE,
                                      field=Term(FIELD_LABELS[name]))
        if present is not None and (expected or 0) < present:
            raise ValidationError("headcount_present", MSG_HEADCOUNT_OVER, present=present,
                                  expected=expected or 0)
        return {
            "meeting_type": draft.meeting_type, "session_no": session_no,
            "title": clean(draft.title), "org_id": draft.org_id, "start_at": start,
            "end_at": end, "place": clean(draft.place), "host": clean(draft.host),
            "recorder": clean(draft.recorder), "status": draft.status,
            "headcount_expected": expected, "headcount_present": present,
            "content": _clean_text(draft.content), "note": clean(draft.note) or None,
        }

    @staticmethod
    def _check_times(start: dt.datetime, end: dt.datetime) -> None:
        if end <= start:
            raise ValidationError("end_at", MSG_END_BEFORE, end=_fmt(end), start=_fmt(start))
        if end - start > dt.timedelta(days=1):
            raise ValidationError("end_at", MSG_END_LONG)

    @staticmethod
    def _not_cancelled(meeting: Meeting) -> None:
        if meeting.status == "cancelled":
            raise UserError(MSG_CANCELLED)

    def _attendee_values(self, session: Session, meeting_id: str, draft: AttendeeDraft,
                         attendee_id: str | None) -> dict[str, Any]:
        name = clean(draft.name)
        if not name:
            raise ValidationError("name", MSG_ATTENDEE_NAME)
        _check_code("identity", rules.ATTENDEE_IDENTITIES, draft.identity)
        _check_code("person_kind", rules.PERSON_KINDS, draft.person_kind)
        _check_code("presence", rules.PRESENCE, draft.presence)
        reason = clean(draft.absence_reason) or None
        if draft.presence in (rules.LEAVE, rules.ABSENT) and not reason:
            raise ValidationError("absence_reason", MSG_ABSENCE_REASON, name=name,
                                  presence=Term(rules.PRESENCE.label(draft.presence)))
        if draft.presence not in (rules.LEAVE, rules.ABSENT):
            reason = None
        for other in self._attendees(session, meeting_id):
            if other.id == attendee_id:
                continue
            same_person = (draft.person_id and other.person_id == draft.person_id)
            same_free = (draft.person_kind == "free" and other.person_kind == "free"
                         and other.name == name and (other.unit or "") == (draft.unit or ""))
            if same_person or same_free:
                raise ValidationError("name", MSG_ATTENDEE_TWICE, name=name)
        return {"name": name, "identity": draft.identity, "person_kind": draft.person_kind,
                "person_id": draft.person_id if draft.person_kind != "free" else None,
                "unit": clean(draft.unit) or None, "presence": draft.presence,
                "absence_reason": reason}

    def _signed(self, values: dict[str, Any]) -> dt.datetime | None:
        """A walk-in marked present on arrival signs in now."""
        return self.now() if values["presence"] == rules.PRESENT else None

    def _check_headcount_cleared(self, meeting: Meeting) -> None:
        # A list of attendees replaces typed headcounts.
        if meeting.headcount_expected is not None or meeting.headcount_present is not None:
            meeting.headcount_expected = None
            meeting.headcount_present = None

    def _check_votes_after(self, session: Session, meeting: Meeting, attendee_id: str,
                           presence: str | None, *, removing: bool = False) -> None:
        presences = [None if (removing and a.id == attendee_id) else
                     (presence if a.id == attendee_id else a.presence)
                     for a in self._attendees(session, meeting.id)
                     if not (removing and a.id == attendee_id)]
        present = rules.attendance(presences).present
        votes = max((r.yes + r.no + r.abstain for r in self._meeting_resolutions(
            session, meeting.id)), default=0)
        if votes > present:
            raise ValidationError("presence", MSG_PRESENCE_VOTES, present=present, votes=votes)

    def _item_values(self, draft: ItemDraft) -> dict[str, Any]:
        title = clean(draft.title)
        if not title:
            raise ValidationError("title", MSG_ITEM_TITLE)
        _check_code("source", rules.AGENDA_SOURCES, draft.source)
        return {"title": title, "source": draft.source,
                "proposer": clean(draft.proposer) or None,
                "content": _clean_text(draft.content)}

    @staticmethod
    def _speech_values(draft: SpeechDraft) -> dict[str, Any]:
        speaker = clean(draft.speaker)
        if not speaker:
            raise ValidationError("speaker", MSG_SPEAKER)
        return {"speaker": speaker, "summary": _clean_text(draft.summary)}

    def _resolution_values(self, session: Session, meeting: Meeting,
                           draft: ResolutionDraft) -> dict[str, Any]:
        text = _clean_text(draft.text)
        if not text:
            raise ValidationError("text", MSG_RESOLUTION_TEXT)
        _check_code("method", rules.VOTE_METHODS, draft.method)
        if min(draft.yes, draft.no, draft.abstain) < 0:
            raise ValidationError("votes", MSG_VOTES_NEGATIVE)
        attendance = self._attendance(meeting, self._attendees(session, meeting.id))
        votes = draft.yes + draft.no + draft.abstain
        if votes > attendance.present:
            raise ValidationError("votes", MSG_VOTES_OVER, votes=votes, yes=draft.yes,
                                  no=draft.no, abstain=draft.abstain,
                                  present=attendance.present)
        result = rules.DEFERRED if draft.deferred else rules.vote_result(
            draft.yes, draft.no, draft.abstain, self._base(attendance))
        return {"text": text, "method": draft.method, "yes": draft.yes, "no": draft.no,
                "abstain": draft.abstain, "result": result}

    def _base(self, attendance: rules.Attendance) -> int:
        return attendance.expected if self.rules.vote_base == "expected" else attendance.present

    def _recount(self, session: Session, meeting: Meeting) -> None:
        """Attendance moved: results computed by the rule follow, until approval."""
        if meeting.approved_on is not None:
            return
        session.flush()
        base = self._base(self._attendance(meeting, self._attendees(session, meeting.id)))
        for resolution in self._meeting_resolutions(session, meeting.id):
            if resolution.result == rules.DEFERRED:
                continue
            result = rules.vote_result(resolution.yes, resolution.no, resolution.abstain, base)
            if resolution.result != result:
                resolution.result = result

    def _follow_up_values(self, meeting: Meeting, draft: FollowUpDraft) -> dict[str, Any]:
        task = _clean_text(draft.task)
        if not task:
            raise ValidationError("task", MSG_TASK)
        owner = clean(draft.owner)
        if not owner:
            raise ValidationError("owner", MSG_OWNER)
        if draft.status == rules.OVERDUE:  # derived, never stored
            raise ValidationError("status", MSG_CODE_VALUE, field=Term(FIELD_LABELS["status"]),
                                  value=draft.status)
        check_code("status", rules.FOLLOW_UP_STATUS, draft.status, FIELD_LABELS["status"])
        meeting_day = meeting.start_at.date()
        if draft.due_date is not None and draft.due_date < meeting_day:
            raise ValidationError("due_date", MSG_DUE_BEFORE, date=draft.due_date.isoformat(),
                                  meeting=meeting_day.isoformat())
        done_on = draft.done_on if draft.status == rules.DONE else None
        if draft.status == rules.DONE:
            if done_on is None:
                raise ValidationError("done_on", MSG_DONE_DATE)
            if done_on < meeting_day:
                raise ValidationError("done_on", MSG_DONE_BEFORE, date=done_on.isoformat(),
                                      meeting=meeting_day.isoformat())
            if done_on > self.today():
                raise ValidationError("done_on", MSG_DONE_FUTURE, date=done_on.isoformat())
        return {"task": task, "owner": owner, "due_date": draft.due_date,
                "status": draft.status, "done_on": done_on,
                "feedback": _clean_text(draft.feedback), "published": draft.published}

    def _copy_attendees(self, session: Session, from_id: str, to_id: str) -> int:
        existing = self._attendees(session, to_id)
        keys = {(a.person_kind, a.person_id or a.name) for a in existing}
        order = max((a.sort_order for a in existing), default=0)
        added = 0
        for other in self._attendees(session, from_id):
            key = (other.person_kind, other.person_id or other.name)
            if key in keys:
                continue
            keys.add(key)
            order += 1
            added += 1
            session.add(MeetingAttendee(
                meeting_id=to_id, person_kind=other.person_kind, person_id=other.person_id,
                name=other.name, identity=other.identity, unit=other.unit,
                sort_order=order,
                presence=rules.OBSERVER if other.presence == rules.OBSERVER else None))
        return added

    @staticmethod
    def _attendance(meeting: Meeting, attendees: list[MeetingAttendee]) -> rules.Attendance:
        if attendees or meeting.headcount_expected is None:
            return rules.attendance([a.presence for a in attendees])
        expected = meeting.headcount_expected or 0
        present = meeting.headcount_present or 0
        return rules.Attendance(expected, present, 0, expected - present, 0, 0)

    def _has_list(self, session: Session, meeting_id: str) -> bool:
        return bool(self._attendees(session, meeting_id))

    @staticmethod
    def _draft(meeting: Meeting) -> MeetingDraft:
        return MeetingDraft(
            meeting.meeting_type, meeting.start_at, meeting.end_at, meeting.place,
            meeting.host, meeting.recorder, meeting.title, meeting.session_no,
            meeting.org_id, meeting.status, meeting.headcount_expected,
            meeting.headcount_present, meeting.content, meeting.note)

    def _meeting_row(self, meeting: Meeting, refs: dict[str, str],
                     stats: dict[str, dict[str, Any]]) -> MeetingRow:
        mine = stats.get(meeting.id, {})
        presences = mine.get("presences", [])
        if presences or meeting.headcount_expected is None:
            attendance = rules.attendance(presences)
            expected, present = attendance.expected, attendance.present
        else:
            expected = meeting.headcount_expected or 0
            present = meeting.headcount_present or 0
        return MeetingRow(
            meeting.id, refs.get(meeting.id, ""), meeting.meeting_type, meeting.session_no,
            meeting.title, meeting.start_at, meeting.end_at,
            meeting.place, meeting.host, meeting.recorder, meeting.status,
            meeting.approved_on, expected, present, mine.get("items", 0),
            mine.get("resolutions", 0), mine.get("open", 0), mine.get("attachments", 0),
            meeting.approved_by, meeting.cancel_reason, meeting.origin_office)

    def _stats(self, session: Session, meeting_id: str | None = None
               ) -> dict[str, dict[str, Any]]:
        """Per meeting: presence marks and counts, in a few set-based queries."""
        stats: dict[str, dict[str, Any]] = {}
        where = " AND meeting_id = :m" if meeting_id else ""
        params = {"m": meeting_id} if meeting_id else {}
        conn = session.connection()

        def rows(sql: str) -> list[Any]:
            from sqlalchemy import text
            return list(conn.execute(text(sql), params).fetchall())

        for mid, presence in rows("SELECT meeting_id, presence FROM meeting_attendee "
                                  f"WHERE NOT deleted{where}"):
            stats.setdefault(mid, {}).setdefault("presences", []).append(presence)
        for mid, count in rows("SELECT meeting_id, count(*) FROM agenda_item "
                               f"WHERE NOT deleted{where} GROUP BY meeting_id"):
            stats.setdefault(mid, {})["items"] = count
        for mid, count in rows(
                "SELECT i.meeting_id, count(*) FROM resolution r JOIN agenda_item i "
                "ON i.id = r.item_id WHERE NOT r.deleted AND NOT i.deleted"
                f"{where.replace('meeting_id', 'i.meeting_id')} GROUP BY i.meeting_id"):
            stats.setdefault(mid, {})["resolutions"] = count
        for mid, count in rows("SELECT meeting_id, count(*) FROM follow_up "
                               f"WHERE NOT deleted AND status != 'done'{where} "
                               "GROUP BY meeting_id"):
            stats.setdefault(mid, {})["open"] = count
        for mid, count in rows("SELECT meeting_id, count(*) FROM meeting_attachment "
                               f"WHERE NOT deleted{where} GROUP BY meeting_id"):
            stats.setdefault(mid, {})["attachments"] = count
        return stats

    @staticmethod
    def _refs(session: Session) -> dict[str, str]:
        """The number shown for each meeting: its date and its place in that day."""
        refs: dict[str, str] = {}
        per_day: dict[str, int] = {}
        for mid, start in session.exec(
                select(Meeting.id, Meeting.start_at).where(col(Meeting.deleted).is_(False))
                .order_by(col(Meeting.start_at), col(Meeting.id))).all():
            day = start.strftime("%Y%m%d")
            per_day[day] = per_day.get(day, 0) + 1
            refs[mid] = f"{day}-{per_day[day]}"
        return refs

    @staticmethod
    def _follow_row(follow: FollowUp, resolution_text: str, meeting: Meeting,
                    refs: dict[str, str], today: dt.date) -> FollowUpRow:
        return FollowUpRow(
            follow.id, follow.resolution_id, follow.meeting_id, refs.get(meeting.id, ""),
            meeting.start_at.date(), meeting.title,
            resolution_text, follow.task, follow.owner, follow.due_date, follow.status,
            rules.follow_up_state(follow.status, follow.due_date, today), follow.done_on,
            follow.feedback, follow.published, meeting.meeting_type, meeting.session_no,
            follow.origin_office)

    def _meeting(self, session: Session, meeting_id: str) -> Meeting:
        return live_row(session, Meeting, meeting_id, MSG_MEETING_MISSING)  # type: ignore[no-any-return]

    @staticmethod
    def _append(session: Session, model: Any, siblings: list[Any], **values: Any) -> str:
        """Add a row after its siblings (agenda items, speeches, resolutions); its id."""
        position = max((s.position for s in siblings), default=0) + 1
        row = model(position=position, **values)
        session.add(row)
        session.flush()
        return str(row.id)

    @staticmethod
    def _live(session: Session, model: Any, parent: Any, parent_id: str,
              order: Any) -> list[Any]:
        """The rows of ``model`` under one parent that are not tombstones, in order."""
        return list(session.exec(
            select(model).where(parent == parent_id, col(model.deleted).is_(False))
            .order_by(col(order), col(model.id))).all())

    def _attendees(self, session: Session, meeting_id: str) -> list[MeetingAttendee]:
        return self._live(session, MeetingAttendee, MeetingAttendee.meeting_id, meeting_id,
                          MeetingAttendee.sort_order)

    def _items(self, session: Session, meeting_id: str) -> list[AgendaItem]:
        return self._live(session, AgendaItem, AgendaItem.meeting_id, meeting_id,
                          AgendaItem.position)

    def _speeches(self, session: Session, item_id: str) -> list[AgendaSpeech]:
        return self._live(session, AgendaSpeech, AgendaSpeech.item_id, item_id,
                          AgendaSpeech.position)

    def _resolutions(self, session: Session, item_id: str) -> list[Resolution]:
        return self._live(session, Resolution, Resolution.item_id, item_id,
                          Resolution.position)

    @staticmethod
    def _meeting_resolutions(session: Session, meeting_id: str) -> list[Resolution]:
        return list(session.exec(
            select(Resolution).join(AgendaItem, col(AgendaItem.id) == Resolution.item_id)
            .where(AgendaItem.meeting_id == meeting_id, col(AgendaItem.deleted).is_(False),
                   col(Resolution.deleted).is_(False))).all())

    def _follow_ups_of(self, session: Session, resolution_id: str) -> list[FollowUp]:
        return self._live(session, FollowUp, FollowUp.resolution_id, resolution_id,
                          FollowUp.due_date)

    def _amendments(self, session: Session, meeting_id: str) -> list[MeetingAmendment]:
        return self._live(session, MeetingAmendment, MeetingAmendment.meeting_id, meeting_id,
                          MeetingAmendment.amended_at)


def _short(text: str, limit: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _presence_text(presence: str | None) -> str:
    return rules.PRESENCE.label(presence) if presence else "—"
