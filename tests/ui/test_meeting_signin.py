"""Sign-in at the meeting, driven as the person at the office PC does: type part of
a name or its pinyin, press 1/2/3/4/0, pick or type a reason; the counts and the
stored marks come back from the meetings service."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt

from gridoffice.domain import meetings as rules
from gridoffice.services.meetings import (
    AttendeeDraft,
    ItemDraft,
    MeetingDraft,
    MeetingRules,
    MeetingService,
    ResolutionDraft,
)
from gridoffice.ui.dialogs.meeting_signin import COL_MARK, COL_NAME, SignInDialog

NOW = dt.datetime(2026, 11, 10, 14, 20)  # ten minutes before the council starts
NAMES = ("张伟", "李娜", "王强", "赵磊")


@dataclass
class Council:
    id: str
    attendees: dict[str, str]  # name -> attendee id


@pytest.fixture
def meetings(db) -> MeetingService:
    return MeetingService(db, operator="王芳", now=NOW, meeting_rules=MeetingRules())


@pytest.fixture
def council(meetings) -> Council:
    start = dt.datetime(2026, 11, 10, 14, 30)
    meeting_id = meetings.create_meeting(MeetingDraft(
        rules.COUNCIL, start, start + dt.timedelta(hours=2), place="社区议事厅",
        host="李主任", recorder="王芳", session_no=11))
    ids = meetings.add_attendees(meeting_id, [AttendeeDraft(n, "resident_rep") for n in NAMES]
                                 + [AttendeeDraft("赵警官", "police", presence=rules.OBSERVER)])
    return Council(meeting_id, dict(zip([*NAMES, "赵警官"], ids, strict=True)))


def open_signin(qtbot, meetings, meeting_id) -> SignInDialog:
    dialog = SignInDialog(meetings, meeting_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


@pytest.fixture
def signin(qtbot, meetings, council) -> SignInDialog:
    return open_signin(qtbot, meetings, council.id)


def presence(meetings, meeting_id) -> dict[str, tuple[str | None, str | None]]:
    return {a.name: (a.presence, a.absence_reason)
            for a in meetings.minutes(meeting_id).attendees}


def shown(dialog) -> list[str]:
    return [r.name for r in dialog.model.rows()]


def current_name(dialog) -> str | None:
    row = dialog.current_row()
    return row.name if row else None


def counts(expected, present, leave, absent, observers, unmarked) -> str:
    return (f"Expected {expected} · Present {present} · On leave {leave} · Absent {absent} · "
            f"Observers {observers} · Not signed in {unmarked}")


def test_opening_starts_the_meeting_and_shows_it(qtbot, qtmodeltester, meetings, council):
    dialog = SignInDialog(meetings, council.id)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.changed, timeout=2000):  # the status moved: tell the tab
        dialog.show()
    assert meetings.minutes(council.id).meeting.status == "in_progress"
    assert dialog.title_label.text() == "Resident council, session 11"
    assert dialog.info_label.text() == "2026-11-10 14:30–16:30  ·  社区议事厅  ·  Host: 李主任"
    assert dialog.counts_label.text() == counts(4, 0, 0, 0, 1, 4)
    assert shown(dialog) == [*NAMES, "赵警官"]
    assert current_name(dialog) == "张伟"  # the first one not signed in
    assert dialog.model.index(4, COL_MARK).data() == "Observer"
    assert dialog.model.index(0, COL_NAME).data(Qt.ItemDataRole.FontRole).pointSize() >= 20
    assert not dialog.read_only and dialog.lock_label.isHidden()
    qtmodeltester.check(dialog.model, force_py=True)


def test_keyboard_sign_in_with_filter_and_reasons(qtbot, ui, dialogs, meetings, council,
                                                  signin):
    changes = []
    signin.changed.connect(lambda: changes.append(1))
    edit = signin.filter_edit
    ui.type_into(edit, "zw")  # initials of 张伟
    assert shown(signin) == ["张伟"]
    qtbot.keyClick(edit, Qt.Key.Key_1)
    assert presence(meetings, council.id)["张伟"] == (rules.PRESENT, None)
    assert signin.counts_label.text() == counts(4, 1, 0, 0, 1, 3)
    # Nobody left to mark under "zw": the find box empties, the next one is chosen.
    assert edit.text() == ""
    assert current_name(signin) == "李娜"
    assert signin.model.index(0, COL_MARK).data().startswith("Present")

    # 李娜 is selected already: 2 = on leave, one click on a common reason.
    dialogs.expect(lambda dialog: ui.click(dialog.reason_buttons[1]))
    qtbot.keyClick(edit, Qt.Key.Key_2)
    assert presence(meetings, council.id)["李娜"] == (rules.LEAVE, "Away on business")
    assert current_name(signin) == "王强"

    # Pinyin of the full name, then 3 = absent with a typed reason.
    ui.type_into(edit, "zhaolei")
    assert shown(signin) == ["赵磊"]

    def typed_reason(dialog) -> None:
        assert dialog.windowTitle() == "赵磊: Absent"
        ui.type_into(dialog.reason_edit, "外地探亲")
        ui.click_ok(dialog)
        assert not dialog.isVisible(), dialog.error_text()

    dialogs.expect(typed_reason)
    qtbot.keyClick(edit, Qt.Key.Key_3)
    assert presence(meetings, council.id)["赵磊"] == (rules.ABSENT, "外地探亲")
    assert signin.counts_label.text() == counts(4, 1, 1, 1, 1, 1)
    assert current_name(signin) == "王强"  # the only one still unmarked

    # Space marks present too; then the list is complete.
    qtbot.keyClick(edit, Qt.Key.Key_Space)
    assert presence(meetings, council.id)["王强"] == (rules.PRESENT, None)
    assert signin.counts_label.text() == counts(4, 2, 1, 1, 1, 0)
    assert len(changes) == 4

    # In the list: ↓ to 赵磊, 0 clears the mark (and the reason).
    signin.view.setFocus()
    assert signin.select(council.attendees["王强"])
    qtbot.keyClick(signin.view, Qt.Key.Key_Down)
    assert current_name(signin) == "赵磊"
    qtbot.keyClick(signin.view, Qt.Key.Key_0)
    assert presence(meetings, council.id)["赵磊"] == (None, None)
    assert signin.counts_label.text() == counts(4, 2, 1, 0, 1, 1)


def test_typing_in_the_list_goes_to_the_find_box(qtbot, signin):
    signin.view.setFocus()
    qtbot.keyClicks(signin.view, "wq")
    assert signin.filter_edit.text() == "wq"
    assert shown(signin) == ["王强"]
    assert current_name(signin) == "王强"


def test_absent_without_reason_or_cancelled_stores_nothing(qtbot, ui, dialogs, meetings,
                                                          council, signin):
    changes = []
    signin.changed.connect(lambda: changes.append(1))
    errors = []

    def no_reason(dialog) -> None:
        ui.click_ok(dialog)  # the service refuses: the form stays open with the message
        errors.append(dialog.error_text())
        assert dialog.isVisible()

    dialogs.expect(no_reason)  # the test driver then closes it (Cancel)
    qtbot.keyClick(signin.filter_edit, Qt.Key.Key_3)
    assert "Absence reason" in errors[0] and "张伟" in errors[0]
    dialogs.expect(lambda dialog: dialog.reject())
    qtbot.keyClick(signin.filter_edit, Qt.Key.Key_2)
    assert presence(meetings, council.id)["张伟"] == (None, None)
    assert signin.counts_label.text() == counts(4, 0, 0, 0, 1, 4)
    assert current_name(signin) == "张伟"
    assert signin.model.index(0, COL_MARK).data() == "Not signed in"
    assert changes == []


def test_service_refusal_shows_a_warning_and_keeps_the_mark(qtbot, message_log, meetings,
                                                           council, signin):
    for name in ("张伟", "李娜"):
        meetings.set_presence(council.attendees[name], rules.PRESENT)
    item = meetings.add_item(council.id, ItemDraft("楼道堆物清理"))
    meetings.add_resolution(item, ResolutionDraft("限期清理", yes=2))
    signin.reload(council.attendees["张伟"])
    assert current_name(signin) == "张伟"
    qtbot.keyClick(signin.filter_edit, Qt.Key.Key_0)  # 2 votes need 2 present
    [warning] = message_log.warnings()
    assert "votes" in warning
    assert presence(meetings, council.id)["张伟"] == (rules.PRESENT, None)
    assert signin.model.index(0, COL_MARK).data().startswith("Present")
    assert signin.counts_label.text() == counts(4, 2, 0, 0, 1, 2)


def test_buttons_and_double_click_mark_too(qtbot, ui, meetings, council, signin):
    ui.click(signin.mark_buttons[rules.OBSERVER])
    assert presence(meetings, council.id)["张伟"] == (rules.OBSERVER, None)
    assert current_name(signin) == "李娜"
    rect = signin.view.visualRect(signin.model.index(2, COL_NAME))
    qtbot.mouseClick(signin.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(signin.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert presence(meetings, council.id)["王强"] == (rules.PRESENT, None)
    assert signin.counts_label.text() == counts(3, 1, 0, 0, 2, 2)


def test_walk_in_is_added_and_marked_present(qtbot, ui, dialogs, meetings, council, signin):
    def fill(dialog) -> None:
        ui.type_into(dialog.name_edit, "孙丽")
        dialog.identity_combo.setCurrentIndex(dialog.identity_combo.findData("npc_deputy"))
        ui.click_ok(dialog)
        assert not dialog.isVisible(), dialog.error_text()

    dialogs.expect(fill)
    with qtbot.waitSignal(signin.changed):
        ui.click(signin.walk_in_button)
    [walk_in] = [a for a in meetings.minutes(council.id).attendees if a.name == "孙丽"]
    assert (walk_in.identity, walk_in.presence) == ("npc_deputy", rules.PRESENT)
    assert walk_in.signed_at == NOW
    assert signin.counts_label.text() == counts(5, 1, 0, 0, 1, 4)
    assert current_name(signin) == "孙丽"

    def twice(dialog) -> None:  # the same name again: refused inline, nothing added
        ui.type_into(dialog.name_edit, "孙丽")
        ui.click_ok(dialog)
        assert "already on the list" in dialog.error_text()

    dialogs.expect(twice)
    ui.click(signin.walk_in_button)
    assert len(meetings.minutes(council.id).attendees) == 6


def test_approved_minutes_are_read_only(qtbot, meetings, council):
    for name in NAMES:
        meetings.set_presence(council.attendees[name], rules.PRESENT)
    meetings.finish(council.id)
    meetings.approve(council.id)
    dialog = open_signin(qtbot, meetings, council.id)
    assert dialog.read_only
    assert not dialog.lock_label.isHidden()
    assert "approved on 2026-11-10" in dialog.lock_label.text()
    assert meetings.minutes(council.id).meeting.status == "finished"  # not started again
    assert not any(b.isEnabled() for b in dialog.mark_buttons.values())
    assert not dialog.walk_in_button.isEnabled()
    dialog.select(council.attendees["张伟"])
    qtbot.keyClick(dialog.filter_edit, Qt.Key.Key_0)
    qtbot.keyClick(dialog.filter_edit, Qt.Key.Key_2)  # no reason dialog opens either
    assert presence(meetings, council.id)["张伟"] == (rules.PRESENT, None)
    assert dialog.counts_label.text() == counts(4, 4, 0, 0, 1, 0)
