"""党员花名册: the members of an organisation and its sub-organisations, as of a date.

A4 landscape (17 columns). Masked as DOMAIN.md asks for paper, by the one policy
(:func:`gridoffice.domain.privacy.present`, for the ``actor`` it is made for):
phones masked, birth as year and month, the address only to building and unit.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator

from gridoffice.domain import privacy
from gridoffice.domain.access import Actor
from gridoffice.domain.codes import EDUCATION, ETHNICITY, MEMBER_CATEGORY, RELATION_STATUS, SEX
from gridoffice.domain.identity import age_on
from gridoffice.ledgers.engine import Column, LedgerResult, TableLedger, render_table_ledger
from gridoffice.services.roster import MemberQuery, MemberRow, RosterService
from gridoffice.store.database import Database

TITLE = "党员花名册"
COLUMNS = (
    Column("序号", 0.55, "center"),
    Column("姓名", 1.0, "center"),
    Column("性别", 0.45, "center"),
    Column("民族", 0.7, "center"),
    Column("出生年月", 0.85, "center"),
    Column("年龄", 0.45, "center"),
    Column("籍贯", 0.9),
    Column("学历", 0.8, "center"),
    Column("入党时间", 0.95, "center"),
    Column("转正时间", 0.95, "center"),
    Column("党员类别", 0.8, "center"),
    Column("正式/预备", 0.6, "center"),
    Column("党内职务", 0.8),
    Column("工作单位及职务", 1.5),
    Column("居住地址", 1.5),
    Column("联系电话", 1.25, "center"),
    Column("备注", 1.0),
)


def _month(day: dt.date | None) -> str | None:
    return f"{day.year}.{day.month:02d}" if day else None


def _remark(row: MemberRow, as_of: dt.date) -> str | None:
    notes = []
    if row.relation_status not in ("normal",):
        notes.append(RELATION_STATUS.zh(row.relation_status))
    if row.status == "probationary" and row.due_date and row.due_date < as_of:
        notes.append("预备期已满待转正")
    if row.probation_extension_months:
        notes.append(f"延长预备期{row.probation_extension_months}个月")
    if row.hardship:
        notes.append("困难党员")
    if row.center_household:
        notes.append("党员中心户")
    if row.note:
        notes.append(row.note)
    return "；".join(notes) or None


def roster_rows(rows: Iterable[MemberRow], as_of: dt.date,
                actor: Actor | None = None) -> Iterator[tuple[str | None, ...]]:
    today = dt.date.today()
    for index, row in enumerate(rows, start=1):
        shown = privacy.present(actor, row._asdict(), today=today)
        birth = shown["birth_date"]
        full_then = row.full_date is not None and row.full_date <= as_of
        work = "，".join(part for part in (row.work_unit, row.job) if part) or None
        yield (
            str(index),
            shown["name"],
            SEX.zh(row.sex) if row.sex else None,
            ETHNICITY.zh(row.ethnicity) if row.ethnicity else None,
            _month(birth if isinstance(birth, dt.date) else None),
            str(age_on(row.birth_date, as_of)) if row.birth_date else None,
            row.native_place,
            EDUCATION.zh(row.education) if row.education else None,
            _month(row.join_date),
            _month(row.full_date) if full_then else None,
            MEMBER_CATEGORY.zh(row.category),
            "正式" if full_then or (row.status == "full" and row.full_date is None) else "预备",
            row.party_post,
            work,
            shown["address"],
            shown["mobile"],
            _remark(row, as_of),
        )


def render_roster_ledger(db: Database, path: str | os.PathLike[str], *, unit: str,
                         org_id: str | None = None, org_name: str | None = None,
                         as_of: dt.date | None = None,
                         progress: Callable[[int, int], bool] | None = None,
                         actor: Actor | None = None) -> LedgerResult:
    """The members of ``org_id`` (and its sub-organisations) on ``as_of``, as ``actor``
    (default: an open folder's user) may see them."""
    day = as_of or dt.date.today()
    service = RosterService(db)
    query = MemberQuery(org_id=org_id, as_of=day if as_of else None)
    # counted first (the notes and the progress), then read a chunk at a time while
    # drawn: a roster of 20,000 is never held whole
    count = service.count_members(query)
    rows = service.iter_members(query)
    subtitle = f"（{org_name}，截至 {day.year}年{day.month}月{day.day}日）" if org_name else (
        f"（截至 {day.year}年{day.month}月{day.day}日）")
    ledger = TableLedger(
        title=TITLE,
        unit=unit,
        date=dt.date.today(),
        subtitle=subtitle,
        columns=COLUMNS,
        rows=roster_rows(rows, day, actor),
        signatures=("支部书记", "填表人"),
        notes=(f"共 {count} 名党员。联系电话、居住地址按个人信息保护要求部分隐去。",),
        row_count_hint=count,
    )
    return render_table_ledger(ledger, path, progress=progress)
