"""Sync with the street office by package files (SYNC.md): export, import, status.

A star: each community PC exchanges packages with its street office only; the
street office merges and relays. What a package carries is cumulative — every
row this copy changed after the last change the peer has acknowledged — so a
lost, repeated or reordered package does no harm and the next one heals a gap.

Scope: a community's data are its own records plus the street office's
reference data (work units …). A community PC sends its community's records; the
street office sends a community PC that community's records (its other PCs'
changes, relayed) and its own. Import is all or nothing: one transaction, the
database exactly as it was when anything is wrong. No Qt.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import re
import shutil
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gridoffice.domain.hlc import pack, uuid7, wall_millis
from gridoffice.errors import Cancelled, StorageError, Term, UserError
from gridoffice.fileio import atomic_output
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.paths import clear_private_temp, make_private_temp, storage_error
from gridoffice.services import office
from gridoffice.services.sync_trust import (
    EXPECT_COMMUNITIES,
    EXPECT_STREET,
    MSG_NOT_SET_UP,
    own_identity,
    own_keys,
    peers,
    trusted,
)
from gridoffice.store import audit, migrations
from gridoffice.store.database import Database
from gridoffice.store.digest import synced_tables
from gridoffice.store.files import connect
from gridoffice.sync import package as packages
from gridoffice.sync import rows as rowsfile
from gridoffice.sync.digests import scope_digests
from gridoffice.sync.identity import OfficeKeys, PublicIdentity
from gridoffice.sync.merge import CONFLICTS, MergeResult, merge

MSG_NO_PEER = QT_TRANSLATE_NOOP(
    "errors", "This PC trusts no {expected} yet: exchange identity files first "
    "(sync identity / sync trust).")
MSG_UNKNOWN_PEER = QT_TRANSLATE_NOOP(
    "errors", "{name} is not an office this PC exchanges packages with. Trusted: {known}.")
MSG_ONE_FILE = QT_TRANSLATE_NOOP(
    "errors", "{count} packages are due ({names}); give a folder, not a file name.")
MSG_NEWER_SCHEMA = QT_TRANSLATE_NOOP(
    "errors", "The package {path} was made by a newer GridOffice (data version {theirs}, "
    "this program reads up to {ours}). Upgrade this program, then import it again; the "
    "file was kept and nothing was changed.")
MSG_FORK = QT_TRANSLATE_NOOP(
    "errors", "The package {path} claims to be package {sequence} of {sender}, but a "
    "different package {sequence} of that PC was imported before. Its data were probably "
    "restored from a backup or copied to another PC; nothing was changed. Ask the "
    "street office before importing more from it.")
MSG_MISSING_PARENT = QT_TRANSLATE_NOOP(
    "errors", "The package {path} refers to records that are neither in it nor here "
    "({table}); it is incomplete. Nothing was changed; ask for a new package.")
MSG_STREET_READ_ONLY = QT_TRANSLATE_NOOP(
    "errors", "This record belongs to {office}; it is changed there, not at the street "
    "office.")
MSG_CONFLICT_GONE = QT_TRANSLATE_NOOP(
    "errors", "This conflict was resolved meanwhile (here or on another PC).")
MSG_FIELD_UNKNOWN = QT_TRANSLATE_NOOP("errors", "{field} is not a field of this record.")

CLOCK_BOUND_MS = 10 * 60 * 1000  # SYNC.md: adopt remote clocks within ten minutes
STATE_FILE = "sync-state.json"
META_INCARNATION = "incarnation"
META_EXPORTS = "sync.exports"
# The audit log's actions of a package written and one imported.
SYNC_EXPORT = "sync_export"
SYNC_IMPORT = "sync_import"

Progress = Callable[[int, int], bool]  # (done, total) -> go on?


@dataclass(frozen=True)
class ExportResult:
    path: Path
    recipient: str
    sequence: int
    rows: int
    counts: dict[str, int]


@dataclass(frozen=True)
class ImportResult:
    path: Path
    status: str  # applied | already | refused
    sender: str = ""
    sequence: int = 0
    rows: int = 0
    inserted: int = 0
    updated: int = 0
    conflicts: int = 0
    merged: int = 0
    revived: int = 0
    duplicates: int = 0
    missing: int = 0  # packages of that sender never seen before this one (healed)
    clock_offset_ms: int = 0
    digests_agree: bool | None = None
    mismatched: tuple[str, ...] = ()
    error: UserError | None = None

    @property
    def ok(self) -> bool:
        return self.status in ("applied", "already")


@dataclass(frozen=True)
class PeerStatus:
    replica_id: str
    office_id: str
    name: str  # community (or street office) name
    pc_label: str
    role: str
    fingerprint: str
    last_in: str | None
    last_out: str | None
    in_sequence: int
    out_sequence: int
    pending: int  # changes here the peer has not acknowledged
    conflicts: int  # open conflicts about that office's records
    digests_agree: bool | None
    mismatched: tuple[str, ...]
    days_since_contact: int | None
    clock_offset_ms: int | None


@dataclass(frozen=True)
class Conflict:
    id: str
    table: str
    row_id: str
    kind: str
    fields: tuple[str, ...]
    current: dict[str, Any]
    other: dict[str, Any]
    other_writer: str
    current_writer: str
    status: str
    origin_office: str
    label: str  # a name or title to recognise the record by
    clock_suspect: bool = False
    resolution: str | None = None
    refs: dict[str, str] = dataclasses.field(default_factory=dict)  # id -> a record's label


def _now_text(now: dt.datetime | None = None) -> str:
    return (now or dt.datetime.now()).isoformat(timespec="seconds")


def _safe(name: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "-", name).strip("-") or "office"


class SyncService:
    def __init__(self, db: Database, *, now: Callable[[], dt.datetime] | None = None,
                 wall_ms: Callable[[], int] = wall_millis) -> None:
        self.db = db
        self._operator = ""
        self._now = now or dt.datetime.now
        self._wall_ms = wall_ms

    # --- who ------------------------------------------------------------------------
    @property
    def path(self) -> Path:
        return self.db.path

    def profile(self) -> office.OfficeProfile:
        profile = office.load_profile(self.path)
        if profile is None:
            raise UserError(MSG_NOT_SET_UP)
        return profile

    def street_office_id(self) -> str | None:
        profile = self.profile()
        if profile.is_street:
            return self.db.office_id
        for peer in peers(self.path):
            if peer.identity.role == "street" and peer.revoked_at is None:
                return peer.identity.office_id
        return None

    def scope(self, community_office: str, street: str | None = None) -> tuple[str, ...]:
        """The offices whose records make up one community's data (``street``: the
        street office's id, when the caller has it already)."""
        street = street or self.street_office_id()
        return (community_office, street) if street and street != community_office \
            else (community_office,)

    def recipients(self, to: str | None = None) -> list[PublicIdentity]:
        """The trusted PCs a package is due for; ``to`` names an office (or a PC)."""
        profile = self.profile()
        live = [p.identity for p in peers(self.path) if p.revoked_at is None]
        if not live:
            raise UserError(MSG_NO_PEER, expected=Term(
                EXPECT_COMMUNITIES if profile.is_street else EXPECT_STREET))
        if not to:
            return live
        wanted = to.strip()
        chosen = [p for p in live if wanted in (p.office_id, p.replica_id, p.display_name,
                                               p.community or p.street, p.pc_label)
                  or p.replica_id.startswith(wanted) and len(wanted) >= 8]
        if not chosen:
            raise UserError(MSG_UNKNOWN_PEER, name=wanted,
                            known="、".join(sorted({p.display_name for p in live})))
        return chosen

    # --- state beside the database: tells a restored backup --------------------------
    def _state_path(self) -> Path:
        return self.path.parent / STATE_FILE

    def _check_incarnation(self, conn: sqlite3.Connection) -> str:
        """This copy's incarnation; a new one when the database is older than the
        last export this data folder made (a backup was restored): its packages
        then start a new history instead of forking the old one (SYNC.md)."""
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        incarnation = meta[META_INCARNATION]
        exports = int(meta.get(META_EXPORTS, "0"))
        with contextlib.suppress(OSError, ValueError, TypeError):
            state = json.loads(self._state_path().read_text("utf-8"))
            if (state.get("replica_id") == meta["replica_id"]
                    and state.get("incarnation") == incarnation
                    and int(state.get("exports", 0)) > exports):
                incarnation = uuid7()
                conn.execute("UPDATE meta SET value = ? WHERE key = ?",
                             (incarnation, META_INCARNATION))
                conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) "
                             "DO UPDATE SET value = excluded.value",
                             (META_EXPORTS, str(int(state["exports"]))))
        return incarnation

    def _write_state(self, conn: sqlite3.Connection) -> None:
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        data = json.dumps({"replica_id": meta["replica_id"],
                           "incarnation": meta[META_INCARNATION],
                           "exports": int(meta.get(META_EXPORTS, "0"))})
        with contextlib.suppress(OSError, StorageError), atomic_output(
                self._state_path()) as partial:
            partial.write_text(data, "utf-8")

    @contextlib.contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        conn = connect(self.path)
        try:
            yield conn
        finally:
            conn.close()

    @contextlib.contextmanager
    def _workdir(self) -> Iterator[Path]:
        # Decrypted rows hold full ID numbers and phones: only in the data
        # folder's own private place, removed afterwards (and at the next start
        # when a kill got in the way).
        folder = make_private_temp(self.path.parent, "sync-")
        try:
            yield folder
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def _stamp(self, conn: sqlite3.Connection) -> int:
        self.db.observe_stored_clock(conn)
        stamp = self.db.clock.now()
        conn.execute("UPDATE meta SET value = ? WHERE key = 'hlc_last'", (str(stamp),))
        return stamp

    @staticmethod
    def _cursor(conn: sqlite3.Connection, replica: str) -> dict[str, Any]:
        conn.execute("INSERT OR IGNORE INTO sync_cursor (peer_replica) VALUES (?)", (replica,))
        found = conn.execute("SELECT * FROM sync_cursor WHERE peer_replica = ?", (replica,))
        names = [d[0] for d in found.description]
        return dict(zip(names, found.fetchone(), strict=True))

    # --- export -----------------------------------------------------------------------
    def export(self, target: Path, to: str | None = None,
               progress: Progress | None = None) -> list[ExportResult]:
        """Write one package per recipient PC into ``target`` (a folder, or a file
        name when one package is due). Each holds every change the recipient has
        not acknowledged; nothing is sent twice once acknowledged."""
        recipients = self.recipients(to)
        target = Path(target).expanduser()
        if not target.is_dir() and len(recipients) > 1:
            raise UserError(MSG_ONE_FILE, count=len(recipients),
                            names="、".join(p.display_name for p in recipients))
        _clear_leftovers(target if target.is_dir() else target.parent)
        clear_private_temp(self.path.parent)
        sender = _Sender(self.profile(), own_identity(self.path), own_keys(self.path),
                         self.street_office_id())
        results = []
        for index, recipient in enumerate(recipients):
            if progress is not None and not progress(index, len(recipients)):
                raise Cancelled()
            results.append(self._export_one(target, recipient, sender))
        if progress is not None:
            progress(len(recipients), len(recipients))
        return results

    def _export_one(self, target: Path, recipient: PublicIdentity,
                    sender: _Sender) -> ExportResult:
        profile, me = sender.profile, sender.identity
        community = recipient.office_id if profile.is_street else self.db.office_id
        scope = self.scope(community, sender.street)
        # The street sends a community's data; a community PC its own records only.
        owners = scope if profile.is_street else (self.db.office_id,)
        with self._workdir() as work, self._connection() as conn:
            rows_path = work / "rows.sqlite3"
            conn.execute("ATTACH DATABASE ? AS payload", (str(rows_path),))
            try:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    incarnation = self._check_incarnation(conn)
                    cursor = self._cursor(conn, recipient.replica_id)
                    seq_high = self._stamp(conn)
                    copied = rowsfile.copy_rows(conn, cursor["acked_seq"], owners,
                                                peer=recipient.replica_id)
                    sequence = cursor["out_sequence"] + 1
                    package_id = uuid7()
                    now = self._now()
                    manifest = {
                        "package_id": package_id, "schema": migrations.current_version(),
                        "min_reader_schema": migrations.current_version(),
                        "created": _now_text(now), "created_ms": self._wall_ms(),
                        "sender_office": self.db.office_id, "sender_replica": self.db.replica_id,
                        "sender_name": me.display_name, "sender_role": profile.role,
                        "recipient_office": recipient.office_id,
                        "recipient_replica": recipient.replica_id,
                        "recipient_name": recipient.display_name,
                        "incarnation": incarnation, "sequence": sequence,
                        "previous_hash": cursor["out_hash"],
                        "seq_from": cursor["acked_seq"], "seq_high": seq_high,
                        "hlc_range": [copied.hlc_low, copied.hlc_high],
                        "counts": {t: n for t, n in copied.counts.items() if n},
                        "ack": {"incarnation": cursor["in_incarnation"],
                                "sequence": cursor["in_sequence"], "seq": cursor["in_seq"]},
                        "digest_scope": list(scope),
                        "digests": scope_digests(conn, scope),
                    }
                    conn.execute(
                        "UPDATE sync_cursor SET out_sequence = ?, out_at = ? "
                        "WHERE peer_replica = ?", (sequence, _now_text(now),
                                                   recipient.replica_id))
                    conn.execute(
                        "INSERT INTO sync_package (package_id, direction, peer_replica, "
                        "incarnation, sequence, at, rows, manifest) "
                        "VALUES (?, 'out', ?, ?, ?, ?, ?, ?)",
                        (package_id, recipient.replica_id, incarnation, sequence,
                         _now_text(now), sum(copied.counts.values()),
                         json.dumps({k: v for k, v in manifest.items() if k != "digests"},
                                    ensure_ascii=False)))
                    conn.execute("INSERT INTO meta (key, value) VALUES (?, '1') ON CONFLICT "
                                 "(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1",
                                 (META_EXPORTS,))
                    # Before the file exists: a package of personal data is never
                    # written without its audit entry.
                    audit.record_sql(conn, profile.operator, SYNC_EXPORT, recipient.display_name,
                                     f"{package_id} {sum(copied.counts.values())}")
                    conn.execute("COMMIT")
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
            finally:
                conn.execute("DETACH DATABASE payload")
            self._write_state(conn)
            payload = rows_path.read_bytes()
            # The recipient's PC id in the name too: two PCs may have the same name.
            file_name = (f"{_safe(me.display_name)}_to_{_safe(recipient.display_name)}-"
                         f"{recipient.replica_id[-6:]}_{now:%Y-%m-%d}_{sequence:06d}"
                         f"{packages.SUFFIX}")
            path = target / file_name if target.is_dir() else target
            try:
                digest = packages.write_package(path, manifest, payload, sender.keys, recipient)
            except OSError as exc:  # pragma: no cover - atomic_output turns these
                raise storage_error(path, exc) from exc
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("UPDATE sync_package SET sha256 = ?, file_name = ? "
                         "WHERE package_id = ?", (digest, path.name, package_id))
            conn.execute("UPDATE sync_cursor SET out_hash = ? WHERE peer_replica = ?",
                         (digest, recipient.replica_id))
            conn.execute("COMMIT")
        return ExportResult(path, recipient.display_name, sequence,
                            sum(copied.counts.values()), copied.counts)

    # --- import -----------------------------------------------------------------------
    def import_files(self, paths: Sequence[Path], progress: Progress | None = None
                     ) -> list[ImportResult]:
        """Import each file on its own, all or nothing; a refused one says why."""
        results = []
        steps = 100
        clear_private_temp(self.path.parent)
        for index, path in enumerate(paths):
            if progress is not None and not progress(index * steps, len(paths) * steps):
                raise Cancelled()

            def within(done: int, total: int, index: int = index) -> bool:
                return progress is None or progress(
                    index * steps + done * steps // max(total, 1), len(paths) * steps)

            try:
                results.append(self.import_file(Path(path), within))
            except UserError as exc:
                results.append(ImportResult(Path(path), "refused", error=exc))
        if progress is not None:
            progress(len(paths) * steps, len(paths) * steps)
        return results

    def import_file(self, path: Path, progress: Progress | None = None) -> ImportResult:
        profile = self.profile()
        self._operator = profile.operator
        opened = packages.read_package(
            path, keys=own_keys(self.path), office_id=self.db.office_id,
            replica_id=self.db.replica_id,
            trusted=lambda replica: trusted(self.path, replica))
        manifest = opened.manifest
        sender = opened.sender
        ours = migrations.current_version()
        if int(manifest.get("schema", 0)) > ours or \
                int(manifest.get("min_reader_schema", 0)) > ours:
            raise UserError(MSG_NEWER_SCHEMA, path=str(path), theirs=manifest.get("schema"),
                            ours=ours)
        if profile.is_street:
            owners: tuple[str, ...] = (sender.office_id,)
        else:
            owners = self.scope(self.db.office_id)
        with self._workdir() as work, self._connection() as conn:
            rows_path = work / "rows.sqlite3"
            rows_path.write_bytes(opened.payload)
            try:
                conn.execute("ATTACH DATABASE ? AS payload", (str(rows_path),))
            except sqlite3.DatabaseError as exc:
                raise UserError(packages.MSG_DAMAGED, path=str(path)) from exc
            try:
                return self._apply(conn, path, opened, owners, progress)
            except sqlite3.DatabaseError as exc:
                if "file is not a database" in str(exc) or "malformed" in str(exc):
                    raise UserError(packages.MSG_DAMAGED, path=str(path)) from exc
                raise
            finally:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("DETACH DATABASE payload")

    def _apply(self, conn: sqlite3.Connection, path: Path, opened: packages.OpenedPackage,
               owners: tuple[str, ...], progress: Progress | None = None) -> ImportResult:
        manifest = opened.manifest
        sender = opened.sender
        package_id = str(manifest.get("package_id", ""))
        incarnation = str(manifest.get("incarnation", ""))
        sequence = int(manifest.get("sequence", 0))
        has_history = conn.execute(
            "SELECT 1 FROM payload.sqlite_master WHERE name = ?", (rowsfile.HISTORY,)).fetchone()
        if has_history:
            conn.execute(f'CREATE INDEX IF NOT EXISTS payload.ix_history ON '
                         f'"{rowsfile.HISTORY}" (tbl, row_id)')
        conn.execute("BEGIN IMMEDIATE")
        try:
            if conn.execute("SELECT 1 FROM sync_package WHERE package_id = ? AND direction = 'in'",
                            (package_id,)).fetchone():
                conn.execute("ROLLBACK")
                return ImportResult(path, "already", sender=sender.display_name,
                                    sequence=sequence)
            same = conn.execute(
                "SELECT package_id FROM sync_package WHERE direction = 'in' AND peer_replica = ? "
                "AND incarnation = ? AND sequence = ?",
                (sender.replica_id, incarnation, sequence)).fetchone()
            if same is not None:
                raise UserError(MSG_FORK, path=str(path), sequence=sequence,
                                sender=sender.display_name)
            if not has_history:
                raise UserError(rowsfile.MSG_ROWS_BAD, problem="no version list")
            rowsfile.check_rows(conn, owners)
            self._check_incarnation(conn)
            seq = self._stamp(conn)
            merged = merge(conn, seq, self._stamp(conn), progress=progress)
            self._check_parents(conn, path, merged)
            cursor = self._cursor(conn, sender.replica_id)
            result = self._record(conn, path, manifest, sender, cursor, merged, seq)
            audit.record_sql(conn, self._operator, SYNC_IMPORT, sender.display_name,
                             f"{package_id} {path.name} {merged.rows}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        return result

    def _check_parents(self, conn: sqlite3.Connection, path: Path, merged: MergeResult) -> None:
        touched = [t for t in synced_tables(conn)
                   if merged.inserted.get(t) or merged.updated.get(t)]
        for table in touched:
            broken = conn.execute(f'PRAGMA foreign_key_check("{table}")').fetchone()
            if broken:
                raise UserError(MSG_MISSING_PARENT, path=str(path), table=f"{table} → {broken[2]}")

    def _record(self, conn: sqlite3.Connection, path: Path, manifest: dict[str, Any],
                sender: PublicIdentity, cursor: dict[str, Any], merged: MergeResult,
                applied_seq: int) -> ImportResult:
        incarnation = str(manifest.get("incarnation", ""))
        sequence = int(manifest.get("sequence", 0))
        seq_from = int(manifest.get("seq_from", 0))
        seq_high = int(manifest.get("seq_high", 0))
        now_ms = self._wall_ms()
        offset = int(manifest.get("created_ms", now_ms)) - now_ms
        missing = 0
        if incarnation != cursor["in_incarnation"]:
            newest = True
            in_sequence, in_seq = sequence, seq_high
            missing = sequence - 1 if not cursor["in_incarnation"] else 0
        else:
            newest = sequence > cursor["in_sequence"]
            in_sequence = max(sequence, cursor["in_sequence"])
            in_seq = max(cursor["in_seq"], seq_high) if seq_from <= cursor["in_seq"] \
                else cursor["in_seq"]
            missing = max(0, sequence - cursor["in_sequence"] - 1)
        ack = manifest.get("ack") or {}
        acked = cursor["acked_seq"]
        acked_by_them = (ack.get("seq") or 0) if isinstance(ack, dict) else None
        if newest and type(acked_by_them) is int and 0 <= acked_by_them < 2**62:
            acked = acked_by_them
        scope = tuple(str(o) for o in manifest.get("digest_scope") or ())
        theirs = manifest.get("digests") or {}
        mine = scope_digests(conn, scope) if scope else {}
        mismatched = tuple(sorted(t for t, value in theirs.items() if mine.get(t) != value))
        agree = not mismatched if scope else None
        now = _now_text(self._now())
        conn.execute(
            "UPDATE sync_cursor SET in_incarnation = ?, in_sequence = ?, in_seq = ?, in_at = ?, "
            "acked_seq = ?, digests = ?, digests_agree = ?, clock_offset_ms = ? "
            "WHERE peer_replica = ?",
            (incarnation, in_sequence, in_seq, now, acked, ",".join(mismatched),
             None if agree is None else int(agree), offset, sender.replica_id))
        conn.execute(
            "INSERT INTO sync_package (package_id, direction, peer_replica, incarnation, "
            "sequence, sha256, file_name, at, rows, conflicts, applied_seq, manifest) "
            "VALUES (?, 'in', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (str(manifest.get("package_id")), sender.replica_id, incarnation, sequence,
             "", path.name, now, merged.rows, len(merged.conflicts), applied_seq,
             json.dumps({k: v for k, v in manifest.items() if k not in ("digests", "payload")},
                        ensure_ascii=False)))
        # Adopt the sender's clock only within the bound: a PC days ahead must not
        # drag this one's clock along (its rows are stored all the same).
        self.db.clock.observe(min(merged.hlc_high, pack(now_ms + CLOCK_BOUND_MS, 0)))
        conn.execute("UPDATE meta SET value = ? WHERE key = 'hlc_last'",
                     (str(self.db.clock.last),))
        return ImportResult(
            path, "applied", sender=sender.display_name, sequence=sequence, rows=merged.rows,
            inserted=sum(merged.inserted.values()), updated=sum(merged.updated.values()),
            conflicts=len(merged.conflicts), merged=merged.merged, revived=merged.revived,
            duplicates=merged.duplicates, missing=missing, clock_offset_ms=offset,
            digests_agree=agree, mismatched=mismatched)

    def inbox(self, folder: Path) -> list[Path]:
        """The packages in an exchange folder addressed to this PC and not yet
        imported, oldest first (files of other PCs and damaged ones are left to
        the import, which says why)."""
        found = []
        try:
            candidates = sorted(Path(folder).glob(f"*{packages.SUFFIX}"))
        except OSError:
            return []
        with self._connection() as conn:
            done = {r[0] for r in conn.execute(
                "SELECT package_id FROM sync_package WHERE direction = 'in'")}
        for path in candidates:
            try:
                manifest = packages.read_manifest(path)
            except UserError:
                found.append((("", 0), path))
                continue
            if manifest.get("recipient_replica") != self.db.replica_id or \
                    manifest.get("package_id") in done:
                continue
            found.append(((str(manifest.get("sender_replica")),
                           int(manifest.get("sequence", 0) or 0)), path))
        return [path for _key, path in sorted(found, key=lambda item: item[0])]

    # --- status -----------------------------------------------------------------------
    def status(self) -> list[PeerStatus]:
        profile = self.profile()
        street = self.street_office_id()
        today = self._now().date()
        result = []
        with self._connection() as conn:
            cursors = {row[0]: row for row in conn.execute(
                "SELECT peer_replica, out_sequence, out_at, acked_seq, in_sequence, in_at, "
                "digests, digests_agree, clock_offset_ms FROM sync_cursor")}
            tables = synced_tables(conn)
            for peer in peers(self.path):
                if peer.revoked_at is not None:
                    continue
                ident = peer.identity
                cursor = cursors.get(ident.replica_id)
                community = ident.office_id if profile.is_street else self.db.office_id
                owners = (self.db.office_id,) if not profile.is_street \
                    else self.scope(community, street)
                acked = cursor[3] if cursor else 0
                owner_sql, owner_params = rowsfile.scope_clause(owners)
                echo_sql, echo_params = rowsfile.echo_clause(ident.replica_id)
                pending = sum(conn.execute(
                    f'SELECT count(*) FROM "{t}" WHERE local_seq > ?{owner_sql}{echo_sql}',
                    (acked, *owner_params, *echo_params)).fetchone()[0] for t in tables)
                open_conflicts = conn.execute(
                    f"SELECT count(*) FROM {CONFLICTS} WHERE status = 'open' "
                    "AND origin_office = ? AND NOT deleted", (community,)).fetchone()[0]
                last_in = cursor[5] if cursor else None
                days = None
                if last_in:
                    days = (today - dt.datetime.fromisoformat(last_in).date()).days
                result.append(PeerStatus(
                    ident.replica_id, ident.office_id, ident.community or ident.street,
                    ident.pc_label, ident.role, ident.fingerprint, last_in,
                    cursor[2] if cursor else None, cursor[4] if cursor else 0,
                    cursor[1] if cursor else 0, pending, open_conflicts,
                    None if not cursor or cursor[7] is None else bool(cursor[7]),
                    tuple(t for t in (cursor[6] if cursor else "").split(",") if t), days,
                    cursor[8] if cursor else None))
        return sorted(result, key=lambda s: (s.name, s.pc_label))

    # --- conflicts --------------------------------------------------------------------
    def conflicts(self, *, include_resolved: bool = False,
                  office_id: str | None = None) -> list[Conflict]:
        result = []
        with self._connection() as conn:
            suspects = {r[0] for r in conn.execute(
                "SELECT peer_replica FROM sync_cursor WHERE abs(clock_offset_ms) > ?",
                (CLOCK_BOUND_MS,))}
            tables = set(synced_tables(conn))
            sql = (f"SELECT id, tbl, row_id, kind, fields, loser, loser_writer, winner_writer, "
                   f"status, origin_office, resolution FROM {CONFLICTS} WHERE NOT deleted")
            params: list[Any] = []
            if not include_resolved:
                sql += " AND status = 'open'"
            if office_id:
                sql += " AND origin_office = ?"
                params.append(office_id)
            for row in conn.execute(sql + " ORDER BY hlc", params).fetchall():
                (ident, table, row_id, kind, fields, loser, loser_writer, winner_writer,
                 status, origin, resolution) = row
                if table not in tables:
                    continue  # a table a newer program has: shown once this one is upgraded
                current = _record(conn, table, row_id)
                other = json.loads(loser)
                if kind == "duplicate":
                    other = _record(conn, table, str(other.get("id"))) or other
                result.append(Conflict(
                    ident, table, row_id, kind, tuple(f for f in fields.split(",") if f),
                    current, other, loser_writer, winner_writer, status, origin,
                    _label(current or other), bool({loser_writer, winner_writer} & suspects),
                    resolution, _refs(conn, table, (current, other))))
        return result

    def resolve(self, conflict_id: str, choice: str | dict[str, str], *,
                operator: str = "") -> None:
        """Settle a conflict: ``"keep"`` the current version, ``"take"`` the other
        one, or a mapping field → ``"current"``/``"other"`` to combine them. For a
        duplicate: ``"same_person"`` retires the second record (kept, marked as
        merged into the first) or ``"different"``. The outcome is an ordinary
        edit: it syncs like any other, and so does the settled conflict."""
        from sqlmodel import select

        from gridoffice.store.tables import SYNCED_TABLES, SyncConflict

        models = {m.__tablename__: m for m in SYNCED_TABLES}  # type: ignore[attr-defined]
        names = office.load_profile(self.path)
        with self.db.write() as session:
            conflict = session.exec(select(SyncConflict).where(
                SyncConflict.id == conflict_id)).first()
            if conflict is None or conflict.status != "open":
                raise UserError(MSG_CONFLICT_GONE)
            if names is not None and names.is_street and conflict.origin_office != \
                    self.db.office_id:
                from gridoffice.services.street import office_names

                raise UserError(MSG_STREET_READ_ONLY, office=office_names(self.path).get(
                    conflict.origin_office, conflict.origin_office[:8]))
            model = models[conflict.tbl]
            record = session.get(model, conflict.row_id)
            other = json.loads(conflict.loser)
            outcome: str
            if conflict.kind == "duplicate":
                outcome = "same_person" if choice == "same_person" else "different"
                second = session.get(model, other.get("id"))
                if outcome == "same_person" and second is not None and not second.deleted:
                    second.deleted = True
                    if hasattr(second, "note"):
                        second.note = f"{second.note or ''} = {conflict.row_id}".strip()
            elif choice == "keep":
                outcome = "kept"
            else:
                if record is None:
                    raise UserError(MSG_CONFLICT_GONE)
                pick = ({f: "other" for f in conflict.fields.split(",") if f}
                        if choice == "take" else dict(choice))
                if choice == "take":
                    pick["deleted"] = "other"
                for name, side in pick.items():
                    if name in rowsfile.SYNC_COLUMNS and name != "deleted" or \
                            name not in model.model_fields:
                        raise UserError(MSG_FIELD_UNKNOWN, field=name)
                    if side == "other" and name in other:
                        value = other[name]
                        current = getattr(record, name)
                        if isinstance(current, dt.date) and isinstance(value, str):
                            value = type(current).fromisoformat(value)
                        elif isinstance(current, bool):
                            value = bool(value)
                        setattr(record, name, value)
                outcome = "taken" if choice == "take" else "combined"
            conflict.status = "resolved"
            conflict.resolution = outcome
            conflict.resolved_on = _now_text(self._now())
            conflict.resolved_by = operator or (names.operator if names else "")

    def reveal_conflict(self, conflict_id: str, *, operator: str = "") -> None:
        """Note in the audit log that someone saw the full id numbers and phones of
        a conflict's two versions (to tell an identity conflict apart)."""
        profile = office.load_profile(self.path)
        with self.db.write() as session:
            audit.record(session, operator or (profile.operator if profile else ""),
                         "reveal_identity", f"sync_conflict:{conflict_id}")

    def duplicates_across_offices(self) -> list[tuple[str, str, str, str]]:
        """Party members with the same id number in two offices (street office):
        (id number, first office, second office, name) — to look into, never merged
        automatically."""
        with self._connection() as conn:
            return [tuple(r) for r in conn.execute(
                "SELECT a.id_number, a.origin_office, b.origin_office, a.name FROM member a "
                "JOIN member b ON b.id_number = a.id_number AND b.origin_office > a.origin_office "
                "WHERE a.id_number IS NOT NULL AND NOT a.deleted AND NOT b.deleted "
                "ORDER BY a.name").fetchall()]


LEFTOVER_AGE_S = 600


def _clear_leftovers(folder: Path) -> None:
    """Remove what an export cut short (power cut, pulled stick) left in a folder:
    its hidden partial files, once they are old enough not to be another PC's
    export in progress in a shared folder. Complete packages are never touched."""
    now = dt.datetime.now().timestamp()
    with contextlib.suppress(OSError):
        for leftover in folder.glob(f".*{packages.SUFFIX}.*.part"):
            with contextlib.suppress(OSError):
                if now - leftover.stat().st_mtime > LEFTOVER_AGE_S:
                    leftover.unlink()


@dataclass(frozen=True)
class _Sender:
    """Who exports: read once for all the packages of one export."""

    profile: office.OfficeProfile
    identity: PublicIdentity
    keys: OfficeKeys
    street: str | None


def _record(conn: sqlite3.Connection, table: str, row_id: str) -> dict[str, Any]:
    """One synced row as a dict (blobs left out); {} when it is not there."""
    cols = rowsfile.columns(conn, table)
    names = ", ".join(f'"{c}"' for c in cols)
    row = conn.execute(f'SELECT {names} FROM "{table}" WHERE id = ?', (row_id,)).fetchone()
    return {} if row is None else {c: v for c, v in zip(cols, row, strict=True)
                                   if not isinstance(v, bytes)}


def _refs(conn: sqlite3.Connection, table: str,
          versions: tuple[dict[str, Any], ...]) -> dict[str, str]:
    """The records a conflict's versions point at (parent organisation, household …),
    by name, so nobody has to compare ids."""
    refs = {}
    for fk in conn.execute(f'PRAGMA foreign_key_list("{table}")').fetchall():
        parent, column = fk[2], fk[3]
        for version in versions:
            value = version.get(column)
            if isinstance(value, str) and value not in refs:
                row = _record(conn, parent, value)
                if row:
                    refs[value] = _label(row)
    return refs


def _label(row: dict[str, Any]) -> str:
    for key in ("name", "title", "subject", "file_name", "code", "item"):
        if row.get(key):
            return str(row[key])
    return str(row.get("id", ""))[:8]


def result_dict(result: ImportResult | ExportResult) -> dict[str, Any]:
    data = dataclasses.asdict(result) if not isinstance(result, ImportResult) else {
        f.name: getattr(result, f.name) for f in dataclasses.fields(result) if f.name != "error"}
    data["path"] = str(data["path"])
    if isinstance(result, ImportResult) and result.error is not None:
        data["error"] = result.error.english()
        data["error_zh"] = result.error.localized("zh_CN")
    if "mismatched" in data:
        data["mismatched"] = list(data["mismatched"])
    return data

