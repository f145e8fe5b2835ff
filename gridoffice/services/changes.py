"""What a write changed: the tables and the record ids, handed to every tab so that
each refreshes only what it shows.

A write (a service call, an undo or redo, an import, a sync) is described by a
:class:`Changes`; the window hands it to every tab's ``refresh``, and a tab asks
``changes.touches(*its tables)``. ``Changes.everything()`` stands for "anything
may have changed" (a restored backup, a sync whose rows are not itemised).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# The tables each area shows, by name in the database. A tab watches its area's
# tables (and those of another area it shows, e.g. households show member links).
ORGS = frozenset({"org", "committee_seat", "org_event"})
ROSTER = ORGS | {"member", "member_placement", "member_event", "member_transfer"}
HOUSEHOLDS = frozenset({"grid", "grid_role", "building", "house", "household", "resident",
                        "resident_tag", "visit"})
MEETINGS = frozenset({"meeting", "meeting_attendee", "agenda_item", "agenda_speech",
                      "resolution", "follow_up", "meeting_amendment", "meeting_attachment"})
INSERVICE = frozenset({"work_unit", "registration", "service_post", "post_claim",
                       "service_activity", "service_record", "points_entry"})
COBUILD = frozenset({"work_unit", "committee_seat", "department", "service_project",
                     "service_order", "order_step", "resource", "cobuild_file",
                     "review_score"})
SYNC = frozenset({"sync_conflict", "sync_package", "sync_peer", "sync_cursor", "sync_digest",
                  "sync_history"})
OFFICE = frozenset({"setting", "meta", "audit_log"})
AREAS = {"roster": ROSTER, "households": HOUSEHOLDS, "meetings": MEETINGS,
         "inservice": INSERVICE, "cobuild": COBUILD, "sync": SYNC, "office": OFFICE}


@dataclass(frozen=True)
class Changes:
    """Tables and record ids one write touched; combine notices with ``|``."""

    tables: frozenset[str] = frozenset()
    ids: frozenset[str] = frozenset()
    all: bool = False

    @classmethod
    def of(cls, *tables: str, ids: Iterable[str | None] = ()) -> Changes:
        unknown = [table for table in tables if not any(table in t for t in AREAS.values())]
        if unknown:
            raise ValueError(f"unknown tables: {unknown}")
        return cls(frozenset(tables), frozenset(i for i in ids if i))

    @classmethod
    def area(cls, name: str, ids: Iterable[str | None] = ()) -> Changes:
        """Every table of one area (``roster``, ``households``, …)."""
        return cls(AREAS[name], frozenset(i for i in ids if i))

    @classmethod
    def everything(cls) -> Changes:
        return cls(all=True)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.tables | other.tables, self.ids | other.ids,
                       self.all or other.all)

    def __bool__(self) -> bool:
        return self.all or bool(self.tables)

    def touches(self, *tables: str | frozenset[str]) -> bool:
        """Whether any of ``tables`` (names or sets of names) may have changed."""
        if self.all:
            return True
        for table in tables:
            if (table in self.tables) if isinstance(table, str) else (table & self.tables):
                return True
        return False

    def touches_id(self, record_id: str | None) -> bool:
        """Whether this record may have changed (every id, when ids are not listed)."""
        return self.all or not self.ids or record_id in self.ids

