"""The registrations of the in-service tab: the filters above the list, the list,
and the query the filters make."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from gridoffice.domain import inservice as rules
from gridoffice.ui.labels import code_label
from gridoffice.ui.models.inservice_tables import RegistrationTableModel
from gridoffice.ui.widgets.inputs import search_while_typing, signals_blocked
from gridoffice.ui.widgets.tables import row_table, select_row

if TYPE_CHECKING:
    from gridoffice.services.inservice import InServiceService, RegistrationQuery

SEARCH_DELAY_MS = 200
DUE_WITHIN_DAYS = 30


class RegistrationList(QObject):
    """The filter row (``row``: search, review status, work unit, due, left, count)
    and the table (``view`` of ``model``) of the registrations; its widgets belong to
    ``parent``. ``changed`` fires when a filter changed (typing waits a moment)."""

    changed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.status_combo = QComboBox(parent)
        self.status_combo.addItem(self.tr("Any review status"), None)
        for code in rules.REVIEW_STATUS:
            self.status_combo.addItem(code_label(rules.REVIEW_STATUS, code.code), code.code)
        self.unit_combo = QComboBox(parent)
        self.unit_combo.addItem(self.tr("All work units"), None)
        self.unit_combo.setMinimumWidth(160)
        self.due_check = QCheckBox(self.tr("Re-registration due"), parent)
        self.due_check.setToolTip(self.tr("Approved members whose re-registration is due "
                                          "within 30 days or overdue"))
        self.left_check = QCheckBox(self.tr("Show members who left"), parent)
        self.search_edit = QLineEdit(parent)
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("Search: name, pinyin, card code"))
        self.count_label = QLabel(parent)
        self.search_timer = search_while_typing(self, self.search_edit, self.changed.emit,
                                                SEARCH_DELAY_MS)
        for combo in (self.status_combo, self.unit_combo):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        for check in (self.due_check, self.left_check):
            check.toggled.connect(lambda _c: self.changed.emit())
        row = QHBoxLayout()
        row.addWidget(self.search_edit, 1)
        for widget in (self.status_combo, self.unit_combo, self.due_check, self.left_check,
                       self.count_label):
            row.addWidget(widget)
        self.row = row
        self.model = RegistrationTableModel(parent)
        self.view = row_table(parent, self.model)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(False)

    def show_filtered(self, filters: dict[str, Any]) -> None:
        """The registrations of a workbench item: a review state, or re-registration due;
        the other filters cleared. ``changed`` fires once."""
        with signals_blocked(self.search_edit, self.status_combo, self.unit_combo,
                             self.due_check, self.left_check):
            self.search_edit.clear()
            self.status_combo.setCurrentIndex(max(self.status_combo.findData(
                filters.get("review_status")), 0))
            self.unit_combo.setCurrentIndex(0)
            self.due_check.setChecked(filters.get("due_within_days") is not None)
            self.left_check.setChecked(False)
        self.changed.emit()

    def query(self, office: str | None) -> RegistrationQuery:
        """What the filters ask for (``office``: the street's choice of community)."""
        from gridoffice.services.inservice import RegistrationQuery

        return RegistrationQuery(
            text=self.search_edit.text(), review_status=self.status_combo.currentData(),
            work_unit_id=self.unit_combo.currentData(),
            due_within_days=DUE_WITHIN_DAYS if self.due_check.isChecked() else None,
            include_left=self.left_check.isChecked(), office=office)

    def reload_units(self, service: InServiceService) -> None:
        """The work units to filter by, read again; the one chosen stays."""
        keep = self.unit_combo.currentData()
        self.unit_combo.blockSignals(True)
        while self.unit_combo.count() > 1:
            self.unit_combo.removeItem(1)
        for unit in service.work_units():
            self.unit_combo.addItem(unit.name, unit.id)
        index = self.unit_combo.findData(keep)
        self.unit_combo.setCurrentIndex(max(index, 0))
        self.unit_combo.blockSignals(False)

    def load(self, service: InServiceService, office: str | None, keep: str | None,
             read: Callable[[RegistrationQuery], list[Any]] | None = None) -> list[Any]:
        """Read the registrations again (through ``read``, else the service); ``keep``
        (else the first) stays selected."""
        self.search_timer.stop()
        query = self.query(office)
        rows = read(query) if read is not None else service.registrations(query)
        posts: dict[str, int] = {}
        for claim in service.claims():
            if claim.status == rules.CLAIMED:
                posts[claim.registration_id] = posts.get(claim.registration_id, 0) + 1
        self.model.set_data(rows, posts, service.today())
        self.count_label.setText(self.tr("%n member(s)", "", len(rows)))
        row = select_row(self.view, self.model, keep)
        if row >= 0:
            self.view.scrollTo(self.model.index(row, 0))
        return rows

    def select(self, registration_id: str) -> bool:
        row = self.model.row_of(registration_id)
        if row < 0:
            return False
        self.view.setCurrentIndex(self.model.index(row, 0))
        return True
