"""SQLModel tables. The DDL lives in ``migrations.py``; a test checks both agree."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, SQLModel


class Synced(SQLModel):
    """Columns every synced row carries (SYNC.md); stamped by ``database.py``."""

    id: str = Field(default="", primary_key=True)
    origin_office: str = ""
    hlc: int = 0
    writer: str = ""
    base_hlc: int | None = None
    deleted: bool = False


class Org(Synced, table=True):
    """A party organisation: 党委, 党总支, 党支部, 党小组 …"""

    __tablename__ = "org"

    name: str
    short_name: str | None = None
    org_type: str
    parent_id: str | None = Field(default=None, foreign_key="org.id")
    grid_code: str | None = None
    established: dt.date | None = None
    term_end: dt.date | None = None
    retired_on: dt.date | None = None
    sort_order: int = 0


class CommitteeSeat(Synced, table=True):
    """Who held a committee seat of an organisation, from when to when."""

    __tablename__ = "committee_seat"

    org_id: str = Field(foreign_key="org.id")
    seat: str
    person_name: str
    member_id: str | None = None
    from_date: dt.date
    to_date: dt.date | None = None
    note: str | None = None


class OrgEvent(Synced, table=True):
    """One dated change of an organisation: created, renamed, moved, retired …"""

    __tablename__ = "org_event"

    org_id: str = Field(foreign_key="org.id")
    on_date: dt.date
    kind: str
    detail: str = ""
    operator: str = ""


SYNCED_TABLES: tuple[type[Synced], ...] = (Org, CommitteeSeat, OrgEvent)
