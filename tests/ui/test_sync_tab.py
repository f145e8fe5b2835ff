"""The Sync tab (数据同步) driven as a user would: a street office and two PCs of
one community as real data folders (tests/sync/net.py); only the file dialogs
are replaced, to return the paths a user would pick."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from gridoffice.services.container import Services
from gridoffice.ui.models.sync_tables import (
    C_KIND,
    F_OTHER,
    P_AGREE,
    P_CONFLICTS,
    P_NAME,
    P_PC,
    P_PENDING,
)
from tests.sync.net import Net, freeze, opened_copy
from tests.ui.windows import open_window

YES = QMessageBox.StandardButton.Yes


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """Street office and PCs 1号机 and 2号机 of 幸福里社区, trusting each other,
    with a committee and a branch everywhere."""
    root = tmp_path_factory.mktemp("syncnet") / "net"
    net = Net(root, {"a1": ("幸福里社区", "1号机"), "a2": ("幸福里社区", "2号机")})
    top = net["a1"].add_org("幸福里社区党委")
    net["a1"].add_org("第一党支部", top)
    return freeze(net)


@pytest.fixture
def net(template, tmp_path):
    with opened_copy(template, tmp_path / "net") as made:
        yield made


@pytest.fixture
def open_tab(qtbot):
    from gridoffice.ui.tabs.sync import SyncTab

    def make(pc, *, check_exchange: bool = True) -> SyncTab:
        tab = SyncTab()
        qtbot.addWidget(tab)
        tab.resize(1200, 800)
        tab.attach(Services.for_database(pc.db).replace(sync=pc.sync),
                   check_exchange=check_exchange)
        tab.show()
        return tab

    return make


def _branch(pc) -> str:
    return pc.rows("SELECT id FROM org WHERE name = '第一党支部'")[0][0]


def _peer_rows(tab) -> dict[str, dict[int, str]]:
    model = tab.peer_model
    return {model.index(r, P_PC).data(): {c: model.index(r, c).data()
                                          for c in range(model.columnCount())}
            for r in range(model.rowCount())}


def _state(pc):
    return pc.digests(), pc.rows("SELECT count(*) FROM sync_package")[0][0]


def _pick_folder(monkeypatch, folder: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *args, **kwargs: str(folder)))


def _pick_files(monkeypatch, files: list[Path]) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(
        lambda *args, **kwargs: ([str(f) for f in files], "")))


def _export_through_ui(qtbot, monkeypatch, dialogs, ui, tab, folder: Path,
                       community: str | None = None) -> list[Path]:
    _pick_folder(monkeypatch, folder)

    def fill(dialog):
        ui.click(dialog.other_button)  # "Other folder…": the patched folder dialog
        assert dialog.places.currentItem().text() == str(folder)
        if community is not None:
            dialog.recipient_combo.setCurrentIndex(dialog.recipient_combo.findText(community))
        ui.click_ok(dialog)

    dialogs.expect(fill)
    before = set(folder.glob("*.gridsync"))
    with qtbot.waitSignal(tab.exported, timeout=20_000):
        _press(qtbot, tab, Qt.Key.Key_E)
    return sorted(set(folder.glob("*.gridsync")) - before)


def _press(qtbot, tab, key, modifiers=Qt.KeyboardModifier.ControlModifier) -> None:
    """A shortcut typed while the focus is in the tab (its window active)."""
    tab.activateWindow()
    tab.pages.setFocus()
    qtbot.waitUntil(tab.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget(), key, modifiers)


def _drop(tab, files: list[Path]) -> QDropEvent:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    enter = QDragEnterEvent(QPoint(20, 20), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(tab, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(tab, drop)
    return drop


# --- the ordinary way --------------------------------------------------------------------
@pytest.mark.filterwarnings("ignore:Function.*QDragEnterEvent:DeprecationWarning")
def test_export_import_and_drop_update_the_panel(qtbot, monkeypatch, dialogs, ui, net,
                                                 open_tab, tmp_path):
    a1, a2, street = net["a1"], net["a2"], net.street
    a1.set_org(_branch(a1), short_name="一支")
    pc_tab = open_tab(a1)
    assert pc_tab.fingerprint_value.text().count("-") == 4
    assert _peer_rows(pc_tab)["—"][P_PENDING] == "1"  # the street office, one change to send
    stick = tmp_path / "stick"
    stick.mkdir()
    [package] = _export_through_ui(qtbot, monkeypatch, dialogs, ui, pc_tab, stick)
    assert package.name.startswith("幸福里社区（1号机）_to_幸福街道")
    texts = pc_tab.result_texts()
    assert texts[0] == f"1 packages written to {stick}."
    assert package.name in texts[1] and "1 changed records" in texts[1]

    street_tab = open_tab(street)
    assert street_tab.summary_action.isVisible() and not street_tab.duplicates_box.isHidden()
    _pick_files(monkeypatch, [package])
    with qtbot.waitSignal(street_tab.synced, timeout=20_000):
        _press(qtbot, street_tab, Qt.Key.Key_I)
    [line] = street_tab.result_texts()
    assert line.startswith(f"{package.name}: imported from 幸福里社区（1号机） (package #")
    assert "0 new, 1 changed, 0 conflicts" in line and line.endswith("data agree.")
    rows = _peer_rows(street_tab)
    assert rows["1号机"][P_NAME] == "幸福里社区"
    assert rows["1号机"][P_PENDING] == "0" and rows["1号机"][P_AGREE] == "agree"
    assert rows["2号机"][P_PENDING] == "1"  # the change is relayed to the other PC
    assert street.rows("SELECT short_name FROM org WHERE id = ?",
                       (_branch(street),)) == [("一支",)]

    # 2号机 sends a change; the file is dropped on the street office's tab, twice.
    a2.set_org(_branch(a2), sort_order=5)
    [second] = a2.export()
    with qtbot.waitSignal(street_tab.synced, timeout=20_000):
        _drop(street_tab, [second])
    [line] = street_tab.result_texts()
    # 2号机 has not had 1号机's change yet: its copy differs, and the panel says where.
    assert "imported from 幸福里社区（2号机）" in line
    assert line.endswith("data differ (Party organisation).")
    assert _peer_rows(street_tab)["2号机"][P_AGREE] == "differ"
    row = next(r for r in range(street_tab.peer_model.rowCount())
               if street_tab.peer_model.index(r, P_PC).data() == "2号机")
    assert street_tab.peer_model.index(row, P_AGREE).data(Qt.ItemDataRole.ToolTipRole) == \
        "Differ in: Party organisation"
    with qtbot.waitSignal(street_tab.synced, timeout=20_000):
        _drop(street_tab, [second, package])
    assert street_tab.result_texts() == [
        f"{second.name}: imported before (nothing changed).",
        f"{package.name}: imported before (nothing changed)."]

    # The street office answers 1号机: one community chosen in the export dialog.
    backs = _export_through_ui(qtbot, monkeypatch, dialogs, ui, street_tab, stick,
                               community="幸福里社区")
    assert len(backs) == 2  # one for each PC of the community
    for_a1 = next(p for p in stick.glob("幸福街道_to_幸福里社区（1号机）*"))
    _pick_files(monkeypatch, [for_a1])
    with qtbot.waitSignal(pc_tab.synced, timeout=20_000):
        pc_tab.import_action.trigger()
    assert pc_tab.result_texts()[0].endswith("data agree.")
    assert _peer_rows(pc_tab)["—"][P_PENDING] == "0"
    assert a1.rows("SELECT sort_order FROM org WHERE id = ?", (_branch(a1),)) == [(5,)]


def test_a_damaged_package_is_refused_with_the_reason_and_changes_nothing(
        qtbot, monkeypatch, net, open_tab, tmp_path, qapp):
    from gridoffice.ui import app as uiapp

    a1, street = net["a1"], net.street
    a1.set_org(_branch(a1), short_name="x")
    [package] = a1.export()
    data = bytearray(package.read_bytes())
    data[len(data) // 2] ^= 0xFF
    bad = tmp_path / package.name
    bad.write_bytes(bytes(data))
    before = _state(street)
    tab = open_tab(street)
    translators = uiapp.install_translators(qapp, "zh_CN")
    try:
        _pick_files(monkeypatch, [bad])
        with qtbot.waitSignal(tab.synced, timeout=20_000):
            tab.import_packages()
        [line] = tab.result_texts()
        result = street.sync.import_files([bad])[0]
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        from PySide6.QtCore import QLocale

        QLocale.setDefault(QLocale("en"))
    assert result.status == "refused"
    reason = result.error.localized("zh_CN")
    assert "数据未作任何改动" in reason
    assert line.startswith(bad.name) and reason in line
    assert _state(street) == before
    assert _peer_rows(tab)["1号机"][P_PENDING] == "0"


# --- conflicts ---------------------------------------------------------------------------
def test_a_conflict_is_compared_combined_and_the_resolution_syncs(
        qtbot, ui, net, open_tab, message_log):
    a1, a2, street = net["a1"], net["a2"], net.street
    branch = _branch(a1)
    a1.set_org(branch, name="甲支部", short_name="甲")
    a2.set_org(branch, name="乙支部", short_name="乙")
    net.settle()

    # At the street office the conflict shows, but it is settled in the community.
    street_tab = open_tab(street)
    assert street_tab.pages.tabText(1) == "Conflicts (1)"
    assert not street_tab.keep_button.isEnabled()
    assert "it is changed there, not at the street office" in street_tab.keep_button.toolTip()
    assert _peer_rows(street_tab)["1号机"][P_CONFLICTS] == "1"

    tab = open_tab(a2)
    _press(qtbot, tab, Qt.Key.Key_K)
    assert tab.pages.currentIndex() == 1
    assert tab.conflict_model.rowCount() == 1
    assert tab.conflict_view.model().index(0, C_KIND).data() == "Edited on both sides"
    conflict = tab.current_row()
    compare = tab.compare_model
    assert compare.differing() == ["name", "short_name"]
    labels = [compare.index(r, 0).data() for r in range(2)]
    assert labels == ["Name", "Short name"]
    assert compare.index(0, 1).data() == conflict.current["name"]
    assert compare.index(0, 2).data() == conflict.other["name"]
    assert compare.index(0, 1).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert not tab.combine_button.isEnabled()
    # Take the other name (Space on its check box), keep the current short name.
    tab.compare_view.setFocus()
    tab.compare_view.setCurrentIndex(compare.index(0, F_OTHER))
    qtbot.keyClick(tab.compare_view, Qt.Key.Key_Space)
    assert compare.choice() == {"name": "other", "short_name": "current"}
    assert tab.combine_button.isEnabled()
    message_log.answers.append(YES)
    with qtbot.waitSignal(tab.synced):
        ui.click(tab.combine_button)
    assert "cannot be undone" in message_log.boxes[-1].text
    assert a2.rows("SELECT name, short_name FROM org WHERE id = ?", (branch,)) == [
        (conflict.other["name"], conflict.current["short_name"])]
    assert tab.conflict_model.rowCount() == 0
    assert tab.pages.tabText(1) == "Conflicts"
    tab.show_resolved_check.setChecked(True)
    assert tab.conflict_model.rowCount() == 1 and not tab.keep_button.isEnabled()
    assert tab.conflict_view.model().index(0, 6).data() == "combined"

    net.settle()
    assert a1.sync.conflicts() == [] and street.sync.conflicts() == []
    assert a1.rows("SELECT name, short_name FROM org WHERE id = ?", (branch,)) == [
        (conflict.other["name"], conflict.current["short_name"])]
    other_tab = open_tab(a1)
    assert other_tab.conflict_model.rowCount() == 0


def test_keeping_the_current_version_asks_first(qtbot, ui, net, open_tab, message_log):
    a1, a2 = net["a1"], net["a2"]
    branch = _branch(a1)
    a1.set_org(branch, name="甲支部")
    a2.set_org(branch, name="乙支部")
    net.settle()
    tab = open_tab(a1)
    tab.pages.setCurrentIndex(1)
    current = tab.current_row().current["name"]
    message_log.answers.append(QMessageBox.StandardButton.No)
    ui.click(tab.keep_button)
    assert len(a1.sync.conflicts()) == 1  # said No: nothing happened
    message_log.answers.append(YES)
    with qtbot.waitSignal(tab.synced):
        ui.click(tab.keep_button)
    assert a1.sync.conflicts() == []
    assert a1.rows("SELECT name FROM org WHERE id = ?", (branch,)) == [(current,)]


# --- exchange folder ---------------------------------------------------------------------
def test_the_exchange_folder_imports_only_what_is_for_this_pc(qtbot, monkeypatch, net,
                                                              open_tab, tmp_path):
    a1, a2, street = net["a1"], net["a2"], net.street
    shared = tmp_path / "shared"
    shared.mkdir()
    a1.set_org(_branch(a1), short_name="交换")
    for path in a1.export():
        shutil.copy(path, shared)
    tab = open_tab(street)
    assert not tab.check_action.isEnabled()
    _pick_folder(monkeypatch, shared)
    tab.choose_exchange_folder()
    assert tab.exchange_value.text() == str(shared) and tab.check_action.isEnabled()
    with qtbot.waitSignal(tab.synced, timeout=20_000):
        _press(qtbot, tab, Qt.Key.Key_I,
               Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    [line] = tab.result_texts()
    assert "imported from 幸福里社区（1号机）" in line
    # The street office writes a package for each PC into the shared folder: offered first.
    exported = street.sync.export(shared)
    assert len(exported) == 2

    # Nothing new for the street office: a check says so.
    job = tab.check_exchange()
    with qtbot.waitSignal(job.finished, timeout=20_000):
        pass
    assert tab.result_texts() == [f"No new packages for this PC in {shared}."]

    # 2号机 with the same folder checks it once when its tab is attached: only its own.
    from gridoffice.store import settings

    settings.write(a2.path, {"sync.exchange_folder": str(shared)})
    from gridoffice.ui.tabs.sync import SyncTab

    a2_tab = SyncTab()
    qtbot.addWidget(a2_tab)
    with qtbot.waitSignal(a2_tab.synced, timeout=20_000):
        a2_tab.attach(Services.for_database(a2.db).replace(sync=a2.sync))
    [line] = a2_tab.result_texts()
    assert "imported from 幸福街道" in line
    assert a2.rows("SELECT short_name FROM org WHERE id = ?", (_branch(a2),)) == [("交换",)]
    assert a1.sync.inbox(shared) and not a2.sync.inbox(shared)  # 1号机's is still there


def test_export_offers_the_exchange_folder_first(qtbot, dialogs, ui, net, open_tab, tmp_path):
    a1 = net["a1"]
    shared = tmp_path / "shared"
    shared.mkdir()
    tab = open_tab(a1)
    tab.set_exchange_folder(shared)

    def fill(dialog):
        first = dialog.places.item(0)
        assert first.text() == f"Exchange folder: {shared}"
        assert dialog.places.currentRow() == 0 and dialog.recipient_combo is None
        ui.click_ok(dialog)

    dialogs.expect(fill)
    with qtbot.waitSignal(tab.exported, timeout=20_000):
        tab.export_action.trigger()
    assert len(list(shared.glob("*.gridsync"))) == 1


# --- identity ----------------------------------------------------------------------------
def test_identity_export_and_trust_show_and_confirm_the_fingerprint(
        qtbot, monkeypatch, dialogs, ui, net, open_tab, tmp_path, message_log):
    a1, street = net["a1"], net.street
    tab = open_tab(a1)
    target = tmp_path / "id" / "a1.gridid"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(target), "")))
    ui.click(tab.export_identity_button)
    assert target.exists()
    assert tab.fingerprint_value.text() in message_log.texts[-1]

    street_tab = open_tab(street)
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *args, **kwargs: (str(target), "")))
    seen = []

    def cancel(dialog):
        seen.append(dialog.fingerprint_label.text())
        dialog.reject()

    dialogs.expect(cancel)
    assert not street_tab.trust_button.click() and seen == [tab.fingerprint_value.text()]
    dialogs.expect(lambda dialog: ui.click_ok(dialog))
    messages = []
    street_tab.status_message.connect(messages.append)
    ui.click(street_tab.trust_button)
    assert messages == ["幸福里社区（1号机） was trusted already."]


# --- street office -----------------------------------------------------------------------
def test_street_summary_and_duplicate_id_numbers(qtbot, dialogs, ui, net, open_tab):
    import datetime as dt

    from gridoffice.store.tables import Member

    a1 = net["a1"]
    with a1.db.write() as session:
        session.add(Member(name="赵六", sex="female", id_number="11010519491231002X",
                           status="full", birth_date=dt.date(1949, 12, 31),
                           join_date=dt.date(1970, 7, 1), category="direct"))
    net.up("a1")
    tab = open_tab(net.street)
    assert tab.duplicate_model.rowCount() == 0  # one community: nothing across offices

    dialogs.expect(lambda dialog: (dialog.year_spin.setValue(2025), ui.click_ok(dialog)))
    with qtbot.waitSignal(tab.ledgers.opened, timeout=30_000) as blocker:
        _press(qtbot, tab, Qt.Key.Key_P)
    preview = blocker.args[0]
    assert preview.page_count() >= 1 and "2025" in preview.suggested_name
    preview.close()
    pc_tab = open_tab(a1)
    assert not pc_tab.summary_action.isVisible() and pc_tab.duplicates_box.isHidden()


def test_full_numbers_of_an_identity_conflict_are_shown_on_request_and_audited(
        qtbot, net, open_tab):
    from tests.sync.net import id_number_conflict

    a1, a2 = net["a1"], net["a2"]
    id_number_conflict(net, a1, a2, ("110101199003071250", "110101198003071250"))
    tab = open_tab(a1)
    tab.pages.setCurrentIndex(1)
    tab.conflict_view.selectRow(0)
    model = tab.compare_model
    row = model.differing().index("id_number")
    shown = {model.index(row, c).data() for c in (1, 2)}
    assert len(shown) == 1  # masked, the two look alike: the birth date is hidden
    assert tab.reveal_button.isEnabled()
    before = a1.rows("SELECT count(*) FROM audit_log")[0][0]
    tab.reveal_button.click()
    assert {model.index(row, c).data() for c in (1, 2)} == {
        "110101199003071250", "110101198003071250"}
    assert a1.rows("SELECT count(*) FROM audit_log")[0][0] == before + 1
    assert not tab.reveal_button.isEnabled()


def test_an_import_in_the_window_refreshes_only_the_tabs_it_touches(
        qtbot, monkeypatch, net):
    """A package that changed an organisation: the roster shows the new name at once;
    the resident-council tab, which shows none of it, is not read again."""
    a1, a2 = net["a1"], net["a2"]
    a2.set_org(_branch(a2), name="第一党支部（老年）")
    net.street.take(a2.export())
    for_a1 = [p for p in net.street.export() if "1号机" in p.name]
    window = open_window(qtbot, a1.folder)
    roster, meetings = window.roster, window.meetings
    assert "第一党支部（老年）" not in [n.name for n in roster.model.nodes().values()]
    _pick_files(monkeypatch, for_a1)
    with qtbot.assertNotEmitted(meetings.loaded, wait=500), \
            qtbot.waitSignal(window.sync.synced, timeout=20_000):
        window.sync.import_packages()
    assert window.sync.result_texts()[0].startswith(for_a1[0].name)
    assert "第一党支部（老年）" in [n.name for n in roster.model.nodes().values()]
    window.close()
