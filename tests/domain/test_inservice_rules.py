"""Periods, points rules, grades, check-in codes."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gridoffice.domain import inservice as rules


@pytest.mark.parametrize(("text", "start", "end"), [
    ("2026", dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
    ("2026Q1", dt.date(2026, 1, 1), dt.date(2026, 3, 31)),
    ("2026q3", dt.date(2026, 7, 1), dt.date(2026, 9, 30)),
    ("２０２６Ｑ４", dt.date(2026, 10, 1), dt.date(2026, 12, 31)),  # full-width
    ("2026-Q2", dt.date(2026, 4, 1), dt.date(2026, 6, 30)),
    ("2026H1", dt.date(2026, 1, 1), dt.date(2026, 6, 30)),
    ("2026H2", dt.date(2026, 7, 1), dt.date(2026, 12, 31)),
    ("2028-02", dt.date(2028, 2, 1), dt.date(2028, 2, 29)),  # leap year
    ("2026-7", dt.date(2026, 7, 1), dt.date(2026, 7, 31)),
])
def test_periods(text, start, end):
    period = rules.parse_period(text)
    assert (period.start, period.end) == (start, end)
    assert start in period and end in period
    assert end + dt.timedelta(days=1) not in period


@pytest.mark.parametrize("text", ["", "2026Q5", "2026Q0", "2026H3", "2026-13", "26Q1",
                                  "Q3", "2026Q3x", "1800"])
def test_not_periods(text):
    assert rules.parse_period(text) is None


@given(st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)))
def test_every_day_is_in_exactly_one_quarter(day):
    quarters = [rules.parse_period(f"{day.year}Q{q}") for q in range(1, 5)]
    assert sum(day in q for q in quarters) == 1
    assert day in rules.quarter_of(day)
    assert rules.quarter_of(day).year_to_date().start == dt.date(day.year, 1, 1)


def test_points_for_items():
    r = rules.PointRules()
    assert r.points_for(rules.ACTIVITY) == 5
    assert r.points_for(rules.DUTY, 3.75) == 6  # whole hours
    assert r.points_for(rules.DUTY, 0.5) == 2  # at least one hour
    assert r.points_for(rules.ABSENCE) < 0
    assert r.points_for(rules.CORRECTION) == 0


@pytest.mark.parametrize(("points", "grade"), [
    (80, rules.EXCELLENT), (79, rules.PASS), (60, rules.PASS), (59, rules.FAIL),
    (-5, rules.FAIL)])
def test_grades_at_the_thresholds(points, grade):
    assert rules.grade(points, rules.PointRules()) == grade


def test_scans_and_codes():
    assert rules.member_code(7) == "ZB0007"
    assert rules.normalise_scan(" zb0007\n") == "ZB0007"
    assert rules.normalise_scan("GRIDOFFICE:ZB0007") == "ZB0007"
    assert rules.normalise_scan("ＺＢ００07") == "ZB0007"
    assert rules.is_member_code("ZB0007") and not rules.is_member_code("ZB7")
    assert rules.normalise_scan(rules.qr_payload("ZB0012")) == "ZB0012"


def test_hours_and_months():
    start = dt.datetime(2026, 11, 21, 9, 0)
    assert rules.hours_between(start, start + dt.timedelta(hours=2, minutes=7)) == 2.0
    assert rules.hours_between(start, start + dt.timedelta(hours=2, minutes=8)) == 2.25
    assert rules.add_months(dt.date(2026, 8, 31), 6) == dt.date(2027, 2, 28)
    assert rules.reregistration_due(dt.date(2026, 3, 1), 6) == dt.date(2026, 9, 1)


def test_periods_typed_in_chinese():
    from gridoffice.domain.inservice import parse_period

    assert parse_period("2026年").text == "2026"
    assert parse_period("2026年上半年").text == "2026H1"
    assert parse_period("2026 年下半年").text == "2026H2"
    assert parse_period("2026年第三季度").text == "2026Q3"
    assert parse_period("2026年1季度").text == "2026Q1"
    assert parse_period("2026年7月").text == "2026-07"
    assert parse_period("2026.7").text == "2026-07"
    assert parse_period("2026年13月") is None
    assert parse_period("2026年第五季度") is None
    assert parse_period("上半年") is None
