"""The organisation tree driven through the UI, checked on screen and in the database."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from gridoffice.services.orgs import OrgDraft
from gridoffice.ui.models.org_history import COL_DETAIL, COL_EVENT, COL_OPERATOR
from gridoffice.ui.models.org_seats import COL_FROM, COL_PERSON, COL_SEAT, COL_TO
from gridoffice.ui.models.org_tree import COL_SECRETARY, OrgTreeModel

from .conftest import PAST

COMMITTEE = "中共幸福里社区委员会"


def names_under(model: OrgTreeModel, org_id: str | None) -> list[str]:
    parent = model.index_of(org_id)
    return [model.index(r, 0, parent).data() for r in range(model.rowCount(parent))]


def create(roster, dialogs, ui, name: str, parent_id: str | None = None,
           org_type: str | None = None) -> str:
    """Create an organisation through the New dialog; its id."""
    panel = roster.tree_panel

    def fill(dialog) -> None:
        ui.type_into(dialog.name_edit, name)
        if org_type:
            dialog.type_combo.setCurrentIndex(dialog.type_combo.findData(org_type))
        ui.type_into(dialog.established_edit, PAST.isoformat())
        ui.click_ok(dialog)
        assert not dialog.isVisible(), dialog.error_text()

    dialogs.expect(fill)
    if parent_id is None:
        panel.new_top_action.trigger()
    else:
        assert panel.select_org(parent_id)
        panel.new_sub_action.trigger()
    node = panel.current_node()
    assert node is not None and node.name == name
    return node.id


@pytest.fixture
def committee(roster, dialogs, ui) -> str:
    return create(roster, dialogs, ui, COMMITTEE)


def test_new_organisation_dialog_checks_input_and_keeps_what_was_typed(roster, dialogs, ui,
                                                                       service):
    def fill(dialog) -> None:
        assert dialog.windowTitle() == "New top-level organisation"
        assert not dialog.ok_button().isEnabled()  # the name is required
        ui.type_into(dialog.name_edit, "  ")
        ui.click_ok(dialog)
        assert dialog.error_text() == "Name: enter the organisation's full name."
        assert dialog.focusWidget() is dialog.name_edit
        ui.type_into(dialog.name_edit, COMMITTEE)
        ui.type_into(dialog.established_edit, "2021-02-30")
        ui.click_ok(dialog)
        assert dialog.error_text() == ("Established: 2021-02-30 is not a valid date. "
                                       "Write it like 2021-06-30, 2021/6/30 or 2021年6月30日.")
        assert dialog.focusWidget() is dialog.established_edit
        assert dialog.name_edit.text() == COMMITTEE  # nothing typed is lost
        assert service.list_orgs() == []  # and nothing saved
        ui.type_into(dialog.established_edit, "2021年6月30日")
        ui.click_ok(dialog)
        assert not dialog.isVisible()

    dialogs.expect(fill)
    roster.tree_panel.new_top_action.trigger()
    assert names_under(roster.model, None) == [COMMITTEE]
    stored = service.list_orgs()
    assert [(n.name, n.org_type, n.established, n.term_end) for n in stored] == [
        (COMMITTEE, "committee", PAST, dt.date(2026, 6, 30))]
    detail = roster.detail
    assert detail.title_label.text() == COMMITTEE
    assert detail.field_labels["org_type"].text() == "Party committee"
    assert detail.field_labels["term_end"].text() == "2026-06-30"
    history = detail.history_model
    assert history.index(0, COL_EVENT).data() == "Created"
    assert history.index(0, COL_DETAIL).data() == "Created as a top-level Party committee"
    assert history.index(0, COL_OPERATOR).data() == "王芳"


def test_service_refusal_stays_in_the_dialog(roster, dialogs, ui, service, committee):
    create(roster, dialogs, ui, "第一网格党支部", committee)

    def fill(dialog) -> None:
        assert dialog.type_combo.currentData() == "branch"
        assert not dialog.type_enabled("group")  # a group cannot sit under a committee
        assert dialog.type_enabled("joint_branch")
        ui.type_into(dialog.name_edit, "第一网格党支部")
        ui.click_ok(dialog)
        assert dialog.error_text() == (f"Name: {COMMITTEE} already has an organisation "
                                       "called 第一网格党支部.")
        assert dialog.focusWidget() is dialog.name_edit
        assert dialog.name_edit.selectedText() == "第一网格党支部"

    assert roster.tree_panel.select_org(committee)
    dialogs.expect(fill)
    roster.tree_panel.new_sub_action.trigger()
    assert [n.name for n in service.list_orgs()] == [COMMITTEE, "第一网格党支部"]


def test_keyboard_insert_and_f2_open_the_dialogs(qtbot, window, roster, dialogs, committee):
    tree = roster.tree_panel.tree
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    tree.setFocus()
    titles = []
    dialogs.expect(lambda dialog: titles.append(dialog.windowTitle()))
    qtbot.keyClick(tree, Qt.Key.Key_Insert)
    dialogs.expect(lambda dialog: titles.append(dialog.windowTitle()))
    qtbot.keyClick(tree, Qt.Key.Key_F2)
    assert titles == ["New sub-organisation", f"Edit {COMMITTEE}"]


def test_create_undo_redo(window, roster, dialogs, ui, service, committee):
    branch = create(roster, dialogs, ui, "第一网格党支部", committee)
    assert names_under(roster.model, committee) == ["第一网格党支部"]
    assert window.undo_action.text() == "Undo Create 第一网格党支部"
    window.undo_action.trigger()
    assert names_under(roster.model, committee) == []
    assert [n.name for n in service.list_orgs()] == [COMMITTEE]
    assert roster.tree_panel.current_id() == committee
    window.redo_action.trigger()
    assert names_under(roster.model, committee) == ["第一网格党支部"]
    again = roster.tree_panel.current_node()
    assert again.name == "第一网格党支部" and again.id != branch  # made anew
    window.undo_action.trigger()  # the new id is found through the id map
    assert [n.name for n in service.list_orgs()] == [COMMITTEE]


def test_rename_with_undo_and_redo(window, roster, dialogs, ui, service, committee):
    branch = create(roster, dialogs, ui, "第一网格党支部", committee)

    def fill(dialog) -> None:
        assert dialog.name_edit.text() == "第一网格党支部"
        ui.type_into(dialog.name_edit, "幸福里第一网格党支部")
        ui.type_into(dialog.short_edit, "一支部")
        ui.click_ok(dialog)

    dialogs.expect(fill)
    roster.tree_panel.edit_action.trigger()
    assert names_under(roster.model, committee) == ["幸福里第一网格党支部"]
    assert service.get(branch).short_name == "一支部"
    history = roster.detail.history_model
    events = [history.index(r, COL_EVENT).data() for r in range(history.rowCount())]
    assert {"Renamed", "Details changed", "Created"} == set(events)
    details = [history.index(r, COL_DETAIL).data() for r in range(history.rowCount())]
    assert "第一网格党支部 → 幸福里第一网格党支部" in details
    assert "Short name: — → 一支部" in details
    window.undo_action.trigger()
    assert names_under(roster.model, committee) == ["第一网格党支部"]
    assert service.get(branch).short_name is None
    window.redo_action.trigger()
    assert service.get(branch).name == "幸福里第一网格党支部"
    assert roster.tree_panel.current_id() == branch


def test_move_dialog_offers_only_valid_targets_and_shows_refusals(window, roster, dialogs, ui,
                                                                 service, committee):
    first = create(roster, dialogs, ui, "第一网格党支部", committee)
    second = create(roster, dialogs, ui, "第二网格党支部", committee)
    third = create(roster, dialogs, ui, "第三网格党支部", committee)
    group = create(roster, dialogs, ui, "1号楼党小组", first, "group")
    create(roster, dialogs, ui, "2号楼党小组", first, "group")
    create(roster, dialogs, ui, "1号楼党小组", second, "group")

    def fill(dialog) -> None:
        model = dialog.model
        assert not model.flags(model.index_of(committee))  # a group needs a branch
        assert not model.flags(model.index_of(first))  # where it is now
        assert not model.flags(model.index_of(group))  # itself
        assert model.flags(model.index_of(second)) & Qt.ItemFlag.ItemIsSelectable
        assert not dialog.top_level.isEnabled()
        assert not dialog.ok_button().isEnabled()
        assert not dialog.select_parent(committee)
        assert dialog.select_parent(second)
        ui.click_ok(dialog)
        assert dialog.error_text() == ("Name: 第二网格党支部 already has an organisation "
                                       "called 1号楼党小组.")
        assert service.get(group).parent_id == first  # nothing moved
        assert dialog.select_parent(third)
        assert dialog.error_text() == ""
        ui.click_ok(dialog)
        assert not dialog.isVisible()

    assert roster.tree_panel.select_org(group)
    dialogs.expect(fill)
    roster.tree_panel.move_action.trigger()
    assert service.get(group).parent_id == third
    assert names_under(roster.model, third) == ["1号楼党小组"]
    assert names_under(roster.model, first) == ["2号楼党小组"]
    assert roster.tree_panel.current_id() == group
    window.undo_action.trigger()  # back to its old parent, in its old place
    assert names_under(roster.model, first) == ["1号楼党小组", "2号楼党小组"]
    window.redo_action.trigger()
    assert names_under(roster.model, third) == ["1号楼党小组"]


def test_drag_and_drop_moves_and_refuses(qtbot, window, roster, dialogs, ui, service,
                                         message_log, committee):
    first = create(roster, dialogs, ui, "第一网格党支部", committee)
    second = create(roster, dialogs, ui, "第二网格党支部", committee)
    group = create(roster, dialogs, ui, "1号楼党小组", first, "group")
    create(roster, dialogs, ui, "1号楼党小组", second, "group")
    model = roster.model
    move = Qt.DropAction.MoveAction
    data = model.mimeData([model.index_of(group)])
    assert not model.canDropMimeData(data, move, -1, -1, model.index_of(committee))
    # Dropping onto the second branch: the rules allow it, the service refuses the name.
    model.dropMimeData(data, move, -1, -1, model.index_of(second))
    qtbot.waitUntil(lambda: bool(message_log.warnings()))
    assert message_log.warnings() == [
        "Name: 第二网格党支部 already has an organisation called 1号楼党小组."]
    assert service.get(group).parent_id == first
    # Reordering branches by dropping the second before the first.
    data = model.mimeData([model.index_of(second)])
    model.dropMimeData(data, move, 0, 0, model.index_of(committee))
    qtbot.waitUntil(lambda: names_under(model, committee)[0] == "第二网格党支部")
    assert [n.name for n in service.list_orgs() if n.parent_id == committee] == [
        "第二网格党支部", "第一网格党支部"]
    window.undo_action.trigger()
    assert names_under(model, committee) == ["第一网格党支部", "第二网格党支部"]


def test_retire_restore_with_undo(window, roster, dialogs, ui, service, message_log,
                                  committee):
    branch = create(roster, dialogs, ui, "第一网格党支部", committee)
    service.appoint(branch, "secretary", "李建国", PAST)
    roster.reload()

    def refused(dialog) -> None:
        ui.click_ok(dialog)
        assert dialog.isVisible()

    assert roster.tree_panel.select_org(committee)
    dialogs.expect(refused)
    roster.tree_panel.retire_action.trigger()
    assert message_log.warnings() == [
        f"{COMMITTEE} still has 1 active sub-organisations: move or retire them first."]
    assert not service.get(committee).retired

    def fill(dialog) -> None:
        ui.type_into(dialog.date_edit, "2024-03-01")
        ui.type_into(dialog.reason_edit, "合并到第二网格党支部")
        ui.click_ok(dialog)

    assert roster.tree_panel.select_org(branch)
    dialogs.expect(fill)
    roster.tree_panel.retire_action.trigger()
    assert service.get(branch).retired_on == dt.date(2024, 3, 1)
    assert service.seats(branch, include_past=False) == []  # the secretary's term ended
    assert names_under(roster.model, committee) == []  # hidden …
    assert window.statusBar().currentMessage() == (
        "第一网格党支部 was retired. Tick Show retired to see it.")
    roster.tree_panel.show_retired_box.setChecked(True)  # … until asked for
    assert names_under(roster.model, committee) == ["第一网格党支部 (retired on 2024-03-01)"]
    window.undo_action.trigger()
    assert not service.get(branch).retired
    assert [s.person_name for s in service.seats(branch, include_past=False)] == ["李建国"]
    assert names_under(roster.model, committee) == ["第一网格党支部"]
    window.redo_action.trigger()
    assert service.get(branch).retired
    assert roster.tree_panel.select_org(branch)
    assert roster.tree_panel.restore_action.isEnabled()
    assert not roster.tree_panel.move_action.isEnabled()
    roster.tree_panel.restore_action.trigger()
    assert not service.get(branch).retired
    assert names_under(roster.model, committee) == ["第一网格党支部"]
    window.undo_action.trigger()  # undoing the restore retires it again, same day and reason
    node = service.get(branch)
    assert node.retired_on == dt.date(2024, 3, 1)
    assert service.history(branch)[0].detail["reason"] == "合并到第二网格党支部"


def test_appoint_secretary_and_end_term(window, roster, dialogs, ui, service, committee):
    detail = roster.detail
    undo_count = window.undo_stack.count()

    def future(dialog) -> None:
        assert dialog.seat_combo.currentData() == "secretary"
        ui.type_into(dialog.person_edit, "李建国")
        ui.type_into(dialog.from_edit, "2999-01-01")
        ui.click_ok(dialog)
        assert dialog.error_text() == "From: the date 2999-01-01 is in the future."
        assert dialog.focusWidget() is dialog.from_edit
        ui.type_into(dialog.from_edit, PAST.isoformat())
        ui.click_ok(dialog)
        assert not dialog.isVisible()

    dialogs.expect(future)
    ui.click(detail.appoint_button)
    seats = detail.seat_model
    assert [seats.index(0, c).data() for c in (COL_SEAT, COL_PERSON, COL_FROM, COL_TO)] == [
        "Secretary", "李建国", "2021-06-30", "—"]
    assert roster.model.index_of(committee, COL_SECRETARY).data() == "李建国"
    assert [(s.seat, s.person_name, s.from_date) for s in service.seats(committee)] == [
        ("secretary", "李建国", PAST)]
    assert window.undo_stack.count() == undo_count + 1
    window.undo_action.trigger()  # the appointment is withdrawn ...
    assert service.seats(committee) == []
    assert roster.model.index_of(committee, COL_SECRETARY).data() == ""
    window.redo_action.trigger()  # ... and made again
    assert [(s.person_name, s.from_date) for s in service.seats(committee)] == [("李建国", PAST)]
    assert roster.model.index_of(committee, COL_SECRETARY).data() == "李建国"

    def end(dialog) -> None:
        assert dialog.who.text() == "Secretary: 李建国, since 2021-06-30"
        ui.type_into(dialog.to_edit, "2024-12-31")
        ui.click_ok(dialog)

    detail.seat_view.selectRow(0)
    assert detail.end_term_button.isEnabled()
    dialogs.expect(end)
    ui.click(detail.end_term_button)
    assert seats.index(0, COL_TO).data() == "2024-12-31"
    assert seats.index(0, COL_SEAT).data(Qt.ItemDataRole.ForegroundRole) is not None  # muted
    assert roster.model.index_of(committee, COL_SECRETARY).data() == ""
    assert service.seats(committee)[0].to_date == dt.date(2024, 12, 31)
    window.undo_action.trigger()
    assert service.seats(committee)[0].to_date is None
    assert seats.index(0, COL_TO).data() == "—"
    assert roster.model.index_of(committee, COL_SECRETARY).data() == "李建国"


def test_undo_of_end_term_refused_when_the_seat_was_filled_again(window, roster, dialogs, ui,
                                                                  service, message_log,
                                                                  committee):
    seat = service.appoint(committee, "secretary", "李建国", PAST)
    roster.reload()

    def end(dialog) -> None:
        ui.type_into(dialog.to_edit, "2024-12-31")
        ui.click_ok(dialog)

    roster.detail.seat_view.selectRow(0)
    dialogs.expect(end)
    ui.click(roster.detail.end_term_button)
    service.appoint(committee, "secretary", "张伟", dt.date(2025, 1, 1))
    roster.reload()
    window.undo_action.trigger()
    assert message_log.warnings() == [
        "This change cannot be undone. 张伟 now holds this seat; end that term first."]
    assert service.seats(committee, include_past=False)[0].person_name == "张伟"
    assert [s.to_date for s in service.seats(committee) if s.id == seat.id] == [
        dt.date(2024, 12, 31)]
    assert window.undo_stack.count() == 1  # the refused step left the stack


def test_selection_and_expansion_survive_reloads(roster, dialogs, ui, service, committee):
    first = create(roster, dialogs, ui, "第一网格党支部", committee)
    group = create(roster, dialogs, ui, "1号楼党小组", first, "group")
    second = create(roster, dialogs, ui, "第二网格党支部", committee)
    panel = roster.tree_panel
    panel.tree.collapse(roster.model.index_of(first))
    assert panel.select_org(second)
    service.create(OrgDraft("第三网格党支部", "branch", committee))  # changed elsewhere
    roster.reload()
    assert panel.current_id() == second
    assert panel.tree.isExpanded(roster.model.index_of(committee))
    assert not panel.tree.isExpanded(roster.model.index_of(first))
    assert group not in panel.expanded_ids()
    assert names_under(roster.model, committee) == ["第一网格党支部", "第二网格党支部",
                                                    "第三网格党支部"]
