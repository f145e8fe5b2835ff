"""Reminders of the roster: members due for full membership (转正) in the next
30/60/90 days or overdue, and the branch-size advice of the party rules.

Clicking a member asks the tab to select them; clicking an organisation's
warning asks it to select the organisation.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from gridoffice.ui.models.member_history import DUE_ORG, DueListModel
from gridoffice.ui.models.table import RowTableModel
from gridoffice.ui.widgets.tables import small_table

if TYPE_CHECKING:
    from gridoffice.services.roster import DueItem

SOON_ONLY = 0  # the range "due within 30 days, not overdue" (the workbench's bucket "30")
# range → the days left shown, from (None: overdue too) and to
RANGES = {-1: (None, -1), 30: (None, 30), 60: (None, 60), 90: (None, 90), SOON_ONLY: (0, 30)}
WARN_ORG, WARN_TEXT = range(2)


def warning_text(warning: Any) -> str:
    """A rule warning (English template in context "warnings" + values), translated."""
    template = QCoreApplication.translate("warnings", warning.message)
    try:
        return template.format(**warning.values)
    except (KeyError, IndexError, ValueError):
        return str(warning.message).format(**warning.values)


class OrgWarningModel(RowTableModel[tuple[str, str, str]]):
    """Rows (org id, org name, translated warning)."""

    def headers(self) -> Sequence[str]:
        return (self.tr("Organisation"), self.tr("Advice"))

    def display(self, row: tuple[str, str, str], column: int) -> str:
        return row[1] if column == WARN_ORG else row[2]

    def tooltip(self, row: tuple[str, str, str], column: int) -> str | None:
        return row[2]


class RemindersPanel(QWidget):
    """Due list and organisation warnings; ``count()`` feeds the tab's badge."""

    member_requested = Signal(str)
    org_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._due: list[DueItem] = []
        self.range_combo = QComboBox(self)  # the most days left shown (see RANGES)
        self.range_combo.addItem(self.tr("Overdue only"), -1)
        self.range_combo.addItem(self.tr("Overdue and next 30 days"), 30)
        self.range_combo.addItem(self.tr("Overdue and next 60 days"), 60)
        self.range_combo.addItem(self.tr("Overdue and next 90 days"), 90)
        self.range_combo.addItem(self.tr("Due within 30 days, not overdue"), SOON_ONLY)
        self.range_combo.setCurrentIndex(3)
        self.range_combo.currentIndexChanged.connect(lambda _i: self._show_due())
        self.due_summary = QLabel(self)
        self.due_model = DueListModel(self)
        self.due_view = small_table(self.due_model, DUE_ORG, self)
        self.due_view.clicked.connect(self._due_clicked)
        self.due_view.activated.connect(self._due_clicked)
        due_box = QGroupBox(self.tr("Full membership (转正) due"), self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show:"), due_box))
        top.addWidget(self.range_combo)
        top.addStretch(1)
        top.addWidget(self.due_summary)
        due_layout = QVBoxLayout(due_box)
        due_layout.addLayout(top)
        due_layout.addWidget(self.due_view)

        self.warning_model = OrgWarningModel(self)
        self.warning_view = small_table(self.warning_model, WARN_TEXT, self)
        self.warning_view.clicked.connect(self._warning_clicked)
        self.warning_view.activated.connect(self._warning_clicked)
        warn_box = QGroupBox(self.tr("Organisation size (advice of the party rules)"), self)
        QVBoxLayout(warn_box).addWidget(self.warning_view)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(due_box)
        self.splitter.addWidget(warn_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.splitter)

    def set_data(self, due: Sequence[DueItem], warnings: Sequence[tuple[str, str, Any]]) -> None:
        self._due = list(due)
        self._show_due()
        self.warning_model.set_rows([(org_id, name, warning_text(w))
                                     for org_id, name, w in warnings])

    def _show_due(self) -> None:
        low, high = RANGES[int(self.range_combo.currentData())]
        shown = [d for d in self._due
                 if d.days_left <= high and (low is None or d.days_left >= low)]
        self.due_model.set_rows(shown)
        overdue = sum(1 for d in self._due if d.bucket == "overdue")
        self.due_summary.setText(self.tr("{overdue} overdue, {soon} due within 90 days").format(
            overdue=overdue, soon=len(self._due) - overdue))

    def show_bucket(self, bucket: str) -> None:
        """Show the members of one to-do bucket: "overdue", or "30" (due within 30 days
        and not overdue)."""
        self.range_combo.setCurrentIndex(self.range_combo.findData(
            -1 if bucket == "overdue" else SOON_ONLY))

    def overdue_count(self) -> int:
        return sum(1 for d in self._due if d.bucket == "overdue")

    def count(self) -> int:
        """Entries needing attention: members overdue or due within 30 days, and
        organisation warnings."""
        soon = sum(1 for d in self._due if d.days_left <= 30)
        return soon + self.warning_model.rowCount()

    def due_names(self) -> list[str]:
        return [d.name for d in self.due_model.rows()]

    def _due_clicked(self, index: QModelIndex) -> None:
        item = self.due_model.row_at(index.row())
        if item is not None:
            self.member_requested.emit(item.member_id)

    def _warning_clicked(self, index: QModelIndex) -> None:
        row = self.warning_model.row_at(index.row())
        if row is not None:
            self.org_requested.emit(row[0])
