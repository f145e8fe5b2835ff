"""What every part of the roster service shares: the database, the operator, the clock,
the party rules, loading a member, and the history, placement and audit records."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import text
from sqlmodel import Session, col, select

from gridoffice.domain import party
from gridoffice.domain.access import Actor
from gridoffice.domain.codes import RELATION_STATUS
from gridoffice.errors import UserError, ValidationError
from gridoffice.services.guard import FREE, audit_name, requires
from gridoffice.services.roster.model import (
    ACTIVE_STATUSES,
    MSG_DATE_FUTURE,
    MSG_MEMBER_MISSING,
    MSG_NOT_ACTIVE,
    MSG_STATUS_DATE,
    code_term,
    json_value,
)
from gridoffice.services.roster.rows import reach_clauses
from gridoffice.store import audit
from gridoffice.store.database import Database
from gridoffice.store.tables import Member, MemberEvent, MemberPlacement, Org


class RosterServiceBase:
    """State and helpers shared by the parts of :class:`RosterService`."""

    def __init__(self, db: Database, operator: str = "", today: dt.date | None = None,
                 rules: party.PartyRules | None = None) -> None:
        self.db = db
        self.operator = operator
        self.actor = Actor.open(operator)  # the container sets the signed-in account
        self._today = today
        self.rules = rules or party.PartyRules()

    @requires(FREE)
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def _load(self, session: Session, member_id: str) -> Member:
        member = session.get(Member, member_id)
        if member is None or member.deleted:
            raise UserError(MSG_MEMBER_MISSING)
        self._require_reach(session, member_id)
        return member

    def _reach(self, params: dict[str, Any], member: str = "m.id") -> list[str]:
        """SQL clauses limiting the members (``member``: the id column) to what the actor
        may see, their parameters put into ``params``.

        A grid worker sees the members who live in their grids: a member lives where
        the households register has a current resident linked to them
        (``resident.member_id``, set by HouseholdService.link_member: one person, one
        record), in a household of one of those grids. A member with no linked resident
        lives nowhere a grid worker can see. A street worker limited to some
        communities sees the members those communities' offices hold.
        """
        return reach_clauses(self.actor, params, member)

    def _require_reach(self, session: Session, member_id: str) -> None:
        """Refuse a member a grid worker or a street worker limited to some communities
        may not see (see :meth:`_reach`)."""
        if not self.actor.grid_scoped and not self.actor.communities:
            return
        params: dict[str, Any] = {"id": member_id}
        found = session.execute(text(
            "SELECT 1 FROM member m WHERE m.id = :id AND " + " AND ".join(
                self._reach(params))), params).first()
        if found is None:
            self.actor.require_grid(None)
            self.actor.require_communities(None)

    @staticmethod
    def _org_name(session: Session, org_id: str | None) -> str | None:
        if org_id is None:
            return None
        org = session.get(Org, org_id)
        return org.name if org else None

    def _event(self, session: Session, member_id: str, kind: str,
               on_date: dt.date | None = None, **detail: Any) -> None:
        session.add(MemberEvent(member_id=member_id, on_date=on_date or self.today(), kind=kind,
                                detail=json.dumps(detail, ensure_ascii=False,
                                                  default=json_value),
                                operator=self.operator))

    def _audit(self, session: Session, action: str, target: str, detail: str) -> None:
        audit.record(session, audit_name(self.actor, self.operator), action, target, detail)

    def _check_date(self, day: dt.date) -> None:
        if day > self.today():
            raise ValidationError("on_date", MSG_DATE_FUTURE, date=day.isoformat())

    @staticmethod
    def _require_active(member: Member) -> None:
        if member.relation_status not in ACTIVE_STATUSES:
            raise UserError(MSG_NOT_ACTIVE, name=member.name,
                            status=code_term(RELATION_STATUS, member.relation_status))

    def _end_placement(self, session: Session, member: Member, last_day: dt.date) -> None:
        self._check_date(last_day)
        for placement in session.exec(select(MemberPlacement).where(
                MemberPlacement.member_id == member.id, col(MemberPlacement.to_date).is_(None),
                col(MemberPlacement.deleted).is_(False))):
            if last_day < placement.from_date - dt.timedelta(days=1):
                raise ValidationError("on_date", MSG_STATUS_DATE, date=last_day.isoformat(),
                                      name=member.name, since=placement.from_date.isoformat())
            placement.to_date = max(last_day, placement.from_date - dt.timedelta(days=1))
