"""Settings ▸ Accounts (管理员 only): the list of every account and its editor.

The list shows login, real name, role, grids by name, the phone masked, the
control-tag grant and the state (正常 / 已停用 / 已锁定 until a time). Accounts are
added, edited, disabled or enabled again and given a new password here; nothing
is ever deleted. Every change goes through
:class:`~gridoffice.services.accounts.AccountService`, which checks and audits it;
a refusal is shown in the dialog and changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gridoffice.domain import access
from gridoffice.domain.masking import mask_phone
from gridoffice.errors import UserError
from gridoffice.services.accounts import (
    MAX_LOGIN,
    MAX_NAME,
    MAX_PASSWORD,
    Account,
    AccountDraft,
    AccountService,
)
from gridoffice.ui import messages
from gridoffice.ui.dialogs.form import FormDialog
from gridoffice.ui.models.table import RowTableModel

if TYPE_CHECKING:
    from gridoffice.ui.main_window import MainWindow

(COL_LOGIN, COL_NAME, COL_ROLE, COL_GRIDS, COL_PHONE, COL_CONTROL, COL_STATE) = range(7)


def role_label(role: str) -> str:
    """The role's name in the interface language (context ``access``)."""
    return QCoreApplication.translate("access", access.ROLE_LABELS.get(role, role))


class AccountTableModel(RowTableModel[Account]):
    """The accounts, one per row; ``now`` decides whether a lock still holds."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.now = dt.datetime.now()
        self.community_names: dict[str, str] = {}  # at a street office: id -> name

    def set_accounts(self, rows: Sequence[Account], now: dt.datetime) -> None:
        self.now = now
        self.set_rows(rows)

    def headers(self) -> Sequence[str]:
        return (self.tr("Login name"), self.tr("Real name"), self.tr("Role"), self.tr("Grids"),
                self.tr("Phone"), self.tr("Control tags"), self.tr("State"))

    def state(self, account: Account) -> str:
        if account.disabled:
            return self.tr("Disabled")
        if account.locked(self.now) and account.locked_until is not None:
            return self.tr("Locked until {time}").format(
                time=account.locked_until.strftime("%H:%M"))
        return self.tr("Active")

    def display(self, row: Account, column: int) -> str:
        if column == COL_LOGIN:
            return row.login
        if column == COL_NAME:
            return row.real_name
        if column == COL_ROLE:
            return role_label(row.role)
        if column == COL_GRIDS:
            if row.communities:  # a street worker limited to some communities
                return "、".join(self.community_names.get(c, c) for c in row.communities)
            return "、".join(row.grid_names or row.grids)
        if column == COL_PHONE:
            return mask_phone(row.phone)
        if column == COL_CONTROL:
            return "✓" if row.control_tags else ""
        return self.state(row)

    def muted(self, row: Account) -> bool:
        return row.disabled

    def row_of(self, login: str) -> int:
        return next((n for n, a in enumerate(self._rows) if a.login == login), -1)


def _checklist(parent: QWidget, choices: Sequence[tuple[str, str]]) -> QListWidget:
    """A list of (id, label) to tick."""
    widget = QListWidget(parent)
    widget.setMaximumHeight(120)
    for key, label in choices:
        item = QListWidgetItem(label, widget)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
    return widget


def _check(widget: QListWidget, keys: Sequence[str]) -> None:
    for row in range(widget.count()):
        item = widget.item(row)
        if item.data(Qt.ItemDataRole.UserRole) in keys:
            item.setCheckState(Qt.CheckState.Checked)


def _checked(widget: QListWidget) -> tuple[str, ...]:
    items = (widget.item(n) for n in range(widget.count()))
    return tuple(item.data(Qt.ItemDataRole.UserRole) for item in items
                 if item.checkState() == Qt.CheckState.Checked)


class AccountEditDialog(FormDialog):
    """One account: login (fixed once made), real name, role, grids (网格员 only),
    phone, the control-tag grant (roles that may have it), and the password when
    the account is new."""

    def __init__(self, parent: QWidget | None, service: AccountService,
                 grids: Sequence[tuple[str, str]], account: Account | None = None,
                 communities: Sequence[tuple[str, str]] = ()) -> None:
        super().__init__(parent, self.tr("New account") if account is None
                         else self.tr("Account {login}").format(login=account.login))
        self.service = service
        self.account = account
        self.login_edit = QLineEdit(self)
        self.login_edit.setMaxLength(MAX_LOGIN + 8)  # longer input gets a clear message
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(MAX_NAME + 8)
        self.role_combo = QComboBox(self)
        for role in access.ROLES:
            self.role_combo.addItem(role_label(role), role)
        self.grid_list = _checklist(self, grids)
        # at a street office: the communities a street worker is limited to (none: all)
        self.community_list = _checklist(self, communities)
        self.community_list.setToolTip(self.tr("None ticked: every community"))
        self.phone_edit = QLineEdit(self)
        self.control_check = QCheckBox(self.tr("May see control tags"), self)
        self.add_row("login", self.tr("Login name"), self.login_edit, required=True)
        self.add_row("real_name", self.tr("Real name"), self.name_edit)
        self.add_row("role", self.tr("Role"), self.role_combo)
        self.add_row("grids", self.tr("Grids"), self.grid_list)
        if communities:
            self.add_row("communities", self.tr("Communities (none ticked: all)"),
                         self.community_list)
        else:  # a community office: not in the form
            self.community_list.hide()
        self.add_row("phone", self.tr("Phone"), self.phone_edit)
        self.add_row("control_tags", self.tr("Control tags"), self.control_check)
        self.password_edit: QLineEdit | None = None
        self.repeat_edit: QLineEdit | None = None
        if account is None:
            self.password_edit = self._password_row("password", self.tr("Password"))
            self.repeat_edit = self._password_row("repeat", self.tr("Repeat the password"))
            self.role_combo.setCurrentIndex(self.role_combo.findData(access.STAFF))
        else:
            self._fill(account)
        self.role_combo.currentIndexChanged.connect(lambda _i: self.update_role())
        self.update_role()

    def _password_row(self, key: str, label: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setMaxLength(MAX_PASSWORD + 8)
        self.add_row(key, label, edit, required=True)
        return edit

    def _fill(self, account: Account) -> None:
        self.login_edit.setText(account.login)
        self.login_edit.setReadOnly(True)
        self.name_edit.setText(account.real_name)
        self.role_combo.setCurrentIndex(max(self.role_combo.findData(account.role), 0))
        _check(self.grid_list, account.grids)
        _check(self.community_list, account.communities)
        self.phone_edit.setText(account.phone)  # the administrator keeps it up to date
        self.control_check.setChecked(account.control_tags)

    def role(self) -> str:
        return str(self.role_combo.currentData())

    def update_role(self) -> None:
        """Grids only for a grid worker; control tags only for roles that may have them."""
        role = self.role()
        self.grid_list.setEnabled(role == access.GRID)
        may_control = role in access.CONTROL_TAG_ROLES
        self.control_check.setEnabled(may_control)
        if not may_control:
            self.control_check.setChecked(False)

    def checked_grids(self) -> tuple[str, ...]:
        return _checked(self.grid_list)

    def draft(self) -> AccountDraft:
        role = self.role()
        return AccountDraft(
            login=self.login_edit.text(), role=role, real_name=self.name_edit.text(),
            grids=self.checked_grids() if role == access.GRID else (),
            communities=_checked(self.community_list), phone=self.phone_edit.text(),
            control_tags=self.control_check.isChecked() and role in access.CONTROL_TAG_ROLES)

    def perform(self) -> Account:
        if self.account is None:
            assert self.password_edit is not None and self.repeat_edit is not None
            return self.service.add(self.draft(), self.password_edit.text(),
                                    self.repeat_edit.text())
        return self.service.update(self.draft())


class PasswordResetDialog(FormDialog):
    """The administrator gives an account a new password (and lifts a lock)."""

    def __init__(self, parent: QWidget | None, service: AccountService, login: str) -> None:
        super().__init__(parent, self.tr("New password for {login}").format(login=login))
        self.service = service
        self.login = login
        self.set_intro(self.tr("The account's owner signs in with this password and should "
                               "change it at once."))
        self.password_edit = QLineEdit(self)
        self.repeat_edit = QLineEdit(self)
        for key, label, edit in (("password", self.tr("New password"), self.password_edit),
                                 ("repeat", self.tr("Repeat the password"), self.repeat_edit)):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setMaxLength(MAX_PASSWORD + 8)
            self.add_row(key, label, edit, required=True)

    def perform(self) -> str:
        self.service.reset_password(self.login, self.password_edit.text(),
                                    self.repeat_edit.text())
        return self.login


class AccountsDialog(QDialog):
    """The account list with Add…, Edit…, Disable/Enable and Reset password…"""

    def __init__(self, parent: QWidget | None, service: AccountService,
                 grids: Sequence[tuple[str, str]],
                 communities: Sequence[tuple[str, str]] = ()) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Accounts"))
        self.service = service
        self.grids = list(grids)
        self.communities = list(communities)  # at a street office only
        self.model = AccountTableModel(self)
        self.model.community_names = dict(self.communities)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda _index: self.edit_account())

        self.add_button = QPushButton(self.tr("Add…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.disable_button = QPushButton(self.tr("Disable"), self)
        self.password_button = QPushButton(self.tr("Reset password…"), self)
        self.add_button.clicked.connect(self.add_account)
        self.edit_button.clicked.connect(self.edit_account)
        self.disable_button.clicked.connect(self.toggle_disabled)
        self.password_button.clicked.connect(self.reset_password)
        side = QVBoxLayout()
        for button in (self.add_button, self.edit_button, self.disable_button,
                       self.password_button):
            button.setAutoDefault(False)
            side.addWidget(button)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.view, 1)
        row.addLayout(side)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(close)
        self.resize(860, 420)
        self.view.selectionModel().currentRowChanged.connect(
            lambda _cur, _prev: self.update_buttons())
        self.reload()

    @classmethod
    def ask(cls, parent: QWidget | None, service: AccountService,
            grids: Sequence[tuple[str, str]],
            communities: Sequence[tuple[str, str]] = ()) -> None:
        FormDialog.run_modal(cls(parent, service, grids, communities))

    # --- the list -----------------------------------------------------------------------
    def reload(self, login: str | None = None) -> None:
        login = login or self.current_login()
        self.model.set_accounts(self.service.accounts(), self.service.clock())
        header = self.view.horizontalHeader()
        header.resizeSections(QHeaderView.ResizeMode.ResizeToContents)
        row = self.model.row_of(login) if login else -1
        if row < 0 and self.model.rowCount():
            row = 0
        if row >= 0:
            self.view.selectRow(row)
        self.update_buttons()

    def current(self) -> Account | None:
        index: QModelIndex = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def current_login(self) -> str | None:
        account = self.current()
        return account.login if account else None

    def update_buttons(self) -> None:
        account = self.current()
        for button in (self.edit_button, self.disable_button, self.password_button):
            button.setEnabled(account is not None)
        self.disable_button.setText(self.tr("Enable") if account is not None
                                    and account.disabled else self.tr("Disable"))

    # --- the buttons --------------------------------------------------------------------
    def add_account(self) -> None:
        added = AccountEditDialog(self, self.service, self.grids,
                                  communities=self.communities).ask_result()
        if added is not None:
            self.reload(added.login)

    def edit_account(self) -> None:
        account = self.current()
        if account is None:
            return
        changed = AccountEditDialog(self, self.service, self.grids, account,
                                    communities=self.communities).ask_result()
        if changed is not None:
            self.reload(changed.login)

    def toggle_disabled(self) -> None:
        account = self.current()
        if account is None:
            return
        try:
            self.service.set_disabled(account.login, not account.disabled)
        except UserError as err:
            messages.show_user_error(self, err)
            return
        self.reload(account.login)

    def reset_password(self) -> None:
        account = self.current()
        if account is None:
            return
        if PasswordResetDialog(self, self.service, account.login).ask_result() is not None:
            self.reload(account.login)


def manage_accounts(window: MainWindow) -> None:
    """Settings ▸ Accounts of ``window``'s office; the first account added tells that the
    data is encrypted at the next start."""
    if window.services is None:
        return
    from gridoffice.services.encryption import needs_encryption
    from gridoffice.services.street import office_names

    path = window.context.opened.path
    service = AccountService(path, window.services.actor)
    profile = window.profile
    communities = (sorted(office_names(path).items(), key=lambda item: item[1])
                   if profile is not None and profile.is_street else [])
    plain_before = needs_encryption(path)
    AccountsDialog.ask(window, service, window.services.grid_choices(), communities)
    if not plain_before and needs_encryption(path):  # its first account
        messages.inform(window, QCoreApplication.translate("MainWindow",
            "This office has accounts now: its data will be encrypted when GridOffice "
            "starts next, and the administrator will print the recovery key then. "
            "Restart GridOffice soon."))
