"""Every released schema version upgrades to the current one, data intact.

``tests/fixtures/schema_vN.sqlite3`` is a demo database as version N of the
program wrote it. When a migration step is added, add the fixture of the
version before it (`gridoffice-cli demo` with the old program, then VACUUM).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from gridoffice import paths
from gridoffice.store import migrations
from gridoffice.store.files import open_database
from tests import sql

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
VERSIONS = sorted(
    int(re.search(r"\d+", p.stem).group()) for p in FIXTURES.glob("schema_v*.sqlite3")
)


def test_there_is_a_fixture_for_every_released_version():
    assert list(range(1, migrations.current_version() + 1)) == VERSIONS


@pytest.mark.parametrize("version", VERSIONS)
def test_fixture_upgrades_to_current(tmp_path, version):
    from gridoffice.services.orgs import OrgService
    from gridoffice.store.database import Database

    app_paths = paths.resolve(tmp_path / "data")
    app_paths.data_dir.mkdir(parents=True)
    shutil.copy(FIXTURES / f"schema_v{version}.sqlite3", app_paths.database)
    before = sql.connect(app_paths.database)
    org_names = sorted(r[0] for r in before.execute("SELECT name FROM org"))
    tables = {r[0] for r in before.execute("SELECT name FROM sqlite_master")}
    members = (sorted(r[0] for r in before.execute("SELECT id_number FROM member"))
               if "member" in tables else None)
    residents = (sorted(r[0] for r in before.execute("SELECT name FROM resident"))
                 if "resident" in tables else None)
    meetings = (sorted(r[0] for r in before.execute("SELECT id FROM meeting"))
                if "meeting" in tables else None)
    registrations = (sorted(r[0] for r in before.execute("SELECT code FROM registration"))
                     if "registration" in tables else None)
    peers = ([r[0] for r in before.execute("SELECT fingerprint FROM sync_peer")]
             if "sync_peer" in tables else None)
    orders = (sorted(r[0] for r in before.execute("SELECT code FROM service_order"))
              if "service_order" in tables else None)
    before.close()

    opened = open_database(app_paths)
    assert opened.schema_version == migrations.current_version()
    if version < migrations.current_version():
        assert opened.backup is not None and opened.backup.exists()
    db = Database(opened.path)
    try:
        nodes = OrgService(db).list_orgs()
        assert sorted(n.name for n in nodes) == org_names
        assert any(n.secretary for n in nodes)
        if members is not None:
            from gridoffice.services.roster import MemberQuery, RosterService

            rows = RosterService(db).list_members(MemberQuery(relation=None), reveal=True)
            assert sorted(r.id_number for r in rows) == members
        if residents is not None:
            from gridoffice.services.households import HouseholdService

            people = HouseholdService(db).residents(include_left=True)
            assert sorted(r.name for r in people) == residents
        if meetings is not None:
            from gridoffice.services.meetings import MeetingService

            service = MeetingService(db)
            assert sorted(m.id for m in service.list_meetings()) == meetings
            assert any(service.minutes(m).items for m in meetings)
        if registrations is not None:
            from gridoffice.services.inservice import InServiceService, RegistrationQuery

            rows = InServiceService(db).registrations(RegistrationQuery(include_left=True))
            assert sorted(r.code for r in rows) == registrations
        if peers is not None:
            from gridoffice.services.sync_trust import peers as trusted_peers

            assert [p.identity.fingerprint for p in trusted_peers(db.path)] == peers
        if orders is not None:
            from gridoffice.services.cobuild import CobuildService

            rows = CobuildService(db).orders()
            assert sorted(r.code for r in rows) == orders
            assert {r.state for r in rows} > {"new", "rated", "sent_up"}
    finally:
        db.close()
