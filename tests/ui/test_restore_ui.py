"""File ▸ Back up now and File ▸ Restore from backup…, driven as the administrator
would, on real data folders: the list, the preview, the refusals (damaged, newer,
wrong password: the data stays as it was) and a restore with the window open."""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from gridoffice.domain import access
from gridoffice.services import backups
from gridoffice.services.accounts import AccountDraft, AccountService
from gridoffice.store import digest, migrations
from gridoffice.store.files import connect
from gridoffice.store.settings import OfficeSettings
from gridoffice.ui.dialogs.restore import RestoreDialog

from .conftest import wait_for_start_check
from .test_roster_members import add, names

YES = QMessageBox.StandardButton.Yes
PASSWORD = "secret-admin"


def _digests(path: Path) -> dict[str, str]:
    conn = connect(path, read_only=True)
    try:
        return digest.digests(conn)
    finally:
        conn.close()


def _backup(window, kind: str, when: dt.datetime) -> Path:
    return backups.create(window.context.opened.path, window.context.paths.backup_dir, kind,
                          now=when).file


def _refresh_manifest(file: Path) -> None:
    manifest_file = backups.manifest_path(file)
    manifest = json.loads(manifest_file.read_text("utf-8"))
    manifest["size"] = file.stat().st_size
    manifest["sha256"] = backups._sha256(file)
    manifest_file.write_text(json.dumps(manifest), "utf-8")


def _make_newer(file: Path) -> None:
    conn = sqlite3.connect(file)
    conn.execute(f"PRAGMA user_version = {migrations.current_version() + 1}")
    conn.close()
    _refresh_manifest(file)


def _sign_in_admin(window):
    service = AccountService(window.context.opened.path)
    service.add(AccountDraft("admin", access.ADMIN, "王芳"), PASSWORD)
    window.set_actor(service.sign_in("admin", PASSWORD))
    return window


def _shown(model) -> list[list[str]]:
    return [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def _wait_preview(qtbot, dialog: RestoreDialog) -> None:
    qtbot.waitUntil(lambda: dialog.preview_job is None, timeout=10_000)


NOW = dt.datetime.now().replace(microsecond=0)
YESTERDAY = NOW - dt.timedelta(days=1)


@pytest.fixture
def office(qtbot, window, members, branches):
    """An office with two members, backed up by hand, then a third member."""
    return _fill(qtbot, window, members, branches)


@pytest.fixture
def signed_office(qtbot, window, members, branches):
    """The same, with its administrator signed in before the backup."""
    _sign_in_admin(window)
    return _fill(qtbot, window, members, branches)


def _fill(qtbot, window, members, branches):
    backup_dir = window.context.paths.backup_dir
    wait_for_start_check(qtbot, window)  # its daily backup is in the folder
    assert not backups.daily_due(backup_dir)
    add(members, branches.first, "张伟")
    add(members, branches.second, "李娜")
    _backup(window, backups.MANUAL, dt.datetime.now().replace(microsecond=0))
    assert [b.kind for b in backups.backups(backup_dir)] == ["manual"]  # the newest of today
    add(members, branches.first, "王强")
    window.roster.reload()
    return window


def test_back_up_now_makes_a_backup_and_says_so(qtbot, window, message_log, tmp_path):
    OfficeSettings(window.context.opened.path).backup_second_folder = tmp_path / "usb-gone"
    assert window.backup_actions.backup_action.isVisible()
    job = window.backup_actions.back_up_now()
    with qtbot.waitSignal(job.finished, timeout=10_000):
        pass
    made = backups.backups(window.context.paths.backup_dir)
    assert [b.kind for b in made] == ["manual"]
    text = message_log.warnings()[-1]  # the second folder is missing: a warning
    assert made[0].file.name in text and re.search(r"\(\d+(\.\d)? [KM]B\)", text)
    assert "could not be copied to the second folder" in text
    assert window.backup_label.text() == "Backup: today"
    assert window.backup_actions.backup_action.isEnabled()


def test_the_list_shows_the_backups_and_a_damaged_one_cannot_be_chosen(
        qtbot, office, dialogs):
    damaged = _backup(office, backups.DAILY, YESTERDAY)
    backups.manifest_path(damaged).unlink()
    seen = {}

    def look(dialog: RestoreDialog) -> None:
        rows = _shown(dialog.list_model)
        seen["rows"] = rows
        seen["flags"] = dialog.list_model.flags(dialog.list_model.index(1, 0))
        seen["color"] = dialog.list_model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole)
        dialog.choose_row(1)  # the damaged one: nothing happens
        seen["chosen"] = dialog.chosen
        assert not dialog.ok_button().isEnabled()
        dialog.choose_row(0)
        _wait_preview(qtbot, dialog)
        seen["ok"] = dialog.ok_button().isEnabled()

    dialogs.expect(look)
    assert office.backup_actions.restore() is None
    rows = seen["rows"]
    assert len(rows) == 2
    assert rows[0][1] == "Made by hand" and rows[0][-1] == "Sound"
    assert rows[1][1] == "Daily" and rows[1][-1] == "Damaged"
    assert rows[1][0] == f"{YESTERDAY:%Y-%m-%d %H:%M:%S}"
    assert rows[0][3:7] == ["2", "0", "0", "0"]  # members, households, residents, meetings
    assert seen["flags"] == Qt.ItemFlag.NoItemFlags
    assert seen["color"].name() == "#c62828"
    assert seen["chosen"] is None
    assert seen["ok"]  # the open folder: no password, a confirmation


def test_a_newer_backup_is_refused_with_the_message(qtbot, office, dialogs, monkeypatch):
    newer = _backup(office, backups.MANUAL, YESTERDAY)
    outside = newer.rename(newer.parent.parent.parent / newer.name)
    backups.manifest_path(newer).rename(backups.manifest_path(outside))
    _make_newer(outside)
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *args: (str(outside), "")))
    seen = {}

    def look(dialog: RestoreDialog) -> None:
        dialog.choose_row(0)
        _wait_preview(qtbot, dialog)
        assert dialog.ok_button().isEnabled()
        dialog.choose_button.click()  # "Choose a file…": from a USB drive
        _wait_preview(qtbot, dialog)
        seen["problem"] = dialog.problem_text()
        seen["ok"] = dialog.ok_button().isEnabled()
        seen["counts"] = dialog.counts_model.rowCount()

    dialogs.expect(look)
    office.backup_actions.restore()
    assert "was written by a newer GridOffice" in seen["problem"]
    assert outside.name in seen["problem"]
    assert not seen["ok"] and seen["counts"] == 0


def test_the_preview_shows_what_the_service_says(qtbot, office, dialogs):
    path = office.context.opened.path
    file = backups.backups(office.context.paths.backup_dir)[0].file
    expected = backups.preview(path, file)
    seen = {}

    def look(dialog: RestoreDialog) -> None:
        dialog.choose_row(0)
        _wait_preview(qtbot, dialog)
        seen["counts"] = _shown(dialog.counts_model)
        seen["lost"] = _shown(dialog.lost_model)
        seen["lost_label"] = dialog.lost_label.text()

    dialogs.expect(look)
    office.backup_actions.restore()
    counts = {row[0]: row[1:] for row in seen["counts"]}
    assert counts["Party members"] == [str(expected.counts_now["members"]),
                                       str(expected.counts_backup["members"]), "-1"]
    assert counts["Party members"] == ["3", "2", "-1"]
    assert len(seen["counts"]) == len(expected.counts_now)
    # The named records; the member's placement and history entry count in the total.
    assert [row[:2] for row in seen["lost"]] == [["Party member", "王强"]]
    named = [r for r in expected.lost if r.named]
    assert [row[1] for row in seen["lost"]] == [r.name for r in named]
    assert expected.lost_total == len(expected.lost) == 3
    assert [row[2] for row in seen["lost"]] == [f"{r.changed:%Y-%m-%d %H:%M:%S}"
                                               for r in named]
    assert seen["lost_label"].startswith("3 record(s) were changed after this backup")


def test_a_wrong_password_changes_nothing(qtbot, signed_office, dialogs, ui):
    office = signed_office
    path = office.context.opened.path
    before = _digests(path), sorted(p.name for p in office.context.paths.backup_dir.iterdir())
    seen = {}

    def look(dialog: RestoreDialog) -> None:
        dialog.choose_row(0)
        _wait_preview(qtbot, dialog)
        assert not dialog.ok_button().isEnabled()  # no password yet
        ui.type_into(dialog.password_edit, "wrong-password")
        with qtbot.waitSignal(dialog.restore_failed, timeout=10_000):
            ui.click_ok(dialog)
        seen["error"] = dialog.error_text()
        seen["visible"] = dialog.isVisible()
        seen["password"] = dialog.password_edit.text()

    dialogs.expect(look)
    assert office.backup_actions.restore() is None
    assert seen["error"].startswith("Wrong login name or password")
    assert seen["visible"] and seen["password"] == ""
    assert (_digests(path), sorted(p.name for p in office.context.paths.backup_dir.iterdir())
            ) == before
    assert names(office.roster.members.model) == ["李娜", "王强", "张伟"]


def test_a_restore_with_the_window_open_shows_the_restored_data(
        qtbot, signed_office, dialogs, ui, message_log, members, branches):
    office = signed_office
    actor = office.services.actor
    assert names(office.roster.members.model) == ["李娜", "王强", "张伟"]

    def restore(dialog: RestoreDialog) -> None:
        dialog.choose_row(0)
        _wait_preview(qtbot, dialog)
        ui.type_into(dialog.password_edit, PASSWORD)
        with qtbot.waitSignal(dialog.finished, timeout=20_000):
            ui.click_ok(dialog)

    dialogs.expect(restore)
    result = office.backup_actions.restore()
    assert result is not None
    assert names(office.roster.members.model) == ["李娜", "张伟"]
    assert result.before_restore.file.exists()
    kinds = [b.kind for b in backups.backups(office.context.paths.backup_dir)]
    assert "before_restore" in kinds
    text = message_log.texts[-1]
    assert f"restored from {result.file}" in text
    assert f"was saved as {result.before_restore.file}" in text
    assert office.services.actor == actor  # still signed in, as before
    # The window writes to the restored file as before.
    add(members, branches.first, "赵磊")
    office.roster.reload()
    assert names(office.roster.members.model) == ["李娜", "张伟", "赵磊"]


def test_a_person_missing_from_the_restored_file_signs_in_again(
        qtbot, signed_office, dialogs, ui, message_log):
    office = signed_office
    service = AccountService(office.context.opened.path, office.services.actor)
    service.add(AccountDraft("boss", access.ADMIN, "李主任"), "secret-boss")
    office.set_actor(AccountService(office.context.opened.path).sign_in("boss", "secret-boss"))

    def restore(dialog: RestoreDialog) -> None:
        dialog.choose_row(0)
        _wait_preview(qtbot, dialog)
        ui.type_into(dialog.password_edit, "secret-boss")
        with qtbot.waitSignal(dialog.finished, timeout=20_000):
            ui.click_ok(dialog)

    def sign_in(login) -> None:
        ui.type_into(login.login_edit, "admin")
        ui.type_into(login.password_edit, PASSWORD)
        ui.click_ok(login)

    dialogs.expect(restore)
    dialogs.expect(sign_in)
    assert office.backup_actions.restore() is not None
    assert "sign in again" in message_log.texts[-2]
    assert office.services.actor.login == "admin"
    assert office.session.user_label.text() == "User: 王芳 (Administrator)"
    assert names(office.roster.members.model) == ["李娜", "张伟"]


def test_only_the_administrator_is_offered_the_restore(window):
    actions = window.backup_actions
    assert actions.restore_action.isVisible()  # a folder without accounts: anyone
    _sign_in_admin(window)
    assert actions.restore_action.isVisible()
    service = AccountService(window.context.opened.path, window.services.actor)
    service.add(AccountDraft("viewer", access.VIEWER, "赵敏"), "secret-viewer")
    window.set_actor(AccountService(window.context.opened.path).sign_in("viewer",
                                                                        "secret-viewer"))
    assert not actions.restore_action.isVisible()
    assert actions.backup_action.isVisible()
    assert actions.restore() is None  # refused even if called
