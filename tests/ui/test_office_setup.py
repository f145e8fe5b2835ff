"""The office setup dialog: first start, validation in red, Settings, language, role."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from gridoffice.services import office
from gridoffice.store.files import open_database
from gridoffice.ui.dialogs.office_setup import OfficeSetupDialog

from .conftest import PROFILE


def _fresh_db(app_paths):
    return open_database(app_paths).path


def test_first_start_refuses_blank_office_name_and_saves_nothing(qtbot, ui, dialogs,
                                                                  app_paths):
    db_path = _fresh_db(app_paths)
    seen = {}

    def fill(dialog: OfficeSetupDialog) -> None:
        assert dialog.language_combo is None  # the language is a Settings matter
        assert not dialog.ok_button().isEnabled()  # required fields are empty
        ui.type_into(dialog.name_edit, "   ")
        ui.type_into(dialog.street_edit, "幸福街道")
        ui.type_into(dialog.operator_edit, "王芳")
        assert dialog.ok_button().isEnabled()
        ui.click_ok(dialog)
        seen["error"] = dialog.error_text()
        seen["focus"] = dialog.focusWidget() is dialog.name_edit
        seen["visible"] = dialog.isVisible()
        seen["style"] = dialog.error_label.styleSheet()
        seen["stored"] = office.load_profile(db_path)

    dialogs.expect(fill)
    result = OfficeSetupDialog.ask(None, db_path, first_start=True)
    assert result is None
    assert seen["error"] == "Office name: enter the name of this office."
    assert seen["focus"] and seen["visible"]
    assert "#c62828" in seen["style"]
    assert seen["stored"] is None
    assert office.load_profile(db_path) is None


def test_first_start_saves_a_valid_profile(ui, dialogs, app_paths):
    db_path = _fresh_db(app_paths)

    def fill(dialog: OfficeSetupDialog) -> None:
        ui.type_into(dialog.name_edit, "幸福里社区")
        ui.type_into(dialog.street_edit, "  幸福街道 ")
        dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("community"))
        ui.type_into(dialog.operator_edit, "王芳")
        ui.click_ok(dialog)

    dialogs.expect(fill)
    result = OfficeSetupDialog.ask(None, db_path, first_start=True)
    assert result is not None and result.profile == PROFILE
    assert office.load_profile(db_path) == PROFILE


def test_too_long_name_is_explained_and_typed_text_kept(ui, dialogs, app_paths):
    db_path = _fresh_db(app_paths)
    long_name = "幸" * 41

    def fill(dialog: OfficeSetupDialog) -> None:
        ui.type_into(dialog.name_edit, long_name)
        ui.type_into(dialog.street_edit, "幸福街道")
        ui.type_into(dialog.operator_edit, "王芳")
        ui.click_ok(dialog)
        assert dialog.error_text() == "Office name: at most 40 characters."
        assert dialog.name_edit.text() == long_name
        ui.type_into(dialog.name_edit, "幸福里社区")
        ui.click_ok(dialog)
        assert not dialog.isVisible()

    dialogs.expect(fill)
    assert OfficeSetupDialog.ask(None, db_path, first_start=True) is not None
    assert office.load_profile(db_path).name == "幸福里社区"


def test_settings_language_change_is_saved_and_announced(ui, dialogs, message_log, context):
    db_path = context.opened.path

    def fill(dialog: OfficeSetupDialog) -> None:
        assert dialog.name_edit.text() == "幸福里社区"
        assert [dialog.language_combo.itemText(i) for i in range(3)] == [
            "Follow the system", "简体中文", "English"]
        dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
        ui.click_ok(dialog)

    dialogs.expect(fill)
    result = OfficeSetupDialog.ask(None, db_path, PROFILE, "")
    assert result.language_changed and result.language_setting == "en"
    assert office.load_language(db_path) == "en"
    assert message_log.texts == ["The new language is used the next time GridOffice starts."]


def test_role_change_needs_confirmation(ui, dialogs, message_log, context):
    db_path = context.opened.path

    def fill(dialog: OfficeSetupDialog) -> None:
        dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("street"))
        message_log.answers.append(QMessageBox.StandardButton.No)
        ui.click_ok(dialog)
        assert dialog.isVisible()  # "No": stay, nothing saved
        assert office.load_profile(db_path).role == "community"
        message_log.answers.append(QMessageBox.StandardButton.Yes)
        ui.click_ok(dialog)

    dialogs.expect(fill)
    result = OfficeSetupDialog.ask(None, db_path, PROFILE, "")
    assert result.role_changed
    assert office.load_profile(db_path).role == "street"
    assert "from Community office to Street office" in message_log.texts[0]


def test_settings_second_backup_folder_is_set_kept_and_cleared(ui, dialogs, message_log,
                                                                context, monkeypatch,
                                                                tmp_path):
    from PySide6.QtWidgets import QFileDialog

    from gridoffice.store.settings import OfficeSettings

    db_path = context.opened.path
    usb = tmp_path / "usb"
    usb.mkdir()
    chosen = [str(context.paths.data_dir / "backups"), str(usb)]  # inside: refused
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *args: chosen.pop(0)))

    def choose(dialog: OfficeSetupDialog) -> None:
        assert dialog.backup_folder_edit.text() == ""
        assert not dialog.backup_clear_button.isEnabled()
        ui.click(dialog.backup_browse_button)  # inside the data folder
        assert dialog.backup_folder_edit.text() == ""
        assert "data folder" in message_log.warnings()[-1]
        ui.click(dialog.backup_browse_button)
        assert dialog.backup_folder_edit.text() == str(usb)
        assert OfficeSettings(db_path).backup_second_folder is None  # not before OK
        ui.click_ok(dialog)

    dialogs.expect(choose)
    result = OfficeSetupDialog.ask(None, db_path, PROFILE, "")
    assert result.backup_second_folder == usb
    assert OfficeSettings(db_path).backup_second_folder == usb

    def clear(dialog: OfficeSetupDialog) -> None:
        assert dialog.backup_folder_edit.text() == str(usb)  # reopened: shown
        ui.click(dialog.backup_clear_button)
        assert dialog.backup_folder_edit.text() == ""
        ui.click_ok(dialog)

    dialogs.expect(clear)
    assert OfficeSetupDialog.ask(None, db_path, PROFILE, "") is not None
    assert OfficeSettings(db_path).backup_second_folder is None


def test_the_first_start_has_no_backup_folder_field(dialogs, app_paths):
    def look(dialog: OfficeSetupDialog) -> None:
        assert dialog.backup_folder_edit is None

    dialogs.expect(look)
    OfficeSetupDialog.ask(None, _fresh_db(app_paths), first_start=True)
