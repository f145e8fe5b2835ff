"""Exporting a view with full numbers from the roster and households tabs: an explicit
choice next to the masked export, with a reason, audited with it, and the file imports
back without problems or changes."""
# ruff: noqa: F811 - the fixtures of other test modules are imported and used as arguments

from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook

from gridoffice.services import residents_excel as rex
from gridoffice.services import roster_excel as rx
from gridoffice.services.households import ResidentDraft
from gridoffice.ui.dialogs.reason import ReasonDialog
from tests import sql
from tests.ui.test_households import (  # noqa: F401 - fixtures
    households,
    make_id,
    place,
    tab,
    wait_loaded,
)
from tests.ui.test_roster_members import IDS, add, audit_rows


def cancel(dialog) -> None:
    assert isinstance(dialog, ReasonDialog)
    dialog.reject()


def reason(ui, text: str):
    def fill(dialog) -> None:
        assert isinstance(dialog, ReasonDialog)
        assert not dialog.ok_button().isEnabled()  # a reason is required
        ui.type_into(dialog.reason_edit, text)
        ui.click_ok(dialog)
    return fill


def cells(path) -> list[str]:
    return [str(c) for row in load_workbook(path).active.iter_rows(values_only=True)
            for c in row if c is not None]


def test_roster_full_export_is_a_choice_with_a_reason_audited_and_imports_back(
        qtbot, context, roster, members, branches, dialogs, ui, tmp_path, monkeypatch):
    add(members, branches.first, "张伟")
    roster.reload()
    assert roster.tree_panel.select_org(branches.first)
    menu = roster.members.excel_menu.actions()
    assert roster.members.export_action in menu and roster.full_export_action in menu
    assert roster.full_export_action.isEnabled()
    target = tmp_path / "full.xlsx"
    monkeypatch.setattr(roster, "ask_export_path", lambda suggested: str(target))

    dialogs.expect(cancel)  # the user thinks again: nothing is written
    roster.full_export_action.trigger()
    assert not target.exists() and audit_rows(context) == []
    assert "full ID numbers" in dialogs.seen[-1].intro.text()

    dialogs.expect(reason(ui, "上报街道"))
    with qtbot.waitSignal(roster.exported, timeout=20_000):
        roster.full_export_action.trigger()
    written = cells(target)
    assert IDS["张伟"] in written and "13812345678" in written
    [(action, scope, detail)] = audit_rows(context)
    assert (action, scope) == ("export_full", "中共幸福里社区第一网格支部委员会")
    assert detail == f"1 members to {target}；事由：上报街道"

    db = roster.roster.db
    plan = rx.dry_run(db, target, "党员花名册", rx.load_mapping(db, target, "党员花名册"),
                      today=roster.roster.today())
    assert plan.problems == [] and (plan.new, plan.updates, plan.unchanged) == ([], [], 1)


def test_households_full_export_is_a_choice_with_a_reason_audited_and_imports_back(
        qtbot, tab, place, households, context, dialogs, ui, tmp_path, monkeypatch):
    hong_kong = households.add_resident(place.household, ResidentDraft(
        "陈家豪", "99", id_type="hmt_permit",
        id_number=make_id(dt.date(1985, 4, 12), 2, area="810000")))
    wait_loaded(qtbot, tab, tab.refresh)
    assert hong_kong in [r.id for r in tab.model.rows()]
    assert tab.full_export_action in tab.excel_menu.actions()
    assert tab.full_export_action.isEnabled()
    target = tmp_path / "residents"
    monkeypatch.setattr(tab, "ask_export_path", lambda: str(target))

    dialogs.expect(cancel)
    tab.full_export_action.trigger()
    assert not tab.running_jobs() and audit_rows(context) == []

    dialogs.expect(reason(ui, "导回本程序"))
    tab.full_export_action.trigger()
    qtbot.waitUntil(lambda: not tab.running_jobs(), timeout=10_000)
    written = tmp_path / "residents.xlsx"
    values = cells(written)
    assert make_id(dt.date(1940, 5, 6), 11) in values and "13812345678" in values
    assert "港澳台居民居住证" in values and "幸福里3号楼2单元301" in values
    assert audit_rows(context) == [("export_full", "residents", f"{written}；事由：导回本程序")]

    db = tab.db
    before = sql.connect(db.path).execute("SELECT count(*) FROM resident").fetchone()
    plan = rex.dry_run(db, written, "实有人口", rex.load_mapping(written, "实有人口"),
                       today=tab.today)
    assert plan.problems == [] and plan.new == [] and plan.updates == []
    assert plan.unchanged == len(tab.model.rows())
    after = sql.connect(db.path).execute("SELECT count(*) FROM resident").fetchone()
    assert before == after
