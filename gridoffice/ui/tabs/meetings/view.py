"""The meeting list of the resident-council tab: its filters (type, year, status,
the search text), the query they make, and the table."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QWidget

from gridoffice.domain import meetings as rules
from gridoffice.ui.labels import code_label
from gridoffice.ui.models.meeting_table import COL_PLACE, MeetingTableModel
from gridoffice.ui.widgets.inputs import search_while_typing
from gridoffice.ui.widgets.tables import row_table

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTableView

    from gridoffice.services.meetings import MeetingQuery

SEARCH_DELAY_MS = 200


class MeetingFilters(QObject):
    """The filter row above the list (:attr:`row`); ``changed`` asks for the list
    again: at once for a combo box or Enter, after a pause while typing."""

    changed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.type_combo = QComboBox(parent)
        self.type_combo.addItem(self.tr("All types"), None)
        for code in rules.MEETING_TYPES:
            self.type_combo.addItem(code_label(rules.MEETING_TYPES, code.code), code.code)
        self.year_combo = QComboBox(parent)
        self.year_combo.addItem(self.tr("All years"), None)
        self.status_combo = QComboBox(parent)
        self.status_combo.addItem(self.tr("Any status"), None)
        for code in rules.MEETING_STATUS:
            self.status_combo.addItem(code_label(rules.MEETING_STATUS, code.code), code.code)
        self.search_edit = QLineEdit(parent)
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("Search: title, place, host, number or date"))
        self.count_label = QLabel(parent)

        self._search_timer = search_while_typing(self, self.search_edit, self.changed.emit,
                                                 SEARCH_DELAY_MS)
        for combo in self.combos():
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        row = QHBoxLayout()
        for widget in self.combos():
            row.addWidget(widget)
        row.addWidget(self.search_edit, 1)
        row.addWidget(self.count_label)
        self.row = row

    def combos(self) -> tuple[QComboBox, QComboBox, QComboBox]:
        return self.type_combo, self.year_combo, self.status_combo

    def settle(self) -> None:
        """The list is read now: no search pending."""
        self._search_timer.stop()

    def set_years(self, year: int) -> None:
        """Next year and the six before ``year`` (this year)."""
        self.year_combo.blockSignals(True)
        while self.year_combo.count() > 1:
            self.year_combo.removeItem(1)
        for value in range(year + 1, year - 6, -1):
            self.year_combo.addItem(str(value), value)
        self.year_combo.blockSignals(False)

    def clear(self) -> None:
        """Every filter off, without asking for the list."""
        for combo in self.combos():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)

    def query(self, office: str | None) -> MeetingQuery:
        from gridoffice.services.meetings import MeetingQuery

        return MeetingQuery(meeting_type=self.type_combo.currentData(),
                            year=self.year_combo.currentData(),
                            status=self.status_combo.currentData(),
                            text=self.search_edit.text(), office=office)

    def show_count(self, count: int) -> None:
        self.count_label.setText(self.tr("%n meeting(s)", "", count))


def meeting_table(parent: QWidget, model: MeetingTableModel) -> QTableView:
    """The meeting list: columns sized to their contents, the place a little wider."""
    view = row_table(parent, model)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(COL_PLACE, QHeaderView.ResizeMode.Interactive)
    place_width = view.fontMetrics().horizontalAdvance("社区议事厅")
    header.resizeSection(COL_PLACE, place_width + 24)
    header.setStretchLastSection(True)
    return view
