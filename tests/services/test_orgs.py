"""The organisation tree service on a real database."""

from __future__ import annotations

import datetime as dt

import pytest

from gridoffice.errors import UserError, ValidationError
from gridoffice.services.orgs import OrgDraft
from tests.conftest import TODAY


@pytest.fixture
def tree(orgs):
    root = orgs.create(OrgDraft("中共幸福里社区委员会", "committee",
                                established=dt.date(2021, 6, 18)))
    one = orgs.create(OrgDraft("第一网格党支部", "branch", root.id,
                               established=dt.date(2021, 7, 1)))
    two = orgs.create(OrgDraft("第二网格党支部", "branch", root.id,
                               established=dt.date(2021, 7, 1)))
    group = orgs.create(OrgDraft("第一党小组", "group", one.id, established=dt.date(2021, 7, 1)))
    return root, one, two, group


def names(orgs, **kw):
    return [n.name for n in orgs.list_orgs(**kw)]


def test_tree_order_and_default_term(orgs, tree):
    root, *_ = tree
    assert names(orgs) == ["中共幸福里社区委员会", "第一网格党支部", "第一党小组", "第二网格党支部"]
    assert root.term_end == dt.date(2026, 6, 18)  # five-year term


@pytest.mark.parametrize("draft, field, text", [
    (OrgDraft("  ", "committee"), "name", "Name: enter"),
    (OrgDraft("x" * 61, "committee"), "name", "at most 60"),
    (OrgDraft("第一党小组", "group"), "org_type", "top-level"),
    (OrgDraft("中共某社区委员会", "nonsense"), "org_type", "not an organisation type"),
    (OrgDraft("未来党支部", "branch", established=TODAY + dt.timedelta(days=1)),
     "established", "in the future"),
    (OrgDraft("党支部", "branch", established=dt.date(2020, 1, 1),
              term_end=dt.date(2019, 1, 1)), "term_end", "after the date established"),
])
def test_bad_input_names_the_field_and_changes_nothing(orgs, draft, field, text):
    with pytest.raises(ValidationError) as err:
        orgs.create(draft)
    assert err.value.field == field and text in str(err.value)
    assert orgs.list_orgs() == []


def test_type_rules_and_sibling_names(orgs, tree):
    root, one, _two, group = tree
    with pytest.raises(ValidationError, match="cannot be placed under"):
        orgs.create(OrgDraft("某党小组", "group", root.id))
    with pytest.raises(ValidationError, match="already has an organisation called"):
        orgs.create(OrgDraft(" 第一网格党支部 ", "branch", root.id))
    with pytest.raises(ValidationError, match="cannot be placed under"):
        orgs.update(one.id, OrgDraft("第一网格党支部", "group"))
    with pytest.raises(ValidationError, match="sub-organisations that a"):
        orgs.update(root.id, OrgDraft("中共幸福里社区支部委员会", "branch"))
    # The same name under another parent is fine.
    orgs.create(OrgDraft("第一党小组", "group", _two.id))


def test_rename_and_edit_are_recorded(orgs, tree):
    _root, one, *_ = tree
    orgs.update(one.id, OrgDraft("第一网格支部委员会", "branch", short_name="一支部"))
    events = orgs.history(one.id)
    assert [e.kind for e in events[:2]] == ["edited", "renamed"] or \
        {e.kind for e in events[:2]} == {"edited", "renamed"}
    renamed = next(e for e in events if e.kind == "renamed")
    assert renamed.detail == {"old": "第一网格党支部", "new": "第一网格支部委员会"}
    assert renamed.operator == "王芳" and renamed.on_date == TODAY


def test_move_keeps_history_and_refuses_cycles(orgs, tree):
    root, one, two, group = tree
    moved = orgs.move(group.id, two.id)
    assert moved.parent_id == two.id
    assert names(orgs) == ["中共幸福里社区委员会", "第一网格党支部", "第二网格党支部", "第一党小组"]
    event = orgs.history(group.id)[0]
    assert event.kind == "moved" and event.detail["old"] == "第一网格党支部"
    assert event.detail["new"] == "第二网格党支部"
    with pytest.raises(ValidationError, match="under itself"):
        orgs.move(root.id, two.id)
    with pytest.raises(ValidationError, match="cannot be placed under"):
        orgs.move(one.id, two.id)
    assert orgs.get(one.id).parent_id == root.id


def test_move_to_a_position_among_siblings(orgs, tree):
    root, one, two, _group = tree
    orgs.move(two.id, root.id, position=0)
    assert names(orgs)[1:3] == ["第二网格党支部", "第一网格党支部"]


def test_retire_and_restore(orgs, tree):
    root, one, two, group = tree
    orgs.appoint(one.id, "secretary", "李建国", dt.date(2021, 7, 1))
    with pytest.raises(UserError, match="active sub-organisations"):
        orgs.retire(one.id, dt.date(2025, 1, 1))
    orgs.move(group.id, two.id)
    retired = orgs.retire(one.id, dt.date(2025, 1, 1), reason="网格调整")
    assert retired.retired_on == dt.date(2025, 1, 1) and retired.secretary is None
    seat = orgs.seats(one.id)[0]
    assert seat.person_name == "李建国" and seat.to_date == dt.date(2025, 1, 1)
    assert "第一网格党支部" not in names(orgs, include_retired=False)
    assert "第一网格党支部" in names(orgs)  # never deleted
    with pytest.raises(ValidationError, match="has been retired"):
        orgs.create(OrgDraft("新党小组", "group", one.id))
    with pytest.raises(UserError, match="has been retired"):
        orgs.move(one.id, root.id)
    restored = orgs.restore(one.id)
    assert restored.retired_on is None
    assert [e.kind for e in orgs.history(one.id)][:2] == ["restored", "retired"]


def test_tree_as_of_a_date(orgs, tree):
    _root, one, two, group = tree
    orgs.move(group.id, two.id)
    orgs.retire(one.id, dt.date(2025, 1, 1))
    assert "第一网格党支部" in names(orgs, as_of=dt.date(2024, 12, 31))
    assert "第一网格党支部" not in names(orgs, as_of=dt.date(2025, 1, 1))
    assert names(orgs, as_of=dt.date(2021, 6, 30)) == ["中共幸福里社区委员会"]


def test_seats_history(orgs, tree):
    root, _one, _two, group = tree
    orgs.appoint(root.id, "secretary", "李建国", dt.date(2021, 6, 18))
    orgs.appoint(root.id, "deputy_secretary", "王芳", dt.date(2021, 6, 18))
    orgs.appoint(root.id, "deputy_secretary", "赵敏", dt.date(2022, 1, 1))
    orgs.appoint(root.id, "secretary", "张伟", dt.date(2024, 5, 1))
    seats = orgs.seats(root.id)
    current = [(s.seat, s.person_name) for s in seats if s.current]
    assert current == [("secretary", "张伟"), ("deputy_secretary", "赵敏"),
                       ("deputy_secretary", "王芳")]
    old = next(s for s in seats if s.person_name == "李建国")
    assert old.to_date == dt.date(2024, 4, 30)
    assert orgs.get(root.id).secretary == "张伟"
    with pytest.raises(ValidationError, match="held this seat until"):
        orgs.appoint(root.id, "secretary", "某人", dt.date(2024, 4, 1))
    with pytest.raises(ValidationError, match="has no"):
        orgs.appoint(group.id, "secretary", "某人")
    with pytest.raises(ValidationError, match="Person"):
        orgs.appoint(root.id, "publicity", "   ")
    orgs.appoint(group.id, "group_leader", "𠮷祥")
    assert orgs.get(group.id).secretary == "𠮷祥"


def test_end_and_reopen_a_seat(orgs, tree):
    root, *_ = tree
    seat = orgs.appoint(root.id, "publicity", "陈静", dt.date(2022, 3, 1))
    with pytest.raises(ValidationError, match="before the start date"):
        orgs.end_seat(seat.id, dt.date(2022, 1, 1))
    ended = orgs.end_seat(seat.id, dt.date(2025, 3, 1))
    assert ended.to_date == dt.date(2025, 3, 1)
    with pytest.raises(UserError, match="already ended"):
        orgs.end_seat(seat.id)
    assert orgs.reopen_seat(seat.id).to_date is None


def test_discard_only_while_unused(orgs, tree):
    root, one, *_ = tree
    with pytest.raises(UserError, match="can only be retired"):
        orgs.discard(one.id)
    fresh = orgs.create(OrgDraft("误建党支部", "branch", root.id))
    orgs.discard(fresh.id)
    assert "误建党支部" not in names(orgs)


def test_withdraw_an_appointment_gives_the_seat_back(orgs, tree):
    root, *_ = tree
    first = orgs.appoint(root.id, "secretary", "李建国", dt.date(2021, 6, 18))
    second = orgs.appoint(root.id, "secretary", "张伟", dt.date(2024, 5, 1))
    orgs.withdraw_appointment(second.id)
    seats = orgs.seats(root.id)
    assert [(s.person_name, s.to_date) for s in seats] == [("李建国", None)]
    assert orgs.get(root.id).secretary == "李建国"
    assert orgs.history(root.id)[0].kind == "seat_withdrawn"
    with pytest.raises(UserError, match="no longer exists"):
        orgs.withdraw_appointment(second.id)
    assert first.id == seats[0].id


def test_reopen_refused_while_someone_else_holds_the_seat(orgs, tree):
    root, *_ = tree
    first = orgs.appoint(root.id, "secretary", "李建国", dt.date(2021, 6, 18))
    orgs.end_seat(first.id, dt.date(2023, 1, 1))
    orgs.appoint(root.id, "secretary", "张伟", dt.date(2023, 2, 1))
    with pytest.raises(UserError, match="now holds this seat"):
        orgs.reopen_seat(first.id)


def test_type_names_in_messages_follow_the_language(orgs, tree):
    root, *_ = tree
    with pytest.raises(ValidationError) as err:
        orgs.create(OrgDraft("某党小组", "group", root.id))
    assert str(err.value) == "Type: a Party group cannot be placed under a Party committee."
    assert err.value.localized("zh_CN") == "类型：党小组不能设在党委之下。"
