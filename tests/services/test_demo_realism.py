"""The demo data as someone who knows the work reads it (DOMAIN.md): the rules the
program enforces hold for every record, and the year has the rhythm of a real
office. Built once, read through the services' own queries where there is one."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

import pytest

from gridoffice.domain import households as hh
from gridoffice.domain import identity, party
from gridoffice.domain import inservice as inservice_rules
from gridoffice.services import demo, office
from gridoffice.services.inservice import InServiceService
from gridoffice.services.meetings import MeetingQuery, MeetingService
from gridoffice.services.roster import RosterService
from gridoffice.store.database import Database
from gridoffice.store.files import open_database
from tests import sql as dbapi
from tests.conftest import TODAY

ADULT = 18  # DOMAIN.md: a member joins at 18 at the earliest; representatives are adults


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    from gridoffice import paths

    opened = open_database(paths.resolve(tmp_path_factory.mktemp("demo") / "data"))
    office.save_profile(opened.path, office.OfficeProfile("幸福里社区", "幸福街道", "community",
                                                          "王芳"))
    database = Database(opened.path)
    demo.fill(database, seed=1, today=TODAY)
    yield database
    database.close()


@pytest.fixture(scope="module")
def sql(demo_db):
    conn = dbapi.connect(demo_db.path)
    conn.row_factory = dbapi.Row
    yield lambda query, *params: conn.execute(query, params).fetchall()
    conn.close()


def day(value: str) -> dt.date:
    return dt.date.fromisoformat(value[:10])


def age(birth: str, on: dt.date) -> int:
    return identity.age_on(day(birth), on)


def test_roles_are_held_by_adults_who_live_here(sql):
    reps = sql("SELECT r.birth_date, m.start_at, a.identity FROM meeting_attendee a "
               "JOIN resident r ON r.id = a.person_id JOIN meeting m ON m.id = a.meeting_id "
               "WHERE a.person_kind = 'resident'")
    assert reps
    assert all(age(r["birth_date"], day(r["start_at"])) >= ADULT for r in reps)
    helpers = sql("SELECT g.role, g.grid_id, g.resident_id, r.birth_date, h.grid_id AS home "
                  "FROM grid_role g LEFT JOIN resident r ON r.id = g.resident_id "
                  "LEFT JOIN household h ON h.id = r.household_id "
                  "WHERE g.role IN ('building_head', 'volunteer')")
    assert helpers
    for helper in helpers:  # a resident of the grid, linked, grown up
        assert helper["resident_id"] and helper["home"] == helper["grid_id"], dict(helper)
        assert age(helper["birth_date"], TODAY) >= ADULT
    for member in sql("SELECT birth_date, join_date FROM member"):
        party.validate_join_date(day(member["join_date"]), day(member["birth_date"]), TODAY)
    heads = sql("SELECT birth_date FROM resident WHERE relation = '02'")
    assert min(age(h["birth_date"], TODAY) for h in heads) >= ADULT
    for reg in sql("SELECT m.birth_date FROM registration g JOIN member m ON m.id = g.member_id"):
        assert 20 <= age(reg["birth_date"], TODAY) < 60  # in service: of working age


def test_families_have_ages_that_fit(sql):
    people = defaultdict(list)
    for r in sql("SELECT household_id, relation, birth_date, marital_status, ethnicity "
                 "FROM resident"):
        people[r["household_id"]].append(r)
    for members in people.values():
        hh.check_heads([r["relation"] for r in members])
        head = next(r for r in members if r["relation"] == "02")
        for r in members:
            gap = age(head["birth_date"], TODAY) - age(r["birth_date"], TODAY)
            if r["relation"][0] in "23":  # son, daughter: born when the head was grown up
                assert gap >= 15, (dict(head), dict(r))
                parents = {p["ethnicity"] for p in members if p["relation"] in ("02", "10")}
                assert r["ethnicity"] in parents, (dict(head), dict(r))
            if r["relation"][0] in "5":  # a parent of the head
                assert gap <= -15, (dict(head), dict(r))
            if r["relation"] == "10":
                assert age(r["birth_date"], TODAY) >= 20 and r["marital_status"] == "20"
            if age(r["birth_date"], TODAY) < 16:
                assert r["marital_status"] == "10"


GIRLS_ONLY, BOYS_ONLY = set("娟娜芳丽霞萍梅凤燕琪萱艳"), set("刚强勇军磊鹏斌浩")


def test_names_fit_sex_and_family(sql):
    for person in sql("SELECT name, sex FROM resident UNION ALL SELECT name, sex FROM member"):
        given = set(person["name"][1:])
        assert not given & (GIRLS_ONLY if person["sex"] == "1" else BOYS_ONLY), dict(person)
    owners = sql("SELECT s.owner, r.name FROM house s JOIN household h ON h.house_id = s.id "
                 "JOIN resident r ON r.household_id = h.id AND r.relation = '02' "
                 "WHERE s.use = 'owner_occupied'")
    assert owners and all(o["owner"] == o["name"] for o in owners)  # they live in their own


def test_few_probationary_members_wait_for_full_membership(demo_db, sql):
    roster = RosterService(demo_db, today=TODAY)
    overdue = [item for item in roster.due_list() if item.bucket == "overdue"]
    probationary = sql("SELECT count(*) FROM member WHERE status = 'probationary' "
                       "AND relation_status = 'normal'")[0][0]
    # A handful whose year ended since the last quarterly branch meeting, no more.
    assert len(overdue) <= max(3, probationary // 2)
    assert all(item.days_left >= -92 for item in overdue), overdue
    for member in sql("SELECT id, join_date, full_date, probation_extension_months "
                      "FROM member WHERE status = 'full'"):
        party.validate_full_date(day(member["full_date"]), day(member["join_date"]),
                                 member["probation_extension_months"])
        history = {(e.kind, e.on_date) for e in roster.history(member["id"])}
        assert ("confirmed", day(member["full_date"])) in history  # 转正 is in the history
    for member in sql("SELECT id, relation_status, status_date FROM member "
                      "WHERE relation_status LIKE 'transfer%'"):
        [transfer] = roster.transfers(member["id"])  # a transfer tells where they went
        assert transfer.to_org and transfer.out_date == day(member["status_date"])


def test_sign_ins_are_spread_before_each_meeting_and_activity(demo_db, sql):
    signed = sql("SELECT a.signed_at, m.start_at FROM meeting_attendee a "
                 "JOIN meeting m ON m.id = a.meeting_id WHERE a.signed_at IS NOT NULL")
    assert len(signed) > 100
    times = Counter(s["signed_at"][11:16] for s in signed)
    assert len(times) > 20 and max(times.values()) < len(signed) / 5, times.most_common(3)
    for s in signed:  # from half an hour before the start to a few minutes late
        lead = dt.datetime.fromisoformat(s["start_at"]) - dt.datetime.fromisoformat(
            s["signed_at"])
        assert dt.timedelta(minutes=-10) <= lead <= dt.timedelta(minutes=40), dict(s)
    records = InServiceService(demo_db, today=TODAY).records()
    assert records
    checked = [r for r in records if r.check_in_at is not None]
    assert len(checked) == len(records)  # every record came from a check-in and out
    for record in checked:
        assert record.check_in_at.date() == record.on_date
        assert record.check_out_at > record.check_in_at
        assert record.hours == inservice_rules.hours_between(record.check_in_at,
                                                             record.check_out_at)
    assert len({r.check_in_at.time() for r in checked}) > 20


def test_households_are_visited_through_the_year(sql):
    visits = sql("SELECT v.household_id, v.visit_date, v.visitor, h.grid_id, h.last_visit "
                 "FROM visit v JOIN household h ON h.id = v.household_id WHERE NOT v.deleted")
    households = sql("SELECT id FROM household")
    visited = {v["household_id"] for v in visits}
    assert len(visited) >= 0.95 * len(households)
    recent = {v["household_id"] for v in visits if day(v["visit_date"]) > TODAY - dt.timedelta(
        days=120)}
    assert len(recent) >= 0.8 * len(households)  # about once a quarter
    months = Counter(day(v["visit_date"]).replace(day=1) for v in visits)
    assert len(months) == 12 and min(months.values()) > len(households) / 10, months
    workers = defaultdict(set)
    for role in sql("SELECT grid_id, person_name FROM grid_role WHERE role = 'full_time'"):
        workers[role["grid_id"]].add(role["person_name"])
    latest: dict[str, dt.date] = {}
    for v in visits:
        when = day(v["visit_date"])
        assert when <= TODAY and when.weekday() < 5
        assert v["visitor"] in workers[v["grid_id"]]  # the grid's own grid workers
        latest[v["household_id"]] = max(latest.get(v["household_id"], when), when)
    assert all(day(v["last_visit"]) == latest[v["household_id"]] for v in visits)


def months_before(today: dt.date, count: int) -> list[dt.date]:
    """The ``count`` whole months before ``today``'s month, as first days."""
    firsts, first = [], today.replace(day=1)
    for _ in range(count):
        first = (first - dt.timedelta(days=1)).replace(day=1)
        firsts.append(first)
    return firsts


def test_three_meetings_one_lesson_keep_their_rhythm(demo_db, sql):
    held = [m for m in MeetingService(demo_db, today=TODAY).list_meetings(MeetingQuery())
            if m.status == "finished"]
    org_of = {r["id"]: r["org_id"] for r in sql("SELECT id, org_id FROM meeting")}
    done = defaultdict(set)  # (org, type) -> first days of months with one
    for meeting in held:
        done[(org_of[meeting.id], meeting.meeting_type)].add(meeting.start_at.date()
                                                             .replace(day=1))
    branches = sql("SELECT id, name FROM org WHERE org_type IN ('branch', 'joint_branch') "
                   "AND retired_on IS NULL")
    assert len(branches) >= 4
    months = months_before(TODAY, 11)
    # quarters begun within the year and over by now
    quarters = {m for m in months if m.month % 3 == 1 and m + dt.timedelta(days=92) < TODAY}
    assert len(quarters) >= 3
    for branch in branches:
        for kind in ("branch_committee", "theme_day"):  # monthly
            assert set(months) <= done[(branch["id"], kind)], (branch["name"], kind)
        for kind in ("branch_congress", "party_lecture"):  # quarterly
            got = {dt.date(m.year, (m.month - 1) // 3 * 3 + 1, 1)
                   for m in done[(branch["id"], kind)]}
            assert quarters <= got, (branch["name"], kind)
        for group in sql("SELECT id, name FROM org WHERE parent_id = ? AND org_type = 'group'",
                         branch["id"]):
            assert set(months) <= done[(group["id"], "party_group")], group["name"]
    titles = [r["title"].removesuffix("（补充）") for r in sql(
        "SELECT i.title FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id "
        "WHERE m.meeting_type = 'council'")]
    assert titles and len(set(titles)) == len(titles)  # a year of different matters
    councils = sorted(m.start_at for m in held if m.meeting_type == "council")
    assert len(councils) >= 11
    for start in councils:  # the 10th, or the next working day, in the afternoon
        assert start.day >= 10 and start.weekday() < 5 and start.hour >= 13
        assert start.day == 10 or (start - dt.timedelta(days=start.day - 10)).weekday() >= 5


HEALTH, SCHOOL = ("医院", "卫生"), ("学",)
SECTORS = {"医生": HEALTH, "主治医师": HEALTH, "护士": HEALTH, "护士长": HEALTH, "药剂师": HEALTH,
           "全科医生": HEALTH, "教师": SCHOOL, "班主任": SCHOOL, "法官": ("法院",),
           "法官助理": ("法院",), "书记员": ("法院",), "税收管理员": ("税务",), "柜员": ("银行",),
           "律师": ("律师",)}


def test_jobs_fit_the_work_units_and_their_party_organisations(demo_db, sql):
    jobs = sql("SELECT work_unit, job, category, unit_party_org FROM member "
               "WHERE job IS NOT NULL")
    assert jobs
    for row in jobs:
        sectors = SECTORS.get(row["job"], ("",))
        assert any(sector in row["work_unit"] for sector in sectors), dict(row)
    units = {u.name: u for u in InServiceService(demo_db, today=TODAY).work_units()}
    for row in jobs:
        if row["category"] == "in_service":
            assert row["unit_party_org"] == units[row["work_unit"]].party_org, dict(row)
    for reg in InServiceService(demo_db, today=TODAY).registrations():
        member = sql("SELECT work_unit, job FROM member WHERE id = ?", reg.member_id)[0]
        assert (reg.work_unit, reg.job) == (member["work_unit"], member["job"])


def test_posts_are_claimed_on_the_days_members_took_them(demo_db, sql):
    service = InServiceService(demo_db, today=TODAY)
    claims = service.claims()
    assert len(claims) > 10
    assert len({c.claimed_on for c in claims}) > len(claims) / 2
    reviewed = {r["id"]: day(r["reviewed_on"]) for r in sql(
        "SELECT id, reviewed_on FROM registration WHERE reviewed_on IS NOT NULL")}
    assert all(reviewed[c.registration_id] <= c.claimed_on <= TODAY for c in claims)
    assert any(p.full for p in service.posts())


def test_most_in_service_members_re_register_on_time(demo_db):
    service = InServiceService(demo_db, today=TODAY)
    serving = [r for r in service.registrations() if r.review_status == "approved"]
    late = [r for r in service.reregistration_due(within_days=0) if r.reregister_due < TODAY]
    assert serving and len(late) <= 0.25 * len(serving)
    for r in service.registrations():
        if r.review_status != "approved":  # waiting for review, or returned: recent
            assert r.report_date > TODAY - dt.timedelta(days=60)
    categories = {p.id: p.category for p in service.posts()}
    wishes = {r.id: r.wished_categories for r in service.registrations()}
    claims = service.claims()
    wished = [c for c in claims if categories[c.post_id] in wishes[c.registration_id]]
    assert len(wished) >= 0.8 * len(claims)  # most claim the kind of post they asked for


def test_id_numbers_pass_the_programs_own_checks(sql):
    people = sql("SELECT name, id_type, id_number, birth_date, sex, population_type "
                 "FROM resident UNION ALL SELECT name, id_type, id_number, birth_date, sex, "
                 "NULL FROM member")
    for person in people:
        parsed = identity.parse_id_for_type(person["id_type"], person["id_number"], today=TODAY)
        assert parsed is not None, dict(person)
        identity.check_agrees(parsed, day(person["birth_date"]), person["sex"])
    by_start = {p["id_number"][:2]: p for p in people if p["id_type"] != "resident"}
    for start in ("81", "82", "83"):  # Hong Kong, Macau, Taiwan residents
        assert by_start[start]["id_type"] == "hmt_permit"
        assert by_start[start]["population_type"] == "overseas"
    foreigners = [p for p in people if p["id_number"].startswith("9")]
    assert foreigners and all(p["id_type"] == "foreigner" for p in foreigners)


def test_residents_pass_the_registers_rules(sql):
    residents = sql("SELECT id, name, birth_date, residence_status, population_type, "
                    "move_in_date, moved_out_on, died_on, guardian_note FROM resident")
    for r in residents:
        assert hh.residence_warning(r["name"], r["residence_status"],
                                    r["population_type"]) is None, dict(r)
        hh.validate_move(*(day(r[k]) if r[k] else None for k in (
            "move_in_date", "moved_out_on", "died_on", "birth_date")), TODAY)
    guardians = {r["id"]: r for r in residents}
    for tag in sql("SELECT resident_id, tag, disability_type, disability_grade, from_date "
                   "FROM resident_tag"):
        person = guardians[tag["resident_id"]]
        hh.care_tag_checks(tag["tag"], tag["disability_type"], tag["disability_grade"],
                           day(person["birth_date"]), TODAY, person["guardian_note"])
        assert day(tag["from_date"]) < TODAY  # a tag has a history, not all from today


CONTENT = {  # what a user sees, without ids and clocks
    "member": "name, birth_date, id_number, join_date, full_date, status, category, work_unit, "
              "job, party_post, relation_status",
    "resident": "name, birth_date, id_number, relation, population_type, work_or_school",
    "meeting": "meeting_type, start_at, title, place, host, status",
    "meeting_attendee": "name, presence, signed_at",
    "visit": "visit_date, visitor, findings",
    "post_claim": "applied_on, claimed_on, status",
    "service_record": "on_date, check_in_at, check_out_at, hours",
}


def content(path) -> dict[str, list[tuple]]:
    conn = dbapi.connect(path)
    try:
        return {table: sorted(conn.execute(f"SELECT {columns} FROM {table}").fetchall(),
                              key=repr) for table, columns in CONTENT.items()}
    finally:
        conn.close()


def test_the_same_seed_gives_the_same_demo(demo_db, db):
    demo.fill(db, seed=1, today=TODAY)
    assert content(db.path) == content(demo_db.path)
