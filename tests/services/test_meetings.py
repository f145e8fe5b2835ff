"""Meetings service on a real database: schedule, sign in, agenda, vote, follow up,
approve and amend; every bad input leaves the data as it was."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from gridoffice.domain import meetings as rules
from gridoffice.errors import UserError, ValidationError
from gridoffice.services import meetings as svc
from gridoffice.services.meetings import (
    AttendeeDraft,
    FollowUpDraft,
    FollowUpQuery,
    ItemDraft,
    MeetingDraft,
    MeetingQuery,
    MeetingRules,
    MeetingService,
    ResolutionDraft,
    SpeechDraft,
)
from gridoffice.store import digest

NOW = dt.datetime(2026, 11, 21, 9, 0)


@pytest.fixture
def meetings(db):
    return MeetingService(db, operator="王芳", now=NOW, meeting_rules=MeetingRules())


def _snapshot(db):
    from tests import sql

    conn = sql.connect(db.path)
    try:
        return digest.digests(conn)
    finally:
        conn.close()


def _council(meetings, day=dt.date(2026, 11, 10), **values):
    start = dt.datetime.combine(day, dt.time(14, 30))
    draft = MeetingDraft(rules.COUNCIL, start, start + dt.timedelta(hours=2),
                         place="社区议事厅", host="李主任", recorder="王芳", **values)
    return meetings.create_meeting(draft)


def _signed_in(meetings, present=5, leave=1, absent=1, observers=1):
    meeting_id = _council(meetings)
    names = iter(f"代表{i}" for i in range(100))
    ids = meetings.add_attendees(meeting_id, [
        AttendeeDraft(next(names), "resident_rep") for _ in range(present + leave + absent)
    ] + [AttendeeDraft("赵警官", "police", presence=rules.OBSERVER) for _ in range(observers)])
    for i, attendee_id in enumerate(ids[: present + leave + absent]):
        if i < present:
            meetings.set_presence(attendee_id, rules.PRESENT)
        elif i < present + leave:
            meetings.set_presence(attendee_id, rules.LEAVE, "出差")
        else:
            meetings.set_presence(attendee_id, rules.ABSENT, "未联系上")
    return meeting_id, ids


def test_propose_first_council_this_month_or_next(meetings):
    draft = meetings.propose_council()
    # 2026-12-10 is a Thursday; November's 10th is past on the 21st.
    assert draft.start_at == dt.datetime(2026, 12, 10, 14, 30)
    assert draft.session_no == 1
    assert draft.meeting_type == rules.COUNCIL


def test_propose_moves_off_the_weekend_and_numbers_the_session(db):
    service = MeetingService(db, operator="王芳", now=dt.datetime(2026, 9, 1, 9),
                             meeting_rules=MeetingRules())
    first = service.schedule_next_council()
    # 2026-10-10 is a Saturday: the council moves to Monday the 12th … after 9-10.
    assert service.meeting_draft(first).start_at.date() == dt.date(2026, 9, 10)
    second = service.schedule_next_council()
    draft = service.meeting_draft(second)
    assert draft.start_at.date() == dt.date(2026, 10, 12)
    assert draft.session_no == 2


def test_propose_respects_holidays_from_the_settings(db):
    holidays = frozenset(dt.date(2026, 10, d) for d in range(1, 9))
    service = MeetingService(db, now=dt.datetime(2026, 9, 20, 9),
                             meeting_rules=MeetingRules(council_day=8, holidays=holidays))
    assert service.propose_council().start_at.date() == dt.date(2026, 10, 9)


def test_rules_round_trip_through_settings(db):
    value = MeetingRules(council_day=15, move_off_days_off=False,
                         council_time=dt.time(9, 0), holidays=frozenset({dt.date(2027, 1, 1)}),
                         vote_base="expected", place="党群服务中心")
    svc.save_rules(db.path, value)
    assert svc.load_rules(db.path) == value
    with pytest.raises(ValidationError):
        svc.save_rules(db.path, MeetingRules(council_day=31))


def test_attendance_is_derived_from_the_marks(meetings):
    meeting_id, _ids = _signed_in(meetings, present=5, leave=1, absent=1, observers=1)
    minutes = meetings.minutes(meeting_id)
    assert minutes.attendance.expected == 7
    assert minutes.attendance.present == 5
    assert minutes.attendance.observers == 1
    row = meetings.list_meetings(MeetingQuery(year=2026))[0]
    assert (row.expected, row.present) == (7, 5)
    assert row.ref == "20261110-1"


def test_absentee_without_reason_is_refused(db, meetings):
    meeting_id = _council(meetings)
    attendee = meetings.add_attendee(meeting_id, AttendeeDraft("张伟", "resident_rep"))
    before = _snapshot(db)
    with pytest.raises(ValidationError) as raised:
        meetings.set_presence(attendee, rules.ABSENT)
    assert raised.value.field == "absence_reason"
    assert "缺席" in raised.value.localized("zh_CN")
    assert _snapshot(db) == before


def test_same_person_twice_is_refused(meetings):
    meeting_id = _council(meetings)
    meetings.add_attendee(meeting_id, AttendeeDraft("张伟", "resident_rep"))
    with pytest.raises(ValidationError):
        meetings.add_attendee(meeting_id, AttendeeDraft(" 张伟 ", "resident_rep"))
    # Two different 张伟 are told apart by their unit.
    meetings.add_attendee(meeting_id, AttendeeDraft("张伟", "unit", unit="物业公司"))


def test_headcount_meeting_present_above_expected_is_refused(db, meetings):
    start = dt.datetime(2026, 7, 1, 9)
    draft = MeetingDraft("party_lecture", start, start + dt.timedelta(hours=1),
                         headcount_expected=40, headcount_present=41)
    before = _snapshot(db)
    with pytest.raises(ValidationError) as raised:
        meetings.create_meeting(draft)
    assert raised.value.field == "headcount_present"
    assert _snapshot(db) == before
    meeting_id = meetings.create_meeting(
        MeetingDraft("party_lecture", start, start + dt.timedelta(hours=1),
                     headcount_expected=40, headcount_present=36))
    assert meetings.minutes(meeting_id).attendance.present == 36


def test_end_before_start_is_refused(db, meetings):
    start = dt.datetime(2026, 11, 10, 14, 30)
    before = _snapshot(db)
    with pytest.raises(ValidationError) as raised:
        meetings.create_meeting(MeetingDraft(rules.COUNCIL, start, start - dt.timedelta(1 / 24)))
    assert raised.value.field == "end_at"
    assert _snapshot(db) == before


def test_session_number_is_unique_per_type(meetings):
    _council(meetings, session_no=3)
    with pytest.raises(ValidationError) as raised:
        _council(meetings, day=dt.date(2026, 12, 10), session_no=3)
    assert raised.value.field == "session_no"


def test_vote_result_follows_the_rule_and_attendance(meetings):
    meeting_id, ids = _signed_in(meetings, present=5)
    item = meetings.add_item(meeting_id, ItemDraft("加装电梯", "residents", "3号楼居民"))
    meetings.add_speech(item, SpeechDraft("张伟", "低层住户担心采光"))
    passed = meetings.add_resolution(item, ResolutionDraft("同意3号楼加装电梯", yes=3, no=1,
                                                           abstain=1))
    tied = meetings.add_resolution(item, ResolutionDraft("费用按楼层分摊", yes=2, no=2,
                                                         abstain=1))
    results = {r.id: r.result for r in meetings.minutes(meeting_id).items[0].resolutions}
    assert results == {passed: rules.PASSED, tied: rules.REJECTED}
    deferred = meetings.add_resolution(item, ResolutionDraft("停车收费", yes=4, deferred=True))
    assert meetings.minutes(meeting_id).items[0].resolutions[2].result == rules.DEFERRED
    assert deferred


def test_more_votes_than_present_is_refused(db, meetings):
    meeting_id, ids = _signed_in(meetings, present=5)
    item = meetings.add_item(meeting_id, ItemDraft("楼道堆物清理"))
    before = _snapshot(db)
    with pytest.raises(ValidationError) as raised:
        meetings.add_resolution(item, ResolutionDraft("限期清理", yes=4, no=1, abstain=1))
    assert raised.value.field == "votes"
    assert "6" in raised.value.localized("zh_CN")
    assert _snapshot(db) == before
    meetings.add_resolution(item, ResolutionDraft("限期清理", yes=5))
    # Unmarking someone present would leave more votes than people: refused too.
    with pytest.raises(ValidationError):
        meetings.set_presence(ids[0], rules.LEAVE, "临时有事")


def test_follow_ups_overdue_is_derived_and_tracked(db):
    service = MeetingService(db, now=dt.datetime(2026, 11, 21, 9))
    meeting_id, _ = _signed_in(service)
    item = service.add_item(meeting_id, ItemDraft("小区路灯维修"))
    resolution = service.add_resolution(item, ResolutionDraft("一周内修复", yes=5))
    late = service.add_follow_up(resolution, FollowUpDraft("联系物业维修", "物业公司",
                                                           dt.date(2026, 11, 17)))
    service.add_follow_up(resolution, FollowUpDraft("张贴公告", "网格员",
                                                    dt.date(2026, 11, 30), rules.DOING))
    done = service.add_follow_up(resolution, FollowUpDraft("回访居民", "王芳",
                                                           dt.date(2026, 11, 20)))
    service.complete_follow_up(done, dt.date(2026, 11, 19), "居民满意")
    states = {r.id: r.state for r in service.follow_ups()}
    assert states[late] == rules.OVERDUE
    assert states[done] == rules.DONE
    counts = service.tracking_counts(2026)
    assert counts == (2, 1, 1, 3)
    assert [r.id for r in service.follow_ups(FollowUpQuery(state="overdue"))] == [late]
    with pytest.raises(ValidationError) as raised:
        service.add_follow_up(resolution, FollowUpDraft("x", "y", dt.date(2026, 1, 1)))
    assert raised.value.field == "due_date"
    with pytest.raises(ValidationError):
        service.complete_follow_up(late, dt.date(2026, 12, 1))


def test_approval_locks_and_amendments_are_recorded(db, meetings):
    meeting_id, ids = _signed_in(meetings, present=5)
    item = meetings.add_item(meeting_id, ItemDraft("加装电梯"))
    resolution = meetings.add_resolution(item, ResolutionDraft("同意加装", yes=4, no=1))
    with pytest.raises(UserError):
        meetings.approve(meeting_id)  # not finished yet
    meetings.finish(meeting_id)
    meetings.approve(meeting_id)
    assert meetings.minutes(meeting_id).locked
    before = _snapshot(db)
    with pytest.raises(UserError) as raised:
        meetings.update_resolution(resolution, ResolutionDraft("同意加装", yes=5))
    assert "修正" in raised.value.localized("zh_CN") or "理由" in raised.value.localized("zh_CN")
    with pytest.raises(UserError):
        meetings.add_item(meeting_id, ItemDraft("补充议题"))
    assert _snapshot(db) == before
    meetings.update_resolution(resolution, ResolutionDraft("同意加装", yes=5),
                               amendment="记录人漏记一票")
    minutes = meetings.minutes(meeting_id)
    assert minutes.items[0].resolutions[0].yes == 5
    [amendment] = minutes.amendments
    assert amendment.reason == "记录人漏记一票"
    assert amendment.operator == "王芳"
    assert "4/1/0 → 5/0/0" in svc.describe_change(amendment.change)
    # Follow-ups stay open after approval.
    meetings.add_follow_up(resolution, FollowUpDraft("报街道审批", "社区居委会",
                                                     dt.date(2026, 12, 31)))


def test_approval_needs_every_attendee_marked(meetings):
    meeting_id = _council(meetings)
    meetings.add_attendee(meeting_id, AttendeeDraft("张伟", "resident_rep"))
    meetings.finish(meeting_id)
    with pytest.raises(UserError) as raised:
        meetings.approve(meeting_id)
    assert "1" in raised.value.localized("zh_CN")


def test_attachments_checked_by_content(tmp_path, db, meetings):
    meeting_id = _council(meetings)
    png = tmp_path / "签到表.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    attachment = meetings.add_attachment(meeting_id, png, "sign_in")
    name, mime, content = meetings.attachment_content(attachment)
    assert (name, mime, len(content)) == ("签到表.png", "image/png", 108)
    fake = tmp_path / "照片.jpg"
    fake.write_bytes(b"MZ\x90\x00 not a picture")
    before = _snapshot(db)
    with pytest.raises(ValidationError):
        meetings.add_attachment(meeting_id, fake)
    huge = tmp_path / "扫描.pdf"
    with huge.open("wb") as handle:
        handle.write(b"%PDF-1.4\n")
        handle.seek(rules.MAX_ATTACHMENT_BYTES + 10)
        handle.write(b"\n")
    with pytest.raises(ValidationError) as raised:
        meetings.add_attachment(meeting_id, huge)
    assert "MB" in raised.value.localized("zh_CN")
    assert _snapshot(db) == before
    assert meetings.minutes(meeting_id).meeting.attachments == 1


def test_find_meeting_by_ref_and_council_by_date(meetings):
    first = _council(meetings)
    start = dt.datetime(2026, 11, 10, 9)
    second = meetings.create_meeting(MeetingDraft("branch_committee", start,
                                                  start + dt.timedelta(hours=1)))
    assert meetings.find_meeting("20261110-1") == second  # 9:00 comes first
    assert meetings.find_meeting("20261110-2") == first
    assert meetings.council_on(dt.date(2026, 11, 10)) == first
    with pytest.raises(UserError):
        meetings.find_meeting("20261110")
    with pytest.raises(UserError):
        meetings.council_on(dt.date(2026, 11, 11))


def test_copy_attendees_from_the_last_council(db):
    service = MeetingService(db, now=dt.datetime(2026, 9, 1, 9), meeting_rules=MeetingRules())
    first = service.schedule_next_council()
    service.add_attendees(first, [AttendeeDraft("张伟", "resident_rep"),
                                  AttendeeDraft("李娜", "committee")])
    second = service.schedule_next_council()
    assert [a.name for a in service.minutes(second).attendees] == ["张伟", "李娜"]
    assert all(a.presence is None for a in service.minutes(second).attendees)


def test_year_summary_counts(meetings):
    meeting_id, _ = _signed_in(meetings, present=5)
    item = meetings.add_item(meeting_id, ItemDraft("加装电梯"))
    resolution = meetings.add_resolution(item, ResolutionDraft("同意", yes=5))
    follow = meetings.add_follow_up(resolution, FollowUpDraft("施工", "物业",
                                                              dt.date(2026, 12, 1)))
    meetings.complete_follow_up(follow, dt.date(2026, 11, 20))
    meetings.finish(meeting_id)
    cancelled = _council(meetings, day=dt.date(2026, 10, 12))
    meetings.cancel(cancelled, "台风")
    summary = meetings.year_summary(2026)
    assert (summary.held, summary.expected, summary.present) == (1, 7, 5)
    assert (summary.items, summary.resolutions, summary.passed) == (1, 1, 1)
    assert (summary.follow_ups, summary.follow_ups_done, summary.solved_this_year) == (1, 1, 1)
    council = next(t for t in summary.by_type if t.meeting_type == rules.COUNCIL)
    assert (council.held, council.cancelled) == (1, 1)


def test_people_finds_members_and_residents_masked(db, meetings):
    from gridoffice.services import demo

    demo.fill(db, today=dt.date(2026, 11, 21))
    some = meetings.people("王")
    assert some and all(p.name.startswith("王") or "王" in p.name for p in some)
    assert {p.kind for p in some} <= {"member", "resident"}
    # Masked on the data side: no ID numbers or phones, birth only as a month.
    assert not any(re.search(r"\d{7,}", p.detail) for p in some)
