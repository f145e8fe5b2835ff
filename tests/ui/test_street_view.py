"""The street office's view in every tab: the communities' records with a 社区
column and a community filter, read-only; the street's own records (work units)
still editable. The community role shows none of it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.street_fixture import STREET, make_street
from tests.ui.windows import open_window

COMMUNITIES = ("幸福里社区", "和平里社区")


def copy_street(template: Path, target: Path) -> Path:
    shutil.copytree(template, target)
    return target


@pytest.fixture(scope="session")
def street_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("street")
    return Path(make_street(root, communities=COMMUNITIES))


@pytest.fixture
def street_window(qtbot, tmp_path, street_template):
    main = open_window(qtbot, copy_street(street_template, tmp_path / "street"))
    yield main
    main.close()


def column_texts(view, header_text: str) -> list[str]:
    model = view.model()
    column = next(c for c in range(model.columnCount())
                  if model.headerData(c, Qt.Orientation.Horizontal) == header_text)
    return [model.index(r, column).data() for r in range(model.rowCount())]


def choose_community(combo, name: str) -> None:
    combo.setCurrentIndex(combo.findText(name))


# --- party roster ------------------------------------------------------------------------
def test_roster_shows_every_community_with_a_column_and_a_filter(street_window):
    roster = street_window.roster
    members = roster.members
    assert street_window.profile.is_street
    filter_ = roster.tree_panel.community_filter
    assert not filter_.isHidden()
    combo = filter_.combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "All communities", *sorted(COMMUNITIES)]
    texts = column_texts(members.view, "Community")
    assert set(texts) == set(COMMUNITIES)
    assert members.model.rowCount() > 200  # both communities' members
    # Shown first.
    header = members.view.horizontalHeader()
    assert header.logicalIndex(0) == members.model.community_column()

    choose_community(combo, "和平里社区")
    assert set(column_texts(members.view, "Community")) == {"和平里社区"}
    roots = [roster.model.index(r, 0).data() for r in range(roster.model.rowCount())]
    assert roots and all("和平里" in name for name in roots)


def test_roster_community_records_are_read_only(street_window, qtbot):
    roster = street_window.roster
    members = roster.members
    members.select_row(0)
    row = members.current_row()
    assert row is not None and row.origin_office
    for act in members.row_actions():
        assert not act.isEnabled()
    assert "can only be changed there" in members.edit_action.toolTip()
    assert not members.new_action.isEnabled()  # every community: nothing to add to
    # Enter does not open the form (no dialog is expected); the status bar says why.
    with qtbot.waitSignal(roster.status_message) as message:
        members.open_requested.emit(row)
    assert "can only be changed there" in message.args[0]
    panel = roster.tree_panel
    panel.tree.setCurrentIndex(roster.model.index(0, 0))
    assert panel.current_node() is not None
    for act in (panel.edit_action, panel.move_action, panel.retire_action,
                panel.new_sub_action):
        assert not act.isEnabled()
    assert panel.new_top_action.isEnabled()  # the street's own organisations
    assert not roster.detail.appoint_button.isEnabled()


# --- in-service check-in -----------------------------------------------------------------
def test_inservice_shows_every_community_read_only(street_window):
    tab = street_window.inservice
    assert not tab.community_filter.isHidden()
    assert set(column_texts(tab.view, "Community")) == set(COMMUNITIES)
    everyone = tab.model.rowCount()
    choose_community(tab.community_filter.combo, "幸福里社区")
    assert 0 < tab.model.rowCount() < everyone
    assert set(column_texts(tab.view, "Community")) == {"幸福里社区"}
    tab.view.setCurrentIndex(tab.model.index(0, 0))
    assert tab.current_row() is not None
    for act in (tab.edit_action, tab.approve_action, tab.return_action, tab.leave_action,
                tab.reregister_action, tab.add_points_action):
        assert not act.isEnabled()
    assert "幸福里社区" in tab.edit_action.toolTip()
    assert not tab.new_action.isEnabled()
    assert tab.units_action.isEnabled()  # the street's own reference data
    posts = tab.page(1)
    assert set(column_texts(posts.view, "Community")) == {"幸福里社区"}
    posts.view.setCurrentIndex(posts.model.index(0, 0))
    assert not posts.edit_action.isEnabled() and not posts.claim_action.isEnabled()
    activities = tab.page(2)
    activities.view.setCurrentIndex(activities.model.index(0, 0))
    assert not activities.checkin_action.isEnabled()


def test_the_street_adds_and_edits_its_own_work_unit(street_window, dialogs, ui):
    from gridoffice.ui.dialogs.inservice_dialogs import WorkUnitsDialog

    tab = street_window.inservice
    service = tab.service
    seen: list[WorkUnitsDialog] = []

    def fill_unit(form):
        ui.type_into(form.name_edit, "街道社区服务中心")
        ui.click_ok(form)

    def in_list(dialog):
        seen.append(dialog)
        community_row = next(i for i, r in enumerate(dialog.model.rows())
                             if r.origin_office != dialog.community.own_office)
        dialog.view.setCurrentIndex(dialog.model.index(community_row, 0))
        assert not dialog.edit_button.isEnabled()
        assert "can only be changed there" in dialog.edit_button.toolTip()
        dialogs.expect(fill_unit)
        unit_id = dialog.new_unit()
        assert unit_id is not None
        row = dialog.model.rows()[dialog.model.row_of(unit_id)]
        assert row.origin_office == dialog.community.own_office
        assert dialog.edit_button.isEnabled()
        column = dialog.model.community_column()
        assert dialog.model.index(dialog.model.row_of(unit_id), column).data() == STREET
        ui.click_ok(dialog)

    dialogs.expect(in_list)
    tab.edit_work_units()
    assert seen
    assert service.find_work_unit("街道社区服务中心") is not None


# --- resident council ----------------------------------------------------------------------
def test_meetings_show_every_community_read_only(street_window, qtbot):
    tab = street_window.meetings
    assert not tab.community_filter.isHidden()
    assert set(column_texts(tab.view, "Community")) == set(COMMUNITIES)
    everyone = tab.model.rowCount()
    choose_community(tab.community_filter.combo, "和平里社区")
    assert 0 < tab.model.rowCount() < everyone
    assert set(column_texts(tab.view, "Community")) == {"和平里社区"}
    tab.view.setCurrentIndex(tab.model.index(0, 0))
    assert not tab.edit_action.isEnabled() and not tab.new_action.isEnabled()
    assert not tab.detail.add_item_button.isEnabled()
    assert "和平里社区" in tab.detail.add_item_button.toolTip()
    with qtbot.waitSignal(tab.status_message):
        tab.edit_meeting()  # Enter: no form (no dialog expected), a status message


def test_the_community_role_shows_no_community_column(window):
    for view, filter_ in ((window.roster.members.view, window.roster.tree_panel.community_filter),
                          (window.inservice.view, window.inservice.community_filter),
                          (window.meetings.view, window.meetings.community_filter)):
        model = view.model()
        headers = [model.headerData(c, Qt.Orientation.Horizontal)
                   for c in range(model.columnCount())]
        assert "Community" not in headers
        assert filter_.isHidden()


# --- grid households -----------------------------------------------------------------------
def wait_residents(qtbot, tab) -> None:
    """Let the background reload of the resident table finish."""
    qtbot.waitUntil(lambda: not tab.running_jobs(), timeout=10_000)


def grid_labels(tab) -> list[str]:
    model = tab.tree_model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_households_show_every_community_with_a_filter(street_window, qtbot):
    tab = street_window.households
    filter_ = tab.community_filter
    assert not filter_.isHidden()
    combo = filter_.combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "All communities", *sorted(COMMUNITIES)]
    # Every community's grids, each named with its community first, grouped by it.
    labels = grid_labels(tab)
    prefixes = [label.split(" / ")[0] for label in labels]
    assert set(prefixes) == set(COMMUNITIES)
    assert prefixes == sorted(prefixes)
    assert tab.grid_combo.itemText(1).split(" / ")[0] in COMMUNITIES
    # The whole of every community: both communities' residents, 社区 shown first.
    tab.show_community()
    wait_residents(qtbot, tab)
    assert tab.scope_label.text() == "All communities"
    assert set(column_texts(tab.view, "Community")) == set(COMMUNITIES)
    header = tab.view.horizontalHeader()
    assert header.logicalIndex(0) == tab.model.community_column()

    choose_community(combo, "和平里社区")
    wait_residents(qtbot, tab)
    assert tab.scope_label.text() == "和平里社区"
    labels = grid_labels(tab)
    assert labels and not any(" / " in label for label in labels)
    assert {tab.community.label(g.origin_office) for g in tab.tree_model.grids()} == {
        "和平里社区"}
    assert set(column_texts(tab.view, "Community")) == {"和平里社区"}
    # The search stays within the community chosen.
    tab.search_edit.setText("王")
    tab.reload()
    wait_residents(qtbot, tab)
    assert set(column_texts(tab.view, "Community")) <= {"和平里社区"}


def test_households_community_records_are_read_only(street_window, qtbot):
    tab = street_window.households
    wait_residents(qtbot, tab)
    assert tab.scope is not None and tab.scope.kind == "grid"  # the first grid
    assert tab.model.rowCount() > 0
    tab.select_resident(tab.model.row_at(0).id)
    row = tab.current_row()
    assert row is not None and tab.community.read_only(row.origin_office)
    for act in (*tab.resident_actions(), tab.add_resident_action, tab.head_action,
                tab.move_action, tab.visit_action, tab.team_action, tab.edit_grid_action,
                tab.new_building_action, tab.new_grid_action, tab.duplicates_action,
                tab.import_action):
        assert not act.isEnabled(), act.text()
    assert "can only be changed there" in tab.edit_action.toolTip()
    assert "can only be changed there" in tab.edit_grid_action.toolTip()
    assert "street office's own" in tab.import_action.toolTip()
    assert not tab.detail.add_visit_button.isEnabled()
    assert not tab.detail.center_check.isEnabled()
    # Reading and printing stay.
    assert tab.export_action.isEnabled() and tab.community_action.isEnabled()
    # Enter on the row: no form (no dialog is expected), the status bar says why.
    with qtbot.waitSignal(tab.status_message) as message:
        tab.open_current()
    assert "can only be changed there" in message.args[0]
    # A house of a community: no household to add there either.
    building = tab.tree_model.index(0, 0, tab.tree_model.index(0, 0))
    tab.tree_model.ensure_fetched(building)
    unit = tab.tree_model.index(0, 0, building)
    tab.tree.setCurrentIndex(tab.tree_model.index(0, 0, unit))
    wait_residents(qtbot, tab)
    assert tab.scope.kind == "house"
    assert not tab.new_house_action.isEnabled() and not tab.new_household_action.isEnabled()


def test_the_community_role_households_tab_is_unchanged(window):
    tab = window.households
    assert tab.community_filter.isHidden()
    model = tab.view.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(model.columnCount())]
    assert "Community" not in headers
    assert not any(" / " in label for label in grid_labels(tab))
    for act in (tab.new_grid_action, tab.duplicates_action, tab.import_action):
        assert act.isEnabled()
    assert tab.import_action.toolTip() == "" or "street" not in tab.import_action.toolTip()


# --- in-service points ----------------------------------------------------------------------
def test_inservice_points_follow_the_community_filter(street_window):
    tab = street_window.inservice
    points = tab.page(3)
    assert set(column_texts(points.view, "Community")) == set(COMMUNITIES)
    everyone = points.model.rowCount()
    units = sum(u.members for u in points.units_model.rows())
    choose_community(tab.community_filter.combo, "幸福里社区")
    assert 0 < points.model.rowCount() < everyone
    assert set(column_texts(points.view, "Community")) == {"幸福里社区"}
    assert sum(u.members for u in points.units_model.rows()) == points.model.rowCount() < units


# --- follow-up tracking ---------------------------------------------------------------------
def test_follow_ups_follow_the_filter_and_are_read_only(street_window, qtbot):
    tab = street_window.meetings
    tab.pages.setCurrentIndex(1)
    view = tab.follow_ups
    assert view is not None
    assert set(column_texts(view.view, "Community")) == set(COMMUNITIES)
    everyone = view.model.rowCount()
    choose_community(tab.community_filter.combo, "和平里社区")
    assert 0 < view.model.rowCount() < everyone
    assert set(column_texts(view.view, "Community")) == {"和平里社区"}
    open_row = next(i for i, r in enumerate(view.model.rows()) if r.status != "done")
    view.view.setCurrentIndex(view.model.index(open_row, 0))
    assert not view.done_action.isEnabled() and not view.edit_action.isEnabled()
    assert "和平里社区" in view.done_action.toolTip()
    assert view.open_action.isEnabled() and view.print_action.isEnabled()
    # Enter (and Ctrl+D reaching the slot): no form, the status bar says why.
    with qtbot.waitSignal(tab.status_message) as message:
        view.edit_current()
    assert "can only be changed there" in message.args[0]
    with qtbot.waitSignal(tab.status_message):
        view.mark_done()


# --- meeting detail -------------------------------------------------------------------------
def test_attendee_keys_and_double_click_are_blocked(street_window, qtbot, message_log):
    tab = street_window.meetings
    detail = tab.detail
    for row in range(tab.model.rowCount()):
        tab.view.setCurrentIndex(tab.model.index(row, 0))
        if detail.attendee_model.rowCount():
            break
    assert detail.attendee_model.rowCount() > 0
    count = detail.attendee_model.rowCount()
    view = detail.attendee_view
    view.selectRow(0)
    assert not detail.remove_attendee_button.isEnabled()
    with qtbot.waitSignal(detail.status_message) as message:
        qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert "can only be changed there" in message.args[0]
    with qtbot.waitSignal(detail.status_message):
        view.activated.emit(view.currentIndex())  # double-click / Enter: no form
    assert message_log.boxes == []  # no "Remove …?" question
    assert detail.attendee_model.rowCount() == count
    # The agenda too.
    detail.agenda.setCurrentItem(detail.agenda.topLevelItem(0))
    if detail.agenda.currentItem() is not None:
        with qtbot.waitSignal(detail.status_message):
            qtbot.keyClick(detail.agenda, Qt.Key.Key_Delete)
        with qtbot.waitSignal(detail.status_message):
            detail.agenda.itemActivated.emit(detail.agenda.currentItem(), 0)
    assert message_log.boxes == []
