"""The shared import wizard as the residents import uses it: the column mapping
remembered from one import to the next, the problem list saved as a real .xlsx, and
the wizard's own and each importer's words in zh_CN."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QWizard

from gridoffice.services import residents_excel as rex
from gridoffice.services.households import GridDraft, HouseholdService
from gridoffice.store import settings as local_settings
from gridoffice.ui.dialogs.residents_import import ResidentsImportWizard
from gridoffice.ui.dialogs.roster_import import RosterImportWizard
from tests.conftest import TODAY
from tests.services.test_residents_excel import FLAT, PEOPLE, flat_row, write_xlsx

Button = QWizard.WizardButton
PHONES = ["序号", "网格", "小区", "楼号", "单元", "门牌号", "姓名", "与户主关系", "性别",
          "公民身份号码", "联系电话", "手机"]


def phone_rows(people) -> list[list]:
    """Rows with an office phone (联系电话, guessed as the phone) and a mobile (手机)."""
    return [[None, "第一网格", "幸福里", building, unit, room, name, relation, sex, id_number,
             "010-65123456", mobile]
            for building, unit, room, _n, name, relation, sex, _b, id_number, mobile in people]


@pytest.fixture
def grid(db) -> str:
    service = HouseholdService(db, operator="王芳", today=TODAY)
    grid_id = service.create_grid(GridDraft(code="110105001001001", name="第一网格"))
    service.add_building(grid_id, "3", estate="幸福里")
    return grid_id


def open_wizard(qtbot, db, grid) -> ResidentsImportWizard:
    shown = ResidentsImportWizard(None, db, "王芳", TODAY, grid)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def choose_file(qtbot, wizard, path) -> None:
    wizard.path_edit.setText(str(path))
    qtbot.waitUntil(lambda: wizard.sheet_combo.count() > 0 or wizard.file_error.isVisible(),
                    timeout=5_000)


def click(qtbot, wizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isVisible() and button.isEnabled(), wizard.buttonText(which)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def wait_checked(qtbot, wizard):
    qtbot.waitUntil(lambda: wizard.plan is not None and wizard.job is None, timeout=20_000)
    return wizard.plan


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


@pytest.fixture
def zh_cn(qapp):
    from gridoffice.ui import app as uiapp

    translators = uiapp.install_translators(qapp, "zh_CN")
    assert translators, "the compiled zh_CN catalogue is missing"
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(QLocale("en"))


def test_both_wizards_speak_chinese_in_shared_and_own_words(qtbot, zh_cn, db, grid):
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
