"""Pick a new parent for an organisation; only valid targets can be chosen."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelection
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QHeaderView, QTreeView, QWidget

from gridoffice.domain import orgs as rules
from gridoffice.ui.dialogs.form import FormDialog
from gridoffice.ui.models.org_tree import COL_NAME, ORG_ID_ROLE, OrgTreeModel, can_move

if TYPE_CHECKING:
    from gridoffice.services.orgs import OrgNode


class MoveOrgDialog(FormDialog):
    """``submit(new_parent_id)`` moves the organisation (a service call)."""

    def __init__(self, parent: QWidget | None, org: OrgNode, nodes: Sequence[OrgNode],
                 submit: Callable[[str | None], Any]) -> None:
        super().__init__(parent, self.tr("Move {name}").format(name=org.name))
        self.org = org
        self._submit = submit
        self.set_intro(self.tr(
            "Choose the organisation {name} will belong to. Organisations it cannot be "
            "placed under are greyed out."
        ).format(name=org.name))
        self.model = OrgTreeModel(self)
        self.model.set_drag_enabled(False)
        self.model.set_nodes(nodes)
        by_id = self.model.nodes()
        self.model.set_enabled_filter(
            lambda node: node.id != org.parent_id and can_move(by_id, org.id, node.id))
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.expandAll()
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setMinimumSize(520, 300)
        self.top_level = QCheckBox(self.tr("Make it a top-level organisation"), self)
        self.top_level.setEnabled(org.parent_id is not None and rules.may_contain(None,
                                                                                   org.org_type))
        self.form.addRow(self.tree)
        self.form.addRow(self.top_level)
        self._fields["parent_id"] = self.tree
        self.tree.selectionModel().selectionChanged.connect(self._selection_changed)
        self.top_level.toggled.connect(self._top_level_toggled)
        self.update_ok()

    def chosen_parent(self) -> str | None:
        """The selected new parent (None: top level or nothing chosen)."""
        if self.top_level.isChecked():
            return None
        selected = self.tree.selectionModel().selectedRows()
        return selected[0].data(ORG_ID_ROLE) if selected else None

    def select_parent(self, org_id: str) -> bool:
        """Select ``org_id`` as the new parent; False if it is not a valid target."""
        index = self.model.index_of(org_id)
        if not index.isValid() or not self.model.flags(index):
            return False
        self.top_level.setChecked(False)
        self.tree.setCurrentIndex(index)
        return True

    def update_ok(self) -> None:
        has_choice = self.top_level.isChecked() or bool(
            self.tree.selectionModel().selectedRows())
        self.ok_button().setEnabled(has_choice)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self.tree.selectionModel().selectedRows():
            self.top_level.setChecked(False)
        self.clear_error()
        self.update_ok()

    def _top_level_toggled(self, checked: bool) -> None:
        if checked:
            self.tree.clearSelection()
        self.tree.setEnabled(not checked)
        self.clear_error()
        self.update_ok()

    def perform(self) -> Any:
        return self._submit(self.chosen_parent())

    @classmethod
    def ask(cls, parent: QWidget | None, org: OrgNode, nodes: Sequence[OrgNode],
            submit: Callable[[str | None], Any]) -> Any:
        return cls(parent, org, nodes, submit).ask_result()
