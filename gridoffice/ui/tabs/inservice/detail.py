"""The detail of the registration selected in the in-service tab: who and where from,
the posts claimed, the service records and the points ledger."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from gridoffice.domain import inservice as rules
from gridoffice.ui.labels import code_label, date_text
from gridoffice.ui.models.inservice_tables import (
    ClaimTableModel,
    EntryTableModel,
    RecordTableModel,
)
from gridoffice.ui.widgets.tables import current_item, row_table

if TYPE_CHECKING:
    from gridoffice.services.inservice import InServiceService

HEADER_STYLE = "padding: 2px 4px;"


class RegistrationDetail(QWidget):
    """The header, then the claims, the records and the points ledger in tabs; the
    buttons under the ledger trigger ``add_points`` and ``correct``.
    ``entry_changed`` fires when another ledger entry is selected."""

    entry_changed = Signal()

    def __init__(self, parent: QWidget, add_points: QAction, correct: QAction) -> None:
        super().__init__(parent)
        self.header_label = QLabel(self)
        self.header_label.setWordWrap(True)
        self.header_label.setStyleSheet(HEADER_STYLE)
        self.header_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.claims_model = ClaimTableModel(self, by_post=False)
        self.claims_view = row_table(self, self.claims_model)
        self.records_model = RecordTableModel(self, by_member=False)
        self.records_view = row_table(self, self.records_model)
        self.entries_model = EntryTableModel(self)
        self.entries_view = row_table(self, self.entries_model)
        self.entries_view.selectionModel().currentRowChanged.connect(
            lambda *_a: self.entry_changed.emit())
        for view in (self.claims_view, self.records_view, self.entries_view):
            view.verticalHeader().hide()
        self.add_points_button = QPushButton(add_points.text(), self)
        self.add_points_button.clicked.connect(add_points.trigger)
        self.correct_button = QPushButton(correct.text(), self)
        self.correct_button.clicked.connect(correct.trigger)
        self._buttons = [(self.add_points_button, add_points), (self.correct_button, correct)]
        self.points_label = QLabel(self)
        entries = QWidget(self)
        entries_layout = QVBoxLayout(entries)
        entries_layout.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        buttons.addWidget(self.points_label, 1)
        buttons.addWidget(self.add_points_button)
        buttons.addWidget(self.correct_button)
        entries_layout.addLayout(buttons)
        entries_layout.addWidget(self.entries_view, 1)
        self.detail_tabs = QTabWidget(self)
        self.detail_tabs.addTab(self.claims_view, self.tr("Posts"))
        self.detail_tabs.addTab(self.records_view, self.tr("Service records"))
        self.detail_tabs.addTab(entries, self.tr("Points ledger"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header_label)
        layout.addWidget(self.detail_tabs, 1)

    def follow_actions(self, *, explain: bool) -> None:
        """The buttons enabled as their actions; ``explain``: a disabled one shows why
        (its action's tip, in the street's view)."""
        for button, act in self._buttons:
            button.setEnabled(act.isEnabled())
            button.setToolTip(act.toolTip() if not act.isEnabled() and explain else "")

    def current_entry(self) -> Any:
        return current_item(self.entries_view, self.entries_model)

    def clear(self) -> None:
        self.header_label.setText("")
        for model in (self.claims_model, self.records_model, self.entries_model):
            model.set_rows([])
        self.points_label.setText("")

    def show_registration(self, row: Any, service: InServiceService) -> None:
        """The registration ``row``: its header, claims, records and ledger (the ledger
        entry selected stays selected)."""
        self.header_label.setText(self.header_text(row))
        keep = getattr(self.current_entry(), "id", None)
        self.claims_model.set_rows(service.claims(registration_id=row.id,
                                                  include_withdrawn=True))
        self.records_model.set_rows(service.records(registration_id=row.id))
        entries = service.entries(row.id)
        self.entries_model.set_rows(entries)
        entry_row = self.entries_model.row_of(keep)
        if entry_row >= 0:
            self.entries_view.setCurrentIndex(self.entries_model.index(entry_row, 0))
        self.points_label.setText(self.tr("{points} points in all").format(
            points=sum(e.points for e in entries)))

    def header_text(self, row: Any) -> str:
        """Who (rich text): name, code, unit, job, report type, where the details
        come from; skills, wished posts, why returned, when left."""
        parts = [f"<b>{escape(row.name)}</b> {row.code}", escape(row.work_unit)]
        if row.job:
            parts.append(escape(row.job))
        parts.append(code_label(rules.REPORT_TYPES, row.report_type))
        source = {"member": self.tr("details from the party member record"),
                  "resident": self.tr("details from the resident record")}.get(row.linked)
        if source:
            parts.append(source)
        lines = [" · ".join(parts)]
        if row.skills:
            lines.append(self.tr("Skills: {skills}").format(skills=row.skills))
        if row.wished_categories:
            lines.append(self.tr("Wished posts: {posts}").format(posts="、".join(
                code_label(rules.POST_CATEGORIES, c) for c in row.wished_categories)))
        if row.review_status == rules.RETURNED and row.review_reason:
            lines.append(self.tr("Returned: {reason}").format(reason=row.review_reason))
        if row.left_on:
            lines.append(self.tr("Left on {date}").format(date=date_text(row.left_on)))
        return "<br>".join(escape(line) if i else line for i, line in enumerate(lines))
