"""The resident council tab: a whole meeting driven as a user would, undo,
attachments, and bad input that stays in the form."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from gridoffice.domain import meetings as rules
from gridoffice.services.households import GridDraft, ResidentDraft
from gridoffice.services.meetings import (
    AttendeeDraft,
    ItemDraft,
    MeetingDraft,
    MeetingRules,
    MeetingService,
)
from gridoffice.ui.models.meeting_table import COL_ATTENDANCE, COL_SESSION, COL_START, COL_STATUS
from tests.ui.test_households import make_id

# Monday 2026-10-12: the 10th was a Saturday, so today is this month's council day.
NOW = dt.datetime(2026, 10, 12, 9, 0)
YES = QMessageBox.StandardButton.Yes


@pytest.fixture
def tab(window):
    window.tabs.setCurrentWidget(window.meetings)
    return window.meetings


@pytest.fixture
def meetings(window, tab) -> MeetingService:
    """The tab on a service with a fixed clock and the default rules."""
    service = MeetingService(window.db, "王芳", now=NOW,
                             meeting_rules=MeetingRules(place="社区议事厅"))
    tab.attach(window.services.replace(meetings=service, language="en"))
    return service


@pytest.fixture
def resident(window) -> str:
    households = window.households.service
    grid = households.create_grid(GridDraft("110105001001001", "第一网格"))
    building = households.add_building(grid, "3", estate="幸福里", units=4, floors=6)
    house = households.add_house(building, "2", "301")
    households.create_household(house, [
        ResidentDraft("张伟", "02", id_number=make_id(dt.date(1960, 5, 6), 11))])
    return next(r.id for r in households.residents() if r.name == "张伟")


def cell(model, row: int, column: int) -> str:
    return model.data(model.index(row, column))


def column(model, col: int) -> list[str]:
    return [cell(model, r, col) for r in range(model.rowCount())]


def select_rows(view, rows: list[int]) -> None:
    from PySide6.QtCore import QItemSelectionModel

    view.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in rows:
        view.selectionModel().select(view.model().index(row, 0), flags)
    view.selectionModel().setCurrentIndex(view.model().index(rows[-1], 0),
                                          QItemSelectionModel.SelectionFlag.NoUpdate)


def select_entry(detail, kind: str, text: str) -> None:
    node = next(n for n in _nodes(detail.agenda) if n.data(0, Qt.ItemDataRole.UserRole)[0] == kind
                and text in n.text(0))
    detail.agenda.setCurrentItem(node)


def _nodes(tree):
    stack = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while stack:
        node = stack.pop(0)
        yield node
        stack.extend(node.child(i) for i in range(node.childCount()))


def drop(view, path) -> None:
    """Drop ``path`` from a file manager onto ``view``."""
    from PySide6.QtCore import QMimeData, QPoint, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    view.show()
    where = QPoint(10, 10)
    enter = QDragEnterEvent(where, Qt.DropAction.CopyAction, data,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), enter)
    assert enter.isAccepted()
    QApplication.sendEvent(view.viewport(), QDropEvent(
        where, Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier))


def schedule(dialogs, ui, tab, *, host="李主任") -> str:
    seen = {}

    def fill(dialog):
        seen["intro"] = dialog.intro.text()
        seen["date"] = dialog.date_edit.text()
        ui.type_into(dialog.host_edit, host)
        ui.type_into(dialog.recorder_edit, "王芳")
        ui.click_ok(dialog)

    dialogs.expect(fill)
    meeting_id = tab.schedule_next_council()
    assert meeting_id is not None
    return meeting_id, seen


def test_a_whole_council_from_scheduling_to_an_amendment(
        qtbot, ui, dialogs, message_log, window, tab, meetings, resident):
    assert window.tabs.tabText(3) == "Resident council" and window.tabs.widget(3) is tab
    detail = tab.detail

    # Schedule: the rule proposes Monday the 12th, moved off Saturday the 10th.
    meeting_id, seen = schedule(dialogs, ui, tab)
    assert seen["date"] == "2026-10-12"
    assert "2026-10-12" in seen["intro"] and "session 1" in seen["intro"]
    assert "weekend or holiday" in seen["intro"]
    assert cell(tab.model, 0, COL_SESSION) == "Session 1"
    assert cell(tab.model, 0, COL_START) == "2026-10-12 14:30–16:30"
    assert cell(tab.model, 0, COL_STATUS) == "Not started"
    assert "Place: 社区议事厅" in detail.info_label.text()
    assert "Host: 李主任" in detail.info_label.text()

    # Attendees: a resident found by initials, then typed names.
    def pick(dialog):
        ui.type_into(dialog.search_edit, "zw")
        qtbot.waitUntil(lambda: dialog.results.count() == 1)
        assert dialog.results.item(0).text().startswith("张伟")
        dialog.results.item(0).setSelected(True)
        dialog.identity_combo.setCurrentIndex(
            dialog.identity_combo.findData("resident_rep"))
        ui.click_ok(dialog)

    def typed(name, identity, observer=False):
        def fill(dialog):
            ui.type_into(dialog.name_edit, name)
            dialog.identity_combo.setCurrentIndex(dialog.identity_combo.findData(identity))
            dialog.observer_check.setChecked(observer)
            ui.click_ok(dialog)
        return fill

    for filler in (pick, typed("李代表", "resident_rep"), typed("钱代表", "member_rep"),
                   typed("赵警官", "police", observer=True)):
        dialogs.expect(filler)
        ui.click(detail.add_attendee_button)
    assert column(detail.attendee_model, 0) == ["张伟", "李代表", "钱代表", "赵警官"]
    assert column(detail.attendee_model, 3) == ["Resident", "Typed name", "Typed name",
                                                "Typed name"]
    assert column(detail.attendee_model, 4) == ["not marked"] * 3 + ["Observer"]

    # Presence: two present from the table, one on leave through the attendee form.
    select_rows(detail.attendee_view, [0, 1])
    ui.click(detail.present_button)
    assert column(detail.attendee_model, 4)[:2] == ["Present", "Present"]

    def on_leave(dialog):
        dialog.presence_combo.setCurrentIndex(dialog.presence_combo.findData(rules.LEAVE))
        ui.click_ok(dialog)
        assert "enter the reason" in dialog.error_text()  # stays open
        ui.type_into(dialog.reason_edit, "出差")
        ui.click_ok(dialog)

    select_rows(detail.attendee_view, [2])
    dialogs.expect(on_leave)
    ui.click(detail.edit_attendee_button)
    assert cell(detail.attendee_model, 2, 5) == "出差"
    assert detail.counts_label.text() == (
        "Expected 3 · Present 2 · On leave 1 · Absent 0 · Observers 1 · Not marked 0")
    assert cell(tab.model, 0, COL_ATTENDANCE) == "3/2"

    # Agenda: an item, a speech, a resolution voted 2:0:0 and its follow-up.
    detail.tabs.setCurrentIndex(1)

    def item(dialog):
        ui.type_into(dialog.title_edit, "加装电梯")
        dialog.source_combo.setCurrentIndex(dialog.source_combo.findData("residents"))
        ui.type_into(dialog.proposer_edit, "张伟")
        ui.click_ok(dialog)

    def speech(dialog):
        ui.type_into(dialog.speaker_edit, "张伟")
        dialog.summary_edit.setPlainText("老人上下楼困难，希望尽快加装。")
        ui.click_ok(dialog)

    results = []

    def resolution(dialog):
        assert "2 present" in dialog.intro.text()
        dialog.text_edit.setPlainText("同意3号楼2单元加装电梯")
        dialog.yes_spin.setValue(1)
        results.append(dialog.result_label.text())  # 1 of 2 is not more than half
        dialog.yes_spin.setValue(2)
        results.append(dialog.result_label.text())
        ui.click_ok(dialog)

    def follow_up(dialog):
        dialog.task_edit.setPlainText("联系电梯公司出方案")
        ui.type_into(dialog.owner_edit, "物业公司")
        ui.type_into(dialog.due_edit, "2026-10-31")
        ui.click_ok(dialog)

    dialogs.expect(item)
    ui.click(detail.add_item_button)
    select_entry(detail, "item", "加装电梯")
    for filler, button in ((speech, detail.add_speech_button),
                           (resolution, detail.add_resolution_button)):
        dialogs.expect(filler)
        ui.click(button)
    assert results == ["Not passed", "Passed"]
    select_entry(detail, "resolution", "同意")
    dialogs.expect(follow_up)
    ui.click(detail.add_follow_up_button)
    assert detail.agenda_texts() == [
        ["1. 加装电梯", "Raised by residents, 张伟", ""],
        ["  张伟: 老人上下楼困难，希望尽快加装。", "", ""],
        ["  Resolution: 同意3号楼2单元加装电梯", "yes 2, no 0, abstain 0 (Show of hands)",
         "Passed"],
        ["    Follow-up: 联系电梯公司出方案", "物业公司, due 2026-10-31", "To do"],
    ]

    # Finish and approve (confirmed): the banner appears, the list says so.
    tab.finish_action.trigger()
    assert cell(tab.model, 0, COL_STATUS) == "Finished"
    message_log.answers.append(YES)
    tab.approve_action.trigger()
    assert cell(tab.model, 0, COL_STATUS) == "Finished, approved"
    assert not detail.banner_label.isHidden()
    assert "recorded as amendments" in detail.banner_label.text()

    # An edit now asks for the reason first; the change becomes an amendment.
    def reason(dialog):
        assert not dialog.ok_button().isEnabled()  # a reason is required
        ui.type_into(dialog.reason_edit, "更正议题名称")
        ui.click_ok(dialog)

    def retitle(dialog):
        ui.type_into(dialog.title_edit, "3号楼加装电梯")
        ui.click_ok(dialog)

    select_entry(detail, "item", "加装电梯")
    dialogs.expect(reason)
    dialogs.expect(retitle)
    ui.click(detail.edit_entry_button)
    assert detail.agenda_texts()[0][0] == "1. 3号楼加装电梯"
    assert detail.amendment_model.rowCount() == 1
    assert column(detail.amendment_model, 1) == ["王芳"]
    assert column(detail.amendment_model, 2) == ["更正议题名称"]
    assert column(detail.amendment_model, 3) == ["Agenda item changed: 3号楼加装电梯"]
    assert detail.tabs.tabText(2) == "Amendments (1)"

    # Cancelling the reason changes nothing.
    dialogs.expect(lambda dialog: dialog.reject())
    ui.click(detail.edit_entry_button)

    # What is stored.
    minutes = meetings.minutes(meeting_id)
    assert minutes.locked and minutes.meeting.status == "finished"
    assert minutes.meeting.session_no == 1 and minutes.draft.host == "李主任"
    assert (minutes.attendance.expected, minutes.attendance.present,
            minutes.attendance.leave, minutes.attendance.observers) == (3, 2, 1, 1)
    assert minutes.attendees[0].person_kind == "resident"
    assert minutes.attendees[0].person_id == resident
    [stored] = minutes.items
    assert stored.title == "3号楼加装电梯" and stored.speeches[0].speaker == "张伟"
    [voted] = stored.resolutions
    assert (voted.yes, voted.no, voted.abstain, voted.result) == (2, 0, 0, rules.PASSED)
    assert voted.follow_ups[0].owner == "物业公司"
    assert voted.follow_ups[0].due_date == dt.date(2026, 10, 31)
    assert [a.reason for a in minutes.amendments] == ["更正议题名称"]

    # Follow-ups stay open after approval: done today, no reason asked.
    select_entry(detail, "follow_up", "联系电梯公司")
    ui.click(detail.complete_button)
    assert detail.agenda_texts()[3][2] == "Done"
    assert meetings.minutes(meeting_id).items[0].resolutions[0].follow_ups[0].done_on == \
        NOW.date()


def test_votes_over_those_present_stay_in_the_form(ui, dialogs, tab, meetings):
    start = dt.datetime(2026, 10, 12, 14, 30)
    meeting_id = meetings.create_meeting(MeetingDraft(rules.COUNCIL, start))
    ids = meetings.add_attendees(meeting_id, [AttendeeDraft("张伟"), AttendeeDraft("李娜")])
    meetings.set_presence(ids[0], rules.PRESENT)
    item_id = meetings.add_item(meeting_id, ItemDraft("停车管理"))
    tab.reload(meeting_id)
    select_entry(tab.detail, "item", "停车管理")
    errors = []

    def too_many(dialog):
        dialog.text_edit.setPlainText("增设停车位")
        dialog.yes_spin.setValue(2)
        dialog.no_spin.setValue(1)
        ui.click_ok(dialog)
        errors.append(dialog.error_text())
        assert dialog.isVisible()

    dialogs.expect(too_many)
    ui.click(tab.detail.add_resolution_button)
    assert errors == ["Votes: 3 votes (yes 2, no 1, abstain 0) is more than the 1 present."]
    assert meetings.minutes(meeting_id).items[0].resolutions == ()
    assert [a[0] for a in tab.detail.agenda_texts()] == ["1. 停车管理"]
    assert item_id


def test_attendee_changes_undo_and_redo(qtbot, ui, dialogs, message_log, window, tab,
                                        meetings):
    start = dt.datetime(2026, 10, 12, 14, 30)
    meeting_id = meetings.create_meeting(MeetingDraft(rules.COUNCIL, start))
    tab.reload(meeting_id)
    detail, stack = tab.detail, window.undo_stack

    def typed(dialog):
        ui.type_into(dialog.name_edit, "孙代表")
        ui.click_ok(dialog)

    dialogs.expect(typed)
    ui.click(detail.add_attendee_button)
    assert column(detail.attendee_model, 0) == ["孙代表"]
    select_rows(detail.attendee_view, [0])
    ui.click(detail.present_button)
    assert cell(detail.attendee_model, 0, 4) == "Present"
    stack.undo()
    assert cell(detail.attendee_model, 0, 4) == "not marked"
    stack.undo()
    assert detail.attendee_model.rowCount() == 0
    assert meetings.minutes(meeting_id).attendees == ()
    stack.redo()
    stack.redo()
    assert column(detail.attendee_model, 4) == ["Present"]

    # Delete asks first, then removes; undo brings the same person back.
    select_rows(detail.attendee_view, [0])
    detail.attendee_view.setFocus()
    message_log.answers.append(YES)
    qtbot.keyClick(detail.attendee_view, Qt.Key.Key_Delete)
    assert detail.attendee_model.rowCount() == 0
    assert "孙代表" in message_log.texts[-1]
    stack.undo()
    assert column(detail.attendee_model, 0) == ["孙代表"]
    assert cell(tab.model, 0, COL_ATTENDANCE) == "1/1"

    # An agenda item: add, undo, redo.
    dialogs.expect(lambda d: (ui.type_into(d.title_edit, "环境整治"), ui.click_ok(d)))
    ui.click(detail.add_item_button)
    stack.undo()
    assert detail.agenda_texts() == []
    stack.redo()
    assert detail.agenda_texts()[0][0] == "1. 环境整治"


def test_attachments_are_added_opened_and_removed(monkeypatch, tmp_path, message_log, tab,
                                                  meetings, window):
    start = dt.datetime(2026, 10, 12, 14, 30)
    meeting_id = meetings.create_meeting(MeetingDraft(rules.COUNCIL, start))
    tab.reload(meeting_id)
    detail = tab.detail
    photo = tmp_path / "现场照片.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 2000)
    note = tmp_path / "note.txt"
    note.write_text("not an image")
    monkeypatch.setattr(detail, "ask_files", lambda: [str(photo)])
    detail.add_attachments()
    assert column(detail.attachment_model, 0) == ["现场照片.png"]
    assert column(detail.attachment_model, 1) == ["Photo"]
    drop(detail.attachment_view, note)
    assert "not an image" in message_log.warnings()[-1]
    assert detail.attachment_model.rowCount() == 1

    opened = []
    monkeypatch.setattr("gridoffice.ui.tabs.meetings.attachments.QDesktopServices.openUrl",
                        lambda url: opened.append(url.toLocalFile()) or True)
    detail.attachment_view.setCurrentIndex(detail.attachment_model.index(0, 0))
    path = detail.open_attachment()
    assert opened == [str(path)] and path.read_bytes() == photo.read_bytes()

    message_log.answers.append(YES)
    detail.remove_attachment()
    assert meetings.minutes(meeting_id).attachments == ()
    window.undo_stack.undo()
    assert column(detail.attachment_model, 0) == ["现场照片.png"]
    window.shutdown()  # the copy opened elsewhere goes with the program
    assert not path.exists()


def test_filters_cancel_and_rules(ui, dialogs, tab, meetings):
    first = meetings.create_meeting(MeetingDraft(
        rules.COUNCIL, dt.datetime(2026, 9, 10, 14, 30), place="社区议事厅", session_no=1))
    meetings.create_meeting(MeetingDraft("party_lecture", dt.datetime(2025, 7, 1, 9, 0),
                                         title="七一党课"))
    tab.reload(first)
    assert tab.model.rowCount() == 2
    tab.type_combo.setCurrentIndex(tab.type_combo.findData("party_lecture"))
    assert column(tab.model, 1) == ["Party lecture"]
    tab.type_combo.setCurrentIndex(0)
    tab.year_combo.setCurrentIndex(tab.year_combo.findData(2026))
    assert tab.model.rowCount() == 1
    tab.year_combo.setCurrentIndex(0)
    ui.type_into(tab.search_edit, "党课")
    tab.reload()
    assert tab.model.rowCount() == 1
    ui.type_into(tab.search_edit, "")
    tab.reload()

    tab.select_meeting(first)

    def cancel(dialog):
        ui.type_into(dialog.reason_edit, "台风")
        ui.click_ok(dialog)

    dialogs.expect(cancel)
    tab.cancel_action.trigger()
    assert meetings.minutes(first).meeting.status == "cancelled"

    def settings(dialog):
        dialog.day_spin.setValue(15)
        dialog.holidays_edit.setPlainText("2026-10-15")
        ui.click_ok(dialog)

    dialogs.expect(settings)
    tab.rules_action.trigger()
    assert meetings.rules.council_day == 15
    # 10-15 is a holiday: the November council is proposed (10-16 would be past the rule?)
    assert meetings.propose_council().start_at.date() == dt.date(2026, 10, 16)


def test_sign_in_opens_the_sign_in_window(monkeypatch, tab, meetings):
    pytest.importorskip("gridoffice.ui.dialogs.meeting_signin")
    meeting_id = meetings.create_meeting(MeetingDraft(rules.COUNCIL,
                                                      dt.datetime(2026, 10, 12, 14, 30)))
    tab.reload(meeting_id)
    shown = []
    monkeypatch.setattr(type(tab), "run_dialog", staticmethod(lambda d: shown.append(d) or 0))
    tab.sign_in_action.trigger()
    assert type(shown[0]).__name__ == "SignInDialog"
    assert meetings.minutes(meeting_id).meeting.status == "in_progress"


def test_minutes_are_printed_through_the_ledger_helper(qtbot, tab, meetings):
    pytest.importorskip("gridoffice.ledgers.minutes_ledger")
    meeting_id = meetings.create_meeting(MeetingDraft(
        rules.COUNCIL, dt.datetime(2026, 10, 12, 14, 30), session_no=3, place="社区议事厅"))
    meetings.add_item(meeting_id, ItemDraft("加装电梯"))
    tab.reload(meeting_id)
    with qtbot.waitSignal(tab.ledgers.opened, timeout=30_000) as blocker:
        tab.minutes_action.trigger()
    preview = blocker.args[0]
    assert preview.suggested_name == "会议记录_20261012-1.pdf"
    assert preview.page_count() >= 2  # the minutes, then the sign-in sheet
    with qtbot.waitSignal(preview.destroyed):
        preview.close()
    preview = None
    with qtbot.waitSignal(tab.ledgers.opened, timeout=30_000) as blocker:
        tab.summary_action.trigger()
    assert blocker.args[0].suggested_name == "年度会议情况汇总表_2026.pdf"
    with qtbot.waitSignal(blocker.args[0].destroyed):
        blocker.args[0].close()


def test_follow_up_page_opens_the_meeting(tab, meetings):
    pytest.importorskip("gridoffice.ui.tabs.meetings.follow_ups")
    first = meetings.create_meeting(MeetingDraft(rules.COUNCIL,
                                                 dt.datetime(2026, 9, 10, 14, 30)))
    meetings.create_meeting(MeetingDraft("party_lecture", dt.datetime(2026, 10, 1, 9, 0)))
    tab.reload()
    tab.type_combo.setCurrentIndex(tab.type_combo.findData("party_lecture"))
    tab.pages.setCurrentIndex(1)
    assert tab.pages.widget(1) is tab.follow_ups
    tab.follow_ups.open_meeting.emit(first)
    assert tab.pages.currentIndex() == 0
    assert tab.current_id() == first
    assert tab.detail.meeting_id == first


def test_next_council_copies_the_attendees_and_enter_edits(qtbot, ui, dialogs, tab, meetings):
    start = dt.datetime(2026, 9, 10, 14, 30)
    last = meetings.create_meeting(MeetingDraft(rules.COUNCIL, start, place="社区议事厅",
                                                host="李主任", session_no=7))
    meetings.add_attendees(last, [AttendeeDraft("张伟", "resident_rep"),
                                  AttendeeDraft("赵警官", "police", presence=rules.OBSERVER)])
    tab.reload(last)
    labels = []

    def confirm(dialog):
        labels.append(dialog.copy_check.text())
        assert dialog.copy_check.isChecked()
        assert dialog.host_edit.text() == "李主任"  # from the last council
        ui.click_ok(dialog)

    dialogs.expect(confirm)
    meeting_id = tab.schedule_next_council()
    assert labels == ["Copy the attendees of the last council"]
    assert tab.current_id() == meeting_id
    assert cell(tab.model, tab.model.row_of(meeting_id), COL_SESSION) == "Session 8"
    assert column(tab.detail.attendee_model, 0) == ["张伟", "赵警官"]
    assert column(tab.detail.attendee_model, 4) == ["not marked", "Observer"]
    # The button adds nobody twice.
    ui.click(tab.detail.copy_button)
    assert tab.detail.attendee_model.rowCount() == 2

    # Enter on the list opens the meeting form; the change is stored (and undoable).
    def retitle(dialog):
        ui.type_into(dialog.title_edit, "十月议事会")
        ui.click_ok(dialog)

    dialogs.expect(retitle)
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    assert meetings.meeting_draft(meeting_id).title == "十月议事会"
    assert tab.detail.title_label.text() == "十月议事会"
    tab.undo_stack.undo()
    assert meetings.meeting_draft(meeting_id).title == ""


def test_a_saved_minutes_ledger_is_in_the_audit_log(qtbot, tab, meetings, tmp_path):
    """Every tab's ledger preview records a save in the audit log before the file
    takes its name (not only the roster's and the households')."""
    from tests import sql

    pytest.importorskip("gridoffice.ledgers.minutes_ledger")
    meeting_id = meetings.create_meeting(MeetingDraft(
        rules.COUNCIL, dt.datetime(2026, 10, 12, 14, 30), session_no=3, place="社区议事厅"))
    tab.reload(meeting_id)
    with qtbot.waitSignal(tab.ledgers.opened, timeout=30_000) as blocker:
        tab.minutes_action.trigger()
    preview = blocker.args[0]
    seen = []

    def publish_checked(path):
        conn = sql.connect(tab.db.path)
        seen.append(conn.execute("SELECT count(*) FROM audit_log WHERE action = 'print'")
                    .fetchone()[0])
        conn.close()
        recorder(path)

    recorder = preview.record_save
    assert recorder is not None
    target = tmp_path / "minutes.pdf"
    preview.record_save = publish_checked
    preview.save_to(target)
    assert target.exists() and seen == [0]
    conn = sql.connect(tab.db.path)
    [(operator, target_text, detail)] = conn.execute(
        "SELECT operator, target, detail FROM audit_log WHERE action = 'print'").fetchall()
    conn.close()
    assert str(target) in detail and target_text == "meeting_minutes"  # as on the command line
    with qtbot.waitSignal(preview.destroyed):
        preview.close()
