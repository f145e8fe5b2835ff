"""Encryption in the window: the conversion at start behind a progress dialog, the
recovery key shown once, the login dialog's way in with the recovery key, and the
start of encrypted data (signed in before anything is read). Real data folders."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from gridoffice.domain import access
from gridoffice.services import encryption
from gridoffice.services.accounts import AccountDraft, AccountService
from gridoffice.store import driver, keys
from gridoffice.ui.dialogs.encryption import RecoveryKeyDialog, encrypt_with_progress
from gridoffice.ui.dialogs.login import LoginDialog

PASSWORD = "secret-admin"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def with_admin(context):
    AccountService(context.opened.path).add(AccountDraft("admin", access.ADMIN, "王书记"),
                                            PASSWORD)
    return context


@pytest.fixture
def locked(with_admin):
    """Encrypted data, as a new run of the program finds it (no key unlocked)."""
    result = encryption.encrypt(with_admin.paths)
    driver.set_key(with_admin.opened.path, None)
    return with_admin, result


def test_the_conversion_runs_behind_a_progress_dialog(qapp, with_admin):
    result = encrypt_with_progress(None, with_admin.paths)
    assert result is not None and len(result.code) == 41
    assert keys.state(with_admin.opened.path) == keys.ENCRYPTED


def test_a_failed_conversion_is_said_and_leaves_the_data_plain(qapp, with_admin, monkeypatch):
    from gridoffice.ui import messages

    said = []
    monkeypatch.setattr(messages, "show_user_error", lambda _parent, err: said.append(err))
    path = with_admin.opened.path
    path.with_name(path.name + ".encrypting").mkdir()
    (path.with_name(path.name + ".encrypting") / "x").write_text("x")
    assert encrypt_with_progress(None, with_admin.paths) is None
    assert "unencrypted" in said[0].english()
    assert keys.state(path) == keys.PLAIN


def test_start_converts_a_plain_folder_with_accounts_and_shows_the_key_once(
        qapp, with_admin, monkeypatch):
    from gridoffice.ui import app

    shown = []
    monkeypatch.setattr(RecoveryKeyDialog, "show_once",
                        classmethod(lambda cls, *a, **kw: shown.append((a, kw))))
    with_admin.actor = AccountService(with_admin.opened.path).sign_in("admin", PASSWORD)
    app.encrypt_if_needed(with_admin, qapp)
    assert keys.state(with_admin.opened.path) == keys.ENCRYPTED
    (_parent, _paths, code), extra = shown[0]
    assert extra["fingerprint"] == keys.KeyFile.load(with_admin.opened.path).fingerprint
    driver.set_key(with_admin.opened.path, None)
    encryption.unlock_with_recovery(with_admin.opened.path, code)  # the key shown opens it


def test_the_recovery_key_dialog_shows_the_key_and_asks_before_closing_unprinted(
        qtbot, locked, monkeypatch, tmp_path):
    from gridoffice.ui import messages

    context, result = locked
    dialog = RecoveryKeyDialog(None, context.paths, result.code, office="幸福里社区",
                               fingerprint=result.fingerprint, printed_by="王书记")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.code_label.text().replace(" ", "").replace("\n", "-") == result.code
    asked = []
    monkeypatch.setattr(messages, "confirm", lambda *a, **kw: asked.append(a) or False)
    dialog.reject()
    assert asked and dialog.isVisible()  # not printed: it asks, and stays when told to
    pdf = dialog.sheet(tmp_path / "sheet.pdf")
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert result.code.split("-")[0] in text and "保险柜" in text
    dialog.kept.setChecked(True)
    dialog.reject()
    assert not dialog.isVisible()


def test_the_login_dialog_opens_encrypted_data_with_the_recovery_key(ui, dialogs, locked):
    context, result = locked
    path = context.opened.path

    def login(dialog):
        assert dialog.recovery_button is not None
        ui.click(dialog.recovery_button)

    def recover(dialog):
        ui.type_into(dialog.code_edit, result.code.lower())
        ui.type_into(dialog.password_edit, "brand-new-9")
        ui.type_into(dialog.repeat_edit, "brand-new-9")
        ui.click_ok(dialog)

    dialogs.expect(login)
    dialogs.expect(recover)
    actor = LoginDialog.ask(None, path)
    assert actor is not None and actor.login == "admin"
    driver.set_key(path, None)
    assert AccountService(path).sign_in("admin", "brand-new-9").role == access.ADMIN


def test_a_wrong_recovery_key_is_said_in_the_dialog(ui, dialogs, locked):
    context, result = locked
    seen = {}

    def recover(dialog):
        ui.type_into(dialog.code_edit, result.code[:-1] + ("0" if result.code[-1] != "0"
                                                           else "1"))
        ui.type_into(dialog.password_edit, "brand-new-9")
        ui.type_into(dialog.repeat_edit, "brand-new-9")
        ui.click_ok(dialog)
        seen["error"] = dialog.error_text()
        dialog.reject()

    dialogs.expect(recover)
    from gridoffice.ui.dialogs.encryption import RecoveryDialog

    assert RecoveryDialog.ask(None, context.paths) is None
    assert "Recovery key" in seen["error"]
    assert keys.is_locked(context.opened.path)


def test_the_login_of_plain_data_has_no_recovery_button(qtbot, with_admin):
    dialog = LoginDialog(None, with_admin.opened.path)
    qtbot.addWidget(dialog)
    assert dialog.recovery_button is None


def _start(folder: Path, **env: str) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **env}
    full.pop("GRIDOFFICE_DATA_DIR", None)
    return subprocess.run([sys.executable, "-m", "gridoffice", "--data-dir", str(folder),
                           "--exit-after-show"], capture_output=True, text=True, env=full,
                          cwd=ROOT, timeout=120)


@pytest.mark.slow
def test_the_program_starts_on_encrypted_data_only_with_a_password(locked):
    context, _result = locked
    folder = context.paths.data_dir
    refused = _start(folder, GRIDOFFICE_USER="admin", GRIDOFFICE_PASSWORD="wrong-pass-1")
    assert refused.returncode == 1
    started = _start(folder, GRIDOFFICE_USER="admin", GRIDOFFICE_PASSWORD=PASSWORD)
    assert started.returncode == 0, started.stderr
    assert keys.state(context.opened.path) == keys.ENCRYPTED


@pytest.fixture(scope="module")
def demo_with_admin(tmp_path_factory):
    """The demo office (a few thousand records) with its first administrator: the next
    start of the window encrypts it."""
    from tests.conftest import cli_demo

    folder = cli_demo(tmp_path_factory.mktemp("demo") / "data", seed=16)
    database = folder / "gridoffice.sqlite3"
    AccountService(database).add(AccountDraft("admin", access.ADMIN, "王书记"), PASSWORD)
    return folder


@pytest.mark.slow
@pytest.mark.parametrize("delay", [0.4, 0.9, 1.4, 2.0])
def test_killing_the_window_while_it_encrypts_leaves_plain_or_encrypted_data(
        demo_with_admin, tmp_path, delay):
    """The real program, started on a plain folder with an account, converts it before
    the window opens; SIGKILL at several moments leaves the data plain and as it was
    (converted at the next start) or encrypted and whole, never half."""
    import shutil
    import time

    from gridoffice.store import digest
    from gridoffice.store.files import connect

    folder = tmp_path / "data"
    shutil.copytree(demo_with_admin, folder)
    database = folder / "gridoffice.sqlite3"
    conn = connect(database, read_only=True)
    before = digest.digests(conn)
    conn.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "GRIDOFFICE_USER": "admin",
           "GRIDOFFICE_PASSWORD": PASSWORD}
    env.pop("GRIDOFFICE_DATA_DIR", None)
    child = subprocess.Popen([sys.executable, "-m", "gridoffice", "--data-dir", str(folder),
                              "--exit-after-show"], env=env, cwd=ROOT,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    child.kill()
    child.wait()
    state = keys.state(database)
    assert state in (keys.PLAIN, keys.STALE_KEY_FILE, keys.ENCRYPTED)
    started = _start(folder, GRIDOFFICE_USER="admin", GRIDOFFICE_PASSWORD=PASSWORD)
    assert started.returncode == 0, started.stderr  # the next start finishes the job
    assert keys.state(database) == keys.ENCRYPTED
    driver.set_key(database, None)
    AccountService(database).sign_in("admin", PASSWORD)
    conn = connect(database, read_only=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert digest.digests(conn) == before
    finally:
        conn.close()
