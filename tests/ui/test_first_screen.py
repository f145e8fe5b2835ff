"""The window's first screen: the roster shows its organisations and first page of
members before the services are loaded, then the services take over with the same
rows on top, the selection and the tree as they were. Real demo folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from gridoffice import paths
from gridoffice.app_context import AppContext
from gridoffice.domain import access
from gridoffice.domain.access import Actor
from gridoffice.services import first_screen, office
from gridoffice.store.files import open_database
from gridoffice.ui.models.org_tree import ORG_ID_ROLE
from tests import sql
from tests.conftest import copy_demo


@pytest.fixture
def folder(tmp_path, demo_templates) -> Path:
    return copy_demo(demo_templates(4), tmp_path)


def unshown_window(qtbot, folder: Path, actor: Actor | None = None):
    """The window before it is shown: the test starts the loading itself."""
    from gridoffice.ui.main_window import MainWindow

    app_paths = paths.resolve(folder)
    opened = open_database(app_paths)
    context = AppContext(app_paths, opened, "en", "", office.load_profile(opened.path),
                         actor=actor)
    window = MainWindow(context)
    qtbot.addWidget(window)
    return window


def first_grid(folder: Path) -> str:
    conn = sql.connect(folder / "gridoffice.sqlite3")
    try:
        return conn.execute("SELECT id FROM grid WHERE NOT deleted ORDER BY code").fetchone()[0]
    finally:
        conn.close()


def test_the_services_take_over_the_first_screen_keeping_rows_and_selection(qtbot, folder):
    window = unshown_window(qtbot, folder)
    shown = []
    window.first_shown.connect(lambda: shown.append(window.loaded))
    window.start_loading()  # reads the first screen now; the services load after
    roster = window.roster
    panel = roster.members
    assert not window.loaded and window.services is None
    first = panel.model.rows()
    assert len(first) == first_screen.PAGE
    assert roster.model.nodes()  # the organisation tree is there
    assert roster.tree_panel.showing_all()
    total_text = panel.count_label.text()
    panel.select_row(7)
    chosen = panel.current_id()
    tree = roster.tree_panel.tree
    expanded = {tree.model().index(r, 0).data(ORG_ID_ROLE)
                for r in range(tree.model().rowCount()) if tree.isExpanded(
                    tree.model().index(r, 0))}
    assert expanded

    with qtbot.waitSignal(window.data_loaded, timeout=30_000):
        pass
    assert shown == [False]  # once, before the services were there
    after = panel.model.rows()
    assert after == window.services.roster.list_members(panel.query())
    assert after[:first_screen.PAGE] == first  # same rows on top, same order, masked alike
    assert panel.count_label.text() == total_text == f"{len(after)} member(s)"
    assert panel.current_id() == chosen
    assert roster.model.nodes() == {n.id: n for n in window.services.orgs.list_orgs()}
    still = {tree.model().index(r, 0).data(ORG_ID_ROLE)
             for r in range(tree.model().rowCount()) if tree.isExpanded(
                 tree.model().index(r, 0))}
    assert still == expanded
    window.close()


def test_a_grid_workers_first_screen_shows_only_their_members_masked(qtbot, folder):
    worker = Actor(login="grid-login", operator="网格员", role=access.GRID,
                   grids=frozenset({first_grid(folder)}))
    everyone = first_screen.read(folder / "gridoffice.sqlite3", Actor.open("王芳"),
                                 first_screen.MemberQuery(), limit=None)
    window = unshown_window(qtbot, folder, worker)
    window.start_loading()
    panel = window.roster.members
    first = panel.model.rows()
    assert everyone is not None and 0 < len(first) < len(everyone.rows)
    assert all(row.mobile is None or "*" in row.mobile for row in first)
    assert all(row.id_number is None or "*" in row.id_number for row in first)
    with qtbot.waitSignal(window.data_loaded, timeout=30_000):
        pass
    after = window.services.roster.list_members(panel.query())
    assert panel.model.rows() == after
    assert after[:len(first)] == first
    window.close()


def test_shown_the_window_says_first_screen_then_data_loaded(qtbot, folder):
    window = unshown_window(qtbot, folder)
    order = []
    window.first_shown.connect(lambda: order.append("first"))
    window.data_loaded.connect(lambda: order.append("loaded"))
    with qtbot.waitSignal(window.data_loaded, timeout=30_000):
        window.show()
    assert order == ["first", "loaded"]
    assert [tab.key for tab in window.tab_list] == [
        "roster", "households", "meetings", "inservice", "sync"]
    window.close()


def test_a_roster_sorted_by_another_column_shows_every_row_at_once(qtbot, folder):
    from PySide6.QtCore import Qt

    from gridoffice.ui.models.member_table import COL_BIRTH

    window = unshown_window(qtbot, folder)
    window._prepare(first_only=True)  # the tab, with the user's sort restored
    window.roster.members.view.sortByColumn(COL_BIRTH, Qt.SortOrder.DescendingOrder)
    window.start_loading()
    first = window.roster.members.model.rows()
    with qtbot.waitSignal(window.data_loaded, timeout=30_000):
        pass
    assert window.roster.members.model.rows() == first
    window.close()


def test_encrypted_data_shows_the_first_screen_of_the_signed_in_person(qtbot, folder):
    from gridoffice.services import encryption
    from gridoffice.services.accounts import AccountDraft, AccountService
    from gridoffice.store import driver

    database = folder / "gridoffice.sqlite3"
    AccountService(database).add(AccountDraft("admin", access.ADMIN, "王书记"), "secret-admin")
    encryption.encrypt(paths.resolve(folder))
    driver.set_key(database, None)  # as a new run of the program finds it
    actor = AccountService(database).sign_in("admin", "secret-admin")  # unlocks it
    try:
        window = unshown_window(qtbot, folder, actor)
        window.start_loading()
        first = window.roster.members.model.rows()
        assert len(first) == first_screen.PAGE
        with qtbot.waitSignal(window.data_loaded, timeout=30_000):
            pass
        assert window.roster.members.model.rows()[:first_screen.PAGE] == first
        window.close()
    finally:
        driver.set_key(database, None)


def test_the_longest_first_reads_run_in_the_background_and_show_the_same(qtbot, folder,
                                                                         monkeypatch):
    """The roster's members and organisations, the in-service registrations and the
    meetings are read while the services load, off the GUI thread; the tabs show
    exactly what the services read now. A query changed meanwhile is read again."""
    import threading

    from gridoffice.services.inservice import InServiceService
    from gridoffice.services.meetings import MeetingService
    from gridoffice.services.orgs import OrgService
    from gridoffice.services.roster import RosterService

    on_gui_thread: list[str] = []
    def spy(read, name):
        def reading(*args, **kwargs):
            if threading.current_thread() is threading.main_thread():
                on_gui_thread.append(name)
            return read(*args, **kwargs)
        return reading

    for cls, name in ((RosterService, "list_members"), (OrgService, "list_orgs"),
                      (InServiceService, "registrations"), (MeetingService, "list_meetings")):
        monkeypatch.setattr(cls, name, spy(getattr(cls, name), name))

    window = unshown_window(qtbot, folder)
    with qtbot.waitSignal(window.data_loaded, timeout=30_000):
        window.show()
    assert on_gui_thread == []
    services = window.services
    assert window.roster.members.model.rows() == services.roster.list_members(
        window.roster.members.query())
    assert window.inservice.model.rows() == services.inservice.registrations(
        window.inservice.query())
    assert window.meetings.model.rows() == services.meetings.list_meetings(
        window.meetings.query())
    assert window.meetings.model.rows() and window.inservice.model.rows()

    on_gui_thread.clear()
    roster = window.roster
    roster.use_prefetched({"members": (roster.members.query(), ([], None))})
    roster.members.invalidate()
    roster.members.search_edit.setText("张")  # another query: the stale rows are not used
    roster.members.reload()
    assert on_gui_thread == ["list_members"]
    assert roster.members.model.rows() == services.roster.list_members(roster.members.query())
    window.close()
