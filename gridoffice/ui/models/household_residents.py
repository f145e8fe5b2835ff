"""The resident table of the grid households tab, over the service's ``ResidentRow`` list.

Rows arrive masked and in address order. Labels are computed when a cell is
painted (the view asks only for what it shows), sorting happens here on one key
per row, and households not visited for the chosen number of days are
highlighted — no per-cell widgets, so 100,000 rows stay fluent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from gridoffice.domain.codes import (
    CARE_TAGS,
    POPULATION_TYPES,
    RELATION_TO_HEAD,
    RESIDENCE_STATUS,
    SEX,
)
from gridoffice.domain.identity import age_on
from gridoffice.ui.labels import code_label, date_text
from gridoffice.ui.models.table import ROW_ROLE, SORT_ROLE

if TYPE_CHECKING:
    from gridoffice.services.households import ResidentRow

AnyIndex = QModelIndex | QPersistentModelIndex
NO_INDEX = QModelIndex()
STALE_ROLE = Qt.ItemDataRole.UserRole + 21
(COL_NAME, COL_SEX, COL_BIRTH, COL_AGE, COL_ID, COL_PHONE, COL_RELATION, COL_POPULATION,
 COL_RESIDENCE, COL_ADDRESS, COL_TAGS, COL_VISIT) = range(12)
COLUMN_COUNT = 12
DEFAULT_STALE_DAYS = 180  # highlighted when the household was not visited for this long
STALE_COLOR = "#fff3cd"  # pale amber behind the "last visit" cell
STALE_TEXT = "#b45309"


class ResidentTableModel(QAbstractTableModel):
    """See the module docstring."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ResidentRow] = []
        self._position: dict[str, int] = {}  # the service's (address) order
        self._today = dt.date.today()
        self.stale_days = DEFAULT_STALE_DAYS
        self._sort: tuple[int, Qt.SortOrder] = (COL_ADDRESS, Qt.SortOrder.AscendingOrder)
        self._labels: dict[tuple[int, str], str] = {}  # code labels, computed once
        self._headers: tuple[str, ...] | None = None
        # The street office's 社区 column, after the others (widgets/community.py).
        self._community: Callable[[ResidentRow], str] | None = None

    def set_community(self, label: Callable[[ResidentRow], str] | None) -> None:
        self.beginResetModel()
        self._community = label
        self.endResetModel()

    def community_column(self) -> int:
        """The 社区 column, or -1 when there is none."""
        return COLUMN_COUNT if self._community is not None else -1

    # --- rows -----------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[ResidentRow], *, today: dt.date,
                 stale_days: int | None = None) -> None:
        self.beginResetModel()
        self._today = today
        if stale_days is not None:
            self.stale_days = stale_days
        self._rows = list(rows)
        self._position = {r.id: n for n, r in enumerate(self._rows)}
        if self._sort != (COL_ADDRESS, Qt.SortOrder.AscendingOrder):
            self._rows = self._sorted(*self._sort)
        self.endResetModel()

    def rows(self) -> list[ResidentRow]:
        return list(self._rows)

    def row_at(self, row: int) -> ResidentRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, resident_id: str | None) -> int:
        if not resident_id:
            return -1
        return next((i for i, r in enumerate(self._rows) if r.id == resident_id), -1)

    def is_stale(self, row: ResidentRow) -> bool:
        """The household was not visited for ``stale_days`` (or never)."""
        if row.last_visit is None:
            return True
        return (self._today - row.last_visit).days >= self.stale_days

    # --- QAbstractTableModel ----------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = NO_INDEX) -> int:
        if parent.isValid():
            return 0
        return COLUMN_COUNT + (1 if self._community is not None else 0)

    def headers(self) -> tuple[str, ...]:
        if self._headers is None:
            self._headers = (
                self.tr("Full name"), self.tr("Sex"), self.tr("Born"), self.tr("Age"),
                self.tr("ID number"), self.tr("Mobile"), self.tr("Relation to head"),
                self.tr("Population type"), self.tr("Residence"), self.tr("Address"),
                self.tr("Care tags"), self.tr("Last visit"))
        return self._headers

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if section == self.community_column():
                from gridoffice.ui.widgets.community import community_header

                return community_header()
            return self.headers()[section] if 0 <= section < COLUMN_COUNT else None
        return section + 1

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column)
        if role == SORT_ROLE:
            return self.sort_key(column)(row)
        if role == ROW_ROLE:
            return row
        if role == STALE_ROLE:
            return self.is_stale(row)
        if column == COL_VISIT and self.is_stale(row):
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor(STALE_COLOR))
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(STALE_TEXT))
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("Not visited for {days} days or more").format(
                    days=self.stale_days)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_TAGS:
            return self.display(row, column) or None
        return None

    def _label(self, column: int, table: Any, code: str | None) -> str:
        key = (column, code or "")
        text = self._labels.get(key)
        if text is None:
            text = self._labels[key] = code_label(table, code)
        return text

    def display(self, row: ResidentRow, column: int) -> str:
        if column == COL_NAME:
            return row.name
        if column == COL_SEX:
            return self._label(column, SEX, row.sex)
        if column == COL_BIRTH:
            return row.birth_date.strftime("%Y-%m") if row.birth_date else ""
        if column == COL_AGE:
            return str(age_on(row.birth_date, self._today)) if row.birth_date else ""
        if column == COL_ID:
            return row.id_number or ""
        if column == COL_PHONE:
            return row.mobile or ""
        if column == COL_RELATION:
            return self._label(column, RELATION_TO_HEAD, row.relation)
        if column == COL_POPULATION:
            return self._label(column, POPULATION_TYPES, row.population_type)
        if column == COL_RESIDENCE:
            return self._label(column, RESIDENCE_STATUS, row.residence_status)
        if column == COL_ADDRESS:
            return row.address
        if column == COL_TAGS:
            return "、".join(self._label(column, CARE_TAGS, t) for t in row.tags)
        if column == COL_VISIT:
            return date_text(row.last_visit, self.tr("never"))
        if column == COLUMN_COUNT and self._community is not None:
            return self._community(row)
        return ""

    # --- sorting --------------------------------------------------------------------------
    def sort_key(self, column: int) -> Callable[[ResidentRow], Any]:
        if column in (COL_BIRTH, COL_AGE):
            far = dt.date.max if column == COL_BIRTH else dt.date.min
            if column == COL_AGE:
                return lambda r: -(r.birth_date or far).toordinal()
            return lambda r: r.birth_date or far
        if column == COL_VISIT:
            return lambda r: r.last_visit or dt.date.min
        if column == COL_TAGS:
            return lambda r: (-len(r.tags), r.tags)
        if column == COL_ADDRESS:
            position = self._position
            return lambda r: position.get(r.id, 0)
        return lambda r: self.display(r, column)

    def _sorted(self, column: int, order: Qt.SortOrder) -> list[ResidentRow]:
        reverse = order == Qt.SortOrder.DescendingOrder
        return sorted(self._rows, key=self.sort_key(column), reverse=reverse)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < self.columnCount():
            return
        self._sort = (column, order)
        if not self._rows:
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        ids = [self._rows[i.row()].id if 0 <= i.row() < len(self._rows) else None
               for i in old]
        self._rows = self._sorted(column, order)
        positions = {r.id: n for n, r in enumerate(self._rows)}
        self.changePersistentIndexList(
            old, [self.index(positions[i], o.column()) if i else QModelIndex()
                  for i, o in zip(ids, old, strict=True)])
        self.layoutChanged.emit()
