"""The households register's plain data: messages, labels, drafts, rows and queries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

from gridoffice.i18n import QT_TRANSLATE_NOOP

HEAD = "02"  # GB/T 4761: 户主

MSG_GRID_MISSING = QT_TRANSLATE_NOOP("errors", "The grid no longer exists.")
MSG_GRID_CODE_TAKEN = QT_TRANSLATE_NOOP("errors", "Code: the grid {name} already has this code.")
MSG_GRID_NAME = QT_TRANSLATE_NOOP("errors", "Name: enter the grid's name.")
MSG_BUILDING_MISSING = QT_TRANSLATE_NOOP("errors", "The building no longer exists.")
MSG_BUILDING_NUMBER = QT_TRANSLATE_NOOP("errors", "Building: enter the building number.")
MSG_BUILDING_TAKEN = QT_TRANSLATE_NOOP(
    "errors", "Building: {estate}{number} already exists in this grid."
)
MSG_HOUSE_MISSING = QT_TRANSLATE_NOOP("errors", "The house no longer exists.")
MSG_HOUSE_TAKEN = QT_TRANSLATE_NOOP(
    "errors", "Room: unit {unit} room {room} already exists in this building."
)
MSG_HOUSEHOLD_MISSING = QT_TRANSLATE_NOOP("errors", "The household no longer exists.")
MSG_RESIDENT_MISSING = QT_TRANSLATE_NOOP("errors", "The resident no longer exists.")
MSG_EMPTY_HOUSEHOLD = QT_TRANSLATE_NOOP(
    "errors", "Members: a household needs at least one member, its head."
)
MSG_SECOND_HEAD = QT_TRANSLATE_NOOP(
    "errors", "Relation to head: {name} is already the head of this household."
)
MSG_HEAD_LEAVES = QT_TRANSLATE_NOOP(
    "errors", "{name} is the head of the household; choose another head first."
)
MSG_HEAD_CHANGE = QT_TRANSLATE_NOOP(
    "errors", "Relation to head: use Change head to make someone else the head."
)
MSG_NOT_HERE = QT_TRANSLATE_NOOP("errors", "{name} no longer lives here ({reason}).")
MSG_ID_LIVES = QT_TRANSLATE_NOOP(
    "errors", "ID number: {name} with this ID number already lives at {address}."
)
MSG_VISITOR = QT_TRANSLATE_NOOP("errors", "Visitor: enter who visited.")
MSG_DATE_FUTURE = QT_TRANSLATE_NOOP("errors", "Date: {date} is in the future.")
MSG_SAME_HOUSE = QT_TRANSLATE_NOOP("errors", "House: the household already lives there.")
MSG_NOT_A_DATE_ORDER = QT_TRANSLATE_NOOP(
    "errors", "Date: {date} is before {name} moved in ({since})."
)
MSG_NO_SUCH_GRID = QT_TRANSLATE_NOOP(
    "errors", "Grid: there is no grid {grid}; the grids are: {grids}.")
MSG_NO_SUCH_GRID_NEAREST = QT_TRANSLATE_NOOP(
    "errors", "Grid: there is no grid {grid}; the nearest of the {count} grids: {grids}.")
MSG_NO_GRIDS = QT_TRANSLATE_NOOP(
    "errors", "Grid: there is no grid {grid}; no grid has been set up yet.")
MSG_MANY_GRIDS = QT_TRANSLATE_NOOP(
    "errors", "Grid: {code} is a grid of several communities ({names}); name the community "
    "(--community NAME).")
MSG_NO_SUCH_COMMUNITY = QT_TRANSLATE_NOOP(
    "errors", "Community: {name} is not an office known here ({known}).")
GRIDS_LISTED = 10  # a refused grid lists every grid up to this many, else the nearest


# Text fields with the roster's limits (services/roster/model.py TEXT_LIMITS): nothing longer
# than an address line is stored, nor printed on page after page.
LABEL_BUILDING = QT_TRANSLATE_NOOP("codes", "Building number")
LABEL_ESTATE = QT_TRANSLATE_NOOP("codes", "Estate")
LABEL_UNIT = QT_TRANSLATE_NOOP("codes", "Unit")
LABEL_ROOM = QT_TRANSLATE_NOOP("codes", "Room")
LABEL_OWNER = QT_TRANSLATE_NOOP("codes", "Owner")
LABEL_HOUSEHOLD_NUMBER = QT_TRANSLATE_NOOP("codes", "Household number")
RESIDENT_TEXT = (
    ("hukou_address", QT_TRANSLATE_NOOP("codes", "Registered address"), 80),
    ("work_or_school", QT_TRANSLATE_NOOP("codes", "Work unit or school"), 60),
    ("guardian_note", QT_TRANSLATE_NOOP("codes", "Guardian"), 200),
    ("note", QT_TRANSLATE_NOOP("codes", "Note"), 200),
)

@dataclass(frozen=True)
class GridDraft:
    code: str
    name: str
    grid_type: str = "city"
    dedicated_kind: str | None = None
    boundary: str | None = None
    branch_org_id: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class ResidentDraft:
    """What the resident form or an import row submits."""

    name: str
    relation: str
    sex: str = ""
    id_number: str = ""
    id_type: str = "resident"
    birth_date: dt.date | None = None
    former_name: str | None = None
    ethnicity: str | None = None
    political_status: str | None = None
    education: str | None = None
    marital_status: str | None = None
    hukou_address: str | None = None
    work_or_school: str | None = None
    mobile: str = ""
    population_type: str = "registered"
    residence_status: str = "together"
    move_in_date: dt.date | None = None
    move_in_reason: str | None = None
    member_id: str | None = None
    guardian_note: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class GridRow:
    id: str
    code: str
    name: str
    grid_type: str
    branch_org_id: str | None
    buildings: int
    households: int
    residents: int
    care_tags: int = 0
    origin_office: str = ""  # the office that owns the record (the street sees all)


@dataclass(frozen=True)
class ResidentQuery:
    """What the resident table shows: a grid or building, a search, filters."""

    grid_id: str | None = None
    building_id: str | None = None
    household_id: str | None = None
    text: str = ""  # name, pinyin, initials, id or phone tail, or an address like 3-2-301
    tag: str | None = None  # a care tag (derived 高龄 included)
    any_care_tag: bool = False  # residents with any recorded care tag (高龄 not included)
    population_type: str | None = None
    residence_status: str | None = None
    age_band: str | None = None  # households.age_band values, e.g. "80+"
    not_visited_days: int | None = None  # household not visited for at least N days
    include_left: bool = False  # moved out or died
    office: str | None = None  # one office's residents (origin_office); None: every office


@dataclass(frozen=True)
class BuildingRow:
    id: str
    grid_id: str
    estate: str
    number: str
    units: int | None
    floors: int | None
    kind: str
    households: int
    residents: int
    care_tags: int
    origin_office: str = ""


@dataclass(frozen=True)
class HouseRow:
    id: str
    building_id: str
    unit: str
    room: str
    use: str
    owner: str | None
    household_id: str | None
    household_number: str | None
    head_name: str | None
    residents: int
    last_visit: dt.date | None
    origin_office: str = ""


@dataclass(frozen=True)
class VisitRow:
    id: str
    visit_date: dt.date
    visitor: str
    findings: str
    requests: str


@dataclass(frozen=True)
class TagRow:
    id: str
    resident_id: str
    kind: str
    tag: str
    disability_type: str | None
    disability_grade: str | None
    from_date: dt.date | None
    to_date: dt.date | None


@dataclass(frozen=True)
class DuplicateGroup:
    """Residents that may be one person: same ID number, or same name (by pinyin) and birth."""

    reason: str  # "id_number" | "name_birth"
    resident_ids: tuple[str, ...]
    names: tuple[str, ...]
    addresses: tuple[str, ...]


class ResidentRow(NamedTuple):
    """One line of the resident table (a tuple: 100,000 of them are built at once)."""

    id: str
    household_id: str
    name: str
    sex: str
    birth_date: dt.date | None
    id_number: str | None  # masked unless revealed
    mobile: str | None  # masked unless revealed
    relation: str
    population_type: str
    residence_status: str
    address: str
    grid_id: str
    moved_out_on: dt.date | None
    died_on: dt.date | None
    member_id: str | None
    building_id: str = ""
    last_visit: dt.date | None = None
    tags: tuple[str, ...] = ()  # current care tags, derived ones included
    origin_office: str = ""  # the office that owns the record (the street sees all)
    id_type: str = "resident"  # a code of codes.ID_TYPES


@dataclass(frozen=True)
class HouseholdDetail:
    id: str
    house_id: str
    address: str
    grid_id: str
    number: str | None
    kind: str
    last_visit: dt.date | None
    center_member_id: str | None
    dissolved_on: dt.date | None
    members: tuple[ResidentRow, ...]
    visits: tuple[VisitRow, ...]
    origin_office: str = ""  # the office that owns the household (the street sees all)


MSG_MERGE_SAME = QT_TRANSLATE_NOOP("errors", "Choose two different residents to merge.")
MSG_MERGE_CONFLICT = QT_TRANSLATE_NOOP(
    "errors", "{field}: the two records differ ({first} / {second}); correct one of them first."
)
