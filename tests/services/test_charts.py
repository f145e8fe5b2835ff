"""The workbench's charts, checked by their data: each series against the tabs' own
services or an independent count of the same records, for the office and a grid
worker. Real demo folders."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from gridoffice.domain import codes
from gridoffice.domain.access import Actor
from gridoffice.domain.inservice import parse_period
from gridoffice.services import charts, workbench
from gridoffice.services.roster.model import MemberQuery
from gridoffice.store.files import connect
from tests import sql
from tests.actors import grid_worker, services_of


@pytest.fixture(scope="module")
def demo(demo_templates) -> Path:
    return demo_templates(3) / "gridoffice.sqlite3"


@pytest.fixture(params=["open", "grid worker"])
def reader(request, demo):
    """(actor, plain connection, services as that actor)."""
    actor = Actor.open("王芳") if request.param == "open" else grid_worker(demo)
    services = services_of(demo, actor)
    conn = connect(demo, read_only=True)
    yield actor, conn, services
    conn.close()
    services.db.close()


def years_between(born: dt.date, day: dt.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def test_the_pyramid_counts_the_current_residents_by_band_and_sex(reader, demo):
    actor, conn, services = reader
    today = services.roster.today()
    chart = charts.population_pyramid(conn, actor, today)
    raw = sql.connect(demo)
    try:  # the same residents through households' own grid (not the building's)
        rows = raw.execute(
            "SELECT r.sex, r.birth_date, h.grid_id FROM resident r JOIN household h "
            "ON h.id = r.household_id WHERE NOT r.deleted AND r.moved_out_on IS NULL "
            "AND r.died_on IS NULL AND r.sex IN ('1', '2') AND r.birth_date IS NOT NULL"
        ).fetchall()
    finally:
        raw.close()
    expected = Counter()
    for sex, birth, grid in rows:
        if actor.grids and grid not in actor.grids:
            continue
        age = years_between(dt.date.fromisoformat(birth), today)
        band = "85+" if age >= 85 else f"{age // 5 * 5}–{age // 5 * 5 + 4}"
        expected[(band, sex)] += 1
    for i, band in enumerate(chart.categories):
        assert chart.series[0].values[i] == expected[(band, "1")], band
        assert chart.series[1].values[i] == expected[(band, "2")], band
    assert chart.total(0) + chart.total(1) == sum(expected.values()) > 0


def test_the_members_charts_count_the_roster_s_members(reader):
    actor, conn, services = reader
    today = services.roster.today()
    members = services.roster.list_members(MemberQuery())
    by_age = charts.members_by_age(conn, actor, today)
    by_party_age = charts.members_by_party_age(conn, actor, today)
    by_education = charts.members_by_education(conn, actor)
    known_birth = sum(1 for m in members if m.birth_date)
    assert by_age.total() == known_birth
    assert by_party_age.total() == sum(1 for m in members
                                       if m.status != "full" or m.full_date)
    assert dict(zip(by_party_age.categories, by_party_age.series[0].values, strict=True))[
        charts.PROBATIONARY] == sum(1 for m in members if m.status != "full")
    education = Counter(m.education or "" for m in members)
    assert dict(zip(by_education.categories, by_education.series[0].values, strict=True)) \
        == {code: education.get(code, 0) for code in by_education.categories}
    assert by_education.codes is codes.EDUCATION and by_age.codes is None
    if actor.is_open:
        assert by_age.total() > 100


def test_visits_per_grid_against_the_grids_and_their_last_visit(reader, demo):
    actor, conn, services = reader
    today = services.roster.today()
    chart = charts.visits_per_grid(conn, actor, today)
    grids = services.households.list_grids()
    assert chart.categories == tuple(g.name for g in grids)
    assert chart.series[0].values == tuple(g.households for g in grids)
    since = (today - dt.timedelta(days=charts.VISIT_DAYS)).isoformat()
    raw = sql.connect(demo)
    try:  # the households' own last-visit date, kept by every visit
        recent = dict(raw.execute(
            "SELECT grid_id, count(*) FROM household WHERE NOT deleted AND dissolved_on IS "
            "NULL AND last_visit > ? GROUP BY grid_id", (since,)).fetchall())
    finally:
        raw.close()
    assert chart.series[1].values == tuple(recent.get(g.id, 0) for g in grids)
    assert 0 < chart.total(1) < chart.total(0)


def test_follow_ups_and_hours_by_month_add_up_to_the_tabs_figures(reader):
    actor, conn, services = reader
    year = services.roster.today().year
    hours = charts.service_hours_by_month(conn, actor, year)
    for month in range(1, 13):
        rows = services.inservice.points(parse_period(f"{year}-{month:02d}"))
        assert hours.series[0].values[month - 1] == pytest.approx(sum(r.hours for r in rows))
    figures = workbench.read_figures(conn, actor, *workbench.year_of(dt.date(year, 6, 1)))
    assert hours.total() == pytest.approx(figures.service_hours) and hours.total() > 0
    if not actor.is_open:
        return  # a grid worker sees no meetings
    follow = charts.follow_ups_by_month(conn, actor, year)
    rows = [f for f in services.meetings.follow_ups() if f.meeting_date.year == year]
    assert follow.series[0].values == tuple(
        sum(1 for f in rows if f.meeting_date.month == m) for m in range(1, 13))
    assert follow.series[1].values == tuple(
        sum(1 for f in rows if f.meeting_date.month == m and f.status == "done")
        for m in range(1, 13))
    assert follow.total(0) == figures.follow_ups_total


def test_a_chart_s_table_is_its_numbers():
    chart = charts.Chart("x", "t", "bars", ("a", "b"),
                         (charts.Series("s", (1.0, 2.5)), charts.Series("u", (0.0, 3.0))), "u")
    assert chart.table() == [("a", "1", "0"), ("b", "2.5", "3")]
    assert not chart.empty
    assert charts.Chart("y", "t", "bars", ("a",), (charts.Series("s", (0.0,)),), "u").empty
