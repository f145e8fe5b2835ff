"""The grid households tab, second part: duplicates and merging, the party member link
and 党员中心户, ending a care tag, the grid-size advice and editing a grid, and the
Excel export of the view."""
# ruff: noqa: F811 - the fixtures of test_households are imported and used as arguments

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QMessageBox

from gridoffice.domain.party import full_membership_date
from gridoffice.services.households import GridDraft, ResidentDraft
from gridoffice.services.roster import MemberDraft
from gridoffice.ui.models.household_tree import KIND_GRID
from tests import sql
from tests.ui.test_households import (  # noqa: F401 - fixtures
    TODAY,
    households,
    make_id,
    names,
    place,
    select_house,
    tab,
    unlink_member,
    wait_loaded,
)

YES = QMessageBox.StandardButton.Yes
OLD = dt.date(1940, 5, 6)


def add_twin(households, place) -> str:
    """张伟 typed a second time, without his ID number, into 王小明's household."""
    return households.add_resident(place.other_household, ResidentDraft(
        "张伟", "60", sex="1", birth_date=OLD))


def test_merge_a_resident_recorded_twice(qtbot, dialogs, message_log, tab, households,
                                         place):
    twin = add_twin(households, place)
    households.add_tag(twin, "living_alone")
    wait_loaded(qtbot, tab, tab.refresh)
    assert names(tab).count("张伟") == 2
    seen = {}

    def filler(dialog):
        group = dialog.current_group()
        seen["rows"] = dialog.model.rowCount()
        seen["reason"] = dialog.model.display(group, 2)
        seen["addresses"] = dialog.model.display(group, 1)
        dialog.keep_combo.setCurrentIndex(dialog.keep_combo.findData(place.head))
        dialog.merge_button.click()
        seen["after"] = dialog.model.rowCount()
        seen["empty"] = dialog.empty_label.isVisibleTo(dialog)
        dialog.reject()

    message_log.answers.append(YES)
    dialogs.expect(filler)
    with qtbot.waitSignal(tab.loaded):
        tab.duplicates_action.trigger()
    assert seen["rows"] == 1 and seen["reason"] == "Same name and birth date"
    assert "幸福里3号楼2单元301" in seen["addresses"] and "302" in seen["addresses"]
    assert seen["after"] == 0 and seen["empty"]
    assert "merge" in message_log.texts[0]
    qtbot.waitUntil(lambda: names(tab).count("张伟") == 1)
    assert households.find_duplicates() == []
    assert "living_alone" in households.tags(place.head)


def test_a_refused_merge_shows_why_and_changes_nothing(qtbot, dialogs, message_log, tab,
                                                      households, place):
    twin = add_twin(households, place)

    def filler(dialog):
        dialog.keep_combo.setCurrentIndex(dialog.keep_combo.findData(twin))
        assert dialog.merge_current() is False
        assert dialog.model.rowCount() == 1
        dialog.reject()

    message_log.answers.append(YES)
    dialogs.expect(filler)
    assert tab.find_duplicates() == 0
    assert len(message_log.warnings()) == 1 and "张伟" in message_log.warnings()[0]
    assert len(households.find_duplicates()) == 1
    assert {r.id for r in households.residents()} >= {twin, place.head}


def test_link_a_party_member_and_mark_the_centre_household(qtbot, ui, dialogs, tab,
                                                           households, place, members,
                                                           branches):
    join = dt.date(1965, 7, 1)
    member_id = members.add(MemberDraft(
        name="张伟", id_number=make_id(OLD, 11), mobile="13812345678", join_date=join,
        status="full", full_date=full_membership_date(join), category="direct",
        education="20", ethnicity="01", org_id=branches.first))
    select_house(qtbot, tab, place, place.house)
    tab.select_resident(place.head)
    assert not tab.detail.center_check.isVisibleTo(tab.detail)
    seen = {}

    def filler(dialog):
        ui.type_into(dialog.search_edit, make_id(OLD, 11)[-4:])  # the ID number's tail
        dialog.refresh()
        seen["ids"] = dialog.member_ids()
        dialog.choose(member_id)
        ui.click_ok(dialog)

    dialogs.expect(filler)
    with qtbot.waitSignal(tab.loaded):
        tab.member_link_action.trigger()
    assert seen["ids"] == ["", member_id]
    _draft, row = households.resident(place.head)
    assert row.member_id == member_id
    qtbot.waitUntil(lambda: tab.detail.center_check.isVisibleTo(tab.detail))
    assert not tab.detail.center_check.isChecked()
    ui.click(tab.detail.center_check)
    assert households.household(place.household).center_member_id == member_id
    assert tab.detail.center_label.isVisibleTo(tab.detail)
    ui.click(tab.detail.center_check)
    assert households.household(place.household).center_member_id is None
    unlink_member(qtbot, dialogs, ui, tab, place.head)
    assert households.resident(place.head)[1].member_id is None
    qtbot.waitUntil(lambda: not tab.detail.center_check.isVisibleTo(tab.detail))


def test_end_a_care_tag_from_the_tags_dialog(qtbot, ui, dialogs, tab, households, place):
    tag = households.add_tag(place.head, "living_alone", from_date=dt.date(2020, 1, 1))
    del tag
    select_house(qtbot, tab, place, place.house)
    tab.select_resident(place.head)
    day = TODAY - dt.timedelta(days=3)
    seen = {}

    def tags(dialog):
        seen["before"] = dialog.current_list.count()
        seen["text"] = dialog.current_list.item(0).text()
        dialog.end_button.click()
        seen["after"] = dialog.current_list.count()
        dialog.reject()

    def end(dialog):
        ui.type_into(dialog.date_edit, day.isoformat())
        ui.click_ok(dialog)

    dialogs.expect(tags)
    dialogs.expect(end)
    with qtbot.waitSignal(tab.loaded):
        tab.tag_action.trigger()
    assert seen["before"] == 1 and seen["after"] == 0
    assert seen["text"].endswith("since 2020-01-01")
    past = households.tag_rows(place.head, include_past=True)
    assert [(t.tag, t.to_date) for t in past] == [("living_alone", day)]
    assert households.tag_rows(place.head) == []


def test_grid_size_advice_and_edit_grid(qtbot, ui, dialogs, tab, households, place):
    model = tab.tree_model
    wait_loaded(qtbot, tab, lambda: tab.tree.setCurrentIndex(
        model.index_of(KIND_GRID, place.grid)))
    warning = tab.grid_warning_label
    assert warning.isVisibleTo(tab)
    assert "2" in warning.text() and "300" in warning.text()
    households.update_grid(place.grid, GridDraft("110105001001001", "第一网格",
                                                 boundary="幸福路以东"))
    seen = {}

    def filler(dialog):
        seen["boundary"] = dialog.boundary_edit.text()
        ui.type_into(dialog.name_edit, "第一网格（东）")
        ui.click_ok(dialog)

    dialogs.expect(filler)
    with qtbot.waitSignal(tab.loaded):
        tab.edit_grid_action.trigger()
    assert seen["boundary"] == "幸福路以东"
    grid = next(g for g in households.list_grids() if g.id == place.grid)
    assert grid.name == "第一网格（东）"
    assert "第一网格（东）" in tab.scope_label.text()
    wait_loaded(qtbot, tab, tab.show_community)
    assert not warning.isVisibleTo(tab)


def test_export_the_view_masked_and_audited(qtbot, tab, place, context, tmp_path,
                                            monkeypatch):
    from openpyxl import load_workbook

    target = tmp_path / "residents"
    monkeypatch.setattr(tab, "ask_export_path", lambda: str(target))
    assert tab.export_action.isEnabled()
    job = tab.export_view()
    with qtbot.waitSignal(job.finished, timeout=10_000):
        pass
    written = tmp_path / "residents.xlsx"
    cells = [str(c) for row in load_workbook(written).active.iter_rows(values_only=True)
             for c in row if c is not None]
    assert "张伟" in cells and "王小明" in cells
    assert make_id(OLD, 11) not in cells and "13812345678" not in cells
    rows = sql.connect(context.opened.path).execute(
        "SELECT action, target, detail FROM audit_log").fetchall()
    assert rows == [("export", "residents", str(written))]
