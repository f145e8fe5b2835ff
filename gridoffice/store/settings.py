"""Local settings (office profile, language) in the ``setting`` table.

Plain ``sqlite3`` so the GUI can read the language and office before Qt and
SQLAlchemy are loaded. Settings are local to this PC and never synced.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from pathlib import Path

from gridoffice.store.files import connect


def read_all(path: Path) -> dict[str, str]:
    conn = connect(path, read_only=True)
    try:
        return dict(conn.execute("SELECT key, value FROM setting").fetchall())
    finally:
        conn.close()


def read_meta(path: Path) -> dict[str, str]:
    conn = connect(path, read_only=True)
    try:
        return dict(conn.execute("SELECT key, value FROM meta").fetchall())
    finally:
        conn.close()


def write(path: Path, values: Mapping[str, str | None]) -> None:
    """Set (or, for ``None``, remove) several settings in one transaction."""
    conn = connect(path)
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            for key, value in values.items():
                if value is None:
                    conn.execute("DELETE FROM setting WHERE key = ?", (key,))
                else:
                    conn.execute(
                        "INSERT INTO setting (key, value) VALUES (?, ?) "
                        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                        (key, value),
                    )
            conn.execute("COMMIT")
        except sqlite3.Error:
            conn.execute("ROLLBACK")
            raise
    finally:
        conn.close()
