"""The main window: menus, tabs, status bar; it builds the tabs and loads the data
after it is shown.

Start-up speed: this module must not import the tabs, SQLAlchemy, SQLModel,
the store or the services. The window (menus, status bar with the office and
the data folder, a "Loading…" page) is shown first; :meth:`MainWindow.load_data`
then builds the tabs, imports the services and hands them to the tabs.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, QThreadPool, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QWidget

from gridoffice import __version__
from gridoffice.domain import access
from gridoffice.domain.code_table import OFFICE_ROLES
from gridoffice.errors import UserError
from gridoffice.ui import messages
from gridoffice.ui.labels import code_label
from gridoffice.ui.pyside_imports import ALIGN_CENTER, TEXT_SELECTABLE_BY_MOUSE

if TYPE_CHECKING:
    from gridoffice.app_context import AppContext
    from gridoffice.domain.access import Actor
    from gridoffice.services.changes import Changes
    from gridoffice.services.container import Services
    from gridoffice.services.office import OfficeProfile
    from gridoffice.services.workbench import Target
    from gridoffice.store.database import Database
    from gridoffice.ui.prefetch import Loaded
    from gridoffice.ui.tabs.base import BaseTab
    from gridoffice.ui.tabs.households import HouseholdsTab
    from gridoffice.ui.tabs.inservice import InServiceTab
    from gridoffice.ui.tabs.meetings import MeetingsTab
    from gridoffice.ui.tabs.roster import RosterTab
    from gridoffice.ui.tabs.sync import SyncTab
    from gridoffice.ui.tabs.workbench import WorkbenchTab
    from gridoffice.ui.widgets.community import CommunityScope
    from gridoffice.ui.workers import BackgroundJob



def _shortcut(action: QAction, keys: str) -> None:
    """``setShortcut`` without its overload resolution, which builds the Qt namespace, and
    given as text (Qt makes the key sequence): naming QKeySequence costs 2 ms at start."""
    action.setProperty("shortcut", keys)


log = logging.getLogger(__name__)


WINDOW_SETTINGS_FILE = "window.ini"


class MainWindow(QMainWindow):
    """The window of one office's data; ``data_loaded`` fires once the tabs show data."""

    data_loaded = Signal()
    # the first tab shows real data (read before the services are loaded, or by them)
    first_shown = Signal()
    load_failed = Signal(object)  # the exception

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.profile: OfficeProfile | None = context.profile
        self.db: Database | None = None
        self.loaded = False
        self.first_screen_done = False
        self.loading_job: BackgroundJob | None = None  # SQLAlchemy and the services
        self._load_scheduled = False
        self._prepared = False
        self._communities_checked = False
        self._file_anchor: QAction | None = None
        self._shut_down = False
        # Window layout lives in the data folder, never in the user's profile.
        messages.protect_data_folder(context.paths)
        self.settings = QSettings(str(context.paths.data_dir / WINDOW_SETTINGS_FILE),
                                  QSettings.Format.IniFormat)
        self.undo_stack = QUndoStack(self)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tab_list: list[BaseTab] = []  # built by load_data, after the window shows
        self.services: Services | None = None  # likewise
        self.integrity_job: BackgroundJob | None = None  # the page check, after the show
        self.community_scope: CommunityScope | None = None  # street office only
        loading = QLabel(self.tr("Loading…"), self)
        loading.setProperty("alignment", ALIGN_CENTER)
        self.tabs.addTab(loading, self.tr("Workbench"))
        self.setCentralWidget(self.tabs)

        self._build_menus()
        self._build_status_bar()
        self.update_profile_texts()
        from gridoffice.ui.session import Session

        self.session = Session(self)  # who is signed in, the idle lock, the open banner
        from gridoffice.ui.backup_actions import BackupActions

        self.backup_actions = BackupActions(self)  # File ▸ Back up now, Restore from backup…
        self.resize(1200, 760)
        self._restore_state()

    # --- building -------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = file_menu = bar.addMenu(self.tr("&File"))
        self.open_folder_action = file_menu.addAction(self.tr("Open data folder"))
        self.open_folder_action.triggered.connect(self.open_data_folder)
        file_menu.addSeparator()
        self.quit_action = file_menu.addAction(self.tr("Quit"))
        _shortcut(self.quit_action, "Ctrl+Q")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        _shortcut(self.undo_action, "Ctrl+Z")
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        _shortcut(self.redo_action, "Ctrl+Shift+Z")  # and Ctrl+Y once the data load
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)

        settings_menu = bar.addMenu(self.tr("&Settings"))
        self.settings_action = settings_menu.addAction(self.tr("Office and language…"))
        self.settings_action.triggered.connect(self.edit_settings)
        self.accounts_action = settings_menu.addAction(self.tr("Accounts…"))
        self.accounts_action.triggered.connect(self.manage_accounts)
        self.recovery_action = settings_menu.addAction(self.tr("Print a new recovery key…"))
        self.recovery_action.setVisible(False)  # an administrator's, for encrypted data
        self.recovery_action.triggered.connect(self.print_recovery_key)
        self.permissions_action = settings_menu.addAction(self.tr("Roles and permissions…"))
        self.permissions_action.triggered.connect(self.show_permissions)
        self.audit_action = settings_menu.addAction(self.tr("Audit log…"))
        self.audit_action.setVisible(False)  # until the services know who is signed in
        self.audit_action.triggered.connect(self.show_audit_log)
        self.audit_dialog: Any = None

        help_menu = bar.addMenu(self.tr("&Help"))
        self.about_action = help_menu.addAction(self.tr("About GridOffice"))
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.office_label = QLabel(self)
        self.role_label = QLabel(self)
        self.data_label = QLabel(self)
        self.data_label.setProperty("textInteractionFlags", TEXT_SELECTABLE_BY_MOUSE)
        self.backup_label = QLabel(self)  # filled after the background check
        for label in (self.office_label, self.role_label, self.backup_label, self.data_label):
            label.setContentsMargins(8, 0, 8, 0)
            status.addPermanentWidget(label)
        data_dir = str(self.context.paths.data_dir)
        self.data_label.setText(self.tr("Data: {path}").format(path=data_dir))
        self.data_label.setToolTip(data_dir)

    def update_profile_texts(self) -> None:
        """Title and status bar after start or a change in Settings."""
        profile = self.profile
        if profile is None:
            self.setWindowTitle(self.tr("GridOffice — office not set up"))
            self.office_label.setText(self.tr("Office not set up"))
            self.role_label.setText("")
            return
        if profile.is_street:  # its name is the street's: say it once
            self.setWindowTitle(self.tr("GridOffice — {office}").format(office=profile.name))
            self.office_label.setText(self.tr("Office: {office}").format(office=profile.name))
        else:
            self.setWindowTitle(self.tr("GridOffice — {office} ({street})").format(
                office=profile.name, street=profile.street))
            self.office_label.setText(self.tr("Office: {office}, {street}").format(
                office=profile.name, street=profile.street))
        self.role_label.setText(self.tr("Role: {role}").format(
            role=code_label(OFFICE_ROLES, profile.role)))

    # --- loading ----------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._load_scheduled:
            self._load_scheduled = True
            QTimer.singleShot(0, self, self.start_loading)

    def start_loading(self) -> None:
        """Build the first tab and show its data at once, read on a plain connection
        (:meth:`BaseTab.read_first_screen`); then build the other tabs while
        SQLAlchemy and the services load in the background and read the tabs' longest
        lists (:mod:`gridoffice.ui.prefetch`); :meth:`load_data` hands them to the tabs."""
        if self.loaded or self.loading_job is not None or self._shut_down:
            return
        from gridoffice.ui.prefetch import load_task, show_first_screen
        from gridoffice.ui.workers import BackgroundJob  # noqa: F811 - at run time, here

        self._prepare(first_only=True)
        shown = show_first_screen(self)

        def loaded(result: Loaded) -> None:
            self.load_data(result)

        def failed(_exc: BaseException) -> None:
            self.load_data()  # the same import again, where its error is reported

        def start_job() -> None:
            if shown:
                self._first_screen_shown()
            if self.loaded or self._shut_down:
                return
            self._check_integrity()  # after the first screen: it reads the whole file
            self._prepare()  # every tab, to ask what it will read first
            reads = {(tab.key, name): read for tab in self.tab_list
                     if self._may_see(tab) for name, read in tab.prefetches().items()}
            task = load_task(self.context.opened.path, self.profile, self.context.language,
                             self.context.actor, reads)
            self.loading_job = BackgroundJob(
                self, task, label=self.tr("Loading…"), on_success=loaded,
                on_failure=failed, progress_delay_ms=24 * 3600 * 1000)  # no progress window
            self.loading_job.start()

        # On the next turn of the event loop: the first screen is painted first.
        QTimer.singleShot(0, self, start_job)

    def _prepare(self, *, first_only: bool = False) -> None:
        """What the window needs before any data, with no SQLAlchemy: the tabs (only the
        first with ``first_only``)."""
        if not self._prepared:
            self._prepared = True
            from PySide6.QtGui import QKeySequence

            self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"),
                                           QKeySequence("Ctrl+Y")])
        self._build_tabs(1 if first_only else None)

    def _first_screen_shown(self) -> None:
        if not self.first_screen_done:
            self.first_screen_done = True
            self.first_shown.emit()

    def load_data(self, loaded: Loaded | None = None) -> None:
        """Open the database with SQLAlchemy, build the services once and hand them to
        every tab (at once when called before :meth:`start_loading` has finished);
        ``loaded``: the services and first lists the background job read."""
        if self.loaded or self._shut_down:
            return
        self._prepare()
        self._check_integrity()
        try:
            if loaded is None:
                from gridoffice.services.container import Services
                from gridoffice.store.database import Database

                self.db = Database(self.context.opened.path)
                self.services = Services.build(self.db, self.profile, self.context.language,
                                               self.context.actor)
            else:
                self.db, self.services = loaded.db, loaded.services
                for tab in self.tab_list:
                    tab.use_prefetched(loaded.for_tab(tab.key))
            self.show_communities()
            self.apply_access()  # attaches the tabs this person may see
            for tab in self.tab_list:
                tab.use_prefetched({})  # what a tab did not use is not kept
        except UserError as err:
            log.error("cannot load the data: %s", err)
            self.load_failed.emit(err)
            if not self.context.exit_after_show:  # a smoke test must never block on a box
                messages.show_user_error(self, err)
            return
        self.loaded = True
        self._first_screen_shown()  # nothing was shown before: it is now
        self.data_loaded.emit()

    def _check_integrity(self) -> None:
        """The background check of the file and the daily backup (see
        :meth:`BackupActions.start_check`); started once, after the first screen."""
        self.backup_actions.start_check()

    def update_backup_age(self, now: dt.datetime | None = None) -> None:
        """The status bar's backup age, and the workbench's to-do that counts it."""
        self.backup_actions.show_age(now)
        bench = self.tab("workbench")
        if bench is not None:
            bench.backups_changed()

    def broadcast(self, source: BaseTab | None, changes: Changes) -> None:
        """A tab (or an undo) stored ``changes``: every other tab shows what touches it
        (and the street office learns the names of offices it has just trusted)."""
        if not self.loaded:
            return
        if self.community_scope is not None and changes.touches("sync_peer", "sync_package"):
            from gridoffice.services.street import office_names

            self.community_scope.names.update(office_names(self.context.opened.path))
        for tab in self.tab_list:
            if tab is not source:
                tab.refresh(changes)

    def set_actor(self, actor: Actor) -> None:
        """Another person signed in (switch of user): the services act as them, the
        window shows what they may do, and every tab reads its data again as them (a
        grid worker must not keep seeing what the previous person's role showed)."""
        changed = self.context.actor != actor
        if self.services is not None:
            self.services.set_actor(actor)
        self.context.actor = actor
        self.session.actor_changed(actor)
        self.apply_access()
        if changed and self.loaded:
            for tab in self.tab_list:
                tab.refresh(None)

    def _may_see(self, tab: BaseTab) -> bool:
        actor = self.context.actor
        return actor is None or tab.visible_for(actor)

    def apply_access(self) -> None:
        """Tabs, buttons and menus follow the actor's role (see domain/access)."""
        actor = self.services.actor if self.services is not None else self.context.actor
        self.accounts_action.setVisible(access.allows(actor, access.ACCOUNTS))
        self.settings_action.setVisible(access.allows(actor, access.SETTINGS))
        from gridoffice.store import keys

        self.recovery_action.setVisible(
            actor is not None and actor.allows(access.ACCOUNTS)
            and keys.state(self.context.paths.database) == keys.ENCRYPTED)
        self.backup_actions.apply_access(actor)
        if self.services is None or actor is None:
            return
        self.audit_action.setVisible(actor.allows(access.AUDIT))
        if not actor.allows(access.AUDIT) and self.audit_dialog is not None:
            self.audit_dialog.close()
        for index, tab in enumerate(self.tab_list):
            visible = tab.visible_for(actor)
            if visible and tab.services is None:  # first shown: it reads its data now
                tab.attach(self.services)
            self.tabs.setTabVisible(index, visible)
            tab.apply_access(actor)
        if not self.tabs.isTabVisible(self.tabs.currentIndex()):
            shown = [i for i in range(self.tabs.count()) if self.tabs.isTabVisible(i)]
            if shown:
                self.tabs.setCurrentIndex(shown[0])

    def show_communities(self) -> None:
        """The street office sees every community's records (read-only) in every tab;
        a community office only pays for the one check (once)."""
        if self._communities_checked:
            return
        from gridoffice.ui.widgets.community import CommunityScope

        scope = CommunityScope.load(self.context.opened.path)
        self._communities_checked = True
        if not scope.active:
            return
        self.community_scope = scope
        for tab in self.tab_list:
            tab.set_scope(scope)

    def _build_tabs(self, count: int | None = None) -> None:
        """The registered tabs not built yet, in order (the first ``count`` of them at
        most), in place of the "Loading…" page."""
        from gridoffice.ui.tabs.registry import TABS, tab_classes

        built = len(self.tab_list)
        if built == len(TABS) or count == 0:
            return
        if built == 0:
            placeholder = self.tabs.widget(0)
            self.tabs.removeTab(0)
            placeholder.deleteLater()
            self._file_anchor = self.file_menu.actions()[0]  # the tabs' actions go above
        first = self._file_anchor
        classes = tab_classes(built)
        for cls in classes if count is None else classes[:count]:
            tab = cls(self.undo_stack, self)
            tab.context = self.context
            self.tab_list.append(tab)
            self.tabs.addTab(tab, cls.title())
            tab.status_message.connect(self.show_message)
            tab.open_requested.connect(self.open_target)
            tab.changed.connect(lambda changes, source=tab: self.broadcast(source, changes))
            for action in tab.file_actions():
                if action is None:
                    self.file_menu.insertSeparator(first)
                else:
                    self.file_menu.insertAction(first, action)
            tab.restore_state(self.settings)
            if self.community_scope is not None:
                tab.set_scope(self.community_scope)
        if built == 0:
            self.tabs.setCurrentIndex(0)

    def tab(self, key: str) -> Any:
        """The tab called ``key`` (``roster``, ``households``, …), once built."""
        return next((tab for tab in self.tab_list if tab.key == key), None)

    def open_target(self, target: Target) -> bool:
        """Show where a workbench item leads: its tab, the view and the filter (File ▸
        Back up now for the backups); False when that tab is not there for this person."""
        if target.tab == "backups":
            self.backup_actions.back_up_now()
            return True
        tab = self.tab(target.tab)
        if tab is None or tab.services is None or not self.tabs.isTabVisible(
                self.tabs.indexOf(tab)):
            return False
        self.tabs.setCurrentWidget(tab)
        return bool(tab.open_view(target.view, dict(target.filters)))

    @property
    def workbench(self) -> WorkbenchTab | None:
        return self.tab("workbench")  # type: ignore[no-any-return]

    @property
    def roster(self) -> RosterTab | None:
        return self.tab("roster")  # type: ignore[no-any-return]

    @property
    def households(self) -> HouseholdsTab | None:
        return self.tab("households")  # type: ignore[no-any-return]

    @property
    def meetings(self) -> MeetingsTab | None:
        return self.tab("meetings")  # type: ignore[no-any-return]

    @property
    def inservice(self) -> InServiceTab | None:
        return self.tab("inservice")  # type: ignore[no-any-return]

    @property
    def sync(self) -> SyncTab | None:
        return self.tab("sync")  # type: ignore[no-any-return]

    @property
    def ledger_action(self) -> QAction:
        """File ▸ the ledger of party organisations (the roster's)."""
        return self.roster.tree_panel.ledger_action  # type: ignore[union-attr]

    # --- menu actions -----------------------------------------------------------------------
    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def open_data_folder(self) -> bool:
        from PySide6.QtCore import QUrl  # here: start-up builds only what the window shows
        from PySide6.QtGui import QDesktopServices

        url = QUrl.fromLocalFile(str(self.context.paths.data_dir))
        opened = QDesktopServices.openUrl(url)
        if not opened:
            messages.warn(self, self.tr("The folder {path} could not be opened.").format(
                path=str(self.context.paths.data_dir)))
        return opened

    def edit_settings(self) -> None:
        from gridoffice.ui.dialogs.office_setup import OfficeSetupDialog

        actor = self.context.actor
        result = OfficeSetupDialog.ask(self, self.context.opened.path, self.profile,
                                       self.context.language_setting,
                                       accounts=actor is not None and not actor.is_open)
        if result is None:
            return
        self.session.restart_idle()  # the idle minutes may have changed
        self.profile = result.profile
        self.context.profile = result.profile
        self.context.language_setting = result.language_setting
        self.update_profile_texts()
        if self.services is not None:
            self.services.set_profile(result.profile)
        self.show_message(self.tr("The office settings were saved."))

    def manage_accounts(self) -> None:
        """Settings ▸ Accounts (the administrator's)."""
        from gridoffice.ui.dialogs.accounts import manage_accounts

        manage_accounts(self)

    def print_recovery_key(self) -> None:
        """Settings ▸ Print a new recovery key (the administrator's)."""
        from gridoffice.ui.dialogs.encryption import print_new_recovery_key

        print_new_recovery_key(self)

    def show_permissions(self) -> None:
        """Settings ▸ Roles and permissions (anyone may read the matrix)."""
        from gridoffice.ui.dialogs.permissions import PermissionsDialog

        PermissionsDialog.ask(self)

    def show_audit_log(self) -> Any:
        """Settings ▸ Audit log: the log, filtered, beside the window (not modal)."""
        if self.services is None or not self.services.actor.allows(access.AUDIT):
            return None
        from gridoffice.ui.dialogs.audit_view import AuditLogDialog

        if self.audit_dialog is None:
            self.audit_dialog = AuditLogDialog(self, self.services.audit)
        else:
            self.audit_dialog.apply()  # what was recorded since
        self.audit_dialog.show()
        self.audit_dialog.raise_()
        self.audit_dialog.activateWindow()
        return self.audit_dialog

    def show_about(self) -> None:
        messages.inform(self, self.tr(
            "GridOffice {version}\n"
            "An offline office program for community party building and grid work.\n\n"
            "Data folder: {data}\nLog file: {log}"
        ).format(version=__version__, data=str(self.context.paths.data_dir),
                 log=self.context.log_file or self.tr("none")),
            title=self.tr("About GridOffice"))

    # --- window state -----------------------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = self.settings.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def save_state(self) -> None:
        self.settings.setValue("main/geometry", self.saveGeometry())
        for tab in self.tab_list:
            tab.save_state(self.settings)
        self.settings.sync()

    def shutdown(self) -> None:
        """Save the window layout, stop background work, close the database (once)."""
        if self._shut_down:
            return
        self._shut_down = True
        self.session.stop()
        self.save_state()
        jobs = []
        for tab in self.tab_list:
            tab.shutdown()  # closes its preview (which removes its temporary PDF)
            jobs += tab.running_jobs()
        for job in (self.integrity_job, self.loading_job):
            if job is not None and job.running:
                jobs.append(job)
        for job in jobs:
            job.cancel()
        if jobs:
            QThreadPool.globalInstance().waitForDone(10_000)
        if self.db is not None:
            self.db.close()
            self.db = None

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)
