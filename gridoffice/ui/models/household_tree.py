"""The grid navigation tree: grid → building → unit → house (with its household).

A real item model over the service's plain rows. Grids and their buildings are
read on reset (a few dozen rows); the units and houses of a building are read
when the building is expanded (``canFetchMore``/``fetchMore``). Every level
shows households, residents and care tags.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

from gridoffice.domain.households import format_address

if TYPE_CHECKING:
    from gridoffice.services.households import (
        BuildingRow,
        GridRow,
        HouseRow,
        ResidentRow,
    )

AnyIndex = QModelIndex | QPersistentModelIndex
NO_INDEX = QModelIndex()
NODE_ROLE = Qt.ItemDataRole.UserRole + 20
COL_NAME, COL_HOUSEHOLDS, COL_RESIDENTS, COL_CARE = range(4)
COLUMN_COUNT = 4
KIND_GRID, KIND_BUILDING, KIND_UNIT, KIND_HOUSE = "grid", "building", "unit", "house"


@dataclass(eq=False)
class TreeNode:
    """One row of the tree; ``ref`` is the service row behind it."""

    kind: str
    id: str
    label: str
    households: int = 0
    residents: int = 0
    care: int = 0
    parent: TreeNode | None = None
    children: list[TreeNode] = field(default_factory=list)
    fetched: bool = True
    ref: Any = None

    def row(self) -> int:
        return self.parent.children.index(self) if self.parent else 0


@dataclass(frozen=True)
class TreeSource:
    """What the model reads: the service's grids, buildings, houses and residents."""

    grids: Callable[[], Sequence[GridRow]]
    buildings: Callable[[str], Sequence[BuildingRow]]
    houses: Callable[[str], Sequence[HouseRow]]
    residents_of_building: Callable[[str], Sequence[ResidentRow]]


class HouseholdTreeModel(QAbstractItemModel):
    """See the module docstring."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.source: TreeSource | None = None
        self._root = TreeNode("root", "", "")
        # The street office showing every community: each grid's community before its
        # name ("幸福里社区 / 第一网格 (01)"); None: the grid's name alone.
        self.community_label: Callable[[GridRow], str] | None = None

    # --- loading --------------------------------------------------------------------------
    def set_source(self, source: TreeSource | None) -> None:
        self.source = source
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._root = TreeNode("root", "", "")
        if self.source is not None:
            for grid in self.source.grids():
                # A grid's buildings are read when it is expanded: 100,000 residents
                # make every building's counts cost, and a worker opens one grid.
                node = TreeNode(KIND_GRID, grid.id, self.grid_label(grid),
                                grid.households, grid.residents, grid.care_tags,
                                parent=self._root, fetched=False, ref=grid)
                self._root.children.append(node)
        self.endResetModel()

    def grid_label(self, grid: GridRow, *, code: bool = True) -> str:
        """A grid's name in the tree (``code``: with its code), its community first
        when the street shows every community's grids."""
        label = f"{grid.name} ({grid.code})" if code else grid.name
        community = self.community_label(grid) if self.community_label else ""
        return f"{community} / {label}" if community else label

    def grids(self) -> list[Any]:
        """The grids as last read (their GridRow), in tree order."""
        return [node.ref for node in self._root.children]

    def _fill_grid(self, node: TreeNode) -> list[TreeNode]:
        assert self.source is not None
        children = []
        for building in self.source.buildings(node.id):
            label = format_address(building.estate or None, building.number, None, None)
            children.append(TreeNode(KIND_BUILDING, building.id, label, building.households,
                                     building.residents, building.care_tags, parent=node,
                                     fetched=False, ref=building))
        return children

    def _fill_building(self, node: TreeNode) -> list[TreeNode]:
        assert self.source is not None
        care: dict[str, int] = {}
        for resident in self.source.residents_of_building(node.id):
            stored = [t for t in resident.tags if t != "very_old"]
            care[resident.household_id] = care.get(resident.household_id, 0) + len(stored)
        units: dict[str, TreeNode] = {}
        for house in self.source.houses(node.id):
            unit = units.get(house.unit)
            if unit is None:
                unit = TreeNode(KIND_UNIT, f"{node.id}/{house.unit}", house.unit,
                                parent=node, ref=house.unit)
                units[house.unit] = unit
            label = house.room or "—"
            if house.head_name:
                label = f"{label}  {house.head_name}"
            cares = care.get(house.household_id or "", 0)
            has = 1 if house.household_id else 0
            unit.children.append(TreeNode(KIND_HOUSE, house.id, label, has, house.residents,
                                          cares, parent=unit, ref=house))
            unit.households += has
            unit.residents += house.residents
            unit.care += cares
        return list(units.values())

    # --- lookup ---------------------------------------------------------------------------
    def node(self, index: AnyIndex) -> TreeNode | None:
        if not index.isValid():
            return None
        node = index.internalPointer()
        return node if isinstance(node, TreeNode) else None

    def index_of(self, kind: str, node_id: str) -> QModelIndex:
        """The index of a node; a building's grid is read first if it was not yet."""
        found = self._find(kind, node_id)
        if found.isValid() or kind == KIND_GRID:
            return found
        for row, grid in enumerate(self._root.children):
            if not grid.fetched:
                self.fetchMore(self.createIndex(row, 0, grid))
        return self._find(kind, node_id)

    def _find(self, kind: str, node_id: str) -> QModelIndex:
        stack = list(self._root.children)
        while stack:
            node = stack.pop(0)
            if node.kind == kind and node.id == node_id:
                return self.createIndex(node.row(), 0, node)
            stack.extend(node.children)
        return QModelIndex()

    def ensure_fetched(self, index: AnyIndex) -> None:
        if self.canFetchMore(index):
            self.fetchMore(index)

    # --- QAbstractItemModel -----------------------------------------------------------------
    def _node_or_root(self, index: AnyIndex) -> TreeNode:
        return self.node(index) or self._root

    def index(self, row: int, column: int, parent: AnyIndex = NO_INDEX) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        node = self._node_or_root(parent)
        return self.createIndex(row, column, node.children[row])

    def parent(self, index: AnyIndex = NO_INDEX) -> QModelIndex:  # type: ignore[override]
        node = self.node(index)
        if node is None or node.parent is None or node.parent is self._root:
            return QModelIndex()
        return self.createIndex(node.parent.row(), 0, node.parent)

    def rowCount(self, parent: AnyIndex = NO_INDEX) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node_or_root(parent).children)

    def columnCount(self, parent: AnyIndex = NO_INDEX) -> int:
        return COLUMN_COUNT

    def hasChildren(self, parent: AnyIndex = NO_INDEX) -> bool:
        if parent.isValid() and parent.column() != 0:
            return False
        node = self._node_or_root(parent)
        return not node.fetched or bool(node.children)

    def canFetchMore(self, parent: AnyIndex) -> bool:
        node = self.node(parent)
        return node is not None and not node.fetched and self.source is not None

    def fetchMore(self, parent: AnyIndex) -> None:
        node = self.node(parent)
        if node is None or node.fetched:
            return
        node.fetched = True
        children = self._fill_grid(node) if node.kind == KIND_GRID else self._fill_building(node)
        if children:
            self.beginInsertRows(parent, 0, len(children) - 1)
            node.children = children
            self.endInsertRows()

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = (self.tr("Grid / building / house"), self.tr("Households"),
                   self.tr("Residents"), self.tr("Care tags"))
        return headers[section] if 0 <= section < COLUMN_COUNT else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_NAME:
                if node.kind == KIND_UNIT:
                    return self.tr("Unit {unit}").format(unit=node.label) if node.label \
                        else self.tr("(no unit)")
                return node.label
            return str((node.households, node.residents, node.care)[column - 1])
        if role == Qt.ItemDataRole.TextAlignmentRole and column != COL_NAME:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and node.kind == KIND_HOUSE and not \
                node.households:
            return self.tr("No household lives here")
        if role == NODE_ROLE:
            return node
        return None
