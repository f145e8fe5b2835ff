"""The co-building service on a real data file: orders recorded, assigned, claimed,
completed and rated; the completion rate against a hand count; every bad input
refused with its field named and nothing stored; the lists (units with their
agreements and part-time members, resources, services and projects), matching
resources to an order, a grid worker's reach, and the two-way review."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gridoffice.domain import cobuild
from gridoffice.domain.access import Actor, PermissionDenied
from gridoffice.errors import UserError
from gridoffice.services.cobuild import (
    OF_COMMUNITY,
    OF_UNIT,
    CobuildService,
    DepartmentDraft,
    OrderDraft,
    OrderQuery,
    ProjectDraft,
    ResourceDraft,
    ReviewDraft,
    StepDraft,
)
from gridoffice.services.cobuild.review import suggest
from gridoffice.services.households import GridDraft, HouseholdService
from gridoffice.services.inservice import InServiceService, WorkUnitDraft
from gridoffice.services.org_nodes import OrgDraft
from gridoffice.services.orgs import OrgService
from tests.sql import digest

DAY = dt.date(2026, 11, 21)


def at(month: int, day: int, hour: int = 9) -> dt.datetime:
    return dt.datetime(2026, month, day, hour)


@pytest.fixture
def office(db):
    """The community's data file with two units, a grid and a resident."""
    units = InServiceService(db, "王芳", today=DAY)
    hospital = units.add_work_unit(WorkUnitDraft("区人民医院", "institution"))
    court = units.add_work_unit(WorkUnitDraft("区人民法院", "government"))
    homes = HouseholdService(db, "王芳", today=DAY)
    grid = homes.create_grid(GridDraft("110105001001001", "第一网格"))
    return {"db": db, "service": CobuildService(db, "王芳", today=DAY), "hospital": hospital,
            "court": court, "grid": grid}


def need(**values) -> OrderDraft:
    base = {"category": "health", "description": "行动不便老人需要上门测血压",
            "source": "phone", "urgency": "normal", "raised_on": dt.date(2026, 11, 1)}
    base.update(values)
    return OrderDraft(**base)


def test_an_order_handled_by_the_community_from_start_to_rating(office):
    service = office["service"]
    order = service.raise_order(need(person_name="李秀英", grid_id=office["grid"],
                                     phone="139 1234 5678", phone_consent=True))
    row = service.orders()[0]
    assert (row.code, row.state, row.person, row.grid_name) == ("2026-0001", cobuild.NEW,
                                                               "李秀英", "第一网格")
    service.record_step(order, StepDraft(cobuild.ASSIGN, cobuild.UNIT, office["hospital"],
                                         at=at(11, 2)))
    service.record_step(order, StepDraft(cobuild.CLAIM, at=at(11, 3)))
    service.record_step(order, StepDraft(cobuild.PROGRESS, text="已联系家庭医生", at=at(11, 4)))
    service.record_step(order, StepDraft(cobuild.COMPLETE, text="每周上门一次", at=at(11, 5)))
    service.record_step(order, StepDraft(cobuild.RATE, rating=4, text="满意", at=at(11, 6)))
    detail = service.order(order)
    assert detail.row.state == cobuild.RATED and detail.row.assignee_name == "区人民医院"
    assert detail.row.deadline == dt.date(2026, 11, 17)  # 一般: 15 days from 受理
    assert detail.phone == "139****5678" and detail.phone_consent
    assert [s.kind for s in detail.steps] == ["assign", "claim", "progress", "complete", "rate"]
    assert service.reveal_order(order)[1] == "13912345678"
    unit = {u.name: u for u in service.units()}["区人民医院"]
    assert (unit.orders, unit.completed) == (1, 1)
    assert service.order_draft(order).person_name == "李秀英"


def test_the_completion_rate_matches_a_hand_count(office):
    """Six orders taken on, three completed (one of them rated), one closed, one still
    new (not taken on): 办结 / 受理 = 3 / 6 overall; per unit and category by hand."""
    service = office["service"]
    hospital, court = office["hospital"], office["court"]
    plan = [("health", hospital, "done"), ("health", hospital, "rated"),
            ("health", hospital, "claimed"), ("legal", court, "done"),
            ("legal", court, "assigned"), ("legal", None, "closed"), ("legal", None, "new")]
    for category, unit, end in plan:
        order = service.raise_order(need(category=category))
        if end == "new":
            continue
        if end == "closed":
            service.record_step(order, StepDraft(cobuild.SEND_UP, text="需街道", at=at(11, 2)))
            service.record_step(order, StepDraft(cobuild.CLOSE, text="已自行解决", at=at(11, 3)))
            continue
        service.record_step(order, StepDraft(cobuild.ASSIGN, cobuild.UNIT, unit, at=at(11, 2)))
        if end == "assigned":
            continue
        service.record_step(order, StepDraft(cobuild.CLAIM, at=at(11, 3)))
        if end in ("done", "rated"):
            service.record_step(order, StepDraft(cobuild.COMPLETE, text="好了", at=at(11, 4)))
        if end == "rated":
            service.record_step(order, StepDraft(cobuild.RATE, rating=5, at=at(11, 5)))
    total = service.completion(2026, "category")[-1]
    assert (total.accepted, total.completed) == (6, 3) and total.rate == 0.5
    by_category = {r.key: (r.accepted, r.completed) for r in service.completion(2026, "category")}
    assert by_category["health"] == (3, 2) and by_category["legal"] == (3, 1)
    by_unit = {r.label: (r.accepted, r.completed) for r in service.completion(2026, "unit")}
    assert by_unit == {"区人民医院": (3, 2), "区人民法院": (2, 1), "": (5, 3)}
    assert service.completion(2025, "category")[-1].accepted == 0
    # the same count as the domain's, from the statuses of the list
    assert len(service.orders(OrderQuery(state="open"))) == 3  # claimed, assigned, new


def refused(office, call, field: str | None = None) -> UserError:
    before = digest(office["db"].path)
    with pytest.raises(UserError) as caught:
        call()
    assert digest(office["db"].path) == before
    if field is not None:
        assert getattr(caught.value, "field", None) == field
    return caught.value


def test_bad_input_is_refused_naming_the_field_and_nothing_changes(office):
    service = office["service"]
    refused(office, lambda: service.raise_order(need(description="  ")), "description")
    refused(office, lambda: service.raise_order(need(category="cooking")), "category")
    refused(office, lambda: service.raise_order(need(urgency="long_term")), "plan_date")
    refused(office, lambda: service.raise_order(need(phone="12345")), "mobile")
    refused(office, lambda: service.raise_order(need(resident_id="gone")), "resident_id")
    refused(office, lambda: service.raise_order(need(source_table="visit", source_id="x")),
            "source")
    refused(office, lambda: service.raise_order(need(description="漏水\u202e")), "description")
    order = service.raise_order(need())
    refused(office, lambda: service.record_step(order, StepDraft(cobuild.COMPLETE, text="完成",
                                                                 at=at(11, 2))), "step")
    refused(office, lambda: service.record_step(order, StepDraft(
        cobuild.ASSIGN, cobuild.UNIT, "no-such-unit", at=at(11, 2))), "assignee")
    refused(office, lambda: service.record_step(order, StepDraft(
        cobuild.ASSIGN, cobuild.DEPARTMENT, office["court"], at=at(11, 2))), "assignee")
    refused(office, lambda: service.record_step(order, StepDraft(
        cobuild.ASSIGN, cobuild.UNIT, office["court"], deadline=dt.date(2026, 10, 1),
        at=at(11, 2))), "deadline")
    service.record_step(order, StepDraft(cobuild.ASSIGN, cobuild.UNIT, office["court"],
                                         at=at(11, 2)))
    service.record_step(order, StepDraft(cobuild.CLAIM, at=at(11, 3)))
    refused(office, lambda: service.record_step(order, StepDraft(cobuild.COMPLETE, at=at(11, 4))),
            "result")
    service.record_step(order, StepDraft(cobuild.COMPLETE, text="完成", at=at(11, 4)))
    for rating in (0, 6, None):
        refused(office, lambda r=rating: service.record_step(order, StepDraft(
            cobuild.RATE, rating=r, at=at(11, 5))), "rating")
    refused(office, lambda: service.add_department(DepartmentDraft("城管")))
    refused(office, lambda: service.add_resource(ResourceDraft("unit", "health", "  ",
                                                               unit_id=office["hospital"])),
            "title")
    refused(office, lambda: service.add_resource(ResourceDraft("volunteer", "health", "义诊")),
            "provider_name")
    refused(office, lambda: service.add_project(ProjectDraft(
        "助餐", "elderly", start_date=dt.date(2026, 5, 1), end_date=dt.date(2026, 4, 1))),
        "dates")
    refused(office, lambda: service.save_review(ReviewDraft(2025, office["court"], OF_UNIT,
                                                            (25, 26, 0, 0))), "score2")
    refused(office, lambda: InServiceService(office["db"], "王芳", today=DAY).update_work_unit(
        office["court"], WorkUnitDraft("区人民法院", "government", agreement_signed=DAY,
                                       agreement_until=dt.date(2026, 1, 1))), "agreement_until")


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(sorted(c.code for c in cobuild.STEPS)), min_size=1, max_size=6),
       st.integers(-1, 7))
def test_any_sequence_of_steps_stores_what_the_domain_allows_and_nothing_else(
        office, kinds, rating):
    """Whatever a worker tries, the stored steps fold to the state the domain's rules
    give, and a refused step leaves no row."""
    service = office["service"]
    order = service.raise_order(need())
    stored = 0
    for index, kind in enumerate(kinds):
        assignee = (cobuild.UNIT, office["court"]) if kind == cobuild.ASSIGN else (None, None)
        try:
            service.record_step(order, StepDraft(kind, *assignee, text="说明", rating=rating,
                                                 at=at(11, 1 + index)))
            stored += 1
        except UserError:
            pass
    detail = service.order(order)
    assert len(detail.steps) == stored and not any(s.ignored for s in detail.steps)
    assert cobuild.fold([cobuild.Step(s.kind, s.at, s.office, s.assignee_kind, s.assignee_id,
                                      s.assignee_name, s.deadline, s.text, s.rating, s.id)
                         for s in detail.steps], "normal").state == detail.row.state


def test_units_resources_projects_and_matching(office):
    db, service = office["db"], office["service"]
    units = InServiceService(db, "王芳", today=DAY)
    draft = units.work_unit(office["hospital"])
    units.update_work_unit(office["hospital"], dataclasses.replace(
        draft, agreement_signed=dt.date(2025, 3, 1), agreement_until=dt.date(2028, 2, 28),
        agreement_content="开放会议室；每年义诊四次"))
    orgs = OrgService(db, "王芳", today=DAY)
    committee = orgs.create(OrgDraft("幸福里社区党委", "committee"))
    orgs.appoint(committee.id, "part_time", "高建华", dt.date(2025, 3, 1), None,
                 office["hospital"])
    with pytest.raises(UserError):
        orgs.appoint(committee.id, "part_time", "马志强", dt.date(2025, 3, 1))
    scan = Path(db.path).parent / "协议.pdf"
    scan.write_bytes(b"%PDF-1.4 agreement")
    service.attach("work_unit", office["hospital"], scan)
    assert service.unit_choices() == [(office["hospital"], "区人民医院"),
                                      (office["court"], "区人民法院")]
    unit = {u.name: u for u in service.units()}["区人民医院"]
    assert unit.agreement_current(DAY) and unit.part_time == ["高建华"] and unit.files == 1
    assert service.file_content(service.files("work_unit", office["hospital"])[0].id) == (
        "协议.pdf", b"%PDF-1.4 agreement")
    far = service.add_resource(ResourceDraft("unit", "health", "每月义诊",
                                             unit_id=office["hospital"], capacity="40 人"))
    near = service.add_resource(ResourceDraft("volunteer", "health", "上门测血压",
                                              provider_name="退休护士志愿队",
                                              grid_id=office["grid"]))
    old = service.add_resource(ResourceDraft("organisation", "health", "康复指导",
                                             provider_name="阳光社工",
                                             to_date=dt.date(2026, 1, 1)))
    service.add_resource(ResourceDraft("unit", "legal", "法律咨询", unit_id=office["court"]))
    order = service.raise_order(need(grid_id=office["grid"]))
    ranked = [m.resource.id for m in service.matches(order)]
    assert ranked == [near, far, old]  # in its grid first; an offer that ended last
    service.retire_resource(near)
    assert [m.resource.id for m in service.matches(order)] == [far, old]
    project = service.add_project(ProjectDraft("家庭医生签约", "health", "重点人群签约",
                                               "签约率 80%", office["hospital"], "王医生",
                                               status="running"))
    service.update_order(order, dataclasses.replace(need(grid_id=office["grid"]),
                                                    project_id=project))
    assert {p.id: p.orders for p in service.projects()}[project] == 1
    assert service.projects(status="done") == []


def test_a_grid_worker_records_needs_in_their_grid_only(office):
    db, service = office["db"], office["service"]
    other = HouseholdService(db, "王芳", today=DAY).create_grid(
        GridDraft("110105001001002", "第二网格"))
    theirs = service.raise_order(need(grid_id=office["grid"]))
    service.raise_order(need(grid_id=other))
    worker = CobuildService(db, "赵网格", today=DAY)
    worker.actor = Actor("grid1", "赵网格", "grid", grids=frozenset({office["grid"]}))
    assert [r.id for r in worker.orders()] == [theirs]
    with pytest.raises(PermissionDenied):
        worker.raise_order(need(grid_id=other))
    with pytest.raises(PermissionDenied):  # deciding where it goes is the staff's
        worker.record_step(theirs, StepDraft(cobuild.ASSIGN, cobuild.UNIT, office["court"]))
    service.record_step(theirs, StepDraft(cobuild.ASSIGN, cobuild.GRID_TEAM, office["grid"],
                                          at=at(11, 2)))
    worker.record_step(theirs, StepDraft(cobuild.CLAIM, at=at(11, 3)))
    assert worker.orders()[0].state == cobuild.CLAIMED


def test_the_two_way_review_suggests_records_and_ranks(office):
    db, service = office["db"], office["service"]
    InServiceService(db, "王芳", today=DAY).update_work_unit(office["court"], WorkUnitDraft(
        "区人民法院", "government", agreement_signed=dt.date(2024, 1, 1)))
    order = service.raise_order(need(category="legal"))
    service.record_step(order, StepDraft(cobuild.ASSIGN, cobuild.UNIT, office["court"],
                                         at=at(3, 2)))
    service.record_step(order, StepDraft(cobuild.CLAIM, at=at(3, 3)))
    service.record_step(order, StepDraft(cobuild.COMPLETE, text="调解成功", at=at(3, 4)))
    service.record_step(order, StepDraft(cobuild.RATE, rating=4, at=at(3, 5)))
    # still within its deadline: it counts neither for the unit nor against it
    fresh = service.raise_order(need(category="legal", raised_on=dt.date(2026, 11, 19)))
    service.record_step(fresh, StepDraft(cobuild.ASSIGN, cobuild.UNIT, office["court"],
                                         at=at(11, 20)))
    basis = {b.unit_name: b for b in service.review_basis(2026)}
    court = basis["区人民法院"]
    assert (court.agreement, court.orders, court.completed, court.rating) == (True, 2, 1, 4.0)
    assert court.suggested == (25, 15, 25, 20)
    late = service.raise_order(need(category="legal", raised_on=dt.date(2026, 10, 1)))
    service.record_step(late, StepDraft(cobuild.ASSIGN, cobuild.UNIT, office["court"],
                                        at=at(10, 2)))  # due 10-17, not done by 11-21
    assert {b.unit_name: b for b in service.review_basis(2026)}["区人民法院"].suggested[2] == 12
    assert basis["区人民医院"].suggested == (5, 15, 15, 15)
    service.save_review(ReviewDraft(2026, office["court"], OF_UNIT, court.suggested, "好"))
    service.save_review(ReviewDraft(2026, office["court"], OF_UNIT, (25, 20, 25, 20)))  # again
    service.save_review(ReviewDraft(2026, office["hospital"], OF_UNIT, (20, 20, 20, 20)))
    service.save_review(ReviewDraft(2026, office["court"], OF_COMMUNITY, (24, 23, 22, 25),
                                    "社区组织得力"))
    rows = service.review_results(2026)
    assert [(r.unit_name, r.unit_total, r.rank) for r in rows] == [
        ("区人民法院", 90, 1), ("区人民医院", 80, 2)]
    assert rows[0].community_total == 94 and rows[0].remark_community == "社区组织得力"
    assert suggest("none", 3, 60.0, 60, 0, 0, None) == (5, 25, 15, 15)
    assert suggest("lapsed", 2, -3.0, 60, 4, 1, 2.0) == (15, 0, 6, 10)  # absences: not below 0


def test_a_file_too_large_or_not_ours_is_refused_before_it_is_read(office, tmp_path):
    service = office["service"]
    order = service.raise_order(need())
    big = tmp_path / "扫描件.pdf"
    with big.open("wb") as handle:  # sparse: 21 MB that take no room
        handle.truncate(21 * 1024 * 1024)
    error = refused(office, lambda: service.attach("service_order", order, big), "file")
    assert error.values["limit"] == 20 and "扫描件.pdf" in str(error)
    refused(office, lambda: service.attach("service_order", "no-such-order",
                                           Path(__file__)))
