"""The member form and the resident dialog offer "Show full ID number" only to an
account that may reveal (access.REVEAL); revealing writes the account's login to the
audit log. Real window, real SQLite file, the dialogs driven as a user would."""

from __future__ import annotations

import datetime as dt

import pytest

from gridoffice.domain import access
from gridoffice.domain.access import Actor
from gridoffice.services.households import GridDraft, ResidentDraft
from gridoffice.ui.models.household_tree import KIND_HOUSE
from tests import sql
from tests.ui.conftest import open_building
from tests.ui.test_households import make_id
from tests.ui.test_roster_members import IDS, add

HEAD_ID = make_id(dt.date(1940, 5, 6), 11)
HEAD_MASKED = f"{HEAD_ID[:6]}********{HEAD_ID[-4:]}"


def signed_in(window, role: str) -> Actor:
    actor = Actor(login=f"{role}01", operator="王芳", role=role)
    window.set_actor(actor)
    return actor


def audit_rows(context) -> list[tuple[str, str, str]]:
    conn = sql.connect(context.opened.path)
    try:
        return conn.execute("SELECT operator, action, target FROM audit_log "
                            "WHERE action = 'reveal_identity' ORDER BY seq").fetchall()
    finally:
        conn.close()


@pytest.fixture
def member(roster, members, branches):
    member_id = add(members, branches.first, "张伟")
    roster.reload()
    assert roster.members.select_member(member_id)
    return member_id


def test_staff_sees_the_member_masked_and_no_reveal_button(window, context, roster, member,
                                                           dialogs):
    signed_in(window, access.STAFF)
    seen = {}

    def look(dialog) -> None:
        seen.update(button=dialog.reveal_button.isHidden(), text=dialog.id_edit.text(),
                    read_only=dialog.id_edit.isReadOnly(), mobile=dialog.mobile_edit.text(),
                    revealed=dialog.reveal_identity())
        dialog.reject()

    dialogs.expect(look)
    roster.members.edit_action.trigger()
    assert seen == dict(button=True, text="110105********0213", read_only=True,
                        mobile="138****5678", revealed=False)
    assert audit_rows(context) == []


def test_the_secretary_reveals_the_member_and_the_login_is_audited(window, context, roster,
                                                                   member, dialogs, ui):
    signed_in(window, access.SECRETARY)
    seen = {}

    def reveal(dialog) -> None:
        assert not dialog.reveal_button.isHidden()
        ui.click(dialog.reveal_button)
        seen.update(text=dialog.id_edit.text(), read_only=dialog.id_edit.isReadOnly())
        dialog.reject()

    dialogs.expect(reveal)
    roster.members.edit_action.trigger()
    assert seen == dict(text=IDS["张伟"], read_only=False)
    assert audit_rows(context) == [("secretary01", "reveal_identity", member)]


@pytest.fixture
def resident(qtbot, window):
    """One household with 张伟 (ID and mobile stored), selected in the tab."""
    tab = window.households
    service = tab.service
    grid = service.create_grid(GridDraft("110105001001001", "第一网格"))
    building = service.add_building(grid, "3", estate="幸福里", units=4, floors=6)
    house = service.add_house(building, "2", "301")
    service.create_household(house, [
        ResidentDraft("张伟", "02", id_number=HEAD_ID, mobile="13812345678")])
    head = next(r.id for r in service.residents() if r.name == "张伟")
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        tab.refresh()
    open_building(tab, building)
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        tab.select_node(KIND_HOUSE, house)
    qtbot.waitUntil(lambda: not tab.running_jobs(), timeout=5000)
    tab.select_resident(head)
    return head


def test_staff_edits_a_resident_masked_without_a_reveal_button(qtbot, window, context,
                                                               resident, dialogs, ui):
    tab = window.households
    signed_in(window, access.STAFF)
    seen = {}

    def edit(dialog) -> None:
        seen.update(button=dialog.reveal_button.isHidden(), text=dialog.id_edit.text(),
                    read_only=dialog.id_edit.isReadOnly(),
                    mobile_read_only=dialog.mobile_edit.isReadOnly())
        dialog.reveal()  # nothing to call: stays masked
        seen["after"] = dialog.id_edit.text()
        dialog.work_edit.setText("幸福里小学")
        ui.click_ok(dialog)

    dialogs.expect(edit)
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        tab.edit_action.trigger()
    assert seen == dict(button=True, text=HEAD_MASKED, read_only=True,
                        mobile_read_only=True, after=HEAD_MASKED)
    stored = sql.connect(context.opened.path).execute(
        "SELECT id_number, mobile, work_or_school FROM resident WHERE id = ?",
        (resident,)).fetchone()
    assert stored == (HEAD_ID, "13812345678", "幸福里小学")  # the masked values kept
    assert audit_rows(context) == []


def test_the_secretary_reveals_a_resident_and_the_login_is_audited(window, context, resident,
                                                                   dialogs, ui):
    signed_in(window, access.SECRETARY)
    seen = {}

    def reveal(dialog) -> None:
        assert not dialog.reveal_button.isHidden()
        ui.click(dialog.reveal_button)
        seen.update(text=dialog.id_edit.text(), mobile=dialog.mobile_edit.text(),
                    read_only=dialog.id_edit.isReadOnly())
        dialog.reject()

    dialogs.expect(reveal)
    window.households.edit_action.trigger()
    assert seen == dict(text=HEAD_ID, mobile="13812345678", read_only=False)
    assert audit_rows(context) == [("secretary01", "reveal_identity", resident)]


def test_a_new_resident_is_not_masked(qtbot, window, resident, dialogs, ui):
    signed_in(window, access.STAFF)
    seen = {}

    def add_one(dialog) -> None:
        seen.update(button=dialog.reveal_button.isHidden(),
                    read_only=dialog.id_edit.isReadOnly(), revealed=dialog.revealed)
        dialog.reject()

    dialogs.expect(add_one)
    window.households.add_resident_action.trigger()
    assert seen == dict(button=True, read_only=False, revealed=True)


def test_staff_and_secretary_in_the_sync_and_in_service_tabs(window):
    signed_in(window, access.STAFF)
    assert window.sync.reveal_button.isHidden()
    assert not window.inservice.reveal_action.isVisible()
    signed_in(window, access.SECRETARY)
    assert window.inservice.reveal_action.isVisible()
