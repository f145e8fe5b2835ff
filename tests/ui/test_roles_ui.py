"""The window follows the role: tabs a role may not see are hidden, and no tab offers
a button or menu entry the role may not use; a switch of user shows the new
person's. Real window on a demo office folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from gridoffice.domain import access
from gridoffice.domain.access import Actor
from gridoffice.ui.tabs.access_gate import is_shown
from tests.conftest import copy_demo
from tests.ui.windows import open_window


@pytest.fixture
def demo_template(demo_templates) -> Path:
    return demo_templates(2)


@pytest.fixture
def demo_folder(tmp_path, demo_template) -> Path:
    return copy_demo(demo_template, tmp_path)


def grid_ids(folder: Path) -> list[str]:
    from tests import sql

    conn = sql.connect(folder / "gridoffice.sqlite3")
    try:
        return [r[0] for r in conn.execute("SELECT id FROM grid WHERE NOT deleted ORDER BY code")]
    finally:
        conn.close()


@pytest.fixture
def demo_window(qtbot, tmp_path, demo_template):
    main = open_window(qtbot, copy_demo(demo_template, tmp_path))
    # the pages built when first opened declare their actions then: open them all
    main.inservice.pages.setCurrentIndex(1)
    main.inservice.pages.setCurrentIndex(2)
    main.inservice.pages.setCurrentIndex(3)
    main.meetings.pages.setCurrentIndex(1)
    yield main
    main.close()


def actor_for(window, role: str) -> Actor:
    first_grid = window.services.grid_choices()[0][0]
    return Actor(login=f"{role}-login", operator="测试", role=role,
                 grids=frozenset({first_grid}) if role == access.GRID else frozenset(),
                 control_tags=role in access.CONTROL_TAG_ROLES)


def visible_tabs(window) -> set[str]:
    return {tab.key for index, tab in enumerate(window.tab_list)
            if window.tabs.isTabVisible(index)}


def conditional(window, item) -> bool:
    """Items that also follow a condition of their tab (the street's summary, the empty
    workbench's buttons of a community or of a street office)."""
    page = window.workbench.empty_page
    return item is window.sync.summary_action or item in (
        page.members_button, page.residents_button, page.packages_button)


@pytest.mark.parametrize("role", access.ROLES)
def test_each_role_sees_its_tabs_and_only_the_actions_it_may_use(demo_window, role):
    window = demo_window
    actor = actor_for(window, role)
    window.set_actor(actor)
    expected = {tab.key for tab in window.tab_list
                if tab.visible_for(actor)}
    assert visible_tabs(window) == expected
    checked = 0
    for tab in window.tab_list:
        for item, permission in tab.gate.pairs():
            if conditional(window, item):
                assert not is_shown(item) or actor.allows(permission)
                continue
            assert is_shown(item) == actor.allows(permission), (
                tab.key, item.text(), permission)
            checked += 1
    assert checked > 100  # every tab declared its actions, the lazy pages too
    assert window.accounts_action.isVisible() == (role == access.ADMIN)
    assert window.settings_action.isVisible() == (role == access.ADMIN)
    assert window.tabs.isTabVisible(window.tabs.currentIndex())
    assert window.permissions_action.isVisible()


def test_the_viewer_sees_no_edit_print_or_export(demo_window):
    window = demo_window
    window.set_actor(actor_for(window, access.VIEWER))
    roster, households = window.roster, window.households
    assert visible_tabs(window) == {"workbench", "roster", "households", "meetings", "inservice",
                                    "cobuild"}
    for item in (roster.members.new_action, roster.members.ledger_action,
                 roster.members.export_action, roster.members.excel_button,
                 roster.members.transfer_button, roster.tree_panel.new_button,
                 roster.detail.appoint_button, households.add_resident_action,
                 households.print_button, households.excel_button, households.new_button,
                 households.detail.add_visit_button, window.meetings.new_action,
                 window.meetings.print_button, window.meetings.rules_action,
                 window.meetings.detail.add_attendee_button,
                 window.meetings.follow_ups.done_action, window.inservice.new_action,
                 window.inservice.print_button, window.inservice.points_page.rules_button):
        assert not is_shown(item), item.text()
    # reading stays: opening a member or a resident, the whole community
    for item in (roster.members.edit_action, households.edit_action,
                 households.community_action, window.meetings.follow_ups.open_action):
        assert is_shown(item), item.text()


def test_staff_may_not_reveal_and_the_grid_worker_has_no_meetings_or_sync(demo_window):
    window = demo_window
    window.set_actor(actor_for(window, access.STAFF))
    assert not is_shown(window.inservice.reveal_action)
    assert not is_shown(window.sync.reveal_button)
    assert not is_shown(window.roster.full_export_action)
    assert is_shown(window.roster.members.export_action)
    assert is_shown(window.sync.export_action)
    assert not is_shown(window.meetings.rules_action)  # settings: the administrator's

    window.set_actor(actor_for(window, access.GRID))
    assert visible_tabs(window) == {"workbench", "roster", "households", "inservice", "cobuild"}
    households = window.households
    assert is_shown(households.add_resident_action)
    assert is_shown(households.print_button) and is_shown(households.export_action)
    assert not is_shown(households.full_export_action)
    assert not is_shown(households.import_action)
    assert not is_shown(window.roster.members.new_action)
    assert not is_shown(window.inservice.new_action)
    for bar in (window.roster.tree_panel.toolbar, window.roster.members.toolbar,
                households.toolbar, window.inservice.toolbar):
        shown = [act for act in bar.actions() if act.isVisible()]
        if not shown:  # nothing the grid worker may do there (in-service registrations)
            continue
        assert not shown[0].isSeparator() and not shown[-1].isSeparator()
        assert not any(a.isSeparator() and b.isSeparator()
                       for a, b in zip(shown, shown[1:], strict=False))


def test_a_switch_of_user_shows_what_the_new_person_may_do(demo_window):
    window = demo_window
    window.set_actor(actor_for(window, access.VIEWER))
    assert not is_shown(window.roster.members.new_action)
    assert not is_shown(window.roster.members.excel_button)
    window.set_actor(actor_for(window, access.SECRETARY))
    assert visible_tabs(window) == {tab.key for tab in window.tab_list}
    assert is_shown(window.roster.members.new_action)
    assert is_shown(window.roster.members.excel_button)
    assert is_shown(window.roster.full_export_action)
    assert is_shown(window.inservice.reveal_action)
    assert window.services.actor.role == access.SECRETARY
    assert window.roster.roster.actor.role == access.SECRETARY


def test_a_switch_to_a_grid_worker_reads_the_data_again_as_them(demo_window, qtbot):
    window = demo_window
    tree = window.households.tree_model
    qtbot.waitUntil(lambda: tree.rowCount() > 1, timeout=10_000)
    members_before = window.roster.members.count_label.text()
    worker = actor_for(window, access.GRID)
    window.set_actor(worker)
    qtbot.waitUntil(lambda: tree.rowCount() == 1, timeout=10_000)  # only their grid
    assert tree.index(0, 0).data().startswith(window.services.grid_choices()[0][1])
    qtbot.waitUntil(lambda: window.roster.members.count_label.text() != members_before,
                    timeout=10_000)  # only the members who live there


def test_control_tags_are_offered_only_to_an_account_granted_them(demo_window):
    window = demo_window
    households = window.households
    households.services.settings.show_control_tags = True  # the office turned them on
    window.set_actor(actor_for(window, access.STAFF))  # granted them
    assert households.show_control_tags()
    window.set_actor(Actor(login="li", operator="李", role=access.STAFF))  # not granted
    assert not households.show_control_tags()
    window.set_actor(actor_for(window, access.GRID))  # a grid worker never
    assert not households.show_control_tags()


@pytest.mark.parametrize("role", access.ROLES)
def test_the_window_opens_for_every_role_signed_in_at_start(qtbot, demo_folder, role):
    first_grid = grid_ids(demo_folder)[0]
    actor = Actor(login="x", operator="测试", role=role,
                  grids=frozenset({first_grid}) if role == access.GRID else frozenset())
    window = open_window(qtbot, demo_folder, actor=actor)
    assert window.loaded and window.services.actor == actor
    assert visible_tabs(window) == {tab.key for tab in window.tab_list
                                    if tab.visible_for(actor)}
    window.close()
