"""The residents import wizard (实有人口): one person a row from a flat Excel sheet, on
the shared import wizard (:mod:`gridoffice.ui.dialogs.import_wizard`).

The work is :mod:`gridoffice.services.residents_excel`; this module only says the
residents' options (the grid of rows without one, creating buildings) and words. Its
own strings are in the ``ResidentsImportWizard`` context.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLayout, QWidget, QWizardPage

from gridoffice.domain.access import Actor
from gridoffice.services import residents_excel
from gridoffice.services.households import HouseholdService
from gridoffice.services.residents_excel import ResidentImportPlan, ResidentImportResult
from gridoffice.store.database import Database
from gridoffice.ui.dialogs.import_wizard import NOT_IMPORTED, ImportWizard, TaskProgress

__all__ = ["NOT_IMPORTED", "ResidentsImportWizard"]


class ResidentsImportWizard(ImportWizard):
    """Import residents from a flat Excel sheet (.xlsx), all or nothing."""

    columns = residents_excel.COLUMNS

    def __init__(self, parent: QWidget | None, db: Database, operator: str,
                 today: dt.date, grid_id: str | None = None,
                 actor: Actor | None = None) -> None:
        self.grid_id = grid_id
        super().__init__(parent, db, operator, today, actor)
        self.setWindowTitle(self.tr("Import residents from Excel"))

    @classmethod
    def run(cls, parent: QWidget | None, db: Database, operator: str, today: dt.date,
            grid_id: str | None, actor: Actor | None = None) -> ResidentImportResult | None:
        """Show the wizard; what was imported, or None if nothing was. ``actor``: who
        imports (default: an open folder's user named ``operator``)."""
        return cls.show_modal(cls(parent, db, operator, today, grid_id, actor))

    # --- words --------------------------------------------------------------------------
    def file_subtitle(self) -> str:
        return self.tr("Choose the workbook (.xlsx) that lists the residents, one person a "
                       "row, and its sheet. Nothing is imported before every row has been "
                       "checked.")

    def open_title(self) -> str:
        return self.tr("Choose the residents workbook")

    def columns_subtitle(self) -> str:
        return self.tr("Say which column of the sheet holds each item. Columns were "
                       "recognised by their titles; fields marked * are needed, and a "
                       "building or an address.")

    def check_subtitle(self) -> str:
        return self.tr("Every row is checked as the resident form would check it. Nothing "
                       "is imported while a problem is left.")

    def counts_text(self, plan: ResidentImportPlan) -> str:
        counts = plan.counts()
        return self.tr(
            "Rows: {rows}. New residents: {new}. Residents to update: {updated}. "
            "Unchanged: {unchanged}. New buildings: {buildings}, houses: {houses}, "
            "households: {households}.").format(
            rows=counts["rows"], new=counts["new"], updated=counts["updated"],
            unchanged=counts["unchanged"], buildings=counts["new_buildings"],
            houses=counts["new_houses"], households=counts["new_households"])

    def nothing_text(self) -> str:
        return self.tr("No problems, and nothing to import: every resident in the file is "
                       "already registered with the same details.")

    def nothing_tip(self) -> str:
        return self.tr("Every resident in the file is already registered with the same "
                       "details.")

    def import_tip(self) -> str:
        return self.tr("Import the residents: all of them, or nothing if anything goes "
                       "wrong.")

    def importing_text(self, count: int) -> str:
        return self.tr("Importing {count} residents…").format(count=count)

    def importing_label(self) -> str:
        return self.tr("Importing the residents…")

    def imported_text(self, result: ResidentImportResult) -> str:
        return self.tr(
            "The import is finished. New residents: {added}. Residents updated: {updated}. "
            "Unchanged: {unchanged}. New buildings: {buildings}, houses: {houses}, "
            "households: {households}.").format(
            added=result.added, updated=result.updated, unchanged=result.unchanged,
            buildings=result.buildings, houses=result.houses, households=result.households)

    # --- options and work ---------------------------------------------------------------
    def add_options(self, page: QWizardPage) -> QLayout:
        self.grid_combo = QComboBox(page)
        self.create_buildings_check = QCheckBox(
            self.tr("Create buildings that do not exist yet"), page)
        self.create_buildings_check.setToolTip(self.tr(
            "Without this, a row naming a building that is not in its grid is a problem."))
        form = QFormLayout()
        form.addRow(self.tr("Grid of rows without one:"), self.grid_combo)
        form.addRow(self.create_buildings_check)
        return form

    def enter_options(self) -> None:
        current = self.grid_combo.currentData() if self.grid_combo.count() else self.grid_id
        self.grid_combo.clear()
        service = HouseholdService(self.db, self.operator, self.today)
        service.actor = self.actor  # the grids the account may see
        grids = service.list_grids()
        if not grids:
            self.grid_combo.addItem(self.tr("(no grid yet: the sheet names it)"), None)
        for grid in grids:
            self.grid_combo.addItem(grid.name, grid.id)
        self.grid_combo.setCurrentIndex(max(0, self.grid_combo.findData(current)))

    def dry_run_task(self) -> Callable[[TaskProgress], ResidentImportPlan]:
        db, path, sheet, mapping = self.db, self.path(), self.sheet(), self.mapping()
        grid_id, create = self.grid_combo.currentData(), self.create_buildings_check.isChecked()
        today = self.today

        def check(progress: TaskProgress) -> ResidentImportPlan:
            return residents_excel.dry_run(db, path, sheet, mapping, today=today,
                                           progress=progress, grid_id=grid_id,
                                           create_buildings=create)

        return check

    def apply_plan(self, plan: Any, progress: TaskProgress) -> ResidentImportResult:
        return residents_excel.apply(self.db, plan, actor=self.actor, today=self.today,
                                     progress=progress)
