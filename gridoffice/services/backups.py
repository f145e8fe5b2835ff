"""Backups of the data file: made, kept by a rotation, listed, verified, previewed and
restored (issue 16). Plain ``sqlite3``, no Qt.

A backup is ``<data>/backups/gridoffice-YYYYmmdd-HHMMSS-<kind>.sqlite3`` with a manifest
``<same name>.json`` beside it (time, program and schema version, kind, size, sha256,
counts and digests as ``gridoffice-cli info --json`` shows them). Every copy is written
by :func:`gridoffice.store.files.snapshot` (the SQLite backup API), first under a
``.part`` name, checked with ``PRAGMA integrity_check``, described by its manifest and
only then renamed: a file with the final name is always whole. The copies a schema
update leaves (``gridoffice-schemaN-….sqlite3``, :func:`gridoffice.store.files.backup`)
are written by the same function but are not part of this list or the rotation.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import json
import logging
import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gridoffice import __version__
from gridoffice.domain import access
from gridoffice.domain.access import Actor
from gridoffice.domain.hlc import unpack
from gridoffice.errors import StorageError, UserError
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.paths import ensure_writable_dir, storage_error
from gridoffice.store import audit as store_audit
from gridoffice.store import digest, driver, keys, migrations
from gridoffice.store.files import APPLICATION_ID, connect, snapshot

log = logging.getLogger(__name__)

DAILY, MANUAL, BEFORE_SYNC, BEFORE_RESTORE = "daily", "manual", "before_sync", "before_restore"
KINDS = (DAILY, MANUAL, BEFORE_SYNC, BEFORE_RESTORE)
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
LOST_LIMIT = 20
LEFTOVER_AGE_S = 600  # a partial file older than this is no backup still being written
RESTORE_ACTION = "restore"
BACKUP_ACTION = "backup"

_NAME = re.compile(r"^gridoffice-(?P<stamp>\d{8}-\d{6})-(?P<kind>[a-z_]+?)(?:-(?P<n>\d+))?"
                   r"\.sqlite3$")
_STAMP = "%Y%m%d-%H%M%S"

MSG_NO_MANIFEST = QT_TRANSLATE_NOOP(
    "errors", "The backup {file} has no readable manifest ({manifest}): it is incomplete or "
    "damaged and cannot be restored; nothing was changed.")
MSG_MISMATCH = QT_TRANSLATE_NOOP(
    "errors", "The backup {file} does not match its manifest ({what} differs): it was changed "
    "or damaged after it was written and cannot be restored; nothing was changed.")
MSG_DAMAGED = QT_TRANSLATE_NOOP(
    "errors", "The backup {file} is damaged ({detail}) and cannot be restored; nothing was "
    "changed.")
MSG_NOT_OURS = QT_TRANSLATE_NOOP(
    "errors", "{file} is not a GridOffice backup; nothing was changed.")
MSG_NEWER = QT_TRANSLATE_NOOP(
    "errors", "The backup {file} was written by a newer GridOffice (data version {found}; "
    "this program reads up to {supported}). Install the newer program to restore it; "
    "nothing was changed.")
MSG_MISSING = QT_TRANSLATE_NOOP(
    "errors", "The backup {file} does not exist; nothing was changed.")
MSG_COPY_CHECK = QT_TRANSLATE_NOOP(
    "errors", "The backup copy of {path} failed its check ({detail}); it was removed. The "
    "database may be damaged: run the integrity check.")
MSG_SECOND_FOLDER = QT_TRANSLATE_NOOP(
    "errors", "The backup was made in {folder}, but could not be copied to the second folder "
    "{second} ({reason}). Connect the drive or choose another folder in Settings.")
MSG_ENCRYPTED_LOCKED = QT_TRANSLATE_NOOP(
    "errors", "The backup {file} is encrypted: sign in to the office whose data it is to "
    "check or restore it; nothing was changed.")
MSG_OTHER_KEY = QT_TRANSLATE_NOOP(
    "errors", "The backup {file} is encrypted with another key than this office's data (a "
    "backup of another office or PC, or damaged): it cannot be opened here; nothing was "
    "changed.")
MSG_BAD_KIND = QT_TRANSLATE_NOOP(
    "errors", "Backup kind: {kind} is not one of {kinds}.")


@dataclass(frozen=True)
class BackupResult:
    file: Path
    manifest: dict[str, Any]
    deleted: tuple[Path, ...] = ()
    second_copy: Path | None = None
    warning: UserError | None = None  # the second folder was missing or unwritable


@dataclass(frozen=True)
class BackupInfo:
    time: dt.datetime
    file: Path
    size: int
    kind: str
    counts: dict[str, int] = field(default_factory=dict)
    schema_version: int | None = None
    version: str = ""
    damaged: bool = False  # no readable manifest


@dataclass(frozen=True)
class LostRecord:
    table: str
    name: str  # the record's name, or its id when its table has no name column
    changed: dt.datetime
    named: bool = True  # False: ``name`` is the id (a history entry, a placement …)


@dataclass(frozen=True)
class RestorePreview:
    file: Path
    backup_time: dt.datetime | None
    counts_now: dict[str, int]
    counts_backup: dict[str, int]
    lost: tuple[LostRecord, ...]  # the newest LOST_LIMIT records changed after the backup
    lost_total: int


@dataclass(frozen=True)
class RestoreResult:
    file: Path
    before_restore: BackupResult
    preview: RestorePreview


# --- names and manifests -----------------------------------------------------------------
def manifest_path(file: Path) -> Path:
    return file.with_name(file.name + ".json")


def _time_of(file: Path) -> dt.datetime | None:
    found = _NAME.match(file.name)
    if found is None:
        return None
    try:
        return dt.datetime.strptime(found["stamp"], _STAMP)
    except ValueError:
        return None


def _read_manifest(file: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(manifest_path(file).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _sha256(path: Path) -> str:
    sha = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            sha.update(block)
    return sha.hexdigest()


def _open_copy(file: Path, key: bytes | None) -> driver.Connection:
    """A read-only connection to a backup file that never writes beside it; an
    encrypted one is opened with ``key`` (the data's own: backups share it)."""
    return driver.connect(file, immutable=True, key=key if _encrypted(file) else None)


def _encrypted(file: Path) -> bool:
    return driver.has_sqlite_header(file) is False


def _key_facts(path: Path, file: Path) -> dict[str, Any]:
    """What the manifest says about the copy's key: whether it is encrypted, which key
    (fingerprint) and the recovery key's wrap, so that the copy opens on another PC
    with the recovery-key sheet."""
    if not _encrypted(file):
        return {"encrypted": False}
    facts: dict[str, Any] = {"encrypted": True}
    with contextlib.suppress(UserError):
        key_file = keys.KeyFile.load(path)
        facts["key_fingerprint"] = key_file.fingerprint
        facts["recovery"] = key_file.data.get("recovery")
    return facts


def _describe(file: Path, kind: str, now: dt.datetime, key: bytes | None) -> dict[str, Any]:
    conn = _open_copy(file, key)
    try:
        schema = conn.execute("PRAGMA user_version").fetchone()[0]
        counts, digests = digest.counts(conn), digest.digests(conn)
    finally:
        conn.close()
    return {"time": now.isoformat(timespec="seconds"), "version": __version__,
            "schema_version": schema, "kind": kind, "file": file.name,
            "size": file.stat().st_size, "sha256": _sha256(file),
            "counts": counts, "digests": digests}


def refresh_manifest(file: Path) -> None:
    """After a copy was encrypted in place: its size, sha256 and key facts again (the
    counts and digests of its rows are unchanged)."""
    manifest = _read_manifest(file)
    if manifest is None:
        return
    data_dir = file.parent.parent
    from gridoffice.paths import DB_FILE_NAME

    manifest.update(size=file.stat().st_size, sha256=_sha256(file),
                    **_key_facts(data_dir / DB_FILE_NAME, file))
    _write_manifest(manifest_path(file), manifest)


def _write_manifest(target: Path, manifest: dict[str, Any]) -> None:
    partial = target.with_name(target.name + ".part")
    with open(partial, "w", encoding="utf-8") as handle:
        json.dump(manifest, handle, ensure_ascii=False, indent=2)
        handle.flush()
        os.fsync(handle.fileno())
    partial.replace(target)


def _integrity(file: Path, key: bytes | None) -> str:
    conn = _open_copy(file, key)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def _unique(backup_dir: Path, now: dt.datetime, kind: str) -> Path:
    base = f"gridoffice-{now.strftime(_STAMP)}-{kind}"
    target, n = backup_dir / f"{base}.sqlite3", 1
    while target.exists() or manifest_path(target).exists():
        n += 1
        target = backup_dir / f"{base}-{n}.sqlite3"
    return target


def _disk_error(path: Path, exc: driver.Error) -> UserError:
    if "full" in str(exc).lower():
        return storage_error(path, OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))
    if "unable to open" in str(exc).lower() or "readonly" in str(exc).lower():
        return storage_error(path, OSError(errno.EACCES, str(exc)))
    return StorageError(MSG_COPY_CHECK, path=str(path), detail=str(exc))


# --- making a backup ---------------------------------------------------------------------
def create(path: Path, backup_dir: Path, kind: str, *, now: dt.datetime | None = None,
           second_folder: Path | None = None, keep: tuple[Path, ...] = ()) -> BackupResult:
    """A checked snapshot of the database at ``path`` with its manifest, then the rotation
    (which never deletes the new one nor those in ``keep``: the one being restored).

    A full disk or an unwritable folder raises a StorageError and leaves no file; a
    second folder that is missing or cannot be written gives a warning in the result.
    """
    if kind not in KINDS:
        raise UserError(MSG_BAD_KIND, kind=kind, kinds=", ".join(KINDS))
    now = (now or dt.datetime.now()).replace(microsecond=0)
    ensure_writable_dir(backup_dir)
    target = _unique(backup_dir, now, kind)
    written = write_snapshot(path, target, kind, now=now)
    deleted = rotate(backup_dir, keep=(target, *keep))
    second, warning = None, None
    if second_folder is not None:
        second, warning = _copy_to_second(target, backup_dir, Path(second_folder))
    log.info("backup %s written (%d bytes)", target, written["size"])
    return BackupResult(target, written, deleted, second, warning)


def write_snapshot(path: Path, target: Path, kind: str = MANUAL, *,
                   now: dt.datetime | None = None) -> dict[str, Any]:
    """Snapshot, check, manifest, rename: ``target`` and ``target.json`` appear whole
    or not at all (``backup create -o FILE`` writes anywhere with it)."""
    now = (now or dt.datetime.now()).replace(microsecond=0)
    partial = target.with_name(target.name + ".part")
    manifest_file = manifest_path(target)
    manifest_partial = manifest_file.with_name(manifest_file.name + ".part")

    def clean() -> None:
        journal = partial.with_name(partial.name + "-journal")
        for leftover in (partial, journal, manifest_partial, manifest_file):
            with contextlib.suppress(OSError):
                leftover.unlink()

    try:
        partial.unlink(missing_ok=True)
        snapshot(path, partial)
        key = driver.key_of(path)
        check = _integrity(partial, key)
        if check != "ok":
            raise StorageError(MSG_COPY_CHECK, path=str(path), detail=check)
        manifest = _describe(partial, kind, now, key)
        manifest["file"] = target.name
        manifest.update(_key_facts(path, partial))
        _write_manifest(manifest_file, manifest)
        partial.replace(target)
    except OSError as exc:
        clean()
        raise storage_error(target, exc) from exc
    except driver.Error as exc:
        clean()
        raise _disk_error(target, exc) from exc
    except BaseException:
        clean()
        raise
    return manifest


def _copy_to_second(file: Path, backup_dir: Path, second: Path
                    ) -> tuple[Path | None, UserError | None]:
    target = second / file.name
    written: list[Path] = []
    try:
        if not second.is_dir():
            raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(second))
        for source in (manifest_path(file), file):
            dest = second / source.name
            partial = dest.with_name(dest.name + ".part")
            written.append(partial)
            shutil.copyfile(source, partial)
            partial.replace(dest)
    except OSError as exc:
        for leftover in written:
            with contextlib.suppress(OSError):
                leftover.unlink()
        warning = UserError(MSG_SECOND_FOLDER, folder=str(backup_dir), second=str(second),
                            reason=exc.strerror or exc.__class__.__name__)
        log.warning("%s", warning.english())
        return None, warning
    return target, None


def _files(backup_dir: Path) -> list[tuple[dt.datetime, Path]]:
    try:
        names = list(backup_dir.iterdir())
    except OSError:
        return []
    found = []
    for file in names:
        when = _time_of(file)
        if when is None:
            continue
        try:
            if file.is_file():
                found.append((when, file.stat().st_mtime_ns, file))
        except OSError:
            continue
    found.sort(key=lambda item: (item[0], item[1], item[2].name), reverse=True)
    return [(when, file) for when, _mtime, file in found]


def rotation_keeps(times: list[tuple[dt.datetime, Path]]) -> set[Path]:
    """Which backups the rotation keeps: the newest of each of the last 7 days, 4 ISO
    weeks and 12 months that have one (``times`` newest first)."""
    keep: set[Path] = set()
    for limit, key in ((KEEP_DAILY, lambda t: t.date()),
                       (KEEP_WEEKLY, lambda t: tuple(t.isocalendar())[:2]),
                       (KEEP_MONTHLY, lambda t: (t.year, t.month))):
        seen: list[Any] = []
        for when, file in times:
            period = key(when)
            if period in seen:
                continue
            if len(seen) == limit:
                break
            seen.append(period)
            keep.add(file)
    return keep


def rotate(backup_dir: Path, keep: tuple[Path, ...] = ()) -> tuple[Path, ...]:
    """Delete the backups the rotation no longer keeps (both files); never those in
    ``keep``, nor a "before_restore" copy of the last 7 days: it alone holds the data a
    restore replaced (a second restore, or any backup, the same day would delete it)."""
    times = _files(backup_dir)
    kept = rotation_keeps(times)
    if times:
        since = times[0][0] - dt.timedelta(days=KEEP_DAILY)
        for when, file in times:
            found = _NAME.match(file.name)
            if when >= since and found and found["kind"] == BEFORE_RESTORE:
                kept.add(file)
    kept.update(Path(k).resolve() for k in keep)
    kept = {k.resolve() for k in kept}
    deleted = []
    for _when, file in times:
        if file.resolve() in kept:
            continue
        for part in (file, manifest_path(file)):
            with contextlib.suppress(OSError):
                part.unlink()
        deleted.append(file)
    return tuple(deleted)


def clear_leftovers(backup_dir: Path, now: dt.datetime | None = None) -> tuple[Path, ...]:
    """Remove what a backup cut short (killed, power cut) left in ``backup_dir``: its
    ``.part`` files and the manifest of a copy that was never named, once they are
    old enough not to be a backup another window or command is writing right now.
    Whole backups are never touched. What was removed."""
    limit = (now or dt.datetime.now()).timestamp() - LEFTOVER_AGE_S
    removed = []
    try:
        names = list(backup_dir.iterdir())
    except OSError:
        return ()
    for file in names:
        name = file.name
        orphan = name.endswith(".sqlite3.json") and not file.with_suffix("").exists()
        if not (orphan or name.endswith((".part", ".part-journal"))):
            continue
        with contextlib.suppress(OSError):
            if file.is_file() and file.stat().st_mtime < limit:
                file.unlink()
                removed.append(file)
    if removed:
        log.info("removed %d leftovers of interrupted backups in %s", len(removed), backup_dir)
    return tuple(removed)


# --- listing -----------------------------------------------------------------------------
def backups(backup_dir: Path) -> list[BackupInfo]:
    """Every backup, newest first; one without a readable manifest is listed as damaged."""
    result = []
    for when, file in _files(backup_dir):
        found = _NAME.match(file.name)
        kind = found["kind"] if found else ""
        manifest = _read_manifest(file)
        try:
            size = file.stat().st_size
        except OSError:
            continue
        if manifest is None:
            result.append(BackupInfo(when, file, size, kind, damaged=True))
            continue
        with contextlib.suppress(ValueError, TypeError):
            when = dt.datetime.fromisoformat(str(manifest.get("time")))
        counts = manifest.get("counts")
        result.append(BackupInfo(
            when, file, size, str(manifest.get("kind") or kind),
            dict(counts) if isinstance(counts, dict) else {},
            manifest.get("schema_version"), str(manifest.get("version", ""))))
    return result


def newest_age(backup_dir: Path, now: dt.datetime | None = None) -> dt.timedelta | None:
    """How old the newest backup is (None: there is none)."""
    times = _files(backup_dir)
    if not times:
        return None
    return (now or dt.datetime.now()) - times[0][0]


def daily_due(backup_dir: Path, now: dt.datetime | None = None) -> bool:
    """No backup was made today (the first start of the day makes one)."""
    today = (now or dt.datetime.now()).date()
    return not any(when.date() == today for when, _file in _files(backup_dir))


def daily_backup(path: Path, backup_dir: Path, now: dt.datetime | None = None
                 ) -> UserError | None:
    """The daily backup at the first start of the day (the window runs it in the
    background once it shows): None when made, not due, or made with only a warning
    (logged); the error when it could not be written."""
    if not daily_due(backup_dir, now):
        return None
    from gridoffice.store.settings import OfficeSettings

    try:
        second = OfficeSettings(path).backup_second_folder
    except Exception:  # noqa: BLE001 - the settings must not stop the backup
        second = None
    try:
        create(path, backup_dir, DAILY, now=now, second_folder=second)
    except UserError as exc:
        log.error("the daily backup failed: %s", exc.english())
        return exc
    return None


# --- verify ------------------------------------------------------------------------------
def verify(file: Path, key: bytes | None = None) -> UserError | None:
    """Why the backup ``file`` cannot be restored, or None when it is sound: its
    manifest present and matching (size, sha256), the copy whole (integrity_check),
    a GridOffice database, not from a newer program. An encrypted copy is opened with
    ``key`` (the data's own key); without it, or with another, it is named as such."""
    file = Path(file)
    name = str(file)
    if not file.is_file():
        return UserError(MSG_MISSING, file=name)
    manifest = _read_manifest(file)
    if manifest is None:
        return UserError(MSG_NO_MANIFEST, file=name, manifest=manifest_path(file).name)
    try:
        size = file.stat().st_size
        if manifest.get("size") != size:
            return UserError(MSG_MISMATCH, file=name, what="size")
        if manifest.get("sha256") != _sha256(file):
            return UserError(MSG_MISMATCH, file=name, what="sha256")
    except OSError as exc:
        return storage_error(file, exc)
    if _encrypted(file) and key is None:
        return UserError(MSG_ENCRYPTED_LOCKED, file=name)
    try:
        conn = _open_copy(file, key)
        try:
            check = str(conn.execute("PRAGMA integrity_check").fetchone()[0])
            if check != "ok":
                return UserError(MSG_DAMAGED, file=name, detail=check)
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            has_meta = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone()
        finally:
            conn.close()
    except driver.DatabaseError as exc:
        if "not a database" in str(exc):
            if _encrypted(file):
                return UserError(MSG_OTHER_KEY, file=name)
            return UserError(MSG_NOT_OURS, file=name)
        return UserError(MSG_DAMAGED, file=name, detail=str(exc))
    if app_id != APPLICATION_ID or not has_meta:
        return UserError(MSG_NOT_OURS, file=name)
    if version > migrations.current_version():
        return UserError(MSG_NEWER, file=name, found=version,
                         supported=migrations.current_version())
    return None


# --- preview and restore -----------------------------------------------------------------
def _label_of(conn: driver.Connection, table: str) -> str | None:
    columns = {r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')}
    return "name" if "name" in columns else None


def _max_hlc(conn: driver.Connection, tables: list[str]) -> dict[str, int]:
    return {t: conn.execute(f'SELECT coalesce(max(hlc), 0) FROM "{t}"').fetchone()[0] or 0
            for t in tables}


def preview(path: Path, file: Path) -> RestorePreview:
    """What restoring ``file`` would change: live records per area now and in the
    backup, and the records changed here after the backup's newest change (newest
    first, at most :data:`LOST_LIMIT`, with how many there are in all)."""
    key = driver.key_of(path)
    problem = verify(file, key)
    if problem is not None:
        raise problem
    copy = _open_copy(Path(file), key)
    try:
        counts_backup = digest.counts(copy)
        then = _max_hlc(copy, digest.synced_tables(copy))
    finally:
        copy.close()
    conn = connect(path, read_only=True)
    lost: list[tuple[int, str, str, bool]] = []
    total = 0
    try:
        counts_now = digest.counts(conn)
        for table in digest.synced_tables(conn):
            since = then.get(table, 0)
            total += conn.execute(f'SELECT count(*) FROM "{table}" WHERE hlc > ?',
                                  (since,)).fetchone()[0]
            label = _label_of(conn, table)
            select = f'"{label}"' if label else "id"
            lost.extend((hlc, table, str(name), bool(label)) for hlc, name in conn.execute(
                f'SELECT hlc, {select} FROM "{table}" WHERE hlc > ? ORDER BY hlc DESC '
                f"LIMIT {LOST_LIMIT}", (since,)))
    finally:
        conn.close()
    lost.sort(reverse=True)
    records = tuple(LostRecord(table, name, _hlc_time(hlc), named)
                    for hlc, table, name, named in lost[:LOST_LIMIT])
    manifest = _read_manifest(Path(file)) or {}
    backup_time = None
    with contextlib.suppress(ValueError, TypeError):
        backup_time = dt.datetime.fromisoformat(str(manifest.get("time")))
    return RestorePreview(Path(file), backup_time, counts_now, counts_backup, records, total)


def _hlc_time(stamp: int) -> dt.datetime:
    millis, _counter = unpack(int(stamp))
    return dt.datetime.fromtimestamp(millis / 1000).replace(microsecond=0)


def _who(path: Path, actor: Actor | None) -> str:
    """The audit log's name for ``actor``; in a folder without accounts, the operator
    typed in Settings."""
    if actor is not None and actor.audit_name:
        return actor.audit_name
    from gridoffice.services.office import load_profile

    profile = load_profile(path)
    return profile.operator if profile else ""


def restore(path: Path, backup_dir: Path, file: Path, actor: Actor | None,
            *, now: dt.datetime | None = None) -> RestoreResult:
    """Put the backup ``file`` in place of the database at ``path``.

    Needs :data:`access.RESTORE` (``actor`` None: a folder without accounts). The
    backup is verified first (a damaged, foreign or newer one is refused and nothing
    changes); then the current data is kept as a "before_restore" backup, and the
    backup is copied into the live file through the SQLite backup API in one write
    transaction (a crash leaves the old file or the new one, never half of each).

    The audit log of the restored file is the backup's plus the "restore" entry,
    written into a working copy of the backup before it is copied in (so the two
    arrive together); the entries made after the backup was taken are kept in the
    "before_restore" copy. Sync starts a
    new incarnation at the next export (the file is older than the last export).
    """
    if actor is not None:
        actor.require(access.RESTORE)
    file = Path(file)
    key = driver.key_of(path)
    problem = verify(file, key)
    if problem is not None:
        raise problem
    shown = preview(path, file)
    who = _who(path, actor)
    before = create(path, backup_dir, BEFORE_RESTORE, now=now, keep=(file,))
    try:
        with _restorable(file, key, path) as source:
            # The "restore" entry is in the copy already: it arrives with the data in
            # the same transaction, so no crash can leave a restore unrecorded.
            source.execute("BEGIN IMMEDIATE")
            try:
                store_audit.record_sql(source, who, RESTORE_ACTION, file.name,
                                       f"before_restore {before.file.name}")
                source.execute("COMMIT")
            except BaseException:
                source.execute("ROLLBACK")
                raise
            dest = connect(path)
            try:
                source.backup(dest)
                if str(dest.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
                    dest.execute("PRAGMA journal_mode = WAL")
            finally:
                dest.close()
    except driver.Error as exc:
        raise _disk_error(path, exc) from exc
    log.info("restored %s from %s (before: %s)", path, file, before.file)
    from gridoffice.services.accounts import AccountService

    AccountService(path).sync_wraps()  # the restored accounts' passwords open the key
    return RestoreResult(file, before, shown)


@contextlib.contextmanager
def _restorable(file: Path, key: bytes | None, path: Path) -> Iterator[driver.Connection]:
    """A writable copy of the backup ``file`` in the data folder's private temporary
    folder, encrypted with the data's key when the data is (a plain backup from before
    the data was encrypted is encrypted on the way: SQLite's backup API copies pages,
    it cannot encrypt them); removed afterwards."""
    from gridoffice.paths import make_private_temp

    work = make_private_temp(path.parent, "restore-")
    try:
        copy = work / "restore.sqlite3"
        if key is not None and not _encrypted(file):
            keys.encrypt_file(file, copy, key)
        else:
            original = _open_copy(file, key)
            try:
                target = driver.connect(copy, key=key)
                try:
                    original.backup(target)
                finally:
                    target.close()
            finally:
                original.close()
        source = driver.connect(copy, key=key)
        try:
            yield source
        finally:
            source.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
