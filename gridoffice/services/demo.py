"""Realistic demo data for an empty office (DOMAIN.md, "Realistic sample data").

Content is deterministic for a seed; ids and clocks are not. Later areas add
their own part to :func:`fill`.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, replace

from gridoffice.domain.names import NameGenerator
from gridoffice.errors import UserError
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.services import office
from gridoffice.services.orgs import OrgDraft, OrgService
from gridoffice.store.database import Database

MSG_STREET_NOT_EMPTY = QT_TRANSLATE_NOOP(
    "errors", "This street office already has {count} work units; demo data is only added "
    "to an empty office.")
MSG_NOT_EMPTY = QT_TRANSLATE_NOOP(
    "errors", "The data folder already holds data ({count} organisations). Demo data is "
    "only added to an empty data folder."
)

DEMO_PROFILE = office.OfficeProfile("幸福里社区", "幸福街道", "community", "王芳")
ORDINALS = "一二三四五六七八九十"
SIZES = {"small": 4, "large": 8}
MEMBERS = {"small": 160, "large": 20_000}  # about 5 % of adults in a community
HOUSEHOLDS = {"small": (6, 300, 360), "large": (8, 400, 500)}  # grids, households per grid
AREA_CODES = ("110105", "110108", "110101", "130602", "370102", "410105", "510107", "420106")
NATIVE_PLACES = ("北京市", "河北省保定市", "山东省济南市", "河南省郑州市", "四川省成都市",
                 "湖北省武汉市", "天津市", "山西省太原市", "辽宁省沈阳市", "江苏省南京市")
ESTATES = ("幸福里", "和平里", "安华里", "青年湖")
UNITS = ("区教育局", "区人民医院", "市第一中学", "街道办事处", "国网城区供电公司",
         "区税务局", "中国银行城区支行", "市自来水公司", "区人民法院", "和平里小学")
JOBS = ("科员", "教师", "医生", "护士", "工程师", "会计", "副科长", "职员", "技术员")


@dataclass(frozen=True)
class DemoSummary:
    orgs: int
    seats: int
    members: int = 0
    households: int = 0
    residents: int = 0
    meetings: int = 0
    registrations: int = 0
    work_units: int = 0


def fill(db: Database, *, seed: int = 1, size: str = "small",
         today: dt.date | None = None,
         progress: Callable[[str], None] | None = None) -> DemoSummary:
    """Fill an empty database with demo data; refuse if it holds any."""
    day = today or dt.date.today()
    profile = office.load_profile(db.path)
    if profile is None:
        profile = office.setup_office(db.path, DEMO_PROFILE)
        db.reload_identity()
    if profile.is_street:
        # A street office's records come from its communities by sync; its own are
        # the reference data it sends down to them: the work units.
        return DemoSummary(0, 0, work_units=_street_units(db, profile.operator, day))
    service = OrgService(db, operator=profile.operator, today=day)
    existing = service.list_orgs()
    if existing:
        raise UserError(MSG_NOT_EMPTY, count=len(existing))
    rng = random.Random(seed)
    names = NameGenerator(rng)
    if progress:
        progress("orgs")
    summary = _orgs(service, rng, names, profile.name, SIZES.get(size, SIZES["small"]), day)
    if progress:
        progress("members")
    members = _members(db, service, rng, names, day, MEMBERS.get(size, MEMBERS["small"]))
    if progress:
        progress("households")
    households, residents = _households(db, service, rng, names, day,
                                       HOUSEHOLDS.get(size, HOUSEHOLDS["small"]))
    if progress:
        progress("meetings")
    meetings = _meetings(db, rng, day, profile.operator)
    if progress:
        progress("in-service")
    registrations = _inservice(db, rng, day, profile.operator)
    return DemoSummary(summary.orgs, summary.seats, members, households, residents, meetings,
                       registrations)


def _past(rng: random.Random, day: dt.date, years_back: tuple[int, int]) -> dt.date:
    start = day - dt.timedelta(days=365 * years_back[1])
    end = day - dt.timedelta(days=365 * years_back[0])
    return start + dt.timedelta(days=rng.randrange(max(1, (end - start).days)))


def _orgs(service: OrgService, rng: random.Random, names: NameGenerator, office_name: str,
          branches: int, day: dt.date) -> DemoSummary:
    community = office_name.removesuffix("社区")
    founded = _past(rng, day, (4, 5))
    root = service.create(OrgDraft(f"中共{community}社区委员会", "committee",
                                   short_name=f"{community}社区党委", established=founded))
    seats = 0
    for seat in ("secretary", "deputy_secretary", "organisation", "publicity", "discipline"):
        service.appoint(root.id, seat, names.person(), founded)
        seats += 1
    # A change of secretary halfway through the term keeps the first one in history.
    service.appoint(root.id, "secretary", names.person(), _past(rng, day, (1, 2)))
    seats += 1
    count = 1
    for i in range(branches):
        established = founded + dt.timedelta(days=rng.randrange(30, 200))
        grid = f"第{ORDINALS[i]}网格"
        branch = service.create(OrgDraft(f"中共{community}社区{grid}支部委员会", "branch",
                                         root.id, short_name=f"{grid}党支部",
                                         grid_code=f"110105001001{i + 1:03d}",
                                         established=established))
        count += 1
        for seat in ("secretary", "organisation", "publicity"):
            service.appoint(branch.id, seat, names.person(), established)
            seats += 1
        for g in range(rng.randint(2, 3)):
            group = service.create(OrgDraft(f"{grid}第{ORDINALS[g]}党小组", "group", branch.id,
                                            established=established))
            service.appoint(group.id, "group_leader", names.person(), established)
            count += 1
            seats += 1
    joint = service.create(OrgDraft(f"中共{community}社区驻区单位联合支部委员会", "joint_branch",
                                    root.id, short_name="驻区单位联合党支部",
                                    established=founded + dt.timedelta(days=90)))
    service.appoint(joint.id, "secretary", names.person(), founded + dt.timedelta(days=90))
    retiree = service.create(OrgDraft(f"中共{community}社区离退休党员支部委员会", "branch", root.id,
                                      short_name="离退休党支部", established=founded))
    service.appoint(retiree.id, "secretary", names.person(), founded)
    count += 2
    seats += 2
    # A temporary branch set up for a renovation project and retired when it ended.
    temp = service.create(OrgDraft(f"{community}社区老旧小区改造临时党支部", "temp_branch", root.id,
                                   established=founded + dt.timedelta(days=200)))
    service.appoint(temp.id, "secretary", names.person(), founded + dt.timedelta(days=200))
    service.retire(temp.id, founded + dt.timedelta(days=600), reason="改造工程完工")
    count += 1
    seats += 1
    return DemoSummary(orgs=count, seats=seats)


def _id_number(rng: random.Random, birth: dt.date, sex: str) -> str:
    from gridoffice.domain.identity import check_character

    sequence = rng.randrange(0, 500) * 2 + (1 if sex == "1" else 0)
    stem = f"{rng.choice(AREA_CODES)}{birth:%Y%m%d}{sequence:03d}"
    return stem + check_character(stem)


def _random_day(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randrange(max(1, (end - start).days)))


def _members(db: Database, service: OrgService, rng: random.Random, names: NameGenerator,
             day: dt.date, total: int) -> int:
    """Members for every branch: probationary ones (some overdue), in-service, mobile,
    retired, transferred out and deceased, with placements and an event each."""
    from gridoffice.domain.identity import add_years
    from gridoffice.domain.party import full_membership_date
    from gridoffice.domain.search_keys import name_keys
    from gridoffice.store.tables import Member, MemberEvent, MemberPlacement

    orgs = [n for n in service.list_orgs(include_retired=False)
            if n.org_type in ("branch", "joint_branch")]
    retiree_branch = next((n for n in orgs if "离退休" in n.name), None)
    grid_branches = [n for n in orgs if n is not retiree_branch] or orgs
    members, placements, events = [], [], []
    used_ids: set[str] = set()
    for _ in range(total):
        roll = rng.random()
        category = ("retired" if roll < 0.12 else "in_service" if roll < 0.37
                    else "mobile" if roll < 0.42 else "direct")
        old = category == "retired"
        birth = _random_day(rng, dt.date(1938 if old else 1955, 1, 1),
                            dt.date(1960 if old else 2004, 12, 31))
        sex = "1" if rng.random() < 0.55 else "2"
        id_number = _id_number(rng, birth, sex)
        while id_number in used_ids:
            id_number = _id_number(rng, birth, sex)
        used_ids.add(id_number)
        adult = add_years(birth, 18)
        join = _random_day(rng, max(adult, dt.date(1960, 1, 1)), day)
        extension = 6 if rng.random() < 0.05 else 0
        due = full_membership_date(join, extension)
        # Most whose probation ended are full members; a few are still waiting (overdue).
        probationary = due > day or rng.random() < 0.04
        org = retiree_branch if (old and retiree_branch) else rng.choice(grid_branches)
        name = names.person()
        full_pinyin, initials = name_keys(name)
        estate = rng.choice(ESTATES)
        relation, status_date = "normal", None
        fate = rng.random()
        if fate < 0.01 and old:
            relation, status_date = "deceased", _random_day(rng, dt.date(2022, 1, 1), day)
        elif fate < 0.02:
            relation, status_date = "transferred_out", _random_day(rng, dt.date(2024, 1, 1), day)
        elif fate < 0.025:
            relation, status_date = "transferring_out", _random_day(rng, dt.date(2026, 1, 1), day)
        members.append({
            "name": name, "sex": sex, "ethnicity": "01" if rng.random() < 0.93 else
            rng.choice(("03", "05", "08", "11", "04")),
            "birth_date": birth, "id_type": "resident", "id_number": id_number,
            "id_number_original": id_number, "native_place": rng.choice(NATIVE_PLACES),
            "education": rng.choice(("20", "20", "30", "60", "70", "10", "40", "80")),
            "mobile": f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}"
            if rng.random() < 0.97 else "无",
            "join_date": join, "status": "probationary" if probationary else "full",
            "probation_extension_months": extension,
            "full_date": None if probationary else due, "category": category,
            "hardship": rng.random() < 0.03, "center_household": rng.random() < 0.02,
            "star_rating": rng.choice((None, 3, 4, 5)),
            "org_id": None if category == "in_service" else org.id,
            "work_unit": rng.choice(UNITS) if category in ("in_service", "direct") else None,
            "job": rng.choice(JOBS) if category in ("in_service", "direct") else None,
            "unit_party_org": f"中共{rng.choice(UNITS)}委员会" if category == "in_service"
            else None,
            "grid_code": org.grid_code,
            "address": f"{estate}{rng.randint(1, 12)}号楼{rng.randint(1, 4)}单元"
                       f"{rng.randint(1, 6)}{rng.randint(1, 4):02d}",
            "away_destination": rng.choice(("广东省深圳市", "上海市浦东新区", "浙江省杭州市"))
            if category == "mobile" else None,
            "away_since": _random_day(rng, dt.date(2023, 1, 1), day - dt.timedelta(days=190))
            if category == "mobile" else None,
            "relation_status": relation, "status_date": status_date,
            "party_post": "党小组长" if rng.random() < 0.03 else None,
            "name_pinyin": full_pinyin, "name_initials": initials,
        })
    with db.write() as session:
        ids = db.bulk_insert(session, Member, members)
        for member_id, values in zip(ids, members, strict=True):
            start = values["join_date"]
            ended = values["status_date"] if values["relation_status"] in (
                "deceased", "transferred_out") else None
            placements.append({"member_id": member_id, "org_id": values["org_id"],
                               "from_date": start, "to_date": ended, "reason": "added"})
            events.append({"member_id": member_id, "on_date": start, "kind": "added",
                           "detail": "{}", "operator": service.operator})
        db.bulk_insert(session, MemberPlacement, placements)
        db.bulk_insert(session, MemberEvent, events)
    return len(members)


def _households(db: Database, service: OrgService, rng: random.Random, names: NameGenerator,
                day: dt.date, size: tuple[int, int, int]) -> tuple[int, int]:
    """Grids of 300–500 households in six-storey buildings, 2–4 residents each, with
    care tags, visits, 人户分离 and the party members who live here linked, not copied."""
    from sqlmodel import col, select

    from gridoffice.domain.hlc import uuid7
    from gridoffice.domain.identity import add_years
    from gridoffice.domain.search_keys import name_keys
    from gridoffice.store.tables import (
        Building,
        Grid,
        GridRole,
        House,
        Household,
        Member,
        Resident,
        ResidentTag,
        Visit,
    )

    grid_count, low, high = size
    branches = [n for n in service.list_orgs(include_retired=False)
                if n.org_type == "branch" and n.grid_code]
    with db.read() as session:
        local_members = [m for m in session.exec(
            select(Member).where(col(Member.category).in_(("direct", "retired")),
                                 Member.relation_status == "normal")).all()]
    rng.shuffle(local_members)
    grids, roles, buildings, houses, households, residents, tags, visits = ([] for _ in range(8))
    used_ids: set[str] = set()
    for g in range(grid_count):
        branch = branches[g] if g < len(branches) else None
        code = branch.grid_code if branch else f"110105001001{g + 1:03d}"
        grid_id = uuid7()
        grids.append({"id": grid_id, "code": code, "name": f"第{ORDINALS[g]}网格",
                      "grid_type": "city", "branch_org_id": branch.id if branch else None,
                      "boundary": f"{ESTATES[g % len(ESTATES)]}小区及周边"})
        for role, count in (("leader", 1), ("full_time", 2), ("building_head", 3),
                            ("volunteer", 2)):
            for _ in range(count):
                roles.append({"grid_id": grid_id, "role": role, "person_name": names.person(),
                              "from_date": day - dt.timedelta(days=rng.randrange(30, 1500))})
        estate = ESTATES[g % len(ESTATES)]
        target = rng.randint(low, high)
        made = 0
        number = 0
        while made < target:
            number += 1
            building_id = uuid7()
            buildings.append({"id": building_id, "grid_id": grid_id, "estate": estate,
                              "number": str(number), "units": 3, "floors": 6,
                              "kind": "residential"})
            for unit in range(1, 4):
                for floor in range(1, 7):
                    for door in (1, 2):
                        if made >= target:
                            break
                        house_id = uuid7()
                        vacant = rng.random() < 0.04
                        houses.append({"id": house_id, "building_id": building_id,
                                       "unit": str(unit), "room": f"{floor}{door:02d}",
                                       "owner": names.person(),
                                       "use": "vacant" if vacant else rng.choice(
                                           ("owner_occupied",) * 4 + ("rented",))})
                        if vacant:
                            continue
                        made += 1
                        household_id = uuid7()
                        households.append({"id": household_id, "house_id": house_id,
                                           "grid_id": grid_id,
                                           "number": f"{g + 1:02d}{made:04d}",
                                           "kind": "family"})
                        surname_person = names.person()
                        size_ = rng.choice((1, 2, 2, 3, 3, 3, 4, 4))
                        head_sex = ""
                        for position in range(size_):
                            member = local_members.pop() if (
                                position < 2 and local_members and rng.random() < 0.05) else None
                            if member is not None:
                                name, sex, birth = member.name, member.sex, member.birth_date
                                id_number = member.id_number
                                if rng.random() < 0.3:  # 党员中心户, linked to the member
                                    households[-1]["center_member_id"] = member.id
                            else:
                                if position == 0:
                                    name = surname_person
                                    birth = day - dt.timedelta(days=rng.randrange(25 * 365,
                                                                                  92 * 365))
                                elif position == 1:
                                    name = names.person()
                                    birth = day - dt.timedelta(days=rng.randrange(25 * 365,
                                                                                  85 * 365))
                                else:
                                    name = surname_person[0] + names.person()[1:]
                                    birth = day - dt.timedelta(days=rng.randrange(365, 30 * 365))
                                sex = "1" if rng.random() < 0.5 else "2"
                                if position == 1 and head_sex:  # a spouse: the other sex
                                    sex = "2" if head_sex == "1" else "1"
                                id_number = _id_number(rng, birth, sex)
                                while id_number in used_ids:
                                    id_number = _id_number(rng, birth, sex)
                            used_ids.add(id_number or "")
                            if position == 0:
                                head_sex = sex
                            relation = "02" if position == 0 else (
                                "10" if position == 1 else ("20" if sex == "1" else "30"))
                            split = rng.random()
                            full, initials = name_keys(name)
                            resident_id = uuid7()
                            residents.append({
                                "id": resident_id, "household_id": household_id,
                                "name": name, "sex": sex, "birth_date": birth,
                                "ethnicity": "01", "id_type": "resident",
                                "id_number": id_number, "id_number_original": id_number,
                                "political_status": "01" if member is not None else "13",
                                "education": rng.choice(("20", "30", "60", "70", "80")),
                                "marital_status": "20" if position < 2 else "10",
                                "relation": relation,
                                "mobile": f"1{rng.choice('3589')}{rng.randrange(10**9):09d}"
                                if birth < add_years(day, -16) else None,
                                "population_type": "floating" if split < 0.12 else "registered",
                                "residence_status": "hukou_only" if 0.12 <= split < 0.15
                                else "together",
                                "move_in_date": add_years(birth, 18) if birth < add_years(
                                    day, -30) else birth,
                                "move_in_reason": "work" if split < 0.12 else None,
                                "member_id": member.id if member is not None else None,
                                "guardian_note": "父母监护" if birth > add_years(day, -14)
                                else None,
                                "name_pinyin": full, "name_initials": initials,
                            })
                            roll = rng.random()
                            if roll < 0.03:
                                tags.append({"resident_id": resident_id, "kind": "care",
                                             "tag": "subsistence", "from_date": day})
                            elif roll < 0.05 and birth < add_years(day, -18):
                                tags.append({"resident_id": resident_id, "kind": "care",
                                             "tag": "disabled", "disability_type":
                                             rng.choice("1234567"), "disability_grade":
                                             rng.choice("1234"), "from_date": day})
                            elif roll < 0.07 and size_ == 1 and birth < add_years(day, -60):
                                tags.append({"resident_id": resident_id, "kind": "care",
                                             "tag": "living_alone", "from_date": day})
                            elif roll < 0.08 and birth < add_years(day, -18):
                                tags.append({"resident_id": resident_id, "kind": "care",
                                             "tag": "veteran", "from_date": day})
                        if rng.random() < 0.7:
                            when = day - dt.timedelta(days=rng.randrange(1, 400))
                            visits.append({"household_id": household_id, "visit_date": when,
                                           "visitor": rng.choice(("刘网格员", "陈网格员")),
                                           "findings": rng.choice(("家庭情况稳定", "老人行动不便",
                                                                   "反映楼道照明问题")),
                                           "requests": ""})
                            households[-1]["last_visit"] = when
    with db.write() as session:
        for model, rows in ((Grid, grids), (GridRole, roles), (Building, buildings),
                            (House, houses), (Household, households), (Resident, residents),
                            (ResidentTag, tags), (Visit, visits)):
            db.bulk_insert(session, model, rows)
    return len(households), len(residents)


COUNCIL_TOPICS = (
    ("加装电梯意见征集", "3号楼居民联名提出加装电梯，低层住户担心采光和噪音。",
     "同意3号楼启动加装电梯，由居民自筹与政府补贴共同出资"),
    ("小区停车位重新划分", "夜间车位紧张，消防通道常被占用。", "重新施划车位，消防通道设禁停标识"),
    ("垃圾分类投放点调整", "投放点离5号楼过近，夏季异味大。", "投放点迁至北门绿化带旁"),
    ("楼道堆物清理", "多个楼道堆放杂物，存在消防隐患。", "限期一周自行清理，逾期统一清运"),
    ("电动车充电桩安装", "居民私拉电线充电现象较多。", "在南区车棚安装充电桩20个"),
    ("社区食堂开办", "老年居民希望解决午餐问题。", "与街道协商在党群服务中心开办社区食堂"),
    ("健身器材更新", "部分器材老化损坏。", "申请更新健身器材并加装安全提示"),
    ("雨污分流施工安排", "施工影响出行，居民希望提前公示。", "施工方案张榜公示，分段施工"),
    ("流浪猫管理", "流浪猫数量增加，有居民被抓伤。", "联系志愿者组织开展绝育救助"),
    ("广场舞噪音协调", "晚间音量过大影响休息。", "晚8点半后停止使用音响"),
    ("高空抛物治理", "近期发生多起高空抛物。", "加装高空监控探头并开展宣传"),
    ("老旧小区改造意见征集", "改造内容需征求居民意见。", "汇总居民意见报街道"),
    ("物业服务质量评议", "居民对保洁频次不满意。", "物业公司限期整改并公示整改情况"),
    ("绿化带改造", "部分绿地被占用种菜。", "恢复绿化，设置共享菜园试点"),
)
OWNERS = ("社区居委会", "物业公司", "网格员", "业委会", "社区党委", "街道城管科")
REASONS = ("生病", "出差", "外出", "工作冲突", "未联系上")


def _meetings(db: Database, rng: random.Random, day: dt.date, operator: str) -> int:
    """Twelve months of councils (one moved off a Saturday) with attendees, agenda,
    votes and follow-ups in every status, the next council planned, branch meetings."""
    from sqlmodel import col, select

    from gridoffice.domain import meetings as rules
    from gridoffice.services import meetings as ms
    from gridoffice.store.tables import Member, Org, Resident

    with db.read() as session:
        members = list(session.exec(select(Member.id, Member.name).where(
            Member.relation_status == "normal").limit(40)).all())
        residents = list(session.exec(select(Resident.id, Resident.name).where(
            col(Resident.member_id).is_(None), col(Resident.died_on).is_(None)).limit(60)).all())
        branch = session.exec(select(Org.id).where(Org.org_type == "branch")).first()
    if len(members) < 8 or len(residents) < 12:
        return 0
    people = ([ms.AttendeeDraft(name, "committee", "member", mid) for mid, name in members[:5]]
              + [ms.AttendeeDraft(name, "resident_rep", "resident", rid)
                 for rid, name in residents[:8]]
              + [ms.AttendeeDraft(name, "member_rep", "member", mid)
                 for mid, name in members[5:8]]
              + [ms.AttendeeDraft("刘建国", "police", unit="幸福里派出所"),
                 ms.AttendeeDraft("孙丽", "property", unit="安居物业公司")])
    observer = ms.AttendeeDraft("周明", "npc_deputy", unit="区人大代表")
    rule = ms.MeetingRules()
    count = 0
    topics = list(COUNCIL_TOPICS)
    rng.shuffle(topics)
    months = [(day.year - (1 if m > day.month else 0), m) for m in range(1, 13)]
    months = sorted(months)[-12:]
    session_no = 0
    for year, month in months:
        date = rule.council_date(year, month)
        start = dt.datetime.combine(date, rule.council_time)
        if start.date() > day:
            continue
        session_no += 1
        end = start + dt.timedelta(hours=2)
        service = ms.MeetingService(db, operator, meeting_rules=rule,
                                    now=end + dt.timedelta(days=2))
        meeting_id = service.create_meeting(ms.MeetingDraft(
            rules.COUNCIL, start, end, "幸福里党群服务中心议事厅", "李秀英", operator,
            session_no=session_no))
        drafts = []
        for person in people:
            roll = rng.random()
            if roll < 0.8:
                drafts.append(replace(person, presence=rules.PRESENT))
            elif roll < 0.93:
                drafts.append(replace(person, presence=rules.LEAVE,
                                                   absence_reason=rng.choice(REASONS[:4])))
            else:
                drafts.append(replace(person, presence=rules.ABSENT,
                                                   absence_reason=REASONS[4]))
        drafts.append(replace(observer, presence=rules.OBSERVER))
        service.add_attendees(meeting_id, drafts)
        present = sum(1 for d in drafts if d.presence == rules.PRESENT)
        for _ in range(rng.randint(1, 2)):
            title, content, decision = topics[count % len(topics)]
            count += 1
            item = service.add_item(meeting_id, ms.ItemDraft(
                title, rng.choice([code.code for code in rules.AGENDA_SOURCES]),
                rng.choice([p.name for p in people[5:13]]), content))
            for speaker in rng.sample([p.name for p in people], 2):
                service.add_speech(item, ms.SpeechDraft(speaker, rng.choice((
                    "表示支持，希望尽快落实。", "提出费用分摊需进一步商量。",
                    "建议先征求全体住户意见。", "同意方案，建议加强日常监督。"))))
            yes = rng.randint(present // 2 + 1, present)
            no = rng.randint(0, present - yes)
            resolution = service.add_resolution(item, ms.ResolutionDraft(
                decision, "hands", yes, no, present - yes - no))
            for _ in range(rng.randint(1, 2)):
                due = date + dt.timedelta(days=rng.choice((14, 30, 45, 60)))
                older = date < day - dt.timedelta(days=60)
                # Older decisions are mostly carried out; recent ones in every state.
                status = (rules.DONE if rng.random() < 0.8 else rules.DOING) if older else (
                    rules.TODO, rules.DOING, rules.DONE)[count % 3]
                done = None
                if status == rules.DONE:
                    done = min(day, date + dt.timedelta(days=rng.randint(5, 50)))
                follow = service.add_follow_up(resolution, ms.FollowUpDraft(
                    decision, rng.choice(OWNERS), due, rules.TODO))
                if status != rules.TODO:
                    today_service = ms.MeetingService(db, operator, meeting_rules=rule,
                                                      today=day)
                    today_service.update_follow_up(follow, ms.FollowUpDraft(
                        decision, rng.choice(OWNERS), due, status, done,
                        "已完成，居民满意。" if done else "正在推进。", published=bool(done)))
        service.finish(meeting_id)
        if date < day - dt.timedelta(days=20):
            service.approve(meeting_id, "李秀英")
        if session_no == 3:
            first_item = service.minutes(meeting_id).items[0]
            service.update_item(first_item.id, ms.ItemDraft(
                first_item.title + "（补充）", first_item.source, first_item.proposer,
                first_item.content), amendment="记录人补记议题名称")
        # Branch committee meeting each month, a lecture for everyone each quarter.
        committee_start = dt.datetime.combine(date - dt.timedelta(days=5), dt.time(9, 0))
        committee = service.create_meeting(ms.MeetingDraft(
            "branch_committee", committee_start, committee_start + dt.timedelta(hours=1),
            "党群服务中心会议室", members[0][1], members[1][1], org_id=branch))
        service.add_attendees(committee, [
            replace(p, presence=rules.PRESENT) for p in people[:5]])
        service.finish(committee)
        if month % 3 == 0:
            lecture = dt.datetime.combine(date + dt.timedelta(days=10), dt.time(15, 0))
            lecture_id = service.create_meeting(ms.MeetingDraft(
                "party_lecture", lecture, lecture + dt.timedelta(hours=1, minutes=30),
                "党群服务中心多功能厅", members[0][1], members[1][1], org_id=branch,
                title="学习贯彻党的二十届四中全会精神", headcount_expected=42,
                headcount_present=rng.randint(32, 41)))
            if lecture.date() <= day:
                service.finish(lecture_id)
    # The next council, planned with last month's attendees.
    ms.MeetingService(db, operator, meeting_rules=rule, today=day).schedule_next_council()
    with db.read() as session:
        from gridoffice.store.tables import Meeting

        return len(session.exec(select(Meeting.id)).all())


UNIT_TYPES = {"区教育局": "government", "区人民医院": "institution", "市第一中学": "institution",
              "街道办事处": "government", "国网城区供电公司": "state_enterprise",
              "区税务局": "government", "中国银行城区支行": "state_enterprise",
              "市自来水公司": "state_enterprise", "区人民法院": "government",
              "和平里小学": "institution"}
POSTS = (("楼道长", "governance", 6), ("政策宣讲员", "organisation", 4),
         ("法律咨询", "legal", 3), ("助老帮扶", "assistance", 8), ("义诊服务", "health", 2),
         ("文体活动辅导", "culture", 5), ("治安巡逻", "safety", 10), ("垃圾分类督导", "other", 6))
ACTIVITIES = ("垃圾分类宣传", "关爱独居老人走访", "社区环境整治", "义诊进社区", "法律知识讲座",
              "反诈宣传", "文明交通劝导", "植树护绿", "消防安全检查", "重阳节敬老活动")


def _street_units(db: Database, operator: str, day: dt.date) -> int:
    from gridoffice.services import inservice as ins

    service = ins.InServiceService(db, operator or "王芳", today=day)
    existing = service.work_units()
    if existing:
        raise UserError(MSG_STREET_NOT_EMPTY, count=len(existing))
    for name in UNITS:
        service.add_work_unit(ins.WorkUnitDraft(
            name, UNIT_TYPES.get(name, "government"), f"中共{name}委员会", "办公室"))
    return len(UNITS)


def _inservice(db: Database, rng: random.Random, day: dt.date, operator: str) -> int:
    """The in-service members of the roster registered here (about a quarter of the
    members), posts with quotas (one full), a year of activities, duties, confirmed
    service records and points, a few registrations awaiting review or returned."""
    from sqlmodel import col, select

    from gridoffice.domain import inservice as rules
    from gridoffice.services import inservice as ins
    from gridoffice.store.tables import Grid, Member

    with db.read() as session:
        members = list(session.exec(select(Member).where(
            Member.category == "in_service", Member.relation_status == "normal",
            col(Member.work_unit).is_not(None)).order_by(Member.name)).all())
        grids = list(session.exec(select(Grid.id).order_by(Grid.code)).all())
    if not members:
        return 0
    start = day - dt.timedelta(days=365)
    service = ins.InServiceService(db, operator or "王芳", today=day,
                                   point_rules=rules.PointRules())
    units = {name: service.find_work_unit(name) or service.add_work_unit(ins.WorkUnitDraft(
        name, UNIT_TYPES.get(name, "government"), f"中共{name}委员会", "办公室"))
        for name in sorted({m.work_unit for m in members if m.work_unit})}
    posts = [service.add_post(ins.PostDraft(name, category, quota))
             for name, category, quota in POSTS]
    registered = []
    for index, member in enumerate(members):
        report = _random_day(rng, start, day - dt.timedelta(days=30))
        registration = service.register(ins.RegistrationDraft(
            units[member.work_unit or ""], report, member_id=member.id, job=member.job,
            grid_id=rng.choice(grids) if grids else None,
            skills=rng.choice(("摄影", "法律", "医疗", "书法", "电脑维修", "心理咨询", "")),
            wished_categories=tuple(rng.sample([c.code for c in rules.POST_CATEGORIES], 2))))
        if index % 17 == 5:
            continue  # awaiting review
        if index % 23 == 7:
            service.review(registration, False, "工作单位党组织信息不全")
            continue
        dated = ins.InServiceService(db, operator or "王芳", today=report,
                                     point_rules=rules.PointRules())
        dated.review(registration, True)
        registered.append((registration, report))
    # One post filled to its quota; others partly.
    taken = dict.fromkeys(range(len(posts)), 0)
    for number, (registration, _report) in enumerate(registered):
        index = 4 if number < POSTS[4][2] else number % len(posts)
        room = POSTS[index][2] - (0 if index == 4 else 1)  # only 义诊服务 is full
        if taken[index] < room:
            service.claim(registration, posts[index])
            taken[index] += 1
    # A year of activities (two a month) and weekend duties with confirmed records;
    # how keen a member is decides their grade.
    keen = {registration: rng.choice((0.3, 0.55, 0.75, 0.9)) for registration, _ in registered}
    dated = ins.InServiceService(db, operator or "王芳", today=day,
                                 point_rules=rules.PointRules())
    for number in range(24):
        on = start + dt.timedelta(days=15 * number + rng.randint(0, 6))
        if on >= day:
            break
        name = ACTIVITIES[number % len(ACTIVITIES)]
        activity = service.add_activity(ins.ActivityDraft(
            name, on, place="幸福里党群服务中心", organiser=operator or "王芳"))
        duty = service.add_activity(ins.ActivityDraft(
            "周末治安巡逻", on + dt.timedelta(days=1), "duty", post_id=posts[6]))
        for registration, report in registered:
            if report > on or rng.random() > keen[registration]:
                continue
            dated.add_record(registration, on, rng.choice((1.5, 2, 2.5, 3)), name,
                             activity_id=activity)
            if rng.random() < keen[registration] / 3:
                dated.add_record(registration, on + dt.timedelta(days=1),
                                 rng.choice((2, 3, 4)), "周末治安巡逻", activity_id=duty)
    for registration, report in registered:
        roll = rng.random()
        when = _random_day(rng, report, day)
        if roll < 0.15:
            service.add_points(registration, rules.WISH, when, "领办微心愿")
        elif roll < 0.22:
            service.add_points(registration, rules.AWARD, when, "优秀志愿者")
        elif roll < 0.3:
            service.add_points(registration, rules.ABSENCE, when, "认领岗位无故未到")
    return len(members)
