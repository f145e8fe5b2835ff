"""Who reads in the service tests that compare a plain-SQL read with the services: the
services of a data file as an actor, and a grid worker of its first grid."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gridoffice.domain import access
from gridoffice.domain.access import Actor
from gridoffice.services import office
from tests import sql


def services_of(path: Path, actor: Actor) -> Any:
    from gridoffice.services.container import Services
    from gridoffice.store.database import Database

    return Services.build(Database(path), office.load_profile(path), "en", actor)


def first_grid(path: Path) -> str:
    """The id of the data file's first grid (by code)."""
    conn = sql.connect(path)
    try:
        return str(conn.execute("SELECT id FROM grid WHERE NOT deleted ORDER BY code")
                   .fetchone()[0])
    finally:
        conn.close()


def grid_worker(path: Path) -> Actor:
    """A grid worker of the first grid."""
    return Actor(login="grid-login", operator="网格员", role=access.GRID,
                 grids=frozenset({first_grid(path)}))
