"""Choose a party organisation from the tree, shown indented in a drop-down list.

Party groups (党小组) and retired organisations are listed for orientation but
cannot be chosen: a member belongs to a branch (or a committee), never to a
group. The first entry, "None", is for in-service members whose membership
stays with their work unit's party organisation.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QComboBox, QWidget

if TYPE_CHECKING:
    from gridoffice.services.orgs import OrgNode

NOT_FOR_MEMBERS = ("group",)
INDENT = "\u3000"  # an ideographic space keeps Chinese names aligned


class OrgPicker(QComboBox):
    """``current_org()`` is the chosen organisation id (None for "None")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaxVisibleItems(20)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(16)

    def set_orgs(self, nodes: Iterable[OrgNode], *, keep: str | None = None,
                 none_label: str | None = None) -> None:
        """Fill from ``nodes`` in tree order; ``keep`` stays choosable even if it
        would not be (a member already placed there)."""
        nodes = list(nodes)
        by_id = {n.id: n for n in nodes}
        self.clear()
        self.addItem(none_label or self.tr("None (work unit's party organisation)"), None)
        items = self.model()
        assert isinstance(items, QStandardItemModel)
        for node in nodes:
            depth = 0
            parent = by_id.get(node.parent_id or "")
            while parent is not None and depth < 10:
                depth += 1
                parent = by_id.get(parent.parent_id or "")
            self.addItem(INDENT * depth + node.name, node.id)
            usable = not node.retired and node.org_type not in NOT_FOR_MEMBERS
            if not usable and node.id != keep:
                items.item(self.count() - 1).setEnabled(False)

    def current_org(self) -> str | None:
        data = self.currentData()
        return str(data) if data else None

    def select_org(self, org_id: str | None) -> bool:
        """Choose ``org_id`` if it is listed and choosable; False otherwise."""
        row = self.findData(org_id) if org_id else 0
        if row < 0:
            return False
        items = self.model()
        assert isinstance(items, QStandardItemModel)
        if not items.item(row).isEnabled():
            return False
        self.setCurrentIndex(row)
        return True

    def is_choosable(self, org_id: str) -> bool:
        row = self.findData(org_id)
        items = self.model()
        assert isinstance(items, QStandardItemModel)
        return row >= 0 and items.item(row).isEnabled()
