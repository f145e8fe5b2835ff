"""Committee seats of one organisation: current terms first, past ones muted."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from gridoffice.domain.codes import SEATS
from gridoffice.ui.labels import code_label, date_text
from gridoffice.ui.models.table import RowTableModel

if TYPE_CHECKING:
    from gridoffice.services.orgs import SeatRow

COL_SEAT, COL_PERSON, COL_FROM, COL_TO, COL_NOTE = range(5)


class SeatTableModel(RowTableModel["SeatRow"]):
    """Rows from ``OrgService.seats`` (already ordered: current, then past)."""

    def headers(self) -> Sequence[str]:
        return (self.tr("Seat"), self.tr("Person"), self.tr("From"), self.tr("To"),
                self.tr("Note"))

    def display(self, row: SeatRow, column: int) -> str:
        if column == COL_SEAT:
            return code_label(SEATS, row.seat)
        if column == COL_PERSON:
            return row.person_name
        if column == COL_FROM:
            return date_text(row.from_date)
        if column == COL_TO:
            return date_text(row.to_date, "—")
        if column == COL_NOTE:
            return row.note or ""
        return ""

    def sort_key(self, row: SeatRow, column: int) -> Any:
        if column == COL_FROM:
            return row.from_date.toordinal()
        if column == COL_TO:
            return row.to_date.toordinal() if row.to_date else 10**7
        return self.display(row, column)

    def muted(self, row: SeatRow) -> bool:
        return not row.current

    def tooltip(self, row: SeatRow, column: int) -> str | None:
        if row.current:
            return self.tr("Current term")
        return self.tr("Past term, ended on {date}").format(date=date_text(row.to_date))
