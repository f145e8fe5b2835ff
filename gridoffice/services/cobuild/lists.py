"""The units of the area with their agreements, the resources (资源清单), the
services and projects (服务清单), the street's departments, files attached to a
unit or an order, and matching resources to an order."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from sqlalchemy import text as sql
from sqlmodel import Session, col, select

from gridoffice.domain import access, cobuild, masking
from gridoffice.domain.identity import parse_phone
from gridoffice.errors import Term, UserError, ValidationError
from gridoffice.paths import storage_error
from gridoffice.services.cobuild.base import LABELS
from gridoffice.services.cobuild.model import (
    MAX_FILE_MB,
    MSG_FILE_EMPTY,
    MSG_FILE_LARGE,
    MSG_NO_UNIT,
    MSG_PROVIDER,
    MSG_STREET_KEEPS,
    MSG_TAKEN,
    PROJECT_STATUSES,
    PROVIDER_MEMBER,
    PROVIDER_UNIT,
    PROVIDERS,
    DepartmentDraft,
    DepartmentRow,
    FileRow,
    Match,
    OrderQuery,
    ProjectDraft,
    ProjectRow,
    ResourceDraft,
    ResourceRow,
    UnitRow,
)
from gridoffice.services.cobuild.orders import CobuildOrders
from gridoffice.services.common import MSG_GONE, check_code
from gridoffice.services.guard import requires
from gridoffice.store.database import MSG_NOT_OURS
from gridoffice.store.tables import (
    CobuildFile,
    Department,
    Registration,
    Resource,
    ServiceOrder,
    ServiceProject,
    WorkUnit,
)

FILE_TARGETS = {"work_unit": WorkUnit, "service_order": ServiceOrder}


class CobuildLists(CobuildOrders):
    """Units, resources, services and projects, departments, files, matching."""

    # --- units of the area ----------------------------------------------------------
    @requires(access.COBUILD_VIEW)
    def units(self, *, include_retired: bool = False) -> list[UnitRow]:
        """The units of the area with their agreement, members, part-time committee
        members, resources and orders (given to them, completed)."""
        with self.db.read() as session:
            connection = session.connection()
            members = dict(connection.execute(sql(
                "SELECT work_unit_id, count(*) FROM registration WHERE NOT deleted "
                "AND left_on IS NULL AND review_status = 'approved' "
                "GROUP BY work_unit_id")).fetchall())
            resources = dict(connection.execute(sql(
                "SELECT unit_id, count(*) FROM resource WHERE NOT deleted AND retired_on "
                "IS NULL AND unit_id IS NOT NULL GROUP BY unit_id")).fetchall())
            files = dict(connection.execute(sql(
                "SELECT target_id, count(*) FROM cobuild_file WHERE NOT deleted AND "
                "target_table = 'work_unit' GROUP BY target_id")).fetchall())
            seats: dict[str, list[str]] = defaultdict(list)
            for unit_id, person in connection.execute(sql(
                    "SELECT unit_id, person_name FROM committee_seat WHERE NOT deleted AND "
                    "unit_id IS NOT NULL AND to_date IS NULL ORDER BY from_date")):
                seats[unit_id].append(person)
            given, done = self._handled(session, cobuild.UNIT)
            query = select(WorkUnit).where(col(WorkUnit.deleted).is_(False))
            if self.actor.communities:
                query = query.where(col(WorkUnit.origin_office).in_(
                    sorted(self.actor.communities)))
            rows = []
            for u in session.exec(query.order_by(WorkUnit.name)).all():
                if u.retired_on is not None and not include_retired:
                    continue
                rows.append(UnitRow(
                    u.id, u.name, u.unit_type, u.party_org, u.address, u.contact,
                    masking.mask_phone(u.phone) if u.phone else "", u.agreement_signed,
                    u.agreement_until, u.agreement_content, members.get(u.id, 0),
                    seats.get(u.id, []), resources.get(u.id, 0), given[u.id], done[u.id],
                    files.get(u.id, 0), u.origin_office))
            return rows

    @requires(access.COBUILD_VIEW)
    def unit_choices(self) -> list[tuple[str, str]]:
        """(id, name) of the units an order or a resource may be given to (those that
        have not left), for a form's list: no counts read."""
        params: dict[str, Any] = {}
        where = self._office_sql("origin_office", params)
        with self.db.read() as session:
            return [(r[0], r[1]) for r in session.connection().execute(sql(
                "SELECT id, name FROM work_unit WHERE NOT deleted AND retired_on IS NULL"
                f"{where} ORDER BY name"), params)]

    def _handled(self, session: Session, kind: str) -> tuple[Counter[str], Counter[str]]:
        """Per unit (``kind`` unit) or department: the orders it has now, and of them
        those completed."""
        given: Counter[str] = Counter()
        done: Counter[str] = Counter()
        for r in self._order_rows(session, OrderQuery()):
            if r.assignee_kind == kind and r.assignee_id:
                given[r.assignee_id] += 1
                done[r.assignee_id] += r.state in cobuild.COMPLETED
        return given, done

    # --- resources ------------------------------------------------------------------
    @requires(access.COBUILD_EDIT)
    def add_resource(self, draft: ResourceDraft) -> str:
        with self.db.write() as session:
            row = Resource(**self._resource_values(session, draft))
            session.add(row)
            session.flush()
            return row.id

    @requires(access.COBUILD_EDIT)
    def update_resource(self, resource_id: str, draft: ResourceDraft) -> None:
        with self.db.write() as session:
            row = self._row(session, Resource, resource_id)
            self._set(row, self._resource_values(session, draft))

    @requires(access.COBUILD_EDIT)
    def retire_resource(self, resource_id: str, on_date: dt.date | None = None,
                        undo: bool = False) -> None:
        """No longer offered (kept in the list's history); ``undo`` offers it again."""
        with self.db.write() as session:
            row = self._row(session, Resource, resource_id)
            row.retired_on = None if undo else on_date or self.today()

    def _resource_values(self, session: Session, draft: ResourceDraft) -> dict[str, Any]:
        check_code("provider_kind", PROVIDERS, draft.provider_kind, "Provider")
        check_code("category", cobuild.CATEGORIES, draft.category, "Category")
        title = self._required("title", draft.title)
        name = self._line("provider_name", draft.provider_name, 60) or ""
        unit_id = draft.unit_id if draft.provider_kind == PROVIDER_UNIT else None
        registration_id = (draft.registration_id if draft.provider_kind == PROVIDER_MEMBER
                           else None)
        if unit_id:
            unit = session.get(WorkUnit, unit_id)
            if unit is None or unit.deleted:
                raise ValidationError("unit_id", MSG_NO_UNIT, name=unit_id)
            name = unit.name
        elif registration_id:
            member = session.get(Registration, registration_id)
            if member is None or member.deleted:
                raise ValidationError("registration_id", MSG_PROVIDER)
            name = member.name
        if not name:
            raise ValidationError("provider_name", MSG_PROVIDER)
        self._dates(draft.from_date, draft.to_date)
        return {"provider_kind": draft.provider_kind, "unit_id": unit_id,
                "registration_id": registration_id, "provider_name": name,
                "category": draft.category, "title": title,
                "detail": self._long("detail", draft.detail),
                "capacity": self._line("capacity", draft.capacity),
                "available": self._line("available", draft.available),
                "contact": self._line("contact", draft.contact, 40),
                "phone": parse_phone(draft.phone or "", "mobile") or None,
                "grid_id": self._grid_or_none(session, draft.grid_id),
                "from_date": draft.from_date, "to_date": draft.to_date,
                "note": self._note(draft.note)}

    @requires(access.COBUILD_VIEW)
    def resource_draft(self, resource_id: str) -> ResourceDraft:
        with self.db.read() as session:
            r = self._row(session, Resource, resource_id)
            return ResourceDraft(r.provider_kind, r.category, r.title, r.unit_id,
                                 r.registration_id, r.provider_name, r.detail, r.capacity,
                                 r.available, r.contact, r.phone, r.grid_id, r.from_date,
                                 r.to_date, r.note)

    @requires(access.COBUILD_VIEW)
    def resources(self, *, category: str | None = None,
                  include_retired: bool = False) -> list[ResourceRow]:
        with self.db.read() as session:
            return self._resources(session, category, include_retired)

    def _resources(self, session: Session, category: str | None,
                   include_retired: bool) -> list[ResourceRow]:
        query = select(Resource).where(col(Resource.deleted).is_(False))
        if category:
            query = query.where(Resource.category == category)
        if not include_retired:
            query = query.where(col(Resource.retired_on).is_(None))
        if self.actor.communities:
            query = query.where(col(Resource.origin_office).in_(sorted(self.actor.communities)))
        grids = self._grid_names(session)
        return [ResourceRow(
            r.id, r.provider_kind, r.provider_name, r.unit_id, r.registration_id, r.category,
            r.title, r.detail, r.capacity, r.available, r.contact,
            masking.mask_phone(r.phone) if r.phone else "", r.grid_id,
            grids.get(r.grid_id, "") if r.grid_id else "", r.from_date, r.to_date,
            r.retired_on, r.origin_office)
            for r in session.exec(query.order_by(Resource.category, Resource.title)).all()]

    @requires(access.COBUILD_VIEW)
    def matches(self, order_id: str) -> list[Match]:
        """Resources of the order's category that may meet it, best first: offered now,
        in the order's grid, whose provider has the fewest open orders."""
        with self.db.read() as session:
            order = self._order(session, order_id)
            busy: Counter[str] = Counter()
            for r in self._order_rows(session, OrderQuery(state="open")):
                if r.assignee_id:
                    busy[r.assignee_id] += 1
            today = self.today()
            found = []
            for r in self._resources(session, order.category, False):
                provider = r.unit_id or r.registration_id or ""
                found.append(Match(r, bool(order.grid_id) and r.grid_id == order.grid_id,
                                   r.current(today), busy[provider] if provider else 0))
            found.sort(key=lambda m: (not m.current, not m.same_grid, m.busy,
                                      m.resource.title))
            return found

    # --- services and projects ------------------------------------------------------
    @requires(access.COBUILD_EDIT)
    def add_project(self, draft: ProjectDraft) -> str:
        with self.db.write() as session:
            row = ServiceProject(**self._project_values(session, draft))
            session.add(row)
            session.flush()
            return row.id

    @requires(access.COBUILD_EDIT)
    def update_project(self, project_id: str, draft: ProjectDraft) -> None:
        with self.db.write() as session:
            row = self._row(session, ServiceProject, project_id)
            self._set(row, self._project_values(session, draft))

    def _project_values(self, session: Session, draft: ProjectDraft) -> dict[str, Any]:
        check_code("category", cobuild.CATEGORIES, draft.category, "Category")
        check_code("status", PROJECT_STATUSES, draft.status, "Status")
        if draft.unit_id:
            unit = session.get(WorkUnit, draft.unit_id)
            if unit is None or unit.deleted:
                raise ValidationError("unit_id", MSG_NO_UNIT, name=draft.unit_id)
        self._dates(draft.start_date, draft.end_date)
        return {"name": self._required("name", draft.name, 60), "category": draft.category,
                "content": self._long("content", draft.content),
                "standard": self._long("standard", draft.standard),
                "unit_id": draft.unit_id or None,
                "responsible": self._line("responsible", draft.responsible, 40),
                "phone": parse_phone(draft.phone or "", "mobile") or None,
                "start_date": draft.start_date, "end_date": draft.end_date,
                "status": draft.status, "note": self._note(draft.note)}

    @requires(access.COBUILD_VIEW)
    def project_draft(self, project_id: str) -> ProjectDraft:
        with self.db.read() as session:
            p = self._row(session, ServiceProject, project_id)
            return ProjectDraft(p.name, p.category, p.content, p.standard, p.unit_id,
                                p.responsible, p.phone, p.start_date, p.end_date, p.status,
                                p.note)

    @requires(access.COBUILD_VIEW)
    def projects(self, *, status: str | None = None) -> list[ProjectRow]:
        with self.db.read() as session:
            connection = session.connection()
            orders = dict(connection.execute(sql(
                "SELECT project_id, count(*) FROM service_order WHERE NOT deleted AND "
                "project_id IS NOT NULL GROUP BY project_id")).fetchall())
            units = {r[0]: r[1] for r in connection.execute(sql(
                "SELECT id, name FROM work_unit"))}
            query = select(ServiceProject).where(col(ServiceProject.deleted).is_(False))
            if status:
                query = query.where(ServiceProject.status == status)
            if self.actor.communities:
                query = query.where(col(ServiceProject.origin_office).in_(
                    sorted(self.actor.communities)))
            return [ProjectRow(
                p.id, p.name, p.category, p.content, p.standard, p.unit_id,
                units.get(p.unit_id, "") if p.unit_id else "", p.responsible,
                masking.mask_phone(p.phone) if p.phone else "", p.start_date, p.end_date,
                p.status, orders.get(p.id, 0), p.origin_office)
                for p in session.exec(query.order_by(
                    col(ServiceProject.start_date).desc(), ServiceProject.name)).all()]

    # --- the street's departments ---------------------------------------------------
    @requires(access.COBUILD_EDIT)
    def add_department(self, draft: DepartmentDraft) -> str:
        self._street_only()
        with self.db.write() as session:
            row = Department(**self._department_values(session, draft, None))
            session.add(row)
            session.flush()
            return row.id

    @requires(access.COBUILD_EDIT)
    def update_department(self, department_id: str, draft: DepartmentDraft) -> None:
        self._street_only()
        with self.db.write() as session:
            row = self._row(session, Department, department_id)
            self._set(row, self._department_values(session, draft, department_id))

    @requires(access.COBUILD_EDIT)
    def retire_department(self, department_id: str, undo: bool = False) -> None:
        self._street_only()
        with self.db.write() as session:
            row = self._row(session, Department, department_id)
            row.retired_on = None if undo else self.today()

    def _street_only(self) -> None:
        if not self.is_street():
            raise UserError(MSG_STREET_KEEPS)

    def _department_values(self, session: Session, draft: DepartmentDraft,
                           department_id: str | None) -> dict[str, Any]:
        name = self._required("name", draft.name, 60)
        clash = session.exec(select(Department.id).where(
            Department.name == name, col(Department.deleted).is_(False),
            Department.id != (department_id or ""))).first()
        if clash:
            raise ValidationError("name", MSG_TAKEN, field=Term(LABELS["name"]), name=name)
        return {"name": name, "contact": self._line("contact", draft.contact, 40),
                "phone": parse_phone(draft.phone or "", "mobile") or None,
                "note": self._note(draft.note)}

    @requires(access.COBUILD_VIEW)
    def department_draft(self, department_id: str) -> DepartmentDraft:
        with self.db.read() as session:
            d = self._row(session, Department, department_id)
            return DepartmentDraft(d.name, d.contact, d.phone, d.note)

    @requires(access.COBUILD_VIEW)
    def departments(self, *, include_retired: bool = False) -> list[DepartmentRow]:
        with self.db.read() as session:
            given, done = self._handled(session, cobuild.DEPARTMENT)
            query = select(Department).where(col(Department.deleted).is_(False))
            if not include_retired:
                query = query.where(col(Department.retired_on).is_(None))
            return [DepartmentRow(d.id, d.name, d.contact,
                                  masking.mask_phone(d.phone) if d.phone else "",
                                  d.retired_on, given[d.id], done[d.id])
                    for d in session.exec(query.order_by(Department.name)).all()]

    # --- files ----------------------------------------------------------------------
    @requires(access.ORDERS_EDIT)
    def attach(self, target_table: str, target_id: str, path: Path,
               note: str | None = None) -> str:
        """Attach a file (an agreement's scan, an order's evidence) to a record of this
        office; its content is kept in the database and travels by sync."""
        if target_table not in FILE_TARGETS:
            raise UserError(MSG_GONE)
        if target_table == "work_unit":
            self.actor.require(access.COBUILD_EDIT)
        name = path.name
        limit = MAX_FILE_MB * 1024 * 1024
        try:
            if path.stat().st_size > limit:  # refused before a byte is read
                raise ValidationError("file", MSG_FILE_LARGE, name=name, limit=MAX_FILE_MB)
            with path.open("rb") as handle:
                content = handle.read(limit + 1)  # a file still growing stays bounded
        except OSError as exc:
            raise storage_error(path, exc) from exc
        if not content:
            raise ValidationError("file", MSG_FILE_EMPTY, name=name)
        if len(content) > limit:
            raise ValidationError("file", MSG_FILE_LARGE, name=name, limit=MAX_FILE_MB)
        with self.db.write() as session:
            target = self._row(session, FILE_TARGETS[target_table], target_id)
            if target.origin_office != self.db.office_id:
                raise UserError(MSG_NOT_OURS)
            if target_table == "service_order":
                self.actor.require_grid(target.grid_id)
            row = CobuildFile(target_table=target_table, target_id=target_id,
                              file_name=name[:200], content=content, added_at=self.now(),
                              note=self._note(note))
            session.add(row)
            session.flush()
            return row.id

    @requires(access.COBUILD_VIEW)
    def files(self, target_table: str, target_id: str) -> list[FileRow]:
        with self.db.read() as session:
            return self._files(session, target_table, target_id)

    @requires(access.COBUILD_VIEW)
    def file_content(self, file_id: str) -> tuple[str, bytes]:
        with self.db.read() as session:
            row = self._row(session, CobuildFile, file_id)
            return row.file_name, bytes(row.content)
