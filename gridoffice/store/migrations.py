"""Ordered schema steps, in plain SQL so that they never change once released.

``STEPS[i]`` takes a database from schema version ``i`` to ``i + 1``; the
version lives in ``PRAGMA user_version``. Add a step for every change and a
fixture database of the old version under ``tests/fixtures/``; never edit a
released step. Every synced table carries the sync columns of SYNC.md.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

SYNC_COLUMNS = """
    id TEXT PRIMARY KEY NOT NULL,
    origin_office TEXT NOT NULL,
    hlc INTEGER NOT NULL,
    writer TEXT NOT NULL,
    base_hlc INTEGER,
    deleted BOOLEAN NOT NULL DEFAULT 0
"""


def _synced_table(name: str, columns: str) -> str:
    return (
        f"CREATE TABLE {name} ({SYNC_COLUMNS},{columns});\n"
        f"CREATE INDEX ix_{name}_hlc ON {name} (hlc);\n"
    )


def _run(conn: sqlite3.Connection, script: str) -> None:
    # Not executescript(): it commits first, and a migration is one transaction.
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


def _step_1(conn: sqlite3.Connection) -> None:
    """The foundation: local metadata and settings, the organisation tree."""
    _run(
        conn,
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
        CREATE TABLE setting (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
        """
        + _synced_table(
            "org",
            """
            name TEXT NOT NULL,
            short_name TEXT,
            org_type TEXT NOT NULL,
            parent_id TEXT REFERENCES org (id) DEFERRABLE INITIALLY DEFERRED,
            grid_code TEXT,
            established DATE,
            term_end DATE,
            retired_on DATE,
            sort_order INTEGER NOT NULL DEFAULT 0
            """,
        )
        + "CREATE INDEX ix_org_parent_id ON org (parent_id);\n"
        + _synced_table(
            "committee_seat",
            """
            org_id TEXT NOT NULL REFERENCES org (id) DEFERRABLE INITIALLY DEFERRED,
            seat TEXT NOT NULL,
            person_name TEXT NOT NULL,
            member_id TEXT,
            from_date DATE NOT NULL,
            to_date DATE,
            note TEXT
            """,
        )
        + "CREATE INDEX ix_committee_seat_org_id ON committee_seat (org_id);\n"
        + _synced_table(
            "org_event",
            """
            org_id TEXT NOT NULL REFERENCES org (id) DEFERRABLE INITIALLY DEFERRED,
            on_date DATE NOT NULL,
            kind TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT '',
            operator TEXT NOT NULL DEFAULT ''
            """,
        )
        + "CREATE INDEX ix_org_event_org_id ON org_event (org_id);\n"
    )


STEPS: list[Callable[[sqlite3.Connection], None]] = [_step_1]


def current_version() -> int:
    return len(STEPS)
