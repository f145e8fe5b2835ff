"""Co-building with the units of the area (区域化党建, 共驻共建): the code tables of
the three lists and the life of a resident's order (订单), as plain rules.

An order belongs to the community that recorded it; what happens to it is a list
of steps, each written by the office that did it or heard of it: the community
assigns it to its own resources (社区分单) or sends it up (上报街道), the street
dispatches it to a unit or department (街道派单) or returns it, whoever hears from
the unit records the claim (领单), progress and completion (办结), the community
records the resident's rating (居民评价) or closes an order that cannot be met.
Steps are never changed, only added, so two offices never edit the same record:
the order's state is :func:`fold` of its steps in time order. A step that arrives
by sync after the order moved on (the street dispatched what the community had just
closed) does not apply and is kept as ``ignored``, for the worker to see.

Deadlines follow the urgency: 急 3 days, 一般 15 days, 长期 the plan's date; the
completion rate is 办结 / 受理 (orders taken on: assigned or sent up).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from gridoffice.domain.code_table import CodeTable, _c
from gridoffice.domain.text import MSG_CODE_VALUE, MSG_TOO_LONG, bad_character, check_text
from gridoffice.errors import Term, ValidationError
from gridoffice.i18n import QT_TRANSLATE_NOOP

# One code table for the three lists (需求清单, 资源清单, 服务清单).
CATEGORIES = CodeTable(
    _c("elderly", QT_TRANSLATE_NOOP("codes", "Care for the elderly")),
    _c("disability", QT_TRANSLATE_NOOP("codes", "Help for the disabled")),
    _c("children", QT_TRANSLATE_NOOP("codes", "Care for children")),
    _c("health", QT_TRANSLATE_NOOP("codes", "Medical care and health")),
    _c("employment", QT_TRANSLATE_NOOP("codes", "Help into work")),
    _c("legal", QT_TRANSLATE_NOOP("codes", "Legal aid")),
    _c("mediation", QT_TRANSLATE_NOOP("codes", "Dispute mediation")),
    _c("environment", QT_TRANSLATE_NOOP("codes", "Environment and sanitation")),
    _c("repairs", QT_TRANSLATE_NOOP("codes", "Repairs and facilities")),
    _c("traffic", QT_TRANSLATE_NOOP("codes", "Parking and traffic")),
    _c("safety", QT_TRANSLATE_NOOP("codes", "Public security and fire safety")),
    _c("culture", QT_TRANSLATE_NOOP("codes", "Culture and sports")),
    _c("policy", QT_TRANSLATE_NOOP("codes", "Policy advice")),
    _c("other", QT_TRANSLATE_NOOP("codes", "Other")),
)

# Where a need was heard.
SOURCES = CodeTable(
    _c("council", QT_TRANSLATE_NOOP("codes", "Residents' council")),
    _c("visit", QT_TRANSLATE_NOOP("codes", "Household visit")),
    _c("phone", QT_TRANSLATE_NOOP("codes", "Phone call")),
    _c("hotline", QT_TRANSLATE_NOOP("codes", "12345 hotline")),
    _c("walk_in", QT_TRANSLATE_NOOP("codes", "Walk-in")),
)

URGENT, NORMAL, LONG_TERM = "urgent", "normal", "long_term"
URGENCIES = CodeTable(
    _c(URGENT, QT_TRANSLATE_NOOP("codes", "Urgent")),
    _c(NORMAL, QT_TRANSLATE_NOOP("codes", "Normal")),
    _c(LONG_TERM, QT_TRANSLATE_NOOP("codes", "Long-term")),
)
#: days from being taken on to the deadline (a long-term order has its plan's date)
URGENCY_DAYS = {URGENT: 3, NORMAL: 15}

# Who an order is given to: the community's own resources, or by the street.
UNIT, DEPARTMENT, MEMBER, GRID_TEAM = "unit", "department", "member", "grid"
ASSIGNEES = CodeTable(
    _c(UNIT, QT_TRANSLATE_NOOP("codes", "Unit of the area")),
    _c(DEPARTMENT, QT_TRANSLATE_NOOP("codes", "Department")),
    _c(MEMBER, QT_TRANSLATE_NOOP("codes", "In-service member")),
    _c(GRID_TEAM, QT_TRANSLATE_NOOP("codes", "Grid team")),
)
COMMUNITY_ASSIGNEES = (UNIT, MEMBER, GRID_TEAM)  # 社区分单: its own resources
STREET_ASSIGNEES = (UNIT, DEPARTMENT)  # 街道派单

# The order's states.
NEW, COMMUNITY, SENT_UP, DISPATCHED = "new", "community", "sent_up", "dispatched"
CLAIMED, IN_PROGRESS, DONE, RATED = "claimed", "in_progress", "done", "rated"
RETURNED, CLOSED = "returned", "closed"
STATES = CodeTable(
    _c(NEW, QT_TRANSLATE_NOOP("codes", "Waiting to be assigned")),
    _c(COMMUNITY, QT_TRANSLATE_NOOP("codes", "Handled by the community")),
    _c(SENT_UP, QT_TRANSLATE_NOOP("codes", "Sent up to the street")),
    _c(DISPATCHED, QT_TRANSLATE_NOOP("codes", "Dispatched")),
    _c(CLAIMED, QT_TRANSLATE_NOOP("codes", "Claimed by the unit")),
    _c(IN_PROGRESS, QT_TRANSLATE_NOOP("codes", "Being handled")),
    _c(DONE, QT_TRANSLATE_NOOP("codes", "Completed")),
    _c(RATED, QT_TRANSLATE_NOOP("codes", "Rated")),
    _c(RETURNED, QT_TRANSLATE_NOOP("codes", "Returned")),
    _c(CLOSED, QT_TRANSLATE_NOOP("codes", "Closed")),
)
FINISHED = frozenset({DONE, RATED, CLOSED})  # nothing more is due
COMPLETED = frozenset({DONE, RATED})  # 办结

# The steps.
ASSIGN, SEND_UP, DISPATCH, RETURN = "assign", "send_up", "dispatch", "return"
CLAIM, PROGRESS, COMPLETE, RATE, CLOSE = "claim", "progress", "complete", "rate", "close"
STEPS = CodeTable(
    _c(ASSIGN, QT_TRANSLATE_NOOP("codes", "Assigned by the community")),
    _c(SEND_UP, QT_TRANSLATE_NOOP("codes", "Sent up to the street")),
    _c(DISPATCH, QT_TRANSLATE_NOOP("codes", "Dispatched by the street")),
    _c(RETURN, QT_TRANSLATE_NOOP("codes", "Returned by the street")),
    _c(CLAIM, QT_TRANSLATE_NOOP("codes", "Claim")),
    _c(PROGRESS, QT_TRANSLATE_NOOP("codes", "Progress")),
    _c(COMPLETE, QT_TRANSLATE_NOOP("codes", "Completion")),
    _c(RATE, QT_TRANSLATE_NOOP("codes", "Rated by the resident")),
    _c(CLOSE, QT_TRANSLATE_NOOP("codes", "Closed")),
)
#: the states a step applies in, and the state it leads to
RULES: dict[str, tuple[frozenset[str], str]] = {
    ASSIGN: (frozenset({NEW, COMMUNITY, RETURNED}), COMMUNITY),
    SEND_UP: (frozenset({NEW, COMMUNITY, RETURNED}), SENT_UP),
    DISPATCH: (frozenset({SENT_UP, DISPATCHED}), DISPATCHED),
    RETURN: (frozenset({SENT_UP, DISPATCHED}), RETURNED),
    CLAIM: (frozenset({COMMUNITY, DISPATCHED}), CLAIMED),
    PROGRESS: (frozenset({CLAIMED, IN_PROGRESS}), IN_PROGRESS),
    COMPLETE: (frozenset({CLAIMED, IN_PROGRESS}), DONE),
    RATE: (frozenset({DONE}), RATED),
    CLOSE: (frozenset({NEW, COMMUNITY, SENT_UP, DISPATCHED, CLAIMED, IN_PROGRESS, RETURNED}),
            CLOSED),
}
#: which office writes a step: the community owns the order, the street its dispatch;
#: a unit's claim, progress and completion are recorded by whoever hears of them
COMMUNITY_STEPS = frozenset({ASSIGN, SEND_UP, CLAIM, PROGRESS, COMPLETE, RATE, CLOSE})
STREET_STEPS = frozenset({DISPATCH, RETURN, CLAIM, PROGRESS, COMPLETE})

MAX_TEXT = 2000  # characters of a description, reason, result or remark
RATINGS = range(1, 6)  # 1–5; 5 is 非常满意

MSG_DESCRIPTION = QT_TRANSLATE_NOOP("errors", "Need: say what the resident needs.")
MSG_PLAN_DATE = QT_TRANSLATE_NOOP(
    "errors", "Plan date: a long-term order needs the date its project plans to finish.")
MSG_STEP_STATE = QT_TRANSLATE_NOOP(
    "errors", "The order stands at {state}: {step} cannot be recorded now.")
MSG_STEP_OFFICE = QT_TRANSLATE_NOOP(
    "errors", "{step} is recorded by the {office} office, not here.")
MSG_ASSIGN_TO = QT_TRANSLATE_NOOP(
    "errors", "Assigned to: choose a unit of the area, an in-service member or a grid team.")
MSG_DISPATCH_TO = QT_TRANSLATE_NOOP(
    "errors", "Dispatched to: choose a unit of the area or a department.")
MSG_REASON = QT_TRANSLATE_NOOP("errors", "Reason: say why.")
MSG_RESULT = QT_TRANSLATE_NOOP("errors", "Result: say what was done.")
MSG_PROGRESS = QT_TRANSLATE_NOOP("errors", "Progress: say what has been done so far.")
MSG_RATING = QT_TRANSLATE_NOOP(
    "errors", "Rating: give 1 to 5 (5 very satisfied); {value} is not.")
MSG_DEADLINE = QT_TRANSLATE_NOOP(
    "errors", "Deadline: {deadline} is before the day of the step ({day}).")

# the words the messages use for fields and offices (context "codes", see errors.Term)
FIELD_LABELS = {
    "description": QT_TRANSLATE_NOOP("codes", "Need"),
    "text": QT_TRANSLATE_NOOP("codes", "Text"),
    "category": QT_TRANSLATE_NOOP("codes", "Category"),
    "urgency": QT_TRANSLATE_NOOP("codes", "Urgency"),
    "source": QT_TRANSLATE_NOOP("codes", "Source"),
}
OFFICE_LABELS = {"community": QT_TRANSLATE_NOOP("codes", "community"),
                 "street": QT_TRANSLATE_NOOP("codes", "street")}


@dataclass(frozen=True)
class Step:
    """One step of an order, as stored (plain data)."""

    kind: str  # one of STEPS
    at: dt.datetime
    office: str  # "community" or "street": the kind of office that wrote it
    assignee_kind: str | None = None  # ASSIGN and DISPATCH: one of ASSIGNEES
    assignee_id: str | None = None
    assignee_name: str = ""  # as it read when assigned (lists and paper)
    deadline: dt.date | None = None  # DISPATCH: the street's; else by the urgency
    text: str = ""  # the reason, progress, result or the resident's remark
    rating: int | None = None  # RATE: 1–5
    key: str = ""  # orders two steps of the same moment (the record's id)
    recorded_by: str = ""  # who typed it in (shown in the history; no rule reads it)


@dataclass(frozen=True)
class Status:
    """Where an order stands after its steps (:func:`fold`)."""

    state: str = NEW
    assignee_kind: str | None = None
    assignee_id: str | None = None
    assignee_name: str = ""
    deadline: dt.date | None = None
    accepted_on: dt.date | None = None  # 受理: first assigned or sent up
    done_on: dt.date | None = None
    rating: int | None = None
    applied: tuple[Step, ...] = ()
    ignored: tuple[Step, ...] = ()  # arrived after the order moved on

    @property
    def finished(self) -> bool:
        return self.state in FINISHED

    def overdue(self, today: dt.date) -> bool:
        """Not finished and past its deadline."""
        return not self.finished and self.deadline is not None and today > self.deadline


def deadline_for(urgency: str, taken_on: dt.date, plan_date: dt.date | None) -> dt.date | None:
    """The deadline of an order taken on ``taken_on``: by its urgency, or its plan."""
    days = URGENCY_DAYS.get(urgency)
    return taken_on + dt.timedelta(days=days) if days is not None else plan_date


def _text(field_name: str, text: str) -> str:
    """A text of several lines: trimmed, without control or direction characters, not
    longer than MAX_TEXT."""
    label = Term(FIELD_LABELS[field_name])
    cleaned = text.strip()
    check_text(field_name, label, cleaned)
    if len(cleaned) > MAX_TEXT:
        raise ValidationError(field_name, MSG_TOO_LONG, field=label, limit=MAX_TEXT)
    return cleaned


def _code(field_name: str, table: CodeTable, value: str) -> None:
    if value not in table:
        raise ValidationError(field_name, MSG_CODE_VALUE, field=Term(FIELD_LABELS[field_name]),
                              value=value)


def check_order(description: str, category: str, urgency: str, source: str,
                plan_date: dt.date | None) -> str:
    """The order's own fields checked; returns the description as stored."""
    text = _text("description", description)
    if not text:
        raise ValidationError("description", MSG_DESCRIPTION)
    _code("category", CATEGORIES, category)
    _code("urgency", URGENCIES, urgency)
    _code("source", SOURCES, source)
    if urgency == LONG_TERM and plan_date is None:
        raise ValidationError("plan_date", MSG_PLAN_DATE)
    return text


def check_step(status: Status, step: Step) -> None:
    """Refuse a step the order cannot take now, or one whose fields are missing, with
    a message naming the field (nothing is written then)."""
    if step.office not in OFFICE_LABELS or step.kind not in (
            COMMUNITY_STEPS if step.office == "community" else STREET_STEPS):
        other = "street" if step.office == "community" else "community"
        raise ValidationError("step", MSG_STEP_OFFICE, step=Term(STEPS.label(step.kind)),
                              office=Term(OFFICE_LABELS[other]))
    allowed, _result = RULES[step.kind]
    if status.state not in allowed:
        raise ValidationError("step", MSG_STEP_STATE, state=Term(STATES.label(status.state)),
                              step=Term(STEPS.label(step.kind)))
    if step.kind in (ASSIGN, DISPATCH):
        choices = COMMUNITY_ASSIGNEES if step.kind == ASSIGN else STREET_ASSIGNEES
        if step.assignee_kind not in choices or not step.assignee_id:
            raise ValidationError("assignee", MSG_ASSIGN_TO if step.kind == ASSIGN
                                  else MSG_DISPATCH_TO)
    if step.deadline is not None and step.deadline < step.at.date():
        raise ValidationError("deadline", MSG_DEADLINE, deadline=step.deadline.isoformat(),
                              day=step.at.date().isoformat())
    text = _text("text", step.text)
    needs = {RETURN: ("reason", MSG_REASON), CLOSE: ("reason", MSG_REASON),
             COMPLETE: ("result", MSG_RESULT), PROGRESS: ("progress", MSG_PROGRESS)}
    if step.kind in needs and not text:
        raise ValidationError(*needs[step.kind])
    if step.kind == RATE and step.rating not in RATINGS:
        raise ValidationError("rating", MSG_RATING, value=step.rating)


def apply(status: Status, step: Step, urgency: str, plan_date: dt.date | None) -> Status:
    """``status`` after ``step`` (which :func:`check_step` allows)."""
    _allowed, state = RULES[step.kind]
    day = step.at.date()
    values = {"state": state, "applied": (*status.applied, step)}
    if step.kind in (ASSIGN, DISPATCH):
        values.update(assignee_kind=step.assignee_kind, assignee_id=step.assignee_id,
                      assignee_name=step.assignee_name)
        values["deadline"] = step.deadline or deadline_for(urgency, day, plan_date)
    if step.kind in (ASSIGN, SEND_UP) and status.accepted_on is None:
        values["accepted_on"] = day
    if step.kind == SEND_UP:
        values.update(assignee_kind=None, assignee_id=None, assignee_name="")
    if step.kind == COMPLETE:
        values["done_on"] = day
    if step.kind == RATE:
        values["rating"] = step.rating
    return replace(status, **values)  # type: ignore[arg-type]


def ordered(steps: Iterable[Step]) -> list[Step]:
    """Steps in the order they happened (the same on every PC)."""
    return sorted(steps, key=lambda s: (
        s.at, s.key, s.kind, s.office, s.assignee_kind or "", s.assignee_id or "",
        s.assignee_name, s.deadline or dt.date.min, s.text,
        -1 if s.rating is None else s.rating))


def _permitted(state: str, step: Step) -> bool:
    """Whether :func:`check_step` allows ``step`` in ``state`` (the same rules, without
    making the messages: a list folds thousands of orders)."""
    if step.kind not in (COMMUNITY_STEPS if step.office == "community" else
                         STREET_STEPS if step.office == "street" else ()):
        return False
    if state not in RULES[step.kind][0]:
        return False
    if step.kind in (ASSIGN, DISPATCH) and (
            step.assignee_kind not in (COMMUNITY_ASSIGNEES if step.kind == ASSIGN
                                       else STREET_ASSIGNEES) or not step.assignee_id):
        return False
    if step.deadline is not None and step.deadline < step.at.date():
        return False
    text = step.text.strip()
    if len(text) > MAX_TEXT or (text and bad_character(text) is not None):
        return False
    if not text and step.kind in (RETURN, CLOSE, COMPLETE, PROGRESS):
        return False
    return step.kind != RATE or step.rating in RATINGS


def fold(steps: Iterable[Step], urgency: str, plan_date: dt.date | None = None) -> Status:
    """The order's status after ``steps`` (in any order: they are put in time order);
    a step the order could not take when it came is kept in ``ignored``. The same as
    :func:`apply` of each step :func:`check_step` allows, in a few locals."""
    state, kind_to, to_id, to_name = NEW, None, None, ""
    deadline = accepted = done = rating = None
    applied: list[Step] = []
    ignored: list[Step] = []
    for step in ordered(steps):
        if not _permitted(state, step):
            ignored.append(step)
            continue
        kind, day = step.kind, step.at.date()
        state = RULES[kind][1]
        applied.append(step)
        if kind in (ASSIGN, DISPATCH):
            kind_to, to_id, to_name = step.assignee_kind, step.assignee_id, step.assignee_name
            deadline = step.deadline or deadline_for(urgency, day, plan_date)
        if kind in (ASSIGN, SEND_UP) and accepted is None:
            accepted = day
        if kind == SEND_UP:
            kind_to, to_id, to_name = None, None, ""
        elif kind == COMPLETE:
            done = day
        elif kind == RATE:
            rating = step.rating
    return Status(state, kind_to, to_id, to_name, deadline, accepted, done, rating,
                  tuple(applied), tuple(ignored))


@dataclass(frozen=True)
class Completion:
    """办结 / 受理 of some orders."""

    accepted: int
    completed: int

    @property
    def rate(self) -> float | None:
        return self.completed / self.accepted if self.accepted else None


def completion(statuses: Sequence[Status]) -> Completion:
    """Of the orders taken on (assigned or sent up), how many were completed."""
    accepted = [s for s in statuses if s.accepted_on is not None]
    return Completion(len(accepted), sum(1 for s in accepted if s.state in COMPLETED))
