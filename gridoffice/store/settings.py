"""Local settings in the ``setting`` table: every key, and :class:`OfficeSettings`
to read and write them typed.

Plain ``sqlite3`` so the GUI can read the language and office before Qt and
SQLAlchemy are loaded. Settings are local to this PC and never synced. Window
layout (splitters, columns) is not here: it lives in the data folder's
``window.ini``, written by each tab's ``save_state``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from gridoffice.errors import UserError
from gridoffice.store import driver
from gridoffice.store.files import connect

# --- every key of the ``setting`` table -------------------------------------------------
OFFICE_NAME = "office.name"
OFFICE_STREET = "office.street"
OFFICE_ROLE = "office.role"
OFFICE_OPERATOR = "office.operator"
LANGUAGE = "ui.language"  # "" or missing: follow the system
EXCHANGE_FOLDER = "sync.exchange_folder"  # the shared folder sync packages go through
SHOW_CONTROL_TAGS = "privacy.show_control_tags"  # "1": restricted tags are shown
IMPORT_MAPPING = "import.{kind}.mapping"  # JSON: field -> column header, per importer
# the rules of the resident council (居民议事会): when it meets, where, how votes count
MEETING_COUNCIL_DAY = "meetings.council_day"
MEETING_COUNCIL_MOVE = "meetings.council_move"
MEETING_COUNCIL_TIME = "meetings.council_time"
MEETING_HOLIDAYS = "meetings.holidays"
MEETING_WORKDAYS = "meetings.workdays"
MEETING_VOTE_BASE = "meetings.vote_base"
MEETING_PLACE = "meetings.place"
INSERVICE_RULES = "inservice.{rule}"  # the points rules, one key per PointRules field
ACCOUNTS_OPEN = "accounts.open"  # "1": a folder without accounts on purpose (demo, --open)
IDLE_LOCK_MINUTES = "session.idle_minutes"  # the window locks after this idle time
DEFAULT_IDLE_LOCK_MINUTES = 10
BACKUP_SECOND_FOLDER = "backup.second_folder"  # a USB drive or network folder backups go to
# --- keys of the ``meta`` table (this copy's identity and counters) ---------------------
META_SYNC_KEYS = "sync.keys"
META_SYNC_EXPORTS = "sync.exports"
META_PC_LABEL = "pc_label"


def import_mapping_key(kind: str) -> str:
    """The key of the remembered column mapping of one importer (``roster``, …)."""
    return IMPORT_MAPPING.format(kind=kind)


def read_all(path: Path) -> dict[str, str]:
    conn = connect(path, read_only=True)
    try:
        return dict(conn.execute("SELECT key, value FROM setting").fetchall())
    finally:
        conn.close()


def read_meta(path: Path) -> dict[str, str]:
    conn = connect(path, read_only=True)
    try:
        return dict(conn.execute("SELECT key, value FROM meta").fetchall())
    finally:
        conn.close()


def write(path: Path, values: Mapping[str, str | None]) -> None:
    """Set (or, for ``None``, remove) several settings in one transaction."""
    conn = connect(path)
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            for key, value in values.items():
                if value is None:
                    conn.execute("DELETE FROM setting WHERE key = ?", (key,))
                else:
                    conn.execute(
                        "INSERT INTO setting (key, value) VALUES (?, ?) "
                        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                        (key, value),
                    )
            conn.execute("COMMIT")
        except driver.Error:
            conn.execute("ROLLBACK")
            raise
    finally:
        conn.close()
    _update_preface(path, values)


def _update_preface(path: Path, values: Mapping[str, str | None]) -> None:
    """The office name and language shown at the sign-in of encrypted data live in its
    key file too (nothing else can be read before the sign-in)."""
    if OFFICE_NAME not in values and LANGUAGE not in values:
        return
    from gridoffice.store import keys

    if not keys.key_file(path).exists():
        return
    try:
        key_file = keys.KeyFile.load(path)
        office, language = keys.preface(path)
        key_file.set_preface(values.get(OFFICE_NAME, office) or "",
                             values.get(LANGUAGE, language) or "")
        key_file.save()
    except (OSError, UserError):
        pass  # only the sign-in's greeting; the data has the setting


def write_identity(path: Path, meta: Mapping[str, str], values: Mapping[str, str]) -> int:
    """Set this copy's identity (``meta``) and settings in one transaction. The
    office id is changed only while no synced row is stamped with the old one;
    the number of such rows is returned (and nothing written) otherwise."""
    conn = connect(path)
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            old = conn.execute("SELECT value FROM meta WHERE key = 'office_id'").fetchone()
            if old and meta.get("office_id") not in (None, old[0]):
                from gridoffice.store.digest import synced_tables

                stamped = sum(conn.execute(
                    f'SELECT count(*) FROM "{table}" WHERE origin_office = ?',
                    (old[0],)).fetchone()[0] for table in synced_tables(conn))
                if stamped:
                    conn.execute("ROLLBACK")
                    return int(stamped)
            for key, value in meta.items():
                conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) "
                             "DO UPDATE SET value = excluded.value", (key, value))
            for key, value in values.items():
                conn.execute("INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) "
                             "DO UPDATE SET value = excluded.value", (key, value))
            conn.execute("COMMIT")
        except driver.Error:
            conn.execute("ROLLBACK")
            raise
    finally:
        conn.close()
    _update_preface(path, values)
    return 0


class OfficeSettings:
    """The local settings of one data file, typed; each read goes to the file, so
    two windows on one file see each other's changes."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _get(self, key: str) -> str | None:
        return read_all(self.path).get(key)

    @property
    def exchange_folder(self) -> Path | None:
        value = self._get(EXCHANGE_FOLDER)
        return Path(value) if value else None

    @exchange_folder.setter
    def exchange_folder(self, folder: Path | None) -> None:
        write(self.path, {EXCHANGE_FOLDER: str(folder) if folder else None})

    @property
    def backup_second_folder(self) -> Path | None:
        """Where each daily and manual backup is copied too (None: nowhere)."""
        value = self._get(BACKUP_SECOND_FOLDER)
        return Path(value) if value else None

    @backup_second_folder.setter
    def backup_second_folder(self, folder: Path | None) -> None:
        write(self.path, {BACKUP_SECOND_FOLDER: str(folder) if folder else None})

    @property
    def show_control_tags(self) -> bool:
        return self._get(SHOW_CONTROL_TAGS) == "1"

    @show_control_tags.setter
    def show_control_tags(self, shown: bool) -> None:
        write(self.path, {SHOW_CONTROL_TAGS: "1" if shown else None})

    @property
    def idle_lock_minutes(self) -> int:
        """Minutes without input after which the window locks (0: never)."""
        try:
            return max(0, int(self._get(IDLE_LOCK_MINUTES) or DEFAULT_IDLE_LOCK_MINUTES))
        except ValueError:
            return DEFAULT_IDLE_LOCK_MINUTES

    @idle_lock_minutes.setter
    def idle_lock_minutes(self, minutes: int) -> None:
        write(self.path, {IDLE_LOCK_MINUTES: str(max(0, int(minutes)))})
