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

from gridoffice.domain.access import Actor
from gridoffice.services import workbench
from gridoffice.services.inservice.rules_setting import KEY_PREFIX, point_rules_of
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


def todo_rules(conn: Any, now: dt.datetime) -> TodoRules:
    """The rules of the to-do at ``now``: the office's settings (its re-registration
    period, read on ``conn``) and the party's rules."""
    from gridoffice.store.settings import OFFICE_ROLE

    values = dict(conn.execute("SELECT key, value FROM setting WHERE key LIKE ? OR key = ?",
                               (KEY_PREFIX + "%", OFFICE_ROLE)).fetchall())
    return TodoRules(now.date(), reregister_months=point_rules_of(values).reregister_months,
                     now=now, street=values.get(OFFICE_ROLE) == "street")


def read_screen(path: Path, actor: Actor, now: dt.datetime, backup_dir: Path | None, *,
                read_only: bool = False) -> Screen:
    """The to-do, this month's and this year's figures, whether there is any record,
    and the grids whose pyramid the actor may draw: at ``now``, in one snapshot."""

    def read(conn: Any) -> Screen:
        today = now.date()
        grids = workbench.grids_of(conn, actor)
        figures = workbench.figures_now(conn, actor, grids)
        items = workbench.read_todo(conn, actor, todo_rules(conn, now), backup_dir, grids)
        return Screen(today, tuple(items),
                      workbench.read_figures(conn, actor, *workbench.month_of(today), figures),
                      workbench.read_figures(conn, actor, *workbench.year_of(today), figures),
                      not has_records(conn),
                      () if grids is None else tuple((g.id, grids.labels[g.id])
                                                     for g in grids.rows))

    return in_snapshot(path, read, read_only=read_only)


def read_chart(path: Path, actor: Actor, key: str, today: dt.date, year: int,
               grid_id: str | None = None) -> Any:
    """Chart ``key`` (see :func:`gridoffice.services.charts.read_chart`)."""
    from gridoffice.services import charts

    return in_snapshot(path, lambda conn: charts.read_chart(conn, actor, key, today, year,
                                                            grid_id))
