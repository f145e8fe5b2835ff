"""The first screen at start-up: the organisation tree and the first page of the
roster, read on a plain connection while SQLAlchemy and the services still load.

Importing SQLAlchemy, SQLModel and the table definitions takes most of a second;
the window shows the roster before that, from the same queries the services run
(:mod:`gridoffice.services.org_nodes`, :mod:`gridoffice.services.roster.rows`),
limited and masked the same way for the signed-in actor (role, grids,
communities). The services then take over and read everything again. No
SQLAlchemy is imported here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from gridoffice.domain import access, party
from gridoffice.domain.access import Actor
from gridoffice.services.org_nodes import OrgNode, read_org_nodes
from gridoffice.services.roster import rows as lines
from gridoffice.services.roster.model import MemberQuery, MemberRow

#: Rows of the first page: more than a maximised window shows.
PAGE = 100


@dataclass(frozen=True)
class FirstScreen:
    """What the roster tab shows before the services are there."""

    nodes: list[OrgNode]  # every organisation the actor may see, in tree order
    rows: list[MemberRow]  # the first rows of ``query``, in the service's order, masked
    total: int  # how many rows the query has in all
    today: dt.date


def read(path: Path, actor: Actor, query: MemberQuery, *, limit: int | None = PAGE,
         today: dt.date | None = None, rules: party.PartyRules | None = None
         ) -> FirstScreen | None:
    """The organisations and the first ``limit`` roster rows of ``query`` (all for
    None) as ``actor`` sees them; None when the actor may not see the roster. An
    encrypted file must be unlocked (its key known to the driver) first."""
    from gridoffice.store.files import connect

    if not actor.allows(access.ROSTER_VIEW):
        return None
    day = today or dt.date.today()
    where, params = lines.member_where(query, actor)
    conn = connect(path)
    try:
        conn.execute("BEGIN")  # one snapshot for the tree, the rows and their count
        nodes = read_org_nodes(conn, actor, office=query.office)
        if query.overdue_only:  # decided in Python after the query: every row
            limit = None
        rows = lines.read_rows(conn, where, params, rules=rules or party.PartyRules(),
                               limit=limit)
        if query.overdue_only:
            rows = lines.overdue_only(rows, day)
        if limit is None or len(rows) < limit:
            total = len(rows)
        else:
            total = lines.count_members(conn, where, params)
        conn.execute("COMMIT")
    finally:
        conn.close()
    return FirstScreen(nodes, rows, total, day)
