"""Residents' orders (需求清单) and their steps: recorded, assigned or sent up,
dispatched, claimed, completed, rated; the lists and the completion rates.

An order belongs to the community that recorded it; each step is a row of its own
written by the office that records it (append-only), so the community's order and
the street's dispatch are never the same record. The street's steps are addressed
to the order's community (sync sends them there alone). Where an order stands is
:func:`gridoffice.domain.cobuild.fold` of its steps, read for every list.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from sqlalchemy import text as sql
from sqlmodel import Session

from gridoffice.domain import access, cobuild, masking
from gridoffice.domain.identity import parse_phone
from gridoffice.errors import Term, UserError, ValidationError
from gridoffice.services.cobuild.base import CobuildBase
from gridoffice.services.cobuild.model import (
    MSG_FINISHED,
    MSG_NO_DEPARTMENT,
    MSG_NO_GRID_TEAM,
    MSG_NO_MEMBER,
    MSG_NO_UNIT,
    MSG_PERSON,
    MSG_PROJECT,
    MSG_SOURCE_LINK,
    MSG_STREET_ORDERS,
    FileRow,
    OrderDetail,
    OrderDraft,
    OrderQuery,
    OrderRow,
    RateRow,
    StepDraft,
    StepRow,
)
from gridoffice.services.common import as_date
from gridoffice.services.guard import audit_name, grid_clause, requires
from gridoffice.services.households.base import household_address
from gridoffice.services.order_statuses import (
    STEP_COLUMNS,
    as_moment,
    gc_paused,
    read_orders,
    step_of,
)
from gridoffice.store import audit
from gridoffice.store.database import MSG_NOT_OURS
from gridoffice.store.tables import (
    AgendaItem,
    Department,
    Grid,
    Household,
    OrderStep,
    Registration,
    Resident,
    ServiceOrder,
    ServiceProject,
    Visit,
    WorkUnit,
)

#: steps that decide where an order goes (the office's staff); the others record what
#: was heard (grid workers too)
DECIDING = frozenset({cobuild.ASSIGN, cobuild.SEND_UP, cobuild.CLOSE, cobuild.DISPATCH,
                      cobuild.RETURN})
SOURCE_TABLES = {"agenda_item": AgendaItem, "visit": Visit}


class CobuildOrders(CobuildBase):
    """The order flow."""

    # --- recording a need -------------------------------------------------------------
    @requires(access.ORDERS_EDIT)
    def raise_order(self, draft: OrderDraft) -> str:
        """Record a resident's need (居民点单); its code is the year and a number."""
        if self.is_street():
            raise UserError(MSG_STREET_ORDERS)
        with self.db.write() as session:
            values = self._order_values(session, draft)
            values["code"] = self._next_code(session, values["raised_on"].year)
            row = ServiceOrder(**values, recorded_by=self.operator)
            session.add(row)
            session.flush()
            return row.id

    @requires(access.ORDERS_EDIT)
    def update_order(self, order_id: str, draft: OrderDraft) -> None:
        """Correct what was recorded (not once the order is finished)."""
        with self.db.write() as session:
            row = self._order(session, order_id)
            if row.origin_office != self.db.office_id:
                raise UserError(MSG_NOT_OURS)
            status = self._status(session, row)
            if status.finished:
                raise UserError(MSG_FINISHED, state=Term(cobuild.STATES.label(status.state)))
            self._set(row, self._order_values(session, draft))

    def _order_values(self, session: Session, draft: OrderDraft) -> dict[str, Any]:
        description = cobuild.check_order(draft.description, draft.category, draft.urgency,
                                          draft.source, draft.plan_date)
        name = self._line("person_name", draft.person_name, 40) or ""
        grid_id, address = draft.grid_id or None, self._line("address", draft.address)
        phone = parse_phone(draft.phone or "", "mobile") or None
        if draft.resident_id:
            person = session.get(Resident, draft.resident_id)
            if person is None or person.deleted:
                raise ValidationError("resident_id", MSG_PERSON)
            household = session.get(Household, person.household_id)
            name = name or person.name
            grid_id = grid_id or (household.grid_id if household else None)
            phone = phone or person.mobile
            if not address:
                address = household_address(session, person.household_id)
        self._grid_or_none(session, grid_id)
        self.actor.require_grid(grid_id)
        if (draft.source_table is None) != (draft.source_id is None) or (
                draft.source_table is not None and (
                    draft.source_table not in SOURCE_TABLES
                    or session.get(SOURCE_TABLES[draft.source_table], draft.source_id)
                    is None)):
            raise ValidationError("source", MSG_SOURCE_LINK)
        if draft.project_id is not None:
            project = session.get(ServiceProject, draft.project_id)
            if project is None or project.deleted:
                raise ValidationError("project_id", MSG_PROJECT)
        return {
            "raised_on": draft.raised_on or self.today(), "resident_id": draft.resident_id,
            "person_name": name, "grid_id": grid_id, "address": address, "phone": phone,
            "phone_consent": bool(draft.phone_consent and phone), "category": draft.category,
            "urgency": draft.urgency,
            "plan_date": draft.plan_date if draft.urgency == cobuild.LONG_TERM else None,
            "description": description, "source": draft.source,
            "source_table": draft.source_table, "source_id": draft.source_id,
            "project_id": draft.project_id, "note": self._note(draft.note),
        }

    @requires(access.ORDERS_EDIT)
    def find_residents(self, text: str, limit: int = 30
                       ) -> list[tuple[str, str, str | None, str]]:
        """Residents living here whose name or pinyin matches ``text`` (a grid worker:
        in their grids): (id, name, grid id, "grid · address to the building")."""
        from gridoffice.domain import search_keys

        needle = " ".join(text.split())
        if not needle:
            return []
        params: dict[str, Any] = {"like": f"%{needle}%",
                                  "key": search_keys.query_key(needle) + "%", "limit": limit}
        where = ""
        scoped = grid_clause(self.actor, "h.grid_id", params)
        if scoped:
            where = f" AND {scoped}"
        with self.db.read() as session:
            grids = self._grid_names(session)
            rows = session.connection().execute(sql(
                "SELECT r.id, r.name, h.grid_id, h.id FROM resident r "
                "JOIN household h ON h.id = r.household_id WHERE NOT r.deleted "
                "AND r.moved_out_on IS NULL AND r.died_on IS NULL AND (r.name LIKE :like "
                "OR r.name_pinyin LIKE :key OR r.name_initials LIKE :key)"
                f"{where} ORDER BY r.name_pinyin, r.id LIMIT :limit"), params).fetchall()
            found = []
            for resident_id, name, grid_id, household_id in rows:
                address = household_address(session, household_id)
                detail = " · ".join(filter(None, (grids.get(grid_id or ""),
                                                  masking.mask_address(address))))
                found.append((resident_id, name, grid_id, detail))
            return found

    @requires(access.ORDERS_EDIT)
    def source_choices(self, source: str, resident_id: str | None = None
                       ) -> list[tuple[str, str, str]]:
        """What an order heard at a council or a visit may link back to, newest first:
        (table, id, label). A council: the agenda items of the last year's councils (for
        those who may see the meetings); a visit: the visits to the resident's home."""
        today = self.today()
        with self.db.read() as session:
            connection = session.connection()
            if source == "council" and self.actor.allows(access.MEETINGS_VIEW):
                rows = connection.execute(sql(
                    "SELECT a.id, m.start_at, m.session_no, a.title FROM agenda_item a "
                    "JOIN meeting m ON m.id = a.meeting_id WHERE NOT a.deleted AND NOT "
                    "m.deleted AND m.meeting_type = 'council' AND date(m.start_at) BETWEEN "
                    ":first AND :last ORDER BY m.start_at DESC, a.position LIMIT 80"),
                    {"first": (today - dt.timedelta(days=366)).isoformat(),
                     "last": today.isoformat()}).fetchall()
                return [("agenda_item", r[0], f"{as_moment(r[1]).date().isoformat()} "
                         + (f"第 {r[2]} 期 " if r[2] else "") + r[3]) for r in rows]
            if source == "visit" and resident_id:
                rows = connection.execute(sql(
                    "SELECT v.id, v.visit_date, v.visitor, v.requests FROM visit v "
                    "JOIN resident r ON r.household_id = v.household_id WHERE r.id = :id "
                    "AND NOT v.deleted ORDER BY v.visit_date DESC LIMIT 20"),
                    {"id": resident_id}).fetchall()
                return [("visit", r[0], " ".join(filter(None, (
                    as_date(r[1]).isoformat(), r[2], (r[3] or "")[:30])))) for r in rows]
        return []

    def _next_code(self, session: Session, year: int) -> str:
        prefix = f"{year}-"
        last = session.connection().execute(sql(
            "SELECT max(CAST(substr(code, 6) AS INTEGER)) FROM service_order "
            "WHERE origin_office = :office AND code LIKE :prefix"),
            {"office": self.db.office_id, "prefix": prefix + "%"}).scalar()
        return f"{prefix}{(last or 0) + 1:04d}"

    # --- steps ----------------------------------------------------------------------
    @requires(access.ORDERS_EDIT)
    def record_step(self, order_id: str, draft: StepDraft) -> str:
        """Add a step to an order: refused, with the field named and nothing written,
        when the order cannot take it now (see :func:`cobuild.check_step`)."""
        if draft.kind in DECIDING:
            self.actor.require(access.COBUILD_EDIT)
        office = self._office_kind()
        with self.db.write() as session:
            order = self._order(session, order_id)
            step = cobuild.Step(
                kind=draft.kind, at=draft.at or self.now(), office=office,
                assignee_kind=draft.assignee_kind, assignee_id=draft.assignee_id,
                deadline=draft.deadline, text=draft.text, rating=draft.rating)
            cobuild.check_step(self._status(session, order), step)
            name = ""
            if draft.kind in (cobuild.ASSIGN, cobuild.DISPATCH):
                name = self._assignee_name(session, draft.assignee_kind, draft.assignee_id or "")
            row = OrderStep(
                order_id=order_id, kind=step.kind, at=step.at, office=office,
                assignee_kind=step.assignee_kind if name else None,
                assignee_id=step.assignee_id if name else None, assignee_name=name,
                deadline=step.deadline, text=step.text.strip(), rating=step.rating,
                recorded_by=self.operator,
                addressed_to=order.origin_office if office == "street" else None)
            session.add(row)
            session.flush()
            return row.id

    def _assignee_name(self, session: Session, kind: str | None, record_id: str) -> str:
        if kind == cobuild.UNIT:
            unit = session.get(WorkUnit, record_id)
            if unit is None or unit.deleted or unit.retired_on is not None:
                raise ValidationError("assignee", MSG_NO_UNIT,
                                      name=unit.name if unit else record_id)
            return unit.name
        if kind == cobuild.DEPARTMENT:
            department = session.get(Department, record_id)
            if department is None or department.deleted or department.retired_on is not None:
                raise ValidationError("assignee", MSG_NO_DEPARTMENT)
            return department.name
        if kind == cobuild.MEMBER:
            member = session.get(Registration, record_id)
            if (member is None or member.deleted or member.left_on is not None
                    or member.review_status != "approved"):
                raise ValidationError("assignee", MSG_NO_MEMBER)
            return member.name
        if kind == cobuild.GRID_TEAM:
            grid = session.get(Grid, record_id)
            if grid is None or grid.deleted:
                raise ValidationError("assignee", MSG_NO_GRID_TEAM)
            return grid.name or grid.code
        return ""  # the domain's check names the missing choice

    def _order(self, session: Session, order_id: str) -> ServiceOrder:
        row: ServiceOrder = self._row(session, ServiceOrder, order_id)
        self.actor.require_grid(row.grid_id)
        return row

    def _status(self, session: Session, order: ServiceOrder) -> cobuild.Status:
        rows = session.connection().execute(sql(
            f"SELECT {STEP_COLUMNS} FROM order_step s WHERE s.order_id = :id "
            "AND NOT s.deleted"), {"id": order.id}).fetchall()
        return cobuild.fold([step_of(r) for r in rows], order.urgency, order.plan_date)

    # --- reading --------------------------------------------------------------------
    @requires(access.COBUILD_VIEW)
    def orders(self, query: OrderQuery | None = None) -> list[OrderRow]:
        """The orders the actor may see, newest first, with where each stands."""
        with self.db.read() as session:
            return self._order_rows(session, query or OrderQuery())

    def _order_rows(self, session: Session, query: OrderQuery, only: str | None = None,
                    source: tuple[str, str] | None = None) -> list[OrderRow]:
        with gc_paused():
            return [row for row, _status in self._read_rows(session, query, only, source)]

    def _read_rows(self, session: Session, query: OrderQuery, only: str | None,
                   source: tuple[str, str] | None = None
                   ) -> list[tuple[OrderRow, cobuild.Status]]:
        """The orders ``query`` selects (``only`` one; ``source`` the orders raised in an
        agenda item or a visit), each with the status its steps fold to."""
        params: dict[str, Any] = {}
        where = self._office_sql("o.origin_office", params)
        scoped = grid_clause(self.actor, "o.grid_id", params)
        if scoped:
            where += f" AND {scoped}"
        if only is not None:
            where += " AND o.id = :only"
            params["only"] = only
        if source is not None:
            where += " AND o.source_table = :source_table AND o.source_id = :source_id"
            params.update(source_table=source[0], source_id=source[1])
        if query.office:
            where += " AND o.origin_office = :office"
            params["office"] = query.office
        if query.category:
            where += " AND o.category = :category"
            params["category"] = query.category
        if query.grid_id:
            where += " AND o.grid_id = :grid"
            params["grid"] = query.grid_id
        if query.year:
            where += " AND o.raised_on BETWEEN :first AND :last"
            params.update(first=f"{query.year}-01-01", last=f"{query.year}-12-31")
        if query.text.strip():
            where += (" AND (o.description LIKE :text ESCAPE '\\' OR o.person_name LIKE :text "
                      "ESCAPE '\\' OR o.code LIKE :text ESCAPE '\\')")
            escaped = query.text.strip().replace("\\", "\\\\").replace("%", "\\%").replace(
                "_", "\\_")
            params["text"] = f"%{escaped}%"
        connection = session.connection()
        found = read_orders(lambda q, p: connection.execute(sql(q), p).fetchall(), where,
                            params)
        grids = self._grid_names(session)
        street_side = self.is_street()
        today = self.today()
        rows = []
        for r, status in found:
            sent_up = any(s.kind == cobuild.SEND_UP for s in status.applied)
            handed = next((s for s in reversed(status.applied)
                           if s.kind in (cobuild.ASSIGN, cobuild.DISPATCH)), None)
            row = OrderRow(
                id=r[0], code=r[1], raised_on=as_date(r[2]),  # type: ignore[arg-type]
                person=masking.mask_name_public(r[3]) if street_side and r[3] else r[3] or "",
                grid_id=r[4], grid_name=grids.get(r[4], "") if r[4] else "",
                category=r[5], urgency=r[6], description=r[7], source=r[8],
                state=status.state, assignee_kind=status.assignee_kind,
                assignee_id=status.assignee_id, assignee_name=status.assignee_name,
                deadline=status.deadline, overdue=status.overdue(today),
                accepted_on=status.accepted_on, done_on=status.done_on,
                rating=status.rating, sent_up=sent_up, origin_office=r[10],
                ignored=len(status.ignored),
                handed_on=handed.at.date() if handed else None,
                handed_by=handed.office if handed else "")
            if self._wanted(row, query, status):
                rows.append((row, status))
        return rows

    @staticmethod
    def _wanted(row: OrderRow, query: OrderQuery, status: cobuild.Status) -> bool:
        if query.sent_up and not row.sent_up:
            return False
        if query.state == "open":
            return not status.finished
        if query.state == "overdue":
            return row.overdue
        return query.state is None or row.state == query.state

    @requires(access.COBUILD_VIEW)
    def order(self, order_id: str) -> OrderDetail:
        """One order with its steps, files and where it came from."""
        with self.db.read() as session:
            order = self._order(session, order_id)
            [(row, status)] = self._read_rows(session, OrderQuery(), order_id)
            steps = cobuild.ordered((*status.applied, *status.ignored))
            ignored = {s.key for s in status.ignored}
            project = (session.get(ServiceProject, order.project_id)
                       if order.project_id else None)
            street_side = self.is_street()
            return OrderDetail(
                row=row, address=masking.mask_address(order.address) if order.address else "",
                phone=masking.mask_phone(order.phone) if order.phone else "",
                phone_consent=order.phone_consent,
                resident_id=None if street_side else order.resident_id,
                plan_date=order.plan_date, source_table=order.source_table,
                source_id=order.source_id, source_text=self._source_text(session, order),
                project_id=order.project_id, project_name=project.name if project else "",
                note=order.note, recorded_by=order.recorded_by,
                steps=[StepRow(s.key, s.kind, s.at, s.office, s.assignee_kind,
                               s.assignee_id, s.assignee_name, s.deadline, s.text, s.rating,
                               s.recorded_by, s.key in ignored) for s in steps],
                files=self._files(session, "service_order", order_id))

    @requires(access.COBUILD_VIEW)
    def order_draft(self, order_id: str) -> OrderDraft:
        """The order as recorded, to correct it (its own office only)."""
        with self.db.read() as session:
            o = self._order(session, order_id)
            return OrderDraft(
                category=o.category, description=o.description, source=o.source,
                urgency=o.urgency, raised_on=o.raised_on, resident_id=o.resident_id,
                person_name=o.person_name, grid_id=o.grid_id, address=o.address,
                phone=o.phone, phone_consent=o.phone_consent, plan_date=o.plan_date,
                source_table=o.source_table, source_id=o.source_id,
                project_id=o.project_id, note=o.note)

    @requires(access.REVEAL)
    def reveal_order(self, order_id: str) -> tuple[str, str]:
        """The full address and phone of an order's person (written to the audit log)."""
        with self.db.write() as session:
            order = self._order(session, order_id)
            audit.record(session, audit_name(self.actor, self.operator), "reveal_order",
                         order_id)
            return order.address or "", order.phone or ""

    @requires(access.COBUILD_VIEW)
    def contact_for_unit(self, order_id: str) -> tuple[str, str | None]:
        """What the 派单单 tells the unit: the place (to the building) and the phone,
        given only when the resident agreed to it (None otherwise)."""
        with self.db.read() as session:
            order = self._order(session, order_id)
            place = masking.mask_address(order.address) if order.address else ""
            return place, order.phone if order.phone_consent and order.phone else None

    @staticmethod
    def _source_text(session: Session, order: ServiceOrder) -> str:
        if order.source_table == "agenda_item" and order.source_id:
            item = session.get(AgendaItem, order.source_id)
            return item.title if item else ""
        if order.source_table == "visit" and order.source_id:
            visit = session.get(Visit, order.source_id)
            return f"{visit.visit_date.isoformat()} {visit.visitor}" if visit else ""
        return ""

    @staticmethod
    def _files(session: Session, table: str, target_id: str) -> list[FileRow]:
        rows = session.connection().execute(
            sql("SELECT id, file_name, length(content), added_at, note FROM cobuild_file "
                "WHERE target_table = :t AND target_id = :id AND NOT deleted "
                "ORDER BY added_at"), {"t": table, "id": target_id})
        return [FileRow(r[0], r[1], r[2], as_moment(r[3]), r[4]) for r in rows]

    @requires(access.COBUILD_VIEW)
    def orders_raised_from(self, source_table: str, source_id: str) -> list[OrderRow]:
        """The orders raised in a council's agenda item or a visit."""
        with self.db.read() as session:
            return self._order_rows(session, OrderQuery(), source=(source_table, source_id))

    # --- completion rates -----------------------------------------------------------
    @requires(access.COBUILD_VIEW)
    def completion(self, year: int | None, by: str, *, sent_up: bool = False) -> list[RateRow]:
        """办结 / 受理 of the orders taken on in ``year`` (every year: None), per
        ``community``, ``unit`` (who it was given to) or ``category``, and a total
        line (key ""), best covered first."""
        rows = self.orders(OrderQuery(sent_up=sent_up))
        taken = [r for r in rows if r.accepted_on is not None
                 and (year is None or r.accepted_on.year == year)]
        names = self.office_names() if by == "community" else {}
        groups: dict[str, list[OrderRow]] = defaultdict(list)
        labels: dict[str, str] = {}
        for r in taken:
            if by == "community":
                key, label = r.origin_office, names.get(r.origin_office, r.origin_office)
            elif by == "unit":
                if r.assignee_kind not in (cobuild.UNIT, cobuild.DEPARTMENT):
                    continue
                key, label = r.assignee_id or "", r.assignee_name
            else:
                key, label = r.category, r.category
            groups[key].append(r)
            labels[key] = label

        def line(key: str, label: str, group: list[OrderRow]) -> RateRow:
            return RateRow(key, label, len(group),
                           sum(1 for r in group if r.state in cobuild.COMPLETED),
                           sum(1 for r in group if r.overdue))

        result = sorted((line(k, labels[k], g) for k, g in groups.items()),
                        key=lambda r: (-(r.rate or 0), -r.accepted, r.label))
        result.append(line("", "", taken if by != "unit" else
                           [r for g in groups.values() for r in g]))
        return result
