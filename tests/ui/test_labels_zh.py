"""What a community worker reads in zh_CN: people are headed 姓名, never 名称.

The app's own translator is installed before the window is built, as
``gridoffice.ui.app`` does at start-up, so the headers are the ones shown.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from gridoffice.services.households import GridDraft, ResidentDraft
from gridoffice.ui.models.household_tree import KIND_GRID, KIND_HOUSE
from tests.ui.conftest import open_building

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def make_id(birth: dt.date, sequence: int) -> str:
    body = f"110105{birth:%Y%m%d}{sequence:03d}"
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, WEIGHTS, strict=True))
                                % 11]


@pytest.fixture
def zh_window(zh_cn, window):
    """The main window built after the zh_CN catalogue was installed."""
    return window


def _wait(qtbot, tab, action) -> None:
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        action()
    qtbot.waitUntil(lambda: not tab.running_jobs(), timeout=5000)


@pytest.fixture
def household_tab(qtbot, zh_window):
    tab = zh_window.households
    service = tab.service
    grid = service.create_grid(GridDraft("110105001001001", "第一网格"))
    building = service.add_building(grid, "3", estate="幸福里", units=4, floors=6)
    house = service.add_house(building, "2", "301")
    service.create_household(house, [
        ResidentDraft("张伟", "02", id_number=make_id(dt.date(1958, 3, 12), 11)),
        ResidentDraft("李娜", "10", id_number=make_id(dt.date(1985, 3, 2), 22)),
    ], number="001")
    service.add_role(grid, "leader", "王芳", dt.date(2024, 1, 1), "13812345678")
    _wait(qtbot, tab, tab.refresh)
    open_building(tab, building)
    _wait(qtbot, tab, lambda: tab.select_node(KIND_HOUSE, house))
    tab.test_ids = {"grid": grid}
    return tab


def headers(model) -> list[str]:
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def form_label(dialog, widget) -> str:
    label = dialog.form.labelForField(widget)
    return label.text() if label is not None else ""


def test_people_are_headed_xingming_in_the_resident_table_and_household(household_tab):
    tab = household_tab
    assert headers(tab.model)[0] == "姓名"
    assert "名称" not in headers(tab.model)
    assert [r.name for r in tab.model.rows()] == ["张伟", "李娜"]
    members = headers(tab.detail.members_model)
    assert members[0] == "姓名"
    assert "名称" not in members


def test_every_tab_speaks_chinese_in_its_parts_and_counts(household_tab, zh_window):
    """Strings written in a tab's mixins and parts, plurals included, are translated."""
    assert household_tab.count_label.text() == "共 2 人，1 户"
    assert household_tab.tr("Reading residents…") == "正在读取居民…"
    titles = [zh_window.tabs.tabText(i) for i in range(zh_window.tabs.count())]
    assert titles == ["工作台", "党员名册", "网格户情", "居民议事会", "在职党员", "共驻共建",
                      "数据同步"]


def test_the_workbench_speaks_chinese(qtbot, household_tab, zh_window):
    """The to-do, the figures and the charts of the workbench, in Chinese."""
    bench = zh_window.workbench
    bench.reload_all()
    qtbot.waitUntil(lambda: not bench._jobs and bool(bench.todo.items), timeout=20_000)
    assert bench.todo.title().startswith("待办（")
    assert "户超过 90 天未走访" in " ".join(bench.todo.texts())
    assert bench.date_label.text().startswith("今天是 ")
    assert "<b>本月</b>" in [bench.figures.grid.itemAt(i).widget().text()
                           for i in range(bench.figures.grid.count())]
    assert "推动解决问题（已办结/总数）" in bench.figures.values
    assert bench.charts.chart_combo.currentText() == "人口年龄性别结构"


def test_the_resident_form_asks_for_xingming(qtbot, dialogs, household_tab):
    tab = household_tab
    tab.select_resident(tab.model.rows()[0].id)
    seen: dict[str, str] = {}

    def filler(dialog):
        seen["name"] = form_label(dialog, dialog.name_edit)
        seen["id"] = form_label(dialog, dialog.id_edit.parentWidget())
        seen["reveal"] = dialog.reveal_button.text()
        dialog.reject()

    dialogs.expect(filler)
    tab.edit_action.trigger()
    assert seen["name"] == "姓名："
    assert seen["id"] == "证件号码："  # as in the member form: the ID type is chosen above
    assert seen["reveal"] == "显示完整证件号码"


def test_the_grid_team_dialog_names_the_role_and_the_person(qtbot, dialogs, household_tab):
    tab = household_tab
    _wait(qtbot, tab, lambda: tab.tree.setCurrentIndex(
        tab.tree_model.index_of(KIND_GRID, tab.test_ids["grid"])))
    seen: dict[str, str] = {}

    def filler(dialog):
        seen["role"] = form_label(dialog, dialog.role_combo)
        seen["name"] = form_label(dialog, dialog.name_edit)
        seen["from"] = form_label(dialog, dialog.from_edit)
        seen["intro"] = dialog.intro.text()
        dialog.reject()

    dialogs.expect(filler)
    tab.team_action.trigger()
    assert seen["role"] == "岗位："
    assert seen["name"] == "姓名："
    assert "单位" not in seen["role"] and "名称" not in seen["name"]
    assert "网格长：王芳" in seen["intro"]


def test_a_conflict_about_a_person_names_the_field_xingming(zh_cn):
    from gridoffice.ui.models.sync_tables import field_label

    assert field_label("resident", "name") == "姓名"
    assert field_label("registration", "name") == "姓名"
    assert field_label("meeting_attendee", "name") == "姓名"
    assert field_label("grid_role", "person_name") == "姓名"
    assert field_label("grid", "name") == "名称"


def test_numbers_in_spin_boxes_read_as_chinese(qtbot, zh_cn):
    from gridoffice.services.meetings import MeetingRules
    from gridoffice.ui.dialogs.meeting_dialogs import MeetingDialog, RulesDialog

    rules = RulesDialog(None, value=MeetingRules(council_day=10), save=lambda value: None)
    qtbot.addWidget(rules)
    assert rules.day_spin.text() == "每月 10 日"
    meeting = MeetingDialog(None, save=lambda draft, copy: None)
    qtbot.addWidget(meeting)
    meeting.session_spin.setValue(12)
    assert meeting.session_spin.text() == "第 12 期"


def test_the_points_period_offers_the_halves_of_the_year(qtbot, zh_window):
    import datetime as dt

    from gridoffice.domain import inservice as rules
    from gridoffice.services.inservice import InServiceService
    from gridoffice.ui.tabs.inservice import PAGE_POINTS

    service = InServiceService(zh_window.db, "王芳", now=dt.datetime(2026, 11, 21, 9, 0),
                               point_rules=rules.PointRules())
    zh_window.inservice.attach(zh_window.services.replace(inservice=service))
    combo = zh_window.inservice.page(PAGE_POINTS).part_combo
    items = [combo.itemText(i) for i in range(combo.count())]
    assert items[:3] == ["全年", "上半年", "下半年"]
