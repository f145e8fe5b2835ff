"""The office profile (and, in Settings, the interface language).

Shown at first start, before the main window, and from Settings. Nothing is
saved until :func:`gridoffice.services.office.validate` accepts the profile.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from gridoffice.domain.codes import OFFICE_ROLES
from gridoffice.services import office
from gridoffice.services.office import OfficeProfile
from gridoffice.ui import messages
from gridoffice.ui.dialogs.form import FormDialog, KeepOpen
from gridoffice.ui.labels import code_label

# Language names are written in their own language so anyone can find theirs.
LANGUAGE_NAMES = (("zh_CN", "简体中文"), ("en", "English"))


@dataclass(frozen=True)
class OfficeSetupResult:
    profile: OfficeProfile
    language_setting: str  # "" = follow the system
    language_changed: bool
    role_changed: bool


class OfficeSetupDialog(FormDialog):
    """Office name, street office, role and operator; in Settings also the language."""

    def __init__(self, parent: QWidget | None, db_path: Path,
                 profile: OfficeProfile | None = None, language_setting: str = "",
                 first_start: bool = False) -> None:
        title = self.tr("Set up GridOffice") if first_start else self.tr("Office and language")
        super().__init__(parent, title)
        self.db_path = db_path
        self.profile = profile
        self.first_start = first_start
        self.language_setting = language_setting
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
        self.add_row("operator", self.tr("Operator"), self.operator_edit, required=True)
        self.language_combo: QComboBox | None = None
        if not first_start:
            self.language_combo = QComboBox(self)
            self.language_combo.addItem(self.tr("Follow the system"), "")
            for code, name in LANGUAGE_NAMES:
                self.language_combo.addItem(name, code)
            index = self.language_combo.findData(language_setting)
            self.language_combo.setCurrentIndex(max(index, 0))
            self.add_row("language", self.tr("Language"), self.language_combo)
        if profile is not None:
            self.name_edit.setText(profile.name)
            self.street_edit.setText(profile.street)
            self.role_combo.setCurrentIndex(max(self.role_combo.findData(profile.role), 0))
            self.operator_edit.setText(profile.operator)
        self.update_ok()

    def entered_profile(self) -> OfficeProfile:
        return OfficeProfile(self.name_edit.text(), self.street_edit.text(),
                             str(self.role_combo.currentData()), self.operator_edit.text())

    def perform(self) -> OfficeSetupResult | None:
        profile = office.validate(self.entered_profile())
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
        return OfficeSetupResult(saved, language, language_changed, role_changed)

    def accept(self) -> None:
        super().accept()
        result = self.result_value
        if self.result() == self.DialogCode.Accepted and result and result.language_changed:
            messages.inform(self.parentWidget(), self.tr(
                "The new language is used the next time GridOffice starts."
            ))

    @classmethod
    def ask(cls, parent: QWidget | None, db_path: Path, profile: OfficeProfile | None = None,
            language_setting: str = "", first_start: bool = False) -> OfficeSetupResult | None:
        """Show the dialog; the saved result, or None if the user cancelled."""
        return cls(parent, db_path, profile, language_setting, first_start).ask_result()

