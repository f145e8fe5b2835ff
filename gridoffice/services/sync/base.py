"""What every part of the sync service shares: the database and clocks, who this office
is and whose records it holds, the state file that tells a restored backup, and the
raw connection, clock stamp and cursor of a peer."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from gridoffice.domain.access import Actor
from gridoffice.domain.hlc import uuid7, wall_millis
from gridoffice.errors import StorageError, UserError
from gridoffice.fileio import atomic_output
from gridoffice.services import office
from gridoffice.services.guard import FREE, requires
from gridoffice.services.sync.model import META_EXPORTS, META_INCARNATION, STATE_FILE
from gridoffice.services.sync_trust import MSG_NOT_SET_UP, peers
from gridoffice.store import driver
from gridoffice.store.database import Database
from gridoffice.store.files import connect


class SyncServiceBase:
    """State and helpers shared by the parts of :class:`SyncService`."""

    def __init__(self, db: Database, *, now: Callable[[], dt.datetime] | None = None,
                 wall_ms: Callable[[], int] = wall_millis) -> None:
        self.db = db
        self.actor = Actor.open()  # the container sets the signed-in account
        self._audit_as = ""  # who the audit log names for the import under way
        self._now = now or dt.datetime.now
        self._wall_ms = wall_ms

    @property
    def path(self) -> Path:
        return self.db.path

    @requires(FREE)
    def profile(self) -> office.OfficeProfile:
        profile = office.load_profile(self.path)
        if profile is None:
            raise UserError(MSG_NOT_SET_UP)
        return profile

    @requires(FREE)
    def street_office_id(self) -> str | None:
        profile = self.profile()
        if profile.is_street:
            return self.db.office_id
        for peer in peers(self.path):
            if peer.identity.role == "street" and peer.revoked_at is None:
                return peer.identity.office_id
        return None

    @requires(FREE)
    def scope(self, community_office: str, street: str | None = None) -> tuple[str, ...]:
        """The offices whose records make up one community's data (``street``: the
        street office's id, when the caller has it already)."""
        street = street or self.street_office_id()
        return (community_office, street) if street and street != community_office \
            else (community_office,)

    def _operator(self, profile: office.OfficeProfile | None) -> str:
        """The name written into records: the actor's (the office's typed operator when
        the service acts for nobody in particular)."""
        return self.actor.operator or (profile.operator if profile else "")

    def _audit_name(self, profile: office.OfficeProfile | None) -> str:
        """The name the audit log records: the signed-in account's login."""
        return self.actor.audit_name or (profile.operator if profile else "")

    def _state_path(self) -> Path:
        return self.path.parent / STATE_FILE

    def _check_incarnation(self, conn: driver.Connection) -> str:
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

    def _write_state(self, conn: driver.Connection) -> None:
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        data = json.dumps({"replica_id": meta["replica_id"],
                           "incarnation": meta[META_INCARNATION],
                           "exports": int(meta.get(META_EXPORTS, "0"))})
        with contextlib.suppress(OSError, StorageError), atomic_output(
                self._state_path()) as partial:
            partial.write_text(data, "utf-8")

    @contextlib.contextmanager
    def _connection(self) -> Iterator[driver.Connection]:
        conn = connect(self.path)
        try:
            yield conn
        finally:
            conn.close()

    def _stamp(self, conn: driver.Connection) -> int:
        self.db.observe_stored_clock(conn)
        stamp = self.db.clock.now()
        conn.execute("UPDATE meta SET value = ? WHERE key = 'hlc_last'", (str(stamp),))
        return stamp

    @staticmethod
    def _cursor(conn: driver.Connection, replica: str) -> dict[str, Any]:
        conn.execute("INSERT OR IGNORE INTO sync_cursor (peer_replica) VALUES (?)", (replica,))
        found = conn.execute("SELECT * FROM sync_cursor WHERE peer_replica = ?", (replica,))
        names = [d[0] for d in found.description]
        return dict(zip(names, found.fetchone(), strict=True))
