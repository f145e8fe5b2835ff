"""The selected household under the resident table: address, number, kind, the
党员中心户 flag, its members with their relation to the head, and the visit log."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gridoffice.domain.codes import HOUSEHOLD_KINDS, RELATION_TO_HEAD, SEX
from gridoffice.ui.labels import code_label, date_text
from gridoffice.ui.models.table import RowTableModel

if TYPE_CHECKING:
    from gridoffice.services.households import HouseholdDetail, ResidentRow, VisitRow


class HouseholdMemberModel(RowTableModel["ResidentRow"]):
    def headers(self) -> Sequence[str]:
        return (self.tr("Full name"), self.tr("Relation to head"), self.tr("Sex"), self.tr("Born"),
                self.tr("Status"))

    def display(self, row: ResidentRow, column: int) -> str:
        if column == 0:
            return row.name
        if column == 1:
            return code_label(RELATION_TO_HEAD, row.relation)
        if column == 2:
            return code_label(SEX, row.sex)
        if column == 3:
            return row.birth_date.strftime("%Y-%m") if row.birth_date else ""
        if row.died_on:
            return self.tr("died {date}").format(date=date_text(row.died_on))
        if row.moved_out_on:
            return self.tr("moved out {date}").format(date=date_text(row.moved_out_on))
        return self.tr("lives here")

    def muted(self, row: ResidentRow) -> bool:
        return row.died_on is not None or row.moved_out_on is not None


class VisitModel(RowTableModel["VisitRow"]):
    def headers(self) -> Sequence[str]:
        return (self.tr("Date"), self.tr("Visitor"), self.tr("Findings"), self.tr("Requests"))

    def display(self, row: VisitRow, column: int) -> str:
        values = (date_text(row.visit_date), row.visitor, row.findings, row.requests)
        return " ".join(values[column].split())

    def tooltip(self, row: VisitRow, column: int) -> str | None:
        return (row.findings, row.requests)[column - 2] if column >= 2 else None


def _table(parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.setWordWrap(False)
    return view


class HouseholdDetailPanel(QWidget):
    """See the module docstring; ``show_household(None)`` empties it.

    ``center_toggled(bool)``: the user turned the 党员中心户 box on or off (offered
    only when a member of the household is linked to a party member)."""

    center_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: HouseholdDetail | None = None
        self.title_label = QLabel(self)
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.info_label = QLabel(self)
        self.info_label.setWordWrap(True)
        self.center_label = QLabel(self)
        self.center_label.setObjectName("centerHousehold")
        self.center_label.setStyleSheet("color: #c62828; font-weight: bold;")
        self.center_check = QCheckBox(self.tr("Party member centre household"), self)
        self.center_check.setToolTip(self.tr(
            "Offered when a member of the household is linked to a party member"))
        self.center_check.clicked.connect(self.center_toggled)
        self.members_model = HouseholdMemberModel(self)
        self.members_view = _table(self)
        self.members_view.setModel(self.members_model)
        self.visits_model = VisitModel(self)
        self.visits_view = _table(self)
        self.visits_view.setModel(self.visits_model)
        self.add_visit_button = QPushButton(self.tr("Add visit…"), self)
        self.visits_label = QLabel(self.tr("Visits"), self)

        head = QHBoxLayout()
        head.addWidget(self.title_label)
        head.addWidget(self.center_label)
        head.addStretch(1)
        head.addWidget(self.center_check)
        tables = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Members"), self))
        left.addWidget(self.members_view)
        right = QVBoxLayout()
        visits_head = QHBoxLayout()
        visits_head.addWidget(self.visits_label)
        visits_head.addStretch(1)
        visits_head.addWidget(self.add_visit_button)
        right.addLayout(visits_head)
        right.addWidget(self.visits_view)
        tables.addLayout(left, 1)
        tables.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.info_label)
        layout.addLayout(tables, 1)
        self.show_household(None)

    def show_household(self, detail: HouseholdDetail | None, *,
                       today: dt.date | None = None) -> None:
        self.detail = detail
        self.add_visit_button.setEnabled(detail is not None and detail.dissolved_on is None)
        if detail is None:
            self.title_label.setText(self.tr("No household selected"))
            self.info_label.setText("")
            self.center_label.hide()
            self.center_check.hide()
            self.members_model.set_rows([])
            self.visits_model.set_rows([])
            return
        self.title_label.setText(detail.address)
        parts = [self.tr("Household number: {number}").format(number=detail.number or "—"),
                 self.tr("Kind: {kind}").format(kind=code_label(HOUSEHOLD_KINDS, detail.kind)),
                 self.tr("Last visit: {date}").format(
                     date=date_text(detail.last_visit, self.tr("never")))]
        if detail.dissolved_on:
            parts.append(self.tr("Dissolved on {date}").format(
                date=date_text(detail.dissolved_on)))
        self.info_label.setText("    ".join(parts))
        self.center_label.setText(self.tr("Party member centre household"))
        self.center_label.setVisible(detail.center_member_id is not None)
        self.center_check.setVisible(self.linked_member_id() is not None
                                     and detail.dissolved_on is None)
        self.center_check.setChecked(detail.center_member_id is not None)
        self.members_model.set_rows(detail.members)
        self.visits_model.set_rows(detail.visits)
        self.visits_label.setText(self.tr("Visits ({count})").format(count=len(detail.visits)))

    def linked_member_id(self) -> str | None:
        """The party member living in the household: the centre household's member
        (if still here), else the first member linked to the roster."""
        if self.detail is None:
            return None
        here = [r.member_id for r in self.detail.members
                if r.member_id and r.moved_out_on is None and r.died_on is None]
        if self.detail.center_member_id in here:
            return self.detail.center_member_id
        return here[0] if here else None
