"""The roster import wizard driven as a user would: file, columns, check, import."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from gridoffice.services import roster_excel as rx
from gridoffice.services.orgs import OrgDraft
from gridoffice.services.roster import RosterService
from gridoffice.store import settings as local_settings
from gridoffice.store.digest import digests
from gridoffice.ui.dialogs.roster_import import RosterImportWizard
from tests import sql
from tests.conftest import TODAY
from tests.services.test_roster_excel import GOOD_ROWS, member_row, write_xlsx

Button = QWizard.WizardButton


@pytest.fixture
def branches(orgs):
    root = orgs.create(OrgDraft("中共幸福里社区委员会", "committee", short_name="幸福里社区党委",
                                established=dt.date(2015, 1, 1)))
    one = orgs.create(OrgDraft("中共幸福里社区第一网格支部委员会", "branch", root.id,
                               short_name="第一网格党支部", established=dt.date(2015, 1, 1)))
    two = orgs.create(OrgDraft("中共幸福里社区第二网格支部委员会", "branch", root.id,
                               short_name="第二网格党支部", established=dt.date(2015, 1, 1)))
    return root, one, two


@pytest.fixture
def wizard(qtbot, db):
    shown = RosterImportWizard(None, db, "王芳", TODAY)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def state(db) -> dict[str, str]:
    conn = sql.connect(db.path)
    try:
        return digests(conn)
    finally:
        conn.close()


def choose_file(qtbot, wizard: RosterImportWizard, path) -> None:
    """Type the path (the Browse dialog is the only other way) and wait for the sheets."""
    wizard.path_edit.setText(str(path))
    qtbot.waitUntil(lambda: wizard.sheet_combo.count() > 0 or wizard.file_error.isVisible(),
                    timeout=5_000)


def click(qtbot, wizard: RosterImportWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isVisible() and button.isEnabled(), wizard.buttonText(which)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def wait_checked(qtbot, wizard: RosterImportWizard) -> rx.ImportPlan:
    qtbot.waitUntil(lambda: wizard.plan is not None and wizard.job is None, timeout=20_000)
    assert wizard.plan is not None
    return wizard.plan


def test_a_good_file_is_checked_and_imported(qtbot, wizard, db, branches, tmp_path):
    path = write_xlsx(tmp_path / "花名册.xlsx", GOOD_ROWS)
    assert not wizard.button(Button.NextButton).isEnabled()
    choose_file(qtbot, wizard, path)
    assert [wizard.sheet_combo.itemText(i) for i in range(wizard.sheet_combo.count())] == [
        "党员花名册"]
    click(qtbot, wizard, Button.NextButton)

    assert wizard.currentId() == wizard.PAGE_COLUMNS
    layout = rx.read_layout(path, "党员花名册")
    assert wizard.mapping() == rx.guess_mapping(layout.headers)
    assert wizard.mapping_combos["id_number"].currentText() == "公民身份号码 (column F)"
    assert wizard.mapping_combos["native_place"].currentText() == "(not in the sheet)"
    assert wizard.preview_model.rowCount() == 5
    assert wizard.preview_model.headerData(1, Qt.Orientation.Horizontal) == "姓名"
    assert wizard.preview_model.index(0, 1).data() == "张伟"
    assert "row 2" in wizard.header_label.text() and "row 3" in wizard.header_label.text()
    click(qtbot, wizard, Button.NextButton)

    assert wizard.currentId() == wizard.PAGE_CHECK
    plan = wait_checked(qtbot, wizard)
    assert plan.ok and len(plan.new) == 6
    assert wizard.problem_model.rowCount() == 0 and not wizard.problem_view.isVisible()
    assert "No problems found" in wizard.check_label.text()
    assert wizard.commit_button_text() == "Import"
    click(qtbot, wizard, Button.CommitButton)

    assert wizard.currentId() == wizard.PAGE_IMPORT
    qtbot.waitUntil(lambda: wizard.button(Button.FinishButton).isEnabled(), timeout=20_000)
    assert wizard.result_value == rx.ImportResult(added=6, updated=0, unchanged=0)
    assert "New members: 6" in wizard.import_label.text()
    assert not wizard.button(Button.BackButton).isVisible()
    click(qtbot, wizard, Button.FinishButton)
    names = {r.name for r in RosterService(db, today=TODAY).list_members()}
    assert names == {"张伟", "李娜", "王强", "赵敏", "陈静", "刘芳"}
    remembered = json.loads(local_settings.read_all(db.path)[rx.MAPPING_SETTING])
    assert remembered["name"] == "姓名"


def test_problems_are_listed_and_the_import_button_says_why(qtbot, wizard, db, branches,
                                                              tmp_path, monkeypatch):
    rows = [member_row("张伟", dt.date(1958, 3, 12), 21),
            member_row("李娜", dt.date(1963, 7, 8), 42, id="110105196307080422"),
            member_row("王强", dt.date(1975, 2, 19), 35, birth="1990-02-30",
                       branch="第九网格党支部")]
    path = write_xlsx(tmp_path / "bad.xlsx", rows)
    before = state(db)
    choose_file(qtbot, wizard, path)
    click(qtbot, wizard, Button.NextButton)
    click(qtbot, wizard, Button.NextButton)
    plan = wait_checked(qtbot, wizard)
    assert len(plan.problems) == 3
    model = wizard.problem_model
    assert wizard.problem_view.isVisible() and model.rowCount() == 3
    listed = [tuple(model.index(r, c).data() for c in range(3)) for r in range(3)]
    assert listed[0][:2] == ("4", "公民身份号码")
    assert "check character should be 1, not 2" in listed[0][2]
    assert listed[1][:2] == ("5", "出生年月") and "1990-02-30 does not exist" in listed[1][2]
    assert listed[2][:2] == ("5", "所在党支部") and "第九网格党支部" in listed[2][2]
    assert "Problems: 3 in 2 rows" in wizard.check_label.text()
    commit = wizard.button(Button.CommitButton)
    assert not commit.isEnabled()
    assert wizard.commit_button_text() == "Problems to fix: 3"
    assert "nothing is imported while a problem is left" in commit.toolTip()

    target = tmp_path / "problems"
    monkeypatch.setattr(wizard, "ask_problems_path", lambda: str(target))
    assert wizard.export_problems_button.isVisible()
    qtbot.mouseClick(wizard.export_problems_button, Qt.MouseButton.LeftButton)
    saved = list(load_workbook(tmp_path / "problems.xlsx").active.iter_rows(values_only=True))
    assert saved[0] == ("Row", "Column", "Problem") and saved[1][:2] == (4, "公民身份号码")
    assert len(saved) == 4

    # corrected in Excel, then checked again: now it can be imported
    rows[1] = member_row("李娜", dt.date(1963, 7, 8), 42)
    rows[2] = member_row("王强", dt.date(1975, 2, 19), 35)
    write_xlsx(path, rows)
    assert state(db) == before
    qtbot.mouseClick(wizard.check_again_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.button(Button.CommitButton).isEnabled(), timeout=20_000)
    assert wizard.problem_model.rowCount() == 0 and wizard.commit_button_text() == "Import"


def test_a_file_that_is_not_a_workbook_is_explained_on_the_first_page(qtbot, wizard,
                                                                      tmp_path):
    path = tmp_path / "名单.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    choose_file(qtbot, wizard, path)
    assert wizard.file_error.isVisible()
    assert "password-protected" in wizard.file_error.text()
    assert not wizard.button(Button.NextButton).isEnabled()


def test_the_remembered_mapping_is_prefilled(qtbot, wizard, db, branches, tmp_path):
    headers = ["姓名", "公民身份号码", "入党时间", "所在党支部", "电话", "手机"]
    path = write_xlsx(tmp_path / "a.xlsx", [["张伟", "110105195803120213",
                                            dt.date(1985, 7, 1), "第一网格党支部",
                                            "010-12345678", "13812345678"]],
                      headers=headers, title=None)
    local_settings.write(db.path, {rx.MAPPING_SETTING: json.dumps({"mobile": "手机"})})
    choose_file(qtbot, wizard, path)
    click(qtbot, wizard, Button.NextButton)
    assert wizard.mapping()["mobile"] == 5  # not 电话, which a guess would take
    wizard.set_column("join_date", -1)
    assert not wizard.button(Button.NextButton).isEnabled()  # 入党时间 is needed
    wizard.set_column("join_date", 2)
    wizard.set_column("note", 2)  # one column for two fields
    click(qtbot, wizard, Button.NextButton)
    assert wizard.currentId() == wizard.PAGE_COLUMNS
    assert "chosen for two different fields" in wizard.columns_error.text()


def test_a_new_member_without_a_branch_gets_the_default_one(qtbot, wizard, db, branches,
                                                          tmp_path):
    _root, one, _two = branches
    path = write_xlsx(tmp_path / "a.xlsx", [member_row("张伟", dt.date(1958, 3, 12), 21,
                                                      branch=None)])
    choose_file(qtbot, wizard, path)
    click(qtbot, wizard, Button.NextButton)
    wizard.default_branch.setCurrentIndex(wizard.default_branch.findData(one.id))
    click(qtbot, wizard, Button.NextButton)
    plan = wait_checked(qtbot, wizard)
    assert plan.ok and plan.new[0].as_dict()["org_id"] == one.id


def test_run_returns_what_was_imported(qtbot, db, branches, dialogs, tmp_path):
    path = write_xlsx(tmp_path / "a.xlsx", GOOD_ROWS[:2])

    def drive(shown: RosterImportWizard) -> None:
        choose_file(qtbot, shown, path)
        click(qtbot, shown, Button.NextButton)
        click(qtbot, shown, Button.NextButton)
        wait_checked(qtbot, shown)
        click(qtbot, shown, Button.CommitButton)
        qtbot.waitUntil(lambda: shown.button(Button.FinishButton).isEnabled(), timeout=20_000)
        click(qtbot, shown, Button.FinishButton)

    dialogs.expect(drive)
    result = RosterImportWizard.run(None, db, "王芳", TODAY)
    assert result == rx.ImportResult(added=2, updated=0, unchanged=0)


def test_closing_while_importing_cancels_and_writes_nothing(qtbot, db, branches, dialogs,
                                                            tmp_path):
    path = write_xlsx(tmp_path / "a.xlsx", GOOD_ROWS)
    before = state(db)

    def drive(shown: RosterImportWizard) -> None:
        choose_file(qtbot, shown, path)
        click(qtbot, shown, Button.NextButton)
        click(qtbot, shown, Button.NextButton)
        wait_checked(qtbot, shown)
        # Another program holds the database for a moment, so the import is still
        # waiting to write when the user closes the window.
        other = sql.connect(db.path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            click(qtbot, shown, Button.CommitButton)
            assert shown.job is not None and shown.job.running
            shown.reject()  # the user closes the window
            assert shown.isVisible()  # until the import has stopped
        finally:
            other.execute("ROLLBACK")
            other.close()
        qtbot.waitUntil(lambda: not shown.isVisible(), timeout=20_000)

    dialogs.expect(drive)
    assert RosterImportWizard.run(None, db, "王芳", TODAY) is None
    assert state(db) == before


def test_browse_fills_the_path_and_the_sheets(qtbot, wizard, tmp_path, monkeypatch):
    path = write_xlsx(tmp_path / "a.xlsx", GOOD_ROWS[:1], sheet="第一支部")
    monkeypatch.setattr(wizard, "ask_open_path", lambda: str(path))
    qtbot.mouseClick(wizard.browse_button, Qt.MouseButton.LeftButton)
    assert wizard.path_edit.text() == str(path)
    assert wizard.sheet_combo.currentText() == "第一支部"
    assert wizard.button(Button.NextButton).isEnabled()
