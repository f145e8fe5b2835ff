"""The residents import wizard (实有人口): choose an Excel file and sheet, match its
columns, check every row in the background, and import only a file without problems.

The work is :mod:`gridoffice.services.residents_excel`; this module only asks and
shows. The generic pieces (models, pages) come from the roster import wizard; every
string here is in the ``ResidentsImportWizard`` context.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from gridoffice.errors import UserError
from gridoffice.services import residents_excel
from gridoffice.services.households import HouseholdService
from gridoffice.services.residents_excel import ResidentImportPlan, ResidentImportResult
from gridoffice.store.database import Database
from gridoffice.ui import messages
from gridoffice.ui.dialogs.form import FormDialog
from gridoffice.ui.dialogs.roster_import import (
    NOT_IMPORTED,
    PreviewModel,
    ProblemModel,
    WorkbookChoice,
    _Page,
    error_label,
)
from gridoffice.ui.workers import BackgroundJob

REQUIRED = ("name", "relation")  # and a building or an address column


class ResidentsImportWizard(WorkbookChoice, QWizard):
    """Import residents from a flat Excel sheet (.xlsx), all or nothing."""

    read_sheet_names = staticmethod(residents_excel.sheet_names)

    PAGE_FILE, PAGE_COLUMNS, PAGE_CHECK, PAGE_IMPORT = range(4)

    def __init__(self, parent: QWidget | None, db: Database, operator: str,
                 today: dt.date, grid_id: str | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.operator = operator
        self.today = today
        self.grid_id = grid_id
        self.layout_: residents_excel.rx.SheetLayout | None = None
        self.plan: ResidentImportPlan | None = None
        self.result_value: ResidentImportResult | None = None
        self.job: BackgroundJob | None = None
        self._close_when_done = False
        self._checking = False
        self._importing = False
        self.setWindowTitle(self.tr("Import residents from Excel"))
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

    # --- running ------------------------------------------------------------------------
    @classmethod
    def run(cls, parent: QWidget | None, db: Database, operator: str, today: dt.date,
            grid_id: str | None) -> ResidentImportResult | None:
        """Show the wizard; what was imported, or None if nothing was."""
        wizard = cls(parent, db, operator, today, grid_id)
        FormDialog.run_modal(wizard)  # the seam tests drive dialogs through
        return wizard.result_value

    # --- page 1: the file ------------------------------------------------------------------
    def _build_file_page(self) -> _Page:
        page = _Page(self, enter=lambda: None, complete=self._file_complete)
        page.setTitle(self.tr("Choose the Excel file"))
        page.setSubTitle(self.tr(
            "Choose the workbook (.xlsx) that lists the residents, one person a row, and "
            "its sheet. Nothing is imported before every row has been checked."))
        self._add_file_widgets(page)
        return page

    def ask_open_path(self) -> str:
        """The file the user picks ("" if cancelled; replaced in tests)."""
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose the residents workbook"), folder,
            self.tr("Excel workbooks (*.xlsx *.xlsm);;All files (*)"))
        return path

    # --- page 2: the columns ---------------------------------------------------------------
    def _build_columns_page(self) -> _Page:
        page = _Page(self, enter=self._enter_columns, complete=self._columns_complete,
                     validate=self._validate_columns)
        page.setTitle(self.tr("Match the columns"))
        page.setSubTitle(self.tr(
            "Say which column of the sheet holds each item. Columns were recognised by "
            "their titles; fields marked * are needed, and a building or an address."))
        fields = residents_excel.FIELDS
        self.mapping_table = QTableWidget(len(fields), 2, page)
        self.mapping_table.setHorizontalHeaderLabels([self.tr("Item"),
                                                      self.tr("Column in the sheet")])
        self.mapping_table.verticalHeader().hide()
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mapping_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.mapping_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.mapping_combos: dict[str, QComboBox] = {}
        bold = QFont()
        bold.setBold(True)
        for row, key in enumerate(fields):
            label = QCoreApplication.translate("errors", residents_excel.FIELD_LABELS[key])
            item = QTableWidgetItem(label)
            if key in REQUIRED:
                item.setText(self.tr("{label} *").format(label=label))
                item.setFont(bold)
            self.mapping_table.setItem(row, 0, item)
            combo = QComboBox(self.mapping_table)
            combo.currentIndexChanged.connect(lambda _i: self.columns_page.changed())
            self.mapping_table.setCellWidget(row, 1, combo)
            self.mapping_combos[key] = combo
        self.grid_combo = QComboBox(page)
        self.create_buildings_check = QCheckBox(
            self.tr("Create buildings that do not exist yet"), page)
        self.create_buildings_check.setToolTip(self.tr(
            "Without this, a row naming a building that is not in its grid is a problem."))
        self.header_label = QLabel(page)
        self.header_label.setWordWrap(True)
        self.preview_model = PreviewModel(self)
        self.preview_view = QTableView(page)
        self.preview_view.setModel(self.preview_model)
        self.preview_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_view.setMaximumHeight(150)
        self.columns_error = error_label(page)
        form = QFormLayout()
        form.addRow(self.tr("Grid of rows without one:"), self.grid_combo)
        form.addRow(self.create_buildings_check)
        layout = QVBoxLayout(page)
        layout.addWidget(self.mapping_table, 3)
        layout.addLayout(form)
        layout.addWidget(self.header_label)
        layout.addWidget(self.preview_view, 1)
        layout.addWidget(self.columns_error)
        return page

    def _enter_columns(self) -> None:
        self.columns_error.hide()
        self._fill_grids()
        try:
            self.layout_ = residents_excel.read_layout(self.path(), self.sheet())
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
        mapping = residents_excel.guess_mapping(layout.headers)
        width = max([len(layout.headers), *(len(r) for r in layout.preview)], default=0)
        from openpyxl.utils import get_column_letter

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
        self.header_label.setText(self.tr(
            "Column titles found in row {row}; the data starts in row {start}.").format(
            row=layout.header_rows[1], start=layout.data_start))
        self.preview_model.set_sheet(layout.headers, layout.preview)
        self.preview_view.resizeColumnsToContents()
        self.columns_page.changed()

    def _fill_grids(self) -> None:
        current = self.grid_combo.currentData() if self.grid_combo.count() else self.grid_id
        self.grid_combo.clear()
        grids = HouseholdService(self.db, self.operator, self.today).list_grids()
        if not grids:
            self.grid_combo.addItem(self.tr("(no grid yet: the sheet names it)"), None)
        for grid in grids:
            self.grid_combo.addItem(grid.name, grid.id)
        self.grid_combo.setCurrentIndex(max(0, self.grid_combo.findData(current)))

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
        mapping = self.mapping()
        return (self.layout_ is not None and all(k in mapping for k in REQUIRED)
                and ("building" in mapping or "address" in mapping))

    def _validate_columns(self) -> bool:
        assert self.layout_ is not None
        try:
            residents_excel.check_mapping(self.layout_.headers, self.mapping())
        except UserError as err:
            self.columns_error.setText(messages.user_error_text(err))
            self.columns_error.show()
            return False
        self.columns_error.hide()
        return True

    def _dry_run(self) -> Callable[[Callable[[int, int], bool]], ResidentImportPlan]:
        """A dry run of the file as chosen now, to call in the background."""
        db, path, sheet, mapping = self.db, self.path(), self.sheet(), self.mapping()
        grid_id, create = self.grid_combo.currentData(), self.create_buildings_check.isChecked()
        today = self.today

        def check(progress: Callable[[int, int], bool]) -> ResidentImportPlan:
            return residents_excel.dry_run(db, path, sheet, mapping, today=today,
                                           progress=progress, grid_id=grid_id,
                                           create_buildings=create)

        return check

    # --- page 3: the check -----------------------------------------------------------------
    def _build_check_page(self) -> _Page:
        page = _Page(self, enter=self.start_check, complete=self._can_import)
        page.setTitle(self.tr("Check the rows"))
        page.setSubTitle(self.tr(
            "Every row is checked as the resident form would check it. Nothing is imported "
            "while a problem is left."))
        page.setCommitPage(True)
        self.check_label = QLabel(page)
        self.check_label.setWordWrap(True)
        self.problem_model = ProblemModel(self, [self.tr("Row"), self.tr("Column"),
                                                 self.tr("Problem")])
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
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_again_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.check_label)
        layout.addWidget(self.problem_view, 1)
        layout.addLayout(buttons)
        return page

    def start_check(self) -> BackgroundJob | None:
        """Check every row of the sheet in the background (a dry run)."""
        if self.job is not None and self.job.running:
            return self.job
        self.plan = None
        self._checking = True
        self.problem_model.set_rows([])
        self.problem_view.hide()
        self.check_again_button.setEnabled(False)
        self.check_label.setText(self.tr("Checking the rows of {sheet}…").format(
            sheet=self.sheet()))
        self._update_commit_button()
        job = BackgroundJob(self, self._dry_run(), label=self.tr("Checking the rows…"),
                            on_success=self._checked, on_failure=self._check_failed)
        job.cancelled.connect(
            lambda: self.check_label.setText(self.tr("The check was cancelled.")))
        job.finished.connect(self._check_finished)
        job.finished.connect(self._job_finished)
        self.job = job.start()
        return job

    def _counts_text(self, plan: ResidentImportPlan) -> str:
        counts = plan.counts()
        return self.tr(
            "Rows: {rows}. New residents: {new}. Residents to update: {updated}. "
            "Unchanged: {unchanged}. New buildings: {buildings}, houses: {houses}, "
            "households: {households}.").format(
            rows=counts["rows"], new=counts["new"], updated=counts["updated"],
            unchanged=counts["unchanged"], buildings=counts["new_buildings"],
            houses=counts["new_houses"], households=counts["new_households"])

    def _checked(self, plan: ResidentImportPlan) -> None:
        self.plan = plan
        counts = self._counts_text(plan)
        if plan.problems:
            self.problem_model.set_rows(plan.problems)
            if len(plan.problems) <= 500:  # measuring thousands of rows would stall
                self.problem_view.resizeRowsToContents()
            self.problem_view.show()
            rows = len({p.row for p in plan.problems})
            self.check_label.setText(self.tr(
                "Problems: {count} in {rows} rows. Correct them in the file, save it and "
                "click Check again; nothing is imported until every problem is solved."
            ).format(count=len(plan.problems), rows=rows) + "\n" + counts)
        elif not plan.new and not plan.updates:
            self.check_label.setText(self.tr(
                "No problems, and nothing to import: every resident in the file is already "
                "registered with the same details.") + "\n" + counts)
        else:
            self.check_label.setText(self.tr(
                "No problems found. Click Import to import the file.") + "\n" + counts)

    def _check_failed(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            self.check_label.setText(messages.user_error_text(error))
        else:
            self.check_label.setText(self.tr(
                "The check failed because of an unexpected error."))
            sys.excepthook(type(error), error, error.__traceback__)

    def _check_finished(self) -> None:
        self._checking = False
        self.check_again_button.setEnabled(True)
        self._update_commit_button()
        self.check_page.changed()

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
            text, tip = self.tr("Nothing to import"), self.tr(
                "Every resident in the file is already registered with the same details.")
        else:
            text, tip = self.tr("Import"), self.tr(
                "Import the residents: all of them, or nothing if anything goes wrong.")
        self.setButtonText(QWizard.WizardButton.CommitButton, text)
        self.button(QWizard.WizardButton.CommitButton).setToolTip(tip)

    def commit_button_text(self) -> str:
        return self.buttonText(QWizard.WizardButton.CommitButton)

    # --- page 4: the import and its summary ------------------------------------------------
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
        self.import_label.setText(self.tr("Importing {count} residents…").format(
            count=len(checked.new) + len(checked.updates)))
        self.import_page.changed()
        db, operator, today = self.db, self.operator, self.today
        dry_run = self._dry_run()
        committed: list[ResidentImportResult] = []

        def task(progress: Callable[[int, int], bool]) -> ResidentImportResult:
            plan = checked
            if recheck:
                plan = dry_run(progress)
            result = residents_excel.apply(db, plan, operator=operator, today=today,
                                           progress=progress)
            committed.append(result)  # Cancel may come after the commit: then it is done
            return result

        job = BackgroundJob(self, task, label=self.tr("Importing the residents…"),
                            on_success=self._imported, on_failure=self._import_failed)
        job.cancelled.connect(lambda: self._import_cancelled(committed))
        job.finished.connect(self._import_finished)
        job.finished.connect(self._job_finished)
        self.job = job.start()
        return job

    def _imported(self, result: ResidentImportResult) -> None:
        self.result_value = result
        self.import_label.setText(self.tr(
            "The import is finished. New residents: {added}. Residents updated: {updated}. "
            "Unchanged: {unchanged}. New buildings: {buildings}, houses: {houses}, "
            "households: {households}.").format(
            added=result.added, updated=result.updated, unchanged=result.unchanged,
            buildings=result.buildings, houses=result.houses, households=result.households))

    def _import_failed(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            self.import_label.setText(messages.user_error_text(error))
        else:
            self.import_label.setText(self.tr("The import failed because of an unexpected "
                                              "error; nothing was changed."))
            sys.excepthook(type(error), error, error.__traceback__)
        self.retry_button.show()

    def _import_cancelled(self, committed: list[ResidentImportResult]) -> None:
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
