"""Opening the database file: checks, pragmas, backups and migrations.

Plain DB-API (:mod:`gridoffice.store.driver`) only, so the headless commands and
the start of the GUI do not pay for importing SQLAlchemy. A file that is not ours,
is damaged or was written by a newer program is refused before anything is
written to it.
"""

from __future__ import annotations

import contextlib
import logging
import time
from dataclasses import dataclass
from pathlib import Path

from gridoffice.domain.hlc import uuid7
from gridoffice.errors import StorageError, UserError, fault_error
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.paths import AppPaths, ensure_writable_dir, storage_error
from gridoffice.store import driver
from gridoffice.store.migrations import STEPS, current_version

log = logging.getLogger(__name__)

APPLICATION_ID = 0x47524F46  # "GROF": marks the file as a GridOffice database
SQLITE_HEADER = driver.SQLITE_HEADER
BUSY_TIMEOUT_MS = 5000

MSG_NOT_OURS = QT_TRANSLATE_NOOP(
    "errors",
    "{path} is not a GridOffice database. Choose another data folder; the file was not changed.",
)
MSG_DAMAGED = QT_TRANSLATE_NOOP(
    "errors",
    "The database {path} is damaged ({detail}). Nothing was changed; restore a copy "
    "from {backups}.",
)
MSG_NEWER = QT_TRANSLATE_NOOP(
    "errors",
    "The database {path} was written by a newer GridOffice (data version {found}; this "
    "program reads up to {supported}). Install the newer program; the file was not changed.",
)
MSG_LOCKED = QT_TRANSLATE_NOOP(
    "errors",
    "The database {path} is in use by another program. Close the other GridOffice window "
    "or command and try again.",
)
MSG_EMPTY = QT_TRANSLATE_NOOP(
    "errors",
    "The database {path} is an empty file (0 bytes): it is probably damaged. Nothing was "
    "changed and the file was kept; restore a backup copy of it, or move it away to start "
    "a new office.",
)
MSG_MIGRATION_FAILED = QT_TRANSLATE_NOOP(
    "errors",
    "Updating the database {path} failed ({detail}). The data was left as it was; a copy "
    "is in {backup}.",
)


@dataclass(frozen=True)
class OpenedDatabase:
    path: Path
    schema_version: int
    created: bool
    migrated_from: int | None
    backup: Path | None


def configure(conn: driver.Connection) -> driver.Connection:
    """The pragmas every connection gets (ARCHITECTURE.md: WAL, FK, FULL sync)."""
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def connect(path: Path, *, read_only: bool = False) -> driver.Connection:
    """A configured connection in autocommit mode (we issue BEGIN ourselves), keyed
    with the key unwrapped for ``path`` when the file is encrypted."""
    return configure(driver.connect(path, read_only=read_only))


def _is_locked(exc: driver.Error) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def translate_sqlite_error(path: Path, exc: driver.Error, backups: Path) -> UserError:
    """What the user reads for ``exc``: "damaged" only when the file is, not when the
    disk is full or the file cannot be written."""
    if _is_locked(exc):
        return StorageError(MSG_LOCKED, path=str(path))
    if isinstance(exc, driver.OperationalError) and "unable to open" in str(exc).lower():
        return storage_error(path, PermissionError(13, str(exc)))
    fault = fault_error(exc)
    if fault is not None:
        return fault
    return StorageError(MSG_DAMAGED, path=str(path), detail=str(exc), backups=str(backups))


def refuse_empty(path: Path) -> None:
    """Refuse a zero-length database file, keeping it: it is never taken for a new
    office (that would make new keys and lose track of the old data)."""
    try:
        empty = path.is_file() and path.stat().st_size == 0
    except OSError:
        return
    if empty:
        raise StorageError(MSG_EMPTY, path=str(path))


def inspect(path: Path, backups: Path, *, quick_check: bool = True) -> tuple[int, int]:
    """``(application_id, user_version)`` of an existing file, read-only.

    Refuses files that are not SQLite, are damaged, or belong to another
    program, and a zero-length file (damaged, never a new office). ``quick_check`` reads every page
    (tens of milliseconds per ten megabytes): the window skips it at start and
    runs :func:`check_integrity` once it shows.
    """
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise storage_error(path, exc) from exc
    if not header:
        raise StorageError(MSG_EMPTY, path=str(path))
    key = driver.key_of(path)
    if header != SQLITE_HEADER:
        from gridoffice.store import keys

        if not keys.key_file(path).exists():
            raise StorageError(MSG_NOT_OURS, path=str(path))
        if key is None:
            raise keys.KeyNeeded(keys.MSG_KEY_NEEDED, path=str(path))
    try:
        conn = connect(path, read_only=True)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            # (another program's tables, told only when the id is not ours: reading the
            # schema costs about 2 ms at every start)
            tables = (0 if app_id == APPLICATION_ID else
                      conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0])
            check = conn.execute("PRAGMA quick_check").fetchone()[0] if quick_check else "ok"
        finally:
            conn.close()
    except driver.Error as exc:
        if header != SQLITE_HEADER and "not a database" in str(exc):
            from gridoffice.store import keys

            raise StorageError(keys.MSG_WRONG_KEY, path=str(path)) from exc
        raise translate_sqlite_error(path, exc, backups) from exc
    if app_id != APPLICATION_ID and (app_id != 0 or tables):
        raise StorageError(MSG_NOT_OURS, path=str(path))
    if check != "ok":
        raise StorageError(MSG_DAMAGED, path=str(path), detail=check, backups=str(backups))
    if version > current_version():
        raise StorageError(
            MSG_NEWER, path=str(path), found=version, supported=current_version()
        )
    return app_id, version


def check_integrity(path: Path, backups: Path) -> StorageError | None:
    """The full page check the window runs after it shows: the error to show when
    the file is damaged (restore a backup), None when it is sound."""
    try:
        conn = connect(path, read_only=True)
        try:
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            conn.close()
    except driver.Error as exc:
        return translate_sqlite_error(path, exc, backups)
    if check != "ok":
        return StorageError(MSG_DAMAGED, path=str(path), detail=check, backups=str(backups))
    return None


def snapshot(path: Path, target: Path) -> None:
    """Write a consistent copy of the database at ``path`` into the new file ``target``
    through SQLite's backup API (never a file copy of a live database).

    The one place every backup copy is written (before a migration, daily, before a
    sync import or a restore, on demand). The copy is encrypted with the database's
    own key when the database is (a plain folder gives a plain copy), and is a
    rollback-journal file that needs no -wal or -shm beside it.
    Raises driver.Error or OSError; the caller removes ``target`` on failure.
    """
    source = connect(path, read_only=True)
    try:
        dest = driver.connect(target, key=driver.key_of(path))
        try:
            source.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
    finally:
        source.close()


def backup(path: Path, backup_dir: Path, label: str) -> Path:
    """Copy the database (consistently, through SQLite) into ``backup_dir``."""
    ensure_writable_dir(backup_dir)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = backup_dir / f"gridoffice-{label}-{stamp}.sqlite3"
    n = 1
    while target.exists():
        n += 1
        target = backup_dir / f"gridoffice-{label}-{stamp}-{n}.sqlite3"
    partial = target.with_suffix(".part")
    try:
        snapshot(path, partial)
        partial.replace(target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise storage_error(target, exc) from exc
    except driver.Error as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise translate_sqlite_error(path, exc, backup_dir) from exc
    return target


def _digest(path: Path) -> str:
    import hashlib

    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def _keep_one(new: Path) -> Path:
    """The backup before a migration, kept once: when an earlier attempt (that failed,
    leaving the data as it was) already left the same copy, the new one is removed
    and the earlier one is the copy (a failing update must not fill the disk)."""
    label = new.name.split("-")[1]
    try:
        size = new.stat().st_size
        earlier = [p for p in new.parent.glob(f"gridoffice-{label}-*.sqlite3")
                   if p != new and p.stat().st_size == size]
        if earlier:
            mine = _digest(new)
            for other in sorted(earlier):
                if _digest(other) == mine:
                    new.unlink()
                    return other
    except OSError:
        log.warning("could not compare the backup %s with earlier ones", new)
    return new


def _migrate(conn: driver.Connection, start: int) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        for version in range(start, current_version()):
            STEPS[version](conn)
        conn.execute(f"PRAGMA user_version = {current_version()}")
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        _init_meta(conn)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _init_meta(conn: driver.Connection) -> None:
    """Identity of this copy of the data, created once."""
    now = time.strftime("%Y-%m-%dT%H:%M:%S")
    defaults = {
        "replica_id": uuid7(),
        "office_id": uuid7(),
        "incarnation": uuid7(),
        "created_at": now,
        "hlc_last": "0",
    }
    conn.executemany(
        "INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)", list(defaults.items())
    )


def open_database(paths: AppPaths, *, quick_check: bool = True) -> OpenedDatabase:
    """Create or check the database and bring it to the current schema.

    Before any migration of existing data a backup copy is written; a failed
    migration is rolled back and leaves the file as it was. ``quick_check=False``
    (the window's start) leaves the page check to :func:`check_integrity`, except
    before a migration, which never runs on a damaged file.
    """
    ensure_writable_dir(paths.data_dir)
    path = paths.database
    refuse_empty(path)
    exists = path.exists()
    version = inspect(path, paths.backup_dir, quick_check=quick_check)[1] if exists else 0
    if exists and not quick_check and version < current_version():
        inspect(path, paths.backup_dir)
    backup_path: Path | None = None
    if exists and version < current_version():
        backup_path = _keep_one(backup(path, paths.backup_dir, f"schema{version}"))
    if version == current_version():
        return OpenedDatabase(path, version, False, None, None)
    try:
        conn = driver.connect(path)
        try:
            configure(conn)
            conn.execute("PRAGMA journal_mode = WAL")
            _migrate(conn, version)
        finally:
            conn.close()
    except driver.Error as exc:
        if _is_locked(exc):
            raise StorageError(MSG_LOCKED, path=str(path)) from exc
        if exists:
            raise StorageError(
                MSG_MIGRATION_FAILED, path=str(path), detail=str(exc), backup=str(backup_path)
            ) from exc
        with contextlib.suppress(OSError):
            path.unlink()
        raise translate_sqlite_error(path, exc, paths.backup_dir) from exc
    except OSError as exc:
        raise storage_error(path, exc) from exc
    if exists:
        log.info("migrated %s from schema %d to %d", path, version, current_version())
    return OpenedDatabase(path, current_version(), not exists, version if exists else None,
                          backup_path)


