"""Merge a checked rows file (attached as ``payload``) into this database.

Runs inside the caller's write transaction; plain sqlite3, no Qt. For each row
of the package (SYNC.md):

- absent here → inserted;
- the same version (hlc and writer) → nothing;
- based on the version here (its base, or a version it replaced) → applied;
- a version this copy has already replaced → nothing (old news);
- otherwise the two are concurrent: an edit beats a delete, else the higher
  (hlc, writer) wins — the same winner on every copy. Where the two changed
  different fields (against the last version both had), the fields are merged
  into a new version that every copy computes alike; otherwise the losing
  version goes whole into the conflict log, whose row id and stamp follow from
  the versions involved, so every copy that meets the conflict logs the same
  row. A change of an identity field (id number, party status) is never merged:
  it goes to review.

Afterwards a record that cannot exist without its parent (a resident without
its household) revives a parent deleted concurrently, the delete logged; and
records of one office sharing an id number or a code are flagged as duplicates.
The common cases run set-based (one statement per table); only concurrent rows
pass through Python, and there are few of them.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from gridoffice.errors import Cancelled
from gridoffice.store import driver
from gridoffice.store.digest import synced_tables
from gridoffice.sync.rows import HISTORY, SYNC_COLUMNS, columns

CONFLICTS = "sync_conflict"
# Never merged field by field, always to review (DOMAIN: who a person is).
IDENTITY_FIELDS: dict[str, tuple[str, ...]] = {
    "member": ("id_number", "status"),
    "resident": ("id_number",),
    "registration": ("id_number", "party_status"),
}
# Keys one office keeps unique (its services refuse a second one when typed).
DUPLICATE_KEYS: tuple[tuple[str, str], ...] = (
    ("member", "id_number"), ("resident", "id_number"), ("grid", "code"),
    ("registration", "code"), ("work_unit", "name"),
)
_NAMESPACE = uuid.UUID("0d6f2c3e-54b1-4c59-9d0a-3f0e2b8e7a41")


@dataclass
class MergeResult:
    inserted: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    conflicts: list[str] = field(default_factory=list)  # conflict row ids logged now
    merged: int = 0  # concurrent edits merged field by field
    revived: int = 0  # parents brought back for a record added to them
    duplicates: int = 0
    hlc_high: int = 0

    @property
    def rows(self) -> int:
        return sum(self.inserted.values()) + sum(self.updated.values())


def conflict_id(table: str, row_id: str, hlc: int, writer: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"{table}/{row_id}/{hlc}/{writer}"))


def _tag(prefix: str, *parts: object) -> str:
    text = "/".join(str(p) for p in parts)
    return f"{prefix}:{hashlib.sha256(text.encode('utf-8')).hexdigest()[:16]}"


def _json_row(row: dict[str, Any]) -> str:
    return json.dumps({k: v for k, v in row.items() if not isinstance(v, bytes)},
                      ensure_ascii=False, sort_keys=True)


class _Merger:
    def __init__(self, conn: driver.Connection, seq: int, derived: int, schema: str) -> None:
        self.conn = conn
        self.seq = seq  # rows taken verbatim from the package
        self.derived = derived  # rows this merge wrote (merged, revived, logged)
        self.schema = schema
        self.result = MergeResult()
        self._columns: dict[str, list[str]] = {}

    def columns(self, table: str) -> list[str]:
        """This database's synced columns of a table (read once per import)."""
        if table not in self._columns:
            self._columns[table] = columns(self.conn, table)
        return self._columns[table]

    # --- the plan ---------------------------------------------------------------------
    def table(self, table: str) -> None:
        conn, schema = self.conn, self.schema
        cols = columns(conn, table, schema)
        names = ", ".join(f'"{c}"' for c in cols)
        conn.execute("DELETE FROM temp.sync_plan")
        conn.execute(
            f"""INSERT INTO temp.sync_plan (id, action)
            SELECT p.id, CASE
              WHEN m.id IS NULL THEN 'insert'
              WHEN m.hlc = p.hlc AND m.writer = p.writer THEN 'same'
              WHEN m.hlc = p.base_hlc OR EXISTS (
                SELECT 1 FROM "{schema}"."{HISTORY}" h WHERE h.tbl = :t AND h.row_id = p.id
                AND h.hlc = m.hlc AND h.writer = m.writer) THEN 'forward'
              WHEN EXISTS (
                SELECT 1 FROM main.sync_history h WHERE h.tbl = :t AND h.row_id = p.id
                AND h.hlc = p.hlc AND h.writer = p.writer) THEN 'stale'
              ELSE 'concurrent' END
            FROM "{schema}"."{table}" p LEFT JOIN main."{table}" m ON m.id = p.id""",
            {"t": table})
        counts = dict(conn.execute(
            "SELECT action, count(*) FROM temp.sync_plan GROUP BY action").fetchall())
        taken = counts.get("insert", 0) + counts.get("forward", 0)
        if taken:
            updates = ", ".join(f'"{c}" = excluded."{c}"' for c in cols if c != "id")
            # Every row of the package taken (a community's first package): no need
            # to look each one up in the plan ("WHERE true": an upsert's SELECT needs
            # a WHERE clause).
            chosen = "true" if taken == sum(counts.values()) else (
                "id IN (SELECT id FROM temp.sync_plan WHERE action IN ('insert', 'forward'))")
            conn.execute(
                f'INSERT INTO main."{table}" ({names}, local_seq) SELECT {names}, ? '
                f'FROM "{schema}"."{table}" WHERE {chosen} '
                f"ON CONFLICT (id) DO UPDATE SET {updates}, local_seq = excluded.local_seq",
                (self.seq,))
        conn.execute(
            "INSERT OR IGNORE INTO main.sync_history (tbl, row_id, hlc, writer, data) "
            f'SELECT tbl, row_id, hlc, writer, NULL FROM "{schema}"."{HISTORY}" '
            "WHERE tbl = ?", (table,))
        self.result.inserted[table] = counts.get("insert", 0)
        self.result.updated[table] = counts.get("forward", 0)
        if counts.get("concurrent"):
            ids = [r[0] for r in conn.execute(
                "SELECT id FROM temp.sync_plan WHERE action = 'concurrent'")]
            for row_id in ids:
                self.concurrent(table, cols, row_id)
        top = conn.execute(f'SELECT max(hlc) FROM "{schema}"."{table}"').fetchone()[0]
        self.result.hlc_high = max(self.result.hlc_high, top or 0)

    # --- concurrent versions ------------------------------------------------------------
    def _row(self, schema: str, table: str, cols: list[str], row_id: str) -> dict[str, Any]:
        names = ", ".join(f'"{c}"' for c in cols)
        values = self.conn.execute(f'SELECT {names} FROM "{schema}"."{table}" WHERE id = ?',
                                   (row_id,)).fetchone()
        return dict(zip(cols, values, strict=True))

    def _base(self, table: str, row_id: str, local_cols: list[str], remote: dict[str, Any]
              ) -> dict[str, Any] | None:
        """The newest version both sides had, when this copy kept its content."""
        theirs = {(h, w) for h, w in self.conn.execute(
            f'SELECT hlc, writer FROM "{self.schema}"."{HISTORY}" WHERE tbl = ? AND row_id = ?',
            (table, row_id))}
        rows = self.conn.execute(
            "SELECT hlc, writer, data FROM main.sync_history WHERE tbl = ? AND row_id = ? "
            "AND data IS NOT NULL ORDER BY hlc DESC, writer DESC", (table, row_id)).fetchall()
        for hlc, writer, data in rows:
            if (hlc, writer) in theirs or hlc == remote.get("base_hlc"):
                values = json.loads(data)
                if len(values) == len(local_cols):
                    return dict(zip(local_cols, values, strict=True))
        return None

    def concurrent(self, table: str, cols: list[str], row_id: str) -> None:
        local_cols = self.columns(table)
        local = self._row("main", table, local_cols, row_id)
        remote = {**local, **self._row(self.schema, table, cols, row_id)}
        remote_key = (remote["hlc"], remote["writer"])
        local_key = (local["hlc"], local["writer"])
        if bool(local["deleted"]) != bool(remote["deleted"]):
            winner, loser = (local, remote) if not local["deleted"] else (remote, local)
            kind = "delete"
        else:
            winner, loser = (local, remote) if local_key > remote_key else (remote, local)
            kind = "edit"
        content = [c for c in local_cols if c not in SYNC_COLUMNS]
        differing = [c for c in content if local[c] != remote[c]]
        if kind == "edit" and set(differing) & set(IDENTITY_FIELDS.get(table, ())):
            kind = "identity"
        if table == CONFLICTS or (kind == "edit" and not differing):
            # Bookkeeping, or the same change made twice: the winner, no conflict.
            self._take_or_remember(table, local_cols, winner, remote)
            return
        if kind == "edit":
            base = self._base(table, row_id, local_cols, remote)
            if base is not None:
                merged = dict(winner)
                clash = False
                for column in differing:
                    if local[column] == base[column]:
                        merged[column] = remote[column]
                    elif remote[column] == base[column]:
                        merged[column] = local[column]
                    else:
                        clash = True
                        break
                if not clash:
                    first, second = sorted([local_key, remote_key])
                    merged["hlc"] = max(local["hlc"], remote["hlc"]) + 1
                    merged["writer"] = _tag("merge", *first, *second)
                    merged["base_hlc"] = winner["hlc"]
                    self._remember(table, remote)
                    self._write(table, local_cols, merged)
                    self.result.merged += 1
                    return
        self._take_or_remember(table, local_cols, winner, remote)
        self._log(table, row_id, kind, winner, loser, differing)

    def _take_or_remember(self, table: str, cols: list[str], winner: dict[str, Any],
                          remote: dict[str, Any]) -> None:
        """The remote version becomes current, or is remembered as seen (so it is
        old news when it comes again). A version that becomes current enters the
        history only once it is replaced, with the change sequence it had here."""
        if winner is remote:
            self._write(table, cols, remote, verbatim=True)
        else:
            self._remember(table, remote)

    def _remember(self, table: str, row: dict[str, Any]) -> None:
        values = [None if isinstance(v, bytes) else v for k, v in row.items()]
        self.conn.execute(
            "INSERT OR IGNORE INTO main.sync_history (tbl, row_id, hlc, writer, data) "
            "VALUES (?, ?, ?, ?, ?)",
            (table, row["id"], row["hlc"], row["writer"], json.dumps(values, ensure_ascii=False)))

    def _write(self, table: str, cols: list[str], row: dict[str, Any],
               verbatim: bool = False) -> None:
        sets = ", ".join(f'"{c}" = ?' for c in cols if c != "id")
        self.conn.execute(
            f'UPDATE main."{table}" SET {sets}, local_seq = ? WHERE id = ?',
            [*(row[c] for c in cols if c != "id"),
             self.seq if verbatim else self.derived, row["id"]])
        self.result.updated[table] = self.result.updated.get(table, 0) + 1

    def _log(self, table: str, row_id: str, kind: str, winner: dict[str, Any],
             loser: dict[str, Any], differing: list[str], origin: str | None = None) -> None:
        ident = conflict_id(table, row_id, loser["hlc"], loser["writer"])
        stamp = max(winner["hlc"], loser["hlc"])
        cursor = self.conn.execute(
            f"INSERT OR IGNORE INTO main.{CONFLICTS} (id, origin_office, hlc, writer, "
            "base_hlc, deleted, local_seq, tbl, row_id, kind, loser, loser_hlc, loser_writer, "
            "winner_hlc, winner_writer, fields, status) "
            "VALUES (?, ?, ?, 'sync', NULL, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open')",
            (ident, origin or winner["origin_office"], stamp, self.derived, table, row_id, kind,
             _json_row(loser), loser["hlc"], loser["writer"], winner["hlc"], winner["writer"],
             ",".join(differing)))
        if cursor.rowcount:
            self.result.conflicts.append(ident)

    # --- after every table --------------------------------------------------------------
    def revive_parents(self, tables: Iterable[str]) -> None:
        """A live record that cannot exist without its parent, whose parent was
        deleted concurrently, brings the parent back (the delete is logged)."""
        links = []
        for table in tables:
            notnull = {r[1] for r in self.conn.execute(f'PRAGMA table_info("{table}")') if r[3]}
            for fk in self.conn.execute(f'PRAGMA foreign_key_list("{table}")'):
                if fk[3] in notnull and fk[2] != table:
                    links.append((table, fk[3], fk[2]))
        for _round in range(8):  # a house revives its building, the building its grid …
            found = False
            for child, column, parent in links:
                # Children written now, or parents written now: two halves, each
                # found through its table's local_seq index (one OR over both
                # tables would read every row the street holds on every import).
                rows = self.conn.execute(
                    f'SELECT p.id FROM main."{child}" c JOIN main."{parent}" p '
                    f'ON p.id = c."{column}" WHERE c.local_seq IN (?, ?) AND p.deleted '
                    "AND NOT c.deleted UNION "
                    f'SELECT p.id FROM main."{parent}" p JOIN main."{child}" c '
                    f'ON c."{column}" = p.id WHERE p.local_seq IN (?, ?) AND p.deleted '
                    "AND NOT c.deleted ORDER BY 1",
                    (self.seq, self.derived, self.seq, self.derived)).fetchall()
                for (parent_id,) in rows:
                    found = True
                    cols = self.columns(parent)
                    gone = self._row("main", parent, cols, parent_id)
                    back = {**gone, "deleted": 0, "hlc": gone["hlc"] + 1,
                            "writer": _tag("revive", gone["hlc"], gone["writer"]),
                            "base_hlc": gone["hlc"]}
                    self._write(parent, cols, back)
                    self.result.revived += 1
                    self._log(parent, parent_id, "delete", back, gone, ["deleted"])
            if not found:
                return

    def flag_duplicates(self, present: set[str]) -> None:
        """Two live records of one office with the same id number or code: both kept,
        flagged for a person to tell whether they are one (SYNC.md)."""
        for table, key in DUPLICATE_KEYS:
            if table not in present:
                continue
            # Pairs with either record written now: one half per side, each found
            # through the local_seq index (as in revive_parents).
            pair = (f'SELECT a.id, b.id FROM main."{table}" a JOIN main."{table}" b '
                    f'ON b."{key}" = a."{key}" AND b.origin_office = a.origin_office '
                    f'AND b.id > a.id WHERE a."{key}" IS NOT NULL AND a."{key}" != \'\' '
                    "AND NOT a.deleted AND NOT b.deleted")
            pairs = self.conn.execute(
                f"{pair} AND a.local_seq IN (?, ?) UNION {pair} AND b.local_seq IN (?, ?) "
                "ORDER BY 1, 2", (self.seq, self.derived, self.seq, self.derived)).fetchall()
            cols = self.columns(table)
            for first_id, second_id in pairs:
                first = self._row("main", table, cols, first_id)
                second = self._row("main", table, cols, second_id)
                before = len(self.result.conflicts)
                self._log(table, first_id, "duplicate", first, second, [key])
                self.result.duplicates += len(self.result.conflicts) - before


def merge(conn: driver.Connection, seq: int, derived: int, schema: str = "payload",
          progress: Callable[[int, int], bool] | None = None) -> MergeResult:
    """Merge every table of the attached rows file; inside the caller's transaction.
    Rows taken as they came get the local change sequence ``seq`` (not sent back to
    their sender), rows the merge wrote get ``derived`` (sent everywhere).
    ``progress(done, total)`` per table; False raises ``Cancelled`` (the caller
    rolls back)."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS sync_plan "
                 "(id TEXT PRIMARY KEY NOT NULL, action TEXT NOT NULL) WITHOUT ROWID")
    merger = _Merger(conn, seq, derived, schema)
    present = {r[0] for r in conn.execute(
        f"SELECT name FROM \"{schema}\".sqlite_master WHERE type = 'table'")}
    local = synced_tables(conn)
    todo = [t for t in local if t in present and t != CONFLICTS]
    for done, table in enumerate(todo):
        if progress is not None and not progress(done, len(todo) + 1):
            raise Cancelled()
        merger.table(table)
    if CONFLICTS in present:  # last: a resolution replaces what the rows above logged
        merger.table(CONFLICTS)
    merger.revive_parents([t for t in local if t != CONFLICTS])
    merger.flag_duplicates(present)
    conn.execute("DELETE FROM temp.sync_plan")
    return merger.result
