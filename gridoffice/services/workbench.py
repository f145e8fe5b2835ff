"""What is due (待办): one list for the workbench tab and ``gridoffice-cli todo``.

Every item is a count, whether it is urgent (red), the values its text needs, and
where a click leads (:class:`Target`: a tab, a view of it and the filter that shows
exactly the records counted). The counts are read on a plain DB-API connection with
the same SQL and rules as the tabs' own lists (the roster's reminders, the
resident list's filters, the registrations' reach), so the workbench fills at
start-up before SQLAlchemy is loaded; tests compare every count with the list its
click opens. Items the actor may not see (their role) are left out, and what they
may see is limited like the tabs (a grid worker: their grids; a street worker:
their communities).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gridoffice.domain import access, party
from gridoffice.domain import inservice as inservice_rules
from gridoffice.domain import meetings as meeting_rules
from gridoffice.domain.access import Actor
from gridoffice.i18n import QT_TRANSLATE_NOOP
from gridoffice.services.common import as_date
from gridoffice.services.guard import office_clause
from gridoffice.services.households.filters import (
    RESIDENTS_FROM,
    grid_labels,
    grid_rows,
    grids_visible,
    resident_filters,
)
from gridoffice.services.households.model import GridRow, ResidentQuery
from gridoffice.services.inservice.reach import notice_members, registration_reach
from gridoffice.services.roster import rows as roster_rows
from gridoffice.services.roster.model import MemberQuery

PROBATION_DAYS = 30  # 预备期满: due within a month
FOLLOW_UP_DAYS = 7  # follow-ups due within a week
REREGISTER_DAYS = 30  # in-service re-registration due within a month
VISIT_DAYS = 90  # households not visited for a quarter
CARE_VISIT_DAYS = 30  # care-tagged residents not visited for a month
PEER_DAYS = 30  # sync partners not heard from for a month
BACKUP_DAYS = 7  # the newest backup older than a week

# The text of each item, with its values ({count} always; the others per item).
TEXTS = {
    "probation_overdue": QT_TRANSLATE_NOOP(
        "workbench", "{count} probationary members past their full-membership date"),
    "probation_due": QT_TRANSLATE_NOOP(
        "workbench", "{count} probationary members due for full membership within {days} days"),
    "transfers": QT_TRANSLATE_NOOP(
        "workbench", "{count} members whose party relation is being transferred out"),
    "follow_ups_overdue": QT_TRANSLATE_NOOP(
        "workbench", "{count} council follow-ups overdue"),
    "follow_ups_due": QT_TRANSLATE_NOOP(
        "workbench", "{count} council follow-ups due within {days} days"),
    "next_council": QT_TRANSLATE_NOOP(
        "workbench", "Next council {date} at {place}: {attendees} attendees listed, "
                     "sign-in sheet {printed}"),
    "registrations_pending": QT_TRANSLATE_NOOP(
        "workbench", "{count} in-service registrations awaiting review"),
    "reregistration_due": QT_TRANSLATE_NOOP(
        "workbench", "{count} in-service members due to register again within {days} days"),
    "not_visited": QT_TRANSLATE_NOOP(
        "workbench", "{grid}: {count} households not visited for {days} days"),
    "care_not_visited": QT_TRANSLATE_NOOP(
        "workbench", "{count} residents with a care tag not visited for {days} days"),
    "orders_new": QT_TRANSLATE_NOOP("workbench", "{count} residents' needs waiting to be assigned"),
    "orders_sent_up": QT_TRANSLATE_NOOP(
        "workbench", "{count} orders sent up by the communities waiting to be dispatched"),
    "orders_overdue": QT_TRANSLATE_NOOP("workbench", "{count} orders overdue"),
    "peers_quiet": QT_TRANSLATE_NOOP(
        "workbench", "{count} sync partners not heard from for {days} days"),
    "conflicts": QT_TRANSLATE_NOOP(
        "workbench", "{count} sync conflicts to resolve"),
    "backup_none": QT_TRANSLATE_NOOP("workbench", "No backup of the data yet"),
    "backup_old": QT_TRANSLATE_NOOP("workbench", "The newest backup is {days} days old"),
}
PRINTED = QT_TRANSLATE_NOOP("workbench", "printed")
NOT_PRINTED = QT_TRANSLATE_NOOP("workbench", "not printed yet")


@dataclass(frozen=True)
class Target:
    """Where an item's click leads: a tab (its key), a view in it, the filter."""

    tab: str  # roster | households | meetings | inservice | sync | backups
    view: str  # reminders | members | follow_ups | meeting | registrations | residents | …
    filters: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class TodoItem:
    key: str  # one of TEXTS
    count: int
    urgent: bool
    target: Target
    values: dict[str, Any] = field(default_factory=dict)  # for the text, besides count

    def text(self, translate: Any = None) -> str:
        """The item's sentence (``translate(context, text)``: Qt's; None: English)."""
        template = TEXTS[self.key]
        if translate is not None:
            template = translate("workbench", template)
        values = dict(self.values)
        if "printed" in values:
            word = PRINTED if values["printed"] else NOT_PRINTED
            values["printed"] = translate("workbench", word) if translate else word
        return template.format(count=self.count, **values)

    def as_json(self) -> dict[str, Any]:
        values = {k: v.isoformat() if isinstance(v, dt.date) else v
                  for k, v in self.values.items()}
        return {"key": self.key, "count": self.count, "urgent": self.urgent,
                "text": self.text(), "values": values,
                "target": {"tab": self.target.tab, "view": self.target.view,
                           "filters": self.target.filters}}


@dataclass(frozen=True)
class TodoRules:
    """What the counts depend on besides the data: the day and the office's rules."""

    today: dt.date
    party: party.PartyRules = field(default_factory=party.PartyRules)
    reregister_months: int = inservice_rules.PointRules().reregister_months
    now: dt.datetime | None = None  # the next council and the backup's age (default: now)
    street: bool = False  # the street office (its orders: those sent up to it)


@dataclass(frozen=True)
class Grids:
    """The grids an actor may see, with their counts (:func:`grid_rows`), and how each
    is named in a list (:func:`grid_labels`); read once for the to-do and the figures."""

    rows: tuple[GridRow, ...]
    labels: dict[str, str]


def grids_of(conn: Any, actor: Actor) -> Grids | None:
    """The actor's grids; None when they may not see the households."""
    if not actor.allows(access.HOUSEHOLDS_VIEW):
        return None
    rows = grids_visible(grid_rows(conn), actor)
    return Grids(tuple(rows), grid_labels(conn, rows))


def read_todo(conn: Any, actor: Actor, rules: TodoRules, backup_dir: Path | None = None,
              grids: Grids | None = None) -> list[TodoItem]:
    """Every item with something to do (a count above zero, the next council, an old or
    missing backup), in the order of the tabs; ``grids``: :func:`grids_of`, when the
    caller has read them already."""
    items: list[TodoItem] = []
    if actor.allows(access.ROSTER_VIEW):
        items += _roster(conn, actor, rules)
    seen = grids or grids_of(conn, actor)
    if seen is not None:
        items += _households(conn, actor, rules.today, seen.labels)
    if actor.allows(access.MEETINGS_VIEW):
        items += _meetings(conn, actor, rules)
    if actor.allows(access.INSERVICE_VIEW):
        items += _inservice(conn, actor, rules)
    if actor.allows(access.COBUILD_VIEW):
        items += _cobuild(conn, actor, rules)
    if actor.allows(access.SYNC):
        items += _sync(conn, actor, rules.today)
    if backup_dir is not None:  # anyone may back up (File ▸ Back up now)
        items += _backup(backup_dir, rules.now or dt.datetime.now())
    return [item for item in items if item.count or item.key == "next_council"
            or item.key.startswith("backup")]


def _roster(conn: Any, actor: Actor, rules: TodoRules) -> list[TodoItem]:
    due = roster_rows.read_due(conn, actor, rules.today, rules.party, PROBATION_DAYS)
    overdue = sum(1 for item in due if item.bucket == "overdue")
    query = MemberQuery(relation="transferring_out")
    where, params = roster_rows.member_where(query, actor)
    return [
        TodoItem("probation_overdue", overdue, True,
                 Target("roster", "reminders", {"bucket": "overdue"})),
        TodoItem("probation_due", len(due) - overdue, False,
                 Target("roster", "reminders", {"bucket": str(PROBATION_DAYS)}),
                 {"days": PROBATION_DAYS}),
        TodoItem("transfers", roster_rows.count_members(conn, where, params), False,
                 Target("roster", "members", {"relation": "transferring_out"})),
    ]


def _households(conn: Any, actor: Actor, today: dt.date, labels: dict[str, str]
                ) -> list[TodoItem]:
    """Households not visited per grid (as the resident list filtered by grid and "not
    visited for N days" shows them), and care-tagged residents not visited."""
    clauses, params = resident_filters(ResidentQuery(not_visited_days=VISIT_DAYS), actor,
                                       today)
    rows = conn.execute(
        f"SELECT b.grid_id, count(DISTINCT r.household_id) {RESIDENTS_FROM} "
        f"JOIN grid g ON g.id = b.grid_id WHERE {' AND '.join(clauses)} "
        "GROUP BY b.grid_id ORDER BY g.code, g.name", params).fetchall()
    items = [TodoItem("not_visited", int(count), False,
                      Target("households", "residents",
                             {"grid_id": grid_id, "not_visited_days": VISIT_DAYS}),
                      {"grid": labels.get(grid_id, ""), "days": VISIT_DAYS})
             for grid_id, count in rows]
    clauses, params = resident_filters(
        ResidentQuery(any_care_tag=True, not_visited_days=CARE_VISIT_DAYS), actor, today)
    care = conn.execute(f"SELECT count(*) {RESIDENTS_FROM} WHERE {' AND '.join(clauses)}",
                        params).fetchone()[0]
    items.append(TodoItem("care_not_visited", int(care), True,
                          Target("households", "residents",
                                 {"any_care_tag": True,
                                  "not_visited_days": CARE_VISIT_DAYS}),
                          {"days": CARE_VISIT_DAYS}))
    return items


def live_follow_ups(actor: Actor, params: dict[str, Any]) -> str:
    """``FROM … WHERE …`` of the follow-ups the follow-up view lists (of live resolutions
    and meetings; f, r, m) as ``actor`` sees them; its parameters go into ``params``."""
    return ("FROM follow_up f JOIN resolution r ON r.id = f.resolution_id "
            "JOIN meeting m ON m.id = f.meeting_id "
            "WHERE NOT f.deleted AND NOT r.deleted AND NOT m.deleted"
            + office_clause(actor, "f.origin_office", params))


def _meetings(conn: Any, actor: Actor, rules: TodoRules) -> list[TodoItem]:
    """Follow-ups overdue and due within a week (as the follow-up view's filters), and the
    next council."""
    params: dict[str, Any] = {"done": meeting_rules.DONE}
    rows = conn.execute(f"SELECT f.status, f.due_date {live_follow_ups(actor, params)} "
                        "AND f.status != :done", params).fetchall()
    overdue = due = 0
    for status, due_date in rows:
        day = as_date(due_date)
        if meeting_rules.follow_up_state(status, day, rules.today) == meeting_rules.OVERDUE:
            overdue += 1
        elif meeting_rules.due_within(status, day, rules.today, FOLLOW_UP_DAYS):
            due += 1
    items = [
        TodoItem("follow_ups_overdue", overdue, True,
                 Target("meetings", "follow_ups", {"state": "overdue"})),
        TodoItem("follow_ups_due", due, False,
                 Target("meetings", "follow_ups", {"state": "due", "days": FOLLOW_UP_DAYS}),
                 {"days": FOLLOW_UP_DAYS}),
    ]
    council = _next_council(conn, actor, rules)
    if council is not None:
        items.append(council)
    return items


def _next_council(conn: Any, actor: Actor, rules: TodoRules) -> TodoItem | None:
    params: dict[str, Any] = {"now": (rules.now or dt.datetime.now()).isoformat(sep=" ")}
    reach = office_clause(actor, "m.origin_office", params)
    found = conn.execute(
        "SELECT m.id, m.start_at, m.place, (SELECT count(*) FROM meeting_attendee a "
        " WHERE a.meeting_id = m.id AND NOT a.deleted) FROM meeting m "
        f"WHERE NOT m.deleted AND m.meeting_type = '{meeting_rules.COUNCIL}' "
        "AND m.status IN ('draft', 'planned') AND m.start_at >= :now" + reach +
        " ORDER BY m.start_at LIMIT 1", params).fetchone()
    if found is None:
        return None
    meeting_id, start, place, attendees = found
    printed = conn.execute(
        "SELECT 1 FROM audit_log WHERE action = 'print' AND target = ? LIMIT 1",
        (f"meeting_sign_in:{meeting_id}",)).fetchone() is not None
    start_at = dt.datetime.fromisoformat(str(start))
    return TodoItem("next_council", 1, False,
                    Target("meetings", "meeting", {"meeting_id": meeting_id}),
                    {"date": start_at.strftime("%Y-%m-%d %H:%M"), "place": place or "—",
                     "attendees": int(attendees), "printed": printed})


def _inservice(conn: Any, actor: Actor, rules: TodoRules) -> list[TodoItem]:
    """Registrations awaiting review, and approved members due to register again (as the
    registration list filtered by review state or by "due within N days")."""
    params: dict[str, Any] = {}
    reach = registration_reach(actor, params, "g")
    rows = conn.execute(
        "SELECT g.review_status, g.last_registered_on FROM registration g "
        "JOIN work_unit u ON u.id = g.work_unit_id "
        f"WHERE NOT g.deleted AND g.left_on IS NULL{reach}", params).fetchall()
    pending = sum(1 for status, _last in rows if status == inservice_rules.PENDING)
    limit = rules.today + dt.timedelta(days=REREGISTER_DAYS)
    due = 0
    for status, last in rows:
        if status != inservice_rules.APPROVED:
            continue
        last_day = as_date(last) or dt.date.min
        if inservice_rules.reregistration_due(last_day, rules.reregister_months) <= limit:
            due += 1
    return [
        TodoItem("registrations_pending", pending, False,
                 Target("inservice", "registrations",
                        {"review_status": inservice_rules.PENDING})),
        TodoItem("reregistration_due", due, False,
                 Target("inservice", "registrations", {"due_within_days": REREGISTER_DAYS}),
                 {"days": REREGISTER_DAYS}),
    ]


def _cobuild(conn: Any, actor: Actor, rules: TodoRules) -> list[TodoItem]:
    """Residents' needs not yet assigned (the street: orders sent up not yet
    dispatched), and orders past their deadline: as the orders page filtered by
    state lists them (the street's page lists the orders sent up)."""
    from gridoffice.domain import cobuild
    from gridoffice.services.guard import grid_clause
    from gridoffice.services.order_statuses import read_orders

    params: dict[str, Any] = {}
    where = office_clause(actor, "o.origin_office", params)
    scoped = grid_clause(actor, "o.grid_id", params)
    if scoped:
        where += f" AND {scoped}"
    statuses = [status for _row, status in read_orders(
        lambda q, p: conn.execute(q, p).fetchall(), where, params)]
    if rules.street:
        statuses = [s for s in statuses if any(a.kind == cobuild.SEND_UP for a in s.applied)]
    waiting = cobuild.SENT_UP if rules.street else cobuild.NEW
    return [
        TodoItem("orders_sent_up" if rules.street else "orders_new",
                 sum(1 for s in statuses if s.state == waiting), False,
                 Target("cobuild", "orders", {"state": waiting})),
        TodoItem("orders_overdue", sum(1 for s in statuses if s.overdue(rules.today)), True,
                 Target("cobuild", "orders", {"state": "overdue"})),
    ]


def _sync(conn: Any, actor: Actor, today: dt.date) -> list[TodoItem]:
    """Trusted partners not heard from (never, or for PEER_DAYS days: as the sync tab's
    "days since contact"), and open conflicts."""
    peers = conn.execute(
        "SELECT c.in_at FROM sync_peer p LEFT JOIN sync_cursor c "
        "ON c.peer_replica = p.replica_id WHERE p.revoked_at IS NULL").fetchall()
    quiet = sum(1 for (last_in,) in peers
                if last_in is None
                or (today - dt.datetime.fromisoformat(str(last_in)).date()).days >= PEER_DAYS)
    conflicts = conn.execute(  # as the sync tab lists them: of the tables this program has
        "SELECT count(*) FROM sync_conflict WHERE status = 'open' AND NOT deleted AND tbl IN "
        "(SELECT name FROM sqlite_master WHERE type = 'table')").fetchone()[0]
    return [
        TodoItem("peers_quiet", quiet, False, Target("sync", "peers", {}),
                 {"days": PEER_DAYS}),
        TodoItem("conflicts", int(conflicts), True, Target("sync", "conflicts", {})),
    ]


def _backup(backup_dir: Path, now: dt.datetime) -> list[TodoItem]:
    from gridoffice.services import backups  # here: hashing and JSON, not needed before

    age = backups.newest_age(backup_dir, now)
    if age is None:
        return [TodoItem("backup_none", 1, True, Target("backups", "backup", {}))]
    if age.days < BACKUP_DAYS:
        return []
    return [TodoItem("backup_old", 1, True, Target("backups", "backup", {}),
                     {"days": age.days})]


# --- 本月/本年 at a glance -------------------------------------------------------------
@dataclass(frozen=True)
class Figures:
    """The workbench's figures for a period (a month or a year) as the actor sees them.

    ``members``, ``households`` and ``residents`` are as of now (the roster's list, the
    grids' counts); the others count what happened in the period: meetings held
    (finished), councils among them, the follow-ups of the period's meetings and how
    many are done (推动解决问题), and the in-service members' confirmed hours and points
    (as the points notice of the period counts them)."""

    start: dt.date
    end: dt.date  # inclusive
    members: int | None  # None: the actor may not see that area
    households: int | None
    residents: int | None
    meetings_held: int | None
    councils_held: int | None
    follow_ups_done: int | None
    follow_ups_total: int | None
    service_hours: float | None
    points: int | None

    def as_json(self) -> dict[str, Any]:
        values = dict(vars(self))
        values["start"], values["end"] = self.start.isoformat(), self.end.isoformat()
        return values


def figure_lines(figures: Figures) -> list[tuple[str, str, str]]:
    """The figures the actor may see, in the printed wording (the report's table, the
    command line's line): (name, value, what it counts)."""
    rows: list[tuple[str, str, str]] = []

    def add(name: str, value: object, note: str) -> None:
        if value is not None:
            rows.append((name, str(value), note))

    add("党员", figures.members, "现有党员（含组织关系转出中）")
    add("户数", figures.households, "现有户")
    add("实有人口", figures.residents, "现住居民")
    add("召开会议", figures.meetings_held, "期内已结束的各类会议")
    add("其中居民议事会", figures.councils_held, "")
    if figures.follow_ups_total is not None:
        share = (f"，完成率 {figures.follow_ups_done / figures.follow_ups_total:.0%}"
                 if figures.follow_ups_total else "")
        rows.append(("推动解决问题", f"{figures.follow_ups_done}/{figures.follow_ups_total}",
                     f"期内会议决议落实事项：已完成/总数{share}"))
    if figures.service_hours is not None:
        add("在职党员服务时长", f"{figures.service_hours:g} 小时", "期内已确认的服务记录")
        add("在职党员积分", figures.points, "期内积分合计")
    return rows


def month_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day of ``day``'s month."""
    first = day.replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    return first, following - dt.timedelta(days=1)


def year_of(day: dt.date) -> tuple[dt.date, dt.date]:
    return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)


def whole_year(start: dt.date, end: dt.date) -> bool:
    """Whether ``start``–``end`` is a calendar year (else the report's period is a month)."""
    return (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)


def read_figures(conn: Any, actor: Actor, start: dt.date, end: dt.date,
                 now: tuple[int | None, int | None, int | None] | None = None) -> Figures:
    """The figures from ``start`` to ``end`` (inclusive); ``now``: the figures of today
    (:func:`figures_now`) when already read for another period."""
    members, households, residents = (figures_now(conn, actor, grids_of(conn, actor))
                                      if now is None else now)
    held = councils = done = total = None
    if actor.allows(access.MEETINGS_VIEW):
        held, councils, done, total = _meeting_figures(conn, actor, start, end)
    hours = points = None
    if actor.allows(access.INSERVICE_VIEW):
        hours, points = _service_figures(conn, actor, start, end)
    return Figures(start, end, members, households, residents, held, councils, done, total,
                   hours, points)


def figures_now(conn: Any, actor: Actor, grids: Grids | None
                ) -> tuple[int | None, int | None, int | None]:
    """Members, households and residents today as ``actor`` sees them, the last two
    from ``grids`` (:func:`grids_of`; None: an area they may not see)."""
    members = None
    if actor.allows(access.ROSTER_VIEW):
        where, params = roster_rows.member_where(MemberQuery(), actor)
        members = roster_rows.count_members(conn, where, params)
    if grids is None:
        return members, None, None
    return (members, sum(g.households for g in grids.rows),
            sum(g.residents for g in grids.rows))


def _meeting_figures(conn: Any, actor: Actor, start: dt.date, end: dt.date
                     ) -> tuple[int, int, int, int]:
    params: dict[str, Any] = {"start": f"{start.isoformat()} 00:00:00",
                              "end": f"{(end + dt.timedelta(days=1)).isoformat()} 00:00:00"}
    reach = office_clause(actor, "m.origin_office", params)
    period = "m.start_at >= :start AND m.start_at < :end"
    held, councils = conn.execute(
        "SELECT count(*), coalesce(sum(m.meeting_type = :council), 0) FROM meeting m "
        f"WHERE NOT m.deleted AND m.status = 'finished' AND {period}" + reach,
        {**params, "council": meeting_rules.COUNCIL}).fetchone()
    done, total = conn.execute(
        f"SELECT coalesce(sum(f.status = :done), 0), count(*) "
        f"{live_follow_ups(actor, params)} AND {period}",
        {**params, "done": meeting_rules.DONE}).fetchone()
    return int(held), int(councils), int(done), int(total)


def _service_figures(conn: Any, actor: Actor, start: dt.date, end: dt.date
                     ) -> tuple[float, int]:
    """Confirmed hours and points in the period of the approved members the actor may see
    who had reported by its end (the points notice's members)."""
    params: dict[str, Any] = {"start": start.isoformat(), "end": end.isoformat()}
    members = notice_members(actor, params)
    hours = conn.execute(
        "SELECT coalesce(sum(hours), 0) FROM service_record WHERE NOT deleted "
        "AND confirmed_by IS NOT NULL AND on_date BETWEEN :start AND :end "
        f"AND registration_id IN ({members})", params).fetchone()[0]
    points = conn.execute(
        "SELECT coalesce(sum(points), 0) FROM points_entry WHERE on_date BETWEEN :start "
        f"AND :end AND registration_id IN ({members})", params).fetchone()[0]
    return float(hours), int(points)
