"""The WHERE clauses of the resident list, as SQL (no SQLAlchemy: the workbench counts
with them at start-up, the resident list and its exports read with them)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from gridoffice.domain import households as rules
from gridoffice.domain.access import Actor
from gridoffice.services.guard import grid_clause, grid_params
from gridoffice.services.households.model import GridRow, ResidentQuery
from gridoffice.services.search_sql import person_text_parts

#: The tables :func:`resident_filters` names: resident, household, house, building.
RESIDENTS_FROM = ("FROM resident r JOIN household h ON h.id = r.household_id "
                  "JOIN house s ON s.id = h.house_id JOIN building b ON b.id = s.building_id")


def resident_filters(query: ResidentQuery, actor: Actor, today: dt.date
                     ) -> tuple[list[str], dict[str, Any]]:
    """The WHERE clauses of the resident list ``query`` as ``actor`` sees it on ``today``,
    and their parameters (the tables of :data:`RESIDENTS_FROM`)."""
    clauses, params = ["NOT r.deleted"], {}  # type: ignore[var-annotated]
    reach = grid_clause(actor, "b.grid_id", params)
    if reach:  # a grid worker: their own grids only
        clauses.append(reach)
    if actor.communities:  # a street worker: their communities only
        offices = grid_params(actor.communities, params, "actor_office")
        clauses.append(f"r.origin_office IN ({offices})")
    if query.grid_id:
        clauses.append("b.grid_id = :grid")
        params["grid"] = query.grid_id
    if query.building_id:
        clauses.append("b.id = :building")
        params["building"] = query.building_id
    if query.household_id:
        clauses.append("r.household_id = :household")
        params["household"] = query.household_id
    if query.office is not None:
        clauses.append("r.origin_office = :office")
        params["office"] = query.office
    if not query.include_left:
        clauses.append("r.moved_out_on IS NULL AND r.died_on IS NULL")
    for key in ("population_type", "residence_status"):
        if getattr(query, key):
            clauses.append(f"r.{key} = :{key}")
            params[key] = getattr(query, key)
    if query.not_visited_days is not None:
        since = today - dt.timedelta(days=query.not_visited_days)
        clauses.append("(h.last_visit IS NULL OR h.last_visit <= :since)")
        params["since"] = since.isoformat()
    if query.tag and query.tag != "very_old":
        clauses.append("r.id IN (SELECT t.resident_id FROM resident_tag t WHERE NOT "
                       "t.deleted AND t.to_date IS NULL AND t.kind = 'care' AND t.tag = :tag)")
        params["tag"] = query.tag
    elif query.any_care_tag:
        clauses.append("r.id IN (SELECT t.resident_id FROM resident_tag t WHERE NOT "
                       "t.deleted AND t.to_date IS NULL AND t.kind = 'care')")
    typed = text_clause(query.text.strip(), params)
    if typed:
        clauses.append(typed)
    return clauses, params


def text_clause(text: str, params: dict[str, Any]) -> str | None:
    """Typed text matches a name (or its pinyin), the tail of an id number or a
    mobile, or the start of an address; its parameters go into ``params``."""
    if not text:
        return None
    parts = person_text_parts("r", text, params)
    address = rules.address_search_key(text)
    if any(c.isdigit() for c in address) and ("-" in address or any(
            m in text for m in ("号楼", "栋", "幢", "单元", "室"))):
        params["address"] = address
        parts.append("(b.number || '-' || s.unit || '-' || s.room) LIKE :address || '%'")
    return "(" + " OR ".join(parts) + ")"


def grid_rows(conn: Any) -> list[GridRow]:
    """Every grid with its counts of buildings, households, residents and care tags (the
    grids list; the workbench's figures)."""
    rows = conn.execute(
        "SELECT g.id, g.code, g.name, g.grid_type, g.branch_org_id,"
        " (SELECT count(*) FROM building b WHERE b.grid_id = g.id AND NOT b.deleted),"
        " (SELECT count(*) FROM household h WHERE h.grid_id = g.id"
        "  AND NOT h.deleted AND h.dissolved_on IS NULL),"
        " (SELECT count(*) FROM household h JOIN resident r ON r.household_id = h.id"
        "  WHERE h.grid_id = g.id AND NOT r.deleted AND r.moved_out_on IS NULL"
        "  AND r.died_on IS NULL),"
        " (SELECT count(*) FROM household h JOIN resident r ON r.household_id = h.id"
        "  JOIN resident_tag t ON t.resident_id = r.id WHERE h.grid_id = g.id"
        "  AND NOT t.deleted AND t.to_date IS NULL AND t.kind = 'care'"
        "  AND r.moved_out_on IS NULL AND r.died_on IS NULL), g.origin_office"
        " FROM grid g WHERE NOT g.deleted ORDER BY g.code").fetchall()
    return [GridRow(*row) for row in rows]


def grids_visible(grids: list[GridRow], actor: Actor, office: str | None = None
                  ) -> list[GridRow]:
    """The grids of ``office`` (None: all) ``actor`` may see: a grid worker's own, a
    street worker's communities'."""
    offices = actor.communities
    return [g for g in grids if (office is None or g.origin_office == office)
            and actor.in_grid(g.id) and (not offices or g.origin_office in offices)]


def grid_labels(conn: Any, grids: list[GridRow]) -> dict[str, str]:
    """grid id → how the grid is named in a list: its name (its code when it has none),
    after its community's when the grids are of more than one community (the street
    office's, whose communities all have a 第一网格)."""
    labels = {g.id: g.name or g.code for g in grids}
    if len({g.origin_office for g in grids}) < 2:
        return labels
    communities = dict(conn.execute(
        "SELECT office_id, community FROM sync_peer WHERE revoked_at IS NULL "
        "AND role = 'community'").fetchall())
    return {g.id: f"{communities[g.origin_office]} {labels[g.id]}"
            if communities.get(g.origin_office) else labels[g.id] for g in grids}
