"""The services refuse what the acting account's role may not do: every public entry
point declares its permission, every role is tried on every entry point, a grid
worker keeps to their own grids, and reveals and control tags need their grants.
Real SQLite files; every refusal leaves the file exactly as it was."""

from __future__ import annotations

import dataclasses
import datetime as dt
import inspect
from pathlib import Path
from typing import Any

import pytest

from gridoffice.domain import access
from gridoffice.domain.access import Actor, PermissionDenied
from gridoffice.services import demo, office
from gridoffice.services.cobuild import CobuildService
from gridoffice.services.container import Services
from gridoffice.services.guard import FREE, declared
from gridoffice.services.households import HouseholdService, ResidentQuery
from gridoffice.services.inservice import InServiceService, RegistrationQuery
from gridoffice.services.meetings import MeetingService
from gridoffice.services.orgs import OrgService
from gridoffice.services.roster import MemberQuery, RosterService
from gridoffice.services.sync import SyncService
from gridoffice.store.database import Database
from gridoffice.store.files import open_database
from tests import sql
from tests.sql import digest

TODAY = dt.date(2026, 11, 21)
SERVICES = {"orgs": OrgService, "roster": RosterService, "households": HouseholdService,
            "meetings": MeetingService, "inservice": InServiceService,
            "cobuild": CobuildService, "sync": SyncService}


def actor(role: str, *, grids: frozenset[str] = frozenset(),
          control_tags: bool = False) -> Actor:
    return Actor(login=f"{role}1", operator=f"{role} 张", role=role, grids=grids,
                 control_tags=control_tags)


def _folder(root: Path, *, fill: bool) -> Database:
    from gridoffice import paths

    opened = open_database(paths.resolve(root / "data"))
    office.save_profile(opened.path, office.OfficeProfile("幸福里社区", "幸福街道", "community",
                                                          "王芳"))
    database = Database(opened.path)
    if fill:
        demo.fill(database, seed=1, today=TODAY)
    return database


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    database = _folder(tmp_path_factory.mktemp("small"), fill=False)
    yield database
    database.close()


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    database = _folder(tmp_path_factory.mktemp("demo"), fill=True)
    yield database
    database.close()


def services(db: Database, who: Actor) -> Services:
    return Services.build(db, office.load_profile(db.path), actor=who)


# --- every entry point declares its permission ---------------------------------------------

def test_every_public_method_declares_a_permission():
    for name, cls in SERVICES.items():
        methods = declared(cls)
        assert len(methods) > 10, name
        missing = sorted(m for m, permission in methods.items() if permission is None)
        assert missing == [], f"{name}: {missing}"
        for method, permission in methods.items():
            assert permission == FREE or permission in access.PERMISSIONS, (name, method)


def test_the_declared_permissions_follow_the_areas():
    assert declared(RosterService)["list_members"] == access.ROSTER_VIEW
    assert declared(RosterService)["add"] == access.ROSTER_EDIT
    assert declared(OrgService)["appoint"] == access.ROSTER_EDIT
    assert declared(HouseholdService)["update_resident"] == access.HOUSEHOLDS_EDIT
    assert declared(HouseholdService)["residents"] == access.HOUSEHOLDS_VIEW
    assert declared(MeetingService)["approve"] == access.MEETINGS_EDIT
    assert declared(MeetingService)["save_rules"] == access.SETTINGS
    assert declared(InServiceService)["save_point_rules"] == access.SETTINGS
    assert declared(InServiceService)["check_in"] == access.INSERVICE_EDIT
    for cls in (RosterService, HouseholdService, InServiceService):
        assert declared(cls)["reveal"] == access.REVEAL
    assert declared(SyncService)["reveal_conflict"] == access.REVEAL
    for name in ("export", "import_file", "import_files", "resolve", "status", "conflicts"):
        assert declared(SyncService)[name] == access.SYNC
    assert declared(RosterService)["today"] == FREE
    assert declared(CobuildService)["raise_order"] == access.ORDERS_EDIT
    assert declared(CobuildService)["add_resource"] == access.COBUILD_EDIT
    assert declared(CobuildService)["orders"] == access.COBUILD_VIEW
    assert declared(CobuildService)["reveal_order"] == access.REVEAL


# --- every role on every entry point -------------------------------------------------------

def _dummy(param: inspect.Parameter, tmp: Path) -> Any:
    kind = str(param.annotation)
    if "Path" in kind and "Sequence" not in kind:
        return tmp / "missing.gop"
    if "bytes" in kind:
        return b""
    if "datetime" in kind:
        return dt.datetime(2026, 11, 20, 9, 0)
    if "date" in kind:
        return dt.date(2026, 11, 20)
    if kind.startswith("int"):
        return 1
    if kind.startswith("float"):
        return 1.0
    if kind.startswith("bool"):
        return False
    if kind.startswith(("list", "Sequence")):
        return []
    return "missing"


def _call(service: Any, name: str, tmp: Path) -> None:
    method = getattr(service, name)
    args, kwargs = [], {}
    for param in inspect.signature(method).parameters.values():
        if param.default is not inspect.Parameter.empty or param.kind in (
                param.VAR_POSITIONAL, param.VAR_KEYWORD):
            continue
        if param.kind == param.KEYWORD_ONLY:
            kwargs[param.name] = _dummy(param, tmp)
        else:
            args.append(_dummy(param, tmp))
    method(*args, **kwargs)


@pytest.mark.parametrize("role", access.ROLES)
def test_each_role_on_each_entry_point(role, small, tmp_path):
    who = actor(role)
    built = services(small, who)
    tried = refused = 0
    for area, cls in SERVICES.items():
        service = getattr(built, area)
        assert service.actor is who
        for name, permission in declared(cls).items():
            if permission == FREE:
                continue
            before = digest(small.path)
            tried += 1
            try:
                _call(service, name, tmp_path)
            except PermissionDenied as exc:
                assert digest(small.path) == before, f"{area}.{name} changed the file"
                if who.grid_scoped and exc.message == access.MSG_OUTSIDE_GRIDS:
                    continue  # allowed, but the dummy record is outside the grids
                assert permission not in access.MATRIX[role], (
                    f"{area}.{name} refused to {role}: {exc}")
                refused += 1
                continue
            except Exception:  # noqa: BLE001 - dummy arguments: anything but a refusal
                pass
            assert permission in access.MATRIX[role], f"{area}.{name} allowed to {role}"
    assert tried > 150
    if role == access.ADMIN:
        assert refused == 0
    if role == access.VIEWER:
        assert refused > 80


def test_the_open_folder_may_do_everything(small, tmp_path):
    built = Services.build(small, office.load_profile(small.path))
    assert built.actor is not None and built.actor.is_open
    for area, cls in SERVICES.items():
        for name, permission in declared(cls).items():
            if permission != FREE:
                try:
                    _call(getattr(built, area), name, tmp_path)
                except PermissionDenied:  # pragma: no cover - the failure itself
                    pytest.fail(f"{area}.{name} refused in an open folder")
                except Exception:  # noqa: BLE001, S110
                    pass


def test_a_refusal_names_the_role_and_changes_nothing(small):
    built = services(small, actor(access.VIEWER))
    before = digest(small.path)
    with pytest.raises(PermissionDenied) as refused:
        built.orgs.create(None)  # type: ignore[arg-type]
    assert "Read only" in str(refused.value) and "Nothing was changed" in str(refused.value)
    assert digest(small.path) == before


# --- a grid worker keeps to their grids ----------------------------------------------------

@pytest.fixture(scope="module")
def grids(demo_db):
    conn = sql.connect(demo_db.path)
    found = [row[0] for row in conn.execute("SELECT id FROM grid WHERE NOT deleted ORDER BY code")]
    conn.close()
    return found


def _sql(db: Database, query: str, *params: Any) -> list[Any]:
    conn = sql.connect(db.path)
    try:
        return conn.execute(query, params).fetchall()
    finally:
        conn.close()


LIVING = ("SELECT {col} FROM resident r JOIN household h ON h.id = r.household_id "
          "WHERE NOT r.deleted AND r.moved_out_on IS NULL AND r.died_on IS NULL "
          "AND h.grid_id = ?")


def test_a_grid_worker_sees_only_their_grid(demo_db, grids):
    mine, other = grids[0], grids[1]
    worker = services(demo_db, actor(access.GRID, grids=frozenset({mine})))
    households = worker.households
    assert [g.id for g in households.list_grids()] == [mine]
    assert [g[0] for g in worker.grid_choices()] == [mine]

    residents = households.residents(ResidentQuery(include_left=True))
    expected = {r[0] for r in _sql(demo_db, "SELECT r.id FROM resident r JOIN household h ON "
                                   "h.id = r.household_id WHERE NOT r.deleted AND "
                                   "h.grid_id = ?", mine)}
    assert residents and {r.id for r in residents} == expected
    assert {r.grid_id for r in residents} == {mine}
    assert households.residents(other) == []  # asking for another grid finds nothing

    theirs = _sql(demo_db, "SELECT id FROM household WHERE grid_id = ? AND NOT deleted "
                  "LIMIT 1", other)[0][0]
    with pytest.raises(PermissionDenied, match="outside your grids"):
        households.household(theirs)
    with pytest.raises(PermissionDenied, match="outside your grids"):
        households.buildings(other)
    own = _sql(demo_db, "SELECT id FROM household WHERE grid_id = ? AND NOT deleted "
               "LIMIT 1", mine)[0][0]
    assert households.household(own).grid_id == mine

    everyone = services(demo_db, actor(access.ADMIN)).households.residents()
    assert len(everyone) > len(households.residents())


def test_a_grid_worker_cannot_change_a_resident_of_another_grid(demo_db, grids):
    mine, other = grids[0], grids[1]
    admin = services(demo_db, actor(access.ADMIN)).households
    worker = services(demo_db, actor(access.GRID, grids=frozenset({mine}))).households
    [(theirs,)] = _sql(demo_db, LIVING.format(col="r.id") + " LIMIT 1", other)
    [(own,)] = _sql(demo_db, LIVING.format(col="r.id") + " LIMIT 1", mine)
    draft, _row = admin.resident(theirs)
    before = digest(demo_db.path)
    with pytest.raises(PermissionDenied) as refused:
        worker.update_resident(theirs, dataclasses.replace(draft, note="改了"))
    assert refused.value.message == access.MSG_OUTSIDE_GRIDS
    assert "outside your grids" in str(refused.value)
    for attempt in (lambda: worker.resident(theirs), lambda: worker.add_visit(
            _sql(demo_db, "SELECT household_id FROM resident WHERE id = ?", theirs)[0][0],
            TODAY, "网格员"), lambda: worker.move_out(theirs, TODAY)):
        with pytest.raises(PermissionDenied, match="outside your grids"):
            attempt()
    with pytest.raises(PermissionDenied, match="Set up grids"):  # not a grid worker's
        worker.create_grid(None)  # type: ignore[arg-type]
    assert digest(demo_db.path) == before

    draft, _row = worker.resident(own)  # their own grid: read and written
    worker.update_resident(own, dataclasses.replace(draft, note="走访核实"))
    assert admin.resident(own)[0].note == "走访核实"


def test_a_grid_worker_sees_members_and_registrations_living_there(demo_db, grids):
    mine = grids[0]
    worker = services(demo_db, actor(access.GRID, grids=frozenset({mine})))
    admin = services(demo_db, actor(access.ADMIN))
    everyone = MemberQuery(relation=None)
    living = {r[0] for r in _sql(demo_db, LIVING.format(col="r.member_id")
                                 + " AND r.member_id IS NOT NULL", mine)}
    members = worker.roster.list_members(everyone)
    assert living and {m.id for m in members} == living
    assert len(admin.roster.list_members(everyone)) > len(members)
    outside = next(m.id for m in admin.roster.list_members(everyone) if m.id not in living)
    with pytest.raises(PermissionDenied, match="outside your grids"):
        worker.roster.get(outside)
    with pytest.raises(PermissionDenied, match="outside your grids"):
        worker.roster.history(outside)
    worker.roster.get(next(iter(living)))

    query = RegistrationQuery(include_left=True)
    expected = {r[0] for r in _sql(
        demo_db, "SELECT g.id FROM registration g WHERE NOT g.deleted AND (g.grid_id = ? "
        f"OR g.resident_id IN ({LIVING.format(col='r.id')}) "
        f"OR g.member_id IN ({LIVING.format(col='r.member_id')}))", mine, mine, mine)}
    registrations = worker.inservice.registrations(query)
    assert {r.id for r in registrations} == expected
    assert len(admin.inservice.registrations(query)) > len(registrations)
    outside = next(r.id for r in admin.inservice.registrations(query) if r.id not in expected)
    with pytest.raises(PermissionDenied, match="outside your grids"):
        worker.inservice.registration(outside)


# --- reveals and control tags --------------------------------------------------------------

def test_staff_cannot_reveal(demo_db, grids):
    staff = services(demo_db, actor(access.STAFF))
    [(resident,)] = _sql(demo_db, LIVING.format(col="r.id") + " LIMIT 1", grids[0])
    member = staff.roster.list_members()[0].id
    registration = staff.inservice.registrations()[0].id
    before = digest(demo_db.path)
    for attempt in (lambda: staff.households.reveal(resident),
                    lambda: staff.roster.reveal(member),
                    lambda: staff.inservice.reveal(registration),
                    lambda: staff.households.residents(grids[0], reveal=True),
                    lambda: staff.roster.list_members(reveal=True),
                    lambda: staff.sync.reveal_conflict("x")):
        with pytest.raises(PermissionDenied, match="Show full ID numbers"):
            attempt()
    assert digest(demo_db.path) == before
    secretary = services(demo_db, actor(access.SECRETARY))
    number, _phone = secretary.households.reveal(resident)
    assert number and "*" not in number
    last = _sql(demo_db, "SELECT operator, action FROM audit_log ORDER BY rowid DESC LIMIT 1")
    assert last == [("secretary1", "reveal_identity")]  # the account's login


def test_control_tags_need_the_grant(demo_db, grids):
    [(resident,)] = _sql(demo_db, LIVING.format(col="r.id") + " LIMIT 1", grids[2])
    staff = services(demo_db, actor(access.STAFF)).households
    before = digest(demo_db.path)
    for attempt in (lambda: staff.tags(resident, include_control=True),
                    lambda: staff.tag_rows(resident, include_control=True),
                    lambda: staff.add_tag(resident, "key_youth", kind="control")):
        with pytest.raises(PermissionDenied, match="Control tags"):
            attempt()
    assert digest(demo_db.path) == before
    assert staff.tags(resident) is not None  # care tags stay open to the role

    granted = services(demo_db, actor(access.STAFF, control_tags=True)).households
    tag = granted.add_tag(resident, "key_youth", kind="control", from_date=TODAY)
    assert "key_youth" in granted.tags(resident, include_control=True)
    with pytest.raises(PermissionDenied, match="Control tags"):
        staff.end_tag(tag, TODAY)
    granted.end_tag(tag, TODAY)
    # a grid worker is never granted control tags, whatever the account says
    worker = services(demo_db, actor(access.GRID, grids=frozenset({grids[2]}),
                                     control_tags=True)).households
    with pytest.raises(PermissionDenied, match="Control tags"):
        worker.tags(resident, include_control=True)


def test_a_grid_worker_sees_the_service_of_the_people_living_there(demo_db, grids):
    from gridoffice.domain import inservice as rules

    mine = grids[0]
    worker = services(demo_db, actor(access.GRID, grids=frozenset({mine}))).inservice
    admin = services(demo_db, actor(access.ADMIN)).inservice
    query = RegistrationQuery(include_left=True)
    reached = {r.id for r in worker.registrations(query)}
    everyone = {r.id for r in admin.registrations(query)}
    assert reached and everyone - reached

    records = admin.records()
    assert {r.registration_id for r in records} - reached  # others served too
    assert {r.registration_id for r in worker.records()} == {
        r.registration_id for r in records if r.registration_id in reached}
    assert {c.registration_id for c in worker.claims(include_withdrawn=True)} <= reached

    period = rules.Period(str(TODAY.year), dt.date(TODAY.year, 1, 1), TODAY)
    assert {p.registration_id for p in worker.points(period)} <= reached
    assert sum(u.members for u in worker.unit_summaries(period)) == len(worker.points(period))
    assert sum(u.members for u in worker.unit_summaries(period)) < sum(
        u.members for u in admin.unit_summaries(period))

    # an activity counts only the worker's people
    counted = {a.id: a.checked_in for a in admin.activities()}
    seen = {a.id: a.checked_in for a in worker.activities()}
    assert sum(seen.values()) == sum(1 for r in records if r.activity_id
                                     and r.registration_id in reached)
    assert sum(seen.values()) < sum(counted.values())

    outside = next(iter(everyone - reached))
    with pytest.raises(PermissionDenied, match="outside your grids"):
        worker.entries(outside)
    own = next(iter(reached))
    assert [e.id for e in worker.entries(own)] == [e.id for e in admin.entries(own)]


def test_a_grid_worker_sees_the_branch_warnings_of_their_members(demo_db, grids):
    mine = grids[0]
    worker = services(demo_db, actor(access.GRID, grids=frozenset({mine}))).roster
    admin = services(demo_db, actor(access.ADMIN)).roster
    members = worker.list_members(MemberQuery(relation=None))
    orgs = {m.org_id for m in members}
    warned = worker.branch_warnings()
    assert {org_id for org_id, _name, _w in warned} <= orgs
    assert set(warned) <= set(admin.branch_warnings())
