"""Check-in at the door, driven as a USB QR scanner does (fast keys ending with
Enter) and as the staff member confirming with Enter; what is stored comes back
from the in-service service on a real database."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt

from gridoffice.domain import inservice as rules
from gridoffice.services.inservice import (
    ActivityDraft,
    InServiceService,
    RegistrationDraft,
    WorkUnitDraft,
)
from gridoffice.ui.dialogs.checkin import (
    COL_CONFIRMER,
    COL_HOURS,
    COL_IN,
    COL_NAME,
    COL_OUT,
    COL_POINTS,
    CheckInDialog,
)
from gridoffice.ui.models.inservice_tables import ACT_IN, ACT_OUT, ActivityTableModel

NOW = dt.datetime(2026, 11, 21, 9, 0)
DAY = NOW.date()


@dataclass
class Door:
    activity: str
    members: dict[str, str]  # name -> registration id


class Clock:
    """The service's ``now``, moved on by the test."""

    def __init__(self, moment: dt.datetime) -> None:
        self.moment = moment

    def __call__(self) -> dt.datetime:
        return self.moment

    def advance(self, **delta: float) -> None:
        self.moment += dt.timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
def service(db, clock, monkeypatch) -> InServiceService:
    service = InServiceService(db, operator="王芳", now=NOW,
                               point_rules=rules.PointRules(activity=2))
    monkeypatch.setattr(service, "now", clock)
    return service


def register(service, unit, name, id_number, mobile) -> str:
    registration = service.register(RegistrationDraft(
        unit, dt.date(2026, 3, 1), name=name, id_number=id_number, mobile=mobile))
    service.review(registration, True)
    return registration


@pytest.fixture
def door(service) -> Door:
    unit = service.add_work_unit(WorkUnitDraft("区教育局", "government"))
    hospital = service.add_work_unit(WorkUnitDraft("区人民医院", "institution"))
    members = {
        "李明": register(service, unit, "李明", "110105195803120213", "13812345678"),  # ZB0001
        "王红": register(service, hospital, "王红", "110105196307080421", "13900001234"),
    }
    activity = service.add_activity(ActivityDraft("垃圾分类宣传", DAY, place="社区活动室"))
    return Door(activity, members)


def open_dialog(qtbot, service, activity_id) -> CheckInDialog:
    dialog = CheckInDialog(service, activity_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


@pytest.fixture
def checkin(qtbot, service, door) -> CheckInDialog:
    return open_dialog(qtbot, service, door.activity)


def scan(qtbot, dialog, text: str) -> None:
    """What a scanner does: fast keys, then Enter."""
    qtbot.keyClicks(dialog.code_edit, text)
    qtbot.keyClick(dialog.code_edit, Qt.Key.Key_Return)


def enter(qtbot, dialog) -> None:
    qtbot.keyClick(dialog.code_edit, Qt.Key.Key_Return)


def stored(service, door) -> dict[str, tuple]:
    return {r.name: (r.check_in_at, r.check_out_at, r.hours, r.confirmed_by, r.points)
            for r in service.records(activity_id=door.activity)}


def counts(checked_in, checked_out, hours) -> str:
    return f"Checked in {checked_in} · Checked out {checked_out} · Total {hours} hours"


def test_opening_shows_the_activity(qtbot, qtmodeltester, checkin):
    assert checkin.windowTitle() == "Check-in: 垃圾分类宣传"
    assert checkin.title_label.text() == "垃圾分类宣传"
    assert checkin.info_label.text() == "Activity  ·  2026-11-21  ·  社区活动室  ·  " \
                                        "Staff on duty: 王芳"
    assert checkin.counts_label.text() == counts(0, 0, 0)
    assert checkin.confirm_box.isChecked()
    assert checkin.card.isHidden() and checkin.choice_list.isHidden()
    assert checkin.focusWidget() is checkin.code_edit
    assert checkin.name_label.font().pointSize() >= 30
    qtmodeltester.check(checkin.model, force_py=True)


def test_scan_a_card_then_enter_checks_in(qtbot, service, door, checkin):
    changes = []
    checkin.changed.connect(lambda: changes.append(1))
    scan(qtbot, checkin, "ZB0001")
    assert not checkin.card.isHidden()
    assert checkin.name_label.text() == "李明"
    assert checkin.detail_label.text() == "区教育局  ·  ZB0001  ·  138****5678"
    assert checkin.state_label.text() == "Not checked in yet"
    assert checkin.action_button.text() == "Check in (Enter)"
    assert stored(service, door) == {} and changes == []  # waits for the staff member
    assert checkin.code_edit.selectedText() == "ZB0001"

    enter(qtbot, checkin)
    assert stored(service, door) == {"李明": (NOW, None, 0.0, None, 0)}
    assert changes == [1]
    assert checkin.counts_label.text() == counts(1, 0, 0)
    assert checkin.code_edit.text() == "" and checkin.card.isHidden()
    assert checkin.log_list.item(0).text() == "09:00  李明 checked in"
    assert checkin.error_text() == ""
    assert checkin.model.index(0, COL_NAME).data() == "李明  ZB0001"
    assert checkin.model.index(0, COL_IN).data() == "09:00"
    assert checkin.model.index(0, COL_OUT).data() == ""
    assert checkin.focusWidget() is checkin.code_edit


def test_qr_payload_and_phone_tail(qtbot, ui, service, door, checkin):
    scan(qtbot, checkin, "GRIDOFFICE:ZB0002")
    assert checkin.name_label.text() == "王红"
    ui.click(checkin.action_button)  # the button confirms too
    scan(qtbot, checkin, "5678")  # 李明's mobile
    assert checkin.name_label.text() == "李明"
    enter(qtbot, checkin)
    assert set(stored(service, door)) == {"王红", "李明"}
    assert checkin.counts_label.text() == counts(2, 0, 0)
    assert [checkin.log_list.item(i).text() for i in range(2)] == [
        "09:00  李明 checked in", "09:00  王红 checked in"]


def test_unknown_code_is_refused_and_stays_selected(qtbot, service, door, checkin):
    scan(qtbot, checkin, "ZB9999")
    assert "Nobody registered matches ZB9999" in checkin.error_text()
    assert checkin.code_edit.selectedText() == "ZB9999"
    assert checkin.card.isHidden()
    enter(qtbot, checkin)  # Enter again: still nobody, nothing stored
    assert stored(service, door) == {}
    scan(qtbot, checkin, "ZB0001")  # the next scan replaces the selected text
    assert checkin.code_edit.text() == "ZB0001"
    assert checkin.name_label.text() == "李明" and checkin.error_text() == ""
    scan(qtbot, checkin, "12")  # too short to be a phone tail
    assert "12" in checkin.error_text()
    assert checkin.card.isHidden()


def test_second_scan_checks_out_with_hours_and_points(qtbot, service, door, clock, checkin):
    scan(qtbot, checkin, "ZB0001")
    enter(qtbot, checkin)
    clock.advance(hours=2, minutes=5)
    scan(qtbot, checkin, "ZB0001")
    assert checkin.state_label.text() == "Checked in at 09:00"
    assert checkin.action_button.text() == "Check out (Enter)"
    enter(qtbot, checkin)
    out = NOW + dt.timedelta(hours=2, minutes=5)
    assert stored(service, door) == {"李明": (NOW, out, 2.0, "王芳", 2)}
    assert checkin.log_list.item(0).text() == "11:05  李明 checked out: 2 hours, 2 points"
    assert checkin.counts_label.text() == counts(1, 1, 2)
    assert [checkin.model.index(0, c).data() for c in
            (COL_IN, COL_OUT, COL_HOURS, COL_POINTS, COL_CONFIRMER)] == [
        "09:00", "11:05", "2", "2", "王芳"]

    scan(qtbot, checkin, "ZB0001")  # a third time: done, nothing to do
    assert checkin.action_button.text() == "Done (Enter)"
    assert "done" in checkin.state_label.text()
    enter(qtbot, checkin)
    assert checkin.code_edit.text() == "" and checkin.card.isHidden()
    assert stored(service, door) == {"李明": (NOW, out, 2.0, "王芳", 2)}
    assert checkin.log_list.count() == 2


def test_double_check_in_is_refused_inline(qtbot, db, service, door, checkin):
    scan(qtbot, checkin, "ZB0001")
    assert checkin.action_button.text() == "Check in (Enter)"
    other = InServiceService(db, operator="李娜", now=NOW - dt.timedelta(minutes=5))
    other.check_in(door.activity, door.members["李明"])  # at the other door, meanwhile
    before = stored(service, door)
    changes = []
    checkin.changed.connect(lambda: changes.append(1))
    enter(qtbot, checkin)
    assert "李明 already checked in at 08:55" in checkin.error_text()
    assert stored(service, door) == before and changes == []
    assert checkin.action_button.text() == "Check out (Enter)"  # what it is now
    assert checkin.counts_label.text() == counts(1, 0, 0)
    assert checkin.code_edit.selectedText() == "ZB0001"


def test_check_out_before_check_in_is_refused(qtbot, db, service, door, checkin):
    other = InServiceService(db, operator="李娜", now=NOW + dt.timedelta(hours=1))
    other.check_in(door.activity, door.members["王红"])  # a clock ahead of this PC's
    scan(qtbot, checkin, "ZB0002")
    assert checkin.action_button.text() == "Check out (Enter)"
    enter(qtbot, checkin)
    assert "09:00 is before the check-in at 10:00" in checkin.error_text()
    assert stored(service, door)["王红"][1] is None


def test_check_out_needs_the_operator(qtbot, db, door, clock, monkeypatch):
    service = InServiceService(db, operator="", now=NOW)
    monkeypatch.setattr(service, "now", clock)
    dialog = open_dialog(qtbot, service, door.activity)
    assert "Staff on duty" not in dialog.info_label.text()
    scan(qtbot, dialog, "ZB0001")
    enter(qtbot, dialog)
    clock.advance(hours=1)
    scan(qtbot, dialog, "ZB0001")
    enter(qtbot, dialog)
    assert "set the operator's name in Settings" in dialog.error_text()
    assert stored(service, door) == {"李明": (NOW, None, 0.0, None, 0)}


def test_quick_mode_stores_at_once_but_asks_after_a_double_scan(qtbot, ui, service, door,
                                                                clock, checkin):
    ui.click(checkin.confirm_box)
    assert not checkin.confirm_box.isChecked()
    assert checkin.focusWidget() is checkin.code_edit
    scan(qtbot, checkin, "ZB0001")
    assert stored(service, door) == {"李明": (NOW, None, 0.0, None, 0)}
    assert checkin.code_edit.text() == ""
    clock.advance(minutes=1)
    scan(qtbot, checkin, "ZB0001")  # the same card again at once: not checked out
    assert "checked in only at 09:00" in checkin.message_label.text()
    assert checkin.action_button.text() == "Check out (Enter)"
    assert stored(service, door)["李明"][1] is None
    qtbot.keyClick(checkin.code_edit, Qt.Key.Key_Escape)
    assert checkin.card.isHidden() and checkin.isVisible()
    clock.advance(hours=3)
    scan(qtbot, checkin, "GRIDOFFICE:ZB0001")  # leaving: checked out at once
    assert stored(service, door)["李明"][1:4] == (NOW + dt.timedelta(hours=3, minutes=1),
                                                 3.0, "王芳")
    assert checkin.counts_label.text() == counts(1, 1, 3)


def test_several_matches_are_chosen_by_keys(qtbot, service, door, checkin):
    unit = service.work_units()[0].id
    register(service, unit, "赵强", "310104197502190357", "13712345678")  # also ends 5678
    scan(qtbot, checkin, "5678")
    assert checkin.card.isHidden() and not checkin.choice_list.isHidden()
    assert checkin.choice_list.count() == 2
    assert checkin.choice_list.item(0).text().startswith("1  李明")
    assert checkin.choice_list.item(1).text().startswith("2  赵强")
    qtbot.keyClick(checkin.code_edit, Qt.Key.Key_Down)
    enter(qtbot, checkin)  # chooses 赵强, shown to confirm
    assert checkin.name_label.text() == "赵强" and checkin.choice_list.isHidden()
    assert stored(service, door) == {}
    enter(qtbot, checkin)
    assert set(stored(service, door)) == {"赵强"}

    scan(qtbot, checkin, "5678")
    qtbot.keyClick(checkin.code_edit, Qt.Key.Key_1)  # the number chooses
    assert checkin.name_label.text() == "李明"
    enter(qtbot, checkin)
    assert set(stored(service, door)) == {"赵强", "李明"}

    scan(qtbot, checkin, "5678")  # typing on after End adds digits instead
    qtbot.keyClick(checkin.code_edit, Qt.Key.Key_End)
    qtbot.keyClicks(checkin.code_edit, "1")
    assert checkin.code_edit.text() == "56781" and checkin.choice_list.isHidden()


def test_escape_clears_then_closes(qtbot, checkin):
    qtbot.keyClicks(checkin.code_edit, "ZB00")
    qtbot.keyClick(checkin.code_edit, Qt.Key.Key_Escape)
    assert checkin.code_edit.text() == "" and checkin.isVisible()
    scan(qtbot, checkin, "ZB0001")
    qtbot.keyClick(checkin.code_edit, Qt.Key.Key_Escape)
    assert checkin.card.isHidden() and checkin.code_edit.text() == ""
    assert checkin.isVisible()
    qtbot.keyClick(checkin.code_edit, Qt.Key.Key_Escape)
    assert not checkin.isVisible()


def test_ask_tells_whether_anything_was_stored(qtbot, dialogs, service, door):
    def check_in(dialog) -> None:
        scan(qtbot, dialog, "ZB0002")
        enter(qtbot, dialog)
        dialog.accept()

    dialogs.expect(check_in)
    assert CheckInDialog.ask(None, service, door.activity)
    dialogs.expect(lambda dialog: dialog.reject())
    assert not CheckInDialog.ask(None, service, door.activity)


def test_missing_activity_is_a_message(message_log, service):
    assert not CheckInDialog.ask(None, service, "no-such-activity")
    [warning] = message_log.texts
    assert "no longer exists" in warning


def test_render(qtbot, service, door, clock, checkin):
    for code in ("ZB0001", "ZB0002"):
        scan(qtbot, checkin, code)
        enter(qtbot, checkin)
    clock.advance(hours=2, minutes=20)
    scan(qtbot, checkin, "ZB0001")
    enter(qtbot, checkin)
    scan(qtbot, checkin, "GRIDOFFICE:ZB0002")  # waiting for Enter
    checkin.resize(1180, 860)
    qtbot.wait(20)  # the layout settles
    assert checkin.grab().save("/tmp/checkin.png")
    scan(qtbot, checkin, "ZB9999")
    qtbot.wait(20)
    assert checkin.grab().save("/tmp/checkin_error.png")


def test_records_from_paper_count_their_hours(qtbot, service, door):
    # Entered afterwards from a signed sheet: no scan times, but confirmed hours;
    # the member came and has gone.
    service.add_record(door.members["王红"], DAY, 3, "垃圾分类宣传", activity_id=door.activity)
    dialog = open_dialog(qtbot, service, door.activity)
    assert dialog.counts_label.text() == counts(1, 1, 3)
    scan(qtbot, dialog, "ZB0002")
    assert dialog.state_label.text() == ("Entered from the paper sheet: 3 hours, 2 points — "
                                         "done")
    assert dialog.action_button.text() == "Done (Enter)"


def list_counts(qtbot, service, activity_id) -> tuple[str, str]:
    """The 签到/签退 figures of the activity in the in-service tab's activity list."""
    model = ActivityTableModel()
    model.set_rows(service.activities())
    row = next(r for r in range(model.rowCount()) if model.rows()[r].id == activity_id)
    return (model.index(row, ACT_IN).data(), model.index(row, ACT_OUT).data())


def window_counts(dialog) -> tuple[str, str]:
    found = re.fullmatch(r"Checked in (\d+) · Checked out (\d+) · Total .* hours",
                         dialog.counts_label.text())
    assert found, dialog.counts_label.text()
    return found.group(1), found.group(2)


def test_the_window_and_the_activity_list_count_alike(qtbot, service, door, clock):
    # Records that were there before the window opened: from paper, and a scan
    # at another door that is still open.
    service.add_record(door.members["王红"], DAY, 2, "垃圾分类宣传", activity_id=door.activity)
    unit = service.add_work_unit(WorkUnitDraft("区税务局", "government"))
    third = register(service, unit, "赵强", "310104197502190357", "13700005678")
    service.check_in(door.activity, third)
    dialog = open_dialog(qtbot, service, door.activity)
    assert window_counts(dialog) == list_counts(qtbot, service, door.activity) == ("2", "1")

    scan(qtbot, dialog, "ZB0001")
    enter(qtbot, dialog)  # 李明 checks in at this door
    assert window_counts(dialog) == list_counts(qtbot, service, door.activity) == ("3", "1")
    clock.advance(hours=1)
    scan(qtbot, dialog, "ZB0001")
    enter(qtbot, dialog)
    assert window_counts(dialog) == list_counts(qtbot, service, door.activity) == ("3", "2")
