"""Grid dialogs: a new (or edited) grid, and a place in its "1+2+X" team."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from gridoffice.domain.codes import DEDICATED_KINDS, GRID_ROLES, GRID_TYPES
from gridoffice.ui.dialogs.form import FormDialog
from gridoffice.ui.dialogs.resident_dialogs import code_combo, select_data
from gridoffice.ui.labels import code_label, date_text
from gridoffice.ui.widgets.date_field import DateField

if TYPE_CHECKING:
    from gridoffice.services.households import GridDraft


class GridDialog(FormDialog):
    """Code, name, type (专属 with its kind), boundary and party branch of a grid."""

    def __init__(self, parent: QWidget | None, *, save: Callable[[GridDraft], Any],
                 branches: Sequence[tuple[str, str]] = (),
                 draft: GridDraft | None = None) -> None:
        super().__init__(parent, "")
        self.setWindowTitle(self.tr("Edit grid") if draft else self.tr("New grid"))
        self._save = save
        self.code_edit = self.add_row("code", self.tr("Code"), QLineEdit(self), required=True)
        self.code_edit.setPlaceholderText(self.tr("12-digit community code + 3-digit serial"))
        self.name_edit = self.add_row("name", self.tr("Name"), QLineEdit(self), required=True)
        self.type_combo = code_combo(self, GRID_TYPES)
        self.add_row("grid_type", self.tr("Type"), self.type_combo)
        self.kind_combo = code_combo(self, DEDICATED_KINDS)
        self.add_row("dedicated_kind", self.tr("Dedicated to"), self.kind_combo)
        self.boundary_edit = self.add_row("boundary", self.tr("Boundary"), QLineEdit(self))
        self.branch_combo = QComboBox(self)
        self.branch_combo.addItem(self.tr("(none)"), None)
        for org_id, label in branches:
            self.branch_combo.addItem(label, org_id)
        self.add_row("branch_org_id", self.tr("Party branch"), self.branch_combo)
        if draft is not None:
            self.code_edit.setText(draft.code)
            self.name_edit.setText(draft.name)
            select_data(self.type_combo, draft.grid_type)
            select_data(self.kind_combo, draft.dedicated_kind)
            self.boundary_edit.setText(draft.boundary or "")
            select_data(self.branch_combo, draft.branch_org_id)
        self.type_combo.currentIndexChanged.connect(lambda _i: self._update())
        self._update()

    def _update(self) -> None:
        self.kind_combo.setEnabled(self.type_combo.currentData() == "dedicated")

    def perform(self) -> Any:
        from gridoffice.services.households import GridDraft

        grid_type = str(self.type_combo.currentData())
        return self._save(GridDraft(
            code=self.code_edit.text(), name=self.name_edit.text(), grid_type=grid_type,
            dedicated_kind=self.kind_combo.currentData() if grid_type == "dedicated" else None,
            boundary=self.boundary_edit.text().strip() or None,
            branch_org_id=self.branch_combo.currentData()))


class GridRoleDialog(FormDialog):
    """A place in the grid team "1+2+X"; the current team is listed above the form."""

    def __init__(self, parent: QWidget | None, *, grid_name: str, team: Sequence[Any],
                 today: dt.date,
                 save: Callable[[str, str, str, dt.date], Any]) -> None:
        super().__init__(parent, "")
        self.setWindowTitle(self.tr("Grid team of {grid}").format(grid=grid_name))
        self._save = save
        lines = [self.tr("{role}: {name} since {date}").format(
            role=code_label(GRID_ROLES, r.role), name=r.person_name,
            date=date_text(r.from_date)) for r in team]
        self.set_intro(self.tr("Current team (1+2+X):") + "\n" + (
            "\n".join(lines) if lines else self.tr("nobody yet")))
        self.role_combo = code_combo(self, GRID_ROLES)
        self.add_row("role", self.tr("Team role"), self.role_combo)
        self.name_edit = self.add_row("person_name", self.tr("Full name"), QLineEdit(self),
                                      required=True)
        self.phone_edit = self.add_row("phone", self.tr("Phone"), QLineEdit(self))
        self.from_edit = self.add_row("from_date", self.tr("From"), DateField(self))
        self.from_edit.set_date(today)

    def perform(self) -> Any:
        day = self.date_of("from_date", required=True)
        assert day is not None
        return self._save(str(self.role_combo.currentData()), self.name_edit.text(),
                          self.phone_edit.text(), day)
