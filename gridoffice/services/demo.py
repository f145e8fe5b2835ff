"""Realistic demo data for an empty office (DOMAIN.md, "Realistic sample data").

Content is deterministic for a seed; ids and clocks are not. The data follows the
rules the program enforces and the rhythm of a community office's year: adults in
every role, probation that ends in 转正 (a few waiting for the next branch meeting),
三会一课 on their monthly and quarterly rhythm, the council on the 10th, grid
workers' visits through the year, in-service members who check in and out of the
activities they serve at, and work units with their own party organisations.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from gridoffice.domain.identity import add_years, age_on, check_character
from gridoffice.domain.names import SURNAMES, NameGenerator
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

# The steps of filling a community office, in order, as the progress callback names them.
PHASES = {
    "orgs": QT_TRANSLATE_NOOP("cli", "demo: party organisations"),
    "members": QT_TRANSLATE_NOOP("cli", "demo: party members and their history"),
    "seats": QT_TRANSLATE_NOOP("cli", "demo: committee seats"),
    "households": QT_TRANSLATE_NOOP("cli", "demo: grids, households, residents and visits"),
    "councils": QT_TRANSLATE_NOOP("cli", "demo: residents' council meetings"),
    "party_meetings": QT_TRANSLATE_NOOP("cli", "demo: branch meetings (three meetings and "
                                        "one lesson)"),
    "inservice": QT_TRANSLATE_NOOP("cli", "demo: in-service members' registrations"),
    "claims": QT_TRANSLATE_NOOP("cli", "demo: service posts claimed"),
    "checkins": QT_TRANSLATE_NOOP("cli", "demo: a year of check-ins and points"),
    "cobuild": QT_TRANSLATE_NOOP("cli", "demo: co-building: units, needs, resources and "
                                 "services"),
}


@dataclass(frozen=True)
class DemoSize:
    """How much a demo holds: members (about 5 % of adults in a community), grids
    and the households in each, years of meetings (三会一课 and the council); the
    in-service members (about a quarter of the members) have a year of check-ins."""

    members: int
    grids: int
    households: tuple[int, int]  # per grid, lowest and highest
    meeting_years: int


SIZES = {"small": DemoSize(160, 6, (300, 360), 1),
         # the large one's make-up at a tenth of the members and households
         "medium": DemoSize(2_000, 8, (40, 50), 10),
         # an office at full scale, also the benchmarks' data set
         "large": DemoSize(20_000, 8, (400, 500), 10)}
AREA_CODES = ("110105", "110108", "110101", "130602", "370102", "410105", "510107", "420106")
NATIVE_PLACES = ("北京市", "河北省保定市", "山东省济南市", "河南省郑州市", "四川省成都市",
                 "湖北省武汉市", "天津市", "山西省太原市", "辽宁省沈阳市", "江苏省南京市")
ESTATES = ("幸福里", "和平里", "安华里", "青年湖", "安贞里", "华严里", "惠新苑", "育慧里")
FLATS_PER_BUILDING = 36  # six storeys, three units, two flats a landing

# The work units of the area (the in-service tab's units): type, party organisation
# and the jobs people there do. A doctor works at the hospital, not at the tax bureau.
WORK_UNITS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "区教育局": ("government", "中共区教育局机关委员会", ("科员", "副科长", "科长", "教研员")),
    "区人民医院": ("institution", "中共区人民医院委员会", ("医生", "主治医师", "护士", "护士长",
                                                    "药剂师")),
    "市第一中学": ("institution", "中共市第一中学委员会", ("教师", "班主任", "教务员")),
    "幸福街道办事处": ("government", "中共幸福街道办事处机关委员会", ("科员", "副科长",
                                                             "综治专干")),
    "国网城区供电公司": ("state_enterprise", "中共国网城区供电公司委员会",
                         ("工程师", "电力调度员", "技术员", "客户经理")),
    "区税务局": ("government", "中共区税务局委员会", ("科员", "副科长", "税收管理员")),
    "中国银行城区支行": ("state_enterprise", "中共中国银行城区支行委员会",
                         ("客户经理", "柜员", "会计")),
    "市自来水公司": ("state_enterprise", "中共市自来水公司委员会", ("工程师", "水质检验员",
                                                             "技术员")),
    "区人民法院": ("government", "中共区人民法院机关委员会", ("法官", "法官助理", "书记员")),
    "和平里小学": ("institution", "中共和平里小学支部委员会", ("教师", "班主任")),
}
UNITS = tuple(WORK_UNITS)
# Where the members managed here (直管党员) and other residents work.
LOCAL_EMPLOYERS: dict[str, tuple[str, ...]] = {
    "安居物业公司": ("物业管理员", "维修工", "保安"),
    "幸福里社区居委会": ("社区工作者",),
    "华联超市幸福里店": ("店长", "收银员", "理货员"),
    "城区快递服务站": ("快递员", "站点主管"),
    "明德律师事务所": ("律师", "律师助理"),
    "康宁社区卫生服务站": ("全科医生", "护士"),
    "鑫源科技有限公司": ("软件工程师", "销售经理", "行政专员"),
    "个体经营": ("个体工商户",),
}
KINDERGARTEN, PRIMARY, MIDDLE = "幸福里幼儿园", "和平里小学", "市第一中学"
UNIVERSITIES = ("北京师范大学", "首都经济贸易大学", "北京工业大学", "北京联合大学")

# People from outside the mainland who live here (DOMAIN.md: id types 港澳台居民居住证,
# numbers from 81/82/83, and the foreigners' permanent residence card of 2023, "9"
# + issuing province + nationality code): name, sex, birth, first six digits,
# hukou or nationality note, reason.
OVERSEAS = (
    ("陈家豪", "1", dt.date(1986, 4, 12), "810000", "hmt_permit", "香港特别行政区", "work"),
    ("梁嘉欣", "2", dt.date(1991, 9, 3), "820000", "hmt_permit", "澳门特别行政区", "study"),
    ("林志明", "1", dt.date(1978, 1, 25), "830000", "hmt_permit", "台湾地区", "business"),
    ("金敏俊", "1", dt.date(1983, 6, 30), "911410", "foreigner", "韩国", "work"),
)


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
    orders: int = 0
    departments: int = 0


@dataclass
class _Plan:
    """What later parts need to know of earlier ones (all in memory, deterministic)."""

    community: str
    street: str
    operator: str
    day: dt.date
    founded: dt.date = dt.date.min  # when the community committee was set up
    root: Any = None  # OrgRow of the community committee
    grids: list[dict[str, Any]] = field(default_factory=list)  # code, name, estate, buildings
    branches: list[Any] = field(default_factory=list)  # OrgRow of the grid branches
    other_branches: list[Any] = field(default_factory=list)  # joint, retirees
    groups: dict[str, list[Any]] = field(default_factory=dict)  # branch id -> groups
    members: list[dict[str, Any]] = field(default_factory=list)
    seats: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)  # org -> seat
    grid_ids: dict[str, str] = field(default_factory=dict)  # code -> id
    grid_workers: dict[str, list[str]] = field(default_factory=dict)  # grid id -> names
    representatives: list[tuple[str, str, str]] = field(default_factory=list)  # on the council
    meeting_months: int = 12  # how far back meetings go

    @property
    def place(self) -> str:
        return f"{self.community}党群服务中心"


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
        from gridoffice.services import demo_cobuild

        with db.write():
            units = _street_units(db, profile.operator, day)
            departments = demo_cobuild.street_departments(db, profile.operator or "王芳", day)
        return DemoSummary(0, 0, work_units=units, departments=departments)
    service = OrgService(db, operator=profile.operator, today=day)
    existing = service.list_orgs()
    if existing:
        raise UserError(MSG_NOT_EMPTY, count=len(existing))
    # One transaction: a demo stopped half-way (killed, disk full) leaves nothing.
    with db.write():
        return _fill_office(db, service, seed, size, day, profile, progress)


def _fill_office(db: Database, service: OrgService, seed: int, size: str, day: dt.date,
                 profile: Any, progress: Callable[[str], None] | None) -> DemoSummary:
    rng = random.Random(seed)
    names = NameGenerator(rng)
    scale = SIZES.get(size, SIZES["small"])
    plan = _Plan(profile.name, profile.street or "幸福街道", profile.operator or "王芳", day,
                 meeting_months=12 * scale.meeting_years)
    _plan_grids(plan, rng, scale)

    def step(phase: str) -> None:
        if progress:
            progress(phase)

    step("orgs")
    orgs = _orgs(service, rng, names, plan)
    step("members")
    members = _members(db, rng, names, plan, scale.members)
    step("seats")
    seats = orgs.seats + _seats(db, service, rng, plan)
    step("households")
    households, residents = _households(db, rng, names, plan)
    step("councils")
    meetings = _meetings(db, rng, plan, step)
    step("inservice")
    registrations = _inservice(db, rng, plan, step)
    from gridoffice.services import demo_cobuild

    orders = demo_cobuild.fill(db, rng, day, plan.operator, step)
    return DemoSummary(orgs.orgs, seats, members, households, residents, meetings,
                       registrations, orders=orders)


def _random_day(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randrange(max(1, (end - start).days)))


def _past(rng: random.Random, day: dt.date, years_back: tuple[int, int]) -> dt.date:
    return _random_day(rng, day - dt.timedelta(days=365 * years_back[1]),
                       day - dt.timedelta(days=365 * years_back[0]))


# Public holidays with a fixed date (元旦, 劳动节, 国庆节): no meetings or visits then.
FIXED_HOLIDAYS = {(1, 1), *((5, d) for d in range(1, 6)), *((10, d) for d in range(1, 8))}


def _working_day(day: dt.date) -> dt.date:
    """The day itself, or the next working day after a weekend or fixed holiday."""
    while day.weekday() >= 5 or (day.month, day.day) in FIXED_HOLIDAYS:
        day += dt.timedelta(days=1)
    return day


def _months_back(day: dt.date, count: int) -> list[tuple[int, int]]:
    """The ``count`` months up to and including ``day``'s, oldest first."""
    months = []
    year, month = day.year, day.month
    for _ in range(count):
        months.append((year, month))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return months[::-1]


def _id_number(rng: random.Random, birth: dt.date, sex: str, area: str | None = None) -> str:
    sequence = rng.randrange(0, 500) * 2 + (1 if sex == "1" else 0)
    stem = f"{area or rng.choice(AREA_CODES)}{birth:%Y%m%d}{sequence:03d}"
    return stem + check_character(stem)


def _unique_id(rng: random.Random, birth: dt.date, sex: str, used: set[str],
               area: str | None = None) -> str:
    number = _id_number(rng, birth, sex, area)
    while number in used:
        number = _id_number(rng, birth, sex, area)
    used.add(number)
    return number


def _ethnicity(rng: random.Random, name: str) -> str:
    if "·" in name:
        return "05"  # 维吾尔族
    if name in ("巴特尔", "其其格"):
        return "02"  # 蒙古族
    return "01" if rng.random() < 0.95 else rng.choice(("03", "08", "11", "04"))


def _education(rng: random.Random, birth: dt.date, day: dt.date) -> str | None:
    """What someone of that age has finished (or is at) by the printed short forms."""
    age = age_on(birth, day)
    if age < 6:
        return None
    for limit, code in ((12, "80"), (15, "70"), (18, "60")):
        if age < limit:
            return code
    if birth.year >= 1985:
        return rng.choice(("10", "20", "20", "20", "30", "30", "40", "60"))
    if birth.year >= 1965:
        return rng.choice(("20", "30", "30", "40", "60", "60", "70"))
    return rng.choice(("30", "40", "60", "60", "70", "70", "80"))


def _mobile(rng: random.Random) -> str:
    return f"1{rng.choice('3589')}{rng.randrange(10**9):09d}"


def _plan_grids(plan: _Plan, rng: random.Random, size: DemoSize) -> None:
    """Grids of 300–500 households, an estate each; ``numbers`` are the buildings
    sure to be lived in (more are added while flats are needed)."""
    low, high = size.households
    for g in range(size.grids):
        target = rng.randint(low, high)
        plan.grids.append({"code": f"110105001001{g + 1:03d}", "name": f"第{ORDINALS[g]}网格",
                           "estate": ESTATES[g % len(ESTATES)],
                           "numbers": list(range(1, target // FLATS_PER_BUILDING + 1)),
                           "target": target})


def _address(rng: random.Random, grid: dict[str, Any]) -> str:
    return (f"{grid['estate']}{rng.choice(grid['numbers'])}号楼{rng.randint(1, 3)}单元"
            f"{rng.randint(1, 6)}{rng.randint(1, 2):02d}")


def _orgs(service: OrgService, rng: random.Random, names: NameGenerator,
          plan: _Plan) -> DemoSummary:
    """The community committee, a branch per grid with its groups, the joint branch of
    the units in the area, the retirees' branch and a retired temporary branch. The
    seats go to members (:func:`_seats`), once there are members."""
    community = plan.community.removesuffix("社区")
    # Set up four or five years ago, or before the first of the years of meetings.
    years = plan.meeting_months // 12
    founded = _past(rng, plan.day, (max(4, years + 1), max(5, years + 2)))
    plan.founded = founded
    root = service.create(OrgDraft(f"中共{community}社区委员会", "committee",
                                   short_name=f"{community}社区党委", established=founded))
    plan.root = root
    count = 1
    for grid in plan.grids:
        established = founded + dt.timedelta(days=rng.randrange(30, 200))
        branch = service.create(OrgDraft(f"中共{community}社区{grid['name']}支部委员会",
                                         "branch", root.id, short_name=f"{grid['name']}党支部",
                                         grid_code=grid["code"], established=established))
        plan.branches.append(branch)
        count += 1
        plan.groups[branch.id] = []
        for g in range(rng.randint(2, 3)):
            group = service.create(OrgDraft(f"{grid['name']}第{ORDINALS[g]}党小组", "group",
                                            branch.id, established=established))
            plan.groups[branch.id].append(group)
            count += 1
    joint = service.create(OrgDraft(f"中共{community}社区驻区单位联合支部委员会", "joint_branch",
                                    root.id, short_name="驻区单位联合党支部",
                                    established=founded + dt.timedelta(days=90)))
    retiree = service.create(OrgDraft(f"中共{community}社区离退休党员支部委员会", "branch",
                                      root.id, short_name="离退休党支部", established=founded))
    plan.other_branches = [joint, retiree]
    count += 2
    # A temporary branch set up for a renovation project and retired when it ended;
    # its secretary came from the builder.
    temp = service.create(OrgDraft(f"{community}社区老旧小区改造临时党支部", "temp_branch", root.id,
                                   established=founded + dt.timedelta(days=200)))
    service.appoint(temp.id, "secretary", names.person(), founded + dt.timedelta(days=200))
    service.retire(temp.id, founded + dt.timedelta(days=600), reason="改造工程完工")
    return DemoSummary(orgs=count + 1, seats=1)


def _member_row(rng: random.Random, names: NameGenerator, plan: _Plan, used: set[str],
                category: str, org: Any, grid: dict[str, Any], waiting: bool = False
                ) -> dict[str, Any]:
    """One member: born and joined at plausible ages, probation ended in 转正 unless it
    ended in the last weeks (waiting for the branch meeting: always so when
    ``waiting``) or has not ended yet."""
    from gridoffice.domain.identity import add_months
    from gridoffice.domain.party import full_membership_date
    from gridoffice.domain.search_keys import name_keys

    day = plan.day
    first, last = {"retired": (1938, 1962), "in_service": (1968, 2001),
                   "mobile": (1975, 2003)}.get(category, (1955, 2004))
    birth = _random_day(rng, dt.date(first, 1, 1), dt.date(last, 12, 31))
    sex = "1" if rng.random() < 0.55 else "2"
    name = names.person(sex)
    adult = add_years(birth, 18)
    # Most join between 18 and 40; the young ones recently.
    join = _random_day(rng, adult, add_years(birth, rng.choice((25, 30, 35, 40))))
    if join > day:
        join = _random_day(rng, adult, day)
    extension = 6 if rng.random() < 0.04 else 0
    if waiting:
        join = add_months(day - dt.timedelta(days=rng.randint(8, 40)), -12)
        extension = 0
    due = full_membership_date(join, extension)
    # Probation ended in the last six weeks: some wait for the quarterly branch meeting.
    probationary = due > day or waiting or (due > day - dt.timedelta(days=42)
                                            and rng.random() < 0.5)
    relation, status_date = "normal", None
    fate = rng.random()
    if fate < 0.08 and category == "retired":
        relation, status_date = "deceased", _random_day(rng, dt.date(day.year - 4, 1, 1), day)
    elif fate < 0.02:
        relation, status_date = "transferred_out", _random_day(rng, dt.date(day.year - 2, 1, 1),
                                                               day)
    elif fate < 0.025:
        relation, status_date = "transferring_out", _random_day(
            rng, day - dt.timedelta(days=60), day)
    if waiting or (status_date is not None and status_date < join):
        relation, status_date = "normal", None
    work_unit = job = unit_party_org = None
    if category == "in_service":
        work_unit = rng.choice(UNITS)
        _type, unit_party_org, jobs = WORK_UNITS[work_unit]
        job = rng.choice(jobs)
    elif category == "direct" and age_on(birth, day) < 60 and rng.random() < 0.75:
        work_unit = rng.choice(tuple(LOCAL_EMPLOYERS))
        job = rng.choice(LOCAL_EMPLOYERS[work_unit])
    full_pinyin, initials = name_keys(name)
    return {
        "name": name, "sex": sex, "ethnicity": _ethnicity(rng, name),
        "birth_date": birth, "id_type": "resident",
        "id_number": (number := _unique_id(rng, birth, sex, used)),
        "id_number_original": number, "native_place": rng.choice(NATIVE_PLACES),
        "education": _education(rng, birth, day) if category != "in_service"
        else rng.choice(("10", "20", "20", "20", "30")),
        "mobile": _mobile(rng) if rng.random() < 0.97 or category != "retired" else "无",
        "join_date": join, "status": "probationary" if probationary else "full",
        "probation_extension_months": extension,
        "full_date": None if probationary else due, "category": category,
        "hardship": category == "retired" and rng.random() < 0.1,
        "center_household": False,
        "star_rating": rng.choice((None, 3, 4, 4, 5)),
        "org_id": None if category == "in_service" else org.id,
        "work_unit": work_unit, "job": job, "unit_party_org": unit_party_org,
        "grid_code": grid["code"], "address": _address(rng, grid),
        "away_destination": rng.choice(("广东省深圳市", "上海市浦东新区", "浙江省杭州市"))
        if category == "mobile" else None,
        "away_since": _random_day(rng, max(join, dt.date(day.year - 3, 1, 1)),
                                  day - dt.timedelta(days=190))
        if category == "mobile" else None,
        "away_contact": _mobile(rng) if category == "mobile" else None,
        "relation_status": relation, "status_date": status_date,
        "name_pinyin": full_pinyin, "name_initials": initials,
    }


def _members(db: Database, rng: random.Random, names: NameGenerator, plan: _Plan,
             total: int) -> int:
    """Members for every branch: retirees in theirs, in-service members placed with
    their work unit's party organisation, mobile ones away, a few transferred out or
    deceased; each with a placement and an event."""
    from gridoffice.store.tables import Member, MemberEvent, MemberPlacement, MemberTransfer

    joint, retiree = plan.other_branches
    grid_of = {b.id: g for b, g in zip(plan.branches, plan.grids, strict=True)}
    used: set[str] = set()
    members = []
    for number in range(total):
        roll = rng.random()
        category = ("retired" if roll < 0.12 else "in_service" if roll < 0.37
                    else "mobile" if roll < 0.42 else "direct")
        if number < 2:  # two whose probation just ended wait for the branch meeting
            category = "direct"
        org = retiree if category == "retired" else (
            joint if rng.random() < 0.1 else rng.choice(plan.branches))
        grid = grid_of.get(org.id) or rng.choice(plan.grids)
        members.append(_member_row(rng, names, plan, used, category, org, grid,
                                   waiting=number < 2))
    _check_members(plan, members)
    org_names = {o.id: o.name for o in [*plan.branches, *plan.other_branches]}
    placements, events, transfers = [], [], []
    with db.write() as session:
        ids = db.bulk_insert(session, Member, members)
        for member_id, values in zip(ids, members, strict=True):
            start = values["join_date"]
            ended = values["status_date"] if values["relation_status"] in (
                "deceased", "transferred_out") else None
            placements.append({"member_id": member_id, "org_id": values["org_id"],
                               "from_date": start, "to_date": ended, "reason": "added"})
            target = rng.choice(TRANSFER_TARGETS)
            events.extend(_member_events(member_id, values, plan.operator, target))
            if values["relation_status"] in ("transferred_out", "transferring_out"):
                out = values["status_date"]
                done = values["relation_status"] == "transferred_out"
                transfers.append({
                    "member_id": member_id, "direction": "out",
                    "from_org": org_names.get(values["org_id"], ""),
                    "to_org": target, "out_date": out,
                    "in_date": out + dt.timedelta(days=rng.randint(5, 20)) if done else None,
                    "dues_paid_until": out.replace(day=1) - dt.timedelta(days=1),
                    "status": "received" if done else "review"})
        db.bulk_insert(session, MemberPlacement, placements)
        db.bulk_insert(session, MemberEvent, events)
        db.bulk_insert(session, MemberTransfer, transfers)
    plan.members = members
    return len(members)


def _check_members(plan: _Plan, rows: list[dict[str, Any]]) -> None:
    """Each member as the roster's form stores it: the form's own cleaning and rules
    (:func:`clean_draft`, pure, as an import checks its rows), one record per ID
    number; a row that breaks a rule stops the demo (a bug here)."""
    from gridoffice.domain import party
    from gridoffice.services.roster.model import DRAFT_FIELDS, MemberDraft, clean_draft

    usable = {o.id for o in [*plan.branches, *plan.other_branches]}
    rules = party.PartyRules()
    numbers: set[str] = set()
    for row in rows:
        draft = MemberDraft(**{k: row[k] for k in DRAFT_FIELDS if k in row})
        row.update(clean_draft(draft, today=plan.day, rules=rules,
                               org_usable=usable.__contains__))
        if row["id_number"] in numbers:
            raise AssertionError(f"demo member id number twice: {row['id_number']}")
        numbers.add(row["id_number"])


def _check_residents(day: dt.date, tables: dict[Any, list[dict[str, Any]]]) -> None:
    """Households and residents by the register's own rules (the households service's
    checks, called directly rather than through a session per row): one head each,
    ID numbers that agree with sex and birth, dates of moving that fit, care tags
    allowed for the person, one living resident per ID number."""
    from gridoffice.domain import households as rules
    from gridoffice.domain.identity import check_agrees, parse_id_for_type
    from gridoffice.store.tables import Resident, ResidentTag

    people: dict[str, list[dict[str, Any]]] = {}
    living: set[str] = set()
    for row in tables[Resident]:
        people.setdefault(row["household_id"], []).append(row)
        parsed = parse_id_for_type(row["id_type"], row["id_number"], today=day)
        if parsed is not None:
            check_agrees(parsed, row["birth_date"], row["sex"])
        rules.validate_move(row["move_in_date"], row["moved_out_on"], row["died_on"],
                            row["birth_date"], day)
        if row["moved_out_on"] is None and row["died_on"] is None:
            if row["id_number"] in living:
                raise AssertionError(f"demo resident id number twice: {row['id_number']}")
            living.add(row["id_number"])
    for household in people.values():
        rules.check_heads([r["relation"] for r in household
                           if r["moved_out_on"] is None and r["died_on"] is None])
    by_id = {r["id"]: r for r in tables[Resident]}
    for tag in tables[ResidentTag]:
        person = by_id[tag["resident_id"]]
        rules.care_tag_checks(tag["tag"], tag.get("disability_type"),
                              tag.get("disability_grade"), person["birth_date"], day,
                              person["guardian_note"])


TRANSFER_TARGETS = ("中共朝阳区安贞街道安华里社区委员会", "中共海淀区中关村街道科源社区委员会",
                    "中共天津市和平区南营门街道委员会", "中共河北省保定市竞秀区委组织部")


def _member_events(member_id: str, values: dict[str, Any], operator: str,
                   transfer_to: str) -> list[dict[str, Any]]:
    """The history the roster shows: joined, probation extended, confirmed as a full
    member, and how the membership here ended, each as the roster would record it."""
    import json

    def event(kind: str, on: dt.date, **detail: Any) -> dict[str, Any]:
        return {"member_id": member_id, "on_date": on, "kind": kind,
                "detail": json.dumps(detail, ensure_ascii=False), "operator": operator}

    join = values["join_date"]
    found = [event("added", join)]
    if values["probation_extension_months"]:
        found.append(event("probation_extended", join + dt.timedelta(days=350),
                           months=values["probation_extension_months"],
                           reason="支部党员大会决定延长预备期"))
    if values["full_date"] is not None:
        found.append(event("confirmed", values["full_date"]))
    status, on = values["relation_status"], values["status_date"]
    if status in ("transferred_out", "transferring_out"):
        found.append(event("transfer_started", on, to=transfer_to))
    if status == "transferred_out":
        found.append(event("transferred_out", on, to=transfer_to))
    if status == "deceased":
        found.append(event("deceased", on, reason="病故"))
    return found


SEAT_POSTS = {("committee", "secretary"): "党委书记",
              ("committee", "deputy_secretary"): "党委副书记",
              ("committee", "organisation"): "党委委员", ("committee", "publicity"): "党委委员",
              ("committee", "discipline"): "党委委员", ("branch", "secretary"): "支部书记",
              ("branch", "organisation"): "组织委员", ("branch", "publicity"): "宣传委员",
              ("group", "group_leader"): "党小组长"}


def _seats(db: Database, service: OrgService, rng: random.Random, plan: _Plan) -> int:
    """Seats held by full members of the organisation (the community committee by
    members of its grid branches), with their party post on the roster; the first
    community secretary handed over halfway through the term."""
    founded = plan.founded
    taken: set[str] = set()

    def active(member: dict[str, Any]) -> bool:
        return member["relation_status"] == "normal" and member["category"] != "mobile"

    def pick(pool: list[dict[str, Any]], since: dt.date, *, young: bool = False
             ) -> dict[str, Any]:
        fits = [m for m in pool if m["id"] not in taken and active(m)
                and m["full_date"] is not None and m["full_date"] <= since
                and (not young or age_on(m["birth_date"], plan.day) < 62)]
        chosen = rng.choice(fits or [m for m in pool if m["id"] not in taken] or pool)
        taken.add(chosen["id"])
        return chosen

    by_org: dict[str, list[dict[str, Any]]] = {}
    for member in plan.members:
        if member["org_id"]:
            by_org.setdefault(member["org_id"], []).append(member)
    posts: list[tuple[str, str]] = []
    seats = 0

    def appoint(org: Any, kind: str, seat: str, member: dict[str, Any],
                since: dt.date, post: bool = True) -> None:
        nonlocal seats
        service.appoint(org.id, seat, member["name"], since)
        plan.seats.setdefault(org.id, {})[seat] = member
        seats += 1
        if post:
            posts.append((SEAT_POSTS[(kind, seat)], member["id"]))

    root = plan.root
    local = [m for b in plan.branches for m in by_org.get(b.id, [])]
    first_secretary = pick(local, founded, young=True)
    appoint(root, "committee", "secretary", first_secretary, founded, post=False)
    for seat in ("deputy_secretary", "organisation", "publicity", "discipline"):
        appoint(root, "committee", seat, pick(local, founded, young=True), founded)
    handover = _past(rng, plan.day, (1, 2))
    appoint(root, "committee", "secretary", pick(local, handover, young=True), handover)
    for branch in [*plan.branches, *plan.other_branches]:
        pool = by_org.get(branch.id, [])
        since = branch.established or founded
        for seat in ("secretary", "organisation", "publicity"):
            appoint(branch, "branch", seat, pick(pool, since), since)
        for group in plan.groups.get(branch.id, []):
            appoint(group, "group", "group_leader", pick(pool, since), since)
    if posts:
        with db.write() as session:
            raw = session.connection().connection.driver_connection
            assert raw is not None
            raw.executemany(f"UPDATE member SET party_post = ?, {db.STAMP_SET} WHERE id = ?",
                            [(post, *db.update_stamp(), member_id)
                             for post, member_id in posts])
    for member in plan.members:
        member["party_post"] = next((p for p, i in posts if i == member["id"]), None)
    return seats


AGE_BANDS = ((24, 40), (35, 60), (50, 75), (65, 92))


def _birth_at_age(rng: random.Random, day: dt.date, low: int, high: int) -> dt.date:
    return day - dt.timedelta(days=rng.randrange(low * 365 + 1, high * 365 + 1))


def _family(rng: random.Random, names: NameGenerator, day: dt.date, size: int,
            member: dict[str, Any] | None) -> list[dict[str, Any]]:
    """A head (the member when one lives here), a spouse of about the same age, the
    children born when the parents were 23–38, sometimes a parent of a young head."""
    if member is not None:
        head = {"name": member["name"], "sex": member["sex"], "birth": member["birth_date"],
                "member": member}
    else:
        low, high = rng.choice(AGE_BANDS)
        sex = "1" if rng.random() < 0.6 else "2"
        head = {"name": names.person(sex), "sex": sex,
                "birth": _birth_at_age(rng, day, low, high)}
    head.update(relation="02", marital="20")
    people = [head]
    head_age = age_on(head["birth"], day)
    if size >= 2 and rng.random() < (0.6 if head_age >= 75 else 0.88):
        birth = head["birth"] + dt.timedelta(days=rng.randint(-5 * 365, 5 * 365))
        birth = min(birth, add_years(day, -22))
        sex = "2" if head["sex"] == "1" else "1"
        people.append({"name": names.person(sex), "sex": sex,
                       "birth": birth, "relation": "10", "marital": "20"})
    elif head_age >= 70:
        head["marital"] = "30" if rng.random() < 0.7 else "40"
    else:
        head["marital"] = "10" if head_age < 35 or rng.random() < 0.5 else "40"
    # Children take the surname of the father (the head, or the head's husband).
    father = next((p for p in people if p["sex"] == "1"), None)
    surname = father["name"][0] if father and father["name"][0] in SURNAMES else ""
    eldest = min(p["birth"] for p in people)
    while len(people) < size:
        if len(people) == size - 1 and size >= 3 and head_age < 45 and rng.random() < 0.3:
            sex = "1" if rng.random() < 0.45 else "2"
            birth = add_years(head["birth"], -rng.randint(24, 34))
            if age_on(birth, day) <= 92:
                name = (head["name"][0] + names.given(sex)
                        if sex == "1" and head["name"][0] in SURNAMES else names.person(sex))
                people.append({"name": name, "sex": sex, "birth": birth,
                               "relation": "51" if sex == "1" else "52",
                               "marital": "20" if rng.random() < 0.7 else "30"})
                continue
        birth = add_years(eldest, rng.randint(23, 38)) + dt.timedelta(days=rng.randrange(365))
        if birth > day - dt.timedelta(days=60):
            break  # the parents are too young for another child
        sex = "1" if rng.random() < 0.51 else "2"
        age = age_on(birth, day)
        people.append({"name": surname + names.given(sex) if surname else names.person(sex),
                       "sex": sex, "birth": birth, "relation": "20" if sex == "1" else "30",
                       "marital": "20" if age >= 28 and rng.random() < 0.5 else "10"})
    return people


def _work_or_school(rng: random.Random, birth: dt.date, day: dt.date) -> str | None:
    age = age_on(birth, day)
    if age < 3:
        return None
    for limit, place in ((6, KINDERGARTEN), (12, PRIMARY), (18, MIDDLE)):
        if age < limit:
            return place
    if age < 22:
        return rng.choice(UNIVERSITIES)
    if age >= 60 or rng.random() < 0.3:
        return None
    return rng.choice((*LOCAL_EMPLOYERS, *UNITS))


def _political(rng: random.Random, person: dict[str, Any], day: dt.date) -> str:
    member = person.get("member")
    if member is not None:
        return "02" if member["status"] == "probationary" else "01"
    age = age_on(person["birth"], day)
    return "03" if 14 <= age <= 28 and rng.random() < 0.5 else "13"


VISIT_FINDINGS = {
    "any": ("家庭情况稳定，无特殊需求", "核实家庭成员信息，无变化", "宣传反诈知识，发放宣传材料",
            "宣传垃圾分类和消防安全知识"),
    "elderly": ("老人身体状况良好，提醒注意用电用气安全",
                "了解到老人行动不便，已联系志愿者定期上门", "宣传居家养老服务，登记助餐需求"),
    "child": ("家中有学龄儿童，告知假期安全注意事项",),
    "tenants": ("租住人员信息已核实登记", "提醒租户签订租赁合同并办理居住登记"),
}
VISIT_REQUESTS = ("反映楼道照明灯不亮", "希望单元门口加装扶手", "咨询居家养老服务补贴",
                  "反映楼上漏水", "咨询低保申请条件", "希望增设电动车充电桩")


def _visits(rng: random.Random, plan: _Plan, household: dict[str, Any], workers: list[str],
            cared: bool, people: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each household about once a quarter, those with care tags about monthly, on
    working days, by the grid's own full-time workers, noting what fits the family."""
    day = plan.day
    ages = [age_on(p["birth"], day) for p in people]
    fitting = [kind for kind, fits in (("elderly", max(ages) >= 70), ("child", min(ages) < 16),
                                       ("tenants", household.get("rented", False))) if fits]
    visits = []
    months = _months_back(day, 12)
    for index, (year, month) in enumerate(months):
        if cared:
            due = rng.random() < 0.8
        else:
            due = index % 3 == household["quarter_slot"] and rng.random() < 0.85
        if not due:
            continue
        first = dt.date(year, month, 1)
        when = _working_day(first + dt.timedelta(days=rng.randrange(26)))
        if when > day or when.month != month:
            continue
        kind = rng.choice(fitting) if fitting and rng.random() < 0.6 else "any"
        findings = rng.choice(VISIT_FINDINGS[kind])
        visits.append({"household_id": household["id"], "visit_date": when,
                       "visitor": rng.choice(workers), "findings": findings,
                       "requests": rng.choice(VISIT_REQUESTS) if rng.random() < 0.12 else ""})
    return visits


def _households(db: Database, rng: random.Random, names: NameGenerator,
                plan: _Plan) -> tuple[int, int]:
    """Grids of 300–500 households in six-storey buildings, families of 1–5 whose
    ages fit together, tenants from elsewhere in rented flats, a few residents from
    Hong Kong, Macau, Taiwan and abroad, care tags, visits through the year, and the
    party members who live here linked, not copied."""
    from gridoffice.domain.hlc import uuid7
    from gridoffice.domain.search_keys import name_keys
    from gridoffice.store.tables import (
        Building,
        Grid,
        GridRole,
        House,
        Household,
        Resident,
        ResidentTag,
        Visit,
    )

    day = plan.day
    tables: dict[Any, list[dict[str, Any]]] = {
        Grid: [], GridRole: [], Building: [], House: [], Household: [], Resident: [],
        ResidentTag: [], Visit: []}
    used = {m["id_number"] for m in plan.members}
    overseas = list(OVERSEAS)
    committee = list(plan.seats.get(plan.root.id, {}).values())
    for g, (grid, branch) in enumerate(zip(plan.grids, plan.branches, strict=True)):
        grid_id = uuid7()
        plan.grid_ids[grid["code"]] = grid_id
        tables[Grid].append({"id": grid_id, "code": grid["code"], "name": grid["name"],
                             "grid_type": "city", "branch_org_id": branch.id,
                             "boundary": f"{grid['estate']}小区"})
        workers = [names.person(), names.person()]
        plan.grid_workers[grid_id] = workers
        leader = committee[g % len(committee)] if committee else None
        if leader is not None:
            tables[GridRole].append({"grid_id": grid_id, "role": "leader",
                                     "person_name": leader["name"], "member_id": leader["id"],
                                     "phone": leader["mobile"],
                                     "from_date": _past(rng, day, (1, 3))})
        for worker in workers:
            tables[GridRole].append({"grid_id": grid_id, "role": "full_time",
                                     "person_name": worker, "phone": _mobile(rng),
                                     "from_date": _past(rng, day, (0, 4))})
        pool = [m for m in plan.members if m["grid_code"] == grid["code"]
                and m["category"] in ("direct", "retired") and m["relation_status"] == "normal"]
        rng.shuffle(pool)
        grid_residents: list[dict[str, Any]] = []
        made = 0
        number = 0
        while made < grid["target"]:
            number += 1
            building_id = uuid7()
            tables[Building].append({"id": building_id, "grid_id": grid_id,
                                     "estate": grid["estate"], "number": str(number),
                                     "units": 3, "floors": 6, "kind": "residential"})
            for unit in range(1, 4):
                for floor in range(1, 7):
                    for door in (1, 2):
                        if made >= grid["target"]:
                            continue
                        vacant = rng.random() < 0.04
                        rented = not vacant and rng.random() < 0.18
                        house_id = uuid7()
                        tables[House].append({
                            "id": house_id, "building_id": building_id, "unit": str(unit),
                            "room": f"{floor}{door:02d}", "owner": names.person(),
                            "use": "vacant" if vacant else "rented" if rented
                            else "owner_occupied"})
                        if vacant:
                            continue
                        made += 1
                        household = {"id": uuid7(), "house_id": house_id, "grid_id": grid_id,
                                     "number": f"{g + 1:02d}{made:04d}", "kind": "family",
                                     "quarter_slot": rng.randrange(3)}
                        if rented and g < 2 and overseas and rng.random() < 0.2:
                            people = [_overseas_person(rng, overseas.pop(0), used)]
                        else:
                            member = None
                            remaining = grid["target"] - made + 1
                            if pool and rng.random() < min(0.6, len(pool) / remaining):
                                member = pool.pop()
                            people = _people(rng, names, plan, household, member, rented,
                                             used)
                        if not rented:  # the family lives in its own flat
                            tables[House][-1]["owner"] = people[0]["name"]
                        _add_household(rng, plan, tables, household, people, workers,
                                       name_keys, uuid7)
                        grid_residents.extend(p for p in tables[Resident][-len(people):])
        _grid_helpers(rng, plan, tables[GridRole], grid_id, grid_residents)
    _check_residents(day, tables)
    with db.write() as session:
        for model, rows in tables.items():
            db.bulk_insert(session, model, rows)
    return len(tables[Household]), len(tables[Resident])


def _overseas_person(rng: random.Random, spec: tuple[Any, ...], used: set[str]
                     ) -> dict[str, Any]:
    name, sex, birth, area, id_type, origin, reason = spec
    return {"name": name, "sex": sex, "birth": birth, "relation": "02",
            "marital": "20", "id_type": id_type,
            "id_number": _unique_id(rng, birth, sex, used, area),
            "ethnicity": "01" if id_type == "hmt_permit" else None,
            "political": "13" if id_type == "hmt_permit" else None,
            "population": "overseas", "residence": "person_only",
            "hukou": origin if id_type == "hmt_permit" else None,
            "note": f"国籍：{origin}" if id_type == "foreigner" else None,
            "reason": reason, "work": {"work": "鑫源科技有限公司", "study": UNIVERSITIES[0],
                                       "business": "个体经营"}[reason]}


def _people(rng: random.Random, names: NameGenerator, plan: _Plan, household: dict[str, Any],
            member: dict[str, Any] | None, rented: bool, used: set[str]
            ) -> list[dict[str, Any]]:
    """The residents of one household with everything the registers ask."""
    day = plan.day
    size = rng.choice((1, 2, 2, 3, 3, 3, 4, 4, 5))
    people = _family(rng, names, day, size, member)
    floating = rented and rng.random() < 0.85
    home = rng.choice(AREA_CODES[3:]) if floating else None
    origin = rng.choice(NATIVE_PLACES[1:]) if floating else None
    head_adult = add_years(people[0]["birth"], 22)
    a_year_ago = day - dt.timedelta(days=365)
    moved_in = (day - dt.timedelta(days=rng.randrange(60, 5 * 365)) if floating
                else min(_random_day(rng, max(head_adult, dt.date(1985, 1, 1)), a_year_ago),
                         a_year_ago))  # a head under 23 moved in a year ago, not later
    for person in people:
        member_row = person.get("member")
        birth = person["birth"]
        age = age_on(birth, day)
        if member_row is not None:
            person["id_number"] = member_row["id_number"]
            person["ethnicity"] = member_row["ethnicity"]
            person["work"] = member_row["work_unit"]
        else:
            person["id_number"] = _unique_id(rng, birth, person["sex"], used,
                                             home if home else "110105")
            # Children and parents share the head's ethnic group; a spouse may not.
            person["ethnicity"] = (_ethnicity(rng, person["name"])
                                   if person["relation"] in ("02", "10")
                                   else people[0]["ethnicity"])
            person["work"] = _work_or_school(rng, birth, day)
        person["id_type"] = "resident"
        person["political"] = _political(rng, person, day)
        away = not floating and 20 <= age <= 40 and person["relation"] != "02" and (
            rng.random() < 0.08)
        person["population"] = "floating" if floating else "registered"
        person["residence"] = "person_only" if floating else "hukou_only" if away else "together"
        person["hukou"] = origin if floating else "本址"
        person["reason"] = rng.choice(("work", "work", "business", "relatives")) if floating \
            else None
        person["moved_in"] = max(moved_in, birth)
        # Died or moved out in the last year, after moving in (the register's rule).
        lately = max(person["moved_in"], day - dt.timedelta(days=300))
        if person["relation"] not in ("02", "10") and age >= 80 and rng.random() < 0.05:
            person["died"] = _random_day(rng, lately, day)
        elif person["relation"] in ("20", "30") and 22 <= age <= 35 and rng.random() < 0.04:
            person["moved_out"] = _random_day(rng, lately, day)
    household["rented"] = rented
    return people


def _add_household(rng: random.Random, plan: _Plan, tables: dict[Any, list[dict[str, Any]]],
                   household: dict[str, Any], people: list[dict[str, Any]],
                   workers: list[str], name_keys: Any, uuid7: Any) -> None:
    from gridoffice.store.tables import Household, Resident, ResidentTag, Visit

    day = plan.day
    cared = False
    # An elderly couple on their own: both are 空巢老人.
    empty_nest = len(people) == 2 and all(
        age_on(p["birth"], day) >= 65 for p in people) and rng.random() < 0.6
    for person in people:
        birth = person["birth"]
        age = age_on(birth, day)
        member = person.get("member")
        full, initials = name_keys(person["name"])
        resident_id = uuid7()
        person["resident_id"] = resident_id
        mobile = None
        if age >= 16:
            mobile = member["mobile"] if member else ("无" if age >= 85 and rng.random() < 0.4
                                                      else _mobile(rng))
        tables[Resident].append({
            "id": resident_id, "household_id": household["id"], "name": person["name"],
            "sex": person["sex"], "birth_date": birth, "ethnicity": person["ethnicity"],
            "id_type": person["id_type"], "id_number": person["id_number"],
            "id_number_original": person["id_number"],
            "political_status": person["political"],
            "education": member["education"] if member else _education(rng, birth, day),
            "marital_status": person["marital"], "relation": person["relation"],
            "hukou_address": person["hukou"], "work_or_school": person["work"],
            "mobile": mobile, "population_type": person["population"],
            "residence_status": person["residence"],
            "move_in_date": person.get("moved_in", day - dt.timedelta(days=400)),
            "move_in_reason": person["reason"],
            "moved_out_on": person.get("moved_out"),
            "move_out_reason": "工作调动" if person.get("moved_out") else None,
            "died_on": person.get("died"),
            "member_id": member["id"] if member else None,
            "guardian_note": "父母监护" if age < 14 else None,
            "note": person.get("note"),
            "name_pinyin": full, "name_initials": initials,
        })
        if member is not None and rng.random() < 0.3:  # 党员中心户, linked to the member
            household["center_member_id"] = member["id"]
        since = _random_day(rng, max(add_years(birth, 18), day - dt.timedelta(days=8 * 365)),
                            day - dt.timedelta(days=30))
        tag = None
        if age >= 18 and person["relation"] == "02" and rng.random() < 0.015:
            tag = {"tag": "subsistence"}
        elif age >= 18 and rng.random() < 0.02:
            tag = {"tag": "disabled", "disability_type": rng.choice("1234567"),
                   "disability_grade": rng.choice("1234")}
        elif len(people) == 1 and age >= 60 and rng.random() < 0.8:
            tag = {"tag": "living_alone"}
        elif empty_nest:
            tag = {"tag": "empty_nest"}
        elif person["sex"] == "1" and age >= 40 and rng.random() < 0.02:
            tag = {"tag": "veteran"}
        if tag is not None and not person.get("died"):
            tables[ResidentTag].append({"resident_id": resident_id, "kind": "care",
                                        "from_date": since, **tag})
            cared = cared or tag["tag"] != "veteran"
    visits = _visits(rng, plan, household, workers, cared, people)
    tables[Visit].extend(visits)
    row = {k: v for k, v in household.items() if k not in ("quarter_slot", "rented")}
    if visits:
        row["last_visit"] = max(v["visit_date"] for v in visits)
    tables[Household].append(row)
    for person in people:
        person.pop("member", None)


def _grid_helpers(rng: random.Random, plan: _Plan, roles: list[dict[str, Any]], grid_id: str,
                  residents: list[dict[str, Any]]) -> None:
    """The "X" of the grid team: building heads and volunteers from the adults who
    live here, the members managed here; adults also sit on the council."""
    day = plan.day
    adults = [r for r in residents if 30 <= age_on(r["birth_date"], day) <= 70
              and r["died_on"] is None and r["moved_out_on"] is None
              and r["residence_status"] != "hukou_only" and r["mobile"] not in (None, "无")]
    chosen = rng.sample(adults, min(len(adults), 7))
    for role, person in zip(("building_head",) * 3 + ("volunteer",) * 2 + ("resident_rep",) * 2,
                            chosen, strict=False):
        if role == "resident_rep":
            plan.representatives.append((person["id"], person["name"], grid_id))
            continue
        roles.append({"grid_id": grid_id, "role": role, "person_name": person["name"],
                      "resident_id": person["id"], "member_id": person["member_id"],
                      "phone": person["mobile"], "from_date": _past(rng, day, (0, 3))})
    linked = [r for r in residents if r["member_id"] and r["died_on"] is None]
    for person in linked[:2]:
        roles.append({"grid_id": grid_id, "role": "direct_member", "person_name": person["name"],
                      "resident_id": person["id"], "member_id": person["member_id"],
                      "phone": person["mobile"], "from_date": _past(rng, day, (0, 3))})


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
    ("楼道照明改造", "多个单元楼道灯损坏，老人夜间出行不便。", "更换为声控节能灯，由物业负责维护"),
    ("老年助餐点设置", "独居老人就餐困难。", "在社区养老驿站设置助餐点，每日供应午餐"),
    ("快递柜设置", "快递堆放在楼门口，丢件较多。", "在小区南门设置智能快递柜"),
    ("无障碍坡道建设", "轮椅出行的居民上下台阶困难。", "在1至4号楼单元门口加建无障碍坡道"),
    ("小区门禁升级", "外来人员随意进出。", "更换人脸识别门禁，租户登记后开通"),
    ("社区议事规则修订", "议事会表决程序需进一步明确。", "通过修订后的居民议事规则并公示"),
    ("防汛准备", "雨季地下室易进水。", "物业备足沙袋和抽水泵，汛前完成排水管疏通"),
    ("公共晾晒区设置", "居民在绿地私拉晾衣绳。", "在北区空地设置公共晾晒架"),
    ("非机动车停放整治", "自行车、电动车乱停乱放。", "施划非机动车停放区并定期清理僵尸车"),
    ("冬季供暖问题收集", "部分住户室温不达标。", "汇总报供热单位，逐户测温整改"),
)
DONE_NOTES = ("已完成，居民满意。", "已按决议完成，并张榜公示。",
              "已落实，网格员回访居民基本满意。", "已完工并组织居民代表验收。")
DOING_NOTES = ("正在推进。", "已联系相关单位，等待排期施工。", "方案已报街道审批。")
OWNERS = ("社区居委会", "物业公司", "网格员", "业委会", "社区党委", "街道城管科")
REASONS = ("生病", "出差", "外出", "工作冲突", "未联系上")


def _council_people(plan: _Plan) -> list[Any]:
    """Who sits on the council: the committee members, two adult residents of each
    grid as representatives, members as party representatives, the police officer
    and the property manager."""
    from gridoffice.services import meetings as ms

    committee = list(plan.seats.get(plan.root.id, {}).values())
    seated = {m["id"] for seats in plan.seats.values() for m in seats.values()}
    reps = [m for m in plan.members if m["category"] == "direct" and m["id"] not in seated
            and m["relation_status"] == "normal" and m["status"] == "full"][:3]
    return ([ms.AttendeeDraft(m["name"], "committee", "member", m["id"]) for m in committee]
            + [ms.AttendeeDraft(name, "resident_rep", "resident", rid)
               for rid, name, _grid in plan.representatives[:8]]
            + [ms.AttendeeDraft(m["name"], "member_rep", "member", m["id"]) for m in reps]
            + [ms.AttendeeDraft("刘建国", "police",
                                unit=f"{plan.street.removesuffix('街道')}派出所"),
               ms.AttendeeDraft("孙丽", "property", unit="安居物业公司")])


def _meetings(db: Database, rng: random.Random, plan: _Plan,
              step: Callable[[str], None] = lambda _phase: None) -> int:
    """The years of monthly councils on the 10th (moved off weekends) whose attendees sign
    in as they arrive, with agenda, votes and follow-ups in every status, the next
    council planned; and 三会一课 in every branch."""
    from sqlmodel import select

    from gridoffice.domain import meetings as rules
    from gridoffice.services import meetings as ms
    from gridoffice.store.tables import Meeting, MeetingAttendee

    day, operator = plan.day, plan.operator
    people = _council_people(plan)
    if len(people) < 8:
        return 0
    secretary = plan.seats[plan.root.id]["secretary"]["name"]
    observer = ms.AttendeeDraft("周明", "npc_deputy", unit="区人大代表")
    rule = ms.MeetingRules()
    count = 0
    topics = list(COUNCIL_TOPICS)
    rng.shuffle(topics)
    session_no = 0
    for year, month in _months_back(day, plan.meeting_months):
        date = rule.council_date(year, month)
        start = dt.datetime.combine(date, rule.council_time)
        if start.date() > day or date < plan.founded:
            continue
        session_no += 1
        end = start + dt.timedelta(hours=2)
        service = ms.MeetingService(db, operator, meeting_rules=rule,
                                    now=end + dt.timedelta(days=2))
        meeting_id = service.create_meeting(ms.MeetingDraft(
            rules.COUNCIL, start, end, f"{plan.place}议事厅", secretary, operator,
            session_no=session_no))
        present = 0
        rows = []
        for order, person in enumerate([*people, observer], start=1):
            roll = rng.random()
            presence, reason, signed = rules.OBSERVER, None, None
            if person is not observer:
                presence = (rules.PRESENT if roll < 0.8 else rules.LEAVE if roll < 0.93
                            else rules.ABSENT)
                reason = {rules.LEAVE: rng.choice(REASONS[:4]),
                          rules.ABSENT: REASONS[4]}.get(presence)
            if presence == rules.PRESENT:
                present += 1
                # Each signs in on arrival, from half an hour before the start.
                signed = start - dt.timedelta(minutes=rng.randint(-3, 30))
            rows.append({"meeting_id": meeting_id, "person_kind": person.person_kind,
                         "person_id": person.person_id, "name": person.name,
                         "identity": person.identity, "unit": person.unit,
                         "presence": presence, "absence_reason": reason, "signed_at": signed,
                         "sort_order": order})
        with db.write() as session:
            db.bulk_insert(session, MeetingAttendee, rows)
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
                        rng.choice(DONE_NOTES) if done else rng.choice(DOING_NOTES),
                        published=bool(done)))
        service.finish(meeting_id)
        if date < day - dt.timedelta(days=20):
            service.approve(meeting_id, secretary)
        if session_no == 3:
            first_item = service.minutes(meeting_id).items[0]
            service.update_item(first_item.id, ms.ItemDraft(
                first_item.title + "（补充）", first_item.source, first_item.proposer,
                first_item.content), amendment="记录人补记议题名称")
    # The next council, planned with last month's attendees.
    ms.MeetingService(db, operator, meeting_rules=rule, today=day).schedule_next_council()
    step("party_meetings")
    _party_meetings(db, rng, plan)
    with db.read() as session:
        return len(session.exec(select(Meeting.id)).all())


THEME_DAYS = {1: "走访慰问困难党员和老党员", 2: "元宵节邻里互助志愿服务", 3: "学雷锋志愿服务",
              4: "清明祭英烈", 5: "五四青年座谈", 6: "安全生产月宣传", 7: "七一重温入党誓词",
              8: "八一走访慰问退役军人", 9: "社区环境整治志愿服务", 10: "重阳节敬老志愿服务",
              11: "消防安全宣传", 12: "国家宪法日宣传"}
CONGRESS_TOPICS = {1: "召开组织生活会，开展民主评议党员", 2: "讨论预备党员转正，推荐七一表彰对象",
                   3: "学习党章党规，通报党费收缴情况", 4: "总结全年工作，评定党员积分"}
LECTURES = ("学习贯彻党的二十届四中全会精神", "党章和党内法规学习", "基层治理与为民服务",
            "廉洁自律专题党课")
LEAVE_REASONS = ("生病", "照顾家人", "出差", "工作冲突")
LIST_LIMIT = 60  # larger meetings record head counts, not a list


def _party_meetings(db: Database, rng: random.Random, plan: _Plan) -> None:
    """三会一课 in every branch for the years of meetings: the committee (支委会) early
    each month, the theme party day (主题党日) late each month, each group's meeting
    monthly, the general meeting (支部党员大会) and a party lecture each quarter;
    this month's that are still to come are planned."""
    from gridoffice.store.tables import Meeting, MeetingAttendee

    meetings: list[dict[str, Any]] = []
    attendees: list[dict[str, Any]] = []
    by_org: dict[str, list[dict[str, Any]]] = {}
    for member in plan.members:
        if member["org_id"]:
            by_org.setdefault(member["org_id"], []).append(member)
    estates = {b.id: g["estate"] for b, g in zip(plan.branches, plan.grids, strict=True)}
    for b, branch in enumerate([*plan.branches, *plan.other_branches]):
        members = by_org.get(branch.id, [])
        seats = plan.seats.get(branch.id, {})
        host = seats.get("secretary", {}).get("name", "")
        recorder = seats.get("organisation", {}).get("name", "") or host
        groups = plan.groups.get(branch.id, [])
        split = {g.id: members[i::len(groups)] for i, g in enumerate(groups)}
        evening = dt.time(19, 0) if branch.id in estates else dt.time(9, 30)
        # Each branch meets in its own estate's room, on its own days; the theme
        # party day is the same day for all (the 25th), morning or afternoon.
        room = (f"{estates[branch.id]}小区党员活动室" if branch.id in estates
                else f"{plan.place}党员活动室")
        hall = f"{plan.place}会议室"
        theme_time = dt.time(9, 0) if b % 2 == 0 else dt.time(14, 30)
        specs: list[tuple[Any, ...]] = []
        for year, month in _months_back(plan.day, plan.meeting_months):
            first = dt.date(year, month, 1)
            if first < (branch.established or plan.founded):
                continue  # the branch was not set up yet
            quarter = (month - 1) // 3 + 1
            specs.append(("branch_committee", _working_day(first + dt.timedelta(days=2 + b)),
                          dt.time(9, 0), 1.5, "研究部署本月支部工作", list(seats.values()),
                          branch.id, room, host))
            specs.append(("theme_day", _working_day(first + dt.timedelta(days=24)), theme_time,
                          2.5, THEME_DAYS[month], members, branch.id, room, host))
            for index, group in enumerate(groups):
                leader = plan.seats.get(group.id, {}).get("group_leader", {}).get("name", host)
                specs.append(("party_group",
                              _working_day(first + dt.timedelta(days=11 + b + index)),
                              evening, 1, "学习交流本月学习内容，收集楼栋居民意见",
                              split[group.id], group.id, room, leader))
            if month % 3 == 1:
                specs.append(("branch_congress", _working_day(first + dt.timedelta(days=13 + b)),
                              dt.time(14, 30), 2, CONGRESS_TOPICS[quarter], members, branch.id,
                              hall, host))
            if month % 3 == 2:
                specs.append(("party_lecture", _working_day(first + dt.timedelta(days=16 + b)),
                              dt.time(15, 0), 1.5, LECTURES[quarter - 1], members, branch.id,
                              f"{plan.place}多功能厅", host))
        for spec in specs:
            _party_meeting(rng, plan, meetings, attendees, *spec, recorder)
    with db.write() as session:
        db.bulk_insert(session, Meeting, meetings)
        db.bulk_insert(session, MeetingAttendee, attendees)


def _party_meeting(rng: random.Random, plan: _Plan, meetings: list[dict[str, Any]],
                   attendees: list[dict[str, Any]], kind: str, on: dt.date, at: dt.time,
                   hours: float, title: str, people: list[dict[str, Any]] | None,
                   org_id: str, place: str, host: str, recorder: str) -> None:
    """One meeting of 三会一课 as the meetings tab would have recorded it: members of
    the organisation on that day, present ones signed in as they arrived, mobile
    members on leave; approved a few days later."""
    from gridoffice.domain.hlc import uuid7

    start = dt.datetime.combine(on, at)
    if on > plan.day and on.month != plan.day.month:
        return
    finished = on <= plan.day - dt.timedelta(days=1)
    meeting_id = uuid7()
    row: dict[str, Any] = {
        "id": meeting_id, "meeting_type": kind, "title": title, "org_id": org_id,
        "start_at": start, "end_at": start + dt.timedelta(hours=hours), "place": place,
        "host": host, "recorder": recorder, "status": "finished" if finished else "planned"}
    expected = [m for m in people or [] if m["join_date"] <= on and (
        m["status_date"] is None or m["status_date"] > on)]
    if finished and on <= plan.day - dt.timedelta(days=7):
        row["approved_on"] = on + dt.timedelta(days=rng.randint(1, 6))
        row["approved_by"] = host
    if len(expected) > LIST_LIMIT:
        if finished:
            row["headcount_expected"] = len(expected)
            row["headcount_present"] = round(len(expected) * rng.uniform(0.78, 0.95))
        meetings.append(row)
        return
    meetings.append(row)
    for order, member in enumerate(expected, start=1):
        presence, reason, signed = None, None, None
        if finished:
            roll = rng.random()
            if member["category"] == "mobile":
                presence, reason = "leave", "外出务工，已书面请假"
            elif roll < 0.86:
                presence = "present"
                signed = start - dt.timedelta(minutes=rng.randint(-2, 25))
            elif roll < 0.97:
                presence, reason = "leave", rng.choice(LEAVE_REASONS)
            else:
                presence, reason = "absent", "未联系上"
        attendees.append({"meeting_id": meeting_id, "person_kind": "member",
                          "person_id": member["id"], "name": member["name"],
                          "identity": "party_member", "presence": presence,
                          "absence_reason": reason, "signed_at": signed,
                          "sort_order": order})


POSTS = (("楼道长", "governance", 6), ("政策宣讲员", "organisation", 4),
         ("法律咨询", "legal", 3), ("助老帮扶", "assistance", 8), ("义诊服务", "health", 2),
         ("文体活动辅导", "culture", 5), ("治安巡逻", "safety", 10), ("垃圾分类督导", "other", 6))
FULL_POST = 4  # 义诊服务: filled to its quota; the others keep a place free
# Two activities a month, as the year brings them (重阳 is in October, 宪法日 in December).
ACTIVITIES = {1: ("新春送福进社区", "走访慰问困难群众"), 2: ("元宵节邻里联欢", "反诈宣传"),
              3: ("学雷锋志愿服务", "植树护绿"), 4: ("文明祭扫宣传", "法律知识讲座"),
              5: ("垃圾分类宣传", "义诊进社区"), 6: ("安全生产宣传", "防汛隐患排查"),
              7: ("暑期四点半课堂", "关爱独居老人走访"), 8: ("社区环境整治", "文明交通劝导"),
              9: ("中秋邻里节", "义诊进社区"), 10: ("重阳节敬老活动", "社区环境整治"),
              11: ("消防安全检查", "关爱独居老人走访"),
              12: ("国家宪法日宣传", "冬季防煤气中毒入户宣传")}
# The post a member's work suits (by the unit), else one anybody can take.
UNIT_POSTS = {"区人民医院": 4, "区人民法院": 2, "市第一中学": 5, "和平里小学": 5, "区教育局": 1,
              "区税务局": 1, "幸福街道办事处": 0}
OPEN_POSTS = (0, 3, 6, 7)
SKILLS = {"区人民医院": "医疗护理", "区人民法院": "法律", "市第一中学": "辅导功课",
          "和平里小学": "辅导功课", "国网城区供电公司": "水电维修", "市自来水公司": "水电维修",
          "中国银行城区支行": "金融知识"}


def _street_units(db: Database, operator: str, day: dt.date) -> int:
    from gridoffice.services import inservice as ins

    service = ins.InServiceService(db, operator or "王芳", today=day)
    existing = service.work_units()
    if existing:
        raise UserError(MSG_STREET_NOT_EMPTY, count=len(existing))
    for name, (unit_type, party_org, _jobs) in WORK_UNITS.items():
        service.add_work_unit(ins.WorkUnitDraft(name, unit_type, party_org, "办公室"))
    return len(WORK_UNITS)


def _inservice(db: Database, rng: random.Random, plan: _Plan,
               step: Callable[[str], None] = lambda _phase: None) -> int:
    """The in-service members of the roster registered here (about a quarter of the
    members) with their unit's party organisation, posts that suit their work
    claimed on the days they took them (one post full), a year of activities and
    monthly post duties they checked in and out of, and points."""
    from gridoffice.domain import inservice as rules
    from gridoffice.domain.hlc import uuid7
    from gridoffice.domain.search_keys import name_keys
    from gridoffice.services import inservice as ins
    from gridoffice.store.tables import PointsEntry, Registration

    day, operator = plan.day, plan.operator
    members = sorted((m for m in plan.members if m["category"] == "in_service"
                      and m["relation_status"] == "normal"), key=lambda m: (m["name"], m["id"]))
    if not members:
        return 0
    point_rules = rules.PointRules()
    service = ins.InServiceService(db, operator, today=day, point_rules=point_rules)
    units = {}
    for name in sorted({m["work_unit"] for m in members}):
        unit_type, party_org, _jobs = WORK_UNITS[name]
        units[name] = service.find_work_unit(name) or service.add_work_unit(
            ins.WorkUnitDraft(name, unit_type, party_org, "办公室"))
    posts = [service.add_post(ins.PostDraft(name, category, quota))
             for name, category, quota in POSTS]
    registered, rows, entries = [], [], []
    for index, member in enumerate(members):
        # Some reported years ago, some this year; the post they wish for suits their work.
        report = _random_day(rng, day - dt.timedelta(days=rng.choice((365, 365, 1000))),
                             day - dt.timedelta(days=30))
        pending, returned = index % 17 == 5, index % 23 == 7
        if pending or returned:  # lately
            report = day - dt.timedelta(days=rng.randint(3, 25))
        member["post_wish"] = UNIT_POSTS.get(member["work_unit"], rng.choice(OPEN_POSTS))
        member["post_alt"] = rng.choice([i for i in OPEN_POSTS if i != member["post_wish"]])
        # Re-registered every half year, a few late (the reminder lists them).
        last = report
        while rules.reregistration_due(last, point_rules.reregister_months) <= day:
            renewal = rules.reregistration_due(last, point_rules.reregister_months)
            renewal += dt.timedelta(days=rng.randint(0, 10))
            if renewal > day or rng.random() < 0.05:
                break
            last = renewal
        reviewed = min(day, report + dt.timedelta(days=rng.randint(1, 7)))
        full_name, initials = name_keys(member["name"])
        registration = uuid7()
        # As the in-service tab registers a member on the roster: linked, nothing copied.
        rows.append({
            "id": registration, "code": rules.member_code(index + 1),
            "member_id": member["id"], "resident_id": member.get("resident_id"),
            "name": member["name"], "party_status": member["status"],
            "grid_id": plan.grid_ids.get(member["grid_code"]),
            "work_unit_id": units[member["work_unit"]], "job": member["job"],
            "skills": SKILLS.get(member["work_unit"], rng.choice(("摄影", "书法", "电脑维修",
                                                                 "心理咨询", ""))),
            "wished_categories": f"{POSTS[member['post_wish']][1]},"
                                 f"{POSTS[member['post_alt']][1]}",
            "report_type": "individual", "report_date": report,
            "review_status": rules.PENDING if pending else rules.RETURNED if returned
            else rules.APPROVED,
            "review_reason": "工作单位党组织信息不全" if returned else None,
            "reviewed_on": None if pending else reviewed,
            "reviewer": None if pending else operator, "last_registered_on": last,
            "name_pinyin": full_name, "name_initials": initials})
        if pending or returned:
            continue
        points = point_rules.points_for(rules.FIRST_REGISTRATION)
        entries.append({"registration_id": registration, "on_date": report,
                        "item": rules.FIRST_REGISTRATION, "points": points,
                        "basis": f"{rules.FIRST_REGISTRATION}={points}", "entered_by": operator})
        registered.append((registration, reviewed, member))
    for registration, since, _member in registered:  # 微心愿, 表彰, 无故缺席
        roll = rng.random()
        item, note = ((rules.WISH, "领办微心愿") if roll < 0.15 else
                      (rules.AWARD, "优秀志愿者") if roll < 0.22 else
                      (rules.ABSENCE, "认领岗位无故未到") if roll < 0.3 else (None, ""))
        if item is not None:
            points = point_rules.points_for(item)
            entries.append({"registration_id": registration,
                            "on_date": _random_day(rng, since, day), "item": item,
                            "points": points, "basis": f"{item}={points}",
                            "entered_by": operator, "note": note})
    _check_registrations(day, rows)
    with db.write() as session:
        db.bulk_insert(session, Registration, rows)
        db.bulk_insert(session, PointsEntry, entries)
    step("claims")
    claims = _claims(db, rng, plan, registered, posts, point_rules)
    keen = {registration: rng.choice((0.3, 0.5, 0.65, 0.85)) for registration, *_ in registered}
    step("checkins")
    _service_records(db, rng, plan, registered, posts, claims, keen, point_rules)
    return len(members)


def _check_registrations(day: dt.date, rows: list[dict[str, Any]]) -> None:
    """Registrations by the in-service form's rules, checked directly (the register
    form's codes and dates), and each member registered once, checked as a set
    rather than by reading every registration per row."""
    from gridoffice.domain import inservice as rules
    from gridoffice.domain.codes import MEMBER_STATUS
    from gridoffice.services.common import check_code
    from gridoffice.services.inservice.model import FIELD_LABELS, check_field_code

    members: set[str] = set()
    codes: set[str] = set()
    for row in rows:
        check_field_code("report_type", rules.REPORT_TYPES, row["report_type"])
        check_code("party_status", MEMBER_STATUS, row["party_status"],
                   FIELD_LABELS["party_status"])
        for code in row["wished_categories"].split(","):
            check_field_code("wished_categories", rules.POST_CATEGORIES, code)
        if not row["report_date"] <= row["last_registered_on"] <= day:
            raise AssertionError(f"demo registration dates: {row}")
        if row["member_id"] in members or row["code"] in codes:
            raise AssertionError(f"demo member registered twice: {row['name']}")
        members.add(row["member_id"])
        codes.add(row["code"])


def _claims(db: Database, rng: random.Random, plan: _Plan, registered: list[Any],
            posts: list[str], point_rules: Any) -> dict[int, list[tuple[str, dt.date]]]:
    """Each member claims a post that suits their work, some weeks after their
    registration was approved; 义诊服务 fills up."""
    from gridoffice.services import inservice as ins

    taken = dict.fromkeys(range(len(posts)), 0)
    claimed: dict[int, list[tuple[str, dt.date]]] = {i: [] for i in range(len(posts))}
    for registration, reviewed, member in registered:
        index = member["post_wish"]
        room = POSTS[index][2] - (0 if index == FULL_POST else 1)
        if taken[index] >= room:  # full: the other kind of post they asked for
            index = member["post_alt"]
            room = POSTS[index][2] - 1
        if taken[index] >= room:
            continue
        when = min(plan.day, reviewed + dt.timedelta(days=rng.randint(0, 45)))
        ins.InServiceService(db, plan.operator, today=when, point_rules=point_rules).claim(
            registration, posts[index])
        taken[index] += 1
        claimed[index].append((registration, when))
    return claimed


def _service_records(db: Database, rng: random.Random, plan: _Plan,
                     registered: list[Any], posts: list[str],
                     claims: dict[int, list[tuple[str, dt.date]]],
                     keen: dict[str, float], point_rules: Any) -> None:
    """Two activities a month for everyone and a monthly duty at each post for those
    who claimed it; members check in as they arrive and out when they leave, the
    staff on duty confirms, and each record earns its points (as check-out does)."""
    from gridoffice.domain import inservice as rules
    from gridoffice.domain.hlc import uuid7
    from gridoffice.store.tables import PointsEntry, ServiceActivity, ServiceRecord

    day, operator = plan.day, plan.operator
    since = {registration: reviewed for registration, reviewed, _member in registered}
    activities: list[dict[str, Any]] = []
    records: list[dict[str, Any]] = []
    entries: list[dict[str, Any]] = []

    def attend(registration: str, activity: str, on: dt.date, start: dt.time, hours: float,
               content: str, post: str | None, item: str) -> None:
        check_in = dt.datetime.combine(on, start) - dt.timedelta(minutes=rng.randint(-5, 20))
        check_out = check_in + dt.timedelta(hours=hours, minutes=rng.randint(-10, 15))
        worked = rules.hours_between(check_in, check_out)
        record_id = uuid7()
        records.append({"id": record_id, "registration_id": registration,
                        "activity_id": activity, "post_id": post, "on_date": on,
                        "content": content, "check_in_at": check_in, "check_out_at": check_out,
                        "hours": worked, "confirmed_by": operator, "confirmed_at": check_out})
        points = point_rules.points_for(item, worked)
        entries.append({"registration_id": registration, "on_date": on, "item": item,
                        "points": points, "service_record_id": record_id,
                        "basis": f"{item}={point_rules.duty_per_hour}/h" if item == rules.DUTY
                        else f"{item}={points}", "entered_by": operator})

    for year, month in _months_back(day, 12):
        for half, name in enumerate(ACTIVITIES[month]):
            # On a Saturday in the first or second half of the month.
            first = dt.date(year, month, 1 + 14 * half)
            on = first + dt.timedelta(days=(5 - first.weekday()) % 7 + 7 * rng.randint(0, 1))
            if on >= day:
                continue
            at = rng.choice((dt.time(9, 0), dt.time(14, 30)))
            activity = uuid7()
            activities.append({"id": activity, "kind": "activity", "name": name,
                               "on_date": on, "place": plan.place, "organiser": operator})
            hours = rng.choice((1.5, 2, 2.5, 3))
            for registration, *_ in registered:
                if since[registration] <= on and rng.random() < keen[registration]:
                    attend(registration, activity, on, at, hours, name, None, rules.ACTIVITY)
    for year, month in _months_back(day, 12):
        for index, post in enumerate(posts):
            if not claims[index]:
                continue
            on = dt.date(year, month, 1) + dt.timedelta(days=(5 - dt.date(year, month, 1)
                                                             .weekday()) % 7 + 7 * (index % 3))
            if on >= day:
                continue
            name = POSTS[index][0]
            at = dt.time(19, 0) if name == "治安巡逻" else dt.time(8, 30)
            duty = uuid7()
            activities.append({"id": duty, "kind": "duty", "name": f"{name}岗位值守",
                               "post_id": post, "on_date": on, "place": plan.place,
                               "organiser": operator})
            for registration, claimed_on in claims[index]:
                if claimed_on <= on and rng.random() < keen[registration]:
                    attend(registration, duty, on, at, rng.choice((2, 2, 3)), f"{name}岗位值守",
                           post, rules.DUTY)
    with db.write() as session:
        db.bulk_insert(session, ServiceActivity, activities)
        db.bulk_insert(session, ServiceRecord, records)
        db.bulk_insert(session, PointsEntry, entries)
