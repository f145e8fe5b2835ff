"""The "Sync" tab (数据同步): this PC's identity, the peer PCs and the packages
exchanged with them, and the conflicts a person has to settle.

Export and import run in the background (:class:`BackgroundJob`, progress with
Cancel); package files can be dropped on the tab. An optional exchange folder
(a shared folder, kept in the local settings) is offered first on export and
checked once after the tab is attached. At the street office the tab also
makes the street summary and lists id numbers registered in two communities;
conflicts about a community's records are shown there but settled only in that
community.

The tab puts together the parts of the package: :mod:`.peers` (this PC and the
trusted PCs), :mod:`.exchange` (the exchange folder, packages, their results),
:mod:`.conflicts` (settling conflicts) and :mod:`.street` (the street office's
duplicates). What a part writes comes back here: the tab reloads, tells the other
tabs (:meth:`notify`) and then emits :attr:`synced`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from gridoffice.domain import access
from gridoffice.errors import UserError
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.ledgers import catalogue
from gridoffice.services import changes
from gridoffice.services.changes import Changes
from gridoffice.ui import messages
from gridoffice.ui.dialogs.sync_dialogs import SummaryYearDialog
from gridoffice.ui.ledger_menu import LedgerMenu
from gridoffice.ui.tabs.access_gate import AccessGate
from gridoffice.ui.tabs.base import BaseTab
from gridoffice.ui.tabs.sync.conflicts import ConflictsPage
from gridoffice.ui.tabs.sync.exchange import (
    ExchangeFolderBox,
    PackageExchange,
    ResultsList,
    dropped_packages,
)
from gridoffice.ui.tabs.sync.peers import PeerList, ThisPcBox
from gridoffice.ui.tabs.sync.street import DuplicatesBox
from gridoffice.ui.widgets.actions import make_action

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from gridoffice.ledgers.catalogue import Ledger
    from gridoffice.services.container import Services
    from gridoffice.services.sync import Conflict, SyncService
    from gridoffice.store.database import Database
    from gridoffice.ui.workers import BackgroundJob

PAGE_PEERS, PAGE_CONFLICTS = range(2)


class SyncTab(BaseTab):
    """See the module docstring."""

    key = "sync"
    view_permission = access.SYNC
    title_text = QT_TRANSLATE_NOOP("MainWindow", "Sync")
    watches = changes.SYNC
    synced = Signal()  # an import or a resolution changed records (after ``changed``)
    exported = Signal()  # packages were written

    def __init__(self, undo_stack: QUndoStack | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(undo_stack, parent)
        self.service: SyncService | None = None
        self.db: Database | None = None
        self.is_street = False
        self.office_names: dict[str, str] = {}
        self.setAcceptDrops(True)

        self._build_actions()
        self.this_pc = ThisPcBox(self)
        self.exchange_box = ExchangeFolderBox(self)
        self.peers = PeerList(self)
        self.results = ResultsList(self)
        self.duplicates_box = DuplicatesBox(self)
        self.conflicts = ConflictsPage(self.office_name, self)
        self.exchange = PackageExchange(
            self, self.exchange_box, self.results,
            lambda: self.peers.recipients() if self.is_street else None)
        self._expose_parts()
        self._connect_parts()

        self.pages = QTabWidget(self)
        self.pages.setDocumentMode(True)
        self.pages.addTab(self._build_peers_page(), self.tr("Offices and packages"))
        self.pages.addTab(self.conflicts, self.tr("Conflicts"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.pages, 1)
        self.setTabOrder(self.export_identity_button, self.trust_button)
        self.setTabOrder(self.trust_button, self.exchange_box.exchange_choose_button)
        self.setTabOrder(self.exchange_box.exchange_choose_button,
                         self.exchange_box.exchange_clear_button)
        self.setTabOrder(self.exchange_box.exchange_clear_button, self.peers.peer_view)
        self.setTabOrder(self.peers.peer_view, self.results)
        self.gate = AccessGate()
        self._declare_access()
        self.update_actions()

    # --- building -------------------------------------------------------------------------
    def _action(self, text: str, slot: Callable[[], Any], shortcut: str | None = None,
                tip: str | None = None) -> QAction:
        return make_action(self, text, slot, shortcut, tip)

    def _build_actions(self) -> None:
        self.export_action = self._action(
            self.tr("&Export sync package…"), self.export_packages, "Ctrl+E",
            self.tr("Write what changed here for the other office (Ctrl+E)"))
        self.import_action = self._action(
            self.tr("&Import sync packages…"), self.import_packages, "Ctrl+I",
            self.tr("Import .gridsync files from the other office (Ctrl+I)"))
        self.check_action = self._action(
            self.tr("&Check exchange folder"), self.check_exchange, "Ctrl+Shift+I",
            self.tr("Import the packages for this PC from the exchange folder (Ctrl+Shift+I)"))
        self.refresh_action = self._action(self.tr("&Refresh"), self.refresh, "F5")
        self.ledger_menu = LedgerMenu(self, "sync")
        self.summary_action = self.ledger_menu.action("street-summary")
        self.conflicts_action = self._action(
            self.tr("Show c&onflicts"), lambda: self.pages.setCurrentIndex(PAGE_CONFLICTS),
            "Ctrl+K")
        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for act in (self.export_action, self.import_action, self.check_action, None,
                    self.refresh_action, self.conflicts_action, None, self.summary_action):
            if act is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(act)
        self.summary_action.setVisible(False)

    def _declare_access(self) -> None:
        """What a role may not use is hidden (see :mod:`..access_gate`); the whole tab
        needs SYNC, so within it only revealing and printing differ."""
        self.gate.add(access.SYNC, self.export_action, self.import_action, self.check_action,
                      self.export_identity_button, self.trust_button)
        self.gate.add(access.REVEAL, self.reveal_button)
        self.gate.add(access.PRINT, self.summary_action, when=lambda: self.is_street)

    def apply_access(self, actor: access.Actor) -> None:
        self.gate.apply(actor)

    def _expose_parts(self) -> None:
        """The parts' widgets and models under the tab's names (the tests use them)."""
        self.fingerprint_value = self.this_pc.fingerprint_value
        self.export_identity_button = self.this_pc.export_identity_button
        self.trust_button = self.this_pc.trust_button
        self.exchange_value = self.exchange_box.exchange_value
        self.peer_model, self.peer_view = self.peers.peer_model, self.peers.peer_view
        self.duplicate_model = self.duplicates_box.duplicate_model
        self.conflict_model = self.conflicts.conflict_model
        self.conflict_view = self.conflicts.conflict_view
        self.compare_model = self.conflicts.compare_model
        self.compare_view = self.conflicts.compare_view
        self.show_resolved_check = self.conflicts.show_resolved_check
        self.keep_button = self.conflicts.keep_button
        self.combine_button = self.conflicts.combine_button
        self.reveal_button = self.conflicts.reveal_button
        self.conflicts_splitter = self.conflicts.conflicts_splitter

    def _connect_parts(self) -> None:
        for part in (self.this_pc, self.conflicts, self.exchange):
            part.status_message.connect(self.status_message)
        self.this_pc.trusted.connect(self._trusted)
        self.conflicts.counted.connect(self._show_conflict_count)
        self.conflicts.resolved.connect(self._synced)
        self.exchange.imported.connect(self._synced)
        self.exchange.exported.connect(self._exported)
        self.exchange.cancelled.connect(self.refresh)
        self.exchange.busy_changed.connect(self.update_actions)
        self.exchange_box.folder_changed.connect(self.update_actions)
        self.exchange_box.check_requested.connect(self.check_exchange)
        self.results.shown.connect(lambda: self.pages.setCurrentIndex(PAGE_PEERS))

    def _build_peers_page(self) -> QWidget:
        page = QWidget(self)
        top = QHBoxLayout()
        top.addWidget(self.this_pc, 3)
        top.addWidget(self.exchange_box, 2)
        results_box = QGroupBox(self.tr("Results of the last export or import"), self)
        QVBoxLayout(results_box).addWidget(self.results)
        bottom = QSplitter(Qt.Orientation.Horizontal, self)
        bottom.addWidget(results_box)
        bottom.addWidget(self.duplicates_box)
        bottom.setStretchFactor(0, 3)
        bottom.setStretchFactor(1, 2)
        self.duplicates_box.hide()
        self.peers_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.peers_splitter.addWidget(self.peers)
        self.peers_splitter.addWidget(bottom)
        self.peers_splitter.setSizes([300, 200])
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.peers_splitter, 1)
        return page

    # --- data -----------------------------------------------------------------------------
    def attach(self, services: Services, *, check_exchange: bool = True) -> None:
        """Give the tab its service (once the office is set up); the exchange folder
        (if set) is checked once, quietly."""
        from gridoffice.services.street import is_street, office_names

        if services.profile is None:
            return
        super().attach(services)
        self.service = self.exchange.service = services.sync
        self.db = db = services.db
        self.exchange_box.attach(services.settings, db.path)
        self.this_pc.attach(db)
        self.is_street = is_street(db.path)
        self.office_names = office_names(db.path)
        self.conflicts.attach(services.sync, db, self.is_street)
        self.duplicate_model.office_name = self.office_name
        self.gate.update()  # the street's summary
        self.duplicates_box.setVisible(self.is_street)
        self.refresh()
        if check_exchange and self.exchange_folder() is not None:
            QTimer.singleShot(0, self, lambda: self.check_exchange(quiet=True))

    def office_name(self, office_id: str) -> str:
        """The name of a trusted office (its id's start when it is not known)."""
        return self.office_names.get(office_id, office_id[:8])

    def reload_for(self, changes: Changes) -> None:
        """Identity, peers, conflicts (after every import, export and resolution)."""
        if self.service is None or self.db is None:
            return
        from gridoffice.services import sync_trust

        try:
            me = sync_trust.own_identity(self.db.path)
            statuses = self.service.status()
        except UserError as err:
            messages.show_user_error(self, err)
            return
        self.this_pc.show_identity(me)
        self.peers.show_peers(statuses)
        self.exchange_box.show_folder()
        if self.is_street:
            self.duplicates_box.reload(self.service)
        self.conflicts.reload()
        self.update_actions()

    def update_actions(self) -> None:
        attached = self.service is not None
        busy = self.job is not None
        for act in (self.export_action, self.import_action, self.refresh_action):
            act.setEnabled(attached and not busy)
        self.check_action.setEnabled(attached and self.exchange_folder() is not None
                                     and not busy)
        self.exchange_box.update_buttons(attached, busy)
        self.this_pc.update_buttons()
        self.summary_action.setEnabled(attached and self.is_street)
        self.conflicts.update_buttons()

    # --- what the parts did ---------------------------------------------------------------
    def _synced(self, changes: Changes) -> None:
        """An import or a resolution wrote ``changes``: show them, tell the others."""
        self.refresh()
        self.notify(changes)
        self.synced.emit()

    def _exported(self) -> None:
        self.refresh()
        self.exported.emit()

    def _trusted(self) -> None:
        from gridoffice.services.street import office_names

        assert self.db is not None
        self.office_names = office_names(self.db.path)
        self.refresh()
        self.notify(Changes.of("sync_peer"))

    def _show_conflict_count(self, open_count: int) -> None:
        self.pages.setTabText(PAGE_CONFLICTS, self.tr("Conflicts ({count})").format(
            count=open_count) if open_count else self.tr("Conflicts"))

    # --- the parts' work under the tab's names --------------------------------------------
    @property
    def job(self) -> BackgroundJob | None:
        """The export or import running now."""
        return self.exchange.job

    def export_identity(self) -> Path | None:
        return self.this_pc.export_identity()

    def trust_identity(self) -> bool:
        return self.this_pc.trust_identity()

    def exchange_folder(self) -> Path | None:
        """The exchange folder setting, read when the tab is attached (not at every
        enabling of the buttons)."""
        return self.exchange_box.folder

    def set_exchange_folder(self, folder: Path | None) -> None:
        self.exchange_box.set_folder(folder)

    def choose_exchange_folder(self) -> Path | None:
        return self.exchange_box.choose()

    def check_exchange(self, quiet: bool = False) -> BackgroundJob | None:
        return self.exchange.check(quiet)

    def export_packages(self, folder: Path | None = None,
                        to: str | None = None) -> BackgroundJob | None:
        return self.exchange.export(folder, to)

    def open_view(self, view: str, filters: dict[str, Any]) -> bool:
        """A workbench item: the partners, the conflicts, or the import of packages."""
        if view in ("peers", "conflicts"):
            self.pages.setCurrentIndex(PAGE_PEERS if view == "peers" else PAGE_CONFLICTS)
            return True
        if view == "import":
            self.import_packages()
            return True
        return False

    def import_packages(self, paths: Sequence[Path] | None = None) -> BackgroundJob | None:
        return self.exchange.import_packages(paths)

    def result_texts(self) -> list[str]:
        return self.results.texts()

    def current_row(self) -> Conflict | None:
        return self.conflicts.current_row()

    def resolve(self, how: str) -> bool:
        return self.conflicts.resolve(how)

    # --- drag and drop --------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.service is not None and dropped_packages(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: Any) -> None:
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = dropped_packages(event)
        if not files or self.job is not None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_packages(files)

    # --- street office --------------------------------------------------------------------
    def print_ledger(self, entry: Ledger, key: str = "",
                     values: dict[str, Any] | None = None) -> BackgroundJob | None:
        """The street office's ledgers (the summary of its communities) only."""
        return super().print_ledger(entry, key, values) if self.is_street else None

    def ledger_values(self, entry: Ledger, key: str = "") -> dict[str, Any] | None:
        """The year of the street summary, asked (None: cancelled)."""
        year = SummaryYearDialog.ask(self)
        return None if year is None else {"year": year}

    def print_street_summary(self, year: int | None = None) -> BackgroundJob | None:
        return self.print_ledger(catalogue.by_name("street-summary"),
                                 values=None if year is None else {"year": year})

    # --- state ----------------------------------------------------------------------------
    def running_jobs(self) -> list[BackgroundJob]:
        return ([self.job] if self.job is not None else []) + super().running_jobs()

    def layout_widgets(self) -> list[tuple[str, Any]]:
        return [("sync/peers_splitter", self.peers_splitter),
                ("sync/conflicts_splitter", self.conflicts_splitter)]
