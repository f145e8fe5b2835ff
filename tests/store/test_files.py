"""Opening, refusing and migrating database files, on real files."""

from __future__ import annotations

import hashlib
import os
import stat

import pytest

from gridoffice import paths
from gridoffice.errors import StorageError
from gridoffice.store import files, migrations
from gridoffice.store.files import APPLICATION_ID, open_database
from tests import sql


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_database_is_created_with_pragmas_and_identity(app_paths):
    opened = open_database(app_paths)
    assert opened.created and opened.schema_version == migrations.current_version()
    conn = files.connect(opened.path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    meta = dict(conn.execute("SELECT key, value FROM meta"))
    assert {"replica_id", "office_id", "incarnation", "hlc_last"} <= set(meta)
    # Opening again changes nothing and needs no backup.
    again = open_database(app_paths)
    assert not again.created and again.backup is None
    assert dict(files.connect(opened.path).execute("SELECT key, value FROM meta")) == meta


def test_file_that_is_not_sqlite_is_refused_and_unchanged(app_paths):
    app_paths.data_dir.mkdir(parents=True)
    app_paths.database.write_bytes(b"PK\x03\x04 this is a zip, not a database" * 100)
    before = digest(app_paths.database)
    with pytest.raises(StorageError) as err:
        open_database(app_paths)
    assert "not a GridOffice database" in str(err.value)
    assert "不是" in err.value.localized("zh_CN")
    assert digest(app_paths.database) == before


def test_sqlite_file_of_another_program_is_refused_and_unchanged(app_paths):
    app_paths.data_dir.mkdir(parents=True)
    conn = sql.connect(app_paths.database)
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.commit()
    conn.close()
    before = digest(app_paths.database)
    with pytest.raises(StorageError, match="not a GridOffice database"):
        open_database(app_paths)
    assert digest(app_paths.database) == before


def test_database_from_a_newer_program_is_refused_and_unchanged(app_paths):
    opened = open_database(app_paths)
    conn = sql.connect(opened.path)
    conn.execute(f"PRAGMA user_version = {migrations.current_version() + 1}")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = digest(opened.path)
    with pytest.raises(StorageError) as err:
        open_database(app_paths)
    assert "newer GridOffice" in str(err.value)
    assert str(migrations.current_version() + 1) in str(err.value)
    assert digest(opened.path) == before


def test_damaged_database_is_refused(app_paths):
    opened = open_database(app_paths)
    conn = sql.connect(opened.path)
    conn.executemany("INSERT INTO setting (key, value) VALUES (?, ?)",
                     [(f"k{i}", "x" * 500) for i in range(200)])
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(opened.path.read_bytes())
    page = 4096
    data[2 * page: 3 * page] = b"\xff" * page  # wreck a b-tree page, keep the header
    opened.path.write_bytes(bytes(data))
    before = digest(opened.path)
    with pytest.raises(StorageError, match="damaged"):
        open_database(app_paths)
    assert digest(opened.path) == before


def test_data_dir_that_cannot_be_created(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StorageError, match="Cannot write"):
        open_database(paths.resolve(blocker / "data"))


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_read_only_data_dir(tmp_path):  # pragma: no cover - CI runs as root
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    with pytest.raises(StorageError, match="Cannot write"):
        open_database(paths.resolve(folder))


def test_locked_database_gives_a_clear_message(db, app_paths, monkeypatch):
    from gridoffice.services.orgs import OrgDraft, OrgService

    monkeypatch.setattr(files, "BUSY_TIMEOUT_MS", 100)
    other = sql.connect(app_paths.database, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        db_fast = type(db)(db.path)
        for engine in (db_fast.engine,):
            engine.dispose()
        with pytest.raises(StorageError, match="in use by another program"):
            OrgService(db_fast).create(OrgDraft("中共测试社区委员会", "committee"))
        db_fast.close()
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert OrgService(db).list_orgs() == []


def _future_step(conn):
    conn.execute("ALTER TABLE org ADD COLUMN motto TEXT")
    conn.execute("UPDATE org SET motto = 'serve the people'")


def _failing_step(conn):
    conn.execute("ALTER TABLE org ADD COLUMN motto TEXT")
    conn.execute("INSERT INTO no_such_table VALUES (1)")


def test_migration_writes_a_backup_and_upgrades(db, orgs, app_paths, monkeypatch):
    from gridoffice.services.orgs import OrgDraft

    orgs.create(OrgDraft("中共幸福里社区委员会", "committee"))
    db.close()
    released = migrations.current_version()
    monkeypatch.setattr(migrations, "STEPS", [*migrations.STEPS, _future_step])
    monkeypatch.setattr(files, "STEPS", migrations.STEPS)
    opened = open_database(app_paths)
    assert opened.migrated_from == released and opened.schema_version == released + 1
    assert opened.backup is not None and opened.backup.parent == app_paths.backup_dir
    backup = sql.connect(opened.backup)
    assert backup.execute("PRAGMA user_version").fetchone()[0] == released
    assert backup.execute("SELECT name FROM org").fetchall() == [("中共幸福里社区委员会",)]
    conn = sql.connect(opened.path)
    assert conn.execute("SELECT motto FROM org").fetchall() == [("serve the people",)]


def test_failed_migration_leaves_the_data_as_it_was(db, orgs, app_paths, monkeypatch):
    from gridoffice.services.orgs import OrgDraft

    orgs.create(OrgDraft("中共幸福里社区委员会", "committee"))
    db.close()
    conn = sql.connect(app_paths.database)
    before = conn.execute("SELECT * FROM org").fetchall()
    conn.close()
    released = migrations.current_version()
    monkeypatch.setattr(migrations, "STEPS", [*migrations.STEPS, _failing_step])
    monkeypatch.setattr(files, "STEPS", migrations.STEPS)
    with pytest.raises(StorageError, match="left as it was"):
        open_database(app_paths)
    conn = sql.connect(app_paths.database)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == released
    assert conn.execute("SELECT * FROM org").fetchall() == before
    assert "motto" not in {r[1] for r in conn.execute("PRAGMA table_info(org)")}


def test_a_migration_failing_again_and_again_keeps_one_backup(db, orgs, app_paths,
                                                              monkeypatch):
    from gridoffice.services.orgs import OrgDraft

    orgs.create(OrgDraft("中共幸福里社区委员会", "committee"))
    db.close()
    before = digest(app_paths.database)
    monkeypatch.setattr(migrations, "STEPS", [*migrations.STEPS, _failing_step])
    monkeypatch.setattr(files, "STEPS", migrations.STEPS)
    for _attempt in range(3):
        with pytest.raises(StorageError, match="left as it was") as err:
            open_database(app_paths)
    [backup] = list(app_paths.backup_dir.iterdir())
    assert str(backup) in err.value.english()
    assert digest(app_paths.database) == before
    # A real change in between is a new state worth its own copy.
    conn = sql.connect(app_paths.database)
    conn.execute("UPDATE org SET name = '中共幸福里社区党委'")
    conn.commit()
    conn.close()
    with pytest.raises(StorageError):
        open_database(app_paths)
    assert len(list(app_paths.backup_dir.iterdir())) == 2
