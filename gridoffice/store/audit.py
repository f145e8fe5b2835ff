"""The append-only audit log: who saw a full ID number, exported or printed what.

The file keeps the log append-only (triggers refuse UPDATE and DELETE), and each
entry carries the hash of the one before it (``prev_hash``) and its own (``hash``
over that and its fields): an entry edited or deleted with an outside SQLite tool
breaks the chain at that entry, and :func:`verify` names the first broken one.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gridoffice.fileio import before_publish

# The action of an export that holds full ID numbers and phones (to be imported back);
# a masked export is "export".
EXPORT_FULL = "export_full"


FIELDS = ("at", "operator", "action", "target", "detail")


def entry_hash(prev_hash: str, at: str, operator: str, action: str, target: str,
               detail: str) -> str:
    """The hash of one entry: the previous entry's hash and this one's fields."""
    text = "\x1f".join((prev_hash, at, operator, action, target, detail))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _append(execute: Any, operator: str, action: str, target: str, detail: str) -> None:
    """One entry chained to the last; ``execute(sql, params)`` runs in the caller's
    write transaction, so no other writer comes between the read and the insert."""
    last = execute("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1", ()).fetchone()
    prev = last[0] if last else ""
    at = dt.datetime.now().isoformat(timespec="seconds")
    execute("INSERT INTO audit_log (at, operator, action, target, detail, prev_hash, hash) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (at, operator, action, target, detail, prev,
             entry_hash(prev, at, operator, action, target, detail)))


def record(session: Any, operator: str, action: str, target: str = "",
           detail: str = "") -> None:
    """Add one line to the audit log inside the caller's transaction."""
    _append(session.connection().exec_driver_sql, operator, action, target, detail)


def record_sql(conn: Any, operator: str, action: str, target: str = "",
               detail: str = "") -> None:
    """:func:`record` for a plain ``sqlite3`` connection (sync), in its transaction."""
    _append(conn.execute, operator, action, target, detail)


@dataclass(frozen=True)
class Broken:
    """The first entry where the chain breaks: ``seq`` (its number) and what is wrong:
    ``edited`` (its fields or hash changed), ``missing`` (an entry before it was
    removed) or ``truncated`` (entries after the last one were removed)."""

    seq: int
    kind: str


def verify(conn: Any) -> Broken | None:
    """Walk the chain of a plain ``sqlite3`` connection's log; None when it is whole."""
    prev = ""
    last_seq = 0
    for seq, at, operator, action, target, detail, prev_hash, stored in conn.execute(
            "SELECT seq, at, operator, action, target, detail, prev_hash, hash "
            "FROM audit_log ORDER BY seq"):
        if prev_hash != prev:
            return Broken(seq, "missing")
        if entry_hash(prev, at, operator, action, target, detail) != stored:
            return Broken(seq, "edited")
        prev, last_seq = stored, seq
    issued = conn.execute(
        "SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").fetchone()
    if issued is not None and issued[0] > last_seq:
        return Broken(last_seq + 1, "truncated")
    return None


class _Probe(Exception):
    """Rolls back the trial entry of :func:`check_writable`."""


def check_writable(db: Any) -> None:
    """Raise a plain ``StorageError`` (read-only, in use by another program) when the
    database cannot take an audit entry now; nothing is written."""
    with contextlib.suppress(_Probe), db.write() as session:
        record(session, "", "probe")
        raise _Probe


@contextlib.contextmanager
def recorded_output(db: Any, operator: str, action: str, target: str = "",
                    detail: str | None = None) -> Iterator[None]:
    """Every output file written inside the block (through ``fileio.atomic_output``,
    in this thread) gets its audit entry, committed, before it takes its name: a file
    of personal data never exists without its entry. ``detail`` defaults to the file's
    path. Refused up front when the database cannot take the entry; if the entry
    cannot be written after all, the file is removed and the error raised."""
    check_writable(db)

    def publish(path: Path) -> None:
        with db.write() as session:
            record(session, operator, action, target,
                   str(path) if detail is None else detail)

    with before_publish(publish):
        yield
