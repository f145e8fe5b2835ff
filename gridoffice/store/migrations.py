"""Ordered schema steps, in plain SQL so that they never change once released.

``STEPS[i]`` takes a database from schema version ``i`` to ``i + 1``; the
version lives in ``PRAGMA user_version``. Add a step for every change and a
fixture database of the old version under ``tests/fixtures/``; never edit a
released step. Every synced table carries the sync columns of SYNC.md.
"""

from __future__ import annotations

from collections.abc import Callable

from gridoffice.store import driver

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


def _run(conn: driver.Connection, script: str) -> None:
    # Not executescript(): it commits first, and a migration is one transaction.
    # Statements are cut at semicolons that end a complete statement (triggers
    # have semicolons inside their BEGIN … END).
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if driver.complete_statement(pending):
            if pending.strip(" \n;"):
                conn.execute(pending)
            pending = ""
    if pending.strip(" \n;"):
        conn.execute(pending)


def _step_1(conn: driver.Connection) -> None:
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


def _step_2(conn: driver.Connection) -> None:
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


def _step_3(conn: driver.Connection) -> None:
    """Grids and the people who actually live there: buildings, houses, households,
    residents, care and control tags, visits."""
    _run(
        conn,
        _synced_table(
            "grid",
            """
            code TEXT NOT NULL,
            name TEXT NOT NULL,
            grid_type TEXT NOT NULL DEFAULT 'city',
            dedicated_kind TEXT,
            boundary TEXT,
            branch_org_id TEXT REFERENCES org (id) DEFERRABLE INITIALLY DEFERRED,
            retired_on DATE,
            note TEXT
            """,
        )
        + "CREATE UNIQUE INDEX ux_grid_code ON grid (code) WHERE NOT deleted;\n"
        + _synced_table(
            "grid_role",
            """
            grid_id TEXT NOT NULL REFERENCES grid (id) DEFERRABLE INITIALLY DEFERRED,
            role TEXT NOT NULL,
            person_name TEXT NOT NULL,
            member_id TEXT REFERENCES member (id) DEFERRABLE INITIALLY DEFERRED,
            resident_id TEXT,
            phone TEXT,
            from_date DATE NOT NULL,
            to_date DATE
            """,
        )
        + "CREATE INDEX ix_grid_role_grid_id ON grid_role (grid_id);\n"
        + _synced_table(
            "building",
            """
            grid_id TEXT NOT NULL REFERENCES grid (id) DEFERRABLE INITIALLY DEFERRED,
            estate TEXT NOT NULL DEFAULT '',
            number TEXT NOT NULL,
            units INTEGER,
            floors INTEGER,
            kind TEXT NOT NULL DEFAULT 'residential'
            """,
        )
        + "CREATE INDEX ix_building_grid_id ON building (grid_id);\n"
        + _synced_table(
            "house",
            """
            building_id TEXT NOT NULL REFERENCES building (id) DEFERRABLE INITIALLY DEFERRED,
            unit TEXT NOT NULL DEFAULT '',
            room TEXT NOT NULL DEFAULT '',
            owner TEXT,
            use TEXT NOT NULL DEFAULT 'owner_occupied'
            """,
        )
        + "CREATE INDEX ix_house_building_id ON house (building_id);\n"
        + _synced_table(
            "household",
            """
            house_id TEXT NOT NULL REFERENCES house (id) DEFERRABLE INITIALLY DEFERRED,
            grid_id TEXT REFERENCES grid (id) DEFERRABLE INITIALLY DEFERRED,
            number TEXT,
            kind TEXT NOT NULL DEFAULT 'family',
            center_member_id TEXT REFERENCES member (id) DEFERRABLE INITIALLY DEFERRED,
            last_visit DATE,
            dissolved_on DATE,
            note TEXT
            """,
        )
        + "CREATE INDEX ix_household_house_id ON household (house_id);\n"
        + "CREATE INDEX ix_household_grid_id ON household (grid_id);\n"
        + _synced_table(
            "resident",
            """
            household_id TEXT NOT NULL
                REFERENCES household (id) DEFERRABLE INITIALLY DEFERRED,
            name TEXT NOT NULL,
            former_name TEXT,
            sex TEXT NOT NULL,
            birth_date DATE,
            ethnicity TEXT,
            id_type TEXT NOT NULL DEFAULT 'resident',
            id_number TEXT,
            id_number_original TEXT,
            political_status TEXT,
            education TEXT,
            marital_status TEXT,
            relation TEXT NOT NULL,
            hukou_address TEXT,
            work_or_school TEXT,
            mobile TEXT,
            population_type TEXT NOT NULL DEFAULT 'registered',
            residence_status TEXT NOT NULL DEFAULT 'together',
            move_in_date DATE,
            move_in_reason TEXT,
            moved_out_on DATE,
            move_out_reason TEXT,
            died_on DATE,
            member_id TEXT REFERENCES member (id) DEFERRABLE INITIALLY DEFERRED,
            guardian_note TEXT,
            note TEXT,
            name_pinyin TEXT NOT NULL DEFAULT '',
            name_initials TEXT NOT NULL DEFAULT ''
            """,
        )
        + "CREATE INDEX ix_resident_household_id ON resident (household_id);\n"
        + "CREATE INDEX ix_resident_id_number ON resident (id_number);\n"
        + "CREATE INDEX ix_resident_name ON resident (name, birth_date);\n"
        + "CREATE INDEX ix_resident_member_id ON resident (member_id);\n"
        + _synced_table(
            "resident_tag",
            """
            resident_id TEXT NOT NULL REFERENCES resident (id) DEFERRABLE INITIALLY DEFERRED,
            kind TEXT NOT NULL,
            tag TEXT NOT NULL,
            disability_type TEXT,
            disability_grade TEXT,
            from_date DATE,
            to_date DATE,
            note TEXT
            """,
        )
        + "CREATE INDEX ix_resident_tag_resident_id ON resident_tag (resident_id);\n"
        + _synced_table(
            "visit",
            """
            household_id TEXT NOT NULL
                REFERENCES household (id) DEFERRABLE INITIALLY DEFERRED,
            visit_date DATE NOT NULL,
            visitor TEXT NOT NULL,
            findings TEXT NOT NULL DEFAULT '',
            requests TEXT NOT NULL DEFAULT ''
            """,
        )
        + "CREATE INDEX ix_visit_household_id ON visit (household_id, visit_date);\n",
    )


def _step_4(conn: driver.Connection) -> None:
    """Meetings: the resident council and 三会一课, with attendees, agenda items,
    speeches, resolutions, follow-ups, amendments after approval, attachments."""
    _run(
        conn,
        _synced_table(
            "meeting",
            """
            meeting_type TEXT NOT NULL,
            session_no INTEGER,
            title TEXT NOT NULL DEFAULT '',
            org_id TEXT REFERENCES org (id) DEFERRABLE INITIALLY DEFERRED,
            start_at DATETIME NOT NULL,
            end_at DATETIME,
            place TEXT NOT NULL DEFAULT '',
            host TEXT NOT NULL DEFAULT '',
            recorder TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'planned',
            headcount_expected INTEGER,
            headcount_present INTEGER,
            content TEXT NOT NULL DEFAULT '',
            cancel_reason TEXT,
            approved_on DATE,
            approved_by TEXT,
            note TEXT
            """,
        )
        + "CREATE INDEX ix_meeting_start_at ON meeting (start_at);\n"
        + _synced_table(
            "meeting_attendee",
            """
            meeting_id TEXT NOT NULL REFERENCES meeting (id) DEFERRABLE INITIALLY DEFERRED,
            person_kind TEXT NOT NULL DEFAULT 'free',
            person_id TEXT,
            name TEXT NOT NULL,
            identity TEXT,
            unit TEXT,
            presence TEXT,
            absence_reason TEXT,
            signed_at DATETIME,
            sort_order INTEGER NOT NULL DEFAULT 0
            """,
        )
        + "CREATE INDEX ix_meeting_attendee_meeting_id ON meeting_attendee (meeting_id);\n"
        + _synced_table(
            "agenda_item",
            """
            meeting_id TEXT NOT NULL REFERENCES meeting (id) DEFERRABLE INITIALLY DEFERRED,
            position INTEGER NOT NULL DEFAULT 0,
            title TEXT NOT NULL,
            source TEXT,
            proposer TEXT,
            content TEXT NOT NULL DEFAULT ''
            """,
        )
        + "CREATE INDEX ix_agenda_item_meeting_id ON agenda_item (meeting_id);\n"
        + _synced_table(
            "agenda_speech",
            """
            item_id TEXT NOT NULL REFERENCES agenda_item (id) DEFERRABLE INITIALLY DEFERRED,
            position INTEGER NOT NULL DEFAULT 0,
            speaker TEXT NOT NULL,
            summary TEXT NOT NULL DEFAULT ''
            """,
        )
        + "CREATE INDEX ix_agenda_speech_item_id ON agenda_speech (item_id);\n"
        + _synced_table(
            "resolution",
            """
            item_id TEXT NOT NULL REFERENCES agenda_item (id) DEFERRABLE INITIALLY DEFERRED,
            position INTEGER NOT NULL DEFAULT 0,
            text TEXT NOT NULL,
            method TEXT NOT NULL DEFAULT 'hands',
            yes INTEGER NOT NULL DEFAULT 0,
            no INTEGER NOT NULL DEFAULT 0,
            abstain INTEGER NOT NULL DEFAULT 0,
            result TEXT NOT NULL
            """,
        )
        + "CREATE INDEX ix_resolution_item_id ON resolution (item_id);\n"
        + _synced_table(
            "follow_up",
            """
            resolution_id TEXT NOT NULL
                REFERENCES resolution (id) DEFERRABLE INITIALLY DEFERRED,
            meeting_id TEXT NOT NULL REFERENCES meeting (id) DEFERRABLE INITIALLY DEFERRED,
            task TEXT NOT NULL,
            owner TEXT NOT NULL,
            due_date DATE,
            status TEXT NOT NULL DEFAULT 'todo',
            done_on DATE,
            feedback TEXT NOT NULL DEFAULT '',
            published BOOLEAN NOT NULL DEFAULT 0
            """,
        )
        + "CREATE INDEX ix_follow_up_resolution_id ON follow_up (resolution_id);\n"
        + "CREATE INDEX ix_follow_up_meeting_id ON follow_up (meeting_id);\n"
        + _synced_table(
            "meeting_amendment",
            """
            meeting_id TEXT NOT NULL REFERENCES meeting (id) DEFERRABLE INITIALLY DEFERRED,
            amended_at DATETIME NOT NULL,
            operator TEXT NOT NULL DEFAULT '',
            reason TEXT NOT NULL,
            change TEXT NOT NULL DEFAULT ''
            """,
        )
        + "CREATE INDEX ix_meeting_amendment_meeting_id ON meeting_amendment (meeting_id);\n"
        + _synced_table(
            "meeting_attachment",
            """
            meeting_id TEXT NOT NULL REFERENCES meeting (id) DEFERRABLE INITIALLY DEFERRED,
            kind TEXT NOT NULL DEFAULT 'other',
            file_name TEXT NOT NULL,
            mime TEXT NOT NULL,
            size INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            content BLOB NOT NULL,
            added_at DATETIME NOT NULL,
            note TEXT
            """,
        )
        + "CREATE INDEX ix_meeting_attachment_meeting_id ON meeting_attachment (meeting_id);\n",
    )


def _step_5(conn: driver.Connection) -> None:
    """In-service members (在职党员报到): work units, registrations linked to the
    person's record, service posts and claims, activities and duties, service
    records confirmed by staff, and an append-only points ledger."""
    _run(
        conn,
        _synced_table(
            "work_unit",
            """
            name TEXT NOT NULL,
            unit_type TEXT NOT NULL DEFAULT 'government',
            party_org TEXT,
            contact TEXT,
            phone TEXT,
            address TEXT,
            retired_on DATE,
            note TEXT
            """,
        )
        + "CREATE UNIQUE INDEX ux_work_unit_name ON work_unit (name) WHERE NOT deleted;\n"
        + _synced_table(
            "registration",
            """
            code TEXT NOT NULL,
            member_id TEXT REFERENCES member (id) DEFERRABLE INITIALLY DEFERRED,
            resident_id TEXT REFERENCES resident (id) DEFERRABLE INITIALLY DEFERRED,
            name TEXT NOT NULL,
            sex TEXT,
            birth_date DATE,
            id_number TEXT,
            mobile TEXT,
            party_status TEXT NOT NULL DEFAULT 'full',
            home_address TEXT,
            grid_id TEXT REFERENCES grid (id) DEFERRABLE INITIALLY DEFERRED,
            work_unit_id TEXT NOT NULL REFERENCES work_unit (id) DEFERRABLE INITIALLY DEFERRED,
            job TEXT,
            skills TEXT NOT NULL DEFAULT '',
            wished_categories TEXT NOT NULL DEFAULT '',
            report_type TEXT NOT NULL DEFAULT 'individual',
            report_date DATE NOT NULL,
            review_status TEXT NOT NULL DEFAULT 'pending',
            review_reason TEXT,
            reviewed_on DATE,
            reviewer TEXT,
            last_registered_on DATE NOT NULL,
            left_on DATE,
            note TEXT,
            name_pinyin TEXT NOT NULL DEFAULT '',
            name_initials TEXT NOT NULL DEFAULT ''
            """,
        )
        + "CREATE UNIQUE INDEX ux_registration_code ON registration (code) WHERE NOT deleted;\n"
        + "CREATE INDEX ix_registration_member_id ON registration (member_id);\n"
        + "CREATE INDEX ix_registration_resident_id ON registration (resident_id);\n"
        + "CREATE INDEX ix_registration_work_unit_id ON registration (work_unit_id);\n"
        + _synced_table(
            "service_post",
            """
            name TEXT NOT NULL,
            category TEXT NOT NULL,
            grid_id TEXT REFERENCES grid (id) DEFERRABLE INITIALLY DEFERRED,
            quota INTEGER NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            retired_on DATE
            """,
        )
        + _synced_table(
            "post_claim",
            """
            registration_id TEXT NOT NULL
                REFERENCES registration (id) DEFERRABLE INITIALLY DEFERRED,
            post_id TEXT NOT NULL REFERENCES service_post (id) DEFERRABLE INITIALLY DEFERRED,
            status TEXT NOT NULL DEFAULT 'applying',
            applied_on DATE NOT NULL,
            claimed_on DATE,
            withdrawn_on DATE,
            note TEXT
            """,
        )
        + "CREATE INDEX ix_post_claim_post_id ON post_claim (post_id);\n"
        + "CREATE INDEX ix_post_claim_registration_id ON post_claim (registration_id);\n"
        + _synced_table(
            "service_activity",
            """
            kind TEXT NOT NULL DEFAULT 'activity',
            name TEXT NOT NULL,
            post_id TEXT REFERENCES service_post (id) DEFERRABLE INITIALLY DEFERRED,
            on_date DATE NOT NULL,
            place TEXT NOT NULL DEFAULT '',
            organiser TEXT NOT NULL DEFAULT '',
            note TEXT
            """,
        )
        + "CREATE INDEX ix_service_activity_on_date ON service_activity (on_date);\n"
        + _synced_table(
            "service_record",
            """
            registration_id TEXT NOT NULL
                REFERENCES registration (id) DEFERRABLE INITIALLY DEFERRED,
            activity_id TEXT REFERENCES service_activity (id) DEFERRABLE INITIALLY DEFERRED,
            post_id TEXT REFERENCES service_post (id) DEFERRABLE INITIALLY DEFERRED,
            on_date DATE NOT NULL,
            content TEXT NOT NULL DEFAULT '',
            check_in_at DATETIME,
            check_out_at DATETIME,
            hours REAL NOT NULL DEFAULT 0,
            confirmed_by TEXT,
            confirmed_at DATETIME,
            note TEXT
            """,
        )
        + "CREATE INDEX ix_service_record_registration_id ON service_record "
          "(registration_id, on_date);\n"
        + "CREATE INDEX ix_service_record_activity_id ON service_record (activity_id);\n"
        + _synced_table(
            "points_entry",
            """
            registration_id TEXT NOT NULL
                REFERENCES registration (id) DEFERRABLE INITIALLY DEFERRED,
            on_date DATE NOT NULL,
            item TEXT NOT NULL,
            points INTEGER NOT NULL,
            basis TEXT NOT NULL DEFAULT '',
            service_record_id TEXT
                REFERENCES service_record (id) DEFERRABLE INITIALLY DEFERRED,
            corrects_id TEXT REFERENCES points_entry (id) DEFERRABLE INITIALLY DEFERRED,
            entered_by TEXT NOT NULL DEFAULT '',
            note TEXT
            """,
        )
        + "CREATE INDEX ix_points_entry_registration_id ON points_entry "
          "(registration_id, on_date);\n"
        + """
        CREATE TRIGGER points_entry_no_update BEFORE UPDATE ON points_entry
        BEGIN SELECT RAISE(ABORT, 'points entries are append-only: add a correction'); END;
        CREATE TRIGGER points_entry_no_delete BEFORE DELETE ON points_entry
        BEGIN SELECT RAISE(ABORT, 'points entries are append-only: add a correction'); END;
        """,
    )


def _step_6(conn: driver.Connection) -> None:
    """Sync trust (local, never synced): the offices' PCs this PC has exchanged
    identity files with, and their public keys."""
    _run(
        conn,
        """
        CREATE TABLE sync_peer (
            replica_id TEXT PRIMARY KEY NOT NULL,
            office_id TEXT NOT NULL,
            role TEXT NOT NULL,
            street TEXT NOT NULL,
            community TEXT NOT NULL DEFAULT '',
            pc_label TEXT NOT NULL DEFAULT '',
            sign_key TEXT NOT NULL,
            box_key TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            trusted_at TEXT NOT NULL,
            revoked_at TEXT
        );
        CREATE INDEX ix_sync_peer_office_id ON sync_peer (office_id);
        """,
    )


# Columns kept only in this copy of the data: never sent, never part of a digest.
LOCAL_COLUMNS = ("local_seq",)
# Synced tables whose rows may not change once written (append-only ledgers).
APPEND_ONLY = ("points_entry", "order_step")


def _v6_synced_tables(conn: driver.Connection) -> list[str]:
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name")]
    return [name for name in names
            if {"hlc", "origin_office", "deleted"}
            <= {r[1] for r in conn.execute(f'PRAGMA table_info("{name}")')}]


def sync_bookkeeping(conn: driver.Connection, table: str) -> None:
    """What sync needs on a synced table (schema 7 on): the local change sequence
    with its index, and a trigger keeping every replaced version in
    ``sync_history`` (content as a JSON array in column order, blobs left out, and
    the change sequence it had here: the digests are kept up to date from it)."""
    info = conn.execute(f'PRAGMA table_info("{table}")').fetchall()
    if "local_seq" not in {r[1] for r in info}:
        conn.execute(f'ALTER TABLE "{table}" ADD COLUMN local_seq INTEGER NOT NULL DEFAULT 0')
    conn.execute(f'CREATE INDEX "ix_{table}_local_seq" ON "{table}" (local_seq)')
    _keep_versions(conn, table)


def _keep_versions(conn: driver.Connection, table: str) -> None:
    """The trigger of :func:`sync_bookkeeping` that keeps replaced versions; made
    again when a step adds columns to a synced table (it lists them all)."""
    info = conn.execute(f'PRAGMA table_info("{table}")').fetchall()
    conn.execute(f'DROP TRIGGER IF EXISTS "{table}_keep_version"')
    values = ", ".join("NULL" if "BLOB" in (r[2] or "").upper() else f'OLD."{r[1]}"'
                       for r in info if r[1] not in LOCAL_COLUMNS)
    conn.execute(
        f'CREATE TRIGGER "{table}_keep_version" BEFORE UPDATE ON "{table}" '
        "WHEN OLD.hlc IS NOT NEW.hlc OR OLD.writer IS NOT NEW.writer BEGIN "
        # Not INSERT OR IGNORE: an upsert's conflict rule would override it.
        "INSERT INTO sync_history (tbl, row_id, hlc, writer, data, local_seq) "
        f"SELECT '{table}', OLD.id, OLD.hlc, OLD.writer, json_array({values}), OLD.local_seq "
        f"WHERE NOT EXISTS (SELECT 1 FROM sync_history WHERE tbl = '{table}' "
        "AND row_id = OLD.id AND hlc = OLD.hlc AND writer = OLD.writer); END")


def _step_7(conn: driver.Connection) -> None:
    """Sync bookkeeping: a local change sequence on every synced row (what to send
    to whom), the versions each row had (to tell an old version from a concurrent
    one and to merge field by field), the conflict log (synced: a resolution made
    on one PC reaches the others), the packages sent and received and a cursor per
    peer. Keys that were unique in one office (id number, grid code, card code,
    work unit name) stop being unique in the file: the street office holds every
    community's records, and two offline PCs may pick the same code; the services
    still refuse a duplicate when it is typed, and sync flags one it brings."""
    tables = _v6_synced_tables(conn)
    _run(
        conn,
        """
        CREATE TABLE sync_history (
            tbl TEXT NOT NULL,
            row_id TEXT NOT NULL,
            hlc INTEGER NOT NULL,
            writer TEXT NOT NULL,
            data TEXT,
            local_seq INTEGER,
            PRIMARY KEY (tbl, row_id, hlc, writer)
        ) WITHOUT ROWID;
        CREATE TABLE sync_digest (
            tbl TEXT NOT NULL,
            scope TEXT NOT NULL,
            upto INTEGER NOT NULL,
            digest TEXT NOT NULL,
            PRIMARY KEY (tbl, scope)
        ) WITHOUT ROWID;
        CREATE TABLE sync_package (
            package_id TEXT PRIMARY KEY NOT NULL,
            direction TEXT NOT NULL,
            peer_replica TEXT NOT NULL,
            incarnation TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            sha256 TEXT NOT NULL DEFAULT '',
            file_name TEXT NOT NULL DEFAULT '',
            at TEXT NOT NULL,
            rows INTEGER NOT NULL DEFAULT 0,
            conflicts INTEGER NOT NULL DEFAULT 0,
            applied_seq INTEGER,
            manifest TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX ix_sync_package_peer ON sync_package
            (peer_replica, direction, incarnation, sequence);
        CREATE TABLE sync_cursor (
            peer_replica TEXT PRIMARY KEY NOT NULL,
            out_sequence INTEGER NOT NULL DEFAULT 0,
            out_hash TEXT NOT NULL DEFAULT '',
            out_at TEXT,
            acked_seq INTEGER NOT NULL DEFAULT 0,
            in_incarnation TEXT NOT NULL DEFAULT '',
            in_sequence INTEGER NOT NULL DEFAULT 0,
            in_seq INTEGER NOT NULL DEFAULT 0,
            in_at TEXT,
            digests TEXT NOT NULL DEFAULT '',
            digests_agree INTEGER,
            clock_offset_ms INTEGER
        );
        """
        + _synced_table(
            "sync_conflict",
            """
            tbl TEXT NOT NULL,
            row_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            loser TEXT NOT NULL,
            loser_hlc INTEGER NOT NULL,
            loser_writer TEXT NOT NULL,
            winner_hlc INTEGER NOT NULL,
            winner_writer TEXT NOT NULL,
            fields TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'open',
            resolved_on TEXT,
            resolved_by TEXT,
            resolution TEXT
            """,
        )
        + "CREATE INDEX ix_sync_conflict_row ON sync_conflict (tbl, row_id);\n"
        + "CREATE INDEX ix_sync_conflict_status ON sync_conflict (status);\n"
        + """
        DROP INDEX ux_member_id_number;
        CREATE INDEX ix_member_id_number ON member (id_number);
        DROP INDEX ux_grid_code;
        CREATE INDEX ix_grid_code ON grid (origin_office, code);
        DROP INDEX ux_work_unit_name;
        CREATE INDEX ix_work_unit_name ON work_unit (name);
        DROP INDEX ux_registration_code;
        CREATE INDEX ix_registration_code ON registration (origin_office, code);
        DROP TRIGGER points_entry_no_update;
        """,
    )
    for table in [*tables, "sync_conflict"]:
        sync_bookkeeping(conn, table)
        conn.execute(f'UPDATE "{table}" SET local_seq = hlc')
    columns = [r[1] for r in conn.execute('PRAGMA table_info("points_entry")')
               if r[1] not in LOCAL_COLUMNS]
    conn.execute(
        f"CREATE TRIGGER points_entry_no_update BEFORE UPDATE OF {', '.join(columns)} "
        "ON points_entry BEGIN SELECT RAISE(ABORT, "
        "'points entries are append-only: add a correction'); END")


def _step_8(conn: driver.Connection) -> None:
    """The audit log becomes a hash chain: each entry carries the hash of the one
    before it and its own, so an entry edited or removed outside the program shows."""
    from gridoffice.store.audit import entry_hash

    _run(conn, """
        ALTER TABLE audit_log ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
        ALTER TABLE audit_log ADD COLUMN hash TEXT NOT NULL DEFAULT '';
        DROP TRIGGER audit_log_no_update;
        """)
    prev = ""
    rows = conn.execute("SELECT seq, at, operator, action, target, detail FROM audit_log "
                        "ORDER BY seq").fetchall()
    for seq, *fields in rows:
        digest = entry_hash(prev, *fields)
        conn.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?",
                     (prev, digest, seq))
        prev = digest
    _run(conn, """
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END
        """)


def _step_9(conn: driver.Connection) -> None:
    """Accounts: the people who sign in on this PC, local (never synced), disabled and
    never deleted. ``grids`` and ``communities`` are JSON lists of ids (a grid worker's
    grids; a street worker's communities, empty for all). Five wrong passwords set
    ``locked_until``, which a restart does not clear."""
    _run(conn, """
        CREATE TABLE account (
            login TEXT PRIMARY KEY NOT NULL COLLATE NOCASE,
            real_name TEXT NOT NULL DEFAULT '',
            role TEXT NOT NULL,
            grids TEXT NOT NULL DEFAULT '[]',
            communities TEXT NOT NULL DEFAULT '[]',
            phone TEXT NOT NULL DEFAULT '',
            control_tags INTEGER NOT NULL DEFAULT 0,
            disabled INTEGER NOT NULL DEFAULT 0,
            password_hash TEXT NOT NULL,
            failed INTEGER NOT NULL DEFAULT 0,
            locked_until TEXT,
            created_at TEXT NOT NULL,
            changed_at TEXT NOT NULL
        );
        CREATE TRIGGER account_no_delete BEFORE DELETE ON account
        BEGIN SELECT RAISE(ABORT, 'accounts are disabled, never deleted'); END
        """)


def _step_10(conn: driver.Connection) -> None:
    """Indexes for the lookups of one record, so their cost does not grow with the
    tables: the card code alone and in number order (the next code), the ID number a
    registration keeps for a person not on file, and the last four characters of
    every phone and ID number a check-in scan may end with (an index cannot serve
    ``LIKE '%1234'``; one on ``substr(x, -4)`` narrows a scan to a few rows, and
    SQLite keeps it up to date whoever writes the row, sync's merge too). Follow-ups
    by the day they were done (the year's summary); points and service records by
    day (a period's ledgers) and points by the record that earned them (a member's
    service records)."""
    _run(conn, """
        CREATE INDEX ix_registration_card ON registration (code);
        CREATE INDEX ix_registration_code_order ON registration (length(code), code);
        CREATE INDEX ix_registration_id_number ON registration (id_number);
        CREATE INDEX ix_registration_mobile_tail ON registration (substr(mobile, -4));
        CREATE INDEX ix_registration_id_tail ON registration (substr(id_number, -4));
        CREATE INDEX ix_member_mobile_tail ON member (substr(mobile, -4));
        CREATE INDEX ix_member_id_tail ON member (substr(id_number, -4));
        CREATE INDEX ix_resident_mobile_tail ON resident (substr(mobile, -4));
        CREATE INDEX ix_resident_id_tail ON resident (substr(id_number, -4));
        CREATE INDEX ix_follow_up_done_on ON follow_up (done_on);
        CREATE INDEX ix_points_entry_service_record_id ON points_entry (service_record_id);
        CREATE INDEX ix_points_entry_on_date ON points_entry (on_date);
        CREATE INDEX ix_service_record_on_date ON service_record (on_date);
        """)


def _append_only(conn: driver.Connection, table: str, message: str) -> None:
    """Refuse changing a row of ``table`` (but its local change sequence) or deleting
    one: corrections are new rows."""
    columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')
               if r[1] not in LOCAL_COLUMNS]
    conn.execute(
        f"CREATE TRIGGER {table}_no_update BEFORE UPDATE OF {', '.join(columns)} "
        f"ON {table} BEGIN SELECT RAISE(ABORT, '{message}'); END")
    conn.execute(f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
                 f"BEGIN SELECT RAISE(ABORT, '{message}'); END")


def _step_11(conn: driver.Connection) -> None:
    """Co-building with the units of the area (共驻共建). The work units become the
    area's units, with their co-building agreement; a committee seat may be held for
    a unit (兼职委员). The street's departments (reference data that flows down);
    residents' orders (需求清单) and their steps, append-only: the community writes its
    own, the street its dispatch, addressed to the order's community; resources
    (资源清单), services and projects (服务清单), files attached to a unit or an
    order, and the yearly two-way review (双向评议)."""
    _run(
        conn,
        """
        ALTER TABLE work_unit ADD COLUMN agreement_signed DATE;
        ALTER TABLE work_unit ADD COLUMN agreement_until DATE;
        ALTER TABLE work_unit ADD COLUMN agreement_content TEXT;
        ALTER TABLE committee_seat ADD COLUMN unit_id TEXT
            REFERENCES work_unit (id) DEFERRABLE INITIALLY DEFERRED;
        CREATE INDEX ix_committee_seat_unit_id ON committee_seat (unit_id);
        """
        + _synced_table(
            "department",
            """
            name TEXT NOT NULL,
            contact TEXT,
            phone TEXT,
            retired_on DATE,
            note TEXT
            """,
        )
        + _synced_table(
            "service_project",
            """
            name TEXT NOT NULL,
            category TEXT NOT NULL,
            content TEXT NOT NULL DEFAULT '',
            standard TEXT NOT NULL DEFAULT '',
            unit_id TEXT REFERENCES work_unit (id) DEFERRABLE INITIALLY DEFERRED,
            responsible TEXT,
            phone TEXT,
            start_date DATE,
            end_date DATE,
            status TEXT NOT NULL DEFAULT 'planned',
            note TEXT
            """,
        )
        + _synced_table(
            "service_order",
            """
            code TEXT NOT NULL,
            raised_on DATE NOT NULL,
            resident_id TEXT REFERENCES resident (id) DEFERRABLE INITIALLY DEFERRED,
            person_name TEXT NOT NULL DEFAULT '',
            grid_id TEXT REFERENCES grid (id) DEFERRABLE INITIALLY DEFERRED,
            address TEXT,
            phone TEXT,
            phone_consent BOOLEAN NOT NULL DEFAULT 0,
            category TEXT NOT NULL,
            urgency TEXT NOT NULL DEFAULT 'normal',
            plan_date DATE,
            description TEXT NOT NULL,
            source TEXT NOT NULL,
            source_table TEXT,
            source_id TEXT,
            project_id TEXT REFERENCES service_project (id) DEFERRABLE INITIALLY DEFERRED,
            recorded_by TEXT NOT NULL DEFAULT '',
            note TEXT
            """,
        )
        + "CREATE INDEX ix_service_order_code ON service_order (origin_office, code);\n"
        + "CREATE INDEX ix_service_order_raised_on ON service_order (raised_on);\n"
        + "CREATE INDEX ix_service_order_grid_id ON service_order (grid_id);\n"
        + "CREATE INDEX ix_service_order_source ON service_order (source_table, source_id);\n"
        + _synced_table(
            "order_step",
            """
            order_id TEXT NOT NULL REFERENCES service_order (id)
                DEFERRABLE INITIALLY DEFERRED,
            kind TEXT NOT NULL,
            at DATETIME NOT NULL,
            office TEXT NOT NULL,
            assignee_kind TEXT,
            assignee_id TEXT,
            assignee_name TEXT NOT NULL DEFAULT '',
            deadline DATE,
            text TEXT NOT NULL DEFAULT '',
            rating INTEGER,
            recorded_by TEXT NOT NULL DEFAULT '',
            addressed_to TEXT
            """,
        )
        + "CREATE INDEX ix_order_step_order_id ON order_step (order_id);\n"
        + "CREATE INDEX ix_order_step_assignee ON order_step (assignee_id);\n"
        + _synced_table(
            "resource",
            """
            provider_kind TEXT NOT NULL,
            unit_id TEXT REFERENCES work_unit (id) DEFERRABLE INITIALLY DEFERRED,
            registration_id TEXT REFERENCES registration (id) DEFERRABLE INITIALLY DEFERRED,
            provider_name TEXT NOT NULL,
            category TEXT NOT NULL,
            title TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT '',
            capacity TEXT,
            available TEXT,
            contact TEXT,
            phone TEXT,
            grid_id TEXT REFERENCES grid (id) DEFERRABLE INITIALLY DEFERRED,
            from_date DATE,
            to_date DATE,
            retired_on DATE,
            note TEXT
            """,
        )
        + "CREATE INDEX ix_resource_category ON resource (category);\n"
        + _synced_table(
            "cobuild_file",
            """
            target_table TEXT NOT NULL,
            target_id TEXT NOT NULL,
            file_name TEXT NOT NULL,
            content BLOB NOT NULL,
            added_at DATETIME NOT NULL,
            note TEXT
            """,
        )
        + "CREATE INDEX ix_cobuild_file_target ON cobuild_file (target_table, target_id);\n"
        + _synced_table(
            "review_score",
            """
            year INTEGER NOT NULL,
            unit_id TEXT NOT NULL REFERENCES work_unit (id) DEFERRABLE INITIALLY DEFERRED,
            direction TEXT NOT NULL,
            score1 INTEGER NOT NULL,
            score2 INTEGER NOT NULL,
            score3 INTEGER NOT NULL,
            score4 INTEGER NOT NULL,
            remark TEXT NOT NULL DEFAULT '',
            entered_on DATE NOT NULL,
            entered_by TEXT NOT NULL DEFAULT ''
            """,
        )
        + "CREATE INDEX ix_review_score_year ON review_score (year, unit_id);\n",
    )
    for table in ("work_unit", "committee_seat"):
        _keep_versions(conn, table)
    for table in ("department", "service_project", "service_order", "order_step", "resource",
                  "cobuild_file", "review_score"):
        sync_bookkeeping(conn, table)
    _append_only(conn, "order_step", "order steps are append-only: add a step")


STEPS: list[Callable[[driver.Connection], None]] = [
    _step_1, _step_2, _step_3, _step_4, _step_5, _step_6, _step_7, _step_8, _step_9,
    _step_10, _step_11,
]


def current_version() -> int:
    return len(STEPS)
