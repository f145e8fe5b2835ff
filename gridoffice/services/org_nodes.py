"""The organisation tree as plain data: :class:`OrgNode` (one organisation with its
secretary and committee) and reading every node on a plain DB-API connection.

:meth:`~gridoffice.services.orgs.OrgService.list_orgs` reads with
:func:`read_org_nodes` on its session's driver connection (no SQLAlchemy here).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from gridoffice.domain.access import Actor
from gridoffice.domain.codes import SEATS
from gridoffice.services.guard import office_clause


@dataclass(frozen=True)
class OrgDraft:
    """What a form submits for a new or edited organisation."""

    name: str
    org_type: str
    parent_id: str | None = None
    short_name: str | None = None
    grid_code: str | None = None
    established: dt.date | None = None
    term_end: dt.date | None = None


@dataclass(frozen=True)
class OrgNode:
    id: str
    name: str
    short_name: str | None
    org_type: str
    parent_id: str | None
    grid_code: str | None
    established: dt.date | None
    term_end: dt.date | None
    retired_on: dt.date | None
    sort_order: int
    secretary: str | None = None
    committee: tuple[str, ...] = ()  # "seat code:name" for current seats other than secretary
    origin_office: str = ""  # the office that owns the record (the street sees all)

    @property
    def retired(self) -> bool:
        return self.retired_on is not None

    def draft(self) -> OrgDraft:
        return OrgDraft(self.name, self.org_type, self.parent_id, self.short_name,
                        self.grid_code, self.established, self.term_end)


@dataclass(frozen=True)
class _Seat:
    seat: str
    person_name: str
    from_date: dt.date
    to_date: dt.date | None


def node_of(org: Any, seats: list[Any]) -> OrgNode:
    """The node of ``org`` (an ORM ``Org``, or a node read here without its seats) with
    its ``seats``."""
    current = [s for s in seats if s.to_date is None]
    order = {code.code: i for i, code in enumerate(SEATS)}
    current.sort(key=lambda s: (order.get(s.seat, 99), s.from_date))
    secretary = next((s.person_name for s in current if s.seat in ("secretary", "group_leader")),
                     None)
    committee = tuple(f"{s.seat}:{s.person_name}" for s in current
                      if s.seat not in ("secretary", "group_leader"))
    return OrgNode(org.id, org.name, org.short_name, org.org_type, org.parent_id,
                   org.grid_code, org.established, org.term_end, org.retired_on,
                   org.sort_order, secretary, committee, org.origin_office)


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def read_org_nodes(conn: Any, actor: Actor, *, office: str | None = None) -> list[OrgNode]:
    """Every organisation ``actor`` may see (``office``: of that office only), retired
    ones too, in tree order (see :func:`tree_order`); ``conn`` is a DB-API connection."""
    params: dict[str, Any] = {}
    where = office_clause(actor, "origin_office", params)
    if office is not None:
        where += " AND origin_office = :office"
        params["office"] = office
    orgs = [OrgNode(r[0], r[1], r[2], r[3], r[4], r[5], _day(r[6]), _day(r[7]), _day(r[8]),
                    int(r[9]), origin_office=r[10])  # its seats follow
            for r in conn.execute(
                "SELECT id, name, short_name, org_type, parent_id, grid_code, established, "
                "term_end, retired_on, sort_order, origin_office FROM org "
                "WHERE NOT deleted" + where, params).fetchall()]
    by_org: dict[str, list[_Seat]] = {}
    for org_id, seat, person, start, end in conn.execute(
            "SELECT org_id, seat, person_name, from_date, to_date FROM committee_seat "
            "WHERE NOT deleted").fetchall():
        by_org.setdefault(org_id, []).append(_Seat(seat, person, _day(start), _day(end)))
    return tree_order([node_of(o, by_org.get(o.id, [])) for o in orgs])


def tree_order(nodes: list[OrgNode]) -> list[OrgNode]:
    """Depth-first order: each parent, then its children by sort order and name."""
    ids = {n.id for n in nodes}
    children: dict[str | None, list[OrgNode]] = {}
    for node in nodes:
        parent = node.parent_id if node.parent_id in ids else None
        children.setdefault(parent, []).append(node)
    for group in children.values():
        group.sort(key=lambda n: (n.sort_order, n.name))
    ordered: list[OrgNode] = []
    stack = list(reversed(children.get(None, [])))
    while stack:
        node = stack.pop()
        ordered.append(node)
        stack.extend(reversed(children.get(node.id, [])))
    return ordered
