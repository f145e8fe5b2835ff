"""Encrypting a data folder, its recovery key, and opening it with that key (issue 16).

A folder with accounts keeps its data encrypted; a folder without accounts (the
demo, ``setup --open``) stays plain. :func:`needs_encryption` says when a plain
folder must be converted: it has accounts (its first administrator was just
added, or it was set up by a program from before encryption). :func:`encrypt`
converts it:

1. a backup of the data as it was (later encrypted like every other backup);
2. the plain file checkpointed into rollback-journal mode (no -wal beside it);
3. an encrypted copy written next to it (``sqlcipher_export``), checked
   (integrity_check, every table's rows compared with the plain file);
4. the key file written (the key wrapped for every enabled account and for a new
   recovery key);
5. the encrypted copy renamed over the plain file; WAL mode again;
6. the plain backups in the backups folder encrypted in place.

A failure or a crash before step 5 leaves the plain file as it was (a key file
left by a crash between steps 4 and 5 is recognised as stale at the next start and
set aside); after it, the data is encrypted and the plain backups are encrypted
at the next sign-in if step 6 did not finish. No Qt.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from gridoffice.domain import access
from gridoffice.domain.access import Actor
from gridoffice.domain.recovery_code import KEY_BYTES as RECOVERY_BYTES
from gridoffice.domain.recovery_code import format_code, parse_code
from gridoffice.errors import StorageError, UserError
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.paths import AppPaths
from gridoffice.services import account_mode
from gridoffice.store import audit as store_audit
from gridoffice.store import driver, files, keys, settings

log = logging.getLogger(__name__)

RECOVERY_PRINT = "recovery_key_print"
ENCRYPTED_ACTION = "data_encrypted"
Progress = keys.Progress

MSG_ENCRYPT_FAILED = QT_TRANSLATE_NOOP(
    "errors", "Encrypting the data file {path} failed ({detail}). The data was left as it "
    "was, unencrypted; a copy is in {backup}.")
MSG_ENCRYPT_BUSY = QT_TRANSLATE_NOOP(
    "errors", "The data file {path} is in use by another GridOffice window or command, so "
    "it cannot be encrypted now. Close the others and start again; nothing was changed.")
MSG_NOT_ENCRYPTED = QT_TRANSLATE_NOOP(
    "errors", "The data in {path} is not encrypted (a folder without accounts): it has no "
    "recovery key.")


@dataclass(frozen=True)
class EncryptResult:
    code: str  # the recovery key, shown once: print it
    fingerprint: str
    backup: Path | None
    backups_encrypted: int


needs_encryption = account_mode.needs_encryption


def _set_stale_aside(database: Path) -> None:
    """A key file beside a plain data file is what a conversion cut short left: the
    data was never replaced, so the key file opens nothing. It is kept, renamed."""
    stale = keys.key_file(database)
    if stale.exists() and driver.has_sqlite_header(database):
        aside = stale.with_name(f"{stale.name}.stale-{dt.datetime.now():%Y%m%d-%H%M%S}")
        os.replace(stale, aside)
        log.warning("set aside the key file %s of a conversion that did not finish", aside)


def encrypt(paths: AppPaths, *, progress: Progress | None = None,
            now: dt.datetime | None = None) -> EncryptResult:
    """Convert the plain data file of ``paths`` (see the module's text); the new recovery
    key is in the result, to be printed. Raises StorageError and leaves the plain file
    as it was when anything fails before the switch."""
    database, backup_dir = paths.database, paths.backup_dir
    now = now or dt.datetime.now()

    def step(done: int) -> None:
        if progress is not None:
            progress(done, 6)

    _set_stale_aside(database)
    step(0)
    before = files.backup(database, backup_dir, "plain")
    step(1)
    target = database.with_name(database.name + ".encrypting")
    key = keys.new_key()
    raw = os.urandom(RECOVERY_BYTES)
    conn = driver.connect(database, key=None)
    switched = False
    try:
        files.configure(conn)
        try:
            mode = str(conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]).lower()
        except driver.OperationalError as exc:
            raise StorageError(MSG_ENCRYPT_BUSY, path=str(database)) from exc
        if mode != "delete":
            raise StorageError(MSG_ENCRYPT_BUSY, path=str(database))
        hashes = keys.account_hashes(conn)
        profile = dict(conn.execute("SELECT key, value FROM setting").fetchall())
        target.unlink(missing_ok=True)
        keys.export_encrypted(conn, target, key)
        step(2)
        copy = driver.connect(target, key=key)
        try:
            check = copy.execute("PRAGMA integrity_check").fetchone()[0]
            differs = keys.compare_copies(conn, copy) if check == "ok" else check
        finally:
            copy.close()
        if differs is not None:
            raise driver.DatabaseError(f"the encrypted copy differs in {differs}")
        step(3)
        key_file = keys.KeyFile.for_database(database)
        key_file.data["fingerprint"] = keys.fingerprint(key)
        for login, stored in hashes.items():
            key_file.wrap_for(key, login, stored)
        key_file.set_recovery(key, raw, now)
        key_file.set_preface(profile.get(settings.OFFICE_NAME, ""),
                             profile.get(settings.LANGUAGE, ""))
        key_file.save(mirror=backup_dir)
        step(4)
        conn.close()
        os.replace(target, database)
        switched = True
    except BaseException as exc:
        with contextlib.suppress(driver.Error):  # closed already after the switch
            conn.execute("PRAGMA journal_mode = WAL")
        conn.close()
        leftovers = [target] if switched else [target, keys.key_file(database)]
        for leftover in leftovers:
            with contextlib.suppress(OSError):
                leftover.unlink()
        if isinstance(exc, (driver.Error, OSError)) and not isinstance(exc, StorageError):
            raise StorageError(MSG_ENCRYPT_FAILED, path=str(database), detail=str(exc),
                               backup=str(before)) from exc
        raise
    for leftover in ("-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            database.with_name(database.name + leftover).unlink()
    driver.set_key(database, key)
    live = files.connect(database)
    try:
        live.execute("PRAGMA journal_mode = WAL")
        live.execute("BEGIN IMMEDIATE")
        store_audit.record_sql(live, "", ENCRYPTED_ACTION, database.name,
                               keys.fingerprint(key))
        live.execute("COMMIT")
    finally:
        live.close()
    step(5)
    done = encrypt_plain_backups(paths)
    step(6)
    log.info("encrypted %s (key %s); %d backups encrypted", database, keys.fingerprint(key),
             done)
    return EncryptResult(format_code(raw), keys.fingerprint(key), before, done)


def encrypt_plain_backups(paths: AppPaths) -> int:
    """Encrypt the plain copies left in the backups folder (after a conversion, or one cut
    short); how many were encrypted."""
    key = driver.key_of(paths.database)
    if key is None:
        return 0
    from gridoffice.services import backups

    return len(keys.encrypt_backups(keys.plain_backups(paths.backup_dir), key,
                                    rewrite_manifest=backups.refresh_manifest))


# --- the recovery key ----------------------------------------------------------------------
def new_recovery_key(database: Path, actor: Actor | None, *,
                     now: dt.datetime | None = None, backup_dir: Path | None = None) -> str:
    """A new recovery key for the unlocked data at ``database`` (the administrator's,
    audited); the old sheet stops working. The key to print is returned."""
    if actor is not None:
        actor.require(access.ACCOUNTS)
    key = driver.key_of(database)
    if key is None or keys.state(database) != keys.ENCRYPTED:
        raise UserError(MSG_NOT_ENCRYPTED, path=str(database))
    raw = os.urandom(RECOVERY_BYTES)
    key_file = keys.KeyFile.load(database)
    conn = files.connect(database)
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            key_file.set_recovery(key, raw, now or dt.datetime.now())
            key_file.save(mirror=backup_dir)
            store_audit.record_sql(conn, actor.audit_name if actor else "", RECOVERY_PRINT,
                                   database.name, key_file.fingerprint)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    finally:
        conn.close()
    return format_code(raw)


def unlock_with_recovery(database: Path, code: str, backup_dir: Path | None = None) -> bytes:
    """The data key from the recovery key typed as ``code`` (made known to this
    process). The key file beside the data, or its copy in the backups folder, holds
    the wrap; a wrong key raises a UserError naming the field."""
    raw = parse_code(code)
    candidates = [keys.key_file(database)]
    if backup_dir is not None:
        candidates.append(backup_dir / keys.key_file(database).name)
    problem: UserError | None = None
    for candidate in candidates:
        try:
            key_file = keys.KeyFile.load_file(candidate, database)
        except UserError as exc:
            problem = problem or exc
            continue
        key = key_file.unwrap_recovery(raw)
        if key is not None:
            driver.set_key(database, key)
            if not keys.key_file(database).exists():  # lost: written again from the copy
                keys.KeyFile(keys.key_file(database), key_file.data).save()
            return key
    if problem is not None and not any(c.exists() for c in candidates):
        raise problem
    from gridoffice.errors import ValidationError

    raise ValidationError("recovery_key", keys.MSG_RECOVERY_WRONG, path=str(database))


def recover_admin(paths: AppPaths, code: str, login: str | None,
                  ask_password: Callable[[str], tuple[str, str | None]]) -> str:
    """Open the data with the recovery key ``code`` and give an administrator (``login``,
    or the first one) a new password asked for with ``ask_password(login)``; the
    login. Audited; the account is enabled and unlocked."""
    from gridoffice.services.accounts import AccountService

    database = paths.database
    if keys.state(database) not in (keys.ENCRYPTED, keys.NO_KEY_FILE):
        raise UserError(MSG_NOT_ENCRYPTED, path=str(database))
    unlock_with_recovery(database, code, paths.backup_dir)
    files.open_database(paths)
    service = AccountService(database)
    chosen = service.recovery_admin(login)
    password, repeat = ask_password(chosen)
    service.recover_admin(chosen, password, repeat)
    return chosen
