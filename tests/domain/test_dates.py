"""Dates as offices type them."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gridoffice.domain.dates import parse_date


@pytest.mark.parametrize("text", [
    "2026-11-01", "2026/11/01", "2026/11/1", "2026.11.1", "2026.11.01", "2026年11月1日",
    "2026年11月01日", "2026 年 11 月 1 日", "20261101", "２０２６／１１／０１", " 2026-11-1 ",
])
def test_office_forms(text):
    assert parse_date(text) == dt.date(2026, 11, 1)


@pytest.mark.parametrize("text", ["", "   ", None])
def test_empty_is_no_date(text):
    assert parse_date(text) is None


@pytest.mark.parametrize("text", ["2026-02-30", "2026-13-01", "11/01/2026", "2026-11", "明天",
                                  "2026年11月", "2026-11-01 10:00"])
def test_unreadable_is_refused(text):
    with pytest.raises(ValueError):
        parse_date(text)


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2999, 12, 31)),
       st.sampled_from(["{y}-{m:02d}-{d:02d}", "{y}/{m}/{d}", "{y}.{m}.{d}", "{y}年{m}月{d}日",
                        "{y}{m:02d}{d:02d}"]))
def test_every_form_reads_back(day, form):
    assert parse_date(form.format(y=day.year, m=day.month, d=day.day)) == day
