"""Encryption at rest on real files: the conversion of a plain folder, the key wrapped
per account and under the recovery key, what a wrong password or key does, and
backups that share the data's key. Each refusal leaves the data as it was."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from gridoffice.domain import access
from gridoffice.errors import StorageError, UserError, ValidationError
from gridoffice.services import backups, encryption
from gridoffice.services.accounts import AccountDraft, AccountService
from gridoffice.services.audit import entries
from gridoffice.store import digest, driver, keys
from gridoffice.store.files import connect
from tests.conftest import TODAY

ID_NUMBER = "11010519491231002X"
PASSWORD = "secret-pass1"


def _digests(path: Path) -> dict[str, str]:
    conn = connect(path, read_only=True)
    try:
        return digest.digests(conn)
    finally:
        conn.close()


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _fresh_process(path: Path) -> None:
    """As a new run of the program: no key unlocked."""
    driver.set_key(path, None)


@pytest.fixture
def plain(db, app_paths):
    """A set-up plain folder with a member (with an ID number) and an administrator."""
    from gridoffice.services.orgs import OrgDraft, OrgService
    from gridoffice.services.roster import MemberDraft, RosterService

    founded = dt.date(2015, 1, 1)
    orgs = OrgService(db, operator="王芳", today=TODAY)
    org = orgs.create(OrgDraft("中共幸福里社区委员会", "committee", established=founded)).id
    roster = RosterService(db, operator="王芳", today=TODAY)
    roster.add(MemberDraft(name="李秀英", id_number=ID_NUMBER, mobile="13812345678",
                           join_date=dt.date(1985, 7, 1), status="full",
                           full_date=dt.date(1986, 7, 1), category="direct", org_id=org,
                           education="20", ethnicity="01"))
    db.close()
    AccountService(app_paths.database).add(AccountDraft("admin", access.ADMIN, "王芳"), PASSWORD)
    return app_paths


@pytest.fixture
def encrypted(plain):
    before = _digests(plain.database)
    result = encryption.encrypt(plain)
    assert _digests(plain.database) == before
    _fresh_process(plain.database)
    return plain, result


def test_a_folder_with_accounts_needs_encryption_and_an_open_one_does_not(db, app_paths):
    db.close()
    assert not encryption.needs_encryption(app_paths.database)
    AccountService(app_paths.database).set_open()
    assert not encryption.needs_encryption(app_paths.database)
    AccountService(app_paths.database).add(AccountDraft("admin", access.ADMIN), PASSWORD)
    assert encryption.needs_encryption(app_paths.database)


def test_the_encrypted_file_reads_as_noise_to_everything_but_the_key(encrypted, tmp_path):
    paths, result = encrypted
    path = paths.database
    assert keys.state(path) == keys.ENCRYPTED
    assert not path.read_bytes().startswith(b"SQLite format 3")
    with pytest.raises(sqlite3.DatabaseError):  # the standard library's own SQLite
        sqlite3.connect(path).execute("SELECT name FROM sqlite_master").fetchall()
    sqlite_cli = subprocess.run(["sh", "-c", "command -v sqlite3"], capture_output=True,
                                text=True).stdout.strip()
    if sqlite_cli:
        run = subprocess.run([sqlite_cli, str(path), ".tables"], capture_output=True, text=True)
        assert run.returncode != 0 and "not a database" in run.stderr
    every = b"".join(f.read_bytes() for f in paths.data_dir.rglob("*") if f.is_file())
    assert ID_NUMBER.encode() not in every  # the data file, its -wal, backups, key file
    assert "李秀英".encode() not in every
    assert keys.plain_backups(paths.backup_dir) == []
    assert len(result.code) == 41 and result.fingerprint == keys.KeyFile.load(path).fingerprint


def test_each_account_password_opens_it_and_a_wrong_one_counts_to_the_lock(encrypted):
    paths, _result = encrypted
    path = paths.database
    service = AccountService(path)
    assert service.mode() == "accounts" and keys.is_locked(path)
    for left in (4, 3, 2, 1):
        with pytest.raises(UserError) as wrong:
            service.sign_in("admin", "wrong-pass-1")
        assert wrong.value.values["left"] == left
        assert keys.is_locked(path)
    with pytest.raises(UserError, match="locked"):
        service.sign_in("admin", "wrong-pass-1")
    with pytest.raises(UserError, match="locked"):  # even the right one, until it ends
        service.sign_in("admin", PASSWORD)
    assert keys.is_locked(path)
    key_file = keys.KeyFile.load(path)
    key_file.set_tries("admin", 0, None)  # five minutes later
    key_file.save()
    actor = service.sign_in("admin", PASSWORD)
    assert actor.role == access.ADMIN and not keys.is_locked(path)
    failed = [e for e in entries(path) if e.action == "login_failed"]
    assert len(failed) == 6  # the tries made while the data was locked, now in the log
    assert keys.KeyFile.load(path).data["pending"] == []


def test_an_unknown_login_is_refused_like_a_wrong_password(encrypted):
    paths, _result = encrypted
    with pytest.raises(UserError) as refused:
        AccountService(paths.database).sign_in("11010519491231002X", PASSWORD)
    assert refused.value.message == "Wrong login name or password."
    assert ID_NUMBER not in keys.key_file(paths.database).read_text("utf-8")


def test_a_password_change_rewraps_the_key_and_never_reencrypts(encrypted):
    paths, _result = encrypted
    path = paths.database
    actor = AccountService(path).sign_in("admin", PASSWORD)
    salt = path.read_bytes()[:16]
    admin = AccountService(path, actor)
    admin.add(AccountDraft("zhang", access.STAFF, "张伟"), "zhang-pass1")
    admin.reset_password("zhang", "zhang-pass2")
    AccountService(path).change_password("admin", PASSWORD, "admin-pass2", "admin-pass2")
    assert path.read_bytes()[:16] == salt  # the same file key: nothing re-encrypted
    wraps = keys.KeyFile.load(path).data["accounts"]
    assert sorted(wraps) == ["admin", "zhang"] and all(len(w) == 1 for w in wraps.values())
    _fresh_process(path)
    with pytest.raises(UserError):
        AccountService(path).sign_in("admin", PASSWORD)
    _fresh_process(path)
    assert AccountService(path).sign_in("admin", "admin-pass2").login == "admin"
    _fresh_process(path)
    assert AccountService(path).sign_in("zhang", "zhang-pass2").login == "zhang"


def test_a_disabled_account_loses_its_wrap_and_gets_it_back_when_enabled(encrypted):
    paths, _result = encrypted
    path = paths.database
    admin = AccountService(path, AccountService(path).sign_in("admin", PASSWORD))
    admin.add(AccountDraft("zhang", access.STAFF), "zhang-pass1")
    admin.set_disabled("zhang", True)
    assert not keys.KeyFile.load(path).has_wrap("zhang")
    _fresh_process(path)
    with pytest.raises(UserError):  # its password no longer opens the data at all
        AccountService(path).sign_in("zhang", "zhang-pass1")
    admin = AccountService(path, AccountService(path).sign_in("admin", PASSWORD))
    admin.set_disabled("zhang", False)
    _fresh_process(path)
    assert AccountService(path).sign_in("zhang", "zhang-pass1").login == "zhang"


def test_a_crash_between_the_new_wrap_and_the_commit_keeps_both_passwords(encrypted):
    """The wrap for a new password is written before the change commits, keeping the
    old one: whichever state the crash left, one of the two passwords opens the data."""
    paths, _result = encrypted
    path = paths.database
    AccountService(path).sign_in("admin", PASSWORD)
    key = driver.key_of(path)
    key_file = keys.KeyFile.load(path)
    from gridoffice.services.accounts import hash_password

    key_file.wrap_for(key, "admin", hash_password("never-committed"), keep_old=True)
    key_file.save()  # ... and the process dies before the account table changes
    _fresh_process(path)
    assert AccountService(path).sign_in("admin", PASSWORD).login == "admin"
    assert len(keys.KeyFile.load(path).data["accounts"]["admin"]) == 1  # pruned


def test_the_recovery_key_opens_the_data_and_sets_a_new_admin_password(encrypted):
    paths, result = encrypted
    path = paths.database
    login = encryption.recover_admin(paths, result.code.lower().replace("-", " "), None,
                                     lambda _name: ("brand-new-9", "brand-new-9"))
    assert login == "admin"
    _fresh_process(path)
    assert AccountService(path).sign_in("admin", "brand-new-9").role == access.ADMIN
    assert any(e.action == "recovery_key_unlock" for e in entries(path))


def test_a_new_recovery_key_replaces_the_old_one(encrypted):
    paths, result = encrypted
    path = paths.database
    actor = AccountService(path).sign_in("admin", PASSWORD)
    staff = access.Actor("zhang", "张伟", access.STAFF)
    with pytest.raises(access.PermissionDenied):
        encryption.new_recovery_key(path, staff)
    code = encryption.new_recovery_key(path, actor, backup_dir=paths.backup_dir)
    assert any(e.action == "recovery_key_print" for e in entries(path))
    _fresh_process(path)
    with pytest.raises(ValidationError) as old:
        encryption.unlock_with_recovery(path, result.code)
    assert old.value.field == "recovery_key"
    assert keys.is_locked(path)
    assert encryption.unlock_with_recovery(path, code) == driver.key_of(path)
    assert not keys.is_locked(path)


def test_a_lost_key_file_is_rewritten_from_its_copy_with_the_recovery_key(encrypted):
    paths, result = encrypted
    path = paths.database
    keys.key_file(path).unlink()
    with pytest.raises(StorageError):  # no password can help now
        AccountService(path).sign_in("admin", PASSWORD)
    encryption.unlock_with_recovery(path, result.code, paths.backup_dir)
    assert keys.key_file(path).exists()
    _fresh_process(path)
    assert AccountService(path).sign_in("admin", PASSWORD).login == "admin"


def test_a_typo_in_the_recovery_key_is_caught_before_any_key_is_tried(encrypted):
    paths, result = encrypted
    typo = result.code[:5] + ("Z" if result.code[5] != "Z" else "Y") + result.code[6:]
    with pytest.raises(ValidationError) as refused:
        encryption.unlock_with_recovery(paths.database, typo)
    assert refused.value.field == "recovery_key"
    assert keys.is_locked(paths.database)


def test_a_failed_conversion_leaves_the_plain_file_as_it_was(plain):
    path = plain.database
    before = _digests(path)
    blocker = path.with_name(path.name + ".encrypting")
    blocker.mkdir()  # the encrypted copy cannot be written
    (blocker / "x").write_text("x")
    with pytest.raises(StorageError) as failed:
        encryption.encrypt(plain)
    assert "unencrypted" in failed.value.english()
    assert keys.state(path) == keys.PLAIN and not keys.key_file(path).exists()
    assert _digests(path) == before
    conn = sqlite3.connect(path)  # still an ordinary SQLite file in WAL mode
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    assert AccountService(path).sign_in("admin", PASSWORD).login == "admin"


def test_a_key_file_left_by_a_conversion_cut_short_is_set_aside(plain):
    path = plain.database
    keys.key_file(path).write_text('{"accounts": {}, "fingerprint": "stale"}', "utf-8")
    assert keys.state(path) == keys.STALE_KEY_FILE
    assert encryption.needs_encryption(path)
    encryption.encrypt(plain)
    assert keys.state(path) == keys.ENCRYPTED
    assert list(path.parent.glob("gridoffice.sqlite3.keys.stale-*"))


def test_a_damaged_key_file_is_named(encrypted):
    paths, _result = encrypted
    keys.key_file(paths.database).write_text("{not json", "utf-8")
    with pytest.raises(StorageError) as damaged:
        AccountService(paths.database).sign_in("admin", PASSWORD)
    assert "recovery key" in damaged.value.english()


def test_backups_are_encrypted_with_the_data_key_and_name_a_foreign_key(encrypted, tmp_path):
    paths, _result = encrypted
    path = paths.database
    AccountService(path).sign_in("admin", PASSWORD)
    made = backups.create(path, paths.backup_dir, backups.MANUAL)
    assert made.manifest["encrypted"] is True and made.manifest["recovery"]["wrapped"]
    assert ID_NUMBER.encode() not in made.file.read_bytes()
    assert backups.verify(made.file, driver.key_of(path)) is None
    assert "sign in" in backups.verify(made.file).english()
    other = keys.new_key()
    assert "another key" in backups.verify(made.file, other).english()
    shown = backups.preview(path, made.file)
    assert shown.counts_backup["members"] == 1


def test_a_plain_backup_from_before_restores_into_encrypted_data(plain):
    path = plain.database
    old = backups.create(path, plain.backup_dir, backups.MANUAL)
    outside = plain.data_dir.parent / "usb"
    outside.mkdir()
    for file in (old.file, backups.manifest_path(old.file)):
        os.replace(file, outside / file.name)  # kept away from the conversion
    copy = outside / old.file.name
    encryption.encrypt(plain)
    actor = AccountService(path).sign_in("admin", PASSWORD)
    before = _digests(path)
    done = backups.restore(path, plain.backup_dir, copy, actor)
    assert keys.state(path) == keys.ENCRYPTED
    assert _digests(path) == before
    assert done.before_restore.file.exists()


def test_the_key_file_holds_no_key_and_no_password(encrypted):
    paths, _result = encrypted
    text = keys.key_file(paths.database).read_text("utf-8")
    AccountService(paths.database).sign_in("admin", PASSWORD)
    key = driver.key_of(paths.database)
    assert key.hex() not in text and PASSWORD not in text
    data = json.loads(text)
    assert data["fingerprint"] == keys.fingerprint(key)


CONVERT = r"""
import sys, time
from gridoffice.paths import AppPaths
from gridoffice.services import encryption
from pathlib import Path
paths = AppPaths(Path(sys.argv[1]), True)
stop_at = int(sys.argv[2])
def progress(done, total):
    print(f"step {done}", flush=True)
    if done == stop_at:
        time.sleep(60)
    return True
encryption.encrypt(paths, progress=progress)
print("finished", flush=True)
time.sleep(60)
"""


@pytest.mark.slow
@pytest.mark.parametrize("stop_at", [1, 2, 3, 4, 5])
def test_kill_during_the_conversion_leaves_plain_or_encrypted_never_half(plain, stop_at):
    """SIGKILL at each step of the conversion: the data opens afterwards, as the plain
    file it was (and converts again) or as the encrypted file with the password."""
    path = plain.database
    before = _digests(path)
    child = subprocess.Popen([sys.executable, "-c", CONVERT, str(plain.data_dir),
                              str(stop_at)], stdout=subprocess.PIPE, text=True,
                             cwd=Path(__file__).resolve().parents[2])
    assert child.stdout is not None
    for line in child.stdout:
        if line.strip() == f"step {stop_at}":
            break
    child.kill()
    child.wait()
    state = keys.state(path)
    if state in (keys.PLAIN, keys.STALE_KEY_FILE):
        assert _digests(path) == before
        encryption.encrypt(plain)  # the next start converts it
        _fresh_process(path)
    else:
        assert state == keys.ENCRYPTED
    AccountService(path).sign_in("admin", PASSWORD)
    conn = connect(path, read_only=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    assert _digests(path) == before
    assert not path.with_name(path.name + ".encrypting").exists()
    encryption.encrypt_plain_backups(plain)  # the window's background check does this
    assert keys.plain_backups(plain.backup_dir) == []


def _mount(folder: Path, size: str) -> bool:
    import shutil

    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    folder.mkdir(parents=True, exist_ok=True)
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs",
                           str(folder)], capture_output=True).returncode == 0


def test_a_full_disk_while_backing_up_encrypted_data_leaves_nothing_half(encrypted):
    paths, _result = encrypted
    path = paths.database
    AccountService(path).sign_in("admin", PASSWORD)
    conn = connect(path)  # a database larger than the small disk
    conn.execute("CREATE TABLE filler (data BLOB)")
    conn.executemany("INSERT INTO filler VALUES (randomblob(4000))", [()] * 400)
    conn.close()
    tiny = paths.data_dir.parent / "tiny"
    if not _mount(tiny, "1m"):
        pytest.skip("needs root and tmpfs to fill a disk")
    try:
        before = _digests(path)
        with pytest.raises(StorageError) as full:
            backups.create(path, tiny, backups.MANUAL)
        assert "full" in full.value.english()
        assert list(tiny.iterdir()) == []
        assert _digests(path) == before
    finally:
        subprocess.run(["umount", str(tiny)], check=False)


def test_a_full_disk_during_the_conversion_leaves_the_plain_file(db, tmp_path):
    """The data folder on a small disk: the plain file and its backup fit, the encrypted
    copy does not; the conversion stops and the data stays plain and as it was."""
    import shutil

    from gridoffice import paths as app_paths_module

    db.close()
    source = Path(db.path).parent
    conn = connect(db.path)
    conn.execute("CREATE TABLE filler (data BLOB)")
    conn.executemany("INSERT INTO filler VALUES (randomblob(4000))", [()] * 200)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    used = sum(f.stat().st_size for f in source.rglob("*") if f.is_file())
    size = used + Path(db.path).stat().st_size + 200 * 1024  # the backup fits, the copy not
    disk = tmp_path / "disk"
    if not _mount(disk, f"{size // 1024}k"):
        pytest.skip("needs root and tmpfs to fill a disk")
    try:
        folder = disk / "data"
        shutil.copytree(source, folder)
        paths = app_paths_module.resolve(folder)
        AccountService(paths.database).add(AccountDraft("admin", access.ADMIN), PASSWORD)
        before = _digests(paths.database)
        with pytest.raises(UserError) as full:
            encryption.encrypt(paths)
        assert "full" in full.value.english()
        assert list(paths.backup_dir.glob("gridoffice-plain-*"))  # it got that far
        assert keys.state(paths.database) == keys.PLAIN
        assert not paths.database.with_name(paths.database.name + ".encrypting").exists()
        assert _digests(paths.database) == before
        assert AccountService(paths.database).sign_in("admin", PASSWORD).login == "admin"
    finally:
        subprocess.run(["umount", str(disk)], check=False)
