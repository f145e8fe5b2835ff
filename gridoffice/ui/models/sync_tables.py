"""The tables of the sync tab: the peer PCs, the open conflicts, and one
conflict's two versions side by side (with a check per differing field)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from gridoffice.domain import masking
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.ui.models.table import NO_INDEX, AnyIndex, RowTableModel

if TYPE_CHECKING:
    from gridoffice.services.sync import Conflict, PeerStatus

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")
CONTEXT = "SyncTables"
WARNING_COLOR = QColor("#c62828")
DIFF_COLOR = QColor("#fff3cd")
CONTACT_WARN_DAYS = 30
CLOCK_BOUND_MS = 10 * 60 * 1000  # as the service: a clock more than ten minutes off

(P_NAME, P_PC, P_IN, P_OUT, P_PENDING, P_CONFLICTS, P_AGREE, P_DAYS, P_CLOCK) = range(9)
C_LABEL, C_TABLE, C_KIND, C_FIELDS, C_CLOCK, C_OFFICE, C_STATUS = range(7)
F_FIELD, F_CURRENT, F_OTHER = range(3)

TABLE_LABELS = {
    "org": QT_TRANSLATE_NOOP("SyncTables", "Party organisation"),
    "committee_seat": QT_TRANSLATE_NOOP("SyncTables", "Committee seat"),
    "org_event": QT_TRANSLATE_NOOP("SyncTables", "Organisation history"),
    "member": QT_TRANSLATE_NOOP("SyncTables", "Party member"),
    "member_placement": QT_TRANSLATE_NOOP("SyncTables", "Member placement"),
    "member_event": QT_TRANSLATE_NOOP("SyncTables", "Member history"),
    "member_transfer": QT_TRANSLATE_NOOP("SyncTables", "Membership transfer"),
    "grid": QT_TRANSLATE_NOOP("SyncTables", "Grid"),
    "grid_role": QT_TRANSLATE_NOOP("SyncTables", "Grid staff"),
    "building": QT_TRANSLATE_NOOP("SyncTables", "Building"),
    "house": QT_TRANSLATE_NOOP("SyncTables", "House"),
    "household": QT_TRANSLATE_NOOP("SyncTables", "Household"),
    "resident": QT_TRANSLATE_NOOP("SyncTables", "Resident"),
    "resident_tag": QT_TRANSLATE_NOOP("SyncTables", "Resident tag"),
    "visit": QT_TRANSLATE_NOOP("SyncTables", "Visit"),
    "meeting": QT_TRANSLATE_NOOP("SyncTables", "Meeting"),
    "meeting_attendee": QT_TRANSLATE_NOOP("SyncTables", "Meeting attendee"),
    "agenda_item": QT_TRANSLATE_NOOP("SyncTables", "Agenda item"),
    "agenda_speech": QT_TRANSLATE_NOOP("SyncTables", "Speech"),
    "resolution": QT_TRANSLATE_NOOP("SyncTables", "Resolution"),
    "follow_up": QT_TRANSLATE_NOOP("SyncTables", "Follow-up"),
    "meeting_amendment": QT_TRANSLATE_NOOP("SyncTables", "Minutes amendment"),
    "meeting_attachment": QT_TRANSLATE_NOOP("SyncTables", "Meeting attachment"),
    "work_unit": QT_TRANSLATE_NOOP("SyncTables", "Unit of the area"),
    "registration": QT_TRANSLATE_NOOP("SyncTables", "In-service registration"),
    "service_post": QT_TRANSLATE_NOOP("SyncTables", "Service post"),
    "post_claim": QT_TRANSLATE_NOOP("SyncTables", "Post claim"),
    "service_activity": QT_TRANSLATE_NOOP("SyncTables", "Service activity"),
    "service_record": QT_TRANSLATE_NOOP("SyncTables", "Service record"),
    "points_entry": QT_TRANSLATE_NOOP("SyncTables", "Points entry"),
    "department": QT_TRANSLATE_NOOP("SyncTables", "Department"),
    "service_project": QT_TRANSLATE_NOOP("SyncTables", "Service or project"),
    "service_order": QT_TRANSLATE_NOOP("SyncTables", "Resident's order"),
    "order_step": QT_TRANSLATE_NOOP("SyncTables", "Order step"),
    "resource": QT_TRANSLATE_NOOP("SyncTables", "Resource"),
    "cobuild_file": QT_TRANSLATE_NOOP("SyncTables", "Co-building file"),
    "review_score": QT_TRANSLATE_NOOP("SyncTables", "Two-way review"),
}
KIND_LABELS = {
    "edit": QT_TRANSLATE_NOOP("SyncTables", "Edited on both sides"),
    "delete": QT_TRANSLATE_NOOP("SyncTables", "Deleted and edited"),
    "identity": QT_TRANSLATE_NOOP("SyncTables", "Identity data to check"),
    "duplicate": QT_TRANSLATE_NOOP("SyncTables", "Possible duplicate"),
}
# Fields no other table of the project names (the others: member_history,
# org_history, residents_excel).
FIELD_LABELS = {
    "name": QT_TRANSLATE_NOOP("SyncTables", "Name"),
    "title": QT_TRANSLATE_NOOP("SyncTables", "Title"),
    "deleted": QT_TRANSLATE_NOOP("SyncTables", "Deleted"),
    "note": QT_TRANSLATE_NOOP("SyncTables", "Note"),
    "sort_order": QT_TRANSLATE_NOOP("SyncTables", "Order"),
    "retired_on": QT_TRANSLATE_NOOP("SyncTables", "Retired on"),
    "parent_id": QT_TRANSLATE_NOOP("SyncTables", "Parent organisation"),
    "code": QT_TRANSLATE_NOOP("SyncTables", "Code"),
}
#: Tables whose ``name`` is a person's: 姓名, where the other tables' is 名称.
PERSON_TABLES = frozenset({"member", "resident", "registration", "meeting_attendee"})
PERSON_NAME = QT_TRANSLATE_NOOP("SyncTables", "Full name")
MASKED_FIELDS = {"id_number": masking.mask_id, "mobile": masking.mask_phone}


def table_label(table: str) -> str:
    text = TABLE_LABELS.get(table)
    return translate(CONTEXT, text) if text else table


def kind_label(kind: str) -> str:
    text = KIND_LABELS.get(kind)
    return translate(CONTEXT, text) if text else kind


def field_label(table: str, key: str) -> str:
    """The Chinese (interface) name of a column, from the labels the project
    already has; the column name itself when none has it."""
    from gridoffice.services import residents_excel, roster
    from gridoffice.ui.models import member_history, org_history

    if table == "member":
        text = member_history.field_label(key)
        if text != key:
            return text
    if table == "org":
        text = org_history._field_label(key)  # noqa: SLF001 - the same labels
        if text != key:
            return text
    if key == "person_name" or (key == "name" and table in PERSON_TABLES):
        return translate(CONTEXT, PERSON_NAME)
    if key in FIELD_LABELS:
        return translate(CONTEXT, FIELD_LABELS[key])
    if key in residents_excel.FIELD_LABELS:
        return translate("errors", residents_excel.FIELD_LABELS[key])
    if key in roster.TEXT_LABELS:
        return translate("codes", roster.TEXT_LABELS[key])
    return key


def value_text(key: str, value: Any, table: str = "") -> str:
    """A stored value as the comparison shows it: codes by their labels, id
    numbers and phones masked."""
    from gridoffice.domain.codes import ORG_TYPES, SEX
    from gridoffice.ui.labels import code_label
    from gridoffice.ui.models.member_history import _CODE_FIELDS

    if value is None or value == "":
        return "—"
    codes = {"org": {"org_type": ORG_TYPES}, "member": _CODE_FIELDS,
             "resident": {"sex": SEX}}.get(table, {})
    if key in codes and isinstance(value, str):
        return code_label(codes[key], value)
    if key == "deleted" or isinstance(value, bool):
        return translate("SyncTables", "Yes") if value else translate("SyncTables", "No")
    if key in MASKED_FIELDS:
        return MASKED_FIELDS[key](str(value))
    return str(value)


def offset_text(offset_ms: int | None) -> str:
    """``Clock 3 days ahead`` / ``Clock 15 min behind``; "" within ten minutes."""
    if offset_ms is None or abs(offset_ms) <= CLOCK_BOUND_MS:
        return ""
    minutes = abs(offset_ms) // 60_000
    if minutes >= 24 * 60:
        amount = translate("SyncTables", "{days} days").format(days=minutes // (24 * 60))
    elif minutes >= 60:
        amount = translate("SyncTables", "{hours} h").format(hours=minutes // 60)
    else:
        amount = translate("SyncTables", "{minutes} min").format(minutes=minutes)
    if offset_ms > 0:
        return translate("SyncTables", "Clock {amount} ahead").format(amount=amount)
    return translate("SyncTables", "Clock {amount} behind").format(amount=amount)


def _when(text: str | None, sequence: int) -> str:
    if not text:
        return translate("SyncTables", "never")
    return translate("SyncTables", "{when} (#{sequence})").format(
        when=text.replace("T", " ")[:16], sequence=sequence)


class PeerTableModel(RowTableModel["PeerStatus"]):
    """One line per trusted peer PC."""

    def headers(self) -> Sequence[str]:
        return (translate("SyncTables", "Community / office"), translate("SyncTables", "PC"),
                translate("SyncTables", "Last received"), translate("SyncTables", "Last sent"),
                translate("SyncTables", "To send"), translate("SyncTables", "Open conflicts"),
                translate("SyncTables", "Data agree"),
                translate("SyncTables", "Since last contact"), translate("SyncTables", "Clock"))

    def display(self, row: PeerStatus, column: int) -> str:
        if column == P_NAME:
            return row.name
        if column == P_PC:
            return row.pc_label or "—"
        if column == P_IN:
            return _when(row.last_in, row.in_sequence)
        if column == P_OUT:
            return _when(row.last_out, row.out_sequence)
        if column == P_PENDING:
            return str(row.pending)
        if column == P_CONFLICTS:
            return str(row.conflicts)
        if column == P_AGREE:
            if row.digests_agree is None:
                return translate("SyncTables", "unknown")
            return translate("SyncTables", "agree") if row.digests_agree else \
                translate("SyncTables", "differ")
        if column == P_DAYS:
            if row.days_since_contact is None:
                return "—"
            return translate("SyncTables", "{days} days").format(days=row.days_since_contact)
        if column == P_CLOCK:
            return offset_text(row.clock_offset_ms)
        return ""

    def sort_key(self, row: PeerStatus, column: int) -> Any:
        if column in (P_PENDING, P_CONFLICTS):
            return row.pending if column == P_PENDING else row.conflicts
        if column == P_DAYS:
            return -1 if row.days_since_contact is None else row.days_since_contact
        return self.display(row, column)

    def tooltip(self, row: PeerStatus, column: int) -> str | None:
        if column == P_AGREE and row.mismatched:
            return translate("SyncTables", "Differ in: {tables}").format(
                tables="、".join(table_label(t) for t in row.mismatched))
        if column == P_AGREE and row.digests_agree is None:
            return translate("SyncTables", "Known after the first package from that PC")
        if column == P_NAME:
            return translate("SyncTables", "Fingerprint: {fingerprint}").format(
                fingerprint=row.fingerprint)
        if column == P_CLOCK and offset_text(row.clock_offset_ms):
            return translate("SyncTables", "The date or time of that PC is wrong; its changes "
                                      "are kept but conflicts with them go to review.")
        return None

    def warned(self, row: PeerStatus, column: int) -> bool:
        if column == P_AGREE:
            return row.digests_agree is False
        if column == P_DAYS:
            return (row.days_since_contact or 0) > CONTACT_WARN_DAYS
        if column == P_CONFLICTS:
            return row.conflicts > 0
        return column == P_CLOCK

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is not None and role == Qt.ItemDataRole.ForegroundRole and \
                self.warned(row, index.column()):
            return QBrush(WARNING_COLOR)
        if row is not None and role == Qt.ItemDataRole.FontRole and \
                self.warned(row, index.column()) and index.column() != P_CONFLICTS:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (
                P_PENDING, P_CONFLICTS, P_DAYS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)


class ConflictTableModel(RowTableModel["Conflict"]):
    """The conflicts to settle (and, on request, the settled ones)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.office_name: Callable[[str], str] = lambda office_id: office_id[:8]

    def headers(self) -> Sequence[str]:
        return (translate("SyncTables", "Record"), translate("SyncTables", "Kind of record"),
                translate("SyncTables", "Conflict"), translate("SyncTables", "Differing fields"),
                translate("SyncTables", "Clock"), translate("SyncTables", "Office"),
                translate("SyncTables", "Status"))

    def display(self, row: Conflict, column: int) -> str:
        if column == C_LABEL:
            return row.label
        if column == C_TABLE:
            return table_label(row.table)
        if column == C_KIND:
            return kind_label(row.kind)
        if column == C_FIELDS:
            return "、".join(field_label(row.table, f) for f in row.fields)
        if column == C_CLOCK:
            return translate("SyncTables", "clock suspect") if row.clock_suspect else ""
        if column == C_OFFICE:
            return self.office_name(row.origin_office)
        if column == C_STATUS:
            if row.status == "open":
                return translate("SyncTables", "open")
            return {
                "kept": translate("SyncTables", "kept current"),
                "taken": translate("SyncTables", "took the other"),
                "combined": translate("SyncTables", "combined"),
                "same_person": translate("SyncTables", "same person"),
                "different": translate("SyncTables", "different people"),
            }.get(row.resolution or "", translate("SyncTables", "resolved"))
        return ""

    def tooltip(self, row: Conflict, column: int) -> str | None:
        if column == C_CLOCK and row.clock_suspect:
            return translate("SyncTables", "One side's clock was wrong: which version is newer "
                                      "cannot be told from the time.")
        return None

    def muted(self, row: Conflict) -> bool:
        return row.status != "open"

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is not None and role == Qt.ItemDataRole.ForegroundRole and \
                index.column() == C_CLOCK and row.clock_suspect:
            return QBrush(WARNING_COLOR)
        return super().data(index, role)


class CompareModel(QAbstractTableModel):
    """Field | current version | other version; each differing field can be
    checked to take the other version's value."""

    HIDDEN = frozenset({"id", "origin_office", "hlc", "writer", "base_hlc", "local_seq"})

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.conflict: Conflict | None = None
        self._keys: list[str] = []
        self._differ: set[str] = set()
        self._take: set[str] = set()
        self.checkable = True
        self.revealed = False  # full id numbers and phones (the audit log knows)

    def set_conflict(self, conflict: Conflict | None) -> None:
        self.beginResetModel()
        self.conflict = conflict
        self._take = set()
        self.revealed = False
        if conflict is None:
            self._keys, self._differ = [], set()
        else:
            keys = [k for k in {**conflict.current, **conflict.other} if k not in self.HIDDEN]
            self._differ = {k for k in keys
                            if conflict.current.get(k) != conflict.other.get(k)} | {
                f for f in conflict.fields if f in keys}
            # What differs first, in the order of the record.
            self._keys = [k for k in keys if k in self._differ] + \
                [k for k in keys if k not in self._differ]
        self.endResetModel()

    def differing(self) -> list[str]:
        return [k for k in self._keys if k in self._differ]

    def has_masked(self) -> bool:
        return any(k in MASKED_FIELDS for k in self._keys)

    def reveal(self) -> None:
        self.revealed = True
        if self._keys:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._keys) - 1, 2))

    def taken(self) -> list[str]:
        return [k for k in self._keys if k in self._take]

    def set_taken(self, key: str, take: bool) -> None:
        if key not in self._differ or not self.checkable:
            return
        (self._take.add if take else self._take.discard)(key)
        row = self._keys.index(key)
        self.dataChanged.emit(self.index(row, 0), self.index(row, 2))

    def choice(self) -> dict[str, str]:
        """The combination for ``SyncService.resolve``: every differing field."""
        return {k: "other" if k in self._take else "current" for k in self.differing()}

    def rowCount(self, parent: AnyIndex = NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent: AnyIndex = NO_INDEX) -> int:
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (translate("SyncTables", "Field"), translate("SyncTables", "Current version"),
                translate("SyncTables", "Other version"))[section]

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == F_OTHER and self.checkable and \
                self._keys[index.row()] in self._differ:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.conflict is None:
            return None
        key = self._keys[index.row()]
        column = index.column()
        differs = key in self._differ
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == F_FIELD:
                return field_label(self.conflict.table, key)
            side = self.conflict.current if column == F_CURRENT else self.conflict.other
            value = side.get(key)
            if isinstance(value, str) and value in self.conflict.refs:
                return self.conflict.refs[value]  # a parent record, by its name
            if self.revealed and key in MASKED_FIELDS and value:
                return str(value)
            return value_text(key, value, self.conflict.table)
        if role == Qt.ItemDataRole.CheckStateRole and column == F_OTHER and differs and \
                self.checkable:
            return Qt.CheckState.Checked if key in self._take else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole and differs:
            return QBrush(DIFF_COLOR)
        if role == Qt.ItemDataRole.FontRole and differs:
            font = QFont()
            font.setBold(column != F_FIELD and
                         (key in self._take) == (column == F_OTHER))
            return font
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole or \
                index.column() != F_OTHER:
            return False
        key = self._keys[index.row()]
        if key not in self._differ:
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
        self.set_taken(key, checked)
        return True
