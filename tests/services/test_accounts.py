"""Accounts: the first administrator, passwords, the lock after five wrong tries
(kept across a restart), disabling instead of deleting, and what the audit log
records. Real files; every refusal leaves the file as it was."""

from __future__ import annotations

import datetime as dt

import pytest

from gridoffice.domain import access
from gridoffice.errors import UserError, ValidationError
from gridoffice.services import accounts
from gridoffice.services.accounts import AccountDraft, AccountService
from gridoffice.services.audit import entries
from gridoffice.store.files import open_database
from tests import sql


class Clock:
    def __init__(self) -> None:
        self.now = dt.datetime(2026, 12, 6, 9, 0, 0)

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def folder(app_paths):
    app_paths.data_dir.mkdir(parents=True, exist_ok=True)
    return open_database(app_paths).path


@pytest.fixture
def admin(folder):
    service = AccountService(folder)
    service.add(AccountDraft("admin", access.ADMIN, "王书记"), "secret-admin")
    return AccountService(folder, service.sign_in("admin", "secret-admin"))


def test_a_new_folder_needs_an_administrator_and_the_first_account_must_be_one(folder):
    service = AccountService(folder)
    assert service.mode() == accounts.NEEDS_ADMIN
    with pytest.raises(ValidationError) as err:
        service.add(AccountDraft("li", access.STAFF), "password-1")
    assert err.value.field == "role"
    assert service.accounts() == []
    service.add(AccountDraft("admin", access.ADMIN), "password-1")
    assert service.mode() == accounts.SIGNED


def test_an_open_folder_stays_open_until_its_first_account(folder):
    service = AccountService(folder)
    service.set_open()
    assert service.mode() == accounts.OPEN
    service.add(AccountDraft("admin", access.ADMIN), "password-1")
    assert service.mode() == accounts.SIGNED
    service.set_open()  # too late: the first account ended open mode for good
    assert service.mode() == accounts.SIGNED


def test_the_password_is_stored_only_as_a_salted_slow_hash(admin, folder):
    admin.add(AccountDraft("li", access.STAFF), "same-password")
    admin.add(AccountDraft("wang", access.STAFF), "same-password")
    conn = sql.connect(folder)
    hashes = [r[0] for r in conn.execute("SELECT password_hash FROM account")]
    conn.close()
    assert all(h.startswith("scrypt$") and "same-password" not in h for h in hashes)
    assert len(set(hashes)) == len(hashes)  # salted


@pytest.mark.parametrize("draft, password, field", [
    (AccountDraft("li", access.STAFF), "short", "password"),
    (AccountDraft("", access.STAFF), "password-1", "login"),
    (AccountDraft("l i", access.STAFF), "password-1", "login"),
    (AccountDraft("li", "boss"), "password-1", "role"),
    (AccountDraft("li", access.GRID), "password-1", "grids"),
    (AccountDraft("li", access.GRID, grids=("no-such-grid",)), "password-1", "grids"),
    (AccountDraft("ADMIN", access.STAFF), "password-1", "login"),  # taken, any case
    (AccountDraft("li\u202e", access.STAFF), "password-1", "login"),
])
def test_bad_input_names_the_field_and_changes_nothing(admin, folder, draft, password, field):
    before = [a.login for a in admin.accounts()]
    with pytest.raises(ValidationError) as err:
        admin.add(draft, password)
    assert err.value.field == field
    assert err.value.localized("zh_CN") != err.value.english()  # said in Chinese
    assert [a.login for a in admin.accounts()] == before


def test_only_the_administrator_manages_accounts(admin, folder):
    admin.add(AccountDraft("li", access.SECRETARY), "password-1")
    secretary = AccountService(folder, AccountService(folder).sign_in("li", "password-1"))
    with pytest.raises(access.PermissionDenied):
        secretary.add(AccountDraft("wang", access.STAFF), "password-1")
    with pytest.raises(access.PermissionDenied):
        secretary.reset_password("admin", "password-2")
    with pytest.raises(access.PermissionDenied):
        AccountService(folder).set_disabled("li")


def test_five_wrong_passwords_lock_for_five_minutes_even_across_a_restart(admin, folder):
    admin.add(AccountDraft("li", access.STAFF), "password-1")
    clock = Clock()
    for left in (4, 3, 2, 1):
        with pytest.raises(UserError) as err:
            AccountService(folder, clock=clock).sign_in("li", "wrong")
        assert err.value.values.get("left") == left
    with pytest.raises(UserError) as err:
        AccountService(folder, clock=clock).sign_in("li", "wrong")
    assert err.value.message == accounts.MSG_LOCKED
    # a "restart": a new service on the same file; the right password is refused too
    clock.now += dt.timedelta(minutes=4, seconds=59)
    with pytest.raises(UserError) as err:
        AccountService(folder, clock=clock).sign_in("li", "password-1")
    assert err.value.message == accounts.MSG_LOCKED
    clock.now += dt.timedelta(seconds=2)
    actor = AccountService(folder, clock=clock).sign_in("li", "password-1")
    assert actor.login == "li" and actor.role == access.STAFF
    actions = [e.action for e in entries(folder, operator="li")]
    assert actions.count(accounts.LOGIN_FAILED) == 6
    assert actions.count(accounts.LOCKED) == 1 and actions[-1] == accounts.LOGIN


def test_an_unknown_login_is_not_told_apart_from_a_wrong_password(admin):
    with pytest.raises(UserError) as err:
        AccountService(admin.path).sign_in("nobody", "password-1")
    assert err.value.message == accounts.MSG_WRONG


def test_a_disabled_account_cannot_sign_in_and_is_kept(admin, folder):
    admin.add(AccountDraft("li", access.STAFF), "password-1")
    admin.set_disabled("li")
    with pytest.raises(UserError) as err:
        AccountService(folder).sign_in("li", "password-1")
    assert err.value.message == accounts.MSG_DISABLED
    assert admin.account("li").disabled
    conn = sql.connect(folder)
    with pytest.raises(sql.DatabaseError, match="never deleted"):
        conn.execute("DELETE FROM account WHERE login = 'li'")
    conn.close()
    admin.set_disabled("li", False)
    assert AccountService(folder).sign_in("li", "password-1").login == "li"


def test_the_office_always_keeps_an_administrator(admin):
    with pytest.raises(UserError):
        admin.set_disabled("admin")
    with pytest.raises(UserError):
        admin.update(AccountDraft("admin", access.STAFF))
    assert admin.account("admin").role == access.ADMIN


def test_reset_and_change_of_a_password(admin, folder):
    admin.add(AccountDraft("li", access.STAFF), "password-1")
    admin.reset_password("li", "password-2")
    user = AccountService(folder)
    with pytest.raises(ValidationError) as err:
        user.change_password("li", "password-1", "password-3")
    assert err.value.field == "current_password"
    with pytest.raises(ValidationError):
        user.change_password("li", "password-2", "password-3", "password-4")
    user.change_password("li", "password-2", "password-3")
    assert user.sign_in("li", "password-3").login == "li"


def test_a_grid_that_does_not_exist_is_named(admin):
    with pytest.raises(ValidationError) as err:
        admin.grid_ids_for(["G-404"])
    assert err.value.field == "grids"


def test_the_actor_carries_role_grids_and_the_control_tag_grant(admin, folder):
    admin.add(AccountDraft("zhou", access.STAFF, "周", control_tags=True), "password-1")
    admin.add(AccountDraft("view", access.VIEWER, control_tags=True), "password-1")
    staff = AccountService(folder).sign_in("zhou", "password-1")
    viewer = AccountService(folder).sign_in("view", "password-1")
    assert staff.allows(access.CONTROL_TAGS) and staff.operator == "周"
    assert not viewer.allows(access.CONTROL_TAGS)  # never for a read-only account
    assert not admin.account("view").control_tags


def test_a_wrong_current_password_counts_towards_the_lock(admin, folder):
    admin.add(AccountDraft("li", access.STAFF), "password-1")
    user = AccountService(folder)
    for _ in range(accounts.MAX_TRIES - 1):
        with pytest.raises(ValidationError) as err:
            user.change_password("li", "guess", "password-2")
        assert err.value.field == "current_password"
    with pytest.raises(UserError) as err:  # the fifth wrong try locks, as at sign-in
        user.change_password("li", "guess", "password-2")
    assert err.value.message == accounts.MSG_LOCKED
    with pytest.raises(UserError) as err:  # even the right one, while locked
        user.change_password("li", "password-1", "password-2")
    assert err.value.message == accounts.MSG_LOCKED
    assert AccountService(folder).account("li").locked_until is not None


def test_an_id_number_typed_as_the_login_is_not_kept_in_the_log(admin, folder):
    with pytest.raises(UserError):
        AccountService(folder).sign_in("110105194901010013", "password-1")
    conn = sql.connect(folder)
    text = " ".join(r[0] for r in conn.execute("SELECT target FROM audit_log"))
    conn.close()
    assert "110105194901010013" not in text and "110105********0013" in text
