"""Follow-up tracking (落实跟踪) driven through the view: the banner figures, the
filters, the red overdue state, marking done and editing with the keyboard."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from gridoffice.domain import meetings as rules
from gridoffice.services.meetings import (
    AttendeeDraft,
    FollowUpDraft,
    ItemDraft,
    MeetingDraft,
    MeetingRules,
    MeetingService,
    ResolutionDraft,
)
from gridoffice.ui.models.follow_up_table import (
    COL_DUE,
    COL_MEETING,
    COL_STATUS,
    COL_TASK,
    OVERDUE_COLOR,
    STATE_ROLE,
    FollowUpTableModel,
)
from gridoffice.ui.tabs.meetings.follow_ups import FollowUpsView

NOW = dt.datetime(2026, 11, 21, 9, 0)


@dataclass
class FollowUps:
    meeting: str
    old_meeting: str
    late: str
    doing: str
    done: str
    last_year: str


@pytest.fixture
def meetings(db) -> MeetingService:
    return MeetingService(db, operator="王芳", now=NOW, meeting_rules=MeetingRules())


def _council(meetings, day: dt.date, session: int) -> tuple[str, str]:
    """A council with five present and one resolution; (meeting id, resolution id)."""
    start = dt.datetime.combine(day, dt.time(14, 30))
    meeting_id = meetings.create_meeting(MeetingDraft(
        rules.COUNCIL, start, start + dt.timedelta(hours=2), place="社区议事厅",
        session_no=session))
    meetings.add_attendees(meeting_id, [AttendeeDraft(f"代表{i}", "resident_rep",
                                                      presence=rules.PRESENT)
                                        for i in range(5)])
    item = meetings.add_item(meeting_id, ItemDraft("小区路灯维修"))
    return meeting_id, meetings.add_resolution(item, ResolutionDraft("一周内修复路灯", yes=5))


@pytest.fixture
def data(meetings) -> FollowUps:
    meeting, resolution = _council(meetings, dt.date(2026, 11, 10), 11)
    late = meetings.add_follow_up(resolution, FollowUpDraft("联系物业维修", "物业公司",
                                                            dt.date(2026, 11, 17)))
    doing = meetings.add_follow_up(resolution, FollowUpDraft(
        "张贴公告", "网格员", dt.date(2026, 11, 30), rules.DOING))
    done = meetings.add_follow_up(resolution, FollowUpDraft("回访居民", "王芳",
                                                            dt.date(2026, 11, 20)))
    meetings.complete_follow_up(done, dt.date(2026, 11, 19), "居民满意")
    old_meeting, old_resolution = _council(meetings, dt.date(2025, 12, 10), 1)
    last_year = meetings.add_follow_up(old_resolution, FollowUpDraft(
        "更换单元门禁", "物业公司", dt.date(2025, 12, 31)))
    meetings.complete_follow_up(last_year, dt.date(2025, 12, 28), "已更换")
    return FollowUps(meeting, old_meeting, late, doing, done, last_year)


@pytest.fixture
def view(qtbot, meetings, data) -> FollowUpsView:
    widget = FollowUpsView()
    qtbot.addWidget(widget)
    widget.set_service(meetings)
    widget.resize(1200, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def tasks(view) -> list[str]:
    return [r.task for r in view.model.rows()]


def banner(solved, open_, overdue, year=2026) -> str:
    return (f"In {year}: {solved} problem(s) solved · {open_} not done · "
            f"{overdue} overdue")


def test_banner_table_and_red_overdue(qtmodeltester, view, data):
    assert view.banner_label.text() == banner(1, 2, 1)
    assert view.count_label.text() == "4 follow-up(s)"
    assert tasks(view) == ["联系物业维修", "张贴公告", "更换单元门禁", "回访居民"]
    model = view.model
    late = model.row_of(data.late)
    assert model.index(late, COL_STATUS).data() == "Overdue"
    assert model.index(late, COL_STATUS).data(STATE_ROLE) == rules.OVERDUE
    red = model.index(late, COL_STATUS).data(Qt.ItemDataRole.ForegroundRole).color()
    assert red == QColor(OVERDUE_COLOR)
    assert "4 day(s) late" in model.index(late, COL_DUE).data(Qt.ItemDataRole.ToolTipRole)
    doing = model.row_of(data.doing)
    assert model.index(doing, COL_STATUS).data() == "In progress"
    assert model.index(doing, COL_STATUS).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.index(late, COL_MEETING).data() == "2026-11-10"
    assert "20261110-1" in model.index(late, COL_MEETING).data(Qt.ItemDataRole.ToolTipRole)
    qtmodeltester.check(model, force_py=True)


def test_filters_by_state_year_and_text(qtbot, ui, view, data):
    view.state_combo.setCurrentIndex(view.state_combo.findData("overdue"))
    assert tasks(view) == ["联系物业维修"]
    assert view.count_label.text() == "1 follow-up(s)"
    view.state_combo.setCurrentIndex(view.state_combo.findData("open"))
    assert tasks(view) == ["联系物业维修", "张贴公告"]
    view.state_combo.setCurrentIndex(view.state_combo.findData("done"))
    assert tasks(view) == ["更换单元门禁", "回访居民"]  # by due date
    assert [view.year_combo.itemText(i) for i in range(view.year_combo.count())] == [
        "All years", "2026", "2025"]
    view.year_combo.setCurrentIndex(view.year_combo.findData(2025))
    assert tasks(view) == ["更换单元门禁"]
    assert view.banner_label.text() == banner(1, 2, 1, year=2025)
    view.state_combo.setCurrentIndex(0)
    view.year_combo.setCurrentIndex(0)
    ui.type_into(view.search_edit, "物业")
    qtbot.waitUntil(lambda: tasks(view) == ["联系物业维修", "更换单元门禁"], timeout=2000)


def test_sorting_by_a_column_and_back(view, data):
    model = view.model
    model.sort(COL_TASK, Qt.SortOrder.AscendingOrder)
    assert tasks(view) == sorted(tasks(view))
    model.sort(COL_STATUS, Qt.SortOrder.AscendingOrder)  # overdue first, done last
    assert [r.state for r in model.rows()] == [rules.OVERDUE, rules.DOING, rules.DONE,
                                               rules.DONE]
    model.sort(-1)
    assert tasks(view) == ["联系物业维修", "张贴公告", "更换单元门禁", "回访居民"]


def test_mark_done_with_ctrl_d_changes_the_counts(qtbot, ui, dialogs, meetings, view, data):
    changes = []
    view.changed.connect(lambda: changes.append(1))
    view.state_combo.setCurrentIndex(view.state_combo.findData("overdue"))
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    assert view.select(data.late)
    view.view.setFocus()

    def fill(dialog) -> None:
        assert dialog.done_edit.date() == NOW.date()
        ui.type_into(dialog.done_edit, "2026-11-22")  # in the future: refused inline
        ui.click_ok(dialog)
        assert "future" in dialog.error_text()
        ui.type_into(dialog.done_edit, "2026-11-20")
        ui.type_into(dialog.feedback_edit, "路灯已修好")
        ui.click_ok(dialog)
        assert not dialog.isVisible(), dialog.error_text()

    dialogs.expect(fill)
    qtbot.keyClick(view.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    draft = meetings.follow_up_draft(data.late)
    assert (draft.status, draft.done_on, draft.feedback) == (
        rules.DONE, dt.date(2026, 11, 20), "路灯已修好")
    assert view.banner_label.text() == banner(2, 1, 0)
    assert tasks(view) == []  # nothing overdue any more
    assert changes == [1]


def test_enter_edits_and_double_click_opens_the_meeting(qtbot, ui, dialogs, meetings, view,
                                                        data):
    assert view.select(data.doing)
    view.view.setFocus()

    def fill(dialog) -> None:
        assert dialog.owner_edit.text() == "网格员"
        assert not dialog.done_edit.isEnabled()
        ui.type_into(dialog.owner_edit, "")
        assert not dialog.ok_button().isEnabled()  # an owner is required
        ui.type_into(dialog.due_edit, "2020-01-01")
        ui.type_into(dialog.owner_edit, "x")
        ui.click_ok(dialog)
        assert "Due date" in dialog.error_text()  # the service's message, inline
        ui.type_into(dialog.owner_edit, "第一网格网格员")
        ui.type_into(dialog.due_edit, "2026-12-05")
        dialog.published_check.setChecked(True)
        ui.click_ok(dialog)
        assert not dialog.isVisible(), dialog.error_text()

    dialogs.expect(fill)
    qtbot.keyClick(view.view, Qt.Key.Key_Return)
    draft = meetings.follow_up_draft(data.doing)
    assert (draft.owner, draft.due_date, draft.published) == (
        "第一网格网格员", dt.date(2026, 12, 5), True)
    assert view.current_id() == data.doing

    index = view.model.index(view.model.row_of(data.last_year), COL_TASK)
    rect = view.view.visualRect(index)
    qtbot.mouseClick(view.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(view.open_meeting) as opened:
        qtbot.mouseDClick(view.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [data.old_meeting]
    with qtbot.waitSignal(view.print_requested):
        view.print_action.trigger()


def test_model_without_rows_and_done_action_state(view, data):
    assert view.select(data.done)
    assert not view.done_action.isEnabled()  # already done: edit it instead
    assert view.edit_action.isEnabled()
    empty = FollowUpTableModel()
    empty.sort(COL_TASK)
    assert empty.rowCount() == 0
