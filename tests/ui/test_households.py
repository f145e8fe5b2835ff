"""The grid households tab: tree, resident table, search and filters, dialogs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt

from gridoffice.services.households import GridDraft, HouseholdService, ResidentDraft
from gridoffice.ui.models.household_residents import COL_VISIT, STALE_ROLE
from gridoffice.ui.models.household_tree import KIND_BUILDING, KIND_GRID, KIND_HOUSE
from tests.ui.conftest import open_building

TODAY = dt.date.today()
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def make_id(birth: dt.date, sequence: int, area: str = "110105") -> str:
    body = f"{area}{birth:%Y%m%d}{sequence:03d}"
    check = "10X98765432"[sum(int(d) * w for d, w in zip(body, WEIGHTS, strict=True)) % 11]
    return body + check


@dataclass
class Place:
    grid: str
    building: str
    house: str
    empty_house: str
    household: str
    other_household: str
    head: str


@pytest.fixture
def tab(window):
    window.tabs.setCurrentWidget(window.households)
    return window.households


@pytest.fixture
def households(tab) -> HouseholdService:
    return tab.service


def wait_loaded(qtbot, tab, action) -> None:
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        action()
    qtbot.waitUntil(lambda: not tab.running_jobs(), timeout=5000)


@pytest.fixture
def place(qtbot, tab, households) -> Place:
    """One grid, building 3 with houses 2-301 (张伟 born 1940 + 李娜), 2-302 (visited
    last week) and an empty 2-303."""
    grid = households.create_grid(GridDraft("110105001001001", "第一网格"))
    building = households.add_building(grid, "3", estate="幸福里", units=4, floors=6)
    house = households.add_house(building, "2", "301")
    other = households.add_house(building, "2", "302")
    empty = households.add_house(building, "2", "303")
    old = dt.date(1940, 5, 6)
    household = households.create_household(house, [
        ResidentDraft("张伟", "02", id_number=make_id(old, 11), mobile="13812345678"),
        ResidentDraft("李娜", "10", id_number=make_id(dt.date(1985, 3, 2), 22)),
    ], number="001")
    other_household = households.create_household(other, [
        ResidentDraft("王小明", "02", id_number=make_id(dt.date(1990, 1, 9), 31)),
    ])
    households.add_visit(other_household, TODAY - dt.timedelta(days=7), "王芳")
    head = next(r.id for r in households.residents() if r.name == "张伟")
    wait_loaded(qtbot, tab, tab.refresh)
    return Place(grid, building, house, empty, household, other_household, head)


def unlink_member(qtbot, dialogs, ui, tab, resident_id: str) -> None:
    """Through the tab: the resident is no longer linked to a party member."""
    def unlink(dialog):
        dialog.choose("")
        ui.click_ok(dialog)

    tab.select_resident(resident_id)
    dialogs.expect(unlink)
    with qtbot.waitSignal(tab.loaded):
        tab.member_link_action.trigger()


def names(tab) -> list[str]:
    return [r.name for r in tab.model.rows()]


def test_tab_sits_after_the_roster(window, tab):
    assert window.tabs.tabText(2) == "Grid households"
    assert window.tabs.widget(2) is tab


def test_models_pass_the_model_tester(qtmodeltester, tab, place):
    qtmodeltester.check(tab.model)
    index = tab.tree_model.index_of(KIND_BUILDING, place.building)
    tab.tree_model.fetchMore(index)
    qtmodeltester.check(tab.tree_model)


def test_navigate_the_tree_to_a_household(qtbot, tab, place):
    model = tab.tree_model
    grid = model.index_of(KIND_GRID, place.grid)
    assert model.data(grid) == "第一网格 (110105001001001)"
    assert [model.data(grid.siblingAtColumn(c)) for c in (1, 2)] == ["2", "3"]
    wait_loaded(qtbot, tab, lambda: tab.tree.setCurrentIndex(grid))
    assert tab.count_label.text() == "3 resident(s), 2 household(s)"
    building = model.index_of(KIND_BUILDING, place.building)
    tab.tree.expand(building)  # children are read on expand
    assert model.rowCount(building) == 1
    unit = model.index(0, 0, building)
    assert model.data(unit) == "Unit 2"
    assert [model.data(model.index(r, 0, unit)) for r in range(3)] == [
        "301  张伟", "302  王小明", "303"]
    assert model.data(unit.siblingAtColumn(2)) == "3"
    wait_loaded(qtbot, tab, lambda: tab.tree.setCurrentIndex(model.index(0, 0, unit)))
    assert names(tab) == ["张伟", "李娜"]
    assert tab.model.data(tab.model.index(0, 4)).startswith("110105********")
    assert "*" in tab.model.data(tab.model.index(0, 5))
    assert tab.detail.title_label.text() == "幸福里3号楼2单元301"
    assert "Household number: 001" in tab.detail.info_label.text()
    assert tab.detail.members_model.rowCount() == 2


def test_search_by_initials_address_and_phone_tail(qtbot, ui, tab, place):
    wait_loaded(qtbot, tab, lambda: ui.type_into(tab.search_edit, "zw"))
    assert names(tab) == ["张伟"]
    wait_loaded(qtbot, tab, lambda: ui.type_into(tab.search_edit, "3-2-302"))
    assert names(tab) == ["王小明"]
    wait_loaded(qtbot, tab, lambda: ui.type_into(tab.search_edit, "5678"))
    assert names(tab) == ["张伟"]
    assert tab.count_label.text() == "1 resident(s), 1 household(s)"


def test_filters_80_plus_and_not_visited(qtbot, tab, place):
    wait_loaded(qtbot, tab, lambda: tab.age_combo.setCurrentIndex(
        tab.age_combo.findData("80+")))
    assert names(tab) == ["张伟"]
    wait_loaded(qtbot, tab, lambda: tab.age_combo.setCurrentIndex(0))
    tab.visit_spin.setValue(30)
    qtbot.waitUntil(lambda: not tab.running_jobs())
    wait_loaded(qtbot, tab, lambda: tab.visit_check.setChecked(True))
    assert names(tab) == ["张伟", "李娜"]  # 王小明's household was visited last week
    row = tab.model.row_of(place.head)
    assert tab.model.data(tab.model.index(row, COL_VISIT)) == "never"
    assert tab.model.data(tab.model.index(row, COL_VISIT), STALE_ROLE) is True
    assert tab.model.data(tab.model.index(row, COL_VISIT),
                          Qt.ItemDataRole.BackgroundRole) is not None


def select_house(qtbot, tab, place, house_id) -> None:
    open_building(tab, place.building)
    wait_loaded(qtbot, tab, lambda: tab.select_node(KIND_HOUSE, house_id))


def fill_member(ui, name, relation):
    def filler(dialog):
        ui.type_into(dialog.name_edit, name)
        dialog.relation_combo.setCurrentIndex(dialog.relation_combo.findData(relation))
        dialog.sex_combo.setCurrentIndex(dialog.sex_combo.findData("1"))
        ui.click_ok(dialog)
    return filler


def test_a_household_with_two_heads_is_refused_inline(qtbot, ui, dialogs, tab, households,
                                                     place):
    select_house(qtbot, tab, place, place.empty_house)
    assert tab.new_household_action.isEnabled()
    seen = {}

    def household(dialog):
        ui.click(dialog.add_member_button)
        ui.click(dialog.add_member_button)
        assert dialog.member_list.count() == 2
        ui.click_ok(dialog)
        seen["error"] = dialog.error_text()
        assert dialog.isVisible()

    dialogs.expect(household)
    dialogs.expect(fill_member(ui, "赵一", "02"))
    dialogs.expect(fill_member(ui, "赵二", "02"))
    tab.new_household_action.trigger()
    assert seen["error"].startswith("Relation to head")
    assert not [r for r in households.residents() if r.name.startswith("赵")]
    assert households.houses(place.building)[2].household_id is None


def test_add_resident_with_a_bad_id_names_the_field(qtbot, ui, dialogs, tab, households,
                                                    place):
    select_house(qtbot, tab, place, place.house)
    seen = {}

    def filler(dialog):
        ui.type_into(dialog.name_edit, "张小伟")
        dialog.relation_combo.setCurrentIndex(dialog.relation_combo.findData("20"))
        ui.type_into(dialog.id_edit, "110105201001010012")
        ui.click_ok(dialog)
        seen["error"] = dialog.error_text()
        seen["focus"] = dialog.focusWidget() is dialog.id_edit

    dialogs.expect(filler)
    tab.add_resident_action.trigger()
    assert seen["error"].startswith("ID number")
    assert seen["focus"]
    assert "张小伟" not in [r.name for r in households.residents()]


def test_id_number_fills_birth_and_sex_and_add_resident(qtbot, ui, dialogs, tab,
                                                        households, place):
    select_house(qtbot, tab, place, place.house)
    number = make_id(dt.date(2012, 8, 15), 24)

    def filler(dialog):
        ui.type_into(dialog.name_edit, "张小伟")
        dialog.relation_combo.setCurrentIndex(dialog.relation_combo.findData("20"))
        ui.type_into(dialog.id_edit, number)
        assert dialog.birth_edit.text() == "2012-08-15"
        assert dialog.sex_combo.currentData() == "2"
        ui.click_ok(dialog)

    dialogs.expect(filler)
    with qtbot.waitSignal(tab.loaded):
        tab.add_resident_action.trigger()
    qtbot.waitUntil(lambda: "张小伟" in names(tab))
    assert tab.current_row().name == "张小伟"


def test_edit_shows_the_id_masked_until_revealed(qtbot, dialogs, tab, households, place):
    select_house(qtbot, tab, place, place.house)
    tab.select_resident(place.head)
    seen = {}

    def filler(dialog):
        seen["masked"] = dialog.id_edit.text()
        seen["read_only"] = dialog.id_edit.isReadOnly()
        dialog.reveal_button.click()
        seen["full"] = dialog.id_edit.text()
        dialog.reject()

    dialogs.expect(filler)
    tab.edit_action.trigger()
    assert "*" in seen["masked"] and seen["read_only"]
    assert seen["full"] == make_id(dt.date(1940, 5, 6), 11)


def test_move_out_keeps_the_record(qtbot, ui, dialogs, message_log, tab, households, place):
    select_house(qtbot, tab, place, place.house)
    other = next(r for r in tab.model.rows() if r.name == "李娜")
    tab.select_resident(other.id)
    message_log.answers.append(message_log_yes())

    def filler(dialog):
        ui.type_into(dialog.reason_edit, "work")
        ui.click_ok(dialog)

    dialogs.expect(filler)
    started = dt.date.today()
    with qtbot.waitSignal(tab.loaded):
        tab.move_out_action.trigger()
    qtbot.waitUntil(lambda: names(tab) == ["张伟"])
    assert "moved out" in message_log.texts[-1]
    stored = [r for r in households.household(place.household).members if r.name == "李娜"]
    assert started <= stored[0].moved_out_on <= dt.date.today()  # today (even at midnight)


def message_log_yes():
    from PySide6.QtWidgets import QMessageBox

    return QMessageBox.StandardButton.Yes


def test_add_visit_shows_in_the_log(qtbot, ui, dialogs, tab, households, place):
    select_house(qtbot, tab, place, place.house)

    def filler(dialog):
        ui.type_into(dialog.visitor_edit, "王芳")
        dialog.findings_edit.setPlainText("老人身体健康")
        ui.click_ok(dialog)

    dialogs.expect(filler)
    started = dt.date.today()
    ui.click(tab.detail.add_visit_button)
    assert tab.detail.visits_model.rowCount() == 1
    assert tab.detail.visits_model.display(tab.detail.visits_model.rows()[0], 2) \
        == "老人身体健康"
    last_visit = households.household(place.household).last_visit
    assert started <= last_visit <= dt.date.today()  # today (even at midnight)


def test_disabled_tag_needs_a_grade_and_control_tags_stay_hidden(qtbot, dialogs, tab,
                                                                 households, place):
    select_house(qtbot, tab, place, place.house)
    tab.select_resident(place.head)
    seen = {}

    def filler(dialog):
        seen["codes"] = dialog.tag_codes()
        dialog.tag_combo.setCurrentIndex(dialog.tag_codes().index("disabled"))
        dialog.type_combo.setCurrentIndex(1)
        dialog.ok_button().click()
        seen["error"] = dialog.error_text()
        seen["focus"] = dialog.focusWidget() is dialog.grade_combo

    dialogs.expect(filler)
    tab.tag_action.trigger()
    assert seen["error"].startswith("Disability grade") or "grade" in seen["error"]
    assert seen["focus"]
    assert "released_prisoner" not in seen["codes"] and "very_old" not in seen["codes"]
    assert households.tags(place.head) == ["very_old"]


def test_household_forms_and_care_list_reach_the_preview(qtbot, tab, households, place,
                                                         context, tmp_path, monkeypatch):
    from tests import sql

    model = tab.tree_model
    wait_loaded(qtbot, tab, lambda: tab.tree.setCurrentIndex(
        model.index_of(KIND_GRID, place.grid)))
    jobs = tab.ledgers
    with qtbot.waitSignal(jobs.opened, timeout=30_000) as blocker:
        tab.forms_action.trigger()
    preview = blocker.args[0]
    assert preview.page_count() == 2  # one form per household
    assert preview.suggested_name.startswith("网格户情登记表_")
    target = tmp_path / "forms.pdf"
    monkeypatch.setattr(preview, "ask_save_path", lambda: str(target))
    assert preview.save_as() == target
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert "张伟" in text and "王小明" in text and "13812345678" not in text
    rows = sql.connect(context.opened.path).execute(
        "SELECT action, target FROM audit_log").fetchall()
    assert rows == [("print", "household_forms")]
    preview.close()
    with qtbot.waitSignal(jobs.opened, timeout=30_000) as blocker:
        tab.print_care_list("very_old")
    assert blocker.args[0].page_count() >= 1
