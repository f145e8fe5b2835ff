"""The roster tab's Excel side: the import wizard (another module) and the export of
the members shown, masked as the signed-in role sees them or with full numbers after
the user gives a reason, audited either way (with the reason)."""

from __future__ import annotations

import datetime as dt
import inspect
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from gridoffice.services.changes import Changes
from gridoffice.ui import messages
from gridoffice.ui.workers import BackgroundJob

if TYPE_CHECKING:
    from gridoffice.ui.tabs.roster.tab import RosterTab

log = logging.getLogger(__name__)

# The export's file name is Chinese in every language (a ledger's is in its catalogue).
EXPORT_FILE_STEM = "党员名册"


class RosterExcel(QObject):
    """Import and export for ``tab``; the tab's ``ask_export_path`` asks for the file
    (tests replace it), :class:`ReasonDialog` for the reason of a full export."""

    def __init__(self, tab: RosterTab) -> None:
        super().__init__(tab)
        self.tab = tab
        self.job: BackgroundJob | None = None
        members = tab.members
        self.full_export_action = QAction(self.tr("Export this view with full numbers…"), tab)
        self.full_export_action.setToolTip(self.tr(
            "Save the members shown with full ID numbers and phones, to import back; "
            "recorded in the audit log"))
        self.full_export_action.triggered.connect(lambda: tab.export_view(full=True))
        members.import_action.triggered.connect(lambda: tab.import_members())
        members.export_action.triggered.connect(lambda: tab.export_view())
        members.excel_menu.addAction(self.full_export_action)
        members.export_action.changed.connect(self._sync_full_export)
        self._sync_full_export()

    def _sync_full_export(self) -> None:
        self.full_export_action.setEnabled(self.tab.members.export_action.isEnabled())

    # --- import -------------------------------------------------------------------------
    def import_members(self) -> object:
        """Run the import wizard (another module); reload when it imported something."""
        tab = self.tab
        if tab.services is None:
            return None
        try:
            from gridoffice.ui.dialogs.roster_import import RosterImportWizard
        except ImportError:
            log.info("the Excel import wizard is not available")
            messages.inform(tab, self.tr("Importing from Excel is not available in this "
                                         "version."))
            return None
        roster = tab.roster
        result = RosterImportWizard.run(tab.window(), tab.services.db, roster.operator,
                                        roster.today(), tab.services.actor)
        if result is not None:
            tab.reload()
            tab.notify(Changes.area("roster"))
            tab.imported.emit(result)
            added, updated = getattr(result, "added", None), getattr(result, "updated", None)
            if isinstance(added, int) and isinstance(updated, int):
                tab.status_message.emit(self.tr(
                    "The import is finished: {added} added, {updated} updated.").format(
                    added=added, updated=updated))
            else:
                tab.status_message.emit(self.tr("The import is finished."))
        return result

    # --- export -------------------------------------------------------------------------
    def file_name(self) -> str:
        """The name the save dialog suggests: the organisation shown and today."""
        node = self.tab.model.node(self.tab.shown_org_id())
        stem = (node.short_name or node.name) if node else (self.tab.unit or EXPORT_FILE_STEM)
        return f"{EXPORT_FILE_STEM}_{stem}_{dt.date.today().isoformat()}.xlsx"

    def export_view(self, full: bool = False) -> BackgroundJob | None:
        """Save the members shown (in the order shown) as an Excel file: masked, or with
        ``full`` ID numbers and phones after the user gives a reason (audited either
        way, with the reason)."""
        tab = self.tab
        if not tab.member_actions.attached:
            return None
        if self.job is not None and self.job.running:
            return self.job
        rows = tab.members.model.rows()
        if not rows:
            messages.inform(tab, self.tr("No members are shown; there is nothing to export."))
            return None
        actor = getattr(tab.services, "actor", None)
        reason = self.ask_reason(actor, len(rows)) if full else ""
        if reason is None:
            return None
        chosen = tab.ask_export_path(self.file_name())
        if not chosen or messages.output_refused(tab, chosen, tab.roster.db.path):
            return None
        try:
            from gridoffice.services import roster_excel
        except ImportError:
            messages.inform(tab, self.tr("Exporting to Excel is not available in this "
                                         "version."))
            return None
        target = Path(chosen)
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        roster, scope = tab.roster, tab.scope_text()
        query = tab.members.query()
        from gridoffice.domain import privacy

        detail = privacy.with_reason(self.tr("{count} members to {path}").format(
            count=len(rows), path=str(target)), reason)

        supports_progress = "progress" in inspect.signature(
            roster_excel.export_members).parameters

        from gridoffice.services.audit import EXPORT, EXPORT_FULL

        audit = tab.audit

        def task(progress: object) -> Path:
            shown: Iterable[Any] = rows
            if full:  # the same members in the same order, read again unmasked, by chunks
                shown = roster.iter_members_shown(query, [r.id for r in rows], reveal=True)
            # the audit entry is committed before the file takes its name
            with audit.recorded_output(EXPORT_FULL if full else EXPORT, scope, detail):
                if supports_progress:  # then Cancel stops it
                    roster_excel.export_members(shown, target, progress=progress, reveal=full,
                                                actor=actor, total=len(rows))
                else:
                    roster_excel.export_members(shown, target, reveal=full, actor=actor)
            return target

        def done(_result: object) -> None:
            tab.status_message.emit(self.tr("{count} members were exported to {path}.").format(
                count=len(rows), path=str(target)))
            tab.exported.emit(str(target))

        job = BackgroundJob(tab, task, label=self.tr("Exporting {count} members…").format(
            count=len(rows)), on_success=done)
        # Cancelled: the exporter wrote nothing (it writes atomically), and a file that
        # was there stays as it was.
        job.cancelled.connect(
            lambda: tab.status_message.emit(self.tr("The export was cancelled.")))
        job.finished.connect(self._job_finished)
        self.job = job.start()
        return job

    def ask_reason(self, actor: object, count: int) -> str | None:
        """The reason for a full export ("" when the role gets no more than the masked
        values anyway); None when refused or cancelled (nothing is written)."""
        from gridoffice.ui.dialogs.reason import ReasonDialog

        return ReasonDialog.for_full_export(self.tab, actor, self.tr(
            "The file will hold the full ID numbers and phone numbers of the {count} members "
            "shown, so that it can be imported back. Keep it safe and delete it when it is "
            "no longer needed.").format(count=count))

    def _job_finished(self) -> None:
        self.job = None
