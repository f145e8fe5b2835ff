"""An Excel import by a signed-in account, driven through the window's wizards: the
records name the person (the account's real name), the audit log the account (its
login). Real workbooks written with openpyxl, a real SQLite file."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWizard

from gridoffice.domain import access
from gridoffice.domain.access import Actor
from gridoffice.services.households import GridDraft
from tests import sql
from tests.services.test_residents_excel import FLAT, PEOPLE, flat_row
from tests.services.test_residents_excel import write_xlsx as write_residents
from tests.services.test_roster_excel import member_row
from tests.services.test_roster_excel import write_xlsx as write_roster
from tests.ui.test_roster_import import choose_file, click, wait_checked

Button = QWizard.WizardButton
LI = Actor(login="li", operator="李明", role=access.STAFF)


def rows(context, query: str) -> list[tuple]:
    conn = sql.connect(context.opened.path)
    try:
        return conn.execute(query).fetchall()
    finally:
        conn.close()


def drive(qtbot, path):
    def run(shown) -> None:
        assert shown.actor is LI
        choose_file(qtbot, shown, path)
        click(qtbot, shown, Button.NextButton)
        click(qtbot, shown, Button.NextButton)
        assert wait_checked(qtbot, shown).ok
        click(qtbot, shown, Button.CommitButton)
        qtbot.waitUntil(lambda: shown.button(Button.FinishButton).isEnabled(), timeout=20_000)
        click(qtbot, shown, Button.FinishButton)
    return run


def test_a_roster_import_names_the_person_in_records_and_the_login_in_the_audit_log(
        qtbot, window, context, roster, branches, dialogs, tmp_path):
    window.set_actor(LI)
    path = write_roster(tmp_path / "花名册.xlsx", [
        member_row("孙丽", dt.date(1970, 4, 2), 31), member_row("周强", dt.date(1981, 9, 9), 42)])
    dialogs.expect(drive(qtbot, path))
    roster.members.import_action.trigger()
    assert rows(context, "SELECT m.name, e.kind, e.operator FROM member_event e "
                         "JOIN member m ON m.id = e.member_id ORDER BY m.name") == [
        ("周强", "imported", "李明"), ("孙丽", "imported", "李明")]
    assert rows(context, "SELECT operator, action, target FROM audit_log "
                         "WHERE action = 'import'") == [("li", "import", "roster")]
    # the member's history on screen names the person
    panel = roster.members
    assert panel.select_member(rows(context, "SELECT id FROM member WHERE name = '孙丽'")[0][0])
    history = panel.detail.event_model
    qtbot.waitUntil(lambda: history.rowCount() > 0, timeout=5_000)
    assert (history.index(0, 1).data(), history.index(0, 3).data()) == (
        "Imported from Excel", "李明")


def test_a_residents_import_writes_the_login_to_the_audit_log(qtbot, window, context, dialogs,
                                                              tmp_path):
    tab = window.households
    grid_id = tab.service.create_grid(GridDraft("110105001001001", "第一网格"))
    for number in ("3", "5"):
        tab.service.add_building(grid_id, number, estate="幸福里")
    window.set_actor(LI)
    tab.refresh()
    path = write_residents(tmp_path / "people.xlsx", FLAT, [flat_row(p) for p in PEOPLE])
    dialogs.expect(drive(qtbot, path))
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        tab.import_action.trigger()
    qtbot.waitUntil(lambda: not tab.running_jobs(), timeout=5_000)
    assert len(rows(context, "SELECT id FROM resident")) == len(PEOPLE)
    assert rows(context, "SELECT operator, action, target FROM audit_log "
                         "WHERE action = 'import'") == [("li", "import", "residents")]
