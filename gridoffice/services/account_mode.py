"""Whether a data folder has accounts, told without the account service (start-up reads
this before the window shows, and the account service needs hashing and more)."""

from __future__ import annotations

from pathlib import Path

from gridoffice.store import driver, keys, settings
from gridoffice.store.files import connect

OPEN = "open"  # no accounts on purpose: everything allowed, a red banner says so
NEEDS_ADMIN = "needs_admin"  # no accounts yet: the first start creates the administrator
SIGNED = "accounts"  # accounts: a sign-in is needed


def mode(path: Path) -> str:
    """OPEN, NEEDS_ADMIN or SIGNED for the data file at ``path``."""
    if keys.is_locked(path):
        return SIGNED  # only a folder with accounts is encrypted
    conn = connect(path, read_only=True)
    try:
        if conn.execute("SELECT 1 FROM account LIMIT 1").fetchone():
            return SIGNED
        row = conn.execute("SELECT value FROM setting WHERE key = ?",
                           (settings.ACCOUNTS_OPEN,)).fetchone()
    finally:
        conn.close()
    return OPEN if row and row[0] == "1" else NEEDS_ADMIN


def needs_encryption(database: Path) -> bool:
    """True for a plain data file that has accounts (and so must be encrypted)."""
    state = keys.state(database)
    if state not in (keys.PLAIN, keys.STALE_KEY_FILE):
        return False
    try:
        conn = driver.connect(database, read_only=True, key=None)
        try:
            has_table = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                                     "AND name = 'account'").fetchone()
            return bool(has_table and conn.execute("SELECT 1 FROM account LIMIT 1").fetchone())
        finally:
            conn.close()
    except driver.Error:
        return False
