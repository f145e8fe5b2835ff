"""Grids and the people who actually live there (网格 / 实有人口).

Grid → building → house → household → residents. A household always has
exactly one head; moving out and death are dated events on the resident, never
deletes; a household that moves keeps its members and history. Identity
numbers and phones are masked on the data side unless revealed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any, NamedTuple

from sqlmodel import Session, col, select

from gridoffice.domain import households as rules
from gridoffice.domain import identity, masking, search_keys
from gridoffice.errors import Term, UserError, ValidationError
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.services.common import as_date, check_code, clean_or_none, limited_text, live_row
from gridoffice.store import audit
from gridoffice.store.database import Database
from gridoffice.store.tables import (
    Building,
    Grid,
    GridRole,
    House,
    Household,
    Resident,
    ResidentTag,
    Visit,
)

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


# Text fields with the roster's limits (services/roster.py TEXT_LIMITS): nothing longer
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


def _no_such_grid(wanted: str, grids: list[GridRow]) -> UserError:
    """The refusal of an unknown grid, listing the grids (or the nearest ones)."""
    import difflib

    def label(grid: GridRow) -> str:
        return f"{grid.code} {grid.name}"

    if not grids:
        return UserError(MSG_NO_GRIDS, grid=wanted)
    if len(grids) <= GRIDS_LISTED:
        return UserError(MSG_NO_SUCH_GRID, grid=wanted, grids="、".join(map(label, grids)))
    by_key = {key: grid for grid in grids for key in (grid.code, grid.name)}
    near = difflib.get_close_matches(wanted, list(by_key), n=GRIDS_LISTED, cutoff=0.4)
    shown = list(dict.fromkeys(by_key[key] for key in near)) or grids[:GRIDS_LISTED]
    return UserError(MSG_NO_SUCH_GRID_NEAREST, grid=wanted, count=len(grids),
                     grids="、".join(map(label, shown[:GRIDS_LISTED])))


def _codes(name: str) -> Any:
    from gridoffice.domain import codes

    return getattr(codes, name)


class HouseholdService:
    """Use cases of the grid households register."""

    def __init__(self, db: Database, operator: str = "", today: dt.date | None = None) -> None:
        self.db = db
        self.operator = operator
        self._today = today
        self._grids_cache: tuple[str, list[GridRow]] | None = None

    def today(self) -> dt.date:
        return self._today or dt.date.today()

    # --- grids ------------------------------------------------------------------------
    def create_grid(self, draft: GridDraft) -> str:
        with self.db.write() as session:
            values = self._grid_values(session, draft, None)
            grid = Grid(**values)
            session.add(grid)
            session.flush()
            return grid.id

    def update_grid(self, grid_id: str, draft: GridDraft) -> None:
        with self.db.write() as session:
            grid = live_row(session, Grid, grid_id, MSG_GRID_MISSING)
            for key, value in self._grid_values(session, draft, grid_id).items():
                if getattr(grid, key) != value:
                    setattr(grid, key, value)

    def grid(self, grid_id: str) -> GridDraft:
        """The stored grid as its form edits it (every field, so saving loses none)."""
        with self.db.read() as session:
            grid = live_row(session, Grid, grid_id, MSG_GRID_MISSING)
            return GridDraft(grid.code, grid.name, grid.grid_type, grid.dedicated_kind,
                             grid.boundary, grid.branch_org_id, grid.note)

    def _grid_values(self, session: Session, draft: GridDraft,
                     grid_id: str | None) -> dict[str, Any]:
        code = rules.validate_grid_code(draft.code)
        name = clean_or_none(draft.name)
        if not name:
            raise ValidationError("name", MSG_GRID_NAME)
        self._check_code("grid_type", draft.grid_type, "GRID_TYPES",
                         QT_TRANSLATE_NOOP("codes", "Grid type"))
        clash = session.exec(select(Grid).where(Grid.code == code, col(Grid.deleted).is_(False),
                                                Grid.id != (grid_id or ""))).first()
        if clash is not None:
            raise ValidationError("code", MSG_GRID_CODE_TAKEN, name=clash.name)
        return {"code": code, "name": name, "grid_type": draft.grid_type,
                "dedicated_kind": draft.dedicated_kind if draft.grid_type == "dedicated"
                else None, "boundary": clean_or_none(draft.boundary),
                "branch_org_id": draft.branch_org_id, "note": clean_or_none(draft.note)}

    def list_grids(self, *, office: str | None = None) -> list[GridRow]:
        """Every grid with its counts (``office``: one office's grids, the street holds
        its communities' too). The counts join every resident to its building, so they
        are kept until the data changes (every write moves ``hlc_last``)."""
        with self.db.read() as session:
            raw = session.connection().connection.driver_connection
            assert raw is not None
            (stamp,) = raw.execute("SELECT value FROM meta WHERE key = 'hlc_last'").fetchone()
            if self._grids_cache is not None and self._grids_cache[0] == stamp:
                return [g for g in self._grids_cache[1]
                        if office is None or g.origin_office == office]
            rows = raw.execute(
                "SELECT g.id, g.code, g.name, g.grid_type, g.branch_org_id,"
                " (SELECT count(*) FROM building b WHERE b.grid_id = g.id AND NOT b.deleted),"
                " (SELECT count(*) FROM household h WHERE h.grid_id = g.id"
                "  AND NOT h.deleted AND h.dissolved_on IS NULL),"
                " (SELECT count(*) FROM household h JOIN resident r ON r.household_id = h.id"
                "  WHERE h.grid_id = g.id AND NOT r.deleted AND r.moved_out_on IS NULL"
                "  AND r.died_on IS NULL),"
                " (SELECT count(*) FROM household h JOIN resident r ON r.household_id = h.id"
                "  JOIN resident_tag t ON t.resident_id = r.id WHERE h.grid_id = g.id"
                "  AND NOT t.deleted AND t.to_date IS NULL AND t.kind = 'care'"
                "  AND r.moved_out_on IS NULL AND r.died_on IS NULL), g.origin_office"
                " FROM grid g WHERE NOT g.deleted ORDER BY g.code").fetchall()
        grids = [GridRow(*row) for row in rows]
        self._grids_cache = (stamp, grids)
        return [g for g in grids if office is None or g.origin_office == office]

    def find_grid(self, text: str, community: str | None = None) -> GridRow:
        """The grid whose code or name is ``text``, in ``community`` when given (at the
        street office, communities number their grids alike). UserError when there is
        none (listing the grids, or the nearest ones) or several in different
        communities."""
        from gridoffice.services.street import office_names

        wanted = "".join(text.split())
        names = office_names(self.db.path)
        grids = self.list_grids()
        if community:
            offices = {office for office, name in names.items() if name == community.strip()}
            if not offices:
                raise UserError(MSG_NO_SUCH_COMMUNITY, name=community.strip(),
                                known="、".join(sorted(set(names.values()))))
            grids = [grid for grid in grids if grid.origin_office in offices]
        found = [grid for grid in grids if wanted in (grid.code, "".join(grid.name.split()))]
        if not found:
            raise _no_such_grid(wanted, grids)
        if len({grid.origin_office for grid in found}) > 1:
            raise UserError(MSG_MANY_GRIDS, code=wanted, names="、".join(sorted(
                names.get(grid.origin_office, grid.origin_office[:8]) for grid in found)))
        return found[0]

    def grid_warning(self, grid_id: str) -> Any:
        """The 300–500 households advice for a grid, or None."""
        with self.db.read() as session:
            raw = session.connection().connection.driver_connection
            assert raw is not None
            (households,) = raw.execute(
                "SELECT count(*) FROM household h JOIN house s ON s.id = h.house_id"
                " JOIN building b ON b.id = s.building_id WHERE b.grid_id = ?"
                " AND NOT h.deleted AND h.dissolved_on IS NULL", (grid_id,)).fetchone()
        return rules.grid_size_warning(households)

    def add_role(self, grid_id: str, role: str, person_name: str, from_date: dt.date,
                 phone: str = "", member_id: str | None = None) -> str:
        """A place in the "1+2+X" team; a new 网格长 ends the previous one's term."""
        self._check_code("role", role, "GRID_ROLES", QT_TRANSLATE_NOOP("codes", "Team role"))
        name = identity.normalize_name(person_name, "person_name")
        with self.db.write() as session:
            live_row(session, Grid, grid_id, MSG_GRID_MISSING)
            if role == "leader":
                for current in session.exec(select(GridRole).where(
                        GridRole.grid_id == grid_id, GridRole.role == "leader",
                        col(GridRole.to_date).is_(None), col(GridRole.deleted).is_(False))):
                    current.to_date = max(current.from_date, from_date - dt.timedelta(days=1))
            entry = GridRole(grid_id=grid_id, role=role, person_name=name,
                             phone=identity.parse_phone(phone) or None, member_id=member_id,
                             from_date=from_date)
            session.add(entry)
            session.flush()
            return entry.id

    def end_role(self, role_id: str, to_date: dt.date) -> None:
        with self.db.write() as session:
            entry = live_row(session, GridRole, role_id, MSG_GRID_MISSING)
            entry.to_date = max(entry.from_date, to_date)

    def roles(self, grid_id: str, *, include_past: bool = False) -> list[GridRole]:
        with self.db.read() as session:
            query = select(GridRole).where(GridRole.grid_id == grid_id,
                                           col(GridRole.deleted).is_(False))
            if not include_past:
                query = query.where(col(GridRole.to_date).is_(None))
            return list(session.exec(query.order_by(col(GridRole.from_date))).all())

    # --- buildings and houses ---------------------------------------------------------
    def add_building(self, grid_id: str, number: str, *, estate: str = "",
                     units: int | None = None, floors: int | None = None,
                     kind: str = "residential") -> str:
        number = limited_text("number", LABEL_BUILDING, number, 20) or ""
        if not number:
            raise ValidationError("number", MSG_BUILDING_NUMBER)
        self._check_code("kind", kind, "BUILDING_KINDS", QT_TRANSLATE_NOOP("codes", "Kind"))
        estate = limited_text("estate", LABEL_ESTATE, estate, 40) or ""
        with self.db.write() as session:
            live_row(session, Grid, grid_id, MSG_GRID_MISSING)
            clash = session.exec(select(Building).where(
                Building.grid_id == grid_id, Building.estate == estate,
                Building.number == number, col(Building.deleted).is_(False))).first()
            if clash is not None:
                raise ValidationError("number", MSG_BUILDING_TAKEN, estate=estate, number=number)
            building = Building(grid_id=grid_id, estate=estate, number=number, units=units,
                                floors=floors, kind=kind)
            session.add(building)
            session.flush()
            return building.id

    def add_house(self, building_id: str, unit: str, room: str, *, owner: str | None = None,
                  use: str = "owner_occupied") -> str:
        self._check_code("use", use, "HOUSE_USES", QT_TRANSLATE_NOOP("codes", "House use"))
        unit = limited_text("unit", LABEL_UNIT, unit, 10) or ""
        room = limited_text("room", LABEL_ROOM, room, 20) or ""
        owner = limited_text("owner", LABEL_OWNER, owner, 30)
        with self.db.write() as session:
            live_row(session, Building, building_id, MSG_BUILDING_MISSING)
            clash = session.exec(select(House).where(
                House.building_id == building_id, House.unit == unit, House.room == room,
                col(House.deleted).is_(False))).first()
            if clash is not None:
                raise ValidationError("room", MSG_HOUSE_TAKEN, unit=unit or "—",
                                      room=room or "—")
            house = House(building_id=building_id, unit=unit, room=room, owner=owner,
                          use=use)
            session.add(house)
            session.flush()
            return house.id

    def set_house_use(self, house_id: str, use: str) -> None:
        self._check_code("use", use, "HOUSE_USES", QT_TRANSLATE_NOOP("codes", "House use"))
        with self.db.write() as session:
            live_row(session, House, house_id, MSG_HOUSE_MISSING).use = use

    # --- households and residents -----------------------------------------------------
    def create_household(self, house_id: str, members: list[ResidentDraft], *,
                         number: str | None = None, kind: str = "family") -> str:
        """A household with its members; exactly one of them is the head."""
        if not members:
            raise ValidationError("members", MSG_EMPTY_HOUSEHOLD)
        rules.check_heads([m.relation for m in members])
        self._check_code("kind", kind, "HOUSEHOLD_KINDS",
                         QT_TRANSLATE_NOOP("codes", "Household kind"))
        with self.db.write() as session:
            house = live_row(session, House, house_id, MSG_HOUSE_MISSING)
            household = Household(house_id=house_id, grid_id=self._grid_of(session, house),
                                  number=limited_text("number", LABEL_HOUSEHOLD_NUMBER,
                                                      number, 30), kind=kind)
            session.add(household)
            session.flush()
            seen: set[str] = set()
            for draft in members:
                values = self._resident_values(session, draft, None)
                if values["id_number"] and values["id_number"] in seen:
                    raise ValidationError("id_number", MSG_ID_LIVES, name=values["name"],
                                          address="—")
                if values["id_number"]:
                    seen.add(values["id_number"])
                session.add(Resident(household_id=household.id, **values))
            return household.id

    def add_resident(self, household_id: str, draft: ResidentDraft) -> str:
        with self.db.write() as session:
            household = live_row(session, Household, household_id, MSG_HOUSEHOLD_MISSING)
            if draft.relation == HEAD:
                head = self._head(session, household.id)
                if head is not None:
                    raise ValidationError("relation", MSG_SECOND_HEAD, name=head.name)
            resident = Resident(household_id=household_id,
                                **self._resident_values(session, draft, None))
            session.add(resident)
            session.flush()
            return resident.id

    def update_resident(self, resident_id: str, draft: ResidentDraft) -> None:
        with self.db.write() as session:
            resident = live_row(session, Resident, resident_id, MSG_RESIDENT_MISSING)
            draft = self._unmask(resident, draft)
            if (draft.relation == HEAD) != (resident.relation == HEAD):
                raise ValidationError("relation", MSG_HEAD_CHANGE)
            for key, value in self._resident_values(session, draft, resident_id).items():
                if getattr(resident, key) != value:
                    setattr(resident, key, value)

    def change_head(self, household_id: str, new_head_id: str, old_head_relation: str) -> None:
        """Make another member the head; the old head gets ``old_head_relation``."""
        self._check_code("relation", old_head_relation, "RELATION_TO_HEAD",
                         QT_TRANSLATE_NOOP("codes", "Relation to head"))
        if old_head_relation == HEAD:
            raise ValidationError("relation", MSG_HEAD_CHANGE)
        with self.db.write() as session:
            new_head = live_row(session, Resident, new_head_id, MSG_RESIDENT_MISSING)
            self._require_here(new_head)
            old = self._head(session, household_id)
            if old is not None and old.id != new_head.id:
                old.relation = old_head_relation
            new_head.relation = HEAD

    def move_out(self, resident_id: str, on_date: dt.date, reason: str = "") -> None:
        """迁出: the resident stays on record with the date; a head goes last."""
        self._record_leaving(resident_id, on_date, reason, died=False)

    def record_death(self, resident_id: str, on_date: dt.date) -> None:
        self._record_leaving(resident_id, on_date, "", died=True)

    def _record_leaving(self, resident_id: str, on_date: dt.date, reason: str, *,
                        died: bool) -> None:
        self._not_future(on_date)
        with self.db.write() as session:
            resident = live_row(session, Resident, resident_id, MSG_RESIDENT_MISSING)
            self._require_here(resident)
            if resident.move_in_date and on_date < resident.move_in_date:
                raise ValidationError("on_date", MSG_NOT_A_DATE_ORDER, date=on_date.isoformat(),
                                      name=resident.name,
                                      since=resident.move_in_date.isoformat())
            others = [r for r in self._members(session, resident.household_id)
                      if r.id != resident.id]
            if resident.relation == HEAD and others:
                raise UserError(MSG_HEAD_LEAVES, name=resident.name)
            if died:
                resident.died_on = on_date
            else:
                resident.moved_out_on = on_date
                resident.move_out_reason = clean_or_none(reason)
            if not others:  # the last member left: the household ends, its record stays
                household = session.get(Household, resident.household_id)
                assert household is not None
                household.dissolved_on = on_date

    def move_household(self, household_id: str, new_house_id: str) -> None:
        """The whole household moves to another house; members and history go along."""
        with self.db.write() as session:
            household = live_row(session, Household, household_id, MSG_HOUSEHOLD_MISSING)
            house = live_row(session, House, new_house_id, MSG_HOUSE_MISSING)
            if household.house_id == new_house_id:
                raise ValidationError("house_id", MSG_SAME_HOUSE)
            household.house_id = new_house_id
            household.grid_id = self._grid_of(session, house)

    def add_visit(self, household_id: str, visit_date: dt.date, visitor: str,
                  findings: str = "", requests: str = "") -> str:
        self._not_future(visit_date)
        if not clean_or_none(visitor):
            raise ValidationError("visitor", MSG_VISITOR)
        with self.db.write() as session:
            household = live_row(session, Household, household_id, MSG_HOUSEHOLD_MISSING)
            visit = Visit(household_id=household_id, visit_date=visit_date,
                          visitor=clean_or_none(visitor) or "", findings=(findings or "").strip(),
                          requests=(requests or "").strip())
            session.add(visit)
            if household.last_visit is None or visit_date > household.last_visit:
                household.last_visit = visit_date
            session.flush()
            return visit.id

    def add_tag(self, resident_id: str, tag: str, *, kind: str = "care",
                disability_type: str | None = None, disability_grade: str | None = None,
                from_date: dt.date | None = None, note: str | None = None) -> str:
        table = "CARE_TAGS" if kind == "care" else "CONTROL_TAGS"
        self._check_code("tag", tag, table, QT_TRANSLATE_NOOP("codes", "Tag"))
        with self.db.write() as session:
            resident = live_row(session, Resident, resident_id, MSG_RESIDENT_MISSING)
            if kind == "care":
                rules.care_tag_checks(tag, disability_type, disability_grade,
                                      resident.birth_date, self.today(), resident.guardian_note)
            entry = ResidentTag(resident_id=resident_id, kind=kind, tag=tag,
                                disability_type=disability_type,
                                disability_grade=disability_grade,
                                from_date=from_date or self.today(), note=clean_or_none(note))
            session.add(entry)
            session.flush()
            return entry.id

    def tags(self, resident_id: str, *, include_control: bool = False) -> list[str]:
        """Current tags, derived ones (高龄老人) included; control tags only on request."""
        with self.db.read() as session:
            resident = live_row(session, Resident, resident_id, MSG_RESIDENT_MISSING)
            query = select(ResidentTag).where(ResidentTag.resident_id == resident_id,
                                              col(ResidentTag.deleted).is_(False),
                                              col(ResidentTag.to_date).is_(None))
            if not include_control:
                query = query.where(ResidentTag.kind == "care")
            stored = [t.tag for t in session.exec(query)]
        derived = rules.derived_care_tags(resident.birth_date, self.today())
        return sorted(set(stored) | derived)

    # --- reading ----------------------------------------------------------------------
    def residents(self, query: ResidentQuery | str | None = None, *, text: str = "",
                  include_left: bool = False, reveal: bool = False) -> list[ResidentRow]:
        """The residents a query asks for, in address order; masked unless ``reveal``.

        ``residents(grid_id, text=…)`` is a shorthand for a ResidentQuery.
        """
        if not isinstance(query, ResidentQuery):
            query = ResidentQuery(grid_id=query, text=text, include_left=include_left)
        clauses, params = ["NOT r.deleted"], {}  # type: ignore[var-annotated]
        if query.grid_id:
            clauses.append("b.grid_id = :grid")
            params["grid"] = query.grid_id
        if query.building_id:
            clauses.append("b.id = :building")
            params["building"] = query.building_id
        if query.household_id:
            clauses.append("r.household_id = :household")
            params["household"] = query.household_id
        if query.office is not None:
            clauses.append("r.origin_office = :office")
            params["office"] = query.office
        if not query.include_left:
            clauses.append("r.moved_out_on IS NULL AND r.died_on IS NULL")
        for key in ("population_type", "residence_status"):
            if getattr(query, key):
                clauses.append(f"r.{key} = :{key}")
                params[key] = getattr(query, key)
        if query.not_visited_days is not None:
            since = self.today() - dt.timedelta(days=query.not_visited_days)
            clauses.append("(h.last_visit IS NULL OR h.last_visit <= :since)")
            params["since"] = since.isoformat()
        if query.tag and query.tag != "very_old":
            clauses.append("r.id IN (SELECT t.resident_id FROM resident_tag t WHERE NOT "
                           "t.deleted AND t.to_date IS NULL AND t.kind = 'care' AND t.tag = :tag)")
            params["tag"] = query.tag
        text = query.text.strip()
        if text:
            needle = search_keys.query_key(text)
            params.update(raw=f"%{text}%", key=f"{needle}%")
            parts = ["r.name LIKE :raw"]
            if needle:
                parts += ["r.name_pinyin LIKE :key", "r.name_initials LIKE :key"]
            digits = identity.normalize_input(text)
            if digits.isdigit() or (digits[:-1].isdigit() and digits.endswith("X")):
                params["tail"] = f"%{digits}"
                parts += ["r.id_number LIKE :tail", "r.mobile LIKE :tail"]
            address = rules.address_search_key(text)
            if any(c.isdigit() for c in address) and ("-" in address or any(
                    m in text for m in ("号楼", "栋", "幢", "单元", "室"))):
                params["address"] = address
                parts.append("(b.number || '-' || s.unit || '-' || s.room) LIKE :address || '%'")
            clauses.append("(" + " OR ".join(parts) + ")")
        sql = ("SELECT r.id, r.household_id, r.name, r.sex, r.birth_date, r.id_number, "
               "r.mobile, r.relation, r.population_type, r.residence_status, b.estate, "
               "b.number, s.unit, s.room, b.grid_id, r.moved_out_on, r.died_on, r.member_id, "
               "b.id, h.last_visit, t.tags, r.origin_office, r.id_type "
               "FROM resident r JOIN household h ON h.id = r.household_id "
               "JOIN house s ON s.id = h.house_id JOIN building b ON b.id = s.building_id "
               "LEFT JOIN (SELECT resident_id, group_concat(tag) AS tags FROM resident_tag "
               " WHERE NOT deleted AND to_date IS NULL AND kind = 'care' GROUP BY resident_id)"
               " t ON t.resident_id = r.id "
               f"WHERE {' AND '.join(clauses)} ORDER BY b.estate, "
               "CAST(b.number AS INTEGER), b.number, s.unit, CAST(s.room AS INTEGER), "
               "h.id, r.relation")
        with self.db.read() as session:
            raw = session.connection().connection.driver_connection
            assert raw is not None
            rows = raw.execute(sql, params).fetchall()
        today = self.today()
        very_old_before = rules.very_old_born_by(today)
        addresses: dict[tuple[Any, ...], str] = {}
        dates: dict[Any, dt.date | None] = {None: None}

        def day(value: Any) -> dt.date | None:
            found = dates.get(value)
            if found is None and value is not None:
                found = dates[value] = dt.date.fromisoformat(value)
            return found

        mask_id, mask_phone = masking.mask_id, masking.mask_phone
        result = []
        for r in rows:
            id_number, mobile = r[5], r[6]
            if not reveal:
                id_number = mask_id(id_number) if id_number else None
                mobile = mask_phone(mobile) if mobile else None
            birth = day(r[4])
            tags = r[20].split(",") if r[20] else []
            if birth is not None and birth <= very_old_before:
                tags.append("very_old")
            if query.tag == "very_old" and "very_old" not in tags:
                continue
            if query.age_band and (birth is None or rules.age_band(birth, today)
                                   != query.age_band):
                continue
            key = (r[10], r[11], r[12], r[13])
            address = addresses.get(key)
            if address is None:
                address = addresses[key] = rules.format_address(
                    r[10] or None, r[11], r[12] or None, r[13] or None)
            result.append(ResidentRow(
                r[0], r[1], r[2], r[3], birth, id_number, mobile, r[7], r[8], r[9], address,
                r[14], day(r[15]), day(r[16]), r[17], r[18], day(r[19]),
                tuple(sorted(set(tags))) if tags else (), r[21], r[22] or "resident"))
        return result

    def buildings(self, grid_id: str) -> list[BuildingRow]:
        """The buildings of a grid with their households, residents and care tags."""
        with self.db.read() as session:
            raw = session.connection().connection.driver_connection
            assert raw is not None
            rows = raw.execute(
                "SELECT b.id, b.grid_id, b.estate, b.number, b.units, b.floors, b.kind,"
                " (SELECT count(*) FROM household h JOIN house s ON s.id = h.house_id"
                "  WHERE s.building_id = b.id AND NOT h.deleted AND h.dissolved_on IS NULL),"
                " (SELECT count(*) FROM resident r JOIN household h ON h.id = r.household_id"
                "  JOIN house s ON s.id = h.house_id WHERE s.building_id = b.id"
                "  AND NOT r.deleted AND r.moved_out_on IS NULL AND r.died_on IS NULL),"
                " (SELECT count(*) FROM resident_tag t JOIN resident r ON r.id = t.resident_id"
                "  JOIN household h ON h.id = r.household_id JOIN house s ON s.id = h.house_id"
                "  WHERE s.building_id = b.id AND NOT t.deleted AND t.to_date IS NULL"
                "  AND t.kind = 'care' AND r.moved_out_on IS NULL AND r.died_on IS NULL),"
                " b.origin_office FROM building b WHERE b.grid_id = ? AND NOT b.deleted"
                " ORDER BY b.estate, CAST(b.number AS INTEGER), b.number", (grid_id,)).fetchall()
        return [BuildingRow(*row) for row in rows]

    def houses(self, building_id: str) -> list[HouseRow]:
        """The houses of a building, each with its current household (if any)."""
        with self.db.read() as session:
            raw = session.connection().connection.driver_connection
            assert raw is not None
            rows = raw.execute(
                "SELECT s.id, s.building_id, s.unit, s.room, s.use, s.owner, h.id, h.number,"
                " (SELECT r.name FROM resident r WHERE r.household_id = h.id AND NOT r.deleted"
                "  AND r.relation = '02' AND r.moved_out_on IS NULL AND r.died_on IS NULL),"
                " (SELECT count(*) FROM resident r WHERE r.household_id = h.id AND NOT r.deleted"
                "  AND r.moved_out_on IS NULL AND r.died_on IS NULL), h.last_visit,"
                " s.origin_office"
                " FROM house s LEFT JOIN household h ON h.house_id = s.id AND NOT h.deleted"
                "  AND h.dissolved_on IS NULL"
                " WHERE s.building_id = ? AND NOT s.deleted"
                " ORDER BY CAST(s.unit AS INTEGER), s.unit, CAST(s.room AS INTEGER), s.room",
                (building_id,)).fetchall()
        return [HouseRow(*row[:10], as_date(row[10]), row[11]) for row in rows]

    def household(self, household_id: str, *, reveal: bool = False) -> HouseholdDetail:
        with self.db.read() as session:
            household = live_row(session, Household, household_id, MSG_HOUSEHOLD_MISSING)
            house = session.get(House, household.house_id)
            building = session.get(Building, house.building_id) if house else None
            visits = session.exec(select(Visit).where(
                Visit.household_id == household_id, col(Visit.deleted).is_(False))
                .order_by(col(Visit.visit_date).desc())).all()
            address = self._address(session, household_id)
        members = self.residents(ResidentQuery(household_id=household_id, include_left=True),
                                 reveal=reveal)
        return HouseholdDetail(
            household.id, household.house_id, address,
            building.grid_id if building else "", household.number, household.kind,
            household.last_visit, household.center_member_id, household.dissolved_on,
            tuple(members),
            tuple(VisitRow(v.id, v.visit_date, v.visitor, v.findings, v.requests)
                  for v in visits), household.origin_office)

    def resident(self, resident_id: str) -> tuple[ResidentDraft, ResidentRow]:
        """The form values (ID number and phone masked) and the row of one resident."""
        with self.db.read() as session:
            resident = live_row(session, Resident, resident_id, MSG_RESIDENT_MISSING)
            draft = ResidentDraft(
                name=resident.name, relation=resident.relation, sex=resident.sex,
                id_number=masking.mask_id(resident.id_number_original or resident.id_number),
                id_type=resident.id_type, birth_date=resident.birth_date,
                former_name=resident.former_name, ethnicity=resident.ethnicity,
                political_status=resident.political_status, education=resident.education,
                marital_status=resident.marital_status, hukou_address=resident.hukou_address,
                work_or_school=resident.work_or_school,
                mobile=masking.mask_phone(resident.mobile),
                population_type=resident.population_type,
                residence_status=resident.residence_status,
                move_in_date=resident.move_in_date, move_in_reason=resident.move_in_reason,
                member_id=resident.member_id, guardian_note=resident.guardian_note,
                note=resident.note)
            household_id = resident.household_id
        row = next(r for r in self.residents(ResidentQuery(household_id=household_id,
                                                           include_left=True))
                   if r.id == resident_id)
        return draft, row

    def reveal(self, resident_id: str) -> tuple[str | None, str | None]:
        """Full ID number and phone of one resident; written to the audit log."""
        with self.db.write() as session:
            resident = live_row(session, Resident, resident_id, MSG_RESIDENT_MISSING)
            audit.record(session, self.operator, "reveal_identity", resident_id, resident.name)
            return resident.id_number_original or resident.id_number, resident.mobile

    def tag_rows(self, resident_id: str, *, include_control: bool = False,
                 include_past: bool = False) -> list[TagRow]:
        with self.db.read() as session:
            query = select(ResidentTag).where(ResidentTag.resident_id == resident_id,
                                              col(ResidentTag.deleted).is_(False))
            if not include_control:
                query = query.where(ResidentTag.kind == "care")
            if not include_past:
                query = query.where(col(ResidentTag.to_date).is_(None))
            return [TagRow(t.id, t.resident_id, t.kind, t.tag, t.disability_type,
                           t.disability_grade, t.from_date, t.to_date)
                    for t in session.exec(query)]

    def end_tag(self, tag_id: str, to_date: dt.date) -> None:
        with self.db.write() as session:
            entry = live_row(session, ResidentTag, tag_id, MSG_RESIDENT_MISSING)
            entry.to_date = to_date

    def link_member(self, resident_id: str, member_id: str | None) -> None:
        """One person, one record: the resident is (or is no longer) this party member."""
        with self.db.write() as session:
            live_row(session, Resident, resident_id, MSG_RESIDENT_MISSING).member_id = member_id

    def set_center_household(self, household_id: str, member_id: str | None) -> None:
        """党员中心户: a flag on the household, linked to the member who lives there."""
        with self.db.write() as session:
            household = live_row(session, Household, household_id, MSG_HOUSEHOLD_MISSING)
            household.center_member_id = member_id

    def find_duplicates(self) -> list[DuplicateGroup]:
        """Residents recorded twice: same ID number first, then same name (by pinyin)
        and birth date."""
        rows = self.residents(ResidentQuery(include_left=False), reveal=True)
        groups: list[DuplicateGroup] = []
        by_id: dict[str, list[ResidentRow]] = {}
        by_person: dict[str, list[ResidentRow]] = {}
        for row in rows:
            if row.id_number:
                by_id.setdefault(row.id_number, []).append(row)
            if row.birth_date is not None and row.name:
                by_person.setdefault(rules.person_key(row.name, row.birth_date), []).append(row)
        for reason, table in (("id_number", by_id), ("name_birth", by_person)):
            for same in table.values():
                numbers = [r.id_number for r in same if r.id_number]
                if reason == "name_birth" and len(set(numbers)) == len(same):
                    continue  # different ID numbers: different people after all
                if reason == "name_birth" and len(set(numbers)) == 1 and len(numbers) == len(
                        same):
                    continue  # the same ID number: already reported above
                if len(same) > 1:
                    groups.append(DuplicateGroup(reason, tuple(r.id for r in same),
                                                 tuple(r.name for r in same),
                                                 tuple(r.address for r in same)))
        return groups

    def merge(self, keep_id: str, other_id: str) -> None:
        """Merge a resident recorded twice into one record: the other's tags, member
        link and missing details move to the kept record, and the other becomes a
        tombstone noting the merge. Nothing else is lost."""
        if keep_id == other_id:
            raise UserError(MSG_MERGE_SAME)
        with self.db.write() as session:
            keep = live_row(session, Resident, keep_id, MSG_RESIDENT_MISSING)
            other = live_row(session, Resident, other_id, MSG_RESIDENT_MISSING)
            if keep.id_number and other.id_number and keep.id_number != other.id_number:
                raise ValidationError("id_number", MSG_MERGE_CONFLICT,
                                      field=Term(QT_TRANSLATE_NOOP("codes", "ID number")),
                                      first=masking.mask_id(keep.id_number),
                                      second=masking.mask_id(other.id_number))
            for key in ("id_number", "id_number_original", "birth_date", "former_name",
                        "ethnicity", "political_status", "education", "marital_status",
                        "hukou_address", "work_or_school", "mobile", "member_id",
                        "guardian_note"):
                if getattr(keep, key) in (None, "") and getattr(other, key) not in (None, ""):
                    setattr(keep, key, getattr(other, key))
            remaining = [r for r in self._members(session, other.household_id)
                         if r.id != other_id]
            if other.relation == HEAD and remaining:
                raise UserError(MSG_HEAD_LEAVES, name=other.name)
            for entry in session.exec(select(ResidentTag).where(
                    ResidentTag.resident_id == other_id, col(ResidentTag.deleted).is_(False))):
                entry.resident_id = keep_id
            other.deleted = True
            other.note = f"{other.note or ''} merged into {keep_id}".strip()
            if not remaining:
                household = session.get(Household, other.household_id)
                if household is not None:
                    household.dissolved_on = self.today()

    # --- helpers ----------------------------------------------------------------------
    def _resident_values(self, session: Session, draft: ResidentDraft,
                         resident_id: str | None) -> dict[str, Any]:
        today = self.today()
        values: dict[str, Any] = {"name": identity.normalize_name(draft.name, "name")}
        values["former_name"] = (identity.normalize_name(draft.former_name, "former_name")
                                 if clean_or_none(draft.former_name) else None)
        self._check_code("relation", draft.relation, "RELATION_TO_HEAD",
                         QT_TRANSLATE_NOOP("codes", "Relation to head"))
        id_text = identity.normalize_input(draft.id_number or "")
        parsed = identity.parse_id_for_type(draft.id_type, id_text, today=today) \
            if id_text else None
        sex, birth = draft.sex or "", draft.birth_date
        if parsed is not None:
            identity.check_agrees(parsed, birth, sex or None)
            values["id_number"], values["id_number_original"] = parsed.value, parsed.original
            sex, birth = sex or parsed.sex, birth or parsed.birth_date
        else:
            values["id_number"] = values["id_number_original"] = id_text or None
        if sex not in ("1", "2"):
            raise ValidationError("sex", QT_TRANSLATE_NOOP("errors", "Sex: choose male or female."))
        values.update(sex=sex, birth_date=birth, id_type=draft.id_type, relation=draft.relation)
        for key, table, label in (
                ("ethnicity", "ETHNICITY", QT_TRANSLATE_NOOP("codes", "Ethnicity")),
                ("political_status", "POLITICAL_STATUS",
                 QT_TRANSLATE_NOOP("codes", "Political status")),
                ("education", "EDUCATION", QT_TRANSLATE_NOOP("codes", "Education")),
                ("marital_status", "MARITAL_STATUS",
                 QT_TRANSLATE_NOOP("codes", "Marital status")),
                ("population_type", "POPULATION_TYPES",
                 QT_TRANSLATE_NOOP("codes", "Population type")),
                ("residence_status", "RESIDENCE_STATUS",
                 QT_TRANSLATE_NOOP("codes", "Residence status")),
                ("move_in_reason", "MOVE_IN_REASONS",
                 QT_TRANSLATE_NOOP("codes", "Reason for moving in"))):
            value = getattr(draft, key) or None
            if value is not None:
                self._check_code(key, value, table, label)
            values[key] = value
        values["mobile"] = identity.parse_phone(draft.mobile or "") or None
        rules.validate_move(draft.move_in_date, None, None, birth, today)
        values["move_in_date"] = draft.move_in_date
        for key, label, limit in RESIDENT_TEXT:
            values[key] = limited_text(key, label, getattr(draft, key), limit)
        values["member_id"] = draft.member_id
        if values["id_number"]:
            clash = session.exec(select(Resident).where(
                Resident.id_number == values["id_number"], col(Resident.deleted).is_(False),
                col(Resident.moved_out_on).is_(None), col(Resident.died_on).is_(None),
                Resident.id != (resident_id or ""))).first()
            if clash is not None:
                raise ValidationError("id_number", MSG_ID_LIVES, name=clash.name,
                                      address=self._address(session, clash.household_id))
        values["name_pinyin"], values["name_initials"] = search_keys.name_keys(values["name"])
        return values

    @staticmethod
    def _unmask(resident: Resident, draft: ResidentDraft) -> ResidentDraft:
        if masking.MASK in (draft.id_number or ""):
            draft = replace(draft, id_number=resident.id_number_original
                            or resident.id_number or "")
        if masking.MASK in (draft.mobile or ""):
            draft = replace(draft, mobile=resident.mobile or "")
        return draft

    def _address(self, session: Session, household_id: str) -> str:
        household = session.get(Household, household_id)
        house = session.get(House, household.house_id) if household else None
        building = session.get(Building, house.building_id) if house else None
        if building is None or house is None:
            return "—"
        return rules.format_address(building.estate or None, building.number,
                                    house.unit or None, house.room or None)

    @staticmethod
    def _grid_of(session: Session, house: House) -> str | None:
        building = session.get(Building, house.building_id)
        return building.grid_id if building is not None else None

    @staticmethod
    def _members(session: Session, household_id: str) -> list[Resident]:
        return list(session.exec(select(Resident).where(
            Resident.household_id == household_id, col(Resident.deleted).is_(False),
            col(Resident.moved_out_on).is_(None), col(Resident.died_on).is_(None))).all())

    def _head(self, session: Session, household_id: str) -> Resident | None:
        return next((r for r in self._members(session, household_id) if r.relation == HEAD),
                    None)

    @staticmethod
    def _require_here(resident: Resident) -> None:
        if resident.died_on is not None or resident.moved_out_on is not None:
            reason = (resident.died_on or resident.moved_out_on).isoformat()  # type: ignore[union-attr]
            raise UserError(MSG_NOT_HERE, name=resident.name, reason=reason)

    def _not_future(self, day: dt.date) -> None:
        if day > self.today():
            raise ValidationError("on_date", MSG_DATE_FUTURE, date=day.isoformat())

    @staticmethod
    def _check_code(field: str, value: str, table: str, label: str) -> None:
        check_code(field, _codes(table), value or "", label)  # required: a blank is refused

