"""Backups on real files: made with a manifest and checked, kept by the rotation,
listed, verified, previewed and restored; every refusal leaves the data as it was."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from gridoffice import __version__
from gridoffice.domain import access
from gridoffice.domain.access import Actor
from gridoffice.errors import StorageError, UserError
from gridoffice.services import backups
from gridoffice.services.audit import chain_error, entries
from gridoffice.services.orgs import OrgDraft
from gridoffice.store import digest, migrations
from gridoffice.store.files import connect
from gridoffice.store.settings import OfficeSettings
from tests import sql

NOON = dt.datetime(2026, 11, 21, 12, 0, 0)


def _digests(path: Path) -> dict[str, str]:
    conn = connect(path, read_only=True)
    try:
        return digest.digests(conn)
    finally:
        conn.close()


def _org_names(path: Path) -> list[str]:
    conn = connect(path, read_only=True)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM org ORDER BY name")]
    finally:
        conn.close()


@pytest.fixture
def office(db, orgs, app_paths):
    global TOP
    TOP = orgs.create(OrgDraft("中共幸福里社区委员会", "committee")).id
    return app_paths


TOP = ""


def _branch(orgs, name: str) -> None:
    orgs.create(OrgDraft(name, "branch", TOP))


def test_create_writes_a_checked_copy_with_its_manifest(office):
    result = backups.create(office.database, office.backup_dir, "manual", now=NOON)
    assert result.file.name == "gridoffice-20261121-120000-manual.sqlite3"
    assert result.file.parent == office.backup_dir and result.warning is None
    manifest = json.loads(backups.manifest_path(result.file).read_text("utf-8"))
    assert manifest["kind"] == "manual" and manifest["time"] == "2026-11-21T12:00:00"
    assert manifest["version"] == __version__
    assert manifest["schema_version"] == migrations.current_version()
    assert manifest["size"] == result.file.stat().st_size
    assert manifest["counts"]["orgs"] == 1
    assert manifest["digests"] == _digests(office.database)
    assert backups.verify(result.file) is None
    # Nothing half-written is left beside it; the copy stands alone (no -wal).
    assert sorted(p.name for p in office.backup_dir.iterdir()) == [
        result.file.name, result.file.name + ".json"]
    # A second one in the same second gets its own name; the rotation keeps the
    # newest of the day only.
    again = backups.create(office.database, office.backup_dir, "manual", now=NOON)
    assert again.file.name == "gridoffice-20261121-120000-manual-2.sqlite3"
    assert again.deleted == (result.file,) and not result.file.exists()


def test_the_list_is_newest_first_and_names_a_backup_without_manifest(office):
    first = backups.create(office.database, office.backup_dir, "daily", now=NOON)
    second = backups.create(office.database, office.backup_dir, "before_sync",
                            now=NOON + dt.timedelta(days=1))
    backups.manifest_path(first.file).unlink()
    listed = backups.backups(office.backup_dir)
    assert [b.file for b in listed] == [second.file, first.file]
    assert listed[0].kind == "before_sync" and listed[0].counts["orgs"] == 1
    assert not listed[0].damaged and listed[1].damaged
    assert backups.newest_age(office.backup_dir, NOON + dt.timedelta(days=3)) == \
        dt.timedelta(days=2)
    assert "manifest" in backups.verify(first.file).english()


def test_the_rotation_over_a_year_keeps_7_daily_4_weekly_12_monthly(office):
    start = dt.datetime(2025, 11, 1, 8, 30)
    made = []
    for day in range(400):
        now = start + dt.timedelta(days=day)
        made.append((now, backups.create(office.database, office.backup_dir, "daily",
                                          now=now).file))
        if day % 30 == 0:  # a sync on some days: one more point in time that day
            made.append((now + dt.timedelta(hours=2), backups.create(
                office.database, office.backup_dir, "before_sync",
                now=now + dt.timedelta(hours=2)).file))
    newest = made[-1][1]
    times = sorted(made, reverse=True)

    def newest_per(key, limit):
        chosen, seen = set(), []
        for when, file in times:
            if key(when) not in seen and len(seen) < limit:
                seen.append(key(when))
                chosen.add(file)
        return chosen

    daily = newest_per(lambda t: t.date(), 7)
    weekly = newest_per(lambda t: t.isocalendar()[:2], 4)
    monthly = newest_per(lambda t: (t.year, t.month), 12)
    left = {b.file for b in backups.backups(office.backup_dir)}
    assert newest in left
    assert left == daily | weekly | monthly
    assert len(daily) == 7 and len(weekly) == 4 and len(monthly) == 12
    assert 12 <= len(left) <= 7 + 4 + 12
    # Each kept backup has its manifest; each deleted one lost both files.
    on_disk = {p.name for p in office.backup_dir.iterdir()}
    assert on_disk == {f.name for f in left} | {f.name + ".json" for f in left}


def test_a_second_restore_the_same_day_keeps_the_data_the_first_replaced(office, orgs):
    made = backups.create(office.database, office.backup_dir, "manual", now=NOON).file
    _branch(orgs, "备份后的支部")
    replaced = _digests(office.database)
    first = backups.restore(office.database, office.backup_dir, made, None,
                            now=NOON + dt.timedelta(hours=1)).before_restore.file
    second = backups.restore(office.database, office.backup_dir, made, None,
                             now=NOON + dt.timedelta(hours=2))  # e.g. after a crash
    assert first not in second.before_restore.deleted
    assert backups.verify(first) is None
    assert json.loads(backups.manifest_path(first).read_text("utf-8"))["digests"] == replaced
    # A week later the rotation takes it like any other.
    later = backups.create(office.database, office.backup_dir, "daily",
                           now=NOON + dt.timedelta(days=8))
    assert first in later.deleted


def test_the_daily_backup_happens_once_a_day(office):
    assert backups.daily_due(office.backup_dir, NOON)
    assert backups.daily_backup(office.database, office.backup_dir, NOON) is None
    assert not backups.daily_due(office.backup_dir, NOON + dt.timedelta(hours=5))
    backups.daily_backup(office.database, office.backup_dir, NOON + dt.timedelta(hours=5))
    assert len(backups.backups(office.backup_dir)) == 1
    assert backups.daily_due(office.backup_dir, NOON + dt.timedelta(days=1))
    backups.daily_backup(office.database, office.backup_dir, NOON + dt.timedelta(days=1))
    assert [b.kind for b in backups.backups(office.backup_dir)] == ["daily", "daily"]


def test_what_a_killed_backup_left_is_cleared_once_it_is_old(office):
    made = backups.create(office.database, office.backup_dir, backups.MANUAL, now=NOON).file
    folder = office.backup_dir
    part = folder / "gridoffice-20261121-130000-manual.sqlite3.part"
    journal = folder / "gridoffice-20261121-130000-manual.sqlite3.part-journal"
    orphan = folder / "gridoffice-20261121-130000-manual.sqlite3.json"  # never named
    schema = folder / "gridoffice-schema8-20261121-130000.part"  # before a migration
    fresh = folder / "gridoffice-20261121-140000-manual.sqlite3.part"  # being written now
    for file in (part, journal, orphan, schema, fresh):
        file.write_bytes(b"half")
    old = (NOON - dt.timedelta(hours=1)).timestamp()
    for file in (part, journal, orphan, schema, made, backups.manifest_path(made)):
        os.utime(file, (old, old))
    removed = backups.clear_leftovers(folder, now=NOON)
    assert sorted(removed) == sorted([part, journal, orphan, schema])
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [made.name, backups.manifest_path(made).name, fresh.name])
    assert backups.verify(made) is None
    later = dt.datetime.now() + dt.timedelta(minutes=11)  # the fresh one is old by then
    assert backups.clear_leftovers(folder, now=later) == (fresh,)
    assert backups.clear_leftovers(office.data_dir / "nowhere") == ()


def test_a_second_folder_gets_a_copy_and_a_missing_one_a_warning(office, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    settings = OfficeSettings(office.database)
    settings.backup_second_folder = usb
    assert settings.backup_second_folder == usb
    result = backups.create(office.database, office.backup_dir, "manual", now=NOON,
                            second_folder=settings.backup_second_folder)
    assert result.second_copy == usb / result.file.name and result.warning is None
    assert backups.verify(result.second_copy) is None
    missing = tmp_path / "unplugged"
    later = backups.create(office.database, office.backup_dir, "manual",
                           now=NOON + dt.timedelta(days=1), second_folder=missing)
    assert later.file.exists() and later.second_copy is None
    assert str(missing) in later.warning.english()
    assert "第二" in later.warning.localized("zh_CN") or later.warning.localized("zh_CN")
    assert not missing.exists()


def test_an_unwritable_backup_folder_is_a_clear_error(office, tmp_path):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be")
    with pytest.raises(StorageError) as err:
        backups.create(office.database, blocked, "manual", now=NOON)
    assert str(blocked) in err.value.english()


def _mount_tiny(folder: Path) -> bool:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)],
                          capture_output=True)
    return done.returncode == 0


def test_a_full_disk_leaves_no_partial_backup_and_the_data_unchanged(office):
    conn = sql.connect(office.database)  # a database larger than the 1 MB disk
    conn.execute("CREATE TABLE filler (data BLOB)")
    conn.executemany("INSERT INTO filler VALUES (randomblob(4000))", [()] * 500)
    conn.commit()
    conn.close()
    tiny = office.data_dir / "tiny"
    if not _mount_tiny(tiny):
        pytest.skip("needs root and tmpfs to fill a disk")
    try:
        before = _digests(office.database)
        with pytest.raises(StorageError) as err:
            backups.create(office.database, tiny, "manual", now=NOON)
        assert "full" in err.value.english()
        assert list(tiny.iterdir()) == []
        assert _digests(office.database) == before
    finally:
        subprocess.run(["umount", str(tiny)], check=False)


# --- verify and restore refuse what they must ---------------------------------------------
def _flip_middle(file: Path) -> None:
    """Flip the first bytes of the pages in the middle third of the copy (their
    b-tree headers): a damage integrity_check finds."""
    data = bytearray(file.read_bytes())
    page = int.from_bytes(data[16:18], "big") or 65536
    pages = len(data) // page
    for number in range(pages // 3, 2 * pages // 3):
        start = number * page
        data[start:start + 12] = bytes(b ^ 0xFF for b in data[start:start + 12])
    file.write_bytes(bytes(data))


def _refresh_manifest(file: Path) -> None:
    """Make the manifest match the changed file: only the content check is left."""
    manifest_file = backups.manifest_path(file)
    manifest = json.loads(manifest_file.read_text("utf-8"))
    manifest["size"] = file.stat().st_size
    manifest["sha256"] = backups._sha256(file)
    manifest_file.write_text(json.dumps(manifest), "utf-8")


def _newer(file: Path) -> None:
    conn = sql.connect(file)
    conn.execute(f"PRAGMA user_version = {migrations.current_version() + 1}")
    conn.close()
    _refresh_manifest(file)


def _mismatch(file: Path) -> None:
    manifest_file = backups.manifest_path(file)
    manifest = json.loads(manifest_file.read_text("utf-8"))
    manifest["sha256"] = "0" * 64
    manifest_file.write_text(json.dumps(manifest), "utf-8")


def _damaged(file: Path) -> None:
    _flip_middle(file)
    _refresh_manifest(file)


@pytest.mark.parametrize(("spoil", "said"), [
    (_damaged, "damaged"), (_mismatch, "does not match its manifest"),
    (_newer, "newer GridOffice"),
    (lambda f: backups.manifest_path(f).unlink(), "no readable manifest")])
def test_a_bad_backup_is_refused_by_verify_and_restore(office, orgs, spoil, said):
    for n in range(60):
        _branch(orgs, f"第{n}党支部")
    made = backups.create(office.database, office.backup_dir, "manual", now=NOON)
    spoil(made.file)
    problem = backups.verify(made.file)
    assert problem is not None and said in problem.english()
    assert made.file.name in problem.english()
    before = _digests(office.database), sorted(p.name for p in office.backup_dir.iterdir())
    with pytest.raises(UserError) as err:
        backups.restore(office.database, office.backup_dir, made.file, None)
    assert said in err.value.english()
    assert (_digests(office.database),
            sorted(p.name for p in office.backup_dir.iterdir())) == before


def test_a_foreign_file_is_not_a_backup(office, tmp_path):
    other = tmp_path / "other.sqlite3"
    conn = sql.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    manifest = {"size": other.stat().st_size, "sha256": backups._sha256(other)}
    backups.manifest_path(other).write_text(json.dumps(manifest), "utf-8")
    assert "not a GridOffice backup" in backups.verify(other).english()


# --- preview and restore ------------------------------------------------------------------
def test_preview_counts_and_the_records_that_would_be_lost(office, orgs):
    made = backups.create(office.database, office.backup_dir, "manual", now=NOON)
    _branch(orgs, "第一党支部")
    _branch(orgs, "第二党支部")
    shown = backups.preview(office.database, made.file)
    assert shown.counts_backup["orgs"] == 1 and shown.counts_now["orgs"] == 3
    assert shown.lost_total >= 2  # the two branches and what came with them
    assert [r.name for r in shown.lost if r.table == "org"] == ["第二党支部", "第一党支部"]
    # A record without a name (a history entry) is given by its id, and says so.
    assert [r.named for r in shown.lost] == [r.table == "org" for r in shown.lost]
    assert {r.table for r in shown.lost} != {"org"}
    assert shown.lost == tuple(sorted(shown.lost, key=lambda r: r.changed, reverse=True))
    # Nothing is lost against a backup made now.
    now = backups.create(office.database, office.backup_dir, "manual",
                         now=NOON + dt.timedelta(days=1))
    assert backups.preview(office.database, now.file).lost == ()
    assert shown.backup_time == NOON


def test_restore_brings_back_the_old_data_and_records_itself(office, orgs):
    made = backups.create(office.database, office.backup_dir, "manual", now=NOON)
    old = _digests(office.database)
    _branch(orgs, "备份后的支部")
    changed = _digests(office.database)
    viewer = Actor("lisi", "李四", access.VIEWER)
    with pytest.raises(UserError):
        backups.restore(office.database, office.backup_dir, made.file, viewer)
    assert _digests(office.database) == changed
    admin = Actor("admin", "管理员", access.ADMIN)
    result = backups.restore(office.database, office.backup_dir, made.file, admin,
                             now=NOON + dt.timedelta(hours=1))
    assert _digests(office.database) == old
    assert "备份后的支部" not in _org_names(office.database)
    # The data before is kept, whole, as a before_restore backup.
    assert result.before_restore.file.name.endswith("-before_restore.sqlite3")
    assert backups.verify(result.before_restore.file) is None
    assert result.before_restore.manifest["digests"] == changed
    # The restore is in the restored file's audit log, whose chain holds.
    last = entries(office.database)[-1]
    assert (last.action, last.target, last.operator) == ("restore", made.file.name, "admin")
    assert chain_error(office.database) is None
    conn = connect(office.database)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def test_a_restore_in_a_folder_without_accounts_names_the_operator(office):
    from gridoffice.services.office import load_profile

    made = backups.create(office.database, office.backup_dir, "manual", now=NOON)
    backups.restore(office.database, office.backup_dir, made.file, None,
                    now=NOON + dt.timedelta(hours=1))
    profile = load_profile(office.database)
    assert profile is not None and profile.operator
    assert entries(office.database)[-1].operator == profile.operator
