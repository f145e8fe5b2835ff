"""The form of one party organisation: name, short name, type, grid, dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from gridoffice.domain import orgs as rules
from gridoffice.domain.codes import ORG_TYPES
from gridoffice.ui.dialogs.form import FormDialog
from gridoffice.ui.labels import code_label
from gridoffice.ui.widgets.date_field import DateField


@dataclass(frozen=True)
class OrgFormValues:
    """What the form holds; the caller turns it into a service draft."""

    name: str
    short_name: str
    org_type: str
    grid_code: str
    established: dt.date | None
    term_end: dt.date | None


class OrgEditDialog(FormDialog):
    """New or edited organisation; ``submit`` saves the values (a service call)."""

    def __init__(self, parent: QWidget | None, title: str, *, parent_name: str | None,
                 values: OrgFormValues | None, default_type: str,
                 submit: Callable[[OrgFormValues], Any],
                 allowed_types: Collection[str] | None = None) -> None:
        super().__init__(parent, title)
        self._submit = submit
        self.parent_label = QLabel(parent_name or self.tr("None (top-level organisation)"), self)
        self.parent_label.setWordWrap(True)
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(rules.MAX_NAME_LENGTH + 20)
        self.name_edit.setPlaceholderText(self.tr("Full name, e.g. 中共幸福里社区委员会"))
        self.short_edit = QLineEdit(self)
        self.short_edit.setPlaceholderText(self.tr("e.g. 幸福里社区党委"))
        self.type_combo = QComboBox(self)
        for org_type in ORG_TYPES:
            self.type_combo.addItem(code_label(ORG_TYPES, org_type.code), org_type.code)
        if allowed_types is not None:  # the rest cannot sit under this parent: greyed out
            items = self.type_combo.model()
            assert isinstance(items, QStandardItemModel)
            for row in range(self.type_combo.count()):
                if self.type_combo.itemData(row) not in allowed_types:
                    items.item(row).setEnabled(False)
        self.grid_edit = QLineEdit(self)
        self.established_edit = DateField(self)
        self.term_end_edit = DateField(self)
        self.term_end_edit.setToolTip(self.tr(
            "Committees and branches serve five-year terms; left empty, the term end is "
            "set five years after the date established."
        ))
        self.add_row(None, self.tr("Parent"), self.parent_label)
        self.add_row("name", self.tr("Name"), self.name_edit, required=True)
        self.add_row("short_name", self.tr("Short name"), self.short_edit)
        self.add_row("org_type", self.tr("Type"), self.type_combo)
        self.add_row("grid_code", self.tr("Grid"), self.grid_edit)
        self.add_row("established", self.tr("Established"), self.established_edit)
        self.add_row("term_end", self.tr("Term end"), self.term_end_edit)
        self.type_combo.setCurrentIndex(max(self.type_combo.findData(default_type), 0))
        if values is not None:
            self.name_edit.setText(values.name)
            self.short_edit.setText(values.short_name)
            self.type_combo.setCurrentIndex(max(self.type_combo.findData(values.org_type), 0))
            self.grid_edit.setText(values.grid_code)
            self.established_edit.set_date(values.established)
            self.term_end_edit.set_date(values.term_end)
        self.setMinimumWidth(480)

    def values(self) -> OrgFormValues:
        """What was entered; a ValidationError if a date cannot be read."""
        return OrgFormValues(self.name_edit.text(), self.short_edit.text(),
                             str(self.type_combo.currentData()), self.grid_edit.text(),
                             self.date_of("established"), self.date_of("term_end"))

    def perform(self) -> Any:
        return self._submit(self.values())

    def type_enabled(self, org_type: str) -> bool:
        items = self.type_combo.model()
        assert isinstance(items, QStandardItemModel)
        return items.item(self.type_combo.findData(org_type)).isEnabled()

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, *, parent_name: str | None,
            values: OrgFormValues | None, default_type: str,
            submit: Callable[[OrgFormValues], Any],
            allowed_types: Collection[str] | None = None) -> Any:
        """The result of ``submit`` once it succeeded, or None if cancelled."""
        return cls(parent, title, parent_name=parent_name, values=values,
                   default_type=default_type, submit=submit,
                   allowed_types=allowed_types).ask_result()
