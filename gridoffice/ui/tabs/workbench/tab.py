"""The workbench (工作台), the first tab: what is due, each item a click away from the
list it counts; the month's and the year's figures; the charts; at the street office
its communities side by side; and, in an office with no data yet, how to start.

Everything here is read on a connection of its own
(:mod:`gridoffice.services.workbench_screen`), without SQLAlchemy: the to-do and the
figures at start-up, before the services are loaded (the window's first screen),
then in the background after each change that touches them. The to-do and figures,
the chart shown and the communities are three parts, each read again only when a
change touches its tables, and only while the tab is shown (else when it is next).
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gridoffice.domain import access
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.services import changes as areas
from gridoffice.services import workbench, workbench_screen
from gridoffice.services.workbench import Target
from gridoffice.ui.ledger_menu import LedgerMenu
from gridoffice.ui.tabs.access_gate import AccessGate
from gridoffice.ui.tabs.base import BaseTab
from gridoffice.ui.tabs.workbench.charts_box import CHART_TABLES, ChartsBox, CommunitiesBox
from gridoffice.ui.tabs.workbench.demo import DemoLoader
from gridoffice.ui.tabs.workbench.parts import EmptyPage, FiguresBox, TodoList, heading_label
from gridoffice.ui.widgets.actions import make_action
from gridoffice.ui.workers import BackgroundJob

if TYPE_CHECKING:
    from gridoffice.domain.access import Actor
    from gridoffice.ledgers.catalogue import Ledger
    from gridoffice.services.changes import Changes
    from gridoffice.services.charts import Chart
    from gridoffice.services.container import Services
    from gridoffice.services.workbench_screen import Screen
    from gridoffice.ui.widgets.community import CommunityScope

log = logging.getLogger(__name__)

# The to-do and figures count records of every area, and the sign-in sheets printed.
SCREEN_TABLES = (areas.ROSTER | areas.HOUSEHOLDS | areas.MEETINGS | areas.INSERVICE | areas.COBUILD
                 | areas.SYNC | {"audit_log"})
PARTS = ("screen", "chart", "communities")
PAGE_EMPTY, PAGE_MAIN = range(2)


class WorkbenchTab(BaseTab):
    """What is due and how the office stands (see the module's docstring)."""

    key = "workbench"
    title_text = QT_TRANSLATE_NOOP("MainWindow", "Workbench")
    watches = SCREEN_TABLES

    def __init__(self, undo_stack: QUndoStack | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(undo_stack, parent)
        self.screen: Screen | None = None
        self._scoped = False  # the street office's view of its communities
        self._dirty: set[str] = set()
        self._jobs: dict[str, BackgroundJob] = {}
        self._generation = dict.fromkeys(PARTS, 0)
        self.demo = DemoLoader(self)

        self.date_label = heading_label(self, "workbenchDate", 1.3)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("workbenchStatus")
        self.refresh_action = make_action(self, self.tr("Refresh"), self.reload_all, "F5",
                                          self.tr("Read the to-do, the figures and the chart "
                                                  "again"))
        refresh_button = QToolButton(self)
        refresh_button.setDefaultAction(self.refresh_action)
        self.ledger_menu = LedgerMenu(self, "workbench")
        self.print_button = QPushButton(self.tr("Print the work report"), self)
        self.print_button.setMenu(self.ledger_menu.menu)
        header = QHBoxLayout()
        header.addWidget(self.date_label)
        header.addSpacing(12)
        header.addWidget(self.status_label, 1)
        header.addWidget(refresh_button)
        header.addWidget(self.print_button)

        self.todo = TodoList(self)
        self.todo.item_requested.connect(lambda item: self.open_requested.emit(item.target))
        self.figures = FiguresBox(self)
        self.charts = ChartsBox(self)
        self.charts.chart_wanted.connect(lambda _key, _grid: self._load("chart"))
        self.communities = CommunitiesBox(self)
        self.communities.hide()  # the street office's
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(self.figures)
        right.addWidget(self.communities)
        right.addWidget(self.charts)
        right.setStretchFactor(2, 3)
        right.setChildrenCollapsible(False)
        self.splitter = QSplitter(self)
        self.splitter.addWidget(self.todo)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.right_splitter = right

        self.empty_page = EmptyPage(self)
        for signal, target in (
                (self.empty_page.import_members, Target("roster", "import")),
                (self.empty_page.import_residents, Target("households", "import")),
                (self.empty_page.import_packages, Target("sync", "import"))):
            signal.connect(lambda t=target: self.open_requested.emit(t))
        self.empty_page.load_demo.connect(self.load_demo)
        self.gate = AccessGate()
        self._declare_access()
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.empty_page)
        self.pages.addWidget(self.splitter)
        self.pages.setCurrentIndex(PAGE_MAIN)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.pages, 1)
        self._show_date(dt.date.today())

    # --- who, where, when -------------------------------------------------------------------
    @property
    def street(self) -> bool:
        """Whether this is a street office (its communities' records, side by side)."""
        if self.services is not None:
            profile = self.services.profile
        else:
            profile = self.context.profile if self.context is not None else None
        return self._scoped or bool(profile is not None and profile.is_street)

    def actor(self) -> Actor:
        """Who the workbench counts for (the services' once they are there)."""
        if self.services is not None and self.services.actor is not None:
            return self.services.actor
        context = self.context
        assert context is not None
        from gridoffice.domain.access import Actor

        profile = context.profile
        return context.actor or Actor.open(profile.operator if profile else "")

    def _read_screen(self) -> Screen:
        assert self.context is not None
        return workbench_screen.read_screen(self.context.opened.path, self.actor(),
                                            dt.datetime.now(), self.context.paths.backup_dir)

    def _show_date(self, day: dt.date) -> None:
        weekdays = (self.tr("Monday"), self.tr("Tuesday"), self.tr("Wednesday"),
                    self.tr("Thursday"), self.tr("Friday"), self.tr("Saturday"),
                    self.tr("Sunday"))
        self.date_label.setText(self.tr("Today is {date}, {weekday}").format(
            date=f"{day.year}-{day.month:02d}-{day.day:02d}", weekday=weekdays[day.weekday()]))

    # --- the first screen and the services ----------------------------------------------------
    def read_first_screen(self) -> Screen | None:
        self.communities.setVisible(self.street)
        return self._read_screen()

    def show_first_screen(self, screen: Any) -> None:
        self.show_screen(screen)

    def attach(self, services: Services) -> None:
        super().attach(services)
        self.communities.setVisible(self.street)
        self.apply_access(self.actor())
        self._dirty.update(("chart", "communities") if self.street else ("chart",))
        if self.screen is None:
            self._dirty.add("screen")
        self._load_dirty()

    def _declare_access(self) -> None:
        """The report is printed by those who may print; a community starts from its
        Excel records, a street office from its communities' packages (see
        :mod:`..access_gate`)."""
        page = self.empty_page
        self.gate.add(access.PRINT, *self.ledger_menu.actions())
        self.gate.add_menu_buttons(self.print_button)
        self.gate.add(access.IMPORT, page.members_button, page.residents_button,
                      when=lambda: not self.street)
        self.gate.add(access.IMPORT, page.demo_button)
        self.gate.add(access.SYNC, page.packages_button, when=lambda: self.street)

    def apply_access(self, actor: Actor) -> None:
        from gridoffice.services import charts

        self.charts.set_keys(charts.chart_keys(actor), self.street)
        self._say_how_to_start(actor)
        self.gate.apply(actor)

    def _say_how_to_start(self, actor: Actor | None) -> None:
        """The empty page's words for this office and what ``actor`` may do."""
        may_start = actor is None or actor.allows(access.IMPORT) or (
            self.street and actor.allows(access.SYNC))
        self.empty_page.set_office(street=self.street, may_start=may_start)

    def set_scope(self, scope: CommunityScope) -> None:
        """The street office: its communities side by side, its empty page."""
        self._scoped = True
        self.communities.show()
        self._say_how_to_start(self.actor() if self.context is not None else None)
        self.gate.update()

    # --- reading ----------------------------------------------------------------------------
    def reload_for(self, changes: Changes) -> None:
        if changes.touches(SCREEN_TABLES):
            self._dirty.add("screen")
        key = self.charts.key()
        if key is not None and changes.touches(CHART_TABLES[key]):
            self._dirty.add("chart")
        if self.street and changes.touches(CHART_TABLES["communities"]):
            self._dirty.add("communities")
        if self.isVisible():
            self._load_dirty()

    def reload_all(self) -> None:
        """Everything again (F5; after the demo data; a new day)."""
        if self.services is None:
            return
        self._dirty.update(PARTS if self.street else ("screen", "chart"))
        self._load_dirty()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self.screen is not None and self.screen.today != dt.date.today():
            self._dirty.add("screen")  # left open overnight: today's to-do
        self._load_dirty()

    def backups_changed(self) -> None:
        """A backup was made (or found at start): its age is an item of the to-do."""
        self._dirty.add("screen")
        if self.isVisible():
            self._load_dirty()

    def _load_dirty(self) -> None:
        if self.services is None:
            return
        for part in PARTS:
            if part in self._dirty:
                self._load(part)

    def _load(self, part: str) -> None:
        """Read ``part`` in the background; an answer overtaken by a newer read is dropped."""
        if self.services is None:
            return
        self._dirty.discard(part)
        self._generation[part] += 1
        generation = self._generation[part]
        task = self._task(part)
        if task is None:
            return

        def done(result: Any) -> None:
            if generation == self._generation[part]:
                self._show(part, result)

        job = BackgroundJob(self, lambda _progress: task(), label=self.tr("Reading…"),
                            on_success=done, on_failure=self._failed,
                            progress_delay_ms=24 * 3600 * 1000)  # quiet: the tab says it
        self._jobs[part] = job
        job.finished.connect(lambda: self._jobs.pop(part, None) if self._jobs.get(part) is job
                             else None)
        job.start()

    def _task(self, part: str) -> Any:
        assert self.context is not None and self.services is not None
        if part == "screen":
            return self._read_screen
        path, actor, today = self.context.opened.path, self.actor(), dt.date.today()
        if part == "chart":
            key, grid_id = self.charts.key(), self.charts.grid_id()
            if key is None or key == "communities":
                return None
            return lambda: workbench_screen.read_chart(path, actor, key, today, today.year,
                                                       grid_id)
        db = self.services.db

        def communities() -> Any:
            from gridoffice.services.street_summary import street_summary

            return street_summary(db, today.year, today, actor=actor)

        return communities

    def _show(self, part: str, result: Any) -> None:
        if part == "screen":
            self.show_screen(result)
        elif part == "chart":
            self.charts.show_chart(result)
        else:
            self.show_communities(result)

    def _failed(self, exc: BaseException) -> None:
        from gridoffice.errors import UserError
        from gridoffice.ui.messages import user_error_text

        text = user_error_text(exc) if isinstance(exc, UserError) else str(exc)
        log.warning("workbench: %s", text)
        self.status_label.setText(self.tr("Could not be read: {error}").format(error=text))

    # --- showing ------------------------------------------------------------------------------
    def show_screen(self, screen: Screen) -> None:
        self.screen = screen
        self._show_date(screen.today)
        self.status_label.setText("")
        self.todo.set_items(screen.items)
        self.figures.set_figures(screen.month, screen.year)
        self.charts.set_grids(screen.grids)
        self.pages.setCurrentIndex(PAGE_EMPTY if screen.empty else PAGE_MAIN)
        if screen.empty:
            self._say_how_to_start(self.actor())
            self.gate.update()

    def show_communities(self, lines: list[Any]) -> None:
        from gridoffice.services import charts
        from gridoffice.services.street_summary import totals

        today = dt.date.today()
        self.communities.set_lines(lines, today.year, totals)
        self.charts.set_communities(charts.communities_chart(lines))

    def current_chart(self) -> Chart | None:
        return self.charts.chart

    # --- what the person does here ------------------------------------------------------------
    def load_demo(self) -> BackgroundJob | None:
        """载入示例: the demo data into this empty office, then every tab reads again."""
        return self.demo.start()

    def demo_done(self) -> None:
        self.notify(areas.Changes.everything())
        self.reload_all()

    def ledger_values(self, entry: Ledger, key: str = "") -> dict[str, Any] | None:
        """This month's report, or this year's."""
        from gridoffice.ledgers.catalogue import report_period

        today = dt.date.today()
        return report_period(*(workbench.year_of(today) if key == "year"
                               else workbench.month_of(today)))

    def running_jobs(self) -> list[BackgroundJob]:
        jobs = [job for job in self._jobs.values() if job.running]
        if self.demo.job is not None and self.demo.job.running:
            jobs.append(self.demo.job)
        return jobs + super().running_jobs()

    def layout_widgets(self) -> list[tuple[str, Any]]:
        return [("workbench/splitter", self.splitter),
                ("workbench/right_splitter", self.right_splitter)]
