"""A street worker limited to some communities: every list of the street office shows
those communities' records only, and another community's record is refused with the
communities message, the file unchanged. Real street folder with two communities."""

from __future__ import annotations

import datetime as dt

import pytest

from gridoffice import paths
from gridoffice.domain import access
from gridoffice.domain import inservice as rules
from gridoffice.domain.access import Actor, PermissionDenied
from gridoffice.services import office
from gridoffice.services.container import Services
from gridoffice.services.households import ResidentQuery
from gridoffice.services.inservice import RegistrationQuery
from gridoffice.services.meetings import FollowUpQuery
from gridoffice.services.roster import MemberQuery
from gridoffice.services.street import office_names
from gridoffice.services.street_summary import street_summary
from gridoffice.store.database import Database
from tests.services.test_permissions import digest
from tests.street_fixture import TODAY, street_folder  # noqa: F401


@pytest.fixture(scope="module")
def street(street_folder):  # noqa: F811
    database = Database(paths.resolve(street_folder).database)
    yield database
    database.close()


def _who(db: Database, communities: frozenset[str]) -> Services:
    staff = Actor(login="staff1", operator="李明", role=access.STAFF, communities=communities)
    return Services.build(db, office.load_profile(db.path), actor=staff)


@pytest.fixture(scope="module")
def offices(street):
    names = office_names(street.path)
    by_name = {name: office_id for office_id, name in names.items()}
    return by_name["幸福里社区"], by_name["和平社区"]


def test_every_list_shows_only_the_communities(street, offices):
    mine, other = offices
    worker = _who(street, frozenset({mine}))
    admin = _who(street, frozenset())

    def check(rows_of):
        seen = {row.origin_office for row in rows_of(worker)}
        everything = {row.origin_office for row in rows_of(admin)}
        assert seen == {mine}, seen
        assert other in everything

    check(lambda s: s.orgs.list_orgs())
    check(lambda s: s.roster.list_members(MemberQuery(relation=None)))
    check(lambda s: s.households.residents(ResidentQuery(include_left=True)))
    check(lambda s: s.meetings.list_meetings())
    check(lambda s: s.meetings.follow_ups())
    check(lambda s: s.inservice.registrations(RegistrationQuery(include_left=True)))
    check(lambda s: s.inservice.posts(include_closed=True))
    check(lambda s: s.inservice.activities())
    period = rules.Period(str(TODAY.year), dt.date(TODAY.year, 1, 1), TODAY)
    check(lambda s: s.inservice.points(period))
    regs = {r.id for r in worker.inservice.registrations(RegistrationQuery(include_left=True))}
    assert {r.registration_id for r in worker.inservice.records()} <= regs
    assert worker.inservice.records()
    assert [line.office_id for line in street_summary(
        street, TODAY.year, TODAY, actor=worker.actor)] == [mine]
    assert len(street_summary(street, TODAY.year, TODAY, actor=admin.actor)) == 2


def test_another_communitys_record_is_refused(street, offices):
    mine, other = offices
    worker = _who(street, frozenset({mine}))
    admin = _who(street, frozenset())
    org = next(o for o in admin.orgs.list_orgs() if o.origin_office == other)
    meeting = next(m for m in admin.meetings.list_meetings() if m.origin_office == other)
    follow = next(f for f in admin.meetings.follow_ups(FollowUpQuery())
                  if f.origin_office == other)
    reg = next(r for r in admin.inservice.registrations(RegistrationQuery(include_left=True))
               if r.origin_office == other)
    member = next(m for m in admin.roster.list_members(MemberQuery(relation=None))
                  if m.origin_office == other)
    before = digest(street.path)
    for attempt in (
            lambda: worker.orgs.get(org.id),
            lambda: worker.orgs.retire(org.id, TODAY, "撤销"),
            lambda: worker.meetings.minutes(meeting.id),
            lambda: worker.meetings.cancel(meeting.id, "改期"),
            lambda: worker.meetings.complete_follow_up(follow.id, TODAY),
            lambda: worker.inservice.registration(reg.id),
            lambda: worker.inservice.entries(reg.id),
            lambda: worker.roster.get(member.id)):
        with pytest.raises(PermissionDenied) as refused:
            attempt()
        assert refused.value.message == access.MSG_OUTSIDE_COMMUNITIES
    assert digest(street.path) == before
    own = next(m for m in worker.meetings.list_meetings())
    assert worker.meetings.minutes(own.id).meeting.id == own.id


def test_a_limited_street_worker_keeps_the_street_offices_own_records(street_folder,  # noqa: F811
                                                                       tmp_path):
    import shutil

    from gridoffice.services.accounts import AccountDraft, AccountService
    from tests import sql

    folder = tmp_path / "street"
    shutil.copytree(street_folder, folder)
    path = paths.resolve(folder).database
    conn = sql.connect(path)
    own = conn.execute("SELECT value FROM meta WHERE key = 'office_id'").fetchone()[0]
    conn.close()
    one = next(o for o, name in office_names(path).items() if name == "幸福里社区")
    first = AccountService(path)
    first.add(AccountDraft("admin", access.ADMIN), "password-1")
    admin = AccountService(path, first.sign_in("admin", "password-1"))
    admin.add(AccountDraft("li", access.STAFF, communities=(one,)), "password-1")
    worker = AccountService(path).sign_in("li", "password-1")
    assert worker.communities == {one, own}  # what they make at the street stays theirs
    assert not worker.in_communities("another-community")
    assert AccountService(path).sign_in("admin", "password-1").communities == frozenset()
