"""Every tab keeps one contract (base class, registered once) and a change stored in
one tab reaches the others that show it, and only those."""

from __future__ import annotations

import importlib
import pkgutil

import gridoffice.ui.tabs as tabs_package
from gridoffice.services.changes import Changes
from gridoffice.services.households import GridDraft
from gridoffice.ui.tabs.base import BaseTab
from gridoffice.ui.tabs.registry import tab_classes


def all_subclasses(cls: type) -> set[type]:
    found = set()
    for sub in cls.__subclasses__():
        found |= {sub} | all_subclasses(sub)
    return found


def test_every_tab_derives_from_the_base_and_is_registered_once():
    for info in pkgutil.walk_packages(tabs_package.__path__, tabs_package.__name__ + "."):
        importlib.import_module(info.name)  # every tab module, registered or not
    registered = tab_classes()
    assert len(registered) == len(set(registered))
    assert all(issubclass(cls, BaseTab) for cls in registered)
    assert all_subclasses(BaseTab) == set(registered)
    keys = [cls.key for cls in registered]
    assert all(keys) and len(keys) == len(set(keys))
    assert all(cls.title_text and cls.watches for cls in registered)


def test_the_window_holds_each_registered_tab_once_in_order(window):
    shown = [window.tabs.widget(i) for i in range(window.tabs.count())]
    assert [type(tab) for tab in shown] == tab_classes()
    assert shown == window.tab_list
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "Workbench", "Party members", "Grid households", "Resident council",
        "In-service members", "Co-building", "Sync"]
    assert all(tab.services is window.services for tab in window.tab_list)


def test_a_new_grid_reaches_the_in_service_tab(qtbot, window, dialogs, ui):
    """Posts sit in grids: the grid made in the households tab is offered there at once."""
    households, inservice = window.households, window.inservice
    assert inservice.grids == []

    def fill(dialog):
        ui.type_into(dialog.code_edit, "110105001001001")
        ui.type_into(dialog.name_edit, "第一网格")
        ui.click_ok(dialog)

    dialogs.expect(fill)
    households.new_grid()
    assert [name for _id, name in inservice.grids] == ["第一网格"]
    stored = window.services.households.list_grids()
    assert [g.name for g in stored] == ["第一网格"]


def test_a_notice_reloads_only_the_tabs_it_touches(qtbot, window):
    households, meetings = window.households, window.meetings
    window.services.households.create_grid(GridDraft("110105001001002", "第二网格"))
    with qtbot.assertNotEmitted(households.loaded, wait=300):
        window.broadcast(None, Changes.of("meeting"))
    assert households.tree_model.rowCount() == 0  # not read again: nothing it shows changed
    with qtbot.waitSignal(meetings.loaded, timeout=5000):
        window.broadcast(None, Changes.of("meeting"))
    with qtbot.waitSignal(households.loaded, timeout=5000):
        window.broadcast(None, Changes.of("grid"))
    assert households.tree_model.rowCount() == 1


def test_the_sender_of_a_notice_is_not_told_again(qtbot, window):
    meetings = window.meetings
    with qtbot.assertNotEmitted(meetings.loaded, wait=200):
        window.broadcast(meetings, Changes.of("meeting"))


def test_changes_combine_and_refuse_unknown_tables():
    import pytest

    both = Changes.of("member", ids=["m1"]) | Changes.of("grid")
    assert both.touches("grid") and both.touches(frozenset({"member", "x"}))
    assert not both.touches("meeting") and both.touches_id("m1")
    assert not Changes() and Changes.everything().touches("anything")
    with pytest.raises(ValueError):
        Changes.of("members")
