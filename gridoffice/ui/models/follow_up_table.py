"""The follow-up tracking table (落实跟踪) over the service's ``FollowUpRow`` list.

Rows arrive in the service's order (open before done, then by due date). The
status shown is the derived one: 逾期 when not done and past the due date, in
red. Sorting happens here, on one key per row; ties keep the service order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from gridoffice.domain import meetings as rules
from gridoffice.ui.labels import code_label, date_text
from gridoffice.ui.models.table import AnyIndex, RowTableModel

if TYPE_CHECKING:
    from gridoffice.services.meetings import FollowUpRow

(COL_MEETING, COL_RESOLUTION, COL_TASK, COL_OWNER, COL_DUE, COL_STATUS, COL_DONE,
 COL_FEEDBACK, COL_PUBLISHED) = range(9)
COLUMN_COUNT = 9
FOLLOW_UP_ID_ROLE = Qt.ItemDataRole.UserRole + 30
STATE_ROLE = Qt.ItemDataRole.UserRole + 31
OVERDUE_COLOR = "#c62828"  # the red of the form errors: readable on white and selection
DONE_COLOR = "#2e7d32"
STATE_RANK = {rules.OVERDUE: 0, rules.TODO: 1, rules.DOING: 2, rules.DONE: 3}


def one_line(text: str) -> str:
    """Multi-line text in one table cell (the tooltip shows it whole)."""
    return " ".join(text.split())


class FollowUpTableModel(RowTableModel["FollowUpRow"]):
    """See the module docstring; ``today`` only decides the "days late" tooltip."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._position: dict[str, int] = {}  # the service's order
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self._today = dt.date.today()
        self._headers: tuple[str, ...] | None = None
        self._overdue = QBrush(QColor(OVERDUE_COLOR))
        self._done = QBrush(QColor(DONE_COLOR))
        self._bold: QFont | None = None

    # --- rows -----------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[FollowUpRow], today: dt.date | None = None) -> None:
        self.beginResetModel()
        if today is not None:
            self._today = today
        self._rows = list(rows)
        self._position = {r.id: n for n, r in enumerate(self._rows)}
        if self._sort[0] >= 0:
            self._rows = self._sorted(*self._sort)
        self.endResetModel()

    def row_of(self, follow_up_id: str | None) -> int:
        if not follow_up_id:
            return -1
        return next((i for i, r in enumerate(self._rows) if r.id == follow_up_id), -1)

    @staticmethod
    def is_overdue(row: FollowUpRow) -> bool:
        return row.state == rules.OVERDUE

    # --- columns --------------------------------------------------------------------------
    def headers(self) -> Sequence[str]:
        if self._headers is None:  # asked for on every paint: translate once
            self._headers = (
                self.tr("Meeting"), self.tr("Resolution"), self.tr("Task"), self.tr("Owner"),
                self.tr("Due"), self.tr("Status"), self.tr("Done on"), self.tr("Feedback"),
                self.tr("Published"))
        return self._headers

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def display(self, row: FollowUpRow, column: int) -> str:
        if column == COL_MEETING:
            day = date_text(row.meeting_date)
            return f"{day} {one_line(row.meeting_title)}" if row.meeting_title else day
        if column == COL_RESOLUTION:
            return one_line(row.resolution)
        if column == COL_TASK:
            return one_line(row.task)
        if column == COL_OWNER:
            return row.owner
        if column == COL_DUE:
            return date_text(row.due_date)
        if column == COL_STATUS:
            return code_label(rules.FOLLOW_UP_STATUS, row.state)
        if column == COL_DONE:
            return date_text(row.done_on)
        if column == COL_FEEDBACK:
            return one_line(row.feedback)
        if column == COL_PUBLISHED:
            return self.tr("Yes") if row.published else self.tr("No")
        return ""

    def tooltip(self, row: FollowUpRow, column: int) -> str | None:
        if column == COL_MEETING:
            return self.tr("Meeting {ref}: {title}").format(ref=row.meeting_ref,
                                                           title=row.meeting_title) \
                if row.meeting_title else self.tr("Meeting {ref}").format(ref=row.meeting_ref)
        if column == COL_RESOLUTION:
            return row.resolution
        if column == COL_TASK:
            return row.task
        if column == COL_FEEDBACK:
            return row.feedback or None
        if column in (COL_STATUS, COL_DUE) and self.is_overdue(row) and row.due_date:
            days = (self._today - row.due_date).days
            return self.tr("Due on {date}: %n day(s) late", "", days).format(
                date=date_text(row.due_date))
        if column == COL_PUBLISHED:
            return self.tr("Published to residents (公开)") if row.published else None
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == FOLLOW_UP_ID_ROLE:
            return row.id
        if role == STATE_ROLE:
            return row.state
        if role == Qt.ItemDataRole.ForegroundRole:
            if column in (COL_STATUS, COL_DUE) and self.is_overdue(row):
                return self._overdue
            if column == COL_STATUS and row.state == rules.DONE:
                return self._done
            return None
        if role == Qt.ItemDataRole.FontRole:
            if column == COL_STATUS and self.is_overdue(row):
                if self._bold is None:
                    self._bold = QFont()
                    self._bold.setBold(True)
                return self._bold
            return None
        return super().data(index, role)

    # --- sorting --------------------------------------------------------------------------
    def sort_key(self, row: FollowUpRow, column: int) -> Any:
        return self.key_function(column)(row)

    def key_function(self, column: int) -> Callable[[FollowUpRow], Any]:
        if column == COL_MEETING:
            return lambda r: (r.meeting_date, r.meeting_ref)
        if column == COL_DUE:
            return lambda r: r.due_date or dt.date.max
        if column == COL_DONE:
            return lambda r: r.done_on or dt.date.max
        if column == COL_STATUS:
            return lambda r: STATE_RANK.get(r.state, 9)
        if column == COL_PUBLISHED:
            return lambda r: not r.published
        if column == self.community_column() and self._community is not None:
            return self._community
        return lambda r: self.display(r, column)

    def _sorted(self, column: int, order: Qt.SortOrder) -> list[FollowUpRow]:
        rows = sorted(self._rows, key=lambda r: self._position.get(r.id, 0))
        if column < 0:
            return rows
        return sorted(rows, key=self.key_function(column),
                      reverse=order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column``; -1 puts the service's order back."""
        if column >= self.columnCount():
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

    def sort_state(self) -> tuple[int, Qt.SortOrder]:
        return self._sort
