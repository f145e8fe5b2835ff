"""BackgroundJob: result, progress dialog and cancel, errors, all by signals."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from gridoffice.errors import Cancelled, StorageError
from gridoffice.store.files import MSG_LOCKED
from gridoffice.ui.workers import BackgroundJob


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_result_and_progress_arrive_on_the_gui_thread(qtbot, parent):
    seen = []

    def task(progress):
        for done in range(1, 4):
            progress(done, 3)
        return threading.current_thread().name

    job = BackgroundJob(parent, task, label="Working…", on_success=seen.append)
    job.progressed.connect(lambda done, total: seen.append((done, total)))
    with qtbot.waitSignal(job.finished):
        job.start()
    assert seen[:3] == [(1, 3), (2, 3), (3, 3)]
    assert seen[3] != threading.current_thread().name  # it ran elsewhere
    assert not job.running


def test_slow_job_shows_a_progress_dialog_and_cancel_stops_it(qtbot, parent):
    started = threading.Event()

    def task(progress):
        started.set()
        while progress(1, 10):
            threading.Event().wait(0.01)
        raise Cancelled()

    job = BackgroundJob(parent, task, label="Making the ledger…", progress_delay_ms=0)
    job.start()
    qtbot.waitUntil(lambda: job._dialog is not None and job._dialog.isVisible())
    assert job._dialog.labelText() == "Making the ledger…"
    cancel = job._dialog.findChild(QPushButton)
    assert cancel.text() == "Cancel"
    with qtbot.waitSignal(job.cancelled):
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert job.error is None and job.result is None


def test_user_error_becomes_a_warning(qtbot, parent, message_log):
    def task(progress):
        raise StorageError(MSG_LOCKED, path="db.sqlite3")

    job = BackgroundJob(parent, task, label="x")
    with qtbot.waitSignal(job.failed):
        job.start()
    assert message_log.warnings() == [
        "The database db.sqlite3 is in use by another program. Close the other GridOffice "
        "window or command and try again."]


def test_a_locked_database_or_a_full_disk_is_a_plain_warning_not_a_bug(qtbot, parent,
                                                                       message_log, tmp_path):
    """Faults of the environment met inside a job or anywhere else: a warning that
    names the cause, never the unexpected-error box with a traceback."""
    import sys

    from PySide6.QtWidgets import QMessageBox

    from gridoffice.ui import app
    from tests import sql

    path = tmp_path / "busy.sqlite3"
    holder = sql.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")

    def task(progress):
        conn = sql.connect(path, timeout=0.1)
        try:
            conn.execute("INSERT INTO t VALUES (1)")
        finally:
            conn.close()

    job = BackgroundJob(parent, task, label="x")
    try:
        with qtbot.waitSignal(job.failed):
            job.start()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    previous = app.install_excepthook("/logs/gridoffice.log")
    try:
        try:
            raise OSError(28, "No space left on device", "/media/usb/roster.xlsx")
        except OSError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        sys.excepthook = previous
    assert [box.icon for box in message_log.boxes] == [QMessageBox.Icon.Warning] * 2
    locked, full = message_log.warnings()
    assert "in use by another program" in locked
    assert "disk is full" in full and "Traceback" not in full
