"""The plain data of co-building: drafts the tab fills in, rows the lists show, and
the messages of the refusals. No SQLAlchemy, no Qt."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from gridoffice.domain.code_table import CodeTable, _c
from gridoffice.i18n import QT_TRANSLATE_NOOP

MSG_PERSON = QT_TRANSLATE_NOOP(
    "errors", "Person: the resident record no longer exists; pick them again or type a name.")
MSG_GRID = QT_TRANSLATE_NOOP("errors", "Grid: the grid no longer exists.")
MSG_SOURCE_LINK = QT_TRANSLATE_NOOP(
    "errors", "Source: the agenda item or visit the order was raised in no longer exists.")
MSG_PROJECT = QT_TRANSLATE_NOOP("errors", "Service: the service or project no longer exists.")
MSG_NO_UNIT = QT_TRANSLATE_NOOP(
    "errors", "Assigned to: the unit {name} does not exist or has left the area.")
MSG_NO_DEPARTMENT = QT_TRANSLATE_NOOP(
    "errors", "Dispatched to: the department does not exist or is no longer used.")
MSG_NO_MEMBER = QT_TRANSLATE_NOOP(
    "errors", "Assigned to: the in-service member is not registered (or not approved) here.")
MSG_NO_GRID_TEAM = QT_TRANSLATE_NOOP("errors", "Assigned to: the grid does not exist.")
MSG_STREET_KEEPS = QT_TRANSLATE_NOOP(
    "errors", "Departments are kept by the street office; they reach the communities by sync.")
MSG_FINISHED = QT_TRANSLATE_NOOP(
    "errors", "The order stands at {state}: its details can no longer be changed.")
MSG_REQUIRED = QT_TRANSLATE_NOOP("errors", "{field}: fill this in.")
MSG_TAKEN = QT_TRANSLATE_NOOP("errors", "{field}: {name} is already in the list.")
MSG_DATES = QT_TRANSLATE_NOOP("errors", "{field}: the end ({end}) is before the start ({start}).")
MSG_PROVIDER = QT_TRANSLATE_NOOP(
    "errors", "Provider: choose the unit or the in-service member, or type who offers it.")
MSG_SCORE = QT_TRANSLATE_NOOP(
    "errors", "{field}: give 0 to {limit} points; {value} is not.")
MSG_YEAR = QT_TRANSLATE_NOOP("errors", "Year: {value} is not a year of the review.")
MSG_FILE_EMPTY = QT_TRANSLATE_NOOP("errors", "The file {name} is empty.")
MSG_FILE_LARGE = QT_TRANSLATE_NOOP(
    "errors", "The file {name} is larger than {limit} MB; attach a smaller scan.")
MSG_STREET_ORDERS = QT_TRANSLATE_NOOP(
    "errors", "Orders are raised by the community that hears of the need, not the street.")

# Who offers a resource (资源清单).
PROVIDER_UNIT, PROVIDER_MEMBER = "unit", "member"
PROVIDERS = CodeTable(
    _c(PROVIDER_UNIT, QT_TRANSLATE_NOOP("codes", "Unit of the area")),
    _c(PROVIDER_MEMBER, QT_TRANSLATE_NOOP("codes", "In-service member")),
    _c("organisation", QT_TRANSLATE_NOOP("codes", "Social organisation")),
    _c("volunteer", QT_TRANSLATE_NOOP("codes", "Volunteer")),
)

# Where a service or project (服务清单) stands.
PROJECT_STATUSES = CodeTable(
    _c("planned", QT_TRANSLATE_NOOP("codes", "Planned")),
    _c("running", QT_TRANSLATE_NOOP("codes", "Running")),
    _c("done", QT_TRANSLATE_NOOP("codes", "Finished")),
    _c("paused", QT_TRANSLATE_NOOP("codes", "Paused")),
)

# The two-way review (双向评议): four measures of 25 points each, per direction.
OF_UNIT, OF_COMMUNITY = "of_unit", "of_community"
SCORE_LIMIT = 25
REVIEW_MEASURES = {
    OF_UNIT: (
        QT_TRANSLATE_NOOP("codes", "Agreement fulfilled"),
        QT_TRANSLATE_NOOP("codes", "Members' service"),
        QT_TRANSLATE_NOOP("codes", "Orders claimed and completed"),
        QT_TRANSLATE_NOOP("codes", "Residents' satisfaction"),
    ),
    OF_COMMUNITY: (
        QT_TRANSLATE_NOOP("codes", "Joint activities organised"),
        QT_TRANSLATE_NOOP("codes", "Contact and coordination"),
        QT_TRANSLATE_NOOP("codes", "Service to residents"),
        QT_TRANSLATE_NOOP("codes", "Overall satisfaction"),
    ),
}
DIRECTIONS = CodeTable(
    _c(OF_UNIT, QT_TRANSLATE_NOOP("codes", "The community rates the unit")),
    _c(OF_COMMUNITY, QT_TRANSLATE_NOOP("codes", "The unit rates the community")),
)
GRADES = CodeTable(  # by the total of 100
    _c("excellent", QT_TRANSLATE_NOOP("codes", "Excellent")),
    _c("good", QT_TRANSLATE_NOOP("codes", "Good")),
    _c("fair", QT_TRANSLATE_NOOP("codes", "Fair")),
    _c("poor", QT_TRANSLATE_NOOP("codes", "Poor")),
)

MAX_FILE_MB = 20
TEXT_LIMIT = 200  # a one-line field (title, capacity, contact …)


def grade_of(total: int) -> str:
    """优秀 90+, 良好 75+, 一般 60+, 较差 below."""
    return ("excellent" if total >= 90 else "good" if total >= 75
            else "fair" if total >= 60 else "poor")


@dataclass(frozen=True)
class OrderDraft:
    """A resident's need as recorded; ``resident_id`` links the person's record (their
    name, grid, address and phone then come from it unless typed)."""

    category: str
    description: str
    source: str
    urgency: str = "normal"
    raised_on: dt.date | None = None  # today when not given
    resident_id: str | None = None
    person_name: str = ""
    grid_id: str | None = None
    address: str | None = None
    phone: str | None = None
    phone_consent: bool = False
    plan_date: dt.date | None = None
    source_table: str | None = None  # agenda_item | visit
    source_id: str | None = None
    project_id: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class StepDraft:
    """What happened to an order: one of the domain's STEPS."""

    kind: str
    assignee_kind: str | None = None
    assignee_id: str | None = None
    deadline: dt.date | None = None
    text: str = ""
    rating: int | None = None
    at: dt.datetime | None = None  # now when not given


@dataclass(frozen=True)
class OrderQuery:
    """Which orders a list shows. ``state``: a state code, "open" (not finished),
    "overdue", or None for all; ``sent_up`` keeps those sent up to the street."""

    state: str | None = None
    category: str | None = None
    grid_id: str | None = None
    year: int | None = None
    text: str = ""
    sent_up: bool = False
    office: str | None = None  # a community (the street's list)


@dataclass(frozen=True)
class OrderRow:
    id: str
    code: str
    raised_on: dt.date
    person: str  # masked at the street
    grid_id: str | None
    grid_name: str
    category: str
    urgency: str
    description: str
    source: str
    state: str
    assignee_kind: str | None
    assignee_id: str | None
    assignee_name: str
    deadline: dt.date | None
    overdue: bool
    accepted_on: dt.date | None
    done_on: dt.date | None
    rating: int | None
    sent_up: bool
    origin_office: str
    ignored: int = 0  # steps that came after the order moved on
    handed_on: dt.date | None = None  # the day it was given to whoever has it now
    handed_by: str = ""  # community | street: who gave it (its 派单单's office)


@dataclass(frozen=True)
class StepRow:
    id: str
    kind: str
    at: dt.datetime
    office: str
    assignee_kind: str | None
    assignee_id: str | None
    assignee_name: str
    deadline: dt.date | None
    text: str
    rating: int | None
    recorded_by: str
    ignored: bool = False


@dataclass(frozen=True)
class FileRow:
    id: str
    file_name: str
    size: int
    added_at: dt.datetime
    note: str | None


@dataclass(frozen=True)
class OrderDetail:
    row: OrderRow
    address: str  # masked to the building unless revealed
    phone: str  # masked unless revealed
    phone_consent: bool
    resident_id: str | None
    plan_date: dt.date | None
    source_table: str | None
    source_id: str | None
    source_text: str  # the agenda item's title or the visit's date and household
    project_id: str | None
    project_name: str
    note: str | None
    recorded_by: str
    steps: list[StepRow] = field(default_factory=list)
    files: list[FileRow] = field(default_factory=list)


@dataclass(frozen=True)
class RateRow:
    """办结 / 受理 of one community, unit or category."""

    key: str
    label: str
    accepted: int
    completed: int
    overdue: int = 0

    @property
    def rate(self) -> float | None:
        return self.completed / self.accepted if self.accepted else None


@dataclass(frozen=True)
class ResourceDraft:
    provider_kind: str
    category: str
    title: str
    unit_id: str | None = None
    registration_id: str | None = None
    provider_name: str = ""
    detail: str = ""
    capacity: str | None = None
    available: str | None = None
    contact: str | None = None
    phone: str | None = None
    grid_id: str | None = None
    from_date: dt.date | None = None
    to_date: dt.date | None = None
    note: str | None = None


@dataclass(frozen=True)
class ResourceRow:
    id: str
    provider_kind: str
    provider_name: str
    unit_id: str | None
    registration_id: str | None
    category: str
    title: str
    detail: str
    capacity: str | None
    available: str | None
    contact: str | None
    phone: str  # masked
    grid_id: str | None
    grid_name: str
    from_date: dt.date | None
    to_date: dt.date | None
    retired_on: dt.date | None
    origin_office: str = ""

    def current(self, day: dt.date) -> bool:
        return (self.retired_on is None and (self.from_date is None or self.from_date <= day)
                and (self.to_date is None or self.to_date >= day))


@dataclass(frozen=True)
class Match:
    """A resource that may meet an order, best first (:meth:`matches`)."""

    resource: ResourceRow
    same_grid: bool
    current: bool
    busy: int  # open orders already assigned to its provider


@dataclass(frozen=True)
class ProjectDraft:
    name: str
    category: str
    content: str = ""
    standard: str = ""
    unit_id: str | None = None
    responsible: str | None = None
    phone: str | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    status: str = "planned"
    note: str | None = None


@dataclass(frozen=True)
class ProjectRow:
    id: str
    name: str
    category: str
    content: str
    standard: str
    unit_id: str | None
    unit_name: str
    responsible: str | None
    phone: str  # masked
    start_date: dt.date | None
    end_date: dt.date | None
    status: str
    orders: int  # orders it meets
    origin_office: str = ""


@dataclass(frozen=True)
class DepartmentDraft:
    name: str
    contact: str | None = None
    phone: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class DepartmentRow:
    id: str
    name: str
    contact: str | None
    phone: str  # masked
    retired_on: dt.date | None
    orders: int  # dispatched to it
    completed: int


@dataclass(frozen=True)
class UnitRow:
    """A unit of the area with what it does in co-building."""

    id: str
    name: str
    unit_type: str
    party_org: str | None
    address: str | None
    contact: str | None
    phone: str  # masked
    agreement_signed: dt.date | None
    agreement_until: dt.date | None
    agreement_content: str | None
    members: int  # in-service members registered
    part_time: list[str]  # 兼职委员 holding a seat now
    resources: int
    orders: int  # assigned or dispatched to it
    completed: int
    files: int
    origin_office: str = ""

    def agreement_current(self, day: dt.date) -> bool:
        return self.agreement_signed is not None and (
            self.agreement_until is None or self.agreement_until >= day)


@dataclass(frozen=True)
class ReviewDraft:
    year: int
    unit_id: str
    direction: str
    scores: tuple[int, int, int, int]
    remark: str = ""
    entered_on: dt.date | None = None


@dataclass(frozen=True)
class ReviewBasis:
    """What the community's rating of a unit rests on, from the records of the year,
    with the scores they suggest."""

    unit_id: str
    unit_name: str
    agreement: bool  # an agreement in force in the year
    members: int
    points: float  # the members' average points in the year
    orders: int
    completed: int
    rating: float | None  # residents' average rating of its orders (1–5)
    suggested: tuple[int, int, int, int]


@dataclass(frozen=True)
class ReviewRow:
    """A unit's results of a year: both directions, their totals and grades."""

    unit_id: str
    unit_name: str
    unit_type: str
    of_unit: tuple[int, int, int, int] | None
    of_community: tuple[int, int, int, int] | None
    remark_unit: str
    remark_community: str
    rank: int | None  # by the community's total, 1 is best

    @property
    def unit_total(self) -> int | None:
        return sum(self.of_unit) if self.of_unit else None

    @property
    def community_total(self) -> int | None:
        return sum(self.of_community) if self.of_community else None
