"""Members' registrations (报到) with their work units: register, review, re-register,
leave, and the register's list and lookups."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import text as sql
from sqlmodel import Session, col, select

from gridoffice.domain import access, identity, masking, search_keys
from gridoffice.domain import inservice as rules
from gridoffice.domain.codes import MEMBER_STATUS
from gridoffice.domain.text import MSG_TOO_LONG, check_text
from gridoffice.errors import Term, UserError, ValidationError
from gridoffice.services.common import MSG_GONE, as_date, check_code, clean
from gridoffice.services.guard import audit_name, requires
from gridoffice.services.inservice.base import InServiceBase
from gridoffice.services.inservice.model import (
    AGREEMENT_LABEL,
    AGREEMENT_LIMIT,
    FIELD_LABELS,
    MSG_AGREEMENT_SIGNED,
    MSG_AGREEMENT_UNTIL,
    MSG_ALREADY_REGISTERED,
    MSG_NAME,
    MSG_REPORT_FUTURE,
    MSG_RETURN_REASON,
    MSG_UNIT_MISSING,
    MSG_UNIT_NAME,
    MSG_UNIT_TAKEN,
    RegistrationDraft,
    RegistrationQuery,
    RegistrationRow,
    WorkUnitDraft,
    WorkUnitRow,
    check_field_code,
)
from gridoffice.store import audit
from gridoffice.store.tables import Member, PointsEntry, PostClaim, Registration, Resident, WorkUnit


class InServiceRegistrations(InServiceBase):
    """Work units and the members' registrations."""

    @requires(access.INSERVICE_EDIT)
    def add_work_unit(self, draft: WorkUnitDraft) -> str:
        with self.db.write() as session:
            unit = WorkUnit(**self._unit_values(session, draft, None))
            session.add(unit)
            session.flush()
            return unit.id

    @requires(access.INSERVICE_EDIT)
    def update_work_unit(self, unit_id: str, draft: WorkUnitDraft) -> None:
        with self.db.write() as session:
            unit = self._row(session, WorkUnit, unit_id)
            for key, value in self._unit_values(session, draft, unit_id).items():
                if getattr(unit, key) != value:
                    setattr(unit, key, value)

    @requires(access.INSERVICE_VIEW)
    def work_unit(self, unit_id: str) -> WorkUnitDraft:
        with self.db.read() as session:
            u = self._row(session, WorkUnit, unit_id)
            return WorkUnitDraft(u.name, u.unit_type, u.party_org, u.contact, u.phone,
                                 u.address, u.note, u.agreement_signed, u.agreement_until,
                                 u.agreement_content)

    @requires(access.INSERVICE_VIEW)
    def work_units(self) -> list[WorkUnitRow]:
        with self.db.read() as session:
            counts = dict(session.connection().execute(sql(
                "SELECT work_unit_id, count(*) FROM registration WHERE NOT deleted "
                "AND left_on IS NULL GROUP BY work_unit_id")).fetchall())
            units = session.exec(select(WorkUnit).where(
                col(WorkUnit.deleted).is_(False), *self._offices(WorkUnit.origin_office))
                .order_by(WorkUnit.name)).all()
            return [WorkUnitRow(u.id, u.name, u.unit_type, u.party_org, u.contact,
                                masking.mask_phone(u.phone) if u.phone else None,
                                counts.get(u.id, 0), u.origin_office) for u in units]

    @requires(access.INSERVICE_VIEW)
    def find_work_unit(self, name: str) -> str | None:
        with self.db.read() as session:
            return session.exec(select(WorkUnit.id).where(
                WorkUnit.name == clean(name), col(WorkUnit.deleted).is_(False))).first()

    def _unit_values(self, session: Session, draft: WorkUnitDraft,
                     unit_id: str | None) -> dict[str, Any]:
        name = clean(draft.name)
        if not name:
            raise ValidationError("name", MSG_UNIT_NAME)
        check_field_code("unit_type", rules.UNIT_TYPES, draft.unit_type)
        clash = session.exec(select(WorkUnit.id).where(
            WorkUnit.name == name, col(WorkUnit.deleted).is_(False),
            WorkUnit.id != (unit_id or ""))).first()
        if clash:
            raise ValidationError("name", MSG_UNIT_TAKEN, name=name)
        signed, until = draft.agreement_signed, draft.agreement_until
        if signed is None and (until is not None or (draft.agreement_content or "").strip()):
            raise ValidationError("agreement_signed", MSG_AGREEMENT_SIGNED)
        if signed is not None and until is not None and until < signed:
            raise ValidationError("agreement_until", MSG_AGREEMENT_UNTIL,
                                  signed=signed.isoformat(), until=until.isoformat())
        content = (draft.agreement_content or "").strip()
        check_text("agreement_content", Term(AGREEMENT_LABEL), content)
        if len(content) > AGREEMENT_LIMIT:
            raise ValidationError("agreement_content", MSG_TOO_LONG,
                                  field=Term(AGREEMENT_LABEL), limit=AGREEMENT_LIMIT)
        return {"name": name, "unit_type": draft.unit_type,
                "party_org": clean(draft.party_org) or None,
                "contact": clean(draft.contact) or None, "phone": clean(draft.phone) or None,
                "address": clean(draft.address) or None, "note": clean(draft.note) or None,
                "agreement_signed": signed, "agreement_until": until,
                "agreement_content": content or None}

    @requires(access.INSERVICE_EDIT)
    def register(self, draft: RegistrationDraft) -> str:
        with self.db.write() as session:
            values = self._registration_values(session, draft, None)
            values["code"] = self._next_code(session)
            values["last_registered_on"] = values["report_date"]
            row = Registration(**values)
            session.add(row)
            session.flush()
            return row.id

    @requires(access.INSERVICE_EDIT)
    def update_registration(self, registration_id: str, draft: RegistrationDraft) -> None:
        with self.db.write() as session:
            row = self._row(session, Registration, registration_id)
            for key, value in self._registration_values(session, draft,
                                                        registration_id).items():
                if getattr(row, key) != value:
                    setattr(row, key, value)

    @requires(access.INSERVICE_VIEW)
    def registration_draft(self, registration_id: str) -> RegistrationDraft:
        """The stored registration as its form edits it (full numbers only for
        a person not on file, whose numbers live here)."""
        if self.actor.grid_scoped:
            self.registration(registration_id)  # refused outside the worker's grids
        with self.db.read() as session:
            r = self._row(session, Registration, registration_id)
            return RegistrationDraft(
                r.work_unit_id, r.report_date, r.member_id, r.resident_id, r.name, r.sex,
                r.birth_date, r.id_number or "", r.mobile or "", r.party_status,
                r.home_address, r.grid_id, r.job, r.skills,
                tuple(c for c in r.wished_categories.split(",") if c), r.report_type, r.note)

    @requires(access.INSERVICE_EDIT)
    def review(self, registration_id: str, approve: bool, reason: str = "") -> None:
        """已通过 (the first approval earns the first-registration points) or 已退回
        with a reason."""
        reason = clean(reason)
        if not approve and not reason:
            raise ValidationError("review_reason", MSG_RETURN_REASON)
        with self.db.write() as session:
            row = self._row(session, Registration, registration_id)
            row.review_status = rules.APPROVED if approve else rules.RETURNED
            row.review_reason = reason or None
            row.reviewed_on = self.today()
            row.reviewer = self.operator or None
            if approve and not session.exec(select(PointsEntry.id).where(
                    PointsEntry.registration_id == registration_id,
                    PointsEntry.item == rules.FIRST_REGISTRATION)).first():
                self._add_entry(session, registration_id, rules.FIRST_REGISTRATION,
                                row.report_date if row.report_date <= self.today()
                                else self.today())

    @requires(access.INSERVICE_EDIT)
    def reregister(self, registration_id: str, on_date: dt.date | None = None) -> None:
        day = on_date or self.today()
        if day > self.today():
            raise ValidationError("report_date", MSG_REPORT_FUTURE, date=day.isoformat())
        with self.db.write() as session:
            row = self._row(session, Registration, registration_id)
            row.last_registered_on = day

    @requires(access.INSERVICE_EDIT)
    def leave(self, registration_id: str, on_date: dt.date | None = None,
              note: str = "") -> None:
        """The member no longer serves here (moved, retired): kept, never deleted."""
        with self.db.write() as session:
            row = self._row(session, Registration, registration_id)
            row.left_on = on_date or self.today()
            if clean(note):
                row.note = clean(note)
            for claim in session.exec(select(PostClaim).where(
                    PostClaim.registration_id == registration_id,
                    col(PostClaim.deleted).is_(False),
                    PostClaim.status != rules.WITHDRAWN)).all():
                claim.status = rules.WITHDRAWN
                claim.withdrawn_on = row.left_on

    @requires(access.INSERVICE_EDIT)
    def rejoin(self, registration_id: str) -> None:
        with self.db.write() as session:
            self._row(session, Registration, registration_id).left_on = None

    @requires(access.INSERVICE_VIEW)
    def registrations(self, query: RegistrationQuery = RegistrationQuery()
                      ) -> list[RegistrationRow]:
        needle = clean(query.text)
        key = search_keys.query_key(needle) if needle else ""
        rows = self._registration_rows(None, office=query.office, text=(needle, key))
        today = self.today()
        out = []
        for row, keys in rows:
            if row.left_on and not query.include_left:
                continue
            if query.review_status and row.review_status != query.review_status:
                continue
            if query.work_unit_id and row.work_unit_id != query.work_unit_id:
                continue
            if query.due_within_days is not None and (
                    row.left_on or row.review_status != rules.APPROVED
                    or row.reregister_due > today + dt.timedelta(days=query.due_within_days)):
                continue
            if needle and not (needle in row.name or needle.upper() == row.code
                               or (key and any(k.startswith(key) for k in keys))):
                continue
            out.append(row)
        return out

    @requires(access.INSERVICE_VIEW)
    def registration(self, registration_id: str) -> RegistrationRow:
        rows = self._registration_rows(registration_id)
        if not rows:
            with self.db.read() as session:
                self._row(session, Registration, registration_id)
            self.actor.require_grid(None)  # there, but outside a grid worker's grids
        return rows[0][0]

    @requires(access.REVEAL)
    def reveal(self, registration_id: str) -> tuple[str | None, str | None]:
        """The full ID number and mobile (written to the audit log)."""
        with self.db.write() as session:
            r = self._row(session, Registration, registration_id)
            id_number, mobile = r.id_number, r.mobile
            if r.member_id:
                m = session.get(Member, r.member_id)
                id_number, mobile = (m.id_number, m.mobile) if m else (None, None)
            elif r.resident_id:
                p = session.get(Resident, r.resident_id)
                id_number, mobile = (p.id_number, p.mobile) if p else (None, None)
            audit.record(session, audit_name(self.actor, self.operator), 
                         "reveal_registration", registration_id)
            return id_number, mobile

    @requires(access.INSERVICE_VIEW)
    def reregistration_due(self, within_days: int = 30) -> list[RegistrationRow]:
        return sorted(self.registrations(RegistrationQuery(due_within_days=within_days)),
                      key=lambda r: r.reregister_due)

    @requires(access.INSERVICE_VIEW)
    def lookup(self, typed: str) -> list[RegistrationRow]:
        """Who a typed or scanned code means: the card code, or the last 4 or more
        digits of a mobile or ID number. Approved, serving members only."""
        value = rules.normalise_scan(typed)
        if not value:
            return []
        if rules.is_member_code(value):
            rows = self._registration_rows(None, code=value)
        elif len(value) < 4 or not value[:-1].isdigit():
            return []
        else:
            ids = [rid for rid, numbers in self._numbers_ending(value[-4:]).items()
                   if any(n and n.upper().endswith(value) for n in numbers)]
            rows = self._registration_rows(None, ids=ids) if ids else []
        return [row for row, _keys in rows
                if row.review_status == rules.APPROVED and not row.left_on]

    def _numbers_ending(self, tail: str) -> dict[str, tuple[str | None, ...]]:
        """Full ID number and mobile of the registrations whose own numbers, or their
        member's or resident's, end with the four characters ``tail`` (for matching
        only, never shown). Each branch reads an index on the last four characters."""
        ends = "IN (:tail, :lower)"
        with self.db.read() as session:
            result = session.connection().execute(sql(
                "SELECT g.id, coalesce(m.id_number, p.id_number, g.id_number), "
                "coalesce(m.mobile, p.mobile, g.mobile) FROM registration g "
                "LEFT JOIN member m ON m.id = g.member_id "
                "LEFT JOIN resident p ON p.id = g.resident_id "
                "WHERE NOT g.deleted AND g.id IN ("
                "SELECT id FROM registration WHERE member_id IN ("
                f"SELECT id FROM member WHERE substr(mobile, -4) {ends} "
                f"UNION ALL SELECT id FROM member WHERE substr(id_number, -4) {ends}) "
                "UNION ALL SELECT id FROM registration WHERE resident_id IN ("
                f"SELECT id FROM resident WHERE substr(mobile, -4) {ends} "
                f"UNION ALL SELECT id FROM resident WHERE substr(id_number, -4) {ends}) "
                f"UNION ALL SELECT id FROM registration WHERE substr(mobile, -4) {ends} "
                f"UNION ALL SELECT id FROM registration WHERE substr(id_number, -4) {ends})"),
                {"tail": tail, "lower": tail.lower()}).fetchall()
        return {rid: (id_number, mobile) for rid, id_number, mobile in result}

    def _registration_rows(self, only: str | None, *, office: str | None = None,
                           code: str | None = None, ids: list[str] | None = None,
                           text: tuple[str, str] = ("", "")
                           ) -> list[tuple[RegistrationRow, tuple[str, ...]]]:
        """The rows with their search keys: all the actor may see, or ``only`` one, the
        one with card ``code``, or those of ``ids``. ``text`` (the typed text and its
        pinyin key) keeps in SQL only the rows that can match it, so a keystroke masks
        and builds the matches alone, not every registration (:meth:`registrations`
        applies the exact rule to them)."""
        where = "AND g.id = :only" if only else ""
        params: dict[str, Any] = {"only": only} if only else {}
        needle, key = text
        if needle:
            where += (" AND (instr(coalesce(m.name, p.name, g.name), :needle) > 0"
                      " OR g.code = upper(:needle)")
            params["needle"] = needle
            if key:
                where += (" OR instr('|' || coalesce(m.name_pinyin, p.name_pinyin,"
                          " g.name_pinyin, '') || '|' || coalesce(m.name_initials,"
                          " p.name_initials, g.name_initials, ''), '|' || :key) > 0")
                params["key"] = key
            where += ")"
        if code is not None:
            where += " AND g.code = :code"
            params["code"] = code
        if ids is not None:
            marks = [f":id{n}" for n in range(len(ids))]
            where += f" AND g.id IN ({', '.join(marks) or 'NULL'})"
            params.update((mark[1:], rid) for mark, rid in zip(marks, ids, strict=True))
        if office is not None:
            where += " AND g.origin_office = :office"
            params["office"] = office
        where += self._reach(params)
        with self.db.read() as session:
            result = session.connection().execute(sql(
                "SELECT g.id, g.code, coalesce(m.name, p.name, g.name), "
                "coalesce(m.sex, p.sex, g.sex), coalesce(m.birth_date, p.birth_date, "
                "g.birth_date), coalesce(m.id_number, p.id_number, g.id_number), "
                "coalesce(m.mobile, p.mobile, g.mobile), g.party_status, "
                "coalesce(g.home_address, m.address), g.grid_id, g.work_unit_id, u.name, "
                "u.unit_type, g.job, g.skills, g.wished_categories, g.report_type, "
                "g.report_date, g.review_status, g.review_reason, g.last_registered_on, "
                "g.left_on, g.member_id, g.resident_id, "
                "coalesce(m.name_pinyin, p.name_pinyin, g.name_pinyin), "
                "coalesce(m.name_initials, p.name_initials, g.name_initials), "
                "g.origin_office "
                "FROM registration g JOIN work_unit u ON u.id = g.work_unit_id "
                "LEFT JOIN member m ON m.id = g.member_id "
                "LEFT JOIN resident p ON p.id = g.resident_id "
                f"WHERE NOT g.deleted {where} ORDER BY g.code"), params).fetchall()
        months = self.rules.reregister_months
        out = []
        for r in result:
            last = as_date(r[20])
            out.append((RegistrationRow(
                id=r[0], code=r[1], name=r[2], sex=r[3],
                birth=masking.mask_birth(as_date(r[4])), id_number=masking.mask_id(r[5]),
                mobile=masking.mask_phone(r[6]), party_status=r[7],
                home_address=masking.mask_address(r[8]) if r[8] else None, grid_id=r[9],
                work_unit_id=r[10], work_unit=r[11], unit_type=r[12], job=r[13],
                skills=r[14], wished_categories=tuple(c for c in (r[15] or "").split(",") if c),
                report_type=r[16], report_date=as_date(r[17]) or dt.date.min,
                review_status=r[18], review_reason=r[19],
                last_registered_on=last or dt.date.min,
                reregister_due=rules.reregistration_due(last or dt.date.min, months),
                left_on=as_date(r[21]), member_id=r[22], resident_id=r[23],
                linked="member" if r[22] else "resident" if r[23] else "",
                origin_office=r[26]),
                tuple(k for k in (r[24] or "").split("|") + [r[25] or ""] if k)))
        return out

    def _registration_values(self, session: Session, draft: RegistrationDraft,
                             registration_id: str | None) -> dict[str, Any]:
        if not draft.work_unit_id or session.get(WorkUnit, draft.work_unit_id) is None:
            raise ValidationError("work_unit_id", MSG_UNIT_MISSING)
        check_field_code("report_type", rules.REPORT_TYPES, draft.report_type)
        check_code("party_status", MEMBER_STATUS, draft.party_status,
                   FIELD_LABELS["party_status"])
        for code in draft.wished_categories:
            check_field_code("wished_categories", rules.POST_CATEGORIES, code)
        if draft.report_date > self.today():
            raise ValidationError("report_date", MSG_REPORT_FUTURE,
                                  date=draft.report_date.isoformat())
        values: dict[str, Any] = {
            "member_id": draft.member_id, "resident_id": draft.resident_id,
            "party_status": draft.party_status, "grid_id": draft.grid_id,
            "work_unit_id": draft.work_unit_id, "job": clean(draft.job) or None,
            "skills": clean(draft.skills), "wished_categories": ",".join(
                dict.fromkeys(draft.wished_categories)),
            "report_type": draft.report_type, "report_date": draft.report_date,
            "home_address": clean(draft.home_address) or None,
            "note": clean(draft.note) or None,
        }
        id_number: str | None = None
        if draft.member_id or draft.resident_id:
            # The person is on file: nothing personal is copied, only the name for lists.
            member = session.get(Member, draft.member_id) if draft.member_id else None
            resident = session.get(Resident, draft.resident_id) if draft.resident_id else None
            person = member or resident
            if person is None or person.deleted:
                raise UserError(MSG_GONE)
            if member is not None and resident is None:
                resident = session.exec(select(Resident).where(
                    Resident.member_id == member.id, col(Resident.deleted).is_(False))).first()
                values["resident_id"] = resident.id if resident else None
            if resident is not None and resident.member_id and member is None:
                values["member_id"] = resident.member_id
            values.update(name=person.name, sex=None, birth_date=None, id_number=None,
                          mobile=None)
            if member is not None:
                values["party_status"] = member.status
            if resident is not None and not values["grid_id"]:
                values["grid_id"] = session.connection().execute(sql(
                    "SELECT grid_id FROM household WHERE id = :h"),
                    {"h": resident.household_id}).scalar()
            id_number = person.id_number
        else:
            if not clean(draft.name):
                raise ValidationError("name", MSG_NAME)
            name = identity.normalize_name(draft.name)
            sex, birth = draft.sex or None, draft.birth_date
            if draft.id_number.strip():
                checked = identity.parse_id_number(draft.id_number, today=self.today())
                id_number = checked.value
                sex, birth = sex or checked.sex, birth or checked.birth_date
            mobile = identity.parse_phone(draft.mobile)
            values.update(name=name, sex=sex, birth_date=birth, id_number=id_number,
                          mobile=mobile or None)
        values["name_pinyin"], values["name_initials"] = search_keys.name_keys(values["name"])
        self._not_registered_twice(session, values, id_number, registration_id)
        return values

    def _not_registered_twice(self, session: Session, values: dict[str, Any],
                              id_number: str | None, registration_id: str | None) -> None:
        """Refused when another registration is the same person: the same member or
        resident record, or the same ID number kept on it or on the member (or, when
        it has no member, the resident) it is linked to. Indexed lookups only."""
        found = session.connection().execute(sql(
            "SELECT g.code FROM registration g JOIN ("
            "SELECT id FROM registration WHERE member_id = :member "
            "UNION ALL SELECT id FROM registration WHERE resident_id = :resident "
            "UNION ALL SELECT id FROM registration WHERE id_number = :number "
            "UNION ALL SELECT id FROM registration WHERE member_id IN "
            "(SELECT id FROM member WHERE id_number = :number) "
            "UNION ALL SELECT id FROM registration WHERE +member_id IS NULL AND resident_id IN "
            "(SELECT id FROM resident WHERE id_number = :number)) hit ON hit.id = g.id "
            "WHERE NOT g.deleted AND g.id != :me ORDER BY g.rowid LIMIT 1"),
            {"me": registration_id or "", "member": values["member_id"] or None,
             "resident": values["resident_id"] or None, "number": id_number or None}).first()
        if found is not None:
            raise ValidationError("name", MSG_ALREADY_REGISTERED, name=values["name"],
                                  code=found[0])

    @staticmethod
    def _next_code(session: Session) -> str:
        """One more than the highest card number (read down an index in number order:
        longer codes first, and it stops at the first card code)."""
        result = session.connection().execute(sql(
            "SELECT code FROM registration ORDER BY length(code) DESC, code DESC"))
        try:
            for (code,) in result:
                if rules.is_member_code(code):
                    return rules.member_code(int(code[2:]) + 1)
        finally:
            result.close()
        return rules.member_code(1)
