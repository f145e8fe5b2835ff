"""Settings ▸ Audit log: only the administrator and the secretary see it; the entries
newest first, filtered as the user picks a person, an action, days and types a record;
100,000 entries open at once and load more on scrolling; a log changed outside the
program shows a red line; the masked export is read back and is itself in the log."""

from __future__ import annotations

import datetime as dt
import time
import types

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, QLocale, Qt

from gridoffice.domain import access
from gridoffice.domain.access import Actor
from gridoffice.errors import UserError
from gridoffice.services import audit
from gridoffice.services.accounts import AccountDraft, AccountService
from gridoffice.services.audit import AuditService
from gridoffice.store import audit as store_audit
from gridoffice.ui.dialogs.audit_view import PAGE, AuditLogModel
from tests import sql

ID_NUMBER = "11010519580312001X"
MOBILE = "13812345678"


class Clock:
    def __init__(self) -> None:
        self.now = dt.datetime(2026, 12, 1, 9, 0, 0)
        self.module = types.SimpleNamespace(datetime=types.SimpleNamespace(
            now=lambda: self.now))


@pytest.fixture
def logged(monkeypatch, window):
    """Entries over three days by the real code paths; the window stays open."""
    clock = Clock()
    monkeypatch.setattr(store_audit, "dt", clock.module)
    path = window.context.opened.path
    accounts = AccountService(path, clock=lambda: clock.now)
    accounts.add(AccountDraft("admin", access.ADMIN, "王书记"), "secret-admin")
    clock.now = dt.datetime(2026, 12, 2, 10, 0, 0)
    with pytest.raises(UserError):
        accounts.sign_in("admin", "wrong-password")
    accounts.sign_in("admin", "secret-admin")
    clock.now = dt.datetime(2026, 12, 3, 11, 0, 0)
    wang = AuditService(window.db, "王芳")
    wang.record("print", "roster", "党员花名册.pdf")
    wang.record("reveal_identity", "r-1", "张伟")
    wang.record("import", "residents", f"张伟 {ID_NUMBER} {MOBILE}")
    monkeypatch.setattr(store_audit, "dt", dt)  # the export's entry is stamped now
    return window


def open_view(qtbot, window):
    assert window.audit_action.isVisible()
    window.audit_action.trigger()
    view = window.audit_dialog
    assert view is not None and view.isVisible()
    qtbot.waitUntil(lambda: view.chain_whole is not None, timeout=10_000)
    return view


def shown(view, column=AuditLogModel.COL_ACTION):
    model = view.model
    return [model.index(r, column).data() for r in range(model.rowCount())]


def pick(combo, text):
    index = combo.findText(text)
    assert index >= 0, f"{text} is not offered"
    combo.setCurrentIndex(index)


def test_the_menu_entry_follows_the_role(window):
    assert window.audit_action.isVisible()  # a folder without accounts may do everything
    for role, visible in ((access.STAFF, False), (access.GRID, False),
                          (access.VIEWER, False), (access.SECRETARY, True),
                          (access.ADMIN, True)):
        window.set_actor(Actor("li", "李娜", role))
        assert window.audit_action.isVisible() is visible, role
    window.set_actor(Actor("li", "李娜", access.STAFF))
    assert window.show_audit_log() is None


def test_the_view_shows_newest_first_and_filters_as_the_user_picks(qtbot, logged, ui):
    view = open_view(qtbot, logged)
    assert view.chain_whole is True
    assert shown(view) == ["Imported from Excel", "Full ID number shown",
                           "Ledger saved or printed", "Signed in", "Sign-in failed",
                           "Account added", "Accounts started"]
    assert view.count_label.text() == "Entries: 7"
    detail = shown(view, AuditLogModel.COL_DETAIL)[0]
    assert ID_NUMBER not in detail and MOBILE not in detail
    assert "110105********001X" in detail and "138****5678" in detail
    assert shown(view, AuditLogModel.COL_AT)[0] == "2026-12-03 11:00:00"
    assert shown(view, AuditLogModel.COL_DETAIL)[4] == "Wrong password"

    pick(view.person_combo, "王芳")
    assert shown(view) == ["Imported from Excel", "Full ID number shown",
                           "Ledger saved or printed"]
    pick(view.action_combo, "Full ID number shown")
    assert shown(view, AuditLogModel.COL_DETAIL) == ["张伟"]
    pick(view.person_combo, "All people")
    pick(view.action_combo, "All actions")

    view.from_check.setChecked(True)
    view.from_date.setDate(QDate(2026, 12, 2))
    view.to_check.setChecked(True)
    view.to_date.setDate(QDate(2026, 12, 2))
    assert shown(view) == ["Signed in", "Sign-in failed"]
    view.from_check.setChecked(False)
    assert len(shown(view)) == 4

    ui.type_into(view.text_edit, "ROSTER")
    assert len(shown(view)) == 4  # typed, not yet applied
    qtbot.keyClick(view.text_edit, Qt.Key.Key_Return)
    assert view.isVisible()  # Enter applied the filter and pressed no button
    assert shown(view) == []
    view.to_check.setChecked(False)
    assert shown(view, AuditLogModel.COL_TARGET) == ["roster"]
    assert view.count_label.text() == "Entries: 1"


def test_100000_entries_open_at_once_and_load_more_on_scrolling(qtbot, window):
    rows, prev = [], ""
    start = dt.datetime(2025, 1, 1)
    for n in range(100_000):
        at = (start + dt.timedelta(minutes=5 * n)).isoformat(timespec="seconds")
        fields = (at, f"user{n % 5}", "print", f"ledger-{n}", "")
        prev_hash, prev = prev, store_audit.entry_hash(prev, *fields)
        rows.append((*fields, prev_hash, prev))
    conn = sql.connect(window.context.opened.path)
    with conn:
        conn.executemany("INSERT INTO audit_log (at, operator, action, target, detail, "
                         "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    conn.close()
    began = time.perf_counter()
    window.audit_action.trigger()
    view = window.audit_dialog
    assert time.perf_counter() - began < 3.0  # the chain is checked in the background
    assert view.model.rowCount() == PAGE and view.count_label.text() == "Entries: 100000"
    assert view.model.index(0, AuditLogModel.COL_TARGET).data() == "ledger-99999"
    view.view.scrollToBottom()
    qtbot.waitUntil(lambda: view.model.rowCount() >= 2 * PAGE, timeout=5000)
    assert view.model.index(PAGE, AuditLogModel.COL_TARGET).data() == f"ledger-{99999 - PAGE}"
    qtbot.waitUntil(lambda: view.chain_whole is True, timeout=60_000)


def test_a_log_changed_outside_the_program_shows_a_red_line(qtbot, logged):
    path = logged.context.opened.path
    conn = sql.connect(path)
    conn.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
    conn.execute("UPDATE audit_log SET detail = 'nothing' WHERE seq = 5")
    conn.commit()
    conn.close()
    view = open_view(qtbot, logged)
    assert view.chain_whole is False
    assert "entry 5 " in view.chain_label.text()
    assert "c62828" in view.chain_label.styleSheet()


def test_the_export_is_masked_and_recorded(qtbot, logged, tmp_path, monkeypatch,
                                           message_log):
    view = open_view(qtbot, logged)
    pick(view.person_combo, "王芳")
    target = tmp_path / "out" / "审计"
    target.parent.mkdir()
    monkeypatch.setattr(view, "ask_export_path", lambda: str(target))
    with qtbot.waitSignal(view.exported, timeout=10_000):
        qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    written = target.with_name("审计.xlsx")
    sheet = load_workbook(written, read_only=True).active
    cells = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert [row[3] for row in cells] == ["操作", "从 Excel 导入", "查看完整证件号码",
                                         "保存或打印台账"]
    text = "\n".join(str(c) for row in cells for c in row if c is not None)
    assert ID_NUMBER not in text and MOBILE not in text and "138****5678" in text
    [entry] = audit.entries(logged.context.opened.path, target="审计日志")
    assert (entry.operator, entry.action, entry.detail) == ("王芳", "export", str(written))
    assert message_log.texts == [f"3 entries were exported to {written}."]
    assert shown(view)[0] == "Exported (masked)"  # the export's own entry, shown
    assert audit.chain_error(logged.context.opened.path) is None


def test_the_view_in_chinese(qtbot, qapp, logged, tmp_path):
    from gridoffice.ui import app as uiapp

    uiapp.register_bundled_font()
    translators = uiapp.install_translators(qapp, "zh_CN")
    assert translators
    try:
        view = open_view(qtbot, logged)
        assert view.windowTitle() == "审计日志"
        assert view.export_button.text() == "导出 Excel…"
        header = [view.model.headerData(c, Qt.Orientation.Horizontal)
                  for c in range(view.model.columnCount())]
        assert header == ["时间", "操作人", "操作", "对象", "详情"]
        assert shown(view)[:2] == ["从 Excel 导入", "查看完整证件号码"]
        assert shown(view, AuditLogModel.COL_DETAIL)[4] == "密码错误"
        view.resize(1100, 560)
        qtbot.wait(50)
        assert view.grab().save(str(tmp_path / "shot_audit.png"))
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(QLocale("en"))
