"""The rows file a package carries: what changed after a watermark, set-based, and
checked before anything reads it."""

from __future__ import annotations

import datetime as dt

import pytest

from gridoffice.errors import UserError
from gridoffice.store import digest
from gridoffice.store.files import connect
from gridoffice.sync import rows
from tests import sql


@pytest.fixture
def filled(db):
    from gridoffice.services.orgs import OrgDraft, OrgService

    service = OrgService(db, operator="王芳", today=dt.date(2026, 11, 21))
    committee = service.create(OrgDraft("幸福里社区党委", "committee")).id
    for number in range(3):
        service.create(OrgDraft(f"第{number + 1}党支部", "branch", parent_id=committee))
    return db


def _attached(db_path, rows_file):
    conn = connect(db_path)
    conn.execute("ATTACH DATABASE ? AS payload", (str(rows_file),))
    return conn


def _export(conn, target, since=0, owners=None):
    """Copy rows into a fresh rows file the way an export does."""
    conn.execute("ATTACH DATABASE ? AS payload", (str(target),))
    try:
        conn.execute("BEGIN")
        result = rows.copy_rows(conn, since, owners)
        conn.execute("COMMIT")
    finally:
        conn.execute("DETACH DATABASE payload")
    return result


def test_full_export_carries_every_row(tmp_path, filled):
    conn = connect(filled.path)
    try:
        result = _export(conn, tmp_path / "rows.sqlite3")
        counts = digest.counts(conn)
        ours = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                for t in digest.synced_tables(conn)}
    finally:
        conn.close()
    assert result.counts == ours
    assert result.counts["org"] == counts["orgs"] == 4
    assert result.hlc_high > 0
    # The rows file holds the same content: its digests equal ours.
    copy = sql.connect(tmp_path / "rows.sqlite3")
    try:
        assert digest.table_digest(copy, "org") == digest.digests(
            sql.connect(filled.path))["org"]
    finally:
        copy.close()


def test_only_rows_after_the_watermark_and_of_the_owners(tmp_path, filled):
    from gridoffice.services.orgs import OrgDraft, OrgService

    conn = connect(filled.path)
    first = _export(conn, tmp_path / "a.sqlite3")
    conn.close()
    OrgService(filled, operator="王芳", today=dt.date(2026, 11, 21)).create(
        OrgDraft("第4党支部", "branch",
                 parent_id=OrgService(filled).list_orgs()[0].id))
    conn = connect(filled.path)
    try:
        later = _export(conn, tmp_path / "b.sqlite3", since=first.hlc_high)
        nobody = _export(conn, tmp_path / "c.sqlite3", owners=("someone-else",))
    finally:
        conn.close()
    assert later.counts["org"] == 1 and later.hlc_high > first.hlc_high
    assert sum(nobody.counts.values()) == 0


def test_a_good_rows_file_passes_the_check(tmp_path, filled):
    conn = connect(filled.path)
    result = _export(conn, tmp_path / "rows.sqlite3")
    conn.close()
    conn = _attached(filled.path, tmp_path / "rows.sqlite3")
    try:
        assert rows.check_rows(conn) == result.counts
        with pytest.raises(UserError):  # another office's records: refused
            rows.check_rows(conn, owners=("someone-else",))
    finally:
        conn.close()


@pytest.mark.parametrize("damage", [
    'CREATE TABLE "evil" (id TEXT)',
    'ALTER TABLE "org" ADD COLUMN extra TEXT',
    'UPDATE "org" SET id = NULL WHERE rowid = 1',
    'UPDATE "org" SET hlc = \'soon\' WHERE rowid = 1',
    'INSERT INTO "org" SELECT * FROM "org" LIMIT 1',
    'UPDATE "org" SET name = x\'00ff\' WHERE rowid = 1',
    'UPDATE "org" SET sort_order = \'first\' WHERE rowid = 1',
    'UPDATE "org" SET name = NULL WHERE rowid = 1',
])
def test_bad_rows_files_are_refused(tmp_path, filled, damage):
    conn = connect(filled.path)
    _export(conn, tmp_path / "rows.sqlite3")
    conn.close()
    bad = sql.connect(tmp_path / "rows.sqlite3")
    bad.execute(damage)
    bad.commit()
    bad.close()
    conn = _attached(filled.path, tmp_path / "rows.sqlite3")
    try:
        with pytest.raises(UserError):
            rows.check_rows(conn)
    finally:
        conn.close()
