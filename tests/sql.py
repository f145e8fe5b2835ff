"""What tests use to look into a data file: the program's own SQLite library.

The program talks to its files only through SQLCipher (``gridoffice.store.driver``).
A test that opened the same live WAL file with the standard library's ``sqlite3``
would bring a second SQLite library into the process: the two do not see each
other's POSIX locks, so the test's connection, when it closes, may checkpoint and
delete the -wal file under the program's open connections. Tests therefore read
and write files through this module (same names as ``sqlite3``); an encrypted file
is opened with the key unlocked in this process.
"""

from __future__ import annotations

import os
from typing import Any

from gridoffice.store import driver

Connection = driver.Connection
Error = driver.Error
DatabaseError = driver.DatabaseError
OperationalError = driver.OperationalError
IntegrityError = driver.IntegrityError
Row = driver.Row


def connect(path: str | os.PathLike[str], *, isolation_level: str | None = "",
            timeout: float = 5.0, uri: bool = False) -> Any:
    conn = driver.dbapi.connect(os.fspath(path), isolation_level=isolation_level,
                                timeout=timeout, uri=uri)
    key = None if uri else driver.key_of(path)
    if key:
        conn.execute(driver.key_pragma(key))
    return conn


def digest(path: str | os.PathLike[str]) -> dict[str, str]:
    """Every table's digest (:func:`gridoffice.store.digest.digests`) and the audit log's
    length: equal before and after, nothing was stored."""
    from gridoffice.store.digest import digests

    conn = connect(path)
    try:
        found = digests(conn)
        found["audit"] = str(conn.execute("SELECT count(*), max(rowid) FROM audit_log")
                             .fetchone())
        return found
    finally:
        conn.close()
