"""The workbench's charts (one at a time, chosen in a list, the pyramid of the whole
office or of one grid) and, at the street office, its communities side by side."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from gridoffice.services import changes as areas
from gridoffice.services import charts
from gridoffice.ui.models.table import RowTableModel
from gridoffice.ui.widgets.chart_view import ChartPanel
from gridoffice.ui.widgets.tables import small_table

if TYPE_CHECKING:
    from gridoffice.services.charts import Chart
    from gridoffice.services.street_summary import CommunityFigures

# The tables each chart is read from: a change to them reads it again.
CHART_TABLES = {
    "pyramid": areas.HOUSEHOLDS, "visits": areas.HOUSEHOLDS, "member_age": areas.ROSTER,
    "party_age": areas.ROSTER, "education": areas.ROSTER, "follow_ups": areas.MEETINGS,
    "service_hours": areas.INSERVICE,
    "communities": areas.ROSTER | areas.HOUSEHOLDS | areas.SYNC,
}


class ChartsBox(QGroupBox):
    """The chart chosen, with its numbers, 复制图片 and 保存图片; asks the tab to read it
    (``chart_wanted(key, grid_id)``) and shows what it is given."""

    chart_wanted = Signal(str, object)  # key, grid id (None: every grid)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Charts"), parent)
        self.chart_combo = QComboBox(self)
        self.chart_combo.setObjectName("chartCombo")
        self.grid_label = QLabel(self.tr("Grid:"), self)
        self.grid_combo = QComboBox(self)
        self.grid_combo.addItem(self.tr("All grids"), None)
        self.grid_label.setBuddy(self.grid_combo)
        chart_label = QLabel(self.tr("&Chart:"), self)
        chart_label.setBuddy(self.chart_combo)
        self.panel = ChartPanel(self)
        self.communities: Chart | None = None  # the street office's, built from its lines
        self.chart: Chart | None = None
        top = QHBoxLayout()
        top.addWidget(chart_label)
        top.addWidget(self.chart_combo, 1)
        top.addWidget(self.grid_label)
        top.addWidget(self.grid_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.panel, 1)
        self.chart_combo.currentIndexChanged.connect(lambda _i: self.want())
        self.grid_combo.currentIndexChanged.connect(lambda _i: self.want())
        self._show_grid_choice()

    def set_keys(self, keys: Sequence[str], street: bool) -> None:
        """The charts to offer (the person's), the street's communities first."""
        keep = self.key()
        self.chart_combo.blockSignals(True)
        try:
            self.chart_combo.clear()
            if street:
                self.chart_combo.addItem(
                    QCoreApplication.translate("charts", charts.COMMUNITIES_TITLE), "communities")
            for key in keys:
                self.chart_combo.addItem(QCoreApplication.translate("charts", charts.TITLES[key]),
                                         key)
            self.chart_combo.setCurrentIndex(max(self.chart_combo.findData(keep), 0))
        finally:
            self.chart_combo.blockSignals(False)
        self._show_grid_choice()

    def set_grids(self, grids: Sequence[tuple[str, str]]) -> None:
        """(grid id, name) of the grids the pyramid may be drawn for."""
        keep = self.grid_combo.currentData()
        self.grid_combo.blockSignals(True)
        try:
            while self.grid_combo.count() > 1:
                self.grid_combo.removeItem(1)
            for grid_id, name in grids:
                self.grid_combo.addItem(name, grid_id)
            self.grid_combo.setCurrentIndex(max(self.grid_combo.findData(keep), 0))
        finally:
            self.grid_combo.blockSignals(False)

    def key(self) -> str | None:
        return self.chart_combo.currentData()  # type: ignore[no-any-return]

    def grid_id(self) -> str | None:
        return self.grid_combo.currentData() if self.key() == "pyramid" else None

    def want(self) -> None:
        """Show the chart chosen: the communities' at once, the others once read."""
        self._show_grid_choice()
        key = self.key()
        if key is None:
            self.show_chart(None)
        elif key == "communities":
            self.show_chart(self.communities)
        else:
            self.chart_wanted.emit(key, self.grid_id())

    def show_chart(self, chart: Chart | None) -> None:
        self.chart = chart
        self.panel.set_chart(chart)

    def set_communities(self, chart: Chart) -> None:
        self.communities = chart
        if self.key() == "communities":
            self.show_chart(chart)

    def _show_grid_choice(self) -> None:
        pyramid = self.key() == "pyramid"
        self.grid_label.setVisible(pyramid)
        self.grid_combo.setVisible(pyramid)


class CommunityLineModel(RowTableModel["CommunityFigures"]):
    """The street summary's lines: one community a row, the 合计 line last."""

    def headers(self) -> Sequence[str]:
        return (self.tr("Community"), self.tr("Party members"), self.tr("Overdue probation"),
                self.tr("Households"), self.tr("Residents"), self.tr("Meetings held"),
                self.tr("Follow-ups done"), self.tr("In-service members"), self.tr("Points"))

    def display(self, row: CommunityFigures, column: int) -> str:
        if column == 0:
            return row.name or self.tr("Total")
        from gridoffice.services.street_summary import FIGURES

        return str(getattr(row, FIGURES[column - 1]))


class CommunitiesBox(QGroupBox):
    """The street office's communities side by side (this year's figures)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Communities"), parent)
        self.model = CommunityLineModel(self)
        self.view = small_table(self.model, 0, self)
        self.view.setObjectName("communityTable")
        rows = self.view.verticalHeader().defaultSectionSize()
        self.view.setMinimumHeight(rows * 4 + self.view.horizontalHeader().sizeHint().height())
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.note)

    def set_lines(self, lines: Sequence[CommunityFigures], year: int,
                  total: Callable[[Sequence[CommunityFigures]], CommunityFigures]) -> None:
        self.model.set_rows([*lines, total(lines)])
        self.note.setText(self.tr(
            "{count} communities. Members, households, residents and in-service members are "
            "as of today; meetings, follow-ups and points of {year}, from the records each "
            "community sent up.").format(count=len(lines), year=year))
