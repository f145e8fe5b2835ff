"""Settings ▸ Accounts and Settings ▸ Roles and permissions, driven as the
administrator would: typing and clicking; what the list shows and what the file
holds are checked, and a refusal changes nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from gridoffice.domain import access
from gridoffice.services.accounts import AccountDraft, AccountService
from gridoffice.services.households import GridDraft
from gridoffice.ui.dialogs import accounts as accounts_ui
from gridoffice.ui.dialogs.accounts import AccountEditDialog, AccountsDialog
from gridoffice.ui.dialogs.permissions import PermissionsDialog
from tests import sql


@pytest.fixture
def office(zh_cn, window):
    """The window of an office with two grids and its administrator signed in."""
    households = window.households.service
    households.create_grid(GridDraft("110105001001001", "第一网格"))
    households.create_grid(GridDraft("110105001001002", "第二网格"))
    path = window.context.opened.path
    first = AccountService(path)
    first.add(AccountDraft("admin", access.ADMIN, "王芳", phone="13812345678"), "secret-admin")
    window.set_actor(first.sign_in("admin", "secret-admin"))
    return window


def stored(window, login: str) -> tuple | None:
    with sql.connect(window.context.opened.path) as conn:
        return conn.execute("SELECT login, real_name, role, grids, phone, disabled "
                            "FROM account WHERE login = ?", (login,)).fetchone()


def count(window) -> int:
    with sql.connect(window.context.opened.path) as conn:
        return conn.execute("SELECT count(*) FROM account").fetchone()[0]


def shown_rows(dialog: AccountsDialog) -> list[list[str]]:
    model = dialog.model
    return [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def fill_grid_worker(ui, qtbot, login: str = "zhangwei"):
    def fill(editor: AccountEditDialog) -> None:
        ui.type_into(editor.login_edit, login)
        ui.type_into(editor.name_edit, "张伟")
        assert not editor.grid_list.isEnabled()  # only a grid worker has grids
        editor.role_combo.setCurrentIndex(editor.role_combo.findData(access.GRID))
        assert editor.grid_list.isEnabled()
        assert not editor.control_check.isEnabled()  # never for a grid worker
        editor.grid_list.setFocus()
        editor.grid_list.setCurrentRow(0)
        qtbot.keyClick(editor.grid_list.viewport(), Qt.Key.Key_Space)
        ui.type_into(editor.phone_edit, "13900001234")
        ui.type_into(editor.password_edit, "grid-pass-1")
        ui.type_into(editor.repeat_edit, "grid-pass-1")
        ui.click_ok(editor)
        assert editor.error_text() == ""
    return fill


def test_the_administrator_adds_a_grid_worker_and_disables_an_account(
        office, dialogs, ui, qtbot, message_log):
    window = office
    assert window.accounts_action.isVisible()
    seen: dict[str, list[list[str]]] = {}

    def use_list(dialog: AccountsDialog) -> None:
        assert [row[0] for row in shown_rows(dialog)] == ["admin"]
        assert shown_rows(dialog)[0][4] == "138****5678"  # the phone masked
        dialogs.expect(fill_grid_worker(ui, qtbot))
        ui.click(dialog.add_button)
        seen["added"] = shown_rows(dialog)

        def duplicate(editor: AccountEditDialog) -> None:
            ui.type_into(editor.login_edit, "ZhangWei")  # taken, in any case
            ui.type_into(editor.password_edit, "other-pass-1")
            ui.type_into(editor.repeat_edit, "other-pass-1")
            ui.click_ok(editor)
            seen["error"] = [editor.error_text()]
            assert editor.isVisible()  # stays open with what was typed
            assert editor.login_edit.text() == "ZhangWei"

        dialogs.expect(duplicate)
        ui.click(dialog.add_button)
        dialog.view.selectRow(dialog.model.row_of("zhangwei"))
        assert dialog.disable_button.text() == "停用"
        ui.click(dialog.disable_button)
        seen["disabled"] = shown_rows(dialog)
        assert dialog.disable_button.text() == "启用"

    dialogs.expect(use_list)
    window.accounts_action.trigger()

    grid_ids = [gid for gid, _name in window.services.grid_choices()]
    row = next(r for r in seen["added"] if r[0] == "zhangwei")
    assert row[1:6] == ["张伟", "网格员", "第一网格", "139****1234", ""]
    assert row[6] == "正常"
    assert "ZhangWei" in seen["error"][0] and seen["error"][0].startswith("登录名")
    assert count(window) == 2  # the duplicate changed nothing
    login, name, role, grids, phone, disabled = stored(window, "zhangwei")
    assert (name, role, phone, disabled) == ("张伟", access.GRID, "13900001234", 1)
    assert grids == f'["{grid_ids[0]}"]'
    assert next(r for r in seen["disabled"] if r[0] == "zhangwei")[6] == "已停用"
    assert message_log.boxes == []


def test_editing_keeps_the_login_and_a_refusal_shows_in_the_dialog(office, dialogs, ui):
    window = office
    service = AccountService(window.context.opened.path, window.services.actor)
    service.add(AccountDraft("li", access.STAFF, "李娜"), "staff-pass-1")
    dialog = AccountsDialog(window, service, window.services.grid_choices())
    dialog.show()
    dialog.view.selectRow(dialog.model.row_of("li"))

    def make_grid_worker_without_grid(editor: AccountEditDialog) -> None:
        assert editor.login_edit.isReadOnly()
        assert editor.password_edit is None
        assert editor.control_check.isEnabled()
        editor.role_combo.setCurrentIndex(editor.role_combo.findData(access.GRID))
        ui.click_ok(editor)
        assert editor.error_text().startswith("网格")  # names the field
        assert editor.isVisible()
        editor.role_combo.setCurrentIndex(editor.role_combo.findData(access.SECRETARY))
        editor.control_check.setChecked(True)
        ui.click_ok(editor)
        assert not editor.isVisible()

    dialogs.expect(make_grid_worker_without_grid)
    dialog.view.doubleClicked.emit(dialog.view.currentIndex())  # double-click edits
    assert service.account("li").role == access.SECRETARY
    assert service.account("li").control_tags
    row = shown_rows(dialog)[dialog.model.row_of("li")]
    assert row[2] == accounts_ui.role_label(access.SECRETARY) == "书记/副书记"
    assert row[5] == "✓"
    dialog.close()


def test_the_administrator_gives_a_new_password(office, dialogs, ui):
    window = office
    service = AccountService(window.context.opened.path, window.services.actor)
    service.add(AccountDraft("li", access.STAFF, "李娜"), "staff-pass-1")
    dialog = AccountsDialog(window, service, [])
    dialog.view.selectRow(dialog.model.row_of("li"))

    def new_password(form) -> None:
        ui.type_into(form.password_edit, "fresh-pass-1")
        ui.type_into(form.repeat_edit, "fresh-pass-2")
        ui.click_ok(form)
        assert form.isVisible() and form.error_text()
        ui.type_into(form.repeat_edit, "fresh-pass-1")
        ui.click_ok(form)

    dialogs.expect(new_password)
    ui.click(dialog.password_button)
    assert service.sign_in("li", "fresh-pass-1").role == access.STAFF
    dialog.close()


def test_only_the_administrator_is_offered_accounts(office):
    window = office
    window.set_actor(access.Actor("li", "李娜", access.SECRETARY))
    assert not window.accounts_action.isVisible()
    assert window.permissions_action.isVisible()


def test_the_matrix_shows_each_role_s_permissions(zh_cn, dialogs):
    shown = {}

    def look(dialog: PermissionsDialog) -> None:
        shown["headers"] = [dialog.table.horizontalHeaderItem(c).text()
                            for c in range(dialog.table.columnCount())]
        shown["rows"] = dialog.table.rowCount()
        shown["cells"] = {(p, r): dialog.cell(p, r) for p in access.PERMISSIONS
                          for r in access.ROLES}
        shown["note"] = dialog.note.text()

    dialogs.expect(look)
    PermissionsDialog.ask()
    assert shown["headers"] == ["管理员", "书记/副书记", "专职工作者", "网格员", "只读"]
    assert shown["rows"] == len(access.PERMISSIONS)
    cells = shown["cells"]
    assert cells[(access.ACCOUNTS, access.ADMIN)] == "✓"
    assert cells[(access.ACCOUNTS, access.SECRETARY)] == "—"
    assert cells[(access.REVEAL, access.STAFF)] == "—"
    assert cells[(access.HOUSEHOLDS_EDIT, access.GRID)] == "✓"
    assert cells[(access.ROSTER_VIEW, access.VIEWER)] == "✓"
    assert cells[(access.CONTROL_TAGS, access.GRID)] == "—"
    assert "网格员" in shown["note"]


def test_at_a_street_office_an_account_is_limited_to_the_communities_ticked(
        office, dialogs, ui, qtbot):
    window = office
    service = AccountService(window.context.opened.path, window.services.actor)
    communities = [("office-a", "幸福里社区"), ("office-b", "和平社区")]
    dialog = AccountsDialog(window, service, [], communities)
    dialog.show()

    def fill(editor: AccountEditDialog) -> None:
        assert editor.community_list.count() == 2
        ui.type_into(editor.login_edit, "zhou")
        ui.type_into(editor.name_edit, "周强")
        editor.community_list.setFocus()
        editor.community_list.setCurrentRow(1)
        qtbot.keyClick(editor.community_list.viewport(), Qt.Key.Key_Space)
        ui.type_into(editor.password_edit, "street-pass-1")
        ui.type_into(editor.repeat_edit, "street-pass-1")
        ui.click_ok(editor)
        assert editor.error_text() == ""

    dialogs.expect(fill)
    ui.click(dialog.add_button)
    assert service.account("zhou").communities == ("office-b",)
    row = next(r for r in shown_rows(dialog) if r[0] == "zhou")
    assert row[3] == "和平社区"
    dialog.close()


def test_a_community_office_offers_no_communities(office, dialogs, ui):
    window = office
    service = AccountService(window.context.opened.path, window.services.actor)
    editor = AccountEditDialog(window, service, window.services.grid_choices())
    assert editor.community_list.count() == 0 and editor.community_list.isHidden()
    editor.close()
