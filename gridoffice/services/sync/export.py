"""Exporting: one package per recipient PC, with every change it has not acknowledged,
audited before the file exists."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gridoffice.domain import access
from gridoffice.domain.hlc import uuid7
from gridoffice.errors import Cancelled, Term, UserError
from gridoffice.paths import clear_private_temp, storage_error
from gridoffice.services import office
from gridoffice.services.guard import requires
from gridoffice.services.sync.base import SyncServiceBase
from gridoffice.services.sync.model import (
    LEFTOVER_AGE_S,
    META_EXPORTS,
    MSG_NO_PEER,
    MSG_ONE_FILE,
    MSG_UNKNOWN_PEER,
    SYNC_EXPORT,
    ExportResult,
    Progress,
    now_text,
)
from gridoffice.services.sync_trust import (
    EXPECT_COMMUNITIES,
    EXPECT_STREET,
    own_identity,
    own_keys,
    peers,
)
from gridoffice.store import audit, driver, migrations
from gridoffice.sync import package as packages
from gridoffice.sync import rows as rowsfile
from gridoffice.sync.digests import scope_digests
from gridoffice.sync.identity import OfficeKeys, PublicIdentity


class SyncExport(SyncServiceBase):
    """Writing packages for the trusted PCs."""

    @requires(access.SYNC)
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

    @requires(access.SYNC)
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
        with self._connection() as conn:
            # The rows are made in memory only: decrypted, they never lie on disk.
            rowsfile.attach_memory(conn)
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
                    manifest = self._manifest(
                        conn, sender, recipient, cursor, copied, scope, package_id=package_id,
                        incarnation=incarnation, sequence=sequence, seq_high=seq_high,
                        now=now)
                    conn.execute(
                        "UPDATE sync_cursor SET out_sequence = ?, out_at = ? "
                        "WHERE peer_replica = ?", (sequence, now_text(now),
                                                   recipient.replica_id))
                    conn.execute(
                        "INSERT INTO sync_package (package_id, direction, peer_replica, "
                        "incarnation, sequence, at, rows, manifest) "
                        "VALUES (?, 'out', ?, ?, ?, ?, ?, ?)",
                        (package_id, recipient.replica_id, incarnation, sequence,
                         now_text(now), sum(copied.counts.values()),
                         json.dumps({k: v for k, v in manifest.items() if k != "digests"},
                                    ensure_ascii=False)))
                    conn.execute("INSERT INTO meta (key, value) VALUES (?, '1') ON CONFLICT "
                                 "(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1",
                                 (META_EXPORTS,))
                    # Before the file exists: a package of personal data is never
                    # written without its audit entry.
                    audit.record_sql(conn, self._audit_name(profile), SYNC_EXPORT,
                                     recipient.display_name,
                                     f"{package_id} {sum(copied.counts.values())}")
                    conn.execute("COMMIT")
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
                image = rowsfile.rows_image(conn)
            finally:
                conn.execute("DETACH DATABASE payload")
            try:  # the file image of the rows, as the package carries it
                payload = image.serialize()
            finally:
                image.close()
            self._write_state(conn)
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

    def _manifest(self, conn: driver.Connection, sender: _Sender, recipient: PublicIdentity,
                  cursor: dict[str, Any], copied: rowsfile.RowsCopy, scope: tuple[str, ...], *,
                  package_id: str, incarnation: str, sequence: int, seq_high: int,
                  now: dt.datetime) -> dict[str, Any]:
        """A package's manifest: who sends it to whom, where it sits in the sender's
        history, what it carries and the digests of the scope."""
        return {
            "package_id": package_id, "schema": migrations.current_version(),
            "min_reader_schema": migrations.current_version(),
            "created": now_text(now), "created_ms": self._wall_ms(),
            "sender_office": self.db.office_id, "sender_replica": self.db.replica_id,
            "sender_name": sender.identity.display_name, "sender_role": sender.profile.role,
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


def _safe(name: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "-", name).strip("-") or "office"


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
