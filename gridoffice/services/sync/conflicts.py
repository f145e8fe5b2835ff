"""Conflicts a merge kept: listing them with the records they point at, and resolving
them by choosing or combining versions."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from gridoffice.domain import access
from gridoffice.errors import UserError
from gridoffice.services import office
from gridoffice.services.guard import requires
from gridoffice.services.sync.base import SyncServiceBase
from gridoffice.services.sync.model import (
    CLOCK_BOUND_MS,
    MSG_CONFLICT_GONE,
    MSG_FIELD_UNKNOWN,
    MSG_STREET_READ_ONLY,
    Conflict,
    now_text,
)
from gridoffice.store import audit, driver
from gridoffice.store.digest import synced_tables
from gridoffice.sync import rows as rowsfile
from gridoffice.sync.merge import CONFLICTS


class SyncConflicts(SyncServiceBase):
    """Listing and resolving conflicts."""

    @requires(access.SYNC)
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

    @requires(access.SYNC)
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
            conflict.resolved_on = now_text(self._now())
            conflict.resolved_by = operator or self._operator(names)

    @requires(access.REVEAL)
    def reveal_conflict(self, conflict_id: str, *, operator: str = "") -> None:
        """Note in the audit log that someone saw the full id numbers and phones of
        a conflict's two versions (to tell an identity conflict apart)."""
        profile = office.load_profile(self.path)
        with self.db.write() as session:
            audit.record(session, operator or self._audit_name(profile),
                         "reveal_identity", f"sync_conflict:{conflict_id}")


def _record(conn: driver.Connection, table: str, row_id: str) -> dict[str, Any]:
    """One synced row as a dict (blobs left out); {} when it is not there."""
    cols = rowsfile.columns(conn, table)
    names = ", ".join(f'"{c}"' for c in cols)
    row = conn.execute(f'SELECT {names} FROM "{table}" WHERE id = ?', (row_id,)).fetchone()
    return {} if row is None else {c: v for c, v in zip(cols, row, strict=True)
                                   if not isinstance(v, bytes)}


def _refs(conn: driver.Connection, table: str,
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
