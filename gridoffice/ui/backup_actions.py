"""File ▸ Back up now and File ▸ Restore from backup… of the main window, and what a
restore does to the open window: its connections to the data file are closed first,
and afterwards every tab reads the restored file, as the same person when their
account is still in it (else the window asks who signs in).

Built with the window; the services and dialogs load when used.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool
from PySide6.QtGui import QAction

from gridoffice.domain import access
from gridoffice.ui import messages

if TYPE_CHECKING:
    from gridoffice.domain.access import Actor
    from gridoffice.services.backups import BackupResult, RestoreResult
    from gridoffice.ui.main_window import MainWindow
    from gridoffice.ui.workers import BackgroundJob

log = logging.getLogger(__name__)
translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")
BACKUP_WARN_AGE = dt.timedelta(days=7)


class BackupActions(QObject):
    """The window's backup and restore menu actions."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.backup_job: BackgroundJob | None = None
        menu = window.file_menu
        self.backup_action = QAction(self.tr("Back up now"), window)
        self.backup_action.triggered.connect(self.back_up_now)
        self.restore_action = QAction(self.tr("Restore from backup…"), window)
        self.restore_action.triggered.connect(self.restore)
        self.separator = menu.insertSeparator(window.open_folder_action)
        menu.insertAction(self.separator, self.backup_action)
        menu.insertAction(self.separator, self.restore_action)
        self.apply_access(window.context.actor)

    @property
    def path(self) -> Any:
        return self.window.context.opened.path

    @property
    def backup_dir(self) -> Any:
        return self.window.context.paths.backup_dir

    def apply_access(self, actor: Actor | None) -> None:
        """Restoring is the administrator's (anyone in a folder without accounts)."""
        self.restore_action.setVisible(actor is None or actor.allows(access.RESTORE))

    # --- the check after start and the backup age -------------------------------------
    def start_check(self) -> None:
        """Read every page of the file in the background (skipped at start for speed),
        then walk the audit log's chain; a damaged file, or an audit log changed outside
        the program, is reported as soon as it is found. A sound file then gets its
        daily backup when none was made today. First, what a backup cut short by a crash
        left in the backups folder goes; last, plain backups a conversion cut short
        left are encrypted. Runs once (the window keeps the job as ``integrity_job``)."""
        window = self.window
        if window.integrity_job is not None:
            return
        from gridoffice.services.audit import chain_error
        from gridoffice.services.backups import clear_leftovers, daily_backup
        from gridoffice.store.files import check_integrity
        from gridoffice.ui.workers import BackgroundJob

        path, backups = self.path, self.backup_dir

        def report(error: Any) -> None:
            window.update_backup_age()
            if error is None:
                return
            log.error("the data file is damaged or its audit log changed: %s", error)
            if not window.context.exit_after_show:
                messages.show_user_error(window, error)

        def work(_progress: object) -> Any:
            from gridoffice.services.encryption import encrypt_plain_backups

            clear_leftovers(backups)
            problem = check_integrity(path, backups) or chain_error(path) or daily_backup(
                path, backups)
            encrypt_plain_backups(window.context.paths)
            return problem

        window.integrity_job = BackgroundJob(
            window, work, label=translate("MainWindow", "Checking the data file…"),
            on_success=report, progress_delay_ms=24 * 3600 * 1000)  # quietly
        window.integrity_job.start()

    def show_age(self, now: dt.datetime | None = None) -> None:
        """The status bar says how old the newest backup is; none, or older than a
        week, is a warning in red."""
        from gridoffice.services.backups import newest_age

        label = self.window.backup_label
        age = newest_age(self.backup_dir, now)
        stale = age is None or age > BACKUP_WARN_AGE
        if age is None:
            text = translate("MainWindow", "No backup yet")
        elif age.days < 1:
            text = translate("MainWindow", "Backup: today")
        else:
            text = translate("MainWindow", "Backup: %n day(s) ago", "", age.days)
        label.setText(text)
        label.setStyleSheet("color: #c62828; font-weight: bold;" if stale else "")
        folder = str(self.backup_dir)
        label.setToolTip(translate(
            "MainWindow", "There is no backup of the last week: check the backups folder "
            "{path}").format(path=folder) if stale else folder)

    # --- back up now ------------------------------------------------------------------
    def back_up_now(self) -> BackgroundJob | None:
        """A manual backup in the background; then what was written, and the warning
        when the second folder could not take its copy."""
        if self.backup_job is not None:
            return self.backup_job
        from gridoffice.services import backups
        from gridoffice.store.settings import OfficeSettings
        from gridoffice.ui.workers import BackgroundJob

        path, backup_dir = self.path, self.backup_dir

        def work(_progress: object) -> BackupResult:
            second = OfficeSettings(path).backup_second_folder
            return backups.create(path, backup_dir, backups.MANUAL, second_folder=second)

        def finished() -> None:
            self.backup_job = None
            self.backup_action.setEnabled(True)
            self.window.update_backup_age()

        self.backup_action.setEnabled(False)
        self.backup_job = BackgroundJob(self.window, work, label=self.tr("Making a backup…"),
                                        on_success=self._backed_up)
        self.backup_job.finished.connect(finished)
        return self.backup_job.start()

    def _backed_up(self, result: BackupResult) -> None:
        from gridoffice.ui.dialogs.restore import size_text

        text = self.tr("The backup {file} ({size}) was made in {folder}.").format(
            file=result.file.name, size=size_text(result.file.stat().st_size),
            folder=str(result.file.parent))
        if result.second_copy is not None:
            text += "\n" + self.tr("A copy is in {folder}.").format(
                folder=str(result.second_copy.parent))
        self.window.update_backup_age()
        if result.warning is not None:
            messages.warn(self.window, text + "\n\n" + messages.user_error_text(result.warning))
        else:
            messages.inform(self.window, text, title=self.tr("Back up now"))
        self.window.show_message(self.tr("Backup made: {file}").format(file=result.file.name))

    # --- restore ----------------------------------------------------------------------
    def restore(self) -> RestoreResult | None:
        """File ▸ Restore from backup…: the dialog; after a restore every tab shows the
        restored data and the user is told where the data before it was kept."""
        from gridoffice.ui.dialogs.restore import RestoreDialog

        window = self.window
        actor = window.services.actor if window.services is not None else window.context.actor
        if actor is not None and not actor.allows(access.RESTORE):
            return None
        result = RestoreDialog.ask(window, self.path, self.backup_dir, actor,
                                   on_restore=self.release_data,
                                   on_failure=lambda _error: self.reopen_data(restored=False))
        if result is None:
            return None
        self.reopen_data(restored=True)
        messages.inform(window, self.tr(
            "The data was restored from {file}.\n\nThe data as it was before the restore "
            "was saved as {before}.").format(file=str(result.file),
                                             before=str(result.before_restore.file)),
            title=self.tr("Restore from backup"))
        return result

    def release_data(self) -> None:
        """Before a restore: stop the window's background work and close its
        connections to the data file (they open again when next used)."""
        window = self.window
        jobs = []
        for tab in window.tab_list:
            jobs += tab.running_jobs()
        if window.integrity_job is not None and window.integrity_job.running:
            jobs.append(window.integrity_job)
        for job in jobs:
            job.cancel()
        pool = QThreadPool.globalInstance()
        if jobs or pool.activeThreadCount():  # a backup being made, too: it finishes
            pool.waitForDone(10_000)
        if window.db is not None:
            window.db.close()  # disposes the pools; the engines reconnect when used
        log.info("the window let go of %s for a restore", self.path)

    def reopen_data(self, restored: bool) -> None:
        """After a restore (or a refused one): read the file again, as the same person
        when their account is still there."""
        window = self.window
        if not restored or window.db is None or window.services is None:
            return
        from gridoffice.services.office import load_profile

        window.db.reload_identity()
        profile = load_profile(self.path)
        if profile is not None:
            window.profile = window.context.profile = profile
            window.services.set_profile(profile)
        window.update_profile_texts()
        actor = self._actor_after_restore(profile.operator if profile else "")
        if actor is None:  # nobody signed in again: the window closes
            window.close()
            return
        window.services.set_actor(actor)
        window.context.actor = actor
        window.session.actor_changed(actor)
        window.apply_access()
        for tab in window.tab_list:
            tab.refresh(None)
        if window.audit_dialog is not None:
            window.audit_dialog.close()
        window.update_backup_age()

    def _actor_after_restore(self, operator: str) -> Actor | None:
        """The same person when their account is in the restored file and enabled;
        else whoever signs in now (None: nobody did). A restored folder without
        accounts is used as it is, by its operator."""
        from gridoffice.domain.access import Actor
        from gridoffice.services.accounts import SIGNED, AccountService
        from gridoffice.ui.dialogs.login import LoginDialog

        service = AccountService(self.path)
        if service.mode() != SIGNED:
            return Actor.open(operator)
        before = self.window.context.actor
        if before is not None and not before.is_open:
            account = next((a for a in service.accounts() if a.login == before.login), None)
            if account is not None and not account.disabled:
                return account.actor(self.window.db.office_id if self.window.db else None)
        messages.inform(self.window, self.tr(
            "The restored data has other accounts: sign in again."),
            title=self.tr("Restore from backup"))
        return LoginDialog.ask(self.window, self.path)  # type: ignore[no-any-return]
