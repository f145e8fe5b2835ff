"""The window's first screen: the workbench shows the to-do and the figures before the
services are loaded (as the signed-in person may see them), then the services take
over without reading them again; the tabs' longest lists are read in the background.
Real demo folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from gridoffice import paths
from gridoffice.app_context import AppContext
from gridoffice.domain import access
from gridoffice.domain.access import Actor
from gridoffice.services import office
from gridoffice.store.files import open_database
from tests.actors import grid_worker
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



def not_visited(window) -> dict[str, int]:
    return {item.target.filters["grid_id"]: item.count
            for item in window.workbench.todo.items if item.key == "not_visited"}


def test_the_workbench_is_the_first_screen_and_the_services_take_over(qtbot, folder):
    window = unshown_window(qtbot, folder)
    shown = []
    window.first_shown.connect(lambda: shown.append(window.loaded))
    window.start_loading()  # reads the first screen now; the services load after
    bench = window.workbench
    assert [tab.key for tab in window.tab_list] == ["workbench"]
    assert not window.loaded and window.services is None
    first = bench.screen
    assert first is not None and bench.todo.items and not first.empty
    assert bench.todo.texts()[0].startswith(("！", "•"))
    assert bench.figures.values  # this month's and this year's figures
    assert bench.current_chart() is None  # the charts wait for the services

    with qtbot.waitSignal(window.data_loaded, timeout=30_000):
        pass
    assert shown == [False]  # once, before the services were there
    assert bench.screen is first  # taken over, not read again
    qtbot.waitUntil(lambda: bench.current_chart() is not None, timeout=10_000)
    assert bench.current_chart().key == "pyramid"
    assert window.tabs.currentWidget() is bench
    window.close()


def test_a_grid_workers_first_screen_counts_only_their_grid(qtbot, folder):
    worker = grid_worker(folder / "gridoffice.sqlite3")
    [grid] = worker.grids
    office_window = unshown_window(qtbot, folder)
    office_window.start_loading()
    everyone = not_visited(office_window)
    office_window.close()
    window = unshown_window(qtbot, folder, worker)
    window.start_loading()
    assert len(everyone) > 1 and not_visited(window) == {grid: everyone[grid]}
    members = window.workbench.screen.month.members
    assert 0 < members < office_window.workbench.screen.month.members
    with qtbot.waitSignal(window.data_loaded, timeout=30_000):
        pass
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
        "workbench", "roster", "households", "meetings", "inservice", "cobuild", "sync"]
    assert window.tabs.tabText(0) == "Workbench"
    window.close()


def test_encrypted_data_shows_the_first_screen_of_the_signed_in_person(qtbot, folder):
    from gridoffice.services import encryption
    from gridoffice.services.accounts import AccountDraft, AccountService
    from gridoffice.store import driver

    plain = unshown_window(qtbot, folder)
    plain.start_loading()
    expected = plain.workbench.todo.texts()
    plain.close()
    database = folder / "gridoffice.sqlite3"
    AccountService(database).add(AccountDraft("admin", access.ADMIN, "王书记"), "secret-admin")
    encryption.encrypt(paths.resolve(folder))
    driver.set_key(database, None)  # as a new run of the program finds it
    actor = AccountService(database).sign_in("admin", "secret-admin")  # unlocks it
    try:
        window = unshown_window(qtbot, folder, actor)
        window.start_loading()
        assert window.workbench.todo.texts() == expected
        with qtbot.waitSignal(window.data_loaded, timeout=30_000):
            pass
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
