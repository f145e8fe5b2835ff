"""Grids, their teams, buildings and houses: the places households live in."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import Session, col, select

from gridoffice.domain import access, identity
from gridoffice.domain import households as rules
from gridoffice.errors import UserError, ValidationError
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.services.common import as_date, clean_or_none, limited_text
from gridoffice.services.guard import requires
from gridoffice.services.households.base import HouseholdServiceBase
from gridoffice.services.households.filters import grid_rows, grids_visible
from gridoffice.services.households.model import (
    GRIDS_LISTED,
    LABEL_BUILDING,
    LABEL_ESTATE,
    LABEL_OWNER,
    LABEL_ROOM,
    LABEL_UNIT,
    MSG_BUILDING_MISSING,
    MSG_BUILDING_NUMBER,
    MSG_BUILDING_TAKEN,
    MSG_GRID_CODE_TAKEN,
    MSG_GRID_MISSING,
    MSG_GRID_NAME,
    MSG_HOUSE_MISSING,
    MSG_HOUSE_TAKEN,
    MSG_MANY_GRIDS,
    MSG_NO_GRIDS,
    MSG_NO_SUCH_COMMUNITY,
    MSG_NO_SUCH_GRID,
    MSG_NO_SUCH_GRID_NEAREST,
    BuildingRow,
    GridDraft,
    GridRow,
    HouseRow,
)
from gridoffice.store.tables import Building, Grid, GridRole, House


class HouseholdGrids(HouseholdServiceBase):
    """Grids, grid roles, buildings and houses."""

    @requires(access.GRIDS_EDIT)
    def create_grid(self, draft: GridDraft) -> str:
        with self.db.write() as session:
            values = self._grid_values(session, draft, None)
            grid = Grid(**values)
            session.add(grid)
            session.flush()
            return grid.id

    @requires(access.GRIDS_EDIT)
    def update_grid(self, grid_id: str, draft: GridDraft) -> None:
        with self.db.write() as session:
            grid = self._live(session, Grid, grid_id, MSG_GRID_MISSING)
            for key, value in self._grid_values(session, draft, grid_id).items():
                if getattr(grid, key) != value:
                    setattr(grid, key, value)

    @requires(access.HOUSEHOLDS_VIEW)
    def grid(self, grid_id: str) -> GridDraft:
        """The stored grid as its form edits it (every field, so saving loses none)."""
        with self.db.read() as session:
            grid = self._live(session, Grid, grid_id, MSG_GRID_MISSING)
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

    @requires(access.HOUSEHOLDS_VIEW)
    def list_grids(self, *, office: str | None = None) -> list[GridRow]:
        """Every grid with its counts (``office``: one office's grids, the street holds
        its communities' too). The counts join every resident to its building, so they
        are kept until the data changes (every write moves ``hlc_last``)."""
        with self.db.read() as session:
            raw = session.connection().connection.driver_connection
            assert raw is not None
            (stamp,) = raw.execute("SELECT value FROM meta WHERE key = 'hlc_last'").fetchone()
            if self._grids_cache is not None and self._grids_cache[0] == stamp:
                return self._grids_for(self._grids_cache[1], office)
            grids = grid_rows(raw)
        self._grids_cache = (stamp, grids)
        return self._grids_for(grids, office)

    def _grids_for(self, grids: list[GridRow], office: str | None) -> list[GridRow]:
        """The grids of ``office`` (None: all) the actor may see."""
        return grids_visible(grids, self.actor, office)

    @requires(access.HOUSEHOLDS_VIEW)
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
        if not found and self.actor.grid_scoped and self._grid_exists(wanted):
            self.actor.require_grid(None)  # there, but not theirs: say so
        if not found:
            raise _no_such_grid(wanted, grids)
        if len({grid.origin_office for grid in found}) > 1:
            raise UserError(MSG_MANY_GRIDS, code=wanted, names="、".join(sorted(
                names.get(grid.origin_office, grid.origin_office[:8]) for grid in found)))
        return found[0]

    def _grid_exists(self, wanted: str) -> bool:
        with self.db.read() as session:
            raw = session.connection().connection.driver_connection
            assert raw is not None
            return any(wanted in (code, "".join((name or "").split())) for code, name in
                       raw.execute("SELECT code, name FROM grid WHERE NOT deleted"))

    @requires(access.HOUSEHOLDS_VIEW)
    def grid_warning(self, grid_id: str) -> Any:
        """The 300–500 households advice for a grid, or None."""
        self._require_grid(grid_id)
        with self.db.read() as session:
            raw = session.connection().connection.driver_connection
            assert raw is not None
            (households,) = raw.execute(
                "SELECT count(*) FROM household h JOIN house s ON s.id = h.house_id"
                " JOIN building b ON b.id = s.building_id WHERE b.grid_id = ?"
                " AND NOT h.deleted AND h.dissolved_on IS NULL", (grid_id,)).fetchone()
        return rules.grid_size_warning(households)

    @requires(access.GRIDS_EDIT)
    def add_role(self, grid_id: str, role: str, person_name: str, from_date: dt.date,
                 phone: str = "", member_id: str | None = None) -> str:
        """A place in the "1+2+X" team; a new 网格长 ends the previous one's term."""
        self._check_code("role", role, "GRID_ROLES", QT_TRANSLATE_NOOP("codes", "Team role"))
        name = identity.normalize_name(person_name, "person_name")
        with self.db.write() as session:
            self._live(session, Grid, grid_id, MSG_GRID_MISSING)
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

    @requires(access.GRIDS_EDIT)
    def end_role(self, role_id: str, to_date: dt.date) -> None:
        with self.db.write() as session:
            entry = self._live(session, GridRole, role_id, MSG_GRID_MISSING)
            entry.to_date = max(entry.from_date, to_date)

    @requires(access.HOUSEHOLDS_VIEW)
    def roles(self, grid_id: str, *, include_past: bool = False) -> list[GridRole]:
        self._require_grid(grid_id)
        with self.db.read() as session:
            query = select(GridRole).where(GridRole.grid_id == grid_id,
                                           col(GridRole.deleted).is_(False))
            if not include_past:
                query = query.where(col(GridRole.to_date).is_(None))
            return list(session.exec(query.order_by(col(GridRole.from_date))).all())

    @requires(access.HOUSEHOLDS_EDIT)
    def add_building(self, grid_id: str, number: str, *, estate: str = "",
                     units: int | None = None, floors: int | None = None,
                     kind: str = "residential") -> str:
        number = limited_text("number", LABEL_BUILDING, number, 20) or ""
        if not number:
            raise ValidationError("number", MSG_BUILDING_NUMBER)
        self._check_code("kind", kind, "BUILDING_KINDS", QT_TRANSLATE_NOOP("codes", "Kind"))
        estate = limited_text("estate", LABEL_ESTATE, estate, 40) or ""
        with self.db.write() as session:
            self._live(session, Grid, grid_id, MSG_GRID_MISSING)
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

    @requires(access.HOUSEHOLDS_EDIT)
    def add_house(self, building_id: str, unit: str, room: str, *, owner: str | None = None,
                  use: str = "owner_occupied") -> str:
        self._check_code("use", use, "HOUSE_USES", QT_TRANSLATE_NOOP("codes", "House use"))
        unit = limited_text("unit", LABEL_UNIT, unit, 10) or ""
        room = limited_text("room", LABEL_ROOM, room, 20) or ""
        owner = limited_text("owner", LABEL_OWNER, owner, 30)
        with self.db.write() as session:
            self._live(session, Building, building_id, MSG_BUILDING_MISSING)
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

    @requires(access.HOUSEHOLDS_EDIT)
    def set_house_use(self, house_id: str, use: str) -> None:
        self._check_code("use", use, "HOUSE_USES", QT_TRANSLATE_NOOP("codes", "House use"))
        with self.db.write() as session:
            self._live(session, House, house_id, MSG_HOUSE_MISSING).use = use

    @requires(access.HOUSEHOLDS_VIEW)
    def buildings(self, grid_id: str) -> list[BuildingRow]:
        """The buildings of a grid with their households, residents and care tags."""
        self._require_grid(grid_id)
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

    @requires(access.HOUSEHOLDS_VIEW)
    def houses(self, building_id: str) -> list[HouseRow]:
        """The houses of a building, each with its current household (if any)."""
        with self.db.read() as session:
            if self.actor.grid_scoped:
                self._live(session, Building, building_id, MSG_BUILDING_MISSING)
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
