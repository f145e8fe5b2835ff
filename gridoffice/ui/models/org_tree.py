"""The party organisation tree as a Qt item model (columns: name, type, secretary).

The model holds the plain ``OrgNode`` list the service returns, in tree order.
Retired organisations are hidden unless ``show_retired`` is set; then they are
grey and italic. Drag and drop never changes the model itself: a valid drop
emits :attr:`OrgTreeModel.move_requested` and the tab asks the service.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from gridoffice.domain import orgs as rules
from gridoffice.domain.codes import ORG_TYPES
from gridoffice.ui.labels import code_label, date_text

if TYPE_CHECKING:
    from gridoffice.services.orgs import OrgNode

ORG_ID_ROLE = Qt.ItemDataRole.UserRole + 1
NODE_ROLE = Qt.ItemDataRole.UserRole + 2
ORG_MIME_TYPE = "application/x-gridoffice-org-id"
COL_NAME, COL_TYPE, COL_SECRETARY = range(3)
AnyIndex = QModelIndex | QPersistentModelIndex
NO_INDEX = QModelIndex()  # the invisible root, as a default argument


@dataclass(eq=False)
class _Item:
    node: OrgNode
    key: int
    row: int
    parent: _Item | None
    children: list[_Item] = field(default_factory=list)


def can_move(nodes: dict[str, OrgNode], org_id: str, parent_id: str | None) -> bool:
    """Whether the rules allow ``org_id`` under ``parent_id`` (None: top level).

    The service checks again (and also names): this only decides which
    targets a view offers.
    """
    org = nodes.get(org_id)
    if org is None or org.retired:
        return False
    if parent_id is None:
        return rules.may_contain(None, org.org_type)
    target = nodes.get(parent_id)
    if target is None or target.retired:
        return False
    ancestor: str | None = parent_id
    seen: set[str] = set()
    while ancestor is not None and ancestor not in seen:
        if ancestor == org_id:
            return False
        seen.add(ancestor)
        ancestor = nodes[ancestor].parent_id if ancestor in nodes else None
    return rules.may_contain(target.org_type, org.org_type)


class OrgTreeModel(QAbstractItemModel):
    """A tree of ``OrgNode`` (from ``OrgService.list_orgs``)."""

    #: org id, new parent id ("" for top level), position among siblings (-1: last)
    move_requested = Signal(str, str, int)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._nodes: list[OrgNode] = []
        self._by_id: dict[str, OrgNode] = {}
        self._roots: list[_Item] = []
        self._items: dict[int, _Item] = {}
        self._item_of: dict[str, _Item] = {}
        self._show_retired = False
        self._enabled: Callable[[OrgNode], bool] | None = None
        self._drag_enabled = True

    # --- content --------------------------------------------------------------
    def set_nodes(self, nodes: Sequence[OrgNode]) -> None:
        self.beginResetModel()
        self._nodes = list(nodes)
        self._by_id = {n.id: n for n in self._nodes}
        self._rebuild()
        self.endResetModel()

    def set_show_retired(self, show: bool) -> None:
        if show == self._show_retired:
            return
        self.beginResetModel()
        self._show_retired = show
        self._rebuild()
        self.endResetModel()

    def show_retired(self) -> bool:
        return self._show_retired

    def set_enabled_filter(self, enabled: Callable[[OrgNode], bool] | None) -> None:
        """Only organisations for which ``enabled`` is true can be selected."""
        self.beginResetModel()
        self._enabled = enabled
        self.endResetModel()

    def set_drag_enabled(self, enabled: bool) -> None:
        self._drag_enabled = enabled

    def nodes(self) -> dict[str, OrgNode]:
        """Every organisation, shown or not, by id."""
        return self._by_id

    def node(self, org_id: str | None) -> OrgNode | None:
        return self._by_id.get(org_id) if org_id else None

    def siblings(self, parent_id: str | None) -> list[OrgNode]:
        """All children of ``parent_id`` (retired ones too) in the service's order."""
        return [n for n in self._nodes if n.parent_id == parent_id]

    def _rebuild(self) -> None:
        self._roots, self._items, self._item_of = [], {}, {}
        for node in self._nodes:  # tree order: parents come before children
            if node.retired and not self._show_retired:
                continue
            parent = self._item_of.get(node.parent_id) if node.parent_id else None
            if node.parent_id and parent is None and node.parent_id in self._by_id:
                continue  # under a hidden (retired) parent
            siblings = parent.children if parent else self._roots
            item = _Item(node, len(self._items) + 1, len(siblings), parent)
            siblings.append(item)
            self._items[item.key] = item
            self._item_of[node.id] = item

    def index_of(self, org_id: str | None, column: int = 0) -> QModelIndex:
        item = self._item_of.get(org_id or "")
        if item is None:
            return QModelIndex()
        return self.createIndex(item.row, column, id=item.key)

    def _item(self, index: AnyIndex) -> _Item | None:
        if not index.isValid():
            return None
        return self._items.get(index.internalId())

    # --- QAbstractItemModel -------------------------------------------------------
    def index(self, row: int, column: int, parent: AnyIndex = NO_INDEX) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        item = self._item(parent)
        children = item.children if item else self._roots
        return self.createIndex(row, column, id=children[row].key)

    def parent(self, index: AnyIndex = NO_INDEX) -> QModelIndex:  # type: ignore[override]
        item = self._item(index)
        if item is None or item.parent is None:
            return QModelIndex()
        return self.createIndex(item.parent.row, 0, id=item.parent.key)

    def rowCount(self, parent: AnyIndex = NO_INDEX) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        item = self._item(parent)
        return len(item.children if item else self._roots)

    def columnCount(self, parent: AnyIndex = NO_INDEX) -> int:
        return 3

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Organisation"), self.tr("Type"), self.tr("Secretary"))[section] \
            if 0 <= section < 3 else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self._item(index)
        if item is None:
            return None
        node = item.node
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(node, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node)
        if role == ORG_ID_ROLE:
            return node.id
        if role == NODE_ROLE:
            return node
        if role == Qt.ItemDataRole.FontRole and node.retired:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and (node.retired or not self._is_enabled(node)):
            return QApplication.palette().brush(QPalette.ColorGroup.Disabled,
                                                QPalette.ColorRole.Text)
        return None

    def _display(self, node: OrgNode, column: int) -> str:
        if column == COL_NAME:
            if node.retired:
                return self.tr("{name} (retired on {date})").format(
                    name=node.name, date=date_text(node.retired_on))
            return node.name
        if column == COL_TYPE:
            return code_label(ORG_TYPES, node.org_type)
        if column == COL_SECRETARY:
            return node.secretary or ""
        return ""

    def _tooltip(self, node: OrgNode) -> str:
        lines = [self.tr("Full name: {name}").format(name=node.name)]
        if node.short_name:
            lines.append(self.tr("Short name: {name}").format(name=node.short_name))
        if node.term_end:
            lines.append(self.tr("Term ends: {date}").format(date=date_text(node.term_end)))
        if node.retired:
            lines.append(self.tr("Retired on {date}").format(date=date_text(node.retired_on)))
        return "\n".join(lines)

    def _is_enabled(self, node: OrgNode) -> bool:
        return self._enabled is None or self._enabled(node)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        item = self._item(index)
        if item is None:
            return Qt.ItemFlag.ItemIsDropEnabled if self._drag_enabled else Qt.ItemFlag.NoItemFlags
        if not self._is_enabled(item.node):
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._drag_enabled and not item.node.retired:
            flags |= Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        return flags

    # --- drag and drop ------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [ORG_MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        ids = [self.data(i, ORG_ID_ROLE) for i in indexes if i.isValid() and i.column() == 0]
        if ids:
            data.setData(ORG_MIME_TYPE, QByteArray(ids[0].encode("utf-8")))
        return data

    def _drop_target(self, data: QMimeData, row: int,
                     parent: AnyIndex) -> tuple[str, str | None, int] | None:
        """``(org id, new parent id, service position)`` of a valid drop, else None."""
        if not data.hasFormat(ORG_MIME_TYPE):
            return None
        org_id = bytes(data.data(ORG_MIME_TYPE).data()).decode("utf-8")
        target = self._item(parent)
        parent_id = target.node.id if target else None
        if not can_move(self._by_id, org_id, parent_id):
            return None
        position = -1
        shown = target.children if target else self._roots
        # Dropped before the shown row ``row``. Shown rows skip hidden (retired)
        # siblings; the service's position counts all of them, without the moved one.
        others = [n.id for n in self.siblings(parent_id) if n.id != org_id]
        following = [item.node.id for item in shown[max(row, 0):] if item.node.id in others]
        if row >= 0 and following:
            position = others.index(following[0])
        return org_id, parent_id, position

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: AnyIndex) -> bool:
        if action != Qt.DropAction.MoveAction:
            return False
        return self._drop_target(data, row, parent) is not None

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: AnyIndex) -> bool:
        if action != Qt.DropAction.MoveAction:
            return False
        target = self._drop_target(data, row, parent)
        if target is None:
            return False
        org_id, parent_id, position = target

        def request() -> None:
            self.move_requested.emit(org_id, parent_id or "", position)

        QTimer.singleShot(0, self, request)  # after the drop: moving reloads (resets) the model
        return False  # the view must not remove the dragged row itself
