"""Packages on the Sync tab: the exchange folder (a shared folder both offices
reach, kept in the local settings), export and import of packages in the
background (progress with Cancel, one at a time), the package files dropped on
the tab, and the list of what the last export or import did."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QFont
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gridoffice.services.changes import Changes
from gridoffice.ui import messages
from gridoffice.ui.dialogs.sync_dialogs import ExportTargetDialog, removable_drives
from gridoffice.ui.models.sync_tables import WARNING_COLOR, offset_text, table_label
from gridoffice.ui.workers import BackgroundJob

if TYPE_CHECKING:
    from gridoffice.services.sync import ExportResult, ImportResult, SyncService
    from gridoffice.store.settings import OfficeSettings

PACKAGE_SUFFIX = ".gridsync"
OK_COLOR = QColor("#2e7d32")

ResultLine = tuple[str, bool | None]  # (text, ok / refused / neutral)


def dropped_packages(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    """The local package files a drag carries."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls()
            if url.isLocalFile() and url.toLocalFile().lower().endswith(PACKAGE_SUFFIX)]


class ExchangeFolderBox(QGroupBox):
    """The exchange folder setting: shown, chosen, cleared, checked now."""

    check_requested = Signal()
    folder_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Exchange folder (optional)"))
        self.settings: OfficeSettings | None = None
        self.database_path: Path | None = None
        self._folder: Path | None = None  # the setting, read when attached
        self.exchange_value = QLabel(self)
        self.exchange_value.setWordWrap(True)
        self.exchange_value.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        note = QLabel(self.tr("A shared folder both offices can reach. Packages for this "
                              "PC found there are imported when the program starts."), self)
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(mid);")
        self.exchange_choose_button = QPushButton(self.tr("C&hoose…"), self)
        self.exchange_choose_button.clicked.connect(self.choose)
        self.exchange_clear_button = QPushButton(self.tr("C&lear"), self)
        self.exchange_clear_button.clicked.connect(lambda: self.set_folder(None))
        self.exchange_check_button = QPushButton(self.tr("Check &now"), self)
        self.exchange_check_button.clicked.connect(self.check_requested)
        buttons = QHBoxLayout()
        for button in (self.exchange_choose_button, self.exchange_clear_button,
                       self.exchange_check_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.exchange_value)
        layout.addWidget(note)
        layout.addStretch(1)
        layout.addLayout(buttons)

    def attach(self, settings: OfficeSettings, database_path: Path) -> None:
        """Read the setting (once: not at every enabling of the buttons)."""
        self.settings = settings
        self.database_path = database_path
        self._folder = settings.exchange_folder

    @property
    def folder(self) -> Path | None:
        return self._folder

    def show_folder(self) -> None:
        folder = self._folder
        self.exchange_value.setText(str(folder) if folder else self.tr("Not set"))

    def set_folder(self, folder: Path | None) -> None:
        if self.settings is None:
            return
        self.settings.exchange_folder = folder
        self._folder = folder
        self.show_folder()
        self.folder_changed.emit()

    def choose(self) -> Path | None:
        start = self._folder or Path.home()
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Exchange folder for sync packages"), str(start))
        if not chosen or messages.output_refused(self, chosen, self.database_path):
            return None
        self.set_folder(Path(chosen))
        return Path(chosen)

    def update_buttons(self, attached: bool, busy: bool) -> None:
        has_folder = attached and self._folder is not None
        self.exchange_check_button.setEnabled(has_folder and not busy)
        self.exchange_clear_button.setEnabled(has_folder)
        self.exchange_choose_button.setEnabled(attached)


class ResultsList(QListWidget):
    """What the last export or import did, one line a file (refusals in bold)."""

    shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)

    def show_lines(self, lines: Sequence[ResultLine]) -> None:
        self.clear()
        stamp = dt.datetime.now().strftime("%H:%M")
        for text, ok in lines:
            item = QListWidgetItem(f"{stamp}  {text}", self)
            item.setToolTip(text)
            if ok is False:
                item.setForeground(WARNING_COLOR)
                font = QFont(self.font())
                font.setBold(True)
                item.setFont(font)
            elif ok:
                item.setForeground(OK_COLOR)
        self.shown.emit()

    def texts(self) -> list[str]:
        return [self.item(i).toolTip() for i in range(self.count())]

    def export_lines(self, folder: Path, results: list[ExportResult]) -> list[ResultLine]:
        lines: list[ResultLine] = [(self.tr(
            "{count} packages written to {folder}.").format(
                count=len(results), folder=str(folder)), True)]
        for result in results:
            lines.append((self.tr("{file}: for {recipient}, package #{sequence}, "
                                  "{rows} changed records").format(
                file=result.path.name, recipient=result.recipient, sequence=result.sequence,
                rows=result.rows), None))
        return lines

    def import_lines(self, result: ImportResult) -> list[ResultLine]:
        """What the list says about one imported file."""
        name = result.path.name
        if result.status == "refused":
            reason = messages.user_error_text(result.error) if result.error else ""
            return [(self.tr("{file}: not imported. {reason}").format(
                file=name, reason=reason), False)]
        if result.status == "already":
            return [(self.tr("{file}: imported before (nothing changed).").format(
                file=name), None)]
        if result.digests_agree is None:
            agree = ""
        elif result.digests_agree:
            agree = self.tr("data agree")
        else:
            agree = self.tr("data differ ({tables})").format(
                tables="、".join(table_label(t) for t in result.mismatched))
        text = self.tr("{file}: imported from {sender} (package #{sequence}): {inserted} new, "
                       "{updated} changed, {conflicts} conflicts, {merged} merged; "
                       "{agree}.").format(
            file=name, sender=result.sender, sequence=result.sequence,
            inserted=result.inserted, updated=result.updated, conflicts=result.conflicts,
            merged=result.merged, agree=agree or self.tr("agreement unknown"))
        lines: list[ResultLine] = [(text, result.digests_agree is not False)]
        if result.missing:
            lines.append((self.tr("    {count} earlier packages of that PC never arrived; "
                                  "made up by this package.").format(count=result.missing),
                          None))
        clock = offset_text(result.clock_offset_ms)
        if clock:
            lines.append((self.tr("    The sender's clock is wrong ({clock}); ask them to "
                                  "set the date and time.").format(clock=clock), False))
        return lines


class PackageExchange(QObject):
    """Export, import and the exchange folder's check, each a background job of
    ``widget`` (one at a time); the results go to ``results``."""

    status_message = Signal(str)
    busy_changed = Signal()
    imported = Signal(object)  # Changes: what the imports wrote (also when nothing)
    exported = Signal()  # packages were written
    cancelled = Signal()  # a job was cancelled (a file may have been imported)

    def __init__(self, widget: QWidget, folder_box: ExchangeFolderBox,
                 results: ResultsList,
                 recipients: Callable[[], list[tuple[str, str]] | None]) -> None:
        super().__init__(widget)
        self.widget = widget
        self.folder_box = folder_box
        self.results = results
        self.recipients = recipients  # the offices to choose from (street office), or None
        self.service: SyncService | None = None
        self.job: BackgroundJob | None = None

    def check(self, quiet: bool = False) -> BackgroundJob | None:
        """Import what the exchange folder holds for this PC; ``quiet``: say
        nothing when there is nothing (the check at start)."""
        folder = self.folder_box.folder
        service = self.service
        if folder is None or service is None or self.job is not None:
            return None

        def task(progress: Callable[[int, int], bool]) -> list[ImportResult]:
            return service.import_files(service.inbox(folder), progress)

        def done(results: list[ImportResult]) -> None:
            if not results:
                if not quiet:
                    self.status_message.emit(self.tr(
                        "No new packages for this PC in {folder}.").format(folder=str(folder)))
                    self.results.show_lines([(self.tr(
                        "No new packages for this PC in {folder}.").format(
                            folder=str(folder)), None)])
                return
            self._imported(results)

        return self._run(task, self.tr("Checking the exchange folder…"), done)

    def export(self, folder: Path | None = None, to: str | None = None) -> BackgroundJob | None:
        service = self.service
        if service is None or self.job is not None:
            return None
        if folder is None:
            choice = ExportTargetDialog.ask(
                self.widget, drives=removable_drives(), exchange=self.folder_box.folder,
                recipients=self.recipients())
            if choice is None:
                return None
            folder, to = choice
        target = folder
        return self._run(lambda progress: service.export(target, to, progress),
                         self.tr("Writing the sync packages…"),
                         lambda results: self._exported(target, results))

    def _exported(self, folder: Path, results: list[ExportResult]) -> None:
        lines = self.results.export_lines(folder, results)
        self.results.show_lines(lines)
        self.status_message.emit(lines[0][0])
        self.exported.emit()

    def import_packages(self, paths: Sequence[Path] | None = None) -> BackgroundJob | None:
        service = self.service
        if service is None or self.job is not None:
            return None
        if paths is None:
            start = self.folder_box.folder or Path.home()
            chosen, _filter = QFileDialog.getOpenFileNames(
                self.widget, self.tr("Import sync packages"), str(start),
                self.tr("Sync packages (*.gridsync)"))
            if not chosen:
                return None
            paths = [Path(p) for p in chosen]
        files = list(paths)
        return self._run(lambda progress: service.import_files(files, progress),
                         self.tr("Importing the sync packages…"), self._imported)

    def _imported(self, results: list[ImportResult]) -> None:
        lines = [line for result in results for line in self.results.import_lines(result)]
        self.results.show_lines(lines)
        applied = sum(1 for r in results if r.status == "applied")
        refused = sum(1 for r in results if r.status == "refused")
        self.status_message.emit(self.tr(
            "{applied} packages imported, {refused} not imported.").format(
                applied=applied, refused=refused))
        # Only what the packages brought is read again by the other tabs.
        tables = {t for r in results if r.status == "applied" for t in r.tables}
        self.imported.emit(Changes(frozenset(tables) | {"sync_package", "sync_peer"}))

    def _run(self, task: Callable[[Callable[[int, int], bool]], Any], label: str,
             on_success: Callable[[Any], None]) -> BackgroundJob:
        job = BackgroundJob(self.widget, task, label=label, on_success=on_success)
        job.cancelled.connect(lambda: self.status_message.emit(self.tr(
            "Cancelled; a file being imported was left as it was.")))
        job.cancelled.connect(self.cancelled)
        job.finished.connect(self._job_finished)
        self.job = job
        self.busy_changed.emit()
        return job.start()

    def _job_finished(self) -> None:
        self.job = None
        self.busy_changed.emit()
