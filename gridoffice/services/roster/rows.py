"""The roster's list query, on a plain DB-API connection: the SQL of a member line,
the filters of a :class:`MemberQuery`, what the actor may see, and the masked
:class:`MemberRow` built from each line.

No SQLAlchemy here: :class:`~gridoffice.services.roster.RosterService` runs it on its
session's driver connection, and the workbench (:mod:`gridoffice.services.workbench`)
on a connection of its own, at start-up before SQLAlchemy is even imported, so both
count the same members.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any, Protocol

from gridoffice.domain import households, masking, party
from gridoffice.domain.access import Actor
from gridoffice.services.common import as_date
from gridoffice.services.guard import grid_clause, grid_params
from gridoffice.services.roster.model import DueItem, MemberQuery, MemberRow
from gridoffice.services.search_sql import person_text_parts

ROW_SQL = """
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
ORDER = "ORDER BY m.name_pinyin, m.name"

_MISSING = object()


class Connection(Protocol):
    """What is used of a DB-API connection (sqlcipher3's, or a session's driver one)."""

    def execute(self, sql: str, parameters: Any = ..., /) -> Any: ...


def reach_clauses(actor: Actor, params: dict[str, Any], member: str = "m.id") -> list[str]:
    """SQL clauses limiting the members (``member``: the id column) to what ``actor``
    may see, their parameters put into ``params``.

    A grid worker sees the members who live in their grids: a member lives where
    the households register has a current resident linked to them
    (``resident.member_id``, set by HouseholdService.link_member: one person, one
    record), in a household of one of those grids. A member with no linked resident
    lives nowhere a grid worker can see. A street worker limited to some
    communities sees the members those communities' offices hold.
    """
    clauses = []
    grids = grid_clause(actor, "h.grid_id", params)
    if grids:
        clauses.append(
            f"{member} IN (SELECT r.member_id FROM resident r JOIN household h ON "
            f"h.id = r.household_id WHERE r.member_id IS NOT NULL AND NOT r.deleted "
            f"AND r.moved_out_on IS NULL AND r.died_on IS NULL AND {grids})")
    if actor.communities:
        offices = grid_params(actor.communities, params, "actor_office")
        clauses.append(f"{member} IN (SELECT o.id FROM member o "
                       f"WHERE o.origin_office IN ({offices}))")
    return clauses


def member_where(query: MemberQuery, actor: Actor) -> tuple[str, dict[str, Any]]:
    """The WHERE clause (and its parameters) of the members ``query`` asks for, limited
    to what ``actor`` may see."""
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
        # The due date depends on the rules; narrow in SQL, decide in Python (rows).
        clauses.append("m.status = 'probationary'")
    text = query.text.strip()
    if text:
        clauses.append("(" + " OR ".join(person_text_parts("m", text, params)) + ")")
    clauses += reach_clauses(actor, params)
    return "WHERE " + " AND ".join(clauses), params


def count_members(conn: Connection, where: str, params: dict[str, Any]) -> int:
    """How many member lines ``where`` selects (what :func:`read_rows` would return)."""
    return int(conn.execute(f"SELECT count(*) FROM member m {where}", params).fetchone()[0])


def read_rows(conn: Connection, where: str, params: dict[str, Any], *,
              rules: party.PartyRules, reveal: bool = False,
              limit: int | None = None) -> list[MemberRow]:
    """The member lines ``where`` selects, in name (pinyin) order, the first ``limit``
    of them (all for None); ID numbers and phones masked unless ``reveal``."""
    # The plain DB-API cursor: tens of thousands of rows through SQLAlchemy's
    # result objects would cost more than the query itself.
    sql = f"{ROW_SQL} {where} {ORDER}"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return list(member_rows(conn.execute(sql, params).fetchall(), rules=rules, reveal=reveal))


def iter_rows(conn: Connection, where: str, params: dict[str, Any], *,
              rules: party.PartyRules, reveal: bool = False,
              chunk: int = 2000) -> Iterator[MemberRow]:
    """:func:`read_rows`, fetched from one cursor ``chunk`` rows at a time (an export
    of every member then never holds them all); read it inside the caller's
    transaction."""
    cursor = conn.execute(f"{ROW_SQL} {where} {ORDER}", params)
    cursor.arraysize = chunk

    def fetched() -> Iterator[Any]:
        while found := cursor.fetchmany():
            yield from found

    return member_rows(fetched(), rules=rules, reveal=reveal)


def member_rows(result: Iterable[Any], *, rules: party.PartyRules,
                reveal: bool = False) -> Iterator[MemberRow]:
    """The member lines of the rows of ROW_SQL, one at a time."""
    dates: dict[str | None, dt.date | None] = {None: None}

    def day(value: str | None) -> dt.date | None:
        found = dates.get(value, _MISSING)
        if found is _MISSING:
            found = dates[value] = dt.date.fromisoformat(value)  # type: ignore[arg-type]
        return found  # type: ignore[return-value]

    full_date = party.full_membership_date
    mask_id, mask_phone = masking.mask_id, masking.mask_phone
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
        yield MemberRow(r[0], r[1], r[2], r[3], day(r[4]), id_number, r[6], mobile,
                        join, day(r[9]), r[10], r[11], r[12], r[13], r[14], r[15],
                        r[16], r[17], r[18], address, r[20], r[21], bool(r[22]),
                        bool(r[23]), r[24], due, day(r[25]), r[26], r[28],
                        r[29] or "resident", r[30], day(r[31]))


def overdue_only(rows: list[MemberRow], today: dt.date) -> list[MemberRow]:
    """The rows whose probation is over but who are not confirmed yet."""
    return [r for r in rows if r.due_date is not None and r.due_date < today]


def read_due(conn: Any, actor: Actor, today: dt.date, rules: party.PartyRules,
             within_days: int = 90) -> list[DueItem]:
    """Probationary members due for full membership within ``within_days`` of ``today``,
    and overdue, as ``actor`` sees them: the roster's reminders (``RosterService.due_list``)
    and the workbench read the same list."""
    params: dict[str, Any] = {}
    reach = "".join(f" AND {clause}" for clause in reach_clauses(actor, params))
    rows = conn.execute(
        "SELECT m.id, m.name, m.org_id, o.name, m.join_date, m.probation_extension_months "
        "FROM member m LEFT JOIN org o ON o.id = m.org_id "
        "WHERE NOT m.deleted AND m.status = 'probationary' AND m.join_date IS NOT NULL "
        "AND m.relation_status IN ('normal', 'transferring_out')" + reach, params).fetchall()
    items = []
    for member_id, name, org_id, org_name, join, extension in rows:
        join_date = as_date(join)
        assert join_date is not None  # selected for it
        due = party.full_membership_date(join_date, int(extension or 0), rules)
        days = (due - today).days
        bucket = party.due_bucket(days)
        if bucket is not None and days <= within_days:
            items.append(DueItem(member_id, name, org_id, org_name, join_date, due, days,
                                 bucket))
    items.sort(key=lambda item: (item.days_left, item.name))
    return items
