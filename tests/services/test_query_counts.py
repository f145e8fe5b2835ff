"""Single-record work issues the same number of SQL statements whatever the size of
the tables: registering, the duplicate checks, the check-in lookup by card, phone or
ID tail, checking in and out, a meeting's follow-ups and the year's summary.

Counted, never timed: every statement through the write and the read engine (a
``before_cursor_execute`` listener) at two sizes of the same data; a path that reads
every row per record shows as a count that grows with the table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event
from sqlmodel import select

from gridoffice.domain import inservice as rules
from gridoffice.domain.identity import check_character
from gridoffice.errors import ValidationError
from gridoffice.services.inservice import (
    ActivityDraft,
    InServiceService,
    RegistrationDraft,
    WorkUnitDraft,
)
from gridoffice.store.tables import (
    AgendaItem,
    Building,
    FollowUp,
    Grid,
    House,
    Household,
    Meeting,
    Member,
    Registration,
    Resident,
    Resolution,
)

NOW = dt.datetime(2026, 11, 21, 9, 0)
SMALL, LARGE = 80, 2_000


def _mobile(i: int) -> str:
    return f"139{i:08d}"


def _name(prefix: str, i: int) -> str:
    return prefix + "".join("零一二三四五六七八九"[int(d)] for d in str(i))


def _id_number(i: int) -> str:
    birth = dt.date(1950, 1, 1) + dt.timedelta(days=i)
    stem = f"110105{birth:%Y%m%d}{i % 1000:03d}"
    return stem + check_character(stem)


def fill(db: Any, size: int) -> dict[str, Any]:
    """``size`` members, ``size`` residents and ``size`` registrations (a third each
    linked to a member, to a resident, and to nobody), straight into the tables."""
    with db.write() as session:
        [grid] = db.bulk_insert(session, Grid, [{"code": "110105001001001", "name": "一网格"}])
        [building] = db.bulk_insert(session, Building, [{"grid_id": grid, "number": "1"}])
        [house] = db.bulk_insert(session, House, [{"building_id": building}])
        [household] = db.bulk_insert(session, Household, [{"house_id": house,
                                                           "grid_id": grid}])
        members = db.bulk_insert(session, Member, [
            {"name": _name("党员", i), "sex": "1", "status": "full", "category": "in_service",
             "id_number": _id_number(i), "mobile": _mobile(i)} for i in range(size)])
        residents = db.bulk_insert(session, Resident, [
            {"household_id": household, "name": _name("居民", i), "sex": "2", "relation": "other",
             "id_number": _id_number(size + i), "mobile": _mobile(size + i)}
            for i in range(size)])
    service = InServiceService(db, operator="王芳", now=NOW, point_rules=rules.PointRules())
    unit = service.add_work_unit(WorkUnitDraft("区教育局", "government", "区教育局机关党委"))
    rows = []
    for i in range(size):
        row: dict[str, Any] = {
            "code": rules.member_code(i + 1), "name": _name("报到", i), "work_unit_id": unit,
            "report_date": dt.date(2026, 3, 1), "last_registered_on": dt.date(2026, 3, 1),
            "review_status": rules.APPROVED}
        if i % 3 == 0:
            row["member_id"] = members[i]
        elif i % 3 == 1:
            row["resident_id"] = residents[i]
        else:
            row.update(id_number=_id_number(2 * size + i), mobile=_mobile(2 * size + i))
        rows.append(row)
    with db.write() as session:
        registrations = db.bulk_insert(session, Registration, rows)
    # Meetings of nine years, as many as the size says, and four this year; each with
    # a resolution and its follow-up.
    meetings, follows = [], []
    starts = [dt.datetime(2017 + i % 9, 1 + i % 12, 1 + i % 28, 9, 0) for i in range(size)]
    starts += [dt.datetime(2026, month, 10, 9, 0) for month in (3, 3, 6, 9)]
    for i, start in enumerate(starts):
        meetings.append({"meeting_type": "council", "start_at": start,
                         "title": f"会议{i}", "status": "finished", "place": "会议室"})
    with db.write() as session:
        meeting_ids = db.bulk_insert(session, Meeting, meetings)
        items = db.bulk_insert(session, AgendaItem, [
            {"meeting_id": meeting, "title": "议题"} for meeting in meeting_ids])
        resolutions = db.bulk_insert(session, Resolution, [
            {"item_id": item, "text": "决议", "result": "passed"} for item in items])
        for i, (meeting, resolution) in enumerate(zip(meeting_ids, resolutions,
                                                      strict=True)):
            follows.append({"meeting_id": meeting, "resolution_id": resolution,
                            "task": f"任务{i}", "owner": "王芳",
                            "status": "done" if i % 2 else "doing",
                            "done_on": dt.date(starts[i].year, 12, 1) if i % 2 else None})
        db.bulk_insert(session, FollowUp, follows)
    return {"service": service, "unit": unit, "members": members, "residents": residents,
            "registrations": registrations, "size": size}


class Tally:
    """Statements issued, and the work SQLite did for them (virtual machine steps in
    thousands, counted by a progress handler: a scan of a table shows, an index
    lookup hardly does)."""

    def __init__(self) -> None:
        self.statements: list[str] = []
        self.kilo_steps = 0

    def tick(self) -> int:
        self.kilo_steps += 1
        return 0  # go on


@contextmanager
def counting(db: Any) -> Iterator[Tally]:
    """What both engines did while the block runs."""
    tally = Tally()
    raw: dict[int, Any] = {}

    def count(conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        tally.statements.append(statement)
        driver_conn = conn.connection.driver_connection
        if id(driver_conn) not in raw:
            raw[id(driver_conn)] = driver_conn
            driver_conn.set_progress_handler(tally.tick, 1000)

    engines = (db.engine, db._read_engine)
    for engine in engines:
        event.listen(engine, "before_cursor_execute", count)
    try:
        yield tally
    finally:
        for engine in engines:
            event.remove(engine, "before_cursor_execute", count)
        for driver_conn in raw.values():
            driver_conn.set_progress_handler(None, 0)


def _operations(data: dict[str, Any]) -> dict[str, Callable[[], Any]]:
    service: InServiceService = data["service"]
    unit, size = data["unit"], data["size"]
    members, residents = data["members"], data["residents"]
    linked_member = members[1]  # i % 3 == 1: not registered
    registered_member_id = _id_number(0)  # member 0 is registered
    registered_resident_id = _id_number(size + 1)  # resident 1 is registered
    unlinked = data["registrations"][2]

    def register_new() -> str:
        return service.register(RegistrationDraft(
            unit, dt.date(2026, 3, 1), name="新人", id_number="110105195803120213",
            mobile="13812345678"))

    def register_member() -> str:
        return service.register(RegistrationDraft(unit, dt.date(2026, 3, 1),
                                                  member_id=linked_member))

    def refused(draft: RegistrationDraft) -> Callable[[], None]:
        def run() -> None:
            with pytest.raises(ValidationError):
                service.register(draft)
        return run

    def update() -> None:
        service.update_registration(unlinked, service.registration_draft(unlinked))

    activity: list[str] = []

    def check_in() -> None:
        if not activity:
            activity.append(service.add_activity(ActivityDraft("宣传", NOW.date())))
        service.check_in(activity[0], unlinked, NOW)

    def check_out() -> None:
        service.check_out(activity[0], unlinked, NOW + dt.timedelta(hours=2))

    from gridoffice.services.meetings import (
        AttendeeDraft,
        FollowUpQuery,
        MeetingQuery,
        MeetingService,
    )

    meetings = MeetingService(data["service"].db, operator="王芳", today=NOW.date())
    with data["service"].db.read() as session:
        meeting_id = session.exec(select(Meeting.id).where(
            Meeting.start_at == dt.datetime(2026, 3, 10, 9, 0))).first()

    return {
        "register a new person": register_new,
        "register a member on file": register_member,
        "duplicate: same ID as a registered member": refused(RegistrationDraft(
            unit, dt.date(2026, 3, 1), name="重复", id_number=registered_member_id)),
        "duplicate: same ID as a registered resident": refused(RegistrationDraft(
            unit, dt.date(2026, 3, 1), name="重复", id_number=registered_resident_id)),
        "duplicate: the same member again": refused(RegistrationDraft(
            unit, dt.date(2026, 3, 1), member_id=members[0])),
        "duplicate: the same resident again": refused(RegistrationDraft(
            unit, dt.date(2026, 3, 1), resident_id=residents[1])),
        "update a registration": update,
        "lookup by card code": lambda: service.lookup(rules.member_code(3)),
        "lookup by phone tail": lambda: service.lookup(_mobile(2 * size + 2)[-4:]),
        "lookup by ID tail": lambda: service.lookup(_id_number(0)[-6:]),
        "check in": check_in,
        "check out": check_out,
        "a member's service records": lambda: service.records(registration_id=unlinked),
        "a meeting's follow-ups": lambda: meetings.follow_ups(
            FollowUpQuery(meeting_id=meeting_id)),
        "a year's follow-ups": lambda: meetings.follow_ups(FollowUpQuery(year=2026)),
        "year summary": lambda: meetings.year_summary(2026),
        "a year's meetings": lambda: meetings.list_meetings(MeetingQuery(year=2026)),
        "a meeting's minutes": lambda: meetings.minutes(meeting_id),
        "sixty attendees picked": lambda: meetings.add_attendees(meeting_id, [
            AttendeeDraft(_name("党员", k), person_kind="member", person_id=members[k])
            for k in range(60)]),
    }


def _counts(db: Any, size: int) -> dict[str, tuple[int, int]]:
    data = fill(db, size)
    data["service"].registration(data["registrations"][0])  # engines connected
    counts = {}
    for name, run in _operations(data).items():
        with counting(db) as tally:
            run()
        counts[name] = (len(tally.statements), tally.kilo_steps)
    return counts


@pytest.fixture
def second_db(tmp_path):
    from gridoffice import paths
    from gridoffice.services import office
    from gridoffice.store.database import Database
    from gridoffice.store.files import open_database

    opened = open_database(paths.resolve(tmp_path / "large"))
    office.save_profile(opened.path, office.OfficeProfile("幸福里社区", "幸福街道",
                                                          "community", "王芳"))
    database = Database(opened.path)
    yield database
    database.close()


def test_single_record_work_does_not_grow_with_the_tables(db, second_db):
    small = _counts(db, SMALL)
    large = _counts(second_db, LARGE)
    report = {name: (small[name], large[name]) for name in small}
    # The same statements at 50 and at 2,000 rows …
    assert {name: n for name, (n, _) in large.items()} == {
        name: n for name, (n, _) in small.items()}, report
    # … and about the same work: a scan of 2,000 rows costs tens of thousands of steps.
    assert all(large[name][1] <= 2 * small[name][1] + 5 for name in small), report
