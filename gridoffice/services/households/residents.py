"""Reading the register: the resident list with its filters, one household, one
resident, revealing masked numbers, and finding duplicates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlmodel import col, select

from gridoffice.domain import access, masking
from gridoffice.domain import households as rules
from gridoffice.services import shown_order
from gridoffice.services.guard import audit_name, requires
from gridoffice.services.households.base import HouseholdServiceBase
from gridoffice.services.households.filters import RESIDENTS_FROM, resident_filters
from gridoffice.services.households.model import (
    MSG_HOUSEHOLD_MISSING,
    MSG_RESIDENT_MISSING,
    DuplicateGroup,
    HouseholdDetail,
    ResidentDraft,
    ResidentQuery,
    ResidentRow,
    VisitRow,
)
from gridoffice.store import audit
from gridoffice.store.tables import Building, House, Household, Resident, Visit


class ResidentReading(HouseholdServiceBase):
    """Resident lists, household and resident details, duplicates."""

    @requires(access.HOUSEHOLDS_VIEW)
    def residents(self, query: ResidentQuery | str | None = None, *, text: str = "",
                  include_left: bool = False, reveal: bool = False) -> list[ResidentRow]:
        """The residents a query asks for, in address order; masked unless ``reveal``.

        ``residents(grid_id, text=…)`` is a shorthand for a ResidentQuery. A grid
        worker gets the residents of their own grids only; ``reveal`` needs
        :data:`~gridoffice.domain.access.REVEAL`.
        """
        if reveal:
            self.actor.require(access.REVEAL)
        if not isinstance(query, ResidentQuery):
            query = ResidentQuery(grid_id=query, text=text, include_left=include_left)
        return self._residents(query, reveal)

    @requires(access.HOUSEHOLDS_VIEW)
    def iter_residents(self, query: ResidentQuery | None = None, *, reveal: bool = False,
                       chunk: int = 2000) -> Iterator[ResidentRow]:
        """The rows of :meth:`residents`, in the same order, read from one cursor
        ``chunk`` rows at a time inside one read transaction: for an export of every
        resident, which then never holds them all. Checked when called (``reveal``
        needs :data:`~gridoffice.domain.access.REVEAL`); close the iterator, or read
        it to the end, to end the transaction."""
        if reveal:
            self.actor.require(access.REVEAL)
        return self._iter_residents(query or ResidentQuery(), reveal, chunk)

    def _iter_residents(self, query: ResidentQuery, reveal: bool,
                        chunk: int) -> Iterator[ResidentRow]:
        sql, params = self._residents_sql(query)
        with self.db.read() as session:
            raw = session.connection().connection.driver_connection
            assert raw is not None
            cursor = raw.execute(sql, params)
            cursor.arraysize = chunk

            def fetched() -> Iterator[Any]:
                while rows := cursor.fetchmany():
                    yield from rows

            yield from self._iter_resident_rows(fetched(), query, reveal)

    @requires(access.HOUSEHOLDS_VIEW)
    def iter_residents_shown(self, query: ResidentQuery, ids: Sequence[str], *,
                             reveal: bool = False, chunk: int = shown_order.CHUNK
                             ) -> Iterator[ResidentRow]:
        """The rows of the residents ``ids`` (as a view of ``query`` shows them, in its
        order), read again a chunk at a time inside one read transaction; a resident the
        query no longer selects is left out. Checked when called."""
        if reveal:
            self.actor.require(access.REVEAL)
        return self._iter_shown(query, list(ids), reveal, chunk)

    def _iter_shown(self, query: ResidentQuery, ids: list[str], reveal: bool,
                    chunk: int) -> Iterator[ResidentRow]:
        with self.db.read() as session:
            raw = session.connection().connection.driver_connection
            assert raw is not None

            def read(part: Sequence[str]) -> list[ResidentRow]:
                sql, params = self._residents_sql(query, part)
                return self._resident_rows(raw.execute(sql, params).fetchall(), query,
                                           reveal)

            yield from shown_order.in_shown_order(ids, read, lambda row: row.id, chunk)

    def _residents_sql(self, query: ResidentQuery,
                       ids: Sequence[str] | None = None) -> tuple[str, Any]:
        clauses, params = self._resident_filters(query)
        if ids is not None:
            clauses.append(shown_order.id_list("r.id", ids, params))
        sql = ("SELECT r.id, r.household_id, r.name, r.sex, r.birth_date, r.id_number, "
               "r.mobile, r.relation, r.population_type, r.residence_status, b.estate, "
               "b.number, s.unit, s.room, b.grid_id, r.moved_out_on, r.died_on, r.member_id, "
               "b.id, h.last_visit, t.tags, r.origin_office, r.id_type "
               f"{RESIDENTS_FROM} "
               "LEFT JOIN (SELECT resident_id, group_concat(tag) AS tags FROM resident_tag "
               " WHERE NOT deleted AND to_date IS NULL AND kind = 'care' GROUP BY resident_id)"
               " t ON t.resident_id = r.id "
               f"WHERE {' AND '.join(clauses)} ORDER BY b.estate, "
               "CAST(b.number AS INTEGER), b.number, s.unit, CAST(s.room AS INTEGER), "
               "h.id, r.relation")
        return sql, params

    def _residents(self, query: ResidentQuery, reveal: bool) -> list[ResidentRow]:
        sql, params = self._residents_sql(query)
        with self.db.read() as session:
            raw = session.connection().connection.driver_connection
            assert raw is not None
            rows = raw.execute(sql, params).fetchall()
        return self._resident_rows(rows, query, reveal)

    @requires(access.HOUSEHOLDS_VIEW)
    def household(self, household_id: str, *, reveal: bool = False) -> HouseholdDetail:
        with self.db.read() as session:
            household = self._live(session, Household, household_id, MSG_HOUSEHOLD_MISSING)
            house = session.get(House, household.house_id)
            building = session.get(Building, house.building_id) if house else None
            visits = session.exec(select(Visit).where(
                Visit.household_id == household_id, col(Visit.deleted).is_(False))
                .order_by(col(Visit.visit_date).desc())).all()
            address = self._address(session, household_id)
        members = self.residents(ResidentQuery(household_id=household_id, include_left=True),
                                 reveal=reveal)
        return HouseholdDetail(
            household.id, household.house_id, address,
            building.grid_id if building else "", household.number, household.kind,
            household.last_visit, household.center_member_id, household.dissolved_on,
            tuple(members),
            tuple(VisitRow(v.id, v.visit_date, v.visitor, v.findings, v.requests)
                  for v in visits), household.origin_office)

    @requires(access.HOUSEHOLDS_VIEW)
    def resident(self, resident_id: str) -> tuple[ResidentDraft, ResidentRow]:
        """The form values (ID number and phone masked) and the row of one resident."""
        with self.db.read() as session:
            resident = self._live(session, Resident, resident_id, MSG_RESIDENT_MISSING)
            draft = ResidentDraft(
                name=resident.name, relation=resident.relation, sex=resident.sex,
                id_number=masking.mask_id(resident.id_number_original or resident.id_number),
                id_type=resident.id_type, birth_date=resident.birth_date,
                former_name=resident.former_name, ethnicity=resident.ethnicity,
                political_status=resident.political_status, education=resident.education,
                marital_status=resident.marital_status, hukou_address=resident.hukou_address,
                work_or_school=resident.work_or_school,
                mobile=masking.mask_phone(resident.mobile),
                population_type=resident.population_type,
                residence_status=resident.residence_status,
                move_in_date=resident.move_in_date, move_in_reason=resident.move_in_reason,
                member_id=resident.member_id, guardian_note=resident.guardian_note,
                note=resident.note)
            household_id = resident.household_id
        row = next(r for r in self.residents(ResidentQuery(household_id=household_id,
                                                           include_left=True))
                   if r.id == resident_id)
        return draft, row

    @requires(access.REVEAL)
    def reveal(self, resident_id: str) -> tuple[str | None, str | None]:
        """Full ID number and phone of one resident; written to the audit log."""
        with self.db.write() as session:
            resident = self._live(session, Resident, resident_id, MSG_RESIDENT_MISSING)
            audit.record(session, audit_name(self.actor, self.operator), "reveal_identity",
                         resident_id, resident.name)
            return resident.id_number_original or resident.id_number, resident.mobile

    @requires(access.HOUSEHOLDS_VIEW)
    def find_duplicates(self) -> list[DuplicateGroup]:
        """Residents recorded twice: same ID number first, then same name (by pinyin)
        and birth date."""
        # full numbers to compare, never shown: no reveal permission needed
        rows = self._residents(ResidentQuery(include_left=False), True)
        groups: list[DuplicateGroup] = []
        by_id: dict[str, list[ResidentRow]] = {}
        by_person: dict[str, list[ResidentRow]] = {}
        for row in rows:
            if row.id_number:
                by_id.setdefault(row.id_number, []).append(row)
            if row.birth_date is not None and row.name:
                by_person.setdefault(rules.person_key(row.name, row.birth_date), []).append(row)
        for reason, table in (("id_number", by_id), ("name_birth", by_person)):
            for same in table.values():
                numbers = [r.id_number for r in same if r.id_number]
                if reason == "name_birth" and len(set(numbers)) == len(same):
                    continue  # different ID numbers: different people after all
                if reason == "name_birth" and len(set(numbers)) == 1 and len(numbers) == len(
                        same):
                    continue  # the same ID number: already reported above
                if len(same) > 1:
                    groups.append(DuplicateGroup(reason, tuple(r.id for r in same),
                                                 tuple(r.name for r in same),
                                                 tuple(r.address for r in same)))
        return groups

    def _resident_filters(self, query: ResidentQuery) -> tuple[list[str], dict[str, Any]]:
        """The WHERE clauses of the resident list and their parameters."""
        return resident_filters(query, self.actor, self.today())

    def _resident_rows(self, rows: list[Any], query: ResidentQuery,
                       reveal: bool) -> list[ResidentRow]:
        """The list's rows from the SQL rows: masked, dated, tagged, filtered by the
        derived tag and the age band."""
        return list(self._iter_resident_rows(rows, query, reveal))

    def _iter_resident_rows(self, rows: Iterable[Any], query: ResidentQuery,
                            reveal: bool) -> Iterator[ResidentRow]:
        today = self.today()
        very_old_before = rules.very_old_born_by(today)
        addresses: dict[tuple[Any, ...], str] = {}
        dates: dict[Any, dt.date | None] = {None: None}

        def day(value: Any) -> dt.date | None:
            found = dates.get(value)
            if found is None and value is not None:
                found = dates[value] = dt.date.fromisoformat(value)
            return found

        mask_id, mask_phone = masking.mask_id, masking.mask_phone
        for r in rows:
            id_number, mobile = r[5], r[6]
            if not reveal:
                id_number = mask_id(id_number) if id_number else None
                mobile = mask_phone(mobile) if mobile else None
            birth = day(r[4])
            tags = r[20].split(",") if r[20] else []
            if birth is not None and birth <= very_old_before:
                tags.append("very_old")
            if query.tag == "very_old" and "very_old" not in tags:
                continue
            if query.age_band and (birth is None or rules.age_band(birth, today)
                                   != query.age_band):
                continue
            key = (r[10], r[11], r[12], r[13])
            address = addresses.get(key)
            if address is None:
                address = addresses[key] = rules.format_address(
                    r[10] or None, r[11], r[12] or None, r[13] or None)
            yield ResidentRow(
                r[0], r[1], r[2], r[3], birth, id_number, mobile, r[7], r[8], r[9], address,
                r[14], day(r[15]), day(r[16]), r[17], r[18], day(r[19]),
                tuple(sorted(set(tags))) if tags else (), r[21], r[22] or "resident")
