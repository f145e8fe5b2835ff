"""Table models of the meetings tab: the meeting list, and the attendees,
amendments and attachments of the selected meeting."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt

from gridoffice.domain.meetings import (
    ATTACHMENT_KINDS,
    ATTENDEE_IDENTITIES,
    MEETING_STATUS,
    MEETING_TYPES,
    PERSON_KINDS,
    PRESENCE,
)
from gridoffice.ui.labels import code_label
from gridoffice.ui.models.table import AnyIndex, RowTableModel

if TYPE_CHECKING:
    from gridoffice.services.meetings import (
        AmendmentRow,
        AttachmentRow,
        AttendeeRow,
        MeetingRow,
    )

(COL_REF, COL_TYPE, COL_SESSION, COL_START, COL_PLACE, COL_HOST, COL_ATTENDANCE,
 COL_STATUS, COL_ITEMS, COL_OPEN) = range(10)


class IdRowsMixin:
    """``row_of(id)`` for models whose rows have an ``id``."""

    _rows: list[Any]

    def row_of(self, row_id: str | None) -> int:
        if not row_id:
            return -1
        return next((i for i, r in enumerate(self._rows) if r.id == row_id), -1)


class MeetingTableModel(IdRowsMixin, RowTableModel["MeetingRow"]):
    def headers(self) -> Sequence[str]:
        return (self.tr("No."), self.tr("Type"), self.tr("Session"), self.tr("Date and time"),
                self.tr("Place"), self.tr("Host"), self.tr("Expected/present"),
                self.tr("Status"), self.tr("Items"), self.tr("Open follow-ups"))

    def display(self, row: MeetingRow, column: int) -> str:
        if column == COL_REF:
            return row.ref
        if column == COL_TYPE:
            return code_label(MEETING_TYPES, row.meeting_type)
        if column == COL_SESSION:
            return self.tr("Session {number}").format(number=row.session_no) \
                if row.session_no else ""
        if column == COL_START:
            end = f"–{row.end_at:%H:%M}" if row.end_at else ""
            return f"{row.start_at:%Y-%m-%d %H:%M}{end}"
        if column == COL_PLACE:
            return row.place
        if column == COL_HOST:
            return row.host
        if column == COL_ATTENDANCE:
            return f"{row.expected}/{row.present}"
        if column == COL_STATUS:
            status = code_label(MEETING_STATUS, row.status)
            return self.tr("{status}, approved").format(status=status) \
                if row.approved_on else status
        if column == COL_ITEMS:
            return str(row.items)
        return str(row.open_follow_ups) if row.open_follow_ups else ""

    def tooltip(self, row: MeetingRow, column: int) -> str | None:
        return row.title or None

    def muted(self, row: MeetingRow) -> bool:
        return row.status == "cancelled"

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.TextAlignmentRole
                and index.column() in (COL_ATTENDANCE, COL_ITEMS, COL_OPEN)):
            return int(Qt.AlignmentFlag.AlignCenter)
        return super().data(index, role)


class AttendeeTableModel(IdRowsMixin, RowTableModel["AttendeeRow"]):
    def headers(self) -> Sequence[str]:
        return (self.tr("Name"), self.tr("Identity"), self.tr("Unit"), self.tr("From"),
                self.tr("Presence"), self.tr("Absence reason"), self.tr("Signed in"))

    def display(self, row: AttendeeRow, column: int) -> str:
        values = (row.name, code_label(ATTENDEE_IDENTITIES, row.identity), row.unit or "",
                  code_label(PERSON_KINDS, row.person_kind),
                  code_label(PRESENCE, row.presence) if row.presence else self.tr("not marked"),
                  row.absence_reason or "",
                  f"{row.signed_at:%H:%M}" if row.signed_at else "")
        return values[column]

    def muted(self, row: AttendeeRow) -> bool:
        return row.presence is None


class AmendmentTableModel(RowTableModel["AmendmentRow"]):
    def __init__(self, describe: Callable[[str], str], parent: Any = None) -> None:
        super().__init__(parent)
        self.describe = describe

    def headers(self) -> Sequence[str]:
        return (self.tr("When"), self.tr("By"), self.tr("Reason"), self.tr("Change"))

    def display(self, row: AmendmentRow, column: int) -> str:
        values = (f"{row.amended_at:%Y-%m-%d %H:%M}", row.operator, row.reason,
                  self.describe(row.change))
        return " ".join(values[column].split())


class AttachmentTableModel(IdRowsMixin, RowTableModel["AttachmentRow"]):
    def headers(self) -> Sequence[str]:
        return (self.tr("File"), self.tr("Kind"), self.tr("Size"), self.tr("Added"),
                self.tr("Note"))

    def display(self, row: AttachmentRow, column: int) -> str:
        size = f"{row.size / 1024:.0f} KB" if row.size < 2**20 else f"{row.size / 2**20:.1f} MB"
        values = (row.file_name, code_label(ATTACHMENT_KINDS, row.kind), size,
                  f"{row.added_at:%Y-%m-%d %H:%M}", row.note or "")
        return values[column]
