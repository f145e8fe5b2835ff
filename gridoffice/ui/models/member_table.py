"""The party-member roster as a table model over the service's ``MemberRow`` list.

Rows arrive masked (ID numbers, phones) and in the service's name order
(pinyin). Sorting happens here, in Python, on the loaded rows: one key per
row and column, the service order breaking ties, so 20,000 rows sort in a few
milliseconds and the view paints only what it shows (no per-cell widgets).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication

from gridoffice.domain.codes import (
    EDUCATION,
    MEMBER_CATEGORY,
    MEMBER_STATUS,
    RELATION_STATUS,
    SEX,
    CodeTable,
)
from gridoffice.domain.identity import age_on
from gridoffice.ui.labels import code_label, date_text
from gridoffice.ui.models.table import ROW_ROLE, SORT_ROLE

if TYPE_CHECKING:
    from gridoffice.services.roster import MemberRow

AnyIndex = QModelIndex | QPersistentModelIndex
NO_INDEX = QModelIndex()
MEMBER_ID_ROLE = Qt.ItemDataRole.UserRole + 12
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 13

(COL_NAME, COL_SEX, COL_BIRTH, COL_AGE, COL_ID, COL_EDUCATION, COL_JOIN, COL_FULL,
 COL_STATUS, COL_CATEGORY, COL_ORG, COL_PHONE, COL_RELATION) = range(13)
COLUMN_COUNT = 13
ACTIVE_RELATIONS = ("normal", "transferring_out")
WARNING_COLOR = "#b45309"  # dark amber: readable on white and on the selection colour


def warning_icon() -> QIcon:
    """A small amber disc with an exclamation mark, drawn in code (no icon files)."""
    pixmap = QPixmap(14, 14)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(WARNING_COLOR))
    painter.drawEllipse(1, 1, 12, 12)
    painter.fillRect(QRect(6, 3, 2, 6), QColor("white"))
    painter.fillRect(QRect(6, 10, 2, 2), QColor("white"))
    painter.end()
    return QIcon(pixmap)


def _code_rank(table: CodeTable) -> dict[str, int]:
    return {code.code: i for i, code in enumerate(table)}


class MemberTableModel(QAbstractTableModel):
    """Read-only rows of ``RosterService.list_members``; see the module docstring."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._source: list[MemberRow] = []  # in the service's order
        self._rows: list[MemberRow] = []  # in the order shown
        self._row_of: dict[str, int] | None = None
        self._today = dt.date.today()
        self._age_day = self._today
        self._sort_column = COL_NAME
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._labels: dict[tuple[int, str], str] = {}
        self._icon: QIcon | None = None
        self._muted: QBrush | None = None
        self._warning = QBrush(QColor(WARNING_COLOR))
        self._org_labels: dict[str, str] = {}
        self._headers: tuple[str, ...] | None = None
        # The street office's 社区 column, after the others (widgets/community.py).
        self._community: Callable[[MemberRow], str] | None = None

    def set_community(self, label: Callable[[MemberRow], str] | None) -> None:
        self.beginResetModel()
        self._community = label
        self.endResetModel()

    def community_column(self) -> int:
        """The 社区 column, or -1 when there is none."""
        return COLUMN_COUNT if self._community is not None else -1

    def in_service_order(self) -> bool:
        """Whether the rows are shown in the service's order (by name, ascending): then
        the first rows of a query are the first rows shown."""
        return (self._sort_column == COL_NAME
                and self._sort_order == Qt.SortOrder.AscendingOrder)

    # --- content ----------------------------------------------------------------------
    def set_rows(self, rows: Sequence[MemberRow], *, today: dt.date,
                 as_of: dt.date | None = None) -> None:
        """Show ``rows`` (in the service's order), sorted as the user last asked.

        ``today`` decides who is overdue; ages are counted on ``as_of`` (the day
        the roster is shown for) or today.
        """
        self.beginResetModel()
        self._source = list(rows)
        self._rows = self._source
        self._today = today
        self._age_day = as_of or today
        self._row_of = None
        self._labels.clear()
        self._muted = None
        if not (self._sort_column == COL_NAME
                and self._sort_order == Qt.SortOrder.AscendingOrder):
            self._rows = self._sorted(self._sort_column, self._sort_order)
        self.endResetModel()

    def set_org_labels(self, labels: dict[str, str]) -> None:
        """Short names of organisations (幸福里第一网格党支部 → 第一网格党支部) for the
        organisation column; the full name is its tooltip."""
        self._org_labels = dict(labels)
        if self._rows:
            self.dataChanged.emit(self.index(0, COL_ORG),
                                  self.index(len(self._rows) - 1, COL_ORG))

    def org_label(self, row: MemberRow) -> str:
        if row.org_name is None:
            return self.tr("In service: {unit}").format(unit=row.work_unit) \
                if row.work_unit else ""
        return self._org_labels.get(row.org_id or "", row.org_name)

    def rows(self) -> list[MemberRow]:
        """The rows in the order shown."""
        return list(self._rows)

    def row_at(self, row: int) -> MemberRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, member_id: str | None) -> int:
        """The row showing ``member_id``, or -1."""
        if member_id is None:
            return -1
        if self._row_of is None:
            self._row_of = {r.id: i for i, r in enumerate(self._rows)}
        return self._row_of.get(member_id, -1)

    def today(self) -> dt.date:
        return self._today

    def is_overdue(self, row: MemberRow) -> bool:
        """预备期已满待转正: probation ended before today, still probationary."""
        return (row.status == "probationary" and row.due_date is not None
                and row.due_date < self._today)

    # --- QAbstractTableModel ------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = NO_INDEX) -> int:
        if parent.isValid():
            return 0
        return COLUMN_COUNT + (1 if self._community is not None else 0)

    def headers(self) -> tuple[str, ...]:
        if self._headers is None:  # asked for on every paint: translate once
            self._headers = self._translated_headers()
        return self._headers

    def _translated_headers(self) -> tuple[str, ...]:
        return (self.tr("Name"), self.tr("Sex"), self.tr("Born"), self.tr("Age"),
                self.tr("ID number"), self.tr("Education"), self.tr("Joined"),
                self.tr("Full member since"), self.tr("Full/probationary"),
                self.tr("Category"), self.tr("Party organisation"), self.tr("Phone"),
                self.tr("Status"))

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < COLUMN_COUNT:
                return self.headers()[section]
            if role == Qt.ItemDataRole.DisplayRole and section == self.community_column():
                from gridoffice.ui.widgets.community import community_header

                return community_header()
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = index.row()
        if not 0 <= r < len(self._rows):
            return None
        row = self._rows[r]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COL_STATUS and self.is_overdue(row):
                return self._warning
            if row.relation_status not in ACTIVE_RELATIONS or (
                    column == COL_ORG and row.org_name is None):
                return self._muted_brush()
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            if column == COL_STATUS and self.is_overdue(row):
                if self._icon is None:
                    self._icon = warning_icon()
                return self._icon
            return None
        if role == Qt.ItemDataRole.FontRole:
            if column == COL_ORG and row.org_name is None:
                font = QFont()
                font.setItalic(True)
                return font
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, column)
        if role == MEMBER_ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        if role == OVERDUE_ROLE:
            return self.is_overdue(row)
        if role == SORT_ROLE:
            return self.sort_key(column)(row)
        return None

    def _muted_brush(self) -> QBrush:
        if self._muted is None:
            self._muted = QApplication.palette().brush(QPalette.ColorGroup.Disabled,
                                                       QPalette.ColorRole.Text)
        return self._muted

    def _label(self, column: int, table: CodeTable, code: str | None) -> str:
        if not code:
            return ""
        key = (column, code)
        text = self._labels.get(key)
        if text is None:
            text = self._labels[key] = code_label(table, code)
        return text

    def display(self, row: MemberRow, column: int) -> str:
        if column == COL_NAME:
            return row.name
        if column == COL_SEX:
            return self._label(column, SEX, row.sex)
        if column == COL_BIRTH:
            return f"{row.birth_date.year:04d}-{row.birth_date.month:02d}" \
                if row.birth_date else ""
        if column == COL_AGE:
            return str(age_on(row.birth_date, self._age_day)) if row.birth_date else ""
        if column == COL_ID:
            return row.id_number or ""
        if column == COL_EDUCATION:
            return self._label(column, EDUCATION, row.education)
        if column == COL_JOIN:
            return date_text(row.join_date)
        if column == COL_FULL:
            return date_text(row.full_date)
        if column == COL_STATUS:
            if self.is_overdue(row):
                return self.tr("Probation over, not confirmed")
            return self._label(column, MEMBER_STATUS, row.status)
        if column == COL_CATEGORY:
            return self._label(column, MEMBER_CATEGORY, row.category)
        if column == COL_ORG:
            return self.org_label(row)
        if column == COL_PHONE:
            return row.mobile or ""
        if column == COL_RELATION:
            return self._label(column, RELATION_STATUS, row.relation_status)
        if column == COLUMN_COUNT and self._community is not None:
            return self._community(row)
        return ""

    def tooltip(self, row: MemberRow, column: int) -> str | None:
        if column == COL_STATUS and row.status == "probationary" and row.due_date:
            if self.is_overdue(row):
                return self.tr("Probation ended on {date}; not yet confirmed as a full "
                               "member.").format(date=date_text(row.due_date))
            return self.tr("Full membership due on {date}").format(
                date=date_text(row.due_date))
        if column == COL_ORG:
            if row.org_name is None:
                return self.tr("In-service member: the membership stays with the work unit's "
                               "party organisation.")
            return row.org_name
        if column == COL_ID:
            return self.tr("Masked. Open the member and choose Show full ID number to see "
                           "it (recorded in the audit log).")
        return None

    # --- sorting ------------------------------------------------------------------------
    def sort_key(self, column: int) -> Callable[[MemberRow], Any]:
        """The key function of ``column``: cheap values (codes, ordinals), since it runs
        for every loaded row; ties keep the service order (see :meth:`_sorted`)."""
        missing = 10**7  # after every real date's ordinal
        if column == COL_SEX:
            return lambda r: r.sex or "9"
        if column == COL_ID:
            return lambda r: r.id_number or ""
        if column == COL_PHONE:
            return lambda r: r.mobile or ""
        if column == COL_BIRTH:
            return lambda r: r.birth_date.toordinal() if r.birth_date else missing
        if column == COL_AGE:  # youngest first
            return lambda r: -r.birth_date.toordinal() if r.birth_date else missing
        if column == COL_EDUCATION:
            rank = _code_rank(EDUCATION)
            return lambda r: rank.get(r.education or "", 99)
        if column == COL_JOIN:
            return lambda r: r.join_date.toordinal() if r.join_date else missing
        if column == COL_FULL:
            return lambda r: r.full_date.toordinal() if r.full_date else missing
        if column == COL_STATUS:
            today = self._today
            return lambda r: 0 if r.status == "full" else (
                1 if r.due_date is not None and r.due_date < today else 2)
        if column == COL_CATEGORY:
            rank = _code_rank(MEMBER_CATEGORY)
            return lambda r: rank.get(r.category, 99)
        if column == COL_ORG:
            labels = self._org_labels
            return lambda r: labels.get(r.org_id, r.org_name) if r.org_id else \
                "\uffff" + (r.work_unit or "")
        if column == COL_RELATION:
            rank = _code_rank(RELATION_STATUS)
            return lambda r: rank.get(r.relation_status, 99)
        if column == COLUMN_COUNT and self._community is not None:
            return self._community
        return lambda r: r.name  # COL_NAME: _sorted keeps the service (pinyin) order

    def _sorted(self, column: int, order: Qt.SortOrder) -> list[MemberRow]:
        """The service's rows sorted by ``column``. ``sorted`` is stable, also with
        ``reverse``, so rows with equal keys keep the service (pinyin) order."""
        descending = order == Qt.SortOrder.DescendingOrder
        if column == COL_NAME:
            return self._source[::-1] if descending else list(self._source)
        return sorted(self._source, key=self.sort_key(column), reverse=descending)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < self.columnCount():
            return
        self._sort_column, self._sort_order = column, order
        if not self._rows:
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self._rows[i.row()].id if 0 <= i.row() < len(self._rows) else None
               for i in persistent]
        self._rows = self._sorted(column, order)
        self._row_of = None
        new = [self.index(self.row_of(member_id), index.column()) if member_id else
               QModelIndex() for member_id, index in zip(ids, persistent, strict=True)]
        self.changePersistentIndexList(persistent, new)
        self.layoutChanged.emit()

    def sort_state(self) -> tuple[int, Qt.SortOrder]:
        return self._sort_column, self._sort_order
