"""Importing packages: checked, merged in one transaction (all or nothing), recorded."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from gridoffice.domain import access
from gridoffice.domain.hlc import pack
from gridoffice.errors import Cancelled, UserError
from gridoffice.paths import AppPaths, clear_private_temp
from gridoffice.services.guard import requires
from gridoffice.services.sync.base import SyncServiceBase
from gridoffice.services.sync.model import (
    CLOCK_BOUND_MS,
    MSG_FORK,
    MSG_MISSING_PARENT,
    MSG_NEWER_SCHEMA,
    SYNC_IMPORT,
    ImportResult,
    Progress,
    now_text,
)
from gridoffice.services.sync_trust import own_keys, trusted
from gridoffice.store import audit, driver, migrations
from gridoffice.store.digest import synced_tables
from gridoffice.sync import package as packages
from gridoffice.sync import rows as rowsfile
from gridoffice.sync.digests import scope_digests
from gridoffice.sync.identity import PublicIdentity
from gridoffice.sync.merge import MergeResult, merge
from gridoffice.sync.rows import quote


class SyncImport(SyncServiceBase):
    """Reading packages from the trusted PCs."""

    _batch: dict[str, bool] | None = None  # while import_files runs: its one backup made?

    @requires(access.SYNC)
    def import_files(self, paths: Sequence[Path], progress: Progress | None = None
                     ) -> list[ImportResult]:
        """Import each file on its own, all or nothing; a refused one says why. One
        backup of the data as it was comes before the first package that is merged
        (not one per package: at a street office each would copy the whole street)."""
        results = []
        steps = 100
        clear_private_temp(self.path.parent)
        self._batch = {"backed_up": False}
        try:
            self._import_each(paths, progress, results, steps)
        finally:
            self._batch = None
        if progress is not None:
            progress(len(paths) * steps, len(paths) * steps)
        return results

    def _import_each(self, paths: Sequence[Path], progress: Progress | None,
                     results: list[ImportResult], steps: int) -> None:
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

    @requires(access.SYNC)
    def import_file(self, path: Path, progress: Progress | None = None) -> ImportResult:
        profile = self.profile()
        self._audit_as = self._audit_name(profile)
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
        # The data as it was, kept before anything is merged (it stays when the import
        # is refused or fails, which leaves the data unchanged anyway).
        from gridoffice.services import backups

        batch = self._batch
        if batch is None or not batch["backed_up"]:
            backups.create(self.path, AppPaths(self.path.parent, True).backup_dir,
                           backups.BEFORE_SYNC)
            if batch is not None:
                batch["backed_up"] = True
        if profile.is_street:
            owners: tuple[str, ...] = (sender.office_id,)
        else:
            owners = self.scope(self.db.office_id)
        with self._connection() as conn:
            # The decrypted rows stay in memory: from the package's bytes into a
            # database of their own (names checked), from there into an attached
            # in-memory ``payload`` that the checks and the merge read.
            try:
                image = rowsfile.open_image(opened.payload)
            except sqlite3.DatabaseError as exc:
                raise UserError(packages.MSG_DAMAGED, path=str(path)) from exc
            opened = dataclasses.replace(opened, payload=b"")  # the bytes are freed
            conn.execute("ATTACH DATABASE ':memory:' AS payload")
            try:
                try:
                    tables = rowsfile.checked_tables(image, conn)
                    conn.execute("BEGIN")
                    rowsfile.copy_tables(image, conn, tables, target_schema="payload")
                    conn.execute("COMMIT")
                except (sqlite3.DatabaseError, driver.DatabaseError) as exc:
                    raise UserError(packages.MSG_DAMAGED, path=str(path)) from exc
                finally:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    image.close()
                return self._apply(conn, path, opened, owners, progress)
            except driver.DatabaseError as exc:
                if "file is not a database" in str(exc) or "malformed" in str(exc):
                    raise UserError(packages.MSG_DAMAGED, path=str(path)) from exc
                raise
            finally:
                with contextlib.suppress(driver.Error):
                    conn.execute("DETACH DATABASE payload")

    def _apply(self, conn: driver.Connection, path: Path, opened: packages.OpenedPackage,
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
            derived = self._stamp(conn)
            merged = merge(conn, seq, derived, progress=progress)
            self._check_parents(conn, path, merged, (seq, derived))
            cursor = self._cursor(conn, sender.replica_id)
            result = self._record(conn, path, manifest, sender, cursor, merged, seq)
            audit.record_sql(conn, self._audit_as, SYNC_IMPORT, sender.display_name,
                             f"{package_id} {path.name} {merged.rows}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        return result

    def _check_parents(self, conn: driver.Connection, path: Path, merged: MergeResult,
                       written: tuple[int, int]) -> None:
        """Every record this import wrote (change sequence in ``written``) finds the
        records it refers to. Only those: the ones here before were checked when they
        came, and a record here is never removed or given another id; checking the
        whole table (``PRAGMA foreign_key_check``) made each import of a street cost
        as much as all the communities already there."""
        touched = [t for t in synced_tables(conn)
                   if merged.inserted.get(t) or merged.updated.get(t)]
        for table in touched:
            for parent, here, keys in rowsfile.foreign_keys(conn, table):
                filled = " AND ".join(f"c.{quote(column)} IS NOT NULL" for column in here)
                found = " AND ".join(f"p.{quote(key)} = c.{quote(column)}"
                                     for column, key in zip(here, keys, strict=True))
                broken = conn.execute(
                    f"SELECT 1 FROM main.{quote(table)} c WHERE c.local_seq IN (?, ?) "
                    f"AND {filled} AND NOT EXISTS (SELECT 1 FROM main.{quote(parent)} p "
                    f"WHERE {found}) LIMIT 1", written).fetchone()
                if broken:
                    raise UserError(MSG_MISSING_PARENT, path=str(path), table=f"{table} → {parent}")

    def _record(self, conn: driver.Connection, path: Path, manifest: dict[str, Any],
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
        now = now_text(self._now())
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
            digests_agree=agree, mismatched=mismatched,
            tables=tuple(sorted(t for t, n in (merged.inserted | merged.updated).items() if n)))
