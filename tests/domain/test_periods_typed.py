"""Periods typed the way offices write them (年, 上半年, 第三季度, 7月)."""

import pytest

from gridoffice.domain.inservice import parse_period


@pytest.mark.parametrize("text, expected", [
    ("2026", "2026"), ("2026年", "2026"), ("2026年度", "2026"),
    ("2026年上半年", "2026H1"), ("2026年下半年", "2026H2"),
    ("2026年第三季度", "2026Q3"), ("2026年第3季度", "2026Q3"), ("２０２６年第一季度", "2026Q1"),
    ("2026年7月", "2026-07"), ("2026年07月", "2026-07"), ("2026/7", "2026-07"),
    ("2026.07", "2026-07"), ("2026Q3", "2026Q3"),
    ("2026年13月", None), ("2026年第五季度", None), ("去年", None),
])
def test_periods_are_read_the_way_offices_write_them(text, expected):
    period = parse_period(text)
    assert (period.text if period else None) == expected
