"""The roster import wizard: party members from an Excel roster (.xlsx), on the shared
import wizard (:mod:`gridoffice.ui.dialogs.import_wizard`).

The work is :mod:`gridoffice.services.roster_excel`; this module only says the roster's
options (the branch of new members without one) and words. Its own strings are in
the ``RosterImportWizard`` context.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QLayout, QWidget, QWizardPage

from gridoffice.domain.access import Actor
from gridoffice.services import roster_excel
from gridoffice.services.roster_excel import ImportPlan, ImportResult
from gridoffice.store.database import Database
from gridoffice.ui.dialogs.import_wizard import (
    NOT_IMPORTED,
    ImportWizard,
    PreviewModel,
    ProblemModel,
    TaskProgress,
    problem_text,
)

__all__ = ["NOT_IMPORTED", "PreviewModel", "ProblemModel", "RosterImportWizard",
           "problem_text"]


class RosterImportWizard(ImportWizard):
    """Import party members from an Excel roster (.xlsx), all or nothing."""

    columns = roster_excel.COLUMNS

    def __init__(self, parent: QWidget | None, db: Database, operator: str,
                 today: dt.date, actor: Actor | None = None) -> None:
        super().__init__(parent, db, operator, today, actor)
        self.setWindowTitle(self.tr("Import party members from Excel"))

    @classmethod
    def run(cls, parent: QWidget | None, db: Database, operator: str,
            today: dt.date, actor: Actor | None = None) -> ImportResult | None:
        """Show the wizard; what was imported, or None if nothing was. ``actor``: who
        imports (default: an open folder's user named ``operator``)."""
        return cls.show_modal(cls(parent, db, operator, today, actor))

    # --- words --------------------------------------------------------------------------
    def file_subtitle(self) -> str:
        return self.tr("Choose the roster workbook (.xlsx) and the sheet that lists the "
                       "members. Nothing is imported before every row has been checked.")

    def open_title(self) -> str:
        return self.tr("Choose the roster workbook")

    def columns_subtitle(self) -> str:
        return self.tr("Say which column of the sheet holds each item. Columns were "
                       "recognised by their titles; fields marked * are needed.")

    def check_subtitle(self) -> str:
        return self.tr("Every row is checked as the member form would check it. Nothing is "
                       "imported while a problem is left.")

    def counts_text(self, plan: ImportPlan) -> str:
        return self.tr("Rows: {rows}. New members: {new}. Members to update: {updated}. "
                       "Unchanged: {unchanged}.").format(
            rows=plan.rows, new=len(plan.new), updated=len(plan.updates),
            unchanged=plan.unchanged)

    def nothing_text(self) -> str:
        return self.tr("No problems, and nothing to import: every member in the file is "
                       "already on the roster with the same details.")

    def nothing_tip(self) -> str:
        return self.tr("Every member in the file is already on the roster with the same "
                       "details.")

    def import_tip(self) -> str:
        return self.tr("Import the members: all of them, or nothing if anything goes wrong.")

    def importing_text(self, count: int) -> str:
        return self.tr("Importing {count} members…").format(count=count)

    def importing_label(self) -> str:
        return self.tr("Importing the members…")

    def imported_text(self, result: ImportResult) -> str:
        return self.tr("The import is finished. New members: {added}. Members updated: "
                       "{updated}. Unchanged: {unchanged}.").format(
            added=result.added, updated=result.updated, unchanged=result.unchanged)

    # --- options and work ---------------------------------------------------------------
    def add_options(self, page: QWizardPage) -> QLayout:
        self.default_branch = QComboBox(page)
        form = QFormLayout()
        form.addRow(self.tr("Branch for new members without one:"), self.default_branch)
        return form

    def enter_options(self) -> None:
        from gridoffice.services.orgs import OrgService

        current = self.default_branch.currentData()
        self.default_branch.clear()
        self.default_branch.addItem(self.tr("(none: the sheet names the branch)"), None)
        service = OrgService(self.db, self.operator)
        service.actor = self.actor  # as the account importing
        for node in service.list_orgs(include_retired=False):
            self.default_branch.addItem(node.short_name or node.name, node.id)
        self.default_branch.setCurrentIndex(max(0, self.default_branch.findData(current)))

    def dry_run_task(self) -> Callable[[TaskProgress], ImportPlan]:
        db, path, sheet, mapping = self.db, self.path(), self.sheet(), self.mapping()
        default_org, today = self.default_branch.currentData(), self.today

        def check(progress: TaskProgress) -> ImportPlan:
            return roster_excel.dry_run(db, path, sheet, mapping, today=today,
                                        progress=progress, default_org_id=default_org)

        return check

    def apply_plan(self, plan: Any, progress: TaskProgress) -> ImportResult:
        return roster_excel.apply(self.db, plan, actor=self.actor, today=self.today,
                                  progress=progress)
