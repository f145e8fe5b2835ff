"""Reading the roster: one member, the filtered list, history and placements, what is
due, branch warnings, duplicates, and revealing masked numbers (audited)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from typing import Any

from sqlalchemy import text
from sqlmodel import Session, col, select

from gridoffice.domain import access, households, identity, masking, party, search_keys
from gridoffice.services.common import as_date
from gridoffice.services.guard import office_clause, requires
from gridoffice.services.roster.base import RosterServiceBase
from gridoffice.services.roster.model import (
    DRAFT_FIELDS,
    DueItem,
    EventRow,
    MemberDraft,
    MemberQuery,
    MemberRow,
    PlacementRow,
)
from gridoffice.store.tables import MemberEvent, MemberPlacement

_ROW_SQL = """
SELECT m.id, m.name, m.sex, m.ethnicity, m.birth_date, m.id_number, m.education, m.mobile,
       m.join_date, m.full_date, m.status, m.probation_extension_months, m.category,
       m.relation_status, m.org_id, o.name, m.party_post, m.work_unit, m.job, m.address,
       m.native_place, m.star_rating, m.hardship, m.center_household, m.note,
       m.status_date, m.unit_party_org,
       (SELECT b.estate || '|' || b.number || '|' || s.unit || '|' || s.room
        FROM resident r JOIN household h ON h.id = r.household_id
        JOIN house s ON s.id = h.house_id JOIN building b ON b.id = s.building_id
        WHERE r.member_id = m.id AND NOT r.deleted AND r.moved_out_on IS NULL
        AND r.died_on IS NULL LIMIT 1),
       m.origin_office, m.id_type, m.away_destination, m.away_since
FROM member m LEFT JOIN org o ON o.id = m.org_id
"""


_MISSING = object()


class RosterReading(RosterServiceBase):
    """Member lists and details."""

    @requires(access.ROSTER_VIEW)
    def get(self, member_id: str) -> tuple[MemberDraft, MemberRow]:
        """The member's values for the form and the row, ID number and phone masked
        (:meth:`reveal` gives them in full). Saving a draft whose ID number or phone
        is still masked keeps the stored value."""
        with self.db.read() as session:
            member = self._load(session, member_id)
            draft = MemberDraft(**{k: getattr(member, k) for k in DRAFT_FIELDS
                                   if k not in ("id_number", "mobile")})
            draft = replace(draft, mobile=masking.mask_phone(member.mobile),
                            id_number=masking.mask_id(member.id_number_original
                                                      or member.id_number))
            row = self._rows(session, "WHERE m.id = :id", {"id": member_id}, reveal=False)[0]
        return draft, row

    @requires(access.ROSTER_VIEW)
    def list_members(self, query: MemberQuery = MemberQuery(), *,
                     reveal: bool = False) -> list[MemberRow]:
        """The roster lines for a query, in name order (masked unless ``reveal``, which
        needs :data:`~gridoffice.domain.access.REVEAL`)."""
        if reveal:
            self.actor.require(access.REVEAL)
        where, params = self._where(query)
        with self.db.read() as session:
            rows = self._rows(session, where, params, reveal=reveal)
        if query.overdue_only:
            today = self.today()
            rows = [r for r in rows if r.due_date is not None and r.due_date < today]
        return rows

    @requires(access.ROSTER_VIEW)
    def history(self, member_id: str) -> list[EventRow]:
        with self.db.read() as session:
            self._require_reach(session, member_id)
            events = session.exec(select(MemberEvent).where(
                MemberEvent.member_id == member_id, col(MemberEvent.deleted).is_(False))
                .order_by(col(MemberEvent.hlc).desc())).all()
        return [EventRow(e.id, e.on_date, e.kind, json.loads(e.detail or "{}"), e.operator)
                for e in events]

    @requires(access.ROSTER_VIEW)
    def placements(self, member_id: str) -> list[PlacementRow]:
        with self.db.read() as session:
            self._require_reach(session, member_id)
            rows = session.exec(select(MemberPlacement).where(
                MemberPlacement.member_id == member_id,
                col(MemberPlacement.deleted).is_(False))
                .order_by(col(MemberPlacement.from_date))).all()
            return [PlacementRow(p.org_id, self._org_name(session, p.org_id), p.from_date,
                                 p.to_date, p.reason) for p in rows]

    @requires(access.ROSTER_VIEW)
    def due_list(self, within_days: int = 90) -> list[DueItem]:
        """Probationary members due for full membership within ``within_days``, and overdue."""
        today = self.today()
        params: dict[str, Any] = {}
        reach = "".join(f" AND {clause}" for clause in self._reach(params))
        with self.db.read() as session:
            rows = session.execute(text(
                "SELECT m.id, m.name, m.org_id, o.name, m.join_date, "
                "m.probation_extension_months "
                "FROM member m LEFT JOIN org o ON o.id = m.org_id "
                "WHERE NOT m.deleted AND m.status = 'probationary' AND m.join_date IS NOT NULL "
                "AND m.relation_status IN ('normal', 'transferring_out')" + reach),
                params).all()
        items = []
        for member_id, name, org_id, org_name, join, ext in rows:
            due = party.full_membership_date(as_date(join), int(ext), self.rules)
            days = (due - today).days
            bucket = party.due_bucket(days)
            if bucket is not None and days <= within_days:
                items.append(DueItem(member_id, name, org_id, org_name, as_date(join), due, days,
                                     bucket))
        items.sort(key=lambda item: (item.days_left, item.name))
        return items

    @requires(access.ROSTER_VIEW)
    def branch_warnings(self) -> list[tuple[str, str, party.Warning]]:
        """Size warnings per organisation: (org id, org name, warning)."""
        # A grid worker sees the branches of the members living in their grids; a
        # street worker limited to some communities, those communities' branches.
        params: dict[str, Any] = {}
        reach = "".join(f" AND {clause}" for clause in self._reach(params))
        where = (f" AND o.id IN (SELECT m.org_id FROM member m WHERE NOT m.deleted{reach})"
                 if reach else "")
        where += office_clause(self.actor, "o.origin_office", params)
        with self.db.read() as session:
            orgs = session.execute(text(
                "SELECT o.id, o.name, o.org_type, "
                "  (SELECT count(*) FROM member m WHERE m.org_id = o.id AND NOT m.deleted "
                "   AND m.status = 'full' AND m.relation_status IN ('normal','transferring_out')),"
                "  (SELECT count(*) FROM member m WHERE m.org_id = o.id AND NOT m.deleted "
                "   AND m.relation_status IN ('normal','transferring_out')),"
                "  (SELECT count(*) FROM committee_seat s WHERE s.org_id = o.id "
                "   AND NOT s.deleted AND s.to_date IS NULL AND s.seat != 'group_leader') "
                "FROM org o WHERE NOT o.deleted AND o.retired_on IS NULL" + where),
                params).all()
        result = []
        for org_id, name, org_type, full, total, seats in orgs:
            if total == 0 and org_type not in ("branch", "joint_branch", "temp_branch"):
                continue
            for warning in party.branch_size_warnings(org_type, int(full), int(seats) >= 3,
                                                      int(total)):
                result.append((org_id, name, warning))
        return result

    @requires(access.ROSTER_VIEW)
    def find_duplicates(self, name: str, birth_date: dt.date,
                        exclude_id: str | None = None) -> list[MemberRow]:
        params: dict[str, Any] = {"name": name, "birth": birth_date.isoformat(),
                                  "exclude": exclude_id or ""}
        reach = "".join(f" AND {clause}" for clause in self._reach(params))
        with self.db.read() as session:
            return self._rows(session, "WHERE NOT m.deleted AND m.name = :name AND "
                              "m.birth_date = :birth AND m.id != :exclude" + reach,
                              params, reveal=False)

    @requires(access.REVEAL)
    def reveal(self, member_id: str) -> tuple[str | None, str | None]:
        """The full ID number and phone of one member: the one place a permission will
        guard; every call is written to the audit log."""
        with self.db.write() as session:
            member = self._load(session, member_id)
            self._audit(session, "reveal_identity", member_id, member.name)
            return member.id_number_original or member.id_number, member.mobile

    @requires(access.ROSTER_VIEW)
    def audit(self, action: str, target: str = "", detail: str = "") -> None:
        """Record an export or a print in the append-only audit log."""
        with self.db.write() as session:
            self._audit(session, action, target, detail)

    def _where(self, query: MemberQuery) -> tuple[str, dict[str, Any]]:
        clauses = ["NOT m.deleted"]
        params: dict[str, Any] = {}
        if query.org_id is not None:
            params["org"] = query.org_id
            if query.include_sub_orgs:
                orgs = ("WITH RECURSIVE sub(id) AS (SELECT :org UNION "
                        "SELECT o.id FROM org o JOIN sub ON o.parent_id = sub.id) "
                        "SELECT id FROM sub")
            else:
                orgs = "SELECT :org"
            if query.as_of is not None:
                clauses.append(f"m.id IN (SELECT p.member_id FROM member_placement p "
                               f"WHERE NOT p.deleted AND p.org_id IN ({orgs}) "
                               f"AND p.from_date <= :asof "
                               f"AND (p.to_date IS NULL OR p.to_date >= :asof))")
            else:
                clauses.append(f"m.org_id IN ({orgs})")
        elif query.as_of is not None:
            clauses.append("m.id IN (SELECT p.member_id FROM member_placement p "
                           "WHERE NOT p.deleted AND p.from_date <= :asof "
                           "AND (p.to_date IS NULL OR p.to_date >= :asof))")
        if query.as_of is not None:
            params["asof"] = query.as_of.isoformat()
            clauses.append("m.join_date <= :asof")
        elif query.relation == "active":
            clauses.append("m.relation_status IN ('normal', 'transferring_out')")
        elif query.relation:
            clauses.append("m.relation_status = :relation")
            params["relation"] = query.relation
        if query.office is not None:
            clauses.append("m.origin_office = :office")
            params["office"] = query.office
        if query.category:
            clauses.append("m.category = :category")
            params["category"] = query.category
        if query.status:
            clauses.append("m.status = :status")
            params["status"] = query.status
        if query.overdue_only:
            # The due date depends on the rules; narrow in SQL, decide in Python (_rows).
            clauses.append("m.status = 'probationary'")
        needle = search_keys.query_key(query.text)
        raw = query.text.strip()
        if needle or raw:
            params["raw"] = f"%{raw}%"
            params["key"] = f"{needle}%"
            parts = ["m.name LIKE :raw"]
            if needle:
                parts += ["m.name_pinyin LIKE :key", "m.name_initials LIKE :key"]
            digits = identity.normalize_input(raw)
            if digits and all(c.isdigit() or c == "X" for c in digits):
                params["tail"] = f"%{digits}"
                parts += ["m.id_number LIKE :tail", "m.mobile LIKE :tail"]
            clauses.append("(" + " OR ".join(parts) + ")")
        clauses += self._reach(params)
        return "WHERE " + " AND ".join(clauses), params

    def _rows(self, session: Session, where: str, params: dict[str, Any], *,
              reveal: bool) -> list[MemberRow]:
        # The plain DB-API cursor: tens of thousands of rows through SQLAlchemy's
        # result objects would cost more than the query itself.
        raw = session.connection().connection.driver_connection
        assert raw is not None
        result = raw.execute(f"{_ROW_SQL} {where} ORDER BY m.name_pinyin, m.name",
                             params).fetchall()
        dates: dict[str | None, dt.date | None] = {None: None}

        def day(value: str | None) -> dt.date | None:
            found = dates.get(value, _MISSING)
            if found is _MISSING:
                found = dates[value] = dt.date.fromisoformat(value)  # type: ignore[arg-type]
            return found  # type: ignore[return-value]

        rules, full_date = self.rules, party.full_membership_date
        mask_id, mask_phone = masking.mask_id, masking.mask_phone
        rows = []
        for r in result:
            address = r[19]
            if r[27]:  # one person, one record: the address where the member lives
                estate, number, unit, room = r[27].split("|")
                address = households.format_address(estate or None, number, unit or None,
                                                    room or None)
            join = day(r[8])
            due = full_date(join, r[11], rules) if r[10] == "probationary" and join else None
            id_number, mobile = r[5], r[7]
            if not reveal:
                id_number = mask_id(id_number) if id_number else None
                mobile = mask_phone(mobile) if mobile else None
            rows.append(MemberRow(r[0], r[1], r[2], r[3], day(r[4]), id_number, r[6], mobile,
                                  join, day(r[9]), r[10], r[11], r[12], r[13], r[14], r[15],
                                  r[16], r[17], r[18], address, r[20], r[21], bool(r[22]),
                                  bool(r[23]), r[24], due, day(r[25]), r[26], r[28],
                                  r[29] or "resident", r[30], day(r[31])))
        return rows
