"""The workbench's to-do list: every count equals the list its click opens (read by the
tabs' own services, as the open folder's user and as a grid worker), the next council
and its sign-in sheet, the backup's age, ``gridoffice-cli todo --json``, and no
SQLAlchemy needed to read it. Real demo folders."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gridoffice.domain import access
from gridoffice.domain.access import Actor
from gridoffice.services import workbench
from gridoffice.services.households.model import ResidentQuery
from gridoffice.services.inservice.model import RegistrationQuery
from gridoffice.services.meetings.model import FollowUpQuery
from gridoffice.services.roster.model import MemberQuery
from gridoffice.store.files import connect
from tests.actors import grid_worker, services_of
from tests.conftest import copy_demo

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def demo(demo_templates) -> Path:
    """The demo office of seed 3 (read only here)."""
    return demo_templates(3) / "gridoffice.sqlite3"


def todo_of(path: Path, actor: Actor, today: dt.date, months: int,
            backup_dir: Path | None = None, now: dt.datetime | None = None
            ) -> list[workbench.TodoItem]:
    conn = connect(path, read_only=True)
    try:
        return workbench.read_todo(conn, actor, workbench.TodoRules(
            today, reregister_months=months, now=now), backup_dir)
    finally:
        conn.close()


def counts(items: list[workbench.TodoItem]) -> dict[tuple[str, str], int]:
    return {(item.key, str(item.target.filters.get("grid_id", ""))): item.count
            for item in items}


def listed(services, target: workbench.Target) -> int:
    """How many records the view ``target`` opens shows (the tabs' own service calls)."""
    f = target.filters
    if target.view == "reminders":
        due = services.roster.due_list(workbench.PROBATION_DAYS)
        return sum(1 for item in due if (item.bucket == "overdue") == (f["bucket"] == "overdue"))
    if target.view == "members":
        return len(services.roster.list_members(MemberQuery(relation=f["relation"])))
    if target.view == "residents":
        rows = services.households.residents(ResidentQuery(
            grid_id=f.get("grid_id"), any_care_tag=f.get("any_care_tag", False),
            not_visited_days=f["not_visited_days"]))
        return len({r.household_id for r in rows}) if "grid_id" in f else len(rows)
    if target.view == "follow_ups":
        return len(services.meetings.follow_ups(FollowUpQuery(
            state=f["state"], due_days=f.get("days", 7))))
    if target.view == "registrations":
        return len(services.inservice.registrations(RegistrationQuery(
            review_status=f.get("review_status"), due_within_days=f.get("due_within_days"))))
    if target.view == "orders":
        from gridoffice.services.cobuild import OrderQuery

        return len(services.cobuild.orders(OrderQuery(state=f["state"])))
    if target.view == "conflicts":
        return len(services.sync.conflicts())
    if target.view == "peers":
        return sum(1 for s in services.sync.status()
                   if s.days_since_contact is None
                   or s.days_since_contact >= workbench.PEER_DAYS)
    raise AssertionError(target)


@pytest.mark.parametrize("who", ["open", "grid worker"])
def test_every_count_is_the_length_of_the_list_it_opens(demo, who):
    actor = Actor.open("王芳") if who == "open" else grid_worker(demo)
    services = services_of(demo, actor)
    try:
        today = services.roster.today()
        items = todo_of(demo, actor, today, services.inservice.rules.reregister_months)
        keys = {item.key for item in items}
        for item in items:
            if item.key == "next_council":
                continue
            assert item.count == listed(services, item.target), item.key
    finally:
        services.db.close()
    # the demo has something of each kind the actor may see
    if who == "open":
        assert {"probation_overdue", "follow_ups_overdue", "registrations_pending",
                "reregistration_due", "not_visited", "care_not_visited",
                "next_council"} <= keys
    else:  # a grid worker: their own grid only, and no sync or meetings' reach beyond
        assert {item.target.filters["grid_id"] for item in items
                if item.key == "not_visited"} == set(actor.grids)


def test_the_grid_worker_counts_fewer_households_than_the_office(demo):
    today = dt.date.today()
    everyone = counts(todo_of(demo, Actor.open("王芳"), today, 6))
    worker = grid_worker(demo)
    mine = counts(todo_of(demo, worker, today, 6))
    grid = next(iter(worker.grids))
    assert mine[("not_visited", grid)] == everyone[("not_visited", grid)]
    assert mine[("care_not_visited", "")] < everyone[("care_not_visited", "")]


def test_items_follow_the_role_s_permissions(demo):
    """A grid worker may not see the meetings (nor sync): none of their items lead there,
    while the office's own user has meeting items in the same data."""
    today = dt.date.today()
    office_tabs = {item.target.tab for item in todo_of(demo, Actor.open("王芳"), today, 6)}
    worker = grid_worker(demo)
    assert not worker.allows(access.MEETINGS_VIEW)
    worker_tabs = {item.target.tab for item in todo_of(demo, worker, today, 6)}
    assert "meetings" in office_tabs
    assert "meetings" not in worker_tabs and "sync" not in worker_tabs
    assert "households" in worker_tabs and worker_tabs <= {"roster", "households", "inservice",
                                                           "cobuild"}


def test_the_next_council_and_whether_its_sign_in_sheet_was_printed(tmp_path, demo_templates):
    folder = copy_demo(demo_templates(3), tmp_path)
    path = folder / "gridoffice.sqlite3"
    actor = Actor.open("王芳")
    services = services_of(path, actor)
    try:
        now = dt.datetime.combine(services.roster.today(), dt.time())
        upcoming = sorted((m for m in services.meetings.list_meetings()
                           if m.meeting_type == "council" and m.start_at >= now
                           and m.status in ("draft", "planned")), key=lambda m: m.start_at)
        item = next(i for i in todo_of(path, actor, now.date(), 6, now=now)
                    if i.key == "next_council")
        assert item.target.filters["meeting_id"] == upcoming[0].id
        assert item.values["attendees"] == len(services.meetings.minutes(upcoming[0].id).attendees)
        assert item.values["printed"] is False
        assert "not printed yet" in item.text()
        services.audit.record("print", f"meeting_sign_in:{upcoming[0].id}", "签到表.pdf")
    finally:
        services.db.close()
    item = next(i for i in todo_of(path, actor, now.date(), 6, now=now)
                if i.key == "next_council")
    assert item.values["printed"] is True and "sign-in sheet printed" in item.text()


def test_the_backup_item_says_none_then_nothing_then_how_old(tmp_path, demo_templates):
    from gridoffice import paths
    from gridoffice.services import backups

    folder = copy_demo(demo_templates(3), tmp_path)
    app_paths = paths.resolve(folder)
    for old in app_paths.backup_dir.glob("*"):
        old.unlink()
    actor, today = Actor.open("王芳"), dt.date.today()

    def backup_items(now: dt.datetime) -> list[tuple[str, dict]]:
        return [(i.key, i.values) for i in todo_of(app_paths.database, actor, today, 6,
                                                   app_paths.backup_dir, now)
                if i.key.startswith("backup")]

    assert backup_items(dt.datetime.now()) == [("backup_none", {})]
    backups.create(app_paths.database, app_paths.backup_dir, backups.MANUAL)
    assert backup_items(dt.datetime.now()) == []
    later = dt.datetime.now() + dt.timedelta(days=workbench.BACKUP_DAYS + 3)
    assert backup_items(later) == [("backup_old", {"days": workbench.BACKUP_DAYS + 3})]


def test_the_command_line_prints_the_same_items(demo_templates, tmp_path):
    folder = copy_demo(demo_templates(3), tmp_path)
    env = {k: v for k, v in os.environ.items() if k != "GRIDOFFICE_DATA_DIR"}
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run([sys.executable, "-m", "gridoffice.cli", "--data-dir", str(folder),
                           "todo", "--json"], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    printed = json.loads(done.stdout)["items"]
    expected = todo_of(folder / "gridoffice.sqlite3", Actor.open("王芳"), dt.date.today(), 6,
                       paths_backup(folder))
    assert [(i["key"], i["count"], i["target"]) for i in printed] == [
        (e.key, e.count, e.as_json()["target"]) for e in expected]
    assert all(i["text_zh"] != i["text"] for i in printed)  # translated
    lines = subprocess.run([sys.executable, "-m", "gridoffice.cli", "--data-dir", str(folder),
                            "todo"], capture_output=True, text=True, env=env, cwd=ROOT,
                           timeout=120).stdout.splitlines()
    assert lines[:-2] == [("！ " if i["urgent"] else "· ") + i["text_zh"] for i in printed]
    year = json.loads(done.stdout)["year"]
    assert lines[-1].startswith("本年 this year: ") and f"党员 {year['members']}，" in lines[-1]
    assert f"推动解决问题 {year['follow_ups_done']}/{year['follow_ups_total']}" in lines[-1]


def paths_backup(folder: Path) -> Path:
    from gridoffice import paths

    return paths.resolve(folder).backup_dir


def test_the_to_do_list_is_read_without_sqlalchemy(demo):
    code = ("import sys, datetime as dt; from pathlib import Path; "
            "from gridoffice.services import workbench; "
            "from gridoffice.store.files import connect; "
            "from gridoffice.domain.access import Actor; "
            f"conn = connect(Path({str(demo)!r}), read_only=True); "
            "items = workbench.read_todo(conn, Actor.open('x'), "
            "workbench.TodoRules(dt.date.today())); "
            "print(len(items), 'sqlalchemy' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)
    assert done.returncode == 0, done.stderr
    count, loaded = done.stdout.split()
    assert int(count) > 5 and loaded == "False"


@pytest.mark.parametrize("who", ["open", "grid worker"])
def test_the_figures_are_the_tabs_own_counts(demo, who):
    from gridoffice.domain.inservice import parse_period

    actor = Actor.open("王芳") if who == "open" else grid_worker(demo)
    services = services_of(demo, actor)
    conn = connect(demo, read_only=True)
    try:
        today = services.roster.today()
        for start, end in (workbench.month_of(today), workbench.year_of(today)):
            figures = workbench.read_figures(conn, actor, start, end)
            assert figures.members == services.roster.count_members(MemberQuery())
            grids = services.households.list_grids()
            assert figures.households == sum(g.households for g in grids)
            assert figures.residents == sum(g.residents for g in grids)
            if actor.allows(access.MEETINGS_VIEW):
                held = [m for m in services.meetings.list_meetings()
                        if m.status == "finished" and start <= m.start_at.date() <= end]
                assert figures.meetings_held == len(held)
                assert figures.councils_held == sum(m.meeting_type == "council" for m in held)
                follow = [f for f in services.meetings.follow_ups()
                          if start <= f.meeting_date <= end]
                assert figures.follow_ups_total == len(follow)
                assert figures.follow_ups_done == sum(f.status == "done" for f in follow)
            else:
                assert figures.meetings_held is None and figures.follow_ups_total is None
            text = str(start.year) if start.month != end.month else f"{start:%Y-%m}"
            rows = services.inservice.points(parse_period(text))
            assert figures.service_hours == pytest.approx(sum(r.hours for r in rows))
            assert figures.points == sum(r.period_points for r in rows)
        year = workbench.read_figures(conn, actor, *workbench.year_of(today))
        assert year.points and year.service_hours  # the demo has a year of service
        if who == "open":
            assert year.meetings_held and year.follow_ups_total
    finally:
        conn.close()
        services.db.close()


def test_month_and_year_bounds():
    assert workbench.month_of(dt.date(2024, 2, 10)) == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert workbench.month_of(dt.date(2026, 12, 31)) == (dt.date(2026, 12, 1),
                                                         dt.date(2026, 12, 31))
    assert workbench.year_of(dt.date(2026, 6, 1)) == (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
