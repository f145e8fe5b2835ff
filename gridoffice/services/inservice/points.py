"""Points (积分): entries, corrections, the period's points per member and per unit."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text as sql
from sqlmodel import col, select

from gridoffice.domain import access
from gridoffice.domain import inservice as rules
from gridoffice.errors import Term, UserError, ValidationError
from gridoffice.services.common import MSG_GONE, clean
from gridoffice.services.guard import requires
from gridoffice.services.inservice.model import (
    MSG_CORRECTION_REASON,
    MSG_CORRECTION_ZERO,
    MSG_ITEM_MANUAL,
    MSG_REPORT_FUTURE,
    EntryRow,
    PointsRow,
    RegistrationQuery,
    UnitSummary,
    check_field_code,
)
from gridoffice.services.inservice.registrations import InServiceRegistrations
from gridoffice.store.tables import PointsEntry, Registration


class InServicePoints(InServiceRegistrations):
    """The points ledger and its summaries (over the registrations and work units)."""

    @requires(access.INSERVICE_EDIT)
    def add_points(self, registration_id: str, item: str, on_date: dt.date | None = None,
                   note: str = "") -> str:
        """微心愿, 表彰 or 无故缺席 (negative), by the rule in force today."""
        check_field_code("item", rules.POINT_ITEMS, item)
        if item not in (rules.WISH, rules.AWARD, rules.ABSENCE):
            raise ValidationError("item", MSG_ITEM_MANUAL,
                                  item=Term(rules.POINT_ITEMS.label(item)))
        day = on_date or self.today()
        if day > self.today():
            raise ValidationError("on_date", MSG_REPORT_FUTURE, date=day.isoformat())
        with self.db.write() as session:
            self._row(session, Registration, registration_id)
            entry_id = self._add_entry(session, registration_id, item, day, note=note,
                                       return_id=True)
            return str(entry_id)

    @requires(access.INSERVICE_EDIT)
    def correct(self, entry_id: str, points: int, reason: str) -> str:
        """A correction is a new entry that refers to the one it corrects."""
        reason = clean(reason)
        if not reason:
            raise ValidationError("note", MSG_CORRECTION_REASON)
        if points == 0:
            raise ValidationError("points", MSG_CORRECTION_ZERO)
        with self.db.write() as session:
            original = session.get(PointsEntry, entry_id)
            if original is None:
                raise UserError(MSG_GONE)
            self._require_registration(session, original.registration_id)
            row = PointsEntry(registration_id=original.registration_id, on_date=self.today(),
                              item=rules.CORRECTION, points=points,
                              basis=f"corrects {original.item}={original.points}",
                              corrects_id=entry_id, entered_by=self.operator, note=reason)
            session.add(row)
            session.flush()
            return row.id

    @requires(access.INSERVICE_VIEW)
    def entries(self, registration_id: str) -> list[EntryRow]:
        with self.db.read() as session:
            self._require_registration(session, registration_id)
            return [EntryRow(e.id, e.registration_id, e.on_date, e.item, e.points, e.basis,
                             e.corrects_id, e.entered_by, e.note)
                    for e in session.exec(select(PointsEntry).where(
                        PointsEntry.registration_id == registration_id)
                        .order_by(col(PointsEntry.on_date), col(PointsEntry.id))).all()]

    @requires(access.INSERVICE_VIEW)
    def points(self, period: rules.Period, *, work_unit_id: str | None = None,
               include_left: bool = False, office: str | None = None) -> list[PointsRow]:
        """Each approved member's activities, hours and points in ``period``, the
        year to its end (累计) and the grade of that year so far (``office``: one
        office's members, the street sees every community's)."""
        year = period.year_to_date()
        with self.db.read() as session:
            conn = session.connection()
            params = {"ps": period.start, "pe": period.end, "ys": year.start, "ye": year.end}
            period_points = dict(conn.execute(sql(
                "SELECT registration_id, sum(points) FROM points_entry "
                "WHERE on_date BETWEEN :ps AND :pe GROUP BY registration_id"), params).fetchall())
            year_points = dict(conn.execute(sql(
                "SELECT registration_id, sum(points) FROM points_entry "
                "WHERE on_date BETWEEN :ys AND :ye GROUP BY registration_id"), params).fetchall())
            period_records = {rid: (n, h) for rid, n, h in conn.execute(sql(
                "SELECT registration_id, count(*), coalesce(sum(hours), 0) FROM service_record "
                "WHERE NOT deleted AND confirmed_by IS NOT NULL AND on_date BETWEEN :ps AND :pe "
                "GROUP BY registration_id"), params).fetchall()}
            year_hours = dict(conn.execute(sql(
                "SELECT registration_id, coalesce(sum(hours), 0) FROM service_record "
                "WHERE NOT deleted AND confirmed_by IS NOT NULL AND on_date BETWEEN :ys AND :ye "
                "GROUP BY registration_id"), params).fetchall())
            posts: dict[str, list[str]] = {}
            for rid, post in conn.execute(sql(
                    "SELECT c.registration_id, p.name FROM post_claim c JOIN service_post p "
                    "ON p.id = c.post_id WHERE NOT c.deleted AND c.status = 'claimed' "
                    "ORDER BY p.name")).fetchall():
                posts.setdefault(rid, []).append(post)
        rows = []
        for reg in self.registrations(RegistrationQuery(review_status=rules.APPROVED,
                                                        work_unit_id=work_unit_id,
                                                        include_left=include_left,
                                                        office=office)):
            if reg.report_date > period.end:
                continue
            total = int(year_points.get(reg.id, 0) or 0)
            count, hours = period_records.get(reg.id, (0, 0.0))
            rows.append(PointsRow(
                reg.id, reg.code, reg.name, reg.work_unit_id, reg.work_unit, reg.grid_id,
                tuple(posts.get(reg.id, ())), count, float(hours),
                int(period_points.get(reg.id, 0) or 0), total,
                float(year_hours.get(reg.id, 0.0) or 0.0), rules.grade(total, self.rules),
                reg.origin_office))
        rows.sort(key=lambda r: (-r.period_points, r.work_unit, r.code))
        return rows

    @requires(access.INSERVICE_VIEW)
    def unit_summaries(self, period: rules.Period, *, office: str | None = None
                       ) -> list[UnitSummary]:
        """The points by work unit (``office``: of one office's members only)."""
        units = {u.id: u for u in self.work_units()}
        grouped: dict[str, list[PointsRow]] = {}
        for row in self.points(period, office=office):
            grouped.setdefault(row.work_unit_id, []).append(row)
        out = []
        for unit_id, rows in grouped.items():
            unit = units.get(unit_id)
            grades: dict[str, int] = {}
            for row in rows:
                grades[row.grade] = grades.get(row.grade, 0) + 1
            out.append(UnitSummary(unit_id, unit.name if unit else "",
                                   unit.unit_type if unit else "",
                                   unit.party_org if unit else None, len(rows),
                                   sum(r.activities for r in rows), sum(r.hours for r in rows),
                                   sum(r.period_points for r in rows), grades))
        out.sort(key=lambda u: u.work_unit)
        return out
