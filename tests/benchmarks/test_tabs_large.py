"""Every tab on the large demo (20,000 members, ~3,600 households, ~5,000 in-service
registrations, a year of meetings and check-ins), driven as a user would.

Run: BENCHMARK_JSON_DIR=/tmp/bench python -m pytest tests/benchmarks/test_tabs_large.py \
         -m benchmark -s -p no:randomly

- a search keystroke in the roster, households and in-service tabs: text typed into the
  tab's search box, Enter pressed, until the tab has shown the rows (median and worst).
  Baseline: the SELECTs the keystroke sent, recorded and run bare on a raw connection
  (every row fetched) — what the query alone costs. Aim: ≤ 50 ms median.
- opening a meeting with 60 attendees and 10 agenda items (selecting it in the list).
  Baseline: one bare SELECT of its attendees and one of its items.
- the meetings' follow-up tracking view, and the yearly summaries (meetings, points by
  work unit). Baseline: their SELECTs run bare.
- peak memory (VmHWM) of a fresh GUI process after visiting every tab and page.
  Aim: ≤ 600 MB.
The data come from the session fixture ``large_demo`` (conftest.py, large_data.py).
Assertions are generous guards (3 × the aim); the aims are reported.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest

from gridoffice import paths
from gridoffice.app_context import AppContext
from gridoffice.services import office
from gridoffice.store.files import open_database
from tests.benchmarks.large_data import (
    DATA_FILE,
    add_big_meeting,
    bare_sql_ms,
    copy_of,
    recorded_sql,
)
from tests.benchmarks.report import PEAK_MB, Figure, median, report, run_child

ROSTER_TYPED = ("z", "zh", "zhang", "w", "wang", "l", "li", "5", "5678", "张", "王", "刘",
                "zw", "lj")
HOUSEHOLD_TYPED = ("z", "zh", "zhang", "w", "wang", "3-2", "5678", "张", "李娜", "zw")
INSERVICE_TYPED = ("z", "zh", "zhang", "w", "wang", "ZB", "ZB01", "ZB0123", "张", "王", "zw")


def _window(qtbot, folder: Path):
    app_paths = paths.resolve(folder)
    opened = open_database(app_paths)
    context = AppContext(app_paths, opened, "en", "", office.load_profile(opened.path))
    from gridoffice.ui.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.data_loaded, timeout=120_000):
        window.show()
    return window


def _keystrokes(qtbot, edit, loaded, typed, path: Path
                ) -> tuple[list[float], list[float], int]:
    """Each text typed into ``edit`` then Enter, until ``loaded`` fires (ms); the bare
    cost of the SELECTs each keystroke sent (ms); how many SELECTs they were in all."""
    measured, bare, count = [], [], 0
    for text in typed:
        edit.setText(text)
        with recorded_sql() as statements:
            start = time.perf_counter()
            with qtbot.waitSignal(loaded, timeout=60_000):
                QTest.keyClick(edit, Qt.Key.Key_Return)
            measured.append((time.perf_counter() - start) * 1000)
        bare.append(bare_sql_ms(path, statements))
        count += len(statements)
    edit.clear()
    return measured, bare, count


def _search_figures(tab: str, measured: list[float], bare: list[float],
                    count: int) -> list[Figure]:
    return [Figure(f"{tab}: search keystroke, median of {len(measured)}", median(measured),
                   median(bare), aim="≤ 50 ms",
                   note=f"baseline: its SELECTs bare, {count / len(measured):.1f} a keystroke"),
            Figure(f"{tab}: search keystroke, worst", max(measured), max(bare))]


@pytest.mark.benchmark
def test_every_tab_on_the_large_demo(qtbot, tmp_path, large_demo):
    folder = copy_of(large_demo, tmp_path / "data")
    path = folder / DATA_FILE
    meeting_id = add_big_meeting(path)
    window = _window(qtbot, folder)
    figures: list[Figure] = []

    roster = window.roster.members
    shown = roster.model.rowCount()
    roster_ms, roster_bare, count = _keystrokes(qtbot, roster.search_edit, roster.loaded,
                                                ROSTER_TYPED, path)
    figures += _search_figures(f"roster ({shown} members)", roster_ms, roster_bare, count)

    window.tabs.setCurrentWidget(window.households)
    households = window.households
    qtbot.waitUntil(lambda: not households.running_jobs(), timeout=60_000)
    shown = households.model.rowCount()
    house_ms, house_bare, count = _keystrokes(qtbot, households.search_edit,
                                              households.loaded, HOUSEHOLD_TYPED, path)
    figures += _search_figures(f"households ({shown} residents of a grid)", house_ms,
                               house_bare, count)

    window.tabs.setCurrentWidget(window.inservice)
    inservice = window.inservice
    shown = inservice.registrations.model.rowCount()
    ins_ms, ins_bare, count = _keystrokes(qtbot, inservice.search_edit, inservice.loaded,
                                          INSERVICE_TYPED, path)
    figures += _search_figures(f"in-service ({shown} registrations)", ins_ms, ins_bare,
                               count)

    # opening a meeting of 60 attendees and 10 items: selecting it in the list
    window.tabs.setCurrentWidget(window.meetings)
    meetings = window.meetings
    meetings.reload()
    opens: list[float] = []
    for _ in range(5):
        meetings.view.setCurrentIndex(QModelIndex())  # nothing selected, nothing shown
        with recorded_sql() as statements:
            start = time.perf_counter()
            assert meetings.select_meeting(meeting_id)
            opens.append((time.perf_counter() - start) * 1000)
    assert meetings.detail.attendee_model.rowCount() == 60
    from tests import sql

    conn = sql.connect(path)
    bare_open = []
    for _ in range(5):
        start = time.perf_counter()
        conn.execute("SELECT * FROM meeting_attendee WHERE meeting_id = ? AND NOT deleted",
                     (meeting_id,)).fetchall()
        conn.execute("SELECT * FROM agenda_item WHERE meeting_id = ? AND NOT deleted",
                     (meeting_id,)).fetchall()
        bare_open.append((time.perf_counter() - start) * 1000)
    conn.close()
    figures.append(Figure("open a meeting of 60 attendees, 10 items (median of 5)",
                          median(opens), median(bare_open),
                          note=f"{len(statements)} SELECTs; those bare: "
                               f"{bare_sql_ms(path, statements):.1f} ms"))

    # the follow-up tracking view (second page of the meetings tab)
    follow_ms, follow_bare = [], []
    meetings.pages.setCurrentIndex(1)
    view = meetings.follow_ups
    for _ in range(3):
        with recorded_sql() as statements:
            start = time.perf_counter()
            view.refresh()
            follow_ms.append((time.perf_counter() - start) * 1000)
        follow_bare.append(bare_sql_ms(path, statements))
    figures.append(Figure(f"follow-up tracking view ({view.model.rowCount()} rows), median",
                          median(follow_ms), median(follow_bare)))

    # yearly summaries: meetings of a year, points of the year by work unit
    from gridoffice.domain import inservice as rules

    year = meetings.service.today().year
    for name, action in (
            ("year summary of meetings", lambda: meetings.service.year_summary(year)),
            ("points summary by work unit (year)",
             lambda: inservice.service.unit_summaries(rules.parse_period(str(year))))):
        took, bare = [], []
        for _ in range(3):
            with recorded_sql() as statements:
                start = time.perf_counter()
                action()
                took.append((time.perf_counter() - start) * 1000)
            bare.append(bare_sql_ms(path, statements))
        figures.append(Figure(name + ", median", median(took), median(bare)))
    report("tabs_large", figures)
    # guards: 3 x the aim where the aim is met today; the in-service search (over a
    # second here before the services read by index) 3 x what it is
    assert median(roster_ms) < 150 and median(house_ms) < 150
    assert median(ins_ms) < 3000


GUI_MEMORY = """
import json, os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from gridoffice import paths
from gridoffice.app_context import AppContext
from gridoffice.services import office
from gridoffice.store.files import open_database
from gridoffice.ui.main_window import MainWindow
app_paths = paths.resolve(Path(sys.argv[1]))
opened = open_database(app_paths)
context = AppContext(app_paths, opened, "en", "", office.load_profile(opened.path))
window = MainWindow(context)
shown = []
window.data_loaded.connect(lambda: shown.append(1))
window.show()
def settle(seconds=0.5, until=None):
    end = time.monotonic() + 120
    while time.monotonic() < end:
        app.processEvents()
        if until is None or until():
            break
        time.sleep(0.01)
    stop = time.monotonic() + seconds
    while time.monotonic() < stop:
        app.processEvents()
        time.sleep(0.01)
settle(until=lambda: shown)
visited = []
for index in range(window.tabs.count()):
    window.tabs.setCurrentIndex(index)
    tab = window.tabs.widget(index)
    settle(until=lambda: not getattr(tab, "running_jobs", lambda: [])())
    visited.append(getattr(tab, "key", str(index)))
    pages = getattr(tab, "pages", None)
    if pages is not None:
        for page in range(pages.count()):
            pages.setCurrentIndex(page)
            settle(until=lambda: not getattr(tab, "running_jobs", lambda: [])())
    if hasattr(tab, "page"):
        for page in range(1, 4):
            try:
                tab.page(page)
            except Exception:
                pass
        settle()
print(json.dumps({"visited": visited, "peak_mb": PEAK}))
""".replace("PEAK", PEAK_MB)

BARE_WINDOW = """
import json, os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication([])
window = QMainWindow()
window.setCentralWidget(QTableView())
window.show()
app.processEvents()
print(json.dumps({"peak_mb": PEAK}))
""".replace("PEAK", PEAK_MB)


@pytest.mark.benchmark
def test_gui_memory_after_every_tab(large_demo):
    ours = run_child(GUI_MEMORY, str(large_demo))
    bare = run_child(BARE_WINDOW)
    report("gui_memory", [Figure(f"GUI peak memory after visiting {', '.join(ours['visited'])}",
                                 ours["peak_mb"], bare["peak_mb"], unit="MB",
                                 aim="≤ 600 MB", note="baseline: a bare PySide6 window")])
    assert ours["peak_mb"] < 1800
