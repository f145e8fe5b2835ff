"""The one SQLite library the program talks to: SQLCipher, through ``sqlcipher3``.

Every connection to a data file, its backups and its staging databases is made
here, so that one process never mixes two SQLite libraries on one file (their
POSIX locks would not see each other) and an encrypted file is always opened
with its key. A file without a key (a folder without accounts, or before its
first account) is an ordinary SQLite file, read through the same library.

The key of an encrypted data file is 32 random bytes, given to SQLCipher as a
raw key (no key derivation on every open: that happens once, when a password
or the recovery key unwraps it, see :mod:`gridoffice.store.keys`). The keys
unwrapped in this process are kept in memory only, by file.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

from sqlcipher3 import dbapi2 as dbapi

Connection = dbapi.Connection
Error = dbapi.Error
DatabaseError = dbapi.DatabaseError
OperationalError = dbapi.OperationalError
IntegrityError = dbapi.IntegrityError
Row = dbapi.Row
sqlite_version = dbapi.sqlite_version
complete_statement = dbapi.complete_statement

SQLITE_HEADER = b"SQLite format 3\x00"
KEY_BYTES = 32
# An encrypted page read from disk (or the OS cache) is checked (HMAC) and decrypted
# each time it enters a connection's page cache, so an encrypted connection keeps more
# pages: 32 MiB at most (the library's default is 8 MiB), used only as pages are read.
ENCRYPTED_CACHE_KIB = 32 * 1024

_keys: dict[str, bytes] = {}
_lock = threading.Lock()
_quiet = False


def _name(path: str | os.PathLike[str]) -> str:
    return os.path.normcase(os.path.abspath(os.fspath(path)))


def set_key(path: str | os.PathLike[str], key: bytes | None) -> None:
    """Remember (or, for None, forget) the key of the data file at ``path``."""
    with _lock:
        if key is None:
            _keys.pop(_name(path), None)
        else:
            if len(key) != KEY_BYTES:
                raise ValueError("a database key is 32 bytes")
            _keys[_name(path)] = bytes(key)


def key_of(path: str | os.PathLike[str]) -> bytes | None:
    """The key unwrapped in this process for the file at ``path``, if any."""
    with _lock:
        return _keys.get(_name(path))


def forget_all() -> None:
    with _lock:
        _keys.clear()


def key_pragma(key: bytes) -> str:
    return f"PRAGMA key = \"x'{key.hex()}'\""


def attach_key(key: bytes | None) -> str:
    """The KEY clause of an ATTACH: the given key, or none (a plain file; without the
    clause SQLCipher would use the main database's key)."""
    return f"KEY \"x'{key.hex()}'\"" if key else "KEY ''"


def has_sqlite_header(path: str | os.PathLike[str]) -> bool | None:
    """True for a plain SQLite file, False for anything else (an encrypted file starts
    with its random salt), None for a missing or empty file."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError:
        return None
    if not head:
        return None
    return head == SQLITE_HEADER


def _silence(conn: Connection) -> None:
    """SQLCipher writes a wrong key's HMAC failures to stderr; the program reports
    them itself (the setting is process-wide, made once)."""
    global _quiet
    if not _quiet:
        conn.execute("PRAGMA cipher_log_level = NONE")
        _quiet = True


def connect(path: str | os.PathLike[str], *, read_only: bool = False, immutable: bool = False,
            key: bytes | None | Any = ..., timeout: float = 5.0,
            check_same_thread: bool = True) -> Connection:
    """A connection in autocommit mode (callers issue BEGIN themselves), keyed with
    ``key`` or, by default, with the key remembered for ``path``.

    ``read_only`` opens the file read-only; ``immutable`` also tells SQLite nobody
    changes it (a backup copy being checked: no locks, no -wal)."""
    file = Path(path)
    if key is ...:
        key = key_of(file)
    if read_only or immutable:
        uri = f"{file.resolve().as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")
        conn = dbapi.connect(uri, uri=True, isolation_level=None, timeout=timeout,
                             check_same_thread=check_same_thread)
    else:
        conn = dbapi.connect(str(file), isolation_level=None, timeout=timeout,
                             check_same_thread=check_same_thread)
    try:
        _silence(conn)
        if key:
            conn.execute(key_pragma(key))
            conn.execute(f"PRAGMA cache_size = -{ENCRYPTED_CACHE_KIB}")
    except BaseException:
        conn.close()
        raise
    return conn


def memory() -> Connection:
    """A private in-memory database (never on disk, never encrypted)."""
    conn = dbapi.connect(":memory:", isolation_level=None)
    _silence(conn)
    return conn


def is_driver_error(exc: BaseException) -> bool:
    return isinstance(exc, dbapi.Error)
