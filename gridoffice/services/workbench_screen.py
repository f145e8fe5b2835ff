"""What the workbench tab reads, each part in one snapshot on a connection of its
own: the to-do and the figures (:mod:`gridoffice.services.workbench`), whether the
office holds any records yet, and one chart (:mod:`gridoffice.services.charts`).

The tab reads the first at start-up before SQLAlchemy is loaded, and every part
again in the background when a change touches it; no SQLAlchemy here. An encrypted
file must be unlocked (its key known to the driver) first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from gridoffice.domain import access
from gridoffice.domain.access import Actor
from gridoffice.services import workbench
from gridoffice.services.households.filters import grid_labels, grid_rows, grids_visible
from gridoffice.services.workbench import Figures, TodoItem, TodoRules

T = TypeVar("T")

# An office whose tables all lack live rows has no data yet (the empty workbench).
RECORD_TABLES = ("org", "member", "household", "resident", "meeting", "registration",
                 "work_unit")


@dataclass(frozen=True)
class Screen:
    """The workbench's to-do and figures as ``actor`` sees them on ``today``."""

    today: dt.date
    items: tuple[TodoItem, ...]
    month: Figures
    year: Figures
    empty: bool  # no records at all: the page that says how to start
    grids: tuple[tuple[str, str], ...] = ()  # (id, label) of the grids the actor may see


def in_snapshot(path: Path, read: Callable[[Any], T], *, read_only: bool = False) -> T:
    """``read(conn)`` on a connection of its own, in one read transaction."""
    from gridoffice.store.files import connect

    conn = connect(path, read_only=read_only)
    try:
        conn.execute("BEGIN")
        found = read(conn)
        conn.execute("COMMIT")
    finally:
        conn.close()
    return found


def has_records(conn: Any) -> bool:
    """Whether the office holds any live record (an organisation, a member, …)."""
    return bool(conn.execute("SELECT " + " OR ".join(
        f"EXISTS (SELECT 1 FROM {table} WHERE NOT deleted)" for table in RECORD_TABLES
    )).fetchone()[0])


def todo_rules(path: Path, today: dt.date, now: dt.datetime | None = None) -> TodoRules:
    """The rules of the to-do on ``today``: the office's settings (its re-registration
    period) and the party's rules."""
    from gridoffice.services.inservice.model import load_point_rules

    return TodoRules(today, reregister_months=load_point_rules(path).reregister_months,
                     now=now)


def read_screen(path: Path, actor: Actor, rules: TodoRules, backup_dir: Path | None, *,
                read_only: bool = False) -> Screen:
    """The to-do, this month's and this year's figures, and whether there is any record."""

    def read(conn: Any) -> Screen:
        today = rules.today
        now = workbench.figures_now(conn, actor)
        return Screen(today, tuple(workbench.read_todo(conn, actor, rules, backup_dir)),
                      workbench.read_figures(conn, actor, *workbench.month_of(today), now),
                      workbench.read_figures(conn, actor, *workbench.year_of(today), now),
                      not has_records(conn), _grids(conn, actor))

    return in_snapshot(path, read, read_only=read_only)


def _grids(conn: Any, actor: Actor) -> tuple[tuple[str, str], ...]:
    """The grids whose pyramid the actor may draw."""
    if not actor.allows(access.HOUSEHOLDS_VIEW):
        return ()
    grids = grids_visible(grid_rows(conn), actor)
    labels = grid_labels(conn, grids)
    return tuple((g.id, labels[g.id]) for g in grids)


def read_chart(path: Path, actor: Actor, key: str, today: dt.date, year: int,
               grid_id: str | None = None) -> Any:
    """Chart ``key`` (see :func:`gridoffice.services.charts.read_chart`)."""
    from gridoffice.services import charts

    return in_snapshot(path, lambda conn: charts.read_chart(conn, actor, key, today, year,
                                                            grid_id))
