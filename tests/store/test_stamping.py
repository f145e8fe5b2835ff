"""Sync columns are stamped in one place on insert, update and (soft) delete."""

from __future__ import annotations

import uuid

import pytest

from gridoffice.domain.hlc import HybridClock, pack, unpack
from gridoffice.services.orgs import OrgDraft
from gridoffice.store.database import HardDeleteError
from gridoffice.store.tables import Org
from tests import sql


def raw(db, query, *args):
    conn = sql.connect(db.path)
    try:
        return conn.execute(query, args).fetchall()
    finally:
        conn.close()


def test_insert_stamps_id_office_clock_and_writer(db, orgs):
    node = orgs.create(OrgDraft("中共幸福里社区委员会", "committee"))
    [(oid, office, hlc, writer, base, deleted)] = raw(
        db, "SELECT id, origin_office, hlc, writer, base_hlc, deleted FROM org")
    assert oid == node.id and uuid.UUID(oid).version == 7
    assert office == db.office_id and writer == db.replica_id
    assert base is None and deleted == 0
    assert hlc > 0 and unpack(hlc)[0] > 1_700_000_000_000  # milliseconds since 1970
    assert raw(db, "SELECT value FROM meta WHERE key = 'hlc_last'")[0][0] == str(db.clock.last)


def test_update_moves_the_clock_and_records_the_base(db, orgs):
    node = orgs.create(OrgDraft("中共幸福里社区委员会", "committee"))
    [(first,)] = raw(db, "SELECT hlc FROM org")
    orgs.update(node.id, OrgDraft("中共幸福里社区委员会", "committee", short_name="社区党委"))
    [(hlc, base)] = raw(db, "SELECT hlc, base_hlc FROM org")
    assert base == first and hlc > first


def test_unchanged_save_does_not_stamp(db, orgs):
    node = orgs.create(OrgDraft("中共幸福里社区委员会", "committee"))
    before = raw(db, "SELECT hlc, base_hlc FROM org")
    orgs.update(node.id, node.draft())
    assert raw(db, "SELECT hlc, base_hlc FROM org") == before


def test_delete_is_a_stamped_tombstone_and_hard_delete_is_refused(db, orgs):
    node = orgs.create(OrgDraft("中共幸福里社区委员会", "committee"))
    with pytest.raises(HardDeleteError), db.write() as session:
        session.delete(session.get(Org, node.id))
    assert raw(db, "SELECT count(*) FROM org") == [(1,)]
    [(first,)] = raw(db, "SELECT hlc FROM org")
    orgs.discard(node.id)
    [(deleted, hlc, base)] = raw(db, "SELECT deleted, hlc, base_hlc FROM org")
    assert deleted == 1 and hlc > first and base == first
    assert orgs.list_orgs() == []


def test_clock_survives_a_restart_and_a_clock_turned_back(db, orgs):
    orgs.create(OrgDraft("中共幸福里社区委员会", "committee"))
    last = db.clock.last
    db.close()
    from gridoffice.store.database import Database

    reopened = Database(db.path)
    reopened.clock = HybridClock(reopened.clock.last, wall=lambda: 1_000)  # clock set to 1970
    assert reopened.clock.now() > last
    reopened.close()


def test_clock_is_strictly_increasing_within_one_millisecond():
    clock = HybridClock(wall=lambda: 42)
    stamps = [clock.now() for _ in range(70_000)]
    assert stamps == sorted(set(stamps))
    assert unpack(stamps[0]) == (42, 0)
    assert stamps[-1] > pack(42, 0xFFFF)


def test_every_synced_table_in_the_schema_has_the_model_columns(db):
    from gridoffice.store.tables import SYNCED_TABLES

    for model in SYNCED_TABLES:
        table = model.__table__
        rows = raw(db, f"PRAGMA table_info({table.name})")
        in_db = {r[1]: (r[3] == 1 or r[5] == 1) for r in rows}  # name -> NOT NULL or PK
        in_model = {c.name: not c.nullable for c in table.columns}
        assert in_db == in_model, table.name
        assert {"id", "origin_office", "hlc", "writer", "base_hlc", "deleted"} <= set(in_db)


def test_another_offices_record_is_read_only_here(db, orgs):
    from gridoffice.errors import UserError

    node = orgs.create(OrgDraft("中共幸福里社区委员会", "committee"))
    conn = sql.connect(db.path)
    conn.execute("UPDATE org SET origin_office = 'another-office' WHERE id = ?", (node.id,))
    conn.commit()
    conn.close()
    before = raw(db, "SELECT * FROM org")
    with pytest.raises(UserError) as refused, db.write() as session:
        session.get(Org, node.id).name = "改名"
    assert "belongs to another office" in str(refused.value)
    assert raw(db, "SELECT * FROM org") == before


def test_local_change_sequence_follows_every_write(db, orgs):
    node = orgs.create(OrgDraft("中共幸福里社区委员会", "committee"))
    [(hlc, seq)] = raw(db, "SELECT hlc, local_seq FROM org")
    assert seq == hlc
    orgs.update(node.id, OrgDraft("中共幸福里社区党委", "committee"))
    [(hlc2, seq2)] = raw(db, "SELECT hlc, local_seq FROM org")
    assert seq2 == hlc2 > hlc
    # The replaced version is kept (sync tells old news from a concurrent edit by it).
    assert raw(db, "SELECT hlc FROM sync_history WHERE row_id = ?", node.id) == [(hlc,)]
