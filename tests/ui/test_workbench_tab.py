"""The workbench tab as a worker uses it: every to-do item clicked (or chosen with the
keyboard) opens its tab with the filter that shows exactly the records it counts;
each part is read again only when a change touches it; the empty office says how to
start and loads the demo; the work report prints from the tab. Real demo folders."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from gridoffice.services import workbench_screen
from gridoffice.services.changes import Changes
from gridoffice.ui.tabs.sync.tab import PAGE_CONFLICTS, PAGE_PEERS
from tests import sql
from tests.actors import grid_worker
from tests.conftest import copy_demo
from tests.street_fixture import make_street
from tests.ui.conftest import wait_for_start_check
from tests.ui.windows import open_window


@pytest.fixture
def folder(tmp_path, demo_templates) -> Path:
    return copy_demo(demo_templates(3), tmp_path)


@pytest.fixture
def demo_window(qtbot, folder):
    main = open_window(qtbot, folder)
    yield main
    main.close()


def click(qtbot, bench, index: int) -> None:
    """Click the ``index``-th item of the to-do list, as a user does."""
    todo = bench.todo.list
    rect = todo.visualItemRect(todo.item(index))
    qtbot.mouseClick(todo.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def shown_count(qtbot, window, item) -> int:
    """How many records the view the item opened lists (households: how many
    households its residents live in)."""
    key = item.key
    if key.startswith("probation"):
        return len(window.roster.reminders.due_model.rows())
    if key == "transfers":
        return window.roster.members.model.rowCount()
    if key in ("not_visited", "care_not_visited"):
        rows = window.households.model.rows()
        return len({r.household_id for r in rows}) if key == "not_visited" else len(rows)
    if key.startswith("follow_ups"):
        return window.meetings.follow_ups.model.rowCount()
    if key in ("registrations_pending", "reregistration_due"):
        return window.inservice.model.rowCount()
    if key.startswith("orders_"):
        return window.tab("cobuild").orders_page.model.rowCount()
    raise AssertionError(key)


def settled(qtbot, window) -> None:
    """The check after start (and its daily backup) done, the workbench read again."""
    wait_for_start_check(qtbot, window)
    qtbot.waitUntil(lambda: not window.workbench._jobs, timeout=20_000)



@pytest.mark.parametrize("who", ["office", "grid worker"])
def test_every_item_opens_the_view_that_lists_what_it_counts(qtbot, folder, who):
    actor = None
    if who == "grid worker":
        actor = grid_worker(folder / "gridoffice.sqlite3")
    window = open_window(qtbot, folder, actor=actor)
    bench = window.workbench
    assert window.tabs.currentWidget() is bench
    settled(qtbot, window)
    items = list(bench.todo.items)
    keys = {item.key for item in items}
    counted = {"not_visited", "care_not_visited"}
    if who == "office":
        counted |= {"probation_overdue", "transfers", "follow_ups_overdue",
                    "registrations_pending", "reregistration_due", "orders_new",
                    "orders_overdue"}
    assert counted <= keys, keys
    checked = 0
    for index, item in enumerate(items):
        window.tabs.setCurrentWidget(bench)
        if item.key in ("not_visited", "care_not_visited"):
            with qtbot.waitSignal(window.households.loaded, timeout=20_000):
                click(qtbot, bench, index)
        else:
            click(qtbot, bench, index)
        if item.key.startswith("backup"):  # File ▸ Back up now
            job = window.backup_actions.backup_job
            assert job is not None
            qtbot.waitUntil(lambda: window.backup_actions.backup_job is None, timeout=20_000)
            continue
        target = window.tabs.currentWidget()
        assert target.key == item.target.tab, item.key
        if item.key == "next_council":
            assert window.meetings.current_id() == item.target.filters["meeting_id"]
        elif item.key == "peers_quiet":
            assert window.sync.pages.currentIndex() == PAGE_PEERS
        elif item.key == "conflicts":
            assert window.sync.pages.currentIndex() == PAGE_CONFLICTS
        elif not item.key.startswith("backup"):
            assert shown_count(qtbot, window, item) == item.count, item.key
            checked += 1
    assert checked >= len(counted)
    # the keyboard: the list has the focus, Down and Enter open the second item
    window.tabs.setCurrentWidget(bench)
    bench.todo.list.setCurrentRow(0)
    bench.todo.list.setFocus()
    qtbot.keyClick(bench.todo.list, Qt.Key.Key_Down)
    qtbot.keyClick(bench.todo.list, Qt.Key.Key_Return)
    assert window.tabs.currentWidget().key == items[1].target.tab
    window.close()


def test_the_grid_filter_shows_its_households_not_visited(qtbot, demo_window):
    window = demo_window
    bench = window.workbench
    settled(qtbot, window)
    grids = [(i, item) for i, item in enumerate(bench.todo.items) if item.key == "not_visited"]
    assert len(grids) > 1
    index, item = grids[1]
    with qtbot.waitSignal(window.households.loaded, timeout=20_000):
        click(qtbot, bench, index)
    households = window.households
    assert households.grid_combo.currentData() == item.target.filters["grid_id"]
    assert households.visit_check.isChecked() and households.visit_spin.value() == 90
    assert households.count_label.text().endswith(f", {item.count} household(s)")
    assert {r.grid_id for r in households.model.rows()} == {item.target.filters["grid_id"]}


def test_a_change_reads_again_only_the_parts_it_touches(qtbot, demo_window, monkeypatch):
    window = demo_window
    bench = window.workbench
    settled(qtbot, window)
    qtbot.waitUntil(lambda: bench.current_chart() is not None, timeout=20_000)
    reads: list[str] = []
    screen, chart = workbench_screen.read_screen, workbench_screen.read_chart
    monkeypatch.setattr(workbench_screen, "read_screen",
                        lambda *a, **k: reads.append("screen") or screen(*a, **k))
    monkeypatch.setattr(workbench_screen, "read_chart",
                        lambda *a, **k: reads.append("chart") or chart(*a, **k))

    def settle() -> None:
        qtbot.waitUntil(lambda: not bench._jobs, timeout=20_000)

    assert bench.charts.key() == "pyramid"  # of the residents
    window.broadcast(None, Changes.of("follow_up"))
    settle()
    assert reads == ["screen"]
    reads.clear()
    window.broadcast(None, Changes.of("resident"))
    settle()
    assert sorted(reads) == ["chart", "screen"]
    reads.clear()
    window.broadcast(None, Changes.of("setting"))  # nothing the workbench shows
    settle()
    assert reads == []
    # hidden, it waits; shown again, it reads once what changed meanwhile
    window.tabs.setCurrentWidget(window.roster)
    window.broadcast(None, Changes.of("meeting"))
    window.broadcast(None, Changes.of("member"))
    assert reads == [] and not bench._jobs
    window.tabs.setCurrentWidget(bench)
    settle()
    assert reads == ["screen"]


def test_marking_a_follow_up_done_updates_the_count(qtbot, demo_window):
    window = demo_window
    bench = window.workbench
    settled(qtbot, window)
    before = {item.key: item.count for item in bench.todo.items}
    service = window.services.meetings
    from gridoffice.services.meetings import FollowUpQuery

    overdue = service.follow_ups(FollowUpQuery(state="overdue"))
    assert len(overdue) == before["follow_ups_overdue"]
    service.complete_follow_up(overdue[0].id, feedback="已办结")
    window.broadcast(None, Changes.of("follow_up"))
    qtbot.waitUntil(lambda: not bench._jobs, timeout=20_000)
    after = {item.key: item.count for item in bench.todo.items}
    assert after.get("follow_ups_overdue", 0) == before["follow_ups_overdue"] - 1
    done = bench.figures.values["Follow-ups done / in all"]
    assert done[1].split("/")[0] == str(bench.screen.year.follow_ups_done)


def test_printing_the_sign_in_sheet_ticks_the_next_council(qtbot, demo_window, tmp_path):
    window = demo_window
    bench = window.workbench
    [council] = [item for item in bench.todo.items if item.key == "next_council"]
    assert council.values["printed"] is False
    meetings = window.meetings
    window.tabs.setCurrentWidget(meetings)
    meetings.open_view("meeting", council.target.filters)
    with qtbot.waitSignal(meetings.ledgers.opened, timeout=60_000) as blocker:
        meetings.ledger_menu.action("sign-in").trigger()
    preview = blocker.args[0]
    preview.save_to(tmp_path / "sign-in.pdf")
    window.tabs.setCurrentWidget(bench)
    qtbot.waitUntil(lambda: any(item.key == "next_council" and item.values["printed"]
                                for item in bench.todo.items), timeout=20_000)
    assert any("签到表已打印" in text or "sign-in sheet printed" in text
               for text in bench.todo.texts())
    preview.close()


def test_the_work_report_prints_from_the_workbench(qtbot, demo_window, tmp_path):
    window = demo_window
    bench = window.workbench
    assert not bench.print_button.isHidden()
    with qtbot.waitSignal(bench.ledgers.opened, timeout=60_000) as blocker:
        bench.ledger_menu.action("report", "month").trigger()
    preview = blocker.args[0]
    assert preview.suggested_name == f"社区工作情况报表_{dt.date.today():%Y-%m}.pdf"
    saved = tmp_path / "report.pdf"
    preview.save_to(saved)
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(saved).pages)
    assert "社区工作情况报表" in text and "推动解决问题" in text
    preview.close()


def test_an_empty_office_says_how_to_start_and_loads_the_demo(qtbot, window, message_log):
    from PySide6.QtWidgets import QMessageBox

    bench = window.workbench
    assert bench.pages.currentWidget() is bench.empty_page
    page = bench.empty_page
    assert page.title.text() == "No data yet"
    shown = [b.text() for b in page.buttons() if not b.isHidden()]
    assert shown == ["Import the party roster…", "Import household records…",
                     "Load the demo data"]
    # 导入党员名册 opens the roster's import
    opened = []
    window.roster.import_members = lambda: opened.append("roster")
    window.households.import_residents = lambda: opened.append("households")
    page.members_button.click()
    assert window.tabs.currentWidget() is window.roster
    page.residents_button.click()
    assert window.tabs.currentWidget() is window.households and opened == [
        "roster", "households"]
    window.tabs.setCurrentWidget(bench)
    # 载入示例, once confirmed
    message_log.answers.append(QMessageBox.StandardButton.Yes)
    page.demo_button.click()
    job = bench.demo.job
    qtbot.waitUntil(lambda: not job.running, timeout=120_000)
    qtbot.waitUntil(lambda: bench.pages.currentWidget() is bench.splitter, timeout=20_000)
    assert bench.todo.items and bench.screen.month.members > 0
    window.tabs.setCurrentWidget(window.roster)
    assert window.roster.members.model.rowCount() == bench.screen.month.members


def test_a_demo_cancelled_leaves_the_office_empty(qtbot, window, message_log, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from gridoffice.services import demo

    real = demo.fill

    def fill_then_cancel(db, **kwargs):
        progress = kwargs["progress"]

        def report(phase: str) -> None:
            progress(phase)
            if phase == "households":
                bench.demo.job.cancel()  # the user pressed Cancel half-way
        return real(db, **{**kwargs, "progress": report})

    monkeypatch.setattr(demo, "fill", fill_then_cancel)
    bench = window.workbench
    before = sql.digest(window.context.opened.path)
    message_log.answers.append(QMessageBox.StandardButton.Yes)
    bench.empty_page.demo_button.click()
    job = bench.demo.job
    qtbot.waitUntil(lambda: not job.running, timeout=120_000)
    assert sql.digest(window.context.opened.path) == before
    assert bench.pages.currentWidget() is bench.empty_page


def test_the_street_office_sees_its_communities_side_by_side(qtbot, street_folder):
    window = open_window(qtbot, street_folder)
    bench = window.workbench
    assert not bench.communities.isHidden()
    qtbot.waitUntil(lambda: bench.communities.model.rowCount() >= 3, timeout=20_000)
    rows = bench.communities.model.rows()
    names = [row.name for row in rows[:-1]]
    assert rows[-1].name == "" and rows[-1].members == sum(r.members for r in rows[:-1])
    assert bench.charts.key() == "communities"
    chart = bench.current_chart()
    assert chart is not None and list(chart.categories) == names
    assert list(chart.series[0].values) == [row.members for row in rows[:-1]]
    window.close()


@pytest.fixture(scope="module")
def street_template(tmp_path_factory) -> Path:
    return Path(make_street(tmp_path_factory.mktemp("street"),
                            communities=("幸福里社区", "和平里社区")))


@pytest.fixture
def street_folder(tmp_path, street_template) -> Path:
    target = tmp_path / "street"
    shutil.copytree(street_template, target)
    return target


def test_the_pyramid_of_one_grid_and_every_chart_offered(qtbot, demo_window):
    window = demo_window
    bench = window.workbench
    settled(qtbot, window)
    qtbot.waitUntil(lambda: bench.current_chart() is not None, timeout=20_000)
    whole = bench.current_chart()
    combo = bench.charts.grid_combo
    assert not combo.isHidden() and combo.count() == len(bench.screen.grids) + 1
    combo.setCurrentIndex(1)
    qtbot.waitUntil(lambda: bench.current_chart() is not whole, timeout=20_000)
    grid = bench.current_chart()
    assert 0 < grid.total() + grid.total(1) < whole.total() + whole.total(1)
    keys = [bench.charts.chart_combo.itemData(i)
            for i in range(bench.charts.chart_combo.count())]
    assert keys == ["pyramid", "visits", "member_age", "party_age", "education",
                    "follow_ups", "service_hours"]
    for index, key in enumerate(keys[1:], start=1):
        bench.charts.chart_combo.setCurrentIndex(index)
        qtbot.waitUntil(lambda k=key: bench.current_chart() is not None
                        and bench.current_chart().key == k, timeout=20_000)
        assert combo.isHidden()  # a grid is chosen for the pyramid only
        assert bench.charts.panel.model.rowCount() == len(bench.current_chart().categories)


def test_a_viewer_in_an_empty_office_is_told_who_imports(window):
    from gridoffice.domain import access
    from gridoffice.domain.access import Actor

    bench = window.workbench
    viewer = Actor(login="viewer1", operator="查看员", role=access.VIEWER)
    window.set_actor(viewer)
    page = bench.empty_page
    assert bench.pages.currentWidget() is page
    assert all(button.isHidden() for button in page.buttons())
    assert "administrator" in page.text.text()


def test_the_transfers_item_widens_the_roster_to_every_organisation_reading_once(
        qtbot, demo_window):
    window = demo_window
    bench, roster = window.workbench, window.roster
    settled(qtbot, window)
    [(index, item)] = [(i, it) for i, it in enumerate(bench.todo.items)
                       if it.key == "transfers"]
    window.tabs.setCurrentWidget(roster)
    some_org = list(roster.model.nodes())[1]  # not the current one: a change of choice
    assert roster.tree_panel.select_org(some_org) and not roster.tree_panel.showing_all()
    window.tabs.setCurrentWidget(bench)
    loads: list[int] = []
    roster.members.loaded.connect(loads.append)
    click(qtbot, bench, index)
    assert roster.tree_panel.showing_all()
    assert loads == [item.count] and roster.members.model.rowCount() == item.count
