"""Reading the roster: one member, the filtered list, history and placements, what is
due, branch warnings, duplicates, and revealing masked numbers (audited)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import text
from sqlmodel import Session, col, select

from gridoffice.domain import access, masking, party
from gridoffice.services import shown_order
from gridoffice.services.guard import office_clause, requires
from gridoffice.services.roster import rows as lines
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
            found = self._rows(session, where, params, reveal=reveal)
        return lines.overdue_only(found, self.today()) if query.overdue_only else found

    @requires(access.ROSTER_VIEW)
    def iter_members(self, query: MemberQuery = MemberQuery(), *, reveal: bool = False,
                     chunk: int = 2000) -> Iterator[MemberRow]:
        """The lines of :meth:`list_members`, in the same order, read from one cursor
        ``chunk`` rows at a time inside one read transaction: for an export or a
        ledger of every member, which then never holds them all. Checked when called;
        close the iterator, or read it to the end, to end the transaction."""
        if reveal:
            self.actor.require(access.REVEAL)
        where, params = self._where(query)
        return self._iter_members(where, params, reveal, chunk,
                                  self.today() if query.overdue_only else None)

    def _iter_members(self, where: str, params: dict[str, Any], reveal: bool, chunk: int,
                      overdue_on: dt.date | None) -> Iterator[MemberRow]:
        with self.db.read() as session:
            raw = session.connection().connection.driver_connection
            assert raw is not None
            for row in lines.iter_rows(raw, where, params, rules=self.rules, reveal=reveal,
                                       chunk=chunk):
                if overdue_on is None or (row.due_date is not None
                                          and row.due_date < overdue_on):
                    yield row

    @requires(access.ROSTER_VIEW)
    def iter_members_shown(self, query: MemberQuery, ids: Sequence[str], *,
                           reveal: bool = False, chunk: int = shown_order.CHUNK
                           ) -> Iterator[MemberRow]:
        """The lines of the members ``ids`` (as a view of ``query`` shows them, in its
        order), read again a chunk at a time inside one read transaction; a member the
        query no longer selects is left out. Checked when called."""
        if reveal:
            self.actor.require(access.REVEAL)
        where, params = self._where(query)
        return self._iter_shown(where, params, list(ids), reveal, chunk)

    def _iter_shown(self, where: str, params: dict[str, Any], ids: list[str],
                    reveal: bool, chunk: int) -> Iterator[MemberRow]:
        with self.db.read() as session:
            raw = session.connection().connection.driver_connection
            assert raw is not None

            def read(part: Sequence[str]) -> list[MemberRow]:
                chunk_params = dict(params)
                clause = f"{where} AND {shown_order.id_list('m.id', part, chunk_params)}"
                return lines.read_rows(raw, clause, chunk_params, rules=self.rules,
                                       reveal=reveal)

            yield from shown_order.in_shown_order(ids, read, lambda row: row.id, chunk)

    @requires(access.ROSTER_VIEW)
    def count_members(self, query: MemberQuery = MemberQuery()) -> int:
        """How many lines :meth:`iter_members` gives for ``query``."""
        if query.overdue_only:
            return sum(1 for _row in self.iter_members(query))
        where, params = self._where(query)
        with self.db.read() as session:
            raw = session.connection().connection.driver_connection
            assert raw is not None
            return lines.count_members(raw, where, params)

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
        with self.db.read() as session:
            raw = session.connection().connection.driver_connection
            assert raw is not None
            return lines.read_due(raw, self.actor, self.today(), self.rules, within_days)

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
        return lines.member_where(query, self.actor)

    def _rows(self, session: Session, where: str, params: dict[str, Any], *,
              reveal: bool) -> list[MemberRow]:
        raw = session.connection().connection.driver_connection
        assert raw is not None
        return lines.read_rows(raw, where, params, rules=self.rules, reveal=reveal)
