"""The append-only audit log: who saw a full ID number, exported or printed what."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from gridoffice.fileio import before_publish

# The action of an export that holds full ID numbers and phones (to be imported back);
# a masked export is "export".
EXPORT_FULL = "export_full"


def record(session: Any, operator: str, action: str, target: str = "",
           detail: str = "") -> None:
    """Add one line to the audit log inside the caller's transaction."""
    session.connection().exec_driver_sql(
        "INSERT INTO audit_log (at, operator, action, target, detail) VALUES (?, ?, ?, ?, ?)",
        (dt.datetime.now().isoformat(timespec="seconds"), operator, action, target, detail))


def record_sql(conn: Any, operator: str, action: str, target: str = "",
               detail: str = "") -> None:
    """:func:`record` for a plain ``sqlite3`` connection (sync), in its transaction."""
    conn.execute(
        "INSERT INTO audit_log (at, operator, action, target, detail) VALUES (?, ?, ?, ?, ?)",
        (dt.datetime.now().isoformat(timespec="seconds"), operator, action, target, detail))


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
