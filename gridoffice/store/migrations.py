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
    # Statements are cut at semicolons that end a complete statement (triggers
    # have semicolons inside their BEGIN … END).
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                conn.execute(pending)
            pending = ""
    if pending.strip(" \n;"):
        conn.execute(pending)


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


def _step_2(conn: sqlite3.Connection) -> None:
    """Party members: the person, party data, placement history, events, transfers."""
    _run(
        conn,
        _synced_table(
            "member",
            """
            name TEXT NOT NULL,
            former_name TEXT,
            sex TEXT NOT NULL,
            ethnicity TEXT,
            birth_date DATE,
            id_type TEXT NOT NULL DEFAULT 'resident',
            id_number TEXT,
            id_number_original TEXT,
            native_place TEXT,
            education TEXT,
            degree TEXT,
            mobile TEXT,
            join_date DATE,
            status TEXT NOT NULL,
            probation_extension_months INTEGER NOT NULL DEFAULT 0,
            full_date DATE,
            party_post TEXT,
            category TEXT NOT NULL,
            hardship BOOLEAN NOT NULL DEFAULT 0,
            center_household BOOLEAN NOT NULL DEFAULT 0,
            star_rating INTEGER,
            org_id TEXT REFERENCES org (id) DEFERRABLE INITIALLY DEFERRED,
            work_unit TEXT,
            job TEXT,
            unit_party_org TEXT,
            grid_code TEXT,
            address TEXT,
            resident_id TEXT,
            away_destination TEXT,
            away_since DATE,
            away_contact TEXT,
            relation_status TEXT NOT NULL DEFAULT 'normal',
            status_date DATE,
            note TEXT,
            name_pinyin TEXT NOT NULL DEFAULT '',
            name_initials TEXT NOT NULL DEFAULT ''
            """,
        )
        + "CREATE INDEX ix_member_org_id ON member (org_id);\n"
        + "CREATE INDEX ix_member_name ON member (name, birth_date);\n"
        # One person, one record: an id number is unique among live rows.
        + "CREATE UNIQUE INDEX ux_member_id_number ON member (id_number) "
        "WHERE id_number IS NOT NULL AND NOT deleted;\n"
        + _synced_table(
            "member_placement",
            """
            member_id TEXT NOT NULL REFERENCES member (id) DEFERRABLE INITIALLY DEFERRED,
            org_id TEXT REFERENCES org (id) DEFERRABLE INITIALLY DEFERRED,
            from_date DATE NOT NULL,
            to_date DATE,
            reason TEXT NOT NULL DEFAULT ''
            """,
        )
        + "CREATE INDEX ix_member_placement_member_id ON member_placement (member_id);\n"
        + "CREATE INDEX ix_member_placement_org_id ON member_placement (org_id, from_date);\n"
        + _synced_table(
            "member_event",
            """
            member_id TEXT NOT NULL REFERENCES member (id) DEFERRABLE INITIALLY DEFERRED,
            on_date DATE NOT NULL,
            kind TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT '',
            operator TEXT NOT NULL DEFAULT ''
            """,
        )
        + "CREATE INDEX ix_member_event_member_id ON member_event (member_id);\n"
        + _synced_table(
            "member_transfer",
            """
            member_id TEXT NOT NULL REFERENCES member (id) DEFERRABLE INITIALLY DEFERRED,
            direction TEXT NOT NULL,
            from_org TEXT NOT NULL DEFAULT '',
            to_org TEXT NOT NULL DEFAULT '',
            out_date DATE,
            in_date DATE,
            dues_paid_until DATE,
            status TEXT NOT NULL,
            note TEXT
            """,
        )
        + "CREATE INDEX ix_member_transfer_member_id ON member_transfer (member_id);\n"
        # Local and append-only: who saw a full id number, exported or printed what.
        + """
        CREATE TABLE audit_log (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            operator TEXT NOT NULL,
            action TEXT NOT NULL,
            target TEXT NOT NULL DEFAULT '',
            detail TEXT NOT NULL DEFAULT ''
        );
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END
        """,
    )


STEPS: list[Callable[[sqlite3.Connection], None]] = [_step_1, _step_2]


def current_version() -> int:
    return len(STEPS)
