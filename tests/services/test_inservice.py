"""In-service members on a real database: registration linked to the person,
review, posts with quotas, check-in and check-out confirmed by staff, an
append-only points ledger, periods and grades."""

from __future__ import annotations

import datetime as dt

import pytest

from gridoffice.domain import inservice as rules
from gridoffice.errors import UserError, ValidationError
from gridoffice.services import inservice as svc
from gridoffice.services.inservice import (
    ActivityDraft,
    InServiceService,
    PostDraft,
    RegistrationDraft,
    RegistrationQuery,
    WorkUnitDraft,
)
from gridoffice.store import digest
from tests import sql

NOW = dt.datetime(2026, 11, 21, 9, 0)


@pytest.fixture
def service(db):
    return InServiceService(db, operator="王芳", now=NOW, point_rules=rules.PointRules())


@pytest.fixture
def unit(service):
    return service.add_work_unit(WorkUnitDraft("区教育局", "government", "区教育局机关党委"))


def _snapshot(db):
    conn = sql.connect(db.path)
    try:
        return digest.digests(conn)
    finally:
        conn.close()


def _register(service, unit, name="李明", id_number="110105195803120213",
              mobile="13812345678", approve=True, **values):
    registration = service.register(RegistrationDraft(
        unit, dt.date(2026, 3, 1), name=name, id_number=id_number, mobile=mobile, **values))
    if approve:
        service.review(registration, True)
    return registration


def test_register_review_and_first_points(service, unit):
    registration = _register(service, unit, approve=False)
    row = service.registration(registration)
    assert row.code == "ZB0001"
    assert row.review_status == rules.PENDING
    assert row.id_number == "110105********0213" and row.mobile == "138****5678"
    assert row.sex == "1" and row.birth == "1958-03"
    with pytest.raises(ValidationError):
        service.review(registration, False, "")
    service.review(registration, False, "工作单位填写不全")
    assert service.registration(registration).review_status == rules.RETURNED
    service.review(registration, True)
    service.review(registration, True)  # the first-registration points come once
    entries = service.entries(registration)
    assert [(e.item, e.points) for e in entries] == [(rules.FIRST_REGISTRATION, 10)]


def test_no_second_copy_of_a_person(db, service, unit):
    from gridoffice.services import demo

    demo.fill(db, today=dt.date(2026, 11, 21))
    with db.read() as session:
        from sqlmodel import select

        from gridoffice.store.tables import Member, Resident

        member = session.exec(select(Member).where(Member.relation_status == "normal")).first()
        resident = session.exec(select(Resident).where(Resident.member_id == member.id)).first()
    registration = service.register(RegistrationDraft(unit, dt.date(2026, 3, 1),
                                                      member_id=member.id))
    row = service.registration(registration)
    assert row.name == member.name and row.linked == "member"
    assert row.resident_id == (resident.id if resident else None)
    with pytest.raises(ValidationError) as raised:
        service.register(RegistrationDraft(unit, dt.date(2026, 3, 1), name=member.name,
                                           id_number=member.id_number))
    assert row.code in raised.value.english()
    if resident is not None:
        with pytest.raises(ValidationError):
            service.register(RegistrationDraft(unit, dt.date(2026, 3, 1),
                                               resident_id=resident.id))


def test_full_post_refuses_more_claims(db, service, unit):
    post = service.add_post(PostDraft("楼道长", "governance", 2))
    first, second, third = (_register(service, unit, name, id_number, mobile)
                            for name, id_number, mobile in (
                                ("李明", "110105195803120213", "13812345678"),
                                ("王红", "110105196307080421", "13912345678"),
                                ("赵强", "310104197502190357", "13712345678")))
    service.claim(first, post)
    service.claim(second, post)
    before = _snapshot(db)
    with pytest.raises(UserError) as raised:
        service.claim(third, post)
    assert "2" in raised.value.localized("zh_CN")
    assert _snapshot(db) == before
    applying = service.claim(third, post, accept=False)  # may apply, waits for a place
    with pytest.raises(UserError):
        service.decide_claim(applying, True)
    [row] = service.posts()
    assert (row.claimed, row.applying, row.full) == (2, 1, True)
    with pytest.raises(ValidationError):
        service.update_post(post, PostDraft("楼道长", "governance", 1))


def test_check_in_and_out_earn_points_once(db, service, unit):
    registration = _register(service, unit)
    activity = service.add_activity(ActivityDraft("垃圾分类宣传", dt.date(2026, 11, 21)))
    [found] = service.lookup("5678")
    assert found.id == registration
    assert service.lookup("ZB0001")[0].id == registration
    assert service.lookup("GRIDOFFICE:zb0001")[0].id == registration
    assert service.lookup("ZB9999") == []
    before = _snapshot(db)
    with pytest.raises(UserError):
        service.check_out(activity, registration, NOW)  # not checked in
    assert _snapshot(db) == before
    service.check_in(activity, registration, NOW)
    with pytest.raises(UserError):
        service.check_in(activity, registration, NOW)  # twice
    with pytest.raises(ValidationError):
        service.check_out(activity, registration, NOW - dt.timedelta(hours=1))
    result = service.check_out(activity, registration, NOW + dt.timedelta(hours=2, minutes=5))
    assert result.hours == 2.0 and result.points == 5
    [record] = service.records(registration_id=registration)
    assert record.confirmed_by == "王芳" and record.points == 5


def test_duty_points_by_hours_and_hours_over_a_day(service, unit):
    registration = _register(service, unit)
    post = service.add_post(PostDraft("治安巡逻", "safety", 5))
    duty = service.add_activity(ActivityDraft("周末巡逻", dt.date(2026, 11, 21), "duty",
                                              post_id=post))
    service.check_in(duty, registration, NOW)
    assert service.check_out(duty, registration, NOW + dt.timedelta(hours=3)).points == 6
    with pytest.raises(ValidationError):
        service.add_record(registration, dt.date(2026, 11, 20), 25, "值班")


def test_points_rule_changed_mid_period_keeps_past_entries(db, unit):
    old = InServiceService(db, "王芳", now=NOW, point_rules=rules.PointRules(activity=2))
    registration = _register(old, unit)
    old.add_record(registration, dt.date(2026, 10, 5), 2, "义诊")
    svc.save_point_rules(db.path, rules.PointRules(activity=3))
    new = InServiceService(db, "王芳", now=NOW)
    new.add_record(registration, dt.date(2026, 11, 5), 2, "义诊")
    entries = new.entries(registration)
    assert [e.points for e in entries if e.item == rules.ACTIVITY] == [2, 3]
    assert [e.basis for e in entries if e.item == rules.ACTIVITY] == ["activity=2",
                                                                      "activity=3"]


def test_points_entries_are_append_only(db, service, unit):
    registration = _register(service, unit)
    absence = service.add_points(registration, rules.ABSENCE, dt.date(2026, 11, 3), "无故缺席")
    service.correct(absence, 5, "已请假，误记")
    assert sum(e.points for e in service.entries(registration)) == 10
    conn = sql.connect(db.path)
    try:
        with pytest.raises(sql.DatabaseError):
            conn.execute("UPDATE points_entry SET points = 100")
        with pytest.raises(sql.DatabaseError):
            conn.execute("DELETE FROM points_entry")
    finally:
        conn.close()
    with pytest.raises(ValidationError):
        service.add_points(registration, rules.ACTIVITY)


def test_period_totals_grades_and_units(db, service, unit):
    other_unit = service.add_work_unit(WorkUnitDraft("区人民医院", "institution"))
    a = _register(service, unit)
    b = _register(service, other_unit, "王红", "110105196307080421", "13912345678")
    for month in (7, 8, 9):
        service.add_record(a, dt.date(2026, month, 10), 8, "社区服务")  # an activity: 5
    service.add_points(a, rules.AWARD, dt.date(2026, 9, 30), "优秀志愿者")
    service.add_points(b, rules.ABSENCE, dt.date(2026, 9, 1))
    q3 = rules.parse_period("2026Q3")
    rows = {r.registration_id: r for r in service.points(q3)}
    assert rows[a].period_points == 25 and rows[a].activities == 3 and rows[a].hours == 24
    assert rows[a].year_points == 35  # with the first registration in March
    assert rows[a].grade == rules.FAIL
    assert rows[b].period_points == -5
    assert [r.registration_id for r in service.points(q3, work_unit_id=other_unit)] == [b]
    summaries = {s.work_unit: s for s in service.unit_summaries(q3)}
    assert summaries["区教育局"].points == 25


def test_reregistration_due_list(service, unit):
    registration = _register(service, unit)  # registered 2026-03-01, due 2026-09-01
    assert [r.id for r in service.reregistration_due(30)] == [registration]
    service.reregister(registration, dt.date(2026, 11, 1))
    assert service.reregistration_due(30) == []
    assert service.registration(registration).reregister_due == dt.date(2027, 5, 1)


def test_left_member_cannot_check_in_and_claims_end(service, unit):
    registration = _register(service, unit)
    post = service.add_post(PostDraft("楼道长", "governance", 1))
    service.claim(registration, post)
    service.leave(registration, dt.date(2026, 11, 1), "调离")
    assert service.posts()[0].claimed == 0
    activity = service.add_activity(ActivityDraft("宣传", dt.date(2026, 11, 21)))
    with pytest.raises(UserError):
        service.check_in(activity, registration)
    assert service.registrations() == []
    assert len(service.registrations(RegistrationQuery(include_left=True))) == 1


def test_confirmer_is_required(db, unit):
    service = InServiceService(db, operator="", now=NOW)
    registration = _register(service, unit)
    with pytest.raises(ValidationError):
        service.add_record(registration, dt.date(2026, 11, 20), 2, "值班")


def test_the_search_finds_in_sql_what_the_rule_finds(service, unit):
    """The text filter runs in SQL (a keystroke builds and masks only the matches); it
    keeps exactly the rows the exact rule keeps: part of the name, the card code, a
    pinyin reading or the initials, from the start."""
    from gridoffice.domain.identity import check_character

    people = [("李明", "11010519580312021", "13812345678"),
              ("张晓红", "11010519651204002", "13912345679"),
              ("欧阳明", "11010519700101001", "13712345670"),
              ("吕绿", "11010519880707002", "13612345671")]
    for name, base, mobile in people:
        _register(service, unit, name=name, id_number=base + check_character(base),
                  mobile=mobile)
    everyone = service._registration_rows(None)
    codes = [row.code for row, _keys in everyone]
    for text in ("明", "李", "晓红", "li", "lim", "zxh", "zhangxiao", "oy", "ouyangming",
                 "lv", "lu", "LI", " ming", codes[1], codes[1].lower(), "zz", "110105"):
        needle = text.strip()
        key = svc.registrations.search_keys.query_key(needle)
        expected = [row.code for row, keys in everyone
                    if needle in row.name or needle.upper() == row.code
                    or (key and any(k.startswith(key) for k in keys))]
        found = [row.code for row in service.registrations(RegistrationQuery(text=text))]
        assert found == expected, text
    assert [r.name for r in service.registrations(RegistrationQuery(text="zxh"))] == ["张晓红"]


def test_the_estate_s_property_company_and_owners_committee_are_units_too(db, service):
    """Co-building: units of the area without in-service members of their own."""
    before = _snapshot(db)
    with pytest.raises(ValidationError) as caught:
        service.add_work_unit(WorkUnitDraft("幸福里业委会", "owners_club"))
    assert caught.value.field == "unit_type" and _snapshot(db) == before
    committee = service.add_work_unit(WorkUnitDraft("幸福里小区业主委员会", "owners_committee",
                                                    contact="赵主任"))
    company = service.add_work_unit(WorkUnitDraft("安居物业服务有限公司", "property_company"))
    assert service.work_unit(committee).unit_type == "owners_committee"
    assert {row.name: row.unit_type for row in service.work_units()} == {
        "幸福里小区业主委员会": "owners_committee", "安居物业服务有限公司": "property_company"}
    assert rules.UNIT_TYPES.zh("owners_committee") == "业委会"
    assert company
