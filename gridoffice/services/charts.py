"""The workbench's charts as plain data: one :class:`Chart` feeds the screen (drawn
with QPainter) and the paper (reportlab's graphics), and its table is the numbers
"one click away".

Read on a plain DB-API connection, limited like the tabs (a grid worker: the people
of their grids; a street worker: their communities), without SQLAlchemy. Titles,
series names and units are English source strings in the context "charts"; the
categories are language-free (age bands, months) or code-table values whose labels
are in the context "codes" (:attr:`Chart.codes`).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from gridoffice.domain import access, codes, party
from gridoffice.domain.access import Actor
from gridoffice.domain.codes import CodeTable
from gridoffice.domain.identity import age_on
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.services.common import as_date
from gridoffice.services.households.filters import (
    RESIDENTS_FROM,
    grid_labels,
    grid_rows,
    grids_visible,
    resident_filters,
)
from gridoffice.services.households.model import ResidentQuery
from gridoffice.services.inservice.reach import notice_members
from gridoffice.services.roster import rows as roster_rows
from gridoffice.services.roster.model import MemberQuery
from gridoffice.services.workbench import live_follow_ups

MEN = QT_TRANSLATE_NOOP("charts", "Men")
WOMEN = QT_TRANSLATE_NOOP("charts", "Women")
MEMBERS = QT_TRANSLATE_NOOP("charts", "Members")
HOUSEHOLDS = QT_TRANSLATE_NOOP("charts", "Households")
IN_SERVICE = QT_TRANSLATE_NOOP("charts", "In-service members")
VISITED = QT_TRANSLATE_NOOP("charts", "Visited in the last {days} days")
FOLLOW_UPS = QT_TRANSLATE_NOOP("charts", "Follow-ups")
DONE = QT_TRANSLATE_NOOP("charts", "Done")
HOURS = QT_TRANSLATE_NOOP("charts", "Hours")
PEOPLE = QT_TRANSLATE_NOOP("charts", "people")
HOUSEHOLD_UNIT = QT_TRANSLATE_NOOP("charts", "households")
ITEMS = QT_TRANSLATE_NOOP("charts", "follow-ups")
HOUR_UNIT = QT_TRANSLATE_NOOP("charts", "hours")
PROBATIONARY = QT_TRANSLATE_NOOP("charts", "Probationary")
NOT_RECORDED = QT_TRANSLATE_NOOP("charts", "Not recorded")

PYRAMID_BANDS = tuple(f"{low}–{low + 4}" for low in range(0, 85, 5)) + ("85+",)
MEMBER_AGE_BANDS = ("<30", "30–39", "40–49", "50–59", "60–69", "70–79", "80+")
# 党龄: the years since full membership; 50 years and more earns the commemorative medal
PARTY_AGE_BANDS = ("<5", "5–9", "10–19", "20–29", "30–49", "50+")
MONTHS = tuple(f"{month:02d}" for month in range(1, 13))
VISIT_DAYS = 90

# The workbench's charts in its order: key, the permission that shows it, its title.
CATALOGUE = (
    ("pyramid", access.HOUSEHOLDS_VIEW,
     QT_TRANSLATE_NOOP("charts", "Population by age and sex")),
    ("visits", access.HOUSEHOLDS_VIEW, QT_TRANSLATE_NOOP("charts", "Households visited per grid")),
    ("member_age", access.ROSTER_VIEW, QT_TRANSLATE_NOOP("charts", "Party members by age")),
    ("party_age", access.ROSTER_VIEW,
     QT_TRANSLATE_NOOP("charts", "Party members by years in the party")),
    ("education", access.ROSTER_VIEW, QT_TRANSLATE_NOOP("charts", "Party members by education")),
    ("follow_ups", access.MEETINGS_VIEW,
     QT_TRANSLATE_NOOP("charts", "Follow-ups by month of the meeting")),
    ("service_hours", access.INSERVICE_VIEW,
     QT_TRANSLATE_NOOP("charts", "In-service hours by month")),
)
TITLES = {key: title for key, _permission, title in CATALOGUE}
COMMUNITIES_TITLE = QT_TRANSLATE_NOOP("charts", "Party members and in-service members per "
                                                "community")


def chart_keys(actor: Actor) -> list[str]:
    """The charts ``actor`` may see, in the workbench's order."""
    return [key for key, permission, _title in CATALOGUE if actor.allows(permission)]


def read_chart(conn: Any, actor: Actor, key: str, today: dt.date, year: int,
               grid_id: str | None = None) -> Chart:
    """Chart ``key`` as ``actor`` sees it on ``today`` (the monthly charts: of ``year``;
    the pyramid: of ``grid_id``, or every grid)."""
    if key == "pyramid":
        return population_pyramid(conn, actor, today, grid_id)
    if key == "visits":
        return visits_per_grid(conn, actor, today)
    if key == "member_age":
        return members_by_age(conn, actor, today)
    if key == "party_age":
        return members_by_party_age(conn, actor, today)
    if key == "education":
        return members_by_education(conn, actor)
    if key == "follow_ups":
        return follow_ups_by_month(conn, actor, year)
    if key == "service_hours":
        return service_hours_by_month(conn, actor, year)
    raise ValueError(f"no chart {key!r}")


class CommunityLine(Protocol):
    """What the chart takes of a line of the street summary (``CommunityFigures``)."""

    @property
    def name(self) -> str: ...
    @property
    def members(self) -> int: ...
    @property
    def registrations(self) -> int: ...


def communities_chart(lines: Sequence[CommunityLine]) -> Chart:
    """The street office's chart of its summary's ``lines``: per community, its party
    members and the in-service members serving there."""
    return Chart("communities", COMMUNITIES_TITLE, "bars", tuple(line.name for line in lines),
                 (Series(MEMBERS, tuple(line.members for line in lines)),
                  Series(IN_SERVICE, tuple(line.registrations for line in lines))), PEOPLE)


@dataclass(frozen=True)
class Series:
    name: str  # English ("charts"), may hold {days}
    values: tuple[float, ...]


@dataclass(frozen=True)
class Chart:
    key: str
    title: str  # English ("charts")
    kind: str  # pyramid (two series mirrored) | bars (series side by side per category)
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    unit: str  # English ("charts")
    codes: CodeTable | None = None  # the categories are its codes (labels: context "codes")
    values: tuple[tuple[str, Any], ...] = ()  # for the texts' placeholders: (("days", 90),)

    def total(self, series: int = 0) -> float:
        return sum(self.series[series].values)

    @property
    def empty(self) -> bool:
        return not any(any(s.values) for s in self.series)

    def table(self) -> list[tuple[str, ...]]:
        """The numbers: one row per category, one column per series (as text)."""
        return [(category, *(_number(s.values[i]) for s in self.series))
                for i, category in enumerate(self.categories)]


def category_label(chart: Chart, category: str, translate: Callable[[str, str], str],
                   month: Callable[[int], str]) -> str:
    """How a category reads: a code's label, a month (``month(1..12)``), or the category
    itself (``translate(context, text)``: one of the charts' words, e.g. Probationary)."""
    if chart.codes is not None:
        return (translate("codes", chart.codes.label(category)) if category
                else translate("charts", NOT_RECORDED))
    if chart.categories == MONTHS:
        return month(int(category))
    return translate("charts", category)


def _number(value: float) -> str:
    return f"{value:g}" if value != int(value) else str(int(value))


def _band(value: int, limits: tuple[int, ...]) -> int:
    """The index of the band of ``value``: bands start at 0 and at each of ``limits``."""
    return bisect_right(limits, value)


def population_pyramid(conn: Any, actor: Actor, today: dt.date,
                       grid_id: str | None = None) -> Chart:
    """Current residents (of ``grid_id``, or every grid the actor may see) by five-year age
    band and sex; residents without a birth date or a known sex are left out."""
    clauses, params = resident_filters(ResidentQuery(grid_id=grid_id), actor, today)
    limits = tuple(range(5, 90, 5))
    men, women = [0] * len(PYRAMID_BANDS), [0] * len(PYRAMID_BANDS)
    for sex, birth in conn.execute(
            f"SELECT r.sex, r.birth_date {RESIDENTS_FROM} WHERE {' AND '.join(clauses)} "
            "AND r.birth_date IS NOT NULL AND r.sex IN ('1', '2')", params):
        born = as_date(birth)
        if born is None or born > today:
            continue
        index = _band(age_on(born, today), limits)
        (men if sex == "1" else women)[index] += 1
    return Chart("pyramid", TITLES["pyramid"],
                 "pyramid", PYRAMID_BANDS, (Series(MEN, tuple(men)), Series(WOMEN, tuple(women))),
                 PEOPLE)


def _members(conn: Any, actor: Actor, columns: str) -> list[Any]:
    """``columns`` of the members the roster lists by default (normal and transferring
    out) that ``actor`` may see."""
    where, params = roster_rows.member_where(MemberQuery(), actor)
    return conn.execute(f"SELECT {columns} FROM member m {where}", params).fetchall()


def members_by_age(conn: Any, actor: Actor, today: dt.date) -> Chart:
    counts = [0] * len(MEMBER_AGE_BANDS)
    limits = (30, 40, 50, 60, 70, 80)
    for (birth,) in _members(conn, actor, "m.birth_date"):
        born = as_date(birth)
        if born is not None and born <= today:
            counts[_band(age_on(born, today), limits)] += 1
    return Chart("member_age", TITLES["member_age"], "bars",
                 MEMBER_AGE_BANDS, (Series(MEMBERS, tuple(counts)),), PEOPLE)


def members_by_party_age(conn: Any, actor: Actor, today: dt.date) -> Chart:
    """Full members by 党龄 (from the full-membership date); probationary members apart."""
    categories = (*PARTY_AGE_BANDS, PROBATIONARY)
    counts = [0] * len(categories)
    limits = (5, 10, 20, 30, 50)
    for status, full in _members(conn, actor, "m.status, m.full_date"):
        if status != "full":
            counts[-1] += 1
            continue
        years = party.party_age(as_date(full), today)
        if years is not None:
            counts[_band(years, limits)] += 1
    return Chart("party_age", TITLES["party_age"],
                 "bars", categories, (Series(MEMBERS, tuple(counts)),), PEOPLE)


def members_by_education(conn: Any, actor: Actor) -> Chart:
    known = [code.code for code in codes.EDUCATION]
    counts = dict.fromkeys([*known, ""], 0)
    for (education,) in _members(conn, actor, "m.education"):
        counts[education if education in counts else ""] += 1
    return Chart("education", TITLES["education"],
                 "bars", (*known, ""), (Series(MEMBERS, tuple(counts.values())),), PEOPLE,
                 codes=codes.EDUCATION)


def visits_per_grid(conn: Any, actor: Actor, today: dt.date, days: int = VISIT_DAYS) -> Chart:
    """Per grid the actor may see: its households, and how many of them were visited in
    the last ``days`` days."""
    grids = grids_visible(grid_rows(conn), actor)
    labels = grid_labels(conn, grids)
    since = (today - dt.timedelta(days=days)).isoformat()
    visited = dict(conn.execute(
        "SELECT h.grid_id, count(DISTINCT v.household_id) FROM visit v "
        "JOIN household h ON h.id = v.household_id WHERE NOT v.deleted AND NOT h.deleted "
        "AND h.dissolved_on IS NULL AND v.visit_date > ? AND v.visit_date <= ? "
        "GROUP BY h.grid_id", (since, today.isoformat())).fetchall())
    return Chart("visits", TITLES["visits"], "bars",
                 tuple(labels[g.id] for g in grids),
                 (Series(HOUSEHOLDS, tuple(g.households for g in grids)),
                  Series(VISITED, tuple(int(visited.get(g.id, 0)) for g in grids))),
                 HOUSEHOLD_UNIT, values=(("days", days),))


def follow_ups_by_month(conn: Any, actor: Actor, year: int) -> Chart:
    """The follow-ups of each month's meetings in ``year``, and how many are done."""
    params: dict[str, Any] = {"start": f"{year}-01-01", "end": f"{year + 1}-01-01"}
    total, done = [0] * 12, [0] * 12
    for start, status in conn.execute(
            f"SELECT m.start_at, f.status {live_follow_ups(actor, params)} "
            "AND m.start_at >= :start AND m.start_at < :end", params):
        month = int(str(start)[5:7]) - 1
        total[month] += 1
        done[month] += status == "done"
    return Chart("follow_ups", TITLES["follow_ups"],
                 "bars", MONTHS, (Series(FOLLOW_UPS, tuple(total)), Series(DONE, tuple(done))),
                 ITEMS)


def service_hours_by_month(conn: Any, actor: Actor, year: int) -> Chart:
    """Confirmed in-service hours per month of ``year`` of the approved members the actor
    may see (as the points notice counts them)."""
    params: dict[str, Any] = {"start": f"{year}-01-01", "end": f"{year}-12-31"}
    members = notice_members(actor, params)
    hours = [0.0] * 12
    for day, value in conn.execute(
            "SELECT on_date, hours FROM service_record WHERE NOT deleted AND confirmed_by "
            "IS NOT NULL AND on_date BETWEEN :start AND :end "
            f"AND registration_id IN ({members})", params):
        hours[int(str(day)[5:7]) - 1] += float(value or 0)
    return Chart("service_hours", TITLES["service_hours"],
                 "bars", MONTHS, (Series(HOURS, tuple(round(h, 2) for h in hours)),), HOUR_UNIT)
