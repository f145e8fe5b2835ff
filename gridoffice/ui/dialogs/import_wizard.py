"""The Excel import wizard every importer shares: choose a file and sheet, match its
columns (remembered from the last import), check every row in the background, list
the problems (and save them as a workbook), and import only a file without problems.

An importer's wizard (``roster_import``, ``residents_import``) subclasses
:class:`ImportWizard` with its :class:`~gridoffice.services.excel.headers.ColumnSet`,
its dry run and apply, its own options and its own words (:class:`ImporterHooks`).
Strings written here are in the ``ImportWizard`` and ``SheetChoice`` contexts; a
subclass's own ``self.tr`` strings are found in its own context (see
:meth:`ImportWizard.tr`).
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from gridoffice.domain.access import Actor
from gridoffice.errors import UserError
from gridoffice.services.excel import headers as excel_headers
from gridoffice.services.excel.export import export_problems as write_problems
from gridoffice.services.excel.headers import ColumnSet, SheetLayout, column_label
from gridoffice.services.excel.mappings import remembered_mapping
from gridoffice.services.excel.problems import Problem
from gridoffice.services.excel.workbook import sheet_names
from gridoffice.store.database import Database
from gridoffice.ui import messages
from gridoffice.ui.dialogs.form import ERROR_COLOR, FormDialog
from gridoffice.ui.labels import translate_by_class
from gridoffice.ui.models.table import RowTableModel
from gridoffice.ui.workers import BackgroundJob

NOT_IMPORTED = -1  # the combo's data for "this field is not in the sheet"
TaskProgress = Callable[[int, int], bool]


def _value_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def problem_text(problem: Problem) -> str:
    """The message of a problem in the interface language."""
    if problem.error is not None:
        return messages.user_error_text(problem.error)
    return problem.message


class PreviewModel(RowTableModel[tuple[Any, ...]]):
    """The first rows of the sheet, under its own column titles."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers: list[str] = []

    def set_sheet(self, headers: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> None:
        width = max([len(headers), *(len(r) for r in rows)], default=0)
        self._headers = [column_label(headers, i) for i in range(width)]
        self.set_rows(rows)

    def headers(self) -> Sequence[str]:
        return self._headers

    def display(self, row: tuple[Any, ...], column: int) -> str:
        return _value_text(row[column]) if column < len(row) else ""


class ProblemModel(RowTableModel[Problem]):
    """Row, column and message of every problem found by the check."""

    def __init__(self, parent: Any = None, headers: Sequence[str] = ()) -> None:
        super().__init__(parent)
        self._headers = list(headers)

    def headers(self) -> Sequence[str]:
        return self._headers

    def display(self, row: Problem, column: int) -> str:
        if column == 0:
            return str(row.row) if row.row else "—"
        if column == 1:
            return row.column or "—"
        return problem_text(row)

    def sort_key(self, row: Problem, column: int) -> Any:
        return row.row if column == 0 else self.display(row, column)

    def tooltip(self, row: Problem, column: int) -> str | None:
        return problem_text(row) if column == 2 else None


def error_label(parent: QWidget) -> QLabel:
    """A hidden, wrapping, selectable label for a page's error message."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {ERROR_COLOR};")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


class WizardPage(QWizardPage):
    """A page whose behaviour the wizard supplies (so every string is the wizard's)."""

    def __init__(self, wizard: QWizard, *, enter: Callable[[], object],
                 complete: Callable[[], bool],
                 validate: Callable[[], bool] | None = None) -> None:
        super().__init__(wizard)
        self._enter = enter
        self._complete = complete
        self._validate = validate

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        self._enter()

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self._complete()

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        return self._validate() if self._validate is not None else True

    def changed(self) -> None:
        self.completeChanged.emit()


class ImporterHooks:
    """What an importer's wizard supplies: its words, its options on the columns page,
    and its work (a dry run and an apply, called in the background)."""

    def file_subtitle(self) -> str:
        raise NotImplementedError

    def open_title(self) -> str:
        """The title of the Browse dialog."""
        raise NotImplementedError

    def columns_subtitle(self) -> str:
        raise NotImplementedError

    def check_subtitle(self) -> str:
        raise NotImplementedError

    def add_options(self, page: QWizardPage) -> QLayout:
        """The importer's options under the column table (built once)."""
        raise NotImplementedError

    def enter_options(self) -> None:
        """Refresh the options when the columns page is shown."""

    def dry_run_task(self) -> Callable[[TaskProgress], Any]:
        """A dry run of the file as chosen now, to call in the background."""
        raise NotImplementedError

    def apply_plan(self, plan: Any, progress: TaskProgress) -> Any:
        """Write a checked plan (in the background); what was imported."""
        raise NotImplementedError

    def counts_text(self, plan: Any) -> str:
        raise NotImplementedError

    def nothing_text(self) -> str:
        """Why a file without problems has nothing to import."""
        raise NotImplementedError

    def import_tip(self) -> str:
        raise NotImplementedError

    def importing_text(self, count: int) -> str:
        raise NotImplementedError

    def importing_label(self) -> str:
        raise NotImplementedError

    def imported_text(self, result: Any) -> str:
        raise NotImplementedError

    def nothing_tip(self) -> str:
        raise NotImplementedError



class SheetChoice:
    """The first page of an import wizard: the path of a workbook (typed or browsed)
    and the sheet to import, with what is wrong with the file said on the page."""

    file_page: WizardPage

    def _build_file_page(self) -> WizardPage:
        page = WizardPage(self, enter=lambda: None, complete=self._file_complete)
        page.setTitle(self.tr("Choose the Excel file"))
        page.setSubTitle(self.file_subtitle())
        self.path_edit = QLineEdit(page)
        self.path_edit.setPlaceholderText(self.tr("Path of an .xlsx file"))
        self.browse_button = QPushButton(self.tr("Browse…"), page)
        self.browse_button.clicked.connect(self.browse)
        self.sheet_combo = QComboBox(page)
        self.file_error = error_label(page)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        form = QFormLayout(page)
        form.addRow(self.tr("File:"), row)
        form.addRow(self.tr("Sheet:"), self.sheet_combo)
        form.addRow(self.file_error)
        self._sheet_timer = QTimer(self)
        self._sheet_timer.setSingleShot(True)
        self._sheet_timer.setInterval(300)
        self._sheet_timer.timeout.connect(self.load_sheets)
        self.path_edit.textChanged.connect(self._path_edited)
        self.sheet_combo.currentIndexChanged.connect(lambda _i: page.changed())
        return page

    def ask_open_path(self) -> str:
        """The file the user picks ("" if cancelled; replaced in tests)."""
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        path, _filter = QFileDialog.getOpenFileName(
            self, self.open_title(), folder,
            self.tr("Excel workbooks (*.xlsx *.xlsm);;All files (*)"))
        return path

    def browse(self) -> None:
        chosen = self.ask_open_path()
        if chosen:
            self.path_edit.setText(chosen)
            self.load_sheets()

    def _path_edited(self, _text: str) -> None:
        self.sheet_combo.clear()
        self.file_error.hide()
        self.file_page.changed()
        self._sheet_timer.start()

    def load_sheets(self) -> bool:
        """Fill the sheet list from the file in the path field; False with a message in
        the page if the file cannot be used."""
        self._sheet_timer.stop()
        self.sheet_combo.clear()
        self.file_error.hide()
        text = self.path_edit.text().strip()
        if text:
            try:
                names = sheet_names(Path(text))
            except UserError as err:
                self.file_error.setText(messages.user_error_text(err))
                self.file_error.show()
            else:
                self.sheet_combo.addItems(names)
        self.file_page.changed()
        return self.sheet_combo.count() > 0

    def _file_complete(self) -> bool:
        return self.sheet_combo.count() > 0 and bool(self.sheet_combo.currentText())

    def path(self) -> Path:
        return Path(self.path_edit.text().strip())

    def sheet(self) -> str:
        return self.sheet_combo.currentText()



class ImportWizard(SheetChoice, ImporterHooks, QWizard):
    """Import the rows of an Excel sheet (.xlsx), all or nothing; a subclass says what
    is imported (see the hooks below)."""

    PAGE_FILE, PAGE_COLUMNS, PAGE_CHECK, PAGE_IMPORT = range(4)
    columns: ClassVar[ColumnSet]  # the importer's columns

    def __init__(self, parent: QWidget | None, db: Database, operator: str,
                 today: dt.date, actor: Actor | None = None) -> None:
        super().__init__(parent)
        self.db = db
        #: who imports: the records name the person, the audit log the account
        self.actor = actor if actor is not None else Actor.open(operator)
        self.operator = self.actor.operator
        self.today = today
        self.layout_: SheetLayout | None = None
        self.plan: Any = None
        self.result_value: Any = None
        self.job: BackgroundJob | None = None
        self._close_when_done = False
        self._checking = False
        self._check_pending = False
        self._importing = False
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))
        self.setMinimumSize(760, 560)
        self.file_page = self._build_file_page()
        self.columns_page = self._build_columns_page()
        self.check_page = self._build_check_page()
        self.import_page = self._build_import_page()
        self.setPage(self.PAGE_FILE, self.file_page)
        self.setPage(self.PAGE_COLUMNS, self.columns_page)
        self.setPage(self.PAGE_CHECK, self.check_page)
        self.setPage(self.PAGE_IMPORT, self.import_page)

    def tr(self, source: str, disambiguation: str | None = None,  # type: ignore[override]
           n: int = -1) -> str:
        """Translate in the context of the class that wrote the string: a subclass's own
        strings in its context, the shared ones in ``ImportWizard``'s or
        ``SheetChoice``'s."""
        return translate_by_class(self, QWizard, source, disambiguation, n)

    # --- running ------------------------------------------------------------------------
    @classmethod
    def show_modal(cls, wizard: ImportWizard) -> Any:
        """Show ``wizard``; what was imported, or None if nothing was."""
        FormDialog.run_modal(wizard)  # the seam tests drive dialogs through
        return wizard.result_value

    def reject(self) -> None:
        """Closing while a job runs cancels it first: nothing is left half done."""
        if self.job is not None and self.job.running:
            self._close_when_done = True
            self.job.cancel()
            return
        super().reject()

    def _job_finished(self) -> None:
        self.job = None
        if self._close_when_done:
            self._close_when_done = False
            if self.result_value is not None:
                self.accept()
            else:
                super().reject()

    # --- page 2: the columns ---------------------------------------------------------------
    def _build_columns_page(self) -> WizardPage:
        page = WizardPage(self, enter=self._enter_columns, complete=self._columns_complete,
                          validate=self._validate_columns)
        page.setTitle(self.tr("Match the columns"))
        page.setSubTitle(self.columns_subtitle())
        self.mapping_table = self._mapping_table(page)
        self.header_label = QLabel(page)
        self.header_label.setWordWrap(True)
        self.preview_model = PreviewModel(self)
        self.preview_view = QTableView(page)
        self.preview_view.setModel(self.preview_model)
        self.preview_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_view.setMaximumHeight(150)
        self.columns_error = error_label(page)
        options = self.add_options(page)
        layout = QVBoxLayout(page)
        layout.addWidget(self.mapping_table, 3)
        layout.addLayout(options)
        layout.addWidget(self.header_label)
        layout.addWidget(self.preview_view, 1)
        layout.addWidget(self.columns_error)
        return page

    def _mapping_table(self, page: QWizardPage) -> QTableWidget:
        """One row per field: its label (needed ones marked *) and a column combo."""
        fields = self.columns.fields
        table = QTableWidget(len(fields), 2, page)
        table.setHorizontalHeaderLabels([self.tr("Item"), self.tr("Column in the sheet")])
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.mapping_combos: dict[str, QComboBox] = {}
        bold = QFont()
        bold.setBold(True)
        for row, key in enumerate(fields):
            label = QCoreApplication.translate("errors", self.columns.labels[key])
            item = QTableWidgetItem(label)
            if key in self.columns.required:
                item.setText(self.tr("{label} *").format(label=label))
                item.setFont(bold)
            table.setItem(row, 0, item)
            combo = QComboBox(table)
            combo.currentIndexChanged.connect(lambda _i: self.columns_page.changed())
            table.setCellWidget(row, 1, combo)
            self.mapping_combos[key] = combo
        return table

    def _enter_columns(self) -> None:
        self.columns_error.hide()
        self.enter_options()
        try:
            self.layout_ = excel_headers.read_layout(self.path(), self.sheet(), self.columns)
        except UserError as err:
            self.layout_ = None
            self.columns_error.setText(messages.user_error_text(err))
            self.columns_error.show()
            for combo in self.mapping_combos.values():
                combo.clear()
            self.preview_model.set_sheet([], [])
            self.columns_page.changed()
            return
        layout = self.layout_
        remembered = remembered_mapping(self.db, self.columns.mapping_setting)
        self._fill_combos(layout, excel_headers.guess_mapping(layout.headers, self.columns,
                                                              remembered))
        if layout.header_rows[0] == layout.header_rows[1]:
            where = self.tr("Column titles found in row {row}; the data starts in row {start}."
                            ).format(row=layout.header_rows[0], start=layout.data_start)
        else:
            where = self.tr("Column titles found in rows {first} and {last}; the data starts "
                            "in row {start}.").format(first=layout.header_rows[0],
                                                      last=layout.header_rows[1],
                                                      start=layout.data_start)
        self.header_label.setText(where)
        self.preview_model.set_sheet(layout.headers, layout.preview)
        self.preview_view.resizeColumnsToContents()
        self.columns_page.changed()

    def _fill_combos(self, layout: SheetLayout, mapping: dict[str, int]) -> None:
        """Offer every column of the sheet for every field; choose ``mapping``'s."""
        from openpyxl.utils import get_column_letter

        width = max([len(layout.headers), *(len(r) for r in layout.preview)], default=0)
        for key, combo in self.mapping_combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(not in the sheet)"), NOT_IMPORTED)
            for index in range(width):
                title = layout.headers[index] if index < len(layout.headers) else ""
                letter = get_column_letter(index + 1)
                text = (self.tr("{title} (column {letter})").format(title=title, letter=letter)
                        if title else self.tr("Column {letter}").format(letter=letter))
                combo.addItem(text, index)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(key, NOT_IMPORTED))))
            combo.blockSignals(False)

    def mapping(self) -> dict[str, int]:
        """Field -> column index, as chosen in the table."""
        chosen = {}
        for key, combo in self.mapping_combos.items():
            index = combo.currentData()
            if index is not None and index != NOT_IMPORTED:
                chosen[key] = int(index)
        return chosen

    def set_column(self, key: str, index: int) -> None:
        """Choose the column (or NOT_IMPORTED) for a field, as a click would."""
        combo = self.mapping_combos[key]
        combo.setCurrentIndex(max(0, combo.findData(index)))

    def _columns_complete(self) -> bool:
        return self.layout_ is not None and self.columns.needed(self.mapping())

    def _validate_columns(self) -> bool:
        assert self.layout_ is not None
        try:
            excel_headers.check_mapping(self.layout_.headers, self.mapping(), self.columns)
        except UserError as err:
            self.columns_error.setText(messages.user_error_text(err))
            self.columns_error.show()
            return False
        self.columns_error.hide()
        return True

    # --- page 3: the check -----------------------------------------------------------------
    def _build_check_page(self) -> WizardPage:
        page = WizardPage(self, enter=self.start_check, complete=self._can_import)
        page.setTitle(self.tr("Check the rows"))
        page.setSubTitle(self.check_subtitle())
        page.setCommitPage(True)
        self.check_label = QLabel(page)
        self.check_label.setWordWrap(True)
        self.problem_model = ProblemModel(self, self.problem_headers())
        self.problem_view = QTableView(page)
        self.problem_view.setModel(self.problem_model)
        self.problem_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problem_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problem_view.setWordWrap(True)
        self.problem_view.verticalHeader().hide()
        header = self.problem_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.check_again_button = QPushButton(self.tr("Check again"), page)
        self.check_again_button.setToolTip(self.tr(
            "Check the file again after correcting and saving it."))
        self.check_again_button.clicked.connect(self.start_check)
        self.export_problems_button = QPushButton(self.tr("Export problems…"), page)
        self.export_problems_button.clicked.connect(self.export_problems)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_again_button)
        buttons.addWidget(self.export_problems_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.check_label)
        layout.addWidget(self.problem_view, 1)
        layout.addLayout(buttons)
        return page

    def problem_headers(self) -> tuple[str, str, str]:
        return self.tr("Row"), self.tr("Column"), self.tr("Problem")

    def start_check(self) -> BackgroundJob | None:
        """Check every row of the sheet in the background (a dry run). A check still
        running (with columns chosen before) is cancelled and this one starts after it."""
        if self.job is not None and self.job.running:
            if self._checking:
                self._check_pending = True
                self.job.cancel()
            return self.job
        self._check_pending = False
        self.plan = None
        self._checking = True
        self.problem_model.set_rows([])
        self.problem_view.hide()
        self.export_problems_button.hide()
        self.check_again_button.setEnabled(False)
        self.check_label.setText(self.tr("Checking the rows of {sheet}…").format(
            sheet=self.sheet()))
        self._update_commit_button()
        job = BackgroundJob(self, self.dry_run_task(), label=self.tr("Checking the rows…"),
                            on_success=self._checked, on_failure=self._check_failed)
        job.cancelled.connect(self._check_cancelled)
        job.finished.connect(self._check_finished)
        job.finished.connect(self._job_finished)
        self.job = job.start()
        return job

    def _checked(self, plan: Any) -> None:
        self.plan = plan
        counts = self.counts_text(plan)
        if plan.problems:
            self.problem_model.set_rows(plan.problems)
            if len(plan.problems) <= 500:  # measuring thousands of rows would stall
                self.problem_view.resizeRowsToContents()
            self.problem_view.show()
            self.export_problems_button.show()
            rows = len({p.row for p in plan.problems})
            text = self.tr("Problems: {count} in {rows} rows. Correct them in the file, save "
                           "it and click Check again; nothing is imported until every problem "
                           "is solved.").format(count=len(plan.problems), rows=rows)
            self.check_label.setText(text + "\n" + counts)
        elif not plan.new and not plan.updates:
            self.check_label.setText(self.nothing_text() + "\n" + counts)
        else:
            self.check_label.setText(self.tr("No problems found. Click Import to import the "
                                             "file.") + "\n" + counts)

    def _check_failed(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            self.check_label.setText(messages.user_error_text(error))
        else:
            self.check_label.setText(self.tr("The check failed because of an unexpected "
                                             "error."))
            sys.excepthook(type(error), error, error.__traceback__)

    def _check_cancelled(self) -> None:
        self.check_label.setText(self.tr("The check was cancelled."))

    def _check_finished(self) -> None:
        self._checking = False
        self.check_again_button.setEnabled(True)
        self._update_commit_button()
        self.check_page.changed()
        if self._check_pending and not self._close_when_done:
            self.job = None
            QTimer.singleShot(0, self.start_check)

    def _can_import(self) -> bool:
        plan = self.plan
        return (plan is not None and not self._checking and not plan.problems
                and bool(plan.new or plan.updates))

    def _update_commit_button(self) -> None:
        """The Import button says why it cannot be used yet."""
        plan = self.plan
        if self._checking:
            text, tip = self.tr("Checking…"), self.tr("The rows are being checked.")
        elif plan is None:
            text, tip = self.tr("Import"), self.tr("The file has not been checked.")
        elif plan.problems:
            text = self.tr("Problems to fix: {count}").format(count=len(plan.problems))
            tip = self.tr("Correct the problems in the file and check it again; nothing is "
                          "imported while a problem is left.")
        elif not plan.new and not plan.updates:
            text, tip = self.tr("Nothing to import"), self.nothing_tip()
        else:
            text, tip = self.tr("Import"), self.import_tip()
        self.setButtonText(QWizard.WizardButton.CommitButton, text)
        self.button(QWizard.WizardButton.CommitButton).setToolTip(tip)

    def commit_button_text(self) -> str:
        return self.buttonText(QWizard.WizardButton.CommitButton)

    def ask_problems_path(self) -> str:
        """Where to save the problem list ("" if cancelled; replaced in tests)."""
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = Path(folder) / self.tr("{name} problems.xlsx").format(name=self.path().stem)
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export the problems"), str(suggested),
            self.tr("Excel files (*.xlsx)"))
        return path

    def export_problems(self) -> Path | None:
        """Save the problem list, as shown, to an .xlsx file."""
        if self.plan is None or not self.plan.problems:
            return None
        chosen = self.ask_problems_path()
        if not chosen or messages.output_refused(self, chosen, self.db.path):
            return None
        target = Path(chosen)
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        rows = [(p.row, p.column, problem_text(p)) for p in self.plan.problems]
        try:
            write_problems(target, rows, self.problem_headers())
        except UserError as err:
            messages.show_user_error(self, err)
            return None
        self.check_label.setText(self.tr("The problems were saved to {path}.").format(
            path=str(target)))
        return target

    # --- page 4: the import ----------------------------------------------------------------
    def _build_import_page(self) -> WizardPage:
        """The last page: what the import did, and a button to check and import again
        (after a cancel, or when the data changed meanwhile)."""
        page = WizardPage(self, enter=self.start_import, complete=self._import_complete)
        page.setTitle(self.tr("Import"))
        page.setFinalPage(True)
        self.import_label = QLabel(page)
        self.import_label.setWordWrap(True)
        self.retry_button = QPushButton(self.tr("Check and import again"), page)
        self.retry_button.setToolTip(self.tr(
            "Check the file again and, if it has no problems, import it."))
        self.retry_button.clicked.connect(lambda: self.start_import(recheck=True))
        self.retry_button.hide()
        layout = QVBoxLayout(page)
        layout.addWidget(self.import_label)
        layout.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        return page

    def start_import(self, *, recheck: bool = False) -> BackgroundJob | None:
        """Write the checked plan in the background, in one transaction; ``recheck``:
        check the file again first (after a cancel, or when the data changed meanwhile)."""
        if self.job is not None and self.job.running:
            return self.job
        checked = self.plan
        if checked is None or (checked.problems and not recheck):
            return None
        self._importing = True
        self.retry_button.hide()
        self.import_label.setText(self.importing_text(len(checked.new) + len(checked.updates)))
        self.import_page.changed()
        dry_run = self.dry_run_task()
        committed: list[Any] = []

        def task(progress: TaskProgress) -> Any:
            plan = dry_run(progress) if recheck else checked
            result = self.apply_plan(plan, progress)
            committed.append(result)  # Cancel may come after the commit: then it is done
            return result

        job = BackgroundJob(self, task, label=self.importing_label(),
                            on_success=self._imported, on_failure=self._import_failed)
        job.cancelled.connect(lambda: self._import_cancelled(committed))
        job.finished.connect(self._import_finished)
        job.finished.connect(self._job_finished)
        self.job = job.start()
        return job

    def _imported(self, result: Any) -> None:
        self.result_value = result
        self.import_label.setText(self.imported_text(result))

    def _import_failed(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            self.import_label.setText(messages.user_error_text(error))
        else:
            self.import_label.setText(self.tr("The import failed because of an unexpected "
                                              "error; nothing was changed."))
            sys.excepthook(type(error), error, error.__traceback__)
        self.retry_button.show()

    def _import_cancelled(self, committed: list[Any]) -> None:
        if committed:  # too late to cancel: the transaction had been committed
            self._imported(committed[0])
            return
        self.import_label.setText(self.tr("The import was cancelled; nothing was changed."))
        self.retry_button.show()

    def _import_finished(self) -> None:
        self._importing = False
        self.import_page.changed()

    def _import_complete(self) -> bool:
        return not self._importing and self.result_value is not None
