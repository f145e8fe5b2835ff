"""The council date rule, the vote rule, follow-up states and attachment types."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gridoffice.domain import meetings as rules


@pytest.mark.parametrize(("year", "month", "expected"), [
    (2026, 11, dt.date(2026, 11, 10)),  # Tuesday
    (2026, 10, dt.date(2026, 10, 12)),  # Saturday → Monday
    (2027, 1, dt.date(2027, 1, 11)),  # Sunday → Monday
    (2026, 12, dt.date(2026, 12, 10)),  # Thursday
])
def test_council_on_the_tenth_or_next_working_day(year, month, expected):
    assert rules.council_date(year, month) == expected


def test_holidays_and_adjusted_workdays():
    # National day week: 1–8 October off; 10 October 2026 a Saturday.
    holidays = {dt.date(2026, 10, d) for d in range(1, 9)}
    assert rules.council_date(2026, 10, day=8, holidays=holidays) == dt.date(2026, 10, 9)
    # A 调休 Saturday is worked: the council stays on it.
    assert rules.council_date(2026, 10, workdays={dt.date(2026, 10, 10)}) == dt.date(2026, 10, 10)
    # The rule can be switched off: the 10th, whatever day it is.
    assert rules.council_date(2026, 10, move=False) == dt.date(2026, 10, 10)


def test_moving_may_cross_into_the_next_month():
    # 31 January 2026 is a Saturday: the next working day is Monday 2 February.
    assert rules.council_date(2026, 1, day=31) == dt.date(2026, 2, 2)


def test_short_months_use_their_last_day():
    assert rules.council_date(2026, 2, day=30, move=False) == dt.date(2026, 2, 28)
    assert rules.council_date(2028, 2, day=30, move=False) == dt.date(2028, 2, 29)


@pytest.mark.parametrize(("last", "today", "expected"), [
    (None, dt.date(2026, 11, 5), dt.date(2026, 11, 10)),
    (None, dt.date(2026, 11, 21), dt.date(2026, 12, 10)),
    (dt.date(2026, 11, 10), dt.date(2026, 11, 21), dt.date(2026, 12, 10)),
    (dt.date(2026, 12, 10), dt.date(2026, 11, 21), dt.date(2027, 1, 11)),
    # A long gap: no council proposed in the past.
    (dt.date(2026, 3, 10), dt.date(2026, 11, 3), dt.date(2026, 11, 10)),
    (dt.date(2026, 12, 10), dt.date(2026, 12, 20), dt.date(2027, 1, 11)),
])
def test_next_council(last, today, expected):
    assert rules.next_council_date(last, today) == expected


@given(st.integers(2000, 2100), st.integers(1, 12), st.integers(1, 28))
def test_council_date_is_a_working_day_within_a_few_days(year, month, day):
    date = rules.council_date(year, month, day=day)
    assert date.weekday() < 5
    assert 0 <= (date - dt.date(year, month, day)).days <= 2


@pytest.mark.parametrize(("yes", "no", "abstain", "base", "result"), [
    (5, 4, 0, 9, rules.PASSED),
    (4, 4, 1, 9, rules.REJECTED),
    (5, 5, 0, 10, rules.REJECTED),  # exactly half is not more than half
    (6, 0, 0, 10, rules.PASSED),
    (0, 0, 0, 0, rules.REJECTED),
])
def test_vote_rule(yes, no, abstain, base, result):
    assert rules.vote_result(yes, no, abstain, base) == result


@given(st.integers(0, 200), st.integers(0, 200))
def test_vote_rule_is_more_than_half(yes, base):
    assert (rules.vote_result(yes, 0, 0, base) == rules.PASSED) == (yes * 2 > base > 0)


def test_attendance_counts():
    counts = rules.attendance([rules.PRESENT, rules.PRESENT, rules.LEAVE, rules.ABSENT,
                               rules.OBSERVER, None])
    assert (counts.expected, counts.present, counts.leave, counts.absent, counts.observers,
            counts.unmarked) == (5, 2, 1, 1, 1, 1)
    assert counts.rate == pytest.approx(0.4)
    assert rules.attendance([]).rate is None


def test_follow_up_state():
    today = dt.date(2026, 11, 21)
    assert rules.follow_up_state(rules.TODO, dt.date(2026, 11, 20), today) == rules.OVERDUE
    assert rules.follow_up_state(rules.DOING, dt.date(2026, 11, 21), today) == rules.DOING
    assert rules.follow_up_state(rules.DONE, dt.date(2026, 1, 1), today) == rules.DONE
    assert rules.follow_up_state(rules.TODO, None, today) == rules.TODO


def test_sniff_type_reads_content_not_names():
    assert rules.sniff_type(b"%PDF-1.7\n") == "application/pdf"
    assert rules.sniff_type(b"\xff\xd8\xff\xe0\0\x10JFIF") == "image/jpeg"
    assert rules.sniff_type(b"RIFF\0\0\0\0WEBPVP8 ") == "image/webp"
    assert rules.sniff_type(b"PK\x03\x04") is None
    assert rules.sniff_type(b"") is None


def test_parse_dates_skips_bad_parts():
    assert rules.parse_dates("2026-10-01，2026-10-02; bad,\n2026-13-01") == {
        dt.date(2026, 10, 1), dt.date(2026, 10, 2)}


def test_read_dates_takes_the_forms_offices_type_and_names_the_rest():
    found, bad = rules.read_dates("2026/10/1、2026.10.2 2026 年 10 月 3 日;2026年10月4日至7日\n"
                                  "2026.9.27～9.28, 10月1日, 2026-02-30, 2026-10-01至2027-10-01")
    assert found == {dt.date(2026, 9, 27), dt.date(2026, 9, 28)} | {
        dt.date(2026, 10, day) for day in range(1, 8)}
    assert bad == ["10月1日", "2026-02-30", "2026-10-01至2027-10-01"]
