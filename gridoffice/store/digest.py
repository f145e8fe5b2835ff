"""Row counts per area and order-independent content digests per synced table.

Two copies of a community's data hold the same rows exactly when their
digests agree, whatever order the rows were written in (sync compares them).
Plain sqlite3: the headless ``info`` command must stay fast.
"""

from __future__ import annotations

import hashlib

from gridoffice.store import driver
from gridoffice.store.migrations import LOCAL_COLUMNS

# Area name in `info` -> table that holds its records. Later areas add theirs.
AREAS: dict[str, str] = {
    "orgs": "org",
    "members": "member",
    "grids": "grid",
    "households": "household",
    "residents": "resident",
    "meetings": "meeting",
    "registrations": "registration",
    "units": "work_unit",
    "needs": "service_order",
    "resources": "resource",
    "projects": "service_project",
}
#: areas counted by a query of their own: orders sent up to the street office
QUERIED: dict[str, tuple[str, str]] = {
    "requests": ("order_step", "SELECT count(DISTINCT s.order_id) FROM order_step s "
                 "JOIN service_order o ON o.id = s.order_id "
                 "WHERE s.kind = 'send_up' AND NOT s.deleted AND NOT o.deleted"),
}

DIGEST_BITS = 256
_MOD = 1 << DIGEST_BITS


def synced_tables(conn: driver.Connection) -> list[str]:
    """Tables that carry the sync columns (they have ``hlc`` and ``origin_office``)."""
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name"
    )]
    result = []
    for name in names:
        columns = {r[1] for r in conn.execute(f'PRAGMA table_info("{name}")')}
        if {"hlc", "origin_office", "deleted"} <= columns:
            result.append(name)
    return result


#: a street's row meant for one community only (an answer about that community's
#: record): sync sends it to that community and counts it in that community's digests
ADDRESS_COLUMN = "addressed_to"


def addressed_tables(conn: driver.Connection) -> set[str]:
    """Synced tables whose rows may be addressed to one office (:data:`ADDRESS_COLUMN`):
    one query, for it runs beside :func:`synced_tables` at every export, import and
    digest."""
    return {row[0] for row in conn.execute(
        "SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) p "
        "WHERE m.type = 'table' AND p.name = ? AND EXISTS (SELECT 1 FROM "
        "pragma_table_info(m.name) q WHERE q.name = 'hlc')", (ADDRESS_COLUMN,))}


def table_digest(conn: driver.Connection, table: str) -> str:
    """Sum of SHA-256 of every row's repr (all columns, in column-name order), mod 2**256.

    A sum is order-independent and can later be updated row by row.
    """
    columns = sorted(r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')
                     if r[1] not in LOCAL_COLUMNS)
    select = ", ".join(f'"{c}"' for c in columns)
    sha256 = hashlib.sha256
    total = 0
    # repr() of a row of SQLite values (str, int, float, None, bytes) is stable and
    # a third faster than JSON; the sum is reduced once at the end.
    for row in conn.execute(f'SELECT {select} FROM "{table}"'):
        total += int.from_bytes(sha256(repr(row).encode("utf-8")).digest(), "big")
    return f"{total % _MOD:064x}"


def counts(conn: driver.Connection) -> dict[str, int]:
    """Live (not deleted) rows per area."""
    existing = set(synced_tables(conn))
    found = {
        area: conn.execute(f'SELECT count(*) FROM "{table}" WHERE NOT deleted').fetchone()[0]
        for area, table in AREAS.items()
        if table in existing
    }
    found.update({area: conn.execute(query).fetchone()[0]
                  for area, (table, query) in QUERIED.items() if table in existing})
    return found


def digests(conn: driver.Connection) -> dict[str, str]:
    return {table: table_digest(conn, table) for table in synced_tables(conn)}
