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
