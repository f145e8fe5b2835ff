"""An order's life across offices, in the ordinary sync packages: a community raises
it and sends it up; the street dispatches it to a department (and another to a
community's unit); the community records the unit's claim, its completion and the
resident's rating; the street sees it rated. The street's steps are addressed to the
order's community: the other community never receives them. Digests agree at the end
on every PC."""

from __future__ import annotations

import datetime as dt

import pytest

from gridoffice.domain import cobuild
from gridoffice.errors import UserError
from gridoffice.services.cobuild import (
    CobuildService,
    DepartmentDraft,
    OrderDraft,
    OrderQuery,
    StepDraft,
)
from gridoffice.services.inservice import InServiceService, WorkUnitDraft
from tests.sql import digest

from .net import Net, freeze, opened_copy

DAY = dt.date(2026, 11, 2)


def at(day: int, hour: int = 9) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour)


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    root = tmp_path_factory.mktemp("orders") / "net"
    return freeze(Net(root, {"a1": ("幸福里社区", "1号机"), "a2": ("幸福里社区", "2号机"),
                             "b1": ("和平里社区", "")}))


@pytest.fixture
def net(template, tmp_path):
    with opened_copy(template, tmp_path / "net") as made:
        yield made


def service(pc) -> CobuildService:
    return CobuildService(pc.db, "王芳", today=DAY)


def test_an_order_sent_up_dispatched_completed_and_rated_reaches_both_sides(net):
    street, a1, a2, b1 = net.street, net["a1"], net["a2"], net["b1"]
    at_street, at_a1 = service(street), service(a1)
    department = at_street.add_department(DepartmentDraft("街道城管科", "赵科长", "13800001111"))
    unit = InServiceService(a1.db, "王芳", today=DAY).add_work_unit(
        WorkUnitDraft("区人民医院", "institution"))
    water = at_a1.raise_order(OrderDraft(
        "repairs", "3号楼地下管道漏水，需市政维修", "phone", "urgent", DAY,
        person_name="张桂兰", address="幸福里3号楼2单元301", phone="13912345678",
        phone_consent=True))
    clinic = at_a1.raise_order(OrderDraft("health", "为独居老人上门体检", "visit", "normal", DAY,
                                          person_name="李秀英"))
    for order in (water, clinic):
        at_a1.record_step(order, StepDraft(cobuild.SEND_UP, text="社区无力解决", at=at(2)))
    net.settle()

    sent_up = {r.code: r for r in at_street.orders(OrderQuery(sent_up=True))}
    assert set(sent_up) == {"2026-0001", "2026-0002"}
    assert sent_up["2026-0001"].person == "张**"  # the street sees the person masked
    assert sent_up["2026-0001"].state == cobuild.SENT_UP
    at_street.record_step(water, StepDraft(cobuild.DISPATCH, cobuild.DEPARTMENT, department,
                                           deadline=dt.date(2026, 11, 5), at=at(3)))
    at_street.record_step(clinic, StepDraft(cobuild.DISPATCH, cobuild.UNIT, unit, at=at(3)))
    net.settle()

    row = {r.id: r for r in at_a1.orders()}[water]
    assert (row.state, row.assignee_name, row.deadline) == (
        cobuild.DISPATCHED, "街道城管科", dt.date(2026, 11, 5))
    assert {r.id: r for r in service(a2).orders()}[clinic].assignee_name == "区人民医院"
    # The other community never receives the street's answers about 幸福里's orders.
    assert b1.rows("SELECT count(*) FROM order_step") == [(0,)]
    assert b1.rows("SELECT count(*) FROM department") == [(1,)]  # reference data: all

    at_a1.record_step(water, StepDraft(cobuild.CLAIM, at=at(3, 14)))
    at_a1.record_step(water, StepDraft(cobuild.COMPLETE, text="已更换管道", at=at(4)))
    at_a1.record_step(water, StepDraft(cobuild.RATE, rating=5, text="很满意", at=at(5)))
    net.settle()

    seen = {r.id: r for r in at_street.orders(OrderQuery(sent_up=True))}[water]
    assert (seen.state, seen.rating, seen.done_on) == (cobuild.RATED, 5, dt.date(2026, 11, 4))
    assert not seen.overdue
    detail = at_street.order(water)
    assert [s.kind for s in detail.steps] == [cobuild.SEND_UP, cobuild.DISPATCH, cobuild.CLAIM,
                                              cobuild.COMPLETE, cobuild.RATE]
    assert [s.office for s in detail.steps] == ["community", "street", "community",
                                                "community", "community"]
    rates = {r.key: r for r in at_street.completion(2026, "community", sent_up=True)}
    assert (rates[a1.db.office_id].accepted, rates[a1.db.office_id].completed) == (2, 1)
    net.assert_converged()
    assert a1.digests() == a2.digests()


def test_an_office_cannot_write_the_other_sides_steps_and_a_refusal_changes_nothing(net):
    street, a1 = net.street, net["a1"]
    at_street, at_a1 = service(street), service(a1)
    order = at_a1.raise_order(OrderDraft("legal", "邻里纠纷需法律咨询", "walk_in"))
    before = digest(a1.path)
    with pytest.raises(UserError) as refused:  # dispatching is the street's
        at_a1.record_step(order, StepDraft(cobuild.DISPATCH, cobuild.UNIT, "x", at=at(2)))
    assert refused.value.field == "step"
    assert digest(a1.path) == before
    at_a1.record_step(order, StepDraft(cobuild.SEND_UP, text="需街道协调", at=at(2)))
    net.settle()
    before = digest(street.path)
    with pytest.raises(UserError) as refused:  # not a department of the street
        at_street.record_step(order, StepDraft(cobuild.DISPATCH, cobuild.DEPARTMENT, "missing",
                                               at=at(3)))
    assert refused.value.field == "assignee"
    with pytest.raises(UserError):  # the community's rating
        at_street.record_step(order, StepDraft(cobuild.RATE, rating=4, at=at(3)))
    with pytest.raises(UserError):  # the street does not raise orders
        at_street.raise_order(OrderDraft("legal", "x", "phone"))
    with pytest.raises(UserError):  # nor correct a community's order
        at_street.update_order(order, OrderDraft("legal", "改过的", "phone"))
    assert digest(street.path) == before


def test_a_dispatch_crossing_a_close_in_the_post_is_kept_but_not_applied(net):
    street, a1 = net.street, net["a1"]
    at_street, at_a1 = service(street), service(a1)
    department = at_street.add_department(DepartmentDraft("街道民政科"))
    order = at_a1.raise_order(OrderDraft("elderly", "申请助餐", "phone"))
    at_a1.record_step(order, StepDraft(cobuild.SEND_UP, text="需街道助餐点", at=at(2)))
    net.settle()
    at_street.record_step(order, StepDraft(cobuild.DISPATCH, cobuild.DEPARTMENT, department,
                                           at=at(3, 10)))
    at_a1.record_step(order, StepDraft(cobuild.CLOSE, text="居民已自行解决", at=at(3, 9)))
    net.settle()
    for side in (at_street, at_a1):
        row = {r.id: r for r in side.orders()}[order]
        assert (row.state, row.ignored) == (cobuild.CLOSED, 1)
        assert [s.ignored for s in side.order(order).steps] == [False, False, True]
    net.assert_converged()
