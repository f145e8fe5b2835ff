"""A "Save as" into the data folder (the database itself, a backup) is refused with a
warning naming the folder, and nothing is written there."""

from __future__ import annotations

import hashlib

from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.ui.conftest import wait_for_start_check
from tests.ui.test_roster_members import add


def snapshot(folder) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_roster_export_onto_the_database_is_refused(qtbot, context, roster, members,
                                                      branches, message_log, monkeypatch):
    add(members, branches.first, "张伟")
    roster.reload()
    assert roster.tree_panel.select_org(branches.first)
    database = context.paths.database
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(database), "")))
    before = snapshot(context.paths.data_dir)
    assert roster.export_view() is None
    assert snapshot(context.paths.data_dir) == before
    [box] = message_log.boxes
    assert box.icon == QMessageBox.Icon.Warning
    assert "data folder" in box.text and str(database) in box.text


def test_an_identity_file_over_a_backup_is_refused(qtbot, context, window, message_log,
                                                   monkeypatch):
    backups = context.paths.backup_dir
    backups.mkdir(exist_ok=True)
    backup = backups / "gridoffice-old.sqlite3"
    backup.write_bytes(context.paths.database.read_bytes())
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(backup), "")))
    wait_for_start_check(qtbot, window)
    before = snapshot(context.paths.data_dir)
    assert window.sync.export_identity() is None
    assert snapshot(context.paths.data_dir) == before
    assert any("data folder" in text for text in message_log.warnings())
