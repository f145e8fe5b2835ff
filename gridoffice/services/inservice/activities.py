"""Activities, check-in and check-out, and the service records (hours) they leave."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import text as sql
from sqlmodel import Session, col, select

from gridoffice.domain import access
from gridoffice.domain import inservice as rules
from gridoffice.errors import UserError, ValidationError
from gridoffice.services.common import MSG_GONE, clean
from gridoffice.services.guard import requires
from gridoffice.services.inservice.model import (
    MSG_ACTIVITY_NAME,
    MSG_CHECKED_IN,
    MSG_DUTY_POST,
    MSG_HOURS,
    MSG_NOT_CHECKED_IN,
    MSG_OUT_BEFORE_IN,
    MSG_REPORT_FUTURE,
    ActivityDraft,
    ActivityRow,
    CheckInResult,
    RecordRow,
    check_field_code,
)
from gridoffice.services.inservice.registrations import InServiceRegistrations
from gridoffice.store.tables import (
    Registration,
    ServiceActivity,
    ServicePost,
    ServiceRecord,
    WorkUnit,
)


class InServiceActivities(InServiceRegistrations):
    """Activities and service records (check-in reads the member's registration)."""

    @requires(access.INSERVICE_EDIT)
    def add_activity(self, draft: ActivityDraft) -> str:
        name = clean(draft.name)
        if not name:
            raise ValidationError("name", MSG_ACTIVITY_NAME)
        check_field_code("kind", rules.ACTIVITY_KINDS, draft.kind)
        if draft.kind == "duty" and not draft.post_id:
            raise ValidationError("post_id", MSG_DUTY_POST)
        with self.db.write() as session:
            if draft.post_id:
                self._row(session, ServicePost, draft.post_id)
            row = ServiceActivity(kind=draft.kind, name=name, post_id=draft.post_id,
                                  on_date=draft.on_date, place=clean(draft.place),
                                  organiser=clean(draft.organiser),
                                  note=clean(draft.note) or None)
            session.add(row)
            session.flush()
            return row.id

    @requires(access.INSERVICE_VIEW)
    def activity(self, activity_id: str) -> ActivityRow:
        """One activity with its counts; UserError when it is gone."""
        found = self.activities(only=activity_id)
        if not found:
            raise UserError(MSG_GONE)
        return found[0]

    @requires(access.INSERVICE_VIEW)
    def activities(self, since: dt.date | None = None, until: dt.date | None = None,
                   *, only: str | None = None, office: str | None = None
                   ) -> list[ActivityRow]:
        with self.db.read() as session:
            # Who came (checked in) is every record of the activity, a record
            # entered afterwards from the paper sheet too; who has left (checked
            # out) is every record that is finished: checked out at the door, or
            # entered afterwards with its hours. The check-in window shows these.
            # A grid worker counts the people of their grids, a street worker those
            # of their communities.
            params: dict[str, Any] = {}
            reach = self._reach(params)
            reached = (f" AND registration_id IN (SELECT g.id FROM registration g WHERE 1{reach})"
                       if reach else "")
            counts = {aid: (n_in, n_out) for aid, n_in, n_out in session.connection().execute(
                sql("SELECT activity_id, count(*), "
                    "sum(check_out_at IS NOT NULL OR check_in_at IS NULL) FROM service_record "
                    "WHERE NOT deleted AND activity_id IS NOT NULL" + reached
                    + " GROUP BY activity_id"), params)}
            stmt = (select(ServiceActivity, ServicePost.name)
                    .join(ServicePost, col(ServicePost.id) == ServiceActivity.post_id,
                          isouter=True)
                    .where(col(ServiceActivity.deleted).is_(False),
                           *self._offices(ServiceActivity.origin_office)))
            if only:
                stmt = stmt.where(ServiceActivity.id == only)
            if office is not None:
                stmt = stmt.where(ServiceActivity.origin_office == office)
            if since:
                stmt = stmt.where(col(ServiceActivity.on_date) >= since)
            if until:
                stmt = stmt.where(col(ServiceActivity.on_date) <= until)
            return [ActivityRow(a.id, a.kind, a.name, a.post_id, post, a.on_date, a.place,
                                a.organiser, *counts.get(a.id, (0, 0)),
                                origin_office=a.origin_office)
                    for a, post in session.exec(
                        stmt.order_by(col(ServiceActivity.on_date).desc(),
                                      col(ServiceActivity.name))).all()]

    @requires(access.INSERVICE_EDIT)
    def check_in(self, activity_id: str, registration_id: str,
                 at: dt.datetime | None = None) -> CheckInResult:
        at = (at or self.now()).replace(microsecond=0)
        with self.db.write() as session:
            activity = self._row(session, ServiceActivity, activity_id)
            registration = self._serving(session, registration_id)
            open_record = self._record_of(session, activity_id, registration_id)
            if open_record is not None:
                raise UserError(MSG_CHECKED_IN, name=registration.name,
                                time=_time(open_record.check_in_at))
            record = ServiceRecord(registration_id=registration_id, activity_id=activity_id,
                                   post_id=activity.post_id, on_date=activity.on_date,
                                   content=activity.name, check_in_at=at)
            session.add(record)
            session.flush()
            record_id = record.id
        return CheckInResult(record_id, self.registration(registration_id), at)

    @requires(access.INSERVICE_EDIT)
    def check_out(self, activity_id: str, registration_id: str,
                  at: dt.datetime | None = None, content: str | None = None) -> CheckInResult:
        """Check-out gives the hours; the record is confirmed by the operator on duty
        and earns its points."""
        at = (at or self.now()).replace(microsecond=0)
        confirmer = self._confirmer()
        with self.db.write() as session:
            activity = self._row(session, ServiceActivity, activity_id)
            registration = self._row(session, Registration, registration_id)
            record = self._record_of(session, activity_id, registration_id)
            if record is None or record.check_in_at is None:
                raise UserError(MSG_NOT_CHECKED_IN, name=registration.name)
            if at < record.check_in_at:
                raise ValidationError("check_out_at", MSG_OUT_BEFORE_IN, out=_time(at),
                                      in_=_time(record.check_in_at))
            hours = rules.hours_between(record.check_in_at, at)
            if hours > rules.MAX_HOURS_A_DAY:
                raise ValidationError("hours", MSG_HOURS, hours=hours)
            record.check_out_at = at
            record.hours = hours
            record.confirmed_by = confirmer
            record.confirmed_at = self.now()
            if content is not None and clean(content):
                record.content = clean(content)
            item = rules.DUTY if activity.kind == "duty" else rules.ACTIVITY
            points = self._add_entry(session, registration_id, item, activity.on_date,
                                     hours=hours, record_id=record.id)
            record_id = record.id
        return CheckInResult(record_id, self.registration(registration_id), at, hours, points)

    @requires(access.INSERVICE_EDIT)
    def add_record(self, registration_id: str, on_date: dt.date, hours: float,
                   content: str, *, activity_id: str | None = None,
                   post_id: str | None = None) -> str:
        """A service record entered afterwards (from a paper sheet), confirmed by the
        operator; it earns points as a check-out would."""
        if not 0 < hours <= rules.MAX_HOURS_A_DAY:
            raise ValidationError("hours", MSG_HOURS, hours=hours)
        if on_date > self.today():
            raise ValidationError("on_date", MSG_REPORT_FUTURE, date=on_date.isoformat())
        confirmer = self._confirmer()
        with self.db.write() as session:
            self._serving(session, registration_id)
            kind = "activity"
            if activity_id:
                activity = self._row(session, ServiceActivity, activity_id)
                kind, post_id = activity.kind, activity.post_id or post_id
            elif post_id:
                self._row(session, ServicePost, post_id)
                kind = "duty"
            record = ServiceRecord(registration_id=registration_id, activity_id=activity_id,
                                   post_id=post_id, on_date=on_date, content=clean(content),
                                   hours=hours, confirmed_by=confirmer,
                                   confirmed_at=self.now())
            session.add(record)
            session.flush()
            self._add_entry(session, registration_id,
                            rules.DUTY if kind == "duty" else rules.ACTIVITY, on_date,
                            hours=hours, record_id=record.id)
            return record.id

    @requires(access.INSERVICE_VIEW)
    def records(self, *, registration_id: str | None = None, activity_id: str | None = None,
                period: rules.Period | None = None) -> list[RecordRow]:
        with self.db.read() as session:
            stmt = (select(ServiceRecord, Registration.name, Registration.code, WorkUnit.name,
                           ServiceActivity.name)
                    .join(Registration, col(Registration.id) == ServiceRecord.registration_id)
                    .join(WorkUnit, col(WorkUnit.id) == Registration.work_unit_id)
                    .join(ServiceActivity, col(ServiceActivity.id) == ServiceRecord.activity_id,
                          isouter=True)
                    .where(col(ServiceRecord.deleted).is_(False),
                           *self._registrations_reached("service_record.registration_id")))
            if registration_id:
                stmt = stmt.where(ServiceRecord.registration_id == registration_id)
            if activity_id:
                stmt = stmt.where(ServiceRecord.activity_id == activity_id)
            if period:
                stmt = stmt.where(col(ServiceRecord.on_date) >= period.start,
                                  col(ServiceRecord.on_date) <= period.end)
            found = session.exec(
                stmt.order_by(col(ServiceRecord.on_date), col(ServiceRecord.id))).all()
            points = self._record_points(session, [r.id for r, *_rest in found])
            return [RecordRow(r.id, r.registration_id, name, code, unit, r.activity_id,
                              activity or r.content, r.on_date, r.content, r.check_in_at,
                              r.check_out_at, r.hours, r.confirmed_by, points.get(r.id, 0))
                    for r, name, code, unit, activity in found]

    @staticmethod
    def _record_points(session: Session, record_ids: list[str]) -> dict[str, int]:
        """The points each of these service records earned (read by the index on the
        record, a few hundred at a time), not every record's."""
        points: dict[str, int] = {}
        conn = session.connection()
        for start in range(0, len(record_ids), 500):
            chunk = record_ids[start:start + 500]
            marks = ", ".join(f":r{n}" for n in range(len(chunk)))
            points.update(conn.execute(sql(
                "SELECT service_record_id, sum(points) FROM points_entry "
                f"WHERE service_record_id IN ({marks}) GROUP BY service_record_id"),
                {f"r{n}": rid for n, rid in enumerate(chunk)}).fetchall())
        return points

    def _record_of(self, session: Session, activity_id: str,
                   registration_id: str) -> ServiceRecord | None:
        return session.exec(select(ServiceRecord).where(
            ServiceRecord.activity_id == activity_id,
            ServiceRecord.registration_id == registration_id,
            col(ServiceRecord.deleted).is_(False))).first()


def _time(value: dt.datetime | None) -> str:
    return value.strftime("%H:%M") if value else ""
