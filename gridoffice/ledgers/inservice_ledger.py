"""In-service members' ledgers (在职党员到社区报到, DOMAIN.md "Paper ledgers" items 4
and 5): the 报到登记表 (one page per person), the 报到一览表, the 服务记录卡, the
积分公示表 (whole community or one work unit, 双向公示), the 反馈函 to each work
unit (双报告), the QR 报到卡 and the QR posters of the service posts.

Everything personal comes masked from :class:`InServiceService` (ID number,
mobile, address to building/unit, birth as month). The public notice and the
letters print names, units, posts, hours and points only: no number of a person
is read for them. Code labels come from the ``zh_CN`` catalogue; until a label
is translated there, the official Chinese wording below is printed, so that
paper never shows English.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from reportlab.lib.units import mm

from gridoffice.domain import codes, privacy
from gridoffice.domain import inservice as rules
from gridoffice.domain.access import Actor
from gridoffice.domain.codes import zh_label
from gridoffice.errors import UserError
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.ledgers.engine import (
    EMPTY_CELL,
    INFO_SIZE,
    TITLE_SIZE,
    Column,
    LedgerResult,
    PageWriter,
    TableDrawer,
    TableLedger,
    draw_form_rows,
    draw_qr,
    format_date,
    ledger_result,
    open_ledger,
    progress_check,
    render_table_ledger,
)
from gridoffice.paths import storage_error
from gridoffice.services.households import HouseholdService
from gridoffice.services.inservice import (
    MSG_UNKNOWN_CODE,
    InServiceService,
    PointsRow,
    PostRow,
    RecordRow,
    RegistrationQuery,
    RegistrationRow,
    UnitSummary,
    parse_period_or_fail,
)
from gridoffice.store.database import Database

__all__ = [
    "CARD_TITLE",
    "FORM_TITLE",
    "LETTER_TITLE",
    "POINTS_COLUMNS",
    "POINTS_TITLE",
    "POSTER_TITLE",
    "REGISTER_COLUMNS",
    "REGISTER_TITLE",
    "SERVICE_CARD_TITLE",
    "find_registration",
    "find_work_unit",
    "notice_window",
    "period_label",
    "post_payload",
    "poster_qr_text",
    "render_checkin_cards",
    "render_checkin_forms",
    "render_checkin_register",
    "render_points_notice",
    "render_post_posters",
    "render_service_cards",
    "render_unit_letter",
    "render_unit_letters",
    "safe_file_name",
    "zh_label",
]

FORM_TITLE = "在职党员到社区报到登记表"
REGISTER_TITLE = "在职党员到社区报到一览表"
SERVICE_CARD_TITLE = "在职党员服务记录卡"
POINTS_TITLE = "在职党员积分公示表"
LETTER_TITLE = "在职党员到社区报到履职情况反馈函"
CARD_TITLE = "在职党员报到卡"
POSTER_TITLE = "在职党员服务岗位"

MSG_NO_SUCH_UNIT = QT_TRANSLATE_NOOP("errors", "Work unit: there is no work unit called {name}.")

_PARTY_STATUS = {"full": "正式党员", "probationary": "预备党员"}

REGISTER_COLUMNS = (
    Column("序号", 0.45, "center"),
    Column("编号", 0.75, "center"),
    Column("姓名", 0.95, "center"),
    Column("性别", 0.45, "center"),
    Column("工作单位", 1.5),
    Column("单位性质", 0.9, "center"),
    Column("职务", 0.9, "center"),
    Column("联系电话", 1.1, "center"),
    Column("所在网格", 1.15, "center"),
    Column("报到日期", 0.95, "center"),
    Column("审核状态", 0.75, "center"),
    Column("认领岗位", 1.5),
    Column("备注", 1.0),
)
_RECORD_COLUMNS = (
    Column("序号", 0.45, "center"),
    Column("日期", 1.0, "center"),
    Column("服务内容", 3.2),
    Column("时长（小时）", 1.0, "center"),
    Column("确认人", 0.9, "center"),
    Column("积分", 0.6, "center"),
)
POINTS_COLUMNS = (
    Column("序号", 0.45, "center"),
    Column("姓名", 0.85, "center"),
    Column("工作单位", 1.7),
    Column("网格", 1.15, "center"),
    Column("认领岗位", 1.6),
    Column("活动次数", 0.7, "center"),
    Column("服务时长", 0.75, "center"),
    Column("本期积分", 0.7, "center"),
    Column("累计积分", 0.7, "center"),
    Column("等次", 0.6, "center"),
    Column("备注", 1.0),
)
_LETTER_COLUMNS = (
    Column("序号", 0.45, "center"),
    Column("姓名", 0.9, "center"),
    Column("认领岗位", 1.7),
    Column("活动次数", 0.75, "center"),
    Column("服务时长（小时）", 1.2, "center"),
    Column("本期积分", 0.75, "center"),
    Column("年度累计积分", 1.05, "center"),
    Column("等次", 0.65, "center"),
)

# 报到卡: 2 × 4 cards on A4 portrait.
CARDS_ACROSS, CARDS_DOWN = 2, 4
_CARD_GAP = 5 * mm
_QR_PREFIX = "GRIDOFFICE:POST:"


# --------------------------------------------------------------------------
# Labels and small helpers
# --------------------------------------------------------------------------



def period_label(period: rules.Period) -> str:
    """``2026年第三季度``, ``2026年上半年``, ``2026年7月``, ``2026年度``."""
    text = period.text
    if "Q" in text:
        return f"{period.year}年第{'一二三四'[int(text[-1]) - 1]}季度"
    if "H" in text:
        return f"{period.year}年{'上' if text.endswith('1') else '下'}半年"
    if "-" in text:
        return f"{period.year}年{period.start.month}月"
    return f"{period.year}年度"


def _period(period: rules.Period | str) -> rules.Period:
    return parse_period_or_fail(period) if isinstance(period, str) else period


def _hours(value: float) -> str:
    """2.0 -> ``2``, 2.5 -> ``2.5``, 2.25 -> ``2.25``."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _short_date(day: dt.date | None) -> str | None:
    return f"{day.year}.{day.month:02d}.{day.day:02d}" if day else None


def post_payload(post_id: str) -> str:
    """The machine line of a post poster's QR code: ``GRIDOFFICE:POST:<post id>``."""
    return f"{_QR_PREFIX}{post_id}"


#: How a member checks in at a post, as the check-in window works: the member's
#: own card (or card code, or the last four digits of the phone), confirmed by
#: the staff member on duty. Printed on the poster and held in its QR code.
POSTER_HOW_TO = ("到岗签到：请在社区“网格通”签到处出示本人报到卡扫码，或报报到编号、"
                 "手机号后四位，由值班工作人员确认。认领本岗位请联系社区党组织。")


def poster_qr_text(post: PostRow, *, unit: str, grid: str | None) -> str:
    """What a post poster's QR code holds: lines a phone shows as they are (the
    community, the post, what to do), then the machine line :func:`post_payload`."""
    category = zh_label(rules.POST_CATEGORIES, post.category)
    lines = [f"{unit}在职党员服务岗位", f"岗位：{post.name}"]
    if category:
        lines.append(f"类别：{category}")
    if grid:
        lines.append(f"服务网格：{grid}")
    lines += [POSTER_HOW_TO, post_payload(post.id)]
    return "\n".join(lines)


def notice_window(start: dt.date, working_days: int) -> tuple[dt.date, dt.date]:
    """First and last day of a notice of ``working_days`` working days from ``start``
    (from the next Monday when ``start`` falls on a weekend). Weekends only: the
    official holidays differ from year to year and are not known here."""
    day = start
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    first, left = day, max(1, working_days) - 1
    while left:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            left -= 1
    return first, day


_UNSAFE = re.compile(r'[\x00-\x1f<>:"/\\|?*\x7f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
             *(f"LPT{i}" for i in range(1, 10))}


def safe_file_name(name: str, fallback: str = "单位") -> str:
    """``name`` as a file name on Windows and Linux: no separators or reserved
    characters, no trailing dots or spaces, not a device name, at most 80 characters."""
    text = _UNSAFE.sub("_", " ".join(name.split()))[:80].strip(" .")
    if not text:
        return fallback
    if text.split(".")[0].upper() in _RESERVED:
        text = "_" + text
    return text




def _grid_names(db: Database) -> dict[str, str]:
    return {g.id: g.name for g in HouseholdService(db).list_grids()}


def _posts_of(service: InServiceService) -> dict[str, list[str]]:
    """Each registration's posts: claimed ones, then applications marked 申请中."""
    out: dict[str, list[str]] = {}
    claims = sorted(service.claims(), key=lambda c: c.post)  # as the points rows list them
    for claim in claims:
        if claim.status == rules.CLAIMED:
            out.setdefault(claim.registration_id, []).append(claim.post)
    for claim in claims:
        if claim.status == rules.APPLYING:
            status = zh_label(rules.CLAIM_STATUS, claim.status)
            out.setdefault(claim.registration_id, []).append(f"{claim.post}（{status}）")
    return out


# --------------------------------------------------------------------------
# Look-ups (for the command line)
# --------------------------------------------------------------------------


def find_registration(db: Database, code: str) -> str:
    """The id of the registration with card code ``code`` (ZB0001, also typed
    full-width or in lower case); UserError when there is none."""
    wanted = rules.normalise_scan(code)
    for row in InServiceService(db).registrations(RegistrationQuery(include_left=True)):
        if row.code == wanted:
            return row.id
    raise UserError(MSG_UNKNOWN_CODE, code=code.strip())


def find_work_unit(db: Database, name: str) -> str:
    """The id of the work unit called ``name``; UserError when there is none."""
    found = InServiceService(db).find_work_unit(name)
    if found is None:
        raise UserError(MSG_NO_SUCH_UNIT, name=" ".join(name.split()))
    return found


# --------------------------------------------------------------------------
# 报到登记表 (one page per person)
# --------------------------------------------------------------------------


def _review_text(row: RegistrationRow) -> str | None:
    status = zh_label(rules.REVIEW_STATUS, row.review_status)
    if row.review_status == rules.RETURNED and row.review_reason:
        return f"{status}（{row.review_reason}）"
    return status


_PERSONAL = ("name", "birth", "id_number", "mobile", "home_address")


def _shown(row: RegistrationRow, actor: Actor | None) -> RegistrationRow:
    """``row`` as ``actor`` may see it (the one masking policy)."""
    values = {key: getattr(row, key) for key in _PERSONAL}
    shown = privacy.present(actor, values)
    return dataclasses.replace(row, **{key: shown[key] or ("" if key != "home_address"
                                                           else None)
                                       for key in _PERSONAL})


def _draw_form(writer: PageWriter, row: RegistrationRow, *, unit: str, today: dt.date,
               party_org: str | None, grid: str | None, posts: Sequence[str]) -> None:
    writer.draw_heading(FORM_TITLE, unit=unit, date=today)
    wished = "、".join(filter(None, (zh_label(rules.POST_CATEGORIES, c)
                                     for c in row.wished_categories)))
    draw_form_rows(writer, [
        ("姓名", row.name, "性别", zh_label(codes.SEX, row.sex)),
        # 1958.03, as the other ledgers print a month
        ("出生年月", row.birth.replace("-", ".") or None, "政治面貌",
         _PARTY_STATUS.get(row.party_status)),
        ("身份证号", row.id_number or None, "联系电话", row.mobile or None),
        ("居住地址", row.home_address),
        ("所在网格", grid, "报到编号", row.code),
        ("工作单位", row.work_unit),
        ("单位性质", zh_label(rules.UNIT_TYPES, row.unit_type), "职务", row.job),
        ("单位党组织", party_org),
        ("报到类型", zh_label(rules.REPORT_TYPES, row.report_type),
         "报到日期", format_date(row.report_date)),
        ("特长", row.skills or None),
        ("意向岗位", wished or None),
        ("审核状态", _review_text(row)),
        ("认领岗位", "、".join(posts) or None),
    ], keep_with=writer.signatures_height(("本人签字",), space_before=INFO_SIZE * 1.5))
    writer.draw_signatures(("本人签字",), space_before=INFO_SIZE * 1.5)
    opinion = "社区党组织审核意见："
    # The opinion, its room and the reviewer's signature stay together.
    writer.ensure_space(writer.paragraph_height(opinion, INFO_SIZE, space_before=INFO_SIZE)
                        + INFO_SIZE * 4
                        + writer.signatures_height(("审核人", "盖章"), space_before=0.0))
    writer.draw_paragraph(opinion, INFO_SIZE, space_before=INFO_SIZE)
    writer.y -= INFO_SIZE * 4  # room for the written opinion
    writer.draw_signatures(("审核人", "盖章"), space_before=0.0)


def render_checkin_forms(db: Database, path: str | os.PathLike[str], *, unit: str,
                         registration_id: str | None = None,
                         progress: Callable[[int, int], bool] | None = None,
                         today: dt.date | None = None,
                         actor: Actor | None = None) -> LedgerResult:
    """在职党员报到登记表 (A4 portrait), one page per person: the registration
    ``registration_id`` (whatever its review status), or every approved member
    still serving. ``LedgerResult.rows`` is the number of people."""
    day = today or dt.date.today()
    service = InServiceService(db, today=day)
    if registration_id:
        rows = [service.registration(registration_id)]
    else:
        rows = service.registrations(RegistrationQuery(review_status=rules.APPROVED))
    orgs = {u.id: u.party_org for u in service.work_units()}
    grids = _grid_names(db)
    posts = _posts_of(service)
    check = progress_check(progress, len(rows))
    check(0)
    with open_ledger(path, title=FORM_TITLE, subject=unit) as writer:
        for done, row in enumerate(rows, start=1):
            if done > 1:
                writer.new_page()
            _draw_form(writer, _shown(row, actor), unit=unit, today=day,
                       party_org=orgs.get(row.work_unit_id),
                       grid=grids.get(row.grid_id or ""), posts=posts.get(row.id, ()))
            check(done)
        if not rows:
            writer.draw_heading(FORM_TITLE, unit=unit, date=day)
            writer.draw_paragraph("无已通过审核的报到党员。", INFO_SIZE)
    return ledger_result(path, writer, len(rows))


# --------------------------------------------------------------------------
# 报到一览表
# --------------------------------------------------------------------------


def register_rows(rows: Sequence[RegistrationRow], grids: dict[str, str],
                  posts: dict[str, list[str]],
                  actor: Actor | None = None) -> list[tuple[str | None, ...]]:
    """The rows of the 一览表, as ``actor`` may see them."""
    out: list[tuple[str | None, ...]] = []
    for index, row in enumerate((_shown(r, actor) for r in rows), start=1):
        note = []
        if row.left_on:
            note.append(f"{_short_date(row.left_on)}退出")
        if row.review_status == rules.RETURNED and row.review_reason:
            note.append(row.review_reason)
        out.append((
            str(index), row.code, row.name, zh_label(codes.SEX, row.sex), row.work_unit,
            zh_label(rules.UNIT_TYPES, row.unit_type), row.job, row.mobile or None,
            grids.get(row.grid_id or ""), _short_date(row.report_date),
            zh_label(rules.REVIEW_STATUS, row.review_status),
            "、".join(posts.get(row.id, ())) or None, "；".join(note) or None,
        ))
    return out


def render_checkin_register(db: Database, path: str | os.PathLike[str], *, unit: str,
                            progress: Callable[[int, int], bool] | None = None,
                            today: dt.date | None = None,
                            actor: Actor | None = None) -> LedgerResult:
    """在职党员报到一览表 (A4 landscape, 13 columns): every registration of a member
    still serving, whatever its review status, in card-code order."""
    day = today or dt.date.today()
    service = InServiceService(db, today=day)
    rows = service.registrations()
    approved = sum(1 for r in rows if r.review_status == rules.APPROVED)
    ledger = TableLedger(
        title=REGISTER_TITLE, unit=unit, date=day, columns=REGISTER_COLUMNS,
        rows=register_rows(rows, _grid_names(db), _posts_of(service), actor),
        signatures=("负责人", "填表人"),
        notes=(f"共 {len(rows)} 人，其中已通过审核 {approved} 人。",),
        row_count_hint=len(rows),
    )
    return render_table_ledger(ledger, path, progress=progress)


# --------------------------------------------------------------------------
# 服务记录卡 (one per person)
# --------------------------------------------------------------------------


def _record_content(record: RecordRow) -> str:
    if record.activity and record.content and record.activity != record.content:
        return f"{record.activity}：{record.content}"
    return record.content or record.activity


def _draw_service_card(writer: PageWriter, row: RegistrationRow, records: Sequence[RecordRow],
                       *, unit: str, today: dt.date, period: rules.Period | None) -> None:
    subtitle = f"（{period_label(period)}）" if period else None
    writer.draw_heading(SERVICE_CARD_TITLE, subtitle=subtitle, unit=unit, date=today)
    draw_form_rows(writer, [
        ("姓名", row.name, "报到编号", row.code),
        ("工作单位", row.work_unit),
    ])
    writer.y -= 6
    table = TableDrawer(writer, _RECORD_COLUMNS)
    for index, record in enumerate(records, start=1):
        table.add_row((str(index), _short_date(record.on_date), _record_content(record),
                       _hours(record.hours), record.confirmed_by, str(record.points)))
    if not records:
        table.add_row(())
    hours = sum(r.hours for r in records)
    points = sum(r.points for r in records)
    table.add_row(("合计", f"{len(records)} 次", None, _hours(hours), None, str(points)))
    total = (f"合计服务 {len(records)} 次，服务时长 {_hours(hours)} 小时，服务积分 {points} 分"
             "（报到、微心愿、表彰等积分另计）。")
    signatures = ("本人签字", "社区确认人")
    table.finish(keep_with=writer.paragraph_height(total, INFO_SIZE, space_before=6.0)
                 + writer.signatures_height(signatures))
    writer.draw_paragraph(total, INFO_SIZE, space_before=6.0)
    writer.draw_signatures(signatures)


def render_service_cards(db: Database, path: str | os.PathLike[str], *, unit: str,
                         period: rules.Period | str | None = None,
                         registration_id: str | None = None,
                         progress: Callable[[int, int], bool] | None = None,
                         today: dt.date | None = None) -> LedgerResult:
    """服务记录卡 (A4 portrait), one card per person starting on a new page: the
    service records (date, content, hours, confirmer, points) of ``period`` (or
    of all time), with totals. For ``registration_id`` or every approved member
    still serving, plus members who left but served in the period.
    ``LedgerResult.rows`` is the number of cards."""
    day = today or dt.date.today()
    span = _period(period) if period is not None else None
    service = InServiceService(db, today=day)
    records: dict[str, list[RecordRow]] = {}
    for record in service.records(registration_id=registration_id, period=span):
        records.setdefault(record.registration_id, []).append(record)
    if registration_id:
        people = [service.registration(registration_id)]
    else:
        people = [r for r in service.registrations(RegistrationQuery(
            review_status=rules.APPROVED, include_left=True))
            if not r.left_on or r.id in records]
    check = progress_check(progress, len(people))
    check(0)
    with open_ledger(path, title=SERVICE_CARD_TITLE, subject=unit) as writer:
        for done, row in enumerate(people, start=1):
            if done > 1:
                writer.new_page()
            _draw_service_card(writer, row, records.get(row.id, []), unit=unit, today=day,
                               period=span)
            check(done)
        if not people:
            writer.draw_heading(SERVICE_CARD_TITLE, unit=unit, date=day)
            writer.draw_paragraph("无已通过审核的报到党员。", INFO_SIZE)
    return ledger_result(path, writer, len(people))


# --------------------------------------------------------------------------
# 积分公示表
# --------------------------------------------------------------------------


def points_rows(rows: Sequence[PointsRow], grids: dict[str, str]
                ) -> list[tuple[str | None, ...]]:
    """The rows of the public notice: name, unit, grid, posts, counts and points;
    no number of a person."""
    return [(str(index), row.name, row.work_unit, grids.get(row.grid_id or ""),
             "、".join(row.posts) or None, str(row.activities), _hours(row.hours),
             str(row.period_points), str(row.year_points), zh_label(rules.GRADES, row.grade),
             None)
            for index, row in enumerate(rows, start=1)]


def render_points_notice(db: Database, path: str | os.PathLike[str], *, unit: str,
                         period: rules.Period | str, work_unit_id: str | None = None,
                         progress: Callable[[int, int], bool] | None = None,
                         today: dt.date | None = None) -> LedgerResult:
    """积分公示表 (A4 landscape) of ``period``: every approved member, or only the
    members of ``work_unit_id`` (the sheet sent to the unit, 双向公示). Full names
    (a public notice of service), units and points; never an ID number or phone.
    The notice runs ``notice_days`` working days from ``today``; the supervision
    phone is the office's (settings), or a blank line to fill in."""
    day = today or dt.date.today()
    span = _period(period)
    service = InServiceService(db, today=day)
    point_rules = service.rules
    rows = service.points(span, work_unit_id=work_unit_id)
    subtitle = f"（{period_label(span)}）"
    if work_unit_id:
        name = next((u.name for u in service.work_units() if u.id == work_unit_id), "")
        subtitle = f"（{name} · {period_label(span)}）"
    first, last = notice_window(day, point_rules.notice_days)
    phone = point_rules.supervision_phone.strip() or "________________"
    year = span.year_to_date()
    ledger = TableLedger(
        title=POINTS_TITLE, unit=unit, date=day, subtitle=subtitle, columns=POINTS_COLUMNS,
        rows=points_rows(rows, _grid_names(db)),
        signatures=(f"{unit}党委（盖章）",),
        notes=(
            f"本期积分为{period_label(span)}所得积分；累计积分为{format_date(year.start)}至"
            f"{format_date(year.end)}的积分。等次按累计积分评定：{point_rules.excellent} 分及以上"
            f"为优秀，{point_rules.pass_mark} 分及以上为合格，不足 {point_rules.pass_mark} 分"
            "为不合格。",
            f"公示期 {point_rules.notice_days} 个工作日：{format_date(first)}至"
            f"{format_date(last)}。公示期间如有异议，请向社区党委反映。监督电话：{phone}",
        ),
        row_count_hint=len(rows),
    )
    return render_table_ledger(ledger, path, progress=progress)


# --------------------------------------------------------------------------
# 工作单位反馈函
# --------------------------------------------------------------------------


def letter_text(summary: UnitSummary, *, unit: str, period: rules.Period) -> str:
    """The letter's summary paragraph."""
    grades = "、".join(f"{zh_label(rules.GRADES, g)} {summary.grades.get(g, 0)} 人"
                       for g in (rules.EXCELLENT, rules.PASS, rules.FAIL))
    return (f"按照在职党员到社区报到服务的有关要求，现将贵单位在职党员{period_label(period)}"
            f"在{unit}的服务情况反馈如下：贵单位共有 {summary.members} 名在职党员在本社区报到，"
            f"参加活动和岗位履职 {summary.activities} 次，服务时长 {_hours(summary.hours)} 小时，"
            f"本期共获得积分 {summary.points} 分。按年度累计积分评定，{grades}。"
            "具体情况见下表。")


def grade_note(period: rules.Period, point_rules: rules.PointRules) -> str:
    """How the grades were found: which points, of which days, against which marks."""
    year = period.year_to_date()
    text = (f"注：等次按年度累计积分（{format_date(year.start)}至{format_date(year.end)}所得积分，"
            f"含报到、活动、岗位履职、微心愿、表彰等各项）评定：{point_rules.excellent} 分及以上为"
            f"优秀，{point_rules.pass_mark} 分及以上为合格，不足 {point_rules.pass_mark} 分为"
            "不合格。")
    if year.end < dt.date(period.year, 12, 31):
        text += "年度尚未结束，等次为截至本期末的情况，年终以全年积分为准。"
    return text


def _draw_letter(writer: PageWriter, summary: UnitSummary, rows: Sequence[PointsRow], *,
                 unit: str, period: rules.Period, today: dt.date,
                 point_rules: rules.PointRules) -> None:
    writer.draw_heading(LETTER_TITLE, subtitle=f"（{period_label(period)}）", unit=unit,
                        date=today)
    addressee = summary.party_org or f"{summary.work_unit}党组织"
    writer.draw_paragraph(f"{addressee}：", INFO_SIZE + 1, space_before=4.0)
    writer.draw_paragraph(letter_text(summary, unit=unit, period=period), INFO_SIZE + 1,
                          indent=0.0, space_before=2.0)
    writer.y -= 6
    table = TableDrawer(writer, _LETTER_COLUMNS)
    for index, row in enumerate(rows, start=1):
        table.add_row((str(index), row.name, "、".join(row.posts) or None,
                       str(row.activities), _hours(row.hours), str(row.period_points),
                       str(row.year_points), zh_label(rules.GRADES, row.grade)))
    if not rows:
        table.add_row(())
    size = INFO_SIZE + 1
    note = grade_note(period, point_rules)
    closing = "感谢贵单位对社区工作的支持。请将本函内容作为党员年度评议的参考。特此函告。"
    table.finish(keep_with=writer.paragraph_height(note, INFO_SIZE, space_before=4.0)
                 + writer.paragraph_height(closing, size, space_before=8.0) + size * 7)
    writer.draw_paragraph(note, INFO_SIZE, space_before=4.0)
    writer.draw_paragraph(closing, size, space_before=8.0)
    writer.ensure_space(size * 7)
    writer.y -= size * 2.5  # room for the seal
    writer.draw_paragraph(f"{unit}党委（盖章）", size, align="right")
    writer.draw_paragraph(format_date(today), size, align="right")


def render_unit_letter(db: Database, path: str | os.PathLike[str], *, unit: str,
                       period: rules.Period | str, work_unit_id: str,
                       today: dt.date | None = None) -> LedgerResult:
    """The 反馈函 to one work unit's party organisation (A4 portrait): a summary of
    its members' service in ``period`` and a table of the members.
    ``LedgerResult.rows`` is the number of members listed."""
    day = today or dt.date.today()
    span = _period(period)
    service = InServiceService(db, today=day)
    return _letter(service, path, unit=unit, period=span, work_unit_id=work_unit_id, today=day)


def _letter(service: InServiceService, path: str | os.PathLike[str], *, unit: str,
            period: rules.Period, work_unit_id: str, today: dt.date,
            summary: UnitSummary | None = None) -> LedgerResult:
    rows = service.points(period, work_unit_id=work_unit_id)
    if summary is None:
        summary = next((s for s in service.unit_summaries(period)
                        if s.work_unit_id == work_unit_id), None)
    if summary is None:  # no approved member in the period: an empty summary
        u = next((u for u in service.work_units() if u.id == work_unit_id), None)
        if u is None:
            raise UserError(MSG_NO_SUCH_UNIT, name=work_unit_id)
        summary = UnitSummary(u.id, u.name, u.unit_type, u.party_org, 0, 0, 0.0, 0, {})
    with open_ledger(path, title=f"{LETTER_TITLE}（{summary.work_unit}）",
                     subject=unit) as writer:
        _draw_letter(writer, summary, rows, unit=unit, period=period, today=today,
                     point_rules=service.rules)
    return ledger_result(path, writer, len(rows))


def render_unit_letters(db: Database, out_dir: str | os.PathLike[str], *, unit: str,
                        period: rules.Period | str,
                        progress: Callable[[int, int], bool] | None = None,
                        today: dt.date | None = None) -> list[LedgerResult]:
    """One 反馈函 per work unit with approved members in ``period``, written into
    ``out_dir`` (created when missing) as ``<unit name>_<period>.pdf``, the name
    made safe for any file system. Returns the results in unit-name order.
    ``progress`` returning False stops before the next letter (``Cancelled``;
    letters already written stay)."""
    day = today or dt.date.today()
    span = _period(period)
    folder = Path(out_dir).expanduser()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise storage_error(folder, exc) from exc
    service = InServiceService(db, today=day)
    summaries = service.unit_summaries(span)
    check = progress_check(progress, len(summaries))
    check(0)
    used: set[str] = set()
    results = []
    for done, summary in enumerate(summaries, start=1):
        base = f"{safe_file_name(summary.work_unit)}_{span.text}"
        name, n = base, 1
        while name.casefold() in used:
            n += 1
            name = f"{base}-{n}"
        used.add(name.casefold())
        results.append(_letter(service, folder / f"{name}.pdf", unit=unit, period=span,
                               work_unit_id=summary.work_unit_id, today=day,
                               summary=summary))
        check(done)
    return results


# --------------------------------------------------------------------------
# QR 报到卡 and post posters
# --------------------------------------------------------------------------


def _fit(writer: PageWriter, text: str, width: float, size: float, lines: int) -> list[str]:
    """At most ``lines`` lines of ``text``; the last ends in … when cut."""
    wrapped = writer.wrap(writer.clean(text, keep_newlines=False), width, size)
    if len(wrapped) <= lines:
        return wrapped
    kept = wrapped[:lines]
    last = kept[-1]
    while last and writer.width(last + "…", size) > width:
        last = last[:-1]
    kept[-1] = last + "…"
    return kept


def _draw_card(writer: PageWriter, row: RegistrationRow, *, unit: str, x: float, top: float,
               width: float, height: float) -> None:
    c = writer.canvas
    c.saveState()
    c.setLineWidth(0.6)
    c.setDash(3, 2)  # cut along the dashes
    c.roundRect(x, top - height, width, height, 3 * mm, stroke=1, fill=0)
    c.restoreState()
    pad = 4 * mm
    head = 10.0
    writer.draw_text(x + width / 2, top - pad - head, f"{unit}{CARD_TITLE}", head,
                     align="center", bold=True)
    c.saveState()
    c.setLineWidth(0.4)
    c.line(x + pad, top - pad - head - 4, x + width - pad, top - pad - head - 4)
    c.restoreState()
    qr = min(height - 2 * pad - head - 8, width * 0.45)
    qr_x = x + width - pad - qr
    qr_y = top - height + pad
    draw_qr(writer, rules.qr_payload(row.code), qr_x, qr_y, qr)
    text_x = x + pad
    text_w = qr_x - text_x - 2 * mm
    baseline = top - pad - head - 4 - 18
    name_size = 16.0
    while name_size > 10 and writer.width(writer.clean(row.name), name_size) > text_w:
        name_size -= 1
    writer.draw_text(text_x, baseline, _fit(writer, row.name, text_w, name_size, 1)[0],
                     name_size, bold=True)
    baseline -= 18
    writer.draw_text(text_x, baseline, f"编号：{row.code}", 11.0)
    baseline -= 16
    small = 9.0
    lines = _fit(writer, f"单位：{row.work_unit}", text_w, small, 3)
    for line in lines:
        writer.draw_text(text_x, baseline, line, small)
        baseline -= small * 1.3
    writer.draw_text(text_x, top - height + pad + 2, "活动签到时请出示本卡扫码", 7.5)


def render_checkin_cards(db: Database, path: str | os.PathLike[str], *, unit: str,
                         registration_id: str | None = None,
                         progress: Callable[[int, int], bool] | None = None,
                         today: dt.date | None = None) -> LedgerResult:
    """报到卡 to cut out (A4 portrait, 2 × 4 cards a page): name, card code, work
    unit and a QR code of ``GRIDOFFICE:<code>``, which the check-in screen reads
    like the typed code. For ``registration_id`` or every approved member still
    serving. No ID number or phone. ``LedgerResult.rows`` is the number of cards."""
    day = today or dt.date.today()
    service = InServiceService(db, today=day)
    if registration_id:
        rows = [service.registration(registration_id)]
    else:
        rows = service.registrations(RegistrationQuery(review_status=rules.APPROVED))
    per_page = CARDS_ACROSS * CARDS_DOWN
    check = progress_check(progress, len(rows))
    check(0)
    with open_ledger(path, title=CARD_TITLE, subject=unit) as writer:
        for start in range(0, max(len(rows), 1), per_page):
            if start:
                writer.new_page()
            writer.draw_heading(f"{CARD_TITLE}（沿虚线剪下）", unit=unit, date=day)
            top = writer.y - 2
            card_w = (writer.content_width - (CARDS_ACROSS - 1) * _CARD_GAP) / CARDS_ACROSS
            card_h = (top - writer.bottom - (CARDS_DOWN - 1) * _CARD_GAP) / CARDS_DOWN
            for k, row in enumerate(rows[start:start + per_page]):
                across, down = k % CARDS_ACROSS, k // CARDS_ACROSS
                _draw_card(writer, row, unit=unit,
                           x=writer.left + across * (card_w + _CARD_GAP),
                           top=top - down * (card_h + _CARD_GAP), width=card_w, height=card_h)
            if not rows:
                writer.draw_paragraph("无已通过审核的报到党员。", INFO_SIZE)
            check(min(start + per_page, len(rows)))
    return ledger_result(path, writer, len(rows))


def render_post_posters(db: Database, path: str | os.PathLike[str], *, unit: str,
                        post_id: str | None = None,
                        progress: Callable[[int, int], bool] | None = None,
                        today: dt.date | None = None) -> LedgerResult:
    """A poster per open service post (A4 portrait): the post's name, category,
    quota and grid, how to check in there, and a big QR code that a phone shows
    as text (:func:`poster_qr_text`: community, post, how to check in) ending in
    the machine line ``GRIDOFFICE:POST:<post id>``.

    The check-in screen reads *member* codes (``GRIDOFFICE:ZB0001``): the poster
    checks nobody in, it tells the member how. ``LedgerResult.rows`` is the
    number of posters."""
    day = today or dt.date.today()
    service = InServiceService(db, today=day)
    posts = [p for p in service.posts(include_closed=bool(post_id))
             if post_id is None or p.id == post_id]
    grids = _grid_names(db)
    check = progress_check(progress, len(posts))
    check(0)
    with open_ledger(path, title=POSTER_TITLE, subject=unit) as writer:
        for done, post in enumerate(posts, start=1):
            if done > 1:
                writer.new_page()
            writer.draw_paragraph(f"{unit}{POSTER_TITLE}", TITLE_SIZE, align="center",
                                  bold=True)
            writer.y -= 10
            writer.draw_paragraph(post.name, 30.0, align="center", bold=True)
            writer.y -= 8
            category = zh_label(rules.POST_CATEGORIES, post.category) or EMPTY_CELL
            writer.draw_paragraph(f"岗位类别：{category}", 14.0, align="center")
            grid = grids.get(post.grid_id or "")
            places = f"岗位名额：{post.quota} 人（已认领 {post.claimed} 人）"
            writer.draw_paragraph(places + (f"　服务网格：{grid}" if grid else ""), 14.0,
                                  align="center")
            if post.description:
                writer.y -= 4
                writer.draw_paragraph(post.description, 12.0, align="center")
            if writer.space_left < 100 * mm:  # a long description: the code on a page of its own
                writer.new_page()
            size = min(110 * mm, writer.space_left - 40 * mm)
            writer.y -= 8
            draw_qr(writer, poster_qr_text(post, unit=unit, grid=grid),
                    (writer.left + writer.right - size) / 2, writer.y - size, size)
            writer.y -= size + 6
            writer.draw_paragraph("手机扫描二维码可查看本岗位信息和签到办法。", 12.0,
                                  align="center")
            writer.y -= 4
            writer.draw_paragraph(POSTER_HOW_TO, 12.0, align="center")
            check(done)
        if not posts:
            writer.draw_paragraph(f"{unit}{POSTER_TITLE}", TITLE_SIZE, align="center",
                                  bold=True)
            writer.draw_paragraph("无开放的服务岗位。", INFO_SIZE)
    return ledger_result(path, writer, len(posts))
