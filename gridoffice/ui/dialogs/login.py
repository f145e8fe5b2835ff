"""Signing in: the login dialog, the first administrator, changing one's password.

Every dialog here talks to :class:`~gridoffice.services.accounts.AccountService`
(plain sqlite3), so it can run before the main window and its services exist.
A wrong password is said in red inside the dialog, which stays open for
another try; the service counts it towards the account's lock.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFormLayout, QLineEdit, QWidget

from gridoffice.domain import access
from gridoffice.domain.access import MAX_LOGIN, MAX_NAME, MAX_PASSWORD, Actor
from gridoffice.errors import UserError, ValidationError
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.ui import messages
from gridoffice.ui.dialogs.form import FormDialog

if TYPE_CHECKING:
    from gridoffice.services.accounts import AccountDraft, AccountService

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")
DEFAULT_ADMIN_LOGIN = "admin"
MSG_SAME_PASSWORD = QT_TRANSLATE_NOOP(
    "errors", "New password: the same as the current one; choose another.")


def account_service(db_path: Path, actor: Actor | None = None) -> AccountService:
    """The account service, imported when a dialog first needs it: the sign-in dialog
    shows before it is imported (hashing, JSON and the audit log: 15 ms)."""
    from gridoffice.services.accounts import AccountService

    return AccountService(db_path, actor)


def password_edit(parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(MAX_PASSWORD + 20)  # longer input gets a clear message
    return edit


class AdminFields:
    """The rows of the first administrator (login, real name, password twice), in the
    administrator dialog and in the first-start dialog."""

    def __init__(self, dialog: FormDialog, form: QFormLayout | None = None) -> None:
        # translate() with a fixed context: tr() follows the runtime class (two dialogs)
        self.login_edit = QLineEdit(DEFAULT_ADMIN_LOGIN, dialog)
        self.login_edit.setMaxLength(MAX_LOGIN + 20)
        self.name_edit = QLineEdit(dialog)
        self.name_edit.setMaxLength(MAX_NAME + 20)
        self.name_edit.setPlaceholderText(
            translate("AdminFields", "e.g. Wang Fang, written into the history"))
        self.password_edit = password_edit(dialog)
        self.password_edit.setPlaceholderText(translate("AdminFields", "At least 8 characters"))
        self.repeat_edit = password_edit(dialog)
        rows = (("login", translate("AdminFields", "Login name"), self.login_edit),
                ("real_name", translate("AdminFields", "Real name"), self.name_edit),
                ("password", translate("AdminFields", "Password"), self.password_edit),
                (None, translate("AdminFields", "Repeat the password"), self.repeat_edit))
        for key, label, edit in rows:
            dialog.add_row(key, label, edit, required=True, form=form)

    def draft(self) -> AccountDraft:
        from gridoffice.services.accounts import AccountDraft

        return AccountDraft(self.login_edit.text(), access.ADMIN, self.name_edit.text())

    def create(self, db_path: Path) -> Actor:
        """Add the administrator's account and sign them in."""
        service = account_service(db_path)
        account = service.add(self.draft(), self.password_edit.text(), self.repeat_edit.text())
        return service.sign_in(account.login, self.password_edit.text())


class LoginDialog(FormDialog):
    """Login name and password; the signed-in actor, or None (Quit / Cancel)."""

    def __init__(self, parent: QWidget | None, db_path: Path, *, switching: bool = False,
                 intro: str = "") -> None:
        super().__init__(parent, self.tr("Switch user") if switching else self.tr("Sign in"))
        if intro:
            self.set_intro(intro)
        self.login_edit = QLineEdit(self)
        self.login_edit.setMaxLength(MAX_LOGIN + 20)
        self.password_edit = password_edit(self)
        self.add_row("login", self.tr("Login name"), self.login_edit, required=True)
        self.add_row("password", self.tr("Password"), self.password_edit, required=True)
        self.ok_button().setText(self.tr("Sign in"))
        cancel = self.buttons.button(self.buttons.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel") if switching else self.tr("Quit"))
        self.db_path = db_path
        self.recovery_button = None
        from gridoffice.store import keys

        if not switching and keys.state(db_path) in (keys.ENCRYPTED, keys.NO_KEY_FILE):
            self.recovery_button = self.buttons.addButton(
                self.tr("Forgot the password? Use the recovery key"),
                self.buttons.ButtonRole.ActionRole)
            self.recovery_button.clicked.connect(self.use_recovery_key)
        self.setMinimumWidth(380)

    def use_recovery_key(self) -> None:
        """The recovery-key sheet opens the data and sets a new administrator password;
        the administrator is then signed in."""
        from gridoffice.paths import AppPaths
        from gridoffice.ui.dialogs.encryption import RecoveryDialog

        actor = RecoveryDialog.ask(self, AppPaths(self.db_path.parent, True))
        if actor is not None:
            self.result_value = actor
            QDialog.accept(self)

    def perform(self) -> Actor:
        return account_service(self.db_path).sign_in(self.login_edit.text(),
                                                     self.password_edit.text())

    def accept(self) -> None:
        """A refused sign-in is said in red; the password is cleared for the next try."""
        self.clear_error()
        try:
            self.result_value = self.perform()
        except UserError as err:
            self.password_edit.clear()
            self.show_error(messages.user_error_text(err), "password")
            return
        QDialog.accept(self)

    @classmethod
    def ask(cls, parent: QWidget | None, db_path: Path, *, switching: bool = False,
            intro: str = "") -> Actor | None:
        dialog = cls(parent, db_path, switching=switching, intro=intro)
        return dialog.ask_result()  # type: ignore[no-any-return]


class AdminDialog(FormDialog):
    """The first administrator of a folder that has no accounts yet; signs them in."""

    def __init__(self, parent: QWidget | None, db_path: Path) -> None:
        super().__init__(parent, self.tr("Create the administrator"))
        self.db_path = db_path
        self.set_intro(self.tr(
            "From now on everyone signs in to GridOffice with their own account, and what "
            "they may see follows their role. Create the administrator's account first: "
            "the administrator adds the other accounts."))
        self.admin = AdminFields(self)

    def perform(self) -> Actor:
        return self.admin.create(self.db_path)

    @classmethod
    def ask(cls, parent: QWidget | None, db_path: Path) -> Actor | None:
        return cls(parent, db_path).ask_result()  # type: ignore[no-any-return]


class ChangePasswordDialog(FormDialog):
    """The signed-in person changes their own password."""

    def __init__(self, parent: QWidget | None, db_path: Path, actor: Actor) -> None:
        super().__init__(parent, self.tr("Change my password"))
        self.service = account_service(db_path, actor)
        self.actor = actor
        self.set_intro(self.tr("Account: {login}").format(login=actor.login))
        self.current_edit = password_edit(self)
        self.new_edit = password_edit(self)
        self.new_edit.setPlaceholderText(self.tr("At least 8 characters"))
        self.repeat_edit = password_edit(self)
        self.add_row("current_password", self.tr("Current password"), self.current_edit,
                     required=True)
        self.add_row("password", self.tr("New password"), self.new_edit, required=True)
        self.add_row(None, self.tr("Repeat the new password"), self.repeat_edit, required=True)

    def perform(self) -> bool:
        if self.new_edit.text() == self.current_edit.text():
            raise ValidationError("password", MSG_SAME_PASSWORD)
        self.service.change_password(self.actor.login, self.current_edit.text(),
                                     self.new_edit.text(), self.repeat_edit.text())
        return True

    @classmethod
    def ask(cls, parent: QWidget | None, db_path: Path, actor: Actor) -> bool:
        return bool(cls(parent, db_path, actor).ask_result())
