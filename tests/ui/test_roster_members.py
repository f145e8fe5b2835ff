"""The members page of the roster tab, driven through the UI and checked on screen and
in the database: search, filters, the member form, lifecycle actions with undo,
the as-of view, reminders, the Excel export and the roster ledger."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from gridoffice.domain.identity import add_months
from gridoffice.domain.party import full_membership_date
from gridoffice.services.roster import MemberDraft, MemberQuery
from gridoffice.ui.models.member_table import (
    COL_AGE,
    COL_ID,
    COL_NAME,
    COL_ORG,
    COL_PHONE,
    COL_RELATION,
    COL_STATUS,
    OVERDUE_ROLE,
    MemberTableModel,
)
from tests import sql

YES = QMessageBox.StandardButton.Yes
IDS = {
    "张伟": "110105195803120213", "李娜": "110105196307080421", "王强": "310104197502190357",
    "赵磊": "510107199005142034", "刘芳": "11010519870412006X", "陈静": "420106199306150224",
}
BIRTH_YEARS = {"张伟": 1958, "李娜": 1963, "王强": 1975, "赵磊": 1990, "刘芳": 1987, "陈静": 1993}


def add(members, org_id: str | None, name: str, **changes) -> str:
    """Store a member through the service (test set-up); their id."""
    join = dt.date(BIRTH_YEARS[name] + 25, 7, 1)
    values = dict(name=name, id_number=IDS[name], mobile="13812345678", join_date=join,
                  status="full", full_date=full_membership_date(join), category="direct",
                  org_id=org_id, education="20", ethnicity="01")
    values.update(changes)
    if values["status"] == "probationary":
        values["full_date"] = None
    return members.add(MemberDraft(**values))


def names(model: MemberTableModel) -> list[str]:
    return [model.index(r, COL_NAME).data() for r in range(model.rowCount())]


def stored(members, member_id: str):
    return members.get(member_id)[1]


def audit_rows(context) -> list[tuple[str, str, str]]:
    conn = sql.connect(context.opened.path)
    try:
        return conn.execute(
            "SELECT action, target, detail FROM audit_log ORDER BY rowid").fetchall()
    finally:
        conn.close()


# --- the table ------------------------------------------------------------------------------
def test_member_model_passes_the_model_tester(qtmodeltester, members, branches):
    for name in ("张伟", "李娜", "王强"):
        add(members, branches.first, name)
    model = MemberTableModel()
    model.set_rows(members.list_members(), today=members.today())
    qtmodeltester.check(model, force_py=True)
    model.sort(COL_AGE, Qt.SortOrder.AscendingOrder)  # youngest first
    assert names(model) == ["王强", "李娜", "张伟"]
    model.sort(COL_NAME, Qt.SortOrder.DescendingOrder)
    assert names(model) == ["张伟", "王强", "李娜"]  # pinyin order, reversed
    qtmodeltester.check(model, force_py=True)


def test_table_shows_masked_rows_and_scopes_by_organisation(roster, members, branches):
    first = add(members, branches.first, "张伟")
    add(members, branches.second, "李娜", mobile="13900000421")
    in_service = add(members, None, "王强", category="in_service",
                     unit_party_org="中共区教育局机关委员会", work_unit="区教育局")
    roster.reload()
    panel = roster.members
    assert roster.tree_panel.showing_all()  # first start: every organisation
    assert panel.scope_label.text() == "All organisations"
    assert names(panel.model) == ["李娜", "王强", "张伟"]
    assert panel.count_label.text() == "3 member(s)"
    row = panel.model.row_of(first)
    assert panel.model.index(row, COL_ID).data() == "110105********0213"
    assert panel.model.index(row, COL_PHONE).data() == "138****5678"
    assert panel.model.index(row, COL_ORG).data() == "第一网格党支部"  # short name
    assert panel.model.index(row, COL_ORG).data(Qt.ItemDataRole.ToolTipRole) == (
        "中共幸福里社区第一网格支部委员会")
    assert panel.model.index(panel.model.row_of(in_service), COL_ORG).data() == (
        "In service: 区教育局")

    assert roster.tree_panel.select_org(branches.second)
    assert names(panel.model) == ["李娜"]
    assert panel.scope_label.text() == "中共幸福里社区第二网格支部委员会"
    assert roster.tree_panel.select_org(branches.committee)
    assert names(panel.model) == ["李娜", "张伟"]  # sub-organisations included
    assert panel.scope_label.text() == "中共幸福里社区委员会 and its sub-organisations"
    panel.sub_orgs_check.setChecked(False)
    assert names(panel.model) == []
    roster.tree_panel.all_button.click()
    assert names(panel.model) == ["李娜", "王强", "张伟"]  # in-service members too


def test_search_by_initials_chinese_and_last_digits(qtbot, roster, members, branches, ui):
    add(members, branches.first, "张伟", mobile="13812345678")
    add(members, branches.first, "李娜", mobile="13900001111")
    add(members, branches.second, "王强", mobile="13700002222")
    roster.reload()
    panel = roster.members
    model = panel.model

    def search(text: str) -> list[str]:
        with qtbot.waitSignal(panel.loaded):
            ui.type_into(panel.search_edit, text)
        return names(model)

    assert search("zw") == ["张伟"]
    assert panel.count_label.text() == "1 member(s)"
    assert search("张") == ["张伟"]
    assert search("5678") == ["张伟"]  # last digits of the phone
    assert search("0421") == ["李娜"]  # last digits of the ID number
    assert search("wangq") == ["王强"]
    assert search("") == ["李娜", "王强", "张伟"]
    assert panel.count_label.text() == "3 member(s)"


def test_filters_category_status_and_overdue(roster, members, branches):
    today = members.today()
    add(members, branches.first, "张伟")
    add(members, None, "王强", category="in_service", unit_party_org="中共区教育局机关委员会")
    overdue = add(members, branches.first, "赵磊", status="probationary",
                  join_date=add_months(today, -14))
    add(members, branches.second, "陈静", status="probationary", join_date=today - dt.timedelta(
        days=100))
    roster.reload()
    panel = roster.members
    combo = panel.category_combo
    combo.setCurrentIndex(combo.findData("in_service"))
    assert names(panel.model) == ["王强"]
    combo.setCurrentIndex(0)
    panel.status_combo.setCurrentIndex(panel.status_combo.findData("probationary"))
    assert names(panel.model) == ["陈静", "赵磊"]
    panel.overdue_check.setChecked(True)
    assert names(panel.model) == ["赵磊"]
    status = panel.model.index(0, COL_STATUS)
    assert status.data() == "Probation over, not confirmed"
    assert status.data(OVERDUE_ROLE) is True
    due = full_membership_date(add_months(today, -14))
    assert status.data(Qt.ItemDataRole.ToolTipRole) == (
        f"Probation ended on {due.isoformat()}; not yet confirmed as a full member.")
    assert panel.model.row_of(overdue) == 0
    panel.reset_filters()
    panel.reload()
    assert len(names(panel.model)) == 4


# --- the member form ------------------------------------------------------------------------
def test_add_member_bad_id_inline_then_valid(qtbot, roster, members, branches, dialogs, ui):
    panel = roster.members
    assert roster.tree_panel.select_org(branches.first)

    def fill(dialog) -> None:
        assert dialog.windowTitle() == "New party member"
        assert dialog.org_picker.current_org() == branches.first  # the organisation shown
        assert not dialog.ok_button().isEnabled()  # the name is required
        ui.type_into(dialog.name_edit, "赵磊")
        ui.type_into(dialog.id_edit, "510107199002300213")  # 30 February
        assert dialog.id_hint.text() == (
            "ID number: the birth date in it, 1990-02-30, does not exist.")
        ui.type_into(dialog.mobile_edit, "13812345678")
        ui.type_into(dialog.join_edit, "2015-07-01")
        ui.click_ok(dialog)
        assert dialog.error_text() == (
            "ID number: the birth date in it, 1990-02-30, does not exist.")
        assert dialog.focusWidget() is dialog.id_edit
        assert dialog.name_edit.text() == "赵磊"  # nothing typed is lost ...
        assert members.list_members(MemberQuery(relation=None)) == []  # ... and nothing saved
        ui.type_into(dialog.id_edit, "510107199005142034")
        assert dialog.birth_edit.text() == "1990-05-14"  # filled in from the ID number
        assert dialog.sex_combo.currentData() == "1"
        assert dialog.id_hint.text() == "Born 1990-05-14, Male: filled in from the ID number."
        dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("probationary"))
        assert not dialog.full_edit.isEnabled()
        ui.click_ok(dialog)
        assert not dialog.isVisible(), dialog.error_text()

    dialogs.expect(fill)
    panel.new_action.trigger()
    [row] = members.list_members()
    assert (row.name, row.sex, row.birth_date, row.org_id, row.status) == (
        "赵磊", "1", dt.date(1990, 5, 14), branches.first, "probationary")
    assert members.reveal(row.id)[0] == "510107199005142034"
    assert panel.current_id() == row.id  # shown and selected
    assert names(panel.model) == ["赵磊"]
    assert panel.detail.name_label.text() == "赵磊"
    window = roster.window()
    assert window.undo_action.text() == "Undo Add 赵磊"
    window.undo_action.trigger()  # a member added by mistake is taken back ...
    assert members.list_members(MemberQuery(relation=None)) == [] and names(panel.model) == []
    window.redo_action.trigger()  # ... and comes back as the same record
    assert [r.id for r in members.list_members()] == [row.id]
    assert names(panel.model) == ["赵磊"]


def test_in_service_member_needs_the_unit_party_organisation(roster, members, branches,
                                                            dialogs, ui):
    def fill(dialog) -> None:
        ui.type_into(dialog.name_edit, "王强")
        ui.type_into(dialog.id_edit, IDS["王强"])
        ui.type_into(dialog.join_edit, "2001-07-01")
        dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("in_service"))
        assert dialog.placement_form.isRowVisible(dialog.unit_party_org_edit)
        assert dialog.mobile_box.isHidden()
        dialog.org_picker.select_org(None)
        ui.click_ok(dialog)
        assert dialog.error_text() == ("Unit party organisation: enter the party organisation "
                                       "of the work unit.")
        assert dialog.focusWidget() is dialog.unit_party_org_edit
        ui.type_into(dialog.unit_party_org_edit, "中共区教育局机关委员会")
        ui.type_into(dialog.work_unit_edit, "区教育局")
        ui.click_ok(dialog)
        assert not dialog.isVisible(), dialog.error_text()

    dialogs.expect(fill)
    roster.members.new_action.trigger()
    [row] = members.list_members()
    assert (row.category, row.org_id, row.work_unit) == ("in_service", None, "区教育局")


def test_mobile_member_fields_show_for_mobile_members(roster, branches, dialogs, ui):
    def fill(dialog) -> None:
        assert dialog.mobile_box.isHidden()
        dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("mobile"))
        assert not dialog.mobile_box.isHidden()
        ui.type_into(dialog.name_edit, "李娜")
        ui.type_into(dialog.id_edit, IDS["李娜"])
        ui.type_into(dialog.join_edit, "1988-07-01")
        assert dialog.org_picker.select_org(branches.second)
        ui.click_ok(dialog)
        assert dialog.error_text() == ("Destination: a mobile member needs a destination and "
                                       "the date they left.")
        assert dialog.focusWidget() is dialog.away_destination_edit

    dialogs.expect(fill)
    roster.members.new_action.trigger()


def test_edit_with_enter_masked_until_revealed_and_undo(qtbot, window, context, roster,
                                                        members, branches, dialogs, ui):
    member_id = add(members, branches.first, "张伟")
    roster.reload()
    panel = roster.members
    assert panel.select_member(member_id)

    def fill(dialog) -> None:
        assert dialog.windowTitle() == "Party member: 张伟"
        assert dialog.id_edit.text() == "110105********0213"
        assert dialog.id_edit.isReadOnly()
        assert dialog.mobile_edit.text() == "138****5678"
        ui.type_into(dialog.party_post_edit, "党小组长")
        ui.type_into(dialog.address_edit, "幸福里3号楼2单元301")
        dialog.star_combo.setCurrentIndex(dialog.star_combo.findData(4))
        ui.click_ok(dialog)
        assert not dialog.isVisible(), dialog.error_text()

    dialogs.expect(fill)
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)  # Enter opens the member
    draft, _row = members.get(member_id)
    assert (draft.party_post, draft.address, draft.star_rating) == (
        "党小组长", "幸福里3号楼2单元301", 4)
    assert draft.id_number == "110105********0213" and draft.mobile == "138****5678"
    stored = sql.connect(context.opened.path).execute(
        "SELECT id_number, mobile FROM member WHERE id = ?", (member_id,)).fetchone()
    assert stored == (IDS["张伟"], "13812345678")  # kept as stored
    assert audit_rows(context) == []  # nothing was revealed
    history = panel.detail.event_model
    assert history.index(0, 1).data() == "Details changed"
    assert "Party post: — → 党小组长" in history.index(0, 2).data()
    assert window.undo_action.text() == "Undo Edit 张伟"
    window.undo_action.trigger()
    assert members.get(member_id)[0].party_post is None
    window.redo_action.trigger()
    assert members.get(member_id)[0].party_post == "党小组长"

    def reveal(dialog) -> None:
        ui.click(dialog.reveal_button)
        assert dialog.id_edit.text() == IDS["张伟"]
        assert not dialog.id_edit.isReadOnly()
        assert dialog.mobile_edit.text() == "13812345678"
        assert not dialog.reveal_button.isEnabled()

    dialogs.expect(reveal)
    panel.edit_action.trigger()
    assert audit_rows(context) == [("reveal_identity", member_id, "张伟")]


def test_same_name_and_birth_date_warns_with_the_existing_record(roster, members, branches,
                                                                 dialogs, ui):
    existing = add(members, branches.second, "张伟")
    roster.reload()
    opened = []

    def record(dialog) -> None:
        opened.append(dialog.windowTitle())
        assert "110105********0213" in dialog.identity_label.text()

    def fill(dialog) -> None:
        ui.type_into(dialog.name_edit, "张伟")
        dialog.sex_combo.setCurrentIndex(dialog.sex_combo.findData("1"))
        ui.type_into(dialog.birth_edit, "1958-03-12")
        ui.type_into(dialog.join_edit, "1990-07-01")
        dialog.org_picker.select_org(branches.first)
        ui.click_ok(dialog)
        assert dialog.isVisible()  # not saved yet
        assert dialog.error_text() == ""
        assert dialog.warning_text().startswith(
            "张伟, born 1958-03-12, is already on the roster (中共幸福里社区第二网格支部委员会).")
        assert dialog.ok_button().text() == "Save anyway"
        assert len(members.list_members()) == 1
        dialogs.expect(record)
        ui.click(dialog.warning_buttons[0])
        ui.click_ok(dialog)  # another person after all
        assert not dialog.isVisible(), dialog.error_text()

    dialogs.expect(fill)
    roster.members.new_action.trigger()
    assert opened == ["Existing record: 张伟"]
    rows = members.list_members()
    assert len(rows) == 2 and {r.org_id for r in rows} == {branches.first, branches.second}
    assert existing in {r.id for r in rows}


# --- lifecycle --------------------------------------------------------------------------------
def test_full_membership_refused_before_the_due_date_accepted_on_it(window, roster, members,
                                                                     branches, dialogs, ui):
    today = members.today()
    join = add_months(today, -12)
    due = full_membership_date(join, 0, members.rules)
    member_id = add(members, branches.first, "赵磊", status="probationary", join_date=join)
    roster.reload()
    panel = roster.members
    assert panel.select_member(member_id)
    assert panel.confirm_action.isEnabled()
    early = due - dt.timedelta(days=1)

    def fill(dialog) -> None:
        assert dialog.date_edit.text() == due.isoformat()  # the due date by default
        ui.type_into(dialog.date_edit, early.isoformat())
        ui.click_ok(dialog)
        assert dialog.error_text() == (f"Full-membership date: {early.isoformat()} is before "
                                       f"the end of probation ({due.isoformat()}).")
        assert dialog.focusWidget() is dialog.date_edit
        assert stored(members, member_id).status == "probationary"
        ui.type_into(dialog.date_edit, due.isoformat())
        ui.click_ok(dialog)
        assert not dialog.isVisible(), dialog.error_text()

    dialogs.expect(fill)
    panel.confirm_action.trigger()
    row = stored(members, member_id)
    assert (row.status, row.full_date) == ("full", due)
    assert panel.model.index(panel.model.row_of(member_id), COL_STATUS).data() == "Full member"
    assert not panel.confirm_action.isEnabled()
    assert panel.detail.event_model.index(0, 1).data() == "Became a full member"
    window.undo_action.trigger()
    assert stored(members, member_id).status == "probationary"
    window.redo_action.trigger()
    assert stored(members, member_id).full_date == due


def test_extend_probation(roster, members, branches, dialogs, ui):
    today = members.today()
    member_id = add(members, branches.first, "陈静", status="probationary",
                    join_date=today - dt.timedelta(days=200))
    roster.reload()
    panel = roster.members
    assert panel.select_member(member_id)

    def fill(dialog) -> None:
        dialog.months_combo.setCurrentIndex(dialog.months_combo.findData(6))
        ui.type_into(dialog.reason_edit, "支部大会决定")
        ui.click_ok(dialog)
        assert not dialog.isVisible(), dialog.error_text()

    dialogs.expect(fill)
    panel.extend_action.trigger()
    assert stored(members, member_id).probation_extension_months == 6
    assert not panel.extend_action.isEnabled()  # only once


def test_transfer_out_until_received(roster, members, branches, dialogs, ui, message_log):
    member_id = add(members, branches.first, "张伟")
    roster.reload()
    panel = roster.members
    assert panel.select_member(member_id)

    def start(dialog) -> None:
        ui.type_into(dialog.to_edit, "中共安华里社区委员会")
        ui.type_into(dialog.dues_edit, "2025-12-31")
        message_log.answers.append(YES)
        ui.click_ok(dialog)
        assert not dialog.isVisible(), dialog.error_text()

    dialogs.expect(start)
    panel.transfer_out_action.trigger()
    assert message_log.boxes[-1].text == ("Start the transfer of 张伟 to 中共安华里社区委员会? "
                                          "A transfer cannot be undone; it can only be "
                                          "returned later.")
    assert stored(members, member_id).relation_status == "transferring_out"
    assert names(panel.model) == ["张伟"]  # still on the roster while transferring
    assert panel.model.index(0, COL_RELATION).data() == "Transferring out"
    assert panel.detail.transfer_model.rowCount() == 1
    assert panel.transfer_status_action.isEnabled()

    def step(status: str, confirm: bool):
        def fill(dialog) -> None:
            assert dialog.select_status(status)
            if confirm:
                message_log.answers.append(YES)
            ui.click_ok(dialog)
            assert not dialog.isVisible(), dialog.error_text()
        return fill

    dialogs.expect(step("approved", confirm=False))
    panel.transfer_status_action.trigger()
    dialogs.expect(step("received", confirm=True))
    panel.transfer_status_action.trigger()
    assert stored(members, member_id).relation_status == "transferred_out"
    assert names(panel.model) == []  # left the active roster
    panel.relation_combo.setCurrentIndex(panel.relation_combo.findData("transferred_out"))
    assert names(panel.model) == ["张伟"]
    assert panel.model.index(0, COL_RELATION).data() == "Transferred out"


def test_deceased_with_undo_and_restore(window, roster, members, branches, dialogs, ui,
                                        message_log):
    member_id = add(members, branches.first, "李娜")
    add(members, branches.first, "张伟")
    roster.reload()
    panel = roster.members
    assert panel.select_member(member_id)

    def died(dialog) -> None:
        assert dialog.windowTitle() == "Record the death of 李娜"
        ui.type_into(dialog.date_edit, "2025-03-01")
        ui.type_into(dialog.reason_edit, "病故")
        message_log.answers.append(YES)
        ui.click_ok(dialog)
        assert not dialog.isVisible(), dialog.error_text()

    dialogs.expect(died)
    panel.deceased_action.trigger()
    assert message_log.boxes[-1].text == "Mark 李娜 as Deceased on 2025-03-01?"
    assert stored(members, member_id).relation_status == "deceased"
    assert names(panel.model) == ["张伟"]
    window.undo_action.trigger()
    assert stored(members, member_id).relation_status == "normal"
    assert names(panel.model) == ["李娜", "张伟"]
    window.redo_action.trigger()
    assert stored(members, member_id).relation_status == "deceased"
    panel.relation_combo.setCurrentIndex(panel.relation_combo.findData("deceased"))
    assert names(panel.model) == ["李娜"]
    assert panel.select_member(member_id)
    assert panel.restore_action.isEnabled() and not panel.deceased_action.isEnabled()

    def restore(dialog) -> None:
        assert dialog.date_edit.text() == "2025-03-01"  # the day it was set
        ui.type_into(dialog.reason_edit, "登记有误")
        ui.click_ok(dialog)
        assert not dialog.isVisible(), dialog.error_text()

    dialogs.expect(restore)
    panel.restore_action.trigger()
    assert stored(members, member_id).relation_status == "normal"
    placements = members.placements(member_id)
    assert placements[-1].to_date is None  # active again
    window.undo_action.trigger()  # dead again
    assert stored(members, member_id).relation_status == "deceased"


def test_as_of_date_shows_who_belonged_then(roster, members, branches, ui, qtbot):
    add(members, branches.first, "张伟")  # since 1983
    add(members, branches.first, "赵磊")  # since 2015
    left = add(members, branches.first, "王强")  # since 2000, died 2020
    members.set_relation_status(left, "deceased", dt.date(2020, 5, 1))
    roster.reload()
    panel = roster.members
    assert names(panel.model) == ["张伟", "赵磊"]
    with qtbot.waitSignal(panel.loaded):
        ui.type_into(panel.as_of_edit, "2010-01-01")
    assert names(panel.model) == ["王强", "张伟"]
    assert not panel.relation_combo.isEnabled()
    with qtbot.waitSignal(panel.loaded):
        ui.type_into(panel.as_of_edit, "")
    assert names(panel.model) == ["张伟", "赵磊"]
    assert panel.relation_combo.isEnabled()


# --- reminders --------------------------------------------------------------------------------
def test_reminders_list_due_members_and_branch_advice(qtbot, roster, members, branches, ui):
    today = members.today()
    overdue = add(members, branches.first, "赵磊", status="probationary",
                  join_date=add_months(today, -14))
    soon = add(members, branches.first, "陈静", status="probationary",
               join_date=add_months(today, -12) + dt.timedelta(days=20))
    add(members, branches.second, "刘芳", status="probationary",
        join_date=today - dt.timedelta(days=30))  # due in about 11 months: not listed
    add(members, branches.second, "张伟")
    roster.reload()
    reminders = roster.reminders
    assert reminders.due_names() == ["赵磊", "陈静"]
    assert reminders.due_model.index(0, 0).data() == "Overdue"
    assert reminders.due_model.index(1, 0).data() == "Within 30 days"
    warnings = [reminders.warning_model.index(r, 1).data()
                for r in range(reminders.warning_model.rowCount())]
    assert ("The branch has 0 full members; a branch needs at least 3. Consider a joint "
            "branch with neighbouring units.") in warnings
    assert roster.right_tabs.tabText(1) == f"Reminders ({reminders.count()})"
    assert reminders.count() == 2 + len(warnings)
    reminders.range_combo.setCurrentIndex(reminders.range_combo.findData(-1))
    assert reminders.due_names() == ["赵磊"]
    reminders.range_combo.setCurrentIndex(reminders.range_combo.findData(90))

    panel = roster.members
    with qtbot.waitSignal(panel.loaded):
        ui.type_into(panel.search_edit, "zhangw")  # 陈静 is filtered out of the table
    roster.right_tabs.setCurrentWidget(reminders)
    view = reminders.due_view
    rect = view.visualRect(reminders.due_model.index(1, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert roster.right_tabs.currentWidget() is panel
    assert panel.current_id() == soon
    assert panel.search_edit.text() == ""
    rect = view.visualRect(reminders.due_model.index(0, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.current_id() == overdue

    row = next(r for r in range(reminders.warning_model.rowCount())
               if reminders.warning_model.row_at(r)[0] == branches.first)
    rect = reminders.warning_view.visualRect(reminders.warning_model.index(row, 1))
    qtbot.mouseClick(reminders.warning_view.viewport(), Qt.MouseButton.LeftButton,
                     pos=rect.center())
    assert roster.tree_panel.current_id() == branches.first
    assert roster.right_tabs.currentWidget() is roster.detail


# --- Excel and the ledger ---------------------------------------------------------------------
def test_export_view_to_excel_is_masked_and_audited(qtbot, context, roster, members, branches,
                                                    tmp_path, monkeypatch):
    pytest.importorskip("gridoffice.services.roster_excel")
    openpyxl = pytest.importorskip("openpyxl")
    add(members, branches.first, "张伟")
    add(members, branches.second, "李娜", mobile="13900000421")
    roster.reload()
    assert roster.tree_panel.select_org(branches.first)
    target = tmp_path / "export" / "党员名册"
    target.parent.mkdir()
    monkeypatch.setattr(roster, "ask_export_path", lambda suggested: str(target))
    with qtbot.waitSignal(roster.exported, timeout=20_000) as blocker:
        roster.members.export_action.trigger()
    path = blocker.args[0]
    assert path == str(target.with_name("党员名册.xlsx"))
    sheet = openpyxl.load_workbook(path).active
    cells = [str(c) for row in sheet.iter_rows(values_only=True) for c in row if c]
    assert "张伟" in cells and "李娜" not in cells  # the view: the first branch only
    assert "110105********0213" in cells
    assert IDS["张伟"] not in " ".join(cells) and "13812345678" not in cells
    assert "138****5678" in cells
    [(action, target_name, detail)] = audit_rows(context)
    assert (action, target_name) == ("export", "中共幸福里社区第一网格支部委员会")
    assert detail == f"1 members to {path}"


def test_import_without_the_wizard_says_so(roster, message_log, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "gridoffice.ui.dialogs.roster_import", None)
    assert roster.import_members() is None
    assert message_log.texts == ["Importing from Excel is not available in this version."]


def test_roster_ledger_reaches_the_preview_and_saving_is_audited(qtbot, context, roster,
                                                                  members, branches, dialogs,
                                                                  tmp_path, monkeypatch):
    pytest.importorskip("gridoffice.ledgers.roster_ledger")
    add(members, branches.first, "张伟")
    roster.reload()
    assert roster.tree_panel.select_org(branches.first)
    today = members.today()

    def fill(dialog) -> None:
        assert dialog.scope_label.text() == (
            "中共幸福里社区第一网格支部委员会 and its sub-organisations")
        assert dialog.date_edit.text() == today.isoformat()
        dialog.ok_button().click()

    dialogs.expect(fill)
    with qtbot.waitSignal(roster.ledger_opened, timeout=30_000) as blocker:
        roster.members.ledger_action.trigger()
    preview = blocker.args[0]
    assert preview.page_count() >= 1
    assert preview.suggested_name == f"党员花名册_第一网格党支部_{today.isoformat()}.pdf"
    target = tmp_path / "花名册.pdf"
    monkeypatch.setattr(preview, "ask_save_path", lambda: str(target))
    assert preview.save_as() == target
    [(action, target_name, detail)] = audit_rows(context)
    assert (action, target_name) == ("print", "roster")  # the command line's target
    assert detail == (f"Roster of 中共幸福里社区第一网格支部委员会 as of {today.isoformat()} "
                      f"saved to {target}")
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    pages = preview.print_to(printer)
    assert audit_rows(context)[-1] == ("print", "roster",
                                       f"Roster of 中共幸福里社区第一网格支部委员会 as of "
                                       f"{today.isoformat()}, {pages} pages printed")
    preview.close()
    qtbot.waitUntil(lambda: roster.preview is None)


def test_transfer_in_brings_back_the_earlier_record(roster, members, branches, dialogs, ui):
    member_id = add(members, branches.first, "张伟")
    transfer = members.start_transfer_out(member_id, "中共安华里社区委员会", dt.date(2024, 3, 1))
    members.set_transfer_status(transfer, "approved")
    members.set_transfer_status(transfer, "received")
    roster.reload()
    panel = roster.members
    assert names(panel.model) == []

    def fill(dialog) -> None:
        assert dialog.windowTitle() == "Transfer in a party member"
        assert not dialog.ok_button().isEnabled()  # where from is required
        ui.type_into(dialog.from_org_edit, "中共安华里社区委员会")
        ui.type_into(dialog.name_edit, "张伟")
        ui.type_into(dialog.id_edit, IDS["张伟"])
        ui.type_into(dialog.join_edit, "1983-07-01")
        ui.type_into(dialog.dues_edit, "2025-06-30")
        assert dialog.org_picker.select_org(branches.second)
        ui.click_ok(dialog)
        assert not dialog.isVisible(), dialog.error_text()

    dialogs.expect(fill)
    panel.transfer_in_action.trigger()
    rows = members.list_members(MemberQuery(relation=None))
    assert [(r.id, r.org_id, r.relation_status) for r in rows] == [
        (member_id, branches.second, "normal")]  # the same record, not a second one
    assert panel.current_id() == member_id
    directions = [t.direction for t in members.transfers(member_id)]
    assert sorted(directions) == ["in", "out"]
    assert panel.detail.transfer_model.rowCount() == 2


def test_context_menu_offers_the_actions_of_the_member(roster, members, branches):
    member_id = add(members, branches.first, "赵磊", status="probationary",
                    join_date=members.today() - dt.timedelta(days=30))
    roster.reload()
    panel = roster.members
    assert panel.select_member(member_id)
    enabled = [a.text() for a in panel.context_actions() if a is not None and a.isEnabled()]
    assert enabled == ["Open…", "Full membership…", "Extend probation…", "Transfer out…",
                       "Deceased…", "Left the Party…", "Suspend membership…", "New member…",
                       "Transfer in…"]


def test_keyboard_shortcuts_of_the_members_page(qtbot, window, roster, members, branches,
                                                dialogs):
    member_id = add(members, branches.first, "张伟")
    roster.reload()
    panel = roster.members
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert panel.select_member(member_id)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert panel.search_edit.hasFocus()
    panel.view.setFocus()
    titles = []
    dialogs.expect(lambda dialog: titles.append(dialog.windowTitle()))
    qtbot.keyClick(panel.view, Qt.Key.Key_Insert)
    dialogs.expect(lambda dialog: titles.append(dialog.windowTitle()))
    qtbot.keyClick(panel.view, Qt.Key.Key_F2)
    assert titles == ["New party member", "Party member: 张伟"]


def test_import_runs_the_wizard_and_shows_what_it_stored(window, roster, members, branches,
                                                         monkeypatch):
    wizard_module = pytest.importorskip("gridoffice.ui.dialogs.roster_import")
    calls = []

    def run(parent, db, operator, today, actor):
        # What the wizard does, stripped of its pages: it stores members itself.
        calls.append((db is roster._db, operator, today, actor is window.services.actor))
        add(members, branches.first, "李娜")
        return type("Result", (), {"added": 1, "updated": 0, "unchanged": 0})()

    monkeypatch.setattr(wizard_module.RosterImportWizard, "run", staticmethod(run))
    import_action = roster.members.import_action
    assert import_action in window.file_menu.actions()  # File ▸ Import members…
    import_action.trigger()
    assert calls == [(True, "王芳", members.today(), True)]
    assert names(roster.members.model) == ["李娜"]
    assert window.statusBar().currentMessage() == (
        "The import is finished: 1 added, 0 updated.")
