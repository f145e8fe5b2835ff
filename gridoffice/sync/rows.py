"""The rows a package carries, as a small SQLite file (set-based in and out).

Export copies the synced rows changed after a clock watermark into a fresh
SQLite file with one table per synced table, in one ``INSERT … SELECT`` each —
no row passes through Python. Import attaches such a file read-only and checks
it before anything else looks at it: only known tables, exactly this program's
columns for the schema the manifest names, and the sync columns filled in.
Plain sqlite3, no Qt.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from gridoffice.errors import UserError
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.store.digest import synced_tables

MSG_ROWS_BAD = QT_TRANSLATE_NOOP(
    "errors", "The package's rows are not in the form this program expects ({problem}); "
    "nothing was changed.")

SYNC_COLUMNS = ("id", "origin_office", "hlc", "writer", "base_hlc", "deleted")


@dataclass(frozen=True)
class RowsFile:
    path: Path
    counts: dict[str, int]
    hlc_high: int  # the newest change carried (0 for none)


def columns(conn: sqlite3.Connection, table: str, schema: str = "main") -> list[str]:
    return [row[1] for row in conn.execute(f'PRAGMA "{schema}".table_info("{table}")')]


def export_rows(conn: sqlite3.Connection, target: Path, since_hlc: int = 0,
                owners: tuple[str, ...] | None = None) -> RowsFile:
    """Copy the rows of every synced table with ``hlc > since_hlc`` (and, given
    ``owners``, owned by one of those offices) into a new SQLite file ``target``."""
    if target.exists():
        target.unlink()
    conn.execute("ATTACH DATABASE ? AS payload", (str(target),))
    counts: dict[str, int] = {}
    high = 0
    try:
        owner_clause = ""
        params: list[object] = [since_hlc]
        if owners is not None:
            owner_clause = f" AND origin_office IN ({','.join('?' * len(owners))})"
            params += list(owners)
        for table in synced_tables(conn):
            names = ", ".join(f'"{c}"' for c in columns(conn, table))
            conn.execute(f'CREATE TABLE payload."{table}" AS SELECT {names} '
                         f'FROM main."{table}" WHERE 0')
            cursor = conn.execute(
                f'INSERT INTO payload."{table}" SELECT {names} FROM main."{table}" '
                f"WHERE hlc > ?{owner_clause}", params)
            counts[table] = cursor.rowcount
            top = conn.execute(f'SELECT max(hlc) FROM payload."{table}"').fetchone()[0]
            high = max(high, top or 0)
        conn.commit()
    finally:
        conn.execute("DETACH DATABASE payload")
    return RowsFile(target, counts, high)


def check_rows(conn: sqlite3.Connection, schema: str = "payload") -> dict[str, int]:
    """Check an attached rows file against this database; its row counts."""
    known = set(synced_tables(conn))
    present = [row[0] for row in conn.execute(
        f"SELECT name FROM \"{schema}\".sqlite_master WHERE type = 'table'")]
    counts: dict[str, int] = {}
    for table in present:
        if table not in known:
            raise UserError(MSG_ROWS_BAD, problem=f"unknown table {table}")
        if columns(conn, table, schema) != columns(conn, table):
            raise UserError(MSG_ROWS_BAD, problem=f"columns of {table}")
        missing = conn.execute(
            f'SELECT count(*) FROM "{schema}"."{table}" WHERE id IS NULL OR id = \'\' '
            "OR origin_office IS NULL OR hlc IS NULL OR typeof(hlc) != 'integer' "
            "OR writer IS NULL OR deleted NOT IN (0, 1)").fetchone()[0]
        if missing:
            raise UserError(MSG_ROWS_BAD, problem=f"{missing} rows of {table} without "
                            "their sync columns")
        duplicates = conn.execute(
            f'SELECT count(*) - count(DISTINCT id) FROM "{schema}"."{table}"').fetchone()[0]
        if duplicates:
            raise UserError(MSG_ROWS_BAD, problem=f"{duplicates} repeated ids in {table}")
        counts[table] = conn.execute(f'SELECT count(*) FROM "{schema}"."{table}"').fetchone()[0]
    return counts
