"""Where residents' orders stand, read with plain SQL: the orders a clause selects and
the status each one's steps fold to (:func:`gridoffice.domain.cobuild.fold`). Used by
the co-building service and, before SQLAlchemy loads, by the workbench's to-do; the
``execute(sql, params)`` given is sqlite3's or SQLAlchemy's (named parameters both)."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any

from gridoffice.domain import cobuild
from gridoffice.services.common import as_date

Execute = Callable[[str, dict[str, Any]], list[Any]]  # all the rows at once

#: the columns of an order as :func:`read_orders` returns them (table alias ``o``)
ORDER_COLUMNS = (
    "o.id, o.code, o.raised_on, o.person_name, o.grid_id, o.category, o.urgency, "
    "o.description, o.source, o.plan_date, o.origin_office")
STEP_COLUMNS = ("s.id, s.order_id, s.kind, s.at, s.office, s.assignee_kind, s.assignee_id, "
                "s.assignee_name, s.deadline, s.text, s.rating, s.recorded_by")


def as_moment(value: Any) -> dt.datetime:
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))


def step_of(row: Any) -> cobuild.Step:
    """A step from a row of :data:`STEP_COLUMNS`."""
    return cobuild.Step(kind=row[2], at=as_moment(row[3]), office=row[4],
                        assignee_kind=row[5], assignee_id=row[6],
                        assignee_name=row[7] or "", deadline=as_date(row[8]),
                        text=row[9] or "", rating=row[10], key=row[0],
                        recorded_by=row[11] or "")


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection inside: a list of a year's orders makes tens of
    thousands of small objects, none of them cyclic, and the collections their making
    triggers cost a third of its time."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def read_orders(execute: Execute, where: str, params: dict[str, Any]
                ) -> list[tuple[Any, cobuild.Status]]:
    """The live orders ``where`` (`` AND …`` on alias ``o``) selects, newest first, each
    with its status: two queries whatever the number of orders."""
    with gc_paused():
        return _read_orders(execute, where, params)


def _read_orders(execute: Execute, where: str, params: dict[str, Any]
                 ) -> list[tuple[Any, cobuild.Status]]:
    clause = f" AND NOT o.deleted{where}"
    orders = execute(
        f"SELECT {ORDER_COLUMNS} FROM service_order o WHERE 1{clause} "
        "ORDER BY o.raised_on DESC, o.code DESC", params)
    steps: dict[str, list[cobuild.Step]] = defaultdict(list)
    for r in execute(f"SELECT {STEP_COLUMNS} FROM order_step s JOIN service_order o "
                     f"ON o.id = s.order_id WHERE NOT s.deleted{clause}", params):
        steps[r[1]].append(step_of(r))
    return [(r, cobuild.fold(steps.get(r[0], ()), r[6], as_date(r[9]))) for r in orders]
