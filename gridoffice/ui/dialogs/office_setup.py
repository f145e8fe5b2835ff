"""The office profile (and, in Settings, the interface language and the idle lock).

Shown at first start, before the main window, and from Settings. Nothing is
saved until :func:`gridoffice.services.office.validate` accepts the profile.
At the first start of a folder without accounts it also creates the first
administrator (checked before anything is written) and signs them in; in a
folder with accounts the operator is the signed-in account, so its field is hidden.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from gridoffice.domain.access import Actor
from gridoffice.domain.codes import OFFICE_ROLES
from gridoffice.services import office
from gridoffice.services.office import OfficeProfile
from gridoffice.store.settings import OfficeSettings
from gridoffice.ui import messages
from gridoffice.ui.dialogs.form import FormDialog, KeepOpen
from gridoffice.ui.labels import code_label

# Language names are written in their own language so anyone can find theirs.
LANGUAGE_NAMES = (("zh_CN", "简体中文"), ("en", "English"))
MAX_IDLE_MINUTES = 240


@dataclass(frozen=True)
class OfficeSetupResult:
    profile: OfficeProfile
    language_setting: str  # "" = follow the system
    language_changed: bool
    role_changed: bool
    actor: Actor | None = None  # the administrator created (and signed in) at first start
    idle_minutes: int | None = None  # Settings: the idle lock (0: never)
    backup_second_folder: Path | None = None  # Settings: where backups are copied too


class OfficeSetupDialog(FormDialog):
    """Office name, street office, role and operator; in Settings also the language."""

    def __init__(self, parent: QWidget | None, db_path: Path,
                 profile: OfficeProfile | None = None, language_setting: str = "",
                 first_start: bool = False, *, with_admin: bool = False,
                 accounts: bool = False) -> None:
        """``with_admin`` (first start of a folder without accounts): also create the
        administrator. ``accounts``: the folder has accounts, so the operator is the
        signed-in account and its field is hidden."""
        title = self.tr("Set up GridOffice") if first_start else self.tr("Office and language")
        super().__init__(parent, title)
        self.db_path = db_path
        self.profile = profile
        self.first_start = first_start
        self.language_setting = language_setting
        self.accounts = accounts or with_admin
        if first_start:
            self.set_intro(self.tr(
                "Welcome to GridOffice. Enter the office this computer works for; "
                "you can change it later under Settings."
            ))
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(self.tr("e.g. Xingfuli Community"))
        self.street_edit = QLineEdit(self)
        self.street_edit.setPlaceholderText(self.tr("e.g. Xingfu Street Office"))
        self.role_combo = QComboBox(self)
        for role in OFFICE_ROLES:
            self.role_combo.addItem(code_label(OFFICE_ROLES, role.code), role.code)
        self.operator_edit = QLineEdit(self)
        self.operator_edit.setPlaceholderText(self.tr("Your name, written into the history"))
        for edit in (self.name_edit, self.street_edit, self.operator_edit):
            edit.setMaxLength(office.MAX_LENGTH + 20)  # longer input gets a clear message
        self.add_row("name", self.tr("Office name"), self.name_edit, required=True)
        self.add_row("street", self.tr("Street office"), self.street_edit, required=True)
        self.add_row("role", self.tr("Role"), self.role_combo)
        self.add_row("operator", self.tr("Operator"), self.operator_edit,
                     required=not self.accounts)
        if self.accounts:
            self.form.setRowVisible(self.operator_edit, False)
        self.admin = None
        if with_admin:
            from gridoffice.ui.dialogs.login import AdminFields

            box = QGroupBox(self.tr("Administrator"), self)
            box_form = QFormLayout(box)
            self.admin = AdminFields(self, box_form)
            self.form.addRow(box)
        self.idle_spin: QSpinBox | None = None
        self.backup_folder_edit: QLineEdit | None = None
        self.language_combo: QComboBox | None = None
        if not first_start:
            self.language_combo = QComboBox(self)
            self.language_combo.addItem(self.tr("Follow the system"), "")
            for code, name in LANGUAGE_NAMES:
                self.language_combo.addItem(name, code)
            index = self.language_combo.findData(language_setting)
            self.language_combo.setCurrentIndex(max(index, 0))
            self.add_row("language", self.tr("Language"), self.language_combo)
            self.idle_spin = QSpinBox(self)
            self.idle_spin.setRange(0, MAX_IDLE_MINUTES)
            self.idle_spin.setSuffix(self.tr(" min"))
            self.idle_spin.setSpecialValueText(self.tr("Never"))
            self.idle_spin.setValue(OfficeSettings(db_path).idle_lock_minutes)
            self.idle_spin.setToolTip(self.tr(
                "Without mouse or keyboard input for this long, the window is covered and "
                "asks for the password again (0: never)."))
            self.add_row("idle_minutes", self.tr("Lock the window when idle for"),
                         self.idle_spin)
            self._add_backup_folder_row()
        if profile is not None:
            self.name_edit.setText(profile.name)
            self.street_edit.setText(profile.street)
            self.role_combo.setCurrentIndex(max(self.role_combo.findData(profile.role), 0))
            self.operator_edit.setText(profile.operator)
        self.update_ok()

    def _add_backup_folder_row(self) -> None:
        """The second backup folder: a path shown read-only, Browse and Clear, and what
        it is for."""
        folder = OfficeSettings(self.db_path).backup_second_folder
        row = QWidget(self)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        self.backup_folder_edit = QLineEdit(str(folder) if folder else "", row)
        self.backup_folder_edit.setReadOnly(True)
        self.backup_folder_edit.setToolTip(self.backup_folder_edit.text())
        self.backup_folder_edit.setPlaceholderText(self.tr("None"))
        self.backup_browse_button = QPushButton(self.tr("Browse…"), row)
        self.backup_browse_button.clicked.connect(self.choose_backup_folder)
        self.backup_clear_button = QPushButton(self.tr("Clear"), row)
        self.backup_clear_button.clicked.connect(self.clear_backup_folder)
        line.addWidget(self.backup_folder_edit, 1)
        line.addWidget(self.backup_browse_button)
        line.addWidget(self.backup_clear_button)
        self.add_row("backup_second_folder", self.tr("Second backup folder"), row)
        self.backup_help = QLabel(self.tr(
            "Every backup is also copied here: a USB drive or a network folder. If the "
            "drive is not connected when a backup is made, the backup is still made and "
            "you get a warning."), self)
        self.backup_help.setWordWrap(True)
        self.backup_help.setStyleSheet("color: #616161;")
        self.form.addRow("", self.backup_help)
        self._update_backup_buttons()

    def _update_backup_buttons(self) -> None:
        if self.backup_folder_edit is not None:
            self.backup_clear_button.setEnabled(bool(self.backup_folder_edit.text()))

    def choose_backup_folder(self) -> Path | None:
        """Browse… for the second backup folder (never inside the data folder)."""
        assert self.backup_folder_edit is not None
        start = self.backup_folder_edit.text() or str(Path.home())
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Second backup folder"),
                                                  start)
        if not chosen or messages.output_refused(self, chosen, self.db_path):
            return None
        self.backup_folder_edit.setText(str(Path(chosen)))
        self.backup_folder_edit.setToolTip(str(Path(chosen)))
        self._update_backup_buttons()
        return Path(chosen)

    def clear_backup_folder(self) -> None:
        if self.backup_folder_edit is not None:
            self.backup_folder_edit.clear()
            self._update_backup_buttons()

    def entered_backup_folder(self) -> Path | None:
        text = self.backup_folder_edit.text().strip() if self.backup_folder_edit else ""
        return Path(text) if text else None

    def entered_profile(self) -> OfficeProfile:
        operator = self.operator_edit.text()
        if self.admin is not None:  # the administrator is the operator
            operator = self.admin.name_edit.text().strip() or self.admin.login_edit.text()
        return OfficeProfile(self.name_edit.text(), self.street_edit.text(),
                             str(self.role_combo.currentData()), operator)

    def perform(self) -> OfficeSetupResult | None:
        profile = office.validate(self.entered_profile())
        if self.admin is not None:  # checked before anything is written
            from gridoffice.services.accounts import AccountService

            AccountService(self.db_path).check_new(self.admin.draft(),
                                                   self.admin.password_edit.text(),
                                                   self.admin.repeat_edit.text())
        language = str(self.language_combo.currentData()) if self.language_combo else \
            self.language_setting
        role_changed = self.profile is not None and self.profile.role != profile.role
        if role_changed and not messages.confirm(self, self.tr(
            "Changing the role from {old} to {new} changes what GridOffice shows and which "
            "ledgers it offers. Change the role?"
        ).format(old=code_label(OFFICE_ROLES, self.profile.role if self.profile else ""),
                 new=code_label(OFFICE_ROLES, profile.role))):
            raise KeepOpen()
        saved = (office.save_profile(self.db_path, profile) if self.profile is not None
                 else office.setup_office(self.db_path, profile))
        language_changed = language != self.language_setting
        if language_changed:
            office.save_language(self.db_path, language)
        actor = self.admin.create(self.db_path) if self.admin is not None else None
        idle = None
        if self.idle_spin is not None:
            idle = self.idle_spin.value()
            OfficeSettings(self.db_path).idle_lock_minutes = idle
        second = None
        if self.backup_folder_edit is not None:
            second = self.entered_backup_folder()
            OfficeSettings(self.db_path).backup_second_folder = second
        return OfficeSetupResult(saved, language, language_changed, role_changed, actor, idle,
                                 second)

    def accept(self) -> None:
        super().accept()
        result = self.result_value
        if self.result() == self.DialogCode.Accepted and result and result.language_changed:
            messages.inform(self.parentWidget(), self.tr(
                "The new language is used the next time GridOffice starts."
            ))

    @classmethod
    def ask(cls, parent: QWidget | None, db_path: Path, profile: OfficeProfile | None = None,
            language_setting: str = "", first_start: bool = False, *,
            with_admin: bool = False, accounts: bool = False) -> OfficeSetupResult | None:
        """Show the dialog; the saved result, or None if the user cancelled."""
        dialog = cls(parent, db_path, profile, language_setting, first_start,
                     with_admin=with_admin, accounts=accounts)
        return dialog.ask_result()  # type: ignore[no-any-return]

