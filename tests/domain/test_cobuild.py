"""The life of a resident's order (共驻共建): its steps from the community, the street
and whoever hears from the unit, folded in time order the same way on every PC; each
refusal names its field; deadlines by urgency; the completion rate by hand."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gridoffice.domain import cobuild as cb
from gridoffice.errors import ValidationError

T0 = dt.datetime(2026, 5, 4, 9, 0)


def step(kind: str, minutes: int = 0, office: str = "community", **values) -> cb.Step:
    return cb.Step(kind, T0 + dt.timedelta(minutes=minutes), office, **values)


def refused(status: cb.Status, new: cb.Step) -> str:
    with pytest.raises(ValidationError) as caught:
        cb.check_step(status, new)
    return caught.value.field


def test_an_order_sent_up_dispatched_claimed_done_and_rated():
    steps = [
        step(cb.SEND_UP, 0),
        step(cb.DISPATCH, 60, "street", assignee_kind=cb.DEPARTMENT, assignee_id="d1",
             assignee_name="住建局"),
        step(cb.CLAIM, 120, "street"),
        step(cb.PROGRESS, 24 * 60, "community", text="已派人查看"),
        step(cb.COMPLETE, 3 * 24 * 60, "community", text="电梯已修好"),
        step(cb.RATE, 4 * 24 * 60, "community", rating=5, text="很满意"),
    ]
    status = cb.fold(steps, cb.URGENT)
    assert status.state == cb.RATED and status.rating == 5
    assert (status.assignee_kind, status.assignee_id, status.assignee_name) == (
        cb.DEPARTMENT, "d1", "住建局")
    assert status.accepted_on == T0.date()
    assert status.deadline == T0.date() + dt.timedelta(days=3)  # dispatched that day, 急
    assert status.done_on == T0.date() + dt.timedelta(days=3)
    assert status.ignored == () and len(status.applied) == 6
    assert not status.overdue(T0.date() + dt.timedelta(days=30))  # finished: never overdue


def test_the_community_handles_an_order_with_its_own_resources():
    steps = [step(cb.ASSIGN, 0, assignee_kind=cb.MEMBER, assignee_id="r1", assignee_name="李娜"),
             step(cb.CLAIM, 5), step(cb.COMPLETE, 10, text="已上门辅导")]
    status = cb.fold(steps, cb.NORMAL)
    assert status.state == cb.DONE and status.deadline == T0.date() + dt.timedelta(days=15)


@pytest.mark.parametrize(("status", "new", "field"), [
    (cb.Status(), step(cb.COMPLETE, text="修好了"), "step"),  # nobody claimed it
    (cb.Status(state=cb.DISPATCHED), step(cb.COMPLETE, text="修好了"), "step"),
    (cb.Status(state=cb.DONE), step(cb.RATE, rating=0), "rating"),
    (cb.Status(state=cb.DONE), step(cb.RATE, rating=6), "rating"),
    (cb.Status(state=cb.DONE), step(cb.RATE), "rating"),
    (cb.Status(state=cb.SENT_UP), step(cb.DISPATCH, assignee_kind=cb.DEPARTMENT,
                                       assignee_id="d1"), "step"),  # not the community's
    (cb.Status(), step(cb.SEND_UP, office="street"), "step"),  # not the street's
    (cb.Status(state=cb.SENT_UP), step(cb.DISPATCH, office="street", assignee_kind=cb.MEMBER,
                                       assignee_id="r1"), "assignee"),
    (cb.Status(state=cb.SENT_UP), step(cb.DISPATCH, office="street",
                                       assignee_kind=cb.DEPARTMENT), "assignee"),
    (cb.Status(), step(cb.ASSIGN, assignee_kind=cb.DEPARTMENT, assignee_id="d1"), "assignee"),
    (cb.Status(state=cb.SENT_UP), step(cb.RETURN, office="street", text="  "), "reason"),
    (cb.Status(), step(cb.CLOSE), "reason"),
    (cb.Status(state=cb.CLAIMED), step(cb.COMPLETE), "result"),
    (cb.Status(state=cb.CLAIMED), step(cb.PROGRESS), "progress"),
    (cb.Status(state=cb.CLAIMED), step(cb.PROGRESS, text="a\u202eb"), "text"),
    (cb.Status(state=cb.CLAIMED), step(cb.PROGRESS, text="字" * (cb.MAX_TEXT + 1)), "text"),
    (cb.Status(state=cb.SENT_UP), step(cb.DISPATCH, office="street", assignee_kind=cb.UNIT,
                                       assignee_id="u1",
                                       deadline=T0.date() - dt.timedelta(days=1)), "deadline"),
    (cb.Status(state=cb.CLOSED), step(cb.ASSIGN, assignee_kind=cb.UNIT, assignee_id="u1"),
     "step"),
])
def test_a_step_the_order_cannot_take_names_its_field(status, new, field):
    assert refused(status, new) == field


def test_the_refusals_read_in_chinese():
    with pytest.raises(ValidationError) as caught:
        cb.check_step(cb.Status(state=cb.DISPATCHED), step(cb.COMPLETE, text="修好了"))
    text = caught.value.localized("zh_CN")
    assert text == "该订单当前为“已派单”，现在不能记录“办结”。"
    with pytest.raises(ValidationError) as caught:
        cb.check_order(" ", "repairs", cb.NORMAL, "phone", None)
    assert caught.value.field == "description" and "内容" in caught.value.localized("zh_CN")


@pytest.mark.parametrize(("values", "field"), [
    (("", "repairs", cb.NORMAL, "phone", None), "description"),
    (("楼道灯坏了", "nothing", cb.NORMAL, "phone", None), "category"),
    (("楼道灯坏了", "repairs", "soon", "phone", None), "urgency"),
    (("楼道灯坏了", "repairs", cb.NORMAL, "letter", None), "source"),
    (("加装电梯", "repairs", cb.LONG_TERM, "council", None), "plan_date"),
    (("楼道\x07灯坏了", "repairs", cb.NORMAL, "phone", None), "description"),
])
def test_an_order_without_what_it_needs_is_refused(values, field):
    with pytest.raises(ValidationError) as caught:
        cb.check_order(*values)
    assert caught.value.field == field


def test_an_order_keeps_its_description_trimmed():
    assert cb.check_order("  楼道灯坏了\n三单元  ", "repairs", cb.NORMAL, "visit",
                          None) == "楼道灯坏了\n三单元"


@pytest.mark.parametrize(("urgency", "plan", "days"), [
    (cb.URGENT, None, 3), (cb.NORMAL, None, 15), (cb.LONG_TERM, dt.date(2026, 12, 31), None),
])
def test_deadlines_by_urgency_and_overdue(urgency, plan, days):
    status = cb.fold([step(cb.ASSIGN, assignee_kind=cb.UNIT, assignee_id="u1")], urgency,
                     plan)
    due = plan if days is None else T0.date() + dt.timedelta(days=days)
    assert status.deadline == due
    assert not status.overdue(due) and status.overdue(due + dt.timedelta(days=1))
    explicit = T0.date() + dt.timedelta(days=7)
    dispatched = cb.fold([step(cb.SEND_UP), step(cb.DISPATCH, 1, "street", assignee_kind=cb.UNIT,
                                                 assignee_id="u1", deadline=explicit)],
                         urgency, plan)
    assert dispatched.deadline == explicit  # the street's own deadline wins


def test_what_the_street_did_after_the_community_closed_it_is_kept_apart():
    close = step(cb.CLOSE, 10, text="居民已自行解决")
    dispatch = step(cb.DISPATCH, 20, "street", assignee_kind=cb.UNIT, assignee_id="u1")
    status = cb.fold([dispatch, close, step(cb.SEND_UP, 0)], cb.NORMAL)
    assert status.state == cb.CLOSED and status.ignored == (dispatch,)
    # the other way round: dispatched, then closed by the community, which owns it
    later = step(cb.CLOSE, 30, text="居民已搬走")
    status = cb.fold([step(cb.SEND_UP, 0), dispatch, later], cb.NORMAL)
    assert status.state == cb.CLOSED and status.ignored == ()


def test_the_completion_rate_by_hand():
    send_up = step(cb.SEND_UP)
    dispatch = step(cb.DISPATCH, 1, "street", assignee_kind=cb.UNIT, assignee_id="u1")
    claim, done = step(cb.CLAIM, 2, "street"), step(cb.COMPLETE, 3, "street", text="好了")
    orders = [
        [],  # 待分单: not taken on
        [step(cb.CLOSE, text="重复登记")],  # closed before being taken on
        [send_up],
        [send_up, dispatch],
        [send_up, dispatch, claim, done],
        [send_up, dispatch, claim, done, step(cb.RATE, 4, rating=4)],
        [step(cb.ASSIGN, assignee_kind=cb.GRID_TEAM, assignee_id="g1"), step(cb.CLAIM, 1),
         step(cb.COMPLETE, 2, text="已调解")],
        [send_up, step(cb.CLOSE, 5, text="无法满足")],  # taken on, never completed
    ]
    result = cb.completion([cb.fold(s, cb.NORMAL) for s in orders])
    assert (result.accepted, result.completed) == (6, 3)
    assert result.rate == pytest.approx(0.5)
    assert cb.completion([]).rate is None


KINDS = list(cb.RULES)
steps_strategy = st.lists(st.builds(
    cb.Step,
    kind=st.sampled_from(KINDS),
    at=st.integers(0, 40).map(lambda m: T0 + dt.timedelta(minutes=m)),
    office=st.sampled_from(["community", "street"]),
    assignee_kind=st.sampled_from([None, *(c.code for c in cb.ASSIGNEES)]),
    assignee_id=st.sampled_from([None, "u1", "d1"]),
    text=st.sampled_from(["", "已办理"]),
    rating=st.sampled_from([None, 0, 3, 5]),
    key=st.text("ab", max_size=2),
), max_size=12)


@settings(max_examples=300, deadline=None)
@given(steps_strategy, st.randoms())
def test_every_pc_folds_the_same_steps_to_the_same_status(steps, rng):
    shuffled = list(steps)
    rng.shuffle(shuffled)
    assert cb.fold(steps, cb.NORMAL) == cb.fold(shuffled, cb.NORMAL)


@settings(max_examples=300, deadline=None)
@given(steps_strategy)
def test_a_step_applies_exactly_when_it_would_be_allowed_at_its_time(steps):
    status = cb.fold(steps, cb.URGENT)
    replay = cb.Status()
    for each in cb.ordered(steps):
        try:
            cb.check_step(replay, each)
        except ValidationError:
            assert each in status.ignored
            continue
        assert each in status.applied
        replay = cb.apply(replay, each, cb.URGENT, None)
    # the fast fold is the reference, step by step, to the last field
    assert dataclasses.replace(replay, ignored=status.ignored) == status
    assert len(status.applied) + len(status.ignored) == len(steps)
    if status.state in cb.COMPLETED:  # nobody completes an order nobody claimed
        kinds = [s.kind for s in status.applied]
        assert cb.CLAIM in kinds[:kinds.index(cb.COMPLETE)]


@pytest.mark.parametrize("name", ["CATEGORIES", "SOURCES", "URGENCIES", "ASSIGNEES", "STATES",
                                  "STEPS"])
def test_the_code_tables_are_unique_and_read_in_chinese(name):
    table = getattr(cb, name)
    stored = [c.code for c in table]
    assert len(stored) == len(set(stored))
    labels = [table.zh(code) for code in stored]
    assert len(labels) == len(set(labels))  # no two read alike
    assert all(label != table.label(code) for label, code in zip(labels, stored, strict=True))


def test_every_step_has_its_rule_and_its_office():
    assert set(cb.RULES) == {c.code for c in cb.STEPS}
    assert set(cb.RULES) == cb.COMMUNITY_STEPS | cb.STREET_STEPS
    assert {state for _states, state in cb.RULES.values()} | {cb.NEW} == {
        c.code for c in cb.STATES}
    assert len(cb.CATEGORIES.codes) == 14  # DOMAIN.md's list
