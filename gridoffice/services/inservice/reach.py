"""Which registrations an actor may see, as SQL (no SQLAlchemy: the workbench counts
with it at start-up)."""

from __future__ import annotations

from typing import Any

from gridoffice.domain.access import Actor
from gridoffice.services.guard import grid_clause, grid_params


def registration_reach(actor: Actor, params: dict[str, Any], reg: str = "g") -> str:
    """`` AND …`` limiting the registrations (table alias ``reg``) to what the actor
    may see, with its parameters put into ``params``; "" when not limited.

    A grid worker sees the registrations of people who live in their grids: the
    registration's home grid is one of them, or the person's resident record (or
    the resident linked to their member record) is a current resident of a
    household there. A street worker limited to some communities sees those
    communities' registrations.
    """
    clauses = []
    grids = grid_clause(actor, "h.grid_id", params)
    if grids:
        home = grid_clause(actor, f"{reg}.grid_id", params)
        living = ("SELECT {col} FROM resident r JOIN household h ON h.id = r.household_id"
                  " WHERE NOT r.deleted AND r.moved_out_on IS NULL AND r.died_on IS NULL"
                  f" AND {grids}")
        clauses.append(f"({home} OR {reg}.resident_id IN ({living.format(col='r.id')}) "
                       f"OR {reg}.member_id IN ({living.format(col='r.member_id')}))")
    if actor.communities:
        offices = grid_params(actor.communities, params, "actor_office")
        clauses.append(f"{reg}.origin_office IN ({offices})")
    return "".join(f" AND {clause}" for clause in clauses)


def notice_members(actor: Actor, params: dict[str, Any]) -> str:
    """``SELECT g.id …``: the approved, not left registrations ``actor`` may see that had
    reported by ``:end`` (the members of the points notice of a period ending then); its
    parameters go into ``params``, the caller sets ``end``."""
    return ("SELECT g.id FROM registration g JOIN work_unit u ON u.id = g.work_unit_id "
            "WHERE NOT g.deleted AND g.left_on IS NULL AND g.review_status = 'approved' "
            f"AND g.report_date <= :end{registration_reach(actor, params, 'g')}")
