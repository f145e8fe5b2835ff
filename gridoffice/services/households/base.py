"""What every part of the households service shares: the database, the operator, the
clock, code checks and the small lookups of a household and its address."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import Session, col, select

from gridoffice.domain import households as rules
from gridoffice.domain.access import Actor
from gridoffice.errors import UserError, ValidationError
from gridoffice.services.common import check_code, live_row
from gridoffice.services.guard import FREE, requires
from gridoffice.services.households.model import HEAD, MSG_DATE_FUTURE, MSG_NOT_HERE, GridRow
from gridoffice.store.database import Database
from gridoffice.store.tables import (
    Building,
    Grid,
    GridRole,
    House,
    Household,
    Resident,
    ResidentTag,
)


class HouseholdServiceBase:
    """State and helpers shared by the parts of :class:`HouseholdService`."""

    def __init__(self, db: Database, operator: str = "", today: dt.date | None = None) -> None:
        self.db = db
        self.operator = operator
        self.actor = Actor.open(operator)  # the container sets the signed-in account
        self._today = today
        self._grids_cache: tuple[str, list[GridRow]] | None = None

    @requires(FREE)
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def _live(self, session: Session, model: Any, row_id: str | None, message: str) -> Any:
        """The row (UserError when gone); refused when it lies outside a grid worker's
        grids."""
        row = live_row(session, model, row_id, message)
        if self.actor.grid_scoped:
            self.actor.require_grid(self._grid_of_row(session, row))
        return row

    def _require_grid(self, grid_id: str | None) -> None:
        """Refuse a grid outside a grid worker's grids."""
        self.actor.require_grid(grid_id)

    def _grid_of_row(self, session: Session, row: Any) -> str | None:
        """The grid a grid, building, house, household, resident, tag or team place
        belongs to."""
        if isinstance(row, Grid):
            return row.id
        if isinstance(row, (Building, GridRole)):
            return row.grid_id
        if isinstance(row, House):
            return self._grid_of(session, row)
        if isinstance(row, ResidentTag):
            row = session.get(Resident, row.resident_id)
        if isinstance(row, Resident):
            row = session.get(Household, row.household_id)
        if isinstance(row, Household):
            if row.grid_id:
                return row.grid_id
            house = session.get(House, row.house_id)
            return self._grid_of(session, house) if house is not None else None
        return None

    @staticmethod
    def _check_code(field: str, value: str, table: str, label: str) -> None:
        check_code(field, _codes(table), value or "", label)  # required: a blank is refused

    def _address(self, session: Session, household_id: str) -> str:
        return household_address(session, household_id) or "—"

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


def _codes(name: str) -> Any:
    from gridoffice.domain import codes

    return getattr(codes, name)


def household_address(session: Session, household_id: str) -> str | None:
    """The full address of a household's house (None when it cannot be told)."""
    household = session.get(Household, household_id)
    house = session.get(House, household.house_id) if household else None
    building = session.get(Building, house.building_id) if house else None
    if building is None or house is None:
        return None
    return rules.format_address(building.estate or None, building.number,
                                house.unit or None, house.room or None)
