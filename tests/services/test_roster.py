"""The roster service on a real database: add, validate, lifecycle, history, search."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from gridoffice.errors import UserError, ValidationError
from gridoffice.services.orgs import OrgDraft
from gridoffice.services.roster import MemberDraft, MemberQuery, RosterService
from tests import sql
from tests.conftest import TODAY


@pytest.fixture
def branches(orgs):
    founded = dt.date(2015, 1, 1)
    root = orgs.create(OrgDraft("中共幸福里社区委员会", "committee", established=founded))
    one = orgs.create(OrgDraft("第一网格党支部", "branch", root.id, established=founded))
    two = orgs.create(OrgDraft("第二网格党支部", "branch", root.id, established=founded))
    return root, one, two


@pytest.fixture
def roster(db):
    return RosterService(db, operator="王芳", today=TODAY)


def member(org_id, **changes):
    values = dict(name="张伟", id_number="110105195803120213", mobile="13812345678",
                  join_date=dt.date(1985, 7, 1), status="full", full_date=dt.date(1986, 7, 1),
                  category="direct", org_id=org_id, education="20", ethnicity="01",
                  address="幸福里3号楼2单元301")
    values.update(changes)
    return MemberDraft(**values)


def test_add_derives_birth_and_sex_and_masks(roster, branches):
    _root, one, _two = branches
    member_id = roster.add(member(one.id))
    [row] = roster.list_members()
    assert row.id == member_id and row.name == "张伟"
    assert row.birth_date == dt.date(1958, 3, 12) and row.sex == "1"
    assert row.id_number == "110105********0213" and row.mobile == "138****5678"
    assert row.org_name == "第一网格党支部"
    [full] = roster.list_members(reveal=True)
    assert full.id_number == "110105195803120213"


def test_same_id_in_15_digits_is_the_same_person(roster, branches):
    _root, one, two = branches
    roster.add(member(one.id))
    with pytest.raises(ValidationError) as err:
        roster.add(member(two.id, name="张卫", id_number="110105580312021"))
    assert err.value.field == "id_number" and "张伟" in str(err.value)
    assert len(roster.list_members()) == 1


@pytest.mark.parametrize("changes, field", [
    ({"id_number": "110105199002300213"}, "id_number"),  # 30 February
    ({"id_number": "110105195803120214"}, "id_number"),  # wrong check character
    ({"join_date": dt.date(1970, 1, 1)}, "join_date"),  # before the 18th birthday
    ({"join_date": TODAY + dt.timedelta(days=1)}, "join_date"),
    ({"mobile": "12345"}, "mobile"),
    ({"name": "张伟1"}, "name"),
    ({"category": "retired", "org": None}, "org_id"),
    ({"status": "probationary"}, "full_date"),  # probationary with a full date
    ({"full_date": dt.date(1986, 1, 1)}, "full_date"),  # before the year of probation
    ({"probation_extension_months": 3}, "probation_extension_months"),
    ({"star_rating": 6}, "star_rating"),
    ({"category": "mobile"}, "away_destination"),
    ({"sex": "2"}, "sex"),  # the id says male
])
def test_bad_input_names_the_field_and_stores_nothing(db, roster, branches, changes, field):
    _root, one, _two = branches
    org_id = changes.pop("org", one.id)
    with pytest.raises(ValidationError) as err:
        roster.add(member(org_id, **changes))
    assert err.value.field == field
    assert err.value.localized("zh_CN") != err.value.english()  # translated
    conn = sql.connect(db.path)
    assert conn.execute("SELECT count(*) FROM member").fetchone() == (0,)


def test_names_outside_the_bmp_and_minority_names(roster, branches):
    _root, one, _two = branches
    roster.add(member(one.id, name="𠮷祥", id_number="110105196307080421"))
    roster.add(member(one.id, name="买买提•吐尔逊", id_number="310104197502190357",
                      join_date=dt.date(2000, 7, 1), full_date=dt.date(2001, 7, 1)))
    names = {r.name for r in roster.list_members()}
    assert names == {"𠮷祥", "买买提·吐尔逊"}


def test_in_service_member_needs_the_unit_party_org(roster, branches):
    with pytest.raises(ValidationError) as err:
        roster.add(member(None, category="in_service"))
    assert err.value.field == "unit_party_org"
    roster.add(member(None, category="in_service", unit_party_org="中共区教育局委员会"))


def test_same_name_and_birth_warns(roster, branches):
    _root, one, _two = branches
    no_id = {"id_number": "", "birth_date": dt.date(1958, 3, 12), "sex": "1"}
    first = roster.add(member(one.id, **no_id))
    checked = roster.check(member(one.id, **no_id))
    assert [w.member_id for w in checked.warnings] == [first]
    assert "第一网格党支部" in checked.warnings[0].english()
    assert roster.check(member(one.id, **no_id), member_id=first).warnings == ()


def test_confirm_full_membership_with_the_date_rule(roster, branches):
    _root, one, _two = branches
    join = dt.date(2025, 6, 1)
    member_id = roster.add(member(one.id, status="probationary", full_date=None, join_date=join,
                                  id_number="510107199005142034"))
    [item] = roster.due_list()
    assert item.due_date == dt.date(2026, 6, 1) and item.bucket == "overdue"
    assert [r.id for r in roster.list_members(MemberQuery(overdue_only=True))] == [member_id]
    with pytest.raises(ValidationError) as err:
        roster.confirm_full(member_id, dt.date(2026, 5, 31))
    assert err.value.field == "full_date"
    roster.confirm_full(member_id, dt.date(2026, 6, 1))
    [row] = roster.list_members()
    assert row.status == "full" and row.full_date == dt.date(2026, 6, 1)
    assert roster.due_list() == []
    assert roster.history(member_id)[0].kind == "confirmed"
    with pytest.raises(UserError, match="already a full member"):
        roster.confirm_full(member_id, dt.date(2026, 7, 1))


def test_extended_probation_moves_the_due_date(roster, branches):
    _root, one, _two = branches
    member_id = roster.add(member(one.id, status="probationary", full_date=None,
                                  join_date=dt.date(2025, 10, 1),
                                  id_number="420106199306150224"))
    roster.extend_probation(member_id, 6, reason="考察")
    [row] = roster.list_members()
    assert row.due_date == dt.date(2027, 4, 1) and row.probation_extension_months == 6
    assert roster.due_list() == []  # more than 90 days away
    with pytest.raises(ValidationError):
        roster.extend_probation(member_id, 13)


def test_transfer_out_and_back_in_keeps_one_record(roster, branches):
    _root, one, two = branches
    member_id = roster.add(member(one.id), since=dt.date(2010, 1, 1))
    transfer = roster.start_transfer_out(member_id, "中共某市某区某街道委员会",
                                         dt.date(2026, 3, 1), dues_paid_until=dt.date(2026, 2, 1))
    assert roster.list_members()[0].relation_status == "transferring_out"
    with pytest.raises(ValidationError, match="cannot go from"):
        roster.set_transfer_status(transfer, "draft")
    roster.set_transfer_status(transfer, "approved")
    roster.set_transfer_status(transfer, "received")
    assert roster.list_members() == []  # no longer active here
    [gone] = roster.list_members(MemberQuery(relation="transferred_out"))
    assert gone.id == member_id
    # Who was in the first branch on a day before the transfer?
    then = MemberQuery(org_id=one.id, as_of=dt.date(2026, 2, 28))
    assert [r.id for r in roster.list_members(then)] == [member_id]
    assert roster.list_members(MemberQuery(org_id=one.id, as_of=dt.date(2026, 3, 2))) == []
    # Coming back later: the same record, placed in another branch.
    back = roster.transfer_in(member(two.id), "中共某市某区某街道委员会", dt.date(2026, 9, 1))
    assert back == member_id
    [row] = roster.list_members()
    assert row.org_name == "第二网格党支部" and row.relation_status == "normal"
    places = [(p.org_name, p.from_date, p.to_date) for p in roster.placements(member_id)]
    assert places == [("第一网格党支部", dt.date(2010, 1, 1), dt.date(2026, 3, 1)),
                      ("第二网格党支部", dt.date(2026, 9, 1), None)]
    assert {t.direction for t in roster.transfers(member_id)} == {"in", "out"}


def test_moving_between_branches_mid_year(roster, branches):
    _root, one, two = branches
    member_id = roster.add(member(one.id), since=dt.date(2020, 1, 1))
    roster.update(member_id, member(two.id), moved_on=dt.date(2026, 7, 1))
    in_one = MemberQuery(org_id=one.id, as_of=dt.date(2026, 6, 30))
    in_two = MemberQuery(org_id=two.id, as_of=dt.date(2026, 6, 30))
    assert len(roster.list_members(in_one)) == 1 and roster.list_members(in_two) == []
    assert roster.list_members(MemberQuery(org_id=one.id)) == []
    assert roster.history(member_id)[0].kind == "edited"


def test_deceased_member_is_kept_and_can_be_restored(roster, branches):
    _root, one, _two = branches
    member_id = roster.add(member(one.id), since=dt.date(2020, 1, 1))
    roster.set_relation_status(member_id, "deceased", dt.date(2026, 5, 4), reason="病故")
    assert roster.list_members() == []
    [row] = roster.list_members(MemberQuery(relation="deceased"))
    assert row.id == member_id
    with pytest.raises(UserError, match="no longer an active member"):
        roster.confirm_full(member_id, TODAY)
    roster.restore(member_id, dt.date(2026, 5, 5), reason="误操作")
    assert [r.id for r in roster.list_members()] == [member_id]


def test_search_by_name_pinyin_initials_and_tails(roster, branches):
    _root, one, _two = branches
    roster.add(member(one.id))
    roster.add(member(one.id, name="李娜", id_number="110105196307080421",
                      mobile="13900005678"))
    roster.add(member(one.id, name="曾志强", id_number="11010519870412006x", mobile="无",
                      join_date=dt.date(2010, 7, 1), full_date=dt.date(2011, 7, 1)))

    def names(text):
        return sorted(r.name for r in roster.list_members(MemberQuery(text=text)))

    assert names("zw") == ["张伟"]
    assert names("zhangwei") == ["张伟"]
    assert names("zzq") == ["曾志强"]  # the surname 曾 reads zeng
    assert names("李") == ["李娜"]
    assert names("5678") == ["张伟", "李娜"]  # phone tail
    assert names("006X") == ["曾志强"]  # id tail, x upper-cased
    assert names("0421") == ["李娜"]


def test_reveal_is_audited(db, roster, branches):
    _root, one, _two = branches
    member_id = roster.add(member(one.id, id_number="110105580312021"))
    assert roster.reveal(member_id) == ("110105580312021", "13812345678")
    conn = sql.connect(db.path)
    assert conn.execute("SELECT operator, action, target FROM audit_log").fetchall() == [
        ("王芳", "reveal_identity", member_id)]
    with pytest.raises(sql.DatabaseError, match="append-only"):
        conn.execute("DELETE FROM audit_log")


def test_branch_size_warnings(roster, branches, orgs):
    _root, one, _two = branches
    roster.add(member(one.id))
    found = [(name, w.message) for _id, name, w in roster.branch_warnings()]
    assert any(name == "第一网格党支部" for name, _ in found)


def test_discard_takes_back_a_mistaken_addition_only(db, roster, branches):
    _root, one, _two = branches
    member_id = roster.add(member(one.id))
    roster.discard(member_id)
    assert roster.list_members(MemberQuery(relation=None)) == []
    conn = sql.connect(db.path)
    assert conn.execute("SELECT deleted FROM member").fetchall() == [(1,)]  # a tombstone
    roster.undiscard(member_id)
    assert [r.id for r in roster.list_members()] == [member_id]
    roster.set_relation_status(member_id, "deceased", dt.date(2026, 1, 5))
    with pytest.raises(UserError, match="can only be changed"):
        roster.discard(member_id)


def test_history_and_get_keep_identity_masked(roster, branches):
    _root, one, _two = branches
    member_id = roster.add(member(one.id))
    draft, row = roster.get(member_id)
    assert draft.id_number == "110105********0213" and draft.mobile == "138****5678"
    roster.update(member_id, replace(draft, mobile="13900001111", party_post="党小组长"))
    assert roster.reveal(member_id) == ("110105195803120213", "13900001111")
    edited = roster.history(member_id)[0]
    assert edited.detail["changes"]["mobile"] == ["138****5678", "139****1111"]
