"""载入示例 on the empty workbench: the demo data (the command line's ``demo``) filled
into this office in the background, with progress and Cancel. The demo is one
transaction: cancelled or failed, it leaves the office as empty as it was."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject

from gridoffice.errors import Cancelled
from gridoffice.ui import messages
from gridoffice.ui.workers import BackgroundJob

if TYPE_CHECKING:
    from gridoffice.ui.tabs.workbench.tab import WorkbenchTab


class DemoLoader(QObject):
    """Fills the tab's office with the demo data; the tab hears ``demo_done``."""

    def __init__(self, tab: WorkbenchTab) -> None:
        super().__init__(tab)
        self.tab = tab
        self.job: BackgroundJob | None = None

    def start(self) -> BackgroundJob | None:
        tab = self.tab
        if tab.services is None or (self.job is not None and self.job.running):
            return None
        if not messages.confirm(tab, QCoreApplication.translate(
                "DemoLoader", "Fill this office with made-up demo data (party members, "
                "households, meetings, in-service members) to try the program out? The "
                "names and numbers are invented; real records are better typed into an "
                "empty office.")):
            return None
        db = tab.services.db

        def task(progress: Any) -> Any:
            from gridoffice.services import demo

            phases = list(demo.PHASES)

            def report(phase: str) -> None:
                done = phases.index(phase) if phase in phases else len(phases)
                if not progress(done, len(phases)):
                    raise Cancelled()

            return demo.fill(db, size="small", progress=report)

        self.job = BackgroundJob(tab, task, label=QCoreApplication.translate(
            "DemoLoader", "Loading the demo data…"), on_success=lambda _summary: self._done(),
            progress_delay_ms=300)
        self.job.start()
        return self.job

    def _done(self) -> None:
        self.tab.demo_done()
        self.tab.status_message.emit(QCoreApplication.translate(
            "DemoLoader", "The demo data was loaded."))
