"""The points page of the in-service tab: the points of a period (ranked), the rules
in a banner, and a per-unit summary."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from gridoffice.domain import inservice as rules
from gridoffice.ui.dialogs import inservice_dialogs as dialogs
from gridoffice.ui.models.inservice_tables import PointsTableModel, UnitSummaryTableModel
from gridoffice.ui.tabs.inservice.page import Page
from gridoffice.ui.widgets.community import show_community_column
from gridoffice.ui.widgets.tables import row_table

BANNER_STYLE = "background: #e3f2fd; color: #0d47a1; padding: 4px 8px;"


class PointsPage(Page):
    """The points of a period (ranked), the rules in a banner, and a per-unit summary."""

    def __init__(self, host: Any) -> None:
        super().__init__(host)
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(2000, 2200)
        self.part_combo = QComboBox(self)
        self.part_combo.addItem(self.tr("Whole year"), "")
        self.part_combo.addItem(self.tr("First half"), "H1")
        self.part_combo.addItem(self.tr("Second half"), "H2")
        for quarter in range(1, 5):
            self.part_combo.addItem(self.tr("Quarter {number}").format(number=quarter),
                                    f"Q{quarter}")
        for month in range(1, 13):
            self.part_combo.addItem(self.tr("Month {number}").format(number=month),
                                    f"-{month:02d}")
        self.period_edit = QLineEdit(self)
        self.period_edit.setPlaceholderText("2026Q3")
        self.period_edit.setMaximumWidth(120)
        self.period_edit.setToolTip(self.tr(
            "Type a period: 2026, 2026H1 or 2026年上半年, 2026Q3 or 2026年第三季度, "
            "2026-07 or 2026年7月"))
        self.period_edit.returnPressed.connect(self.typed_period)
        self.unit_combo = QComboBox(self)
        self.unit_combo.setMinimumWidth(160)
        self.rules_button = QPushButton(self.tr("Point rules…"), self)
        self.rules_button.clicked.connect(self.edit_rules)
        self.count_label = QLabel(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Period:"), self))
        row.addWidget(self.year_spin)
        row.addWidget(self.part_combo)
        row.addWidget(QLabel(self.tr("or type:"), self))
        row.addWidget(self.period_edit)
        row.addSpacing(16)
        row.addWidget(QLabel(self.tr("Unit:"), self))
        row.addWidget(self.unit_combo)
        row.addWidget(self.count_label)
        row.addStretch(1)
        row.addWidget(self.rules_button)
        self.banner = QLabel(self)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setWordWrap(True)
        self.model = PointsTableModel(self, host.grid_name)
        self.view = row_table(self, self.model)
        show_community_column(self.view, self.model, host.community)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(False)
        self.units_model = UnitSummaryTableModel(self)
        self.units_view = row_table(self, self.units_model)
        self.units_view.verticalHeader().hide()
        self.units_view.horizontalHeader().setStretchLastSection(False)
        self.units_label = QLabel(self.tr("By work unit (feedback to the units)"), self)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.units_label)
        bottom_layout.addWidget(self.units_view, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(bottom)
        self.splitter.setSizes([420, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        self.period: rules.Period = rules.quarter_of(self.service.today())
        self.set_period(self.period, reload=False)
        self.year_spin.valueChanged.connect(lambda _v: self.chosen_period())
        self.part_combo.currentIndexChanged.connect(lambda _i: self.chosen_period())
        self.unit_combo.currentIndexChanged.connect(lambda _i: self.refresh())

    def set_period(self, period: rules.Period, *, reload: bool = True) -> None:
        self.period = period
        for widget in (self.year_spin, self.part_combo):
            widget.blockSignals(True)
        self.year_spin.setValue(period.year)
        part = period.text[4:]
        index = self.part_combo.findData(part)
        self.part_combo.setCurrentIndex(max(index, 0))
        for widget in (self.year_spin, self.part_combo):
            widget.blockSignals(False)
        self.period_edit.setText(period.text)
        if reload:
            self.refresh()

    def chosen_period(self) -> None:
        period = rules.parse_period(f"{self.year_spin.value()}{self.part_combo.currentData()}")
        if period is not None:
            self.set_period(period)

    def typed_period(self) -> bool:
        from gridoffice.services.inservice import parse_period_or_fail

        period = self._try(lambda: parse_period_or_fail(self.period_edit.text()))
        if period is None:
            self.period_edit.setText(self.period.text)
            return False
        self.set_period(period)
        return True

    def reload_units(self) -> None:
        keep = self.unit_combo.currentData()
        self.unit_combo.blockSignals(True)
        self.unit_combo.clear()
        self.unit_combo.addItem(self.tr("All units"), None)
        for unit in self.service.work_units():
            self.unit_combo.addItem(unit.name, unit.id)
        index = self.unit_combo.findData(keep)
        self.unit_combo.setCurrentIndex(max(index, 0))
        self.unit_combo.blockSignals(False)

    def refresh(self) -> None:
        service = self.service
        if self.unit_combo.count() == 0 or self.sender() is not self.unit_combo:
            self.reload_units()
        r = service.rules
        self.banner.setText(self.tr(
            "{period} ({start} to {end}). Pass mark {pass_mark} points a year, excellent "
            "from {excellent}; target {hours} service hours a year. Grades count the year to "
            "the period's end.").format(
            period=self.period.text, start=self.period.start.isoformat(),
            end=self.period.end.isoformat(), pass_mark=r.pass_mark, excellent=r.excellent,
            hours=r.hours_target))
        office = self.host.community_filter.office()  # the street: one community or all
        rows = service.points(self.period, work_unit_id=self.unit_combo.currentData(),
                              office=office)
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("%n member(s)", "", len(rows)))
        self.units_model.set_rows(service.unit_summaries(self.period, office=office))

    def edit_rules(self) -> None:
        service = self.service
        value = dialogs.PointRulesDialog(self, value=service.rules,
                                         save=service.save_point_rules).ask_result()
        if value is not None:
            service.reload_rules()
            self.host.refresh()
            self.host.status_message.emit(self.tr("The point rules were saved."))
