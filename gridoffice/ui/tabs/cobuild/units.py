"""The units of the area (驻区单位), the yearly two-way review (双向评议) and the
completion rates pages of the co-building tab."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from gridoffice.ui.dialogs import cobuild_dialogs as dialogs
from gridoffice.ui.labels import date_text
from gridoffice.ui.models.cobuild_tables import RateTableModel, ReviewTableModel, UnitTableModel
from gridoffice.ui.tabs.cobuild.page import ListPage, Page
from gridoffice.ui.widgets.actions import make_action
from gridoffice.ui.widgets.community import show_community_column
from gridoffice.ui.widgets.inputs import signals_blocked
from gridoffice.ui.widgets.tables import current_item, row_table, select_row, text_toolbar


def _year_combo(page: Page, first: int, count: int = 6) -> QComboBox:
    combo = QComboBox(page)
    for value in range(first, first - count, -1):
        combo.addItem(str(value), value)
    return combo


class UnitsPage(ListPage):
    """The units with their agreements, part-time committee members and work; the
    agreement's scan and other files beside the list."""

    def __init__(self, host: Any) -> None:
        self.new_action = make_action(host, self.tr("New unit…"), self.new_unit)
        self.edit_action = make_action(host, self.tr("Edit unit…"), self.edit_unit)
        self.agreement_action = make_action(host, self.tr("Co-building agreement…"),
                                            self.edit_agreement)
        self.attach_action = make_action(host, self.tr("Attach file…"), self.attach)
        super().__init__(host, UnitTableModel(host), [
            self.new_action, self.edit_action, self.agreement_action, self.attach_action])
        show_community_column(self.view, self.model, host.community)
        self.view.activated.connect(lambda _i: self.edit_agreement())
        self.view.selectionModel().currentRowChanged.connect(lambda *_a: self.show_files())
        self.files_label = QLabel(self.tr("Files"), self)
        self.files_list = QListWidget(self)
        self.files_list.itemActivated.connect(lambda _i: self.save_file())
        side = QVBoxLayout()
        side.addWidget(self.files_label)
        side.addWidget(self.files_list, 1)
        layout = self.layout()
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.view)
        holder = QWidget(self)
        holder.setLayout(side)
        splitter.addWidget(holder)
        splitter.setSizes([900, 260])
        layout.addWidget(splitter, 1)  # type: ignore[union-attr]

    def refresh(self, select_id: str | None = None) -> None:
        self.model.today = self.service.today()
        self.show_rows(self.service.units(), select_id)
        self.show_files()

    def show_files(self) -> None:
        row = self.current()
        self.files_list.clear()
        for f in self.service.files("work_unit", row.id) if row is not None else []:
            item = QListWidgetItem(f"{f.file_name}（{date_text(f.added_at.date())}）")
            item.setData(Qt.ItemDataRole.UserRole, f.id)
            self.files_list.addItem(item)

    def update_actions(self) -> None:
        row = self.current()
        own = row is not None and not self.host.community.read_only(row.origin_office)
        for action in (self.edit_action, self.agreement_action, self.attach_action):
            action.setEnabled(own)

    def _unit_dialog(self, draft: Any, save: Any) -> Any:
        from gridoffice.ui.dialogs.inservice_dialogs import WorkUnitDialog

        return WorkUnitDialog(self, save=save, draft=draft).ask_result()

    def new_unit(self) -> str | None:
        units = self.host.services.inservice
        unit_id = self._unit_dialog(None, units.add_work_unit)
        if unit_id is not None:
            self.host.written(select=unit_id)
        return unit_id

    def edit_unit(self) -> None:
        row = self.current()
        if row is None or not self.edit_action.isEnabled():
            return
        units = self.host.services.inservice
        self.edit_with_undo(self.tr("Edit unit"), row.id, units.work_unit, self._unit_dialog,
                            units.update_work_unit)

    def edit_agreement(self) -> None:
        row = self.current()
        if row is None or not self.agreement_action.isEnabled():
            return
        units = self.host.services.inservice
        self.edit_with_undo(
            self.tr("Edit co-building agreement"), row.id, units.work_unit,
            lambda draft, save: dialogs.AgreementDialog(self, unit=row.name, draft=draft,
                                                        save=save).ask_result(),
            units.update_work_unit)

    def attach(self) -> str | None:
        row = self.current()
        if row is None:
            return None
        return self.attach_file("work_unit", row.id, self.tr("Agreement or other file"))

    def save_file(self) -> Path | None:
        return self.save_file_of(self.files_list)


class ReviewPage(Page):
    """A year's two-way review: per unit what the records say, the community's
    scores and the unit's, the rank."""

    def __init__(self, host: Any) -> None:
        super().__init__(host)
        self.rate_action = make_action(self, self.tr("Review the unit…"), self.rate_unit)
        self.returned_action = make_action(self, self.tr("Enter the unit's review of us…"),
                                           self.enter_returned)
        self.year_combo = _year_combo(self, host.service.today().year)
        self.year_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.toolbar = text_toolbar(self, [self.rate_action, self.returned_action])
        self.toolbar.addWidget(QLabel(self.tr("  Year: "), self))
        self.toolbar.addWidget(self.year_combo)
        self.model = ReviewTableModel(self)
        self.view = row_table(self, self.model)
        self.view.verticalHeader().hide()
        self.view.activated.connect(lambda _i: self.rate_unit())
        self.view.selectionModel().currentRowChanged.connect(lambda *_a: self.update_actions())
        self.summary_label = QLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary_label)

    @property
    def year(self) -> int:
        return int(self.year_combo.currentData())

    def current(self) -> Any:
        return current_item(self.view, self.model)

    def refresh(self, select_id: str | None = None) -> None:
        keep = select_id or getattr(self.current(), "unit_id", None)
        results = self.service.review_results(self.year)
        self.model.set_review(self.service.review_basis(self.year), results)
        if select_row(self.view, self.model, keep) < 0 and self.model.rowCount():
            self.view.selectRow(0)
        rated = sum(1 for r in results if r.of_unit)
        returned = sum(1 for r in results if r.of_community)
        self.summary_label.setText(self.tr(
            "{rated} of {units} units reviewed; {returned} forms returned by the units."
        ).format(rated=rated, units=len(results), returned=returned))
        self.update_actions()

    def update_actions(self) -> None:
        chosen = self.current() is not None and not self.host.community.active
        self.rate_action.setEnabled(chosen)
        self.returned_action.setEnabled(chosen)

    def _review(self, direction: str) -> str | None:
        from gridoffice.services.cobuild import REVIEW_MEASURES, ReviewDraft

        basis = self.current()
        if basis is None:
            return None
        result = self.model.results.get(basis.unit_id)
        stored = (result.of_unit if direction == "of_unit" else result.of_community
                  ) if result else None
        remark = (result.remark_unit if direction == "of_unit" else result.remark_community
                  ) if result else ""
        start = stored or (basis.suggested if direction == "of_unit" else (20, 20, 20, 20))
        year, service = self.year, self.service
        measures = [self.host.translate_code(m) for m in REVIEW_MEASURES[direction]]
        saved = dialogs.ReviewDialog(
            self, basis=basis, direction=direction, measures=measures, scores=start,
            remark=remark, save=lambda scores, text: service.save_review(ReviewDraft(
                year, basis.unit_id, direction, scores, text))).ask_result()
        if saved is not None:
            self.host.written(select=basis.unit_id)
        return saved

    def rate_unit(self) -> str | None:
        return self._review("of_unit") if self.rate_action.isEnabled() else None

    def enter_returned(self) -> str | None:
        return self._review("of_community") if self.returned_action.isEnabled() else None


class RatesPage(Page):
    """办结 / 受理 of a year per community (at the street), unit or category."""

    def __init__(self, host: Any) -> None:
        super().__init__(host)
        self.year_combo = _year_combo(self, host.service.today().year)
        self.year_combo.insertItem(0, self.tr("All years"), None)
        self.year_combo.setCurrentIndex(1)
        self.by_combo = QComboBox(self)
        self.by_combo.addItem(self.tr("By category"), "category")
        self.by_combo.addItem(self.tr("By unit or department"), "unit")
        if host.community.active:
            self.by_combo.insertItem(0, self.tr("By community"), "community")
            self.by_combo.setCurrentIndex(0)
        for combo in (self.year_combo, self.by_combo):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Year:"), self))
        row.addWidget(self.year_combo)
        row.addWidget(self.by_combo)
        row.addStretch(1)
        self.model = RateTableModel(self)
        self.view = row_table(self, self.model)
        self.view.verticalHeader().hide()
        self.note_label = QLabel(self.tr(
            "Completion rate = completed / taken on (assigned by the community or sent up to "
            "the street) in the year."), self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.note_label)

    def refresh(self, select_id: str | None = None) -> None:
        by = str(self.by_combo.currentData())
        with signals_blocked(self.view):
            self.model.by = by
        self.model.set_rows(self.service.completion(
            self.year_combo.currentData(), by, sent_up=self.host.community.active))
