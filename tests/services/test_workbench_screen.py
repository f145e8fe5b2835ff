"""What the workbench tab reads on its own connection: the to-do and the figures in
one snapshot (the same as the to-do and figures services), whether an office has any
record yet, one chart; on encrypted data once signed in; and none of it needs
SQLAlchemy, so the workbench is the window's first screen. Real demo folders."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gridoffice.domain import access
from gridoffice.domain.access import Actor
from gridoffice.services import charts, encryption, workbench, workbench_screen
from gridoffice.services.accounts import AccountDraft, AccountService
from gridoffice.store import driver
from gridoffice.store.files import connect
from tests.actors import grid_worker
from tests.conftest import copy_demo

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "secret-admin"


@pytest.fixture
def folder(tmp_path, demo_templates) -> Path:
    return copy_demo(demo_templates(3), tmp_path)


def database(folder: Path) -> Path:
    return folder / "gridoffice.sqlite3"


def screen_of(path: Path, actor: Actor, backup_dir: Path | None = None):
    return workbench_screen.read_screen(path, actor, dt.datetime.now(), backup_dir)


@pytest.mark.parametrize("who", ["office", "grid worker"])
def test_the_screen_is_the_to_do_and_the_figures_of_the_month_and_year(folder, who):
    path = database(folder)
    actor = Actor.open("王芳") if who == "office" else grid_worker(path)
    screen = screen_of(path, actor, folder / "backups")
    conn = connect(path, read_only=True)
    try:
        rules = workbench_screen.todo_rules(conn, dt.datetime.now())
        items = workbench.read_todo(conn, actor, rules, folder / "backups")
        month = workbench.read_figures(conn, actor, *workbench.month_of(screen.today))
        year = workbench.read_figures(conn, actor, *workbench.year_of(screen.today))
    finally:
        conn.close()
    assert [(i.key, i.count, i.target) for i in screen.items] == [
        (i.key, i.count, i.target) for i in items]
    assert screen.month == month and screen.year == year
    assert screen.month.start == screen.today.replace(day=1)
    assert screen.year.start == dt.date(screen.today.year, 1, 1)
    assert not screen.empty
    assert any(item.key == "not_visited" for item in screen.items)


def test_a_new_office_is_empty_until_it_holds_a_record(db, orgs):
    from gridoffice.services.orgs import OrgDraft

    screen = screen_of(db.path, Actor.open("王芳"))
    assert screen.empty
    assert screen.month.members == 0 and screen.year.meetings_held == 0
    assert [item.key for item in screen.items] == []  # nothing due, no backup folder asked
    orgs.create(OrgDraft("中共幸福里社区委员会", "committee"))
    assert not screen_of(db.path, Actor.open("王芳")).empty


def test_one_chart_is_read_as_the_charts_service_reads_it(folder):
    path = database(folder)
    actor, today = Actor.open("王芳"), dt.date.today()
    conn = connect(path, read_only=True)
    try:
        grid = conn.execute("SELECT id FROM grid WHERE NOT deleted ORDER BY code").fetchone()[0]
        expected = {key: charts.read_chart(conn, actor, key, today, today.year)
                    for key in charts.chart_keys(actor)}
        of_grid = charts.population_pyramid(conn, actor, today, grid)
    finally:
        conn.close()
    assert list(expected) == [key for key, _permission, _title in charts.CATALOGUE]
    for key, chart in expected.items():
        assert workbench_screen.read_chart(path, actor, key, today, today.year) == chart
    pyramid = workbench_screen.read_chart(path, actor, "pyramid", today, today.year, grid)
    assert pyramid == of_grid and 0 < pyramid.total() + pyramid.total(1) < (
        expected["pyramid"].total() + expected["pyramid"].total(1))


def test_encrypted_data_is_read_once_signed_in(folder):
    path = database(folder)
    plain = screen_of(path, Actor.open("王芳"))
    AccountService(path).add(AccountDraft("admin", access.ADMIN, "王书记"), PASSWORD)
    from gridoffice import paths

    encryption.encrypt(paths.resolve(folder))
    driver.set_key(path, None)  # as a new run of the program finds it
    try:
        with pytest.raises(driver.DatabaseError):
            screen_of(path, Actor.open("王芳"))
        actor = AccountService(path).sign_in("admin", PASSWORD)  # unlocks the key
        screen = screen_of(path, actor)
        assert [(i.key, i.count) for i in screen.items] == [
            (i.key, i.count) for i in plain.items]
        assert screen.month == plain.month and screen.year == plain.year
    finally:
        driver.set_key(path, None)


def test_the_workbench_screen_needs_no_sqlalchemy(folder):
    """What makes it the first screen: a regression here imports SQLAlchemy before the
    window shows its data."""
    script = (
        "import sys, datetime as dt\n"
        "from pathlib import Path\n"
        "from gridoffice.domain.access import Actor\n"
        "from gridoffice.services import workbench_screen\n"
        f"path = Path({str(database(folder))!r})\n"
        "screen = workbench_screen.read_screen(path, Actor.open('x'), dt.datetime.now(), "
        "None)\n"
        "assert screen.items and screen.month.members\n"
        "assert 'gridoffice.services.inservice.model' not in sys.modules\n"
        "import gridoffice.ui.tabs.workbench, gridoffice.ui.main_window\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('sqlalchemy', 'sqlmodel', 'pydantic')))\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
