"""Dates typed the way offices write them (2026/11/01, 2026.11.1, 2026年11月1日) in
every place of the window that takes a date: the date fields of the forms, the
roster's as-of filter, the holiday lists of the meeting rules, the points period."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from gridoffice.domain import inservice as inservice_rules
from gridoffice.services.households import GridDraft
from gridoffice.services.inservice import InServiceService
from gridoffice.services.meetings import MeetingRules, MeetingService
from gridoffice.ui.models.household_tree import KIND_GRID
from gridoffice.ui.tabs.inservice import PAGE_POINTS
from tests.ui import test_households
from tests.ui.test_households import select_house
from tests.ui.test_roster_members import add
from tests.ui.test_roster_members import names as member_names

NOW = dt.datetime(2026, 10, 12, 9, 0)
GOLDEN_WEEK = {dt.date(2026, 10, day) for day in range(1, 8)}


# the households tab with one grid, building 3 and a household at 2-301
tab, households, place = (test_households.tab, test_households.households,
                          test_households.place)


@pytest.fixture
def meetings(window) -> MeetingService:
    service = MeetingService(window.db, "王芳", now=NOW,
                             meeting_rules=MeetingRules(place="社区议事厅"))
    window.meetings.attach(window.services.replace(meetings=service, language="en"))
    return service


def test_holidays_typed_the_office_way_are_kept(ui, dialogs, window, meetings):
    def settings(dialog):
        ui.type_into(dialog.holidays_edit, "2026/10/1、2026.10.2 2026年10月3日至7日")
        ui.type_into(dialog.workdays_edit, "2026年9月27日，2026.10.10")
        ui.click_ok(dialog)
        assert not dialog.isVisible(), dialog.error_text()

    dialogs.expect(settings)
    window.meetings.rules_action.trigger()
    assert meetings.rules.holidays == GOLDEN_WEEK
    assert meetings.rules.workdays == {dt.date(2026, 9, 27), dt.date(2026, 10, 10)}


def test_a_holiday_that_is_not_a_date_is_named_and_nothing_is_saved(ui, dialogs, window,
                                                                     meetings):
    before = meetings.rules

    def settings(dialog):
        ui.type_into(dialog.holidays_edit, "2026/10/1, 10月1日, 2026-02-30")
        ui.click_ok(dialog)
        assert dialog.isVisible()
        error = dialog.error_text()
        assert error.startswith("Public holidays: 10月1日、2026-02-30 cannot be read")
        assert "2026年10月1日" in error  # how to write it
        assert dialog.focusWidget() is dialog.holidays_edit
        dialog.reject()

    dialogs.expect(settings)
    window.meetings.rules_action.trigger()
    assert meetings.rules == before


@pytest.mark.parametrize("typed", ["2010/01/01", "2010.1.1", "2010年1月1日"])
def test_the_roster_as_of_filter_reads_office_dates(qtbot, ui, roster, members, branches,
                                                     typed):
    add(members, branches.first, "张伟")  # since 1983
    add(members, branches.first, "赵磊")  # since 2015
    roster.reload()
    panel = roster.members
    assert member_names(panel.model) == ["张伟", "赵磊"]
    ui.type_into(panel.as_of_edit, typed)
    qtbot.waitUntil(lambda: member_names(panel.model) == ["张伟"], timeout=5000)
    assert panel.as_of() == dt.date(2010, 1, 1)


def test_the_grid_team_takes_a_start_date_typed_with_slashes(qtbot, ui, dialogs, window):
    grids = window.households
    grid = grids.service.create_grid(GridDraft("110105001001001", "第一网格"))
    with qtbot.waitSignal(grids.loaded, timeout=5000):
        grids.refresh()
    with qtbot.waitSignal(grids.loaded, timeout=5000):
        grids.tree.setCurrentIndex(grids.tree_model.index_of(KIND_GRID, grid))

    def team(dialog):
        ui.type_into(dialog.name_edit, "王芳")
        ui.type_into(dialog.from_edit, "2026/11/01")
        ui.click_ok(dialog)
        assert not dialog.isVisible(), dialog.error_text()

    dialogs.expect(team)
    grids.team_action.trigger()
    [role] = grids.service.roles(grid)
    assert (role.person_name, role.from_date) == ("王芳", dt.date(2026, 11, 1))


def test_a_resident_born_on_a_date_typed_in_chinese(qtbot, ui, dialogs, tab, households,
                                                     place):
    select_house(qtbot, tab, place, place.house)

    def filler(dialog):
        ui.type_into(dialog.name_edit, "张小伟")
        dialog.relation_combo.setCurrentIndex(dialog.relation_combo.findData("20"))
        dialog.sex_combo.setCurrentIndex(dialog.sex_combo.findData("1"))
        ui.type_into(dialog.birth_edit, "2012年8月15日")
        ui.type_into(dialog.move_in_edit, "2026.1.5")
        ui.click_ok(dialog)
        assert not dialog.isVisible(), dialog.error_text()

    dialogs.expect(filler)
    with qtbot.waitSignal(tab.loaded):
        tab.add_resident_action.trigger()
    [added] = [r for r in households.residents() if r.name == "张小伟"]
    assert added.birth_date == dt.date(2012, 8, 15)


@pytest.mark.parametrize(("typed", "period"), [
    ("2026年第三季度", "2026Q3"), ("2026年上半年", "2026H1"), ("2026年7月", "2026-07"),
    ("2026/07", "2026-07"), ("2026年", "2026")])
def test_the_points_period_is_typed_the_office_way(qtbot, ui, window, typed, period):
    service = InServiceService(window.db, "王芳", now=dt.datetime(2026, 11, 21, 9, 0),
                               point_rules=inservice_rules.PointRules())
    window.inservice.attach(window.services.replace(inservice=service))
    points = window.inservice.page(PAGE_POINTS)
    ui.type_into(points.period_edit, typed)
    qtbot.keyClick(points.period_edit, Qt.Key.Key_Return)
    assert points.period.text == period


@pytest.mark.parametrize("typed", ["2026/10/12", "2026.10.12", "2026年10月12日", "2026-10-12"])
def test_the_meetings_search_finds_the_meetings_of_a_typed_date(qtbot, ui, window, meetings,
                                                                 typed):
    from gridoffice.domain import meetings as rules
    from gridoffice.services.meetings import MeetingDraft

    tab = window.meetings
    meetings.create_meeting(MeetingDraft(rules.COUNCIL, dt.datetime(2026, 10, 12, 14, 30)))
    meetings.create_meeting(MeetingDraft("branch_committee", dt.datetime(2026, 10, 5, 9, 0)))
    tab.reload()
    assert tab.model.rowCount() == 2
    ui.type_into(tab.search_edit, typed)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=5000)
    assert tab.model.rows()[0].start_at.date() == dt.date(2026, 10, 12)
