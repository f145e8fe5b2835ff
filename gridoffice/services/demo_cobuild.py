"""Demo data of co-building (共驻共建): the community's units with their agreements
and two part-time committee members, 25 resources, 30 services and projects in every
state, 40 residents' orders of a year (from councils, visits, the phone, the 12345
hotline and walk-ins) at every stage, six of them sent up to the street, and last
year's two-way review. At a street office: its departments.

A demo has no street office to answer the orders sent up: its answers (a dispatch, a
return) are written here as steps of the street's kind recorded by this community, as
it heard of them. They stay the community's rows, so the demo syncs with a real
street office like any other data (which may dispatch them again)."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any

from gridoffice.domain import cobuild
from gridoffice.store.database import Database

DEPARTMENTS = (
    ("城管执法中队", "刘队长"), ("街道住建办", "孙主任"), ("街道民政办", "周主任"),
    ("街道卫健办", "吴主任"), ("幸福派出所", "郑所长"), ("市场监管所", "冯所长"),
    ("供电所", "陈所长"), ("自来水营业所", "褚经理"), ("燃气服务站", "卫站长"),
)
AREA_UNITS = (  # units of the area without in-service members of their own
    ("幸福物业服务有限公司", "property_company", "中共幸福物业服务有限公司支部委员会"),
    ("幸福里小区业主委员会", "owners_committee", None),
)
# what a unit offers: (category, title, capacity, when)
OFFERS = {
    "区人民医院": [("health", "每月义诊", "每次 40 人", "每月第二个周六上午"),
                ("elderly", "老年人上门体检", "每月 10 户", "工作日预约")],
    "区人民法院": [("legal", "法律咨询", "每次 20 人", "每月第一个周三下午"),
                ("mediation", "诉前调解", "不限", "预约")],
    "市第一中学": [("children", "四点半课堂", "30 名学生", "周一至周五 16:30")],
    "和平里小学": [("children", "假期托管", "40 名学生", "寒暑假工作日")],
    "国网城区供电公司": [("repairs", "电路检修", "每月 8 户", "工作日"),
                   ("safety", "用电安全宣讲", "每次 50 人", "每季度一次")],
    "市自来水公司": [("repairs", "管道维修", "每月 6 户", "工作日")],
    "中国银行城区支行": [("policy", "防诈骗金融知识讲座", "每次 60 人", "每季度一次")],
    "区教育局": [("children", "家庭教育讲座", "每次 80 人", "每学期两次")],
    "区税务局": [("policy", "个税政策咨询", "每次 30 人", "每年 3 月")],
    "幸福物业服务有限公司": [("repairs", "公共设施维修", "不限", "24 小时"),
                     ("traffic", "夜间共享车位 20 个", "20 个车位", "19:00–次日 7:00"),
                     ("environment", "楼道清理", "每周一次", "周六")],
    "幸福里小区业主委员会": [("traffic", "停车秩序协调", "不限", "随时")],
}
OTHER_OFFERS = [  # social organisations and volunteers
    ("organisation", "阳光社工服务中心", "elderly", "独居老人探访", "每周 15 户", "工作日"),
    ("organisation", "阳光社工服务中心", "disability", "残疾人康复陪伴", "每月 8 人", "预约"),
    ("organisation", "夕阳红文体协会", "culture", "广场舞与合唱队", "60 人", "每天晚上"),
    ("volunteer", "退休电工志愿队", "repairs", "小家电维修", "每月 20 件", "每月 15 日"),
    ("volunteer", "爱心理发志愿队", "elderly", "上门理发", "每月 20 人", "每月最后一个周日"),
    ("organisation", "彩虹就业服务站", "employment", "就业岗位推荐", "不限", "工作日"),
    ("volunteer", "大学生志愿者", "children", "作业辅导", "20 名学生", "周末"),
    ("organisation", "和美调解工作室", "mediation", "邻里纠纷调解", "不限", "预约"),
]
PROJECTS = [  # (name, category, content, standard)
    ("长者助餐点", "elderly", "为 60 岁以上老人提供午餐", "每餐两荤一素，价格不高于 12 元"),
    ("四点半课堂", "children", "放学后作业辅导与兴趣活动", "每天 16:30–18:00，师生比 1:15"),
    ("老旧小区加装电梯", "repairs", "3 号楼、5 号楼加装电梯", "业主同意率达到法定要求，按规范施工"),
    ("家庭医生签约", "health", "为重点人群签约家庭医生", "签约率不低于 80%"),
    ("法律明白人培训", "legal", "培训居民骨干法律知识", "每季度一期，每期 30 人"),
    ("楼道堆物清理", "environment", "清理楼道杂物，消除消防隐患", "每月一次，清理后拍照留存"),
    ("共享停车位", "traffic", "协调单位夜间开放停车位", "每晚开放不少于 20 个"),
    ("独居老人关爱", "elderly", "定期探访独居老人", "每周探访一次并记录"),
    ("残疾人康复服务", "disability", "上门康复指导", "每月一次，建立康复档案"),
    ("就业技能培训", "employment", "面点、家政技能培训", "每期 20 人，结业推荐就业"),
    ("平安楼院创建", "safety", "楼院安装烟感、配灭火器", "每户一个烟感，每层一具灭火器"),
    ("社区文化节", "culture", "文艺汇演与书画展", "每年一届"),
    ("政策宣讲进楼院", "policy", "医保、养老政策宣讲", "每季度一次"),
    ("矛盾纠纷调解室", "mediation", "设立调解室，周三坐班", "受理后 7 日内调解"),
    ("适老化改造", "elderly", "为困难老人家庭安装扶手", "按需评估，免费安装"),
]
NEEDS = [  # (category, urgency, description)
    ("repairs", "urgent", "单元门禁损坏，夜间无法关闭"),
    ("repairs", "normal", "楼道声控灯不亮"),
    ("repairs", "long_term", "老楼加装电梯"),
    ("elderly", "normal", "独居老人希望有人定期上门探访"),
    ("elderly", "normal", "申请长者助餐"),
    ("health", "normal", "行动不便老人需要上门测血压"),
    ("children", "normal", "双职工家庭孩子放学后无人看护"),
    ("traffic", "normal", "小区晚上停车难，消防通道被占"),
    ("environment", "urgent", "垃圾站周边异味严重"),
    ("environment", "normal", "楼道堆放杂物"),
    ("legal", "normal", "房屋租赁合同纠纷咨询"),
    ("mediation", "urgent", "楼上漏水引发邻里纠纷"),
    ("employment", "normal", "失业人员希望参加技能培训"),
    ("disability", "normal", "残疾人申请康复器具"),
    ("safety", "urgent", "电动车在楼道充电存在隐患"),
    ("culture", "normal", "希望增加老年人活动场地"),
    ("policy", "normal", "咨询医保异地备案办理"),
]
STREET_NEEDS = [  # beyond the community's means: sent up
    ("repairs", "urgent", "小区主供水管道破裂，需市政维修"),
    ("traffic", "normal", "小区门口路段缺少减速带和信号灯"),
    ("environment", "normal", "周边餐馆油烟扰民"),
    ("safety", "urgent", "沿街商铺违规存放燃气罐"),
    ("repairs", "normal", "小区外墙瓷砖脱落"),
    ("health", "normal", "社区卫生服务站夜间无人值班"),
]


def street_departments(db: Database, operator: str, day: dt.date) -> int:
    """The street office's departments it dispatches orders to."""
    from gridoffice.services.cobuild import CobuildService, DepartmentDraft

    service = CobuildService(db, operator, today=day)
    for index, (name, contact) in enumerate(DEPARTMENTS):
        service.add_department(DepartmentDraft(name, contact, f"0105{index + 1:07d}"[:12]))
    return len(DEPARTMENTS)


def fill(db: Database, rng: random.Random, day: dt.date, operator: str,
         step: Callable[[str], None] = lambda _phase: None) -> int:
    """Co-building data of one community (inside the demo's transaction); the number
    of orders."""
    from gridoffice.services.cobuild import CobuildService
    from gridoffice.services.inservice import InServiceService, WorkUnitDraft

    step("cobuild")
    service = CobuildService(db, operator, today=day)
    units_service = InServiceService(db, operator, today=day)
    for name, unit_type, party_org in AREA_UNITS:
        units_service.add_work_unit(WorkUnitDraft(name, unit_type, party_org, "办公室"))
    units = {u.name: u for u in units_service.work_units()}
    for index, (name, unit) in enumerate(sorted(units.items())):
        draft = units_service.work_unit(unit.id)
        signed = day - dt.timedelta(days=rng.randint(200, 1100))
        until = signed + dt.timedelta(days=365 * 3) if index % 5 != 4 else None
        if index % 6 == 5:
            continue  # no agreement yet
        units_service.update_work_unit(unit.id, WorkUnitDraft(
            draft.name, draft.unit_type, draft.party_org, draft.contact or "办公室",
            f"1{rng.choice('358')}{rng.randint(100000000, 999999999)}",
            draft.address or f"幸福大街{12 + 8 * index}号",
            draft.note, signed, until,
            f"{name}与社区结对共建：开放{rng.choice(('会议室', '活动场地', '停车位'))}，"
            "每年组织在职党员参加社区志愿服务不少于两次，参与社区议事协商。"))
    _part_time_seats(db, service, units, day)
    _resources(service, rng, units, db)
    projects = _projects(service, rng, units, day)
    orders = _orders(db, service, rng, day, units, projects)
    # the round of the year the orders are in (reviewed from July on; before, last year)
    _review(service, day.year if day.month >= 7 else day.year - 1)
    return orders


def _part_time_seats(db: Database, service: Any, units: dict[str, Any], day: dt.date) -> None:
    from sqlalchemy import text as sql

    from gridoffice.services.orgs import OrgService

    with db.read() as session:
        root = session.connection().execute(sql(
            "SELECT id FROM org WHERE parent_id IS NULL AND NOT deleted "
            "AND org_type = 'committee' ORDER BY sort_order LIMIT 1")).scalar()
    if root is None:
        return
    orgs = OrgService(db, service.operator, today=day)
    for name, person in (("区人民医院", "高建华"), ("国网城区供电公司", "马志强")):
        if name in units:
            orgs.appoint(root, "part_time", person, day - dt.timedelta(days=400),
                         "兼职委员", units[name].id)


def _resources(service: Any, rng: random.Random, units: dict[str, Any], db: Database) -> None:
    from sqlalchemy import text as sql

    from gridoffice.services.cobuild import ResourceDraft

    with db.read() as session:
        connection = session.connection()
        grids = [r[0] for r in connection.execute(sql(
            "SELECT id FROM grid WHERE NOT deleted ORDER BY code"))]
        members = connection.execute(sql(
            "SELECT id, skills FROM registration WHERE NOT deleted AND review_status = "
            "'approved' AND skills != '' ORDER BY code LIMIT 6")).fetchall()
    made = 0
    for name, offers in OFFERS.items():
        if name not in units:
            continue
        for category, title, capacity, when in offers:
            service.add_resource(ResourceDraft(
                "unit", category, title, unit_id=units[name].id, capacity=capacity,
                available=when, contact="办公室",
                grid_id=rng.choice(grids) if grids and rng.random() < 0.4 else None))
            made += 1
    for kind, provider, category, title, capacity, when in OTHER_OFFERS:
        service.add_resource(ResourceDraft(kind, category, title, provider_name=provider,
                                           capacity=capacity, available=when))
        made += 1
    skills = {"医疗护理": "health", "法律": "legal", "辅导功课": "children",
              "水电维修": "repairs", "金融知识": "policy", "心理咨询": "health",
              "电脑维修": "repairs", "摄影": "culture", "书法": "culture"}
    for registration_id, skill in members:
        if made >= 25:
            break
        service.add_resource(ResourceDraft("member", skills.get(skill, "other"), skill,
                                           registration_id=registration_id,
                                           available="周末"))
        made += 1


def _projects(service: Any, rng: random.Random, units: dict[str, Any],
              day: dt.date) -> list[str]:
    from gridoffice.services.cobuild import PROJECT_STATUSES, ProjectDraft

    statuses = [s.code for s in PROJECT_STATUSES]
    names = sorted(units)
    made = []
    for index in range(30):
        name, category, content, standard = PROJECTS[index % len(PROJECTS)]
        if index >= len(PROJECTS):
            name = f"{name}（{day.year - 1} 年）"
        status = statuses[index % len(statuses)]
        start = day - dt.timedelta(days=rng.randint(30, 500))
        end = (start + dt.timedelta(days=rng.randint(90, 365)) if status in ("done", "paused")
               else day + dt.timedelta(days=rng.randint(30, 300)))
        if status == "planned":
            start = day + dt.timedelta(days=rng.randint(10, 60))
            end = start + dt.timedelta(days=180)
        unit = units[names[index % len(names)]] if names else None
        made.append(service.add_project(ProjectDraft(
            name, category, content, standard, unit.id if unit else None,
            rng.choice(("王芳", "李明", "张丽")), None, start, min(end, start + dt.timedelta(
                days=700)) if end >= start else start, status)))
    return made


def _orders(db: Database, service: Any, rng: random.Random, day: dt.date,
            units: dict[str, Any], projects: list[str]) -> int:
    from sqlalchemy import text as sql

    from gridoffice.services.cobuild import OrderDraft, StepDraft

    with db.read() as session:
        connection = session.connection()
        residents = connection.execute(sql(
            "SELECT r.id FROM resident r WHERE NOT r.deleted AND r.moved_out_on IS NULL "
            "AND r.died_on IS NULL ORDER BY r.id")).fetchall()
        items = [r[0] for r in connection.execute(sql(
            "SELECT a.id FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id "
            "WHERE NOT a.deleted AND m.meeting_type = 'council' AND date(m.start_at) <= :day "
            "ORDER BY m.start_at DESC, a.position LIMIT 12"), {"day": day.isoformat()})]
        visits = connection.execute(sql(
            "SELECT v.id, r.id FROM visit v JOIN resident r ON r.household_id = v.household_id "
            "WHERE NOT v.deleted AND v.requests != '' GROUP BY v.id ORDER BY v.visit_date DESC "
            "LIMIT 10")).fetchall()
        members = [r[0] for r in connection.execute(sql(
            "SELECT id FROM registration WHERE NOT deleted AND review_status = 'approved' "
            "AND left_on IS NULL ORDER BY code LIMIT 10"))]
        grids = [r[0] for r in connection.execute(sql(
            "SELECT id FROM grid WHERE NOT deleted ORDER BY code"))]
    unit_ids = [u.id for u in units.values()]
    sources = ["council"] * 8 + ["visit"] * 10 + ["phone"] * 10 + ["hotline"] * 6 + \
        ["walk_in"] * 6
    rng.shuffle(sources)
    count = 0
    for index in range(40):
        sent_up = index < len(STREET_NEEDS)
        category, urgency, description = (STREET_NEEDS[index] if sent_up
                                          else NEEDS[index % len(NEEDS)])
        source = sources[index]
        link_table = link_id = None
        resident = rng.choice(residents)[0] if residents else None
        if source == "council" and items:
            link_table, link_id = "agenda_item", items[index % len(items)]
        elif source == "visit" and visits:
            link_table, (link_id, resident) = "visit", visits[index % len(visits)]
        raised = day - dt.timedelta(days=rng.randint(2, 330) if index % 8 else rng.randint(1, 6))
        plan = raised + dt.timedelta(days=rng.randint(120, 300)) if urgency == "long_term" \
            else None
        order = service.raise_order(OrderDraft(
            category, description, source, urgency, raised, resident_id=resident,
            phone_consent=rng.random() < 0.6, plan_date=plan, source_table=link_table,
            source_id=link_id, project_id=rng.choice(projects) if rng.random() < 0.2 else None))
        count += 1
        moment = dt.datetime.combine(raised, dt.time(9, 30))
        if sent_up:
            _sent_up(db, service, order, index, moment, day)
            continue
        stage = index % 8
        if stage == 0:
            continue  # waiting to be assigned
        kind, assignee = rng.choice((
            ("unit", rng.choice(unit_ids) if unit_ids else None),
            ("member", rng.choice(members) if members else None),
            ("grid", rng.choice(grids) if grids else None)))
        if assignee is None:
            continue
        later = _later(moment, day)
        if stage == 7:
            service.record_step(order, StepDraft(cobuild.CLOSE, text="居民需求已由家属解决",
                                                 at=next(later)))
            continue
        service.record_step(order, StepDraft(cobuild.ASSIGN, kind, assignee, at=next(later)))
        if stage == 1:
            continue  # assigned, not claimed yet (the urgent ones overdue)
        service.record_step(order, StepDraft(cobuild.CLAIM, at=next(later)))
        if stage == 2:
            service.record_step(order, StepDraft(cobuild.PROGRESS, text="已上门查看，正在协调",
                                                 at=next(later)))
            continue
        service.record_step(order, StepDraft(cobuild.COMPLETE, text="已办结，居民确认",
                                             at=next(later)))
        if stage in (4, 5, 6):
            service.record_step(order, StepDraft(
                cobuild.RATE, rating=rng.choice((5, 5, 5, 4, 4, 3)),
                text=rng.choice(("很满意", "办得及时", "")), at=next(later)))
    return count


def _later(moment: dt.datetime, day: dt.date) -> Any:
    """Moments after ``moment``, a day or two apart, never past ``day``'s evening."""
    last = dt.datetime.combine(day, dt.time(17, 0))
    while True:
        moment = min(moment + dt.timedelta(days=1, hours=2), last)
        last += dt.timedelta(minutes=1)
        yield moment


def _sent_up(db: Database, service: Any, order: str, index: int, moment: dt.datetime,
             day: dt.date) -> None:
    """An order sent up; the street's answer (dispatch, return) as the community heard
    of it (see the module docstring)."""
    from gridoffice.services.cobuild import StepDraft

    later = _later(moment, day)
    service.record_step(order, StepDraft(cobuild.SEND_UP, text="超出社区能力，需街道协调",
                                         at=next(later)))
    if index >= 4:
        return  # waiting for the street
    department = DEPARTMENTS[index][0]
    if index == 3:
        _street_step(db, order, cobuild.Step(cobuild.RETURN, next(later), "street",
                                             text="属物业维修范围，请社区协调物业"))
        return
    dispatched = next(later)
    _street_step(db, order, cobuild.Step(
        cobuild.DISPATCH, dispatched, "street", cobuild.DEPARTMENT, f"demo-department-{index}",
        department, deadline=dispatched.date() + dt.timedelta(days=10)))
    if index >= 1:
        service.record_step(order, StepDraft(cobuild.CLAIM, at=next(later)))
    if index == 2:
        service.record_step(order, StepDraft(cobuild.COMPLETE, text="已完成维修", at=next(later)))
        service.record_step(order, StepDraft(cobuild.RATE, rating=5, text="街道办事效率高",
                                             at=next(later)))


def _street_step(db: Database, order: str, step: cobuild.Step) -> None:
    from gridoffice.store.tables import OrderStep

    with db.write() as session:
        db.bulk_insert(session, OrderStep, [{
            "order_id": order, "kind": step.kind, "at": step.at, "office": "street",
            "assignee_kind": step.assignee_kind, "assignee_id": step.assignee_id,
            "assignee_name": step.assignee_name, "deadline": step.deadline,
            "text": step.text, "recorded_by": "演示数据"}])


def _review(service: Any, year: int) -> None:
    from gridoffice.services.cobuild import OF_COMMUNITY, OF_UNIT, ReviewDraft

    today = service.today()
    for basis in service.review_basis(year):
        remark = "共建协议履行较好" if basis.agreement else "尚未签订共建协议"
        service.save_review(ReviewDraft(year, basis.unit_id, OF_UNIT, basis.suggested, remark,
                                        min(today, dt.date(year, 12, 20))))
        seed = sum(map(ord, basis.unit_name))
        service.save_review(ReviewDraft(year, basis.unit_id, OF_COMMUNITY, (
            20 + seed % 6, 19 + seed % 7, 21 + seed % 5, 22 + seed % 4), "社区服务热情周到",
            min(today, dt.date(year, 12, 28))))
