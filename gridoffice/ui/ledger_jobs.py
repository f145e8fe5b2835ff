"""Making a PDF ledger in the background and opening it in the preview.

One helper for every tab: the job writes into a temporary file (removed if it
fails or is cancelled), a progress dialog with Cancel appears for long jobs,
and the finished PDF opens in :class:`PdfPreviewDialog` with Print and Save.
:meth:`LedgerJobs.start_ledger` makes a ledger of the catalogue
(:mod:`gridoffice.ledgers.catalogue`) for the signed-in actor and records its saves
and prints under the catalogue's audit target, the one the command line records. A
ledger that shows more than the masked default to that actor (a grid worker's own
grid, with full addresses) asks for a reason first, and its entries carry it.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from gridoffice.domain import privacy
from gridoffice.services.audit import AuditService
from gridoffice.ui.workers import BackgroundJob


class LedgerJobs(QObject):
    """Runs one ledger at a time for ``owner`` (a tab) and keeps its preview."""

    opened = Signal(object)  # the PdfPreviewDialog
    recorded = Signal(str)  # a save or print of a ledger was audited under this target
    status_message = Signal(str)

    def __init__(self, owner: QWidget) -> None:
        super().__init__(owner)
        self.owner = owner
        self.job: BackgroundJob | None = None
        self.preview: Any = None

    def _temp_dir(self) -> str | None:
        """The data folder's private temporary folder (this user only, emptied at every
        start), not the shared one: a preview may show unmasked data."""
        context = getattr(self.owner.window(), "context", None)
        if context is None:
            return None
        from gridoffice.paths import private_temp_dir

        folder = private_temp_dir(context.paths.data_dir)
        try:
            folder.mkdir(mode=0o700, exist_ok=True)
        except OSError:
            return None
        return str(folder)

    @property
    def running(self) -> bool:
        return self.job is not None and self.job.running

    def _start(self, render: Callable[[Path, Any], Any], *, prefix: str, label: str,
               title: str, suggested_name: str,
               on_shown: Callable[[Any], None]) -> BackgroundJob | None:
        """``render(path, progress)`` makes the PDF; the preview opens when it is done.
        ``on_shown`` gets the preview (to record its saves and prints in the audit log)."""
        if self.running:
            return self.job
        fd, name = tempfile.mkstemp(prefix=prefix, suffix=".pdf", dir=self._temp_dir())
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

    def start_ledger(self, entry: Any, values: dict[str, Any], *, audit: AuditService,
                     unit: str, describe: str = "") -> BackgroundJob | None:
        """Make the catalogue's ledger ``entry`` from ``values`` (its render arguments
        and the parts of its file name) and preview it; each save (before the file takes
        its name) and each print is recorded by ``audit`` under the entry's target.
        ``describe`` says what was made, in the audit entry's detail. The ledger is
        made for the owner's actor (its services'); when it shows that actor more than
        the masked default, :meth:`ask_reason` asks why first (None: nothing is made)."""
        db = audit.db
        actor = getattr(getattr(self.owner, "services", None), "actor", None)
        values = {**values, "actor": actor} if actor is not None else dict(values)
        reason = ""
        if entry.needs_reason(values):
            asked = self.ask_reason(_translate(entry.preview_title) or entry.title)
            if asked is None:
                return None
            reason = values["reason"] = asked
        target = entry.target(values)

        def render(path: Path, progress: Any) -> Any:
            return entry.make(db, path, unit=unit, values=values, progress=progress)

        def saved(path: Path) -> None:
            audit.record_save(target, privacy.with_reason(self.saved_detail(describe, path),
                                                          reason))
            self.recorded.emit(target)

        def printed(pages: int) -> None:
            audit.record_print(target, privacy.with_reason(self.printed_detail(describe, pages),
                                                           reason))
            self.recorded.emit(target)

        def record(preview: Any) -> None:
            preview.record_save = saved
            preview.printed.connect(printed)

        return self._start(render, prefix=f"gridoffice-{entry.name}-",
                          label=_translate(entry.progress_label),
                          title=_translate(entry.preview_title),
                          suggested_name=entry.suggested_name(values), on_shown=record)

    def ask_reason(self, what: str) -> str | None:
        """Why the user makes ``what`` with more than the masked values (None: cancel)."""
        from gridoffice.ui.dialogs.reason import ReasonDialog

        return ReasonDialog.ask(self.owner, QCoreApplication.translate(
            "LedgerJobs", "{ledger} with full addresses of your grid.").format(ledger=what))

    @staticmethod
    def saved_detail(describe: str, path: Any) -> str:
        if not describe:
            return str(path)
        return QCoreApplication.translate("LedgerJobs", "{what} saved to {path}").format(
            what=describe, path=str(path))

    @staticmethod
    def printed_detail(describe: str, pages: int) -> str:
        if not describe:
            return f"{pages} pages"
        return QCoreApplication.translate("LedgerJobs", "{what}, {pages} pages printed").format(
            what=describe, pages=pages)

    def _finished(self) -> None:
        self.job = None

    def _preview_closed(self) -> None:
        self.preview = None


def _translate(text: str) -> str:
    return QCoreApplication.translate("ledgers", text) if text else ""
