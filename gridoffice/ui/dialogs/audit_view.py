"""The audit log as the administrator and the secretary read it: who signed in, saw a
full ID number, printed or exported what, filtered by person, action, days and the
record or ledger named, newest first; whether the log is whole; a masked Excel export
that is itself recorded.

The table model reads a page of entries at a time (``canFetchMore``/``fetchMore``),
so 100,000 entries open as fast as 100. ID numbers and mobiles in targets and
details are masked on screen and in the file (``services.audit.mask_numbers``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gridoffice.errors import UserError
from gridoffice.services import audit
from gridoffice.services.audit import AuditEntry, AuditFilter, AuditService
from gridoffice.ui import messages
from gridoffice.ui.models.table import NO_INDEX, AnyIndex, RowTableModel
from gridoffice.ui.widgets.tables import row_table
from gridoffice.ui.workers import BackgroundJob

PAGE = 300  # entries read at a time as the table scrolls
WHOLE_STYLE = "color: #2e7d32;"
BROKEN_STYLE = "color: #c62828; font-weight: bold;"


def action_text(action: str) -> str:
    """The action's label in the interface language (as recorded when it has none)."""
    return QCoreApplication.translate(audit.LABEL_CONTEXT, audit.action_label(action))


class AuditLogModel(RowTableModel[AuditEntry]):
    """The entries a filter selects, newest first, fetched a page at a time."""

    COL_AT, COL_OPERATOR, COL_ACTION, COL_TARGET, COL_DETAIL = range(5)

    def __init__(self, path: Path, parent: Any = None) -> None:
        super().__init__(parent)
        self.path = path
        self.where = AuditFilter()
        self._more = False

    def headers(self) -> Sequence[str]:
        return (self.tr("Time"), self.tr("Person"), self.tr("Action"),
                self.tr("Record or ledger"), self.tr("Detail"))

    def display(self, row: AuditEntry, column: int) -> str:
        if column == self.COL_AT:
            return row.at.replace("T", " ")
        if column == self.COL_OPERATOR:
            return row.operator or "—"
        if column == self.COL_ACTION:
            return action_text(row.action)
        if column == self.COL_TARGET:
            return audit.mask_numbers(row.target)
        return audit.mask_numbers(QCoreApplication.translate(
            audit.LABEL_CONTEXT, audit.detail_label(row.action, row.detail)))

    def tooltip(self, row: AuditEntry, column: int) -> str | None:
        if column in (self.COL_TARGET, self.COL_DETAIL):
            return self.display(row, column) or None
        if column == self.COL_ACTION and audit.action_label(row.action) != row.action:
            return row.action  # as recorded, for the command line's --action
        return None

    def load(self, where: AuditFilter) -> None:
        """Show the first page of what ``where`` selects."""
        self.where = where
        page = audit.filtered(self.path, where, limit=PAGE)
        self._more = len(page) == PAGE
        self.set_rows(page)

    def canFetchMore(self, parent: AnyIndex = NO_INDEX) -> bool:  # noqa: N802 - Qt's name
        return not parent.isValid() and self._more

    def fetchMore(self, parent: AnyIndex = NO_INDEX) -> None:  # noqa: N802 - Qt's name
        if parent.isValid() or not self._more or not self._rows:
            return
        page = audit.filtered(self.path, self.where, before=self._rows[-1].seq, limit=PAGE)
        self._more = len(page) == PAGE
        if page:
            first = len(self._rows)
            self.beginInsertRows(NO_INDEX, first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()


class AuditLogDialog(QDialog):
    """See the module docstring. Not modal: the window stays usable beside it."""

    chain_checked = Signal()  # the line about the chain shows the result
    exported = Signal(str)  # the file written

    def __init__(self, parent: QWidget | None, service: AuditService) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Audit log"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.resize(1000, 620)
        self.service = service
        self.path = Path(service.db.path)
        self.chain_job: BackgroundJob | None = None
        self.export_job: BackgroundJob | None = None
        self.total = 0

        self.person_combo = QComboBox(self)
        self.action_combo = QComboBox(self)
        today = QDate.currentDate()
        self.from_check = QCheckBox(self.tr("From"), self)
        self.from_date = self._date_edit(today.addMonths(-1))
        self.to_check = QCheckBox(self.tr("To"), self)
        self.to_date = self._date_edit(today)
        self.text_edit = QLineEdit(self)
        self.text_edit.setPlaceholderText(self.tr("Part of a record or ledger, then Enter"))
        self.text_edit.setClearButtonEnabled(True)

        filters = QGridLayout()
        person_label = QLabel(self.tr("&Person"), self)
        person_label.setBuddy(self.person_combo)
        action_label = QLabel(self.tr("&Action"), self)
        action_label.setBuddy(self.action_combo)
        text_label = QLabel(self.tr("&Record or ledger"), self)
        text_label.setBuddy(self.text_edit)
        filters.addWidget(person_label, 0, 0)
        filters.addWidget(self.person_combo, 0, 1)
        filters.addWidget(action_label, 0, 2)
        filters.addWidget(self.action_combo, 0, 3)
        filters.addWidget(self.from_check, 0, 4)
        filters.addWidget(self.from_date, 0, 5)
        filters.addWidget(self.to_check, 0, 6)
        filters.addWidget(self.to_date, 0, 7)
        filters.addWidget(text_label, 1, 0)
        filters.addWidget(self.text_edit, 1, 1, 1, 7)
        filters.setColumnStretch(1, 2)
        filters.setColumnStretch(3, 2)

        self.model = AuditLogModel(self.path, self)
        self.view = row_table(self, self.model)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((150, 110, 170, 220)):
            self.view.setColumnWidth(column, width)
        self.view.verticalHeader().hide()

        self.chain_label = QLabel(self.tr("Checking whether the audit log is whole…"), self)
        self.chain_label.setWordWrap(True)
        self.count_label = QLabel(self)

        self.export_button = QPushButton(self.tr("Export to Excel…"), self)
        self.export_button.setToolTip(self.tr(
            "The entries shown, with ID numbers and mobiles partly hidden; the export is "
            "recorded in the audit log"))
        self.close_button = QPushButton(self.tr("Close"), self)
        for button in (self.export_button, self.close_button):
            button.setAutoDefault(False)  # Enter in the text filter applies it, nothing else
            button.setDefault(False)
        self.export_button.clicked.connect(self.export)
        self.close_button.clicked.connect(self.close)

        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.chain_label)
        layout.addLayout(bottom)

        self._fill_combos()
        self.person_combo.currentIndexChanged.connect(self.apply)
        self.action_combo.currentIndexChanged.connect(self.apply)
        for check, edit in ((self.from_check, self.from_date), (self.to_check, self.to_date)):
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(self.apply)
            edit.dateChanged.connect(self.apply)
        self.text_edit.returnPressed.connect(self.apply)
        self.apply()
        self.check_chain()

    def _date_edit(self, date: QDate) -> QDateEdit:
        edit = QDateEdit(date, self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setEnabled(False)
        return edit

    def _fill_combos(self) -> None:
        self.person_combo.addItem(self.tr("All people"), None)
        for name in audit.operators(self.path):
            self.person_combo.addItem(name, name)
        self.action_combo.addItem(self.tr("All actions"), None)
        shown = sorted(audit.actions(self.path), key=action_text)
        for action in shown:
            self.action_combo.addItem(action_text(action), action)

    # --- filtering --------------------------------------------------------------------
    def current_filter(self) -> AuditFilter:
        def day(check: QCheckBox, edit: QDateEdit) -> dt.date | None:
            if not check.isChecked():
                return None
            date = edit.date()
            return dt.date(date.year(), date.month(), date.day())

        return AuditFilter(since=day(self.from_check, self.from_date),
                           until=day(self.to_check, self.to_date),
                           operator=self.person_combo.currentData(),
                           action=self.action_combo.currentData(),
                           target=self.text_edit.text().strip() or None)

    def apply(self) -> None:
        """Show the entries the filters select (the first page; more on scrolling)."""
        where = self.current_filter()
        try:
            self.model.load(where)
            total = audit.count(self.path, where)
        except UserError as err:
            messages.show_user_error(self, err)
            return
        self.total = total
        self.count_label.setText(self.tr("Entries: {count}").format(count=total))
        self.export_button.setEnabled(total > 0)

    # --- the chain --------------------------------------------------------------------
    def check_chain(self) -> BackgroundJob:
        """Walk the chain in the background; the line below the table says the result."""
        path = self.path

        def task(_progress: Any) -> UserError | None:
            return audit.chain_error(path)

        def done(error: UserError | None) -> None:
            if error is None:
                self.chain_label.setText(self.tr(
                    "The audit log is whole: no entry was changed or removed outside the "
                    "program."))
                self.chain_label.setStyleSheet(WHOLE_STYLE)
            else:
                self.chain_label.setText(messages.user_error_text(error))
                self.chain_label.setStyleSheet(BROKEN_STYLE)
            self.chain_checked.emit()

        self.chain_job = BackgroundJob(self, task, label=self.tr("Checking the audit log…"),
                                       on_success=done, progress_delay_ms=3000).start()
        return self.chain_job

    @property
    def chain_whole(self) -> bool | None:
        """What the line says: True (whole), False (changed), None (not checked yet)."""
        style = self.chain_label.styleSheet()
        return True if style == WHOLE_STYLE else False if style == BROKEN_STYLE else None

    # --- export -----------------------------------------------------------------------
    def ask_export_path(self) -> str:
        """Where to save the export ("" if cancelled; replaced in tests)."""
        from PySide6.QtCore import QStandardPaths
        from PySide6.QtWidgets import QFileDialog

        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = f"{folder}/审计日志_{dt.date.today().isoformat()}.xlsx"
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export the audit log to Excel"), suggested,
            self.tr("Excel files (*.xlsx)"))
        return path

    def export(self) -> BackgroundJob | None:
        """The entries the filters select, masked, to an .xlsx file in the background
        (in Chinese, as every export); the export is itself recorded in the log (and
        then shown)."""
        if self.export_job is not None and self.export_job.running:
            return self.export_job
        chosen = self.ask_export_path()
        if not chosen or messages.output_refused(self, chosen, self.path):
            return None
        target = Path(chosen)
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        where, total = self.current_filter(), self.total
        service, path = self.service, self.path

        def task(progress: Any) -> int:
            return service.export_entries(audit.iter_entries(path, where), target,
                                          total=total, progress=progress)

        def done(count: int) -> None:
            self.apply()  # the export's own entry
            messages.inform(self, self.tr("{count} entries were exported to {path}.").format(
                count=count, path=str(target)))
            self.exported.emit(str(target))

        self.export_job = BackgroundJob(self, task, label=self.tr("Exporting the audit log…"),
                                        on_success=done).start()
        return self.export_job
