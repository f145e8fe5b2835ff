"""Meeting ledgers: 会议记录 with its 签到表, the 决议落实情况跟踪表 and the
年度会议情况汇总表 (DOMAIN.md, "Paper ledgers" item 3).

Names are printed in full (minutes are public meeting records); ID numbers and
phones are never read here. Code labels come from the ``zh_CN`` catalogue; until
a label is translated there, the official Chinese wording below is printed, so
that paper never shows English.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from dataclasses import replace

from gridoffice.domain import meetings as rules
from gridoffice.domain.codes import zh_label
from gridoffice.ledgers.engine import (
    INFO_SIZE,
    Column,
    LedgerResult,
    PageWriter,
    TableDrawer,
    TableLedger,
    format_date,
    ledger_result,
    open_ledger,
    progress_check,
    render_table_ledger,
)
from gridoffice.services import meetings as svc
from gridoffice.services.meetings import (
    FollowUpQuery,
    FollowUpRow,
    MeetingService,
    Minutes,
    YearSummary,
)
from gridoffice.store.database import Database

__all__ = [
    "FOLLOW_UP_COLUMNS",
    "FOLLOW_UP_TITLE",
    "SIGN_IN_COLUMNS",
    "SUMMARY_TITLE",
    "change_text",
    "council_on",
    "find_meeting",
    "follow_up_rows",
    "minutes_title",
    "render_follow_up_ledger",
    "render_minutes",
    "render_year_summary",
    "zh_label",
]

FOLLOW_UP_TITLE = "议事会决议落实情况跟踪表"
SUMMARY_TITLE = "年度会议情况汇总表"
SIGN_IN_ROW_HEIGHT = 28.0  # points: room to sign by hand (about 10 mm)
BLANK_SIGN_IN_ROWS = 20  # least rows of the sheet of a meeting without a list

_LABEL_WIDTH, _VALUE_WIDTH = 1.0, 2.5
_INFO_COLUMNS = (
    Column("", _LABEL_WIDTH, "center"),
    Column("", _VALUE_WIDTH),
    Column("", _LABEL_WIDTH, "center"),
    Column("", _VALUE_WIDTH),
)
_WIDE_COLUMNS = (
    Column("", _LABEL_WIDTH, "center"),
    Column("", _LABEL_WIDTH + 2 * _VALUE_WIDTH),
)
_TASK_COLUMNS = (
    Column("序号", 0.5, "center"),
    Column("事项", 4.0),
    Column("责任人", 1.4, "center"),
    Column("完成时限", 1.1, "center"),
)
_FEEDBACK_COLUMNS = (
    Column("序号", 0.45, "center"),
    Column("落实任务", 1.8),
    Column("责任人", 0.9, "center"),
    Column("完成时限", 0.85, "center"),
    Column("状态", 0.6, "center"),
    Column("完成日期", 0.85, "center"),
    Column("落实反馈", 1.55),
)
_AMENDMENT_COLUMNS = (
    Column("序号", 0.45, "center"),
    Column("修正时间", 1.15, "center"),
    Column("操作人", 0.8, "center"),
    Column("修正理由", 1.8),
    Column("修正内容", 2.8),
)
SIGN_IN_COLUMNS = (
    Column("序号", 0.5, "center"),
    Column("姓名", 1.2, "center"),
    Column("身份", 1.3, "center"),
    Column("单位", 1.7),
    Column("出席情况", 0.8, "center", empty=""),
    Column("签名", 1.6, "center", empty=""),
)
FOLLOW_UP_COLUMNS = (
    Column("序号", 0.45, "center"),
    Column("会议日期", 0.85, "center"),
    Column("期数", 0.75, "center"),
    Column("决议事项", 2.2),
    Column("落实任务", 2.0),
    Column("责任人", 1.0, "center"),
    Column("完成时限", 0.85, "center"),
    Column("状态", 0.6, "center"),
    Column("完成日期", 0.85, "center"),
    Column("落实反馈", 2.0),
    Column("是否公开", 0.7, "center"),
)
_TYPE_COLUMNS = (
    Column("会议类型", 1.6, "center"),
    Column("召开次数", 1.0, "center"),
    Column("取消次数", 1.0, "center"),
    Column("应到人次", 1.0, "center"),
    Column("实到人次", 1.0, "center"),
    Column("出席率", 1.0, "center"),
)
_COUNCIL_COLUMNS = (
    Column("期数", 0.8, "center"),
    Column("日期", 1.5, "center"),
    Column("应到", 0.6, "center"),
    Column("实到", 0.6, "center"),
    Column("议题数", 0.65, "center"),
    Column("决议数", 0.65, "center"),
    Column("通过数", 0.65, "center"),
    Column("落实事项", 0.8, "center"),
    Column("已完成", 0.7, "center"),
)


# --------------------------------------------------------------------------
# Labels
# --------------------------------------------------------------------------



def change_text(change: str) -> str:
    """What an amendment changed, in Chinese."""
    return svc.describe_change(change, "zh_CN")


def _type_label(meeting_type: str) -> str:
    return zh_label(rules.MEETING_TYPES, meeting_type) or meeting_type


def _record_name(meeting_type: str) -> str:
    """居民议事会会议记录, 党建联席会议记录."""
    label = _type_label(meeting_type)
    return label + ("记录" if label.endswith("会议") else "会议记录")


def _session(session_no: int | None) -> str:
    return f"（第 {session_no} 期）" if session_no is not None else ""


def minutes_title(unit: str, meeting_type: str, session_no: int | None) -> str:
    """``幸福里社区居民议事会会议记录（第 12 期）``."""
    return f"{unit}{_record_name(meeting_type)}{_session(session_no)}"


def _sign_in_title(unit: str, meeting_type: str, session_no: int | None) -> str:
    """``幸福里社区居民议事会（第 12 期）签到表``."""
    return f"{unit}{_type_label(meeting_type)}{_session(session_no)}签到表"


def _short_date(day: dt.date | None) -> str | None:
    return f"{day.year}.{day.month:02d}.{day.day:02d}" if day else None


def _when(start: dt.datetime, end: dt.datetime | None) -> str:
    text = f"{format_date(start.date())} {start:%H:%M}"
    if end is None:
        return text
    if end.date() == start.date():
        return f"{text}—{end:%H:%M}"
    return f"{text}—{format_date(end.date())} {end:%H:%M}"


def _rate(present: int, expected: int) -> str | None:
    return f"{present / expected * 100:.1f}%" if expected else None


def _cn_number(n: int) -> str:
    """一 … 九十九 (agenda items are numbered the Chinese way)."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    if n >= 100:
        return str(n)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


# --------------------------------------------------------------------------
# Look-ups (for the command line)
# --------------------------------------------------------------------------


def find_meeting(db: Database, ref: str) -> str:
    """The id of the meeting shown as ``ref`` (20261110-1); UserError when none or several."""
    return MeetingService(db).find_meeting(ref)


def council_on(db: Database, day: dt.date) -> str:
    """The id of the resident council held on ``day``; UserError when there is none."""
    return MeetingService(db).council_on(day)




# --------------------------------------------------------------------------
# 会议记录 and 签到表
# --------------------------------------------------------------------------


def _section(writer: PageWriter, text: str) -> None:
    writer.ensure_space(INFO_SIZE * 5)
    writer.draw_paragraph(text, INFO_SIZE, bold=True, space_before=8.0)
    writer.y -= 2


def _attendee_name(row: svc.AttendeeRow) -> str:
    return row.name + (f"（{row.unit}）" if row.unit else "")


def _absences(minutes: Minutes) -> str:
    a = minutes.attendance
    missing = a.expected - a.present
    if not minutes.attendees:
        return f"{missing} 人"
    parts = []
    for row in minutes.attendees:
        if row.presence in (rules.LEAVE, rules.ABSENT):
            how = zh_label(rules.PRESENCE, row.presence)
            reason = f"：{row.absence_reason}" if row.absence_reason else ""
            parts.append(f"{_attendee_name(row)}（{how}{reason}）")
        elif row.presence is None:
            parts.append(f"{_attendee_name(row)}（未签到）")
    return f"{missing} 人" + (f"：{'、'.join(parts)}" if parts else "")


def _observers(minutes: Minutes) -> str | None:
    names = []
    for row in minutes.attendees:
        if row.presence == rules.OBSERVER:
            identity = zh_label(rules.ATTENDEE_IDENTITIES, row.identity)
            who = "，".join(p for p in (identity, row.unit) if p)
            names.append(row.name + (f"（{who}）" if who else ""))
    return "、".join(names) or None


def _votes(resolution: svc.ResolutionRow) -> str:
    method = zh_label(rules.VOTE_METHODS, resolution.method)
    if resolution.result == rules.DEFERRED and not (resolution.yes or resolution.no
                                                    or resolution.abstain):
        return "暂缓表决"
    counts = (f"同意 {resolution.yes} 票，反对 {resolution.no} 票，"
              f"弃权 {resolution.abstain} 票")
    return f"{method}：{counts}" if method else counts


def _draw_item(writer: PageWriter, number: int, item: svc.ItemRow) -> None:
    _section(writer, f"议题{_cn_number(number)}：{item.title}")
    table = TableDrawer(writer, _WIDE_COLUMNS, header=False)
    source = zh_label(rules.AGENDA_SOURCES, item.source)
    table.add_row(("来源/提出人", " / ".join(p for p in (source, item.proposer) if p) or None))
    if item.content:
        table.add_row(("议题内容", item.content))
    speeches = "\n".join(f"{s.speaker}：{s.summary}" if s.summary else s.speaker
                         for s in item.speeches)
    table.add_row(("发言摘要", speeches or "无"))
    many = len(item.resolutions) > 1
    for k, resolution in enumerate(item.resolutions, start=1):
        mark = f"（{k}）" if many else ""
        table.add_row((f"表决{mark}", _votes(resolution)))
        table.add_row((f"决议{mark}", resolution.text))
        table.add_row((f"表决结果{mark}", zh_label(rules.RESULTS, resolution.result)))
    if not item.resolutions:
        table.add_row(("决议", "未形成决议"))
    follows = [f for r in item.resolutions for f in r.follow_ups]
    if not follows:
        table.add_row(("落实分工", "无"))
    table.finish()
    if follows:
        writer.draw_paragraph("落实分工", INFO_SIZE, bold=True, space_before=4.0)
        writer.y -= 2
        tasks = TableDrawer(writer, _TASK_COLUMNS)
        for index, follow in enumerate(follows, start=1):
            tasks.add_row((str(index), follow.task, follow.owner, _short_date(follow.due_date)))
        tasks.finish()


def _draw_minutes(writer: PageWriter, minutes: Minutes, *, unit: str, title: str,
                  today: dt.date) -> None:
    m = minutes.meeting
    writer.draw_heading(title, subtitle=m.title or None, unit=unit, date=today)
    info = TableDrawer(writer, _INFO_COLUMNS, header=False)
    info.add_row(("时间", _when(m.start_at, m.end_at), "地点", m.place))
    info.add_row(("主持人", m.host, "记录人", m.recorder))
    a = minutes.attendance
    info.add_row(("应到", f"{a.expected} 人", "实到", f"{a.present} 人"))
    info.finish()
    wide = TableDrawer(writer, _WIDE_COLUMNS, header=False)
    wide.add_row(("缺席", _absences(minutes)))
    wide.add_row(("列席", _observers(minutes) or "无"))
    if minutes.draft.content:
        wide.add_row(("会议内容", minutes.draft.content))
    if m.status == "cancelled":
        wide.add_row(("备注", "会议已取消" + (f"：{m.cancel_reason}" if m.cancel_reason else "")))
    elif minutes.draft.note:
        wide.add_row(("备注", minutes.draft.note))
    wide.finish()

    for number, item in enumerate(minutes.items, start=1):
        _draw_item(writer, number, item)
    if not minutes.items:
        _section(writer, "议题")
        writer.draw_paragraph("无", INFO_SIZE)

    # What ends the minutes, kept on one page with the last rows of the last table.
    approved = None
    if m.approved_on is not None:
        by = f"，审定人：{m.approved_by}" if m.approved_by else ""
        approved = f"审定：{format_date(m.approved_on)}{by}"
    signatures = ("主持人", "记录人")
    end = writer.signatures_height(signatures)
    if approved:
        end += writer.paragraph_height(approved, INFO_SIZE, space_before=8.0)

    _section(writer, "落实情况反馈")
    follows = [f for item in minutes.items for r in item.resolutions for f in r.follow_ups]
    if follows:
        table = TableDrawer(writer, _FEEDBACK_COLUMNS)
        for index, f in enumerate(follows, start=1):
            table.add_row((str(index), f.task, f.owner, _short_date(f.due_date),
                           zh_label(rules.FOLLOW_UP_STATUS, f.state),
                           _short_date(f.done_on), f.feedback))
        table.finish(keep_with=0.0 if minutes.amendments else end)
    else:
        writer.draw_paragraph("无", INFO_SIZE)

    if minutes.amendments:
        _section(writer, "修正记录")
        table = TableDrawer(writer, _AMENDMENT_COLUMNS)
        for index, amendment in enumerate(minutes.amendments, start=1):
            table.add_row((str(index), f"{amendment.amended_at:%Y.%m.%d %H:%M}",
                           amendment.operator, amendment.reason, change_text(amendment.change)))
        table.finish(keep_with=end)

    if approved:
        writer.draw_paragraph(approved, INFO_SIZE, space_before=8.0)
    writer.draw_signatures(signatures)


def _draw_sign_in(writer: PageWriter, minutes: Minutes, *, unit: str, today: dt.date) -> None:
    m = minutes.meeting
    writer.draw_heading(_sign_in_title(unit, m.meeting_type, m.session_no),
                        subtitle=m.title or None, unit=unit, date=today)
    writer.draw_paragraph(f"会议时间：{_when(m.start_at, m.end_at)}", INFO_SIZE)
    writer.draw_paragraph(f"会议地点：{m.place or '—'}", INFO_SIZE)
    writer.y -= 4
    if minutes.attendees:
        table = TableDrawer(writer, SIGN_IN_COLUMNS, row_height=SIGN_IN_ROW_HEIGHT)
        for index, row in enumerate(minutes.attendees, start=1):
            table.add_row((str(index), row.name,
                           zh_label(rules.ATTENDEE_IDENTITIES, row.identity), row.unit,
                           zh_label(rules.PRESENCE, row.presence), None))
    else:  # no list of attendees: a blank sheet to fill in by hand
        blank = [replace(column, empty="") for column in SIGN_IN_COLUMNS]
        table = TableDrawer(writer, blank, row_height=SIGN_IN_ROW_HEIGHT)
        rows = max(BLANK_SIGN_IN_ROWS, min(minutes.attendance.expected, 300))
        for index in range(1, rows + 1):
            table.add_row((str(index),))
    table.finish()
    a = minutes.attendance
    writer.draw_paragraph(f"应到 {a.expected} 人，实到 {a.present} 人，列席 {a.observers} 人。",
                          INFO_SIZE, space_before=6.0)


def render_minutes(db: Database, path: str | os.PathLike[str], *, unit: str, meeting_id: str,
                   progress: Callable[[int, int], bool] | None = None,
                   today: dt.date | None = None) -> LedgerResult:
    """The minutes of one meeting (A4 portrait), then its 签到表 on a page of its own.

    ``LedgerResult.rows`` is the number of agenda items. ``progress`` returning
    False cancels (``Cancelled``, no file written); an unknown meeting raises
    UserError.
    """
    day = today or dt.date.today()
    service = MeetingService(db, today=day)
    minutes = service.minutes(meeting_id)
    m = minutes.meeting
    title = minutes_title(unit, m.meeting_type, m.session_no)
    check = progress_check(progress, 2)
    check(0)
    with open_ledger(path, title=title, subject=unit) as writer:
        _draw_minutes(writer, minutes, unit=unit, title=title, today=day)
        check(1)
        writer.new_page()
        _draw_sign_in(writer, minutes, unit=unit, today=day)
        check(2)
    return ledger_result(path, writer, len(minutes.items))


def render_sign_in_sheet(db: Database, path: str | os.PathLike[str], *, unit: str,
                         meeting_id: str, progress: Callable[[int, int], bool] | None = None,
                         today: dt.date | None = None) -> LedgerResult:
    """The 签到表 alone, printed before the meeting to sign at the door.
    ``LedgerResult.rows`` is the number of attendees."""
    day = today or dt.date.today()
    minutes = MeetingService(db, today=day).minutes(meeting_id)
    m = minutes.meeting
    check = progress_check(progress, 1)
    check(0)
    with open_ledger(path, title=_sign_in_title(unit, m.meeting_type, m.session_no),
                     subject=unit) as writer:
        _draw_sign_in(writer, minutes, unit=unit, today=day)
        check(1)
    return ledger_result(path, writer, len(minutes.attendees))


# --------------------------------------------------------------------------
# 议事会决议落实情况跟踪表
# --------------------------------------------------------------------------


def _session_cell(meeting_type: str, session_no: int | None) -> str | None:
    number = f"第{session_no}期" if session_no is not None else ""
    if meeting_type == rules.COUNCIL:
        return number or None
    return _type_label(meeting_type) + number


def follow_up_rows(rows: Sequence[FollowUpRow]) -> list[tuple[str | None, ...]]:
    """The ledger rows."""
    out: list[tuple[str | None, ...]] = []
    for index, row in enumerate(rows, start=1):
        out.append((
            str(index),
            _short_date(row.meeting_date),
            _session_cell(row.meeting_type, row.session_no),
            row.resolution,
            row.task,
            row.owner,
            _short_date(row.due_date),
            zh_label(rules.FOLLOW_UP_STATUS, row.state),
            _short_date(row.done_on),
            row.feedback,
            "是" if row.published else "否",
        ))
    return out


def render_follow_up_ledger(db: Database, path: str | os.PathLike[str], *, unit: str,
                            year: int | None = None,
                            progress: Callable[[int, int], bool] | None = None,
                            today: dt.date | None = None) -> LedgerResult:
    """One row per follow-up of the meetings of ``year`` (or of all years), in
    meeting order; 逾期 as of ``today``. A4 landscape (11 columns)."""
    day = today or dt.date.today()
    service = MeetingService(db, today=day)
    rows = service.follow_ups(FollowUpQuery(year=year))
    rows.sort(key=lambda r: (r.meeting_date, r.meeting_ref, r.due_date or dt.date.max, r.task))
    done = sum(1 for r in rows if r.status == rules.DONE)
    overdue = sum(1 for r in rows if r.state == rules.OVERDUE)
    if year is not None:
        solved = sum(1 for r in service.follow_ups(FollowUpQuery(done_in_year=year))
                     if r.status == rules.DONE)
        solved_text = f"{year}年推动解决问题 {solved} 件"
    else:
        solved_text = f"推动解决问题 {done} 件"
    ledger = TableLedger(
        title=FOLLOW_UP_TITLE,
        unit=unit,
        date=day,
        subtitle=f"（{year}年）" if year is not None else None,
        columns=FOLLOW_UP_COLUMNS,
        rows=follow_up_rows(rows),
        signatures=("负责人", "填表人"),
        notes=(f"共 {len(rows)} 件，已完成 {done} 件，逾期 {overdue} 件；{solved_text}。"
               f"逾期按 {format_date(day)} 计。",),
        row_count_hint=len(rows),
    )
    return render_table_ledger(ledger, path, progress=progress)


# --------------------------------------------------------------------------
# 年度会议情况汇总表
# --------------------------------------------------------------------------


def _council_date(council: svc.CouncilSummary) -> str:
    text = _short_date(council.date) or ""
    if council.status != "finished":
        text += f"（{zh_label(rules.MEETING_STATUS, council.status)}）"
    return text


def summary_totals(summary: YearSummary) -> str:
    """The closing sentence of the yearly summary."""
    rate = _rate(summary.present, summary.expected) or "—"
    return (f"{summary.year}年共召开各类会议 {summary.held} 次，应到 {summary.expected} 人次，"
            f"实到 {summary.present} 人次，出席率 {rate}；讨论议题 {summary.items} 个，"
            f"形成决议 {summary.resolutions} 项，通过 {summary.passed} 项；"
            f"落实事项 {summary.follow_ups} 件，已完成 {summary.follow_ups_done} 件；"
            f"全年推动解决问题 {summary.solved_this_year} 件。")


def _draw_summary(writer: PageWriter, summary: YearSummary, *, unit: str,
                  today: dt.date) -> None:
    writer.draw_heading(f"{summary.year}{SUMMARY_TITLE}", unit=unit, date=today)
    _section(writer, "一、各类会议召开情况")
    table = TableDrawer(writer, _TYPE_COLUMNS)
    for t in summary.by_type:
        table.add_row((_type_label(t.meeting_type), str(t.held), str(t.cancelled),
                       str(t.expected), str(t.present), _rate(t.present, t.expected)))
    table.add_row(("合计", str(sum(t.held for t in summary.by_type)),
                   str(sum(t.cancelled for t in summary.by_type)), str(summary.expected),
                   str(summary.present), _rate(summary.present, summary.expected)))
    table.finish()

    _section(writer, f"二、{_type_label(rules.COUNCIL)}召开情况")
    table = TableDrawer(writer, _COUNCIL_COLUMNS)
    for c in summary.councils:
        table.add_row((_session_cell(rules.COUNCIL, c.session_no), _council_date(c),
                       str(c.expected), str(c.present), str(c.items), str(c.resolutions),
                       str(c.passed), str(c.follow_ups), str(c.follow_ups_done)))
    if not summary.councils:
        table.add_row(())
    totals = summary_totals(summary)
    signatures = ("负责人", "填表人")
    table.finish(keep_with=INFO_SIZE * 5 + writer.paragraph_height(totals, INFO_SIZE)
                 + writer.signatures_height(signatures))

    _section(writer, "三、全年合计")
    writer.draw_paragraph(totals, INFO_SIZE)
    writer.draw_signatures(signatures)


def render_year_summary(db: Database, path: str | os.PathLike[str], *, unit: str, year: int,
                        progress: Callable[[int, int], bool] | None = None,
                        today: dt.date | None = None) -> LedgerResult:
    """年度会议情况汇总表 of ``year`` (A4 portrait). ``LedgerResult.rows`` is the
    number of councils listed."""
    day = today or dt.date.today()
    summary = MeetingService(db, today=day).year_summary(year)
    check = progress_check(progress, 1)
    check(0)
    title = f"{year}{SUMMARY_TITLE}"
    with open_ledger(path, title=title, subject=unit) as writer:
        _draw_summary(writer, summary, unit=unit, today=day)
        check(1)
    return ledger_result(path, writer, len(summary.councils))
