"""党组织设置一览表: the organisations with type, parent, secretary and committee."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable

from gridoffice.domain.codes import ORG_TYPES, SEATS
from gridoffice.ledgers.engine import Column, LedgerResult, TableLedger, render_table_ledger
from gridoffice.services.orgs import OrgService, SeatRow
from gridoffice.store.database import Database

TITLE = "党组织设置一览表"
COLUMNS = (
    Column("序号", 0.5, "center"),
    Column("党组织名称", 2.5),
    Column("简称", 1.3),
    Column("类型", 0.9, "center"),
    Column("上级党组织", 1.4),
    Column("书记（党小组长）", 1.1, "center"),
    Column("其他委员", 2.4),
    Column("所在网格代码", 1.65, "center"),
    Column("成立日期", 1.0, "center"),
    Column("届满日期", 1.0, "center"),
    Column("备注", 1.0),
)


def _date(value: dt.date | None) -> str | None:
    return f"{value.year}年{value.month}月{value.day}日" if value else None


def _short_date(value: dt.date | None) -> str | None:
    return f"{value.year}.{value.month:02d}.{value.day:02d}" if value else None


def _indent(depth: int) -> str:
    # Leading spaces are trimmed from cells; no-break spaces and a corner mark the level.
    return "\u00a0\u00a0\u00a0" * (depth - 1) + "└ " if depth else ""


def _held_on(seat: SeatRow, day: dt.date) -> bool:
    return seat.from_date <= day and (seat.to_date is None or seat.to_date >= day)


def org_rows(service: OrgService, as_of: dt.date) -> list[tuple[str | None, ...]]:
    """The ledger rows: organisations that existed on ``as_of``, in tree order."""
    nodes = service.list_orgs(as_of=as_of)
    names = {n.id: n.short_name or n.name for n in nodes}
    depth: dict[str, int] = {}
    rows: list[tuple[str | None, ...]] = []
    for index, node in enumerate(nodes, start=1):
        depth[node.id] = depth.get(node.parent_id or "", -1) + 1 if node.parent_id else 0
        held = [s for s in service.seats(node.id) if _held_on(s, as_of)]
        order = {code.code: i for i, code in enumerate(SEATS)}
        held.sort(key=lambda s: (order.get(s.seat, 99), s.from_date))
        head = [s.person_name for s in held if s.seat in ("secretary", "group_leader")]
        others = [f"{SEATS.zh(s.seat)} {s.person_name}" for s in held
                  if s.seat not in ("secretary", "group_leader")]
        rows.append((
            str(index),
            _indent(depth[node.id]) + node.name,
            node.short_name,
            ORG_TYPES.zh(node.org_type),
            names.get(node.parent_id or ""),
            "、".join(head) or None,
            "；".join(others) or None,
            node.grid_code,
            _short_date(node.established),
            _short_date(node.term_end),
            "任期已届满" if node.term_end and node.term_end < as_of else None,
        ))
    return rows


def render_org_ledger(db: Database, path: str | os.PathLike[str], *, unit: str,
                      as_of: dt.date | None = None,
                      progress: Callable[[int, int], bool] | None = None) -> LedgerResult:
    day = as_of or dt.date.today()
    rows = org_rows(OrgService(db), day)
    ledger = TableLedger(
        title=TITLE,
        unit=unit,
        date=dt.date.today(),
        subtitle=f"（截至 {_date(day)}）",
        columns=COLUMNS,
        rows=rows,
        signatures=("党组织书记", "填表人"),
        notes=(f"共 {len(rows)} 个党组织。",),
        row_count_hint=len(rows),
    )
    return render_table_ledger(ledger, path, progress=progress)
