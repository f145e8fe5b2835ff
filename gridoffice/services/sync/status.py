"""What sync has done and is due: the inbox, each peer's status, and people recorded
by two offices."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from gridoffice.domain import access
from gridoffice.errors import UserError
from gridoffice.services.guard import requires
from gridoffice.services.sync.base import SyncServiceBase
from gridoffice.services.sync.model import PeerStatus
from gridoffice.services.sync_trust import peers
from gridoffice.store.digest import addressed_tables, synced_tables
from gridoffice.sync import package as packages
from gridoffice.sync import rows as rowsfile
from gridoffice.sync.merge import CONFLICTS


class SyncStatus(SyncServiceBase):
    """The inbox, the peers' status and cross-office duplicates."""

    @requires(access.SYNC)
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

    @requires(access.SYNC)
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
            addressed = addressed_tables(conn)
            for peer in peers(self.path):
                if peer.revoked_at is not None:
                    continue
                ident = peer.identity
                cursor = cursors.get(ident.replica_id)
                community = ident.office_id if profile.is_street else self.db.office_id
                owners = (self.db.office_id,) if not profile.is_street \
                    else self.scope(community, street)
                acked = cursor[3] if cursor else 0
                echo_sql, echo_params = rowsfile.echo_clause(ident.replica_id)
                pending = 0
                for t in tables:
                    owner_sql, owner_params = rowsfile.scope_clause(
                        owners, addressed=t in addressed)
                    pending += conn.execute(
                        f'SELECT count(*) FROM "{t}" WHERE local_seq > ?{owner_sql}{echo_sql}',
                        (acked, *owner_params, *echo_params)).fetchone()[0]
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

    @requires(access.SYNC)
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
