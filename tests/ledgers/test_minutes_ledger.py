"""会议记录 with 签到表, the follow-up tracking ledger and the yearly summary,
checked through the PDFs' text."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from gridoffice.domain import meetings as rules
from gridoffice.errors import Cancelled, UserError
from gridoffice.ledgers.minutes_ledger import (
    change_text,
    council_on,
    find_meeting,
    minutes_title,
    render_follow_up_ledger,
    render_minutes,
    render_sign_in_sheet,
    render_year_summary,
)
from gridoffice.services.meetings import (
    AttendeeDraft,
    FollowUpDraft,
    ItemDraft,
    MeetingDraft,
    MeetingRules,
    MeetingService,
    ResolutionDraft,
    SpeechDraft,
)
from tests.conftest import TODAY

UNIT = "幸福里社区"
NOW = dt.datetime(2026, 11, 21, 9, 0)
PRESENT = ("李建国", "张伟", "王𠮷", "买买提·吐尔逊", "陈静", "刘洋")


def _texts(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


class _Flat(str):
    """Extracted text without whitespace: long cells wrap, and lines of cells side
    by side come out interleaved. ``needle in flat`` ignores the needle's spaces."""

    def __contains__(self, needle: object) -> bool:
        return re.sub(r"\s+", "", str(needle)) in str(self)


def _flat(text: str) -> _Flat:
    return _Flat(re.sub(r"\s+", "", text))


@pytest.fixture
def service(db):
    return MeetingService(db, operator="王芳", now=NOW, meeting_rules=MeetingRules())


def build_council(service: MeetingService, *, day=dt.date(2026, 11, 10), session_no=12,
                  approve=True) -> str:
    """A finished council: 8 invited, 6 present, one on leave, one absent, an observer;
    two agenda items, three resolutions, three follow-ups."""
    start = dt.datetime.combine(day, dt.time(14, 30))
    meeting_id = service.create_meeting(MeetingDraft(
        rules.COUNCIL, start, start + dt.timedelta(hours=2), place="社区党群服务中心议事厅",
        host="李主任", recorder="王芳", session_no=session_no))
    drafts = [AttendeeDraft(name, "resident_rep") for name in PRESENT]
    drafts += [AttendeeDraft("赵敏", "committee", unit="社区居委会"),
               AttendeeDraft("孙立", "property", unit="幸福物业公司"),
               AttendeeDraft("周警官", "police", unit="幸福里派出所",
                             presence=rules.OBSERVER)]
    ids = service.add_attendees(meeting_id, drafts)
    for attendee_id in ids[: len(PRESENT)]:
        service.set_presence(attendee_id, rules.PRESENT)
    service.set_presence(ids[len(PRESENT)], rules.LEAVE, "外出培训")
    service.set_presence(ids[len(PRESENT) + 1], rules.ABSENT, "联系不上")

    lift = service.add_item(meeting_id, ItemDraft("3号楼加装电梯", "residents", "3号楼居民"))
    service.add_speech(lift, SpeechDraft("张伟", "低层住户担心采光和噪音"))
    service.add_speech(lift, SpeechDraft("李建国", "高层老人多，上下楼困难，希望尽快加装"))
    passed = service.add_resolution(lift, ResolutionDraft("同意3号楼启动加装电梯意见征集",
                                                          yes=5, no=1, abstain=0))
    service.add_resolution(lift, ResolutionDraft("费用按楼层系数分摊", yes=2, no=3,
                                                 abstain=1))
    service.add_follow_up(passed, FollowUpDraft("入户征求意见并汇总", "刘洋",
                                                dt.date(2026, 11, 17)))
    service.add_follow_up(passed, FollowUpDraft("联系街道了解补贴政策", "社区居委会",
                                                dt.date(2026, 12, 15), rules.DOING))
    parking = service.add_item(meeting_id, ItemDraft("小区停车管理", "grid_workers", "刘洋"))
    service.add_resolution(parking, ResolutionDraft("暂缓实行停车收费", deferred=True))
    lights = service.add_resolution(parking, ResolutionDraft("修复西门路灯", yes=6))
    done = service.add_follow_up(lights, FollowUpDraft("联系物业维修路灯", "孙立",
                                                       dt.date(2026, 11, 20)))
    service.complete_follow_up(done, dt.date(2026, 11, 18), "已修复，居民满意")
    service.finish(meeting_id)
    if approve:
        service.approve(meeting_id, "李主任")
    return meeting_id


def test_minutes_and_sign_in_sheet(db, service, tmp_path):
    meeting_id = build_council(service)
    service.update_resolution(
        service.minutes(meeting_id).items[0].resolutions[0].id,
        ResolutionDraft("同意3号楼启动加装电梯意见征集", yes=6, no=0, abstain=0),
        amendment="记录人漏记一票，经主持人核对更正")
    out = tmp_path / "minutes.pdf"
    result = render_minutes(db, out, unit=UNIT, meeting_id=meeting_id, today=TODAY)
    pages = _texts(out)
    reader = PdfReader(out)
    assert reader.pages[0].mediabox.height > reader.pages[0].mediabox.width  # portrait
    assert result.rows == 2 and result.pages == len(pages) >= 2
    assert result.missing_chars == ["𠮷"]  # marked [U+20BB7] in the PDF, reported

    sign_in = pages[-1]
    minutes = _flat("".join(pages[:-1]))
    # the title, the header fields and attendance
    assert minutes_title(UNIT, rules.COUNCIL, 12) == "幸福里社区居民议事会会议记录（第 12 期）"
    assert "幸福里社区居民议事会会议记录（第 12 期）" in minutes
    assert "2026年11月10日 14:30—16:30" in minutes
    assert "社区党群服务中心议事厅" in minutes and "李主任" in minutes and "王芳" in minutes
    assert "8 人" in minutes and "6 人" in minutes
    assert "2 人：赵敏（社区居委会）（请假：外出培训）" in minutes
    assert "孙立（幸福物业公司）（缺席：联系不上）" in minutes
    assert "列席" in minutes and "周警官（社区民警，幸福里派出所）" in minutes
    # agenda items, speeches, votes, results
    assert "议题一：3号楼加装电梯" in minutes and "议题二：小区停车管理" in minutes
    assert "居民提出 / 3号楼居民" in minutes and "网格员收集 / 刘洋" in minutes
    assert "张伟：低层住户担心采光和噪音" in minutes
    assert "举手表决：同意 6 票，反对 0 票，弃权 0 票" in minutes  # after the amendment
    assert "同意 2 票，反对 3 票，弃权 1 票" in minutes
    assert "同意 6 票" in minutes and "暂缓表决" in minutes
    for word in ("通过", "未通过", "暂缓"):
        assert word in minutes
    # 落实分工 and 落实情况反馈
    assert "落实分工" in minutes and "入户征求意见并汇总" in minutes and "2026.12.15" in minutes
    assert "落实情况反馈" in minutes and "已修复，居民满意" in minutes
    assert "逾期" in minutes and "已完成" in minutes and "进行中" in minutes
    # approved, then amended: both printed
    assert "审定：2026年11月21日，审定人：李主任" in minutes
    assert "修正记录" in minutes and "记录人漏记一票，经主持人核对更正" in minutes
    assert "5/1/0 → 6/0/0" in minutes
    assert "主持人：" in minutes and "记录人：" in minutes
    # the sign-in sheet is a page of its own with every attendee, observers marked 列席
    assert "签到表" in sign_in and "签到表" not in minutes
    assert "幸福里社区居民议事会（第 12 期）签到表" in sign_in
    for header in ("序号", "姓名", "身份", "单位", "出席情况", "签名"):
        assert header in sign_in
    for name in ("李建国", "张伟", "买买提·吐尔逊", "陈静", "刘洋", "赵敏", "孙立", "周警官"):
        assert name in sign_in
    assert "王" in sign_in and "列席" in sign_in and "居民代表" in sign_in
    assert "请假" in sign_in and "缺席" in sign_in
    # no English label leaks onto paper
    for english in ("Resident", "Passed", "Show of hands", "Present", "Overdue"):
        assert english not in "".join(pages)


def test_minutes_of_other_meeting_types_and_lookups(db, service, tmp_path):
    start = dt.datetime(2026, 11, 10, 9, 0)
    committee = service.create_meeting(MeetingDraft(
        "branch_committee", start, start + dt.timedelta(hours=1), place="党建活动室",
        host="刘书记", recorder="陈静"))
    council = build_council(service, approve=False)
    assert find_meeting(db, "20261110-1") == committee
    assert find_meeting(db, "20261110-2") == council
    assert council_on(db, dt.date(2026, 11, 10)) == council
    with pytest.raises(UserError):
        find_meeting(db, "20990101-1")
    with pytest.raises(UserError):
        council_on(db, dt.date(2026, 11, 11))
    out = tmp_path / "committee.pdf"
    render_minutes(db, out, unit=UNIT, meeting_id=committee, today=TODAY)
    text = _flat("".join(_texts(out)))
    assert "幸福里社区支委会会议记录" in text and "（第" not in text
    assert "审定" not in text and "修正记录" not in text
    unapproved = _flat("".join(_texts(_render(db, tmp_path, council))))
    assert "审定：" not in unapproved and "修正记录" not in unapproved
    cancelled = tmp_path / "cancelled.pdf"
    with pytest.raises(Cancelled):
        render_minutes(db, cancelled, unit=UNIT, meeting_id=council,
                       progress=lambda done, total: False)
    assert not cancelled.exists()


def _render(db, tmp_path, meeting_id):
    out = tmp_path / f"{meeting_id}.pdf"
    render_minutes(db, out, unit=UNIT, meeting_id=meeting_id, today=TODAY)
    return out


def test_change_text_is_chinese():
    import json

    from gridoffice.services import meetings as svc

    attendee = json.dumps({"message": svc.CHG_ATTENDEE,
                           "values": {"name": "张伟", "before": "Absent", "after": "Present"}})
    assert change_text(attendee) == "参会人员张伟：缺席 → 出席"
    fields = json.dumps({"message": svc.CHG_MEETING, "values": {"fields": ["Place", "Host"]}})
    assert change_text(fields) == "修改会议信息：地点、主持人"
    assert change_text("not json") == "not json"


def test_follow_up_ledger(db, service, tmp_path):
    build_council(service)
    build_council(service, day=dt.date(2025, 12, 10), session_no=1, approve=False)
    out = tmp_path / "followups.pdf"
    result = render_follow_up_ledger(db, out, unit=UNIT, year=2026, today=TODAY)
    reader = PdfReader(out)
    assert reader.pages[0].mediabox.width > reader.pages[0].mediabox.height  # 11 columns
    text = "".join(_texts(out))
    flat = _flat(text)
    assert result.rows == 3
    assert "议事会决议落实情况跟踪表" in flat and "（2026年）" in flat
    for header in ("序号", "会议日期", "期数", "决议事项", "落实任务", "责任人", "完成时限",
                   "状态", "完成日期", "落实反馈"):
        assert header in flat
    assert "2026.11.10" in flat and "第12期" in flat and "2025.12.10" not in flat
    assert "入户征求意见并汇总" in flat and "逾期" in flat and "已修复，居民满意" in flat
    assert "共 3 件，已完成 1 件，逾期 1 件；2026年推动解决问题 2 件" in flat  # 2025's too
    everything = tmp_path / "all.pdf"
    result = render_follow_up_ledger(db, everything, unit=UNIT, today=TODAY)
    flat = _flat("".join(_texts(everything)))
    assert result.rows == 6 and "2025.12.10" in flat and "第1期" in flat
    assert "共 6 件，已完成 2 件，逾期 2 件；推动解决问题 2 件" in flat


def test_year_summary(db, service, tmp_path):
    build_council(service)
    cancelled = service.create_meeting(MeetingDraft(
        rules.COUNCIL, dt.datetime(2026, 10, 12, 14, 30), place="议事厅", session_no=11))
    service.cancel(cancelled, "台风")
    start = dt.datetime(2026, 7, 1, 9)
    lecture = service.create_meeting(MeetingDraft(
        "party_lecture", start, start + dt.timedelta(hours=1), headcount_expected=40,
        headcount_present=36))
    service.finish(lecture)
    out = tmp_path / "summary.pdf"
    result = render_year_summary(db, out, unit=UNIT, year=2026, today=TODAY)
    reader = PdfReader(out)
    assert reader.pages[0].mediabox.height > reader.pages[0].mediabox.width
    flat = _flat("".join(_texts(out)))
    assert result.rows == 2
    assert "2026年度会议情况汇总表" in flat
    for header in ("召开次数", "取消次数", "应到人次", "实到人次", "出席率", "议题数",
                   "决议数", "通过数", "落实事项", "已完成"):
        assert header in flat
    assert "居民议事会" in flat and "党课" in flat and "合计" in flat
    assert "第12期" in flat and "2026.10.12（已取消）" in flat
    assert "75.0%" in flat and "90.0%" in flat  # 6 of 8, 36 of 40
    assert "2026年共召开各类会议 2 次，应到 48 人次，实到 42 人次，出席率 87.5%" in flat
    assert "讨论议题 2 个，形成决议 4 项，通过 2 项" in flat
    assert "落实事项 3 件，已完成 1 件；全年推动解决问题 1 件" in flat


def test_meeting_without_a_list_gets_a_blank_sign_in_sheet(db, service, tmp_path):
    start = dt.datetime(2026, 7, 1, 9)
    lecture = service.create_meeting(MeetingDraft(
        "party_lecture", start, start + dt.timedelta(hours=1), place="党群服务中心",
        host="刘书记", recorder="陈静", headcount_expected=40, headcount_present=36))
    out = tmp_path / "lecture.pdf"
    render_minutes(db, out, unit=UNIT, meeting_id=lecture, today=TODAY)
    pages = _texts(out)
    first = next(i for i, page in enumerate(pages) if "签到表" in page)
    minutes = _flat("".join(pages[:first]))
    sign_in = "".join(pages[first:])
    assert "幸福里社区党课会议记录" in minutes
    assert "40 人" in minutes and "36 人" in minutes and "缺席4人" in minutes
    assert "幸福里社区党课签到表" in sign_in
    assert re.search(r"\b40\b", sign_in)  # a blank row for everyone expected
    assert sign_in.count("—") == 1  # only in 09:00—10:00: blank cells stay blank


def test_sign_in_sheet_alone(db, service, tmp_path):
    meeting_id = build_council(service, approve=False)
    out = tmp_path / "signin.pdf"
    result = render_sign_in_sheet(db, out, unit=UNIT, meeting_id=meeting_id, today=TODAY)
    [page] = _texts(out)
    assert result.pages == 1 and result.rows == 9
    flat = _flat(page)
    assert "签到表" in flat and "签名" in flat and "议题" not in flat
    for name in PRESENT:
        # 𠮷 is not in the bundled font: printed as its code point and reported.
        assert name.replace("𠮷", "[U+20BB7]") in flat
    assert result.missing_chars == ["𠮷"]
