"""OrgTreeModel over real service data: Qt's model checks, display, drop rules."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, Qt

from gridoffice.services.orgs import OrgDraft, OrgService
from gridoffice.store.database import Database
from gridoffice.store.files import open_database
from gridoffice.ui.models.org_tree import (
    COL_NAME,
    COL_SECRETARY,
    COL_TYPE,
    NODE_ROLE,
    ORG_ID_ROLE,
    OrgTreeModel,
    can_move,
)

DAY = dt.date(2021, 6, 30)


@pytest.fixture
def tree(app_paths):
    """中共幸福里社区委员会 with two branches, a group, and a retired branch."""
    db = Database(open_database(app_paths).path)
    service = OrgService(db, "王芳")
    committee = service.create(OrgDraft("中共幸福里社区委员会", "committee", established=DAY))
    first = service.create(OrgDraft("第一网格党支部", "branch", committee.id, "一支部",
                                    "G01", DAY))
    second = service.create(OrgDraft("第二网格党支部", "branch", committee.id))
    group = service.create(OrgDraft("3号楼党小组", "group", first.id))
    old = service.create(OrgDraft("老年党支部", "branch", committee.id))
    service.retire(old.id, DAY + dt.timedelta(days=1), "合并")
    service.appoint(committee.id, "secretary", "李建国", DAY)
    ids = {"committee": committee.id, "first": first.id, "second": second.id,
           "group": group.id, "old": old.id}
    yield service, ids
    db.close()


def test_model_passes_qt_model_checks(qtmodeltester, tree):
    service, _ids = tree
    model = OrgTreeModel()
    model.set_nodes(service.list_orgs())
    qtmodeltester.check(model)
    model.set_show_retired(True)
    qtmodeltester.check(model)


def test_columns_and_tree_shape(qtbot, tree):
    service, ids = tree
    model = OrgTreeModel()
    model.set_nodes(service.list_orgs())
    assert model.rowCount() == 1
    root = model.index(0, COL_NAME)
    assert root.data() == "中共幸福里社区委员会"
    assert model.index(0, COL_TYPE).data() == "Party committee"
    assert model.index(0, COL_SECRETARY).data() == "李建国"
    assert root.data(ORG_ID_ROLE) == ids["committee"]
    assert root.data(NODE_ROLE).name == "中共幸福里社区委员会"
    names = [model.index(r, 0, root).data() for r in range(model.rowCount(root))]
    assert names == ["第一网格党支部", "第二网格党支部"]  # retired one hidden
    first = model.index_of(ids["first"])
    assert model.index(0, 0, first).data() == "3号楼党小组"
    assert model.parent(model.index_of(ids["group"])) == first
    tooltip = first.data(Qt.ItemDataRole.ToolTipRole)
    assert "Full name: 第一网格党支部" in tooltip and "Short name: 一支部" in tooltip
    assert "Term ends: 2026-06-30" in tooltip


def test_retired_shown_greyed_and_italic_on_request(tree):
    service, ids = tree
    model = OrgTreeModel()
    model.set_nodes(service.list_orgs())
    assert not model.index_of(ids["old"]).isValid()
    model.set_show_retired(True)
    index = model.index_of(ids["old"])
    assert index.data() == "老年党支部 (retired on 2021-07-01)"
    assert index.data(Qt.ItemDataRole.FontRole).italic()
    assert index.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert not model.flags(index) & Qt.ItemFlag.ItemIsDragEnabled


def test_move_rules(tree):
    service, ids = tree
    model = OrgTreeModel()
    model.set_nodes(service.list_orgs())
    nodes = model.nodes()
    assert can_move(nodes, ids["group"], ids["second"])  # group to another branch
    assert not can_move(nodes, ids["group"], ids["committee"])  # a group needs a branch
    assert not can_move(nodes, ids["committee"], ids["group"])  # under its own descendant
    assert not can_move(nodes, ids["first"], ids["first"])
    assert not can_move(nodes, ids["group"], None)  # a group cannot be top level
    assert can_move(nodes, ids["second"], None)
    assert not can_move(nodes, ids["group"], ids["old"])  # retired target
    assert not can_move(nodes, ids["old"], ids["committee"])  # retired organisation


def test_drop_refuses_invalid_targets_and_requests_valid_moves(qtbot, tree):
    service, ids = tree
    model = OrgTreeModel()
    model.set_nodes(service.list_orgs())
    move = Qt.DropAction.MoveAction
    data = model.mimeData([model.index_of(ids["group"])])
    assert not model.canDropMimeData(data, move, -1, -1, model.index_of(ids["committee"]))
    assert not model.canDropMimeData(data, move, -1, -1, QModelIndex())
    assert not model.dropMimeData(data, move, -1, -1, model.index_of(ids["committee"]))
    assert model.canDropMimeData(data, move, -1, -1, model.index_of(ids["second"]))
    with qtbot.waitSignal(model.move_requested) as blocker:
        # True would let the view delete the dragged row itself: the tab reloads instead.
        assert model.dropMimeData(data, move, -1, -1, model.index_of(ids["second"])) is False
    assert blocker.args == [ids["group"], ids["second"], -1]
    # Between siblings: the position counts the hidden retired sibling too.
    data = model.mimeData([model.index_of(ids["first"])])
    committee = model.index_of(ids["committee"])
    with qtbot.waitSignal(model.move_requested) as blocker:
        model.dropMimeData(data, move, 2, 0, committee)  # after 第二网格党支部 (visible row 2)
    assert blocker.args == [ids["first"], ids["committee"], -1]


def test_enabled_filter_and_table_models_pass_qt_model_checks(qtmodeltester, tree):
    from gridoffice.ui.models.org_history import OrgHistoryModel
    from gridoffice.ui.models.org_seats import SeatTableModel

    service, ids = tree
    model = OrgTreeModel()
    model.set_nodes(service.list_orgs())
    model.set_enabled_filter(lambda node: node.org_type == "branch")
    qtmodeltester.check(model)
    assert not model.flags(model.index_of(ids["committee"]))
    seats = SeatTableModel()
    seats.set_rows(service.seats(ids["committee"]))
    qtmodeltester.check(seats)
    history = OrgHistoryModel()
    history.set_rows(service.history(ids["old"]))
    qtmodeltester.check(history)


def test_history_reads_like_sentences(tree):
    from gridoffice.ui.models.org_history import describe_event

    service, ids = tree
    service.move(ids["group"], ids["second"])
    service.update(ids["group"], OrgDraft("3号楼党小组", "group", grid_code="G02"))
    service.restore(ids["old"])
    service.end_seat(service.seats(ids["committee"])[0].id, DAY + dt.timedelta(days=10))
    texts = {e.kind: describe_event(e) for e in service.history(ids["group"])}
    assert texts["moved"] == "From 第一网格党支部 to 第二网格党支部"
    assert texts["edited"] == "Grid: — → G02"
    assert texts["created"] == "Created as Party group under 第一网格党支部"
    old = [describe_event(e) for e in service.history(ids["old"])]
    assert "Retired on 2021-07-01. Reason: 合并" in old
    assert "Retirement of 2021-07-01 taken back" in old
    committee = [describe_event(e) for e in service.history(ids["committee"])]
    assert "Secretary: 李建国, term ended on 2021-07-10" in committee
    assert "Secretary: 李建国" in committee
