"""The ledgers of co-building (共驻共建): the three lists (需求清单, 资源清单, 服务清单,
A4 landscape), the 共驻共建单位一览表, the 派单单 for a unit (A4, with a reply slip
to return), the 双向评议表 per unit, the 双向评议结果公示, and the 街道派单台账 of the
orders communities sent up.

Residents appear masked (张*), phones masked; the 派单单 gives the unit the phone
only when the resident agreed (noted with the order). Paper is an official Chinese
form: titles and column heads are the printed wording.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence

from gridoffice.domain import cobuild, masking
from gridoffice.domain.access import Actor
from gridoffice.domain.code_table import zh_label
from gridoffice.domain.inservice import UNIT_TYPES
from gridoffice.i18n import catalog
from gridoffice.ledgers.engine import (
    INFO_SIZE,
    Column,
    LedgerResult,
    TableLedger,
    draw_form_rows,
    format_date,
    ledger_result,
    open_ledger,
    progress_check,
    render_table_ledger,
)
from gridoffice.services.cobuild import (
    GRADES,
    PROJECT_STATUSES,
    PROVIDERS,
    REVIEW_MEASURES,
    CobuildService,
    OrderQuery,
    OrderRow,
    grade_of,
)
from gridoffice.store.database import Database

NEEDS_TITLE = "居民需求清单"
RESOURCES_TITLE = "共驻共建资源清单"
SERVICES_TITLE = "共驻共建服务清单"
UNITS_TITLE = "共驻共建单位一览表"
WORK_ORDER_TITLE = "派单单"
REVIEW_TITLE = "共驻共建双向评议结果公示"
REVIEW_FORM_TITLE = "共驻共建双向评议表"
STREET_ORDERS_TITLE = "街道派单台账"

Progress = Callable[[int, int], bool] | None
SLIP = "- " * 14 + "沿此线剪下，办结后交回派单单位" + " -" * 14


def _service(db: Database, day: dt.date, actor: Actor | None) -> CobuildService:
    service = CobuildService(db, today=day)
    if actor is not None:
        service.actor = actor
    return service


def _date(day: dt.date | None) -> str | None:
    return f"{day.year}.{day.month:02d}.{day.day:02d}" if day else None


def _percent(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "—"


def state_text(row: OrderRow) -> str:
    """The state as printed, "（逾期）" after an overdue one."""
    text = cobuild.STATES.zh(row.state)
    return f"{text}（逾期）" if row.overdue else text


def _rating(row: OrderRow) -> str | None:
    return f"{row.rating} 分" if row.rating is not None else None


def _summary(rows: Sequence[OrderRow]) -> str:
    taken = [r for r in rows if r.accepted_on is not None]
    done = sum(1 for r in taken if r.state in cobuild.COMPLETED)
    overdue = sum(1 for r in rows if r.overdue)
    return (f"共 {len(rows)} 个订单，受理 {len(taken)} 个，办结 {done} 个，"
            f"办结率（办结/受理）{_percent(done, len(taken))}；逾期未办结 {overdue} 个。")


# --------------------------------------------------------------------------
# 需求清单
# --------------------------------------------------------------------------

NEEDS_COLUMNS = (
    Column("序号", 0.45, "center"), Column("编号", 0.85, "center"),
    Column("登记日期", 0.85, "center"), Column("居民", 0.6, "center"),
    Column("网格", 0.8), Column("类别", 0.85), Column("紧急程度", 0.6, "center"),
    Column("诉求内容", 2.4), Column("来源", 0.8), Column("承办", 1.2),
    Column("办结期限", 0.85, "center"), Column("状态", 0.95), Column("评价", 0.5, "center"),
)


def needs_rows(rows: Sequence[OrderRow]) -> list[tuple[str | None, ...]]:
    return [(str(i), r.code, _date(r.raised_on), masking.mask_name_public(r.person) or None,
             r.grid_name or None, cobuild.CATEGORIES.zh(r.category),
             cobuild.URGENCIES.zh(r.urgency), r.description, cobuild.SOURCES.zh(r.source),
             r.assignee_name or None, _date(r.deadline), state_text(r), _rating(r))
            for i, r in enumerate(sorted(rows, key=lambda r: (r.raised_on, r.code)), 1)]


def render_needs(db: Database, path: str | os.PathLike[str], *, unit: str, year: int,
                 progress: Progress = None, today: dt.date | None = None,
                 actor: Actor | None = None) -> LedgerResult:
    """需求清单 of ``year``: every order recorded in it, with where it stands."""
    day = today or dt.date.today()
    rows = _service(db, day, actor).orders(OrderQuery(year=year))
    return render_table_ledger(TableLedger(
        title=f"{year}年{NEEDS_TITLE}", unit=unit, date=day, columns=NEEDS_COLUMNS,
        rows=needs_rows(rows), signatures=("负责人", "填表人"), notes=(_summary(rows),),
        row_count_hint=len(rows), landscape=True), path, progress=progress)


# --------------------------------------------------------------------------
# 资源清单, 服务清单, 单位一览表
# --------------------------------------------------------------------------

RESOURCES_COLUMNS = (
    Column("序号", 0.45, "center"), Column("提供方", 1.5), Column("提供方类型", 0.9),
    Column("类别", 0.9), Column("资源内容", 1.8), Column("数量/能力", 0.9),
    Column("服务时间", 1.2), Column("联系人", 0.7, "center"), Column("联系电话", 1.0, "center"),
    Column("网格", 0.8), Column("有效期", 1.3, "center"),
)


def _span(start: dt.date | None, end: dt.date | None) -> str | None:
    if start is None and end is None:
        return None
    return f"{_date(start) or ''}–{_date(end) or ''}"


def render_resources(db: Database, path: str | os.PathLike[str], *, unit: str,
                     progress: Progress = None, today: dt.date | None = None,
                     actor: Actor | None = None) -> LedgerResult:
    """资源清单: what the units, members, organisations and volunteers offer now."""
    day = today or dt.date.today()
    rows = [r for r in _service(db, day, actor).resources() if r.current(day)]
    table = [(str(i), r.provider_name, PROVIDERS.zh(r.provider_kind),
              cobuild.CATEGORIES.zh(r.category),
              f"{r.title}：{r.detail}" if r.detail else r.title, r.capacity, r.available,
              r.contact, r.phone or None, r.grid_name or None, _span(r.from_date, r.to_date))
             for i, r in enumerate(rows, 1)]
    return render_table_ledger(TableLedger(
        title=RESOURCES_TITLE, unit=unit, date=day, columns=RESOURCES_COLUMNS, rows=table,
        signatures=("负责人", "填表人"), notes=(f"共 {len(rows)} 项资源。",),
        row_count_hint=len(rows), landscape=True), path, progress=progress)


SERVICES_COLUMNS = (
    Column("序号", 0.45, "center"), Column("项目名称", 1.4), Column("类别", 0.85),
    Column("服务内容", 1.9), Column("服务标准", 1.7), Column("责任单位", 1.3),
    Column("责任人", 0.65, "center"), Column("起止日期", 1.4, "center"),
    Column("状态", 0.6, "center"), Column("对应订单", 0.6, "center"),
)


def render_services(db: Database, path: str | os.PathLike[str], *, unit: str,
                    progress: Progress = None, today: dt.date | None = None,
                    actor: Actor | None = None) -> LedgerResult:
    """服务清单: the services and projects, whatever their state."""
    day = today or dt.date.today()
    rows = _service(db, day, actor).projects()
    table = [(str(i), r.name, cobuild.CATEGORIES.zh(r.category), r.content or None,
              r.standard or None, r.unit_name or None, r.responsible,
              _span(r.start_date, r.end_date), PROJECT_STATUSES.zh(r.status), str(r.orders))
             for i, r in enumerate(rows, 1)]
    running = sum(1 for r in rows if r.status == "running")
    return render_table_ledger(TableLedger(
        title=SERVICES_TITLE, unit=unit, date=day, columns=SERVICES_COLUMNS, rows=table,
        signatures=("负责人", "填表人"),
        notes=(f"共 {len(rows)} 个服务项目，其中进行中 {running} 个。",),
        row_count_hint=len(rows), landscape=True), path, progress=progress)


UNITS_COLUMNS = (
    Column("序号", 0.45, "center"), Column("单位名称", 1.6), Column("单位性质", 1.0),
    Column("单位党组织", 1.8), Column("联系人", 0.7, "center"), Column("联系电话", 1.0, "center"),
    Column("共建协议", 1.5, "center"), Column("兼职委员", 0.8, "center"),
    Column("在职党员", 0.6, "center"), Column("资源", 0.5, "center"),
    Column("承接订单", 0.6, "center"), Column("办结", 0.5, "center"),
)


def render_units(db: Database, path: str | os.PathLike[str], *, unit: str,
                 progress: Progress = None, today: dt.date | None = None,
                 actor: Actor | None = None) -> LedgerResult:
    """共驻共建单位一览表: every unit of the area with its agreement and its work."""
    day = today or dt.date.today()
    rows = _service(db, day, actor).units()
    table = []
    for i, r in enumerate(rows, 1):
        agreement = (f"{_date(r.agreement_signed)}签订" + (
            f"，至{_date(r.agreement_until)}" if r.agreement_until else "")
            if r.agreement_signed else "未签订")
        if r.agreement_signed and not r.agreement_current(day):
            agreement += "（已到期）"
        table.append((str(i), r.name, zh_label(UNIT_TYPES, r.unit_type), r.party_org,
                      r.contact, r.phone or None, agreement, "、".join(r.part_time) or None,
                      str(r.members), str(r.resources), str(r.orders), str(r.completed)))
    signed = sum(1 for r in rows if r.agreement_current(day))
    return render_table_ledger(TableLedger(
        title=UNITS_TITLE, unit=unit, date=day, columns=UNITS_COLUMNS, rows=table,
        signatures=("负责人", "填表人"),
        notes=(f"共 {len(rows)} 个驻区单位，其中共建协议在有效期内 {signed} 个。",),
        row_count_hint=len(rows), landscape=True), path, progress=progress)


# --------------------------------------------------------------------------
# 派单单 (one page per order, with a reply slip)
# --------------------------------------------------------------------------

#: the states of an order in someone's hands (a returned one is not: it goes back)
GIVEN_OUT = frozenset({cobuild.COMMUNITY, cobuild.DISPATCHED, cobuild.CLAIMED,
                       cobuild.IN_PROGRESS})


def _work_orders(service: CobuildService, order_id: str | None) -> list[OrderRow]:
    """The order ``order_id``, or every order this office gave out (the community: to
    its own resources; the street: dispatched) that is not finished."""
    if order_id:
        return [service.order(order_id).row]
    office = "street" if service.is_street() else "community"
    return [row for row in service.orders(OrderQuery(state="open"))
            if row.state in GIVEN_OUT and row.handed_by == office]


def render_work_orders(db: Database, path: str | os.PathLike[str], *, unit: str,
                       order_id: str | None = None, progress: Progress = None,
                       today: dt.date | None = None,
                       actor: Actor | None = None) -> LedgerResult:
    """派单单 for the unit or department an order was given to: what, where, whom to
    contact, the deadline, and a reply slip to fill in and return. ``order_id``: one
    order; otherwise every order given out and not finished. ``rows``: the orders."""
    day = today or dt.date.today()
    service = _service(db, day, actor)
    rows = _work_orders(service, order_id)
    check = progress_check(progress, len(rows))
    check(0)
    with open_ledger(path, title=WORK_ORDER_TITLE, subject=unit) as writer:
        for done, row in enumerate(rows, 1):
            if done > 1:
                writer.new_page()
            place, phone = service.contact_for_unit(row.id)
            writer.draw_heading(WORK_ORDER_TITLE, subtitle=f"编号 {row.code}", unit=unit,
                                date=day)
            draw_form_rows(writer, [
                ("承办单位", row.assignee_name),
                ("派单日期", format_date(row.handed_on) if row.handed_on else None,
                 "办结期限", format_date(row.deadline) if row.deadline else None),
                ("诉求类别", cobuild.CATEGORIES.zh(row.category),
                 "紧急程度", cobuild.URGENCIES.zh(row.urgency)),
                ("诉求内容", row.description),
                ("地点", place or row.grid_name or None),
                ("联系人", masking.mask_name_public(row.person) or None, "联系电话",
                 phone or "居民未同意提供，请与派单单位联系"),
                ("诉求来源", cobuild.SOURCES.zh(row.source),
                 "登记日期", format_date(row.raised_on)),
            ])
            writer.draw_signatures(("派单人",), space_before=INFO_SIZE)
            writer.draw_paragraph(SLIP, INFO_SIZE, space_before=INFO_SIZE * 2)
            writer.draw_paragraph(f"回　执（编号 {row.code}，{row.assignee_name}）", INFO_SIZE,
                                  space_before=INFO_SIZE)
            draw_form_rows(writer, [
                ("领单时间", None, "办结时间", None),
                ("办理情况", None),
                ("办理结果", None),
                ("居民意见", None),
            ], row_height=34.0, blank=True)
            writer.draw_signatures(("承办人签字", "单位盖章"), space_before=INFO_SIZE)
            check(done)
        if not rows:
            writer.draw_heading(WORK_ORDER_TITLE, unit=unit, date=day)
            writer.draw_paragraph("没有已派出且未办结的订单。", INFO_SIZE)
    return ledger_result(path, writer, len(rows))


# --------------------------------------------------------------------------
# 双向评议
# --------------------------------------------------------------------------

REVIEW_COLUMNS = (
    Column("排名", 0.45, "center"), Column("单位名称", 1.7), Column("单位性质", 1.0),
    *(Column(label, 0.75, "center") for label in ("协议履行", "党员服务", "领单办结",
                                                   "居民满意")),
    Column("社区评单位", 0.8, "center"), Column("等次", 0.55, "center"),
    Column("单位评社区", 0.8, "center"), Column("等次", 0.55, "center"),
)


def _grade(total: int | None) -> str | None:
    return GRADES.zh(grade_of(total)) if total is not None else None


def render_review(db: Database, path: str | os.PathLike[str], *, unit: str, year: int,
                  progress: Progress = None, today: dt.date | None = None,
                  actor: Actor | None = None) -> LedgerResult:
    """双向评议结果公示 of ``year``: each unit's scores both ways, ranked."""
    day = today or dt.date.today()
    rows = _service(db, day, actor).review_results(year)
    table = [(str(r.rank) if r.rank else None, r.unit_name, zh_label(UNIT_TYPES, r.unit_type),
              *((str(v) for v in r.of_unit) if r.of_unit else (None,) * 4),
              str(r.unit_total) if r.unit_total is not None else None, _grade(r.unit_total),
              str(r.community_total) if r.community_total is not None else None,
              _grade(r.community_total)) for r in rows]
    rated = [r.community_total for r in rows if r.community_total is not None]
    notes = [f"评议满分 100 分（四项各 25 分）；90 分以上为优秀，75 分以上为良好，60 分以上为一般，"
             f"60 分以下为较差。共评议 {sum(1 for r in rows if r.of_unit)} 个单位。"]
    if rated:
        notes.append(f"各单位对社区的平均评分 {sum(rated) / len(rated):.1f} 分。")
    notes.append("公示期 7 天，如有异议请向社区党组织反映。")
    return render_table_ledger(TableLedger(
        title=f"{year}年{REVIEW_TITLE}", unit=unit, date=day, columns=REVIEW_COLUMNS,
        rows=table, signatures=("社区党组织（盖章）",), notes=tuple(notes),
        row_count_hint=len(rows), landscape=True), path, progress=progress)


def render_review_forms(db: Database, path: str | os.PathLike[str], *, unit: str, year: int,
                        progress: Progress = None, today: dt.date | None = None,
                        actor: Actor | None = None) -> LedgerResult:
    """双向评议表, one page per unit: the year's records the community's scores rest
    on, the community's scores, and the unit's rating of the community to fill in
    and return."""
    day = today or dt.date.today()
    bases = _service(db, day, actor).review_basis(year)
    check = progress_check(progress, len(bases))
    check(0)
    with open_ledger(path, title=REVIEW_FORM_TITLE, subject=unit) as writer:
        for done, basis in enumerate(bases, 1):
            if done > 1:
                writer.new_page()
            writer.draw_heading(f"{year}年{REVIEW_FORM_TITLE}", subtitle=basis.unit_name,
                                unit=unit, date=day)
            rating = f"{basis.rating:.1f} 分" if basis.rating is not None else "无评价"
            writer.draw_paragraph(
                f"一、本年度记录：共建协议{'在有效期内' if basis.agreement else '未签订或已到期'}；"
                f"在职党员 {basis.members} 人，人均积分 {basis.points:g} 分；承接订单 "
                f"{basis.orders} 个，办结 {basis.completed} 个；居民评价平均 {rating}。",
                INFO_SIZE, space_before=INFO_SIZE)
            writer.draw_paragraph("二、社区对单位评议（每项 25 分）", INFO_SIZE,
                                  space_before=INFO_SIZE)
            measures = [cobuild_zh(label) for label in REVIEW_MEASURES["of_unit"]]
            draw_form_rows(writer, [(measures[0], None, measures[1], None),
                                    (measures[2], None, measures[3], None),
                                    ("评议意见", None)], blank=True)
            writer.draw_paragraph("三、单位对社区评议（由单位填写后交回社区，每项 25 分）",
                                  INFO_SIZE, space_before=INFO_SIZE * 1.5)
            measures = [cobuild_zh(label) for label in REVIEW_MEASURES["of_community"]]
            draw_form_rows(writer, [(measures[0], None, measures[1], None),
                                    (measures[2], None, measures[3], None),
                                    ("意见建议", None)], row_height=34.0, blank=True)
            writer.draw_signatures(("单位党组织负责人", "单位盖章"), space_before=INFO_SIZE)
            check(done)
        if not bases:
            writer.draw_heading(f"{year}年{REVIEW_FORM_TITLE}", unit=unit, date=day)
            writer.draw_paragraph("没有驻区单位。", INFO_SIZE)
    return ledger_result(path, writer, len(bases))


def cobuild_zh(label: str) -> str:
    """A review measure's printed name."""
    return catalog("zh_CN").translate("codes", label)


# --------------------------------------------------------------------------
# 街道派单台账
# --------------------------------------------------------------------------

STREET_COLUMNS = (
    Column("序号", 0.45, "center"), Column("社区", 1.0), Column("编号", 0.85, "center"),
    Column("上报日期", 0.85, "center"), Column("类别", 0.85), Column("紧急程度", 0.6, "center"),
    Column("诉求内容", 2.3), Column("派至", 1.2), Column("派单日期", 0.85, "center"),
    Column("办结期限", 0.85, "center"), Column("状态", 0.95), Column("办结日期", 0.85, "center"),
    Column("评价", 0.5, "center"),
)


def render_street_orders(db: Database, path: str | os.PathLike[str], *, unit: str, year: int,
                         progress: Progress = None, today: dt.date | None = None,
                         actor: Actor | None = None) -> LedgerResult:
    """街道派单台账 of ``year``: every order a community sent up (at the street, of
    all its communities), where it was dispatched and where it stands."""
    day = today or dt.date.today()
    service = _service(db, day, actor)
    names = service.office_names()
    rows = [r for r in service.orders(OrderQuery(sent_up=True))
            if r.accepted_on and r.accepted_on.year == year]
    rows.sort(key=lambda r: (names.get(r.origin_office, ""), r.accepted_on, r.code))
    table = []
    for i, r in enumerate(rows, 1):
        dispatched = r.handed_on if r.handed_by == "street" else None
        table.append((str(i), names.get(r.origin_office, ""), r.code, _date(r.accepted_on),
                      cobuild.CATEGORIES.zh(r.category), cobuild.URGENCIES.zh(r.urgency),
                      r.description, r.assignee_name or None,
                      _date(dispatched), _date(r.deadline),
                      state_text(r), _date(r.done_on), _rating(r)))
    return render_table_ledger(TableLedger(
        title=f"{year}年{STREET_ORDERS_TITLE}", unit=unit, date=day, columns=STREET_COLUMNS,
        rows=table, signatures=("负责人", "填表人"), notes=(_summary(rows),),
        row_count_hint=len(rows), landscape=True), path, progress=progress)
