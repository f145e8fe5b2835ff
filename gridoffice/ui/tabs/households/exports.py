"""The households tab's Excel: the residents shown exported (masked as the signed-in
role sees them, or with full numbers after the user gives a reason; every export is
written to the audit log, with the reason), and the residents import wizard."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from gridoffice.services.changes import Changes
from gridoffice.ui import messages
from gridoffice.ui.workers import BackgroundJob

if TYPE_CHECKING:
    from gridoffice.ui.tabs.households.tab import HouseholdsTab


class ResidentsExcel(QObject):
    """The export and import of the tab's residents; the tab asks for the file
    (:meth:`HouseholdsTab.ask_export_path`), :class:`ReasonDialog` for the reason of a
    full export, so tests can answer them."""

    def __init__(self, tab: HouseholdsTab) -> None:
        super().__init__(tab)
        self.tab = tab

    def export_view(self, full: bool = False) -> BackgroundJob | None:
        """The rows shown, masked (ID, phone, address cut, birth month), or with ``full``
        numbers after the user gives a reason, to an .xlsx file in the background; the
        export is written to the audit log with the reason."""
        tab = self.tab
        rows = tab.model.rows()
        if tab.service is None or tab.db is None or not rows:
            return None
        actor = getattr(tab.services, "actor", None)
        reason = self.ask_reason(actor, len(rows)) if full else ""
        if reason is None:
            return None
        chosen = tab.ask_export_path()
        if not chosen or messages.output_refused(tab, chosen, tab.db.path):
            return None
        from pathlib import Path

        from gridoffice.services import residents_excel

        target = Path(chosen)
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        from gridoffice.domain import privacy
        from gridoffice.services.audit import EXPORT, EXPORT_FULL

        audit = tab.audit
        grid_names = {g.id: g.name for g in tab.service.list_grids()}
        service, query = tab.service, tab.query()

        def task(_progress: Any) -> int:
            shown: Iterable[Any] = rows
            if full:  # the same residents in the same order, read again unmasked, by chunks
                shown = service.iter_residents_shown(query, [r.id for r in rows], reveal=True)
            # the audit entry is committed before the file takes its name
            with audit.recorded_output(EXPORT_FULL if full else EXPORT, "residents",
                                       privacy.with_reason(str(target), reason)):
                return residents_excel.export_residents(shown, target, grid_names=grid_names,
                                                        reveal=full, actor=actor)

        def done(count: int) -> None:
            tab.status_message.emit(self.tr("%n resident(s) exported to {path}.", "",
                                            count).format(path=str(target)))

        job = BackgroundJob(tab, task, label=self.tr("Exporting the residents…"),
                            on_success=done)
        tab.track_job(job)
        return job

    def ask_reason(self, actor: Any, count: int) -> str | None:
        """The reason for a full export ("" when the role gets no more than the masked
        values anyway); None when refused or cancelled (nothing is written)."""
        from gridoffice.ui.dialogs.reason import ReasonDialog

        return ReasonDialog.for_full_export(self.tab, actor, self.tr(
            "The file will hold the full ID numbers, phone numbers and addresses of the %n "
            "resident(s) shown, so that it can be imported back. Keep it safe and delete it "
            "when it is no longer needed.", "", count))

    def import_residents(self) -> Any:
        """The residents import wizard (into the grid shown, for rows without one);
        the tab is refreshed after an import."""
        tab = self.tab
        if tab.service is None or tab.db is None:
            return None
        from gridoffice.ui.dialogs.residents_import import ResidentsImportWizard

        result = ResidentsImportWizard.run(tab, tab.db, tab.service.operator, tab.today,
                                           tab.scope_grid_id(), tab.service.actor)
        if result is not None:
            tab.written(Changes.area("households"), tab.current_id())
            tab.status_message.emit(self.tr("%n resident(s) imported.", "",
                                            result.added + result.updated))
        return result
