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


def write_identity(path: Path, meta: Mapping[str, str], values: Mapping[str, str]) -> int:
    """Set this copy's identity (``meta``) and settings in one transaction. The
    office id is changed only while no synced row is stamped with the old one;
    the number of such rows is returned (and nothing written) otherwise."""
    conn = connect(path)
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            old = conn.execute("SELECT value FROM meta WHERE key = 'office_id'").fetchone()
            if old and meta.get("office_id") not in (None, old[0]):
                from gridoffice.store.digest import synced_tables

                stamped = sum(conn.execute(
                    f'SELECT count(*) FROM "{table}" WHERE origin_office = ?',
                    (old[0],)).fetchone()[0] for table in synced_tables(conn))
                if stamped:
                    conn.execute("ROLLBACK")
                    return int(stamped)
            for key, value in meta.items():
                conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) "
                             "DO UPDATE SET value = excluded.value", (key, value))
            for key, value in values.items():
                conn.execute("INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) "
                             "DO UPDATE SET value = excluded.value", (key, value))
            conn.execute("COMMIT")
            return 0
        except sqlite3.Error:
            conn.execute("ROLLBACK")
            raise
    finally:
        conn.close()
