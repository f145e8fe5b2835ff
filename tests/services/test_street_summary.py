"""The street summary: per-community figures from the rows each community sent,
checked against counts made independently (plain SQL and the area services)."""

from __future__ import annotations

import shutil
from dataclasses import astuple

from gridoffice import paths
from gridoffice.services import office, sync_trust
from gridoffice.services.inservice import InServiceService, RegistrationQuery
from gridoffice.services.meetings import FollowUpQuery, MeetingQuery, MeetingService
from gridoffice.services.roster import RosterService
from gridoffice.services.street_summary import FIGURES, street_summary, totals
from gridoffice.store.database import Database
from tests import sql
from tests.street_fixture import (
    COMMUNITIES,
    STREET,
    TODAY,
    setup_folder,
)

YEAR = TODAY.year



def _copy(street_folder, tmp_path):
    """A copy of the street's folder to change."""
    target = tmp_path / "copy"
    shutil.copytree(street_folder, target)
    return paths.resolve(target).database


def _office_id(name: str) -> str:
    return office.office_id_for(office.OfficeProfile(name, STREET, "community", "王芳"))


def _origins(path, table: str, ids) -> list[str]:
    conn = sql.connect(path)
    try:
        return [conn.execute(f"SELECT origin_office FROM {table} WHERE id = ?", (i,)).fetchone()[0]
                for i in ids]
    finally:
        conn.close()


def _clone(conn, table: str, row_id: str, **values) -> str:
    """A copy of one row under a new id, with ``values`` changed (plain SQL, as sync
    would insert a row it brings)."""
    columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
    new_id = f"{row_id}-{len(values)}-{sorted(values.items())}"
    select = ", ".join(":new_id" if c == "id" else f":{c}" if c in values else f'"{c}"'
                       for c in columns)
    conn.execute(f'INSERT INTO "{table}" ({", ".join(columns)}) SELECT {select} '
                 f'FROM "{table}" WHERE id = :src', {"src": row_id, "new_id": new_id, **values})
    return new_id


def expected_figures(db: Database, office_id: str, year: int = YEAR) -> dict[str, int]:
    """One office's figures counted another way: plain SQL with ``deleted = 0``, and the
    area services (their lists filtered by the owning office)."""
    conn = sql.connect(db.path)
    try:
        def one(sql: str, *args) -> int:
            return conn.execute(sql, (office_id, *args)).fetchone()[0]

        figures = {
            "members": one("SELECT count(*) FROM member WHERE origin_office = ? AND deleted = 0 "
                           "AND relation_status IN ('normal', 'transferring_out')"),
            "households": one("SELECT count(*) FROM household WHERE origin_office = ? "
                              "AND deleted = 0 AND dissolved_on IS NULL"),
            "residents": one("SELECT count(*) FROM resident WHERE origin_office = ? "
                             "AND deleted = 0 AND moved_out_on IS NULL AND died_on IS NULL"),
            "points": one("SELECT coalesce(sum(p.points), 0) FROM points_entry p "
                          "JOIN registration g ON g.id = p.registration_id "
                          "WHERE p.origin_office = ? AND p.deleted = 0 AND g.deleted = 0 "
                          "AND substr(p.on_date, 1, 4) = ?", str(year)),
        }
    finally:
        conn.close()
    overdue = [item.member_id for item in RosterService(db, today=TODAY).due_list()
               if item.bucket == "overdue"]
    meetings = MeetingService(db, today=TODAY)
    held = [m.id for m in meetings.list_meetings(MeetingQuery(year=year, status="finished"))]
    done = [f.id for f in meetings.follow_ups(FollowUpQuery(state="done", done_in_year=year))]
    serving = [r.id for r in InServiceService(db, today=TODAY).registrations(
        RegistrationQuery(review_status="approved"))]
    figures["probationary_overdue"] = _origins(db.path, "member", overdue).count(office_id)
    figures["meetings_held"] = _origins(db.path, "meeting", held).count(office_id)
    figures["followups_done"] = _origins(db.path, "follow_up", done).count(office_id)
    figures["registrations"] = _origins(db.path, "registration", serving).count(office_id)
    return figures


def test_one_line_per_community_matching_independent_counts(street_db):
    lines = street_summary(street_db, YEAR, TODAY)
    assert [line.name for line in lines] == sorted(COMMUNITIES)
    assert {line.office_id for line in lines} == {_office_id(name) for name in COMMUNITIES}
    for line in lines:
        expected = expected_figures(street_db, line.office_id)
        assert {figure: getattr(line, figure) for figure in FIGURES} == expected, line.name
        # the demo data has some of everything, so a zero would hide a broken query
        assert all(expected.values()), expected
    total = totals(lines)
    assert (total.office_id, total.name) == ("", "")
    for figure in FIGURES:
        assert getattr(total, figure) == sum(getattr(line, figure) for line in lines)


def test_the_two_communities_differ_and_the_year_matters(street_db):
    lines = street_summary(street_db, YEAR, TODAY)
    assert astuple(lines[0])[2:] != astuple(lines[1])[2:]
    old = street_summary(street_db, 2000, TODAY)
    for now, then in zip(lines, old, strict=True):
        assert (then.meetings_held, then.followups_done, then.points) == (0, 0, 0)
        assert (then.members, then.households, then.registrations) == (
            now.members, now.households, now.registrations)
    last_year = street_summary(street_db, YEAR - 1, TODAY)
    for line in last_year:
        assert line.meetings_held == expected_figures(street_db, line.office_id,
                                                      YEAR - 1)["meetings_held"]


def test_deleted_and_retired_rows_never_count(street_folder, tmp_path):
    path = _copy(street_folder, tmp_path)
    first = _office_id(COMMUNITIES[0])
    db = Database(path)
    try:
        before = {line.office_id: line for line in street_summary(db, YEAR, TODAY)}
        overdue = [item.member_id for item in RosterService(db, today=TODAY).due_list()
                   if item.bucket == "overdue"]
    finally:
        db.close()
    conn = sql.connect(path)
    year = f"{YEAR}-%"

    def pick(sql: str) -> str:
        return conn.execute(sql + " AND origin_office = ? LIMIT 1", (first,)).fetchone()[0]

    with conn:
        overdue_here = [m for m, o in zip(overdue, _origins(path, "member", overdue),
                                          strict=True) if o == first]
        conn.execute("UPDATE member SET deleted = 1 WHERE id = ?", (overdue_here[0],))
        conn.execute("UPDATE member SET relation_status = 'deceased' WHERE id = ?",
                     (pick("SELECT id FROM member WHERE deleted = 0 AND status = 'full' "
                           "AND relation_status = 'normal'"),))
        household = pick("SELECT id FROM household WHERE deleted = 0")
        conn.execute("UPDATE household SET deleted = 1 WHERE id = ?", (household,))
        conn.execute("UPDATE household SET dissolved_on = '2026-10-01' WHERE id = ?",
                     (pick(f"SELECT id FROM household WHERE deleted = 0 AND id != '{household}'"),))
        resident = pick("SELECT id FROM resident WHERE deleted = 0")
        conn.execute("UPDATE resident SET deleted = 1 WHERE id = ?", (resident,))
        conn.execute("UPDATE resident SET died_on = '2026-10-01' WHERE id = ?",
                     (pick(f"SELECT id FROM resident WHERE deleted = 0 AND id != '{resident}'"),))
        # a held meeting without follow-ups, so only the meeting count changes
        conn.execute("UPDATE meeting SET deleted = 1 WHERE id = ?", (pick(
            f"SELECT id FROM meeting WHERE deleted = 0 AND status = 'finished' "
            f"AND start_at LIKE '{year}' AND id NOT IN (SELECT meeting_id FROM follow_up)"),))
        conn.execute("UPDATE follow_up SET deleted = 1 WHERE id = ?", (pick(
            f"SELECT id FROM follow_up WHERE deleted = 0 AND status = 'done' "
            f"AND done_on LIKE '{year}'"),))
        registration = pick("SELECT id FROM registration WHERE deleted = 0 "
                            "AND review_status = 'approved' AND left_on IS NULL")
        lost_points = conn.execute(
            "SELECT coalesce(sum(points), 0) FROM points_entry WHERE registration_id = ? "
            "AND on_date LIKE ?", (registration, year)).fetchone()[0]
        conn.execute("UPDATE registration SET deleted = 1 WHERE id = ?", (registration,))
        # points entries are append-only: a tombstone can only arrive as such (by sync)
        entry = pick(f"SELECT id FROM points_entry WHERE deleted = 0 AND on_date LIKE '{year}' "
                     f"AND registration_id != '{registration}'")
        _clone(conn, "points_entry", entry, deleted=1)
        conn.execute("UPDATE registration SET left_on = '2026-10-01' WHERE id = ?", (pick(
            f"SELECT id FROM registration WHERE deleted = 0 AND review_status = 'approved' "
            f"AND left_on IS NULL AND id != '{registration}'"),))
    conn.close()

    db = Database(path)
    try:
        after = {line.office_id: line for line in street_summary(db, YEAR, TODAY)}
        assert after[first] != before[first]
        old, new = before[first], after[first]
        assert new.members == old.members - 2  # the deleted one and the deceased one
        assert new.probationary_overdue == old.probationary_overdue - 1
        assert new.households == old.households - 2
        assert new.residents == old.residents - 2
        assert new.meetings_held == old.meetings_held - 1
        assert new.followups_done == old.followups_done - 1
        assert new.registrations == old.registrations - 2  # deleted, left
        assert new.points == old.points - lost_points
        assert {f: getattr(new, f) for f in FIGURES} == expected_figures(db, first)
        other = _office_id(COMMUNITIES[1])
        assert after[other] == before[other]
    finally:
        db.close()


def test_unknown_offices_and_the_streets_own_records(street_folder, tmp_path):
    path = _copy(street_folder, tmp_path)
    stranger = "abcdef12-3456-7890-abcd-ef1234567890"
    street_id = office.office_id_for(office.OfficeProfile(STREET, STREET, "street", "王芳"))
    db = Database(path)
    try:
        assert street_id == db.office_id
        assert street_id not in {line.office_id for line in street_summary(db, YEAR, TODAY)}
    finally:
        db.close()
    conn = sql.connect(path)
    with conn:
        household = conn.execute("SELECT id FROM household WHERE deleted = 0").fetchone()[0]
        _clone(conn, "household", household, origin_office=stranger)
        _clone(conn, "household", household, origin_office=street_id)
    conn.close()
    db = Database(path)
    try:
        lines = street_summary(db, YEAR, TODAY)
    finally:
        db.close()
    by_id = {line.office_id: line for line in lines}
    assert by_id[stranger].name == "abcdef12" and by_id[stranger].households == 1
    assert by_id[street_id].name == STREET and by_id[street_id].households == 1
    assert by_id[stranger].members == 0
    assert lines[-1].office_id == stranger  # unknown offices after the named ones
    assert len(lines) == 4


def test_no_communities(tmp_path):
    db = Database(setup_folder(tmp_path / "street", STREET, role="street"))
    try:
        assert street_summary(db, YEAR, TODAY) == []
        total = totals([])
        assert all(getattr(total, figure) == 0 for figure in FIGURES)
    finally:
        db.close()


def test_a_trusted_community_that_sent_nothing_shows_zeros(tmp_path):
    street = setup_folder(tmp_path / "street", STREET, role="street")
    community = setup_folder(tmp_path / "community", "和平社区")
    sync_trust.export_identity(community, tmp_path / "c.gridid")
    sync_trust.trust(street, tmp_path / "c.gridid")
    db = Database(street)
    try:
        (line,) = street_summary(db, YEAR, TODAY)
    finally:
        db.close()
    assert (line.office_id, line.name) == (_office_id("和平社区"), "和平社区")
    assert all(getattr(line, figure) == 0 for figure in FIGURES)


def test_a_community_office_shows_itself_not_its_street(street_folder, tmp_path):
    """On a community's PC (which trusts its street office) the summary is its own line."""
    copied = tmp_path / "community"
    shutil.copytree(street_folder.parent / "community1", copied)
    target = paths.resolve(copied).database
    sync_trust.export_identity(paths.resolve(street_folder).database, tmp_path / "s.gridid")
    sync_trust.trust(target, tmp_path / "s.gridid")
    db = Database(target)
    try:
        lines = street_summary(db, YEAR, TODAY)
        assert [line.name for line in lines] == [COMMUNITIES[0]]
        assert {f: getattr(lines[0], f) for f in FIGURES} == expected_figures(
            db, lines[0].office_id)
    finally:
        db.close()
