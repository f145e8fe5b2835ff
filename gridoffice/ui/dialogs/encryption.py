"""Encrypting the data at start, the recovery key shown once, and unlocking with it.

- :func:`encrypt_with_progress`: the conversion of a plain folder that has accounts
  (:func:`gridoffice.services.encryption.encrypt`) in a worker thread, behind a
  progress dialog that cannot be cancelled (a cut-short conversion is safe, but
  stopping half-way helps nobody);
- :class:`RecoveryKeyDialog`: the new recovery key, large, with the sheet to
  print (数据恢复密钥) and a reminder to keep it in the safe;
- :class:`RecoveryDialog`: the login dialog's "Forgot the password?": the key from
  the sheet and a new administrator password.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gridoffice.domain import access
from gridoffice.domain.access import Actor
from gridoffice.errors import UserError
from gridoffice.paths import AppPaths
from gridoffice.services import encryption
from gridoffice.ui import messages
from gridoffice.ui.dialogs.form import FormDialog
from gridoffice.ui.dialogs.login import password_edit

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


class _Relay(QObject):
    progressed = Signal(int, int)
    done = Signal()


def encrypt_with_progress(parent: QWidget | None, paths: AppPaths
                          ) -> encryption.EncryptResult | None:
    """Encrypt the data of ``paths`` with a progress dialog; the result, or None after
    telling the user why it failed (the data is then as it was, unencrypted)."""
    relay = _Relay()
    dialog = QProgressDialog(parent)
    dialog.setWindowTitle(translate("RecoveryKeyDialog", "Encrypting the data"))
    dialog.setLabelText(translate(
        "RecoveryKeyDialog", "Encrypting the data of this office so that only signed-in "
        "accounts can read it. This runs once and may take a minute; do not switch off "
        "the PC."))
    dialog.setCancelButton(None)  # type: ignore[arg-type]
    dialog.setRange(0, 6)
    dialog.setMinimumDuration(0)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setAutoClose(False)
    outcome: dict[str, Any] = {}

    def report(done: int, total: int) -> bool:
        relay.progressed.emit(done, total)
        return True

    def work() -> None:
        try:
            outcome["result"] = encryption.encrypt(paths, progress=report)
        except BaseException as exc:  # reported on the GUI thread
            outcome["error"] = exc
        finally:
            relay.done.emit()

    loop = QEventLoop()
    queued = Qt.ConnectionType.QueuedConnection
    relay.progressed.connect(lambda done, total: dialog.setValue(done), queued)
    relay.done.connect(loop.quit, queued)
    dialog.show()
    thread = threading.Thread(target=work, name="encrypt", daemon=True)
    thread.start()
    loop.exec()
    thread.join()
    dialog.close()
    error = outcome.get("error")
    if error is not None:
        if isinstance(error, UserError):
            messages.show_user_error(parent, error)
            return None
        raise error
    return outcome["result"]  # type: ignore[no-any-return]


def spaced_code(code: str) -> str:
    """The key in three lines of three groups, as on the sheet (easier to copy out)."""
    groups = code.split("-")
    return "\n".join(" - ".join(groups[i:i + 3]) for i in range(0, len(groups), 3))


def code_font() -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(max(font.pointSizeF(), 10) * 1.6)
    font.setBold(True)
    return font


class RecoveryKeyDialog(QDialog):
    """The recovery key, shown once: print its sheet and keep it in the safe."""

    def __init__(self, parent: QWidget | None, paths: AppPaths, code: str, *,
                 office: str, fingerprint: str, printed_by: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recovery key"))
        self.paths, self.code = paths, code
        self.office, self.fingerprint, self.printed_by = office, fingerprint, printed_by
        self.printed = False
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "The data of this office is now encrypted. Each account's password opens it; "
            "when every administrator password is lost, only this recovery key does. "
            "Print its sheet now and keep it in the safe: it is shown only this once, and "
            "whoever has it can read all residents' data."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.code_label = QLabel(spaced_code(code), self)
        self.code_label.setObjectName("recoveryCode")
        self.code_label.setFont(code_font())
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.code_label.setStyleSheet(
            "QLabel { border: 2px solid #1565c0; padding: 12px; background: #f5f9ff; }")
        layout.addWidget(self.code_label)
        self.print_button = QPushButton(self.tr("Print the sheet…"), self)
        self.print_button.clicked.connect(self.show_sheet)
        layout.addWidget(self.print_button)
        self.kept = QCheckBox(self.tr("I have printed the sheet and will keep it in the safe"),
                              self)
        layout.addWidget(self.kept)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    def sheet(self, target: Path) -> Path:
        from gridoffice.ledgers.recovery_sheet import render_recovery_sheet

        return render_recovery_sheet(
            target, office=self.office, code=self.code, fingerprint=self.fingerprint,
            created=dt.datetime.now().replace(microsecond=0),
            data_dir=str(self.paths.data_dir), printed_by=self.printed_by)

    def show_sheet(self) -> None:
        """The sheet in the print preview (a file in the data folder's private
        temporary folder, removed when the preview closes)."""
        from gridoffice.paths import make_private_temp
        from gridoffice.ui.dialogs.pdf_preview import PdfPreviewDialog

        work = make_private_temp(self.paths.data_dir, "recovery-")
        pdf = self.sheet(work / "recovery-key.pdf")
        preview = PdfPreviewDialog(self, pdf, title=self.tr("Recovery key sheet"),
                                   suggested_name=self.tr("recovery-key.pdf"),
                                   delete_on_close=True)
        preview.printed.connect(lambda _pages: self._mark_printed())
        preview.saved.connect(lambda _path: self._mark_printed())
        preview.exec()
        self.printed = True

    def _mark_printed(self) -> None:
        self.kept.setChecked(True)

    def reject(self) -> None:
        """Closing without the sheet asks once more: the key cannot be shown again."""
        if not self.kept.isChecked() and not messages.confirm(self, self.tr(
                "The recovery key will not be shown again. Without its sheet, data whose "
                "administrator passwords are all lost cannot be opened. An administrator "
                "can print a new sheet later (Settings ▸ Print a new recovery key). Close "
                "anyway?"), self.tr("Close without printing")):
            return
        super().reject()

    @classmethod
    def show_once(cls, parent: QWidget | None, paths: AppPaths, code: str, *, office: str,
                  fingerprint: str, actor: Actor | None) -> None:
        printed_by = (actor.operator or actor.login) if actor is not None else ""
        cls(parent, paths, code, office=office, fingerprint=fingerprint,
            printed_by=printed_by).exec()


class RecoveryDialog(FormDialog):
    """Open the data with the recovery key and give an administrator a new password;
    the signed-in administrator, or None."""

    def __init__(self, parent: QWidget | None, paths: AppPaths) -> None:
        super().__init__(parent, self.tr("Open with the recovery key"))
        self.paths = paths
        self.set_intro(self.tr(
            "Type the key printed on the recovery-key sheet (数据恢复密钥) that is kept in the "
            "safe, and a new password for the administrator."))
        self.code_edit = QLineEdit(self)
        self.code_edit.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-X")
        self.code_edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.code_edit.setMaxLength(80)
        self.admin_edit = QLineEdit(self)
        self.admin_edit.setPlaceholderText(self.tr("Empty: the first administrator"))
        self.password_edit = password_edit(self)
        self.repeat_edit = password_edit(self)
        self.add_row("recovery_key", self.tr("Recovery key"), self.code_edit, required=True)
        self.add_row("login", self.tr("Administrator"), self.admin_edit)
        self.add_row("password", self.tr("New password"), self.password_edit, required=True)
        self.add_row(None, self.tr("Repeat the password"), self.repeat_edit, required=True)
        self.setMinimumWidth(520)

    def perform(self) -> Actor:
        from gridoffice.services.accounts import AccountService

        password, repeat = self.password_edit.text(), self.repeat_edit.text()
        login = encryption.recover_admin(self.paths, self.code_edit.text(),
                                         self.admin_edit.text().strip() or None,
                                         lambda _name: (password, repeat))
        return AccountService(self.paths.database).sign_in(login, password)

    @classmethod
    def ask(cls, parent: QWidget | None, paths: AppPaths) -> Actor | None:
        return cls(parent, paths).ask_result()  # type: ignore[no-any-return]


def print_new_recovery_key(window: Any) -> None:
    """Settings ▸ Print a new recovery key (the administrator's): after a confirmation,
    a new key replaces the one printed before, and its sheet is shown."""
    services = window.services
    if services is None or not services.actor.allows(access.ACCOUNTS):
        return
    if not messages.confirm(window, translate(
            "MainWindow", "A new recovery key replaces the one printed before: the old "
            "sheet stops opening the data. Destroy it once the new one is in the safe. "
            "Make a new recovery key now?"), translate("MainWindow", "Print a new recovery key")):
        return
    from gridoffice.store import keys

    path = window.context.opened.path
    code = encryption.new_recovery_key(path, services.actor,
                                       backup_dir=window.context.paths.backup_dir)
    RecoveryKeyDialog.show_once(
        window, window.context.paths, code,
        office=window.profile.name if window.profile else "",
        fingerprint=keys.KeyFile.load(path).fingerprint, actor=services.actor)
