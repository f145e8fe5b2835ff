"""Resident council and party meetings (居民议事会 / 三会一课): codes and rules.

Pure functions: the council date rule (the 10th, moved to the next working day),
the vote rule (passes when yes is more than half of the base), follow-up states
(overdue is derived, never stored) and what an attachment may be.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass

from gridoffice.domain.codes import CodeTable, _c
from gridoffice.domain.dates import parse_date
from gridoffice.i18n import QT_TRANSLATE_NOOP

COUNCIL = "council"

MEETING_TYPES = CodeTable(
    _c(COUNCIL, QT_TRANSLATE_NOOP("codes", "Resident council")),
    _c("branch_congress", QT_TRANSLATE_NOOP("codes", "Branch general meeting")),
    _c("branch_committee", QT_TRANSLATE_NOOP("codes", "Branch committee meeting")),
    _c("party_group", QT_TRANSLATE_NOOP("codes", "Party group meeting")),
    _c("party_lecture", QT_TRANSLATE_NOOP("codes", "Party lecture")),
    _c("theme_day", QT_TRANSLATE_NOOP("codes", "Theme party day")),
    _c("joint", QT_TRANSLATE_NOOP("codes", "Joint party-building meeting")),
)

MEETING_STATUS = CodeTable(
    _c("draft", QT_TRANSLATE_NOOP("codes", "Draft")),
    _c("planned", QT_TRANSLATE_NOOP("codes", "Not started")),
    _c("in_progress", QT_TRANSLATE_NOOP("codes", "In progress")),
    _c("finished", QT_TRANSLATE_NOOP("codes", "Finished")),
    _c("cancelled", QT_TRANSLATE_NOOP("codes", "Cancelled")),
)

ATTENDEE_IDENTITIES = CodeTable(
    _c("committee", QT_TRANSLATE_NOOP("codes", "Community committees")),
    _c("resident_rep", QT_TRANSLATE_NOOP("codes", "Resident representative")),
    _c("member_rep", QT_TRANSLATE_NOOP("codes", "Party member representative")),
    _c("party_delegate", QT_TRANSLATE_NOOP("codes", "Party congress delegate")),
    _c("npc_deputy", QT_TRANSLATE_NOOP("codes", "People's congress deputy")),
    _c("cppcc_member", QT_TRANSLATE_NOOP("codes", "CPPCC member")),
    _c("police", QT_TRANSLATE_NOOP("codes", "Community police officer")),
    _c("property", QT_TRANSLATE_NOOP("codes", "Property management")),
    _c("owners_committee", QT_TRANSLATE_NOOP("codes", "Owners' committee")),
    _c("unit", QT_TRANSLATE_NOOP("codes", "Resident unit")),
    _c("grid_worker", QT_TRANSLATE_NOOP("codes", "Grid worker")),
    _c("party_member", QT_TRANSLATE_NOOP("codes", "Party member")),
    _c("resident", QT_TRANSLATE_NOOP("codes", "Resident")),
)

PRESENT = "present"
LEAVE = "leave"
ABSENT = "absent"
OBSERVER = "observer"

PRESENCE = CodeTable(
    _c(PRESENT, QT_TRANSLATE_NOOP("codes", "Present")),
    _c(LEAVE, QT_TRANSLATE_NOOP("codes", "On leave")),
    _c(ABSENT, QT_TRANSLATE_NOOP("codes", "Absent")),
    _c(OBSERVER, QT_TRANSLATE_NOOP("codes", "Observer")),
)

PERSON_KINDS = CodeTable(
    _c("resident", QT_TRANSLATE_NOOP("codes", "Resident")),
    _c("member", QT_TRANSLATE_NOOP("codes", "Party member")),
    _c("registration", QT_TRANSLATE_NOOP("codes", "In-service member")),
    _c("free", QT_TRANSLATE_NOOP("codes", "Typed name")),
)

AGENDA_SOURCES = CodeTable(
    _c("residents", QT_TRANSLATE_NOOP("codes", "Raised by residents")),
    _c("grid_workers", QT_TRANSLATE_NOOP("codes", "Collected by grid workers")),
    _c("committees", QT_TRANSLATE_NOOP("codes", "Raised by the committees")),
    _c("units", QT_TRANSLATE_NOOP("codes", "Resident units")),
)

VOTE_METHODS = CodeTable(
    _c("hands", QT_TRANSLATE_NOOP("codes", "Show of hands")),
    _c("ballot", QT_TRANSLATE_NOOP("codes", "Secret ballot")),
)

PASSED = "passed"
REJECTED = "rejected"
DEFERRED = "deferred"

RESULTS = CodeTable(
    _c(PASSED, QT_TRANSLATE_NOOP("codes", "Passed")),
    _c(REJECTED, QT_TRANSLATE_NOOP("codes", "Not passed")),
    _c(DEFERRED, QT_TRANSLATE_NOOP("codes", "Deferred")),
)

TODO = "todo"
DOING = "doing"
DONE = "done"
OVERDUE = "overdue"  # derived: not done and past its due date

FOLLOW_UP_STATUS = CodeTable(
    _c(TODO, QT_TRANSLATE_NOOP("codes", "To do")),
    _c(DOING, QT_TRANSLATE_NOOP("codes", "In progress")),
    _c(DONE, QT_TRANSLATE_NOOP("codes", "Done")),
    _c(OVERDUE, QT_TRANSLATE_NOOP("codes", "Overdue")),
)

ATTACHMENT_KINDS = CodeTable(
    _c("sign_in", QT_TRANSLATE_NOOP("codes", "Signed sign-in sheet")),
    _c("photo", QT_TRANSLATE_NOOP("codes", "Photo")),
    _c("scan", QT_TRANSLATE_NOOP("codes", "Scan")),
    _c("other", QT_TRANSLATE_NOOP("codes", "Other")),
)

VOTE_BASES = CodeTable(
    _c("present", QT_TRANSLATE_NOOP("codes", "Those present")),
    _c("expected", QT_TRANSLATE_NOOP("codes", "Those expected")),
)

COUNCIL_DAY = 10
COUNCIL_TIME = dt.time(14, 30)
COUNCIL_HOURS = 2


# --- the council date ---------------------------------------------------------------
def is_working_day(day: dt.date, holidays: Collection[dt.date] = (),
                   workdays: Collection[dt.date] = ()) -> bool:
    """Monday to Friday, except public holidays; a 调休 weekend day in ``workdays`` works."""
    if day in workdays:
        return True
    return day.weekday() < 5 and day not in holidays


def council_date(year: int, month: int, *, day: int = COUNCIL_DAY, move: bool = True,
                 holidays: Collection[dt.date] = (),
                 workdays: Collection[dt.date] = ()) -> dt.date:
    """The council of ``year``-``month``: the ``day``-th (the last day of a short
    month), moved to the next working day when ``move`` and it is not one."""
    last = _month_end(year, month)
    date = dt.date(year, month, min(max(day, 1), last.day))
    if move:
        while not is_working_day(date, holidays, workdays):
            date += dt.timedelta(days=1)
    return date


def next_council_date(after: dt.date | None, today: dt.date, **rule: object) -> dt.date:
    """The council after the last one (``after``): the month after it, but never a
    month before today's; a date already past moves on a month."""
    year, month = today.year, today.month
    if after is not None:
        year, month = _next_month(after.year, after.month)
        if (year, month) < (today.year, today.month):
            year, month = today.year, today.month
    date = council_date(year, month, **rule)  # type: ignore[arg-type]
    if date < today:
        date = council_date(*_next_month(year, month), **rule)  # type: ignore[arg-type]
    return date


def _next_month(year: int, month: int) -> tuple[int, int]:
    return (year + 1, 1) if month == 12 else (year, month + 1)


def _month_end(year: int, month: int) -> dt.date:
    first_next = dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)
    return first_next - dt.timedelta(days=1)


_LIST_SEPARATORS = re.compile(r"[,，、;；\s]+")
_AROUND_SEPARATORS = re.compile(r"\s*([-/.年月~至到])\s*")
_RANGE = re.compile(r"^(.+?)(?:~|至|到)(.+)$")
_MONTH_DAY = re.compile(r"^(\d{1,2})[-/.月](\d{1,2})日?$")
_DAY = re.compile(r"^(\d{1,2})日?$")
MAX_RANGE_DAYS = 62  # a run of holidays, not a typo spanning years


def read_dates(text: str) -> tuple[set[dt.date], list[str]]:
    """The dates of a typed list, and the parts that are not dates.

    Parts are separated by commas (，、;), line breaks or spaces; each is a date
    as :func:`gridoffice.domain.dates.parse_date` reads it (2026-10-01, 2026/10/1,
    2026.10.1, 2026年10月1日) or a run of days: 2026-10-01至2026-10-07,
    2026年10月1日~7日, 2026.10.1到10.8.
    """
    found: set[dt.date] = set()
    bad: list[str] = []
    text = _AROUND_SEPARATORS.sub(r"\1", unicodedata.normalize("NFKC", text or ""))
    text = re.sub(r"\s+日", "日", text)
    for part in _LIST_SEPARATORS.split(text.strip()):
        if not part:
            continue
        try:
            found.update(_read_part(part))
        except ValueError:
            bad.append(part)
    return found, bad


def _read_part(part: str) -> list[dt.date]:
    run = _RANGE.match(part)
    if run is None:
        day = parse_date(part)
        if day is None:
            raise ValueError(part)
        return [day]
    first = parse_date(run.group(1))
    if first is None:
        raise ValueError(part)
    last_text = run.group(2)
    if (match := _MONTH_DAY.match(last_text)) is not None:
        last = dt.date(first.year, int(match.group(1)), int(match.group(2)))
    elif (match := _DAY.match(last_text)) is not None:
        last = dt.date(first.year, first.month, int(match.group(1)))
    else:
        last = parse_date(last_text)  # type: ignore[assignment]
    if last is None or not 0 <= (last - first).days <= MAX_RANGE_DAYS:
        raise ValueError(part)
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def parse_dates(text: str) -> set[dt.date]:
    """``2026-10-01, 2026/10/2, 2026年10月3日至7日`` → dates; bad parts are skipped
    (see :func:`read_dates` to tell the user about them)."""
    return read_dates(text)[0]


# --- attendance and votes -----------------------------------------------------------
@dataclass(frozen=True)
class Attendance:
    expected: int  # everyone invited except observers
    present: int
    leave: int
    absent: int
    observers: int
    unmarked: int  # invited, not yet signed in

    @property
    def rate(self) -> float | None:
        return self.present / self.expected if self.expected else None


def attendance(presences: list[str | None]) -> Attendance:
    """Counts from the attendees' presence marks (None = not yet marked)."""
    observers = presences.count(OBSERVER)
    return Attendance(
        expected=len(presences) - observers,
        present=presences.count(PRESENT),
        leave=presences.count(LEAVE),
        absent=presences.count(ABSENT),
        observers=observers,
        unmarked=presences.count(None),
    )


def vote_result(yes: int, no: int, abstain: int, base: int) -> str:
    """通过 when yes is more than half of ``base`` (those present, or expected:
    a setting), else 未通过. 暂缓 is a decision, not a count, and is set by hand."""
    del no, abstain
    return PASSED if base > 0 and 2 * yes > base else REJECTED


def follow_up_state(status: str, due: dt.date | None, today: dt.date) -> str:
    """The status shown: 逾期 when not done and the due date has passed."""
    if status != DONE and due is not None and due < today:
        return OVERDUE
    return status


def due_within(status: str, due: dt.date | None, today: dt.date, days: int) -> bool:
    """Not done, not overdue, and due within ``days`` of ``today`` (the follow-ups
    "due soon": the follow-up view's filter and the workbench's item)."""
    return (due is not None and follow_up_state(status, due, today) not in (DONE, OVERDUE)
            and due <= today + dt.timedelta(days=days))


# --- attachments --------------------------------------------------------------------
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"BM", "image/bmp"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
)


def sniff_type(head: bytes) -> str | None:
    """The file's real type from its first bytes (never the name): an image or PDF."""
    for magic, mime in _SIGNATURES:
        if head.startswith(magic):
            return mime
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    return None
