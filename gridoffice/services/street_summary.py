"""The street office's summary of its communities (街道社区工作情况汇总表): a few
figures per community, read from the records every community sent up.

The street office's database holds the records of all its communities; each
synced row names the office that owns it (``origin_office``), so every figure is
one SQL query grouped by that column. Deleted rows (tombstones) never count.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import text

from gridoffice.domain import meetings as meeting_rules
from gridoffice.domain import party
from gridoffice.domain.access import Actor
from gridoffice.domain.inservice import APPROVED
from gridoffice.services.common import as_date
from gridoffice.services.roster import ACTIVE_STATUSES
from gridoffice.services.street import office_names
from gridoffice.store.database import Database

UNKNOWN_ID_CHARS = 8  # an office nobody here trusts shows as the start of its id

_ACTIVE = ", ".join(f"'{status}'" for status in ACTIVE_STATUSES)

# Figures that are the state of today (one count per office).
_NOW_COUNTS = {
    "members": f"SELECT origin_office, count(*) FROM member WHERE NOT deleted "
               f"AND relation_status IN ({_ACTIVE}) GROUP BY origin_office",
    "households": "SELECT origin_office, count(*) FROM household WHERE NOT deleted "
                  "AND dissolved_on IS NULL GROUP BY origin_office",
    "residents": "SELECT origin_office, count(*) FROM resident WHERE NOT deleted "
                 "AND moved_out_on IS NULL AND died_on IS NULL GROUP BY origin_office",
    "registrations": "SELECT origin_office, count(*) FROM registration WHERE NOT deleted "
                     "AND review_status = :approved AND left_on IS NULL "
                     "GROUP BY origin_office",
}
# Figures of the year: :start is 1 January, :end the next 1 January (ISO text, which
# sorts like the dates and date-times SQLite holds).
_YEAR_COUNTS = {
    "meetings_held": "SELECT origin_office, count(*) FROM meeting WHERE NOT deleted "
                     "AND status = :finished AND start_at >= :start AND start_at < :end "
                     "GROUP BY origin_office",
    "followups_done": "SELECT f.origin_office, count(*) FROM follow_up f "
                      "JOIN resolution r ON r.id = f.resolution_id "
                      "JOIN meeting m ON m.id = f.meeting_id "
                      "WHERE NOT f.deleted AND NOT r.deleted AND NOT m.deleted "
                      "AND f.status = :done AND f.done_on >= :start AND f.done_on < :end "
                      "GROUP BY f.origin_office",
    "points": "SELECT p.origin_office, coalesce(sum(p.points), 0) FROM points_entry p "
              "JOIN registration g ON g.id = p.registration_id "
              "WHERE NOT p.deleted AND NOT g.deleted "
              "AND p.on_date >= :start AND p.on_date < :end GROUP BY p.origin_office",
}
_PROBATIONARY = (f"SELECT origin_office, join_date, probation_extension_months FROM member "
                 f"WHERE NOT deleted AND status = :probationary AND join_date IS NOT NULL "
                 f"AND relation_status IN ({_ACTIVE})")
_COMMUNITY_PEERS = ("SELECT DISTINCT office_id FROM sync_peer "
                    "WHERE role = 'community' AND revoked_at IS NULL")


@dataclass(frozen=True)
class CommunityFigures:
    """One community's line of the summary (the totals line has no id and no name)."""

    office_id: str
    name: str
    members: int = 0
    probationary_overdue: int = 0
    households: int = 0
    residents: int = 0
    meetings_held: int = 0
    followups_done: int = 0
    registrations: int = 0
    points: int = 0


FIGURES = tuple(f.name for f in fields(CommunityFigures) if f.name not in ("office_id", "name"))


def street_summary(db: Database, year: int, today: dt.date, *,
                   rules: party.PartyRules | None = None,
                   actor: Actor | None = None) -> list[CommunityFigures]:
    """One line per community, in name order (for an ``actor`` limited to some
    communities, the lines of those communities only).

    The communities are the offices that own any of the records here, and every
    community office this PC trusts (a community that has sent nothing yet shows
    zeros). This office's own line appears only when it owns records: on a street
    office, records typed there; on a community office, which then shows itself.
    An office nobody here trusts is named by the first characters of its id.

    What is counted (rows marked deleted never are):

    * ``members``: party members still in the party here, the roster's active
      members (relation 正常 or 转出中);
    * ``probationary_overdue``: of those, 预备党员 still probationary after the
      due date of their probation (:func:`party.probation_overdue` on ``today``);
    * ``households``: households not dissolved; ``residents``: residents who have
      neither moved out nor died;
    * ``registrations``: in-service members' registrations approved (已通过) and
      not left, i.e. those serving now (pending and returned ones do not count);
    * ``meetings_held``: meetings of every type starting in ``year`` whose status
      is 已结束 (approved minutes are among them; planned, running and cancelled
      meetings are not);
    * ``followups_done``: follow-ups of resolutions marked done with a done date
      in ``year`` (their resolution and meeting not deleted);
    * ``points``: the sum of the points entries dated in ``year`` (corrections
      included, they are entries too) of registrations not deleted.

    Members, households, residents and registrations are today's state, not the
    state at the end of ``year``.
    """
    rules = rules or party.DEFAULT_RULES
    params: dict[str, Any] = {
        "approved": APPROVED, "finished": "finished", "done": meeting_rules.DONE,
        "probationary": party.STATUS_PROBATIONARY,
        "start": dt.date(year, 1, 1).isoformat(), "end": dt.date(year + 1, 1, 1).isoformat(),
    }
    counts: dict[str, dict[str, int]] = {}
    with db.read() as session:
        conn = session.connection()
        for figure, sql in (_NOW_COUNTS | _YEAR_COUNTS).items():
            counts[figure] = {office: int(value)
                              for office, value in conn.execute(text(sql), params).all()}
        overdue: dict[str, int] = {}
        for office, join, extension in conn.execute(text(_PROBATIONARY), params).all():
            joined = as_date(join)
            if joined is not None and party.probation_overdue(
                    party.STATUS_PROBATIONARY, joined, int(extension or 0), today, rules):
                overdue[office] = overdue.get(office, 0) + 1
        counts["probationary_overdue"] = overdue
        peers = {row[0] for row in conn.execute(text(_COMMUNITY_PEERS)).all()}
    names = office_names(db.path)
    offices = peers.union(*(per_office.keys() for per_office in counts.values()))
    if actor is not None:
        offices = {office for office in offices if actor.in_communities(office)}
    lines = [CommunityFigures(office, _name(office, names),
                              **{figure: counts[figure].get(office, 0) for figure in FIGURES})
             for office in offices]
    lines.sort(key=lambda line: (line.office_id not in names, line.name, line.office_id))
    return lines


def totals(lines: Iterable[CommunityFigures]) -> CommunityFigures:
    """The sum of every figure over ``lines`` (all zero for none); no id, no name."""
    rows: Sequence[CommunityFigures] = list(lines)
    return CommunityFigures("", "", **{figure: sum(getattr(row, figure) for row in rows)
                                       for figure in FIGURES})


def _name(office_id: str, names: dict[str, str]) -> str:
    return names.get(office_id) or office_id[:UNKNOWN_ID_CHARS]
