"""The in-service register's plain data: messages, the point rules setting, drafts,
rows and queries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from gridoffice.domain import inservice as rules
from gridoffice.domain.codes import CodeTable
from gridoffice.errors import Term, ValidationError
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.services.common import check_code
from gridoffice.services.inservice.rules_setting import (  # noqa: F401 - here too
    KEY_PREFIX,
    load_point_rules,
)
from gridoffice.store import settings

MSG_UNIT_NAME = QT_TRANSLATE_NOOP("errors", "Work unit: enter the unit's name.")
MSG_UNIT_TAKEN = QT_TRANSLATE_NOOP("errors", "Work unit: {name} is already in the list.")
MSG_UNIT_MISSING = QT_TRANSLATE_NOOP("errors", "Work unit: choose the member's work unit.")
MSG_AGREEMENT_SIGNED = QT_TRANSLATE_NOOP(
    "errors", "Co-building agreement: enter the date it was signed.")
MSG_AGREEMENT_UNTIL = QT_TRANSLATE_NOOP(
    "errors", "Co-building agreement: it ends ({until}) before it was signed ({signed}).")
AGREEMENT_LABEL = QT_TRANSLATE_NOOP("codes", "Co-building agreement")
AGREEMENT_LIMIT = 2000
MSG_NAME = QT_TRANSLATE_NOOP("errors", "Name: enter the member's name.")
MSG_REPORT_FUTURE = QT_TRANSLATE_NOOP("errors", "Report date: {date} is in the future.")
MSG_ALREADY_REGISTERED = QT_TRANSLATE_NOOP(
    "errors", "{name} is already registered (card {code}); open that registration instead.")
MSG_RETURN_REASON = QT_TRANSLATE_NOOP(
    "errors", "Reason: say why the registration is returned.")
MSG_NOT_APPROVED = QT_TRANSLATE_NOOP(
    "errors", "{name}'s registration is not approved yet ({status}).")
MSG_LEFT = QT_TRANSLATE_NOOP("errors", "{name} left on {date}.")
MSG_POST_NAME = QT_TRANSLATE_NOOP("errors", "Post: enter the post's name.")
MSG_QUOTA = QT_TRANSLATE_NOOP("errors", "Quota: enter how many members the post takes (1 or more).")
MSG_QUOTA_BELOW = QT_TRANSLATE_NOOP(
    "errors", "Quota: {claimed} members already hold this post; the quota cannot be lower.")
MSG_POST_FULL = QT_TRANSLATE_NOOP(
    "errors", "The post {post} is full: {claimed} of {quota} places are taken.")
MSG_POST_RETIRED = QT_TRANSLATE_NOOP("errors", "The post {post} is closed.")
MSG_CLAIM_TWICE = QT_TRANSLATE_NOOP("errors", "{name} has already claimed or applied for {post}.")
MSG_CLAIM_STATE = QT_TRANSLATE_NOOP("errors", "The claim is already {status}.")
MSG_ACTIVITY_NAME = QT_TRANSLATE_NOOP("errors", "Activity: enter its name.")
MSG_DUTY_POST = QT_TRANSLATE_NOOP("errors", "Post: a duty belongs to a post; choose one.")
MSG_UNKNOWN_CODE = QT_TRANSLATE_NOOP(
    "errors", "Nobody registered matches {code}. Check the card, or type more digits.")
MSG_CHECKED_IN = QT_TRANSLATE_NOOP("errors", "{name} already checked in at {time}.")
MSG_NOT_CHECKED_IN = QT_TRANSLATE_NOOP(
    "errors", "{name} has not checked in to this activity; check in first.")
MSG_OUT_BEFORE_IN = QT_TRANSLATE_NOOP(
    "errors", "Check-out: {out} is before the check-in at {in_}.")
MSG_HOURS = QT_TRANSLATE_NOOP(
    "errors", "Hours: {hours} is not between 0 and 24 hours a day.")
MSG_CONFIRMER = QT_TRANSLATE_NOOP(
    "errors", "Confirmed by: a service record is confirmed by the staff member on duty; "
    "set the operator's name in Settings.")
MSG_ITEM_MANUAL = QT_TRANSLATE_NOOP(
    "errors", "Item: {item} points come from check-in and registration, not by hand.")
MSG_CORRECTION_REASON = QT_TRANSLATE_NOOP("errors", "Reason: say why the points are corrected.")
MSG_CORRECTION_ZERO = QT_TRANSLATE_NOOP("errors", "Points: a correction changes the points.")
MSG_PERIOD = QT_TRANSLATE_NOOP(
    "errors", "Period: {value} is not a period such as 2026, 2026H1, 2026Q3 or 2026-07.")
MSG_RULE_VALUE = QT_TRANSLATE_NOOP("errors", "{field}: {value} is not allowed.")

FIELD_LABELS = {
    "unit_type": QT_TRANSLATE_NOOP("codes", "Unit type"),
    "report_type": QT_TRANSLATE_NOOP("codes", "Report type"),
    "category": QT_TRANSLATE_NOOP("codes", "Category"),
    "item": QT_TRANSLATE_NOOP("codes", "Item"),
    "kind": QT_TRANSLATE_NOOP("codes", "Kind"),
    "wished_categories": QT_TRANSLATE_NOOP("codes", "Wished posts"),
    "party_status": QT_TRANSLATE_NOOP("codes", "Party status"),
    "pass_mark": QT_TRANSLATE_NOOP("codes", "Pass mark"),
    "excellent": QT_TRANSLATE_NOOP("codes", "Excellent mark"),
    "reregister_months": QT_TRANSLATE_NOOP("codes", "Re-registration"),
}


def save_point_rules(db_path: Path, value: rules.PointRules) -> None:
    """Later entries use the new values; past entries keep theirs."""
    if not 0 < value.pass_mark <= value.excellent:
        raise ValidationError("excellent", MSG_RULE_VALUE,
                              field=Term(FIELD_LABELS["excellent"]), value=value.excellent)
    if not 1 <= value.reregister_months <= 36:
        raise ValidationError("reregister_months", MSG_RULE_VALUE,
                              field=Term(FIELD_LABELS["reregister_months"]),
                              value=value.reregister_months)
    settings.write(db_path, {KEY_PREFIX + k: str(v) for k, v in vars(value).items()})


# --- what forms submit ------------------------------------------------------------------
@dataclass(frozen=True)
class WorkUnitDraft:
    name: str
    unit_type: str = "government"
    party_org: str | None = None
    contact: str | None = None
    phone: str | None = None
    address: str | None = None
    note: str | None = None
    agreement_signed: dt.date | None = None  # 共建协议: signed, in force until, content
    agreement_until: dt.date | None = None
    agreement_content: str | None = None


@dataclass(frozen=True)
class RegistrationDraft:
    """Linked to ``member_id`` or ``resident_id`` when the person is on file: their
    name, sex, birth, ID number and phone then come from that record."""

    work_unit_id: str | None
    report_date: dt.date
    member_id: str | None = None
    resident_id: str | None = None
    name: str = ""
    sex: str | None = None
    birth_date: dt.date | None = None
    id_number: str = ""
    mobile: str = ""
    party_status: str = "full"
    home_address: str | None = None
    grid_id: str | None = None
    job: str | None = None
    skills: str = ""
    wished_categories: tuple[str, ...] = ()
    report_type: str = "individual"
    note: str | None = None


@dataclass(frozen=True)
class PostDraft:
    name: str
    category: str
    quota: int
    grid_id: str | None = None
    description: str = ""


@dataclass(frozen=True)
class ActivityDraft:
    name: str
    on_date: dt.date
    kind: str = "activity"
    post_id: str | None = None
    place: str = ""
    organiser: str = ""
    note: str | None = None


# --- what the service returns ----------------------------------------------------------
@dataclass(frozen=True)
class WorkUnitRow:
    id: str
    name: str
    unit_type: str
    party_org: str | None
    contact: str | None
    phone: str | None
    members: int
    origin_office: str = ""  # the office that owns the record (the street sees all)


@dataclass(frozen=True)
class RegistrationRow:
    id: str
    code: str
    name: str
    sex: str | None
    birth: str  # masked: the month
    id_number: str  # masked
    mobile: str  # masked
    party_status: str
    home_address: str | None  # to building/unit
    grid_id: str | None
    work_unit_id: str
    work_unit: str
    unit_type: str
    job: str | None
    skills: str
    wished_categories: tuple[str, ...]
    report_type: str
    report_date: dt.date
    review_status: str
    review_reason: str | None
    last_registered_on: dt.date
    reregister_due: dt.date
    left_on: dt.date | None
    member_id: str | None
    resident_id: str | None
    linked: str  # member | resident | "" : where the personal details come from
    origin_office: str = ""  # the office that owns the record (the street sees all)


@dataclass(frozen=True)
class RegistrationQuery:
    text: str = ""  # name, pinyin, initials, card code
    review_status: str | None = None
    work_unit_id: str | None = None
    due_within_days: int | None = None  # re-registration due within N days (or overdue)
    include_left: bool = False
    office: str | None = None  # one office's registrations (origin_office); None: all


@dataclass(frozen=True)
class PostRow:
    id: str
    name: str
    category: str
    grid_id: str | None
    quota: int
    claimed: int
    applying: int
    description: str
    retired_on: dt.date | None
    origin_office: str = ""

    @property
    def full(self) -> bool:
        return self.claimed >= self.quota


@dataclass(frozen=True)
class ClaimRow:
    id: str
    registration_id: str
    name: str
    code: str
    post_id: str
    post: str
    status: str
    applied_on: dt.date
    claimed_on: dt.date | None
    withdrawn_on: dt.date | None


@dataclass(frozen=True)
class ActivityRow:
    id: str
    kind: str
    name: str
    post_id: str | None
    post: str | None
    on_date: dt.date
    place: str
    organiser: str
    checked_in: int
    checked_out: int
    origin_office: str = ""


@dataclass(frozen=True)
class RecordRow:
    id: str
    registration_id: str
    name: str
    code: str
    work_unit: str
    activity_id: str | None
    activity: str
    on_date: dt.date
    content: str
    check_in_at: dt.datetime | None
    check_out_at: dt.datetime | None
    hours: float
    confirmed_by: str | None
    points: int


@dataclass(frozen=True)
class EntryRow:
    id: str
    registration_id: str
    on_date: dt.date
    item: str
    points: int
    basis: str
    corrects_id: str | None
    entered_by: str
    note: str | None


@dataclass(frozen=True)
class PointsRow:
    """One member's line of the points notice for a period."""

    registration_id: str
    code: str
    name: str
    work_unit_id: str
    work_unit: str
    grid_id: str | None
    posts: tuple[str, ...]
    activities: int
    hours: float
    period_points: int
    year_points: int
    year_hours: float
    grade: str  # of the year to the period's end
    origin_office: str = ""  # the office that owns the registration (the street sees all)


@dataclass(frozen=True)
class UnitSummary:
    work_unit_id: str
    work_unit: str
    unit_type: str
    party_org: str | None
    members: int
    activities: int
    hours: float
    points: int
    grades: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class CheckInResult:
    record_id: str
    registration: RegistrationRow
    at: dt.datetime
    hours: float | None = None  # on check-out
    points: int | None = None


def check_field_code(field_name: str, table: CodeTable, value: str | None) -> None:
    """Refuse a code not in ``table``, naming the field as FIELD_LABELS reads it."""
    check_code(field_name, table, value, FIELD_LABELS.get(field_name, field_name))


def parse_period_or_fail(text: str) -> rules.Period:
    period = rules.parse_period(text)
    if period is None:
        raise ValidationError("period", MSG_PERIOD, value=text)
    return period
