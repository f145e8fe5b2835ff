"""Household dialogs: new building, new house, new household with its members,
a visit, change of head, and moving the household to another house."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gridoffice.domain.codes import BUILDING_KINDS, HOUSE_USES, HOUSEHOLD_KINDS, RELATION_TO_HEAD
from gridoffice.ui.dialogs.form import FormDialog
from gridoffice.ui.dialogs.resident_dialogs import ResidentDialog, code_combo, select_data
from gridoffice.ui.labels import code_label
from gridoffice.ui.widgets.date_field import DateField

if TYPE_CHECKING:
    from gridoffice.services.households import HouseRow, ResidentDraft, ResidentRow


def _count(parent: QWidget) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setRange(0, 200)
    spin.setSpecialValueText("—")
    return spin


class BuildingDialog(FormDialog):
    def __init__(self, parent: QWidget | None, *, grids: Sequence[tuple[str, str]],
                 grid_id: str | None,
                 save: Callable[[str, str, str, int | None, int | None, str], Any]) -> None:
        super().__init__(parent, "")
        self.setWindowTitle(self.tr("New building"))
        self._save = save
        self.grid_combo = QComboBox(self)
        for gid, label in grids:
            self.grid_combo.addItem(label, gid)
        select_data(self.grid_combo, grid_id)
        self.add_row("grid_id", self.tr("Grid"), self.grid_combo)
        self.estate_edit = self.add_row("estate", self.tr("Estate"), QLineEdit(self))
        self.number_edit = self.add_row("number", self.tr("Building"), QLineEdit(self),
                                        required=True)
        self.units_spin = self.add_row("units", self.tr("Units"), _count(self))
        self.floors_spin = self.add_row("floors", self.tr("Floors"), _count(self))
        self.kind_combo = code_combo(self, BUILDING_KINDS)
        self.add_row("kind", self.tr("Kind"), self.kind_combo)

    def perform(self) -> Any:
        return self._save(str(self.grid_combo.currentData()), self.number_edit.text(),
                          self.estate_edit.text(), self.units_spin.value() or None,
                          self.floors_spin.value() or None, str(self.kind_combo.currentData()))


class HouseDialog(FormDialog):
    def __init__(self, parent: QWidget | None, *, building: str,
                 save: Callable[[str, str, str | None, str], Any], unit: str = "") -> None:
        super().__init__(parent, "")
        self.setWindowTitle(self.tr("New house in {building}").format(building=building))
        self._save = save
        self.unit_edit = self.add_row("unit", self.tr("Unit"), QLineEdit(self))
        self.unit_edit.setText(unit)
        self.room_edit = self.add_row("room", self.tr("Room"), QLineEdit(self), required=True)
        self.owner_edit = self.add_row("owner", self.tr("Owner"), QLineEdit(self))
        self.use_combo = code_combo(self, HOUSE_USES)
        self.add_row("use", self.tr("Use"), self.use_combo)

    def perform(self) -> Any:
        return self._save(self.unit_edit.text(), self.room_edit.text(),
                          self.owner_edit.text().strip() or None,
                          str(self.use_combo.currentData()))


class HouseholdDialog(FormDialog):
    """A new household with its members; the service insists on exactly one head."""

    def __init__(self, parent: QWidget | None, *, address: str, today: dt.date,
                 save: Callable[[str | None, str, list[ResidentDraft]], Any]) -> None:
        super().__init__(parent, "")
        self.setWindowTitle(self.tr("New household at {address}").format(address=address))
        self._save = save
        self.today = today
        self.members: list[ResidentDraft] = []
        self.number_edit = self.add_row("number", self.tr("Household number"), QLineEdit(self))
        self.kind_combo = code_combo(self, HOUSEHOLD_KINDS)
        self.add_row("kind", self.tr("Kind"), self.kind_combo)
        box = QWidget(self)
        self.member_list = QListWidget(box)
        self.member_list.setMinimumHeight(100)
        self.add_member_button = QPushButton(self.tr("Add member…"), box)
        self.add_member_button.clicked.connect(self.add_member)
        self.remove_member_button = QPushButton(self.tr("Remove"), box)
        self.remove_member_button.clicked.connect(self.remove_member)
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_member_button)
        buttons.addWidget(self.remove_member_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.member_list, 1)
        layout.addLayout(buttons)
        self.add_row("members", self.tr("Members"), box)
        for key in ("relation", "id_number", "name", "sex", "birth_date"):
            self.register_field(key, self.tr("Members"), self.member_list)

    def add_member(self) -> None:
        draft = ResidentDialog.ask(self, title=self.tr("Member of the new household"),
                                   save=lambda d: d, today=self.today)
        if draft is not None:
            self.append_member(draft)

    def append_member(self, draft: ResidentDraft) -> None:
        self.members.append(draft)
        self.member_list.addItem(self.tr("{name} — {relation}").format(
            name=draft.name, relation=code_label(RELATION_TO_HEAD, draft.relation)))

    def remove_member(self) -> None:
        row = self.member_list.currentRow()
        if 0 <= row < len(self.members):
            del self.members[row]
            self.member_list.takeItem(row)

    def perform(self) -> Any:
        return self._save(self.number_edit.text().strip() or None,
                          str(self.kind_combo.currentData()), list(self.members))


class VisitDialog(FormDialog):
    def __init__(self, parent: QWidget | None, *, address: str, visitor: str, today: dt.date,
                 save: Callable[[dt.date, str, str, str], Any]) -> None:
        super().__init__(parent, "")
        self.setWindowTitle(self.tr("Visit to {address}").format(address=address))
        self._save = save
        self.date_edit = self.add_row("on_date", self.tr("Date"), DateField(self))
        self.date_edit.set_date(today)
        self.register_field("visit_date", self.tr("Date"), self.date_edit)
        self.visitor_edit = self.add_row("visitor", self.tr("Visitor"), QLineEdit(self))
        self.visitor_edit.setText(visitor)
        self.findings_edit = self.add_row("findings", self.tr("Findings"), QPlainTextEdit(self))
        self.requests_edit = self.add_row("requests", self.tr("Requests"), QPlainTextEdit(self))
        for edit in (self.findings_edit, self.requests_edit):
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(self.fontMetrics().height() * 4)

    def perform(self) -> Any:
        day = self.date_of("on_date", required=True)
        assert day is not None
        return self._save(day, self.visitor_edit.text(), self.findings_edit.toPlainText(),
                          self.requests_edit.toPlainText())


class ChangeHeadDialog(FormDialog):
    def __init__(self, parent: QWidget | None, *, members: Sequence[ResidentRow],
                 save: Callable[[str, str], Any]) -> None:
        super().__init__(parent, "")
        self.setWindowTitle(self.tr("Change head of household"))
        self._save = save
        head = next((m for m in members if m.relation == "02"), None)
        if head is not None:
            self.set_intro(self.tr("Head now: {name}").format(name=head.name))
        self.head_combo = QComboBox(self)
        for member in members:
            if member.relation != "02" and member.moved_out_on is None \
                    and member.died_on is None:
                self.head_combo.addItem(member.name, member.id)
        self.add_row("new_head", self.tr("New head"), self.head_combo)
        self.relation_combo = code_combo(self, RELATION_TO_HEAD, skip=("02",))
        self.add_row("relation", self.tr("Old head becomes"), self.relation_combo)
        self.ok_button().setEnabled(self.head_combo.count() > 0)

    def perform(self) -> Any:
        return self._save(str(self.head_combo.currentData()),
                          str(self.relation_combo.currentData()))


class MoveHouseholdDialog(FormDialog):
    """The whole household moves to another house: choose the building, then the house."""

    def __init__(self, parent: QWidget | None, *, address: str,
                 buildings: Sequence[tuple[str, str]],
                 houses: Callable[[str], Sequence[HouseRow]],
                 save: Callable[[str], Any]) -> None:
        super().__init__(parent, "")
        self.setWindowTitle(self.tr("Move household"))
        self.set_intro(self.tr("The household at {address} moves with its members and "
                               "history.").format(address=address))
        self._save = save
        self._houses = houses
        self.building_combo = QComboBox(self)
        for bid, label in buildings:
            self.building_combo.addItem(label, bid)
        self.add_row("building_id", self.tr("Building"), self.building_combo)
        self.house_combo = QComboBox(self)
        self.add_row("house_id", self.tr("House"), self.house_combo)
        self.building_combo.currentIndexChanged.connect(lambda _i: self._fill_houses())
        self._fill_houses()

    def _fill_houses(self) -> None:
        self.house_combo.clear()
        building = self.building_combo.currentData()
        if not building:
            return
        for house in self._houses(str(building)):
            label = f"{house.unit}-{house.room}" if house.unit else house.room
            if house.head_name:
                label = self.tr("{house} (lived in by {head})").format(house=label,
                                                                       head=house.head_name)
            self.house_combo.addItem(label, house.id)

    def perform(self) -> Any:
        return self._save(str(self.house_combo.currentData()))
