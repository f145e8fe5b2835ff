"""Rules of the party organisation tree (DOMAIN.md, Organisation)."""

from __future__ import annotations

import datetime as dt

# Which organisation types may sit directly below which.
ALLOWED_CHILDREN: dict[str, frozenset[str]] = {
    "committee": frozenset({"general_branch", "branch", "joint_branch", "temp_branch"}),
    "general_branch": frozenset({"branch", "joint_branch", "temp_branch"}),
    "branch": frozenset({"group"}),
    "joint_branch": frozenset({"group"}),
    "temp_branch": frozenset({"group"}),
    "group": frozenset(),
}
ROOT_TYPES = frozenset({"committee", "general_branch", "branch", "joint_branch"})

# Seats that only one person holds at a time; others (deputy secretary) may be several.
SINGLE_SEATS = frozenset(
    {"secretary", "organisation", "publicity", "discipline", "youth", "group_leader"}
)
GROUP_SEATS = frozenset({"group_leader"})
PART_TIME_SEAT = "part_time"  # 兼职委员: a unit's party leader on the committee

COMMITTEE_TERM_YEARS = 5
MAX_NAME_LENGTH = 60


def may_contain(parent_type: str | None, child_type: str) -> bool:
    if parent_type is None:
        return child_type in ROOT_TYPES
    return child_type in ALLOWED_CHILDREN.get(parent_type, frozenset())


def seat_allowed(org_type: str, seat: str) -> bool:
    """Groups have a group leader; other organisations have committee seats."""
    return (seat in GROUP_SEATS) == (org_type == "group")


def default_term_end(established: dt.date) -> dt.date:
    """Community committees serve five-year terms."""
    try:
        return established.replace(year=established.year + COMMITTEE_TERM_YEARS)
    except ValueError:  # 29 February
        return established.replace(year=established.year + COMMITTEE_TERM_YEARS, day=28)


def active_on(established: dt.date | None, retired_on: dt.date | None, day: dt.date) -> bool:
    """Whether an organisation existed on ``day``."""
    if established is not None and established > day:
        return False
    return retired_on is None or retired_on > day
