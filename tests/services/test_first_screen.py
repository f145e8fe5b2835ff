"""The first screen at start-up (the roster's organisations and first page of members,
read before SQLAlchemy loads) shows what the services show after loading: the same
rows in the same order, masked the same way, limited the same way for a grid worker;
on encrypted data too, once signed in. Real demo folders."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gridoffice.domain import access
from gridoffice.domain.access import Actor
from gridoffice.services import encryption, first_screen
from gridoffice.services.accounts import AccountDraft, AccountService
from gridoffice.services.roster.model import MemberQuery
from gridoffice.store import driver
from tests import sql
from tests.actors import grid_worker, services_of
from tests.conftest import copy_demo

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "secret-admin"


@pytest.fixture
def folder(tmp_path, demo_templates) -> Path:
    return copy_demo(demo_templates(3), tmp_path)


def database(folder: Path) -> Path:
    return folder / "gridoffice.sqlite3"


def members_living_in(path: Path, grids: frozenset[str]) -> set[str]:
    conn = sql.connect(path)
    try:
        marks = ", ".join("?" for _ in grids)
        return {r[0] for r in conn.execute(
            "SELECT r.member_id FROM resident r JOIN household h ON h.id = r.household_id "
            "WHERE r.member_id IS NOT NULL AND NOT r.deleted AND r.moved_out_on IS NULL "
            f"AND r.died_on IS NULL AND h.grid_id IN ({marks})", sorted(grids))}
    finally:
        conn.close()


QUERIES = [MemberQuery(), MemberQuery(relation=None), MemberQuery(status="probationary"),
           MemberQuery(overdue_only=True)]


@pytest.mark.parametrize("query", QUERIES)
def test_the_first_screen_is_what_the_service_shows(folder, query):
    path = database(folder)
    actor = Actor.open("王芳")
    services = services_of(path, actor)
    try:
        after = services.roster.list_members(query)
        nodes = services.orgs.list_orgs(include_retired=True)
        today = services.roster.today()
    finally:
        services.db.close()
    whole = first_screen.read(path, actor, query, limit=None, today=today)
    page = first_screen.read(path, actor, query, limit=10, today=today)
    assert whole is not None and page is not None
    assert after
    assert whole.rows == after  # every field, in the same order, masked the same way
    assert whole.total == len(after)
    assert page.rows == after[:10]
    assert page.total == len(after)
    assert whole.nodes == nodes == page.nodes


def test_a_grid_workers_first_screen_shows_only_their_grid_masked(folder):
    path = database(folder)
    worker = grid_worker(path)
    services = services_of(path, worker)
    try:
        after = services.roster.list_members(MemberQuery())
    finally:
        services.db.close()
    everyone = first_screen.read(path, Actor.open("王芳"), MemberQuery(), limit=None)
    screen = first_screen.read(path, worker, MemberQuery(), limit=None)
    assert everyone is not None and screen is not None
    assert 0 < len(screen.rows) < len(everyone.rows)
    assert {row.id for row in screen.rows} <= members_living_in(path, worker.grids)
    assert screen.rows == after
    assert all(row.id_number is None or "*" in row.id_number for row in screen.rows)
    assert all(row.mobile is None or "*" in row.mobile for row in screen.rows)
    assert any(row.mobile for row in screen.rows)
    page = first_screen.read(path, worker, MemberQuery(), limit=3)
    assert page is not None and page.rows == after[:3] and page.total == len(after)


def test_a_role_without_the_roster_gets_no_first_screen(folder):
    nobody = dataclasses.replace(Actor.open("王芳"), role="none")
    assert not nobody.allows(access.ROSTER_VIEW)
    assert first_screen.read(database(folder), nobody, MemberQuery()) is None


def test_encrypted_data_shows_its_first_screen_once_signed_in(folder):
    path = database(folder)
    plain = first_screen.read(path, Actor.open("王芳"), MemberQuery())
    AccountService(path).add(AccountDraft("admin", access.ADMIN, "王书记"), PASSWORD)
    encryption.encrypt(_paths(folder))
    driver.set_key(path, None)  # as a new run of the program finds it
    with pytest.raises(driver.DatabaseError):
        first_screen.read(path, Actor.open("王芳"), MemberQuery())
    actor = AccountService(path).sign_in("admin", PASSWORD)  # unlocks the key
    screen = first_screen.read(path, actor, MemberQuery())
    assert plain is not None and screen is not None
    assert screen.rows == plain.rows and screen.nodes == plain.nodes
    assert screen.total == plain.total
    driver.set_key(path, None)


def _paths(folder: Path):
    from gridoffice import paths

    return paths.resolve(folder)


def test_the_first_screen_needs_no_sqlalchemy(folder):
    """What makes it fast: a regression here imports SQLAlchemy before the data shows."""
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from gridoffice.domain.access import Actor\n"
        "from gridoffice.services import first_screen\n"
        "from gridoffice.services.roster import MemberQuery\n"
        f"screen = first_screen.read(Path({str(database(folder))!r}), Actor.open('x'), "
        "MemberQuery())\n"
        "assert screen.rows and screen.nodes\n"
        "import gridoffice.ui.tabs.roster, gridoffice.ui.main_window\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('sqlalchemy', 'sqlmodel', 'pydantic')))\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
