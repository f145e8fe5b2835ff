"""The rows a package carries, as a small SQLite database (set-based in and out).

Export copies the synced rows this copy changed after a peer's acknowledged
change sequence into an in-memory database attached as ``payload``: one table
per synced table with exactly the synced columns (the local change sequence
stays home), in one ``INSERT … SELECT`` each, and the versions each row had
before (``_history``: which versions the sender has seen replaced), so the
recipient can tell an old version from a concurrent edit.

The package carries that database as an ordinary SQLite file image, made and
read in memory only: decrypted rows never lie on disk. The main connection may
be a binding without ``serialize`` (SQLCipher), so the rows go through the
standard library's sqlite3 in batches (:func:`copy_tables`, plain DB-API
calls): :func:`rows_image` on export, :func:`open_image` and
:func:`checked_tables` on import, which copies the image into an in-memory
``payload`` and checks that before anything else looks at it: only known
tables, this program's columns, the sync columns filled in, every value of the
type its column holds, only records of the offices allowed. No Qt.
"""

from __future__ import annotations

import secrets
import sqlite3
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from gridoffice.domain.text import bad_character, code_point
from gridoffice.errors import UserError
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.store import driver
from gridoffice.store.digest import ADDRESS_COLUMN, addressed_tables, synced_tables
from gridoffice.store.migrations import LOCAL_COLUMNS

MSG_ROWS_BAD = QT_TRANSLATE_NOOP(
    "errors", "The package's rows are not in the form this program expects ({problem}); "
    "nothing was changed.")
MSG_FOREIGN_ROWS = QT_TRANSLATE_NOOP(
    "errors", "The package carries {count} records that belong to another office "
    "({table}); a package may only carry its sender's records. Nothing was changed.")

SYNC_COLUMNS = ("id", "origin_office", "hlc", "writer", "base_hlc", "deleted")
HISTORY = "_history"
HISTORY_COLUMNS = ["tbl", "row_id", "hlc", "writer"]
BATCH_BYTES = 4 * 2**20  # about what one batch of rows holds, whatever their size
MAX_BATCH = 20_000  # rows
TEXT_BATCH = 2000  # rows whose texts are searched at once


@dataclass(frozen=True)
class RowsCopy:
    counts: dict[str, int]
    hlc_low: int  # the oldest and newest change carried (0 for none)
    hlc_high: int


def columns(conn: driver.Connection, table: str, schema: str = "main") -> list[str]:
    """The synced columns of a table (local bookkeeping left out), in table order."""
    return [row[1] for row in conn.execute(f'PRAGMA "{schema}".table_info("{table}")')
            if row[1] not in LOCAL_COLUMNS]


def foreign_keys(conn: driver.Connection, table: str
                 ) -> list[tuple[str, list[str], list[str]]]:
    """Each reference of ``table`` to another record: the parent table, the columns
    here and the parent's columns they hold (its primary key when not named)."""
    groups: dict[int, tuple[str, list[str], list[str | None]]] = {}
    for ident, _seq, parent, column, key, *_rest in conn.execute(
            f"PRAGMA main.foreign_key_list({quote(table)})"):
        groups.setdefault(ident, (parent, [], []))
        groups[ident][1].append(column)
        groups[ident][2].append(key)
    result = []
    for parent, here, keys in groups.values():
        if None in keys:
            primary = sorted((row[5], row[1]) for row in conn.execute(
                f"PRAGMA main.table_info({quote(parent)})") if row[5])
            keys = [name for _pk, name in primary]
        result.append((parent, here, [str(key) for key in keys]))
    return result


def quote(name: str) -> str:
    """An SQL identifier, quoted."""
    return '"' + name.replace('"', '""') + '"'


def _shown(name: str) -> str:
    """A name from a package as a message may show it (it may be hostile)."""
    if len(name) > 64 or bad_character(name) is not None:
        return ascii(name[:64])
    return name


def _row_bytes(batch: Sequence[Sequence[Any]]) -> int:
    """About how many bytes a row of ``batch`` holds (the largest of a sample)."""
    step = max(1, len(batch) // 32)
    return max(sum(len(v) if isinstance(v, (str, bytes)) else 8 for v in row) + 16 * len(row)
               for row in batch[::step])


def copy_tables(source: Any, target: Any, tables: Sequence[tuple[str, Sequence[str]]], *,
                source_schema: str = "main", target_schema: str = "main") -> dict[str, int]:
    """Copy each ``(table, columns)`` of ``source`` into a new table of ``target``
    with those columns, untyped (every value kept as it is stored), in batches of
    bounded size; the rows copied per table.

    Only plain DB-API calls (``execute``, ``fetchmany``, ``executemany``): either
    side may be the standard library's sqlite3 or another SQLite binding. Names
    come from this program's schema or were checked by :func:`checked_tables`;
    the caller owns the transactions.

    A NULL crosses as a stand-in text, turned back into NULL by the insert: the
    bindings adapt a ``None`` parameter the slow way (sqlcipher3 raises and clears
    an exception per value, about 1 µs), which made a register's many empty fields
    the largest cost of an import. The stand-in is random for each copy, so no
    stored value (not even a hostile package's) can be taken for it."""
    null = f"gridoffice-null-{secrets.token_hex(16)}"  # hex: safe inside a literal
    value = f"nullif(?, '{null}')"
    counts: dict[str, int] = {}
    for table, names in tables:
        created = ", ".join(quote(name) for name in names)
        selected = ", ".join(f"coalesce({quote(name)}, '{null}')" for name in names)
        target.execute(f"CREATE TABLE {quote(target_schema)}.{quote(table)} ({created})")
        insert = (f"INSERT INTO {quote(target_schema)}.{quote(table)} VALUES "
                  f"({', '.join([value] * len(names))})")
        cursor = source.execute(f"SELECT {selected} FROM {quote(source_schema)}.{quote(table)}")
        size, copied = 1, 0
        while batch := cursor.fetchmany(size):
            target.executemany(insert, batch)
            copied += len(batch)
            # Rows differ a lot (a photo against a phone number): batches grow
            # (at most twice as large each time) up to about BATCH_BYTES.
            size = max(1, min(2 * size, MAX_BATCH, BATCH_BYTES // _row_bytes(batch)))
            del batch
        counts[table] = copied
    return counts


def schema_tables(conn: Any, schema: str = "payload") -> list[tuple[str, list[str]]]:
    """The tables of a rows database this program filled (attached as ``schema``)
    and their columns, the newest table first."""
    names = [row[0] for row in conn.execute(
        f"SELECT name FROM {quote(schema)}.sqlite_master WHERE type = 'table' "
        "ORDER BY rowid DESC")]
    return [(name, [row[1] for row in conn.execute(
        f"PRAGMA {quote(schema)}.table_info({quote(name)})")]) for name in names]


def rows_image(conn: Any, schema: str = "payload") -> sqlite3.Connection:
    """The rows database attached to ``conn`` as ``schema`` moved into a new
    in-memory database of the standard library's sqlite3 (which can write a file
    image of it: ``serialize()``); the caller closes it. Each table is dropped
    from ``schema`` once copied: attached in memory with ``auto_vacuum`` (see
    :func:`attach_memory`), it gives its memory back, so the rows are held
    about once, not twice."""
    image = sqlite3.connect(":memory:", isolation_level=None)
    try:
        image.execute("PRAGMA journal_mode = OFF")  # a new database: nothing to roll back
        for table, names in schema_tables(conn, schema):  # newest first: from the end
            image.execute("BEGIN")
            copy_tables(conn, image, [(table, names)], source_schema=schema)
            image.execute("COMMIT")
            conn.execute(f"DROP TABLE {quote(schema)}.{quote(table)}")
    except BaseException:
        image.close()
        raise
    return image


def attach_memory(conn: Any, schema: str = "payload") -> None:
    """Attach an empty in-memory database as ``schema``, which gives back the
    memory of what is dropped from it."""
    conn.execute(f"ATTACH DATABASE ':memory:' AS {quote(schema)}")
    conn.execute(f"PRAGMA {quote(schema)}.auto_vacuum = FULL")


def open_image(payload: bytes) -> sqlite3.Connection:
    """A package's rows (an SQLite file image) as an in-memory database, read only.
    A damaged image raises :class:`sqlite3.DatabaseError` when it is read."""
    image = sqlite3.connect(":memory:", isolation_level=None)
    try:
        image.execute("PRAGMA trusted_schema = OFF")  # no functions from its schema
        image.deserialize(payload)
        image.execute("PRAGMA query_only = ON")
    except BaseException:
        image.close()
        raise
    return image


def checked_tables(image: sqlite3.Connection, conn: Any) -> list[tuple[str, list[str]]]:
    """The tables and columns of a package's rows database ``image`` that may be
    copied next to ``conn``'s data: only this program's synced tables and the
    version list, only their columns (local bookkeeping left out), each once.
    Anything else refuses the package before a name reaches a statement."""
    known = {table: set(columns(conn, table)) for table in synced_tables(conn)}
    present = [row[0] for row in image.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' LIMIT ?", (len(known) + 2,))]
    if len(present) > len(known) + 1:
        raise UserError(MSG_ROWS_BAD, problem="too many tables")
    checked = []
    for table in present:
        if table != HISTORY and table not in known:
            raise UserError(MSG_ROWS_BAD, problem=f"unknown table {_shown(table)}")
        theirs = [row[1] for row in image.execute(f"PRAGMA table_info({quote(table)})")]
        if table == HISTORY:
            if theirs != HISTORY_COLUMNS:
                raise UserError(MSG_ROWS_BAD, problem="columns of the version list")
        elif len(theirs) > len(known[table]) + len(LOCAL_COLUMNS) \
                or len(set(theirs)) != len(theirs) \
                or not set(theirs) <= known[table] | set(LOCAL_COLUMNS):
            raise UserError(MSG_ROWS_BAD, problem=f"columns of {table}")
        checked.append((table, [name for name in theirs if name not in LOCAL_COLUMNS]))
    return checked


def scope_clause(owners: tuple[str, ...] | None, column: str = "origin_office", *,
                 addressed: bool = False, alias: str = "") -> tuple[str, list[object]]:
    """`` AND …``: the rows one of ``owners`` owns; of a table with addressed rows
    (``addressed``), only those addressed to nobody or to one of ``owners`` (a street's
    answer about community A's record is A's data, not B's)."""
    if owners is None:
        return "", []
    marks = ",".join("?" * len(owners))
    sql = f" AND {alias}{column} IN ({marks})"
    params: list[object] = list(owners)
    if addressed:
        sql += f" AND ({alias}{ADDRESS_COLUMN} IS NULL OR {alias}{ADDRESS_COLUMN} IN ({marks}))"
        params += owners
    return sql, params


def echo_clause(peer: str | None) -> tuple[str, list[object]]:
    """Leaves out the versions that came verbatim from ``peer`` itself — from its
    current incarnation only: a PC restored from a backup has lost them."""
    if peer is None:
        return "", []
    return (" AND local_seq NOT IN (SELECT p.applied_seq FROM main.sync_package p "
            "JOIN main.sync_cursor c ON c.peer_replica = p.peer_replica "
            "AND c.in_incarnation = p.incarnation WHERE p.direction = 'in' "
            "AND p.peer_replica = ? AND p.applied_seq IS NOT NULL)", [peer])


def copy_rows(conn: driver.Connection, since_seq: int = 0,
              owners: tuple[str, ...] | None = None, schema: str = "payload",
              peer: str | None = None) -> RowsCopy:
    """Inside the caller's transaction, copy every synced row with
    ``local_seq > since_seq`` (and, given ``owners``, owned by one of them; not
    received verbatim from ``peer``) into the attached, empty database
    ``schema``, with the versions they replaced."""
    echo_sql, echo_params = echo_clause(peer)
    addressed = addressed_tables(conn)
    counts: dict[str, int] = {}
    low = high = 0
    conn.execute(f'CREATE TABLE "{schema}"."{HISTORY}" (tbl TEXT NOT NULL, row_id TEXT NOT '
                 "NULL, hlc INTEGER NOT NULL, writer TEXT NOT NULL)")
    for table in synced_tables(conn):
        names = ", ".join(f'"{c}"' for c in columns(conn, table))
        conn.execute(f'CREATE TABLE "{schema}"."{table}" AS SELECT {names} '
                     f'FROM main."{table}" WHERE 0')
        owner_sql, owner_params = scope_clause(owners, addressed=table in addressed)
        cursor = conn.execute(
            f'INSERT INTO "{schema}"."{table}" SELECT {names} FROM main."{table}" '
            f"WHERE local_seq > ?{owner_sql}{echo_sql}",
            [since_seq, *owner_params, *echo_params])
        counts[table] = cursor.rowcount
        if cursor.rowcount:
            bottom, top = conn.execute(
                f'SELECT min(hlc), max(hlc) FROM "{schema}"."{table}"').fetchone()
            low = min(low or bottom, bottom)
            high = max(high, top)
            conn.execute(
                f'INSERT INTO "{schema}"."{HISTORY}" SELECT h.tbl, h.row_id, h.hlc, h.writer '
                f'FROM "{schema}"."{table}" p JOIN main.sync_history h '
                "ON h.tbl = ? AND h.row_id = p.id", (table,))
    return RowsCopy(counts, low, high)


# A row without what sync needs to place it (refused before anything else).
_MISSING_SQL = ("id IS NULL OR id = '' OR origin_office IS NULL OR hlc IS NULL "
                "OR typeof(hlc) != 'integer' OR writer IS NULL OR deleted NOT IN (0, 1)")
_TYPES = {"INTEGER": ("integer",), "BOOLEAN": ("integer",), "TEXT": ("text",),
          "DATE": ("text",), "DATETIME": ("text",), "REAL": ("real", "integer"),
          "BLOB": ("blob",)}


def check_texts(conn: driver.Connection, schema: str, table: str, names: list[str], *,
                batch_rows: int = TEXT_BATCH, texts_only: Collection[str] = ()) -> None:
    """Refuse the package when a text holds a control or text-direction character
    (the same rule as every service's check), naming the table and field.

    SQL joins each row's texts into one (values of other types left out), Python
    looks at many rows' texts at once: one search per batch, not one call per
    value. Joining valid texts makes no new character, so a batch without a hit
    has no row to refuse; with one, the rows are looked at one by one, in the
    order they lie, for the first such value and its field. The columns in
    ``texts_only`` were checked to hold only texts or NULL: no type test there."""
    if not names:
        return
    joined = " || ".join(
        f"coalesce({quote(name)}, '')" if name in texts_only
        else f"iif(typeof({quote(name)}) = 'text', {quote(name)}, '')" for name in names)
    cursor = conn.execute(f"SELECT {joined} FROM {quote(schema)}.{quote(table)}")
    while batch := cursor.fetchmany(batch_rows):
        if bad_character("".join([row[0] for row in batch])) is not None:
            _refuse_text(conn, schema, table, names)


def _refuse_text(conn: driver.Connection, schema: str, table: str, names: list[str]) -> None:
    """The first row (in the order they lie) with a refused character: refused,
    with its field and character."""
    selected = ", ".join(quote(name) for name in names)
    cursor = conn.execute(f"SELECT id, {selected} FROM {quote(schema)}.{quote(table)}")
    while batch := cursor.fetchmany(TEXT_BATCH):
        for row in batch:
            for name, value in zip(names, row[1:], strict=True):
                if isinstance(value, str) and (char := bad_character(value)) is not None:
                    raise UserError(MSG_ROWS_BAD, problem=f"{table}.{name} of {row[0]} holds "
                                    f"the character {code_point(char)}")


def check_rows(conn: driver.Connection, owners: tuple[str, ...] | None = None,
               schema: str = "payload") -> dict[str, int]:
    """Check an attached rows file against this database; its row counts.

    The file may come from an older program (fewer columns: the missing ones take
    their defaults), never carry columns this program does not know."""
    known = set(synced_tables(conn))
    addressed = addressed_tables(conn)
    present = [row[0] for row in conn.execute(
        f"SELECT name FROM \"{schema}\".sqlite_master WHERE type = 'table'")]
    counts: dict[str, int] = {}
    for table in present:
        if table == HISTORY:
            if columns(conn, table, schema) != HISTORY_COLUMNS:
                raise UserError(MSG_ROWS_BAD, problem="columns of the version list")
            continue
        if table not in known:
            raise UserError(MSG_ROWS_BAD, problem=f"unknown table {table}")
        theirs = columns(conn, table, schema)
        ours = {row[1]: row for row in conn.execute(f'PRAGMA main.table_info("{table}")')}
        if not set(SYNC_COLUMNS) <= set(theirs) or not set(theirs) <= set(ours) \
                or len(set(theirs)) != len(theirs):
            raise UserError(MSG_ROWS_BAD, problem=f"columns of {table}")
        tests = []
        for name in theirs:
            _cid, _name, declared, notnull, _default, _pk = ours[name]
            allowed = _TYPES.get((declared or "").split("(")[0].upper())
            if allowed is None:
                continue
            # typeof(x) <> 'a' AND typeof(x) <> 'b': the same test as NOT IN ('a', 'b'),
            # about half the cost per value.
            tests.append("(" + " AND ".join(
                f"typeof(\"{name}\") <> '{kind}'"
                for kind in (*allowed, *(() if notnull else ("null",)))) + ")")
        wrong_sql = " OR ".join(tests) or "0"
        owner_sql, params = scope_clause(
            owners, addressed=table in addressed and ADDRESS_COLUMN in theirs)
        # One reading of the rows counts what each check below refuses; the checks
        # still refuse in the same order, with the same message.
        total, missing, wrong, duplicates, foreign = conn.execute(
            f"SELECT count(*), count(CASE WHEN {_MISSING_SQL} THEN 1 END), "
            f"count(CASE WHEN {wrong_sql} THEN 1 END), count(*) - count(DISTINCT id), "
            f"count(CASE WHEN NOT (1{owner_sql}) THEN 1 END) "
            f'FROM "{schema}"."{table}"', params).fetchone()
        if missing:
            raise UserError(MSG_ROWS_BAD, problem=f"{missing} rows of {table} without "
                            "their sync columns")
        if wrong:
            first = conn.execute(f'SELECT id FROM "{schema}"."{table}" WHERE {wrong_sql} '
                                 "LIMIT 1").fetchone()
            raise UserError(MSG_ROWS_BAD, problem=f"a value of the wrong type in "
                            f"{table} {first[0]}")
        declared = {name: (ours[name][2] or "").split("(")[0].upper() for name in theirs}
        check_texts(conn, schema, table, [
            name for name in theirs if declared[name] in ("TEXT", "VARCHAR", "")],
            texts_only={name for name in theirs if _TYPES.get(declared[name]) == ("text",)})
        if duplicates:
            raise UserError(MSG_ROWS_BAD, problem=f"{duplicates} repeated ids in {table}")
        if foreign:
            raise UserError(MSG_FOREIGN_ROWS, count=foreign, table=table)
        counts[table] = total
    return counts
