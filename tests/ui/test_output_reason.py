"""The reason asked before an output that shows more than the masked default: a grid
worker's grid summary of their own grid (full addresses), a full export. Cancel makes
nothing; OK makes it, and the audit entry carries the reason."""
# ruff: noqa: F811 - the fixtures of other test modules are imported and used as arguments

from __future__ import annotations

import re

from openpyxl import load_workbook
from pypdf import PdfReader

from gridoffice.domain.access import GRID, SECRETARY, STAFF, Actor
from gridoffice.ui.dialogs.reason import ReasonDialog
from gridoffice.ui.models.household_tree import KIND_GRID
from tests import sql
from tests.ui.test_households import households, place, tab, wait_loaded  # noqa: F401

ROOM = "幸福里3号楼2单元301"
UNIT = "幸福里3号楼2单元"


def audit_rows(context, action: str) -> list[tuple[str, str]]:
    with sql.connect(context.opened.path) as conn:
        return conn.execute("SELECT target, detail FROM audit_log WHERE action = ? "
                            "ORDER BY rowid", (action,)).fetchall()


def cancel(dialog) -> None:
    assert isinstance(dialog, ReasonDialog)
    dialog.reject()


def reason(ui, text: str):
    def fill(dialog) -> None:
        assert isinstance(dialog, ReasonDialog)
        assert not dialog.ok_button().isEnabled()
        ui.type_into(dialog.reason_edit, "   ")
        assert not dialog.ok_button().isEnabled()  # spaces are no reason
        ui.type_into(dialog.reason_edit, text)
        ui.click_ok(dialog)
    return fill


def choose_grid(qtbot, tab, grid_id: str) -> None:
    qtbot.waitUntil(lambda: tab.tree_model.index_of(KIND_GRID, grid_id).isValid(),
                    timeout=10_000)
    tab.tree.setCurrentIndex(tab.tree_model.index_of(KIND_GRID, grid_id))
    qtbot.waitUntil(lambda: tab.scope_grid_id() == grid_id, timeout=10_000)


def pdf_text(path) -> str:
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(path).pages))


def test_a_grid_worker_gives_a_reason_for_their_grid_with_rooms(
        qtbot, window, tab, place, context, dialogs, ui, tmp_path):
    window.set_actor(Actor(login="liuyang", operator="刘洋", role=GRID,
                           grids=frozenset({place.grid})))
    choose_grid(qtbot, tab, place.grid)

    dialogs.expect(cancel)
    assert tab.print_grid_summary() is None  # nothing is made
    assert not tab.ledgers.running and tab.ledgers.preview is None

    dialogs.expect(reason(ui, "入户走访"))
    with qtbot.waitSignal(tab.ledgers.opened, timeout=60_000) as blocker:
        tab.print_grid_summary()
    preview = blocker.args[0]
    saved = tmp_path / "grid.pdf"
    preview.save_to(saved)
    assert ROOM in pdf_text(saved)
    [(target, detail)] = audit_rows(context, "print")
    assert target == "grid_summary" and str(saved) in detail and detail.endswith(
        "事由：入户走访")
    with qtbot.waitSignal(preview.destroyed):
        preview.close()


def test_staff_print_the_masked_grid_without_a_reason(
        qtbot, window, tab, place, context, dialogs, tmp_path):
    window.set_actor(Actor(login="zhaomin", operator="赵敏", role=STAFF))
    choose_grid(qtbot, tab, place.grid)
    with qtbot.waitSignal(tab.ledgers.opened, timeout=60_000) as blocker:
        tab.print_grid_summary()  # no dialog: the driver fails on an unexpected one
    preview = blocker.args[0]
    saved = tmp_path / "grid.pdf"
    preview.save_to(saved)
    text = pdf_text(saved)
    assert UNIT in text and ROOM not in text
    [(_target, detail)] = audit_rows(context, "print")
    assert "事由" not in detail
    with qtbot.waitSignal(preview.destroyed):
        preview.close()
    assert dialogs.seen == []


def test_a_full_export_asks_for_a_reason_and_staff_are_refused(
        qtbot, window, tab, place, context, dialogs, ui, message_log, tmp_path, monkeypatch):
    target = tmp_path / "residents.xlsx"
    monkeypatch.setattr(tab, "ask_export_path", lambda: str(target))
    window.set_actor(Actor(login="zhaomin", operator="赵敏", role=STAFF))
    assert tab.export_view(full=True) is None
    assert "Not allowed" in message_log.texts[-1] and not target.exists()

    window.set_actor(Actor(login="wangfang", operator="王芳", role=SECRETARY))
    wait_loaded(qtbot, tab, tab.refresh)
    dialogs.expect(cancel)
    assert tab.export_view(full=True) is None
    assert not target.exists() and audit_rows(context, "export_full") == []

    dialogs.expect(reason(ui, "上报街道"))
    tab.export_view(full=True)
    qtbot.waitUntil(lambda: not tab.running_jobs(), timeout=10_000)
    cells = [c for row in load_workbook(target).active.iter_rows(values_only=True)
             for c in row if c is not None]
    assert "13812345678" in cells and ROOM in cells
    assert audit_rows(context, "export_full") == [("residents", f"{target}；事由：上报街道")]
