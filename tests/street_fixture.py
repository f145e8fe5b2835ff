"""A street office's data folder holding the records of its communities, for tests.

Each community is set up on its own folder and filled with the demo data; the
street office trusts the communities' identity files (so it knows their names)
and gets their synced rows copied in with plain SQL, as if sync had brought them.
Building it takes a few seconds per community: share one per test module where
the tests only read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import pytest

from gridoffice import paths
from gridoffice.services import demo, office, sync_trust
from gridoffice.store.database import Database
from gridoffice.store.digest import synced_tables
from gridoffice.store.files import open_database
from tests import sql

STREET = "幸福街道"
TODAY = dt.date(2026, 11, 21)


def setup_folder(folder: Path, name: str, role: str = "community", street: str = STREET,
                 pc: str = "1号机") -> Path:
    """A new data folder set up for an office; the path of its database."""
    opened = open_database(paths.resolve(folder))
    office.setup_office(opened.path, office.OfficeProfile(name, street, role, "王芳"), pc)
    return opened.path


def copy_synced_rows(target: Path, source: Path) -> None:
    """Every synced row of ``source`` appended to ``target`` (same schema)."""
    conn = sql.connect(target)
    try:
        conn.execute("ATTACH DATABASE ? AS c", (str(source),))
        with conn:
            for table in synced_tables(conn):
                conn.execute(f'INSERT INTO main."{table}" SELECT * FROM c."{table}"')
        conn.execute("DETACH DATABASE c")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def make_street(tmp_path: Path, communities: Sequence[str] = ("幸福里社区", "和平社区"), *,
                today: dt.date = TODAY) -> Path:
    """The data folder of a street office with ``communities`` (demo data, seeds 1, 2, …)
    synced in; its database is ``paths.resolve(folder).database``."""
    folder = tmp_path / "street"
    street_db = setup_folder(folder, STREET, role="street")
    for number, name in enumerate(communities, start=1):
        community_db = setup_folder(tmp_path / f"community{number}", name)
        database = Database(community_db)
        try:
            demo.fill(database, seed=number, today=today)
        finally:
            database.close()
        identity = tmp_path / f"community{number}.gridid"
        sync_trust.export_identity(community_db, identity)
        sync_trust.trust(street_db, identity)
        copy_synced_rows(street_db, community_db)
    return folder


COMMUNITIES = ("幸福里社区", "和平社区")


@pytest.fixture(scope="module")
def street_folder(tmp_path_factory):
    """Built once per test module (filling a community takes seconds): tests only
    read it, or work on a copy."""
    return make_street(tmp_path_factory.mktemp("street"), COMMUNITIES)


@pytest.fixture
def street_db(street_folder):
    db = Database(paths.resolve(street_folder).database)
    yield db
    db.close()
