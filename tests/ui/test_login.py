"""Signing in: the login dialog, the first administrator (first start and a folder
from before accounts), the idle lock, switching user, changing one's password,
and the red banner of a folder without accounts. Real data folders; the
dialogs are driven as a user would."""

from __future__ import annotations

import logging

import pytest

from gridoffice.domain import access
from gridoffice.services import accounts, office
from gridoffice.services.accounts import AccountDraft, AccountService
from gridoffice.services.audit import entries
from gridoffice.store.files import open_database
from gridoffice.store.settings import OfficeSettings
from gridoffice.ui.dialogs.login import LoginDialog
from gridoffice.ui.dialogs.office_setup import OfficeSetupDialog

ADMIN_PASSWORD = "secret-admin"
LI_PASSWORD = "secret-li-1"


@pytest.fixture
def people(context):
    """The office's administrator 王书记 and a full-time worker 李专干."""
    path = context.opened.path
    service = AccountService(path)
    service.add(AccountDraft("admin", access.ADMIN, "王书记"), ADMIN_PASSWORD)
    admin = service.sign_in("admin", ADMIN_PASSWORD)
    AccountService(path, admin).add(AccountDraft("li", access.STAFF, "李专干"), LI_PASSWORD)
    return admin


@pytest.fixture
def signed(qtbot, context, people):
    """The window of the administrator, signed in."""
    from gridoffice.ui.main_window import MainWindow

    context.actor = people
    main = MainWindow(context)
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.data_loaded, timeout=10_000):
        main.show()
    yield main
    main.close()


def _sign_in(ui, login, password):
    def fill(dialog):
        ui.type_into(dialog.login_edit, login)
        ui.type_into(dialog.password_edit, password)
        ui.click_ok(dialog)
    return fill


def _admin(ui, password="admin-pass-1", repeat=None, name="王书记"):
    def fill(dialog):
        admin = getattr(dialog, "admin", None)
        assert admin.login_edit.text() == "admin"  # the suggested login name
        ui.type_into(admin.name_edit, name)
        ui.type_into(admin.password_edit, password)
        ui.type_into(admin.repeat_edit, repeat or password)
        ui.click_ok(dialog)
    return fill


# --- the login dialog -------------------------------------------------------------------------
def test_wrong_password_is_said_in_the_dialog_which_stays_for_another_try(
        ui, dialogs, context, people):
    seen = {}

    def fill(dialog):
        assert dialog.windowTitle() == "Sign in"
        assert dialog.ok_button().text() == "Sign in"
        ui.type_into(dialog.login_edit, "admin")
        ui.type_into(dialog.password_edit, "not-the-password")
        ui.click_ok(dialog)
        seen["error"] = dialog.error_text()
        seen["visible"] = dialog.isVisible()
        seen["cleared"] = dialog.password_edit.text() == ""
        ui.type_into(dialog.password_edit, ADMIN_PASSWORD)
        ui.click_ok(dialog)

    dialogs.expect(fill)
    actor = LoginDialog.ask(None, context.opened.path)
    assert seen == {"error": "Wrong login name or password; 4 more wrong tries lock the "
                             "account for 5 minutes.", "visible": True, "cleared": True}
    assert actor is not None and actor.login == "admin" and actor.role == access.ADMIN
    assert [e.action for e in entries(context.opened.path, operator="admin")][-2:] == [
        accounts.LOGIN_FAILED, accounts.LOGIN]


def test_five_wrong_passwords_lock_the_account_and_the_dialog_says_until_when(
        ui, dialogs, context, people):
    errors = []

    def fill(dialog):
        for _ in range(accounts.MAX_TRIES):
            ui.type_into(dialog.login_edit, "li")
            ui.type_into(dialog.password_edit, "wrong-password")
            ui.click_ok(dialog)
            errors.append(dialog.error_text())
        ui.type_into(dialog.password_edit, LI_PASSWORD)  # too late: locked
        ui.click_ok(dialog)
        errors.append(dialog.error_text())
        dialog.reject()

    dialogs.expect(fill)
    assert LoginDialog.ask(None, context.opened.path) is None
    assert errors[-1].startswith("The account li is locked after 5 wrong passwords; "
                                 "try again after ")
    assert errors[-2] == errors[-1]
    assert AccountService(context.opened.path).account("li").locked_until is not None


def test_a_disabled_account_is_refused(ui, dialogs, context, people):
    AccountService(context.opened.path, people).set_disabled("li")
    seen = {}

    def fill(dialog):
        _sign_in(ui, "li", LI_PASSWORD)(dialog)
        seen["error"] = dialog.error_text()
        dialog.reject()

    dialogs.expect(fill)
    assert LoginDialog.ask(None, context.opened.path) is None
    assert seen["error"] == "The account li is disabled; ask the administrator."


def test_start_of_a_folder_with_accounts_asks_to_sign_in(qapp, ui, dialogs, context, people):
    from gridoffice.ui import app

    dialogs.expect(_sign_in(ui, "li", LI_PASSWORD))
    assert app.sign_in_at_start(context, qapp) is None
    assert context.actor.login == "li" and context.actor.operator == "李专干"


def test_quitting_the_login_ends_the_program_with_zero(qapp, dialogs, context, people):
    from gridoffice.ui import app

    def quit_(dialog):
        assert dialog.buttons.button(dialog.buttons.StandardButton.Cancel).text() == "Quit"
        dialog.reject()

    dialogs.expect(quit_)
    assert app.run(context) == 0
    assert context.actor is None


def test_smoke_start_signs_in_from_the_environment_or_refuses(qapp, context, people,
                                                             monkeypatch, caplog):
    from gridoffice.ui import app

    context.exit_after_show = True
    monkeypatch.delenv(app.USER_ENV, raising=False)
    monkeypatch.delenv(app.PASSWORD_ENV, raising=False)
    with caplog.at_level(logging.ERROR, logger="gridoffice.ui.app"):
        assert app.run(context) == 1
    assert "GRIDOFFICE_USER" in caplog.text and context.actor is None
    monkeypatch.setenv(app.USER_ENV, "li")
    monkeypatch.setenv(app.PASSWORD_ENV, LI_PASSWORD)
    assert app.run(context) == 0
    assert context.actor.login == "li"


# --- the first administrator ------------------------------------------------------------------
def test_first_start_creates_the_office_and_its_administrator(ui, dialogs, app_paths):
    path = open_database(app_paths).path
    seen = {}

    def fill(dialog):
        assert dialog.operator_edit.isHidden()  # the administrator is the operator
        ui.type_into(dialog.name_edit, "幸福里社区")
        ui.type_into(dialog.street_edit, "幸福街道")
        _admin(ui, "admin-pass-1", repeat="admin-pass-2")(dialog)  # mistyped repeat
        seen["error"] = dialog.error_text()
        seen["profile"] = office.load_profile(path)
        seen["mode"] = AccountService(path).mode()
        ui.type_into(dialog.admin.repeat_edit, "admin-pass-1")
        ui.click_ok(dialog)

    dialogs.expect(fill)
    result = OfficeSetupDialog.ask(None, path, first_start=True, with_admin=True)
    assert seen == {"error": "Password: the two entries differ; type the same password "
                             "twice.", "profile": None, "mode": accounts.NEEDS_ADMIN}
    assert result.actor.login == "admin" and result.actor.role == access.ADMIN
    assert office.load_profile(path).operator == "王书记"
    assert AccountService(path).mode() == accounts.SIGNED
    assert AccountService(path).sign_in("admin", "admin-pass-1").operator == "王书记"


def test_a_folder_from_before_accounts_gets_its_administrator_at_start(
        qapp, ui, dialogs, context):
    from gridoffice.ui import app

    assert AccountService(context.opened.path).mode() == accounts.NEEDS_ADMIN

    def fill(dialog):
        assert dialog.windowTitle() == "Create the administrator"
        assert "everyone signs in" in dialog.intro.text()
        _admin(ui, "short")(dialog)
        assert dialog.error_text() == "Password: at least 8 characters."
        ui.type_into(dialog.admin.password_edit, "admin-pass-1")
        ui.type_into(dialog.admin.repeat_edit, "admin-pass-1")
        ui.click_ok(dialog)

    dialogs.expect(fill)
    assert app.sign_in_at_start(context, qapp) is None
    assert context.actor.login == "admin" and context.actor.operator == "王书记"
    assert AccountService(context.opened.path).mode() == accounts.SIGNED


# --- the window ---------------------------------------------------------------------------------
def test_status_bar_and_file_menu_name_the_signed_in_person(signed):
    session = signed.session
    assert session.user_label.text() == "User: 王书记 (Administrator)"
    assert session.banner is None
    assert all(a.isVisible() for a in (session.switch_action, session.password_action,
                                       session.lock_action))
    assert session.lock_action.shortcut().toString() == "Ctrl+L"


def test_idle_window_locks_and_opens_only_for_the_same_persons_password(qtbot, signed):
    session = signed.session
    session.idle_ms = 150
    session.restart_idle()
    qtbot.waitUntil(lambda: session.locked, timeout=5_000)
    screen = session.lock_screen
    assert signed.tabs.isHidden() and not signed.menuBar().isEnabled()
    assert screen.geometry() == signed.rect()
    assert "王书记 (Administrator), enter your password" in screen.who.text()
    session.idle_ms = 60_000  # no second lock while the test types

    qtbot.keyClicks(screen.password_edit, "wrong-password")
    qtbot.mouseClick(screen.unlock_button, qtbot_button())
    assert session.locked
    assert screen.error_text().startswith("Wrong login name or password; 4 more")

    qtbot.keyClicks(screen.password_edit, LI_PASSWORD)  # another person's password
    qtbot.mouseClick(screen.unlock_button, qtbot_button())
    assert session.locked and screen.error_text().startswith("Wrong login name or password")

    qtbot.keyClicks(screen.password_edit, ADMIN_PASSWORD)
    qtbot.mouseClick(screen.unlock_button, qtbot_button())
    assert not session.locked
    assert signed.tabs.isVisible() and signed.menuBar().isEnabled()
    assert session.watch.active
    actions = [e.action for e in entries(signed.context.opened.path, operator="admin")]
    assert actions[-3:] == [accounts.LOGIN_FAILED, accounts.LOGIN_FAILED, accounts.UNLOCK]


def qtbot_button():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_lock_now_and_switch_user_from_the_lock_screen(qtbot, ui, dialogs, signed):
    session = signed.session
    session.lock_action.trigger()
    assert session.locked
    dialogs.expect(_sign_in(ui, "li", LI_PASSWORD))
    qtbot.mouseClick(session.lock_screen.switch_button, qtbot_button())
    assert not session.locked
    assert signed.services.actor.login == "li"
    assert session.user_label.text() == "User: 李专干 (Full-time community worker)"


def test_switch_user_changes_the_actor_the_status_bar_and_the_audit_log(ui, dialogs, signed):
    session = signed.session
    dialogs.expect(_sign_in(ui, "li", LI_PASSWORD))
    session.switch_action.trigger()
    assert signed.services.actor.login == "li"
    assert signed.services.roster.operator == "李专干"
    assert session.user_label.text() == "User: 李专干 (Full-time community worker)"
    log = entries(signed.context.opened.path)
    assert [(e.operator, e.action) for e in log][-2:] == [("li", accounts.LOGIN),
                                                           ("admin", accounts.LOGOUT)]


def test_change_my_password(ui, dialogs, signed):
    def fill(dialog):
        ui.type_into(dialog.current_edit, "not-it-at-all")
        ui.type_into(dialog.new_edit, "brand-new-pass")
        ui.type_into(dialog.repeat_edit, "brand-new-pass")
        ui.click_ok(dialog)
        assert dialog.error_text() == "Current password: wrong. Nothing was changed."
        ui.type_into(dialog.current_edit, ADMIN_PASSWORD)
        ui.click_ok(dialog)

    dialogs.expect(fill)
    signed.session.password_action.trigger()
    assert AccountService(signed.context.opened.path).sign_in(
        "admin", "brand-new-pass").login == "admin"


def test_settings_hide_the_operator_and_set_the_idle_lock(ui, dialogs, signed):
    def fill(dialog):
        assert dialog.operator_edit.isHidden()
        assert dialog.idle_spin.value() == 10
        dialog.idle_spin.setValue(3)
        ui.click_ok(dialog)

    dialogs.expect(fill)
    signed.settings_action.trigger()
    assert OfficeSettings(signed.context.opened.path).idle_lock_minutes == 3
    assert signed.session.watch.interval_ms == 3 * 60_000


def test_open_folder_shows_a_red_banner_never_locks_and_gets_its_administrator(
        qtbot, ui, dialogs, window):
    session = window.session
    assert session.banner is not None and session.banner.isVisible()
    assert session.banner.label.text() == "No accounts: anyone can see all data"
    assert not session.switch_action.isVisible() and not session.user_label.isVisible()
    session.idle_ms = 10
    session.restart_idle()
    session.lock()
    assert not session.watch.active and not session.locked

    dialogs.expect(_admin(ui))
    qtbot.mouseClick(session.banner.button, qtbot_button())
    assert window.services.actor.login == "admin" and not window.services.actor.is_open
    assert session.banner is None
    assert session.user_label.text() == "User: 王书记 (Administrator)"
    assert session.switch_action.isVisible()
    assert AccountService(window.context.opened.path).mode() == accounts.SIGNED


def test_the_lock_covers_the_other_windows_and_a_modal_dialogs_content(qtbot, signed):
    from PySide6.QtWidgets import QDialog, QLabel, QWidget

    session = signed.session
    preview = QWidget()  # a ledger's preview: a window of its own
    qtbot.addWidget(preview)
    QLabel("110105194901010013", preview)
    preview.show()
    dialog = QDialog(signed)  # an edit dialog open when the time runs out
    dialog.setModal(True)
    dialog.resize(200, 120)
    dialog.show()
    qtbot.waitExposed(dialog)

    session.lock()
    screen = session.lock_screen
    assert session.locked and screen.parentWidget() is dialog  # the only one taking input
    assert screen.geometry() == dialog.rect() and dialog.width() >= 420
    covers = [c for c in preview.findChildren(QWidget) if c.objectName() == "lockCover"]
    assert len(covers) == 1 and covers[0].isVisible()

    qtbot.keyClicks(screen.password_edit, ADMIN_PASSWORD)
    qtbot.mouseClick(screen.unlock_button, qtbot_button())
    assert not session.locked and dialog.isVisible() and dialog.size().width() == 200
    assert screen.parentWidget() is signed
    qtbot.waitUntil(lambda: not [c for c in preview.findChildren(QWidget)
                                 if c.objectName() == "lockCover"], timeout=2_000)
    dialog.reject()
