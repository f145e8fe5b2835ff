"""The right-hand panel of the organisation tree: fields, committee seats, history."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gridoffice.domain.codes import ORG_TYPES
from gridoffice.ui.labels import code_label, date_text
from gridoffice.ui.models.org_history import COL_DETAIL, OrgHistoryModel
from gridoffice.ui.models.org_seats import COL_NOTE, SeatTableModel
from gridoffice.ui.widgets.community import CommunityScope
from gridoffice.ui.widgets.tables import small_table

if TYPE_CHECKING:
    from gridoffice.services.orgs import EventRow, OrgNode, SeatRow


class OrgDetailPanel(QWidget):
    """Shows one organisation; the seat buttons ask the tab to act."""

    appoint_requested = Signal()
    end_term_requested = Signal(object)  # the SeatRow whose term ends

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.node: OrgNode | None = None
        self._actions_enabled = False
        self.community = CommunityScope()  # the street's view: set by the tab
        self.stack = QStackedWidget(self)
        self.empty_label = QLabel(self.tr("Select an organisation on the left."), self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.stack.addWidget(self.empty_label)

        page = QWidget(self)
        self.title_label = QLabel(page)
        self.title_label.setObjectName("orgTitle")
        self.title_label.setWordWrap(True)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title_label.setFont(font)

        self.field_labels: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        for key, label in (("short_name", self.tr("Short name:")), ("org_type", self.tr("Type:")),
                           ("parent", self.tr("Parent:")), ("grid_code", self.tr("Grid:")),
                           ("established", self.tr("Established:")),
                           ("term_end", self.tr("Term end:")), ("status", self.tr("Status:"))):
            value = QLabel(page)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, value)
            self.field_labels[key] = value

        self.seat_model = SeatTableModel(self)
        self.seat_view = small_table(self.seat_model, COL_NOTE, page)
        self.appoint_button = QPushButton(self.tr("Appoint…"), page)
        self.end_term_button = QPushButton(self.tr("End term…"), page)
        self.appoint_button.clicked.connect(lambda: self.appoint_requested.emit())
        self.end_term_button.clicked.connect(lambda: self._end_term_clicked())
        self.seat_view.doubleClicked.connect(lambda _index: self._end_term_clicked())
        self.seat_view.selectionModel().selectionChanged.connect(
            lambda *_: self._update_buttons())
        seats_box = QGroupBox(self.tr("Committee seats"), page)
        buttons = QHBoxLayout()
        buttons.addWidget(self.appoint_button)
        buttons.addWidget(self.end_term_button)
        buttons.addStretch(1)
        seats_layout = QVBoxLayout(seats_box)
        seats_layout.addLayout(buttons)
        seats_layout.addWidget(self.seat_view)

        self.history_model = OrgHistoryModel(self)
        self.history_view = small_table(self.history_model, COL_DETAIL, page)
        history_box = QGroupBox(self.tr("History"), page)
        QVBoxLayout(history_box).addWidget(self.history_view)

        self.splitter = QSplitter(Qt.Orientation.Vertical, page)
        self.splitter.addWidget(seats_box)
        self.splitter.addWidget(history_box)
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title_label)
        layout.addLayout(form)
        layout.addWidget(self.splitter, 1)
        self.stack.addWidget(page)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 0, 0, 0)
        outer.addWidget(self.stack)
        self.set_enabled_actions(False)

    def show_org(self, node: OrgNode, parent_name: str | None, seats: Sequence[SeatRow],
                 history: Sequence[EventRow]) -> None:
        selected = self.selected_seat()
        self.node = node
        self.title_label.setText(node.name)
        values = {
            "short_name": node.short_name or "—",
            "org_type": code_label(ORG_TYPES, node.org_type),
            "parent": parent_name or self.tr("None (top level)"),
            "grid_code": node.grid_code or "—",
            "established": date_text(node.established, "—"),
            "term_end": date_text(node.term_end, "—"),
            "status": self.tr("Retired on {date}").format(date=date_text(node.retired_on))
            if node.retired else self.tr("Active"),
        }
        for key, text in values.items():
            self.field_labels[key].setText(text)
        self.seat_model.set_rows(seats)
        self.history_model.set_rows(history)
        if selected is not None:
            for row, seat in enumerate(self.seat_model.rows()):
                if seat.id == selected.id:
                    self.seat_view.selectRow(row)
        self.stack.setCurrentIndex(1)
        self._update_buttons()

    def clear(self) -> None:
        self.node = None
        self.seat_model.set_rows([])
        self.history_model.set_rows([])
        self.stack.setCurrentIndex(0)
        self._update_buttons()

    def selected_seat(self) -> SeatRow | None:
        rows = self.seat_view.selectionModel().selectedRows()
        return self.seat_model.row_at(rows[0].row()) if rows else None

    def set_enabled_actions(self, enabled: bool) -> None:
        self._actions_enabled = enabled
        self._update_buttons()

    def _update_buttons(self) -> None:
        active = self._actions_enabled and self.node is not None and not self.node.retired
        seat = self.selected_seat()
        self.appoint_button.setEnabled(active)
        self.end_term_button.setEnabled(active and seat is not None and seat.current)
        self.community.lock((self.appoint_button, self.end_term_button),
                            self.node.origin_office if self.node else None)

    def _end_term_clicked(self) -> None:
        seat = self.selected_seat()
        if seat is not None and seat.current and self.end_term_button.isEnabled():
            self.end_term_requested.emit(seat)
