"""Table models of the co-building tab: orders and their steps, matching resources,
resources, services and projects, units of the area, departments, completion rates
and the two-way review. Every value shown is what the service returns (residents
and phones already masked where they must be)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from gridoffice.domain import cobuild
from gridoffice.domain.inservice import UNIT_TYPES
from gridoffice.ui.labels import code_label, date_text
from gridoffice.ui.models.meeting_table import IdRowsMixin
from gridoffice.ui.models.table import AnyIndex, RowTableModel

if TYPE_CHECKING:
    from gridoffice.services.cobuild import (
        DepartmentRow,
        Match,
        OrderRow,
        ProjectRow,
        RateRow,
        ResourceRow,
        ReviewBasis,
        ReviewRow,
        StepRow,
        UnitRow,
    )

CENTERED = int(Qt.AlignmentFlag.AlignCenter)
OVERDUE_COLOR = QColor("#c62828")
(ORD_CODE, ORD_RAISED, ORD_PERSON, ORD_GRID, ORD_CATEGORY, ORD_URGENCY, ORD_DESCRIPTION,
 ORD_STATE, ORD_ASSIGNEE, ORD_DEADLINE, ORD_RATING) = range(11)


def percent(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "—"


def _codes(table: Any, code: str | None) -> str:
    return code_label(table, code)


class OrderTableModel(IdRowsMixin, RowTableModel["OrderRow"]):
    """The orders; an overdue one in red, its state followed by "(overdue)"."""

    def headers(self) -> Sequence[str]:
        return (self.tr("No."), self.tr("Recorded"), self.tr("Resident"), self.tr("Grid"),
                self.tr("Category"), self.tr("Urgency"), self.tr("Need"), self.tr("State"),
                self.tr("Handled by"), self.tr("Deadline"), self.tr("Rating"))

    def state_text(self, row: OrderRow) -> str:
        text = _codes(cobuild.STATES, row.state)
        return self.tr("{state} (overdue)").format(state=text) if row.overdue else text

    def display(self, row: OrderRow, column: int) -> str:
        values = (row.code, date_text(row.raised_on), row.person, row.grid_name,
                  _codes(cobuild.CATEGORIES, row.category),
                  _codes(cobuild.URGENCIES, row.urgency), row.description,
                  self.state_text(row), row.assignee_name, date_text(row.deadline),
                  str(row.rating) if row.rating is not None else "")
        return values[column]

    def sort_key(self, row: OrderRow, column: int) -> Any:
        if column == ORD_RAISED:
            return (row.raised_on, row.code)
        return self.display(row, column)

    def tooltip(self, row: OrderRow, column: int) -> str | None:
        if row.ignored:
            return self.tr("%n step(s) came after the order had moved on and were not "
                           "applied; see its history.", "", row.ignored)
        return row.description if column == ORD_DESCRIPTION else None

    def muted(self, row: OrderRow) -> bool:
        return row.state == cobuild.CLOSED

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is not None and role == Qt.ItemDataRole.ForegroundRole and row.overdue:
            return QBrush(OVERDUE_COLOR)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (
                ORD_RAISED, ORD_URGENCY, ORD_DEADLINE, ORD_RATING):
            return CENTERED
        return super().data(index, role)


class StepTableModel(RowTableModel["StepRow"]):
    """An order's history, oldest first; a step that came too late is greyed."""

    def headers(self) -> Sequence[str]:
        return (self.tr("When"), self.tr("Step"), self.tr("Recorded by"), self.tr("Details"))

    def display(self, row: StepRow, column: int) -> str:
        office = (self.tr("street office") if row.office == "street"
                  else self.tr("community"))
        details = []
        if row.assignee_name:
            details.append(self.tr("to {name}").format(name=row.assignee_name))
        if row.deadline:
            details.append(self.tr("deadline {date}").format(date=date_text(row.deadline)))
        if row.rating is not None:
            details.append(self.tr("rated {n} of 5").format(n=row.rating))
        if row.text:
            details.append(row.text)
        if row.ignored:
            details.append(self.tr("(not applied: the order had moved on)"))
        values = (row.at.strftime("%Y-%m-%d %H:%M"), _codes(cobuild.STEPS, row.kind),
                  f"{row.recorded_by}（{office}）" if row.recorded_by else office,
                  "；".join(details))
        return values[column]

    def muted(self, row: StepRow) -> bool:
        return row.ignored


class MatchTableModel(RowTableModel["Match"]):
    """Resources that may meet the selected order, best first."""

    def headers(self) -> Sequence[str]:
        return (self.tr("Resource"), self.tr("Provider"), self.tr("Grid"), self.tr("When"),
                self.tr("Open orders"))

    def display(self, row: Match, column: int) -> str:
        r = row.resource
        values = (r.title, r.provider_name, r.grid_name or self.tr("whole community"),
                  r.available or "", str(row.busy))
        return values[column]

    def muted(self, row: Match) -> bool:
        return not row.current


class ResourceTableModel(IdRowsMixin, RowTableModel["ResourceRow"]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.today: Any = None

    def headers(self) -> Sequence[str]:
        return (self.tr("Category"), self.tr("What is offered"), self.tr("Provider"),
                self.tr("Kind"), self.tr("Capacity"), self.tr("When available"),
                self.tr("Contact"), self.tr("Phone"), self.tr("Grid"), self.tr("Until"))

    def display(self, row: ResourceRow, column: int) -> str:
        from gridoffice.services.cobuild import PROVIDERS

        values = (_codes(cobuild.CATEGORIES, row.category), row.title, row.provider_name,
                  _codes(PROVIDERS, row.provider_kind), row.capacity or "", row.available or "",
                  row.contact or "", row.phone, row.grid_name, date_text(row.to_date))
        return values[column]

    def tooltip(self, row: ResourceRow, column: int) -> str | None:
        return row.detail or None

    def muted(self, row: ResourceRow) -> bool:
        return self.today is not None and not row.current(self.today)


class ProjectTableModel(IdRowsMixin, RowTableModel["ProjectRow"]):
    def headers(self) -> Sequence[str]:
        return (self.tr("Service or project"), self.tr("Category"), self.tr("Content"),
                self.tr("Standard"), self.tr("Unit responsible"), self.tr("Person responsible"),
                self.tr("From"), self.tr("To"), self.tr("Status"), self.tr("Orders"))

    def display(self, row: ProjectRow, column: int) -> str:
        from gridoffice.services.cobuild import PROJECT_STATUSES

        values = (row.name, _codes(cobuild.CATEGORIES, row.category), row.content,
                  row.standard, row.unit_name, row.responsible or "", date_text(row.start_date),
                  date_text(row.end_date), _codes(PROJECT_STATUSES, row.status), str(row.orders))
        return values[column]

    def muted(self, row: ProjectRow) -> bool:
        return row.status in ("done", "paused")


class UnitTableModel(IdRowsMixin, RowTableModel["UnitRow"]):
    """The units of the area with their agreement and their co-building work."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.today: Any = None

    def headers(self) -> Sequence[str]:
        return (self.tr("Unit"), self.tr("Type"), self.tr("Party organisation"),
                self.tr("Address"), self.tr("Contact"), self.tr("Phone"), self.tr("Agreement"),
                self.tr("Part-time committee members"), self.tr("In-service members"),
                self.tr("Resources"), self.tr("Orders"), self.tr("Completed"))

    def agreement_text(self, row: UnitRow) -> str:
        if row.agreement_signed is None:
            return self.tr("none")
        text = self.tr("signed {date}").format(date=date_text(row.agreement_signed))
        if row.agreement_until:
            text += self.tr(", until {date}").format(date=date_text(row.agreement_until))
        if self.today is not None and not row.agreement_current(self.today):
            text += self.tr(" (expired)")
        return text

    def display(self, row: UnitRow, column: int) -> str:
        values = (row.name, _codes(UNIT_TYPES, row.unit_type), row.party_org or "",
                  row.address or "", row.contact or "", row.phone, self.agreement_text(row),
                  "、".join(row.part_time), str(row.members), str(row.resources),
                  str(row.orders), str(row.completed))
        return values[column]

    def tooltip(self, row: UnitRow, column: int) -> str | None:
        return row.agreement_content or None


class DepartmentTableModel(IdRowsMixin, RowTableModel["DepartmentRow"]):
    def headers(self) -> Sequence[str]:
        return (self.tr("Department"), self.tr("Contact"), self.tr("Phone"),
                self.tr("Orders dispatched"), self.tr("Completed"), self.tr("Completion rate"))

    def display(self, row: DepartmentRow, column: int) -> str:
        values = (row.name, row.contact or "", row.phone, str(row.orders), str(row.completed),
                  percent(row.completed, row.orders))
        return values[column]

    def muted(self, row: DepartmentRow) -> bool:
        return row.retired_on is not None


class RateTableModel(RowTableModel["RateRow"]):
    """办结 / 受理 per community, unit or category; the total line last."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.by = "category"

    def headers(self) -> Sequence[str]:
        first = {"community": self.tr("Community"), "unit": self.tr("Unit or department")}
        return (first.get(self.by, self.tr("Category")), self.tr("Taken on"),
                self.tr("Completed"), self.tr("Completion rate"), self.tr("Overdue"))

    def display(self, row: RateRow, column: int) -> str:
        if not row.key:
            label = self.tr("Total")
        elif self.by == "category":
            label = _codes(cobuild.CATEGORIES, row.label)
        else:
            label = row.label
        values = (label, str(row.accepted), str(row.completed),
                  percent(row.completed, row.accepted), str(row.overdue))
        return values[column]


class ReviewTableModel(IdRowsMixin, RowTableModel["ReviewBasis"]):
    """The units of a year's review: what the records say, the community's scores of
    each unit and the unit's of the community, with the rank."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.results: dict[str, ReviewRow] = {}

    def set_review(self, bases: Sequence[ReviewBasis], results: Sequence[ReviewRow]) -> None:
        self.results = {r.unit_id: r for r in results}
        self.set_rows(bases)

    def headers(self) -> Sequence[str]:
        return (self.tr("Unit"), self.tr("Agreement"), self.tr("Members"),
                self.tr("Average points"), self.tr("Orders completed"),
                self.tr("Residents' rating"), self.tr("Our scores"), self.tr("Total"),
                self.tr("Grade"), self.tr("Rank"), self.tr("Unit's scores of us"))

    def display(self, row: ReviewBasis, column: int) -> str:
        from gridoffice.services.cobuild import GRADES, grade_of

        result = self.results.get(row.unit_id)
        ours = result.of_unit if result else None
        theirs = result.of_community if result else None
        total = sum(ours) if ours else None
        values = (
            row.unit_name, self.tr("in force") if row.agreement else self.tr("none"),
            str(row.members), f"{row.points:g}", f"{row.completed}/{row.orders}",
            f"{row.rating:.1f}" if row.rating is not None else "",
            " / ".join(map(str, ours)) if ours else "",
            str(total) if total is not None else "",
            code_label(GRADES, grade_of(total)) if total is not None else "",
            str(result.rank) if result and result.rank else "",
            (f"{' / '.join(map(str, theirs))} = {sum(theirs)}" if theirs else ""))
        return values[column]

    def id_of(self, row: ReviewBasis) -> str:
        return row.unit_id

    def row_of(self, row_id: str | None) -> int:
        return next((i for i, r in enumerate(self._rows) if r.unit_id == row_id), -1)
