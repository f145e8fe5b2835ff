"""The history of one organisation: date, event, a readable detail, operator."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from gridoffice.domain.codes import ORG_EVENTS, ORG_TYPES, SEATS
from gridoffice.ui.labels import code_label, date_text
from gridoffice.ui.models.table import RowTableModel

if TYPE_CHECKING:
    from gridoffice.services.orgs import EventRow

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")
COL_DATE, COL_EVENT, COL_DETAIL, COL_OPERATOR = range(4)


def _field_label(key: str) -> str:
    labels = {
        "short_name": translate("OrgHistory", "Short name"),
        "org_type": translate("OrgHistory", "Type"),
        "grid_code": translate("OrgHistory", "Grid"),
        "established": translate("OrgHistory", "Established"),
        "term_end": translate("OrgHistory", "Term end"),
    }
    return labels.get(key, key)


def _value(key: str, value: Any) -> str:
    if value in (None, ""):
        return "—"
    if key == "org_type":
        return code_label(ORG_TYPES, str(value))
    return str(value)


def describe_event(event: EventRow) -> str:
    """One line a person can read, from the event's stored detail."""
    d = event.detail
    kind = event.kind
    person = d.get("person", "")
    if kind == "created":
        org_type = code_label(ORG_TYPES, d.get("org_type"))
        if d.get("parent"):
            text = translate("OrgHistory", "Created as {type} under {parent}")
            return text.format(type=org_type, parent=d["parent"])
        return translate("OrgHistory", "Created as a top-level {type}").format(type=org_type)
    if kind == "renamed":
        text = translate("OrgHistory", "{old} → {new}")
        return text.format(old=d.get("old", ""), new=d.get("new", ""))
    if kind == "edited":
        text = translate("OrgHistory", "{field}: {old} → {new}")
        parts = [text.format(field=_field_label(key), old=_value(key, pair[0]),
                             new=_value(key, pair[1]))
                 for key, pair in d.get("changes", {}).items()]
        return translate("OrgHistory", "; ").join(parts)
    if kind == "moved":
        top = translate("OrgHistory", "top level")
        text = translate("OrgHistory", "From {old} to {new}")
        return text.format(old=d.get("old") or top, new=d.get("new") or top)
    if kind == "retired":
        if d.get("reason"):
            text = translate("OrgHistory", "Retired on {date}. Reason: {reason}")
            return text.format(date=d.get("on", ""), reason=d["reason"])
        return translate("OrgHistory", "Retired on {date}").format(date=d.get("on", ""))
    if kind == "restored":
        text = translate("OrgHistory", "Retirement of {date} taken back")
        return text.format(date=d.get("was", ""))
    if kind == "seat_appointed":
        seat = code_label(SEATS, d.get("seat"))
        if d.get("reopened"):
            text = translate("OrgHistory", "{seat}: {person} (term resumed)")
        else:
            text = translate("OrgHistory", "{seat}: {person}")
        return text.format(seat=seat, person=person)
    if kind == "seat_ended":
        text = translate("OrgHistory", "{seat}: {person}, term ended on {date}")
        return text.format(seat=code_label(SEATS, d.get("seat")), person=person,
                           date=d.get("to", ""))
    return ", ".join(f"{key}={value}" for key, value in d.items())


class OrgHistoryModel(RowTableModel["EventRow"]):
    """Rows from ``OrgService.history`` (newest first)."""

    def headers(self) -> Sequence[str]:
        return (self.tr("Date"), self.tr("Event"), self.tr("Detail"), self.tr("Operator"))

    def display(self, row: EventRow, column: int) -> str:
        if column == COL_DATE:
            return date_text(row.on_date)
        if column == COL_EVENT:
            return code_label(ORG_EVENTS, row.kind)
        if column == COL_DETAIL:
            return describe_event(row)
        if column == COL_OPERATOR:
            return row.operator
        return ""

    def tooltip(self, row: EventRow, column: int) -> str | None:
        return describe_event(row) if column == COL_DETAIL else None
