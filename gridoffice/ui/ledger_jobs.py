"""Making a PDF ledger in the background and opening it in the preview.

One helper for every tab: the job writes into a temporary file (removed if it
fails or is cancelled), a progress dialog with Cancel appears for long jobs,
and the finished PDF opens in :class:`PdfPreviewDialog` with Print and Save.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from gridoffice.ui.workers import BackgroundJob


class LedgerJobs(QObject):
    """Runs one ledger at a time for ``owner`` (a tab) and keeps its preview."""

    opened = Signal(object)  # the PdfPreviewDialog
    status_message = Signal(str)

    def __init__(self, owner: QWidget) -> None:
        super().__init__(owner)
        self.owner = owner
        self.job: BackgroundJob | None = None
        self.preview: Any = None

    @property
    def running(self) -> bool:
        return self.job is not None and self.job.running

    def start(self, render: Callable[[Path, Any], Any], *, prefix: str, label: str,
              title: str, suggested_name: str,
              on_shown: Callable[[Any], None] | None = None) -> BackgroundJob | None:
        """``render(path, progress)`` makes the PDF; the preview opens when it is done.
        ``on_shown`` gets the preview (to record its saves and prints in the audit log);
        without it, saves and prints are recorded under the ledger's ``title``."""
        if self.running:
            return self.job
        if on_shown is None:
            on_shown = self._audited(title)
        fd, name = tempfile.mkstemp(prefix=prefix, suffix=".pdf")
        os.close(fd)
        path = Path(name)

        def show(result: Any) -> None:
            from gridoffice.ui.dialogs.pdf_preview import PdfPreviewDialog

            self.preview = PdfPreviewDialog.show_preview(
                self.owner.window(), Path(result.path), title=title,
                suggested_name=suggested_name,
                missing_chars=list(getattr(result, "missing_chars", ()) or ()),
                delete_on_close=True)
            self.preview.destroyed.connect(self._preview_closed)
            if on_shown is not None:
                on_shown(self.preview)
            self.opened.emit(self.preview)

        job = BackgroundJob(self.owner, lambda progress: render(path, progress), label=label,
                            on_success=show)
        job.failed.connect(lambda _exc: path.unlink(missing_ok=True))
        job.cancelled.connect(lambda: path.unlink(missing_ok=True))
        job.cancelled.connect(lambda: self.status_message.emit(
            self.tr("Making the ledger was cancelled.")))
        job.finished.connect(self._finished)
        self.job = job.start()
        return job

    def _audited(self, title: str) -> Callable[[Any], None] | None:
        """Record each save (before the file takes its name) and print of the preview
        in the audit log of the owner's database, by the owner's operator."""
        db = getattr(self.owner, "db", None)
        if db is None:
            return None
        operator = getattr(getattr(self.owner, "service", None), "operator", "") or ""

        def record(detail: str) -> None:
            from gridoffice.store import audit

            with db.write() as session:
                audit.record(session, operator, "print", title, detail)

        def connect(preview: Any) -> None:
            preview.record_save = lambda path: record(str(path))
            preview.printed.connect(lambda pages: record(f"{pages} pages"))
        return connect

    def _finished(self) -> None:
        self.job = None

    def _preview_closed(self) -> None:
        self.preview = None
