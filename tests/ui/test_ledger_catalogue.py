"""Every tab's print menu is its area of the ledger catalogue, and every ledger printed
from the window records exactly one audit entry per save and per print, under the
target the command line records."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter

from gridoffice.ledgers import catalogue
from tests import sql
from tests.conftest import cli_demo
from tests.ui.test_street_view import street_template, street_window  # noqa: F401
from tests.ui.windows import open_window

pytest.importorskip("gridoffice.ledgers.inservice_ledger")

AREAS = {"roster": "roster", "households": "households", "meetings": "meetings",
         "inservice": "inservice", "sync": "sync"}


def _menu_ledgers(tab) -> list[str]:
    return tab.ledger_menu.ledgers_shown()


def test_each_tabs_print_menu_is_its_area_of_the_catalogue(window):
    for attribute, area in AREAS.items():
        tab = getattr(window, attribute)
        entries = catalogue.for_area(area)
        assert entries, area
        assert _menu_ledgers(tab) == [entry.name for entry in entries], area
        expected = [(e.name, item.key) for e in entries for item in e.actions]
        assert len(tab.ledger_menu.actions()) == len(expected)
        for name, key in expected:
            assert tab.ledger_menu.action(name, key) in tab.ledger_menu.menu.actions()
        if hasattr(tab, "print_menu"):
            assert tab.print_menu is tab.ledger_menu.menu
    # the actions the window and the tests know by name are the catalogue's
    assert window.ledger_action is window.roster.ledger_menu.action("orgs")
    assert window.roster.members.ledger_action is window.roster.ledger_menu.action("roster")
    for name in ("roster", "orgs"):  # File ▸ the roster's two ledgers
        assert window.roster.ledger_menu.action(name) in window.file_menu.actions()
    assert window.meetings.minutes_action.shortcut().toString() == "Ctrl+P"
    assert window.inservice.register_print_action.shortcut().toString() == "Ctrl+P"
    assert window.sync.summary_action.shortcut().toString() == "Ctrl+P"
    assert window.roster.members.ledger_action.shortcut().toString() == "Ctrl+P"


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory) -> Path:
    return cli_demo(tmp_path_factory.mktemp("gui-catalogue") / "office", 1)


@pytest.fixture
def demo_window(qtbot, tmp_path, demo_template):
    folder = tmp_path / "office"
    shutil.copytree(demo_template, folder)
    main = open_window(qtbot, folder)
    yield main
    main.close()


def _audit_rows(database: Path, after: int) -> list[tuple[str, str, str]]:
    with sql.connect(database) as con:
        return con.execute("SELECT action, target, detail FROM audit_log WHERE rowid > ? "
                           "ORDER BY rowid", (after,)).fetchall()


def _last_rowid(database: Path) -> int:
    with sql.connect(database) as con:
        return con.execute("SELECT coalesce(max(rowid), 0) FROM audit_log").fetchone()[0]


def _save_and_print(qtbot, tab, action, database: Path, target: str, tmp_path: Path) -> None:
    """Trigger ``action``; the preview's save and print each add one entry ``target``."""
    before = _last_rowid(database)
    with qtbot.waitSignal(tab.ledgers.opened, timeout=60_000) as blocker:
        action.trigger()
    preview = blocker.args[0]
    saved = tmp_path / f"{before}.pdf"
    preview.save_to(saved)
    assert saved.is_file()
    [(action_name, recorded, detail)] = _audit_rows(database, before)
    assert (action_name, recorded) == ("print", target)
    assert str(saved) in detail
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / f"{before}-printed.pdf"))
    pages = preview.print_to(printer)
    rows = _audit_rows(database, before)
    assert len(rows) == 2 and rows[1][:2] == ("print", target)
    assert str(pages) in rows[1][2]
    with qtbot.waitSignal(preview.destroyed):
        preview.close()


def test_every_ledger_printed_from_the_window_is_audited_under_its_target(
        qtbot, demo_window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from gridoffice.domain.codes import CARE_TAGS
    from gridoffice.ui.dialogs.member_dialogs import RosterLedgerDialog
    from gridoffice.ui.models.household_tree import KIND_GRID

    window = demo_window
    database = window.context.opened.path
    monkeypatch.setattr(RosterLedgerDialog, "ask",
                        classmethod(lambda cls, parent, scope, day: day))
    monkeypatch.setattr(QInputDialog, "getItem",
                        staticmethod(lambda parent, title, label, items, *a: (items[0], True)))
    with sql.connect(database) as con:
        grid_id = con.execute("SELECT id FROM grid WHERE NOT deleted ORDER BY code").fetchone()[0]
        meeting_id = con.execute("SELECT id FROM meeting WHERE NOT deleted AND meeting_type = "
                                 "'council' ORDER BY start_at").fetchone()[0]
        registration_id, unit_id = con.execute(
            "SELECT id, work_unit_id FROM registration WHERE review_status = "
            "'approved' AND left_on IS NULL ORDER BY code").fetchone()
    done: set[str] = set()

    # the roster
    roster = window.roster
    _save_and_print(qtbot, roster, roster.ledger_menu.action("orgs"), database, "orgs",
                    tmp_path)
    _save_and_print(qtbot, roster, roster.ledger_menu.action("roster"), database, "roster",
                    tmp_path)
    done |= {"orgs", "roster"}

    # the households: a grid chosen in the tree
    households = window.households
    window.tabs.setCurrentWidget(households)
    qtbot.waitUntil(lambda: households.tree_model.index_of(KIND_GRID, grid_id).isValid(),
                    timeout=10_000)
    households.tree.setCurrentIndex(households.tree_model.index_of(KIND_GRID, grid_id))
    qtbot.waitUntil(lambda: households._scope_grid_id() == grid_id, timeout=10_000)
    tag = list(CARE_TAGS)[0].code
    for name, target in (("household", "household_forms"), ("grid", "grid_summary"),
                         ("care", f"care_list:{tag}")):
        _save_and_print(qtbot, households, households.ledger_menu.action(name), database,
                        target, tmp_path)
        done.add(name)

    # the meetings: a council selected, the year of the filter
    meetings = window.meetings
    window.tabs.setCurrentWidget(meetings)
    meetings.reload(meeting_id)
    qtbot.waitUntil(lambda: meetings.current_id() == meeting_id, timeout=10_000)
    year = meetings.year_combo.currentData() or meetings.service.today().year
    for name, target in (("minutes", "meeting_minutes"),
                         ("sign-in", f"meeting_sign_in:{meeting_id}"),
                         ("followups", "meeting_follow_ups"),
                         ("meetings-summary", f"meeting_summary:{year}")):
        _save_and_print(qtbot, meetings, meetings.ledger_menu.action(name), database, target,
                        tmp_path)
        done.add(name)

    # the in-service members: an approved member selected (their work unit with them)
    inservice = window.inservice
    window.tabs.setCurrentWidget(inservice)
    inservice.refresh()
    assert inservice.select_registration(registration_id)
    assert inservice._chosen_unit() == unit_id
    period = inservice._period().text
    targets = {"checkin-register": "inservice_register", "checkin-forms": "inservice_forms",
               "service-cards": f"inservice_service_cards:{period}",
               "points": f"inservice_points:{period}",
               "checkin-cards": "inservice_checkin_cards"}
    for entry in catalogue.for_area("inservice"):
        if entry.output == "folder":
            continue
        for item in entry.actions:
            _save_and_print(qtbot, inservice, inservice.ledger_menu.action(entry.name, item.key),
                            database, targets[entry.name], tmp_path)
        done.add(entry.name)
    # the letters: one entry per letter, each under the command line's target
    letters = tmp_path / "letters"
    letters.mkdir()
    monkeypatch.setattr(inservice, "ask_folder", lambda: str(letters))
    before = _last_rowid(database)
    inservice.ledger_menu.action("unit-letters").trigger()
    job = inservice.letters_job
    qtbot.waitUntil(lambda: not job.running, timeout=60_000)
    written = sorted(letters.glob("*.pdf"))
    rows = _audit_rows(database, before)
    assert written and sorted(rows) == sorted(
        ("print", f"inservice_unit_letter:{period}", str(p)) for p in written)
    done.add("unit-letters")

    # the workbench: the work report of this month and of this year
    bench = window.workbench
    window.tabs.setCurrentWidget(bench)
    today = dt.date.today()
    for key, period in (("month", f"{today:%Y-%m}"), ("year", str(today.year))):
        _save_and_print(qtbot, bench, bench.ledger_menu.action("report", key), database,
                        f"work_report:{period}", tmp_path)
    done.add("report")

    reachable = {e.name for area in ("roster", "households", "meetings", "inservice",
                                     "workbench") for e in catalogue.for_area(area)}
    assert done == reachable


def test_the_street_summary_is_audited_under_its_target(qtbot, street_window, tmp_path,  # noqa: F811
                                                        monkeypatch):
    from gridoffice.ui.tabs import sync as sync_tab

    tab = street_window.sync
    monkeypatch.setattr(sync_tab.SummaryYearDialog, "ask", staticmethod(lambda parent: 2026))
    database = street_window.context.opened.path
    _save_and_print(qtbot, tab, tab.summary_action, database, "street_summary:2026", tmp_path)
    assert [e.name for e in catalogue.for_area("sync")] == ["street-summary"]
