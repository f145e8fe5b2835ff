"""What the larger demos hold (issue 17: the large demo is also the benchmarks' data
set): the medium demo, the large one's make-up at a tenth, counted; the large one's
figures as the table states them; the checks the bulk paths run before inserting."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

import pytest

from gridoffice.errors import ValidationError
from gridoffice.services import demo
from gridoffice.store.tables import Resident, ResidentTag
from tests import sql as dbapi
from tests.conftest import TODAY


def test_the_large_demo_is_an_office_at_full_scale():
    large = demo.SIZES["large"]
    assert large.members == 20_000
    assert large.grids >= 8 and large.households == (400, 500)
    assert large.meeting_years == 10
    medium = demo.SIZES["medium"]
    assert (medium.grids, medium.meeting_years) == (large.grids, large.meeting_years)


def months(count: int) -> set[dt.date]:
    """The first days of the ``count`` whole months before TODAY's."""
    firsts, first = set(), TODAY.replace(day=1)
    for _ in range(count):
        first = (first - dt.timedelta(days=1)).replace(day=1)
        firsts.add(first)
    return firsts


def day(value: str) -> dt.date:
    return dt.date.fromisoformat(value[:10])


@pytest.mark.slow
def test_the_medium_demo_has_what_the_large_one_has_at_a_tenth(db):
    size = demo.SIZES["medium"]
    steps: list[str] = []
    summary = demo.fill(db, seed=2, size="medium", today=TODAY, progress=steps.append)
    assert steps == list(demo.PHASES)  # every step reported, in order
    conn = dbapi.connect(db.path)
    try:
        def rows(query: str) -> list[tuple]:
            return conn.execute(query).fetchall()

        assert rows("SELECT count(*) FROM member")[0][0] == size.members == summary.members
        per_grid = Counter(g for (g,) in rows("SELECT grid_id FROM household"))
        assert len(per_grid) == size.grids == len(rows("SELECT id FROM grid"))
        low, high = size.households
        assert all(low <= count <= high for count in per_grid.values()), per_grid
        assert summary.residents > 2 * summary.households

        # About a quarter of the members work elsewhere and are registered here.
        serving = rows("SELECT count(*) FROM member WHERE category = 'in_service' "
                       "AND relation_status = 'normal'")[0][0]
        registered = rows("SELECT count(*), count(DISTINCT member_id) FROM registration")[0]
        assert registered == (serving, serving) == (summary.registrations,) * 2
        assert 0.2 * size.members < serving < 0.3 * size.members

        # Ten years of meetings: the branch committee every month of them, a council
        # each month.
        held = defaultdict(set)
        for org, kind, start in rows("SELECT org_id, meeting_type, start_at FROM meeting "
                                     "WHERE status = 'finished'"):
            held[(org, kind)].add(day(start).replace(day=1))
        branches = rows("SELECT id FROM org WHERE org_type IN ('branch', 'joint_branch') "
                        "AND retired_on IS NULL")
        assert len(branches) == size.grids + 2
        years = months(12 * size.meeting_years - 1)
        for (branch,) in branches:
            assert years <= held[(branch, "branch_committee")], branch
        councils = {m for (org, kind), got in held.items() if kind == "council" for m in got}
        assert years <= councils
        assert min(councils) > TODAY - dt.timedelta(days=366 * size.meeting_years)

        # A year of check-ins, and only a year.
        checked = [day(d) for (d,) in rows("SELECT on_date FROM service_record "
                                           "WHERE check_in_at IS NOT NULL")]
        assert len(checked) > 5 * serving  # several times each over the year
        assert {d.replace(day=1) for d in checked} >= months(11)
        assert min(checked) > TODAY - dt.timedelta(days=366)
    finally:
        conn.close()


def resident(**values):
    row = {"id": "r1", "household_id": "h1", "name": "张伟", "sex": "1",
           "birth_date": dt.date(1980, 5, 1), "id_type": "resident",
           "id_number": "110105198005010013", "relation": "02",
           "move_in_date": dt.date(2020, 1, 1), "moved_out_on": None, "died_on": None,
           "guardian_note": None}
    return {**row, **values}


@pytest.mark.parametrize("values", [
    {"moved_out_on": dt.date(2019, 6, 1)},  # before moving in
    {"move_in_date": TODAY + dt.timedelta(days=5)},  # in the future
    {"relation": "10"},  # a household without its head
    {"sex": "2"},  # the ID number says male
])
def test_residents_that_break_the_registers_rules_stop_the_demo(values):
    tables = {Resident: [resident(**values)], ResidentTag: []}
    with pytest.raises(ValidationError):
        demo._check_residents(TODAY, tables)


def test_residents_that_keep_the_rules_pass():
    demo._check_residents(TODAY, {Resident: [resident()], ResidentTag: []})


def test_the_cli_reports_each_step_on_stderr(capsys, tmp_path):
    from gridoffice import cli

    assert cli.main(["--data-dir", str(tmp_path / "d"), "demo", "--progress"]) == 0
    out = capsys.readouterr()
    lines = out.err.strip().splitlines()
    assert len(lines) == len(demo.PHASES) + 1  # each step, then saved
    for number, line in enumerate(lines, start=1):
        assert line.startswith(f"[{min(number, len(demo.PHASES))}/{len(demo.PHASES)}]")
        assert "演示数据" in line and " | demo: " in line  # Chinese, then English
    seconds = [float(line.split("]")[1].split("s")[0]) for line in lines]
    assert seconds == sorted(seconds)
    assert "demo data added" in out.out
