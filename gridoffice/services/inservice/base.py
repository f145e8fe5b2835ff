"""What every part of the in-service service shares: the database, the operator, the
clock, the point rules, and the points ledger entry that several jobs write."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import text as sql
from sqlmodel import Session

from gridoffice.domain import access
from gridoffice.domain import inservice as rules
from gridoffice.domain.access import Actor
from gridoffice.errors import Term, UserError, ValidationError
from gridoffice.services.common import MSG_GONE, clean, live_row
from gridoffice.services.guard import (
    FREE,
    office_clause,
    office_reach,
    require_office,
    requires,
)
from gridoffice.services.inservice.model import (
    MSG_CONFIRMER,
    MSG_LEFT,
    MSG_NOT_APPROVED,
    load_point_rules,
    save_point_rules,
)
from gridoffice.services.inservice.reach import registration_reach
from gridoffice.store.database import Database
from gridoffice.store.tables import PointsEntry, Registration


class InServiceBase:
    """State and helpers shared by the parts of :class:`InServiceService`."""

    def __init__(self, db: Database, operator: str = "", today: dt.date | None = None,
                 point_rules: rules.PointRules | None = None,
                 now: dt.datetime | None = None) -> None:
        self.db = db
        self.operator = operator
        self.actor = Actor.open(operator)  # the container sets the signed-in account
        self._today = today
        self._now = now
        self.rules = point_rules if point_rules is not None else load_point_rules(db.path)

    @requires(FREE)
    def today(self) -> dt.date:
        return self._today or (self._now.date() if self._now else dt.date.today())

    @requires(FREE)
    def now(self) -> dt.datetime:
        return self._now or dt.datetime.now().replace(microsecond=0)

    @requires(access.INSERVICE_VIEW)
    def reload_rules(self) -> rules.PointRules:
        self.rules = load_point_rules(self.db.path)
        return self.rules

    @requires(access.SETTINGS)
    def save_point_rules(self, value: rules.PointRules) -> rules.PointRules:
        """Store the office's point rules (a setting: administrators only) and use them
        for later entries."""
        save_point_rules(self.db.path, value)
        return self.reload_rules()

    def _reach(self, params: dict[str, Any], reg: str = "g") -> str:
        """`` AND …`` limiting the registrations (table alias ``reg``) to what the actor
        may see (:func:`~gridoffice.services.inservice.reach.registration_reach`)."""
        return registration_reach(self.actor, params, reg)

    def _registrations_reached(self, column: str) -> list[Any]:
        """Conditions limiting ``column`` (``table.registration_id``) to the
        registrations the actor may see (see :meth:`_reach`); none when not limited."""
        params: dict[str, Any] = {}
        reach = self._reach(params)
        if not reach:
            return []
        return [sql(f"{column} IN (SELECT g.id FROM registration g WHERE 1{reach})")
                .bindparams(**params)]

    def _require_registration(self, session: Session, registration_id: str) -> Registration:
        """The registration, refused when it is gone or out of the actor's reach (a
        grid worker's grids, a street worker's communities)."""
        row: Registration = self._row(session, Registration, registration_id)
        params: dict[str, Any] = {"id": registration_id}
        reach = self._reach(params)
        if reach and session.connection().execute(sql(
                "SELECT 1 FROM registration g WHERE g.id = :id" + reach), params).first() is None:
            self.actor.require_grid(None)
        return row

    def _offices(self, column: Any) -> list[Any]:
        """Conditions limiting ``column`` (an ``origin_office``) to the communities of a
        street worker limited to some (none otherwise)."""
        return office_reach(self.actor, column)

    def _office_sql(self, column: str, params: dict[str, Any]) -> str:
        """`` AND column IN (…)`` for raw SQL: a street worker's communities ("" when
        not limited)."""
        return office_clause(self.actor, column, params)

    def _row(self, session: Session, model: Any, row_id: str | None,
             message: str = MSG_GONE) -> Any:
        """A live row the actor may reach (a street worker: of their communities)."""
        return require_office(self.actor, live_row(session, model, row_id, message))

    def _add_entry(self, session: Session, registration_id: str, item: str, on_date: dt.date,
                   *, hours: float = 0.0, record_id: str | None = None, note: str = "",
                   return_id: bool = False) -> Any:
        points = self.rules.points_for(item, hours)
        basis = (f"{item}={self.rules.duty_per_hour}/h" if item == rules.DUTY
                 else f"{item}={points}")
        row = PointsEntry(registration_id=registration_id, on_date=on_date, item=item,
                          points=points, basis=basis, service_record_id=record_id,
                          entered_by=self.operator, note=clean(note) or None)
        session.add(row)
        session.flush()
        return row.id if return_id else points

    def _serving(self, session: Session, registration_id: str) -> Registration:
        row = self._require_registration(session, registration_id)
        name = row.name
        if row.left_on is not None:
            raise UserError(MSG_LEFT, name=name, date=row.left_on.isoformat())
        if row.review_status != rules.APPROVED:
            raise UserError(MSG_NOT_APPROVED, name=name,
                            status=Term(rules.REVIEW_STATUS.label(row.review_status)))
        return row

    def _confirmer(self) -> str:
        confirmer = clean(self.operator)
        if not confirmer:
            raise ValidationError("confirmed_by", MSG_CONFIRMER)
        return confirmer
