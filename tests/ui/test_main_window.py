"""The main window: title, status bar, menus, settings, start-up; run() and fatal errors."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHeaderView, QMessageBox, QTableView

from gridoffice import __version__
from gridoffice.errors import StorageError
from gridoffice.services import office
from gridoffice.store.files import MSG_LOCKED

ROOT = Path(__file__).resolve().parents[2]


def test_title_status_bar_and_tabs(window, context):
    assert window.windowTitle() == "GridOffice — 幸福里社区 (幸福街道)"
    assert window.office_label.text() == "Office: 幸福里社区, 幸福街道"
    assert window.role_label.text() == "Role: Community office"
    assert window.data_label.text() == f"Data: {context.paths.data_dir}"
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert tabs == ["Workbench", "Party members", "Grid households", "Resident council",
                    "In-service members", "Co-building", "Sync"]
    assert window.inservice.service is not None
    assert window.loaded and window.roster.service.operator == "王芳"


def test_menus_and_shortcuts(window):
    menus = {action.text(): action.menu() for action in window.menuBar().actions()}
    assert list(menus) == ["&File", "&Edit", "&Settings", "&Help"]
    file_texts = [a.text() for a in menus["&File"].actions()
                  if not a.isSeparator() and a.isVisible()]  # signed-in entries hidden
    assert file_texts == ["Import members from Excel…", "Export this view to Excel…",
                          "Roster of party members…", "Ledger of party organisations…",
                          "Back up now", "Restore from backup…", "Open data folder", "Quit"]
    assert window.quit_action.shortcut() == QKeySequence("Ctrl+Q")
    assert window.undo_action.shortcut() == QKeySequence("Ctrl+Z")
    assert QKeySequence("Ctrl+Shift+Z") in window.redo_action.shortcuts()
    assert not window.undo_action.isEnabled()  # nothing to undo yet
    assert window.ledger_action.isEnabled()


def test_about_names_version_and_data_folder(window, context, message_log):
    window.about_action.trigger()
    box = message_log.boxes[-1]
    assert box.title == "About GridOffice"
    assert f"GridOffice {__version__}" in box.text
    assert str(context.paths.data_dir) in box.text


def test_settings_change_updates_title_and_operator(window, dialogs, ui, context):
    def fill(dialog):
        ui.type_into(dialog.name_edit, "安康里社区")
        ui.type_into(dialog.operator_edit, "赵敏")
        ui.click_ok(dialog)

    dialogs.expect(fill)
    window.settings_action.trigger()
    assert window.windowTitle() == "GridOffice — 安康里社区 (幸福街道)"
    assert window.roster.service.operator == "赵敏"
    assert office.load_profile(context.opened.path).name == "安康里社区"


def test_window_layout_is_kept_in_the_data_folder(qtbot, context):
    from gridoffice.ui.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.data_loaded):
        window.show()
    window.roster.tree_panel.show_retired_box.setChecked(True)
    window.close()
    ini = context.paths.data_dir / "window.ini"
    assert ini.is_file()
    settings = QSettings(str(ini), QSettings.Format.IniFormat)
    assert settings.value("main/geometry") is not None
    again = MainWindow(context)
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.data_loaded):
        again.show()
    assert again.roster.tree_panel.show_retired_box.isChecked()


def test_reopened_tables_fit_their_columns_to_the_first_rows_only(qtbot, context):
    """A column fitted to its contents reads the rows it is fitted to at every change of
    rows or selection: 100 of them, not Qt's 1,000 that a layout saved before brings
    back."""
    from gridoffice.ui.main_window import MainWindow
    from gridoffice.ui.widgets.tables import FITTED_ROWS

    def headers(window):
        return [view.horizontalHeader() for view in window.findChildren(QTableView)
                if view.horizontalHeader().sectionResizeMode(0)
                == QHeaderView.ResizeMode.ResizeToContents]

    for _ in range(2):  # the second window restores the layout the first one saved
        window = MainWindow(context)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.data_loaded):
            window.show()
        fitted = headers(window)
        assert len(fitted) > 5
        assert {header.resizeContentsPrecision() for header in fitted} == {FITTED_ROWS}
        for header in fitted:
            header.setResizeContentsPrecision(1000)  # saved as a layout of old had it
        window.close()


def test_window_without_profile_still_opens(qtbot, context):
    from gridoffice.ui.main_window import MainWindow

    context.profile = None
    window = MainWindow(context)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.data_loaded):
        window.show()
    assert window.windowTitle() == "GridOffice — office not set up"


def test_window_modules_do_not_import_the_database_layer():
    """Start-up speed: SQLAlchemy & co. are imported after the window is shown."""
    code = ("import sys, gridoffice.ui.app, gridoffice.ui.main_window; "
            "bad = [m for m in ('sqlalchemy', 'sqlmodel', 'reportlab', "
            "'gridoffice.store.database', 'gridoffice.services.orgs', 'PySide6.QtPdf', "
            "'gridoffice.ui.tabs.roster', 'gridoffice.ui.tabs.meetings', "
            "'gridoffice.ui.tabs.inservice', 'gridoffice.services.inservice') "
            "if m in sys.modules]; print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_run_with_exit_after_show_returns_zero_and_logs_timings(qapp, context, caplog):
    from gridoffice.ui import app

    context.exit_after_show = True
    context.profile = None  # the setup dialog is skipped, not waited for
    previous = sys.excepthook
    with caplog.at_level(logging.INFO, logger="gridoffice.ui.app"):
        assert app.run(context) == 0
    assert sys.excepthook is previous
    text = caplog.text
    assert "main window shown" in text and "data loaded" in text


def test_run_first_start_cancelled_exits_zero_without_window(qapp, context, dialogs):
    from gridoffice.ui import app

    context.profile = None
    dialogs.expect(lambda dialog: dialog.reject())
    assert app.run(context) == 0
    assert dialogs.seen[0].windowTitle() == "Set up GridOffice"


def test_fatal_error_is_shown_translated_and_exits_one(qapp, message_log):
    from gridoffice.ui import app

    error = StorageError(MSG_LOCKED, path="/data/gridoffice.sqlite3")
    assert app.show_fatal_error(error, "en") == 1
    box = message_log.boxes[-1]
    assert box.icon == QMessageBox.Icon.Critical
    assert box.text == error.english()


def test_excepthook_shows_bugs_with_details_and_user_errors_plainly(qapp, message_log):
    from gridoffice.ui import app

    previous = app.install_excepthook("/logs/gridoffice.log")
    try:
        try:
            raise ZeroDivisionError("boom")
        except ZeroDivisionError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
        error = StorageError(MSG_LOCKED, path="x.sqlite3")
        sys.excepthook(StorageError, error, None)
    finally:
        sys.excepthook = previous
    bug, user = message_log.boxes
    assert bug.icon == QMessageBox.Icon.Critical
    assert "/logs/gridoffice.log" in bug.text
    assert "ZeroDivisionError: boom" in bug.details
    assert user.icon == QMessageBox.Icon.Warning and user.text == error.english()


def test_a_damaged_file_is_reported_once_the_window_shows(qtbot, app_paths, message_log):
    """The page check runs after the window shows (start-up speed); damage found
    then is said plainly, with where the backups are."""
    from gridoffice.services import office
    from gridoffice.store.files import open_database
    from gridoffice.ui.main_window import MainWindow
    from tests import sql

    opened = open_database(app_paths)
    office.save_profile(opened.path, office.OfficeProfile("幸福里社区", "幸福街道", "community",
                                                          "王芳"))
    conn = sql.connect(opened.path)
    conn.executemany("INSERT INTO audit_log (at, operator, action) VALUES (?, ?, ?)",
                     [(f"2026-01-01T00:00:{i % 60:02d}", "x" * 400, "print") for i in range(300)])
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(opened.path.read_bytes())
    page = 4096
    data[-2 * page: -page] = b"\xff" * page  # an audit page: the start still reads
    opened.path.write_bytes(bytes(data))
    reopened = open_database(app_paths, quick_check=False)  # what the program's start does
    from gridoffice.app_context import AppContext

    main = MainWindow(AppContext(app_paths, reopened, "en", "",
                                 office.load_profile(reopened.path), None, False))
    qtbot.addWidget(main)
    main.show()
    qtbot.waitUntil(lambda: any("damaged" in box.text for box in message_log.boxes),
                    timeout=10_000)
    main.close()


def test_an_audit_log_changed_outside_the_program_is_reported(qtbot, app_paths,
                                                              message_log):
    """After the window shows, the check that reads every page also walks the audit
    log's chain: an entry edited with an outside tool is named."""
    from gridoffice.app_context import AppContext
    from gridoffice.services import office
    from gridoffice.services.audit import AuditService
    from gridoffice.store.database import Database
    from gridoffice.store.files import open_database
    from gridoffice.ui.main_window import MainWindow
    from tests import sql

    opened = open_database(app_paths)
    office.save_profile(opened.path, office.OfficeProfile("幸福里社区", "幸福街道", "community",
                                                          "王芳"))
    db = Database(opened.path)
    for target in ("roster", "orgs"):
        AuditService(db, "王芳").record("print", target, f"{target}.pdf")
    db.close()
    conn = sql.connect(opened.path)
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("UPDATE audit_log SET detail = 'nothing' WHERE seq = 2")
    conn.commit()
    conn.close()
    main = MainWindow(AppContext(app_paths, opened, "en", "",
                                 office.load_profile(opened.path), None, False))
    qtbot.addWidget(main)
    main.show()
    qtbot.waitUntil(lambda: any("audit log was changed" in box.text
                                for box in message_log.boxes), timeout=10_000)
    [box] = [b for b in message_log.boxes if "audit log" in b.text]
    assert "entry 2 " in box.text
    main.close()


def test_the_status_bar_says_how_old_the_newest_backup_is(qtbot, window, context):
    import datetime as dt

    from gridoffice.services import backups

    # the first start of the day made one, in the background after the window showed
    qtbot.waitUntil(lambda: window.backup_label.text() == "Backup: today", timeout=20_000)
    assert window.backup_label.styleSheet() == ""
    newest = backups.backups(context.paths.backup_dir)[0]
    window.update_backup_age(now=newest.time + dt.timedelta(days=3, hours=1))
    assert window.backup_label.text() == "Backup: 3 day(s) ago"
    assert window.backup_label.styleSheet() == ""
    window.update_backup_age(now=newest.time + dt.timedelta(days=8))
    assert window.backup_label.text() == "Backup: 8 day(s) ago"
    assert "c62828" in window.backup_label.styleSheet()  # older than a week: a warning
    assert "no backup of the last week" in window.backup_label.toolTip()


def test_the_start_clears_what_a_killed_backup_left(qtbot, context):
    import os
    import time

    from gridoffice.ui.main_window import MainWindow

    folder = context.paths.backup_dir
    folder.mkdir()
    half = folder / "gridoffice-20261121-130000-manual.sqlite3.part"
    half.write_bytes(b"half a copy of the data")
    old = time.time() - 3600
    os.utime(half, (old, old))
    main = MainWindow(context)
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.data_loaded, timeout=20_000):
        main.show()
    qtbot.waitUntil(lambda: main.backup_label.text() == "Backup: today", timeout=20_000)
    assert not half.exists()
    main.close()
