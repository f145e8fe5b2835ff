"""Restore from a backup: the list of backups (or a file from elsewhere), what restoring
the chosen one would change, and the restore itself after the administrator's password.

Checking a backup (:func:`~gridoffice.services.backups.preview`, which verifies it
first) and the restore run in the background. The dialog does not know the main
window: it emits :attr:`RestoreDialog.about_to_restore` just before the restore starts
(the window lets go of the file then) and ends with the
:class:`~gridoffice.services.backups.RestoreResult` as its result; the window reads the
file again after a restore and also after a refused one (:attr:`restore_failed`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gridoffice.domain.access import Actor
from gridoffice.errors import UserError
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.services import backups
from gridoffice.services.backups import BackupInfo, LostRecord, RestorePreview, RestoreResult
from gridoffice.ui import messages
from gridoffice.ui.dialogs.form import ERROR_COLOR, FormDialog
from gridoffice.ui.models.sync_tables import table_label
from gridoffice.ui.models.table import AnyIndex, RowTableModel
from gridoffice.ui.widgets.tables import small_table
from gridoffice.ui.workers import BackgroundJob

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")
CONTEXT = "RestoreDialog"
DAMAGED_COLOR = QColor(ERROR_COLOR)
QUIET_MS = 24 * 3600 * 1000  # the dialog shows its own busy bar: no progress window

KIND_LABELS = {
    backups.DAILY: QT_TRANSLATE_NOOP("RestoreDialog", "Daily"),
    backups.MANUAL: QT_TRANSLATE_NOOP("RestoreDialog", "Made by hand"),
    backups.BEFORE_SYNC: QT_TRANSLATE_NOOP("RestoreDialog", "Before a sync import"),
    backups.BEFORE_RESTORE: QT_TRANSLATE_NOOP("RestoreDialog", "Before a restore"),
}
AREA_LABELS = {
    "orgs": QT_TRANSLATE_NOOP("RestoreDialog", "Party organisations"),
    "members": QT_TRANSLATE_NOOP("RestoreDialog", "Party members"),
    "grids": QT_TRANSLATE_NOOP("RestoreDialog", "Grids"),
    "households": QT_TRANSLATE_NOOP("RestoreDialog", "Households"),
    "residents": QT_TRANSLATE_NOOP("RestoreDialog", "Residents"),
    "meetings": QT_TRANSLATE_NOOP("RestoreDialog", "Meetings"),
    "registrations": QT_TRANSLATE_NOOP("RestoreDialog", "In-service members"),
    "units": QT_TRANSLATE_NOOP("RestoreDialog", "Units of the area"),
    "needs": QT_TRANSLATE_NOOP("RestoreDialog", "Residents' needs"),
    "resources": QT_TRANSLATE_NOOP("RestoreDialog", "Resources"),
    "projects": QT_TRANSLATE_NOOP("RestoreDialog", "Services and projects"),
    "requests": QT_TRANSLATE_NOOP("RestoreDialog", "Orders sent up"),
}
LIST_AREAS = ("members", "households", "residents", "meetings")


def kind_label(kind: str) -> str:
    text = KIND_LABELS.get(kind)
    return translate(CONTEXT, text) if text else kind


def area_label(area: str) -> str:
    text = AREA_LABELS.get(area)
    return translate(CONTEXT, text) if text else area


def size_text(size: int) -> str:
    """``812 KB``, ``3.4 MB``."""
    if size < 2**20:
        return f"{max(size / 1024, 0.1 if size else 0):.0f} KB"
    return f"{size / 2**20:.1f} MB"


def when_text(when: dt.datetime | None) -> str:
    return f"{when:%Y-%m-%d %H:%M:%S}" if when is not None else ""


class BackupListModel(RowTableModel[BackupInfo]):
    """The backups of the data folder, newest first; a damaged one in red and not
    selectable."""

    def headers(self) -> Sequence[str]:
        return [translate("RestoreDialog", "Date and time"), translate("RestoreDialog", "Kind"),
                translate("RestoreDialog", "Size"), *(area_label(a) for a in LIST_AREAS),
                translate("RestoreDialog", "State")]

    def display(self, row: BackupInfo, column: int) -> str:
        if column == 0:
            return when_text(row.time)
        if column == 1:
            return kind_label(row.kind)
        if column == 2:
            return size_text(row.size)
        if column < 3 + len(LIST_AREAS):
            return "" if row.damaged else str(row.counts.get(LIST_AREAS[column - 3], 0))
        if row.damaged:
            return translate("RestoreDialog", "Damaged")
        return translate("RestoreDialog", "Sound")

    def sort_key(self, row: BackupInfo, column: int) -> Any:
        if column == 0:
            return row.time.isoformat()
        if column == 2:
            return row.size
        if 3 <= column < 3 + len(LIST_AREAS):
            return row.counts.get(LIST_AREAS[column - 3], -1)
        return self.display(row, column)

    def tooltip(self, row: BackupInfo, column: int) -> str | None:
        return str(row.file)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            row = self.row_at(index.row())
            if row is not None and row.damaged:
                return DAMAGED_COLOR
        if role == Qt.ItemDataRole.TextAlignmentRole and 2 <= index.column() < 3 + len(
                LIST_AREAS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        row = self.row_at(index.row())
        if row is not None and row.damaged:
            return Qt.ItemFlag.NoItemFlags  # shown, never chosen
        return super().flags(index)


class CountsModel(RowTableModel[tuple[str, int, int]]):
    """Records per area now and in the backup, and the difference a restore makes."""

    def headers(self) -> Sequence[str]:
        return [translate("RestoreDialog", "Area"), translate("RestoreDialog", "Now"),
                translate("RestoreDialog", "In the backup"),
                translate("RestoreDialog", "Difference")]

    def display(self, row: tuple[str, int, int], column: int) -> str:
        area, now, then = row
        if column == 0:
            return area_label(area)
        if column == 1:
            return str(now)
        if column == 2:
            return str(then)
        return f"{then - now:+d}" if then != now else "0"

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row())
        if row is not None and index.column() == 3:
            if role == Qt.ItemDataRole.ForegroundRole and row[2] < row[1]:
                return DAMAGED_COLOR  # fewer records after the restore
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if row is not None and index.column() in (1, 2) \
                and role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)


class LostModel(RowTableModel[LostRecord]):
    """The newest records changed after the backup: a restore loses them."""

    def headers(self) -> Sequence[str]:
        return [translate("RestoreDialog", "Record"), translate("RestoreDialog", "Name"),
                translate("RestoreDialog", "Changed at")]

    def display(self, row: LostRecord, column: int) -> str:
        if column == 0:
            return table_label(row.table)
        if column == 1:
            return row.name if row.named else ""  # an id says nothing to the user
        return when_text(row.changed)

    def tooltip(self, row: LostRecord, column: int) -> str | None:
        return None if row.named else row.name


class RestoreDialog(FormDialog):
    """Choose a backup, see what a restore would change, restore it."""

    about_to_restore = Signal()  # the restore starts now: let go of the data file
    restore_failed = Signal(object)  # the error; the data file is as it was

    def __init__(self, parent: QWidget | None, path: Path, backup_dir: Path,
                 actor: Actor | None) -> None:
        super().__init__(parent, self.tr("Restore from a backup"))
        self.path = path
        self.backup_dir = backup_dir
        self.actor = actor
        self.accounts = actor is not None and not actor.is_open
        self.chosen: Path | None = None
        self.shown: RestorePreview | None = None
        self.preview_job: BackgroundJob | None = None
        self.restore_job: BackgroundJob | None = None
        self.setMinimumSize(860, 680)
        self.set_intro(self.tr(
            "Choose a backup. Before anything is restored you see what would change; the "
            "data as it is now is backed up first."))

        self.list_model = BackupListModel(self)
        self.list_view = small_table(self.list_model, 3 + len(LIST_AREAS), self)
        self.list_view.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.choose_button = QPushButton(self.tr("Choose a file…"), self)
        self.choose_button.setToolTip(self.tr("A backup from elsewhere, such as a USB drive"))
        self.choose_button.clicked.connect(self.choose_file)
        list_box = QGroupBox(self.tr("Backups in {folder}").format(folder=str(backup_dir)),
                             self)
        list_layout = QVBoxLayout(list_box)
        list_layout.addWidget(self.list_view)
        below = QHBoxLayout()
        self.empty_label = QLabel(self.tr("There is no backup in this folder yet."), list_box)
        self.empty_label.hide()
        below.addWidget(self.empty_label)
        below.addStretch(1)
        below.addWidget(self.choose_button)
        list_layout.addLayout(below)

        self.preview_box = QGroupBox(self.tr("What a restore would change"), self)
        box = QVBoxLayout(self.preview_box)
        self.file_label = QLabel(self.tr("Choose a backup above."), self.preview_box)
        self.file_label.setWordWrap(True)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem_label = QLabel(self.preview_box)
        self.problem_label.setObjectName("restoreProblem")
        self.problem_label.setStyleSheet(f"color: {ERROR_COLOR}; font-weight: bold;")
        self.problem_label.setWordWrap(True)
        self.problem_label.hide()
        self.counts_model = CountsModel(self)
        self.counts_view = small_table(self.counts_model, 0, self.preview_box)
        self.counts_view.setMinimumWidth(300)
        self.lost_label = QLabel(self.preview_box)
        self.lost_label.setWordWrap(True)
        self.lost_model = LostModel(self)
        self.lost_view = small_table(self.lost_model, 1, self.preview_box)
        tables = QHBoxLayout()
        tables.addWidget(self.counts_view, 2)
        lost_side = QVBoxLayout()
        lost_side.addWidget(self.lost_label)
        lost_side.addWidget(self.lost_view)
        tables.addLayout(lost_side, 3)
        for widget in (self.file_label, self.problem_label):
            box.addWidget(widget)
        box.addLayout(tables)

        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.textChanged.connect(self.update_ok)
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumHeight(12)
        self.busy_bar.hide()
        self.busy_label = QLabel(self)
        self.busy_label.hide()

        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, list_box, 2)
        layout.insertWidget(2, self.preview_box, 3)
        for i in range(layout.count()):  # the tables take the room, not the form's stretch
            if layout.itemAt(i).spacerItem() is not None:
                layout.setStretch(i, 0)
        if self.accounts:
            assert actor is not None
            self.add_row("password", self.tr("Password of {user}").format(
                user=actor.operator or actor.login), self.password_edit)
        else:
            self.password_edit.hide()
        layout.insertWidget(layout.indexOf(self.error_label), self.busy_label)
        layout.insertWidget(layout.indexOf(self.error_label), self.busy_bar)
        self.ok_button().setText(self.tr("Restore…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))
        self.reload_list()
        self.update_ok()

    # --- the list ---------------------------------------------------------------------
    def reload_list(self) -> None:
        rows = backups.backups(self.backup_dir)
        self.list_model.set_rows(rows)
        self.empty_label.setVisible(not rows)
        self.list_view.resizeColumnsToContents()

    def row_of(self, file: Path) -> int:
        return next((i for i, r in enumerate(self.list_model.rows()) if r.file == file), -1)

    def choose_row(self, row: int) -> None:
        """Choose the backup in row ``row`` of the list (a damaged one cannot be)."""
        self.list_view.setCurrentIndex(self.list_model.index(row, 0))

    def _row_chosen(self, current: AnyIndex, _previous: AnyIndex) -> None:
        info = self.list_model.row_at(current.row()) if current.isValid() else None
        if info is not None and not info.damaged:
            self.check(info.file)

    def choose_file(self) -> Path | None:
        """A backup from elsewhere (a USB drive): checked like one of the list."""
        start = str(self.chosen.parent) if self.chosen else str(Path.home())
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a backup"), start,
            self.tr("GridOffice backups (*.sqlite3);;All files (*)"))
        if not name:
            return None
        self.list_view.clearSelection()
        self.list_view.setCurrentIndex(self.list_model.index(-1, -1))
        self.check(Path(name))
        return Path(name)

    # --- the preview ------------------------------------------------------------------
    def check(self, file: Path) -> BackgroundJob:
        """Verify ``file`` and show what restoring it would change (in the background)."""
        self.chosen = file
        self.shown = None
        self.counts_model.set_rows([])
        self.lost_model.set_rows([])
        self.lost_label.clear()
        self.problem_label.hide()
        self.clear_error()
        self.file_label.setText(self.tr("Checking {file}…").format(file=str(file)))
        path = self.path

        def work(_progress: object) -> RestorePreview:
            return backups.preview(path, file)

        job = BackgroundJob(self, work, label=self.tr("Checking the backup…"),
                            on_success=lambda shown: self._show_preview(job, shown),
                            on_failure=lambda exc: self._show_problem(job, exc),
                            progress_delay_ms=QUIET_MS)
        self.preview_job = job
        self._set_busy(True, self.tr("Checking the backup…"))
        self.update_ok()
        return job.start()

    def _show_preview(self, job: BackgroundJob, shown: RestorePreview) -> None:
        if job is not self.preview_job:
            return  # another backup was chosen meanwhile
        self.preview_job = None
        self._set_busy(False)
        self.shown = shown
        self.file_label.setText(self.tr("Backup of {time}: {file}").format(
            time=when_text(shown.backup_time) or "?", file=str(shown.file)))
        areas = list(dict.fromkeys([*shown.counts_now, *shown.counts_backup]))
        self.counts_model.set_rows([(a, shown.counts_now.get(a, 0),
                                     shown.counts_backup.get(a, 0)) for a in areas])
        named = [r for r in shown.lost if r.named]
        self.lost_model.set_rows(named or shown.lost)  # history entries have no name
        if shown.lost_total:
            self.lost_label.setText(self.tr(
                "%n record(s) were changed after this backup and would be lost; the newest "
                "of them with a name:", "", shown.lost_total) if named else self.tr(
                "%n record(s) were changed after this backup and would be lost; the newest:",
                "", shown.lost_total))
            self.lost_label.setStyleSheet(f"color: {ERROR_COLOR}; font-weight: bold;")
        else:
            self.lost_label.setText(self.tr("Nothing was changed after this backup."))
            self.lost_label.setStyleSheet("")
        self.lost_view.setVisible(bool(shown.lost))
        self.update_ok()

    def _show_problem(self, job: BackgroundJob, exc: BaseException) -> None:
        if job is not self.preview_job:
            return
        self.preview_job = None
        self._set_busy(False)
        self.file_label.setText(str(self.chosen))
        if not isinstance(exc, UserError):
            import sys

            sys.excepthook(type(exc), exc, exc.__traceback__)
            return
        self.problem_label.setText(messages.user_error_text(exc))
        self.problem_label.show()
        self.lost_view.hide()
        self.update_ok()

    def problem_text(self) -> str:
        """Why the chosen backup cannot be restored ("" when it can, or none is chosen)."""
        return self.problem_label.text() if not self.problem_label.isHidden() else ""

    # --- restoring --------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self.preview_job is not None or self.restore_job is not None

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.busy_bar.setVisible(busy)
        self.busy_label.setText(text)
        self.busy_label.setVisible(busy)

    def update_ok(self) -> None:
        ready = self.shown is not None and not self.busy
        if self.accounts:
            ready = ready and bool(self.password_edit.text())
        self.ok_button().setEnabled(ready)

    def accept(self) -> None:
        """Restore…: the password (or, in a folder without accounts, a confirmation),
        then the restore in the background."""
        shown = self.shown
        if shown is None or self.busy:
            return
        self.clear_error()
        password: str | None = None
        if self.accounts:
            password = self.password_edit.text()
        elif not messages.confirm(self, self.tr(
                "Restore the backup of {time}? The data as it is now is backed up first; "
                "%n record(s) changed since the backup will no longer be shown.", "",
                shown.lost_total).format(time=when_text(shown.backup_time) or "?")):
            return
        self.start_restore(shown.file, password)

    def start_restore(self, file: Path, password: str | None) -> BackgroundJob:
        path, backup_dir, actor = self.path, self.backup_dir, self.actor

        def work(_progress: object) -> RestoreResult:
            if password is not None and actor is not None:
                from gridoffice.services.accounts import AccountService

                AccountService(path).sign_in(actor.login, password)  # wrong: nothing changes
            return backups.restore(path, backup_dir, file, actor)

        self.about_to_restore.emit()
        job = BackgroundJob(self, work, label=self.tr("Restoring the backup…"),
                            on_success=self._restored, on_failure=self._refused,
                            progress_delay_ms=QUIET_MS)
        self.restore_job = job
        for widget in (self.list_view, self.choose_button, self.password_edit,
                       self.buttons):
            widget.setEnabled(False)
        self._set_busy(True, self.tr("Restoring the backup… Please wait."))
        return job.start()

    def _restored(self, result: RestoreResult) -> None:
        self.restore_job = None
        self._set_busy(False)
        self.result_value = result
        QWidget.setEnabled(self.buttons, True)
        super(FormDialog, self).accept()  # QDialog.accept: the restore is done

    def _refused(self, exc: BaseException) -> None:
        self.restore_job = None
        self._set_busy(False)
        for widget in (self.list_view, self.choose_button, self.password_edit,
                       self.buttons):
            widget.setEnabled(True)
        self.password_edit.clear()
        self.update_ok()
        self.restore_failed.emit(exc)
        if isinstance(exc, UserError):
            self.show_error(messages.user_error_text(exc), "password")
        else:
            import sys

            sys.excepthook(type(exc), exc, exc.__traceback__)

    def reject(self) -> None:
        if self.restore_job is not None:
            return  # a restore cannot be stopped halfway; it is quick
        super().reject()

    @classmethod
    def ask(cls, parent: QWidget | None, path: Path, backup_dir: Path, actor: Actor | None,
            on_restore: Any = None, on_failure: Any = None) -> RestoreResult | None:
        """Show the dialog; the result of the restore, or None if nothing was restored.
        ``on_restore`` is called just before a restore starts, ``on_failure(error)``
        when it was refused."""
        dialog = cls(parent, path, backup_dir, actor)
        if on_restore is not None:
            dialog.about_to_restore.connect(on_restore)
        if on_failure is not None:
            dialog.restore_failed.connect(on_failure)
        return dialog.ask_result()  # type: ignore[no-any-return]
