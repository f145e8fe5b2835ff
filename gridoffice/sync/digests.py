"""Digests of a community's data: do two copies hold the same rows?

Per synced table, the sum (mod 2**128) of a hash of every row's version —
(id, hlc, writer) — over the rows the given offices own. A version's content
never changes (every edit, merge or revival is a new version), so two copies
agree on these digests exactly when they hold the same rows.

A sum can be kept up to date: :func:`scope_digests` remembers each table's
digest with the change sequence it covers (``sync_digest``, local) and next
time adds the versions written since and takes away the ones they replaced
(``sync_history`` records the change sequence a replaced version had). The
cost follows the changes, not the size of the database. Plain sqlite3.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from gridoffice.store import driver
from gridoffice.store.digest import addressed_tables, synced_tables
from gridoffice.sync.rows import scope_clause

_MOD = 1 << 128


def _hashed(versions: Iterable[tuple[str, int, str]]) -> int:
    """The sum of the versions' hashes (one expression over the rows: a street's
    import adds up hundreds of thousands)."""
    sha256, from_bytes = hashlib.sha256, int.from_bytes
    return sum(from_bytes(sha256(f"{row_id}|{hlc}|{writer}".encode()).digest()[:16], "big")
               for row_id, hlc, writer in versions)


def _full(conn: driver.Connection, table: str, owners: tuple[str, ...],
          addressed: set[str]) -> int:
    where, params = scope_clause(owners, addressed=table in addressed)
    return _hashed(conn.execute(f'SELECT id, hlc, writer FROM "{table}" WHERE 1{where}',
                                params)) % _MOD


def version_digests(conn: driver.Connection, owners: tuple[str, ...]) -> dict[str, str]:
    """Computed from every row (read-only; the reference for the kept ones)."""
    addressed = addressed_tables(conn)
    return {table: f"{_full(conn, table, owners, addressed):032x}"
            for table in synced_tables(conn)}


def scope_digests(conn: driver.Connection, owners: tuple[str, ...]) -> dict[str, str]:
    """The same digests, kept up to date in ``sync_digest``; call inside a write
    transaction (the kept values are updated there)."""
    key = ",".join(sorted(owners))
    addressed = addressed_tables(conn)
    kept = {tbl: (upto, int(value, 16)) for tbl, upto, value in conn.execute(
        "SELECT tbl, upto, digest FROM sync_digest WHERE scope = ?", (key,))}
    result = {}
    for table in synced_tables(conn):
        top = conn.execute(f'SELECT max(local_seq) FROM "{table}"').fetchone()[0] or 0
        if table not in kept:
            total = _full(conn, table, owners, addressed)
        else:
            where, params = scope_clause(owners, addressed=table in addressed)
            rows_where, _params = scope_clause(owners, addressed=table in addressed,
                                               alias="t.")
            upto, total = kept[table]
            if upto != top:
                total += _hashed(conn.execute(
                    f'SELECT id, hlc, writer FROM "{table}" WHERE local_seq > ?{where}',
                    (upto, *params)))
                # The versions those rows had when the digest was kept.
                total -= _hashed(conn.execute(
                    f'SELECT h.row_id, h.hlc, h.writer FROM "{table}" t '
                    "JOIN sync_history h ON h.tbl = ? AND h.row_id = t.id "
                    f"WHERE t.local_seq > ?{rows_where} AND h.local_seq = ("
                    "SELECT max(o.local_seq) FROM sync_history o WHERE o.tbl = h.tbl "
                    "AND o.row_id = h.row_id AND o.local_seq <= ?)",
                    (table, upto, *params, upto)))
                total %= _MOD
        value = f"{total:032x}"
        result[table] = value
        if table not in kept or kept[table][0] != top:
            conn.execute("INSERT INTO sync_digest (tbl, scope, upto, digest) VALUES (?, ?, ?, ?) "
                         "ON CONFLICT (tbl, scope) DO UPDATE SET upto = excluded.upto, "
                         "digest = excluded.digest", (table, key, top, value))
    return result
