"""Undo and redo in the grid households tab (Edit ▸ Undo): editing a grid or a resident,
the party member link, 党员中心户, changing the head and moving a household; and an
undo refused because the data changed meanwhile."""
# ruff: noqa: F811 - the fixtures of test_households are imported and used as arguments

from __future__ import annotations

import datetime as dt

import pytest

from gridoffice.domain.party import full_membership_date
from gridoffice.services.households import ResidentQuery
from gridoffice.services.roster import MemberDraft
from gridoffice.ui.models.household_tree import KIND_GRID
from tests.ui import test_households as base
from tests.ui.test_households import households, place, tab  # noqa: F401 - fixtures

OLD = dt.date(1940, 5, 6)
HEAD_ID = base.make_id(OLD, 11)
HEAD_PHONE = "13812345678"


@pytest.fixture
def stack(window):
    return window.undo_stack


def undo(qtbot, tab, stack) -> None:
    base.wait_loaded(qtbot, tab, stack.undo)


def redo(qtbot, tab, stack) -> None:
    base.wait_loaded(qtbot, tab, stack.redo)


def stored(households, place, name: str):
    """The resident called ``name`` in the first household, unmasked."""
    rows = households.residents(ResidentQuery(household_id=place.household,
                                              include_left=True), reveal=True)
    return next(r for r in rows if r.name == name)


def relations(households, place) -> dict[str, str]:
    return {r.name: r.relation for r in households.household(place.household).members}


def test_undo_and_redo_an_edited_grid(qtbot, ui, dialogs, tab, households, place, stack):
    base.wait_loaded(qtbot, tab, lambda: tab.tree.setCurrentIndex(
        tab.tree_model.index_of(KIND_GRID, place.grid)))

    def rename(dialog):
        ui.type_into(dialog.name_edit, "第一网格（东）")
        ui.click_ok(dialog)

    dialogs.expect(rename)
    with qtbot.waitSignal(tab.loaded):
        tab.edit_grid_action.trigger()
    assert stack.undoText() == "Edit grid 第一网格（东）"

    def grid_name() -> str:
        return next(g.name for g in households.list_grids() if g.id == place.grid)

    assert grid_name() == "第一网格（东）" and "第一网格（东）" in tab.scope_label.text()
    undo(qtbot, tab, stack)
    assert grid_name() == "第一网格"
    assert "第一网格" in tab.scope_label.text() and "东" not in tab.scope_label.text()
    redo(qtbot, tab, stack)
    assert grid_name() == "第一网格（东）" and "第一网格（东）" in tab.scope_label.text()


def test_undo_an_edit_keeps_the_masked_id_number_and_phone(qtbot, ui, dialogs, tab,
                                                          households, place, stack):
    base.select_house(qtbot, tab, place, place.house)
    tab.select_resident(place.head)

    def rename(dialog):  # the ID number and phone stay masked
        ui.type_into(dialog.name_edit, "张卫")
        ui.click_ok(dialog)

    dialogs.expect(rename)
    with qtbot.waitSignal(tab.loaded):
        tab.edit_action.trigger()
    assert stack.undoText() == "Edit resident 张卫"
    assert "张卫" in base.names(tab)
    row = stored(households, place, "张卫")
    assert (row.id_number, row.mobile) == (HEAD_ID, HEAD_PHONE)
    undo(qtbot, tab, stack)
    assert base.names(tab) == ["张伟", "李娜"] and tab.current_id() == place.head
    row = stored(households, place, "张伟")
    assert (row.id_number, row.mobile) == (HEAD_ID, HEAD_PHONE)
    redo(qtbot, tab, stack)
    assert "张卫" in base.names(tab)
    row = stored(households, place, "张卫")
    assert (row.id_number, row.mobile) == (HEAD_ID, HEAD_PHONE)


def test_undo_a_revealed_and_changed_phone(qtbot, ui, dialogs, tab, households, place,
                                          stack):
    base.select_house(qtbot, tab, place, place.house)
    tab.select_resident(place.head)

    def new_phone(dialog):
        dialog.reveal_button.click()
        ui.type_into(dialog.mobile_edit, "13900001111")
        ui.click_ok(dialog)

    dialogs.expect(new_phone)
    with qtbot.waitSignal(tab.loaded):
        tab.edit_action.trigger()
    assert stored(households, place, "张伟").mobile == "13900001111"
    undo(qtbot, tab, stack)
    row = stored(households, place, "张伟")
    assert (row.id_number, row.mobile) == (HEAD_ID, HEAD_PHONE)
    row = tab.current_row()
    assert row.id == place.head and row.mobile.endswith("5678")
    redo(qtbot, tab, stack)
    assert stored(households, place, "张伟").mobile == "13900001111"
    assert tab.current_row().mobile.endswith("1111")


@pytest.fixture
def member_id(members, branches) -> str:
    join = dt.date(1965, 7, 1)
    return members.add(MemberDraft(
        name="张伟", id_number=HEAD_ID, mobile=HEAD_PHONE, join_date=join, status="full",
        full_date=full_membership_date(join), category="direct", education="20",
        ethnicity="01", org_id=branches.first))


def test_undo_a_party_member_link_and_unlink(qtbot, ui, dialogs, tab, households, place,
                                            member_id, stack):
    base.select_house(qtbot, tab, place, place.house)
    tab.select_resident(place.head)

    def link(dialog):
        ui.type_into(dialog.search_edit, HEAD_ID[-4:])
        dialog.refresh()
        dialog.choose(member_id)
        ui.click_ok(dialog)

    dialogs.expect(link)
    with qtbot.waitSignal(tab.loaded):
        tab.member_link_action.trigger()
    assert stack.undoText() == "Link 张伟 to a party member"
    qtbot.waitUntil(lambda: tab.detail.center_check.isVisibleTo(tab.detail))
    undo(qtbot, tab, stack)
    assert households.resident(place.head)[1].member_id is None
    qtbot.waitUntil(lambda: not tab.detail.center_check.isVisibleTo(tab.detail))
    assert tab.current_row().member_id is None
    redo(qtbot, tab, stack)
    assert households.resident(place.head)[1].member_id == member_id
    qtbot.waitUntil(lambda: tab.detail.center_check.isVisibleTo(tab.detail))
    base.unlink_member(qtbot, dialogs, ui, tab, place.head)
    assert stack.undoText() == "Unlink 张伟 from the party member"
    assert households.resident(place.head)[1].member_id is None
    undo(qtbot, tab, stack)
    assert households.resident(place.head)[1].member_id == member_id
    assert tab.current_row().member_id == member_id


def test_undo_the_centre_household_mark(qtbot, ui, tab, households, place, member_id,
                                       stack):
    households.link_member(place.head, member_id)  # read when the house is chosen
    base.select_house(qtbot, tab, place, place.house)
    tab.select_resident(place.head)
    qtbot.waitUntil(lambda: tab.detail.center_check.isVisibleTo(tab.detail))
    with qtbot.waitSignal(tab.loaded):
        ui.click(tab.detail.center_check)
    assert households.household(place.household).center_member_id == member_id
    assert stack.undoText() == \
        "Mark 幸福里3号楼2单元301 as a party member centre household"
    assert tab.detail.center_label.isVisibleTo(tab.detail)
    undo(qtbot, tab, stack)
    assert households.household(place.household).center_member_id is None
    assert not tab.detail.center_label.isVisibleTo(tab.detail)
    assert not tab.detail.center_check.isChecked()
    redo(qtbot, tab, stack)
    assert households.household(place.household).center_member_id == member_id
    assert tab.detail.center_label.isVisibleTo(tab.detail)
    assert tab.detail.center_check.isChecked()


def change_head_to_li_na(qtbot, dialogs, tab, place) -> None:
    base.select_house(qtbot, tab, place, place.house)

    def choose(dialog):
        dialog.head_combo.setCurrentIndex(dialog.head_combo.findText("李娜"))
        dialog.relation_combo.setCurrentIndex(dialog.relation_combo.findData("10"))
        dialog.ok_button().click()

    dialogs.expect(choose)
    with qtbot.waitSignal(tab.loaded):
        tab.head_action.trigger()


def detail_relations(tab) -> dict[str, str]:
    return {r.name: r.relation for r in tab.detail.members_model.rows()}


def test_undo_a_change_of_head(qtbot, dialogs, tab, households, place, stack):
    change_head_to_li_na(qtbot, dialogs, tab, place)
    assert stack.undoText() == "Make 李娜 head of the household"
    after = {"张伟": "10", "李娜": "02"}
    assert relations(households, place) == after and detail_relations(tab) == after
    undo(qtbot, tab, stack)
    before = {"张伟": "02", "李娜": "10"}
    assert relations(households, place) == before and detail_relations(tab) == before
    redo(qtbot, tab, stack)
    assert relations(households, place) == after and detail_relations(tab) == after


def test_undo_a_household_move(qtbot, dialogs, tab, households, place, stack):
    base.select_house(qtbot, tab, place, place.house)

    def move(dialog):
        dialog.house_combo.setCurrentIndex(dialog.house_combo.findData(place.empty_house))
        dialog.ok_button().click()

    dialogs.expect(move)
    with qtbot.waitSignal(tab.loaded):
        tab.move_action.trigger()
    assert stack.undoText() == "Move the household of 幸福里3号楼2单元301"
    assert households.household(place.household).house_id == place.empty_house
    # the house chosen in the tree is empty now
    assert base.names(tab) == [] and tab.detail.detail is None
    assert households.houses(place.building)[2].head_name == "张伟"
    undo(qtbot, tab, stack)
    assert households.household(place.household).house_id == place.house
    assert households.houses(place.building)[2].household_id is None
    assert base.names(tab) == ["张伟", "李娜"]
    assert tab.detail.title_label.text() == "幸福里3号楼2单元301"
    redo(qtbot, tab, stack)
    assert households.household(place.household).house_id == place.empty_house
    assert base.names(tab) == [] and tab.detail.detail is None


def test_an_undo_refused_because_the_data_changed_changes_nothing(
        qtbot, dialogs, message_log, tab, households, place, stack):
    change_head_to_li_na(qtbot, dialogs, tab, place)
    households.move_out(place.head, base.TODAY, "work")  # meanwhile, elsewhere: 张伟 left
    undo(qtbot, tab, stack)
    assert len(message_log.warnings()) == 1
    assert "cannot be undone" in message_log.warnings()[0]
    assert "张伟" in message_log.warnings()[0]
    assert relations(households, place) == {"张伟": "10", "李娜": "02"}
    assert stored(households, place, "张伟").moved_out_on == base.TODAY
    assert base.names(tab) == ["李娜"]
    assert not stack.canUndo()  # the refused command left the stack
