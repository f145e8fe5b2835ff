"""One member at a glance, under the roster table: a summary line, then the
history, the placements ("在本支部: 2019-07-01 至 今") and the transfers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gridoffice.domain.codes import MEMBER_CATEGORY, MEMBER_STATUS, RELATION_STATUS
from gridoffice.ui.labels import code_label, date_text
from gridoffice.ui.models.member_history import (
    EV_DETAIL,
    PL_ORG,
    TR_NOTE,
    MemberEventModel,
    PlacementModel,
    TransferModel,
)
from gridoffice.ui.widgets.tables import small_table

if TYPE_CHECKING:
    from gridoffice.services.roster import EventRow, MemberRow, PlacementRow, TransferRow


class MemberDetailPanel(QWidget):
    """Shows one member; ``transfer_activated`` asks the tab to move a transfer on."""

    transfer_activated = Signal(object)  # TransferRow

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.member: MemberRow | None = None
        self.stack = QStackedWidget(self)
        self.empty_label = QLabel(self.tr("Select a member to see the history."), self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.empty_label)

        page = QWidget(self)
        self.name_label = QLabel(page)
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.name_label.setFont(font)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_label = QLabel(page)
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        head = QHBoxLayout()
        head.addWidget(self.name_label)
        head.addSpacing(12)
        head.addWidget(self.summary_label, 1)

        self.event_model = MemberEventModel(self)
        self.placement_model = PlacementModel(self)
        self.transfer_model = TransferModel(self)
        self.event_view = small_table(self.event_model, EV_DETAIL, page)
        self.placement_view = small_table(self.placement_model, PL_ORG, page)
        self.transfer_view = small_table(self.transfer_model, TR_NOTE, page)
        self.transfer_view.activated.connect(self._transfer_activated)
        self.tabs = QTabWidget(page)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.event_view, self.tr("History"))
        self.tabs.addTab(self.placement_view, self.tr("Organisations"))
        self.tabs.addTab(self.transfer_view, self.tr("Transfers"))

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.tabs, 1)
        self.stack.addWidget(page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

    def set_org_names(self, org_name: Callable[[str], str | None]) -> None:
        self.event_model.org_name = org_name

    def show_member(self, row: MemberRow, events: Sequence[EventRow],
                    placements: Sequence[PlacementRow], transfers: Sequence[TransferRow],
                    today: dt.date) -> None:
        self.member = row
        self.name_label.setText(row.name)
        self.summary_label.setText(self.summary(row, placements, today))
        self.event_model.set_rows(events)
        self.placement_model.set_rows(placements)
        self.transfer_model.set_rows(transfers)
        self.tabs.setTabText(2, self.tr("Transfers ({count})").format(count=len(transfers))
                             if transfers else self.tr("Transfers"))
        self.stack.setCurrentIndex(1)

    def summary(self, row: MemberRow, placements: Sequence[PlacementRow],
                today: dt.date) -> str:
        parts = [code_label(MEMBER_STATUS, row.status),
                 code_label(MEMBER_CATEGORY, row.category)]
        current = [p for p in placements if p.to_date is None]
        if current:
            parts.append(self.placement_model.summary(current[-1]))
        elif row.org_name:
            parts.append(row.org_name)
        if row.join_date:
            parts.append(self.tr("joined {date}").format(date=date_text(row.join_date)))
        if row.status == "probationary" and row.due_date:
            if row.due_date < today:
                parts.append(self.tr("probation over since {date}, not confirmed").format(
                    date=date_text(row.due_date)))
            else:
                parts.append(self.tr("full membership due {date}").format(
                    date=date_text(row.due_date)))
        if row.relation_status != "normal":
            parts.append(code_label(RELATION_STATUS, row.relation_status))
        return self.tr(" · ").join(p for p in parts if p)

    def clear(self) -> None:
        self.member = None
        self.event_model.set_rows([])
        self.placement_model.set_rows([])
        self.transfer_model.set_rows([])
        self.stack.setCurrentIndex(0)

    def _transfer_activated(self, index: QModelIndex) -> None:
        transfer = self.transfer_model.row_at(index.row())
        if transfer is not None:
            self.transfer_activated.emit(transfer)


class MemberRecordDialog(QDialog):
    """An existing record, read only (opened from the duplicate warning of the form)."""

    def __init__(self, parent: QWidget | None, row: MemberRow, events: Sequence[EventRow],
                 placements: Sequence[PlacementRow], transfers: Sequence[TransferRow],
                 today: dt.date) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Existing record: {name}").format(name=row.name))
        self.panel = MemberDetailPanel(self)
        self.panel.show_member(row, events, placements, transfers, today)
        self.identity_label = QLabel(self.tr(
            "Born {birth} · ID number {id} · phone {phone} · {org}"
        ).format(birth=row.birth_date.strftime("%Y-%m") if row.birth_date else "—",
                 id=row.id_number or "—", phone=row.mobile or "—",
                 org=row.org_name or row.work_unit or "—"), self)
        self.identity_label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.identity_label)
        layout.addWidget(self.panel, 1)
        layout.addWidget(buttons)
        self.resize(760, 420)
