"""A read-only table model over a list of plain rows, the base of the small tables."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

Row = TypeVar("Row")
AnyIndex = QModelIndex | QPersistentModelIndex
NO_INDEX = QModelIndex()  # the invisible root, as a default argument
SORT_ROLE = Qt.ItemDataRole.UserRole + 10
ROW_ROLE = Qt.ItemDataRole.UserRole + 11


class RowTableModel(QAbstractTableModel, Generic[Row]):
    """Subclasses name their columns in :meth:`headers` and fill :meth:`display`."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []
        # The street office's 社区 column, after the model's own (widgets/community.py).
        self._community: Callable[[Row], str] | None = None

    def set_community(self, label: Callable[[Row], str] | None) -> None:
        self.beginResetModel()
        self._community = label
        self.endResetModel()

    def community_column(self) -> int:
        """The 社区 column, or -1 when there is none."""
        return len(self.headers()) if self._community is not None else -1

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Row]:
        return list(self._rows)

    def row_at(self, row: int) -> Row | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # --- to override ------------------------------------------------------------
    def headers(self) -> Sequence[str]:
        raise NotImplementedError

    def display(self, row: Row, column: int) -> str:
        raise NotImplementedError

    def sort_key(self, row: Row, column: int) -> Any:
        return self.display(row, column)

    def muted(self, row: Row) -> bool:
        """Rows shown in the disabled text colour (past terms, for example)."""
        return False

    def tooltip(self, row: Row, column: int) -> str | None:
        return None

    # --- QAbstractTableModel ----------------------------------------------------
    def rowCount(self, parent: AnyIndex = NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = NO_INDEX) -> int:
        if parent.isValid():
            return 0
        return len(self.headers()) + (1 if self._community is not None else 0)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            headers = self.headers()
            if self._community is not None and section == len(headers):
                from gridoffice.ui.widgets.community import community_header

                return community_header()
            return headers[section] if 0 <= section < len(headers) else None
        return section + 1

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if self._community is not None and index.column() == len(self.headers()):
            if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
                return self._community(row)
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, index.column())
        if role == SORT_ROLE:
            return self.sort_key(row, index.column())
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ForegroundRole and self.muted(row):
            return QApplication.palette().brush(QPalette.ColorGroup.Disabled,
                                                QPalette.ColorRole.Text)
        return None
