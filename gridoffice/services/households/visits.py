"""Visits to households (走访) and the residents' care and control tags."""

from __future__ import annotations

import datetime as dt

from sqlmodel import col, select

from gridoffice.domain import access
from gridoffice.domain import households as rules
from gridoffice.errors import ValidationError
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.services.common import clean_or_none
from gridoffice.services.guard import requires
from gridoffice.services.households.base import HouseholdServiceBase
from gridoffice.services.households.model import (
    MSG_HOUSEHOLD_MISSING,
    MSG_RESIDENT_MISSING,
    MSG_VISITOR,
    TagRow,
)
from gridoffice.store.tables import Household, Resident, ResidentTag, Visit


class HouseholdVisits(HouseholdServiceBase):
    """Visits and resident tags."""

    @requires(access.HOUSEHOLDS_EDIT)
    def add_visit(self, household_id: str, visit_date: dt.date, visitor: str,
                  findings: str = "", requests: str = "") -> str:
        self._not_future(visit_date)
        if not clean_or_none(visitor):
            raise ValidationError("visitor", MSG_VISITOR)
        with self.db.write() as session:
            household = self._live(session, Household, household_id, MSG_HOUSEHOLD_MISSING)
            visit = Visit(household_id=household_id, visit_date=visit_date,
                          visitor=clean_or_none(visitor) or "", findings=(findings or "").strip(),
                          requests=(requests or "").strip())
            session.add(visit)
            if household.last_visit is None or visit_date > household.last_visit:
                household.last_visit = visit_date
            session.flush()
            return visit.id

    @requires(access.HOUSEHOLDS_EDIT)
    def add_tag(self, resident_id: str, tag: str, *, kind: str = "care",
                disability_type: str | None = None, disability_grade: str | None = None,
                from_date: dt.date | None = None, note: str | None = None) -> str:
        if kind != "care":
            self.actor.require(access.CONTROL_TAGS)
        table = "CARE_TAGS" if kind == "care" else "CONTROL_TAGS"
        self._check_code("tag", tag, table, QT_TRANSLATE_NOOP("codes", "Tag"))
        with self.db.write() as session:
            resident = self._live(session, Resident, resident_id, MSG_RESIDENT_MISSING)
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

    @requires(access.HOUSEHOLDS_VIEW)
    def tags(self, resident_id: str, *, include_control: bool = False) -> list[str]:
        """Current tags, derived ones (高龄老人) included; control tags only on request
        (and only for an account granted them)."""
        if include_control:
            self.actor.require(access.CONTROL_TAGS)
        with self.db.read() as session:
            resident = self._live(session, Resident, resident_id, MSG_RESIDENT_MISSING)
            query = select(ResidentTag).where(ResidentTag.resident_id == resident_id,
                                              col(ResidentTag.deleted).is_(False),
                                              col(ResidentTag.to_date).is_(None))
            if not include_control:
                query = query.where(ResidentTag.kind == "care")
            stored = [t.tag for t in session.exec(query)]
        derived = rules.derived_care_tags(resident.birth_date, self.today())
        return sorted(set(stored) | derived)

    @requires(access.HOUSEHOLDS_VIEW)
    def tag_rows(self, resident_id: str, *, include_control: bool = False,
                 include_past: bool = False) -> list[TagRow]:
        if include_control:
            self.actor.require(access.CONTROL_TAGS)
        with self.db.read() as session:
            if self.actor.grid_scoped:
                self._live(session, Resident, resident_id, MSG_RESIDENT_MISSING)
            query = select(ResidentTag).where(ResidentTag.resident_id == resident_id,
                                              col(ResidentTag.deleted).is_(False))
            if not include_control:
                query = query.where(ResidentTag.kind == "care")
            if not include_past:
                query = query.where(col(ResidentTag.to_date).is_(None))
            return [TagRow(t.id, t.resident_id, t.kind, t.tag, t.disability_type,
                           t.disability_grade, t.from_date, t.to_date)
                    for t in session.exec(query)]

    @requires(access.HOUSEHOLDS_EDIT)
    def end_tag(self, tag_id: str, to_date: dt.date) -> None:
        with self.db.write() as session:
            entry = self._live(session, ResidentTag, tag_id, MSG_RESIDENT_MISSING)
            if entry.kind != "care":
                self.actor.require(access.CONTROL_TAGS)
            entry.to_date = to_date
