"""The small tables about one member (history, placements, transfers) and the
reminder list of members due for full membership."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from gridoffice.domain import masking
from gridoffice.domain.codes import (
    DEGREE,
    EDUCATION,
    ETHNICITY,
    ID_TYPES,
    MEMBER_CATEGORY,
    MEMBER_STATUS,
    SEX,
    TRANSFER_STATUS,
    CodeTable,
)
from gridoffice.ui.labels import code_label, date_text
from gridoffice.ui.models.member_table import WARNING_COLOR
from gridoffice.ui.models.table import RowTableModel

if TYPE_CHECKING:
    from gridoffice.services.roster import DueItem, EventRow, PlacementRow, TransferRow

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")
OrgName = Callable[[str], str | None]

EV_DATE, EV_EVENT, EV_DETAIL, EV_OPERATOR = range(4)
PL_ORG, PL_FROM, PL_TO, PL_REASON = range(4)
(TR_DIRECTION, TR_FROM, TR_TO, TR_OUT, TR_IN, TR_DUES, TR_STATUS, TR_NOTE) = range(8)
DUE_WHEN, DUE_NAME, DUE_ORG, DUE_JOIN, DUE_DATE, DUE_DAYS = range(6)

_CODE_FIELDS: dict[str, CodeTable] = {
    "sex": SEX, "ethnicity": ETHNICITY, "education": EDUCATION, "degree": DEGREE,
    "id_type": ID_TYPES, "status": MEMBER_STATUS, "category": MEMBER_CATEGORY,
}


def event_label(kind: str) -> str:
    labels = {
        "added": translate("MemberHistory", "Added"),
        "imported": translate("MemberHistory", "Imported from Excel"),
        "edited": translate("MemberHistory", "Details changed"),
        "moved": translate("MemberHistory", "Moved"),
        "confirmed": translate("MemberHistory", "Became a full member"),
        "probation_extended": translate("MemberHistory", "Probation extended"),
        "deceased": translate("MemberHistory", "Deceased"),
        "expelled": translate("MemberHistory", "Out of the party"),
        "suspended": translate("MemberHistory", "Membership suspended"),
        "restored": translate("MemberHistory", "Restored"),
        "transfer_started": translate("MemberHistory", "Transfer out started"),
        "transferred_out": translate("MemberHistory", "Transferred out"),
        "transfer_returned": translate("MemberHistory", "Transfer returned"),
        "transfer_status": translate("MemberHistory", "Transfer status"),
        "transferred_in": translate("MemberHistory", "Transferred in"),
    }
    return labels.get(kind, kind)


def field_label(key: str) -> str:
    labels = {
        "name": translate("MemberHistory", "Name"),
        "former_name": translate("MemberHistory", "Former name"),
        "sex": translate("MemberHistory", "Sex"),
        "ethnicity": translate("MemberHistory", "Ethnicity"),
        "birth_date": translate("MemberHistory", "Birth date"),
        "id_type": translate("MemberHistory", "ID type"),
        "id_number": translate("MemberHistory", "ID number"),
        "native_place": translate("MemberHistory", "Native place"),
        "education": translate("MemberHistory", "Education"),
        "degree": translate("MemberHistory", "Degree"),
        "mobile": translate("MemberHistory", "Phone"),
        "join_date": translate("MemberHistory", "Join date"),
        "status": translate("MemberHistory", "Membership"),
        "probation_extension_months": translate("MemberHistory", "Probation extension"),
        "full_date": translate("MemberHistory", "Full membership date"),
        "party_post": translate("MemberHistory", "Party post"),
        "category": translate("MemberHistory", "Category"),
        "hardship": translate("MemberHistory", "Member in hardship"),
        "center_household": translate("MemberHistory", "Party member centre household"),
        "star_rating": translate("MemberHistory", "Star rating"),
        "org_id": translate("MemberHistory", "Party organisation"),
        "work_unit": translate("MemberHistory", "Work unit"),
        "job": translate("MemberHistory", "Job"),
        "unit_party_org": translate("MemberHistory", "Unit party organisation"),
        "grid_code": translate("MemberHistory", "Grid"),
        "address": translate("MemberHistory", "Address"),
        "away_destination": translate("MemberHistory", "Destination"),
        "away_since": translate("MemberHistory", "Away since"),
        "away_contact": translate("MemberHistory", "Contact while away"),
        "note": translate("MemberHistory", "Note"),
    }
    return labels.get(key, key)


def _value(key: str, value: Any, org_name: OrgName) -> str:
    if value in (None, ""):
        return "—"
    if key in _CODE_FIELDS:
        return code_label(_CODE_FIELDS[key], str(value))
    if key == "id_number":  # never shown in full outside the reveal action
        return masking.mask_id(str(value))
    if key == "mobile":
        return masking.mask_phone(str(value))
    if key == "org_id":
        return org_name(str(value)) or "—"
    if isinstance(value, bool) or key in ("hardship", "center_household"):
        return translate("MemberHistory", "yes") if value else translate("MemberHistory", "no")
    if key == "probation_extension_months":
        return translate("MemberHistory", "{months} months").format(months=value)
    return str(value)


def describe_event(event: EventRow, org_name: OrgName = lambda _id: None) -> str:
    """One line a person can read, from the event's stored detail."""
    d = event.detail
    kind = event.kind
    reason = d.get("reason") or ""
    if kind == "added":
        org = d.get("org")
        return translate("MemberHistory", "Added to {org}").format(org=org) if org else ""
    if kind == "edited":
        text = translate("MemberHistory", "{field}: {old} → {new}")
        parts = [text.format(field=field_label(key), old=_value(key, pair[0], org_name),
                             new=_value(key, pair[1], org_name))
                 for key, pair in d.get("changes", {}).items()]
        return translate("MemberHistory", "; ").join(parts)
    if kind == "moved":
        none = translate("MemberHistory", "none")
        return translate("MemberHistory", "From {old} to {new}").format(
            old=d.get("old") or none, new=d.get("new") or none)
    if kind == "probation_extended":
        text = translate("MemberHistory", "By {months} months").format(months=d.get("months"))
        if reason:
            text = translate("MemberHistory", "{text}. Reason: {reason}").format(
                text=text, reason=reason)
        return text
    if kind in ("deceased", "expelled", "suspended", "restored"):
        return translate("MemberHistory", "Reason: {reason}").format(reason=reason) \
            if reason else ""
    if kind in ("transfer_started", "transferred_out"):
        return translate("MemberHistory", "To {org}").format(org=d.get("to", ""))
    if kind == "transferred_in":
        return translate("MemberHistory", "From {org}").format(org=d.get("from_org", ""))
    if kind == "transfer_status":
        return code_label(TRANSFER_STATUS, d.get("status"))
    if kind in ("confirmed", "transfer_returned"):
        return ""
    return ", ".join(f"{key}={value}" for key, value in d.items())


class MemberEventModel(RowTableModel["EventRow"]):
    """Rows of ``RosterService.history`` (newest first)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.org_name: OrgName = lambda _id: None

    def headers(self) -> Sequence[str]:
        return (self.tr("Date"), self.tr("Event"), self.tr("Detail"), self.tr("Operator"))

    def display(self, row: EventRow, column: int) -> str:
        if column == EV_DATE:
            return date_text(row.on_date)
        if column == EV_EVENT:
            return event_label(row.kind)
        if column == EV_DETAIL:
            return describe_event(row, self.org_name)
        if column == EV_OPERATOR:
            return row.operator
        return ""

    def sort_key(self, row: EventRow, column: int) -> Any:
        if column == EV_DATE:
            return row.on_date.toordinal()
        return self.display(row, column)

    def tooltip(self, row: EventRow, column: int) -> str | None:
        return describe_event(row, self.org_name) if column == EV_DETAIL else None


def placement_reason(reason: str) -> str:
    labels = {
        "added": translate("MemberPlacements", "Added"),
        "imported": translate("MemberPlacements", "Imported from Excel"),
        "moved": translate("MemberPlacements", "Moved"),
        "restored": translate("MemberPlacements", "Restored"),
        "transfer_in": translate("MemberPlacements", "Transferred in"),
    }
    return labels.get(reason, reason)


class PlacementModel(RowTableModel["PlacementRow"]):
    """Where a member belonged: "第一网格党支部: 2019-07-01 – till now"."""

    def headers(self) -> Sequence[str]:
        return (self.tr("Organisation"), self.tr("From"), self.tr("To"), self.tr("How"))

    def display(self, row: PlacementRow, column: int) -> str:
        if column == PL_ORG:
            return row.org_name or self.tr("(work unit's party organisation)")
        if column == PL_FROM:
            return date_text(row.from_date)
        if column == PL_TO:
            return date_text(row.to_date) if row.to_date else self.tr("till now")
        if column == PL_REASON:
            return placement_reason(row.reason)
        return ""

    def muted(self, row: PlacementRow) -> bool:
        return row.to_date is not None

    def summary(self, row: PlacementRow) -> str:
        """"第一网格党支部: 2019-07-01 至今" or "…: 2019-07-01 至 2023-12-31"."""
        if row.to_date is None:
            return self.tr("{org}: since {start}").format(
                org=self.display(row, PL_ORG), start=self.display(row, PL_FROM))
        return self.tr("{org}: {start} – {end}").format(
            org=self.display(row, PL_ORG), start=self.display(row, PL_FROM),
            end=self.display(row, PL_TO))


class TransferModel(RowTableModel["TransferRow"]):
    """Transfers of one member (组织关系转接), newest first."""

    def headers(self) -> Sequence[str]:
        return (self.tr("Direction"), self.tr("From"), self.tr("To"), self.tr("Out"),
                self.tr("In"), self.tr("Dues paid up to"), self.tr("Status"), self.tr("Note"))

    def display(self, row: TransferRow, column: int) -> str:
        if column == TR_DIRECTION:
            return self.tr("Out") if row.direction == "out" else self.tr("In")
        if column == TR_FROM:
            return row.from_org
        if column == TR_TO:
            return row.to_org
        if column == TR_OUT:
            return date_text(row.out_date)
        if column == TR_IN:
            return date_text(row.in_date)
        if column == TR_DUES:
            return date_text(row.dues_paid_until)
        if column == TR_STATUS:
            return code_label(TRANSFER_STATUS, row.status)
        if column == TR_NOTE:
            return row.note or ""
        return ""

    def muted(self, row: TransferRow) -> bool:
        return row.status in ("returned", "received")


def due_bucket_label(bucket: str) -> str:
    labels = {
        "overdue": translate("DueList", "Overdue"),
        "30": translate("DueList", "Within 30 days"),
        "60": translate("DueList", "Within 60 days"),
        "90": translate("DueList", "Within 90 days"),
    }
    return labels.get(bucket, bucket)


class DueListModel(RowTableModel["DueItem"]):
    """Members due for full membership (转正) soon, and those overdue."""

    def headers(self) -> Sequence[str]:
        return (self.tr("When"), self.tr("Name"), self.tr("Party organisation"),
                self.tr("Joined"), self.tr("Due"), self.tr("Days left"))

    def display(self, row: DueItem, column: int) -> str:
        if column == DUE_WHEN:
            return due_bucket_label(row.bucket)
        if column == DUE_NAME:
            return row.name
        if column == DUE_ORG:
            return row.org_name or ""
        if column == DUE_JOIN:
            return date_text(row.join_date)
        if column == DUE_DATE:
            return date_text(row.due_date)
        if column == DUE_DAYS:
            if row.days_left < 0:
                return self.tr("%n day(s) overdue", "", -row.days_left)
            if row.days_left == 0:
                return self.tr("today")
            return str(row.days_left)
        return ""

    def sort_key(self, row: DueItem, column: int) -> Any:
        if column in (DUE_WHEN, DUE_DATE, DUE_DAYS):
            return row.days_left
        if column == DUE_JOIN:
            return row.join_date.toordinal()
        return self.display(row, column)

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            row = self.row_at(index.row())
            if row is not None and row.bucket == "overdue":
                return QBrush(QColor(WARNING_COLOR))
        return super().data(index, role)
