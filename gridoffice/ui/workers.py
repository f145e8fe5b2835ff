"""Slow work off the GUI thread, through one helper (Anki's ``CollectionOp`` spirit).

A :class:`BackgroundJob` runs ``task(progress)`` on the global thread pool.
The task gets what it needs as arguments (a ``Database``; every service call
opens its own short session), never touches widgets, and reports progress by
calling ``progress(done, total)``, which returns False once the user asked to
cancel (the task then raises :class:`~gridoffice.errors.Cancelled`). Progress,
result and exception reach the GUI thread by queued Qt signals. A job still
running after ``progress_delay_ms`` shows a progress dialog with Cancel.

Typical use::

    BackgroundJob(self, lambda progress: render(db, path, progress=progress),
                  label=self.tr("Making the ledger…"),
                  on_success=self._show_preview).start()
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from gridoffice.errors import Cancelled, UserError, fault_error
from gridoffice.ui import messages

log = logging.getLogger(__name__)

Progress = Callable[[int, int], bool]
Task = Callable[[Progress], Any]


class _Runner:
    """Runs the task in a pool thread and reports through the job's signals.

    A plain callable handed to ``QThreadPool.start``, not a ``QRunnable``
    subclass: the pool deletes its runnables in the pool thread, and a Python
    wrapper of a runnable deleted there outlives it, keeping its job alive (and
    is then met by the garbage collector of the GUI thread).
    """

    def __init__(self, job: BackgroundJob, task: Task) -> None:
        self._job = job
        self._task = task
        self._cancel = job._cancel_event

    def run(self) -> None:
        job = self._job

        def progress(done: int, total: int) -> bool:
            job._progressed.emit(int(done), int(total))
            return not self._cancel.is_set()

        try:
            try:
                result = self._task(progress)
            except BaseException as exc:  # handed to the GUI thread, shown there
                # A full disk or a locked database is said plainly, not as a bug.
                job._failed.emit(fault_error(exc) or exc)
            else:
                job._succeeded.emit(result)
        except RuntimeError:  # the window that started the job was closed meanwhile
            log.info("background job finished after its window was closed")
        finally:
            # Nothing of the job outlives the run, whatever holds this callable.
            self._job = self._task = self._cancel = None  # type: ignore[assignment]


class BackgroundJob(QObject):
    """One background task with optional progress dialog; lives until it finished.

    Signals (GUI thread): ``progressed(done, total)``, ``succeeded(result)``,
    ``failed(exception)``, ``cancelled()``, and ``finished()`` last, after the
    callbacks ran. ``on_failure`` defaults to a warning for a UserError and the
    error dialog (via ``sys.excepthook``) for anything else.
    """

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()

    # Emitted from the pool thread; queued to this object's (GUI) thread.
    _progressed = Signal(int, int)
    _succeeded = Signal(object)
    _failed = Signal(object)

    def __init__(self, parent: QWidget, task: Task, *, label: str,
                 on_success: Callable[[Any], None] | None = None,
                 on_failure: Callable[[BaseException], None] | None = None,
                 progress_delay_ms: int = 500,
                 pool: QThreadPool | None = None) -> None:
        super().__init__(parent)  # the parent keeps this job alive while it runs
        self.widget = parent
        self.label = label
        self._task = task
        self._on_success = on_success
        self._on_failure = on_failure
        self._pool = pool or QThreadPool.globalInstance()
        self._cancel_event = threading.Event()
        self._dialog: QProgressDialog | None = None
        self._progress = (0, 0)
        self.running = False
        self.result: Any = None
        self.error: BaseException | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(progress_delay_ms)
        self._timer.timeout.connect(self._show_dialog)
        queued = Qt.ConnectionType.QueuedConnection
        self._progressed.connect(self._on_progress, queued)
        self._succeeded.connect(self._on_succeeded, queued)
        self._failed.connect(self._on_failed, queued)

    def start(self) -> BackgroundJob:
        self.running = True
        self._timer.start()
        self._pool.start(_Runner(self, self._task).run)
        return self

    def cancel(self) -> None:
        """Ask the task to stop at its next progress report."""
        self._cancel_event.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel_event.is_set()

    # --- GUI thread -----------------------------------------------------------------
    def _show_dialog(self) -> None:
        if not self.running or self._dialog is not None:
            return
        dialog = QProgressDialog(self.label, QCoreApplication.translate("BackgroundJob", "Cancel"),
                                 0, 0, self.widget)
        dialog.setWindowTitle(QCoreApplication.translate("BackgroundJob", "Please wait"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        dialog.canceled.connect(self._cancel_clicked)
        self._dialog = dialog
        self._apply_progress()
        dialog.show()

    def _cancel_clicked(self) -> None:
        self.cancel()
        if self._dialog is not None:
            self._dialog.setLabelText(QCoreApplication.translate("BackgroundJob", "Cancelling…"))

    def _apply_progress(self) -> None:
        done, total = self._progress
        if self._dialog is not None and total > 0:
            self._dialog.setMaximum(total)
            self._dialog.setValue(min(done, total))

    def _on_progress(self, done: int, total: int) -> None:
        self._progress = (done, total)
        self._apply_progress()
        self.progressed.emit(done, total)

    def _on_succeeded(self, result: Any) -> None:
        self._close()
        if self.cancel_requested:  # the user no longer wants it
            self.cancelled.emit()
        else:
            self.result = result
            if self._on_success is not None:
                self._on_success(result)
            self.succeeded.emit(result)
        self._finish()

    def _on_failed(self, exc: BaseException) -> None:
        self._close()
        if isinstance(exc, Cancelled):
            log.info("%s: cancelled", self.label)
            self.cancelled.emit()
        else:
            self.error = exc
            if self._on_failure is not None:
                self._on_failure(exc)
            elif isinstance(exc, UserError):
                messages.show_user_error(self.widget, exc)
            else:
                sys.excepthook(type(exc), exc, exc.__traceback__)
            self.failed.emit(exc)
        self._finish()

    def _close(self) -> None:
        self.running = False
        self._timer.stop()
        if self._dialog is not None:
            self._dialog.canceled.disconnect(self._cancel_clicked)
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None

    def _finish(self) -> None:
        self.finished.emit()
        self.deleteLater()
