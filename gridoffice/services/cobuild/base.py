"""What every part of the co-building service shares: the database, who acts, the
clock, which kind of office this is, and small readers (grid names, offices)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import text as sql
from sqlmodel import Session

from gridoffice.domain import access
from gridoffice.domain.access import Actor
from gridoffice.domain.text import MSG_TOO_LONG, check_text
from gridoffice.errors import Term, ValidationError
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.services import street
from gridoffice.services.cobuild.model import MSG_DATES, MSG_GRID, MSG_REQUIRED, TEXT_LIMIT
from gridoffice.services.common import MSG_GONE, limited_text, live_row
from gridoffice.services.guard import FREE, office_clause, require_office, requires
from gridoffice.store.database import Database
from gridoffice.store.tables import Grid

# The words the messages use for the fields of the lists (context "codes").
LABELS = {
    "person_name": QT_TRANSLATE_NOOP("codes", "Full name"),
    "address": QT_TRANSLATE_NOOP("codes", "Address"),
    "note": QT_TRANSLATE_NOOP("codes", "Note"),
    "name": QT_TRANSLATE_NOOP("codes", "Name of the entry"),
    "title": QT_TRANSLATE_NOOP("codes", "What is offered"),
    "provider_name": QT_TRANSLATE_NOOP("codes", "Provider"),
    "detail": QT_TRANSLATE_NOOP("codes", "Details"),
    "capacity": QT_TRANSLATE_NOOP("codes", "Capacity"),
    "available": QT_TRANSLATE_NOOP("codes", "When available"),
    "contact": QT_TRANSLATE_NOOP("codes", "Contact person"),
    "content": QT_TRANSLATE_NOOP("codes", "Content"),
    "standard": QT_TRANSLATE_NOOP("codes", "Standard"),
    "responsible": QT_TRANSLATE_NOOP("codes", "Person responsible"),
    "dates": QT_TRANSLATE_NOOP("codes", "Dates"),
    "agreement": QT_TRANSLATE_NOOP("codes", "Co-building agreement"),
    "remark": QT_TRANSLATE_NOOP("codes", "Remark"),
}
LONG_LIMIT = 2000  # content, standard, details


class CobuildBase:
    """State and helpers shared by the parts of :class:`CobuildService`."""

    def __init__(self, db: Database, operator: str = "", today: dt.date | None = None,
                 now: dt.datetime | None = None) -> None:
        self.db = db
        self.operator = operator
        self.actor = Actor.open(operator)  # the container sets the signed-in account
        self._today = today
        self._now = now
        self._street: bool | None = None  # known once the office is set up

    @requires(FREE)
    def today(self) -> dt.date:
        return self._today or (self._now.date() if self._now else dt.date.today())

    @requires(FREE)
    def now(self) -> dt.datetime:
        if self._now is not None:
            return self._now
        if self._today is not None:
            return dt.datetime.combine(self._today, dt.datetime.now().time()).replace(
                microsecond=0)
        return dt.datetime.now().replace(microsecond=0)

    @requires(FREE)
    def is_street(self) -> bool:
        """Whether this is the street office's data (it dispatches; communities raise).
        An office's kind never changes once it is set up: read once then."""
        if self._street is None:
            from gridoffice.services import office

            profile = office.load_profile(self.db.path)
            if profile is None:
                return False
            self._street = profile.is_street
        return self._street

    @requires(access.COBUILD_VIEW)
    def office_names(self) -> dict[str, str]:
        """office id -> name, for the street's lists of every community."""
        return street.office_names(self.db.path)

    def _office_kind(self) -> str:
        return "street" if self.is_street() else "community"

    def _row(self, session: Session, model: Any, row_id: str | None,
             message: str = MSG_GONE) -> Any:
        """A live row the actor may reach (a street worker: of their communities)."""
        return require_office(self.actor, live_row(session, model, row_id, message))

    def _office_sql(self, column: str, params: dict[str, Any]) -> str:
        return office_clause(self.actor, column, params)

    @staticmethod
    def _grid_names(session: Session) -> dict[str, str]:
        return {r[0]: r[1] or r[2] for r in session.connection().execute(sql(
            "SELECT id, name, code FROM grid")).fetchall()}

    @staticmethod
    def _line(field: str, value: str | None, limit: int = TEXT_LIMIT) -> str | None:
        """One line of text for ``field`` (named by :data:`LABELS`)."""
        return limited_text(field, LABELS[field], value, limit)

    @staticmethod
    def _long(field: str, value: str | None) -> str:
        """Several lines: trimmed (not collapsed), checked, at most LONG_LIMIT as kept."""
        text = (value or "").strip()
        check_text(field, Term(LABELS[field]), text)
        if len(text) > LONG_LIMIT:
            raise ValidationError(field, MSG_TOO_LONG, field=Term(LABELS[field]),
                                  limit=LONG_LIMIT)
        return text

    @staticmethod
    def _required(field: str, value: str | None, limit: int = TEXT_LIMIT) -> str:
        text = CobuildBase._line(field, value, limit)
        if not text:
            raise ValidationError(field, MSG_REQUIRED, field=Term(LABELS[field]))
        return text

    @staticmethod
    def _dates(start: dt.date | None, end: dt.date | None, field: str = "dates") -> None:
        if start is not None and end is not None and end < start:
            raise ValidationError(field, MSG_DATES, field=Term(LABELS[field]),
                                  start=start.isoformat(), end=end.isoformat())

    @staticmethod
    def _note(value: str | None) -> str | None:
        return CobuildBase._line("note", value)

    @staticmethod
    def _grid_or_none(session: Session, grid_id: str | None) -> str | None:
        """``grid_id`` when given, refused when that grid is gone."""
        if not grid_id:
            return None
        grid = session.get(Grid, grid_id)
        if grid is None or grid.deleted:
            raise ValidationError("grid_id", MSG_GRID)
        return grid_id

    @staticmethod
    def _set(row: Any, values: dict[str, Any]) -> None:
        """Change the fields of ``row`` that differ (an unchanged field is no change)."""
        for key, value in values.items():
            if getattr(row, key) != value:
                setattr(row, key, value)
