"""The residents import wizard driven as a user would: file, columns, check, import;
its column mapping remembered between imports, its problems saved as a workbook, and
the shared wizard's and each importer's words in zh_CN."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from gridoffice.services import residents_excel as rex
from gridoffice.services.households import GridDraft, HouseholdService
from gridoffice.store import settings as local_settings
from gridoffice.store.digest import digests
from gridoffice.ui.dialogs.residents_import import NOT_IMPORTED, ResidentsImportWizard
from gridoffice.ui.dialogs.roster_import import RosterImportWizard
from tests import sql
from tests.conftest import TODAY
from tests.services.test_residents_excel import FLAT, PEOPLE, flat_row, write_xlsx

Button = QWizard.WizardButton
NAMES = {"张伟", "李娜", "张小宝", "王强", "陈静"}


@pytest.fixture
def grid(db) -> str:
    service = HouseholdService(db, operator="王芳", today=TODAY)
    grid_id = service.create_grid(GridDraft(code="110105001001001", name="第一网格"))
    service.add_building(grid_id, "3", estate="幸福里")
    return grid_id


@pytest.fixture
def wizard(qtbot, db, grid):
    shown = ResidentsImportWizard(None, db, "王芳", TODAY, grid)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def state(db) -> dict[str, str]:
    conn = sql.connect(db.path)
    try:
        return digests(conn)
    finally:
        conn.close()


def choose_file(qtbot, wizard: ResidentsImportWizard, path) -> None:
    wizard.path_edit.setText(str(path))
    qtbot.waitUntil(lambda: wizard.sheet_combo.count() > 0 or wizard.file_error.isVisible(),
                    timeout=5_000)


def click(qtbot, wizard: ResidentsImportWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isVisible() and button.isEnabled(), wizard.buttonText(which)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def wait_checked(qtbot, wizard: ResidentsImportWizard) -> rex.ResidentImportPlan:
    qtbot.waitUntil(lambda: wizard.plan is not None and wizard.job is None, timeout=20_000)
    assert wizard.plan is not None
    return wizard.plan


def residents(db) -> set[str]:
    return {r.name for r in HouseholdService(db, today=TODAY).residents()}


def test_a_second_head_is_listed_and_nothing_imported(qtbot, wizard, db, tmp_path):
    people = [list(p) for p in PEOPLE[:3]]
    people[1][5] = "户主"  # two heads at 3-2-301
    path = write_xlsx(tmp_path / "heads.xlsx", FLAT, [flat_row(p) for p in people])
    before = state(db)
    choose_file(qtbot, wizard, path)
    click(qtbot, wizard, Button.NextButton)
    assert wizard.currentId() == wizard.PAGE_COLUMNS
    assert wizard.mapping_combos["relation"].currentText() == "与户主关系 (column I)"
    assert wizard.mapping_combos["address"].currentData() == NOT_IMPORTED
    assert wizard.grid_combo.currentText() == "第一网格"
    click(qtbot, wizard, Button.NextButton)

    plan = wait_checked(qtbot, wizard)
    model = wizard.problem_model
    assert wizard.problem_view.isVisible() and model.rowCount() == len(plan.problems) == 3
    listed = [tuple(model.index(r, c).data() for c in range(3)) for r in range(3)]
    assert [row[:2] for row in listed] == [("3", "与户主关系"), ("4", "与户主关系"),
                                           ("5", "与户主关系")]
    assert all("has 2 heads" in row[2] for row in listed)
    assert "Problems: 3 in 3 rows" in wizard.check_label.text()
    assert not wizard.button(Button.CommitButton).isEnabled()
    assert wizard.commit_button_text() == "Problems to fix: 3"
    assert state(db) == before

    # corrected in Excel and checked again: now it can be imported
    people[1][5] = "配偶"
    write_xlsx(path, FLAT, [flat_row(p) for p in people])
    qtbot.mouseClick(wizard.check_again_button, Qt.MouseButton.LeftButton)
    plan = wait_checked(qtbot, wizard)
    assert plan.ok and len(plan.new) == 3
    assert wizard.commit_button_text() == "Import"


def test_an_unknown_building_needs_the_checkbox(qtbot, wizard, db, grid, tmp_path):
    path = write_xlsx(tmp_path / "people.xlsx", FLAT, [flat_row(p) for p in PEOPLE])
    choose_file(qtbot, wizard, path)
    click(qtbot, wizard, Button.NextButton)
    click(qtbot, wizard, Button.NextButton)
    plan = wait_checked(qtbot, wizard)
    assert {p.column for p in plan.problems} == {"楼号"}  # building 5 does not exist
    click(qtbot, wizard, Button.BackButton)
    wizard.create_buildings_check.setChecked(True)
    click(qtbot, wizard, Button.NextButton)
    plan = wait_checked(qtbot, wizard)
    assert plan.ok and plan.counts()["new_buildings"] == 1
    assert "New buildings: 1" in wizard.check_label.text()
    click(qtbot, wizard, Button.CommitButton)

    assert wizard.currentId() == wizard.PAGE_IMPORT
    qtbot.waitUntil(lambda: wizard.button(Button.FinishButton).isEnabled(), timeout=20_000)
    assert wizard.result_value is not None and wizard.result_value.added == 5
    assert "New residents: 5" in wizard.import_label.text()
    click(qtbot, wizard, Button.FinishButton)
    assert residents(db) == NAMES


def test_import_from_the_households_tab_refreshes_it(qtbot, window, dialogs, tmp_path):
    tab = window.households
    service = tab.service
    grid_id = service.create_grid(GridDraft("110105001001001", "第一网格"))
    for number in ("3", "5"):
        service.add_building(grid_id, number, estate="幸福里")
    tab.refresh()
    assert tab.import_action in tab.excel_menu.actions() and tab.import_action.isEnabled()
    path = write_xlsx(tmp_path / "people.xlsx", FLAT, [flat_row(p) for p in PEOPLE])

    def drive(shown: ResidentsImportWizard) -> None:
        choose_file(qtbot, shown, path)
        click(qtbot, shown, Button.NextButton)
        click(qtbot, shown, Button.NextButton)
        assert wait_checked(qtbot, shown).ok
        click(qtbot, shown, Button.CommitButton)
        qtbot.waitUntil(lambda: shown.button(Button.FinishButton).isEnabled(), timeout=20_000)
        click(qtbot, shown, Button.FinishButton)

    dialogs.expect(drive)
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        tab.import_action.trigger()
    qtbot.waitUntil(lambda: not tab.running_jobs(), timeout=5_000)
    assert {r.name for r in service.residents()} == NAMES
    tab.show_community()
    qtbot.waitUntil(lambda: {r.name for r in tab.model.rows()} == NAMES, timeout=5_000)


PHONES = ["序号", "网格", "小区", "楼号", "单元", "门牌号", "姓名", "与户主关系", "性别",
          "公民身份号码", "联系电话", "手机"]


def phone_rows(people) -> list[list]:
    """Rows with an office phone (联系电话, guessed as the phone) and a mobile (手机)."""
    return [[None, "第一网格", "幸福里", building, unit, room, name, relation, sex, id_number,
             "010-65123456", mobile]
            for building, unit, room, _n, name, relation, sex, _b, id_number, mobile in people]


def open_wizard(qtbot, db, grid) -> ResidentsImportWizard:
    shown = ResidentsImportWizard(None, db, "王芳", TODAY, grid)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def test_the_residents_mapping_is_remembered_for_the_next_import(qtbot, db, grid,
                                                                 tmp_path):
    first = write_xlsx(tmp_path / "first.xlsx", PHONES, phone_rows(PEOPLE[:3]))
    wizard = open_wizard(qtbot, db, grid)
    choose_file(qtbot, wizard, first)
    click(qtbot, wizard, Button.NextButton)
    assert wizard.mapping()["mobile"] == 10  # 联系电话: the usual title comes first
    wizard.set_column("mobile", 11)  # the user picks 手机
    click(qtbot, wizard, Button.NextButton)
    plan = wait_checked(qtbot, wizard)
    assert plan.ok and len(plan.new) == 3
    click(qtbot, wizard, Button.CommitButton)
    qtbot.waitUntil(lambda: wizard.button(Button.FinishButton).isEnabled(), timeout=20_000)
    assert wizard.result_value is not None and wizard.result_value.added == 3
    click(qtbot, wizard, Button.FinishButton)
    mobiles = {r.name: r.mobile for r in HouseholdService(db, today=TODAY).residents(reveal=True)}
    assert mobiles["张伟"] == "13812345678"
    remembered = json.loads(local_settings.read_all(db.path)[rex.MAPPING_SETTING])
    assert remembered["mobile"] == "手机" and remembered["name"] == "姓名"
    assert rex.MAPPING_SETTING != "import.roster.mapping"

    # the next import of a sheet with the same titles starts from that choice
    second = write_xlsx(tmp_path / "second.xlsx", PHONES, phone_rows(PEOPLE[3:]))
    again = open_wizard(qtbot, db, grid)
    choose_file(qtbot, again, second)
    click(qtbot, again, Button.NextButton)
    assert again.currentId() == again.PAGE_COLUMNS
    assert again.mapping()["mobile"] == 11
    assert again.mapping_combos["mobile"].currentText() == "手机 (column L)"
    assert rex.load_mapping(second, "实有人口", db)["mobile"] == 11
    assert rex.load_mapping(second, "实有人口")["mobile"] == 10  # the headless guess


def test_the_residents_problems_are_exported_to_a_workbook(qtbot, db, grid, tmp_path,
                                                          monkeypatch):
    people = [list(p) for p in PEOPLE[:3]]
    people[1][5] = "户主"  # two heads at 3-2-301
    people[2][8] = "11010520150301031"  # one digit short
    path = write_xlsx(tmp_path / "heads.xlsx", FLAT, [flat_row(p) for p in people])
    wizard = open_wizard(qtbot, db, grid)
    choose_file(qtbot, wizard, path)
    click(qtbot, wizard, Button.NextButton)
    click(qtbot, wizard, Button.NextButton)
    plan = wait_checked(qtbot, wizard)
    assert len(plan.problems) == 4
    assert wizard.export_problems_button.isVisible()

    target = tmp_path / "问题清单"
    monkeypatch.setattr(wizard, "ask_problems_path", lambda: str(target))
    qtbot.mouseClick(wizard.export_problems_button, Qt.MouseButton.LeftButton)
    saved = tmp_path / "问题清单.xlsx"
    assert saved.exists() and str(saved) in wizard.check_label.text()
    rows = list(load_workbook(saved).active.iter_rows(values_only=True))
    assert rows[0] == ("Row", "Column", "Problem")
    listed = [tuple(wizard.problem_model.index(r, c).data() for c in range(3))
              for r in range(wizard.problem_model.rowCount())]
    assert [(str(row), column, message) for row, column, message in rows[1:]] == listed
    assert [row[:2] for row in rows[1:]] == [(3, "与户主关系"), (4, "与户主关系"),
                                             (5, "与户主关系"), (5, "公民身份号码")]
    assert all("has 2 heads" in row[2] for row in rows[1:] if row[1] == "与户主关系")


def test_nothing_is_exported_without_problems_or_a_chosen_file(qtbot, db, grid, tmp_path,
                                                               monkeypatch):
    path = write_xlsx(tmp_path / "ok.xlsx", FLAT, [flat_row(p) for p in PEOPLE[:3]])
    wizard = open_wizard(qtbot, db, grid)
    choose_file(qtbot, wizard, path)
    click(qtbot, wizard, Button.NextButton)
    click(qtbot, wizard, Button.NextButton)
    assert wait_checked(qtbot, wizard).ok
    assert not wizard.export_problems_button.isVisible()
    asked = []
    monkeypatch.setattr(wizard, "ask_problems_path", lambda: asked.append(1) or "")
    assert wizard.export_problems() is None and not asked


@pytest.mark.usefixtures("zh_cn")
def test_both_wizards_speak_chinese_in_shared_and_own_words(qtbot, db, grid):
    residents = open_wizard(qtbot, db, grid)
    roster = RosterImportWizard(None, db, "王芳", TODAY)
    qtbot.addWidget(roster)
    for wizard in (residents, roster):
        assert wizard.file_page.title() == "选择 Excel 文件"  # the shared wizard's words
        assert wizard.browse_button.text() == "浏览…"
        assert wizard.export_problems_button.text() == "导出问题清单…"
        assert wizard.problem_headers() == ("行号", "列", "问题")
    assert "导入" in residents.windowTitle() and "Import" not in residents.windowTitle()
    assert "导入" in roster.windowTitle() and "Import" not in roster.windowTitle()
    assert "Choose" not in residents.file_page.subTitle()  # each importer's own words
    assert "Choose" not in roster.file_page.subTitle()
    assert residents.file_page.subTitle() != roster.file_page.subTitle()
